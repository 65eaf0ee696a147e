"""The runner: legal issues placed at the words that show their term; pronouns only in a letter
that speaks to "you"; files it cannot review say why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.legal_rules import LegalIssue
from app.domain.problems import Severity
from app.review.runner import TERMS_NOT_PRINTED, ReviewInputError, legal_findings, review_file, review_text
from app.review.sources import FieldSpan, ReviewParagraph


def test_a_legal_issue_is_placed_at_the_words_of_its_term() -> None:
    text = "Section 11. You shall not compete for nine months following termination of your employment."
    at = text.index("nine months")
    paragraphs = [
        ReviewParagraph("Opening words.", "Opening", 1),
        ReviewParagraph(text, "Exhibit A", 3, fields=(FieldSpan(at, at + 11, "covenants.noncompete.months"),)),
    ]
    issues = [
        LegalIssue("legal-x", Severity.ERROR, "Too long: shorten it.", "covenants.noncompete.months"),
        LegalIssue("legal-y", Severity.WARNING, "Say where: set it.", "position.work_state"),
        LegalIssue("legal-z", Severity.WARNING, "The group: fix it.", "covenants.noncompete"),
    ]
    placed, unplaced, group = legal_findings(paragraphs, issues)
    assert placed.location.index == 1 and placed.location.field == "covenants.noncompete.months"
    assert "nine months" in placed.excerpt and str(placed.location) == "Exhibit A, paragraph 3"
    assert unplaced.location.index == -1 and unplaced.location.section == TERMS_NOT_PRINTED
    assert unplaced.excerpt == "" and unplaced.location.field == "position.work_state"
    assert group.location.index == 1  # a group is placed at the first term inside it


def test_third_person_is_a_slip_only_in_a_letter_to_you() -> None:
    to_you = "You will work. You report to your manager. You are paid. Your duties are yours. He will be paid.\n"
    assert [f.rule for f in review_text(to_you)] == ["pronoun"]
    about_him = "The Executive will work. He reports to the Board. He is paid.\n"
    assert [f.rule for f in review_text(about_him)] == []


def test_a_letter_file_with_errors_cannot_be_reviewed(tmp_path: Path) -> None:
    path = tmp_path / "bad.offer.json"
    path.write_text(json.dumps({"format": "offerdesk.letter", "schema_version": 2, "draft": {}}), encoding="utf-8")
    with pytest.raises(ReviewInputError, match="has errors, so it cannot be rendered for review"):
        review_file(path)
    with pytest.raises(ReviewInputError, match="is a folder"):
        review_file(tmp_path)


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    # Reading it waited forever for a writer.
    import os

    for name in ("letter.txt", "letter.docx", "letter.offer.json"):
        pipe = tmp_path / name
        os.mkfifo(pipe)
        with pytest.raises(ReviewInputError, match=r"is a named pipe \(FIFO\), not a letter file"):
            review_file(pipe)


def test_a_docx_that_carries_its_terms_gets_the_legal_checks_too(tmp_path: Path) -> None:
    import copy

    from app.documents.docx_writer import docx_bytes
    from app.documents.engine import render_document
    from app.domain.file_format import dumps, new_file
    from app.domain.rules import validate_draft
    from app.domain.sample import SAMPLE_TERMS

    draft = copy.deepcopy(SAMPLE_TERMS)
    draft["position"]["work_state"] = "CA"  # a California employee with the sample's non-compete
    letter, _ = validate_draft(draft)
    assert letter is not None
    document = render_document(letter)
    with_terms = tmp_path / "signed.docx"
    with_terms.write_bytes(docx_bytes(document, terms=dumps(new_file(draft))))
    plain = tmp_path / "plain.docx"
    plain.write_bytes(docx_bytes(document))
    california = [f for f in review_file(with_terms) if f.rule.startswith("legal-california")]
    assert california and california[0].severity is Severity.ERROR
    assert "16600" in california[0].message
    # The same words without their terms: the drafting checks only.
    assert not [f for f in review_file(plain) if f.rule.startswith("legal-")]
