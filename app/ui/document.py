"""The open letter: the user's raw draft, the last valid letter, its problems and its undo stack."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from app.domain.fields import spec_for
from app.domain.problems import Path, Problem, Severity, has_errors
from app.domain.sample import SAMPLE_TERMS
from app.domain.starters import starter
from app.ui.commands import SetValueCommand
from app.ui.draft import MISSING, get_in, set_in

if TYPE_CHECKING:
    # The letter model and its file format load with the first check (see check()), not before.
    from app.domain.file_format import LetterFile, SentVersion
    from app.domain.letter import Letter


class LetterDocument(QObject):
    """A letter being edited. Undo belongs here, not to the widgets.

    The draft keeps exactly what the user entered, valid or not; every change re-validates the whole
    draft. ``letter`` is the current letter when the draft is valid, ``last_valid`` the most recent
    letter that was.

    A document made with ``check=False`` has not been validated yet (``checked`` is False, it has no
    problems and no letter) until :meth:`check` is called: the editor window lays out and paints its
    first form before the letter model's validators are built, then checks the letter.

    Signals:
        value_changed(object): the draft changed at this path (a tuple); editors under it refresh.
        validated(): ``letter``, ``last_valid`` and ``problems`` were recomputed.
        file_path_changed(): the file the letter is saved in changed.
        modified_changed(bool): the letter now differs (or no longer differs) from its file.
    """

    value_changed = Signal(object)
    validated = Signal()
    file_path_changed = Signal()
    modified_changed = Signal(bool)

    def __init__(
        self,
        draft: dict[str, Any],
        sent_versions: Sequence[SentVersion] = (),
        file_path: FilePath | None = None,
        parent: QObject | None = None,
        *,
        read_only: bool = False,
        check: bool = True,
    ) -> None:
        super().__init__(parent)
        self.draft: dict[str, Any] = copy.deepcopy(draft)
        self.sent_versions: list[SentVersion] = list(sent_versions)
        self.file_path = file_path
        # The DOCX the terms were read from, for a letter opened from the document that was sent.
        self.origin: FilePath | None = None
        self.read_only = read_only
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_stack_clean_changed)
        # A recovered draft differs from its file although nothing is on the undo stack.
        self._recovered = False
        self.letter: Letter | None = None
        self.last_valid: Letter | None = None
        self.problems: list[Problem] = []
        # What an optional section or number held before it was switched off, to bring it back.
        self._switched_off: dict[Path, Any] = {}
        self.checked = False
        if check:
            self._revalidate()

    @classmethod
    def from_file(
        cls, file: LetterFile, file_path: FilePath | None = None, parent: QObject | None = None, *, read_only: bool = False
    ) -> LetterDocument:
        return cls(file.draft, file.sent_versions, file_path, parent, read_only=read_only)

    def check(self) -> None:
        """Validate the letter if that has not been done yet (a document made with ``check=False``)."""
        if not self.checked:
            self._revalidate()
            self.validated.emit()

    # ------------------------------------------------------------------ reading

    def value(self, path: Path) -> Any:
        """The raw draft value at ``path`` (:data:`MISSING` when absent)."""
        return get_in(self.draft, path)

    @property
    def has_errors(self) -> bool:
        return has_errors(self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    def to_file(self) -> LetterFile:
        """The letter file as it would be saved now."""
        from app.domain.file_format import LetterFile

        return LetterFile(draft=copy.deepcopy(self.draft), sent_versions=list(self.sent_versions))

    @property
    def display_name(self) -> str:
        if self.file_path is None:
            return self.origin.stem if self.origin is not None else "Untitled letter"
        name = self.file_path.name
        return name.removesuffix(".offer.json") or name

    # ------------------------------------------------------------------ editing

    def edit(self, path: Path, value: Any, label: str, *, typing: bool = True) -> None:
        """Change the value at ``path`` as one undoable step named ``label``.

        Consecutive ``typing`` edits of one path merge into a single step.
        """
        old = self.value(path)
        if self.read_only or (old == value and old is not MISSING):
            return
        self.undo_stack.push(SetValueCommand(self, path, old, value, label, typing=typing))

    def end_typing(self) -> None:
        """Close the typing step on top of the stack: the next keystroke, even in the same field,
        starts a new step (called when the focus leaves a field, and on Enter)."""
        index = self.undo_stack.index()
        top = self.undo_stack.command(index - 1) if index > 0 else None
        if isinstance(top, SetValueCommand):
            top.closed = True

    def switch_optional(self, path: Path, on: bool, label: str, default: Any) -> None:
        """Switch an optional section or number on or off, as one step.

        Switching off remembers what was there; switching on brings it back (or ``default`` the first
        time), so nothing typed is lost.
        """
        current = self.value(path)
        if on:
            if current not in (None, MISSING):
                return
            restored = self._switched_off.get(path, default)
            self.edit(path, copy.deepcopy(restored), label, typing=False)
        else:
            if current in (None, MISSING):
                return
            self._switched_off[path] = copy.deepcopy(current)
            self.edit(path, None, label, typing=False)

    def default_for(self, path: Path) -> Any:
        """What a term starts as when the user first switches it on: the sample's value, or the
        starting terms of its kind (:mod:`app.domain.starters`) where the sample has none."""
        value = get_in(SAMPLE_TERMS, tuple(0 if isinstance(p, int) else p for p in path))
        if value is not MISSING:
            return copy.deepcopy(value)
        try:
            spec = spec_for(path)
        except KeyError:
            return None
        return starter(spec.model)

    def apply_value(self, path: Path, value: Any) -> None:
        """Write a value into the draft and re-validate (called by the undo commands only)."""
        set_in(self.draft, path, value)
        self._revalidate()
        self.value_changed.emit(path)
        self.validated.emit()

    def restore_recovered(self, draft: dict[str, Any]) -> None:
        """Take a recovered draft exactly as it was autosaved; the letter is then unsaved."""
        self.draft = copy.deepcopy(draft)
        self.undo_stack.clear()
        self._recovered = True
        self._revalidate()
        self.value_changed.emit(())
        self.validated.emit()
        self.modified_changed.emit(True)

    @property
    def modified(self) -> bool:
        return self._recovered or not self.undo_stack.isClean()

    def set_file_path(self, path: FilePath | None) -> None:
        self.file_path = path
        self.file_path_changed.emit()

    def mark_saved(self) -> None:
        self._recovered = False
        self.undo_stack.setClean()
        self.modified_changed.emit(False)

    def _on_stack_clean_changed(self, _clean: bool) -> None:
        self.modified_changed.emit(self.modified)

    def _revalidate(self) -> None:
        from app.domain.rules import validate_draft

        self.checked = True
        self.letter, self.problems = validate_draft(self.draft)
        if self.letter is not None and not has_errors(self.problems):
            self.last_valid = self.letter
