"""Parse the templates' markup into the document model.

The templates write a small XML vocabulary (values are XML-escaped by Jinja's autoescape, so a
name such as ``AT&T <West>`` cannot break it)::

    <document title=".." subject=".." company=".." author="..">
      <letterhead><line>..</line></letterhead>
      <continuation><line>..</line></continuation>
      <body>
        <p style="body|plain|subject|clause|title|subheading" align=".." keep="1" label="(a)" anchor="key"
           clause="id">..</p>
        <section key="position" title="Position and Duties"> <p>..</p> </section>
        <pagebreak/>
        <signature align="left|right" rule="N"><line>..</line></signature>
      </body>
    </document>

Inline: ``<b>``, ``<i>``, ``<u>``, ``<term path="a.b">..</term>`` (text showing a letter term) and
``<ref to="key"/>`` (becomes "Section N" for the section with that key, numbered after optional
sections are left out). A paragraph is a clause: its id is its ``clause`` attribute or, without one,
``KEY.N``, the Nth paragraph of the section (or of the unnumbered part named by the last ``anchor``)
as the template writes it; an id met again (a paragraph in a loop) gets ``~2``, ``~3``. Whitespace inside a paragraph collapses to single spaces, so templates can
wrap their prose freely.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from typing import Any

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
    Section,
    SignatureBlock,
)


class MarkupError(ValueError):
    """The rendered markup is not well formed (a template bug)."""


# A run's formatting: (bold, italic, underline, field).
_Fmt = tuple[bool, bool, bool, str | None]
_PLAIN: _Fmt = (False, False, False, None)


def runs(elem: ET.Element, numbers: dict[str, int]) -> tuple[Run, ...]:
    if len(elem) == 0:  # the common case: text only
        text = (elem.text or "").strip()
        return (Run(text),) if text else ()
    pieces: list[tuple[str, _Fmt]] = []

    def walk(node: ET.Element, fmt: _Fmt) -> None:
        if node.text:
            pieces.append((node.text, fmt))
        for child in node:
            tag = child.tag
            bold, italic, underline, field = fmt
            if tag == "b":
                walk(child, (True, italic, underline, field))
            elif tag == "i":
                walk(child, (bold, True, underline, field))
            elif tag == "u":
                walk(child, (bold, italic, True, field))
            elif tag == "term":
                walk(child, (bold, italic, underline, child.get("path")))
            elif tag == "ref":
                key = child.get("to", "")
                if key not in numbers:
                    raise MarkupError(f"<ref to={key!r}> names no section in this letter")
                pieces.append((f"Section {numbers[key]}", fmt))
            else:
                raise MarkupError(f"<{tag}> is not allowed inside a paragraph")
            if child.tail:
                pieces.append((child.tail, fmt))

    walk(elem, _PLAIN)
    # Merge neighbours of one formatting (collapsing spaces across tags), then trim the paragraph's outer whitespace, dropping runs
    # that become empty.
    merged: list[list[Any]] = []
    for text, fmt in pieces:
        if text[0] == " " and merged and merged[-1][0][-1:] == " ":
            text = text[1:]  # one space across a tag boundary, as within a piece
            if not text:
                continue
        if merged and merged[-1][1] == fmt:
            merged[-1][0] += text
        else:
            merged.append([text, fmt])
    while merged and not merged[0][0].strip():
        merged.pop(0)
    while merged and not merged[-1][0].strip():
        merged.pop()
    if merged:
        merged[0][0] = merged[0][0].lstrip()
        merged[-1][0] = merged[-1][0].rstrip()
    return tuple(Run(text, *fmt) for text, fmt in merged)


def _paragraph(elem: ET.Element, numbers: dict[str, int]) -> Paragraph:
    try:
        style = ParaStyle(elem.get("style", "body"))
        align_name = elem.get("align")
        align = Align(align_name) if align_name else None
    except ValueError as exc:
        raise MarkupError(str(exc)) from None
    return Paragraph(
        runs(elem, numbers),
        style=style,
        align=align,
        keep_with_next=elem.get("keep") == "1",
        label=elem.get("label"),
        anchor=elem.get("anchor"),
    )


class _ClauseIds:
    """Gives each paragraph its clause id, in document order."""

    def __init__(self) -> None:
        self.region = "parties"
        self.counts: dict[str, int] = {}
        self.used: dict[str, int] = {}

    def next(self, elem: ET.Element, section: str | None) -> str:
        if elem.get("anchor") and section is None:
            self.region = elem.get("anchor", "")
        clause = elem.get("clause")
        if not clause:
            region = section or self.region
            self.counts[region] = self.counts.get(region, 0) + 1
            clause = f"{region}.{self.counts[region]}"
        seen = self.used.get(clause, 0) + 1
        self.used[clause] = seen
        return clause if seen == 1 else f"{clause}~{seen}"


def _lines(elem: ET.Element | None) -> tuple[str, ...]:
    if elem is None:
        return ()
    return tuple("".join(line.itertext()).strip() for line in elem.findall("line"))


_XML_SPACE = str.maketrans("\t\r\n", "   ")


def _collapse_space(markup: str) -> str:
    """Runs of XML whitespace (space, tab, CR, LF) -> one space; other spaces a user typed (no-break,
    ideographic ...) are text and stay."""
    text = markup.translate(_XML_SPACE)
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _not_well_formed(markup: str) -> MarkupError:
    """The error for markup that does not parse, with the line of the markup as rendered."""
    try:
        ET.fromstring(markup)
    except ET.ParseError as exc:
        line = exc.position[0]
        context = markup.splitlines()[line - 1].strip() if line else ""
        return MarkupError(f"rendered markup is not well formed at line {line}: {exc} ({context[:80]!r})")
    return MarkupError("rendered markup is not well formed")


def parse(markup: str) -> Document:
    """Parse rendered markup into a :class:`Document`. Raises :class:`MarkupError`."""
    try:
        # Collapse whitespace once for the whole markup (templates wrap prose freely): done per text
        # piece it was most of the parse, which runs on every keystroke of the live preview.
        root = ET.fromstring(_collapse_space(markup))
    except ET.ParseError:
        raise _not_well_formed(markup) from None
    body = root.find("body")
    if root.tag != "document" or body is None:
        raise MarkupError("rendered markup must be a <document> with a <body>")

    numbers: dict[str, int] = {}
    for sec in body.iter("section"):
        numbers[sec.get("key", "")] = len(numbers) + 1

    blocks: list[Block] = []
    sections: list[Section] = []
    ids = _ClauseIds()

    def emit(node: ET.Element, section: str | None = None) -> None:
        tag = node.tag
        if tag == "p":
            para = _paragraph(node, numbers)
            if para.runs:
                blocks.append(replace(para, clause=ids.next(node, section)))
        elif tag == "pagebreak":
            blocks.append(PageBreak())
        elif tag == "signature":
            rule = int(node.get("rule", "-1"))
            lines = tuple(
                Paragraph(runs(line, numbers), style=ParaStyle.PLAIN) for line in node.findall("line")
            )
            blocks.append(SignatureBlock(lines, Align(node.get("align", "left")), rule))
        elif tag == "section":
            key = node.get("key", "")
            title = node.get("title", "")
            start = len(blocks)
            blocks.append(Heading(key, numbers[key], title))
            for child in node:
                emit(child, key)
            sections.append(Section(key, numbers[key], title, start, len(blocks)))
        else:
            raise MarkupError(f"<{tag}> is not allowed in the body")

    for child in body:
        emit(child)

    meta = DocumentMeta(
        title=root.get("title", ""),
        subject=root.get("subject", ""),
        company=root.get("company", ""),
        author=root.get("author", ""),
    )
    return Document(meta, _lines(root.find("letterhead")), _lines(root.find("continuation")), tuple(blocks), tuple(sections))
