"""The redline DOCX: accepting every change gives the current letter, rejecting gives the baseline."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from app.compare.redline_docx import redline_docx_bytes
from app.documents.docx_writer import docx_bytes
from app.documents.engine import render_document
from app.domain.letter import Letter
from app.domain.sample import SAMPLE_TERMS, sample_letter
from tests.unit.compare.docx_review import (
    W,
    body_xml,
    change_elements,
    change_ids,
    header_parts,
    plain_paragraphs,
    reviewed_paragraphs,
)
from tests.unit.compare.letters import bench_variant

AUTHOR = "Ana Núñez (Legal)"
WHEN = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def assert_reviews_to_both_letters(old: Letter, new: Letter) -> bytes:
    old_doc, new_doc = render_document(old), render_document(new)
    data = redline_docx_bytes(old_doc, new_doc, AUTHOR, WHEN)
    new_docx, old_docx = docx_bytes(new_doc), docx_bytes(old_doc)
    assert reviewed_paragraphs(data, accept=True) == plain_paragraphs(new_docx)
    assert reviewed_paragraphs(data, accept=False) == plain_paragraphs(old_docx)
    # The letterhead (first page) and the later pages' header too.
    assert header_parts(data).keys() >= {"first", "default"}
    for kind, part in header_parts(data).items():
        assert reviewed_paragraphs(data, accept=True, part=part) == plain_paragraphs(new_docx, header_parts(new_docx)[kind])
        assert reviewed_paragraphs(data, accept=False, part=part) == plain_paragraphs(old_docx, header_parts(old_docx)[kind])
    ids = change_ids(data)
    assert len(ids) == len(set(ids))
    return data


def test_sample_against_the_issue_variant() -> None:
    data = assert_reviews_to_both_letters(sample_letter(), bench_variant())
    changes = change_elements(data)
    # salary (2), severance (2), non-compete (2), the removed section's heading and paragraph (2 marks
    # + their runs) and every later heading renumbered (old and new number)
    assert len(changes) > 10
    for element in changes:
        assert element.get(f"{{{W}}}author") == AUTHOR
        assert element.get(f"{{{W}}}date") == "2026-11-25T09:30:00Z"
    deleted = "".join(t.text or "" for e in changes for t in e.iter(f"{{{W}}}delText"))
    inserted = "".join(t.text or "" for e in changes for t in e.iter(f"{{{W}}}t"))
    assert "$300,000.00" in deleted and "TRANSPORTATION ALLOWANCE" in deleted
    assert "$325,000.00" in inserted and "eighteen months" in inserted


def test_letterhead_and_continuation_header_changes_are_tracked() -> None:
    new_terms = copy.deepcopy(SAMPLE_TERMS)
    new_terms["company"]["letterhead_lines"] = ["MIM Corporation", "200 Clearbrook Road", "Suite 4", "Elmsford, New York 10523"]
    new_terms["candidate"]["full_name"] = "James S. Lusk Jr."
    data = assert_reviews_to_both_letters(sample_letter(), Letter.model_validate(new_terms))
    parts = header_parts(data)
    letterhead = body_xml(data, parts["first"])
    deleted = [t.text for t in letterhead.iter(f"{{{W}}}delText")]
    inserted = [t.text for e in letterhead.iter(f"{{{W}}}ins") for t in e.iter(f"{{{W}}}t")]
    assert deleted == ["100"] and inserted == ["200", "Suite 4"]  # word by word; the new line whole
    continuation = body_xml(data, parts["default"])
    assert [t.text for e in continuation.iter(f"{{{W}}}ins") for t in e.iter(f"{{{W}}}t")] == [" Jr."]
    for element in change_elements(data):
        assert element.get(f"{{{W}}}author") == AUTHOR


def test_identical_letters_give_a_redline_without_changes() -> None:
    data = assert_reviews_to_both_letters(sample_letter(), sample_letter())
    assert change_ids(data) == []


# ---------------------------------------------------------------- property: any pair of variations

_NAME_CHARS = st.characters(
    whitelist_categories=("Lu", "Ll", "Lo", "Zs"), whitelist_characters="-.'’", max_codepoint=0x9FFF
)
names = st.text(_NAME_CHARS, min_size=1, max_size=30).map(str.strip).filter(bool)
months = st.integers(1, 36)
extra_grounds = st.lists(
    st.sampled_from(
        ["material breach of this Agreement", "conviction of a felony", "habitual neglect of duties — après avis"]
    ),
    max_size=2,
    unique=True,
)


@st.composite
def variations(draw: st.DrawFn) -> Letter:
    """The sample letter with the terms a negotiation changes, each drawn independently."""
    draft: dict[str, Any] = copy.deepcopy(SAMPLE_TERMS)
    draft["compensation"]["base_salary"] = str(draw(st.decimals(Decimal("50000"), Decimal("2000000"), places=2)))
    draft["termination"]["without_cause"]["severance"]["months"] = draw(months)
    draft["covenants"]["noncompete"]["months"] = draw(months)
    draft["covenants"]["nonsolicit"]["months"] = draw(months)
    if draw(st.booleans()):
        draft["transportation"] = None
    if draw(st.booleans()):
        draft["termination"]["change_of_control"] = None
    if draw(st.booleans()):
        draft["benefits"]["bonus_program"] = None
    if draw(st.booleans()):
        draft["equity"] = None
    draft["candidate"]["full_name"] = draw(names)
    draft["company"]["letterhead_lines"] = draw(
        st.lists(st.sampled_from(["MIM Corporation", "100 Clearbrook Road", "Suite 4", "Elmsford, New York 10523"]),
                 min_size=1, max_size=4)
    )
    draft["candidate"]["familiar_name"] = draw(names)
    items = draft["termination"]["cause"]["items"]
    kept = draw(st.lists(st.sampled_from(range(len(items))), min_size=1, max_size=len(items), unique=True))
    draft["termination"]["cause"]["items"] = [items[i] for i in sorted(kept)] + draw(extra_grounds)
    return Letter.model_validate(draft)


@given(variations(), variations())
def test_accepting_gives_the_current_letter_and_rejecting_the_baseline(old: Letter, new: Letter) -> None:
    assert_reviews_to_both_letters(old, new)
