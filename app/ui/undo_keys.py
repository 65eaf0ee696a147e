"""Undo and Redo keys go to the document, not to the text box that has the focus.

A QLineEdit or QPlainTextEdit would otherwise claim Ctrl+Z for its own small undo history, so the
same key would undo different things depending on where the cursor is.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QWidget

_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class UndoKeysToDocument(QObject):
    """An application event filter for one window: text boxes in it let Undo/Redo shortcuts through."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(watched, QLineEdit | QPlainTextEdit | QAbstractSpinBox)
            and isinstance(event, QKeyEvent)
            and watched.window() is self._window
            and (any(event.matches(key) for key in _KEYS) or QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+Y"))
        ):
            event.ignore()  # not overridden: the window's Undo/Redo action gets the key
            return True
        return False
