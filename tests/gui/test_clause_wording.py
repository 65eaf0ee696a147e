"""Clause wording in the editor: the clause editor from the preview, tokens, reset, undo, alternates,
the navigator's mark, and File > New from Type."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox

from app.ui import wording_actions
from app.ui.clause_editor import ClauseEditor
from tests.gui.test_editing import SALARY, open_sample, retype
from tests.gui.test_preview import preview_text

OWN_START = "The Company shall pay you [[compensation.base_salary]] a year"


def point_of(window, text: str) -> QPoint:
    """Where the preview shows ``text`` (viewport coordinates)."""
    browser = window.preview_pane.browser
    cursor = browser.document().find(text)
    assert not cursor.isNull(), text
    cursor.setPosition(cursor.selectionStart() + 2, QTextCursor.MoveMode.MoveAnchor)
    return browser.cursorRect(cursor).center()


def ready(qtbot, make_main_window):
    window = open_sample(make_main_window())
    qtbot.waitUntil(lambda: "$300,000.00" in preview_text(window) and window.preview.idle, timeout=5000)
    return window


def edit_salary_clause(qtbot, window) -> ClauseEditor:
    position = point_of(window, "Your base salary will be")
    assert window.preview_pane.clause_at(position) == "compensation.1"
    menu = window.preview_pane.clause_menu(position)
    edit = next(a for a in menu.actions() if a.text().startswith("Edit Wording of Clause compensation.1"))
    reset = next(a for a in menu.actions() if a.text() == "Reset to Standard Wording")
    assert not reset.isEnabled()  # standard wording: nothing to reset
    editor = wording_actions.clause_editor(window, "compensation.1")
    assert editor is not None
    menu.deleteLater()
    assert edit.isEnabled()
    return editor


def test_a_clause_edited_in_the_editor_keeps_its_live_salary(qtbot, make_main_window):
    window = ready(qtbot, make_main_window)
    editor = edit_salary_clause(qtbot, window)
    qtbot.addWidget(editor)
    text = editor.text.toPlainText()
    assert text.startswith("Your base salary will be at an annual rate of [[compensation.base_salary]] per year")
    assert "Base salary: $300,000.00" in editor.terms.text()
    # the user rewrites the clause, moving the token
    editor.text.selectAll()
    qtbot.keyClicks(editor.text, OWN_START + ", in equal installments.")
    assert editor.ok_button.isEnabled()
    editor.ok_button.click()
    qtbot.waitUntil(lambda: "The Company shall pay you $300,000.00 a year, in equal installments." in preview_text(window),
                    timeout=5000)
    assert "Your base salary will be at an annual rate" not in preview_text(window)
    assert window.document.draft["wording"] == [
        {"clause": "compensation.1", "text": OWN_START + ", in equal installments."}]
    assert window.document.modified
    # marked in the navigator and in the preview's menu
    qtbot.waitUntil(lambda: window.navigator.item(3).text().endswith("✎"), timeout=5000)
    assert window.navigator.item(3).text().startswith("Base Compensation")
    assert "compensation.1" in window.preview_pane.departing
    # the token follows the salary
    window.navigator.select_section("compensation")
    retype(qtbot, window.editor(SALARY).edit, "412,500")
    qtbot.waitUntil(lambda: "The Company shall pay you $412,500.00 a year" in preview_text(window), timeout=5000)
    # undo through the document's stack, then redo
    for _ in range(4):  # the salary's typing, then the wording
        if not window.document.value(("wording",)) or not isinstance(window.document.value(("wording",)), list):
            break
        window.document.undo_stack.undo()
    assert not window.document.value(("wording",)) or not isinstance(window.document.value(("wording",)), list)
    qtbot.waitUntil(lambda: "Your base salary will be at an annual rate" in preview_text(window), timeout=5000)
    qtbot.waitUntil(lambda: not window.navigator.item(3).text().endswith("✎"), timeout=5000)
    window.document.undo_stack.redo()
    qtbot.waitUntil(lambda: "The Company shall pay you" in preview_text(window), timeout=5000)


def test_reset_to_standard_wording_from_the_preview_menu(qtbot, make_main_window):
    window = ready(qtbot, make_main_window)
    editor = edit_salary_clause(qtbot, window)
    qtbot.addWidget(editor)
    editor.text.setPlainText("Fixed pay of [[compensation.base_salary]].")
    editor.accept()
    qtbot.waitUntil(lambda: "Fixed pay of $300,000.00." in preview_text(window) and window.preview.idle, timeout=5000)
    position = point_of(window, "Fixed pay of")
    menu = window.preview_pane.clause_menu(position)
    reset = next(a for a in menu.actions() if a.text() == "Reset to Standard Wording")
    assert reset.isEnabled()
    reset.trigger()
    menu.deleteLater()
    qtbot.waitUntil(lambda: "Your base salary will be at an annual rate" in preview_text(window), timeout=5000)
    assert window.document.draft["wording"] == []


def test_a_token_naming_no_term_cannot_be_saved(qtbot, make_main_window):
    window = ready(qtbot, make_main_window)
    editor = edit_salary_clause(qtbot, window)
    qtbot.addWidget(editor)
    editor.text.setPlainText("Pay of [[compensation.base_pay]].")
    assert not editor.ok_button.isEnabled()
    assert "[[compensation.base_pay]] names no term of this letter" in editor.problem.text()
    editor.text.setPlainText("")
    assert "The clause is empty" in editor.problem.text()
    editor.reject()
    assert window.document.draft.get("wording", []) == []


def test_alternates_are_chosen_in_the_clause_library(qtbot, make_main_window):
    window = ready(qtbot, make_main_window)
    dialog = wording_actions.clause_library(window)
    assert dialog is not None
    qtbot.addWidget(dialog)
    combo = dialog.combos["clawback"]
    assert [combo.itemData(i) for i in range(combo.count())] == ["none", "full", "pro-rata"]
    combo.setCurrentIndex(combo.findData("pro-rata"))
    dialog.combos["section_280g"].setCurrentIndex(dialog.combos["section_280g"].findData("best-net"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.document.draft["wording"] == [
        {"clause": "clawback", "alternate": "pro-rata"}, {"clause": "section_280g", "alternate": "best-net"}]
    qtbot.waitUntil(lambda: "to the extent it exceeds the amount" in preview_text(window), timeout=5000)
    assert "Section 280G" in preview_text(window)
    assert window.document.draft["wording"] == [
        {"clause": "clawback", "alternate": "pro-rata"}, {"clause": "section_280g", "alternate": "best-net"}]
    window.document.undo_stack.undo()  # one step
    qtbot.waitUntil(lambda: "to the extent it exceeds" not in preview_text(window), timeout=5000)


def test_new_from_type_opens_a_short_form_letter(qtbot, make_main_window):
    window = ready(qtbot, make_main_window)
    assert window.new_type_action.text() == "New from &Type…"
    wording_actions.new_from_type(window, "short-form")
    qtbot.waitUntil(lambda: "at will" in preview_text(window) and "RESTRICTIVE COVENANTS" not in preview_text(window),
                    timeout=5000)
    assert window.document.draft["letter"]["letter_type"] == "short-form"
    assert window.editor(("letter", "letter_type")).edit.text() == "short-form"


def test_the_clause_editor_screenshot(qtbot, make_main_window, tmp_path):
    """The README's screenshot of the clause editor is made from a real editor over the sample."""
    window = ready(qtbot, make_main_window)
    editor = edit_salary_clause(qtbot, window)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    assert not editor.grab().isNull()
    assert Qt.Key.Key_Escape  # the dialog closes with Escape like any QDialog


