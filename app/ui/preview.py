"""The live preview: the letter as it will print, rendered off the GUI thread as the user types.

Changes are debounced with a single-shot timer; each render request carries a sequence number and
a result that is not the latest request's is dropped. The worker gets a plain :class:`Letter` and
returns plain data (HTML and the document model); it touches no widget.

At start the first render waits until the window has been painted: rendering holds the GIL for tens
of milliseconds (the first time it also imports Jinja2 and compiles the templates), and the GUI
thread needs the GIL for every Python call while it lays out and paints the window.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRunnable, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QMenu, QTextBrowser, QVBoxLayout, QWidget

from app.domain.problems import parse_path
from app.ui.document import LetterDocument
from app.ui.problems_view import term_label

if TYPE_CHECKING:
    from app.documents.model import Document
    from app.domain.letter import Letter

DEBOUNCE_MS = 150


@dataclass(frozen=True, slots=True)
class RenderResult:
    """What the worker hands back: the HTML and document, or the render error's message."""

    sequence: int
    letter: Letter
    document: Document | None
    html: str
    error: str
    seconds: float


def render_preview(sequence: int, letter: Letter) -> RenderResult:
    """Render ``letter`` for the preview (pure: runs on the worker thread)."""
    # Jinja2 and the templates load here, on the worker, with the first render after the window shows.
    from app.documents.engine import RenderError, render_document
    from app.documents.html import to_html

    started = time.perf_counter()
    try:
        document = render_document(letter)
        html = to_html(document)
    except RenderError as exc:
        return RenderResult(sequence, letter, None, "", str(exc), time.perf_counter() - started)
    return RenderResult(sequence, letter, document, html, "", time.perf_counter() - started)


class _Relay(QObject):
    finished = Signal(object)


class _RenderJob(QRunnable):
    def __init__(self, sequence: int, letter: Letter, relay: _Relay) -> None:
        super().__init__()
        self._sequence = sequence
        self._letter = letter
        self._relay = relay

    def run(self) -> None:
        # Signals cross threads as queued calls: the result is handled on the GUI thread.
        self._relay.finished.emit(render_preview(self._sequence, self._letter))


