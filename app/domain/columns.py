"""A table of terms (batch letters): columns named by term path, cells read as each term's kind.

A column's header is the dotted path of a term of the letter, as ``offerdesk check`` prints it:
``candidate.full_name``, ``compensation.base_salary``, ``candidate.address_lines.0`` (list items by
number). The header is checked against the field table (:mod:`app.domain.fields`), so a misspelt or
unknown column is named before any letter is made. Cells are text; each is converted through its
term's kind (money as a decimal amount, dates as YYYY-MM-DD, yes/no for a switch, a choice by its
value or its label), and a cell that cannot be is reported with its row and column.

An empty cell keeps the base letter's value. Columns that number the items of one list
(``candidate.address_lines.0``, ``.1``...) give that list whole: its items are the row's non-empty
cells in order, so a two-line address replaces a three-line one.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.draft_paths import set_in
from app.domain.fields import FieldSpec, Kind, spec_for
from app.domain.problems import Path, parse_path

_LIST_KINDS = (Kind.LINES, Kind.PARAGRAPHS)
_ITEM_KIND = {Kind.LINES: Kind.LINE, Kind.PARAGRAPHS: Kind.TEXT}
_NOT_A_COLUMN = (Kind.GROUP, Kind.GROUPS)
_TRUE = {"yes", "y", "true", "1", "x"}
_FALSE = {"no", "n", "false", "0"}
_MONEY_NOISE = re.compile(r"[\s$,]")


class ColumnError(ValueError):
    """The header names columns that are not terms of the letter (or names one twice)."""


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its header, the draft path it fills, and the kind of value it holds.

    ``list_path`` is set for a numbered item of a list (``address_lines.0``): the list it belongs to.
    """

    header: str
    path: Path
    kind: Kind
    choices: tuple[tuple[str, str], ...] = ()
    list_path: Path | None = None


def _column(header: str) -> Column:
    path = parse_path(header.strip())
    if not path or any(isinstance(p, str) and not p.isidentifier() for p in path):
        raise KeyError(header)
    if isinstance(path[-1], int):
        parent = spec_for(path[:-1])
        if parent.kind not in _LIST_KINDS:
            raise KeyError(header)
        return Column(header, path, _ITEM_KIND[parent.kind], list_path=path[:-1])
    spec: FieldSpec = spec_for(path)
    if spec.kind in _NOT_A_COLUMN:
        raise KeyError(header)
    return Column(header, path, spec.kind, spec.choices)


def parse_header(headers: Sequence[str]) -> list[Column]:
    """The columns of a header row. Raises :class:`ColumnError` naming every unknown column."""
    unknown: list[str] = []
    columns: list[Column] = []
    seen: dict[Path, str] = {}
    for header in headers:
        if not header.strip():
            unknown.append("(a column with no name)")
            continue
        try:
            column = _column(header)
        except KeyError:
            unknown.append(repr(header))
            continue
        if column.path in seen:
            raise ColumnError(f"columns {seen[column.path]!r} and {header!r} both fill {header.strip()}; keep one")
        seen[column.path] = header
        columns.append(column)
    if unknown:
        raise ColumnError(
            f"unknown column{'s' * (len(unknown) > 1)} {', '.join(unknown)}: each column must be named by "
            "the path of a term of the letter, e.g. candidate.full_name, compensation.base_salary, "
            "position.start_date or candidate.address_lines.0 (`offerdesk check` prints terms' paths)"
        )
    if not columns:
        raise ColumnError("the table has no columns; its first row must name the terms it fills in")
    return columns


def cell_value(column: Column, text: str) -> Any:
    """The draft value of a non-empty cell. Raises ValueError saying what is wrong and how to write it."""
    value = text.strip()
    kind = column.kind
    if kind in (Kind.LINE, Kind.TEXT):
        return value if kind is Kind.TEXT else " ".join(value.split())
    if kind in _LIST_KINDS:
        return [line.strip() for line in value.splitlines() if line.strip()]
    if kind in (Kind.MONEY, Kind.DECIMAL):
        try:
            amount = Decimal(_MONEY_NOISE.sub("", value) if kind is Kind.MONEY else value)
        except InvalidOperation:
            example = "350000.00" if kind is Kind.MONEY else "1.5"
            raise ValueError(f"{value!r} is not an amount; write it as a number such as {example}") from None
        if not amount.is_finite():
            raise ValueError(f"{value!r} is not an amount")
        return str(amount)
    if kind is Kind.INT:
        try:
            return int(value.replace(",", ""))
        except ValueError:
            raise ValueError(f"{value!r} is not a whole number") from None
    if kind is Kind.DATE:
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise ValueError(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-03-15") from None
    if kind is Kind.BOOL:
        if value.lower() in _TRUE:
            return True
        if value.lower() in _FALSE:
            return False
        raise ValueError(f"{value!r} is not yes or no")
    if kind is Kind.CHOICE:
        for choice, label in column.choices:
            if value.lower() in (choice.lower(), label.lower()):
                return choice
        allowed = ", ".join(choice for choice, _ in column.choices)
        raise ValueError(f"{value!r} is not one of {allowed}")
    raise ValueError(f"a {kind.value} cannot be filled from a table")


def fill_draft(base: dict[str, Any], columns: Sequence[Column], cells: Sequence[str]) -> tuple[dict[str, Any], list[str]]:
    """A copy of ``base`` with a row's cells filled in, and what was wrong with any cell.

    A cell that cannot be converted leaves the base letter's value and is reported as
    ``column <header>: <what is wrong>``.
    """
    draft = copy.deepcopy(base)
    problems: list[str] = []
    lists: dict[Path, list[tuple[int, str]]] = {}
    for column, text in zip(columns, cells, strict=False):
        if column.list_path is not None:
            lists.setdefault(column.list_path, [])
            if text.strip():
                index = column.path[-1]
                assert isinstance(index, int)
                lists[column.list_path].append((index, " ".join(text.split())))
            continue
        if not text.strip():
            continue
        try:
            set_in(draft, column.path, cell_value(column, text))
        except ValueError as exc:
            problems.append(f"column {column.header}: {exc}")
    for list_path, items in lists.items():
        if items:
            set_in(draft, list_path, [text for _, text in sorted(items)])
    return draft, problems


__all__ = ["Column", "ColumnError", "cell_value", "fill_draft", "parse_header"]
