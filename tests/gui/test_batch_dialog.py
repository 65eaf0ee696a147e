"""Letter > Batch...: the dialog makes the letters from the open letter, shows progress, can be cancelled."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

from PySide6.QtCore import Qt

from app.domain.embedded_terms import read_embedded_terms
from tests.gui.test_editing import open_sample

HEADER = ["candidate.full_name", "compensation.base_salary", "position.start_date"]


def write_terms(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([HEADER, *rows])
    return path


def test_batch_from_the_letter_menu_writes_each_row_and_reports_a_bad_one(qtbot, make_main_window, tmp_path):
    window = open_sample(make_main_window())
    window.document.edit(("position", "title"), "Chief Operating Officer", "Title(s)")
    terms = write_terms(tmp_path / "terms.csv", [
        ["Jane Doe", "350000", "2025-03-01"],
        ["Bob Roe", "275000", "15 March 2025"],
        ["Ann Lee", "410000", "2025-04-01"],
    ])
    letter_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Letter")
    assert window.batch_action in letter_menu.actions()
    window.batch_action.trigger()
    dialog = window.batch_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.terms_edit.setText(str(terms))
    dialog.folder_edit.setText(str(tmp_path / "letters"))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert not dialog.start_button.isEnabled() or not dialog.running
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)

    assert dialog.progress.value() == dialog.progress.maximum() == 3
    assert dialog.status.text().startswith("2 of 3 letters written to")
    assert dialog.message_bar.level == "warning"
    assert "row 3: column position.start_date: '15 March 2025' is not a date" in dialog.message_bar.text.text()
    names = sorted(p.name for p in (tmp_path / "letters").iterdir())
    assert names == ["0002-Jane-Doe.docx", "0004-Ann-Lee.docx", "summary.csv"]
    # The base is the open letter as edited, not the file on disk.
    carried = read_embedded_terms((tmp_path / "letters" / "0002-Jane-Doe.docx").read_bytes()).letter_file
    assert "Chief Operating Officer" in carried and '"full_name": "Jane Doe"' in carried
    assert dialog.start_button.isEnabled() and dialog.close_button.isEnabled()


def test_an_unknown_column_is_named_and_nothing_is_made(qtbot, make_main_window, tmp_path):
    window = open_sample(make_main_window())
    terms = tmp_path / "terms.csv"
    terms.write_text("candidate.full_name,salary\nJane,1\n", encoding="utf-8")
    dialog = window.open_batch_dialog()
    dialog.terms_edit.setText(str(terms))
    dialog.folder_edit.setText(str(tmp_path / "letters"))
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert dialog.message_bar.level == "error"
    assert "unknown column 'salary'" in dialog.message_bar.text.text()
    assert dialog.status.text() == "No letters were made."
    assert not any((tmp_path / "letters").iterdir())


def test_cancel_stops_after_the_current_letter_and_leaves_only_whole_files(qtbot, make_main_window, tmp_path):
    window = open_sample(make_main_window())
    terms = write_terms(tmp_path / "terms.csv", [[f"Person {i}", "300000", "2025-03-01"] for i in range(40)])
    dialog = window.open_batch_dialog()
    dialog.terms_edit.setText(str(terms))
    dialog.folder_edit.setText(str(tmp_path / "letters"))
    dialog.pdf_check.setChecked(True)  # a stopped batch makes no PDFs
    dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=30000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Stopping after the letter being made…"
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)

    batch = dialog.last_run
    assert batch.stopped and 1 <= len(batch.written) < 40
    assert dialog.status.text().startswith(f"Stopped: {len(batch.written)} of 40 letters written")
    files = sorted((tmp_path / "letters").iterdir())
    docx_files = [p for p in files if p.suffix == ".docx"]
    assert len(docx_files) == len(batch.written)
    assert all(zipfile.is_zipfile(p) for p in docx_files)
    assert {p.suffix for p in files} == {".docx", ".csv"}  # no PDFs, no temporary files
    summary = (tmp_path / "letters" / "summary.csv").read_text(encoding="utf-8").splitlines()
    assert len(summary) == 1 + len(batch.written)
