"""Drafting checks that read one paragraph at a time.

Each check is a function from a paragraph's text to its :class:`~app.review.hits.Hit` list, named
after the rule it reports. They are pure and depend only on the text, so :func:`paragraph_hits`
caches them per paragraph: while a letter is edited only the paragraphs that changed are read again.
"""

from __future__ import annotations

import itertools
import operator
import re
import string
from collections.abc import Callable
from functools import lru_cache

from app.domain.problems import Severity
from app.review.hits import Hit, widen
from app.review.numbers import number_word_set, roman_value, words_value

ERROR = Severity.ERROR
WARNING = Severity.WARNING


def _matches(pattern: re.Pattern[str], text: str, rule: str, message: Callable[[re.Match[str]], str],
             words: int = 2, severity: Severity = ERROR) -> list[Hit]:
    """A hit for each match of ``pattern``, its excerpt the match and ``words`` words either side."""
    return [Hit(rule, severity, message(m), *widen(text, m.start(), m.end(), words)) for m in pattern.finditer(text)]

# Digits read as "0" and , : as ;, so a few substring tests find where a pattern may match.
_SHAPES = str.maketrans({**{str(d): "0" for d in range(10)}, ",": ";", ":": ";"})


@lru_cache(maxsize=4096)
def shape_of(text: str) -> str:
    """``text`` with digits as "0" and "," ":" as ";" (the pre-tests look for shapes, not characters)."""
    return text.translate(_SHAPES)



# ---------------------------------------------------------------- parentheses and quotes

# ")" closing a list label with no "(": "a)", "iv)", "12)" (a style of its own, not an imbalance)
_LABEL_CLOSE = re.compile(r"(?<![\w(])(?:[a-zA-Z]|[ivxIVX]{1,5}|\d{1,2})\)")


_PARENTHESIS = re.compile(r"[()]")


def unbalanced_parenthesis(text: str) -> list[Hit]:
    if "(" not in text and ")" not in text:
        return []
    hits: list[Hit] = []
    labels: set[int] | None = None  # made when a ")" closes nothing
    opened: list[int] = []
    for m in _PARENTHESIS.finditer(text):
        i = m.start()
        if m.group(0) == "(":
            opened.append(i)
        else:
            if opened:
                opened.pop()
            else:
                if labels is None:
                    labels = {label.end() - 1 for label in _LABEL_CLOSE.finditer(text)}
                if i in labels:
                    continue
                s, e = widen(text, i, i + 1, 5)
                hits.append(Hit("unbalanced-parenthesis", ERROR,
                                "A closing parenthesis has no opening one: delete it or add the \"(\" it closes.",
                                s, e))
    for i in opened:
        end = min(len(text), i + 70)
        end = text.rfind(" ", i, end) if end < len(text) and text.rfind(" ", i, end) > i else end
        hits.append(Hit("unbalanced-parenthesis", ERROR,
                        "This parenthesis is never closed: add the \")\" where the aside ends.", i, end))
    return hits


def unbalanced_quotes(text: str) -> list[Hit]:
    hits: list[Hit] = []
    if text.count('"') % 2:
        i = text.rfind('"')
        s, e = widen(text, i, i + 1, 4)
        hits.append(Hit("unbalanced-quotes", ERROR,
                        "An odd number of quotation marks: one quotation is not closed (or not opened).", s, e))
    if text.count("\u201c") != text.count("\u201d"):
        i = max(text.rfind("\u201c"), text.rfind("\u201d"))
        s, e = widen(text, i, i + 1, 4)
        hits.append(Hit("unbalanced-quotes", ERROR,
                        "Opening and closing quotation marks do not pair up: close the quotation that is open.",
                        s, e))
    return hits


# ---------------------------------------------------------------- doubled words and punctuation

_DOUBLED = re.compile(r"\b([A-Za-z]+)\s+\1\b", re.IGNORECASE)
# "the means the meaning": a phrase begun, then begun again (the same word, then a word of the same stem)
_RESTARTED = re.compile(r"\b([A-Za-z]+) ([A-Za-z]{4})([A-Za-z]*) \1 \2([A-Za-z]*)\b")
_LEGIT_DOUBLES = frozenset({"that", "had"})


