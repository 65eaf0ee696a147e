"""The *.offer.json file: envelope, schema version, every problem reported with its path."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from app.domain.file_format import (
    SCHEMA_VERSION,
    FileFormatError,
    SentVersion,
    dumps,
    load_letter,
    loads,
    new_file,
)
from app.domain.sample import SAMPLE_TERMS, sample_letter
from tests.unit.domain.test_letter_model import edited


def test_round_trip_keeps_draft_and_versions() -> None:
    file = new_file(sample_letter())
    file.sent_versions.append(SentVersion(name="Sent to candidate", sent_at=datetime(2002, 10, 1, 9, 30), terms=sample_letter()))
    again = loads(dumps(file))
    assert again == file
    assert json.loads(dumps(file))["schema_version"] == SCHEMA_VERSION


def test_invalid_draft_is_kept_and_every_problem_reported() -> None:
    draft = edited("compensation.base_salary", "-1")
    draft["candidate"]["full_name"] = ""
    file, letter, problems = load_letter(dumps(new_file(draft)))
    assert letter is None
    assert file.draft["compensation"]["base_salary"] == "-1"  # nothing the user typed is lost
    assert {p.dotted for p in problems} == {"compensation.base_salary", "candidate.full_name"}


def test_bare_letter_json_is_accepted() -> None:
    _, letter, problems = load_letter(json.dumps(SAMPLE_TERMS))
    assert letter is not None and problems == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{not json", "not valid JSON (line 1, column 2"),
        ("[1, 2]", "does not hold a letter"),
        ('{"format": "something.else", "draft": {}}', "not an OfferDesk letter"),
        ('{"format": "offerdesk.letter", "schema_version": 99, "draft": {}}', "newer OfferDesk (schema version 99"),
        ('{"format": "offerdesk.letter", "schema_version": 1, "draft": 5}', "structure is damaged"),
    ],
)
def test_bad_files_say_what_is_wrong(text: str, expected: str) -> None:
    with pytest.raises(FileFormatError, match=None) as info:
        loads(text)
    assert expected in str(info.value)
