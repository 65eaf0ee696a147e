"""When a term of the letter applies: read from the condition its model field declares.

A field that only matters for some choice of a sibling field says so once, on the model::

    cliff_months: int = Field(..., json_schema_extra={"applies_when": {"kind": "cliff_then_periodic"}})

(sibling field name -> the value it must hold, or a list of the values any of which will do; the model
writes it with :func:`app.domain.letter.when`). Editors read the condition to grey out a term that
does not apply; its value stays in the draft.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # condition_met, which the editors use, needs no pydantic (see app.domain.fields)
    from pydantic import BaseModel

APPLIES_WHEN = "applies_when"


def applies_when(model_type: type[BaseModel], field_name: str) -> dict[str, Any]:
    """The condition field ``field_name`` of ``model_type`` declares: sibling name -> required value."""
    extra = model_type.model_fields[field_name].json_schema_extra
    condition = extra.get(APPLIES_WHEN) if isinstance(extra, dict) else None
    return dict(condition) if isinstance(condition, dict) else {}


def _plain(value: Any) -> str:
    return str(value.value if isinstance(value, Enum) else value)


def condition_met(condition: Mapping[str, Any], sibling_values: Mapping[str, Any]) -> bool:
    """True when every sibling named in ``condition`` holds its value.

    A sibling missing from ``sibling_values`` is not known, so it does not make the term inapplicable.
    """
    return all(
        name not in sibling_values or _plain(sibling_values[name]) in _wanted(wanted)
        for name, wanted in condition.items()
    )


def _wanted(wanted: Any) -> set[str]:
    return {_plain(w) for w in wanted} if isinstance(wanted, list | tuple) else {_plain(wanted)}


def applies(model_type: type[BaseModel], field_name: str, sibling_values: Mapping[str, Any]) -> bool:
    """Whether field ``field_name`` of ``model_type`` matters, given its siblings' values.

    Siblings left out of ``sibling_values`` count as their model default when they have one.
    """
    condition = applies_when(model_type, field_name)
    known = dict(sibling_values)
    for name in condition:
        info = model_type.model_fields[name]
        if name not in known and not info.is_required():
            known[name] = info.get_default(call_default_factory=True)
    return condition_met(condition, known)


def _words(model_type: type[BaseModel], name: str, wanted: Any) -> str:
    from app.domain.choices import choice_label

    info = model_type.model_fields[name]
    title = info.title or name.replace("_", " ").capitalize()
    choices = info.annotation
    values = sorted(_wanted(wanted), key=lambda v: str(v))
    if isinstance(choices, type) and issubclass(choices, StrEnum):
        words = [choice_label(choices(v)) for v in values]
    else:
        words = ["checked" if v == "True" else "unchecked" if v == "False" else v for v in values]
    return f"{title} is {' or '.join(words)}"


def condition_text(model_type: type[BaseModel], field_name: str) -> str:
    """The condition in the user's words: ``Used only when Vesting is Cliff, then periodic installments``.

    Empty when the field always applies.
    """
    condition = applies_when(model_type, field_name)
    if not condition:
        return ""
    return "Used only when " + " and ".join(_words(model_type, n, v) for n, v in condition.items())
