"""Defined terms across the whole letter: defined but never used, used capitalised but never
defined, used before the definition, defined twice.

A definition is a quoted capitalised term closing a parenthesis (``(the "Company")``,
``(collectively, "Benefits")``) or followed by ``means`` / ``shall mean``; ``"Cause" (as defined
below)`` is a forward reference, not a use before the definition. A short title in capitals
(``RESTRICTIVE COVENANTS``) names its part of the letter, so its words may be used from there on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from app.domain.problems import Severity
from app.review.hits import Hit, widen
from app.review.sources import Kind, ReviewParagraph

_QUOTED = re.compile(r"[\"\u201c]([A-Z0-9][^\"\u201c\u201d]{0,60}?)[\"\u201d]")
_DEFINES_AFTER = re.compile(r"\)|\s+(?:shall mean|means|shall have the meaning|has the meaning|and collectively)\b")
_FORWARD = re.compile(r"\s*\(as (?:defined|hereinafter defined)\b")
# Determiners that may stand capitalised before a term at the start of a sentence.
_DETERMINERS = frozenset({"The", "Such", "These", "This", "That", "Any", "Each", "All", "No", "A", "An",
                          "Said", "Your", "Its", "Their", "Our", "Every"})
# "the Term", "such Bonus Program": a capitalised noun phrase after a determiner, not a longer name
# ("the Board of Directors", "the Securities and Exchange Commission", "the New York Civil Practice Law").
_CAPITALISED_RUN = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*")
_DETERMINER_WORDS = tuple(f"{w} " for d in ("the", "such", "these", "this", "any", "said") for w in (d, d.capitalize()))
_LONGER_NAME = re.compile(r" of\b| (?:and|for|on|in|to) [A-Z]")
# Capitalised by convention, not defined: offices, bodies, places and the parts of a document.
_CONVENTIONAL = frozenset({
    "Officer", "Officers", "Director", "Directors", "Board", "President", "Chairman", "Chair", "Secretary",
    "Treasurer", "Court", "State", "States", "Association", "Corporation", "Agreement", "Exhibit", "Section",
    "Article", "Rule", "Rules", "Government", "Commission", "Congress", "Committee", "Employer",
    "Executive", "Employee", "Candidate",  # the pronoun check reports these
    "Division", "Department", "Group", "Unit", "Office", "Council", "Authority", "Agency", "Administration",
})
# A statute's full name ("the Federal Arbitration Act") is a proper name; a short one ("the Exchange
# Act") is a defined short form and must be defined.
_STATUTE_HEADS = frozenset({"Act", "Code", "Law", "Statute"})


@dataclass(slots=True)
class _Term:
    name: str
    definitions: list[tuple[int, int, int]]  # (paragraph index, start, end) of each definition
    implied_at: int | None = None  # a title's paragraph index
    forward_references: list[tuple[int, int]] = field(default_factory=list)  # "Cause" (as defined below)


# What a quoted capitalised term is doing where it stands.
_DEFINES, _FORWARD_REFERENCE, _MENTION = "defines", "forward", "mention"


@lru_cache(maxsize=4096)
def _quotes(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """Each quoted capitalised term of a paragraph: (start, end, name, what it does)."""
    if '"' not in text and "\u201c" not in text:
        return ()
    out = []
    for m in _QUOTED.finditer(text):
        if _FORWARD.match(text, m.end()):
            role = _FORWARD_REFERENCE
        elif _DEFINES_AFTER.match(text, m.end()):
            role = _DEFINES
        else:
            role = _MENTION
        out.append((m.start(), m.end(), m.group(1), role))
    return tuple(out)


def _definitions(paragraphs: list[ReviewParagraph]) -> tuple[dict[str, _Term], set[tuple[int, int]]]:
    terms: dict[str, _Term] = {}
    quoted: set[tuple[int, int]] = set()  # (paragraph, start) of every quoted term: not a use
    for index, para in enumerate(paragraphs):
        text = para.text
        if para.kind is Kind.TITLE and text.isupper() and len(text) <= 40 and not text.startswith("("):
            name = " ".join(w.capitalize() for w in text.split())
            term = terms.setdefault(name, _Term(name, []))
            if term.implied_at is None:
                term.implied_at = index
            continue
        for start, end, name, role in _quotes(text):
            quoted.add((index, start))
            if role == _FORWARD_REFERENCE:
                terms.setdefault(name, _Term(name, [])).forward_references.append((index, start))
            elif role == _DEFINES:
                terms.setdefault(name, _Term(name, [])).definitions.append((index, start, end))
    return terms, quoted


_ANNOUNCEMENT = re.compile(r"\((?:each |both )?as (?:hereinafter )?defined\b")
_CLAUSE_END = re.compile(r"[.;]")


def _inside_longer_name(text: str, at: int) -> bool:
    """The capitalised word before ``at`` makes a longer name of it ("Confidential Company
    Information"), unless it is a determiner ("The Company") or ends a sentence."""
    if at < 2 or text[at - 1] != " ":
        return False
    start = text.rfind(" ", 0, at - 1) + 1
    word = text[start:at - 1]
    return (bool(word) and word[0].isupper() and word not in _DETERMINERS and not word.endswith(".")
            and "'" not in word and "\u2019" not in word)  # "the Company's Business" uses Business


@lru_cache(maxsize=4096)
def _paragraph_uses(text: str, terms: tuple[str, ...]) -> tuple[tuple[int, int, str, bool], ...]:
    """(start, end, term, announced) of each use of a term in one paragraph: not quoted, not inside
    a longer capitalised name ("Confidential Company Information", "Internal Revenue Code").
    ``announced``: a parenthesis later in the clause says where it is defined ("for Cause (as
    defined below)", "Good Reason or ... Cause (each as defined in Section 9)", "Good Reason or
    ... for cause (as defined in Section 9)")."""
    out = []
    # Where the paragraph says "(as defined ...)", "(each as defined ...)": found once, not per use.
    announcements = [m.start() for m in _ANNOUNCEMENT.finditer(text)] if "defined" in text else []
    for term in terms:
        at = text.find(term)
        while at >= 0:
            end = at + len(term)
            for suffix in ("'s", "s'", "s"):
                if text.startswith(suffix, end):
                    end += len(suffix)
                    break
            before = text[at - 1] if at else " "
            after = text[end] if end < len(text) else " "
            whole_word = not (before.isalnum() or before in "\"\u201c-" or after.isalnum() or after in "\"\u201d-_")
            if whole_word and not _inside_longer_name(text, at):
                announced = any(end <= a <= end + 160 and not _CLAUSE_END.search(text, end, a)
                                for a in announcements)
                out.append((at, end, term, announced))
            at = text.find(term, at + 1)
    return tuple(out)


def _uses(terms: list[str], paragraphs: list[ReviewParagraph], quoted: set[tuple[int, int]]
          ) -> tuple[dict[str, list[tuple[int, int, int]]], dict[str, list[tuple[int, int]]]]:
    """Where each term is used; a longer term wins where two overlap ("New Directors", "New Director")."""
    found: dict[str, list[tuple[int, int, int]]] = {t: [] for t in terms}
    ordered = tuple(sorted(terms, key=len, reverse=True))
    announcements = {t: [] for t in terms}  # type: dict[str, list[tuple[int, int]]]
    for index, para in enumerate(paragraphs):
        taken: list[tuple[int, int]] = []
        for start, end, term, announced in _paragraph_uses(para.text, ordered):
            if (index, start - 1) in quoted or any(s <= start < e for s, e in taken):
                continue
            taken.append((start, end))
            if announced:
                announcements[term].append((index, start))
            found[term].append((index, start, end))
    return found, announcements


@dataclass(frozen=True, slots=True)
class TermHit:
    paragraph: int  # index into the paragraphs
    hit: Hit


@lru_cache(maxsize=4096)
def _capitalised(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, phrase) of each capitalised noun phrase after a determiner in a paragraph."""
    out = []
    for determiner in _DETERMINER_WORDS:
        at = text.find(determiner)
        while at >= 0:
            start = at + len(determiner)
            if (at == 0 or not text[at - 1].isalnum()) and start < len(text) and text[start].isupper():
                run = _CAPITALISED_RUN.match(text, start)
                if run is not None:
                    words = run.group(0).split(" ")
                    end = run.end()
                    whole = end == len(text) or not (text[end].isalnum() or text[end] in "-_")
                    if 1 <= len(words) <= 3 and whole and not _LONGER_NAME.match(text, end):
                        out.append((start, end, run.group(0)))
            at = text.find(determiner, at + 1)
    return tuple(sorted(out))


def defined_terms(paragraphs: list[ReviewParagraph]) -> tuple[list[TermHit], set[str]]:
    """The defined-term findings, and the names of the terms the letter defines (for other checks)."""
    terms, quoted = _definitions(paragraphs)
    out: list[TermHit] = []
    all_uses, announcements = _uses(list(terms), paragraphs, quoted)
    for term in terms.values():
        # "each a "New Director" and collectively the "New Directors"": a use of either is a use of both.
        uses = all_uses[term.name] + all_uses.get(term.name + "s", []) + (
            all_uses.get(term.name[:-1], []) if term.name.endswith("s") else [])
        defs = term.definitions
        for index, start, end in defs[1:]:
            first = paragraphs[defs[0][0]]
            s, e = widen(paragraphs[index].text, start, end, 2)
            out.append(TermHit(index, Hit(
                "defined-term-twice", Severity.WARNING,
                f"\"{term.name}\" is defined again here (first in {first.section}): keep one definition.", s, e)))
        if not defs:
            continue
        d_index, d_start, d_end = defs[0]
        defined_at = min(d_index, term.implied_at if term.implied_at is not None else d_index)
        # "Cause" (as defined below), or Cause (as defined in Section 9): uses from there on are announced.
        announced = min(term.forward_references + announcements[term.name], default=(defined_at, d_start))
        early = [u for u in uses if (u[0], u[1]) < min(announced, (defined_at, d_start)) and u[0] != defined_at]
        if early:
            index, start, end = early[0]
            s, e = widen(paragraphs[index].text, start, end, 3)
            out.append(TermHit(index, Hit(
                "defined-term-before-definition", Severity.WARNING,
                f"\"{term.name}\" is used here before it is defined (in {paragraphs[d_index].section}): "
                "move the definition to the first use, or write \"(as defined below)\".", s, e)))
        if not uses and not term.forward_references:
            s, e = widen(paragraphs[d_index].text, d_start, d_end, 3)
            out.append(TermHit(d_index, Hit(
                "defined-term-unused", Severity.WARNING,
                f"\"{term.name}\" is defined but never used: use it or delete the definition.", s, e)))
    defined = {t.name for t in terms.values()}
    plain = {n[:-1] for n in defined if n.endswith("s")} | {n + "s" for n in defined}
    seen: set[str] = set()
    for index, para in enumerate(paragraphs):
        if para.kind not in (Kind.BODY, Kind.LINE):
            continue
        for start, end, name in _capitalised(para.text):
            words = name.split()
            head = words[-1]
            if name in defined or name in plain or head in _CONVENTIONAL or name in seen:
                continue
            if head in _STATUTE_HEADS and len(words) >= 3:
                continue
            seen.add(name)
            s, e = widen(para.text, start, end, 2)
            out.append(TermHit(index, Hit(
                "defined-term-undefined", Severity.WARNING,
                f"\"{name}\" is capitalised like a defined term but the letter never defines it: define it "
                "where it is first used, e.g. (the \"" + name + "\"), or write it in lower case.", s, e)))
    return out, defined

