"""What a check reports about one paragraph: the rule, how bad, the message and the stretch of text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.problems import Severity

_WORD_EDGE = re.compile(r"\s")


@dataclass(frozen=True, slots=True)
class Hit:
    """A check's report on ``text[start:end]`` of one paragraph (the runner adds the location)."""

    rule: str
    severity: Severity
    message: str
    start: int
    end: int


def widen(text: str, start: int, end: int, words: int = 3, limit: int = 90) -> tuple[int, int]:
    """``start:end`` widened by up to ``words`` whole words either side (the excerpt a reader can
    find), at most ``limit`` characters."""
    s, e = start, end
    for _ in range(words):
        k = text.rfind(" ", 0, max(s - 1, 0))
        s = 0 if k < 0 else k + 1
        if s == 0:
            break
    for _ in range(words):
        k = text.find(" ", e + 1)
        e = len(text) if k < 0 else k
        if e == len(text):
            break
    if e - s > limit:
        s, e = max(start - 20, s), min(max(end, start + limit - 20), e)
        if s > 0 and text[s - 1] != " ":  # not from the middle of a word
            k = text.find(" ", s, start)
            s = k + 1 if k >= 0 else start
        if e < len(text) and text[e] != " ":
            k = text.rfind(" ", end, e)
            e = k if k >= 0 else e
    return s, e
