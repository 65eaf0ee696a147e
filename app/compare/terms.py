"""Which terms changed between two letters, in the user's words and in document order.

Labels come from the letter model's field titles (the same words the editor shows); values are
formatted the way the letter writes them (``$300,000.00``, ``October 1, 2002``, ``18 months``).
An optional section switched on or off is one entry; list items (equity grants, grounds for Cause,
letterhead and address lines) are added, removed or changed one by one.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from app.documents import formatting
from app.domain.choices import choice_words
from app.domain.letter import Letter
from app.domain.problems import Path, format_path
from app.domain.sections import SECTIONS, LetterSection
from app.domain.types import Money


class ChangeKind(StrEnum):
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class TermChange:
    """One term that differs between the baseline and the current letter.

    Attributes:
        section_key: the key of the letter section holding the term (see :data:`SECTIONS`).
        section_title: that section's title.
        path: where the term is in the letter, e.g. ``("equity", "grants", 0, "shares")``.
        label: the term in the user's words, e.g. ``"Equity grant 1: Shares"``.
        kind: changed, added or removed.
        old: the baseline's value as the letter writes it (``None`` when added, or for a group).
        new: the current value as the letter writes it (``None`` when removed, or for a group).
    """

    section_key: str
    section_title: str
    path: Path
    label: str
    kind: ChangeKind
    old: str | None
    new: str | None

    @property
    def dotted_path(self) -> str:
        return format_path(self.path)

    def describe(self, arrow: str = "->") -> str:
        """``Base salary: $300,000.00 -> $325,000.00``; ``Transportation allowance: removed``."""
        if self.kind is ChangeKind.CHANGED:
            return f"{self.label}: {self.old} {arrow} {self.new}"
        value = self.new if self.kind is ChangeKind.ADDED else self.old
        return f"{self.label}: {self.kind.value}" + (f" ({value})" if value is not None else "")

    def __str__(self) -> str:
        return self.describe()


# How the user names one item of a list term (``{n}`` counts from 1).
_ITEM_LABELS = {
    "grants": "Equity grant {n}",
    "items": "Ground {n}",
    "letterhead_lines": "Letterhead line {n}",
    "address_lines": "Address line {n}",
    "steps": "Salary step {n}",
    "cash_awards": "Bonus {n}",
    "installments": "Installment {n}",
    "allowances": "Allowance {n}",
}
# A title's unit in parentheses, dropped from the label because the value carries it.
_UNIT = re.compile(r"\s*\((months|months of salary|days|business days|weeks|miles|%|times salary)\)$")
# Booleans that switch a clause of the letter on or off read "included" / "not included".
_INCLUDED = {"merp", "professional_fees", "at_will", "board_approval_required"}
_MONEY_CHECK = typing.get_args(Money)[-1]


def diff_terms(old: Letter, new: Letter) -> list[TermChange]:
    """Every term that differs between ``old`` (the baseline) and ``new``, section by section."""
    changes: list[TermChange] = []
    for section in SECTIONS:
        for prefix in section.fields:
            info = _field_info(prefix)
            group = _model_type(info.annotation) is not None
            parts = [] if group and len(section.fields) == 1 else [_title(prefix[-1], info)]
            _Walker(section, changes).diff(prefix, parts, info, _get(old, prefix), _get(new, prefix))
    return changes


def by_section(changes: Sequence[TermChange]) -> list[tuple[LetterSection, list[TermChange]]]:
    """The changes grouped by section, sections in document order, empty sections left out."""
    groups: dict[str, list[TermChange]] = {}
    for change in changes:
        groups.setdefault(change.section_key, []).append(change)
    return [(s, groups[s.key]) for s in SECTIONS if s.key in groups]


def format_value(value: Any, name: str = "", info: FieldInfo | None = None) -> str:
    """A term's value as the letter writes it."""
    title = info.title if info is not None and info.title else ""
    unit = _UNIT.search(title)
    if value is None:
        return "none"
    if isinstance(value, bool):
        if name in _INCLUDED:
            return "included" if value else "not included"
        return "yes" if value else "no"
    if isinstance(value, StrEnum):
        return choice_words(value)
    if isinstance(value, date):
        return formatting.long_date(value)
    if isinstance(value, Decimal):
        if "%" in title:
            return formatting.percent(value)
        if info is not None and _MONEY_CHECK in info.metadata:
            return formatting.money(value)
        if name == "multiple":
            return f"{format(value.normalize(), 'f')} times"
        return formatting.par_value(value)
    if isinstance(value, int):
        if unit is None:
            return formatting.shares(value) if name == "shares" else str(value)
        word = unit.group(1)
        if word.startswith("month"):
            return f"{value} month{'' if value == 1 else 's'}" + word[6:]
        if word.endswith("days"):
            return f"{value} {word[:-1] if value == 1 else word}"
        return f"{value} {word}"
    if isinstance(value, BaseModel):
        return "; ".join(
            format_value(getattr(value, n), n, f) for n, f in type(value).model_fields.items()
        )
    return str(value)


