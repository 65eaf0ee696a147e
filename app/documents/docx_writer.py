"""Write the document model as a signable DOCX (python-docx), styled by a reference document.

The writer opens ``resources/reference.docx`` (built by :mod:`app.documents.build_reference`, restylable
in Word) and names only its ``Offer ...`` styles, so fonts, spacing, margins and the letterhead's look
change without touching code. The body is written as WordprocessingML text in one pass and parsed once,
which keeps an export fast; headers, properties and packaging go through python-docx.

Redlines: a run whose ``change`` is set goes inside ``<w:ins>``/``<w:del>`` (deleted text as
``<w:delText>``); a paragraph or heading whose ``change`` is set also marks its paragraph mark, so Word
shows (and can accept or reject) whole inserted or deleted paragraphs. Pass ``revision`` to name the
author and date of those changes.

This module writes no files: :func:`docx_bytes` returns the bytes and the caller saves them with
:mod:`app.storage.atomic` (documents and storage are sibling layers).
"""

from __future__ import annotations

import copy
import itertools
import re
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from docx.opc.part import Part

# python-docx's own builder of [Content_Types].xml (not exported; python-docx is pinned below 2).
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

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
from app.domain.data_files import RESOURCES_DIR
from app.domain.embedded_terms import NAMESPACE as TERMS_NAMESPACE
from app.domain.embedded_terms import body_text_hash, item_properties_xml, terms_item_xml

DEFAULT_REFERENCE = RESOURCES_DIR / "reference.docx"

_APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_APP_PART = "/docProps/app.xml"


class StyleName(StrEnum):
    """The paragraph styles the writer names; each must exist in the reference document."""

    BODY = "Offer Body"
    PLAIN = "Offer Plain"
    SUBJECT = "Offer Subject"
    HEADING = "Offer Heading"
    CLAUSE = "Offer Clause"
    EXHIBIT_TITLE = "Offer Exhibit Title"
    SUBHEADING = "Offer Subheading"
    SIGNATURE = "Offer Signature"
    LETTERHEAD_NAME = "Offer Letterhead Name"
    LETTERHEAD = "Offer Letterhead"
    HEADER = "Offer Header"


_PARA_STYLES = {
    ParaStyle.BODY: StyleName.BODY,
    ParaStyle.PLAIN: StyleName.PLAIN,
    ParaStyle.SUBJECT: StyleName.SUBJECT,
    ParaStyle.CLAUSE: StyleName.CLAUSE,
    ParaStyle.TITLE: StyleName.EXHIBIT_TITLE,
    ParaStyle.SUBHEADING: StyleName.SUBHEADING,
}
_JC = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "both"}

# Characters XML 1.0 cannot hold: one of them would make Word refuse the whole file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_TWIPS_PER_INCH = 1440
_SIGNATURE_INDENT = 3 * _TWIPS_PER_INCH  # a right-hand signature block starts mid-page
_SIGNING_ROOM = 36 * 20  # points above a signature rule, in twips
_BLOCK_GAP = 24 * 20  # space above a signature block
_HEADER_GAP = 24 * 20  # space between a header and the body


# Parts of the reference that build_docx never touches: serialized once per reference, not per export.
_UNCHANGED_PARTS = frozenset({
    "/word/styles.xml", "/word/settings.xml", "/word/webSettings.xml", "/word/fontTable.xml",
    "/word/theme/theme1.xml", "/word/numbering.xml",
})


class DocxError(Exception):
    """The reference document is missing, unreadable or lacks a style the writer needs."""


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    """Who made the tracked changes of a redline, and when."""

    author: str = "OfferDesk"
    date: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))


@dataclass(frozen=True, slots=True)
class _Reference:
    document: docx.document.Document  # parsed once; each export works on a deep copy
    style_ids: dict[StyleName, str]
    unchanged: dict[str, bytes]  # the serialized parts no export changes, by part name