class PreviewPane(QWidget):
    """A banner (when the preview is out of date) over a read-only view of the letter.

    Signals:
        term_activated(object): the user clicked a term; its path (a tuple).
        wording_requested(str): "Edit Wording..." on a clause; its id.
        reset_requested(str): "Reset to Standard Wording" on a clause; its id.
    """

    term_activated = Signal(object)
    wording_requested = Signal(str)
    reset_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.banner = QLabel()
        self.banner.setObjectName("previewBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        layout.addWidget(self.banner)
        self.browser = QTextBrowser()
        self.browser.setObjectName("previewBrowser")
        self.browser.setAccessibleName("Letter preview")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._on_anchor_clicked)
        self.browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.browser.customContextMenuRequested.connect(self._on_context_menu_requested)
        self.departing: frozenset[str] = frozenset()  # the clauses worded for this letter (the window sets it)
        self.browser.document().setDocumentMargin(18)
        # The letter wraps to the pane's width; justified lines can lay out a fraction of a pixel wider,
        # which would otherwise show a useless horizontal scroll bar.
        self.browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.browser, 1)

    def show_html(self, html: str) -> None:
        """Replace the letter, keeping the reader's place."""
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self.browser.setHtml(html)
        bar.setValue(min(position, bar.maximum()))

    def set_banner(self, text: str | None) -> None:
        if text:
            self.banner.setText(text)
            self.banner.show()
        else:
            self.banner.hide()

    def scroll_to_section(self, key: str, prefixes: tuple[str, ...]) -> None:
        """Bring a section into view: its heading, or else the first term it holds (``prefixes``:
        the section's term paths, dotted)."""
        document = self.browser.document()
        if document.isEmpty():
            return  # nothing rendered yet (at start the HTML writer is not even loaded)
        from app.documents.html import TERM_SCHEME

        anchor = f"section-{key}"
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                fmt = fragment.charFormat()
                names = fmt.anchorNames()
                href = fmt.anchorHref()
                term = href[len(TERM_SCHEME):] if href.startswith(TERM_SCHEME) else None
                if anchor in names or (term is not None and any(
                    term == p or term.startswith(p + ".") for p in prefixes
                )):
                    if anchor in names:
                        self.browser.scrollToAnchor(anchor)
                    else:
                        bar = self.browser.verticalScrollBar()
                        top = int(document.documentLayout().blockBoundingRect(block).top())
                        bar.setValue(min(top, bar.maximum()))
                    return
                iterator += 1
            block = block.next()

    def scroll_to_text(self, text: str, occurrence: int = 0) -> bool:
        """Scroll to the ``occurrence``-th (from 0) place the letter reads ``text`` and select it;
        ``False`` if it does not (the preview is out of date, or the words span a line break)."""
        document = self.browser.document()
        cursor = QTextCursor(document)
        for _ in range(occurrence + 1):
            found = document.find(text, cursor, QTextDocument.FindFlag.FindCaseSensitively)
            if found.isNull():
                return False
            cursor = found
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()
        return True

    def clause_at(self, position: QPoint) -> str | None:
        """The id of the clause shown at ``position`` (viewport coordinates), if any."""
        from app.documents.html import CLAUSE_ANCHOR

        block = self.browser.cursorForPosition(position).block()
        iterator = block.begin()
        while not iterator.atEnd():
            for name in iterator.fragment().charFormat().anchorNames():
                if name.startswith(CLAUSE_ANCHOR):
                    return name[len(CLAUSE_ANCHOR):]
            iterator += 1
        return None

    def clause_menu(self, position: QPoint) -> QMenu:
        """The context menu at ``position``: the browser's own, with the clause's wording actions."""
        menu = self.browser.createStandardContextMenu(position)
        clause = self.clause_at(position)
        if clause is not None:
            first = menu.actions()[0] if menu.actions() else None
            edit = QAction(f"Edit Wording of Clause {clause}…", menu)
            edit.triggered.connect(lambda: self.wording_requested.emit(clause))
            reset = QAction("Reset to Standard Wording", menu)
            reset.setEnabled(clause in self.departing)
            reset.triggered.connect(lambda: self.reset_requested.emit(clause))
            menu.insertActions(first, [edit, reset])  # type: ignore[arg-type]
            menu.insertSeparator(first)  # type: ignore[arg-type]
        return menu

    def _on_context_menu_requested(self, position: QPoint) -> None:
        menu = self.clause_menu(position)
        menu.exec(self.browser.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _on_anchor_clicked(self, url: QUrl) -> None:
        from app.documents.html import TERM_SCHEME

        link = url.toString()
        if link.startswith(TERM_SCHEME):
            self.term_activated.emit(parse_path(link[len(TERM_SCHEME):]))


class PreviewController(QObject):
    """Keeps the preview pane in step with the document.

    Signals:
        rendered(int): the preview now shows the render with this sequence number.
    """

    rendered = Signal(int)

    def __init__(self, document: LetterDocument, pane: PreviewPane, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.pane = pane
        self.sequence = 0
        self.shown_sequence = 0
        self.last_result: RenderResult | None = None
        self._held = False
        self._held_request = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_render_finished)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.render_now)
        document.validated.connect(self._on_document_validated)

    def set_document(self, document: LetterDocument) -> None:
        self.document.validated.disconnect(self._on_document_validated)
        self.document = document
        document.validated.connect(self._on_document_validated)
        self.last_result = None
        self.render_now()

    def _on_document_validated(self) -> None:
        if self._held_request and not self._held:
            self.render_now()  # the render asked for before the letter had been checked
            return
        self._update_banner()
        if not self.document.has_errors and self.document.letter is not None:
            self._timer.start()

    def hold(self) -> None:
        """Start no render until :meth:`release`; one asked for meanwhile starts then. The window
        holds its preview until it has first been painted."""
        self._held = True

    def release(self) -> None:
        self._held = False
        if self._held_request:
            self._held_request = False
            self.render_now()

    def render_now(self) -> None:
        """Start rendering the current letter at once (no debounce); if held, on :meth:`release`,
        and if the letter has not been checked yet, once it has been."""
        self._timer.stop()
        if not self.document.checked:
            self._held_request = True  # no banner either: nothing is known about the letter yet
            return
        self._update_banner()
        if self._held:
            self._held_request = True
            return
        self._held_request = False
        letter = self.document.letter
        if letter is None or self.document.has_errors:
            return
        self.sequence += 1
        self._pool.start(_RenderJob(self.sequence, letter, self._relay))

    def flush(self) -> None:
        """Render now if a render is waiting (for the debounce timer or a release); one already
        running is kept."""
        if self._held:
            self.release()
        if self._timer.isActive():
            self.render_now()

    @property
    def idle(self) -> bool:
        """No render is waiting or running and the latest one is shown."""
        return not self._timer.isActive() and not self._held_request and self.shown_sequence == self.sequence

    def _on_render_finished(self, result: RenderResult) -> None:
        if result.sequence != self.sequence:
            return  # a newer request is on its way; this one is stale
        self.shown_sequence = result.sequence
        if result.document is None:
            self.pane.set_banner(
                f"The preview could not be made: {result.error}. The letter's terms are fine; "
                "the template needs fixing (tell whoever maintains OfferDesk's templates)."
            )
            self.rendered.emit(result.sequence)
            return
        self.last_result = result
        self.pane.show_html(result.html)
        self._update_banner()
        self.rendered.emit(result.sequence)

    def current_document(self) -> Document | None:
        """The rendered document of the current letter, if the preview shows it."""
        result = self.last_result
        if result is None or self.document.letter is None or result.letter != self.document.letter:
            return None
        return result.document

    def _update_banner(self) -> None:
        errors = self.document.errors
        if not errors:
            self.pane.set_banner(None)
            if self.last_result is None and self.document.letter is None:
                self.pane.set_banner("No preview yet.")
            return
        first = "; ".join(f"{term_label(p)}: {p.message}" for p in errors[:2])
        more = f" (and {len(errors) - 2} more)" if len(errors) > 2 else ""
        count = f"{len(errors)} error{'s' * (len(errors) != 1)}"
        if self.last_result is None:
            self.pane.set_banner(f"No preview yet: the letter has {count}. {first}{more}.")
            self.pane.browser.clear()
        else:
            self.pane.set_banner(
                f"Out of date: the letter has {count}, so this shows the last version without errors. "
                f"{first}{more}."
            )

    def shutdown(self) -> None:
        self._held_request = False
        self._timer.stop()
        self._relay.finished.disconnect(self._on_render_finished)
        self._pool.waitForDone()

