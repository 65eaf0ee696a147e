"""Read a Word letter made elsewhere (or returned marked up) into the document model, by its text.

This is how a DOCX becomes a baseline for the Changes tab and the redline when it carries no terms
(or its text was edited after OfferDesk wrote it): only what the pages say is read.

* Tracked changes are taken as the other side's current text: inserted text (``w:ins``, ``w:moveTo``)
  is kept, deleted text (``w:del``, ``w:moveFrom``) is dropped, and a paragraph whose mark was deleted
  runs on into the next one, as it reads once the changes are accepted. Comments are not read.
* A paragraph in one of OfferDesk's ``Offer ...`` styles (a DOCX OfferDesk exported) keeps its role:
  heading, address line, Exhibit A clause, signature block. Other paragraphs are read by their text: a
  short line ``N. TITLE:`` (upper case or bold) is a numbered heading, ``(a)`` at the start is a list
  label, and the rest are body paragraphs; empty paragraphs are dropped.
* The letterhead is the first page's header, the continuation header the later pages' (without the
  ``Page N`` line).

Headings read here have keys made from their titles; :func:`app.compare.imported.conformed` gives
them the current letter's keys before comparing.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from typing import Any

import docx
from docx.oxml.ns import qn

from app.documents.model import (
    Align,
    Block,
    Document,
    DocumentMeta,
    Heading,
    PageBreak,
    Paragraph,
    ParaStyle,
    Run,
    SignatureBlock,
)

_HEADING = re.compile(r"^(\d{1,3})\.\s+(.+?):?$")
_LABEL = re.compile(r"^(\([A-Za-z0-9]{1,5}\))[\t ]+")
_PAGE_LINE = re.compile(r"^Page \d+$")
_MAX_HEADING_CHARS = 120
_SKIPPED = {qn("w:del"), qn("w:moveFrom"), qn("w:pPr"), qn("w:rPr"), qn("w:instrText"), qn("w:delText")}
_STYLES = {
    "Offer Body": ParaStyle.BODY,
    "Offer Plain": ParaStyle.PLAIN,
    "Offer Subject": ParaStyle.SUBJECT,
    "Offer Clause": ParaStyle.CLAUSE,
    "Offer Exhibit Title": ParaStyle.TITLE,
    "Offer Subheading": ParaStyle.SUBHEADING,
}
_JC = {"left": Align.LEFT, "start": Align.LEFT, "center": Align.CENTER, "right": Align.RIGHT, "end": Align.RIGHT,
       "both": Align.JUSTIFY}
_SIGNATURE_GAP = "480"  # twips above a signature block's first line, as the writer spaces it
_SIGNATURE_INDENT = 3 * 1440


class DocxReadError(ValueError):
    """The file is not a Word document that can be read; the message says why."""


@dataclass(frozen=True, slots=True)
class _Para:
    runs: tuple[Run, ...]
    style: str
    align: Align | None
    page_break: bool
    mark_deleted: bool
    element: Any

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def _on(element: Any) -> bool:
    """Whether a toggle property (``w:b``) is on: present without ``w:val`` false."""
    if element is None:
        return False
    return element.get(qn("w:val"), "true") not in ("0", "false", "off")


def _runs(paragraph: Any) -> tuple[list[Run], bool]:
    """The paragraph's text as runs (tracked deletions dropped) and whether it holds a page break."""
    runs: list[Run] = []
    page_break = False

    def walk(node: Any) -> None:
        nonlocal page_break
        for child in node:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == qn("w:r"):
                props = child.find(qn("w:rPr"))
                bold = props is not None and _on(props.find(qn("w:b")))
                pieces = []
                for part in child:
                    if part.tag == qn("w:t"):
                        pieces.append(part.text or "")
                    elif part.tag == qn("w:tab"):
                        pieces.append("\t")
                    elif part.tag in (qn("w:br"), qn("w:cr")):
                        if part.get(qn("w:type")) == "page":
                            page_break = True
                        else:
                            pieces.append(" ")
                if pieces:
                    runs.append(Run("".join(pieces), bold=bold))
            else:  # w:ins, w:moveTo, w:hyperlink, w:smartTag, w:sdt, w:sdtContent, fields ...
                walk(child)

    walk(paragraph)
    return runs, page_break


def _paragraphs(body: Any, style_names: dict[str, str]) -> Iterator[_Para]:
    for p in body.iter(qn("w:p")):
        props = p.find(qn("w:pPr"))
        style, align, before, deleted = "", None, False, False
        if props is not None:
            style_el = props.find(qn("w:pStyle"))
            if style_el is not None:
                style = style_names.get(style_el.get(qn("w:val"), ""), "")
            jc = props.find(qn("w:jc"))
            if jc is not None:
                align = _JC.get(jc.get(qn("w:val"), ""))
            before = _on(props.find(qn("w:pageBreakBefore")))
            mark = props.find(qn("w:rPr"))
            deleted = mark is not None and mark.find(qn("w:del")) is not None
        runs, page_break = _runs(p)
        yield _Para(tuple(runs), style, align, before or page_break, deleted, p)


