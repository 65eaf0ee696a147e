"""View > Print Preview: the letter's pages exactly as the DOCX prints them.

The pages are the PDF LibreOffice makes from the very DOCX Export DOCX writes (the path Export PDF
takes), drawn by poppler's ``pdftoppm``: page breaks, the continuation header of later pages, the
legend and document ID, the signature page and Exhibit A fall where Word and LibreOffice put them,
not where an imitation of their layout would. That takes LibreOffice about a second, so it runs on a
background thread; without LibreOffice (or poppler) the dialog says what to install instead of
showing an empty pane.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.documents.model import Document
from app.documents.pdf import PdfError, convert_to_pdf, render_pages
from app.domain.letter import Letter
from app.ui.exports import ExportError, docx_for

RENDER_DPI = 110  # sharp at 100 % on an ordinary screen; zoomed views scale this image
ZOOMS = (("Fit width", 0.0), ("50%", 0.5), ("75%", 0.75), ("100%", 1.0), ("150%", 1.5))
_SCREEN_DPI = 96
_PAGE_GAP = 16


@dataclass(frozen=True, slots=True)
class PagesResult:
    """What the worker hands back: the pages as images (plain bytes: no Qt objects cross threads)."""

    pages: tuple[bytes, ...]
    error: str
    seconds: float


def make_pages(letter: Letter, document: Document | None) -> PagesResult:
    """DOCX -> PDF (LibreOffice) -> page images (pdftoppm); pure, runs on the worker thread."""
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="offerdesk-print-") as tmp:
        folder = Path(tmp)
        try:
            docx_path = folder / "letter.docx"
            docx_path.write_bytes(docx_for(letter, document))
            (pdf,) = convert_to_pdf([docx_path], folder)
            pages = tuple(p.read_bytes() for p in render_pages(pdf, folder / "pages", dpi=RENDER_DPI))
        except (ExportError, PdfError) as exc:
            return PagesResult((), f"The print preview cannot be shown: {exc}.", time.perf_counter() - start)
        except OSError as exc:
            return PagesResult((), f"The print preview cannot be shown: {exc.strerror or exc}.",
                               time.perf_counter() - start)
    return PagesResult(pages, "", time.perf_counter() - start)


class _Relay(QObject):
    finished = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, number: int, letter: Letter, document: Document | None, relay: _Relay) -> None:
        super().__init__()
        self._number, self._letter, self._document, self._relay = number, letter, document, relay

    def run(self) -> None:
        self._relay.finished.emit(self._number, make_pages(self._letter, self._document))


class PrintPreview(QDialog):
    """The pages of the letter as printed, with the page count and a zoom.

    Signals:
        pages_shown(int): the pages of a request are on screen (their count; 0 after an error).
    """

    pages_shown = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Print Preview")
        self.setObjectName("printPreview")
        self.resize(760, 900)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_pages_made)
        self._request = 0
        self._images: list[QImage] = []
        self._labels: list[QLabel] = []
        self.seconds = 0.0  # how long the last request took to make its pages

        self.status = QLabel("")
        self.status.setObjectName("printPreviewStatus")
        self.status.setWordWrap(True)
        self.zoom = QComboBox()
        self.zoom.setObjectName("printPreviewZoom")
        for name, factor in ZOOMS:
            self.zoom.addItem(name, factor)
        self.zoom.currentIndexChanged.connect(lambda _index: self._scale_pages())
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.setToolTip("Make the pages again from the letter as it is now")
        self.refresh_button.clicked.connect(self._on_refresh_clicked)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(QLabel("Zoom:"))
        bar.addWidget(self.zoom)
        bar.addWidget(self.refresh_button)
        bar.addWidget(close)

        self._pages = QWidget()
        self._pages.setObjectName("printPreviewPages")
        self._pages.setStyleSheet("#printPreviewPages { background: #8a8f96; }")
        self._column = QVBoxLayout(self._pages)
        self._column.setSpacing(_PAGE_GAP)
        self._column.setContentsMargins(_PAGE_GAP, _PAGE_GAP, _PAGE_GAP, _PAGE_GAP)
        self._column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        # The column is at least as tall as its pages (each whole), so the view scrolls over them
        # rather than squeezing them into its height.
        self._column.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.pages_area = QScrollArea()
        self.pages_area.setWidget(self._pages)
        self.pages_area.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pages_area, 1)
        self._letter: Letter | None = None
        self._document: Document | None = None

    @property
    def page_count(self) -> int:
        return len(self._labels)

    def show_letter(self, letter: Letter, document: Document | None = None) -> None:
        """Make and show the pages of ``letter`` (``document``: its rendered form, if at hand)."""
        self._letter, self._document = letter, document
        self._request += 1
        self.status.setText("Making the pages with LibreOffice\u2026")
        self.refresh_button.setEnabled(False)
        self._pool.start(_Job(self._request, letter, document, self._relay))

    def wait(self) -> None:
        """Wait for the worker (tests, and closing the window)."""
        self._pool.waitForDone()

    def _on_refresh_clicked(self) -> None:
        if self._letter is not None:
            self.show_letter(self._letter, self._document)

    def _on_pages_made(self, number: int, result: PagesResult) -> None:
        if number != self._request:  # a later request is on its way
            return
        self.refresh_button.setEnabled(True)
        self.seconds = result.seconds
        for label in self._labels:
            self._column.removeWidget(label)
            label.hide()
            label.setObjectName("")  # gone at once for findChild, deleted once its events are done
            label.deleteLater()
        self._labels, self._images = [], []
        if result.error:
            self.status.setText(result.error)
            self.pages_shown.emit(0)
            return
        for i, data in enumerate(result.pages, 1):
            image = QImage.fromData(data)
            self._images.append(image)
            label = QLabel()
            label.setObjectName(f"printPage{i}")
            label.setToolTip(f"Page {i} of {len(result.pages)}")
            label.setStyleSheet("border: 1px solid #555; background: white;")
            caption = QLabel(f"Page {i} of {len(result.pages)}", label)
            caption.setObjectName("printPageNumber")
            caption.setStyleSheet("background: rgba(60, 64, 70, 200); color: white; padding: 2px 6px;")
            caption.move(6, 6)  # the page's corner, over the margin: never over the text
            self._column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self._labels.append(label)
        count = len(result.pages)
        self.status.setText(
            f"{count} page{'s' * (count != 1)} as the DOCX prints (LibreOffice), made in {result.seconds:.1f} s"
        )
        self._scale_pages()
        self.pages_shown.emit(count)

    def _scale_pages(self) -> None:
        factor = self.zoom.currentData()
        for image, label in zip(self._images, self._labels, strict=True):
            if not factor:  # fit the width of the view
                bar = self.pages_area.verticalScrollBar()
                room = self.pages_area.viewport().width() - (0 if bar.isVisible() else bar.sizeHint().width())
                width = max(room - 2 * _PAGE_GAP - 4, 200)  # the scroll bar the pages will need, kept free
            else:
                width = int(image.width() * factor * _SCREEN_DPI / RENDER_DPI)
            pixmap = QPixmap.fromImage(image).scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.size())

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)  # type: ignore[arg-type]
        if not self.zoom.currentData():
            self._scale_pages()

    def closeEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
        self._request += 1  # drop a result still on its way
        self.wait()
        super().closeEvent(event)  # type: ignore[arg-type]


__all__ = ["PagesResult", "PrintPreview", "make_pages"]
