"""`offerdesk gui` paints the window first and checks the letter just after (``check_after_paint``).

Until that first check the window must not claim anything about the letter: no section states, no
"No errors or warnings", export disabled with the reason. Once checked, it is the same window as one
checked at once.
"""

from __future__ import annotations

from app.domain.sample import SAMPLE_TERMS
from app.domain.sections import SECTIONS
from app.ui.main_window import AfterFirstPaint, MainWindow
from tests.gui.test_editing import SALARY, retype
from tests.gui.test_preview import preview_text


def _unchecked_window(qtbot, make_main_window, **kwargs) -> MainWindow:
    window: MainWindow = make_main_window(show=False, check_after_paint=True, **kwargs)
    assert not window.document.checked
    return window


def test_before_the_first_paint_the_window_makes_no_claim_about_the_letter(qtbot, make_main_window):
    window = _unchecked_window(qtbot, make_main_window, sample=True)
    assert window.navigator.states == {}
    first = window.navigator.item(0)
    assert first.toolTip() == f"{SECTIONS[0].title}: being checked"
    assert window.problems_dock.windowTitle() == "Problems: checking the letter…"
    assert window.problems_view.topLevelItem(0).text(0) == "Checking the letter…"
    assert window.export_state.text() == "Checking the letter…"
    for action in (window.export_docx_action, window.export_pdf_action, window.mark_sent_action):
        assert not action.isEnabled()
        assert action.toolTip() == "The letter is being checked"
    # The form already shows the sample's terms.
    assert window.editor(("candidate", "full_name")).focus_widget.text() == "James S. Lusk"
    assert window.preview_pane.browser.toPlainText() == ""
    assert not window.preview_pane.banner.isVisible()


def test_after_the_first_paint_the_letter_is_checked_and_previewed(qtbot, make_main_window):
    window = _unchecked_window(qtbot, make_main_window, sample=True)
    window.show()
    qtbot.waitUntil(lambda: window.document.checked, timeout=5000)
    assert set(window.navigator.states) == {s.key for s in SECTIONS}
    assert window.problems_dock.windowTitle() == "Problems: none"
    assert window.export_docx_action.isEnabled() and window.export_state.text() == "Ready to export"
    qtbot.waitUntil(lambda: "James S. Lusk" in preview_text(window), timeout=5000)


def test_a_new_letter_with_errors_shows_them_once_checked(qtbot, make_main_window):
    window = _unchecked_window(qtbot, make_main_window)
    window.show()
    qtbot.waitUntil(lambda: window.document.checked, timeout=5000)
    assert window.navigator.states["parties"].value == "error"
    assert window.export_state.text().startswith("Export blocked: fix")
    assert window.preview_pane.banner.text().startswith("No preview yet: the letter has")


def test_an_edit_before_the_first_check_checks_the_letter(qtbot, make_main_window):
    window = _unchecked_window(qtbot, make_main_window, sample=True)
    window.navigator.select_section("compensation")
    retype(qtbot, window.editor(SALARY).edit, "-5")
    assert window.document.checked
    assert window.navigator.states["compensation"].value == "error"
    assert window.editor(SALARY).frame.message.text()
    window.document.undo_stack.undo()
    assert window.document.value(SALARY) == SAMPLE_TERMS["compensation"]["base_salary"]
    assert window.navigator.states["compensation"].value == "complete"
    assert window.export_docx_action.isEnabled()


def test_a_window_closed_before_its_first_check_starts_no_render(qtbot, make_main_window):
    window = _unchecked_window(qtbot, make_main_window, sample=True)
    closed: list[bool] = []

    def close_now() -> None:  # at the end of the first paint pass, before the check it queued
        assert not window.document.checked
        closed.append(window.close())

    AfterFirstPaint(window.forms[window.current_section_key()].widget(), close_now)
    window.show()
    qtbot.waitUntil(lambda: bool(closed), timeout=5000)
    qtbot.wait(50)
    assert closed == [True]
    assert not window.document.checked
    assert window.preview.sequence == 0