@lru_cache(maxsize=4)
def _load_reference(path: Path, _mtime_ns: int) -> _Reference:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocxError(f"the reference document {path} cannot be read ({exc.strerror})") from None
    try:
        document = docx.Document(BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        raise DocxError(f"the reference document {path} cannot be opened: {exc}") from None
    ids: dict[StyleName, str] = {}
    names = {style.name: style for style in document.styles}
    for name in StyleName:
        style = names.get(name.value)
        if style is None:
            raise DocxError(
                f"the reference document {path} has no paragraph style {name.value!r}; "
                "add it in Word or rebuild it with `python -m app.documents.build_reference`"
            )
        ids[name] = style.style_id
    unchanged = {str(p.partname): p.blob for p in document.part.package.iter_parts()
                 if str(p.partname) in _UNCHANGED_PARTS}
    return _Reference(document, ids, unchanged)


def _reference(path: Path) -> _Reference:
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise DocxError(f"the reference document {path} cannot be read ({exc.strerror})") from None
    return _load_reference(path, mtime)


def set_app_property(document: docx.document.Document, name: str, value: str) -> None:
    """Set an extended property (``docProps/app.xml``), e.g. ``Company``, which python-docx does not expose."""
    package = document.part.package
    part = next((p for p in package.iter_parts() if p.partname == _APP_PART), None)
    if part is None:
        blob = f'<Properties xmlns="{_APP_NS}"/>'.encode()
        part = Part(PackURI(_APP_PART), CT.OFC_EXTENDED_PROPERTIES, blob, package)
        package.relate_to(part, RT.EXTENDED_PROPERTIES)
    root = etree.fromstring(part.blob)
    element = root.find(f"{{{_APP_NS}}}{name}")
    if element is None:
        element = etree.SubElement(root, f"{{{_APP_NS}}}{name}")
    element.text = value
    # A plain Part keeps its bytes in _blob; python-docx offers no setter for a part it does not model.
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ---------------------------------------------------------------- WordprocessingML text


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def _clean(text: str) -> str:
    return escape(_xml_safe(text))


class _Writer:
    """Turns blocks into ``<w:p>`` markup; numbers tracked changes uniquely."""

    def __init__(self, styles: dict[StyleName, str], revision: RevisionInfo | None) -> None:
        self.styles = styles
        rev = revision or RevisionInfo()
        when = rev.date.astimezone(UTC) if rev.date.tzinfo else rev.date  # a naive date is taken as UTC
        self._change = f' w:author={quoteattr(_xml_safe(rev.author))} w:date="{when:%Y-%m-%dT%H:%M:%SZ}"'
        self._ids = itertools.count(1)

    def _change_attrs(self) -> str:
        return f' w:id="{next(self._ids)}"{self._change}'

    def run(self, run: Run, change: Change | None) -> str:
        props = ("<w:b/>" if run.bold else "") + ("<w:i/>" if run.italic else "")
        props += '<w:u w:val="single"/>' if run.underline else ""
        rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
        tag = "w:delText" if change is Change.DELETED else "w:t"
        pieces = []
        for i, part in enumerate(run.text.split("\t")):
            if i:
                pieces.append("<w:tab/>")
            if part:
                pieces.append(f'<{tag} xml:space="preserve">{_clean(part)}</{tag}>')
        xml = f"<w:r>{rpr}{''.join(pieces)}</w:r>"
        if change is Change.INSERTED:
            return f"<w:ins{self._change_attrs()}>{xml}</w:ins>"
        if change is Change.DELETED:
            return f"<w:del{self._change_attrs()}>{xml}</w:del>"
        return xml

    def runs(self, runs: tuple[Run, ...], change: Change | None) -> str:
        return "".join(self.run(r, r.change or change) for r in runs)

    def paragraph(
        self,
        style: StyleName,
        content: str,
        *,
        align: Align | None = None,
        keep_next: bool | None = None,
        keep_lines: bool = False,
        page_break_before: bool = False,
        rule_below: bool = False,
        space_before: int | None = None,
        space_after: int | None = None,
        indent: tuple[int, int] | None = None,
        change: Change | None = None,
    ) -> str:
        ppr = f'<w:pStyle w:val="{self.styles[style]}"/>'
        if keep_next is not None:
            ppr += "<w:keepNext/>" if keep_next else '<w:keepNext w:val="0"/>'
        if keep_lines:
            ppr += "<w:keepLines/>"
        if page_break_before:
            ppr += "<w:pageBreakBefore/>"
        if rule_below:
            ppr += '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'
        if space_before is not None or space_after is not None:
            before = "" if space_before is None else f' w:before="{space_before}"'
            after = "" if space_after is None else f' w:after="{space_after}"'
            ppr += f"<w:spacing{before}{after}/>"
        if indent is not None:
            ppr += f'<w:ind w:left="{indent[0]}" w:right="{indent[1]}" w:firstLine="0"/>'
        if align is not None:
            ppr += f'<w:jc w:val="{_JC[align]}"/>'
        if change is Change.INSERTED:
            ppr += f"<w:rPr><w:ins{self._change_attrs()}/></w:rPr>"
        elif change is Change.DELETED:
            ppr += f"<w:rPr><w:del{self._change_attrs()}/></w:rPr>"
        return f"<w:p><w:pPr>{ppr}</w:pPr>{content}</w:p>"

    def heading(self, heading: Heading) -> str:
        change = heading.change
        title = f"{heading.title.upper()}:"
        if heading.old_number is not None and heading.old_number != heading.number:
            number = self.run(Run(f"{heading.old_number}.", bold=True), change or Change.DELETED)
            number += self.run(Run(f"{heading.number}.", bold=True), change or Change.INSERTED)
        else:
            number = self.run(Run(f"{heading.number}."), change)
        content = number + self.run(Run(f" {title}"), change)
        return self.paragraph(StyleName.HEADING, content, change=change)

    def body_paragraph(self, para: Paragraph, page_break_before: bool) -> str:
        label = self.run(Run(f"{para.label}\t"), para.change) if para.label else ""
        return self.paragraph(
            _PARA_STYLES[para.style],
            label + self.runs(para.runs, para.change),
            align=para.align,
            keep_next=True if para.keep_with_next else None,
            page_break_before=page_break_before,
            change=para.change,
        )

    def signature(self, block: SignatureBlock, page_break_before: bool) -> Iterator[str]:
        last = len(block.lines) - 1
        for i, line in enumerate(block.lines):
            rule = i == block.signature_line_after
            if block.align is Align.RIGHT:
                indent = (_SIGNATURE_INDENT, 0)
            else:
                indent = (0, _SIGNATURE_INDENT if rule else 0)
            space = _SIGNING_ROOM if rule else (_BLOCK_GAP if i == 0 else None)
            yield self.paragraph(
                StyleName.SIGNATURE,
                self.runs(line.runs, line.change),
                keep_next=i < last,  # never split the block: every line keeps with the next
                keep_lines=True,
                page_break_before=page_break_before and i == 0,
                rule_below=rule,
                space_before=space,
                indent=indent,
                change=line.change,
            )

    def body(self, document: Document) -> str:
        out: list[str] = []
        page_break = False
        for block in document.blocks:
            if isinstance(block, PageBreak):
                page_break = True
                continue
            if isinstance(block, Heading):
                out.append(self.heading(block))
            elif isinstance(block, Paragraph):
                out.append(self.body_paragraph(block, page_break))
            elif isinstance(block, SignatureBlock):
                out.extend(self.signature(block, page_break))
            page_break = False
        if page_break:  # a trailing break: an empty paragraph on a new page
            out.append(self.paragraph(StyleName.PLAIN, "", page_break_before=True))
        return "".join(out)


_PAGE_FIELD = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    "<w:r><w:t>2</w:t></w:r>"
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
)