@dataclass(slots=True)
class _Walker:
    section: LetterSection
    out: list[TermChange]

    def add(self, path: Path, parts: list[str], kind: ChangeKind, old: str | None, new: str | None) -> None:
        self.out.append(
            TermChange(self.section.key, self.section.title, path, ": ".join(parts), kind, old, new)
        )

    def diff(self, path: Path, parts: list[str], info: FieldInfo, old: Any, new: Any) -> None:
        if old == new:
            return
        name = str(path[-1])
        model = _model_type(info.annotation)
        label = parts or [_title(name, info)]
        if old is None or new is None:
            kind = ChangeKind.ADDED if old is None else ChangeKind.REMOVED
            value = None if model is not None else format_value(old if new is None else new, name, info)
            self.add(path, label, kind, None if old is None else value, None if new is None else value)
            return
        if model is not None:
            for child, child_info in model.model_fields.items():
                self.diff(
                    (*path, child),
                    _join(parts, _title(child, child_info)),
                    child_info,
                    getattr(old, child),
                    getattr(new, child),
                )
            return
        if isinstance(new, list):
            self.diff_list(path, parts, info, old, new)
            return
        self.add(path, label, ChangeKind.CHANGED, format_value(old, name, info), format_value(new, name, info))

    def diff_list(self, path: Path, parts: list[str], info: FieldInfo, old: list[Any], new: list[Any]) -> None:
        name = str(path[-1])
        item_model = _model_type(_list_item(info.annotation))
        template = _ITEM_LABELS.get(name, f"{_title(name, info)} {{n}}")

        def label(index: int) -> list[str]:
            return [*parts[:-1], template.format(n=index + 1)]

        def text(item: Any) -> str | None:
            return None if item_model is not None else format_value(item, name)

        def keys(items: list[Any]) -> list[Any]:
            return [i.model_dump_json() if isinstance(i, BaseModel) else i for i in items]

        item_info = FieldInfo(annotation=_list_item(info.annotation), title=info.title)
        matcher = difflib.SequenceMatcher(None, keys(old), keys(new), autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            for k in range(paired):
                self.diff((*path, j1 + k), label(j1 + k), item_info, old[i1 + k], new[j1 + k])
            for i in range(i1 + paired, i2):
                self.add((*path, i), label(i), ChangeKind.REMOVED, text(old[i]), None)
            for j in range(j1 + paired, j2):
                self.add((*path, j), label(j), ChangeKind.ADDED, None, text(new[j]))


def _join(parts: list[str], title: str) -> list[str]:
    """The label parts of a term inside a group: a group "Non-compete" and its term "Non-compete
    (months)" read "Non-compete" once."""
    if parts and title.lower() == parts[-1].lower():
        return [*parts[:-1], title]
    return [*parts, title]


def _title(name: str | int, info: FieldInfo) -> str:
    title = info.title or str(name).replace("_", " ").capitalize()
    return _UNIT.sub("", title)


def _unwrap_optional(annotation: Any) -> Any:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _unwrap_optional(args[0])
    if typing.get_origin(annotation) is typing.Annotated:
        return _unwrap_optional(typing.get_args(annotation)[0])
    return annotation


def _model_type(annotation: Any) -> type[BaseModel] | None:
    inner = _unwrap_optional(annotation)
    return inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None


def _list_item(annotation: Any) -> Any:
    args = typing.get_args(_unwrap_optional(annotation))
    return args[0] if args else Any


def _field_info(path: Path) -> FieldInfo:
    model: type[BaseModel] | None = Letter
    info: FieldInfo | None = None
    for part in path:
        if model is None:
            raise KeyError(f"{format_path(path)} does not name a letter term")
        info = model.model_fields[str(part)]
        model = _model_type(info.annotation)
    if info is None:
        raise KeyError("an empty path names no letter term")
    return info


def _get(letter: Letter, path: Path) -> Any:
    value: Any = letter
    for part in path:
        if value is None:
            return None
        value = value[part] if isinstance(part, int) else getattr(value, part)
    return value


__all__ = ["ChangeKind", "TermChange", "by_section", "diff_terms", "format_value"]
