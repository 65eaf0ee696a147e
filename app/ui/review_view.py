"""The Review tab: the drafting and legal findings on the letter as rendered, over the letter's text
with each finding's words marked.

Choosing a finding shows its paragraph in the text below the list with the words selected; the
main window also scrolls the preview there and, when the words show a letter term, puts the cursor
in that term's editor.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.problems import Severity
from app.domain.sections import SectionState
from app.review.findings import Finding
from app.review.sources import Kind, ReviewParagraph
from app.ui.icons import state_icon

_MARK = "background-color:#fff0b3"
_MARK_ERROR = "background-color:#ffd6d6"


class ReviewView(QWidget):
    """The findings list (severity, rule, message, excerpt, where) over the reviewed text.

    Signals:
        finding_activated(object): the :class:`~app.review.findings.Finding` the user chose.
    """

    finding_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.summary = QLabel()
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.list = QTreeWidget()
        self.list.setObjectName("reviewFindings")
        self.list.setAccessibleName("Review findings")
        self.list.setColumnCount(3)
        self.list.setHeaderLabels(["Finding and excerpt", "Rule", "Where"])
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)  # the message, then the quoted words, wrapped to the pane
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.list.header()
        # The finding takes the width; a long rule id is elided (its full name is in the tooltip).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.resizeSection(1, 150)
        self.list.itemActivated.connect(self._on_item_activated)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.text = QTextBrowser()
        self.text.setObjectName("reviewText")
        self.text.setAccessibleName("Reviewed text")
        self.text.setOpenLinks(False)
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.text)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        self.findings: list[Finding] = []
        self.paragraphs: list[ReviewParagraph] = []
        self._text_stale = False
        self.show_note("The review runs when the letter has been rendered.")

    # ---------------------------------------------------------------- content

    def show_note(self, text: str) -> None:
        """Nothing to list (no rendered letter yet, or a letter with errors): say why."""
        self.findings = []
        self.paragraphs = []
        self.list.clear()
        self.summary.setText(text)
        self.text.clear()
        self._text_stale = False

    def set_review(self, findings: list[Finding], paragraphs: list[ReviewParagraph]) -> None:
        """Show ``findings`` on ``paragraphs`` (the letter as it was reviewed)."""
        same = [(f.rule, f.excerpt, f.location) for f in findings] == [
            (f.rule, f.excerpt, f.location) for f in self.findings
        ]
        self.findings = list(findings)
        self.paragraphs = list(paragraphs)
        errors = sum(f.severity is Severity.ERROR for f in findings)
        warnings = len(findings) - errors
        if not findings:
            self.summary.setText("No findings: the drafting and legal checks found nothing to fix.")
        else:
            self.summary.setText(
                f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}. "
                "Choose a finding to see it in the letter."
            )
        if not same or self.list.topLevelItemCount() != len(findings):
            self._fill_list()
        self._text_stale = True
        if self.isVisible():
            self._show_text()

    def _fill_list(self) -> None:
        self.list.clear()
        for number, finding in enumerate(self.findings):
            shown = f"{finding.message}\n\u201c{finding.excerpt}\u201d" if finding.excerpt else finding.message
            item = QTreeWidgetItem([shown, finding.rule, finding.location.short])
            state = SectionState.ERROR if finding.severity is Severity.ERROR else SectionState.WARNING
            item.setIcon(0, state_icon(state))
            item.setToolTip(0, f"{finding.severity.value}: {finding.message}")
            item.setToolTip(1, finding.rule)
            item.setToolTip(2, str(finding.location))
            item.setData(0, Qt.ItemDataRole.UserRole, number)
            item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, finding.severity.value)
            self.list.addTopLevelItem(item)

    def _show_text(self) -> None:
        """The reviewed letter, each paragraph anchored ``p-N``, each finding's words marked."""
        marks: dict[int, list[tuple[str, Severity]]] = {}
        for finding in self.findings:
            if finding.excerpt and finding.location.index >= 0:
                marks.setdefault(finding.location.index, []).append((finding.excerpt, finding.severity))
        out = []
        for index, para in enumerate(self.paragraphs):
            body = _marked(para.text, marks.get(index, []))
            if para.kind is Kind.HEADING:
                body = f"<b>{body}</b>"
            out.append(f'<p><a name="p-{index}"></a>{body}</p>')
        bar = self.text.verticalScrollBar()
        position = bar.value()
        self.text.setHtml("".join(out))
        bar.setValue(min(position, bar.maximum()))
        self._text_stale = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        if self._text_stale:
            self._show_text()
        super().showEvent(event)

    # ---------------------------------------------------------------- going to a finding

    def show_finding(self, finding: Finding) -> None:
        """Scroll the text to the finding's paragraph and select its words."""
        if self._text_stale:
            self._show_text()
        index = finding.location.index
        if index < 0:
            return
        self.text.scrollToAnchor(f"p-{index}")
        cursor = _find_in_block(self.text, index, finding.excerpt)
        if cursor is not None:
            self.text.setTextCursor(cursor)
            self.text.ensureCursorVisible()

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None:
            self.show_finding(self.findings[int(current.data(0, Qt.ItemDataRole.UserRole))])

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        finding = self.findings[int(item.data(0, Qt.ItemDataRole.UserRole))]
        self.show_finding(finding)
        self.finding_activated.emit(finding)


def _marked(text: str, marks: list[tuple[str, Severity]]) -> str:
    spans: list[tuple[int, int, Severity]] = []
    for excerpt, severity in marks:
        start = text.find(excerpt)
        if start >= 0 and not any(s < start + len(excerpt) and start < e for s, e, _ in spans):
            spans.append((start, start + len(excerpt), severity))
    spans.sort()
    out, at = [], 0
    for start, end, severity in spans:
        style = _MARK_ERROR if severity is Severity.ERROR else _MARK
        out.append(escape(text[at:start]))
        out.append(f'<span style="{style}">{escape(text[start:end])}</span>')
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


def _find_in_block(browser: QTextBrowser, index: int, excerpt: str) -> QTextCursor | None:
    """The excerpt's words in the ``index``-th paragraph of the reviewed text, selected."""
    block = browser.document().findBlockByNumber(index)
    if not block.isValid():
        return None
    at = block.text().find(excerpt) if excerpt else -1
    cursor = QTextCursor(block)
    if at >= 0:
        cursor.setPosition(block.position() + at)
        cursor.setPosition(block.position() + at + len(excerpt), QTextCursor.MoveMode.KeepAnchor)
    return cursor
