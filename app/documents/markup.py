"""Parse the templates' markup into the document model.

The templates write a small XML vocabulary (values are XML-escaped by Jinja's autoescape, so a
name such as ``AT&T <West>`` cannot break it)::

    <document title=".." subject=".." company=".." author="..">
      <letterhead><line>..</line></letterhead>
      <continuation><line>..</line></continuation>
      <body>
        <p style="body|plain|subject|clause|title|subheading" align=".." keep="1" label="(a)">..</p>
        <section key="position" title="Position and Duties"> <p>..</p> </section>
        <pagebreak/>
        <signature align="left|right" rule="N"><line>..</line></signature>
      </body>
    </document>

Inline: ``<b>``, ``<i>``, ``<u>``, ``<term path="a.b">..</term>`` (text showing a letter term) and
``<ref to="key"/>`` (becomes "Section N" for the section with that key, numbered after optional
sections are left out). Whitespace inside a paragraph collapses to single spaces, so templates can
wrap their prose freely.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

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

_SPACE = re.compile(r"\s+")


class MarkupError(ValueError):
    """The rendered markup is not well formed (a template bug)."""


@dataclass(frozen=True, slots=True)
class _Fmt:
    bold: bool = False
    italic: bool = False
    underline: bool = False
    field: str | None = None


def _runs(elem: ET.Element, numbers: dict[str, int]) -> tuple[Run, ...]:
    out: list[Run] = []

    def add(text: str | None, fmt: _Fmt) -> None:
        if not text:
            return
        text = _SPACE.sub(" ", text)
        if out and (out[-1].bold, out[-1].italic, out[-1].underline, out[-1].field) == (
            fmt.bold,
            fmt.italic,
            fmt.underline,
            fmt.field,
        ):
            out[-1] = Run(out[-1].text + text, fmt.bold, fmt.italic, fmt.underline, fmt.field)
        else:
            out.append(Run(text, fmt.bold, fmt.italic, fmt.underline, fmt.field))

    def walk(node: ET.Element, fmt: _Fmt) -> None:
        add(node.text, fmt)
        for child in node:
            tag = child.tag
            if tag == "b":
                walk(child, _Fmt(True, fmt.italic, fmt.underline, fmt.field))
            elif tag == "i":
                walk(child, _Fmt(fmt.bold, True, fmt.underline, fmt.field))
            elif tag == "u":
                walk(child, _Fmt(fmt.bold, fmt.italic, True, fmt.field))
            elif tag == "term":
                walk(child, _Fmt(fmt.bold, fmt.italic, fmt.underline, child.get("path")))
            elif tag == "ref":
                key = child.get("to", "")
                if key not in numbers:
                    raise MarkupError(f"<ref to={key!r}> names no section in this letter")
                add(f"Section {numbers[key]}", fmt)
            else:
                raise MarkupError(f"<{tag}> is not allowed inside a paragraph")
            add(child.tail, fmt)

    walk(elem, _Fmt())
    # Trim the paragraph's outer whitespace, dropping runs that become empty.
    runs = list(out)
    while runs and not runs[0].text.strip():
        runs.pop(0)
    while runs and not runs[-1].text.strip():
        runs.pop()
    if runs:
        first, last = runs[0], runs[-1]
        runs[0] = Run(first.text.lstrip(), first.bold, first.italic, first.underline, first.field)
        last = runs[-1]
        runs[-1] = Run(last.text.rstrip(), last.bold, last.italic, last.underline, last.field)
    return tuple(runs)


def _paragraph(elem: ET.Element, numbers: dict[str, int]) -> Paragraph:
    try:
        style = ParaStyle(elem.get("style", "body"))
        align = Align(elem.get("align")) if elem.get("align") else None
    except ValueError as exc:
        raise MarkupError(str(exc)) from None
    return Paragraph(
        _runs(elem, numbers),
        style=style,
        align=align,
        keep_with_next=elem.get("keep") == "1",
        label=elem.get("label"),
    )


def _lines(elem: ET.Element | None) -> tuple[str, ...]:
    if elem is None:
        return ()
    return tuple(_SPACE.sub(" ", "".join(line.itertext())).strip() for line in elem.findall("line"))


def parse(markup: str) -> Document:
    """Parse rendered markup into a :class:`Document`. Raises :class:`MarkupError`."""
    try:
        root = ET.fromstring(markup)
    except ET.ParseError as exc:
        line = exc.position[0]
        context = markup.splitlines()[line - 1].strip() if line else ""
        raise MarkupError(f"rendered markup is not well formed at line {line}: {exc} ({context[:80]!r})") from None
    body = root.find("body")
    if root.tag != "document" or body is None:
        raise MarkupError("rendered markup must be a <document> with a <body>")

    numbers: dict[str, int] = {}
    for sec in body.iter("section"):
        numbers[sec.get("key", "")] = len(numbers) + 1

    blocks: list[Block] = []
    sections: list[Section] = []

    def emit(node: ET.Element) -> None:
        tag = node.tag
        if tag == "p":
            para = _paragraph(node, numbers)
            if para.runs:
                blocks.append(para)
        elif tag == "pagebreak":
            blocks.append(PageBreak())
        elif tag == "signature":
            rule = int(node.get("rule", "-1"))
            lines = tuple(
                Paragraph(_runs(line, numbers), style=ParaStyle.PLAIN) for line in node.findall("line")
            )
            blocks.append(SignatureBlock(lines, Align(node.get("align", "left")), rule))
        elif tag == "section":
            key = node.get("key", "")
            title = node.get("title", "")
            start = len(blocks)
            blocks.append(Heading(key, numbers[key], title))
            for child in node:
                emit(child)
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
