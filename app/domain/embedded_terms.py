"""The letter's terms carried inside the DOCX that was sent: a custom XML part (``customXml/itemN.xml``).

An exported DOCX holds the letter file (the ``*.offer.json`` text of its draft, without the versions
marked as sent, which are the firm's own history) and a hash of the letter's text as it was written.
Reopening the DOCX gives back the terms; when the body's text no longer hashes the same, the document
was edited (in Word, say) after OfferDesk wrote it, and the terms may no longer be what it says.

This module is the one home of that format, both ways: the DOCX writer (:mod:`app.documents.docx_writer`)
builds the parts with :func:`terms_item_xml` and :func:`document_text_hash`, and opening a DOCX
(storage, the CLI) reads them back with :func:`read_embedded_terms`. Only the standard library is used,
so reading a DOCX loads neither python-docx nor pydantic.

The text hashed is the body's paragraphs as a reader sees them: the text of each ``w:t`` (inserted text
of a redline included, deleted text not), tabs as tabs, one line per paragraph. Formatting, headers and
properties are not part of it, so Word re-saving the file unchanged keeps the hash.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree as ET

NAMESPACE = "urn:offerdesk:letter-terms:1"
ITEM_TAG = f"{{{NAMESPACE}}}letterTerms"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
HASH_ALGORITHM = "sha256"

ET.register_namespace("od", NAMESPACE)

# A DOCX is a few hundred kilobytes; a custom part this large is not ours.
_MAX_PART_BYTES = 20 * 1024 * 1024


class EmbeddedTermsError(ValueError):
    """The file is not a DOCX, or is a DOCX without OfferDesk's terms in it."""


@dataclass(frozen=True, slots=True)
class EmbeddedTerms:
    """What a DOCX carries.

    Attributes:
        letter_file: the ``*.offer.json`` text stored when the DOCX was written.
        edited: the body's text no longer matches the hash stored with the terms.
    """

    letter_file: str
    edited: bool


def paragraph_texts(body: Any) -> list[str]:
    """The text of each paragraph under ``body`` (a ``w:body``, as ElementTree or lxml element), as read."""
    texts = []
    for paragraph in body.iter(f"{_W}p"):
        pieces = []
        for run in paragraph.iter(f"{_W}r"):  # runs only: a paragraph's tab stops are w:tab too
            for node in run:
                if node.tag == f"{_W}t":
                    pieces.append(node.text or "")
                elif node.tag == f"{_W}tab":
                    pieces.append("\t")
        texts.append("".join(pieces))
    return texts


def body_text_hash(body: Any) -> str:
    """The hash of the text of ``body``'s paragraphs: ``sha256:<hex>``."""
    text = "\n".join(paragraph_texts(body))
    return f"{HASH_ALGORITHM}:{hashlib.sha256(text.encode('utf-8')).hexdigest()}"


def document_text_hash(document_xml: bytes) -> str:
    """The hash of the body text of ``word/document.xml``."""
    try:
        root = ET.fromstring(document_xml)
    except ET.ParseError as exc:
        raise EmbeddedTermsError(f"its main document part is damaged ({exc})") from None
    body = root.find(f"{_W}body")
    return body_text_hash(body if body is not None else root)


def terms_item_xml(letter_file: str, text_hash: str) -> bytes:
    """The custom XML part: the letter file's JSON as text, and the hash of the letter's text."""
    root = ET.Element(ITEM_TAG, {"textHash": text_hash})
    ET.SubElement(root, f"{{{NAMESPACE}}}letterFile").text = letter_file
    data: bytes = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return data


def item_properties_xml(item_id: str) -> bytes:
    """The part's properties (``itemPropsN.xml``): Word keeps a custom part that has them through a save."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
        f'<ds:datastoreItem ds:itemID="{{{item_id}}}" xmlns:ds="{_DS}">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode()


def _terms_item(archive: zipfile.ZipFile) -> ET.Element | None:
    for info in archive.infolist():
        name = info.filename
        if not (name.startswith("customXml/item") and name.endswith(".xml")) or "Props" in name:
            continue
        if info.file_size > _MAX_PART_BYTES:
            continue
        try:
            root = ET.fromstring(archive.read(info))
        except ET.ParseError:
            continue  # another program's damaged part is not ours to judge
        if root.tag == ITEM_TAG:
            return root
    return None


def read_embedded_terms(data: bytes) -> EmbeddedTerms:
    """The terms a DOCX carries, and whether its text was edited since they were stored.

    Raises:
        EmbeddedTermsError: not a DOCX, damaged, or no OfferDesk terms in it; the message says which.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise EmbeddedTermsError("it is not a Word document (DOCX): it is not a ZIP package") from None
    with archive:
        try:
            document_xml = archive.read("word/document.xml")
        except KeyError:
            raise EmbeddedTermsError("it is not a Word document (DOCX): it has no word/document.xml") from None
        except (zipfile.BadZipFile, OSError) as exc:
            raise EmbeddedTermsError(f"it is a damaged Word document ({exc})") from None
        item = _terms_item(archive)
        if item is None:
            raise EmbeddedTermsError(
                "it holds no OfferDesk terms (it was not exported by OfferDesk, or they were removed); "
                "open the letter's .offer.json file instead"
            )
        letter_file = item.findtext(f"{{{NAMESPACE}}}letterFile")
        stored_hash = item.get("textHash", "")
        if not letter_file:
            raise EmbeddedTermsError("its OfferDesk terms are empty; open the letter's .offer.json file instead")
        edited = document_text_hash(document_xml) != stored_hash
    return EmbeddedTerms(letter_file=letter_file, edited=edited)


def edited_message(name: str) -> str:
    """What to tell the user about a DOCX whose text no longer matches the terms stored in it."""
    return (
        f"{name} was edited after OfferDesk wrote it (in Word, say): its text no longer matches the "
        "terms stored in it. These are the terms it was exported with; check the document against them "
        "before relying on them"
    )


def is_docx_name(name: str) -> bool:
    """Whether a file name is a Word document's (``.docx``, any case)."""
    return name.lower().endswith(".docx")


__all__ = [
    "EmbeddedTerms",
    "EmbeddedTermsError",
    "NAMESPACE",
    "body_text_hash",
    "document_text_hash",
    "edited_message",
    "is_docx_name",
    "item_properties_xml",
    "read_embedded_terms",
    "terms_item_xml",
]
