"""The questions the editor asks the user (only where a decision is needed) and its file pickers.

Collected in one object so tests can answer them without a human (replace ``window.prompts``).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from app.storage.recovery import RecoveryEntry

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

COMPARE_FILTER = (
    "Letters and Word documents (*.offer.json *.docx);;Letter files (*.offer.json);;"
    "Word documents, made anywhere: compared by their text (*.docx);;All files (*)"
)
LETTER_FILTER = "Offer letters (*.offer.json *.docx);;Letter files (*.offer.json);;Word documents exported by OfferDesk (*.docx);;All files (*)"


class SaveChoice(StrEnum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Prompts:
    """Asks the user; every method returns the answer (``None`` for Cancel)."""

    def __init__(self, parent: QWidget, *, native_dialogs: bool = True) -> None:
        self.parent = parent
        self.native_dialogs = native_dialogs

    def _file_options(self) -> QFileDialog.Option:
        return QFileDialog.Option(0) if self.native_dialogs else QFileDialog.Option.DontUseNativeDialog

    def save_changes(self, name: str) -> SaveChoice:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Unsaved changes",
            f"Save the changes to {name} before closing it?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self.parent,
        )
        box.setInformativeText("If you don't save, your changes will be lost.")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return SaveChoice.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return SaveChoice.DISCARD
        return SaveChoice.CANCEL

    def recover(self, entry: RecoveryEntry) -> bool | None:
        """True: recover it; False: discard it; None: decide later."""
        source = f"of {entry.source.name}" if entry.source else "of a letter that was never saved"
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Recover unsaved changes?",
            f"OfferDesk closed unexpectedly while you were editing “{entry.title}”. Your changes {source} "
            f"were saved automatically at {entry.saved_at.astimezone():%Y-%m-%d %H:%M}.",
            QMessageBox.StandardButton.NoButton,
            self.parent,
        )
        recover = box.addButton("Recover", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Later", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(recover)
        box.exec()
        if box.clickedButton() is recover:
            return True
        if box.clickedButton() is discard:
            return False
        return None

    def open_read_only(self, message: str) -> bool:
        """The letter is in use elsewhere: open it read-only (True) or cancel."""
        box = QMessageBox(QMessageBox.Icon.Information, "Letter in use", message, QMessageBox.StandardButton.Cancel, self.parent)
        read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is read_only

    def open_path(self, folder: Path) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.parent, "Open letter", str(folder), LETTER_FILTER, options=self._file_options()
        )
        return Path(name) if name else None

    def save_path(self, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.parent, "Save letter as", str(suggested), LETTER_FILTER, options=self._file_options()
        )
        if not name:
            return None
        path = Path(name)
        return path if path.name.endswith(".offer.json") else path.with_name(path.name.removesuffix(".json") + ".offer.json")

    def export_path(self, suggested: Path, kind: str, title: str = "") -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.parent, title or f"Export {kind.upper()}", str(suggested), f"{kind.upper()} files (*.{kind})",
            options=self._file_options(),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == f".{kind}" else path.with_name(path.name + f".{kind}")

    def version_name(self, default: str) -> str | None:
        name, ok = QInputDialog.getText(
            self.parent, "Mark as sent", "Name of this version (for example, when and to whom it was sent):",
            QLineEdit.EchoMode.Normal, default,
        )
        return name if ok else None

    def other_letter(self, folder: Path) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.parent, "Compare with letter", str(folder), COMPARE_FILTER, options=self._file_options()
        )
        return Path(name) if name else None

    def print_setup(self, printer: QPrinter) -> bool:
        """The system's Print dialog for ``printer``; True to print."""
        from PySide6.QtPrintSupport import QPrintDialog  # loads the print support on first use

        dialog = QPrintDialog(printer, self.parent)
        dialog.setWindowTitle("Print letter")
        return dialog.exec() == QDialog.DialogCode.Accepted

    def preferences(self, current_name: str) -> str | None:
        """The Preferences dialog; the name entered (blank: the account's), or None for Cancel."""
        from app.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(current_name, self.parent)
        return dialog.name() if dialog.exec() == QDialog.DialogCode.Accepted else None
