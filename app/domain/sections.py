"""The letter's sections in document order, and which terms each one holds.

This is the one place that groups fields into sections: the editor's navigator and forms, the
Problems pane and the section states all read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.problems import Path, Problem, Severity


@dataclass(frozen=True, slots=True)
class LetterSection:
    """A section of the letter as the user sees it.

    Attributes:
        key: stable identifier (also the document model's section key where it has one).
        title: the heading in the user's words.
        fields: paths of the terms edited in this section, in form order. A path may name a group
            (e.g. ``("termination", "cause")``) whose fields are all edited here.
        optional: the path of an optional group this section switches on and off (or of a list
            that is not in the letter while it is empty), if any.
        exhibit: part of Exhibit A rather than the letter.
    """

    key: str
    title: str
    fields: tuple[Path, ...]
    optional: Path | None = None
    exhibit: bool = False


SECTIONS: tuple[LetterSection, ...] = (
    LetterSection(
        "parties",
        "Letterhead and addressee",
        (
            ("company", "name"),
            ("company", "state_of_incorporation"),
            ("company", "letterhead_lines"),
            ("letter", "letter_type"),
            ("letter", "letter_date"),
            ("letter", "effective_date"),
            ("candidate",),
            ("letter", "re_line"),
        ),
    ),
    LetterSection("position", "Position and Duties", (("position",),)),
    LetterSection("term", "Term of Employment", (("term",),), optional=("term",)),
    LetterSection("compensation", "Base Compensation", (("compensation",),)),
    LetterSection("bonus", "Annual Bonus", (("benefits", "bonus_program"),), optional=("benefits", "bonus_program")),
    LetterSection("cash_awards", "Signing and Retention Bonuses", (("cash_awards",),), optional=("cash_awards",)),
    LetterSection("equity", "Long-Term Incentive Compensation", (("equity",),), optional=("equity",)),
    LetterSection("transportation", "Transportation Allowance", (("transportation",),), optional=("transportation",)),
    LetterSection("perquisites", "Perquisites", (("perquisites",),), optional=("perquisites",)),
    LetterSection("relocation", "Relocation", (("relocation",),), optional=("relocation",)),
    LetterSection(
        "benefits",
        "Health and Other Benefit Plans",
        (("benefits", "merp"), ("benefits", "life_insurance_multiple")),
    ),
    LetterSection("expenses", "Expenses", (("benefits", "professional_fees"),)),
    LetterSection("vacation", "Vacation", (("benefits", "vacation_days"),)),
    LetterSection(
        "termination",
        "Termination; Severance; Change of Control",
        (
            ("termination", "without_cause"),
            ("termination", "cause"),
            ("termination", "good_reason"),
            ("termination", "change_of_control"),
            ("termination", "notice"),
        ),
    ),
    LetterSection(
        "disability", "Termination upon Disability", (("termination", "disability"),),
        optional=("termination", "disability"),
    ),
    LetterSection("death", "Termination upon Death", (("termination", "death"),), optional=("termination", "death")),
    LetterSection("conditions", "Conditions to Employment", (("conditions",),)),
    LetterSection("arbitration", "Arbitration", (("arbitration",),), optional=("arbitration",)),
    LetterSection("governing_law", "Governing Law", (("governing_law",),)),
    LetterSection(
        "closing",
        "Closing and signatures",
        (
            ("letter", "closing_paragraph"),
            ("letter", "complimentary_close"),
            ("company", "signatory_name"),
            ("company", "signatory_title"),
        ),
    ),
    LetterSection("wording", "Clause wording", (("wording",),), optional=("wording",)),
    LetterSection("covenants", "Exhibit A: Restrictive Covenants", (("covenants",),), optional=("covenants",),
                  exhibit=True),
    # Not a part of the text: the marks every page's header or footer prints (off unless switched on).
    LetterSection("document_options", "Legend and Document ID", (("document_options",),),
                  optional=("document_options",)),
)

SECTION_BY_KEY = {s.key: s for s in SECTIONS}


def section_for_path(path: Path) -> LetterSection | None:
    """The section whose field path is the longest prefix of ``path``."""
    best: LetterSection | None = None
    best_len = -1
    for section in SECTIONS:
        for prefix in section.fields:
            if path[: len(prefix)] == prefix and len(prefix) > best_len:
                best, best_len = section, len(prefix)
    return best


class SectionState(StrEnum):
    COMPLETE = "complete"
    WARNING = "warning"
    ERROR = "error"


def section_states(problems: list[Problem]) -> dict[str, SectionState]:
    """Each section's state from a letter's problems (problems with no field count for no section)."""
    states = {s.key: SectionState.COMPLETE for s in SECTIONS}
    for problem in problems:
        section = section_for_path(problem.path)
        if section is None:
            continue
        if problem.severity is Severity.ERROR:
            states[section.key] = SectionState.ERROR
        elif states[section.key] is SectionState.COMPLETE:
            states[section.key] = SectionState.WARNING
    return states
