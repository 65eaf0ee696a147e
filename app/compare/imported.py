"""A Word document made elsewhere (or returned marked up) as the baseline of a comparison.

A DOCX that OfferDesk exported carries the letter's terms (:mod:`app.domain.embedded_terms`); when
they are there and the text is as exported, the baseline is those terms, compared term by term.
Otherwise the baseline is the document's text (:func:`app.documents.docx_reader.read_docx`): the
redline compares words, and, when the DOCX still carries the terms it was exported with, the Terms
and Figures lists compare those.

A document read by its text does not know the letter's section keys or paragraph styles, so
:func:`conformed` lends it the current letter's where the two agree (a heading with the same title,
a paragraph aligned with one of the same words), so that unchanged text compares equal and changed
paragraphs compare word by word.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace

from app.documents.docx_reader import DocxReadError, read_docx
from app.documents.model import Block, Document, Heading, PageBreak, Paragraph
from app.domain.embedded_terms import EmbeddedTermsError, read_embedded_terms
from app.domain.file_format import FileFormatError, load_letter
from app.domain.letter import Letter

# A baseline paragraph takes the style of the current one it is aligned with above this similarity.
_SAME_PARAGRAPH = 0.5


class BaselineError(ValueError):
    """The DOCX cannot be a baseline; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class DocxBaseline:
    """What a DOCX gives a comparison.

    Attributes:
        letter: the terms it carries (``None``: none, or they do not validate).
        document: its text as a document (``None``: compare the terms' own rendering; the DOCX carries
            terms and its text is as OfferDesk wrote it).
        edited: it carries terms, but its text was changed after OfferDesk wrote it.
    """

    letter: Letter | None
    document: Document | None
    edited: bool = False

    @property
    def by_text(self) -> bool:
        return self.document is not None

    def describe(self, name: str) -> str:
        """How the baseline was read, for the label above the comparison."""
        if not self.by_text:
            return f"{name} (the terms it carries)"
        if self.letter is not None:
            return f"{name} (its text as edited; the terms it was exported with)"
        return f"{name} (by its text)"


def docx_baseline(data: bytes) -> DocxBaseline:
    """The baseline a DOCX gives: its terms when it carries them unedited, else its text.

    Raises:
        BaselineError: the file is not a Word document, or holds no text.
    """
    letter: Letter | None = None
    edited = False
    try:
        embedded = read_embedded_terms(data)
    except EmbeddedTermsError:
        embedded = None
    if embedded is not None:
        try:
            _, letter, _ = load_letter(embedded.letter_file)
        except FileFormatError:
            letter = None
        edited = embedded.edited
        if letter is not None and not edited:
            return DocxBaseline(letter, None)
    try:
        document = read_docx(data)
    except DocxReadError as exc:
        raise BaselineError(str(exc)) from None
    return DocxBaseline(letter, document, edited)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _block_text(block: Block) -> str:
    if isinstance(block, PageBreak):
        return "\f"
    if isinstance(block, Heading):
        return _norm(f"{block.number}. {block.title}")
    if isinstance(block, Paragraph):
        return _norm(f"{block.label or ''} {block.text}")
    return _norm(block.text)


def conformed(baseline: Document, current: Document) -> Document:
    """``baseline`` (read by its text) with the current letter's section keys, heading titles and
    paragraph styles where the two agree; the words themselves are never changed."""
    titles = {_norm(h.title): h for h in current.blocks if isinstance(h, Heading)}
    old = list(baseline.blocks)
    for i, block in enumerate(old):
        if isinstance(block, Heading):
            match = titles.get(_norm(block.title))
            if match is not None:
                old[i] = replace(block, key=match.key, title=match.title)
    old_texts = [_block_text(b) for b in old]
    new_texts = [_block_text(b) for b in current.blocks]
    matcher = difflib.SequenceMatcher(None, old_texts, new_texts, False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag not in ("equal", "replace"):
            continue
        for k in range(min(i2 - i1, j2 - j1)):
            i, j = i1 + k, j1 + k
            mine, theirs = old[i], current.blocks[j]
            if not (isinstance(mine, Paragraph) and isinstance(theirs, Paragraph)):
                continue
            if tag == "replace" and difflib.SequenceMatcher(
                None, old_texts[i].split(), new_texts[j].split(), False
            ).ratio() < _SAME_PARAGRAPH:
                continue
            old[i] = replace(mine, style=theirs.style, align=theirs.align)
    marks = set(current.page_marks)
    return replace(
        baseline,
        blocks=tuple(old),
        # A DOCX's legend and document ID are header lines to it; they are not the letterhead's.
        letterhead=tuple(line for line in baseline.letterhead if line not in marks),
        continuation=tuple(line for line in baseline.continuation if line not in marks),
    )


__all__ = ["DocxBaseline", "BaselineError", "conformed", "docx_baseline"]
