"""The undoable edits of a letter draft: each changes the value at one path of the document's draft."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from app.domain.problems import Path

if TYPE_CHECKING:
    from app.domain.file_format import SentVersion
    from app.ui.document import LetterDocument

# Commands with this id may merge (consecutive typing in one field); others use -1 and never merge.
TYPING_ID = 1001


class SetValueCommand(QUndoCommand):
    """Set the draft's value at ``path``; typing commands on the same path merge into one step.

    A step is *closed* once the user leaves the field (or presses Enter), or once it has been
    undone: later typing in the same field is then a step of its own. Otherwise 300,000 -> 350,000
    (Tab) then 350,000 -> -5,000 was one step, and one Ctrl+Z lost the 350,000.
    """

    def __init__(
        self, document: LetterDocument, path: Path, old: Any, new: Any, label: str, *, typing: bool
    ) -> None:
        super().__init__(label)
        self._document = document
        self.path = path
        self._old = copy.deepcopy(old)
        self._new = copy.deepcopy(new)
        self._typing = typing
        self.closed = False

    def id(self) -> int:
        return TYPING_ID if self._typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt override)
        if self.closed or not isinstance(other, SetValueCommand) or other.path != self.path or not other._typing:
            return False
        self._new = copy.deepcopy(other._new)
        # Typing back to where the step started leaves nothing to undo.
        self.setObsolete(self._new == self._old)
        return True

    def redo(self) -> None:
        self._document.apply_value(self.path, self._new)

    def undo(self) -> None:
        self.closed = True
        self._document.apply_value(self.path, self._old)


class SentVersionsCommand(QUndoCommand):
    """Replace the file's list of versions marked as sent (Mark as sent)."""

    def __init__(self, document: LetterDocument, old: list[SentVersion], new: list[SentVersion], label: str) -> None:
        super().__init__(label)
        self._document = document
        self._old = list(old)
        self._new = list(new)

    def redo(self) -> None:
        self._document.sent_versions = list(self._new)

    def undo(self) -> None:
        self._document.sent_versions = list(self._old)
