"""The text of a clause as a letter words it: prose with live terms written ``[[path]]``.

``[[compensation.base_salary]]`` is the letter's base salary, printed as the standard wording prints
it; the token can be moved anywhere in the clause and still follows the term.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

TOKEN = re.compile(r"\[\[\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\]\]")


def token(path: str) -> str:
    """How a term is written in a clause's text."""
    return f"[[{path}]]"


def tokens(text: str) -> list[str]:
    """The term paths a clause's text names, in order."""
    return [m.group(1) for m in TOKEN.finditer(text)]


def pieces(text: str) -> Iterator[tuple[str, str | None]]:
    """The text in order as (text, None) for prose and (path, path) for a term token."""
    at = 0
    for m in TOKEN.finditer(text):
        if m.start() > at:
            yield text[at : m.start()], None
        yield m.group(1), m.group(1)
        at = m.end()
    if at < len(text):
        yield text[at:], None


class _Missing:
    pass


MISSING: Any = _Missing()


def value_at(letter: Any, path: str) -> Any:
    """The value of the term at dotted ``path`` of a letter (list items by number), or :data:`MISSING`."""
    value = letter
    for part in path.split("."):
        if isinstance(value, list):
            if not part.isdigit() or int(part) >= len(value):
                return MISSING
            value = value[int(part)]
        elif hasattr(type(value), "model_fields") and part in type(value).model_fields:
            value = getattr(value, part)
        else:
            return MISSING
        if value is None:
            return MISSING
    return value
