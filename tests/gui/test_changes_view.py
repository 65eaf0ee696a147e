"""The Changes pane follows edits: changed terms, the redline and figure deltas; next/previous change."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QPushButton, QTextBrowser, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from app.documents.engine import render_document
from app.domain.letter import Letter
from app.domain.sample import sample_letter
from app.ui.changes_view import NO_BASELINE_TEXT, NO_LETTER_TEXT, STALE_TEXT, ChangesView
from tests.unit.compare.letters import bench_variant, variant


@pytest.fixture
def view(qtbot: QtBot) -> ChangesView:
    widget = ChangesView()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def salary(amount: str) -> Letter:
    def edit(letter: Letter) -> None:
        letter.compensation.base_salary = Decimal(amount)

    return variant(edit)


def tree_rows(tree: QTreeWidget) -> list[list[str]]:
    rows = []
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        rows.append([top.text(0)])
        for j in range(top.childCount()):
            child = top.child(j)
            rows.append([child.text(c) for c in range(tree.columnCount())])
    return rows


def formats_of(browser: QTextBrowser, text: str) -> set[tuple[bool, bool]]:
    """(underlined, struck through) of each character of the first occurrence of ``text`` in the redline."""
    found = browser.document().find(text)
    assert not found.isNull(), f"{text!r} is not in the redline"
    out = set()
    for position in range(found.selectionStart() + 1, found.selectionEnd() + 1):
        cursor = QTextCursor(browser.document())
        cursor.setPosition(position)
        fmt = cursor.charFormat()  # the format of the character before the position
        out.add((fmt.fontUnderline(), fmt.fontStrikeOut()))
    return out


INSERTED = {(True, False)}
DELETED = {(False, True)}


def button(view: ChangesView, text: str) -> QPushButton:
    return next(b for b in view.findChildren(QPushButton) if b.text() == text)


def position(view: ChangesView) -> str:
    return view.findChild(QLabel, "changePosition").text()


def test_without_a_baseline_it_says_how_to_get_one(view: ChangesView, qtbot: QtBot) -> None:
    view.set_current(sample_letter())
    empty = view.findChild(QLabel, "noBaseline")
    assert empty.isVisible()
    assert empty.text() == NO_BASELINE_TEXT
    assert "Mark as sent, or choose a baseline file" in NO_BASELINE_TEXT
    assert view.change_count == 0
    assert not button(view, "Next change").isEnabled()
    with qtbot.waitSignal(view.baseline_requested, timeout=1000):
        button(view, "Choose baseline\u2026").click()


def test_the_view_follows_an_edit(view: ChangesView) -> None:
    view.set_baseline(sample_letter(), "Sent October 1, 2002")
    view.set_current(sample_letter())
    terms = view.findChild(QTreeWidget, "changedTerms")
    assert tree_rows(terms) == [["No term has changed"]]
    assert view.change_count == 0
    assert position(view) == "No changes in the text"

    view.set_current(salary("325000.00"))

    assert tree_rows(terms) == [["Base Compensation"], ["Base salary", "$300,000.00", "$325,000.00"]]
    assert view.findChild(QLabel, "baselineLabel").text() == "Compared with: Sent October 1, 2002"
    browser = view.findChild(QTextBrowser, "redline")
    assert formats_of(browser, "$325,000.00") == INSERTED
    assert formats_of(browser, "$300,000.00") == DELETED
    assert formats_of(browser, "per year") == {(False, False)}
    assert view.change_count == 1
    assert view.current_change == 1
    assert position(view) == "Change 1 of 1"
    figures = tree_rows(view.findChild(QTreeWidget, "figureDeltas"))
    assert ["Salary per pay period (bi-weekly)", "$11,538.46", "$12,500.00"] in figures

    view.set_current(salary("350000.00"))  # the next keystroke
    assert tree_rows(terms)[1] == ["Base salary", "$300,000.00", "$350,000.00"]
    assert formats_of(browser, "$350,000.00") == INSERTED


def test_removed_section_shows_as_one_entry_and_struck_through(view: ChangesView) -> None:
    view.set_baseline(sample_letter(), "Sent")
    view.set_current(bench_variant())
    rows = tree_rows(view.findChild(QTreeWidget, "changedTerms"))
    assert ["Transportation allowance", "included", "removed"] in rows
    browser = view.findChild(QTextBrowser, "redline")
    assert formats_of(browser, "TRANSPORTATION ALLOWANCE") == DELETED


def test_next_and_previous_move_through_the_changes(view: ChangesView, qtbot: QtBot) -> None:
    view.set_baseline(sample_letter(), "Sent")
    view.set_current(bench_variant())
    assert view.change_count == 4
    assert view.current_change == 1
    bar = view.findChild(QTextBrowser, "redline").verticalScrollBar()
    top = bar.value()

    with qtbot.waitSignal(view.current_change_changed, timeout=1000) as moved:
        button(view, "Next change").click()
    assert moved.args == [2]
    assert position(view) == "Change 2 of 4"
    view.next_change()
    view.next_change()
    assert view.current_change == 4
    assert bar.value() > top  # the last change is further down the letter
    view.next_change()
    assert view.current_change == 1  # wraps around
    button(view, "Previous change").click()
    assert view.current_change == 4
    view.previous_change()
    assert view.current_change == 3


def test_keyboard_shortcuts_move_between_changes(view: ChangesView, qtbot: QtBot) -> None:
    view.set_baseline(sample_letter(), "Sent")
    view.set_current(bench_variant())
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.current_change == 2
    qtbot.keyClick(view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_change == 1


def test_current_change_is_kept_while_editing_elsewhere(view: ChangesView) -> None:
    view.set_baseline(sample_letter(), "Sent")
    view.set_current(bench_variant())
    view.next_change()
    view.next_change()
    edited = bench_variant()
    edited.letter.complimentary_close = "Very truly yours"
    view.set_current(edited)
    assert view.change_count == 5
    assert view.current_change == 3


def test_activating_a_term_asks_for_its_field(view: ChangesView, qtbot: QtBot) -> None:
    view.set_baseline(sample_letter(), "Sent")
    view.set_current(salary("325000.00"))
    terms = view.findChild(QTreeWidget, "changedTerms")
    item: QTreeWidgetItem = terms.topLevelItem(0).child(0)
    with qtbot.waitSignal(view.term_activated, timeout=1000) as activated:
        terms.itemActivated.emit(item, 0)
    assert activated.args == ["compensation.base_salary"]


def test_clearing_the_baseline_returns_to_the_hint(view: ChangesView) -> None:
    view.set_baseline(sample_letter(), "Sent")
    view.set_current(bench_variant())
    view.set_baseline(None, "")
    assert view.findChild(QLabel, "noBaseline").isVisible()
    assert view.change_count == 0
    assert view.terms == []


def test_a_draft_with_errors_keeps_the_last_valid_comparison(view: ChangesView) -> None:
    view.set_baseline(sample_letter(), "Sent")
    view.set_current(None)
    assert view.findChild(QLabel, "noBaseline").text() == NO_LETTER_TEXT
    view.set_current(bench_variant())
    view.set_current(None)  # the user is typing an invalid value
    note = view.findChild(QLabel, "previewBanner")
    assert note.isVisible() and note.text() == STALE_TEXT
    assert view.change_count == 4
    assert len(view.terms) == 4
    view.set_current(salary("325000.00"))
    assert not note.isVisible()
    assert view.change_count == 1


def test_a_rendered_document_can_be_passed_in(view: ChangesView) -> None:
    letter = salary("325000.00")
    view.set_baseline(sample_letter(), "Sent")
    view.set_current(letter, render_document(letter))
    assert view.change_count == 1
    assert formats_of(view.findChild(QTextBrowser, "redline"), "$325,000.00") == INSERTED


def test_choosing_a_term_shows_its_change_in_the_letter(view: ChangesView) -> None:
    view.set_baseline(sample_letter(), "Sent")
    view.set_current(bench_variant())
    terms = view.findChild(QTreeWidget, "changedTerms")
    by_label = {terms.topLevelItem(i).child(0).text(0): terms.topLevelItem(i).child(0)
                for i in range(terms.topLevelItemCount())}
    terms.setCurrentItem(by_label["Non-compete"])  # Exhibit A: the last change
    assert view.current_change == 4
    terms.setCurrentItem(by_label["Transportation allowance"])  # the removed section
    assert view.current_change == 2
    assert view.show_term(("position", "start_date")) is False  # not printed in the letter
    assert view.current_change == 2


def test_an_edit_keeps_the_readers_place_in_the_redline(view: ChangesView) -> None:
    view.set_baseline(sample_letter(), "Sent")
    view.set_current(bench_variant())
    bar = view.findChild(QTextBrowser, "redline").verticalScrollBar()
    bar.setValue(bar.maximum())  # the reader scrolls to the end of Exhibit A
    edited = bench_variant()
    edited.compensation.base_salary = Decimal("330000.00")
    view.set_current(edited)
    assert bar.value() == bar.maximum()
    assert view.current_change == 1


def test_the_current_change_is_shaded(view: ChangesView) -> None:
    view.set_baseline(sample_letter(), "Sent")
    view.set_current(bench_variant())
    browser = view.findChild(QTextBrowser, "redline")
    shaded = [s.cursor.selectedText() for s in browser.extraSelections()]
    assert shaded == ["$300,000.00$325,000.00"]
    view.next_change()
    [selection] = browser.extraSelections()
    # the removed section: its heading and its paragraph (Qt writes the paragraph break as U+2029)
    assert selection.cursor.selectedText().startswith("4. TRANSPORTATION ALLOWANCE:\u2029During your employment")
    view.set_baseline(None, "")
    assert browser.extraSelections() == []


def test_scenario_figures_follow_the_chosen_date(view: ChangesView) -> None:
    view.set_baseline(sample_letter(), "Sent")
    view.set_current(bench_variant())
    view.set_scenario_date(date(2004, 3, 1))
    groups = {f.group for f in view.figures if f.key.startswith("scenario.")}
    assert "Termination without Cause on March 1, 2004" in groups
    rows = tree_rows(view.findChild(QTreeWidget, "figureDeltas"))
    assert ["Termination without Cause on March 1, 2004"] in rows


def test_the_changes_tab_prices_scenarios_on_the_date_picked_in_calculations(make_main_window) -> None:
    window = make_main_window(sample=True)
    baseline = sample_letter()
    window.document.edit(("compensation", "base_salary"), "325000.00", "Base salary")  # severance changes
    window.compare_with(baseline, "Sent")

    def scenario_groups() -> set[str]:
        return {f.group for f in window.changes_view.figures if f.key.startswith("scenario.")}

    # Both tabs start on the same default date, 18 months after the October 14, 2002 start.
    assert "Termination without Cause on April 14, 2004" in scenario_groups()
    window.side_tabs.setCurrentIndex(1)
    assert window.calc_pane.date_edit.date() == QDate(2004, 4, 14)
    window.calc_pane.date_edit.setDate(QDate(2005, 2, 1))
    assert "Termination without Cause on February 1, 2005" in scenario_groups()


def test_a_letterhead_change_shows_in_the_redline(view: ChangesView) -> None:
    moved = variant(lambda letter: setattr(letter.company, "letterhead_lines", ["MIM Corporation", "200 Clearbrook Road"]))
    view.set_baseline(sample_letter(), "Sent")
    view.set_current(moved)
    text = view.findChild(QTextBrowser).toPlainText()
    assert "100200 Clearbrook Road" in text  # the old number struck through, the new one inserted
    assert "Elmsford, New York 10523" in text  # the removed line, struck through
