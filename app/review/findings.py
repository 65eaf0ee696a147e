"""A review finding: which rule, how bad, what to do, the words it is about and where they are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.problems import Severity


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding is.

    Attributes:
        section: the section as the letter names it (``8. Termination; Severance``, ``Opening``,
            ``Exhibit A``).
        paragraph: the paragraph's number within that section, from 1 (the heading is 0).
        index: the paragraph's position in the reviewed list (for views that scroll to it).
        field: the dotted path of the letter term the excerpt shows, when the letter is OfferDesk's.
    """

    section: str
    paragraph: int
    index: int
    field: str | None = None

    def __str__(self) -> str:
        if self.index < 0:  # a term the letter does not print (the work state, say)
            return self.section
        if self.paragraph == 0:
            return f"{self.section}, heading"
        return f"{self.section}, paragraph {self.paragraph}"

    @property
    def short(self) -> str:
        """``Section 8, ¶ 2``; ``Exhibit A, ¶ 3``; ``Section 9, heading``."""
        if self.index < 0:
            return self.section
        number, dot, _ = self.section.partition(".")
        where = f"Section {number}" if dot and number.isdigit() else self.section
        return f"{where}, heading" if self.paragraph == 0 else f"{where}, \u00b6 {self.paragraph}"


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    excerpt: str
    location: Location

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "excerpt": self.excerpt,
            "location": {
                "section": self.location.section,
                "paragraph": self.location.paragraph,
                "field": self.location.field,
            },
        }

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.location}: [{self.rule}] {self.message} -- \"{self.excerpt}\""


__all__ = ["Finding", "Location", "Severity"]
