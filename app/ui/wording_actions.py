"""The window's actions on clause wording: the clause editor from the preview, the clause library,
the navigator's and preview's marks of departing clauses, and File > New from Type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

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
