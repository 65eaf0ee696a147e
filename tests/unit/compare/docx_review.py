"""Reading a DOCX body as a reviewer would: the text after accepting or rejecting every tracked change."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W}


def body_xml(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


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


def reviewed_paragraphs(data: bytes, accept: bool) -> list[str]:
    """The body's paragraphs after accepting (or rejecting) every change.

    A paragraph whose mark is removed by the review joins the paragraph after it, as in Word.
    """
    drop = "del" if accept else "ins"
    out: list[str] = []
    carry = ""
    for paragraph in body_xml(data).iter(f"{{{W}}}p"):
        text = carry + _text(paragraph, drop)
        if _mark(paragraph) == drop:
            carry = text
            continue
        carry = ""
        out.append(text)
    if carry:
        out.append(carry)
    return out


def plain_paragraphs(data: bytes) -> list[str]:
    """The body's paragraphs of a DOCX without tracked changes."""
    return reviewed_paragraphs(data, accept=True)


def change_ids(data: bytes) -> list[str]:
    root = body_xml(data)
    return [e.get(f"{{{W}}}id") for e in root.iter(f"{{{W}}}ins", f"{{{W}}}del")]


def change_elements(data: bytes) -> list[etree._Element]:
    return list(body_xml(data).iter(f"{{{W}}}ins", f"{{{W}}}del"))
