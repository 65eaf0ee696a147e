"""Hypothesis: the review of any valid letter (any script in its names, any shape of terms) runs
without error, every finding is well formed, and every excerpt is words of the reviewed paragraph."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings

from app.documents.engine import render_document
from app.domain.rules import validate_draft
from app.review.runner import review_rendered
from tests.unit.documents.test_any_letter import letters


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(letters())
def test_any_valid_letter_reviews_with_well_formed_findings(draft: dict[str, Any]) -> None:
    letter, _ = validate_draft(draft)
    assert letter is not None
    review = review_rendered(render_document(letter), letter)
    for finding in review.findings:
        assert finding.rule and finding.severity.value in ("error", "warning")
        assert ": " in finding.message  # what is wrong: what to do
        index = finding.location.index
        if index >= 0:
            paragraph = review.paragraphs[index]
            assert finding.excerpt in paragraph.text
            assert finding.location.section == paragraph.section
        else:
            assert finding.rule.startswith("legal-") and finding.excerpt == ""
