"""The forms are generated from the model: every term is editable in exactly one place."""

from __future__ import annotations

import typing
from decimal import Decimal

from pydantic import BaseModel
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QGroupBox, QLabel, QLineEdit, QSpinBox

from app.domain import letter as letter_models
from app.domain.fields import Kind, spec_for
from app.domain.letter import Letter
from app.domain.problems import Path
from app.domain.sections import SECTIONS, section_for_path
from app.ui.draft import MISSING
from app.ui.editors import (
    BoolEditor,
    ChoiceEditor,
    DateEditor,
    IntEditor,
    MoneyEditor,
    TextEditor,
    parse_money,
)
from app.ui.forms import GroupEditor, ModelListEditor
from app.ui.list_editors import StringListEditor


def leaf_paths(model: type[BaseModel], prefix: Path = ()) -> list[Path]:
    """Every term of the pydantic model, recursively; a list of groups is walked through its first item."""
    out: list[Path] = []
    for name in model.model_fields:
        path = (*prefix, name)
        spec = spec_for(path)
        if spec.kind is Kind.GROUP:
            assert spec.model is not None
            out += leaf_paths(getattr(letter_models, spec.model), path)
        elif spec.kind is Kind.GROUPS:
            assert spec.model is not None
            out += leaf_paths(getattr(letter_models, spec.model), (*path, 0))
        else:
            out.append(path)
    return out


def lists_of_groups(model: type[BaseModel], prefix: Path = ()) -> list[Path]:
    """The paths of every list of groups in the model, outer lists before the lists inside their items."""
    out: list[Path] = []
    for name in model.model_fields:
        path = (*prefix, name)
        spec = spec_for(path)
        if spec.kind in (Kind.GROUP, Kind.GROUPS):
            assert spec.model is not None
            if spec.kind is Kind.GROUPS:
                out.append(path)
            out += lists_of_groups(getattr(letter_models, spec.model), (*path, 0) if spec.kind is Kind.GROUPS else path)
    return out


def test_every_leaf_term_is_bound_to_exactly_one_editor(make_main_window):
    window = make_main_window(show=False)
    leaves = leaf_paths(Letter)
    assert len(leaves) > 150
    # Lists the sample leaves empty (salary steps, bonuses, allowances) get one item, so their
    # items' editors exist.
    for path in lists_of_groups(Letter):
        if window.document.value(path) in (MISSING, None, []):
            window.document.edit(path, [window.document.default_for((*path, 0))], "Add", typing=False)
    window.ensure_all_forms()
    bound = window.binder.editors
    for path in leaves:
        assert path in bound, f"{path} has no editor"
        section = section_for_path(path)
        assert section is not None
        form = window.forms[section.key]
        assert form.isAncestorOf(bound[path].frame), f"{path} is not in its section's form"
    leaf_editors = {p for p, e in bound.items() if not isinstance(e, GroupEditor | ModelListEditor)}
    assert leaf_editors == set(leaves)
    # Each editor's frame sits in exactly one form.
    for path in leaves:
        owners = [key for key, form in window.forms.items() if form.isAncestorOf(bound[path].frame)]
        assert len(owners) == 1, path


def test_forms_follow_sections_in_order(make_main_window):
    window = make_main_window(show=False)
    window.ensure_all_forms()
    assert window.stack.count() == len(SECTIONS)
    assert [window.navigator.item(i).data(0x0100) for i in range(len(SECTIONS))] == [s.key for s in SECTIONS]


def test_forms_are_made_when_the_window_is_idle(qtbot, make_main_window):
    window = make_main_window(show=False)
    assert list(window.forms) == ["parties"]
    qtbot.waitUntil(lambda: len(window.forms) == len(SECTIONS))
    assert [window.stack.widget(i).section.key for i in range(window.stack.count())] == [s.key for s in SECTIONS]


def test_labels_and_tooltips_come_from_field_metadata(make_main_window):
    window = make_main_window(show=False)
    editor = window.editor(("compensation", "base_salary"))
    info = Letter.model_fields["compensation"].annotation.model_fields["base_salary"]  # type: ignore[union-attr]
    form = window.forms["compensation"]
    labels = [label for label in form.findChildren(QLabel) if label.buddy() is editor.focus_widget]
    assert [label.text() for label in labels] == [info.title]
    assert labels[0].toolTip() == info.description
    assert editor.focus_widget.toolTip() == info.description


def test_editor_kinds_by_type(make_main_window):
    window = make_main_window(show=False)
    window.ensure_all_forms()
    e = window.binder.editors
    assert isinstance(e[("compensation", "base_salary")], MoneyEditor)
    assert isinstance(e[("position", "duties")], TextEditor)
    assert isinstance(e[("position", "start_date")], DateEditor)
    assert e[("position", "start_date")].focus_widget.calendarPopup()
    assert isinstance(e[("position", "at_will")], BoolEditor)
    assert isinstance(e[("compensation", "pay_frequency")], ChoiceEditor)
    assert isinstance(e[("company", "letterhead_lines")], StringListEditor)
    assert isinstance(e[("termination", "cause", "items")], StringListEditor)
    assert isinstance(e[("equity", "grants")], ModelListEditor)
    spin = e[("benefits", "vacation_days")].focus_widget
    assert isinstance(spin, QSpinBox)
    assert (spin.minimum(), spin.maximum()) == (0, 60)
    shares = e[("equity", "grants", 0, "shares")].focus_widget
    assert (shares.minimum(), shares.maximum()) == (1, 1_000_000_000)
    for path in (("benefits", "life_insurance_multiple"), ("equity", "review_months")):
        editor = e[path]
        assert isinstance(editor, IntEditor) and isinstance(editor.include, QCheckBox)
    for path in (("equity",), ("transportation",), ("termination", "change_of_control"), ("benefits", "bonus_program")):
        assert isinstance(e[path], GroupEditor) and e[path].box.isCheckable()
    combo = e[("equity", "grants", 0, "kind")].focus_widget
    assert isinstance(combo, QComboBox)
    assert "Non-qualified stock option" in [combo.itemText(i) for i in range(combo.count())]
    assert isinstance(e[("equity", "par_value")].focus_widget, QLineEdit)
    assert isinstance(e[("letter", "letter_date")].focus_widget, QDateEdit)
    assert window.forms["equity"].findChildren(QGroupBox)


def test_money_parsing_never_uses_float():
    assert parse_money("300,000") == Decimal("300000")
    assert parse_money("$300,000.00") == Decimal("300000.00")
    assert parse_money("0.10") == Decimal("0.10")
    assert parse_money("abc") is None
    assert parse_money("NaN") is None


def test_every_section_field_path_exists_in_the_model():
    for section in SECTIONS:
        for path in section.fields:
            spec_for(path)
    assert typing.get_type_hints(Letter)
