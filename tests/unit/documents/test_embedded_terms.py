"""The terms carried in an exported DOCX: written, read back, and an edit since export detected."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest

from app.compare.redline_docx import redline_docx_bytes
from app.documents.docx_writer import docx_bytes
from app.documents.engine import render_document
from app.domain.embedded_terms import EmbeddedTermsError, read_embedded_terms
from app.domain.file_format import FileFormatError, embedded_text, load_embedded_letter, new_file
from app.domain.rules import validate_draft
from app.domain.sample import SAMPLE_TERMS, sample_letter
from app.storage.errors import StorageError
from app.storage.letters import open_letter
from tests.unit.domain.test_letter_model import edited as sample_with


@pytest.fixture(scope="module")
def exported() -> bytes:
    return docx_bytes(render_document(sample_letter()), terms=embedded_text(SAMPLE_TERMS))


def resaved(data: bytes, change: Callable[[docx.document.Document], None] | None = None) -> bytes:
    """Open the DOCX with python-docx (as another program would), optionally change it, save it."""
    document = docx.Document(io.BytesIO(data))
    if change is not None:
        change(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_the_docx_carries_the_draft_and_reopens_unedited(exported: bytes) -> None:
    embedded = read_embedded_terms(exported)
    assert json.loads(embedded.letter_file)["draft"] == json.loads(json.dumps(SAMPLE_TERMS))
    assert not embedded.edited
    file, letter, problems, edited = load_embedded_letter(exported)
    assert letter == sample_letter() and not edited
    assert file.sent_versions == []


def test_the_part_is_a_custom_xml_item_with_properties(exported: bytes) -> None:
    names = zipfile.ZipFile(io.BytesIO(exported)).namelist()
    assert "customXml/item1.xml" in names and "customXml/itemProps1.xml" in names
    rels = zipfile.ZipFile(io.BytesIO(exported)).read("word/_rels/document.xml.rels").decode()
    assert "relationships/customXml" in rels


def test_saving_again_without_a_change_is_not_an_edit(exported: bytes) -> None:
    assert not read_embedded_terms(resaved(exported)).edited


def test_a_changed_word_in_the_body_is_an_edit(exported: bytes) -> None:
    def change(document: docx.document.Document) -> None:
        paragraph = next(p for p in document.paragraphs if "$300,000" in p.text)
        for run in paragraph.runs:
            run.text = run.text.replace("$300,000", "$400,000")

    edited = resaved(exported, change)
    embedded = read_embedded_terms(edited)
    assert embedded.edited
    # The terms are still those exported: the figure the letter was sent with.
    _, letter, _, was_edited = load_embedded_letter(edited)
    assert was_edited and letter is not None and letter.compensation.base_salary == 300000


def test_formatting_alone_is_not_an_edit(exported: bytes) -> None:
    def bold_everything(document: docx.document.Document) -> None:
        for paragraph in document.paragraphs:
            for run in paragraph.runs:
                run.bold = True

    assert not read_embedded_terms(resaved(exported, bold_everything)).edited


def test_a_docx_without_terms_says_so() -> None:
    plain = docx_bytes(render_document(sample_letter()))
    with pytest.raises(EmbeddedTermsError, match="holds no OfferDesk terms"):
        read_embedded_terms(plain)
    with pytest.raises(FileFormatError, match="holds no OfferDesk terms"):
        load_embedded_letter(plain)


def test_a_file_that_is_not_a_docx_says_so() -> None:
    with pytest.raises(EmbeddedTermsError, match="not a ZIP package"):
        read_embedded_terms(b"just text")


def test_sent_versions_stay_out_of_the_docx() -> None:
    text = embedded_text(new_file(SAMPLE_TERMS).draft)
    assert json.loads(text)["sent_versions"] == []


def test_storage_opens_a_docx_as_its_letter(tmp_path: Path, exported: bytes) -> None:
    path = tmp_path / "sent.docx"
    path.write_bytes(exported)
    opened = open_letter(path)
    assert opened.from_docx and not opened.edited and opened.letter == sample_letter()
    (tmp_path / "plain.docx").write_bytes(docx_bytes(render_document(sample_letter())))
    with pytest.raises(StorageError, match="plain.docx cannot be opened as a letter: it holds no OfferDesk terms"):
        open_letter(tmp_path / "plain.docx")


def test_a_redline_carries_the_new_terms_and_reads_as_unedited() -> None:
    new = sample_with("compensation.base_salary", "325000.00")
    letter, _ = validate_draft(new)
    assert letter is not None
    data = redline_docx_bytes(render_document(sample_letter()), render_document(letter), "Reviewer",
                              datetime(2025, 1, 2, tzinfo=UTC), embedded_text(new))
    assert b"w:delText" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    embedded = read_embedded_terms(data)
    assert not embedded.edited
    assert json.loads(embedded.letter_file)["draft"]["compensation"]["base_salary"] == "325000.00"
