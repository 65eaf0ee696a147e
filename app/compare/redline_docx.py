"""The redline as a DOCX with tracked changes (``w:ins``/``w:del``) Word and LibreOffice can review.

The documents layer's DOCX writer does the writing; this module only builds the redline document and
hands it the revision's author and date, so the redline has exactly the formatting of a normal export.
"""

from __future__ import annotations

from datetime import datetime

from app.compare.text import Redline, redline
from app.documents.docx_writer import RevisionInfo, docx_bytes
from app.documents.model import Document


def redline_docx_bytes(
    old: Document, new: Document, author: str, when: datetime, terms: str | None = None
) -> bytes:
    """A DOCX of ``new`` with the differences from ``old`` as tracked changes by ``author`` at ``when``.

    ``terms``: the new letter's file text, carried inside the DOCX (see ``docx_writer.attach_terms``).
    """
    return redline_docx_of(redline(old, new), author, when, terms)


def redline_docx_of(compared: Redline, author: str, when: datetime, terms: str | None = None) -> bytes:
    """The DOCX of an already computed redline."""
    return docx_bytes(compared.document, revision=RevisionInfo(author, when), terms=terms)


__all__ = ["redline_docx_bytes", "redline_docx_of"]
