"""The one channel for expected failures and notices: a non-modal bar above the form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QToolButton, QWidget


class MessageBar(QFrame):
    """Shows one message at a time (error, warning or info), with an optional action button.

    Expected failures (a file that cannot be opened or saved, a template error) go here with the
    remedy in the text; nothing blocks the user.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setOpenExternalLinks(False)
        layout.addWidget(self.text, 1)
        self.action_button = QPushButton()
        self.action_button.hide()
        self.action_button.clicked.connect(self._on_action_clicked)
        layout.addWidget(self.action_button)
        close = QToolButton()
        close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        close.setToolTip("Dismiss this message")
        close.setAutoRaise(True)
        close.clicked.connect(self.dismiss)
        layout.addWidget(close)
        self._action: Callable[[], None] | None = None
        self.level = ""
        self.hide()

    def show_message(
        self, text: str, level: str = "info", action: tuple[str, Callable[[], None]] | None = None
    ) -> None:
        """Show ``text``; ``level`` is ``error``, ``warning`` or ``info``."""
        self.level = level
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self.text.setText(text)
        self.setAccessibleDescription(text)
        if action is None:
            self._action = None
            self.action_button.hide()
        else:
            self.action_button.setText(action[0])
            self._action = action[1]
            self.action_button.show()
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self.text.clear()
        self.level = ""
        self._action = None

    def _on_action_clicked(self) -> None:
        action = self._action
        self.dismiss()
        if action is not None:
            action()
