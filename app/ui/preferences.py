"""The Preferences dialog and the settings it edits: the name tracked changes are attributed to."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.storage.account import account_full_name

AUTHOR_KEY = "user/name"


def author_name(settings: QSettings) -> str:
    """Who a redline's tracked changes are by: the name set in Preferences, else the account's full name."""
    saved = settings.value(AUTHOR_KEY, "")
    name = saved.strip() if isinstance(saved, str) else ""
    return name or account_full_name()


def set_author_name(settings: QSettings, name: str) -> None:
    """Keep ``name`` (blank: go back to the account's full name)."""
    if name.strip():
        settings.setValue(AUTHOR_KEY, name.strip())
    else:
        settings.remove(AUTHOR_KEY)
    settings.sync()


class PreferencesDialog(QDialog):
    """Edits the user's name; ``name()`` is what was entered (blank for the account's full name)."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(current)
        self.name_edit.setPlaceholderText(account_full_name())
        self.name_edit.setAccessibleName("Your name")
        self.name_edit.setMinimumWidth(280)
        form.addRow("Your name", self.name_edit)
        layout.addLayout(form)
        note = QLabel("Tracked changes in an exported redline are attributed to this name. "
                      "Leave it empty to use your account's full name.")
        note.setWordWrap(True)
        note.setObjectName("sectionNote")
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

    def name(self) -> str:
        return self.name_edit.text().strip()
