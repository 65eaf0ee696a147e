"""The Review tab: findings on the letter as rendered, refreshed on each render; a finding goes to its
words in the reviewed text and the preview, and to its term's editor."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from app.ui.review_view import ReviewView
from tests.gui.test_editing import open_sample, retype

FAMILIAR = ("candidate", "familiar_name")


def open_review(qtbot, window) -> ReviewView:
    open_sample(window)
    qtbot.waitUntil(lambda: window.preview.current_document() is not None, timeout=5000)
    window.side_tabs.setCurrentWidget(window.review_tab)
    view = window.review_tab.made
    assert view is not None
    qtbot.waitUntil(lambda: bool(view.findings), timeout=5000)
    return view


def rows(view: ReviewView) -> list[tuple[str, str, str]]:
    out = []
    for i in range(view.list.topLevelItemCount()):
        item = view.list.topLevelItem(i)
        out.append((item.text(0), item.text(1), item.text(2)))
    return out


def test_the_review_tab_lists_the_samples_findings(qtbot, make_main_window):
    window = make_main_window()
    view = open_review(qtbot, window)
    drafting = [r for r in rows(view) if not r[1].startswith("legal")]
    assert [r[1] for r in drafting] == ["defined-term-unused", "defined-term-undefined"]
    assert drafting[0][2] == "Section 5, \u00b6 1"
    assert drafting[0][0].startswith('"MERP" is defined but never used')
    assert '\u201creimbursement plan (the "MERP") and a\u201d' in drafting[0][0]
    assert window.side_tabs.tabText(window.side_tabs.indexOf(window.review_tab)) == f"Review ({len(view.findings)})"
    # Each finding's words are marked in the reviewed text below the list.
    qtbot.waitUntil(lambda: "time during the Term, become" in view.text.toPlainText(), timeout=3000)
    assert "#fff0b3" in view.text.toHtml()  # the warning's words are marked


def test_the_review_follows_an_edit_and_goes_to_the_field(qtbot, make_main_window):
    window = make_main_window()
    view = open_review(qtbot, window)
    window.navigator.select_section("parties")
    retype(qtbot, window.editor(FAMILIAR).edit, "Jim Jim")
    qtbot.waitUntil(lambda: any(f.rule == "doubled-word" for f in view.findings), timeout=5000)
    row = next(i for i, f in enumerate(view.findings) if f.rule == "doubled-word")
    finding = view.findings[row]
    assert finding.location.field == "candidate.familiar_name"
    window.navigator.select_section("vacation")  # elsewhere, so going to the field is seen
    item = view.list.topLevelItem(row)
    view.list.setCurrentItem(item)
    view.list.itemActivated.emit(item, 0)
    # The reviewed text and the preview select the words; the term's editor has the cursor.
    assert view.text.textCursor().selectedText() == finding.excerpt
    assert window.preview_pane.browser.textCursor().selectedText() == finding.excerpt
    qtbot.waitUntil(lambda: window.editor(FAMILIAR).edit.hasFocus(), timeout=3000)
    assert window.current_section_key() == "parties"
    # Fixing the term clears the finding on the next render.
    retype(qtbot, window.editor(FAMILIAR).edit, "Jim")
    qtbot.waitUntil(lambda: not any(f.rule == "doubled-word" for f in view.findings), timeout=5000)


def test_a_letter_with_errors_says_why_there_is_no_review(qtbot, make_main_window):
    window = make_main_window()
    view = open_review(qtbot, window)
    window.navigator.select_section("compensation")
    retype(qtbot, window.editor(("compensation", "base_salary")).edit, "3OO,000")
    qtbot.waitUntil(lambda: "error" in view.summary.text() and not view.findings, timeout=5000)
    assert view.list.topLevelItemCount() == 0
    assert window.side_tabs.tabText(window.side_tabs.indexOf(window.review_tab)) == "Review"


def test_the_view_menus_review_opens_the_tab(qtbot, make_main_window):
    window = make_main_window()
    open_sample(window)
    assert window.review_tab.made is None  # made on first use
    assert window.show_review_action.shortcut() == QKeySequence("Ctrl+5")
    window.show_review_action.trigger()
    assert window.side_tabs.currentWidget() is window.review_tab
    assert window.review_tab.made is not None


def test_a_legal_finding_goes_to_its_term(qtbot, make_main_window):
    window = make_main_window()
    view = open_review(qtbot, window)
    row = next(i for i, f in enumerate(view.findings) if f.rule == "legal-noncompete-after-severance")
    finding = view.findings[row]
    assert "M.G.L. c. 149, 24L(b)(iv)" in finding.message and finding.location.section == "Exhibit A"
    item = view.list.topLevelItem(row)
    view.list.setCurrentItem(item)
    view.list.itemActivated.emit(item, 0)
    assert window.current_section_key() == "covenants"
    qtbot.waitUntil(lambda: window.focusWidget() is not None and window.editor(
        ("covenants", "noncompete", "starts")).frame.isAncestorOf(window.focusWidget()), timeout=3000)
    # The preview shows the clause: its words are selected there.
    assert window.preview_pane.browser.textCursor().selectedText() == finding.excerpt
