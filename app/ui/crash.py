"""Unexpected exceptions: a dialog with copyable details that leave out the letter's private data.

The details list the code locations (file, line, function) and versions. The exception's message
may quote a name or an amount from the letter, so every term value of the open draft is blanked out
of it before it is shown.
"""

from __future__ import annotations

import platform
import sys
import traceback
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from types import TracebackType
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

REDACTED = "[letter data removed]"


def private_values(draft: Any) -> set[str]:
    """Every term value of a draft as text (and money in the ways it is written), to blank out."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, bool) or node is None:
            return
        else:
            text = str(node).strip()
            if len(text) >= 2:
                found.add(text)
            try:
                amount = Decimal(text.replace(",", "").replace("$", ""))
            except InvalidOperation:
                return
            if amount.is_finite() and abs(amount) >= 10:
                found.update({f"{amount:,}", f"{amount:,.2f}", f"{amount:.2f}", str(amount.normalize())})

    walk(draft)
    return found


def redact(text: str, private: Iterable[str]) -> str:
    # Longest first, so a full name goes before the familiar name inside it.
    for value in sorted(private, key=len, reverse=True):
        text = text.replace(value, REDACTED)
    return text


def versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    def of(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    return "\n".join([
        f"OfferDesk {of('offerdesk')}",
        f"Python {platform.python_version()} ({sys.platform}, {platform.machine()})",
        f"PySide6 {pyside_version}, Qt {qVersion()}, platform {QGuiApplication.platformName()}",
        f"pydantic {of('pydantic')}, Jinja2 {of('Jinja2')}, python-docx {of('python-docx')}",
    ])


def crash_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, private: Iterable[str]
) -> str:
    """The text a user can copy into a bug report."""
    lines = [f"{exc_type.__module__}.{exc_type.__qualname__}: {redact(str(exc), private)}", "", "Where:"]
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {redact(frame.line.strip(), private)}")
    lines += ["", versions()]
    return "\n".join(lines)


class CrashDialog(QDialog):
    """Says that something went wrong, with the details and a Copy button."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("OfferDesk: unexpected error")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Something went wrong inside OfferDesk. Your letter is still open: save it (File > Save As "
            "to a new file if in doubt). Please send the details below to whoever supports OfferDesk; "
            "they contain no names or amounts from the letter."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setMinimumSize(640, 260)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("Copy details", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self._on_copy_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_copy_clicked(self) -> None:
        QApplication.clipboard().setText(self.details.toPlainText())


_open_dialogs: list[CrashDialog] = []


def install_excepthook(private_source: Callable[[], Any]) -> None:
    """Route unexpected exceptions to :class:`CrashDialog`; ``private_source()`` gives the open drafts."""
    previous = sys.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt) or QApplication.instance() is None:
            previous(exc_type, exc, tb)
            return
        try:
            private = private_values(private_source())
        except Exception:  # noqa: BLE001 - the report must still be shown
            private = set()
        details = crash_report(exc_type, exc, tb, private)
        print(details, file=sys.stderr)
        dialog = CrashDialog(details, QApplication.activeWindow())
        _open_dialogs.append(dialog)
        dialog.finished.connect(lambda _result, d=dialog: _open_dialogs.remove(d))
        dialog.open()

    sys.excepthook = hook
