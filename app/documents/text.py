"""The document model as plain text (for ``offerdesk render --format text``, tests and e-mail).

Headings read ``1. POSITION AND DUTIES:``; paragraphs are separated by blank lines; the lines of the
address and of a signature block stay together; a page break is a form feed on a line of its own.
The legend and document ID, when the letter prints them, come first (placed in the header) or last
(in the footer), once. In a redline, inserted text reads ``{+like this+}`` and deleted text ``[-like this-]``.
"""

from __future__ import annotations

import textwrap

from app.documents.model import (
    Align,
    Change,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    ParaStyle,
    Run,
    SignatureBlock,
)

PAGE_BREAK = "\f"
SIGNATURE_RULE = "_" * 32
_MARKS = {Change.INSERTED: ("{+", "+}"), Change.DELETED: ("[-", "-]")}


def _runs(runs: tuple[Run, ...], change: Change | None = None) -> str:
    out: list[str] = []
    for run in runs:
        mark = run.change or change
        if mark is None:
            out.append(run.text)
        else:
            start, end = _MARKS[mark]
            out.append(f"{start}{run.text}{end}")
    return "".join(out)


def paragraph_text(para: Paragraph) -> str:
    """One paragraph's text with its list label."""
    text = _runs(para.runs, para.change)
    return f"{para.label} {text}" if para.label else text


def heading_text(heading: Heading) -> str:
    text = heading.text
    if heading.old_number is not None and heading.old_number != heading.number:
        text = f"[-{heading.old_number}.-]{{+{heading.number}.+}}" + text.partition(".")[2]
    if heading.change is not None:
        start, end = _MARKS[heading.change]
        text = f"{start}{text}{end}"
    return text


def _wrap(text: str, width: int | None, indent: str = "") -> str:
    if width is None:
        return indent + text
    return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)


def to_text(document: Document, *, width: int | None = None, letterhead: bool = True) -> str:
    """The document as plain text; ``width`` wraps paragraphs (``None``: one line per paragraph)."""
    chunks: list[str] = []
    marks = "\n".join(document.page_marks)
    if marks and not document.marks_in_footer:
        chunks.append(marks)
    if letterhead and document.letterhead:
        chunks.append("\n".join(document.letterhead))
    group: list[str] = []  # consecutive plain lines (an address) print without blank lines between
    for block in document.blocks:
        if isinstance(block, Paragraph) and block.style is ParaStyle.PLAIN:
            group.append(_wrap(paragraph_text(block), width))
            continue
        if group:
            chunks.append("\n".join(group))
            group = []
        if isinstance(block, Heading):
            chunks.append(heading_text(block))
        elif isinstance(block, Paragraph):
            chunks.append(_wrap(paragraph_text(block), width))
        elif isinstance(block, SignatureBlock):
            # A right-hand block starts mid-line when wrapping (its rule line still fits the width).
            indent = " " * max(width // 2 - 4, 0) if block.align is Align.RIGHT and width else ""
            lines: list[str] = []
            for i, line in enumerate(block.lines):
                text = paragraph_text(line)
                if i == block.signature_line_after:
                    lines.append(indent + (f"{text} {SIGNATURE_RULE}" if text else SIGNATURE_RULE))
                else:
                    lines.append(indent + text)
            chunks.append("\n".join(lines))
        elif isinstance(block, PageBreak):
            chunks.append(PAGE_BREAK)
    if group:
        chunks.append("\n".join(group))
    if marks and document.marks_in_footer:
        chunks.append(marks)
    return "\n\n".join(chunks) + "\n"


__all__ = ["PAGE_BREAK", "heading_text", "paragraph_text", "to_text"]