def _parse(xml: str) -> list[etree._Element]:
    """Parse a run of ``<w:p>`` elements written by :class:`_Writer`."""
    return list(parse_xml(f'<w:body {nsdecls("w")}>{xml}</w:body>'))


def _lines(lines: tuple[str, ...]) -> tuple[Paragraph, ...]:
    return tuple(Paragraph((Run(line),)) for line in lines)


def _fill_header(hdr: etree._Element, paragraphs: list[str]) -> None:
    """Replace the header's empty paragraphs with ours; keep anything the reference put there (a logo)."""
    for p in hdr.findall(qn("w:p")):
        if not "".join(p.itertext()).strip() and p.find(f".//{qn('w:drawing')}") is None:
            hdr.remove(p)
    for element in _parse("".join(paragraphs)):
        hdr.append(element)


def attach_terms(out: docx.document.Document, letter_file: str) -> None:
    """Store the letter file's text in a custom XML part, with the hash of the body's text as written.

    The format is :mod:`app.domain.embedded_terms`'s; call this once the body is complete.
    """
    text_hash = body_text_hash(out.element.body)
    package = out.part.package
    taken = {str(p.partname) for p in package.iter_parts()}
    number = next(n for n in itertools.count(1) if f"/customXml/item{n}.xml" not in taken)
    item = Part(
        PackURI(f"/customXml/item{number}.xml"), "application/xml", terms_item_xml(letter_file, text_hash), package
    )
    item_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{TERMS_NAMESPACE}#{text_hash}")).upper()
    props = Part(
        PackURI(f"/customXml/itemProps{number}.xml"), CT.OFC_CUSTOM_XML_PROPERTIES, item_properties_xml(item_id),
        package,
    )
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    out.part.relate_to(item, RT.CUSTOM_XML)


