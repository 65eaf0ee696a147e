"""Everything that differs between a baseline letter and the current one, computed together."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.compare.figures import FigureDelta, figure_deltas, scenario_date
from app.compare.imported import conformed
from app.compare.terms import TermChange, diff_terms
from app.compare.text import Redline, redline
from app.documents.engine import render_document
from app.documents.model import Document
from app.domain.letter import Letter


@dataclass(frozen=True, slots=True)
class Comparison:
    """The changed terms, every figure before and after, and the redline of the letter's text.

    Attributes:
        scenario_date: the termination date the scenario figures of both letters were computed on.
        by_text: the baseline is a document read by its text (a DOCX made elsewhere or edited since);
            ``terms`` and ``figures`` are then empty unless it carried the terms it was exported with.
    """

    terms: tuple[TermChange, ...]
    figures: tuple[FigureDelta, ...]
    redline: Redline
    scenario_date: date
    by_text: bool = False

    @property
    def changed_figures(self) -> tuple[FigureDelta, ...]:
        return tuple(f for f in self.figures if f.changed)


def compare_letters(old: Letter, new: Letter, on: date | None = None) -> Comparison:
    """Compare ``old`` (the baseline) with ``new``. Raises :class:`~app.documents.engine.RenderError`."""
    when = on or scenario_date(old, new)
    return Comparison(
        terms=tuple(diff_terms(old, new)),
        figures=tuple(figure_deltas(old, new, when)),
        redline=redline(render_document(old), render_document(new)),
        scenario_date=when,
    )


def compare_with_document(
    old: Letter | None, old_document: Document, new: Letter, on: date | None = None
) -> Comparison:
    """Compare a baseline read by its text (``old_document``, with the terms it carried, if any) with ``new``.

    Raises :class:`~app.documents.engine.RenderError`.
    """
    current = render_document(new)
    when = on or scenario_date(old or new, new)
    return Comparison(
        terms=tuple(diff_terms(old, new)) if old is not None else (),
        figures=tuple(figure_deltas(old, new, when)) if old is not None else (),
        redline=redline(conformed(old_document, current), current),
        scenario_date=when,
        by_text=True,
    )


__all__ = ["Comparison", "compare_letters", "compare_with_document"]