def _joined(paragraphs: Iterator[_Para]) -> Iterator[_Para]:
    """Paragraphs as they read with the tracked changes accepted: a deleted mark joins two paragraphs."""
    pending: _Para | None = None
    for para in paragraphs:
        if pending is not None:
            para = _Para(pending.runs + para.runs, pending.style, pending.align, pending.page_break,
                         para.mark_deleted, pending.element)
            pending = None
        if para.mark_deleted:
            pending = para
            continue
        yield para
    if pending is not None:
        yield pending


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_") or "section"


def _heading(para: _Para) -> Heading | None:
    text = " ".join(para.text.split())
    match = _HEADING.match(text)
    if match is None or len(text) > _MAX_HEADING_CHARS:
        return None
    title = match.group(2).rstrip(":").strip()
    letters = [c for c in title if c.isalpha()]
    bold = any(r.bold for r in para.runs if r.text.strip())
    if para.style != "Offer Heading" and not bold and not (letters and title.upper() == title):
        return None
    return Heading(_slug(title), int(match.group(1)), title)


def _paragraph(para: _Para) -> Paragraph:
    style = _STYLES.get(para.style, ParaStyle.BODY)
    runs = para.runs
    label = None
    match = _LABEL.match(para.text)
    if match is not None:
        label = match.group(1)
        runs = _drop_chars(runs, match.end())
    return Paragraph(_trimmed(runs), style, para.align, label=label)


def _drop_chars(runs: tuple[Run, ...], count: int) -> tuple[Run, ...]:
    out: list[Run] = []
    for run in runs:
        if count >= len(run.text):
            count -= len(run.text)
            continue
        out.append(Run(run.text[count:], bold=run.bold))
        count = 0
    return tuple(out)


def _trimmed(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """Runs with a stray tab (a label's) read as a space, and no empty runs."""
    return tuple(Run(r.text.replace("\t", " "), bold=r.bold) for r in runs if r.text)


def _signature_line(para: _Para) -> tuple[bool, bool, bool]:
    """(starts a block, has the signature rule, is indented to the right half) of a signature line."""
    props = para.element.find(qn("w:pPr"))
    spacing = props.find(qn("w:spacing")) if props is not None else None
    starts = spacing is not None and spacing.get(qn("w:before")) == _SIGNATURE_GAP
    rule = props is not None and props.find(f"{qn('w:pBdr')}/{qn('w:bottom')}") is not None
    indent = props.find(qn("w:ind")) if props is not None else None
    right = indent is not None and indent.get(qn("w:left")) == str(_SIGNATURE_INDENT)
    return starts, rule, right


def _blocks(paragraphs: Iterator[_Para]) -> list[Block]:
    blocks: list[Block] = []
    signature: list[Paragraph] = []
    rule_at, right = -1, False

    def close_signature() -> None:
        nonlocal signature, rule_at
        if signature:
            blocks.append(SignatureBlock(tuple(signature), Align.RIGHT if right else Align.LEFT, rule_at))
        signature, rule_at = [], -1

    for para in paragraphs:
        if para.page_break:
            close_signature()
            blocks.append(PageBreak())
        if para.style == "Offer Signature":
            starts, rule, is_right = _signature_line(para)
            if starts and signature:
                close_signature()
            if not signature:
                right = is_right
            if rule:
                rule_at = len(signature)
            signature.append(Paragraph(_trimmed(para.runs), ParaStyle.PLAIN))
            continue
        close_signature()
        if not para.text.strip():
            continue
        heading = _heading(para)
        blocks.append(heading if heading is not None else _paragraph(para))
    close_signature()
    while blocks and isinstance(blocks[-1], PageBreak):
        blocks.pop()
    return blocks


def _header_lines(header: Any) -> tuple[str, ...]:
    if header.is_linked_to_previous:
        return ()
    element = header._element  # python-docx exposes no public element of a header
    return tuple(text for text in (" ".join("".join(t for t in _texts(p)).split())
                                   for p in element.iter(qn("w:p"))) if text)


def _texts(paragraph: Any) -> Iterator[str]:
    runs, _ = _runs(paragraph)
    return (r.text for r in runs)


def read_docx(data: bytes) -> Document:
    """The document model of a DOCX, by its text (see the module's notes).

    Raises:
        DocxReadError: not a Word document, damaged, or without any text.
    """
    try:
        source = docx.Document(BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocxReadError(f"it is not a Word document (DOCX) that can be read ({exc})") from None
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        raise DocxReadError(f"it is a damaged Word document ({exc})") from None
    style_names = {s.style_id: s.name for s in source.styles if s.name}
    blocks = _blocks(_joined(_paragraphs(source.element.body, style_names)))
    if not blocks:
        raise DocxReadError("it holds no text to compare with")
    section = source.sections[0]
    first = section.first_page_header if section.different_first_page_header_footer else section.header
    letterhead = _header_lines(first)
    continuation = tuple(line for line in _header_lines(section.header) if not _PAGE_LINE.match(line))
    props = source.core_properties
    meta = DocumentMeta(title=props.title or "", subject=props.subject or "", company="", author=props.author or "")
    return Document(meta, letterhead, continuation, tuple(blocks))


__all__ = ["DocxReadError", "read_docx"]
