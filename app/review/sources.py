"""Any letter as one list of paragraphs with their locations, for the checks to read.

OfferDesk's own letters come from the document model (each paragraph keeps the field paths of the
terms it shows); imported letters come from a ``.docx`` (python-docx) or a ``.txt`` file, whose
headings are recognised by their shape (``8. TERMINATION; SEVERANCE:``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from app.documents.model import Document, Heading, Paragraph, ParaStyle, SignatureBlock

OPENING = "Opening"
CLOSING = "Closing"
EXHIBIT = "Exhibit A"


class Kind(StrEnum):
    HEADING = "heading"  # a numbered section heading
    TITLE = "title"  # a title or unnumbered heading (Exhibit A, RESTRICTIVE COVENANTS)
    BODY = "body"
    LINE = "line"  # a short line: date, address, signature block


@dataclass(frozen=True, slots=True)
class FieldSpan:
    start: int
    end: int
    path: str


@dataclass(frozen=True, slots=True)
class ReviewParagraph:
    """One paragraph to review.

    Attributes:
        text: the paragraph as printed, its list label first (``(a) At any time ...``).
        section: the section it belongs to, as the letter names it.
        number: its number within the section, from 1; a heading is 0.
        block: its index in the document model's blocks (OfferDesk letters only).
        fields: the stretches of ``text`` that show a letter term, with the term's path.
    """

    text: str
    section: str
    number: int
    kind: Kind = Kind.BODY
    block: int | None = None
    fields: tuple[FieldSpan, ...] = field(default=())

    def field_at(self, start: int, end: int) -> str | None:
        """The path of the term shown in ``text[start:end]`` (the first one it overlaps)."""
        for span in self.fields:
            if span.start < end and start < span.end:
                return span.path
        return None


# ---------------------------------------------------------------- the document model


def _paragraph(para: Paragraph, section: str, number: int, kind: Kind, block: int) -> ReviewParagraph:
    text = f"{para.label} " if para.label else ""
    spans: list[FieldSpan] = []
    for run in para.runs:
        if run.field is not None:
            spans.append(FieldSpan(len(text), len(text) + len(run.text), run.field))
        text += run.text
    return ReviewParagraph(text, section, number, kind, block, tuple(spans))


def from_document(document: Document) -> list[ReviewParagraph]:
    """The paragraphs of a rendered letter, signature lines included, with their field spans."""
    out: list[ReviewParagraph] = []
    ends = {s.start: s for s in document.sections}
    section, number, section_end = OPENING, 0, -1
    for index, block in enumerate(document.blocks):
        if index == section_end:
            section, number = CLOSING, 0
        if isinstance(block, Heading):
            sec = ends.get(index)
            section_end = sec.end if sec else -1
            section, number = f"{block.number}. {block.title}", 0
            out.append(ReviewParagraph(block.text, section, 0, Kind.HEADING, index))
        elif isinstance(block, Paragraph):
            if block.anchor == "covenants":
                section, number = EXHIBIT, 0
            number += 1
            kind = Kind.TITLE if block.style in (ParaStyle.TITLE, ParaStyle.SUBHEADING) else (
                Kind.LINE if block.style is ParaStyle.PLAIN else Kind.BODY
            )
            out.append(_paragraph(block, section, number, kind, index))
        elif isinstance(block, SignatureBlock):
            for line in block.lines:
                if line.runs:
                    number += 1
                    out.append(_paragraph(line, section, number, Kind.LINE, index))
    return out


# ---------------------------------------------------------------- imported letters

_HEADING = re.compile(r"\d{1,2}\.\s+[A-Za-z][^.]{2,80}")
_EXHIBIT = re.compile(r"(?i)exhibit\s+[a-z0-9]{1,2}")
_SGML_TAG = re.compile(r"\s*</?[A-Z]+>")
_RULE_LINE = re.compile(r"\s*[-_=]{3,}\s*")
_PAGE_NUMBER = re.compile(r"\s*Page\s+\d+\s*")
_SPACES = re.compile(r"\s+")


def _kind(text: str) -> Kind:
    if _HEADING.fullmatch(text) and (text.endswith(":") or text.upper() == text or len(text) < 60):
        return Kind.HEADING
    if _EXHIBIT.fullmatch(text) or (text.upper() == text and any(c.isalpha() for c in text) and len(text) < 80
                                     and not text.startswith("(")):
        return Kind.TITLE
    if len(text) < 60 and not text.endswith((".", ";")):
        return Kind.LINE
    return Kind.BODY


def from_paragraph_texts(texts: list[str]) -> list[ReviewParagraph]:
    """Paragraph texts in order -> located paragraphs (sections start at numbered headings and at
    an exhibit's title)."""
    out: list[ReviewParagraph] = []
    section, number = OPENING, 0
    for raw in texts:
        text = _SPACES.sub(" ", raw).strip()
        if not text:
            continue
        kind = _kind(text)
        if kind is Kind.HEADING:
            section, number = text.rstrip(":"), 0
            out.append(ReviewParagraph(text, section, 0, kind))
            continue
        if kind is Kind.TITLE and _EXHIBIT.fullmatch(text):
            section, number = text, 0
        number += 1
        out.append(ReviewParagraph(text, section, number, kind))
    return out


def text_paragraphs(text: str) -> list[str]:
    """A plain-text letter's paragraphs: blank lines separate them; EDGAR tags (``<TYPE>``), page
    marks (``<PAGE>`` and the running header that ends ``Page N``) and underline rules go; a
    paragraph a page break cut in two (the next page goes on in lower case) is joined again."""
    lines = text.replace("\r\n", "\n").replace("\f", "\n<PAGE>\n").split("\n")
    paragraphs: list[str] = []
    current: list[str] = []
    after_break = False
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.strip() == "<PAGE>":
            # The running header: up to four non-blank lines, the last "Page N".
            j, seen = i, 0
            while j < len(lines) and seen < 4:
                if lines[j].strip():
                    seen += 1
                    if _PAGE_NUMBER.fullmatch(lines[j]):
                        i = j + 1
                        break
                j += 1
            if current:
                paragraphs.append(" ".join(current))
                current = []
            after_break = True
            continue
        if _SGML_TAG.match(line) or _RULE_LINE.fullmatch(line):
            continue
        if not line.strip():
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if after_break and not current and paragraphs and line.strip()[:1].islower():
            current = [paragraphs.pop()]  # the paragraph goes on from the previous page
        after_break = False
        current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def docx_paragraphs(path: Path) -> list[str]:
    """A Word letter's paragraphs in order, those in tables (signature blocks) included."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    document = docx.Document(str(path))
    out: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, DocxParagraph):
            out.append(item.text.replace("\t", " "))
        elif isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    out.extend(p.text.replace("\t", " ") for p in cell.paragraphs)
    return out


__all__ = [
    "CLOSING", "EXHIBIT", "OPENING", "FieldSpan", "Kind", "ReviewParagraph", "docx_paragraphs", "from_document",
    "from_paragraph_texts", "text_paragraphs",
]
