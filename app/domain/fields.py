"""What the editor knows about each term of the letter: its label, help, kind of value and bounds.

The facts come from the letter model's type hints and ``Field`` metadata (:mod:`app.domain.letter`),
read once by :mod:`app.domain.field_table` into ``resources/letter_fields.json``. This module reads
that table and imports no pydantic, so the editor window can lay out its first form before the
model's validators are built. A test keeps the table equal to what the model says.

A :class:`FieldSpec` says how a path of the letter is edited; forms are generated from these specs,
and nothing here is written per field.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Any

from app.domain.data_files import RESOURCES_DIR
from app.domain.problems import Path

FIELD_TABLE = RESOURCES_DIR / "letter_fields.json"
ROOT_MODEL = "Letter"


class Kind(StrEnum):
    """The kind of editor a term needs."""

    LINE = "line"
    TEXT = "text"
    MONEY = "money"
    DECIMAL = "decimal"
    INT = "int"
    DATE = "date"
    BOOL = "bool"
    CHOICE = "choice"
    LINES = "lines"  # a list of one-line texts
    PARAGRAPHS = "paragraphs"  # a list of prose paragraphs
    GROUP = "group"  # a model with its own fields
    GROUPS = "groups"  # a list of models


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """How one path of the letter is edited.

    Attributes:
        path: from the letter's root; list items of a list of models use their index.
        title: the label (the Field title).
        description: the tooltip (the Field description).
        kind: which editor.
        optional: the term may be absent (``None``): an optional section or an optional number.
        minimum, maximum: bounds of a number, when the model gives them.
        choices: a choice's values with their labels, in the model's order.
        model: the name of the model of a group, or of each item of a list of groups.
        min_items, max_items: bounds of a list's length.
        default: what the model assumes when the draft leaves the term out, as the draft would hold
            it (``None`` if required).
        applies_when: sibling field name -> the value it must hold for this term to matter (empty: always).
        applies_note: that condition in words, for the tooltip of a term that does not apply.
    """

    path: Path
    title: str
    description: str
    kind: Kind
    optional: bool = False
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[tuple[str, str], ...] = ()
    model: str | None = None
    min_items: int | None = None
    max_items: int | None = None
    default: Any = None
    applies_when: Mapping[str, Any] = field(default_factory=dict)
    applies_note: str = ""


@cache
def field_table() -> dict[str, Any]:
    """The table: ``{"models": {name: {"label": ..., "fields": [entry, ...]}}}``."""
    table: dict[str, Any] = json.loads(FIELD_TABLE.read_text(encoding="utf-8"))
    return table


def _model(name: str) -> dict[str, Any]:
    model: dict[str, Any] = field_table()["models"][name]
    return model


def _spec(entry: Mapping[str, Any], path: Path) -> FieldSpec:
    return FieldSpec(
        path=path,
        title=entry["title"],
        description=entry["description"],
        kind=Kind(entry["kind"]),
        optional=entry["optional"],
        minimum=entry["minimum"],
        maximum=entry["maximum"],
        choices=tuple((value, label) for value, label in entry["choices"]),
        model=entry["model"],
        min_items=entry["min_items"],
        max_items=entry["max_items"],
        default=entry["default"],
        applies_when=dict(entry["applies_when"]),
        applies_note=entry["applies_note"],
    )


def model_specs(model: str, prefix: Path) -> list[FieldSpec]:
    """The specs of every field of ``model``, in the model's order, found under ``prefix``."""
    return [_spec(entry, (*prefix, entry["name"])) for entry in _model(model)["fields"]]


def model_label(model: str) -> str:
    """A model's name in words: ``EquityGrant`` -> ``Equity grant``."""
    label: str = _model(model)["label"]
    return label


def new_item(model: str, like: Any = None) -> dict[str, Any]:
    """A new item of a list of groups (a new equity grant), as the draft holds it.

    It takes the *choices* of ``like`` (the item before it: the kind of grant, how it is priced,
    the kind of vesting), the model's defaults, and leaves every amount, number and text blank, so
    the form asks for them. A copy of the item before would silently repeat it in the letter
    ("The 150,000 Options shall vest..." twice) until someone noticed.
    """
    source = like if isinstance(like, Mapping) else {}
    item: dict[str, Any] = {}
    for entry in _model(model)["fields"]:
        name, kind = entry["name"], Kind(entry["kind"])
        if kind is Kind.GROUP and not entry["optional"]:
            item[name] = new_item(entry["model"], source.get(name))
        elif kind in (Kind.CHOICE, Kind.BOOL) and name in source:
            item[name] = source[name]
        elif entry["default"] is not None:
            item[name] = entry["default"]
    return item


def spec_for(path: Path) -> FieldSpec:
    """The spec of the term at ``path`` of a letter (list indexes step into a list of groups).

    Raises:
        KeyError: no term of the letter is at ``path``.
    """
    model = ROOT_MODEL
    spec: FieldSpec | None = None
    for i, part in enumerate(path):
        if isinstance(part, int):
            if spec is None or spec.kind is not Kind.GROUPS or spec.model is None:
                raise KeyError(path)
            model = spec.model
            continue
        if spec is not None:
            if spec.model is None:
                raise KeyError(path)
            model = spec.model
        entry = next((e for e in _model(model)["fields"] if e["name"] == part), None)
        if entry is None:
            raise KeyError(path)
        spec = _spec(entry, path[: i + 1])
    if spec is None:
        raise KeyError(path)
    return spec
