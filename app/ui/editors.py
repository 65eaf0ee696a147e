"""Editors for single terms, chosen by a small registry from the term's kind (see :mod:`app.domain.fields`).

Every editor writes what the user entered into the document's draft through an undoable edit and
reads it back with its signals blocked, so a value pushed into a widget never loops back as an edit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, QObject, QRect, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QFocusEvent, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.documents import formatting
from app.domain.applicability import condition_met
from app.domain.fields import FieldSpec, Kind, spec_for
from app.domain.problems import Path, Problem, Severity
from app.ui.document import LetterDocument
from app.ui.draft import MISSING
from app.ui.wheel import FormComboBox, FormDateEdit, FormSpinBox

INT_CEILING = 2_147_483_647  # QSpinBox holds a C int


def message_text(message: str) -> str:
    return message[:1].upper() + message[1:]


def set_problem_property(widget: QWidget, severity: Severity | None) -> None:
    """Tag a widget for the style sheet (red or amber) and re-polish it."""
    value = severity.value if severity is not None else ""
    if widget.property("problem") == value:
        return
    widget.setProperty("problem", value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def worst(problems: Iterable[Problem]) -> Severity | None:
    found = None
    for problem in problems:
        if problem.severity is Severity.ERROR:
            return Severity.ERROR
        found = Severity.WARNING
    return found


def show_messages(label: QLabel, problems: list[Problem]) -> None:
    """Show problems' messages in ``label`` in their colour; hide it when there are none."""
    set_problem_property(label, worst(problems))
    if problems:
        label.setText("\n".join(message_text(p.message) for p in problems))
        label.show()
    else:
        label.clear()
        label.hide()


class FieldFrame(QFrame):
    """An editor with its in-place message under it; the frame turns red or amber on a problem."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldFrame")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(2, 2, 2, 2)
        self._layout.setSpacing(2)
        self.message = QLabel(self)
        self.message.setObjectName("fieldMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self._layout.addWidget(self.message)

    def set_body(self, widget: QWidget) -> None:
        self._layout.insertWidget(0, widget)

    def show_problems(self, problems: list[Problem]) -> None:
        set_problem_property(self, worst(problems))
        show_messages(self.message, problems)


class FieldEditor(QObject):
    """Binds one path of the draft to a widget.

    Attributes:
        spec: what the term is.
        frame: the widget to put in a form (editor plus message).
        focus_widget: what gets the keyboard focus when the user is sent to this term.
        label: the form's label for the term, when the form gives it one.

    A term whose model declares when it applies (``spec.applies_when``) is greyed out, with the
    condition as its tooltip, while its siblings do not meet it; its value stays in the draft.

    Each kind of editor defines ``_show(value)``, which puts a draft value into its widgets.
    """

    _show: Callable[[Any], None]

    def __init__(self, document: LetterDocument, spec: FieldSpec, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.spec = spec
        self.path: Path = spec.path
        self.frame = FieldFrame()
        self.frame.setToolTip(spec.description)
        self.focus_widget: QWidget = self.frame
        self.label: QLabel | None = None

    @property
    def shows_own_label(self) -> bool:
        """True when the editor carries its title itself (a check box), so the form adds no label."""
        return False

    def _write(self, value: Any, *, typing: bool = True) -> None:
        self.document.edit(self.path, value, self.spec.title, typing=typing)

    def refresh(self) -> None:
        """Show the draft's value (signals blocked)."""
        value = self.document.value(self.path)
        if value is MISSING and self.spec.default is not None:
            value = self.spec.default  # shown as the letter will read; the draft stays as it is
        blockers = [QSignalBlocker(w) for w in self._signal_sources()]
        try:
            self._show(value)
        finally:
            del blockers
        self.show_applicability()

    def applies(self) -> bool:
        """Whether the term matters, by the condition its model declares on its siblings' draft values."""
        if not self.spec.applies_when:
            return True
        siblings = {name: self._sibling_value(name) for name in self.spec.applies_when}
        return condition_met(self.spec.applies_when, {k: v for k, v in siblings.items() if v is not MISSING})

    def _sibling_value(self, name: str) -> Any:
        """A sibling term's draft value; one the draft leaves out counts as its model default."""
        path = (*self.path[:-1], name)
        value = self.document.value(path)
        if value is MISSING:
            default = spec_for(path).default
            return MISSING if default is None else default
        return value

    def show_applicability(self) -> None:
        """Hide the term (disabled, with the reason as its tooltip) while it does not apply, so a form
        shows only what the letter's choices use (a severance in months shows no weeks); it keeps
        its value either way and comes back when the choice does."""
        if not self.spec.applies_when:
            return
        applies = self.applies()
        tip = self.spec.description if applies else self.spec.applies_note
        for widget in (self.frame, self.label):
            if widget is not None:
                widget.setEnabled(applies)
                widget.setToolTip(tip)
                widget.setVisible(applies)
        self.focus_widget.setToolTip(tip)

    def _signal_sources(self) -> list[QObject]:
        return [self.focus_widget]

    def show_problems(self, problems: list[Problem]) -> None:
        """Mark the editor with the problems whose path is at or under this term."""
        self.frame.show_problems(problems)

    def focus(self) -> None:
        self.focus_widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_item(self, path: Path) -> None:
        """Focus the part of the editor that shows ``path`` (at or under this term)."""
        self.focus()

    def set_read_only(self, read_only: bool) -> None:
        self.focus_widget.setEnabled(not read_only)


