"""A DOCX as the baseline: its terms when it carries them unedited, its text otherwise."""

from __future__ import annotations

import io

import docx
import pytest

from app.compare.comparison import compare_with_document
from app.compare.imported import BaselineError, docx_baseline
from app.documents.docx_writer import docx_bytes
from app.documents.engine import render_document
from app.domain.file_format import embedded_text
from app.domain.sample import sample_letter
from tests.unit.compare.letters import bench_variant


def exported(terms: bool) -> bytes:
    letter = sample_letter()
    return docx_bytes(render_document(letter), terms=embedded_text(letter.model_dump(mode="json")) if terms else None)


def word_edit(data: bytes, old: str, new: str) -> bytes:
    source = docx.Document(io.BytesIO(data))
    for paragraph in source.paragraphs:
        for run in paragraph.runs:
            run.text = run.text.replace(old, new)
    out = io.BytesIO()
    source.save(out)
    return out.getvalue()


def test_an_unedited_export_with_terms_is_compared_by_its_terms() -> None:
    baseline = docx_baseline(exported(terms=True))
    assert baseline.letter == sample_letter()
    assert baseline.document is None and not baseline.by_text
    assert baseline.describe("sent.docx") == "sent.docx (the terms it carries)"


def test_an_export_edited_in_word_keeps_its_terms_for_the_lists_and_its_text_for_the_redline() -> None:
    baseline = docx_baseline(word_edit(exported(terms=True), "four weeks", "five weeks"))
    assert baseline.edited and baseline.by_text and baseline.letter == sample_letter()
    assert baseline.document is not None
    comparison = compare_with_document(baseline.letter, baseline.document, sample_letter())
    assert comparison.by_text and comparison.terms == ()  # the terms are the draft's
    (change,) = comparison.redline.changes
    assert (change.old_text.strip(), change.new_text.strip()) == ("five", "four")


def test_a_docx_without_terms_is_compared_by_its_text_alone() -> None:
    baseline = docx_baseline(exported(terms=False))
    assert baseline.letter is None and baseline.document is not None
    comparison = compare_with_document(None, baseline.document, bench_variant())
    assert comparison.terms == () and comparison.figures == ()
    assert comparison.redline.change_count > 0
    plain = compare_with_document(None, baseline.document, sample_letter())
    assert plain.redline.change_count == 0


def test_a_file_that_is_not_a_docx_cannot_be_a_baseline() -> None:
    with pytest.raises(BaselineError, match="not a Word document"):
        docx_baseline(b"%PDF-1.4 not a docx")
