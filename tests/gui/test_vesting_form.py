"""A grant's terms that its choices do not use (the cliff of equal installments, an RSU's exercise price) are
hidden and disabled, keeping their values."""

from __future__ import annotations

from PySide6.QtCore import Qt

GRANTS = ("equity", "grants")
CLIFF_NOTE = "Used only when Vesting is Cliff, then periodic installments"


def vesting(index, name):
    return (*GRANTS, index, "vesting", name)


def cliff_editors(window, index):
    return [window.editor(vesting(index, name)) for name in ("cliff_months", "period")]


def assert_cliff_terms(window, index, *, enabled):
    for editor in cliff_editors(window, index):
        assert editor.focus_widget.isEnabled() is enabled, editor.path
        assert editor.label is not None and editor.label.isEnabled() is enabled
        tip = editor.spec.description if enabled else CLIFF_NOTE
        assert editor.frame.toolTip() == tip
        assert editor.focus_widget.toolTip() == tip
        assert editor.label.toolTip() == tip
    # The schedule's other terms are never greyed out.
    for name in ("kind", "years"):
        assert window.editor(vesting(index, name)).focus_widget.isEnabled()


def choose_cliff(qtbot, window, index):
    combo = window.editor(vesting(index, "kind")).combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the next choice: cliff, then periodic installments
    assert combo.currentData() == "cliff_then_periodic"


def test_cliff_terms_follow_the_vesting_choice_through_undo(qtbot, make_main_window):
    window = make_main_window(sample=True)
    window.select_section("equity")
    document = window.document
    assert document.value(vesting(0, "kind")) == "equal_annual"
    assert_cliff_terms(window, 0, enabled=False)

    choose_cliff(qtbot, window, 0)
    assert document.value(vesting(0, "kind")) == "cliff_then_periodic"
    assert_cliff_terms(window, 0, enabled=True)

    # What is typed in a cliff term stays in the draft while the term does not apply.
    window.editor(vesting(0, "cliff_months")).spin.setValue(12)
    document.undo_stack.undo()  # the cliff
    document.undo_stack.undo()  # the choice of cliff vesting
    assert document.value(vesting(0, "kind")) == "equal_annual"
    assert_cliff_terms(window, 0, enabled=False)

    document.undo_stack.redo()
    document.undo_stack.redo()
    assert_cliff_terms(window, 0, enabled=True)
    window.editor(vesting(0, "kind")).combo.setCurrentIndex(0)  # back to equal annual
    assert_cliff_terms(window, 0, enabled=False)
    assert document.value(vesting(0, "cliff_months")) == 12


def test_a_grant_added_later_behaves_the_same(qtbot, make_main_window):
    window = make_main_window(sample=True)
    window.select_section("equity")
    window.editor(GRANTS).add_button.click()
    assert len(window.document.value(GRANTS)) == 2
    assert_cliff_terms(window, 1, enabled=False)

    choose_cliff(qtbot, window, 1)
    assert_cliff_terms(window, 1, enabled=True)
    assert_cliff_terms(window, 0, enabled=False)  # each grant follows its own vesting

    window.document.undo_stack.undo()
    assert_cliff_terms(window, 1, enabled=False)


def test_an_rsu_has_no_exercise_price_term_and_no_warning_to_clear(qtbot, make_main_window):
    """Issue #11: an RSU grant kept an enabled exercise-price field whose warning could never be cleared."""
    window = make_main_window(sample=True)
    window.select_section("equity")
    pricing = window.editor((*GRANTS, 0, "pricing"))
    assert pricing.frame.isVisibleTo(window) and pricing.focus_widget.isEnabled()
    kind = window.editor((*GRANTS, 0, "kind")).combo
    kind.setCurrentIndex(kind.findData("rsu"))
    assert window.document.value((*GRANTS, 0, "kind")) == "rsu"
    # The option's pricing rule stays in the draft, but the form no longer offers it, and nothing warns.
    assert window.document.value((*GRANTS, 0, "pricing")) == "close_prior_trading_day"
    assert not pricing.frame.isVisibleTo(window) and not pricing.focus_widget.isEnabled()
    assert not [p for p in window.document.problems if p.path[:3] == (*GRANTS, 0)]
    kind.setCurrentIndex(kind.findData("incentive_stock_option"))
    assert pricing.frame.isVisibleTo(window) and pricing.focus_widget.isEnabled()