def _text(value: Any) -> str:
    if value is MISSING or value is None:
        return ""
    return value if isinstance(value, str) else str(value)


class LineEditor(FieldEditor):
    """One line of text."""

    def __init__(self, document: LetterDocument, spec: FieldSpec, parent: QObject | None = None) -> None:
        super().__init__(document, spec, parent)
        self.edit = self._make_line_edit()
        if spec.optional and not self.edit.placeholderText():
            self.edit.setPlaceholderText("none")
        self.edit.setToolTip(spec.description)
        self.edit.setAccessibleName(spec.title)
        self.edit.textEdited.connect(self._on_text_edited)
        self.edit.returnPressed.connect(self.document.end_typing)
        self.frame.set_body(self.edit)
        self.focus_widget = self.edit

    def _make_line_edit(self) -> QLineEdit:
        return QLineEdit()

    def _on_text_edited(self, text: str) -> None:
        self._write(self._raw(text))

    def _raw(self, text: str) -> Any:
        return text

    def _write(self, value: Any, *, typing: bool = True) -> None:
        # An optional term left empty is not in the letter (None), rather than an empty text that fails.
        if self.spec.optional and isinstance(value, str) and not value.strip():
            value = None
        super()._write(value, typing=typing)

    def _show(self, value: Any) -> None:
        if self._raw(self.edit.text()) != value or value is MISSING:
            self.edit.setText(_text(value))

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)


class DecimalEditor(LineEditor):
    """A number that must stay exact (a percentage, a par value): kept as the text entered."""

    def _raw(self, text: str) -> Any:
        return text.strip()


def parse_money(text: str) -> Decimal | None:
    """``"$300,000.00"`` or ``"300,000"`` -> ``Decimal("300000.00")``; None when it is not a number."""
    cleaned = text.replace(",", "").replace("$", "").strip()
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


class MoneyLineEdit(QLineEdit):
    """A line edit that shows dollars with separators when it does not have the focus."""

    def __init__(self, on_focus_out: Callable[[], None]) -> None:
        super().__init__()
        self._on_focus_out = on_focus_out

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        super().focusOutEvent(event)
        self._on_focus_out()


class MoneyEditor(LineEditor):
    """US dollars, exact to the cent: accepts ``300,000`` or ``$300,000.00``; never goes through float.

    A number is stored in the draft as its plain decimal text (``"300000"``); text that is not a number
    is stored as typed, so the error shows and nothing is lost.
    """

    def _make_line_edit(self) -> QLineEdit:
        edit = MoneyLineEdit(self._tidy)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit.setPlaceholderText("none" if self.spec.optional else "$0.00")
        edit.setMaximumWidth(QFontMetrics(edit.font()).horizontalAdvance("$0,000,000,000.00") + 24)
        return edit

    def _raw(self, text: str) -> Any:
        amount = parse_money(text)
        if amount is None:
            return text
        return format(amount, "f")

    def _show(self, value: Any) -> None:
        if value is not MISSING and self._raw(self.edit.text()) == self._raw(_text(value)):
            return
        self.edit.setText(self._display(value))

    @staticmethod
    def _display(value: Any) -> str:
        text = _text(value)
        amount = parse_money(text) if isinstance(value, str | int) else None
        if amount is not None and amount == amount.quantize(Decimal("0.01")):
            return formatting.money(amount)
        return text

    def _tidy(self) -> None:
        display = self._display(self._raw(self.edit.text()))
        if display != self.edit.text():
            with QSignalBlocker(self.edit):
                self.edit.setText(display)


