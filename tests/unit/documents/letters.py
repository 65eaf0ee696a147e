"""Letters for the document tests: the sample with terms changed, and rendering helpers."""

from __future__ import annotations

import copy
import io
import re
from typing import Any

import docx

from app.documents.docx_writer import docx_bytes
from app.documents.engine import render_document
from app.documents.model import Document, Heading
from app.documents.text import to_text
from app.domain.letter import Letter
from app.domain.sample import SAMPLE_TERMS


def letter_with(**changes: Any) -> Letter:
    """The sample letter with terms replaced: ``letter_with(**{"benefits.merp": False})``."""
    draft = copy.deepcopy(SAMPLE_TERMS)
    for path, value in changes.items():
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        node: Any = draft
        for key in parents:
            node = node[key]
        node[last] = value
    return Letter.model_validate(draft)


def headings(document: Document) -> list[str]:
    return [b.text for b in document.blocks if isinstance(b, Heading)]


def text_of(letter: Letter) -> str:
    return to_text(render_document(letter))


def reopen(letter_or_document: Letter | Document, **kwargs: Any) -> docx.document.Document:
    """Render to DOCX bytes and open them again with python-docx."""
    document = (
        render_document(letter_or_document) if isinstance(letter_or_document, Letter) else letter_or_document
    )
    return docx.Document(io.BytesIO(docx_bytes(document, **kwargs)))


# Marks of sloppy assembly: a space before punctuation, doubled spaces or punctuation, empty brackets,
# a clause list that skips or repeats, a template left-over.
_SLOPPY = re.compile(r" [,.;:)]|\( |  |;;|,,|\.\.|\(\)|; ;|\{\{|\}\}|\{%|%\}|None|Undefined")


def sloppy_spots(text: str) -> list[str]:
    return [text[max(m.start() - 30, 0) : m.end() + 30] for m in _SLOPPY.finditer(text)]
