"""Hostile JSON in a letter file is refused with a message naming where, before anything crashes."""

from __future__ import annotations

import json

import pytest

from app.domain.file_format import FileFormatError, dumps, load_letter, loads, new_file
from app.domain.json_limits import MAX_DEPTH, JsonLimitError, parse_json
from app.domain.sample import sample_letter


def _letter_text(**replacements: str) -> str:
    """The sample letter file with the JSON text of some terms replaced (keys: draft paths, dotted)."""
    text = dumps(new_file(sample_letter()))
    raw = json.loads(text)
    for dotted, json_text in replacements.items():
        *parents, leaf = dotted.split(".")
        node = raw["draft"]
        for part in parents:
            node = node[part]
        node[leaf] = f"@@{leaf}@@"
        text = json.dumps(raw)
        raw = json.loads(text)
        text = text.replace(json.dumps(f"@@{leaf}@@"), json_text)
    return text


def test_a_field_nested_three_thousand_deep_is_named() -> None:
    text = _letter_text(**{"position.title": "[" * 3000 + "]" * 3000})
    with pytest.raises(FileFormatError, match=rf"the value of draft\.position\.title is nested more than {MAX_DEPTH} levels deep"):
        loads(text)


def test_a_file_nested_a_hundred_thousand_deep_is_refused() -> None:
    with pytest.raises(JsonLimitError, match="its JSON is nested more than 32 levels deep \\(line 1, column 33\\)"):
        parse_json("[" * 100_000 + "]" * 100_000)


def test_nesting_inside_a_string_is_only_text() -> None:
    assert parse_json(json.dumps({"a": "[" * 500 + '\\"{'})) == {"a": "[" * 500 + '\\"{'}


def test_a_five_thousand_digit_number_is_named() -> None:
    text = _letter_text(**{"equity.grants": "9" * 5000})
    with pytest.raises(FileFormatError, match=r"the number at draft\.equity\.grants has 5,000 digits"):
        loads(text)


def test_a_twenty_digit_number_is_still_a_number() -> None:
    assert parse_json("[-99999999999999999999]") == [-99999999999999999999]


@pytest.mark.parametrize(("text", "where"), [
    ('{"draft": {"candidate": {"full_name": "Jim \\ud800"}}}', "the text of draft.candidate.full_name"),
    ('{"draft": {"\\udfff": 1}}', "a name inside draft"),
])
def test_an_unpaired_surrogate_is_named(text: str, where: str) -> None:
    with pytest.raises(JsonLimitError) as info:
        parse_json(text)
    assert str(info.value).startswith(f"{where} holds an unpaired surrogate (\\u")


def test_a_surrogate_pair_written_as_escapes_is_one_character() -> None:
    assert parse_json('"\\ud83d\\ude00"') == "\U0001f600"


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"])
def test_dates_outside_the_letter_range_are_errors_on_their_field(day: str) -> None:
    draft = sample_letter().model_dump(mode="json")
    draft["position"]["start_date"] = day
    _, letter, problems = load_letter(dumps(new_file(draft)))
    assert letter is None
    assert [(p.dotted, p.message) for p in problems] == [
        ("position.start_date", f"must be between 1900-01-01 and 2199-12-31 ({day} is not); check the year")
    ]


def test_a_surrogate_typed_into_a_term_is_an_error_on_it() -> None:
    from app.domain.rules import validate_draft

    draft = sample_letter().model_dump(mode="json")
    draft["candidate"]["full_name"] = "James \ud800Lusk"
    letter, problems = validate_draft(draft)
    assert letter is None
    assert [p.dotted for p in problems] == ["candidate.full_name"]
    assert "unpaired surrogate U+D800" in problems[0].message