class TextEditor(FieldEditor):
    """A paragraph of prose."""

    def __init__(self, document: LetterDocument, spec: FieldSpec, parent: QObject | None = None) -> None:
        super().__init__(document, spec, parent)
        self.edit = ParagraphEdit()
        self.edit.setToolTip(spec.description)
        self.edit.setAccessibleName(spec.title)
        self.edit.textChanged.connect(self._on_text_changed)
        self.frame.set_body(self.edit)
        self.focus_widget = self.edit

    def _on_text_changed(self) -> None:
        text = self.edit.toPlainText()
        self._write(None if self.spec.optional and not text.strip() else text)

    def _show(self, value: Any) -> None:
        if self.edit.toPlainText() != value or value is MISSING:
            self.edit.setPlainText(_text(value))

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)


class ParagraphEdit(QPlainTextEdit):
    """A plain-text box that grows with its text (between ``lines`` and four times that); Tab moves
    to the next field as in any form."""

    def __init__(self, lines: int = 3) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)  # undo belongs to the document
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._line = QFontMetrics(self.font()).lineSpacing()
        self._chrome = 2 * self.frameWidth() + int(2 * self.document().documentMargin()) + 4
        self.setMinimumHeight(self._line * lines + self._chrome)
        self.setMaximumHeight(self._line * lines * 4 + self._chrome)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.textChanged.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        width = self.viewport().width() - int(2 * self.document().documentMargin())
        if width <= 20:
            return QSize(super().sizeHint().width(), self.minimumHeight())
        flags = int(Qt.TextFlag.TextWordWrap)
        text = self.toPlainText() or " "
        needed = QFontMetrics(self.font()).boundingRect(QRect(0, 0, width, 1_000_000), flags, text).height()
        height = max(self.minimumHeight(), min(self.maximumHeight(), needed + self._chrome + self._line // 2))
        return QSize(super().sizeHint().width(), height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        old_width = event.oldSize().width()
        super().resizeEvent(event)
        if old_width != event.size().width():
            self.updateGeometry()


def include_box(spec: FieldSpec, on_toggled: Callable[[bool], None]) -> QCheckBox:
    """The check box that puts an optional number or date in the letter (unchecked: the letter has none)."""
    box = QCheckBox("Include")
    box.setToolTip(f"Include this term; unchecked: none. {spec.description}")
    box.setAccessibleName(f"Include {spec.title}")
    box.toggled.connect(on_toggled)
    return box


class IntEditor(FieldEditor):
    """A whole number within the model's bounds; an optional one has a check box to include it."""

    def __init__(self, document: LetterDocument, spec: FieldSpec, parent: QObject | None = None) -> None:
        super().__init__(document, spec, parent)
        self.spin = FormSpinBox()
        self.spin.setToolTip(spec.description)
        self.spin.setAccessibleName(spec.title)
        self.spin.setRange(spec.minimum if spec.minimum is not None else 0,
                           min(spec.maximum if spec.maximum is not None else INT_CEILING, INT_CEILING))
        self.spin.setGroupSeparatorShown(True)
        self.spin.setMinimumWidth(QFontMetrics(self.spin.font()).horizontalAdvance("000,000,000") + 40)
        self.spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.spin.valueChanged.connect(self._on_value_changed)
        self.spin.editingFinished.connect(self._on_editing_finished)
        self.include: QCheckBox | None = None
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        if spec.optional:
            self.include = include_box(spec, self._on_include_toggled)
            row.addWidget(self.include)
        row.addWidget(self.spin)
        row.addStretch(1)
        self.frame.set_body(body)
        self.focus_widget = self.spin

    def _signal_sources(self) -> list[QObject]:
        return [self.spin, *([self.include] if self.include else [])]

    def _on_value_changed(self, value: int) -> None:
        self._write(value)

    def _on_include_toggled(self, on: bool) -> None:
        self.spin.setEnabled(on)
        default = self.spin.value() if on else None
        self.document.switch_optional(self.path, on, self.spec.title, default)
        if on:
            self.spin.setFocus()

    def _show(self, value: Any) -> None:
        present = value not in (None, MISSING)
        if self.include is not None:
            self.include.setChecked(present)
            self.spin.setEnabled(present and not self.document.read_only)
        if (isinstance(value, int) and not isinstance(value, bool)
                and self.spin.minimum() <= value <= self.spin.maximum()):
            self.spin.setValue(value)
        else:
            # Missing, or not a number the box can hold (its error shows under it): show no number
            # rather than one the draft does not have.
            self.spin.clear()

    def _on_editing_finished(self) -> None:
        # Typing the number the blank box last held changes no value, so valueChanged stays silent.
        if self.spin.text() and self.document.value(self.path) != self.spin.value():
            self._write(self.spin.value())
        self.document.end_typing()

    def set_read_only(self, read_only: bool) -> None:
        self.spin.setReadOnly(read_only)
        if self.include is not None:
            self.include.setEnabled(not read_only)


class DateEditor(FieldEditor):
    """A date, picked from a calendar or typed; stored as ``YYYY-MM-DD``."""

    def __init__(self, document: LetterDocument, spec: FieldSpec, parent: QObject | None = None) -> None:
        super().__init__(document, spec, parent)
        self.date_edit = FormDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("MMMM d, yyyy")
        self.date_edit.setToolTip(spec.description)
        self.date_edit.setAccessibleName(spec.title)
        self.date_edit.setMinimumDate(QDate(1900, 1, 1))
        self.date_edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.date_edit.setMinimumWidth(QFontMetrics(self.date_edit.font()).horizontalAdvance("September 30, 2000") + 50)
        if spec.optional:
            self.date_edit.setDate(QDate.currentDate())  # what Include starts from, until a date is picked
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.include: QCheckBox | None = None
        if spec.optional:
            self.include = include_box(spec, self._on_include_toggled)
            body = QWidget()
            row = QHBoxLayout(body)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self.include)
            row.addWidget(self.date_edit)
            row.addStretch(1)
            self.frame.set_body(body)
        else:
            self.frame.set_body(self.date_edit)
        self.focus_widget = self.date_edit

    def _signal_sources(self) -> list[QObject]:
        return [self.date_edit, *([self.include] if self.include else [])]

    def _on_date_changed(self, value: QDate) -> None:
        self._write(value.toString(Qt.DateFormat.ISODate))

    def _on_include_toggled(self, on: bool) -> None:
        self.date_edit.setEnabled(on)
        default = self.date_edit.date().toString(Qt.DateFormat.ISODate) if on else None
        self.document.switch_optional(self.path, on, self.spec.title, default)
        if on:
            self.date_edit.setFocus()

    def _show(self, value: Any) -> None:
        if self.include is not None:
            present = value not in (None, MISSING)
            self.include.setChecked(present)
            self.date_edit.setEnabled(present and not self.document.read_only)
        if isinstance(value, str):
            try:
                parsed = dt.date.fromisoformat(value)
            except ValueError:
                return
            self.date_edit.setDate(QDate(parsed.year, parsed.month, parsed.day))

    def set_read_only(self, read_only: bool) -> None:
        self.date_edit.setReadOnly(read_only)
        if self.include is not None:
            self.include.setEnabled(not read_only)


class BoolEditor(FieldEditor):
    """Yes or no: a check box carrying the term's title."""

    def __init__(self, document: LetterDocument, spec: FieldSpec, parent: QObject | None = None) -> None:
        super().__init__(document, spec, parent)
        self.check = QCheckBox(spec.title)
        self.check.setToolTip(spec.description)
        self.check.toggled.connect(self._on_toggled)
        self.frame.set_body(self.check)
        self.focus_widget = self.check

    @property
    def shows_own_label(self) -> bool:
        return True

    def _on_toggled(self, on: bool) -> None:
        self._write(on, typing=False)

    def _show(self, value: Any) -> None:
        self.check.setChecked(value is True)


class ChoiceEditor(FieldEditor):
    """One of an enum's values, shown with readable labels."""

    def __init__(self, document: LetterDocument, spec: FieldSpec, parent: QObject | None = None) -> None:
        super().__init__(document, spec, parent)
        self.combo = FormComboBox()
        self.combo.setToolTip(spec.description)
        self.combo.setAccessibleName(spec.title)
        if spec.optional:
            self.combo.addItem("Not stated", None)
        for value, label in spec.choices:
            self.combo.addItem(label, value)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.currentIndexChanged.connect(self._on_index_changed)
        self.frame.set_body(self.combo)
        self.focus_widget = self.combo

    def _on_index_changed(self, index: int) -> None:
        if index >= 0:
            self._write(self.combo.itemData(index), typing=False)

    def _show(self, value: Any) -> None:
        self.combo.setCurrentIndex(self.combo.findData(None if value is MISSING else value))


EditorFactory = Callable[[LetterDocument, FieldSpec], FieldEditor]

# The registry: which editor edits which kind of term. List and group editors register themselves
# in app.ui.list_editors and app.ui.forms.
EDITORS: dict[Kind, EditorFactory] = {
    Kind.LINE: LineEditor,
    Kind.TEXT: TextEditor,
    Kind.MONEY: MoneyEditor,
    Kind.DECIMAL: DecimalEditor,
    Kind.INT: IntEditor,
    Kind.DATE: DateEditor,
    Kind.BOOL: BoolEditor,
    Kind.CHOICE: ChoiceEditor,
}
