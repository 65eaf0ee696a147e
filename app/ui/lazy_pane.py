"""A tab whose widget is made the first time it is shown or needed.

The Calculations and Changes panes import the calculation and comparison engines (trading
calendars, pandas, python-docx), which take longer to load than the rest of the window together;
making them on first use keeps the window's start fast.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QShowEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

PaneT = TypeVar("PaneT", bound=QWidget)


class LazyPane(QWidget, Generic[PaneT]):
    """Holds the pane ``make()`` returns, made on first show or first :meth:`pane` call."""

    def __init__(self, make: Callable[[], PaneT], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make = make
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.made: PaneT | None = None

    def pane(self) -> PaneT:
        if self.made is None:
            # The first Calculations pane loads the trading calendar (about half a second): say so.
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
            try:
                self.made = self._make()
            finally:
                QApplication.restoreOverrideCursor()
            self._layout.addWidget(self.made)
        return self.made

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        self.pane()
        super().showEvent(event)
