"""What the editor knows about each term: read from the letter model's type hints and Field metadata.

A :class:`FieldSpec` says how a path of the letter is edited: its label (the Field title), its help
(the description), what kind of value it holds and its bounds. Forms are generated from these specs;
nothing here is written per field.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import Annotated, Any

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from app.domain import types as term_types
from app.domain.applicability import applies_when, condition_text
from app.domain.letter import Letter
from app.domain.problems import Path


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
        choices: the enum of a choice.
        model: the model of a group, or of each item of a list of groups.
        min_items, max_items: bounds of a list's length.
        default: what the model assumes when the draft leaves the term out (``None`` if required).
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
    choices: type[StrEnum] | None = None
    model: type[BaseModel] | None = None
    min_items: int | None = None
    max_items: int | None = None
    default: Any = None
    applies_when: Mapping[str, Any] = field(default_factory=dict)
    applies_note: str = ""


def _split_optional(hint: Any) -> tuple[Any, bool]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        arms = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(arms) == 1:
            return arms[0], True
    return hint, False


def _bounds(hint: Any, info: FieldInfo | None) -> tuple[int | None, int | None]:
    metadata: list[Any] = list(info.metadata) if info is not None else []
    while typing.get_origin(hint) is Annotated:
        metadata.extend(hint.__metadata__)
        hint = typing.get_args(hint)[0]
    low = high = None
    for item in list(metadata):
        if isinstance(item, FieldInfo):
            metadata.extend(item.metadata)
    for item in metadata:
        if isinstance(item, annotated_types.Ge):
            low = int(item.ge)  # type: ignore[call-overload]
        elif isinstance(item, annotated_types.Gt):
            low = int(item.gt) + 1  # type: ignore[call-overload]
        elif isinstance(item, annotated_types.Le):
            high = int(item.le)  # type: ignore[call-overload]
        elif isinstance(item, annotated_types.Lt):
            high = int(item.lt) - 1  # type: ignore[call-overload]
    return low, high


def _base(hint: Any) -> Any:
    while typing.get_origin(hint) is Annotated:
        hint = typing.get_args(hint)[0]
    return hint


def _list_bounds(info: FieldInfo) -> tuple[int | None, int | None]:
    low = high = None
    for item in info.metadata:
        if isinstance(item, annotated_types.MinLen):
            low = item.min_length
        elif isinstance(item, annotated_types.MaxLen):
            high = item.max_length
    return low, high


def _kind(hint: Any) -> Kind:
    # The named term types carry their rule; compare the alias itself so Money is not just "a Decimal".
    for alias, kind in ((term_types.Money, Kind.MONEY), (term_types.Line, Kind.LINE), (term_types.Text, Kind.TEXT)):
        if hint == alias:
            return kind
    base = _base(hint)
    if isinstance(base, type):
        if issubclass(base, BaseModel):
            return Kind.GROUP
        if issubclass(base, bool):
            return Kind.BOOL
        if issubclass(base, StrEnum):
            return Kind.CHOICE
        if issubclass(base, int):
            return Kind.INT
        if issubclass(base, Decimal):
            return Kind.DECIMAL
        if issubclass(base, date):
            return Kind.DATE
        if issubclass(base, str):
            return Kind.TEXT
    if typing.get_origin(base) is list:
        item = typing.get_args(base)[0]
        item_kind = _kind(item)
        if item_kind is Kind.GROUP:
            return Kind.GROUPS
        return Kind.LINES if item_kind is Kind.LINE else Kind.PARAGRAPHS
    raise TypeError(f"no editor for {hint!r}")


@cache
def _hints(model: type[BaseModel]) -> dict[str, Any]:
    return typing.get_type_hints(model, include_extras=True)


def spec_in(model: type[BaseModel], name: str, path: Path) -> FieldSpec:
    """The spec of field ``name`` of ``model``, found at ``path``."""
    info = model.model_fields[name]
    hint, optional = _split_optional(_hints(model)[name])
    kind = _kind(hint)
    low, high = _bounds(hint, info) if kind is Kind.INT else (None, None)
    base = _base(hint)
    sub_model: type[BaseModel] | None = None
    min_items = max_items = None
    if kind is Kind.GROUP:
        sub_model = base
    elif kind is Kind.GROUPS:
        sub_model = _base(typing.get_args(base)[0])
    if kind in (Kind.LINES, Kind.PARAGRAPHS, Kind.GROUPS):
        min_items, max_items = _list_bounds(info)
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    return FieldSpec(
        path=path,
        title=info.title or name.replace("_", " ").capitalize(),
        description=info.description or "",
        kind=kind,
        optional=optional,
        minimum=low,
        maximum=high,
        choices=base if kind is Kind.CHOICE else None,
        model=sub_model,
        min_items=min_items,
        max_items=max_items,
        default=default.value if isinstance(default, StrEnum) else default,
        applies_when=applies_when(model, name),
        applies_note=condition_text(model, name),
    )


def spec_for(path: Path) -> FieldSpec:
    """The spec of the term at ``path`` of a letter (list indexes step into a list of groups)."""
    model: type[BaseModel] = Letter
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
        if part not in model.model_fields:
            raise KeyError(path)
        spec = spec_in(model, part, path[: i + 1])
    if spec is None:
        raise KeyError(path)
    return spec


def model_specs(model: type[BaseModel], prefix: Path) -> list[FieldSpec]:
    return [spec_in(model, name, (*prefix, name)) for name in model.model_fields]


def model_label(model: type[BaseModel]) -> str:
    """A model's name in words: ``EquityGrant`` -> ``Equity grant``."""
    text = re.sub(r"(?<!^)(?=[A-Z])", " ", model.__name__).lower()
    return text[:1].upper() + text[1:]
