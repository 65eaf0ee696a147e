"""The live preview follows typing, keeps the last good render on errors, and links back to fields."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from app.domain.sample import sample_letter
from app.ui.preview import render_preview
from tests.gui.test_editing import SALARY, open_sample, retype


def preview_text(window) -> str:
    return window.preview_pane.browser.toPlainText()


def test_preview_shows_the_letter_at_start(qtbot, make_main_window):
    window = make_main_window(sample=True)
    qtbot.waitUntil(lambda: "James S. Lusk" in preview_text(window), timeout=5000)


def test_new_letter_has_no_preview_until_the_candidate_is_filled_in(qtbot, make_main_window):
    window = make_main_window()
    assert window.preview_pane.banner.isVisible()
    assert window.preview_pane.banner.text().startswith("No preview yet: the letter has")
    assert window.navigator.states["parties"].value == "error"


def test_preview_follows_typing(qtbot, make_main_window):
    window = open_sample(make_main_window())
    qtbot.waitUntil(lambda: "$300,000.00" in preview_text(window), timeout=5000)
    window.navigator.select_section("compensation")
    retype(qtbot, window.editor(SALARY).edit, "325,000")
    qtbot.waitUntil(lambda: "$325,000.00" in preview_text(window), timeout=5000)
    assert "$300,000.00" not in preview_text(window)
    assert not window.preview_pane.banner.isVisible()


def test_errors_keep_the_last_good_preview_with_a_banner(qtbot, make_main_window):
    window = open_sample(make_main_window())
    qtbot.waitUntil(lambda: "James S. Lusk" in preview_text(window), timeout=5000)
    window.navigator.select_section("compensation")
    retype(qtbot, window.editor(SALARY).edit, "lots")
    banner = window.preview_pane.banner
    assert banner.isVisible()
    assert "Out of date" in banner.text() and "Base salary" in banner.text()
    assert "$300,000.00" in preview_text(window)
    retype(qtbot, window.editor(SALARY).edit, "301000")
    qtbot.waitUntil(lambda: "$301,000.00" in preview_text(window), timeout=5000)
    assert not banner.isVisible()


def test_stale_renders_are_dropped(qtbot, make_main_window):
    window = open_sample(make_main_window())
    controller = window.preview
    controller.render_now()
    qtbot.waitUntil(lambda: controller.idle, timeout=5000)
    letter = sample_letter()
    old = render_preview(controller.sequence - 1, letter.model_copy(update={"letter": letter.letter.model_copy(update={"re_line": "STALE"})}))
    controller._on_render_finished(old)
    assert "STALE" not in preview_text(window)


def test_clicking_a_term_goes_to_its_field(qtbot, make_main_window):
    window = open_sample(make_main_window())
    qtbot.waitUntil(lambda: "$300,000.00" in preview_text(window), timeout=5000)
    assert 'href="term:compensation.base_salary"' in window.preview.last_result.html
    window.navigator.select_section("parties")
    window.preview_pane.browser.anchorClicked.emit(QUrl("term:compensation.base_salary"))
    assert window.current_section_key() == "compensation"
    qtbot.waitUntil(lambda: window.editor(SALARY).edit.hasFocus())
    window.preview_pane.browser.anchorClicked.emit(QUrl("term:equity.grants.0.shares"))
    assert window.current_section_key() == "equity"
    qtbot.waitUntil(lambda: window.editor(("equity", "grants", 0, "shares")).spin.hasFocus())


def test_preview_keeps_the_scroll_position(qtbot, make_main_window):
    window = open_sample(make_main_window())
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: "$300,000.00" in preview_text(window), timeout=5000)
    bar = window.preview_pane.browser.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    position = bar.value()
    assert position > 0
    window.document.edit(("position", "title"), "Chief Financial Officer", "Title(s)")
    qtbot.waitUntil(lambda: window.preview.idle and "Chief Financial Officer." in preview_text(window), timeout=5000)
    assert bar.value() == position


def test_choosing_a_section_brings_it_into_view_in_the_preview(qtbot, make_main_window):
    window = open_sample(make_main_window())
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: "$300,000.00" in preview_text(window), timeout=5000)
    bar = window.preview_pane.browser.verticalScrollBar()
    window.select_section("arbitration")
    at_arbitration = bar.value()
    assert at_arbitration > 0
    window.select_section("covenants")  # Exhibit A has no numbered heading: its first term
    assert bar.value() > at_arbitration
    window.select_section("parties")
    assert bar.value() < at_arbitration