_PUNCTUATION_TO_SPACE = str.maketrans({c: " " for c in string.punctuation + "\u201c\u201d\u2018\u2019"})


def _repeats(text: str) -> tuple[bool, bool]:
    """Whether a word follows itself, and whether two words come again with the second's stem (a
    quick pass over the words: the patterns below run only on paragraphs that may match)."""
    words = text.lower().translate(_PUNCTUATION_TO_SPACE).split()
    doubled = any(map(operator.eq, words, words[1:]))
    # Only where a word comes back after one other word need the second pair be compared.
    restarted = any(
        len(words[i + 1]) >= 4 and words[i + 1][:4] == words[i + 3][:4] != ""
        and words[i + 1] != words[i + 3]
        for i in itertools.compress(range(len(words) - 3), map(operator.eq, words, words[2:]))
    )
    return doubled, restarted


def doubled_word(text: str) -> list[Hit]:
    hits: list[Hit] = []
    doubled, restarted = _repeats(text)
    if not doubled and not restarted:
        return hits
    for m in _DOUBLED.finditer(text) if doubled else ():
        if m.group(1).lower() in _LEGIT_DOUBLES:
            continue
        s, e = widen(text, m.start(), m.end(), 2)
        hits.append(Hit("doubled-word", ERROR, f"\"{m.group(1)}\" is written twice: delete one.", s, e))
    for m in _RESTARTED.finditer(text) if restarted else ():
        if m.group(3) == m.group(4):
            continue  # an exact repeat of two words is listed by the doubled-words pattern, or is deliberate
        s, e = widen(text, m.start(), m.end(), 2)
        first = f"{m.group(1)} {m.group(2)}{m.group(3)}"
        hits.append(Hit("doubled-word", ERROR,
                        f"The phrase is begun twice (\"{first}\" then \"{m.group(1)} {m.group(2)}{m.group(4)}\"): "
                        f"delete \"{first}\".", s, e))
    return hits


_DOUBLED_PUNCT = re.compile(r"[;,:]\s*[;,:]|(?<!\.)\.\s?\.(?!\.)")


def doubled_punctuation(text: str) -> list[Hit]:
    hits: list[Hit] = []
    shape = shape_of(text)
    if ";;" not in shape and "; ;" not in shape and ".." not in shape and ". ." not in shape:
        return hits
    return _matches(_DOUBLED_PUNCT, text, "doubled-punctuation",
                    lambda m: f"Doubled punctuation \"{m.group(0)}\": keep one mark.")


# ---------------------------------------------------------------- citations

# A letter "l" (or capital "O") where a citation's digit belongs: "Rule l3d-3", "40l(k)", "2O02".
_GARBLED = re.compile(r"(?<![A-Za-z])l\d[\w()-]*|(?<=\d)[lO](?=[\d(])[\w()-]*|(?<=\d)O(?=\d)")
_TOKEN_START = re.compile(r"[\w()-]*$")


def garbled_citation(text: str) -> list[Hit]:
    hits: list[Hit] = []
    shape = shape_of(text)
    if "0l" not in shape and "l0" not in shape and "0O" not in shape and "O0" not in shape:
        return hits
    for m in _GARBLED.finditer(text):
        start = m.start() - len(_TOKEN_START.search(text, 0, m.start()).group(0))  # type: ignore[union-attr]
        token = text[start:m.end()]
        fixed = re.sub(r"(?<=\d)O|O(?=\d)", "0", re.sub(r"l(?=\d)|(?<=\d)l", "1", token))
        s, e = widen(text, start, m.end(), 1)
        hits.append(Hit("garbled-citation", ERROR,
                        f"\"{token}\" mixes letters into a number: write \"{fixed}\" (digit 1 for letter l, "
                        "0 for letter O).", s, e))
    return hits


# ---------------------------------------------------------------- enumerations

