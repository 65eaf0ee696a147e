"""Build ``resources/letter_fields.json``, the table :mod:`app.domain.fields` reads, from the letter model.

Everything in the table is read from the model's type hints and ``Field`` metadata: the title and
description, the kind of value (the named term types :data:`~app.domain.types.Money`,
:data:`~app.domain.types.Line` and :data:`~app.domain.types.Text` carry their rule), ``ge``/``le``
bounds, list lengths, choices with their labels (:mod:`app.domain.choices`), defaults, and the
``applies_when`` conditions. Run ``python -m app.domain.field_table`` after changing the model; a test
fails while the table on disk differs from what this builds.
"""

from __future__ import annotations

import json
import re
import sys
import types
import typing
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from app.domain import types as term_types
from app.domain.applicability import applies_when, condition_text
from app.domain.choices import choice_label
from app.domain.fields import FIELD_TABLE, ROOT_MODEL, Kind
from app.domain.letter import Letter


def _split_optional(hint: Any) -> tuple[Any, bool]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        arms = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(arms) == 1:
            return arms[0], True
    return hint, False


def _bounds(hint: Any, info: FieldInfo) -> tuple[int | None, int | None]:
    metadata: list[Any] = list(info.metadata)
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


# In order: bool is an int and a StrEnum a str, so they come first.
_KINDS_BY_TYPE: tuple[tuple[type, Kind], ...] = (
    (BaseModel, Kind.GROUP),
    (bool, Kind.BOOL),
    (StrEnum, Kind.CHOICE),
    (int, Kind.INT),
    (Decimal, Kind.DECIMAL),
    (date, Kind.DATE),
    (str, Kind.TEXT),
)


def _kind(hint: Any) -> Kind:
    # The named term types carry their rule; compare the alias itself so Money is not just "a Decimal".
    for alias, kind in ((term_types.Money, Kind.MONEY), (term_types.Line, Kind.LINE), (term_types.Text, Kind.TEXT)):
        if hint == alias:
            return kind
    base = _base(hint)
    if isinstance(base, type):
        for python_type, kind in _KINDS_BY_TYPE:
            if issubclass(base, python_type):
                return kind
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


def _label(model: type[BaseModel]) -> str:
    titled = model.model_config.get("title")
    if titled:
        return titled
    text = re.sub(r"(?<!^)(?=[A-Z])", " ", model.__name__).lower()
    return text[:1].upper() + text[1:]


def _json_value(value: Any) -> Any:
    """A default as the draft holds it: JSON values, the way a saved letter writes them."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, Decimal | date):
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    return value


def field_entry(model: type[BaseModel], name: str) -> tuple[dict[str, Any], type[BaseModel] | None]:
    """The table entry of field ``name`` of ``model``, and the model it holds (a group or list of groups)."""
    info = model.model_fields[name]
    hint, optional = _split_optional(_hints(model)[name])
    kind = _kind(hint)
    low, high = _bounds(hint, info) if kind is Kind.INT else (None, None)
    base = _base(hint)
    sub_model: type[BaseModel] | None = None
    if kind is Kind.GROUP:
        sub_model = base
    elif kind is Kind.GROUPS:
        sub_model = _base(typing.get_args(base)[0])
    min_items, max_items = _list_bounds(info) if kind in (Kind.LINES, Kind.PARAGRAPHS, Kind.GROUPS) else (None, None)
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    entry = {
        "name": name,
        "title": info.title or name.replace("_", " ").capitalize(),
        "description": info.description or "",
        "kind": kind.value,
        "optional": optional,
        "minimum": low,
        "maximum": high,
        "choices": [[member.value, choice_label(member)] for member in base] if kind is Kind.CHOICE else [],
        "model": sub_model.__name__ if sub_model is not None else None,
        "min_items": min_items,
        "max_items": max_items,
        "default": _json_value(default),
        "applies_when": {k: _json_value(v) for k, v in applies_when(model, name).items()},
        "applies_note": condition_text(model, name),
    }
    return entry, sub_model


def build_table(root: type[BaseModel] = Letter) -> dict[str, Any]:
    """Every model reachable from ``root``, each with its label and its fields' entries in order."""
    models: dict[str, Any] = {}
    pending = [root]
    while pending:
        model = pending.pop(0)
        if model.__name__ in models:
            continue
        entries = []
        for name in model.model_fields:
            entry, sub_model = field_entry(model, name)
            entries.append(entry)
            if sub_model is not None:
                pending.append(sub_model)
        models[model.__name__] = {"label": _label(model), "fields": entries}
    assert root.__name__ == ROOT_MODEL
    return {"models": models}


def table_json() -> str:
    return json.dumps(build_table(), indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else FIELD_TABLE
    target.write_text(table_json(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
