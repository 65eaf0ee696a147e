"""Letters and documents for the compare tests: the sample with a few terms changed."""

from __future__ import annotations

from collections.abc import Callable

from app.documents.model import Document, DocumentMeta, Heading, Paragraph, ParaStyle, Run, Section
from app.domain.letter import Letter
from app.domain.sample import sample_letter


def variant(edit: Callable[[Letter], None]) -> Letter:
    """The sample letter after ``edit`` (which assigns terms, so each is validated)."""
    letter = sample_letter()
    edit(letter)
    return Letter.model_validate(letter.model_dump())


def bench_variant() -> Letter:
    """The variant the issue names: salary 325,000, severance 18 months, non-compete 12, no car."""

    def edit(letter: Letter) -> None:
        letter.compensation.base_salary = "325000.00"  # type: ignore[assignment]
        letter.termination.without_cause.severance.months = 18
        letter.covenants.noncompete.months = 12
        letter.transportation = None

    return variant(edit)


def para(*runs: str | Run, style: ParaStyle = ParaStyle.BODY, label: str | None = None) -> Paragraph:
    return Paragraph(tuple(Run(r) if isinstance(r, str) else r for r in runs), style, label=label)


def document(*blocks: Paragraph | Heading) -> Document:
    """A document of ``blocks``; each heading's section runs to the next heading."""
    heads = [i for i, b in enumerate(blocks) if isinstance(b, Heading)]
    sections = []
    for n, start in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(blocks)
        heading = blocks[start]
        assert isinstance(heading, Heading)
        sections.append(Section(heading.key, heading.number, heading.title, start, end))
    meta = DocumentMeta("Offer", "Offer letter", "MIM Corporation", "R. Friedman")
    return Document(meta, ("MIM Corporation",), ("Mr. Lusk",), tuple(blocks), tuple(sections))
