"""Properties over any two valid letters: the comparison never fails and says nothing only when nothing changed."""

from __future__ import annotations

from typing import Any

from hypothesis import assume, given

from app.compare.comparison import compare_letters
from app.compare.terms import ChangeKind
from app.domain.letter import Letter
from app.domain.rules import validate_draft
from tests.unit.compare.test_text import review, texts
from tests.unit.documents.test_any_letter import letters


def valid(draft: dict[str, Any]) -> Letter:
    letter, _ = validate_draft(draft)
    assume(letter is not None)
    assert letter is not None
    return letter


@given(letters(), letters())
def test_any_two_letters_compare(old_draft: dict[str, Any], new_draft: dict[str, Any]) -> None:
    old, new = valid(old_draft), valid(new_draft)
    comparison = compare_letters(old, new)
    assert (comparison.terms == ()) == (old == new)
    for change in comparison.terms:
        assert change.label and change.section_title
        if change.kind is ChangeKind.CHANGED:
            assert change.old is not None and change.new is not None and change.old != change.new
        else:
            assert (change.old if change.kind is ChangeKind.ADDED else change.new) is None
    document = comparison.redline.document
    assert review(document, accept=True) == texts(comparison.redline.current)
    assert review(document, accept=False) == texts(comparison.redline.baseline)
    numbers = [c.number for c in comparison.redline.changes]
    assert numbers == list(range(1, len(numbers) + 1))
    marks = [c.mark for c in comparison.redline.changes]
    assert marks == sorted(set(marks))


@given(letters())
def test_a_letter_against_itself_has_no_change(draft: dict[str, Any]) -> None:
    letter = valid(draft)
    comparison = compare_letters(letter, letter.model_copy(deep=True))
    assert comparison.terms == ()
    assert comparison.redline.change_count == 0
    assert not any(f.changed for f in comparison.figures)
