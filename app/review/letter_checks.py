"""Drafting checks that need the whole letter: the parties' names, the headings, the labels of
consecutive clauses, and years written into the text that should follow the start date."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from app.domain.problems import Severity
from app.review.drafting import shape_of
from app.review.hits import Hit, widen
from app.review.sources import Kind, ReviewParagraph


@dataclass(frozen=True, slots=True)
class LetterHit:
    paragraph: int  # index into the paragraphs
    hit: Hit


# ---------------------------------------------------------------- party names

_COMPANY = re.compile(r"^([A-Z][\w&.'-]*(?:,? [A-Z&][\w&.'-]*){0,5}), an? [A-Z][a-z]+ [a-z ]*?(?:corporation|company|partnership)")
_SALUTED = re.compile(r"^(?:Mr|Ms|Mrs|Mx|Dr)\.? ((?:[A-Z][\w'.-]*)(?: [A-Z][\w'.-]*){1,3})")
_WORD = re.compile(r"[A-Za-z][A-Za-z'&-]*")


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of two short words, stopping early past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def party_names(paragraphs: list[ReviewParagraph], names: list[str]) -> list[LetterHit]:
    """A party's name spelled differently next to the rest of it (``MIM CORPORATON``)."""
    return [LetterHit(index, hit) for name in names for index, para in enumerate(paragraphs)
            for hit in _name_hits(para.text, name)]


@lru_cache(maxsize=4096)
def _name_hits(text: str, name: str) -> tuple[Hit, ...]:
    parts = [w.lower() for w in _WORD.findall(name)]
    if len(parts) < 2:
        return ()
    lower = text.lower()
    hits = []
    for k, part in enumerate(parts):
        if len(part) < 3:
            continue
        at = lower.find(part)
        while at >= 0:
            end = at + len(part)
            if (at == 0 or not lower[at - 1].isalpha()) and (end == len(lower) or not lower[end].isalpha()):
                for kk, word in ((k + 1, _WORD.match(lower, end + 1)), (k - 1, _word_before(lower, at))):
                    if word is None or not 0 <= kk < len(parts):
                        continue
                    other, expected = word.group(0).removesuffix("'s"), parts[kk]
                    limit = 1 if len(expected) < 6 else 2
                    if other != expected and len(expected) >= 4 and _distance(other, expected, limit) <= limit:
                        shown = text[word.start():word.end()]
                        s, e = widen(text, min(at, word.start()), max(end, word.end()), 1)
                        hits.append(Hit(
                            "party-name", Severity.ERROR,
                            f"\"{shown}\" misspells the party's name \"{name}\": write it as in the rest "
                            "of the letter.", s, e))
            at = lower.find(part, at + 1)
    return tuple(hits)


_LAST_WORD = re.compile(r"[A-Za-z][A-Za-z'&-]*(?= $)")


def _word_before(text: str, at: int) -> re.Match[str] | None:
    return _LAST_WORD.search(text, max(0, at - 40), at)


def names_in(paragraphs: list[ReviewParagraph]) -> list[str]:
    """The company's and the addressee's names, as an imported letter states them."""
    names: list[str] = []
    for para in paragraphs[:12]:
        company = _COMPANY.match(para.text) if "(the \"Company\")" in para.text else None
        if company:
            names.append(company.group(1).rstrip(","))
        # "Mr. James S. Lusk 42 Colts Glen Lane ...": the pattern stops at the address's number.
        person = _SALUTED.match(para.text)
        if person and not any(person.group(1) in n for n in names):
            names.append(person.group(1))
    return names


# ---------------------------------------------------------------- headings