_MARKER = re.compile(r"\(([ivxlc]{1,6}|[IVXLC]{1,6}|[a-zA-Z]|\d{1,2})\)")
# A marker that names an item elsewhere rather than starting one: "clause (ii)", "sections (a) through (d)".
_REFERENCE_BEFORE = re.compile(
    r"\b(?:clauses?|sections?|paragraphs?|subsections?|subparagraphs?|items?|through)\s*$",
    re.IGNORECASE)
_REFERENCE_AFTER = re.compile(r",|\s+(?:hereof|above|below|of this|through)\b")
_AUXILIARY = frozenset({"is", "are", "was", "were", "shall", "will", "has", "have", "may", "must", "would",
                        "should", "can", "could", "does", "do"})
_NEXT_WORD = re.compile(r"\s*\W*(\w+)")


def _marker_kind(token: str, state: dict[str, int]) -> tuple[str, int]:
    """The list a marker belongs to and its position in it: ``("roman", 3)`` for ``iii``."""
    if token.isdigit():
        return "number", int(token)
    case = "lower" if token.islower() else "upper"
    value = roman_value(token)
    letter = ord(token.lower()) - ord("a") + 1 if len(token) == 1 else None
    if value is not None and letter is not None:  # "i", "v", "x", "l", "c": roman or a letter?
        if state.get(f"roman-{case}", 0) + 1 == value:
            return f"roman-{case}", value
        if state.get(f"letter-{case}", 0) + 1 == letter:
            return f"letter-{case}", letter
        return (f"roman-{case}", value) if token.lower() == "i" else (f"letter-{case}", letter)
    if value is not None:
        return f"roman-{case}", value
    return f"letter-{case}", letter or 0


def _label(kind: str, value: int) -> str:
    from app.documents.formatting import letter_label, roman

    if kind == "number":
        return f"({value})"
    text = roman(value) if kind.startswith("roman") else letter_label(value)
    return f"({text.upper() if kind.endswith('upper') else text})"


def enumeration(text: str) -> list[Hit]:
    """Inline lists (i), (ii) ... that skip or start at the wrong item, and an item that has lost its
    subject ("(iii) is national in scope" among items that each name theirs)."""
    if "(" not in text:
        return []
    hits: list[Hit] = []
    state: dict[str, int] = {}
    items: dict[str, list[tuple[int, int, str]]] = {}  # list -> (start, end, first word)
    vocabulary = number_word_set()
    for m in _MARKER.finditer(text):
        if (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_)")) or (
                m.end() < len(text) and not text[m.end()].isspace()) or m.end() == len(text):
            continue  # "401(a)", "Person(s)", "(a)," : not an item's label
        if m.start() == 0 and m.group(1) not in ("i", "I", "a", "A", "1"):
            continue  # the paragraph's own label, in a sequence over paragraphs (see clause_labels)
        if _REFERENCE_BEFORE.search(text, max(0, m.start() - 16), m.start()) or _REFERENCE_AFTER.match(text, m.end()):
            continue
        if m.group(1).isdigit():
            word_before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
            if word_before and word_before.group(1).lower() in vocabulary:
                continue  # "one (1) year": the figure of a number in words
        kind, value = _marker_kind(m.group(1), state)
        last = state.get(kind, 0)
        word = _NEXT_WORD.match(text, m.end())
        first_word = word.group(1).lower() if word else ""
        if value == 1:
            items[kind] = [(m.start(), m.end(), first_word)]
        elif value != last + 1:
            s, e = widen(text, m.start(), m.end(), 3)
            if last == 0:
                message = f"The list starts at {m.group(0)}: number its first item {_label(kind, 1)}."
            elif value == last:
                message = f"{m.group(0)} is used twice in a row: the second should be {_label(kind, last + 1)}."
            else:
                message = f"The list goes from {_label(kind, last)} to {m.group(0)}: the item {_label(kind, last + 1)} is missing or mislabelled."
            hits.append(Hit("enumeration", ERROR, message, s, e))
            items.setdefault(kind, []).append((m.start(), m.end(), first_word))
        else:
            items.setdefault(kind, []).append((m.start(), m.end(), first_word))
        state[kind] = value
    for entries in items.values():
        verbs = [x for x in entries if x[2] in _AUXILIARY]
        if len(entries) >= 3 and len(verbs) == 1:
            start, end, verb = verbs[0]
            s, e = widen(text, start, end, 4)
            hits.append(Hit("enumeration", ERROR,
                            f"This item starts with \"{verb}\" and has no subject, unlike the list's other items: "
                            "say what it is about (e.g. \"the Business is ...\").", s, e))
    return hits


