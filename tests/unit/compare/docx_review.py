"""Reading a DOCX as a reviewer would: the text of its body and headers after accepting or rejecting
every tracked change."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS = {"w": W}
BODY = "word/document.xml"


def body_xml(data: bytes, part: str = BODY) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(part))


def header_parts(data: bytes) -> dict[str, str]:
    """The header part of each header type of the first section: ``{"first": "word/header2.xml", ...}``."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
    targets = {rel.get("Id"): "word/" + rel.get("Target", "") for rel in rels}
    return {
        ref.get(f"{{{W}}}type", ""): targets[ref.get(f"{{{R}}}id")]
        for ref in body_xml(data).iter(f"{{{W}}}headerReference")
    }


def _mark(paragraph: etree._Element) -> str | None:
    """``ins`` or ``del`` when the paragraph's mark itself is a tracked change."""
    for kind in ("ins", "del"):
        if paragraph.find(f"w:pPr/w:rPr/w:{kind}", _NS) is not None:
            return kind
    return None


def _text(paragraph: etree._Element, drop: str) -> str:
    """The paragraph's text with the ``drop`` changes (``ins`` or ``del``) left out."""
    out = []
    for node in paragraph.iter(f"{{{W}}}t", f"{{{W}}}delText", f"{{{W}}}tab"):
        if any(a.tag == f"{{{W}}}{drop}" for a in node.iterancestors()):
            continue
        out.append("\t" if node.tag == f"{{{W}}}tab" else (node.text or ""))
    return "".join(out)


def reviewed_paragraphs(data: bytes, accept: bool, part: str = BODY) -> list[str]:
    """The paragraphs of the body (or of another ``part``) after accepting (or rejecting) every change.

    A paragraph whose mark is removed by the review joins the paragraph after it, as in Word.
    """
    drop = "del" if accept else "ins"
    out: list[str] = []
    carry = ""
    for paragraph in body_xml(data, part).iter(f"{{{W}}}p"):
        text = carry + _text(paragraph, drop)
        if _mark(paragraph) == drop:
            carry = text
            continue
        carry = ""
        out.append(text)
    if carry:
        out.append(carry)
    return out


def plain_paragraphs(data: bytes, part: str = BODY) -> list[str]:
    """The paragraphs of a DOCX without tracked changes (its body, or another ``part``)."""
    return reviewed_paragraphs(data, accept=True, part=part)


def change_elements(data: bytes) -> list[etree._Element]:
    """Every ``w:ins`` and ``w:del`` of the body and the headers."""
    parts = [BODY, *sorted(set(header_parts(data).values()))]
    return [e for part in parts for e in body_xml(data, part).iter(f"{{{W}}}ins", f"{{{W}}}del")]


def change_ids(data: bytes) -> list[str]:
    return [e.get(f"{{{W}}}id") for e in change_elements(data)]
