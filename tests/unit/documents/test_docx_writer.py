"""The DOCX: headers, styles, page breaks, signature blocks, properties and tracked changes."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from app.documents.docx_writer import (
    DEFAULT_REFERENCE,
    DocxError,
    RevisionInfo,
    StyleName,
    build_docx,
    docx_bytes,
)
from app.documents.engine import render_document
from app.documents.model import (
    Change,
    Document,
    DocumentMeta,
    Heading,
    Paragraph,
    Run,
    SignatureBlock,
)
from app.domain.sample import sample_letter
from tests.unit.documents.letters import letter_with, reopen

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def sample_docx() -> docx.document.Document:
    return reopen(sample_letter())


def texts(paragraphs: list) -> list[str]:
    return [p.text for p in paragraphs]


def test_letterhead_only_on_the_first_page(sample_docx: docx.document.Document) -> None:
    section = sample_docx.sections[0]
    assert section.different_first_page_header_footer
    first = [t for t in texts(section.first_page_header.paragraphs) if t]
    assert first == ["MIM Corporation", "100 Clearbrook Road", "Elmsford, New York 10523"]
    styles = [p.style.name for p in section.first_page_header.paragraphs if p.text]
    assert styles == ["Offer Letterhead Name", "Offer Letterhead", "Offer Letterhead"]


def test_continuation_header_has_addressee_date_and_a_page_field(sample_docx: docx.document.Document) -> None:
    header = sample_docx.sections[0].header
    assert not header.is_linked_to_previous
    lines = [t for t in texts(header.paragraphs) if t]
    assert lines[:2] == ["Mr. James S. Lusk", "October 1, 2002"]
    assert lines[2].startswith("Page ")
    xml = header.part.element.xml
    instructions = [e.text.strip() for e in header.part.element.iter(f"{W}instrText")]
    assert instructions == ["PAGE"]
    assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
    assert "MIM Corporation" not in xml


def test_headings_are_numbered_bold_and_keep_with_next(sample_docx: docx.document.Document) -> None:
    headings = [p for p in sample_docx.paragraphs if p.style.name == StyleName.HEADING]
    assert [p.text for p in headings][:3] == [
        "1. POSITION AND DUTIES:",
        "2. BASE COMPENSATION:",
        "3. LONG-TERM INCENTIVE COMPENSATION:",
    ]
    assert len(headings) == 14
    style = sample_docx.styles[StyleName.HEADING]
    assert style.font.bold and style.paragraph_format.keep_with_next


def test_body_style_is_justified_serif(sample_docx: docx.document.Document) -> None:
    body = sample_docx.styles[StyleName.BODY]
    assert body.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert body.font.name == "Times New Roman"
    assert body.font.size.pt == 12


def test_every_style_comes_from_the_reference(sample_docx: docx.document.Document) -> None:
    reference = {s.name for s in docx.Document(str(DEFAULT_REFERENCE)).styles}
    used = {p.style.name for p in sample_docx.paragraphs}
    assert used <= reference
    assert used <= {s.value for s in StyleName}


def test_exhibit_a_starts_a_new_page(sample_docx: docx.document.Document) -> None:
    paragraphs = sample_docx.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text == "Exhibit A")
    title = paragraphs[index]
    assert title.paragraph_format.page_break_before
    assert title.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert title.style.name == StyleName.EXHIBIT_TITLE
    assert paragraphs[index + 1].text == "RESTRICTIVE COVENANTS"
    assert paragraphs[index + 1].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert sum(bool(p.paragraph_format.page_break_before) for p in paragraphs) == 1


def test_signature_blocks_are_never_split(sample_docx: docx.document.Document) -> None:
    paragraphs = sample_docx.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "Sincerely yours,")
    block = paragraphs[start : start + 5]
    assert texts(block) == [
        "Sincerely yours,",
        "MIM CORPORATION",
        "By:",
        "Name: Richard H. Friedman",
        "Title: Chairman and CEO",
    ]
    assert [p.paragraph_format.keep_with_next for p in block] == [True, True, True, True, False]
    assert all(p.paragraph_format.keep_together for p in block)
    # The signature rule is a bottom border on the "By:" line.
    assert block[2]._p.pPr.find(qn("w:pBdr")) is not None
    candidate = paragraphs[start + 5 : start + 8]
    assert texts(candidate) == ["Agreed to and Accepted By:", "", "James S. Lusk"]
    assert [p.paragraph_format.keep_with_next for p in candidate] == [True, True, False]


def test_properties_include_the_company() -> None:
    data = docx_bytes(render_document(sample_letter()))
    document = docx.Document(io.BytesIO(data))
    props = document.core_properties
    assert props.title == "Offer of employment: James S. Lusk"
    assert props.subject == "Chief Financial Officer: offer letter and Exhibit A"
    assert props.author == "Richard H. Friedman"
    assert "MIM Corporation" in props.keywords
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        app = package.read("docProps/app.xml").decode()
    assert "<Company>MIM Corporation</Company>" in app


def test_markup_characters_and_non_latin_names_round_trip() -> None:
    name = "Zoë Ødegård-Łukasz & <Søn> 王小明 Ολυμπία"
    letter = letter_with(**{"candidate.full_name": name, "company.name": "AT&T <West> Corp."})
    document = reopen(letter)
    body = "\n".join(p.text for p in document.paragraphs)
    assert f"Mr. {name}" in body
    assert "AT&T <West> Corp., a Delaware corporation" in body
    assert "AT&T <WEST> CORP." in body
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert f"Mr. {name}" in header


def test_characters_xml_cannot_hold_are_dropped_not_fatal() -> None:
    doc = Document(
        DocumentMeta("t\x0b", "s", "c", "a"),
        ("Letterhead\x01",),
        (),
        (Paragraph((Run("bad\x0bchar\x00s"),)),),
    )
    reopened = docx.Document(io.BytesIO(docx_bytes(doc)))
    assert reopened.paragraphs[0].text == "badchars"


def redline_document() -> Document:
    return Document(
        DocumentMeta("Redline", "s", "Co", "a"),
        ("Co",),
        ("Mr. X",),
        (
            Heading("position", 2, "Position", old_number=1),
            Paragraph((Run("Salary of "), Run("$1", change=Change.DELETED), Run("$2", change=Change.INSERTED))),
            Paragraph((Run("A new paragraph."),), change=Change.INSERTED),
            Paragraph((Run("An old paragraph."),), change=Change.DELETED),
            Heading("vacation", 3, "Vacation", change=Change.INSERTED),
            SignatureBlock((Paragraph((Run("Name"),)),)),
        ),
    )


def test_redline_runs_and_paragraph_marks_are_tracked_changes() -> None:
    when = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
    document = build_docx(redline_document(), revision=RevisionInfo("Counsel", when))
    body = document.element.body
    inserted = body.findall(f".//{W}ins")
    deleted = body.findall(f".//{W}del")
    assert inserted and deleted
    for change in inserted + deleted:
        assert change.get(f"{W}author") == "Counsel"
        assert change.get(f"{W}date") == "2024-05-06T07:08:09Z"
    ids = [c.get(f"{W}id") for c in inserted + deleted]
    assert len(ids) == len(set(ids))
    # Deleted text is delText, never t.
    for change in body.iter(f"{W}del"):
        assert change.find(f".//{W}t") is None
    assert [t.text for t in body.iter(f"{W}delText")] == ["1.", "$1", "An old paragraph."]
    paragraphs = body.findall(f"{W}p")
    # The paragraph marks: inserted paragraph, deleted paragraph and inserted heading.
    marks = [p.find(f"{W}pPr/{W}rPr") for p in paragraphs]
    assert marks[2].find(f"{W}ins") is not None
    assert marks[3].find(f"{W}del") is not None
    assert marks[4].find(f"{W}ins") is not None
    assert marks[1] is None
    # The renumbered heading shows the old number deleted and the new one inserted.
    shown = "".join(e.text for e in paragraphs[0].iter(f"{W}t", f"{W}delText"))
    assert shown == "1.2. POSITION:"


def test_a_redline_without_revision_info_still_attributes_changes() -> None:
    document = build_docx(redline_document())
    change = document.element.body.find(f".//{W}ins")
    assert change.get(f"{W}author") == "OfferDesk"
    assert change.get(f"{W}date").endswith("Z")


def test_a_missing_reference_or_style_is_a_clear_error(tmp_path: Path) -> None:
    doc = render_document(sample_letter())
    with pytest.raises(DocxError, match="cannot be read"):
        docx_bytes(doc, reference=tmp_path / "none.docx")
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    with pytest.raises(DocxError, match="no paragraph style 'Offer Body'"):
        docx_bytes(doc, reference=plain)
    with pytest.raises(DocxError, match="cannot be read"):
        docx_bytes(doc, reference=tmp_path)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(DocxError, match="cannot be opened"):
        docx_bytes(doc, reference=broken)


def test_a_restyled_reference_restyles_the_letter(tmp_path: Path) -> None:
    reference = docx.Document(str(DEFAULT_REFERENCE))
    reference.styles[StyleName.BODY].font.name = "Georgia"
    custom = tmp_path / "house.docx"
    reference.save(str(custom))
    document = docx.Document(io.BytesIO(docx_bytes(render_document(sample_letter()), reference=custom)))
    assert document.styles[StyleName.BODY].font.name == "Georgia"


def test_the_reference_builder_reproduces_the_committed_styles(tmp_path: Path) -> None:
    from app.documents.build_reference import main

    target = tmp_path / "ref.docx"
    assert main([str(target)]) == 0
    built = {s.name for s in docx.Document(str(target)).styles}
    assert {s.value for s in StyleName} <= built
