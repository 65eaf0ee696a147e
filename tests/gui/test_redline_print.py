"""File > Export Redline and Print, and the Preferences name the redline's tracked changes carry."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from app.domain.sample import sample_letter
from app.storage.account import account_full_name
from app.ui.preferences import AUTHOR_KEY, PreferencesDialog, author_name
from tests.unit.compare.docx_review import W, change_elements

SALARY = ("compensation", "base_salary")


def _menu_texts(window, title: str) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_file_menu_has_export_redline_and_print(make_main_window) -> None:
    window = make_main_window(show=False)
    assert {"Export &Redline…", "&Print…"} <= set(_menu_texts(window, "&File"))
    assert "Pre&ferences…" in _menu_texts(window, "&Edit")


def test_export_redline_writes_tracked_changes_by_the_account_name(make_main_window, tmp_path: Path) -> None:
    window = make_main_window(sample=True)
    window.document.edit(SALARY, "325000.00", "Base salary")
    window.compare_with(sample_letter(), "Sent")
    out = tmp_path / "redline.docx"
    window.prompts.paths.append(out)
    window.export_redline_action.trigger()
    authors = {e.get(f"{{{W}}}author") for e in change_elements(out.read_bytes())}
    assert authors == {account_full_name()}  # not "OfferDesk"
    assert window.prompts.asked[-1][0] == "export_path"


def test_the_name_set_in_preferences_is_the_redline_author(make_main_window, tmp_path: Path) -> None:
    window = make_main_window(sample=True)
    window.prompts.author = "Ana Núñez"
    window.preferences_action.trigger()
    assert window.settings.value(AUTHOR_KEY) == "Ana Núñez"
    window.document.edit(SALARY, "325000.00", "Base salary")
    window.compare_with(sample_letter(), "Sent")
    out = tmp_path / "redline.docx"
    assert window.export_redline(out)
    assert {e.get(f"{{{W}}}author") for e in change_elements(out.read_bytes())} == {"Ana Núñez"}
    window.prompts.author = ""  # blank: back to the account's name
    window.preferences_action.trigger()
    assert author_name(window.settings) == account_full_name()


def test_export_redline_without_a_baseline_says_what_to_do(make_main_window, tmp_path: Path) -> None:
    window = make_main_window(sample=True)
    window.export_redline_action.trigger()
    assert "choose what to compare with (Letter > Compare With)" in window.message_bar.text.text()
    assert window.prompts.asked == []  # no file dialog for nothing
    assert list(tmp_path.glob("*.docx")) == []


def test_the_preferences_dialog_edits_the_name(qtbot) -> None:
    dialog = PreferencesDialog("Jim Lusk")
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "Jim Lusk"
    assert dialog.name_edit.placeholderText() == account_full_name()
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "  Richard H. Friedman ")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == PreferencesDialog.DialogCode.Accepted
    assert dialog.name() == "Richard H. Friedman"


def test_print_lays_the_letter_out_on_pdf_pages(make_main_window, tmp_path: Path) -> None:
    window = make_main_window(sample=True)
    out = tmp_path / "printed.pdf"
    window.prompts.paths.append(out)  # the test's Print dialog picks a PDF printer
    window.print_action.trigger()
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 3  # the letter and its Exhibit A


def test_print_is_refused_while_the_letter_has_errors(make_main_window, tmp_path: Path) -> None:
    window = make_main_window(sample=True)
    window.document.edit(SALARY, "-5", "Base salary")
    window.prompts.paths.append(tmp_path / "printed.pdf")
    window.print_action.trigger()
    assert not (tmp_path / "printed.pdf").exists()
    assert window.message_bar.text.text()