def headings(paragraphs: list[ReviewParagraph], defined: set[str]) -> list[LetterHit]:
    """Numbered headings: numbers in sequence, one style (capitals, a closing colon), and a
    defined term run into the topic before it ("SEVERANCE CHANGE OF CONTROL")."""
    found = [(i, p) for i, p in enumerate(paragraphs) if p.kind is Kind.HEADING]
    hits: list[LetterHit] = []
    if not found:
        return hits
    upper = Counter(p.text.isupper() for _, p in found)
    colon = Counter(p.text.endswith(":") for _, p in found)
    usual_upper = upper[True] >= upper[False]
    usual_colon = colon[True] >= colon[False]
    expected = 1
    lowered_terms = sorted((t.lower() for t in defined if " " in t), key=len, reverse=True)
    for index, para in found:
        text = para.text
        number = int(text.split(".", 1)[0])
        if number != expected:
            hits.append(LetterHit(index, Hit(
                "heading", Severity.ERROR,
                f"Section {number} follows section {expected - 1}: number it {expected}.", 0, len(text))))
        expected = number + 1
        unusual = []
        if text.isupper() != usual_upper and len(found) >= 3:
            unusual.append("in capitals" if usual_upper else "not in capitals")
        if text.endswith(":") != usual_colon and len(found) >= 3:
            unusual.append("ending with a colon" if usual_colon else "without the colon")
        if unusual:
            hits.append(LetterHit(index, Hit(
                "heading", Severity.WARNING,
                f"This heading breaks the style of the others: write it {' and '.join(unusual)}.", 0, len(text))))
        title = text.split(".", 1)[1].strip().rstrip(":")
        for part in title.split(";"):
            topic = " ".join(part.lower().split())
            for term in lowered_terms:
                if topic.endswith(term) and topic != term:
                    at = text.lower().rfind(term)
                    hits.append(LetterHit(index, Hit(
                        "heading", Severity.ERROR,
                        f"\"{text[at:at + len(term)]}\" runs into the topic before it: separate the topics with "
                        "a semicolon.", 0, len(text))))
                    break
    return hits


# ---------------------------------------------------------------- clause labels across paragraphs

_LEADING = re.compile(r"\(([a-z]|[ivx]{1,5}|\d{1,2})\) ")


def clause_labels(paragraphs: list[ReviewParagraph]) -> list[LetterHit]:
    """Labelled clauses (a), (b) ... in consecutive paragraphs of a section: in sequence from (a)."""
    from app.review.numbers import roman_value

    hits: list[LetterHit] = []
    last: tuple[str, int] | None = None  # (section, position)
    for index, para in enumerate(paragraphs):
        m = _LEADING.match(para.text)
        if m is None:
            if para.kind is Kind.HEADING:
                last = None
            continue
        token = m.group(1)
        value = int(token) if token.isdigit() else (ord(token) - 96 if len(token) == 1 else roman_value(token) or 0)
        previous = last[1] if last and last[0] == para.section else 0
        if value != 1 and value != previous + 1:
            hits.append(LetterHit(index, Hit(
                "enumeration", Severity.ERROR,
                f"Clause ({token}) does not follow the clause before it: label the clauses in order from the first.",
                0, min(len(para.text), 60))))
        last = (para.section, value)
    return hits


# ---------------------------------------------------------------- years

_YEAR_PHRASE = re.compile(r"\b(?:calendar|fiscal|plan|performance|bonus) year (\d{4})\b|\b(?:during|for|in) (\d{4})\b(?! \w+ Act)")


def hard_coded_years(paragraphs: list[ReviewParagraph], start_year: int | None) -> list[LetterHit]:
    """A year written into the text where the letter means "the year you start".

    In an OfferDesk letter the year must be the start date's field, not fixed text; in an imported
    letter (no fields) a year earlier than the letter's own date is stale."""
    hits: list[LetterHit] = []
    ours = any(p.fields for p in paragraphs)
    letter_year = None
    if not ours:
        for para in paragraphs[:6]:
            m = re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, (\d{4})", para.text)
            if m:
                letter_year = int(m.group(1))
                break
    for index, para in enumerate(paragraphs):
        for hit in _year_hits(para, ours, start_year, letter_year):
            hits.append(LetterHit(index, hit))
    return hits


@lru_cache(maxsize=4096)
def _year_hits(para: ReviewParagraph, ours: bool, start_year: int | None, letter_year: int | None) -> tuple[Hit, ...]:
    text = para.text
    if "0000" not in shape_of(text):  # no four digits in a row: no year
        return ()
    hits = []
    for m in _YEAR_PHRASE.finditer(text):
        year_start = m.start(1) if m.group(1) else m.start(2)
        year = int(text[year_start:year_start + 4])
        if ours:
            if para.field_at(year_start, year_start + 4) is None and (start_year is None or year == start_year):
                s, e = widen(text, m.start(), m.end(), 2)
                hits.append(Hit(
                    "hard-coded-year", Severity.WARNING,
                    f"{year} is written into the text: make it the start date's year, so it follows the "
                    "start date when that changes.", s, e))
        elif letter_year is not None and year < letter_year:
            s, e = widen(text, m.start(), m.end(), 2)
            hits.append(Hit(
                "hard-coded-year", Severity.WARNING,
                f"{year} is before the letter's own date ({letter_year}): the year should be the year "
                "employment starts.", s, e))
    return tuple(hits)
