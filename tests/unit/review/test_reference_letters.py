"""The review over the original reference letter (the seed) and over the built-in sample.

The seed's defects are the ones the templates' ``{# corrected: ... #}`` comments list; the review
must find each of them and raise no false alarm. The sample (which corrects them) must be clean
but for findings that are true of its wording too.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from app.documents.docx_writer import docx_bytes
from app.documents.engine import render_document
from app.domain.sample import sample_letter
from app.review.runner import review_document, review_file, review_text
from app.review.sources import from_paragraph_texts, text_paragraphs
from tests.unit.documents.reference_text import REFERENCE

EXAMPLES_DIR = Path(__file__).resolve().parents[3] / "examples"

# (rule, words in the excerpt, section the finding is in): every defect the templates corrected.
SEED_DEFECTS = [
    ("party-name", "MIM CORPORATON", "14. ARBITRATION"),  # the signature block
    ("doubled-word", "the means the meaning", "8. TERMINATION; SEVERANCE CHANGE OF CONTROL"),
    ("garbled-citation", "l3d-3", "8. TERMINATION; SEVERANCE CHANGE OF CONTROL"),
    ("unbalanced-parenthesis", "(and reimbursement for expenses", "8. TERMINATION; SEVERANCE CHANGE OF CONTROL"),
    ("unbalanced-parenthesis", "(as each of the terms", "8. TERMINATION; SEVERANCE CHANGE OF CONTROL"),
    ("unbalanced-parenthesis", "(and reimbursement for expenses", "9. Termination Upon Disability"),
    ("doubled-punctuation", "Code; ; and", "8. TERMINATION; SEVERANCE CHANGE OF CONTROL"),
    ("pronoun", "the Executive's", "Exhibit A"),
    ("pronoun", "his benefit", "Exhibit A"),
    ("pronoun", "breach by him", "Exhibit A"),
    ("stray-character", "`", "Exhibit A"),
    ("enumeration", "(iii) is national in scope", "Exhibit A"),
    ("defined-term-undefined", "the Bonus Program", "8. TERMINATION; SEVERANCE CHANGE OF CONTROL"),
    ("neither-or", "neither you or", "10. TERMINATION UPON DEATH"),
    ("statute-name", "Securities and Exchange Act of 1934", "8. TERMINATION; SEVERANCE CHANGE OF CONTROL"),
    ("singular-plural", "The arbitrators", "14. ARBITRATION"),
    ("heading", "SEVERANCE CHANGE OF CONTROL", "8. TERMINATION; SEVERANCE CHANGE OF CONTROL"),
]
# True defects of the original that the templates keep or correct without a comment.
SEED_ALSO_TRUE = [
    ("defined-term-unused", '(the "MERP")'),  # defined, never used again
    ("defined-term-undefined", "the Term"),  # "during the Term": the letter has no term
    ("heading", "9. Termination Upon Disability"),  # the one heading not in capitals with a colon
]
SAMPLE_TRUE = [("defined-term-unused", '(the "MERP")'), ("defined-term-undefined", "the Term")]


def matches(findings, expected) -> list:
    left = list(findings)
    for rule, words, *section in expected:
        hit = next((f for f in left if f.rule == rule and words in f.excerpt
                    and (not section or f.location.section == section[0])), None)
        assert hit is not None, f"missing {rule} on {words!r}; found: {[str(f) for f in left]}"
        left.remove(hit)
    return left


def test_the_seed_shows_every_corrected_defect_and_no_false_alarm() -> None:
    findings = review_text(REFERENCE.read_text(encoding="utf-8"))
    left = matches(findings, SEED_DEFECTS)
    left = matches(left, SEED_ALSO_TRUE)
    assert left == [], [str(f) for f in left]


def test_the_seed_text_is_split_into_the_letters_paragraphs() -> None:
    paragraphs = from_paragraph_texts(text_paragraphs(REFERENCE.read_text(encoding="utf-8")))
    headings = [p.text for p in paragraphs if p.kind.value == "heading"]
    assert len(headings) == 14 and headings[2] == "3. LONG-TERM INCENTIVE COMPENSATION:"
    # A paragraph a page break cut in two is one paragraph again.
    assert any("definitive non-qualified stock option agreement. Such options" in p.text for p in paragraphs)
    assert not any(p.text.startswith(("Mr. James S. Lusk October", "Page ")) for p in paragraphs)


def test_the_sample_letter_renders_clean_but_for_true_findings() -> None:
    letter = sample_letter()
    findings = [f for f in review_document(render_document(letter), letter) if not f.rule.startswith("legal-")]
    assert matches(findings, SAMPLE_TRUE) == []


def test_findings_of_the_rendered_letter_carry_the_field_they_show() -> None:
    letter = sample_letter()
    merp = next(f for f in review_document(render_document(letter), letter) if f.rule == "defined-term-unused")
    assert merp.location.field == "benefits.merp"
    assert merp.location.section == "5. Participation in Health and Other Benefit Plans"
    assert merp.location.paragraph == 1


def test_the_sample_exported_to_word_reviews_like_the_rendered_letter(tmp_path) -> None:
    path = tmp_path / "offer.docx"
    path.write_bytes(docx_bytes(render_document(sample_letter())))
    assert len(docx.Document(io.BytesIO(path.read_bytes())).paragraphs) > 40
    assert matches(review_file(path), SAMPLE_TRUE) == []


def test_a_defect_typed_into_a_term_is_found_at_its_field() -> None:
    letter = sample_letter()
    letter.candidate.familiar_name = "Jim Jim"
    found = [f for f in review_document(render_document(letter), letter) if f.rule == "doubled-word"]
    assert len(found) == 1
    assert found[0].location.field == "candidate.familiar_name" and "Jim Jim" in found[0].excerpt


# The example letters' drafting findings, each true of the rendered wording: Exhibit A's "during the
# Term" (the reference letter's words, kept for its fidelity) in letters without a fixed term. Terms
# the wording defines are defined only where the letter uses them again.
EXAMPLES = {
    "ca-vp-engineering-at-will": [("defined-term-undefined", "the Term")],
    "ceo-double-trigger": [("defined-term-undefined", "the Term")],
    "interim-cfo-fixed-term": [],
    "merger-contingent-president": [("defined-term-undefined", "the Term")],
    "promotion-coo-term-sheet": [("defined-term-undefined", "the Term")],
}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_example_letters_raise_no_false_alarm(name: str) -> None:
    # Names with commas ("Keystone Therapeutics, Inc."), "Cause (each as defined below)", statutes
    # by their full names: none of them is a finding.
    findings = review_file(EXAMPLES_DIR / f"{name}.offer.json")
    drafting = [f for f in findings if not f.rule.startswith("legal-")]
    assert matches(drafting, EXAMPLES[name]) == []
