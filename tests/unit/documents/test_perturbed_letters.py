"""Hypothesis: a perturbed letter file goes through load -> validate -> render -> text without crashing.

Each example starts from the sample letter file and changes it the way damage and mistakes do:
a term replaced by a value of another type (or a hostile one: surrogates, control characters,
huge numbers, deep nesting), a term removed or an unknown one added, or the file's text cut short
or with a character spliced in. Whatever comes out, the result is one of:

* the file is refused with a :class:`FileFormatError` whose message says what is wrong;
* the letter has problems, each with a message and printable as UTF-8;
* the letter is valid, renders to the document model, and its text is UTF-8 without control characters.

CI runs it with 1,000 examples (``HYPOTHESIS_PROFILE=ci``).
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.documents.engine import render_document
from app.documents.text import to_text
from app.domain.file_format import FileFormatError, dumps, load_letter, new_file
from app.domain.sample import sample_letter

EXAMPLES = 1000 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else 100
SAMPLE_FILE: dict[str, Any] = json.loads(dumps(new_file(sample_letter())))
# A form feed is the text's page break before Exhibit A; any other control character came from a term.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the file a value sits (the top itself excluded)."""
    out: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        for key, child in value.items():
            out.append((*prefix, key))
            out.extend(_paths(child, (*prefix, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out.append((*prefix, index))
            out.extend(_paths(child, (*prefix, index)))
    return out


PATHS = _paths(SAMPLE_FILE)

# Text as a user (or a damaged file) might hold it: any code point, lone surrogates included.
any_text = st.text(st.characters(codec=None), max_size=30)
scalars = st.one_of(
    st.none(), st.booleans(), any_text,
    st.integers(min_value=-(10**25), max_value=10**25),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["0001-01-01", "9999-12-31", "2002-02-30", "300000.00", "-5000", "1e999999", "NaN", ""]),
)
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(any_text, inner, max_size=3)), max_leaves=8)


def _like(value: Any) -> st.SearchStrategy[Any]:
    """A value of the same type as ``value``: often still valid, so the letter renders."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(min_value=-5, max_value=2 * max(value, 10)) | st.integers(1, max(1, min(value, 100)) + 1)
    if isinstance(value, str):
        return st.one_of(st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), max_size=40), any_text)
    return json_values


@st.composite
def perturbed_files(draw: st.DrawFn) -> str:
    raw = json.loads(json.dumps(SAMPLE_FILE))
    for _ in range(draw(st.integers(1, 2))):
        path = draw(st.sampled_from(PATHS))
        parent: Any = raw
        for part in path[:-1]:
            try:
                parent = parent[part]
            except (KeyError, IndexError, TypeError):
                break
        else:
            key = path[-1]
            if isinstance(parent, dict) or (isinstance(parent, list) and isinstance(key, int) and key < len(parent)):
                action = draw(st.sampled_from(["like"] * 4 + ["any", "remove", "add", "deep"]))
                old = parent[key] if not isinstance(parent, dict) or key in parent else None
                if action == "like":
                    parent[key] = draw(_like(old))
                elif action == "any":
                    parent[key] = draw(json_values)
                elif action == "remove":
                    if not isinstance(parent, dict) or key in parent:
                        del parent[key]
                elif action == "add" and isinstance(parent, dict):
                    parent[draw(any_text)] = draw(json_values)
                elif action == "deep":
                    depth = draw(st.integers(1, 60))
                    nested: Any = draw(scalars)
                    for _ in range(depth):
                        nested = [nested]
                    parent[key] = nested
    text = json.dumps(raw, ensure_ascii=draw(st.booleans()), allow_nan=True)
    damage = draw(st.sampled_from(["none"] * 6 + ["cut", "splice"]))
    if damage == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    elif damage == "splice":
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.text(st.characters(codec=None), min_size=1, max_size=3)) + text[at:]
    return text


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(perturbed_files())
def test_a_perturbed_letter_is_refused_reported_or_rendered(text: str) -> None:
    try:
        _, letter, problems = load_letter(text)
    except FileFormatError as exc:
        event("the file is refused")
        message = str(exc)
        assert message and message.encode("utf-8")  # says what is wrong, and can be printed
        return
    for problem in problems:
        assert problem.message
        str(problem).encode("utf-8")  # `offerdesk check` prints it
    if letter is None or any(p.severity.value == "error" for p in problems):
        event("the letter has errors")
        assert problems
        return
    event("the letter renders")
    document = render_document(letter)
    letter_text = to_text(document)
    assert letter.candidate.full_name in letter_text
    letter_text.encode("utf-8")
    assert not _CONTROL.search(letter_text)
