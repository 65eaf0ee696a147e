"""How every figure explains itself.

A figure is a value and an :class:`Explanation`: a one-line template such as
``"{salary:money} / {periods} pay periods, rounded half up to the cent"`` and the values it names.
The calculations layer cannot format money or dates for reading (formats live in
:mod:`app.documents.formatting`, a layer above), so the template names a format by its filter name
(``money``, ``long_date``, ``shares``, ``percent``) and the caller that shows it passes those
functions to :meth:`Explanation.render` (``app.documents.formatting.FILTERS``). Without them the
values print plainly (``300000.00``, ``2002-10-14``), which is what machine-readable output wants.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

# Covariant: a figure is frozen, so a ``Figure[date]`` is a ``Figure[date | None]`` and a ``Figure[object]``.
T_co = TypeVar("T_co", covariant=True)

# A format name -> the function that applies it. ``Callable[..., str]`` rather than ``[[Any], str]``:
# a format may take optional arguments of its own (``duration_months``), as the Jinja filters do.
Formats = Mapping[str, Callable[..., str]]

# The format names a template may use; the plain rendering ignores them.
FORMAT_NAMES = frozenset({"money", "long_date", "shares", "percent"})


class _Renderer(string.Formatter):
    def __init__(self, formats: Formats | None) -> None:
        self._formats = formats or {}

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Explanation):  # a nested explanation reads in the same formats
            return value.render(self._formats)
        if format_spec in FORMAT_NAMES:
            fn = self._formats.get(format_spec)
            return fn(value) if fn is not None else str(value)
        text: str = super().format_field(value, format_spec)  # typeshed says Any; format() returns str
        return text


@dataclass(frozen=True, slots=True)
class Explanation:
    """How a figure was computed, as a one-line template and the values it names."""

    template: str
    values: tuple[tuple[str, Any], ...] = ()

    def render(self, formats: Formats | None = None) -> str:
        """The explanation as text; ``formats`` maps a format name to the function that applies it."""
        return _Renderer(formats).vformat(self.template, (), dict(self.values))

    def __str__(self) -> str:
        return self.render()


def because(template: str, **values: Any) -> Explanation:
    """An explanation: ``because("{a:money} x {n}", a=amount, n=3)``."""
    return Explanation(template, tuple(values.items()))


@dataclass(frozen=True, slots=True)
class Figure(Generic[T_co]):
    """A computed value and how it was computed."""

    value: T_co
    why: Explanation

    def explain(self, formats: Formats | None = None) -> str:
        return self.why.render(formats)
