"""An editor for a list of lines or paragraphs (letterhead, address, the grounds for Cause).

Each item has its own text box with Move up / Move down / Remove; "Add" appends one. Typing in an
item is an edit of that item; adding, removing and moving are single undoable steps of the list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.fields import FieldSpec, Kind
from app.domain.problems import Path, Problem
from app.ui.document import LetterDocument
from app.ui.editors import EDITORS, FieldEditor, FieldFrame, ParagraphEdit


def item_buttons(owner: QWidget, what: str) -> tuple[QToolButton, QToolButton, QToolButton]:
    """Move up, Move down and Remove buttons for one item of a list."""
    style = owner.style()
    buttons = []
    for icon, tip in (
        (QStyle.StandardPixmap.SP_ArrowUp, f"Move this {what} up"),
        (QStyle.StandardPixmap.SP_ArrowDown, f"Move this {what} down"),
        (QStyle.StandardPixmap.SP_DialogDiscardButton, f"Remove this {what}"),
    ):
        button = QToolButton(owner)
        button.setIcon(style.standardIcon(icon))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        buttons.append(button)
    return buttons[0], buttons[1], buttons[2]


# A list with no declared maximum still shows no more rows than this.
ROWS_SHOWN_MAX = 100


def rows_shown(count: int, spec: FieldSpec) -> int:
    """How many items of a list get a row: never more than the list may hold. A damaged file with
    thousands of address lines would otherwise build thousands of widgets (the window hung for
    minutes); the list's own error already says how many to remove, and removing rows brings the
    rest into view."""
    return min(count, spec.max_items or ROWS_SHOWN_MAX)


def hidden_rows_note(total: int, shown: int, what: str) -> str:
    """What a list that shows fewer rows than it holds says under them ("" when it shows all)."""
    if total <= shown:
        return ""
    return (f"Showing {shown:,} of {total:,} {what}s: remove {what}s until there are at most {shown:,}, "
            "and the others come into view.")


def moved(items: list[Any], index: int, step: int) -> list[Any]:
    out = list(items)
    out[index], out[index + step] = out[index + step], out[index]
    return out


class StringListEditor(FieldEditor):
    """A list of one-line texts or of paragraphs."""

    def __init__(self, document: LetterDocument, spec: FieldSpec, parent: QObject | None = None) -> None:
        super().__init__(document, spec, parent)
        self._paragraphs = spec.kind is Kind.PARAGRAPHS
        self._what = "paragraph" if self._paragraphs else "line"
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(2)
        outer.addLayout(self._rows_box)
        self.hidden_note = QLabel()
        self.hidden_note.setObjectName("sectionNote")
        self.hidden_note.setWordWrap(True)
        self.hidden_note.hide()
        outer.addWidget(self.hidden_note)
        self.add_button = QPushButton(f"Add {self._what}")
        self.add_button.setToolTip(f"Add a {self._what} to {spec.title}")
        self.add_button.clicked.connect(self._on_add_clicked)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        outer.addLayout(add_row)
        self.frame.set_body(body)
        self._rows: list[tuple[QWidget, FieldFrame, QLineEdit | QPlainTextEdit, tuple[QToolButton, ...]]] = []
        self.focus_widget = self.add_button
        self._read_only = False

    # ---------------------------------------------------------------- model -> widgets

    def _items(self) -> list[str]:
        value = self.document.value(self.path)
        if not isinstance(value, list):
            return []
        return [item if isinstance(item, str) else "" if item is None else str(item) for item in value]

    def refresh(self) -> None:
        items = self._items()
        total = len(items)
        items = items[: rows_shown(total, self.spec)]
        note = hidden_rows_note(total, len(items), self._what)
        self.hidden_note.setText(note)
        self.hidden_note.setVisible(bool(note))
        if len(items) != len(self._rows):
            self._rebuild(len(items))
        for (_, _, edit, _), text in zip(self._rows, items, strict=True):
            with QSignalBlocker(edit):
                current = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
                if current != text:
                    if isinstance(edit, QPlainTextEdit):
                        edit.setPlainText(text)
                    else:
                        edit.setText(text)
        self._update_buttons()
        self.show_applicability()

    def _rebuild(self, count: int) -> None:
        for row, *_ in self._rows:
            self._rows_box.removeWidget(row)
            row.deleteLater()
        self._rows = []
        for index in range(count):
            self._rows.append(self._make_row(index))
        self.focus_widget = self._rows[0][2] if self._rows else self.add_button

    def _make_row(self, index: int) -> tuple[QWidget, FieldFrame, QLineEdit | QPlainTextEdit, tuple[QToolButton, ...]]:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        frame = FieldFrame(row)
        edit: QLineEdit | QPlainTextEdit
        if self._paragraphs:
            edit = ParagraphEdit(lines=2)
            edit.textChanged.connect(lambda i=index, e=edit: self._on_item_edited(i, e.toPlainText()))
        else:
            edit = QLineEdit()
            edit.textEdited.connect(lambda text, i=index: self._on_item_edited(i, text))
        edit.setAccessibleName(f"{self.spec.title} {self._what} {index + 1}")
        edit.setToolTip(self.spec.description)
        edit.setReadOnly(self._read_only)
        frame.set_body(edit)
        layout.addWidget(frame, 1)
        up, down, remove = item_buttons(row, self._what)
        up.clicked.connect(lambda _=False, i=index: self._on_move(i, -1))
        down.clicked.connect(lambda _=False, i=index: self._on_move(i, 1))
        remove.clicked.connect(lambda _=False, i=index: self._on_remove(i))
        buttons = QVBoxLayout() if self._paragraphs else QHBoxLayout()
        buttons.setSpacing(0)
        for button in (up, down, remove):
            buttons.addWidget(button)
        if self._paragraphs:
            buttons.addStretch(1)
        layout.addLayout(buttons)
        self._rows_box.addWidget(row)
        return row, frame, edit, (up, down, remove)

    def _update_buttons(self) -> None:
        count = len(self._items())
        low = self.spec.min_items or 0
        high = self.spec.max_items or 1000
        for index, (_, _, _, (up, down, remove)) in enumerate(self._rows):
            up.setEnabled(index > 0 and not self._read_only)
            down.setEnabled(index < count - 1 and not self._read_only)
            remove.setEnabled(count > low and not self._read_only)
        self.add_button.setEnabled(count < high and not self._read_only)

    # ---------------------------------------------------------------- widgets -> model

    def _on_item_edited(self, index: int, text: str) -> None:
        self._write_at((*self.path, index), text)

    def _write_at(self, path: Path, value: Any) -> None:
        self.document.edit(path, value, self.spec.title, typing=True)

    def _on_add_clicked(self) -> None:
        items = self._items()
        self.document.edit(self.path, [*items, ""], f"Add {self._what} to {self.spec.title}", typing=False)
        if self._rows:
            self._rows[-1][2].setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_remove(self, index: int) -> None:
        items = self._items()
        del items[index]
        self.document.edit(self.path, items, f"Remove {self._what} from {self.spec.title}", typing=False)

    def _on_move(self, index: int, step: int) -> None:
        items = self._items()
        self.document.edit(self.path, moved(items, index, step), f"Move {self._what} in {self.spec.title}", typing=False)
        self._rows[index + step][2].setFocus(Qt.FocusReason.OtherFocusReason)

    # ---------------------------------------------------------------- problems and focus

    def show_problems(self, problems: list[Problem]) -> None:
        depth = len(self.path)
        own = [p for p in problems if len(p.path) == depth]
        self.frame.show_problems(own)
        for index, (_, frame, _, _) in enumerate(self._rows):
            frame.show_problems([p for p in problems if len(p.path) > depth and p.path[depth] == index])

    def focus_item(self, path: Path) -> None:
        depth = len(self.path)
        index = path[depth] if len(path) > depth else None
        if isinstance(index, int) and index < len(self._rows):
            self._rows[index][2].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.focus()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for _, _, edit, _ in self._rows:
            edit.setReadOnly(read_only)
        self._update_buttons()


EDITORS[Kind.LINES] = StringListEditor
EDITORS[Kind.PARAGRAPHS] = StringListEditor
