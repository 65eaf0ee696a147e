"""Wording a clause for this letter only, and choosing the clause library's alternates.

The clause editor shows the clause's text with each live term as a visible token,
``[[compensation.base_salary]]`` (tinted like a chip, its term's name and value beside the text):
the user edits the prose and can move a token anywhere; it still prints the term's current value.
OK stores the wording in the letter (``wording``) as one undoable step; "Reset to standard wording"
removes it. The clause library dialog picks each library clause's alternate.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.documents.model import Paragraph
from app.domain.clause_text import TOKEN, token, tokens
from app.domain.fields import spec_for
from app.ui.document import LetterDocument
from app.ui.draft import MISSING

if TYPE_CHECKING:
    from app.documents.pack import Pack

WORDING: tuple[str] = ("wording",)


def wording_items(document: LetterDocument) -> list[dict[str, Any]]:
    value = document.value(WORDING)
    return copy.deepcopy(value) if isinstance(value, list) else []


def wording_item(document: LetterDocument, clause_id: str) -> dict[str, Any]:
    for item in wording_items(document):
        if isinstance(item, dict) and item.get("clause") == clause_id:
            return item
    return {}


def set_wording(document: LetterDocument, clause_id: str, label: str, **fields: Any) -> None:
    """Set (a value) or clear (None) ``text`` / ``alternate`` of one clause's wording, as one undo step."""
    items = [i for i in wording_items(document) if not (isinstance(i, dict) and i.get("clause") == clause_id)]
    item = {**wording_item(document, clause_id), "clause": clause_id, **fields}
    item = {k: v for k, v in item.items() if v is not None}
    if set(item) != {"clause"}:
        items.append(item)
    document.edit(WORDING, items, label, typing=False)


def _title(path: str) -> str:
    """A term's name in the user's words (its field's title)."""
    parts = tuple(int(p) if p.isdigit() else p for p in path.split("."))
    try:
        return spec_for(parts).title
    except (KeyError, IndexError):
        return path


def tokenized(paragraph: Paragraph) -> str:
    """The clause's text with each term shown as its ``[[path]]`` token."""
    out: list[str] = []
    for run in paragraph.runs:
        if run.field is not None and not (out and out[-1] == token(run.field)):
            out.append(token(run.field))
        elif run.field is None:
            out.append(run.text)
    return "".join(out)


class _TokenHighlighter(QSyntaxHighlighter):
    """Shows ``[[path]]`` tokens as chips: bold, on a blue tint."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.chip = QTextCharFormat()
        self.chip.setBackground(QColor("#dbe8fb"))
        self.chip.setForeground(QColor("#0b3d91"))
        self.chip.setFontWeight(QFont.Weight.DemiBold)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        for match in TOKEN.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.chip)


class ClauseEditor(QDialog):
    """Edit one clause's wording for this letter."""

    def __init__(
        self, document: LetterDocument, paragraph: Paragraph, standard: Paragraph | None,
        values: dict[str, str], parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.clause_id = paragraph.clause or ""
        self.setWindowTitle(f"Wording of clause {self.clause_id}")
        self.setObjectName("clauseEditor")
        self.values = values
        own = wording_item(document, self.clause_id).get("text")
        self.standard_text = tokenized(standard or paragraph)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "This wording is for this letter only. Each [[term]] prints the letter's current value of "
            "that term: move it anywhere in the text, or delete it. The standard wording stays in the "
            "template pack."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(own if isinstance(own, str) and own else tokenized(paragraph))
        self.text.setObjectName("clauseText")
        self.text.setAccessibleName("Clause wording")
        self.text.setMinimumSize(620, 220)
        self._highlighter = _TokenHighlighter(self.text.document())
        layout.addWidget(self.text, 1)
        self.terms = QLabel()
        self.terms.setObjectName("clauseTerms")
        self.terms.setWordWrap(True)
        layout.addWidget(self.terms)
        self.problem = QLabel()
        self.problem.setObjectName("clauseProblem")
        self.problem.setStyleSheet("color:#b00020")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.reset_button = QPushButton("Reset to Standard Wording")
        self.reset_button.setEnabled(bool(own))
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.reset_button.clicked.connect(self.reset)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.text.textChanged.connect(self._on_text_changed)
        self._on_text_changed()

    def _on_text_changed(self) -> None:
        text = self.text.toPlainText()
        known = set(self.values)
        lines = []
        unknown = []
        for path in dict.fromkeys(tokens(text)):
            if path in known:
                lines.append(f"[[{path}]] = {_title(path)}: {self.values[path]}")
            elif self._is_term(path):
                lines.append(f"[[{path}]] = {_title(path)}")
            else:
                unknown.append(path)
        self.terms.setText("\n".join(lines) or "No live terms: the clause is fixed text.")
        if unknown:
            self.problem.setText(
                f"[[{unknown[0]}]] names no term of this letter: fix the name (as the Problems list "
                "shows terms) or remove it."
            )
        elif not text.strip():
            self.problem.setText("The clause is empty: type its wording, or Reset to Standard Wording.")
        else:
            self.problem.clear()
        self.ok_button.setEnabled(not unknown and bool(text.strip()))

    def _is_term(self, path: str) -> bool:
        parts: tuple[Any, ...] = tuple(int(p) if p.isdigit() else p for p in path.split("."))
        return parts[0] != "wording" and self.document.value(parts) not in (MISSING, None)

    def accept(self) -> None:
        text = " ".join(self.text.toPlainText().split())
        if text == " ".join(self.standard_text.split()):
            text = ""  # typed back to the standard: no departure
        set_wording(self.document, self.clause_id, f"Edit wording of {self.clause_id}", text=text or None)
        super().accept()

    def reset(self) -> None:
        set_wording(self.document, self.clause_id, f"Reset wording of {self.clause_id}", text=None)
        super().accept()


class ClauseLibraryDialog(QDialog):
    """Pick the alternate of each clause of the template pack's library for this letter."""

    def __init__(self, document: LetterDocument, pack: Pack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.pack = pack
        self.setWindowTitle(f"Clause Library: {pack.name}")
        self.setObjectName("clauseLibrary")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for clause in pack.clauses.values():
            combo = QComboBox()
            combo.setObjectName(f"alternate-{clause.id}")
            for name, label in clause.alternates.items():
                combo.addItem(f"{label}" + (" (standard)" if name == clause.default else ""), name)
            chosen = wording_item(document, clause.id).get("alternate") or clause.default
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.setAccessibleName(clause.title)
            form.addRow(clause.title, combo)
            self.combos[clause.id] = combo
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        items = wording_items(self.document)
        by_clause = {i.get("clause"): i for i in items if isinstance(i, dict)}
        for clause_id, combo in self.combos.items():
            name = combo.currentData()
            default = self.pack.clauses[clause_id].default
            item = by_clause.get(clause_id)
            if item is None and name != default:
                item = by_clause[clause_id] = {"clause": clause_id}
                items.append(item)
            if item is not None:
                if name == default:
                    item.pop("alternate", None)
                else:
                    item["alternate"] = name
        items = [i for i in items if not isinstance(i, dict) or set(i) != {"clause"}]
        self.document.edit(WORDING, items, "Choose clause alternates", typing=False)
        super().accept()
