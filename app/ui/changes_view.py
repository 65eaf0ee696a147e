"""The Changes pane: what changed since the baseline, as terms, as a redline, and as figures.

The main window owns the baseline picker (a sent version of the file, or another letter file) and
calls :meth:`ChangesView.set_baseline`; it calls :meth:`ChangesView.set_current` on every valid edit.
The comparison is pure (:mod:`app.compare`); this widget only shows it. A refresh must fit in a
frame, so the baseline's rendered document and figures are computed once per baseline, and parts of
the view whose content did not change are not rebuilt.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QResizeEvent, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.compare.figures import FigureDelta, FigureValue, compare_figures, letter_figures, scenario_date
from app.compare.imported import conformed
from app.compare.terms import ChangeKind, TermChange, by_section, diff_terms
from app.compare.text import Redline, TextChange, redline
from app.documents.engine import RenderError, render_document
from app.documents.html import to_html
from app.documents.model import Block, Document, Paragraph, Run, SignatureBlock
from app.domain.letter import Letter
from app.domain.problems import Path, parse_path

NO_BASELINE_TEXT = (
    "No baseline to compare with. Mark as sent, or choose a baseline file: "
    "the changes since then will show here."
)
NO_LETTER_TEXT = "Fix the errors in the draft to see what changed since the baseline."
STALE_TEXT = "The draft has errors: these are the changes of the last valid draft."
NEXT_CHANGE_KEY = QKeySequence(Qt.Key.Key_F8)
PREVIOUS_CHANGE_KEY = QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F8)
_ARROW = "\u2192"
_PATH_ROLE = Qt.ItemDataRole.UserRole
_TERM_ROLE = Qt.ItemDataRole.UserRole + 1
_CURRENT_CHANGE = QColor("#fff1a8")  # the shade of the change the reader is on
# A value column takes at most this share of the list's width: a long value (a ground for Cause) is
# elided, its tooltip shows it whole; figures and short terms always show whole.
_MAX_VALUE_SHARE = 0.34
_MIN_LABEL_WIDTH = 120  # pixels; the label column keeps at least this, elided in the middle
_CELL_PADDING = 14  # pixels around a cell's text (the style's margins and the focus frame)


TEXT_ONLY_TEXT = "The baseline carries no terms (a document read by its text): only its text is compared."


@dataclass(frozen=True, slots=True)
class _Baseline:
    letter: Letter | None  # None: a document read by its text, without terms
    label: str
    document: Document
    by_text: bool = False  # the document was read from a DOCX; conform it to the current letter's


class ChangesView(QWidget):
    """Changed terms by section, the redlined letter with next/previous change, and figure deltas.

    Signals:
        baseline_requested: the user asked to choose a baseline (the main window shows its picker).
        term_activated(str): a changed term was activated (double-click or Enter); its path as
            :func:`app.domain.problems.format_path` writes it (``equity.grants[0].shares``), to jump
            to its field. A single click shows the term's first change in the redline.
        current_change_changed(int): the change shown moved; its number (1-based; 0 for none).
    """

    baseline_requested = Signal()
    term_activated = Signal(str)
    current_change_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._baseline: _Baseline | None = None
        self._current: Letter | None = None
        self._scenario_on: date | None = None
        self._baseline_figures: tuple[date, tuple[FigureValue, ...]] | None = None
        self._redline: Redline | None = None
        self._terms: list[TermChange] = []
        self._figures: list[FigureDelta] = []
        self._lists_shown = False  # whether the term and figure lists show the comparison
        self._html = ""
        self._anchors: dict[str, int] | None = None
        self._current_change = 0
        self._no_baseline_text = NO_BASELINE_TEXT
        self._bold = QFont()
        self._bold.setBold(True)

        self._baseline_label = QLabel()
        self._baseline_label.setObjectName("baselineLabel")
        self._baseline_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        choose = QPushButton("Choose baseline\u2026")
        choose.setToolTip("Compare with a version marked as sent, or with another letter file")
        choose.clicked.connect(self.baseline_requested)
        self._previous = QPushButton("Previous change")
        self._previous.setToolTip(f"Previous change ({PREVIOUS_CHANGE_KEY.toString()})")
        self._previous.clicked.connect(self.previous_change)
        self._next = QPushButton("Next change")
        self._next.setToolTip(f"Next change ({NEXT_CHANGE_KEY.toString()})")
        self._next.clicked.connect(self.next_change)
        # QShortcut rather than the buttons' own shortcuts, which click after an animation delay.
        QShortcut(NEXT_CHANGE_KEY, self, self.next_change)
        QShortcut(PREVIOUS_CHANGE_KEY, self, self.previous_change)
        self._position = QLabel()
        self._position.setObjectName("changePosition")
        # The baseline's name wraps rather than widening the pane (and so narrowing the form).
        self._baseline_label.setWordWrap(True)
        self._baseline_label.setMinimumWidth(1)
        bar = QHBoxLayout()
        bar.addWidget(self._baseline_label, 1)
        bar.addWidget(choose)

        self._terms_tree = _ChangeTree()
        self._terms_tree.setObjectName("changedTerms")
        self._terms_tree.setHeaderLabels(["Term", "Baseline", "Now"])
        self._terms_tree.setRootIsDecorated(True)
        self._terms_tree.itemActivated.connect(self._on_term_activated)
        self._terms_tree.currentItemChanged.connect(self._on_term_current_changed)

        self._browser = QTextBrowser()
        self._browser.setObjectName("redline")
        self._browser.setOpenLinks(False)
        self._browser.setOpenExternalLinks(False)

        self._figures_tree = _ChangeTree()
        self._figures_tree.setObjectName("figureDeltas")
        self._figures_tree.setHeaderLabels(["Figure", "Baseline", "Now"])

        # Terms and figures on top, each the pane's full width so "old" and "new" read side by side;
        # the redline below, with its change navigation.
        self._lists = QTabWidget()
        self._lists.setObjectName("changeLists")
        self._lists.setDocumentMode(True)
        self._lists.addTab(self._terms_tree, "Terms")
        self._lists.addTab(self._figures_tree, "Figures")
        navigation = QHBoxLayout()
        navigation.setContentsMargins(0, 0, 0, 0)
        navigation.addWidget(self._position, 1)
        navigation.addWidget(self._previous)
        navigation.addWidget(self._next)
        redline_box = QWidget()
        redline_layout = QVBoxLayout(redline_box)
        redline_layout.setContentsMargins(0, 4, 0, 0)
        redline_layout.setSpacing(4)
        redline_layout.addLayout(navigation)
        redline_layout.addWidget(self._browser, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("changesSplitter")
        split.setChildrenCollapsible(False)
        split.addWidget(self._lists)
        split.addWidget(redline_box)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)

        compared = QWidget()
        compared_layout = QVBoxLayout(compared)
        compared_layout.setContentsMargins(0, 0, 0, 0)
        compared_layout.addWidget(split)

        self._empty = QLabel(NO_BASELINE_TEXT)
        self._empty.setObjectName("noBaseline")
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self._stack = QStackedWidget()
        self._stack.addWidget(self._empty)
        self._stack.addWidget(compared)

        self._note = QLabel()
        self._note.setObjectName("previewBanner")  # the app's banner style for "not up to date"
        self._note.setWordWrap(True)
        self._note.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self._note)
        layout.addWidget(self._stack, 1)
        self._refresh()

    # ------------------------------------------------------------------ public API

    def set_baseline(self, letter: Letter | None, label: str = "", document: Document | None = None) -> None:
        """Compare with ``letter`` (``None`` and no ``document``: no baseline); ``label`` says which it is.

        ``document``: the baseline's text read from a Word document
        (:func:`app.compare.imported.docx_baseline`); the redline compares with it, and the term and
        figure lists with ``letter`` if it carried terms.
        """
        self._baseline = None
        self._baseline_figures = None
        self._current_change = 0
        self._no_baseline_text = NO_BASELINE_TEXT
        self._clear()
        if document is not None:
            self._baseline = _Baseline(letter, label or "Baseline", document, by_text=True)
        elif letter is not None:
            try:
                self._baseline = _Baseline(letter, label or "Baseline", render_document(letter))
            except RenderError as exc:
                self._no_baseline_text = f"The baseline cannot be shown: {exc}"
        self._refresh()

    def set_current(self, letter: Letter | None, document: Document | None = None) -> None:
        """Show the changes of ``letter`` against the baseline.

        Args:
            letter: the current letter; ``None`` while the draft has errors (the last valid
                comparison stays, marked as such).
            document: ``letter`` already rendered (the preview's), to save rendering it again.
        """
        self._current = letter
        self._refresh(document)

    def set_scenario_date(self, on: date | None) -> None:
        """The termination date of the scenario figures (``None``: the default, as in the Calculations pane)."""
        self._scenario_on = on
        self._refresh()

    @property
    def has_baseline(self) -> bool:
        return self._baseline is not None

    @property
    def redline(self) -> Redline | None:
        """The current letter redlined against the baseline (None without a baseline or a valid letter)."""
        return self._redline

    @property
    def terms(self) -> list[TermChange]:
        return list(self._terms)

    @property
    def figures(self) -> list[FigureDelta]:
        return list(self._figures)

    @property
    def change_count(self) -> int:
        return self._redline.change_count if self._redline is not None else 0

    @property
    def current_change(self) -> int:
        """The number of the change shown (1-based), 0 when there is none."""
        return self._current_change

    def redline_html(self) -> str:
        return self._html

    def next_change(self) -> None:
        """Show the next change (wrapping to the first)."""
        if self.change_count:
            self._go_to(self._current_change % self.change_count + 1)

    def previous_change(self) -> None:
        """Show the previous change (wrapping to the last)."""
        if self.change_count:
            self._go_to((self._current_change - 2) % self.change_count + 1)

    # ------------------------------------------------------------------ refreshing

    def _clear(self) -> None:
        self._redline = None
        self._show_terms([])
        self._show_figures([])
        self._lists_shown = False
        self._show_html("")
        self._set_current_change(0)

    def _show_empty(self, text: str) -> None:
        self._clear()
        self._empty.setText(text)
        self._stack.setCurrentWidget(self._empty)

    def _refresh(self, document: Document | None = None) -> None:
        baseline, current = self._baseline, self._current
        self._note.hide()
        if baseline is None:
            self._baseline_label.setText("No baseline")
            self._show_empty(self._no_baseline_text)
            return
        self._baseline_label.setText(f"Compared with: {baseline.label}")
        if current is None:
            if self._redline is None:
                self._show_empty(NO_LETTER_TEXT)
            else:  # keep showing the last valid comparison rather than nothing
                self._note.setText(STALE_TEXT)
                self._note.show()
            return
        try:
            current_document = document or render_document(current)
            old_document = conformed(baseline.document, current_document) if baseline.by_text else baseline.document
            compared = redline(old_document, current_document)
        except RenderError as exc:
            self._note.setText(f"The letter cannot be shown: {exc}")
            self._note.show()
            return
        self._stack.setCurrentIndex(1)
        had_changes = self._redline is not None and self._redline.change_count > 0
        self._redline = compared
        terms = diff_terms(baseline.letter, current) if baseline.letter is not None else []
        if terms != self._terms or not self._lists_shown:
            self._show_terms(terms)
        figures = self._figure_deltas(baseline.letter, current) if baseline.letter is not None else []
        if figures != self._figures or not self._lists_shown:
            self._show_figures(figures)
        self._lists_shown = True
        html = to_html(_unlinked_changes(compared.document))
        if html != self._html:
            self._show_html(html)
            first = 1 if compared.change_count else 0
            if had_changes:  # keep the reader's place; only the number may need clamping
                self._set_current_change(min(self._current_change, compared.change_count) or first)
            else:  # the first changes: show them
                self._go_to(first)
        else:
            self._update_position()

    def _figure_deltas(self, old: Letter, new: Letter) -> list[FigureDelta]:
        on = self._scenario_on or scenario_date(old, new)
        cached = self._baseline_figures
        if cached is None or cached[0] != on:
            cached = (on, letter_figures(old, on))
            self._baseline_figures = cached
        return [f for f in compare_figures(cached[1], letter_figures(new, on)) if f.changed]

    def _show_terms(self, terms: list[TermChange]) -> None:
        self._terms = terms
        tree = self._terms_tree
        tree.clear()
        if not terms:
            self._lists.setTabText(0, "Terms")
            if self._baseline is not None and self._current is not None:
                text = TEXT_ONLY_TEXT if self._baseline.letter is None else "No term has changed"
                QTreeWidgetItem(tree, [text]).setFirstColumnSpanned(True)
            return
        self._lists.setTabText(0, f"Terms ({len(terms)})" if terms else "Terms")
        for section, changes in by_section(terms):
            parent = QTreeWidgetItem(tree, [section.title])
            parent.setFont(0, self._bold)
            parent.setFirstColumnSpanned(True)
            for change in changes:
                added = change.kind is ChangeKind.ADDED
                old = change.old if change.old is not None else ("\u2014" if added else "included")
                new = change.new if change.new is not None else change.kind.value
                item = QTreeWidgetItem(parent, [change.label, old, new])
                item.setData(0, _PATH_ROLE, change.dotted_path)
                item.setData(0, _TERM_ROLE, change.path)
                item.setToolTip(0, change.describe(_ARROW))
                for column in (1, 2):
                    item.setToolTip(column, item.text(column))
        tree.expandAll()
        tree.fit_columns()

    def _show_figures(self, figures: list[FigureDelta]) -> None:
        self._figures = figures
        tree = self._figures_tree
        tree.clear()
        self._lists.setTabText(1, f"Figures ({len(figures)})" if figures else "Figures")
        if not figures:
            if self._redline is not None:
                text = TEXT_ONLY_TEXT if self._baseline is not None and self._baseline.letter is None \
                    else "No figure has changed"
                QTreeWidgetItem(tree, [text]).setFirstColumnSpanned(True)
            return
        parents: dict[str, QTreeWidgetItem] = {}
        for figure in figures:
            parent = parents.get(figure.group)
            if parent is None:
                parent = parents[figure.group] = QTreeWidgetItem(tree, [figure.group])
                parent.setFont(0, self._bold)
                parent.setFirstColumnSpanned(True)
            item = QTreeWidgetItem(parent, [figure.label, figure.old or "none", figure.new or "none"])
            item.setToolTip(0, figure.describe(_ARROW))
            item.setToolTip(1, f"Baseline: {figure.old_why}")
            item.setToolTip(2, f"Now: {figure.new_why}")
        tree.expandAll()
        tree.fit_columns()

    def _show_html(self, html: str) -> None:
        self._html = html
        # Keep the reader's place: setHtml scrolls to the top.
        bar = self._browser.verticalScrollBar()
        where = bar.value()
        self._browser.setHtml(html)
        self._anchors = None
        bar.setValue(where)

    # ------------------------------------------------------------------ navigation

    def _go_to(self, number: int) -> None:
        if self._redline is None or not 1 <= number <= self._redline.change_count:
            self._set_current_change(0)
            return
        change = self._redline.changes[number - 1]
        self._browser.scrollToAnchor(f"change-{change.mark}")
        # Leave a few lines above the change so it is read in its context.
        bar = self._browser.verticalScrollBar()
        bar.setValue(bar.value() - self._browser.viewport().height() // 5)
        self._set_current_change(number)

    def _set_current_change(self, number: int) -> None:
        changed = number != self._current_change
        self._current_change = number
        self._update_position()
        self._highlight(number)
        if changed:
            self.current_change_changed.emit(number)

    def _highlight(self, number: int) -> None:
        """Shade the words of change ``number`` (none for 0) so the reader sees which one is current."""
        start = None
        if self._redline is not None and 1 <= number <= self._redline.change_count:
            change = self._redline.changes[number - 1]
            start = self._change_position(change)
        if start is None:
            self._browser.setExtraSelections([])
            return
        document = self._browser.document()
        end = min(start + len(change.old_text) + len(change.new_text), document.characterCount() - 1)
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format.setBackground(_CURRENT_CHANGE)
        self._browser.setExtraSelections([selection])

    def _change_position(self, change: TextChange) -> int | None:
        """Where ``change`` starts in the browser's document.

        Searching for its words (in C++) and checking the anchor there is much faster than walking
        every fragment of the page; the walk is the fallback (a relabelled clause starts with its label).
        """
        name = f"change-{change.mark}"
        words = (change.old_text + change.new_text).split("\n")[0]
        document = self._browser.document()
        found = document.find(words, 0, QTextDocument.FindFlag.FindCaseSensitively) if words else QTextCursor()
        probe = QTextCursor(document)
        while not found.isNull():
            start = found.selectionStart()
            probe.setPosition(start + 1)  # a cursor's format is that of the character before it
            if name in probe.charFormat().anchorNames():
                return start
            found = document.find(words, start + 1, QTextDocument.FindFlag.FindCaseSensitively)
        return self._anchor_positions().get(name)

    def _anchor_positions(self) -> dict[str, int]:
        """Where each named anchor of the redline starts in the browser's document (computed once per page)."""
        if self._anchors is None:
            positions: dict[str, int] = {}
            block = self._browser.document().begin()
            while block.isValid():
                fragments = block.begin()
                while not fragments.atEnd():
                    fragment = fragments.fragment()
                    for name in fragment.charFormat().anchorNames():
                        positions.setdefault(name, fragment.position())
                    fragments += 1
                block = block.next()
            self._anchors = positions
        return self._anchors

    def _update_position(self) -> None:
        count = self.change_count
        if self._redline is None:
            self._position.setText("")
        elif count == 0:
            self._position.setText("No changes in the text")
        else:
            self._position.setText(f"Change {self._current_change} of {count}")
        self._next.setEnabled(count > 0)
        self._previous.setEnabled(count > 0)

    def show_term(self, path: Path) -> bool:
        """Show the first change in the letter's text that shows the term at ``path`` (or inside it).

        Returns whether there is one (a term such as the start date is not printed).
        """
        if self._redline is None:
            return False
        for change in self._redline.changes:
            if any(parse_path(field)[: len(path)] == path for field in change.fields):
                self._go_to(change.number)
                return True
        return False

    def _on_term_current_changed(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        path = item.data(0, _TERM_ROLE) if item is not None else None
        if path:
            self.show_term(tuple(path))

    def _on_term_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        path = item.data(0, _PATH_ROLE)
        if path:
            self.term_activated.emit(str(path))


class _ChangeTree(QTreeWidget):
    """A list of changes as Label | Baseline | Now, fitted to its width whenever that changes.

    The values show whole (up to :data:`_MAX_VALUE_SHARE` of the width each); the label takes the
    rest, elided in the middle when it must be (its tooltip says the change in full).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformRowHeights(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setIndentation(12)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit_columns()

    def content_width(self, column: int) -> int:
        """The width that shows every change's text in ``column`` whole (the header's included)."""
        metrics = self.fontMetrics()
        widest = self.header().fontMetrics().horizontalAdvance(self.headerItem().text(column))
        indent = 2 * self.indentation() if column == 0 else 0  # a change is a section's child
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            changes = [top.child(j) for j in range(top.childCount())] if top is not None else []
            for change in changes:
                if change is not None:
                    widest = max(widest, indent + metrics.horizontalAdvance(change.text(column)))
        return widest + _CELL_PADDING

    def fit_columns(self) -> None:
        available = self.viewport().width()
        if available <= 0:
            return
        cap = max(int(available * _MAX_VALUE_SHARE), 80)
        values = [min(self.content_width(column), cap) for column in (1, 2)]
        label = max(min(self.content_width(0), available - sum(values)), _MIN_LABEL_WIDTH)
        values[-1] = max(values[-1], available - label - values[0])  # the slack after the last value
        for column, width in enumerate([label, *values]):
            self.setColumnWidth(column, width)


def _unlinked_changes(document: Document) -> Document:
    """The redline without term links on changed runs.

    Qt underlines every link whatever its style says, so a deleted term would read as struck through
    *and* underlined, which in a redline means inserted; in this pane the change matters more than
    the click-to-field (the changed-terms list still jumps to the field).
    """
    blocks: list[Block] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            block = _unlinked(block)
        elif isinstance(block, SignatureBlock):
            block = SignatureBlock(tuple(_unlinked(p) for p in block.lines), block.align, block.signature_line_after)
        blocks.append(block)
    return replace(document, blocks=tuple(blocks))


def _unlinked(paragraph: Paragraph) -> Paragraph:
    if not any(r.field is not None and (r.change or paragraph.change) for r in paragraph.runs):
        return paragraph
    runs = tuple(
        Run(r.text, r.bold, r.italic, r.underline, None, r.change) if (r.change or paragraph.change) else r
        for r in paragraph.runs
    )
    return Paragraph(
        runs, paragraph.style, paragraph.align, paragraph.keep_with_next, paragraph.label, paragraph.change,
        paragraph.anchor,
    )


__all__ = ["ChangesView", "NEXT_CHANGE_KEY", "NO_BASELINE_TEXT", "NO_LETTER_TEXT", "PREVIOUS_CHANGE_KEY", "STALE_TEXT",
           "TEXT_ONLY_TEXT"]
