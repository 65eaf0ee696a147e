"""The document model: the one shape every output is made from.

Templates render to markup (see :mod:`app.documents.markup`), which is parsed into these blocks.
The DOCX writer, the plain-text writer, the editor's preview and the redline all read this model and
nothing else, so a letter reads the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


class Change(StrEnum):
    """A tracked change (only a redline document has them)."""

    INSERTED = "inserted"
    DELETED = "deleted"


class ParaStyle(StrEnum):
    BODY = "body"  # justified legal body text
    PLAIN = "plain"  # date, address and other unjustified lines
    SUBJECT = "subject"  # the "Re:" line
    CLAUSE = "clause"  # an indented lettered clause of Exhibit A
    TITLE = "title"  # Exhibit A's title
    SUBHEADING = "subheading"  # an unnumbered heading inside Exhibit A


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one formatting.

    Attributes:
        field: the dotted path of the letter term this text shows (``compensation.base_salary``),
            or ``None`` for fixed wording.
    """

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    field: str | None = None
    change: Change | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    runs: tuple[Run, ...]
    style: ParaStyle = ParaStyle.BODY
    align: Align | None = None  # None: the style's alignment
    keep_with_next: bool = False
    label: str | None = None  # a list label such as "(a)" or "(1)", printed before the text
    change: Change | None = None  # the paragraph itself (its mark) was inserted or deleted
    # A place views can scroll to: the key of an unnumbered part of the letter that starts here
    # (``parties``, ``closing``, ``covenants`` for Exhibit A), matching app.domain.sections.
    anchor: str | None = None
    # The clause this paragraph is (``compensation.1``, ``covenants.noncompete``): the id a letter's own
    # wording and the clause library's alternates name (app/documents/clauses.py).
    clause: str | None = None
    departs: bool = False  # its wording is this letter's own or an alternate, not the standard

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered section heading of the letter: ``number. TITLE:``."""

    key: str
    number: int
    title: str
    change: Change | None = None
    old_number: int | None = None  # in a redline: the number in the baseline, when it changed

    @property
    def text(self) -> str:
        return f"{self.number}. {self.title.upper()}:"


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    """Lines that must stay on one page (a signature with its name and title)."""

    lines: tuple[Paragraph, ...]
    align: Align = Align.LEFT
    signature_line_after: int = 0  # index of the line the signature rule is drawn under (-1: none)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.lines)


Block = Paragraph | Heading | PageBreak | SignatureBlock


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered section: its heading and body, with the paragraphs' position in ``Document.blocks``."""

    key: str
    number: int
    title: str
    start: int  # index of the heading in Document.blocks
    end: int  # one past its last block


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    title: str
    subject: str
    company: str
    author: str


@dataclass(frozen=True, slots=True)
class Document:
    """A rendered letter with its Exhibit A.

    Attributes:
        letterhead: lines printed at the top of the first page only.
        continuation: lines of the header of the second and later pages, before "Page N".
        blocks: the body, in order.
        sections: the numbered sections, in order.
        letterhead_changes, continuation_changes: a redline's header lines, each a paragraph with
            its tracked changes; empty when the lines did not change (or this is no redline), and
            then ``letterhead`` and ``continuation`` are what prints.
        legend, document_id: printed on every page, the first too ("Draft - Privileged &
            Confidential", "NY 1234567 v2"); empty: not printed.
        marks_in_footer: the legend and document ID print at the foot of each page, not at its top.
    """

    meta: DocumentMeta
    letterhead: tuple[str, ...]
    continuation: tuple[str, ...]
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...] = field(default=())
    letterhead_changes: tuple[Paragraph, ...] = field(default=())
    continuation_changes: tuple[Paragraph, ...] = field(default=())
    legend: str = ""
    document_id: str = ""
    marks_in_footer: bool = False

    @property
    def page_marks(self) -> tuple[str, ...]:
        """The legend and the document ID, those that print, in that order."""
        return tuple(line for line in (self.legend, self.document_id) if line)
