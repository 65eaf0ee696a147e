"""Numbers written in words and roman numerals, read back: the inverse of the templates' own
formatting (:func:`app.documents.formatting.number_words`, :func:`~app.documents.formatting.roman`),
so a number is spelled one way in the whole program."""

from __future__ import annotations

from functools import lru_cache

from app.documents.formatting import number_words, roman


@lru_cache(maxsize=1)
def _words() -> dict[str, int]:
    return {number_words(n): n for n in range(1000)}


@lru_cache(maxsize=1)
def _romans() -> dict[str, int]:
    return {roman(n): n for n in range(1, 400)}


@lru_cache(maxsize=1)
def number_word_set() -> frozenset[str]:
    """Every single word a number in words is made of (``twenty``, ``four``, ``hundred``)."""
    return frozenset(w for text in _words() for w in text.replace("-", " ").split())


def words_value(text: str) -> int | None:
    """``"twenty-four"`` or ``"Twenty four"`` -> 24; ``None`` if it is not a number in words (0..999)."""
    key = " ".join(text.lower().split())
    found = _words().get(key)
    if found is None and " " in key:
        found = _words().get(key.replace(" ", "-", 1) if key.count(" ") == 1 else "")
    return found


def roman_value(text: str) -> int | None:
    """``"iv"`` or ``"IV"`` -> 4; ``None`` unless a well-formed numeral below 400."""
    return _romans().get(text.lower())