# ---------------------------------------------------------------- numbers in words and figures

_FIGURE = re.compile(r"\((\d[\d,]*)(%?)\)")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")


def numbers_words_figures(text: str) -> list[Hit]:
    if "(" not in text:
        return []
    hits = []
    vocabulary = number_word_set()
    for m in _FIGURE.finditer(text):
        # The words before "(6)": as many number words as stand there ("twenty-four", "two percent").
        words: list[str] = []
        pos = m.start()
        while True:
            w = _WORD_BEFORE.search(text, max(0, pos - 20), pos)
            if w is None:
                break
            word = w.group(1).lower()
            if not words and m.group(2) and word == "percent":
                pos = w.start()
                continue
            if word not in vocabulary:
                break
            words.insert(0, word)
            pos = w.start()
        if not words:
            continue
        while words and words[0] == "and":
            words.pop(0)
        value = words_value(" ".join(words))
        figure = int(m.group(1).replace(",", ""))
        if value is not None and value != figure:
            s, e = widen(text, pos, m.end(), 1)
            hits.append(Hit("numbers-words-figures", ERROR,
                            f"The words say {value} and the figure says {figure}: make them agree.", s, e))
    return hits


# ---------------------------------------------------------------- grammar of the parties and lists

_NEITHER_OR = re.compile(r"\b[Nn]either\b((?:(?!\bnor\b)[^.;:]){1,80}?)\bor\b")


def neither_or(text: str) -> list[Hit]:
    hits: list[Hit] = []
    if "either" not in text:
        return hits
    return _matches(_NEITHER_OR, text, "neither-or",
                    lambda _m: "\"Neither\" pairs with \"nor\": write \"neither ... nor\".")


# A number fixed by the letter ("there shall be one arbitrator", "a single arbitrator", "one (1) arbitrator"),
# not a unit ("the right to receive one share of Common Stock").
_ONE_NOUN = re.compile(r" (?:be one|only one|by one|single|one \(1\)) ([a-z]{4,})\b")
_NOT_NOUNS = frozenset({"more", "such", "other", "another", "time", "hundred", "thousand", "half", "third"})


def singular_plural(text: str) -> list[Hit]:
    """"one arbitrator" ... "the arbitrators" in one paragraph."""
    hits: list[Hit] = []
    if "one " not in text and "single " not in text and "one (1)" not in text:
        return hits
    for m in _ONE_NOUN.finditer(" " + text):  # the space: a match at the start has one before it too
        noun, after = m.group(1), m.end() - 1
        if noun in _NOT_NOUNS or noun.endswith("s"):
            continue
        plural = re.search(rf"\b[Tt]he\s+{noun}s\b", text[after:])
        if plural:
            start = after + plural.start()
            s, e = widen(text, start, after + plural.end(), 3)
            hits.append(Hit("singular-plural", ERROR,
                            f"The letter provides for one {noun}, but here \"{plural.group(0)}\" are several: "
                            f"write \"the {noun}\" (or change the number).", s, e))
    return hits


# ---------------------------------------------------------------- statutes

