"""The window's layout at 1366x768: the form column keeps a usable width whichever side tab is
shown, its text boxes show their text, and the Changes pane shows old and new values whole."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QTabWidget, QTreeWidget

from app.domain.sample import sample_letter
from app.ui.main_window import FORM_MIN_WIDTH
from tests.gui.test_editing import open_sample

LETTERHEAD = ("company", "letterhead_lines")
CELL_PADDING = 6  # at least this much room around a value's text


def laptop_window(qtbot, make_main_window):
    window = open_sample(make_main_window())
    window.resize(1366, 768)
    window.select_section("parties")
    qtbot.wait(50)
    return window


def make_the_variant(window) -> None:
    """Salary 325,000, severance 18 months, non-compete 12, no car, against the sample."""
    document = window.document
    document.edit(("compensation", "base_salary"), "325000.00", "Base salary", typing=False)
    document.edit(("termination", "without_cause", "severance", "months"), 18, "Severance", typing=False)
    document.edit(("covenants", "noncompete", "months"), 12, "Non-compete", typing=False)
    document.switch_optional(("transportation",), False, "Transportation", None)


def test_the_form_keeps_its_width_whichever_side_tab_is_shown(qtbot, make_main_window):
    window = laptop_window(qtbot, make_main_window)
    sizes = window.splitter.sizes()
    assert sizes[1] >= FORM_MIN_WIDTH
    window.compare_with(sample_letter(), "Sent to candidate, a long name for the version, October 1, 2002")
    make_the_variant(window)
    for index in (1, 2, 0, 2, 1):  # Calculations and Changes are made the first time they are shown
        window.side_tabs.setCurrentIndex(index)
        qtbot.wait(50)
        assert window.splitter.sizes() == sizes, window.side_tabs.tabText(index)
    for pane in (window.calc_pane, window.changes_view):
        assert pane.minimumSizeHint().width() <= sizes[2], type(pane).__name__


def test_the_letterhead_lines_show_their_text(qtbot, make_main_window):
    window = laptop_window(qtbot, make_main_window)
    window.compare_with(sample_letter(), "Sent to candidate, Oct 1")  # shows the Changes tab
    make_the_variant(window)
    qtbot.wait(50)
    edits = window.editor(LETTERHEAD).frame.findChildren(QLineEdit)
    assert [e.text() for e in edits] == ["MIM Corporation", "100 Clearbrook Road", "Elmsford, New York 10523"]
    for edit in edits:
        assert edit.isVisible()
        assert edit.fontMetrics().horizontalAdvance(edit.text()) <= edit.width(), edit.text()
        assert edit.width() >= 240


def assert_values_whole(tree: QTreeWidget) -> None:
    metrics = tree.fontMetrics()
    assert sum(tree.columnWidth(c) for c in range(tree.columnCount())) <= tree.viewport().width()
    assert not tree.horizontalScrollBar().isVisible()
    rows = 0
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            child = top.child(j)
            rows += 1
            for column in (1, 2):
                needed = metrics.horizontalAdvance(child.text(column)) + CELL_PADDING
                assert needed <= tree.columnWidth(column), (child.text(0), child.text(column))
    assert rows


def test_the_changed_terms_and_figures_show_their_values_whole(qtbot, make_main_window):
    window = laptop_window(qtbot, make_main_window)
    window.compare_with(sample_letter(), "Sent to candidate, Oct 1")
    make_the_variant(window)
    view = window.changes_view
    qtbot.waitUntil(lambda: len(view.terms) == 4, timeout=5000)
    lists = view.findChild(QTabWidget, "changeLists")
    assert lists.tabText(0) == "Terms (4)"
    assert lists.tabText(1) == f"Figures ({len(view.figures)})"
    terms = view.findChild(QTreeWidget, "changedTerms")
    qtbot.wait(50)
    assert_values_whole(terms)
    salary = next(terms.topLevelItem(0).child(j) for j in range(terms.topLevelItem(0).childCount()))
    assert [salary.text(c) for c in range(3)] == ["Base salary", "$300,000.00", "$325,000.00"]
    lists.setCurrentIndex(1)
    qtbot.wait(50)
    assert_values_whole(view.findChild(QTreeWidget, "figureDeltas"))
