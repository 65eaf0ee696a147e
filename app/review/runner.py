"""Run the review: every drafting check over a letter's paragraphs, and the legal checks over its
terms when the letter is OfferDesk's, into one list of findings in reading order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.review import drafting
from app.review.defined_terms import defined_terms
from app.review.findings import Finding, Location
from app.review.hits import Hit, widen
from app.review.letter_checks import clause_labels, hard_coded_years, headings, names_in, party_names
from app.review.sources import (
    FieldSpan,
    ReviewParagraph,
    docx_paragraphs,
    from_document,
    from_paragraph_texts,
    text_paragraphs,
)

if TYPE_CHECKING:
    from app.documents.model import Document
    from app.domain.legal_rules import LegalIssue
    from app.domain.letter import Letter

TERMS_NOT_PRINTED = "Terms not printed in the letter"
# A letter that says "you" this often speaks to its reader; "he" and "the Executive" are then slips.
_ADDRESSED_TO_YOU = 5


def clear_caches() -> None:
    """Forget every paragraph's checks (the benchmark's cold runs; tests that time nothing need not)."""
    from app.review import defined_terms, letter_checks

    for cached in (drafting.paragraph_hits, drafting.you_count, drafting.shape_of, defined_terms._quotes,
                   defined_terms._paragraph_uses, defined_terms._capitalised, letter_checks._name_hits,
                   letter_checks._year_hits):
        cached.cache_clear()


class ReviewInputError(Exception):
    """The file cannot be reviewed: the message names the file and what to do."""


def _finding(paragraphs: list[ReviewParagraph], index: int, hit: Hit) -> Finding:
    para = paragraphs[index]
    location = Location(para.section, para.number, index, para.field_at(hit.start, hit.end))
    return Finding(hit.rule, hit.severity, hit.message, para.text[hit.start:hit.end].strip(), location)


def review_paragraphs(
    paragraphs: list[ReviewParagraph],
    *,
    names: Iterable[str] = (),
    start_year: int | None = None,
) -> list[Finding]:
    """The drafting findings on ``paragraphs`` (``names``: the parties' names as they should read)."""
    found: list[tuple[int, Hit]] = []
    you = 0
    for index, para in enumerate(paragraphs):
        hits = drafting.paragraph_hits(para.text)
        you += drafting.you_count(para.text)
        found.extend((index, h) for h in hits)
    if you < _ADDRESSED_TO_YOU:
        found = [(i, h) for i, h in found if h.rule != "pronoun"]
    term_hits, defined = defined_terms(paragraphs)
    found.extend((t.paragraph, t.hit) for t in term_hits)
    wanted = list(names) or names_in(paragraphs)
    for letter_hit in (*party_names(paragraphs, wanted), *headings(paragraphs, defined),
                       *clause_labels(paragraphs), *hard_coded_years(paragraphs, start_year)):
        found.append((letter_hit.paragraph, letter_hit.hit))
    found.sort(key=lambda x: (x[0], x[1].start))
    return [_finding(paragraphs, i, h) for i, h in found]


def legal_findings(paragraphs: list[ReviewParagraph], issues: Iterable[LegalIssue]) -> list[Finding]:
    """Legal issues on the terms, each placed at the paragraph that shows its term (or the first
    term below it) with that term's words as the excerpt."""
    out = []
    for issue in issues:
        place = _place_of(paragraphs, issue.path)
        if place is None:
            out.append(Finding(issue.rule, issue.severity, issue.message, "",
                               Location(TERMS_NOT_PRINTED, 0, -1, issue.path or None)))
            continue
        index, span = place
        para = paragraphs[index]
        s, e = widen(para.text, span.start, span.end, 4, 120)
        out.append(Finding(issue.rule, issue.severity, issue.message, para.text[s:e].strip(),
                           Location(para.section, para.number, index, span.path)))
    return out


def _place_of(paragraphs: list[ReviewParagraph], path: str) -> tuple[int, FieldSpan] | None:
    """The words showing the term at ``path``; else those of the first term inside it or of the
    group it belongs to, the nearest group first."""
    spans = [(index, span) for index, para in enumerate(paragraphs) for span in para.fields]
    for index, span in spans:
        if span.path == path:
            return index, span
    while path:
        for index, span in spans:
            if span.path.startswith(path + ".") or path.startswith(span.path + "."):
                return index, span
        path = path.rpartition(".")[0]
    return None


@dataclass(frozen=True, slots=True)
class Review:
    """The paragraphs reviewed and the findings on them (legal findings first)."""

    paragraphs: list[ReviewParagraph]
    findings: list[Finding]


def review_rendered(document: Document, letter: Letter | None = None) -> Review:
    """Review a rendered letter: the drafting checks, and with ``letter`` the legal checks too."""
    paragraphs = from_document(document)
    if letter is None:
        return Review(paragraphs, review_paragraphs(paragraphs))
    from app.domain.legal_rules import legal_issues

    names = [letter.company.name, letter.candidate.full_name]
    drafting_findings = review_paragraphs(paragraphs, names=names, start_year=letter.position.start_date.year)
    return Review(paragraphs, legal_findings(paragraphs, legal_issues(letter)) + drafting_findings)


def review_document(document: Document, letter: Letter | None = None) -> list[Finding]:
    """The findings of :func:`review_rendered`."""
    return review_rendered(document, letter).findings


def review_letter(letter: Letter) -> list[Finding]:
    """Render ``letter`` and review it. Raises :class:`app.documents.engine.RenderError`."""
    from app.documents.engine import render_document

    return review_document(render_document(letter), letter)


def review_text(text: str) -> list[Finding]:
    """Review a letter given as plain text."""
    return review_paragraphs(from_paragraph_texts(text_paragraphs(text)))


def review_file(path: Path) -> list[Finding]:
    """Review a ``.offer.json``, ``.docx`` or ``.txt`` letter. Raises :class:`ReviewInputError`."""
    from app.storage.letters import StorageError, require_regular_file

    name = path.name.lower()
    if name.endswith(".json"):
        return _review_letter_file(path)  # opened as every command opens a letter file
    if not path.exists():
        raise ReviewInputError(f"{path}: no such file")
    if path.is_dir():
        raise ReviewInputError(f"{path}: is a folder; name a .offer.json, .docx or .txt letter")
    try:
        require_regular_file(path)  # a named pipe would hang the read forever
    except StorageError as exc:
        raise ReviewInputError(str(exc)) from None
    except OSError as exc:
        raise ReviewInputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if name.endswith(".docx"):
        try:
            texts = docx_paragraphs(path)
        except Exception as exc:  # python-docx raises several kinds for a file that is not a DOCX
            raise ReviewInputError(f"{path}: cannot be read as a Word document ({type(exc).__name__}); "
                                   "save it from Word as .docx and try again") from None
        paragraphs = from_paragraph_texts(texts)
        letter = _embedded_letter(path)
        if letter is None:
            return review_paragraphs(paragraphs)
        from app.domain.legal_rules import legal_issues

        # A DOCX that OfferDesk exported carries its terms: the legal checks read them, and the
        # findings are placed on the paragraphs of the DOCX as it now reads.
        names = [letter.company.name, letter.candidate.full_name]
        drafting = review_paragraphs(paragraphs, names=names, start_year=letter.position.start_date.year)
        return legal_findings(paragraphs, legal_issues(letter)) + drafting
    if name.endswith(".txt"):
        try:
            return review_text(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            try:
                return review_text(path.read_text(encoding="cp1252"))
            except UnicodeDecodeError:
                raise ReviewInputError(f"{path}: is not a text file (expected UTF-8 text)") from None
        except OSError as exc:
            raise ReviewInputError(f"{path}: cannot be read ({exc.strerror})") from None
    raise ReviewInputError(f"{path}: OfferDesk reviews .offer.json, .docx and .txt letters; this is none of them")


def _review_letter_file(path: Path) -> list[Finding]:
    from app.documents.engine import RenderError
    from app.domain.problems import has_errors
    from app.storage.letters import StorageError, open_letter

    try:
        opened = open_letter(path)  # as the editor and the other commands open a letter
    except StorageError as exc:
        raise ReviewInputError(str(exc)) from None
    letter, problems = opened.letter, opened.problems
    if letter is None or has_errors(problems):
        errors = "; ".join(str(p) for p in problems if p.severity.value == "error")
        raise ReviewInputError(f"{path} has errors, so it cannot be rendered for review: {errors} "
                               f"(run `offerdesk check {path}`)")
    try:
        return review_letter(letter)
    except RenderError as exc:
        raise ReviewInputError(f"{path}: the letter could not be rendered: {exc}") from None


def _embedded_letter(path: Path) -> Letter | None:
    """The valid letter a DOCX carries (see :mod:`app.domain.embedded_terms`), or None."""
    from app.domain.embedded_terms import EmbeddedTermsError, read_embedded_terms
    from app.domain.file_format import FileFormatError, load_letter

    try:
        terms = read_embedded_terms(path.read_bytes())
        _, letter, _ = load_letter(terms.letter_file)
    except (EmbeddedTermsError, FileFormatError, OSError, ValueError):
        return None
    return letter
