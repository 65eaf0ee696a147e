"""The reference letter's words, stripped of its SEC filing wrapper, page furniture and signature marks."""

from __future__ import annotations

import re
from pathlib import Path

# A copy of the seed reference letter (SEC exhibit 10.52 of MIM Corporation, 2002).
REFERENCE = Path(__file__).resolve().parent / "data" / "x10-52empagmt.txt"

_CONTINUATION = re.compile(r"^\s*(Mr\. James S\. Lusk|October 1, 2002|Page \d+)\s*$")


def reference_words(text: str) -> list[str]:
    body = text.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    lines = body.splitlines()
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() == "<PAGE>":
            # The continuation header follows each page marker: the addressee, the date, "Page N".
            i += 1
            while i < len(lines) and (not lines[i].strip() or _CONTINUATION.match(lines[i])):
                i += 1
            continue
        stripped = line.strip()
        if stripped == "[Letterhead of MIM Corporation]" or re.fullmatch(r"-{3,}", stripped) or stripped == "`":
            i += 1
            continue
        # A conformed signature ("/s/ Name") is not part of the letter as drafted.
        kept.append(re.sub(r"/s/\s+[^\n]*$", "", line))
        i += 1
    return " ".join(kept).split()
