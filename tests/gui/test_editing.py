"""Typing into the generated forms: validation in place, section states, Problems, export blocked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.sections import SECTIONS, SectionState
from app.ui.document import LetterDocument

SALARY = ("compensation", "base_salary")


def open_sample(window):
    window.new_letter(sample=True)
    return window


def retype(qtbot, widget, text):
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def test_invalid_money_shows_in_place_and_clears(qtbot, make_main_window):
    window = open_sample(make_main_window())
    window.navigator.select_section("compensation")
    editor = window.editor(SALARY)
    retype(qtbot, editor.edit, "3OO,000")
    # What was typed stays, in the editor and in the draft.
    assert editor.edit.text() == "3OO,000"
    assert window.document.value(SALARY) == "3OO,000"
    assert editor.frame.message.isVisible()
    assert "Must be a number" in editor.frame.message.text()
    assert editor.frame.property("problem") == "error"
    assert window.navigator.states["compensation"] is SectionState.ERROR
    assert window.problems_view.topLevelItemCount() == 1
    assert window.problems_view.topLevelItem(0).text(0) == "Base compensation: Base salary"
    assert not window.export_docx_action.isEnabled()
    assert window.export_docx_action.toolTip().startswith("Fix 1 error first: Base compensation: Base salary")
    assert window.export_state.text() == "Export blocked: fix 1 error first (F6)"
    retype(qtbot, editor.edit, "$325,000.00")
    assert window.document.value(SALARY) == "325000.00"
    assert not editor.frame.message.isVisible()
    assert editor.frame.property("problem") == ""
    assert window.navigator.states["compensation"] is SectionState.COMPLETE
    assert window.problems_view.problems == []
    assert window.problems_view.topLevelItem(0).text(0) == "No errors or warnings"
    assert window.export_docx_action.isEnabled()
    assert window.export_state.text() == "Ready to export"
    # Leaving the field shows the amount with separators.
    window.editor(("compensation", "pay_frequency")).focus()
    assert editor.edit.text() == "$325,000.00"


def test_blank_line_is_an_error_until_filled(qtbot, make_main_window):
    window = open_sample(make_main_window())
    window.navigator.select_section("parties")
    editor = window.editor(("candidate", "full_name"))
    retype(qtbot, editor.edit, "")
    assert window.document.value(("candidate", "full_name")) == ""
    assert "Must not be empty" in editor.frame.message.text()
    assert window.navigator.states["parties"] is SectionState.ERROR
    qtbot.keyClicks(editor.edit, "Ann Smith")
    assert window.document.letter is not None
    assert window.document.letter.candidate.full_name == "Ann Smith"
    assert window.navigator.states["parties"] is SectionState.COMPLETE


def test_warning_is_amber_and_does_not_block_export(qtbot, make_main_window):
    window = open_sample(make_main_window())
    window.navigator.select_section("covenants")
    spin = window.editor(("covenants", "noncompete", "months")).spin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "30")
    assert window.document.value(("covenants", "noncompete", "months")) == 30
    editor = window.editor(("covenants", "noncompete", "months"))
    assert editor.frame.property("problem") == "warning"
    assert window.navigator.states["covenants"] is SectionState.WARNING
    assert window.export_docx_action.isEnabled()


def test_cross_field_error_lands_on_its_field(qtbot, make_main_window):
    window = open_sample(make_main_window())
    window.navigator.select_section("termination")
    numerator = window.editor(("termination", "change_of_control", "board_approval_numerator"))
    numerator.spin.setValue(3)
    assert "less than one" in numerator.frame.message.text()
    assert window.navigator.states["termination"] is SectionState.ERROR


def test_activating_a_problem_goes_to_its_field(qtbot, make_main_window):
    window = open_sample(make_main_window())
    window.document.edit(("arbitration", "venue_city"), " ", "Venue: city")
    window.navigator.select_section("parties")
    item = window.problems_view.topLevelItem(0)
    window.problems_view.itemActivated.emit(item, 0)
    assert window.current_section_key() == "arbitration"
    qtbot.waitUntil(lambda: window.editor(("arbitration", "venue_city")).edit.hasFocus())


def test_model_pushes_values_into_widgets_without_looping_back(make_main_window):
    window = open_sample(make_main_window(show=False))
    document: LetterDocument = window.document
    document.edit(("position", "title"), "Chief Financial Officer", "Title(s)")
    assert window.editor(("position", "title")).edit.text() == "Chief Financial Officer"
    assert document.undo_stack.count() == 1  # the widget update did not come back as a second edit
    document.edit(("compensation", "pay_frequency"), "monthly", "Pay frequency")
    assert window.editor(("compensation", "pay_frequency")).combo.currentText() == "Monthly"
    document.edit(("position", "at_will"), False, "Employment at will")
    assert not window.editor(("position", "at_will")).check.isChecked()
    assert document.undo_stack.count() == 3


def test_optional_section_unchecked_then_rechecked_keeps_what_was_typed(qtbot, make_main_window):
    window = open_sample(make_main_window())
    window.navigator.select_section("transportation")
    allowance = window.editor(("transportation", "monthly_allowance"))
    retype(qtbot, allowance.edit, "1,250")
    group = window.editor(("transportation",))
    group.box.setChecked(False)
    assert window.document.value(("transportation",)) is None
    row = [s.key for s in SECTIONS].index("transportation")
    assert window.navigator.item(row).text().endswith("(not included)")
    assert not group.content.isVisible()
    group.box.setChecked(True)
    assert window.document.value(("transportation", "monthly_allowance")) == "1250"
    assert allowance.edit.text() == "$1,250.00"


def test_optional_number_switches_off_and_back(make_main_window):
    window = open_sample(make_main_window(show=False))
    editor = window.editor(("benefits", "life_insurance_multiple"))
    editor.spin.setValue(4)
    editor.include.setChecked(False)
    assert window.document.value(("benefits", "life_insurance_multiple")) is None
    assert window.document.letter.benefits.life_insurance_multiple is None
    editor.include.setChecked(True)
    assert window.document.value(("benefits", "life_insurance_multiple")) == 4


def test_list_add_remove_and_move(make_main_window):
    window = open_sample(make_main_window(show=False))
    editor = window.editor(("company", "letterhead_lines"))
    editor.add_button.click()
    assert window.document.value(("company", "letterhead_lines"))[-1] == ""
    assert "Must not be empty" in editor._rows[3][1].message.text()
    editor._rows[3][2].setText("Tel. 914-460-1600")
    editor._rows[3][2].textEdited.emit("Tel. 914-460-1600")
    assert window.document.letter is not None
    up = editor._rows[3][3][0]
    up.click()
    assert window.document.value(("company", "letterhead_lines"))[2] == "Tel. 914-460-1600"
    editor._rows[0][3][2].click()
    assert window.document.value(("company", "letterhead_lines"))[0] == "100 Clearbrook Road"


def test_a_new_grant_asks_for_its_numbers_instead_of_repeating_the_last(make_main_window):
    # It was a copy of the grant before: the letter said "The 150,000 Options shall vest" twice.
    window = open_sample(make_main_window(show=False))
    window.editor(("equity", "grants")).add_button.click()
    first, new = window.document.value(("equity", "grants"))
    # The choices of the grant before (kind, pricing, kind of vesting); no number copied.
    assert (new["kind"], new["pricing"], new["vesting"]["kind"]) == (
        first["kind"], first["pricing"], first["vesting"]["kind"])
    assert "shares" not in new and "years" not in new["vesting"]
    assert window.document.letter is None
    errors = {p.dotted: p.message for p in window.document.errors}
    assert errors == {"equity.grants[1].vesting.years": "is required; fill it in"}
    window.editor(("equity", "grants", 1, "vesting", "years")).spin.setValue(4)
    assert [p.dotted for p in window.document.errors] == ["equity.grants[1].shares"]
    shares = window.editor(("equity", "grants", 1, "shares"))
    assert shares.spin.text() == ""  # blank, not a number that is not in the draft
    assert "Is required for a grant sized as shares" in shares.frame.message.text()


def test_grants_list_adds_a_grant_with_its_own_editors(make_main_window):
    window = open_sample(make_main_window(show=False))
    grants = window.editor(("equity", "grants"))
    grants.add_button.click()
    assert len(window.document.value(("equity", "grants"))) == 2
    shares = window.editor(("equity", "grants", 1, "shares"))
    shares.spin.setValue(5000)
    window.editor(("equity", "grants", 1, "vesting", "years")).spin.setValue(4)
    assert window.document.letter.equity.grants[1].shares == 5000
    assert window.document.letter.equity.grants[0].shares == 150000
    for _ in range(3):
        window.document.undo_stack.undo()
    assert len(window.document.value(("equity", "grants"))) == 1
    assert ("equity", "grants", 1, "shares") not in window.binder.editors


def test_a_list_far_longer_than_allowed_shows_its_maximum_and_says_so(make_main_window, tmp_path):
    # 10,000 address lines in a damaged file hung the window building a row for each.
    import json

    from app.domain.file_format import dumps, new_file
    from app.domain.sample import sample_letter

    raw = json.loads(dumps(new_file(sample_letter())))
    raw["draft"]["candidate"]["address_lines"] = [f"line {i}" for i in range(10_000)]
    path = tmp_path / "long.offer.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    window = make_main_window(show=False)
    assert window.open_path(path)
    editor = window.editor(("candidate", "address_lines"))
    assert len(editor._rows) == 6
    assert editor.hidden_note.text().startswith("Showing 6 of 10,000 lines: remove lines until there are at most 6")
    editor._rows[0][3][2].click()  # remove the first: the seventh comes into view
    assert editor._rows[5][2].text() == "line 6"
    assert len(window.document.value(("candidate", "address_lines"))) == 9_999