# Names the statutes do not have, with the name they do. Sources: the statutes' short titles
# (15 U.S.C. 78a; 15 U.S.C. 77a; 26 U.S.C. 1; 29 U.S.C. 1001; 29 U.S.C. 201; 42 U.S.C. 12101;
# 29 U.S.C. 2601; 29 U.S.C. 621; 29 U.S.C. 2101; 42 U.S.C. 2000e).
_STATUTES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"Securities and Exchange Act(?: of \d{4})?"), "Securities Exchange Act of 1934"),
    (re.compile(r"Securities Exchange Act of (?!1934)\d{4}"), "Securities Exchange Act of 1934"),
    (re.compile(r"Securities Act of (?!1933)\d{4}"), "Securities Act of 1933"),
    (re.compile(r"Internal Revenue Code of (?!1986|1954)\d{4}"), "Internal Revenue Code of 1986"),
    (re.compile(r"Employe(?:e|ment) Retirement Income (?:and )?Security Act(?<!Employee Retirement Income Security Act)"),
     "Employee Retirement Income Security Act of 1974"),
    (re.compile(r"Employment Retirement Income Security Act"), "Employee Retirement Income Security Act of 1974"),
    (re.compile(r"Fair Labor Standard Act"), "Fair Labor Standards Act"),
    (re.compile(r"Americans [Ww]ith Disability Act"), "Americans with Disabilities Act"),
    (re.compile(r"Family Medical Leave Act"), "Family and Medical Leave Act"),
    (re.compile(r"Age Discrimination (?:and|of) Employment Act"), "Age Discrimination in Employment Act"),
    (re.compile(r"Workers'? Adjustment and Retraining Notification Act"), "Worker Adjustment and Retraining Notification Act"),
    (re.compile(r"Civil Rights Act of (?!1964|1991|1866|1871)\d{4}"), "Civil Rights Act of 1964 (or of 1991)"),
)


def statute_name(text: str) -> list[Hit]:
    if "Act" not in text and "Code" not in text:
        return []
    hits = []
    for pattern, right in _STATUTES:
        def message(m: re.Match[str], right: str = right) -> str:
            return f"No statute is called \"{m.group(0)}\": its name is the {right}."

        hits += _matches(pattern, text, "statute-name", message, 1)
    return hits


# ---------------------------------------------------------------- stray characters

_STRAY = re.compile(r"[`~^|\\{}\ufffd\x00-\x08\x0b\x0c\x0e-\x1f]")


def stray_character(text: str) -> list[Hit]:
    def message(m: re.Match[str]) -> str:
        shown = m.group(0) if m.group(0).isprintable() else f"U+{ord(m.group(0)):04X}"
        return f"A stray \"{shown}\" that belongs to no word: delete it."

    return _matches(_STRAY, text, "stray-character", message, 3)


# ---------------------------------------------------------------- pronouns

_THIRD_PERSON = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]ers?|[Hh]erself)\b|\bthe (?:Executive|Employee|Candidate)(?:'s)?\b(?! [A-Z])")  # not "the Executive Committee"


_THIRD_PERSON_HINT = re.compile(r" (?:he|him|his|hers?|she|himself|herself|the executive|the employee|the candidate)\b")


def third_person(text: str) -> list[Hit]:
    """Third-person references to the addressee; kept only when the letter speaks to "you" (the
    runner decides, as that needs the whole letter)."""
    hits: list[Hit] = []
    if not _THIRD_PERSON_HINT.search(" " + text.lower()):
        return hits
    for m in _THIRD_PERSON.finditer(text):
        s, e = widen(text, m.start(), m.end(), 3)
        hits.append(Hit("pronoun", WARNING,
                        f"The letter speaks to \"you\", but here it says \"{m.group(0)}\": write "
                        f"\"{_second_person(m.group(0))}\".", s, e))
    return hits


def _second_person(word: str) -> str:
    w = word.lower()
    if w.endswith("'s") or w in ("his", "her", "hers"):
        return "your"
    if w in ("himself", "herself"):
        return "yourself"
    return "you"


@lru_cache(maxsize=4096)
def you_count(text: str) -> int:
    return text.lower().count("you")  # "your" and "yours" too


# ---------------------------------------------------------------- the checks, cached per paragraph

CHECKS: tuple[Callable[[str], list[Hit]], ...] = (
    unbalanced_parenthesis, unbalanced_quotes, doubled_word, doubled_punctuation, garbled_citation,
    enumeration, numbers_words_figures, neither_or, singular_plural, statute_name, stray_character,
    third_person,
)


@lru_cache(maxsize=4096)
def paragraph_hits(text: str) -> tuple[Hit, ...]:
    """Every paragraph check's hits on ``text``, in order of position."""
    hits: list[Hit] = []
    for check in CHECKS:
        hits.extend(check(text))
    hits.sort(key=lambda h: h.start)
    return tuple(hits)
