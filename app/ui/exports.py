"""Exporting the letter from the editor: DOCX through the same path as ``offerdesk render``,
PDF through LibreOffice on a background thread."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QTextDocument

from app.documents.engine import RenderError, render_document
from app.documents.model import Document
from app.documents.pdf import PdfError, convert_to_pdf
from app.domain.letter import Letter
from app.storage.atomic import atomic_write_bytes
from app.storage.errors import describe_write_error

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from app.compare.text import Redline


class ExportError(Exception):
    """The letter could not be exported; the message says why and what to do."""


def docx_for(letter: Letter, document: Document | None = None, draft: dict[str, Any] | None = None) -> bytes:
    """The DOCX bytes of ``letter`` (``document``: its rendered form, if already at hand), carrying
    ``draft`` (the letter's own terms when not given) so the DOCX sent can be reopened as the letter."""
    # python-docx is slow to import: load it on the first export, not at startup.
    from app.documents.docx_writer import DocxError, docx_bytes
    from app.domain.file_format import embedded_text

    terms = embedded_text(draft if draft is not None else letter.model_dump(mode="json"))
    try:
        return docx_bytes(document if document is not None else render_document(letter), terms=terms)
    except RenderError as exc:
        raise ExportError(f"The letter template failed: {exc}") from None
    except DocxError as exc:
        raise ExportError(f"The Word document could not be made: {exc}") from None


def write_docx(
    path: Path, letter: Letter, document: Document | None = None, draft: dict[str, Any] | None = None
) -> None:
    """Write the DOCX atomically: a failure leaves any existing file as it was."""
    _write_atomically(path, docx_for(letter, document, draft))


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise ExportError(f"{path.name} could not be written: {describe_write_error(exc, path)}.") from None


def write_redline_docx(
    path: Path, redline: Redline, author: str, draft: dict[str, Any] | None = None, when: datetime | None = None
) -> None:
    """Write the redline as DOCX with tracked changes by ``author``, carrying ``draft`` (the current
    letter's terms) as ``offerdesk compare -o`` does."""
    from app.compare.redline_docx import redline_docx_of
    from app.documents.docx_writer import DocxError
    from app.domain.file_format import embedded_text

    moment = when or datetime.now(UTC).replace(microsecond=0)
    terms = embedded_text(draft) if draft is not None else None
    try:
        data = redline_docx_of(redline, author, moment, terms)
    except DocxError as exc:
        raise ExportError(f"The redline could not be made: {exc}") from None
    _write_atomically(path, data)


def print_letter(printer: QPrinter, letter: Letter, document: Document | None = None) -> None:
    """Lay the letter out as the preview does and print it on ``printer``'s pages."""
    from app.documents.html import to_html

    try:
        html = to_html(document if document is not None else render_document(letter))
    except RenderError as exc:
        raise ExportError(f"The letter template failed: {exc}") from None
    page = QTextDocument()
    page.setHtml(html)
    page.print_(printer)


def pdf_for(path: Path, letter: Letter) -> None:
    """Write the PDF: DOCX in a private folder, converted by LibreOffice, moved into place atomically."""
    with tempfile.TemporaryDirectory(prefix="offerdesk-pdf-") as tmp:
        docx_path = Path(tmp) / f"{path.stem}.docx"
        write_docx(docx_path, letter)
        try:
            (pdf,) = convert_to_pdf([docx_path], Path(tmp) / "pdf")
        except PdfError as exc:
            raise ExportError(f"{path.name} was not written: {exc}") from None
        _write_atomically(path, pdf.read_bytes())


class _PdfRelay(QObject):
    finished = Signal(object, str)


class _PdfJob(QRunnable):
    def __init__(self, path: Path, letter: Letter, relay: _PdfRelay) -> None:
        super().__init__()
        self._path = path
        self._letter = letter
        self._relay = relay

    def run(self) -> None:
        try:
            pdf_for(self._path, self._letter)
        except ExportError as exc:
            self._relay.finished.emit(self._path, str(exc))
            return
        self._relay.finished.emit(self._path, "")


def _pool(owner: QObject) -> QThreadPool:
    pool = owner.findChild(QThreadPool, "exportPool")
    if pool is None:
        pool = QThreadPool(owner)
        pool.setObjectName("exportPool")
        pool.setMaxThreadCount(1)
    return pool


def start_pdf_export(path: Path, letter: Letter, owner: QObject, done: Callable[[Path, str], None]) -> None:
    """Export a PDF in the background; ``done(path, error)`` runs on the GUI thread (error empty if fine)."""
    relay = _PdfRelay(owner)
    relay.finished.connect(done)
    relay.finished.connect(relay.deleteLater)
    _pool(owner).start(_PdfJob(path, letter, relay))


def wait_for_exports(owner: QObject) -> None:
    pool = owner.findChild(QThreadPool, "exportPool")
    if pool is not None:
        pool.waitForDone()
