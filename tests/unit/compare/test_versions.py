"""Marking a version as sent and finding it again."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.compare.versions import VersionError, default_version_name, mark_as_sent, sent_version
from app.domain.file_format import dumps, loads, new_file
from app.domain.sample import sample_letter
from tests.unit.compare.letters import bench_variant

FIRST = datetime(2002, 10, 1, 15, 0, tzinfo=UTC)
SECOND = datetime(2002, 10, 8, 9, 0, tzinfo=UTC)


def test_mark_as_sent_records_the_terms_and_leaves_the_file_untouched() -> None:
    file = new_file(sample_letter())
    marked = mark_as_sent(file, sample_letter(), "First offer", FIRST)
    assert file.sent_versions == []
    assert [(v.name, v.sent_at) for v in marked.sent_versions] == [("First offer", FIRST)]
    assert marked.sent_versions[0].terms == sample_letter()
    assert marked.draft == file.draft
    assert loads(dumps(marked)) == marked  # the sent version survives saving


def test_the_recorded_terms_do_not_follow_later_edits() -> None:
    letter = sample_letter()
    marked = mark_as_sent(new_file(letter), letter, "First offer", FIRST)
    letter.compensation.base_salary = bench_variant().compensation.base_salary
    assert sent_version(marked, "First offer").terms == sample_letter()


def test_versions_are_found_by_name_or_the_latest() -> None:
    file = mark_as_sent(new_file(sample_letter()), sample_letter(), "First offer", FIRST)
    file = mark_as_sent(file, bench_variant(), "Counter-offer", SECOND)
    assert sent_version(file, "First offer").terms == sample_letter()
    assert sent_version(file).name == "Counter-offer"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("First offer", "a version named 'First offer' was already sent; choose another name"),
        ("   ", "a sent version needs a name, for example the date it was sent"),
    ],
)
def test_names_must_be_given_and_unique(name: str, message: str) -> None:
    file = mark_as_sent(new_file(sample_letter()), sample_letter(), "First offer", FIRST)
    with pytest.raises(VersionError) as error:
        mark_as_sent(file, sample_letter(), name, SECOND)
    assert str(error.value) == message


def test_missing_versions_say_what_exists() -> None:
    with pytest.raises(VersionError, match="no version marked as sent; mark one as sent first"):
        sent_version(new_file(sample_letter()))
    file = mark_as_sent(new_file(sample_letter()), sample_letter(), "First offer", FIRST)
    with pytest.raises(VersionError, match=r"no sent version named 'Final' \(it has 'First offer'\)"):
        sent_version(file, "Final")


def test_default_names_are_dated_and_unique() -> None:
    file = new_file(sample_letter())
    assert default_version_name(file, FIRST) == "Sent October 1, 2002"
    file = mark_as_sent(file, sample_letter(), "Sent October 1, 2002", FIRST)
    assert default_version_name(file, FIRST) == "Sent October 1, 2002 (2)"
