"""Undo belongs to the document: typing merges, menu items name the step, the title shows changes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.test_editing import SALARY, open_sample, retype


def test_typing_in_one_field_is_one_undo_step(qtbot, make_main_window):
    window = open_sample(make_main_window())
    window.navigator.select_section("compensation")
    editor = window.editor(SALARY)
    retype(qtbot, editor.edit, "310000")
    stack = window.document.undo_stack
    assert stack.count() == 1
    assert window.undo_action.text() == "&Undo Base salary"
    stack.undo()
    assert window.document.value(SALARY) == "300000.00"
    assert editor.edit.text() == "$300,000.00"
    assert window.redo_action.text() == "&Redo Base salary"
    stack.redo()
    assert window.document.value(SALARY) == "310000"
    assert editor.edit.text() == "$310,000.00"


def test_typing_in_another_field_is_another_step(qtbot, make_main_window):
    window = open_sample(make_main_window())
    window.navigator.select_section("position")
    qtbot.keyClicks(window.editor(("position", "reports_to")).edit, " and the Board")
    qtbot.keyClicks(window.editor(("position", "title")).edit, "!")
    qtbot.keyClicks(window.editor(("position", "reports_to")).edit, "s")
    stack = window.document.undo_stack
    assert stack.count() == 3
    while stack.canUndo():
        stack.undo()
    assert window.document.value(("position", "reports_to")) == "Chief Executive Officer"
    assert window.editor(("position", "reports_to")).edit.text() == "Chief Executive Officer"


def test_optional_toggle_is_one_step(make_main_window):
    window = open_sample(make_main_window(show=False))
    group = window.editor(("equity",))
    group.box.setChecked(False)
    assert window.undo_action.text() == "&Undo Remove Long-term incentive compensation"
    window.document.undo_stack.undo()
    assert window.document.letter.equity is not None
    assert group.box.isChecked()


def test_modified_marker_follows_the_clean_state(qtbot, make_main_window, tmp_path):
    window = open_sample(make_main_window())
    assert window.windowTitle().startswith("Untitled letter[*]")
    assert not window.isWindowModified()
    window.document.edit(("position", "title"), "CFO", "Title(s)")
    assert window.isWindowModified()
    window.document.undo_stack.undo()
    assert not window.isWindowModified()


def test_ctrl_z_in_a_text_box_undoes_the_document_step(qtbot, make_main_window):
    window = open_sample(make_main_window())
    window.navigator.select_section("position")
    edit = window.editor(("position", "reports_to")).edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, " and the Board")
    window.document.edit(("position", "title"), "CFO", "Title(s)")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.value(("position", "title")) != "CFO"  # the last step, wherever it was
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.value(("position", "reports_to")) == "Chief Executive Officer"
    assert edit.text() == "Chief Executive Officer"
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert edit.text() == "Chief Executive Officer and the Board"


def test_ctrl_z_in_a_spin_box_undoes_the_document_step(qtbot, make_main_window):
    window = open_sample(make_main_window())
    window.navigator.select_section("vacation")
    spin = window.editor(("benefits", "vacation_days")).spin
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    spin.selectAll()
    qtbot.keyClicks(spin, "25")
    assert window.document.value(("benefits", "vacation_days")) == 25
    qtbot.keyClick(spin, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.value(("benefits", "vacation_days")) == 20
    assert spin.value() == 20


def test_leaving_a_field_ends_its_undo_step(qtbot, make_main_window):
    # 300,000 -> 350,000 (Tab), then 350,000 -> -5,000 (Tab): one Ctrl+Z went back to 300,000.
    window = open_sample(make_main_window())
    window.activateWindow()
    window.navigator.select_section("compensation")
    edit = window.editor(SALARY).edit
    for text in ("350000", "-5000"):
        edit.setFocus()
        qtbot.waitUntil(edit.hasFocus)
        edit.selectAll()
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
        qtbot.keyClicks(edit, text)  # each keystroke merges into the field's step
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: not edit.hasFocus())
    stack = window.document.undo_stack
    assert stack.count() == 2
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.value(SALARY) == "350000"
    assert edit.text() == "$350,000.00"
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.value(SALARY) == "300000.00"


def test_enter_ends_the_step_and_typing_after_an_undo_is_a_new_step(qtbot, make_main_window):
    window = open_sample(make_main_window())
    window.navigator.select_section("position")
    edit = window.editor(("position", "reports_to")).edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, " and the Board")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "!")
    stack = window.document.undo_stack
    assert stack.count() == 2
    stack.undo()
    qtbot.keyClicks(edit, "?")  # must not merge into the step undone to
    assert stack.count() == 2
    stack.undo()
    assert window.document.value(("position", "reports_to")) == "Chief Executive Officer and the Board"