def test_a_firm_pack_is_checked_chosen_remembered_and_renders(qtbot, make_main_window, tmp_path):
    import os
    import shutil

    from app.domain.data_files import TEMPLATES_DIR, pack_dir, use_pack

    firm = tmp_path / "firm-pack"
    shutil.copytree(TEMPLATES_DIR, firm)
    (firm / "clauses" / "clawback" / "full.txt").write_text("Firm clawback by {{ company.nam }}.", encoding="utf-8")
    window = ready(qtbot, make_main_window)
    try:
        assert not wording_actions.choose_pack(window, firm)
        assert "clauses/clawback/full.txt, line 1: unknown field 'company.nam'" in window.message_bar.text.text()
        assert pack_dir() == TEMPLATES_DIR
        (firm / "clauses" / "clawback" / "full.txt").write_text("Firm clawback by {{ company.name }}.", encoding="utf-8")
        (firm / "pack.toml").write_text((firm / "pack.toml").read_text().replace("OfferDesk standard", "Firm"))
        assert wording_actions.choose_pack(window, firm)
        assert pack_dir() == firm
        assert window.settings.value(wording_actions.PACK_SETTING) == str(firm)
        dialog = wording_actions.clause_library(window)
        assert dialog is not None and dialog.windowTitle() == "Clause Library: Firm"
        qtbot.addWidget(dialog)
        dialog.combos["clawback"].setCurrentIndex(dialog.combos["clawback"].findData("full"))
        dialog.accept()
        qtbot.waitUntil(lambda: "Firm clawback by MIM Corporation." in preview_text(window), timeout=5000)
    finally:
        use_pack(TEMPLATES_DIR)
        os.environ.pop("OFFERDESK_PACK", None)
