"""Forms generated from the letter model, one per section of :data:`app.domain.sections.SECTIONS`.

The sections module decides which terms a section holds; the model decides each term's label,
help, editor and bounds. Groups of terms become group boxes (checkable when the group is optional),
lists of groups (equity grants) become a group box per item.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.fields import FieldSpec, Kind, model_label, model_specs, new_item, spec_for
from app.domain.problems import Path, Problem
from app.domain.sections import LetterSection
from app.ui import list_editors
from app.ui.document import LetterDocument
from app.ui.draft import MISSING
from app.ui.editors import EDITORS, FieldEditor, show_messages


class Binder:
    """Which editor shows which path of the draft: one editor per path."""

    def __init__(self) -> None:
        self.editors: dict[Path, FieldEditor] = {}

    def add(self, editor: FieldEditor) -> None:
        if editor.path in self.editors:
            raise ValueError(f"{editor.path} already has an editor")
        self.editors[editor.path] = editor

    def remove_under(self, prefix: Path) -> None:
        """Forget the editors strictly under ``prefix`` (their widgets are being rebuilt)."""
        for path in [p for p in self.editors if len(p) > len(prefix) and p[: len(prefix)] == prefix]:
            del self.editors[path]

    def is_bound(self, editor: FieldEditor) -> bool:
        return self.editors.get(editor.path) is editor

    def editor_for(self, path: Path) -> FieldEditor | None:
        """The editor of the longest bound path that is ``path`` or contains it."""
        for end in range(len(path), 0, -1):
            editor = self.editors.get(path[:end])
            if editor is not None:
                return editor
        return None

    def affected_by(self, path: Path) -> list[FieldEditor]:
        """Editors to refresh after the value at ``path`` changed: those at, under or above it, and
        those whose applicability depends on a sibling at, under or above it."""

        def touches(p: Path) -> bool:
            return p[: len(path)] == path or path[: len(p)] == p

        return [
            e for p, e in self.editors.items()
            if touches(p) or any(touches((*p[:-1], name)) for name in e.spec.applies_when)
        ]


def new_form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    form.setVerticalSpacing(6)
    return form


def add_editors(
    document: LetterDocument, binder: Binder, specs: list[FieldSpec], form: QFormLayout, owner: QObject
) -> None:
    """Create, bind and lay out an editor for each spec, in order (which is also the tab order)."""
    for spec in specs:
        editor: FieldEditor
        if spec.kind is Kind.GROUP:
            editor = GroupEditor(document, binder, spec, owner)
            form.addRow(editor.frame)
        elif spec.kind is Kind.GROUPS:
            editor = ModelListEditor(document, binder, spec, owner)
            form.addRow(editor.frame)
        else:
            editor = EDITORS[spec.kind](document, spec)
            editor.setParent(owner)
            if editor.shows_own_label:
                form.addRow(editor.frame)
            else:
                label = QLabel(spec.title)
                label.setToolTip(spec.description)
                label.setBuddy(editor.focus_widget)
                editor.label = label
                form.addRow(label, editor.frame)
        binder.add(editor)
        editor.refresh()


class GroupEditor(FieldEditor):
    """A group of terms in a group box; an optional group's box is checkable.

    Unchecking removes the group from the letter; checking it again brings back what it held.
    """

    def __init__(
        self, document: LetterDocument, binder: Binder, spec: FieldSpec, parent: QObject | None = None
    ) -> None:
        super().__init__(document, spec, parent)
        assert spec.model is not None
        self.box = QGroupBox(spec.title)
        self.box.setToolTip(spec.description)
        layout = QVBoxLayout(self.box)
        self.content = QWidget()
        form = new_form_layout()
        form.setContentsMargins(0, 0, 0, 0)
        self.content.setLayout(form)
        self.off_note = QLabel(f"Not in this letter. Check “{spec.title}” to include it.")
        self.off_note.setObjectName("offNote")
        layout.addWidget(self.off_note)
        layout.addWidget(self.content)
        self.frame.set_body(self.box)
        self.focus_widget = self.box
        if spec.optional:
            self.box.setCheckable(True)
            self.box.toggled.connect(self._on_toggled)
        add_editors(document, binder, model_specs(spec.model, spec.path), form, self)

    def _signal_sources(self) -> list[QObject]:
        return [self.box]

    def _show(self, value: Any) -> None:
        present = value not in (None, MISSING)
        if self.spec.optional:
            self.box.setChecked(present)
        self.content.setVisible(present or not self.spec.optional)
        self.off_note.setVisible(self.spec.optional and not present)

    def _on_toggled(self, on: bool) -> None:
        if self.document.read_only:
            self.refresh()  # a read-only letter keeps its sections as they are
            return
        label = f"{'Include' if on else 'Remove'} {self.spec.title}"
        self.document.switch_optional(self.path, on, label, self.document.default_for(self.path))

    def show_problems(self, problems: list[Problem]) -> None:
        self.frame.show_problems([p for p in problems if p.path == self.path])

    def set_read_only(self, read_only: bool) -> None:
        # A read-only letter still shows its sections; switching one is refused in _on_toggled.
        self.box.setToolTip(f"{self.spec.description} (read-only)" if read_only else self.spec.description)


class ModelListEditor(FieldEditor):
    """A list of groups (equity grants): a group box per item with Move up / Move down / Remove."""

    def __init__(
        self, document: LetterDocument, binder: Binder, spec: FieldSpec, parent: QObject | None = None
    ) -> None:
        super().__init__(document, spec, parent)
        assert spec.model is not None
        self._binder = binder
        self._what = model_label(spec.model).lower()
        body = QWidget()
        self._outer = QVBoxLayout(body)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self._items_box = QVBoxLayout()
        self._outer.addLayout(self._items_box)
        self.add_button = QPushButton(f"Add {self._what}")
        self.add_button.setToolTip(
            f"Add another {self._what}: the same kinds as the last one, its numbers left for you to fill in"
        )
        self.add_button.clicked.connect(self._on_add_clicked)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        self._outer.addLayout(row)
        self.frame.set_body(body)
        self.focus_widget = self.add_button
        self._items: list[tuple[QGroupBox, QObject, tuple[Any, ...]]] = []
        self._read_only = False

    def _values(self) -> list[Any]:
        value = self.document.value(self.path)
        return list(value) if isinstance(value, list) else []

    def refresh(self) -> None:
        count = list_editors.rows_shown(len(self._values()), self.spec)
        if count != len(self._items):
            self._rebuild(count)
        self._update_buttons()
        self.show_applicability()

    def _rebuild(self, count: int) -> None:
        self._binder.remove_under(self.path)
        for box, owner, _ in self._items:
            self._items_box.removeWidget(box)
            box.deleteLater()
            owner.deleteLater()
        self._items = []
        for index in range(count):
            assert self.spec.model is not None
            box = QGroupBox(f"{model_label(self.spec.model)} {index + 1}")
            layout = QVBoxLayout(box)
            buttons_row = QHBoxLayout()
            buttons_row.addStretch(1)
            up, down, remove = list_editors.item_buttons(box, self._what)
            up.clicked.connect(lambda _=False, i=index: self._on_move(i, -1))
            down.clicked.connect(lambda _=False, i=index: self._on_move(i, 1))
            remove.clicked.connect(lambda _=False, i=index: self._on_remove(i))
            for button in (up, down, remove):
                buttons_row.addWidget(button)
            layout.addLayout(buttons_row)
            form = new_form_layout()
            layout.addLayout(form)
            owner = QObject(self)
            add_editors(self.document, self._binder, model_specs(self.spec.model, (*self.path, index)), form, owner)
            for path, editor in self._binder.editors.items():
                if path[: len(self.path) + 1] == (*self.path, index):
                    editor.set_read_only(self._read_only)
            self._items_box.addWidget(box)
            self._items.append((box, owner, (up, down, remove)))

    def _update_buttons(self) -> None:
        count = len(self._values())
        for index, (_, _, (up, down, remove)) in enumerate(self._items):
            up.setEnabled(index > 0 and not self._read_only)
            down.setEnabled(index < count - 1 and not self._read_only)
            remove.setEnabled(count > (self.spec.min_items or 0) and not self._read_only)
        self.add_button.setEnabled(count < (self.spec.max_items or 1000) and not self._read_only)

    def _on_add_clicked(self) -> None:
        assert self.spec.model is not None
        values = self._values()
        like = values[-1] if values else self.document.default_for((*self.path, 0))
        item = new_item(self.spec.model, copy.deepcopy(like))
        self.document.edit(self.path, [*values, item], f"Add {self._what}", typing=False)

    def _on_remove(self, index: int) -> None:
        values = self._values()
        del values[index]
        self.document.edit(self.path, values, f"Remove {self._what} {index + 1}", typing=False)

    def _on_move(self, index: int, step: int) -> None:
        self.document.edit(
            self.path, list_editors.moved(self._values(), index, step), f"Move {self._what} {index + 1}", typing=False
        )

    def show_problems(self, problems: list[Problem]) -> None:
        self.frame.show_problems([p for p in problems if p.path == self.path])

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._update_buttons()


class SectionForm(QScrollArea):
    """The form of one section: its title, its section-wide messages and its terms."""

    def __init__(self, section: LetterSection, document: LetterDocument, binder: Binder) -> None:
        super().__init__()
        self.section = section
        self.setObjectName(f"form-{section.key}")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(section.title)
        title.setObjectName("sectionTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        if section.exhibit:
            note = QLabel("Part of Exhibit A, attached to the letter.")
            note.setObjectName("sectionNote")
            layout.addWidget(note)
        self.message = QLabel()
        self.message.setObjectName("sectionMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        form = new_form_layout()
        layout.addLayout(form)
        layout.addStretch(1)
        self.setWidget(inner)
        specs = [spec_for(path) for path in section.fields]
        if len(specs) == 1 and specs[0].kind is Kind.GROUP and not specs[0].optional:
            # A section that is exactly one group: its terms are the form, with no box around them.
            assert specs[0].model is not None
            specs = model_specs(specs[0].model, specs[0].path)
        add_editors(document, binder, specs, form, self)

    def show_problems(self, problems: list[Problem]) -> None:
        """Problems of this section that no editor shows (e.g. a whole group missing)."""
        show_messages(self.message, problems)
