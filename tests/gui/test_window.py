"""The window: menus and shortcuts, tab order, layout restored from settings, recent files,
comparing, the crash dialog and the ``offerdesk gui --screenshot`` command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from app.ui.crash import CrashDialog, install_excepthook
from tests.gui.test_editing import open_sample
from tests.gui.test_files import write_letter

ROOT = Path(__file__).resolve().parents[2]


def menu_actions(window):
    out = []
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            out.append(action)
    return out


def test_every_menu_action_has_a_shortcut(make_main_window):
    window = make_main_window(show=False)
    actions = menu_actions(window)
    assert len(actions) > 15
    missing = [a.text() for a in actions if a.shortcut().isEmpty()]
    assert missing == []
    shortcuts = [a.shortcut().toString() for a in actions if not a.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts)), "two actions share a shortcut"


def test_tab_order_follows_the_form(qtbot, make_main_window):
    window = open_sample(make_main_window())
    window.navigator.select_section("position")
    first = window.editor(("position", "offered_role")).edit
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    expected = [("position", "title"), ("position", "duties"), ("position", "reports_to")]
    for path in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is window.editor(path).focus_widget, path


def test_layout_is_restored_from_settings(qtbot, make_main_window, tmp_path):
    window = make_main_window()
    window.resize(760, 560)  # within the offscreen screen (800x600): restoring clamps to the screen
    window.splitter.setSizes([150, 300, 300])
    window.problems_dock.hide()
    sizes = window.splitter.sizes()
    window.close()
    again = make_main_window()
    assert again.splitter.sizes() == sizes
    assert (again.width(), again.height()) == (760, 560)
    assert not again.problems_dock.isVisible()
    assert (tmp_path / "config" / "offerdesk.ini").exists()


def test_recent_files_menu_reopens(make_main_window, tmp_path):
    path = write_letter(tmp_path / "recent.offer.json")
    window = make_main_window()
    assert window.open_path(path)
    window.new_letter()
    window._fill_recent_menu()
    entries = [a for a in window.recent_menu.actions() if a.text() == "recent.offer.json"]
    assert entries
    entries[0].trigger()
    assert window.document.file_path == path.absolute()


def test_compare_with_a_letter_file(make_main_window, tmp_path):
    other = dict(__import__("app.domain.sample", fromlist=["SAMPLE_TERMS"]).SAMPLE_TERMS)
    other["compensation"] = {"base_salary": "280000.00", "pay_frequency": "bi-weekly"}
    path = write_letter(tmp_path / "earlier.offer.json", other)
    window = open_sample(make_main_window())
    window.compare_with_file(path)
    assert window.side_tabs.currentWidget() is window.changes_tab
    assert window.changes_view.has_baseline
    assert any("salary" in str(change).lower() for change in window.changes_view.terms)


def test_next_problem_walks_the_problems(qtbot, make_main_window):
    window = open_sample(make_main_window())
    window.document.edit(("arbitration", "venue_city"), "", "Venue: city")
    window.document.edit(("position", "title"), "", "Title(s)")
    window.next_problem_action.trigger()
    first = window.current_section_key()
    window.next_problem_action.trigger()
    assert {first, window.current_section_key()} == {"arbitration", "position"}


def test_unexpected_exception_opens_the_crash_dialog_without_letter_data(make_main_window, monkeypatch):
    window = open_sample(make_main_window())
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(lambda: [window.document.draft])
    try:
        raise RuntimeError("failed on James S. Lusk")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()]
    assert len(dialogs) == 1
    details = dialogs[0].details.toPlainText()
    assert "RuntimeError" in details and "Lusk" not in details
    dialogs[0].reject()
    dialogs[0].deleteLater()


def test_crash_dialog_copies_its_details(make_main_window):
    window = make_main_window()
    dialog = CrashDialog("details without names", window)
    dialog._on_copy_clicked()
    assert QApplication.clipboard().text() == "details without names"
    dialog.close()
    dialog.deleteLater()


def test_gui_command_saves_a_screenshot(tmp_path):
    out = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OFFERDESK_CONFIG_DIR": str(tmp_path / "config"),
           "OFFERDESK_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))",
         "gui", "--sample", "--screenshot", str(out), "--size", "1366x768"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
    settings = tmp_path / "config" / "offerdesk.ini"
    assert not settings.exists() or "geometry" not in settings.read_text()  # the user's layout is kept


def test_gui_command_rejects_a_bad_file(tmp_path):
    bad = tmp_path / "bad.offer.json"
    bad.write_text("[]", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OFFERDESK_CONFIG_DIR": str(tmp_path / "config"),
           "OFFERDESK_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))",
         "gui", str(bad), "--screenshot", str(tmp_path / "x.png")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 2
    assert "bad.offer.json cannot be opened" in result.stderr


def test_changes_view_asks_for_a_baseline_and_jumps_to_terms(qtbot, make_main_window, monkeypatch):
    window = open_sample(make_main_window())
    view = window.changes_view
    shown = []
    # The offscreen platform cannot show popups without warnings: record the request instead.
    monkeypatch.setattr(window.compare_menu, "popup", shown.append)
    view.baseline_requested.emit()
    assert len(shown) == 1
    assert window.compare_file_action in window.compare_menu.actions()
    view.term_activated.emit("equity.grants[0].shares")
    assert window.current_section_key() == "equity"
    qtbot.waitUntil(lambda: window.editor(("equity", "grants", 0, "shares")).spin.hasFocus())
