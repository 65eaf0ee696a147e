"""The window's actions on clause wording: the clause editor from the preview, the clause library,
the navigator's and preview's marks of departing clauses, and File > New from Type."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog

from app.documents.model import Document, Paragraph
from app.domain.sections import SECTION_BY_KEY

if TYPE_CHECKING:  # the rest loads on first use: the window paints before Jinja2 and the model load
    from app.ui.clause_editor import ClauseEditor, ClauseLibraryDialog
    from app.ui.main_window import MainWindow


def _paragraph(document: Document, clause_id: str) -> Paragraph | None:
    return next((b for b in document.blocks if isinstance(b, Paragraph) and b.clause == clause_id), None)


def _standard(window: MainWindow, clause_id: str) -> Paragraph | None:
    """The clause as the standard wording (with the letter's alternates) says it."""
    from app.documents.engine import RenderError, render_document

    letter = window.document.letter
    if letter is None:
        return None
    plain = letter.model_copy(update={"wording": [w for w in letter.wording if w.clause != clause_id or not w.text]})
    try:
        return _paragraph(render_document(plain), clause_id)
    except RenderError:
        return None


def clause_editor(window: MainWindow, clause_id: str) -> ClauseEditor | None:
    """The clause editor for ``clause_id`` of the letter the preview shows (None: not shown now)."""
    from app.documents.clauses import term_texts
    from app.ui.clause_editor import ClauseEditor

    document = window.preview.current_document()
    paragraph = _paragraph(document, clause_id) if document is not None else None
    if document is None or paragraph is None:
        window.message_bar.show_message(
            "The preview is not up to date with the letter: fix the letter's errors (see Problems), "
            "then edit the clause's wording.", "warning",
        )
        return None
    return ClauseEditor(window.document, paragraph, _standard(window, clause_id), term_texts(document), window)


def edit_wording(window: MainWindow, clause_id: str) -> None:
    editor = clause_editor(window, clause_id)
    if editor is not None:
        editor.open()


def reset_wording(window: MainWindow, clause_id: str) -> None:
    from app.ui.clause_editor import set_wording

    set_wording(window.document, clause_id, f"Reset wording of {clause_id}", text=None)


def clause_library(window: MainWindow) -> ClauseLibraryDialog | None:
    from app.documents.pack import PackError, load_pack
    from app.ui.clause_editor import ClauseLibraryDialog

    try:
        pack = load_pack()
    except PackError as exc:
        window.message_bar.show_message(f"The template pack cannot be used: {exc}", "error")
        return None
    return ClauseLibraryDialog(window.document, pack, window)


def open_clause_library(window: MainWindow) -> None:
    dialog = clause_library(window)
    if dialog is not None:
        dialog.open()


def mark_departures(window: MainWindow) -> None:
    """After a render: tell the navigator and the preview's menu which clauses are worded for this letter."""
    document = window.preview.current_document()
    if document is None:
        return
    reworded: set[str] = set()
    clauses: set[str] = set()
    for index, block in enumerate(document.blocks):
        if isinstance(block, Paragraph) and block.departs and block.clause:
            clauses.add(block.clause)
            section = next((s.key for s in document.sections if s.start <= index < s.end), None)
            key = section or block.clause.split(".")[0]
            reworded.add(key if key in SECTION_BY_KEY else "wording")
    window.preview_pane.departing = frozenset(clauses)
    window.navigator.set_reworded(frozenset(reworded))


def new_from_type(window: MainWindow, type_name: str | None = None) -> None:
    """File > New from Type...: a new letter of one of the template pack's letter types."""
    from app.documents.pack import PackError, load_pack, starting_draft

    try:
        pack = load_pack()
        if type_name is None:
            titles = [kind.title for kind in pack.types.values()]
            title, ok = QInputDialog.getItem(window, "New from Type", "Letter type:", titles, 0, False)
            if not ok:
                return
            type_name = next(k.name for k in pack.types.values() if k.title == title)
        draft = starting_draft(type_name)
    except PackError as exc:
        window.message_bar.show_message(f"The template pack cannot be used: {exc}", "error")
        return
    window.new_letter(draft=draft)


PACK_SETTING = "template_pack"


def choose_pack(window: MainWindow, folder: Path | None = None) -> bool:
    """Letter > Template Pack...: use a firm's template pack (checked first) and remember it.

    Without ``folder`` the user picks one; an empty choice goes back to the built-in pack."""
    from app.documents.pack import PackError, load_pack
    from app.domain.data_files import TEMPLATES_DIR, use_pack

    if folder is None:
        picked = QFileDialog.getExistingDirectory(window, "Template Pack (Cancel: the built-in pack)", str(window.config_dir))
        folder = Path(picked) if picked else TEMPLATES_DIR
    try:
        pack = load_pack(folder)
    except PackError as exc:
        window.message_bar.show_message(f"The template pack was not changed: {exc}", "error")
        return False
    use_pack(folder)
    window.settings.setValue(PACK_SETTING, "" if folder == TEMPLATES_DIR else str(folder))
    window.message_bar.show_message(f"Template pack: {pack.name} ({folder}).", "info")
    window.preview.render_now()
    return True


def restore_pack(window: MainWindow) -> None:
    """At start: the pack chosen last time, unless OFFERDESK_PACK (or --pack) names one."""
    saved = window.settings.value(PACK_SETTING, "")
    if saved and not os.environ.get("OFFERDESK_PACK"):
        choose_pack(window, Path(str(saved)))
