"""Reading untrusted JSON text into plain values without crashing on hostile or damaged input.

A letter file is a few kilobytes of shallow JSON. Text that is nested hundreds of levels deep, holds
a number thousands of digits long or an unpaired UTF-16 surrogate (``"\\ud800"``, which no
encoder can write) cannot be a letter: the standard library would crash on it later (a
RecursionError in the parser, a ValueError converting the number, a UnicodeEncodeError when the
letter is rendered or printed). :func:`parse_json` refuses such text with a message that names
where in the file the problem is.
"""

from __future__ import annotations

import json
import re
from typing import Any

from app.domain.problems import Path, format_path

# A letter file nests about eight levels (sent_versions[0].terms.equity.grants[0]...); the json module
# itself gives up at about a thousand. Anything past this is damage, not a letter.
MAX_DEPTH = 32
# The largest term is a share count or an amount in cents: far under twenty digits.
MAX_INT_DIGITS = 20

_PATH_SHOWN = 6
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{},:]', re.DOTALL)
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class JsonLimitError(ValueError):
    """The text is JSON a letter can never be; the message names where and why."""


def _where(path: Path) -> str:
    return format_path(path) or "the top level"


def _up_to_last_name(path: tuple[Any, ...]) -> Path:
    """``draft.zz[0][0][0]...`` -> ``draft.zz``: the term whose value nests, not every bracket."""
    names = [i for i, part in enumerate(path) if isinstance(part, str)]
    # Objects nested in objects: the first few names say where it starts.
    return tuple(path[: min(names[-1] + 1, _PATH_SHOWN)]) if names else ()


def _line_column(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def _check_depth(text: str) -> None:
    """Find the first place the brackets nest deeper than :data:`MAX_DEPTH` (for text too deep for
    ``json`` itself to parse, so the message can still say where)."""
    frames: list[list[Any]] = []  # per open container: [is_object, key or index]
    last_string = ""
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            if len(frames) >= MAX_DEPTH:
                path = tuple(frame[1] for frame in frames)
                raise JsonLimitError(_too_deep(path, f" ({_line_column(text, match.start())})"))
            frames.append([token == "{", None if token == "{" else 0])
        elif token in "]}":
            if frames:
                frames.pop()
        elif token == ":":
            if frames and frames[-1][0]:
                try:
                    frames[-1][1] = json.loads(last_string)
                except ValueError:
                    frames[-1][1] = last_string.strip('"')
        elif token == ",":
            if frames:
                frames[-1][1] = None if frames[-1][0] else frames[-1][1] + 1
        else:
            last_string = token


class _HugeInt:
    """A JSON integer too long to be a term, kept as its digit count so the walk can say where it is."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _parse_int(text: str) -> int | _HugeInt:
    digits = len(text.lstrip("-"))
    return _HugeInt(digits) if digits > MAX_INT_DIGITS else int(text)


def _check_values(value: Any) -> None:
    """Walk the parsed values (iteratively) for nesting, huge numbers and surrogates."""
    pending: list[tuple[Path, Any]] = [((), value)]
    while pending:
        path, item = pending.pop()
        if isinstance(item, _HugeInt):
            raise JsonLimitError(
                f"the number at {_where(path)} has {item.digits:,} digits; no term of a letter is that "
                "large, so the file is damaged: correct that number or restore the file from a backup"
            )
        if isinstance(item, str):
            _check_text(path, item)
            continue
        if isinstance(item, dict | list) and len(path) >= MAX_DEPTH:
            raise JsonLimitError(_too_deep(path, ""))
        if isinstance(item, dict):
            for key, child in item.items():
                _check_text(path, key, key=True)
                pending.append(((*path, key), child))
        elif isinstance(item, list):
            pending.extend(((*path, i), child) for i, child in enumerate(item))


def _too_deep(path: tuple[Any, ...], place: str) -> str:
    term = _up_to_last_name(path)
    what = f"the value of {format_path(term)}" if term else "its JSON"
    return (
        f"{what} is nested more than {MAX_DEPTH} levels deep{place}; no letter term is, so the file is "
        "damaged: restore it from a backup"
    )


def _check_text(path: Path, text: str, *, key: bool = False) -> None:
    match = _SURROGATE.search(text)
    if match is None:
        return
    what = f"a name inside {_where(path)}" if key else f"the text of {_where(path)}"
    raise JsonLimitError(
        f"{what} holds an unpaired surrogate (\\u{ord(match.group()):04x} at position {match.start() + 1}), "
        "which is not a character and cannot be saved or printed; retype that text, or restore the "
        "file from a backup"
    )


def parse_json(text: str) -> Any:
    """``json.loads`` for untrusted text.

    Raises:
        json.JSONDecodeError: the text is not JSON.
        JsonLimitError: it is JSON, but nested too deeply, with a huge integer or an unpaired surrogate.
    """
    try:
        value = json.loads(text, parse_int=_parse_int)
    except RecursionError:
        # Deeper than json's own limit (about a thousand levels): scan the text to say where.
        _check_depth(text)
        raise JsonLimitError(_too_deep((), "")) from None
    _check_values(value)
    return value