def build_docx(
    document: Document,
    *,
    reference: Path = DEFAULT_REFERENCE,
    revision: RevisionInfo | None = None,
    terms: str | None = None,
) -> docx.document.Document:
    """The letter as a python-docx document, styled by ``reference``. Raises :class:`DocxError`.

    ``terms``: the letter file's text (:func:`app.domain.file_format.dumps`) to carry inside the DOCX,
    so that the file sent can be reopened as the letter (see :mod:`app.domain.embedded_terms`).
    """
    ref = _reference(Path(reference))
    # A deep copy of the parsed reference costs half of parsing it again (a batch makes thousands).
    out = copy.deepcopy(ref.document)
    writer = _Writer(ref.style_ids, revision)

    body = out.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    sect_pr = body.find(qn("w:sectPr"))
    for child in _parse(writer.body(document)):
        if sect_pr is not None:
            sect_pr.addprevious(child)
        else:
            body.append(child)

    section = out.sections[0]
    section.different_first_page_header_footer = True
    # A redline's header lines carry their tracked changes; a plain letter's are plain lines.
    letterhead_lines = document.letterhead_changes or _lines(document.letterhead)
    last = len(letterhead_lines) - 1
    letterhead = [
        writer.paragraph(
            StyleName.LETTERHEAD_NAME if i == 0 else StyleName.LETTERHEAD,
            writer.runs(line.runs, None),
            rule_below=i == last,
            space_after=_HEADER_GAP if i == last else None,
            change=line.change,
        )
        for i, line in enumerate(letterhead_lines)
    ]
    _fill_header(section.first_page_header.part.element, letterhead)
    continuation = [
        writer.paragraph(StyleName.HEADER, writer.runs(line.runs, None), change=line.change)
        for line in document.continuation_changes or _lines(document.continuation)
    ]
    page = writer.run(Run("Page "), None) + _PAGE_FIELD
    continuation.append(writer.paragraph(StyleName.HEADER, page, space_after=_HEADER_GAP))
    _fill_header(section.header.part.element, continuation)

    props = out.core_properties
    meta = document.meta
    props.title = _xml_safe(meta.title)
    props.subject = _xml_safe(meta.subject)
    props.author = props.last_modified_by = _xml_safe(meta.author)
    props.category = "Offer letter"
    props.keywords = f"offer letter; {_xml_safe(meta.company)}"
    props.comments = ""
    props.revision = 1
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
    set_app_property(out, "Company", _xml_safe(meta.company))
    if terms is not None:
        attach_terms(out, terms)
    return out


def docx_bytes(
    document: Document,
    *,
    reference: Path = DEFAULT_REFERENCE,
    revision: RevisionInfo | None = None,
    terms: str | None = None,
) -> bytes:
    """The letter as DOCX bytes; save them with ``app.storage.atomic.atomic_write_bytes``."""
    out = build_docx(document, reference=reference, revision=revision, terms=terms)
    return _package_bytes(out, _reference(Path(reference)).unchanged)


def _package_bytes(out: docx.document.Document, unchanged: dict[str, bytes]) -> bytes:
    """The package as python-docx's save() writes it, faster: the parts no export changes are not
    serialized again, and the ZIP is deflated at level 1 (a letter is ~40 KB instead of ~32 KB; the
    save takes ~1.6 ms instead of ~4.5, which a batch of a thousand letters feels)."""
    package = out.part.package
    parts = list(package.iter_parts())
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr(CONTENT_TYPES_URI.membername, _ContentTypesItem.from_parts(parts).blob)
        archive.writestr(PACKAGE_URI.rels_uri.membername, package.rels.xml)
        for part in parts:
            name = str(part.partname)
            archive.writestr(part.partname.membername, unchanged.get(name) or part.blob)
            if len(part.rels):
                archive.writestr(part.partname.rels_uri.membername, part.rels.xml)
    return buffer.getvalue()


__all__ = ["DEFAULT_REFERENCE", "DocxError", "RevisionInfo", "StyleName", "attach_terms", "build_docx", "docx_bytes"]
