"""Reading a Word letter by its text: OfferDesk's own exports, edits made in Word, tracked changes, foreign files."""

from __future__ import annotations

import copy
import io

import docx
import pytest
from docx.oxml.ns import qn

from app.compare.imported import conformed
from app.compare.text import EditKind, redline
from app.documents.docx_reader import DocxReadError, read_docx
from app.documents.docx_writer import docx_bytes
from app.documents.engine import render_document
from app.documents.model import Heading, PageBreak, Paragraph, ParaStyle, SignatureBlock
from app.domain.sample import sample_letter

AUTHOR = 'w:id="{n}" w:author="Opposing Counsel" w:date="2002-10-05T00:00:00Z"'


def sample_document():  # type: ignore[no-untyped-def]
    return render_document(sample_letter())


def edited(data: bytes, edit) -> bytes:  # type: ignore[no-untyped-def]
    source = docx.Document(io.BytesIO(data))
    edit(source)
    out = io.BytesIO()
    source.save(out)
    return out.getvalue()


def paragraph_with(source, words: str):  # type: ignore[no-untyped-def]
    return next(p for p in source.paragraphs if words in p.text)


def test_an_offerdesk_export_reads_back_as_the_same_letter() -> None:
    document = sample_document()
    read = read_docx(docx_bytes(document))
    assert read.letterhead == document.letterhead
    assert read.continuation == document.continuation  # without the "Page N" line
    assert [b.number for b in read.blocks if isinstance(b, Heading)] == list(range(1, 15))
    assert sum(isinstance(b, SignatureBlock) for b in read.blocks) == 3
    assert sum(isinstance(b, PageBreak) for b in read.blocks) == 1
    clauses = [b for b in read.blocks if isinstance(b, Paragraph) and b.style is ParaStyle.CLAUSE]
    assert [c.label for c in clauses[:4]] == ["(a)", "(b)", "(c)", "(d)"]
    assert redline(conformed(read, document), document).change_count == 0


def test_edits_made_in_word_are_the_changes_against_the_draft() -> None:
    document = sample_document()

    def negotiate(source) -> None:  # type: ignore[no-untyped-def]
        salary = paragraph_with(source, "annual rate of")
        for run in salary.runs:
            run.text = run.text.replace("$300,000.00", "$350,000.00")
        vacation = paragraph_with(source, "four weeks")
        vacation._element.getparent().remove(vacation._element)

    read = read_docx(edited(docx_bytes(document), negotiate))
    compared = redline(conformed(read, document), document)
    kinds = {(c.kind, c.old_text.strip(), c.new_text.strip()) for c in compared.changes}
    assert (EditKind.REPLACED, "$350,000.00", "$300,000.00") in kinds
    assert any(c.kind is EditKind.INSERTED and "four weeks" in c.new_text for c in compared.changes)
    assert compared.change_count == 2


def test_tracked_changes_are_read_as_accepted() -> None:
    """The other side's w:ins is their text, their w:del is not; a deleted paragraph mark joins two paragraphs."""
    document = sample_document()

    def mark_up(source) -> None:  # type: ignore[no-untyped-def]
        salary = paragraph_with(source, "annual rate of")._element
        run = salary.findall(qn("w:r"))[0]
        deleted = copy.deepcopy(run)
        for t in deleted.iter(qn("w:t")):
            t.tag = qn("w:delText")
        wrapper = docx.oxml.parse_xml(f'<w:del {docx.oxml.ns.nsdecls("w")} {AUTHOR.format(n=901)}/>')
        wrapper.append(deleted)
        run.addprevious(wrapper)
        run.getparent().remove(run)
        inserted = docx.oxml.parse_xml(
            f'<w:ins {docx.oxml.ns.nsdecls("w")} {AUTHOR.format(n=902)}>'
            '<w:r><w:t xml:space="preserve">Your salary will be </w:t></w:r></w:ins>'
        )
        wrapper.addnext(inserted)
        first, second = (paragraph_with(source, w)._element for w in ("Executive Vice President", "In such capacity"))
        assert first.getnext() is second
        ppr = first.find(qn("w:pPr"))
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = docx.oxml.parse_xml(f'<w:rPr {docx.oxml.ns.nsdecls("w")}/>')
            ppr.append(rpr)
        rpr.append(docx.oxml.parse_xml(f'<w:del {docx.oxml.ns.nsdecls("w")} {AUTHOR.format(n=903)}/>'))

    read = read_docx(edited(docx_bytes(document), mark_up))
    texts = [b.text for b in read.blocks if isinstance(b, Paragraph)]
    salary = next(t for t in texts if "$300,000.00" in t)
    assert salary.startswith("Your salary will be $300,000.00")  # the inserted words, then the kept run
    assert "annual rate" not in salary  # the deleted run is gone
    joined = next(t for t in texts if t.startswith("Executive Vice President"))
    assert "In such capacity" in joined
    assert not any(t.startswith("In such capacity") for t in texts)


def test_a_letter_made_in_word_is_read_by_numbering_bold_and_labels() -> None:
    made = docx.Document()
    made.add_paragraph("Acme Corp")
    made.add_paragraph("")
    made.add_paragraph("Dear Jane:")
    made.add_paragraph().add_run("1. POSITION AND DUTIES:").bold = True
    made.add_paragraph("You will serve as Chief Operating Officer.")
    made.add_paragraph().add_run("2. Base Compensation").bold = True
    made.add_paragraph("(a) Your base salary will be $400,000.00 per year.")
    made.add_paragraph("3. This numbered sentence is body text, being neither bold nor in capitals.")
    out = io.BytesIO()
    made.save(out)
    read = read_docx(out.getvalue())
    assert [(b.number, b.title) for b in read.blocks if isinstance(b, Heading)] == [
        (1, "POSITION AND DUTIES"), (2, "Base Compensation")]
    labelled = next(b for b in read.blocks if isinstance(b, Paragraph) and b.label)
    assert (labelled.label, labelled.text) == ("(a)", "Your base salary will be $400,000.00 per year.")
    assert len(read.blocks) == 7  # the empty paragraph is dropped


def test_a_heading_takes_the_current_letters_key_and_title() -> None:
    document = sample_document()
    made = docx.Document()
    made.add_paragraph().add_run("1. POSITION AND DUTIES:").bold = True
    out = io.BytesIO()
    made.save(out)
    (heading,) = conformed(read_docx(out.getvalue()), document).blocks
    assert isinstance(heading, Heading)
    assert (heading.key, heading.title) == ("position", "Position and Duties")


@pytest.mark.parametrize(("data", "words"), [
    (b"not a zip", "not a Word document"),
    (docx_bytes.__module__.encode(), "not a Word document"),
])
def test_a_file_that_is_not_a_word_document_says_so(data: bytes, words: str) -> None:
    with pytest.raises(DocxReadError, match=words):
        read_docx(data)


def test_an_empty_word_document_has_nothing_to_compare() -> None:
    out = io.BytesIO()
    docx.Document().save(out)
    with pytest.raises(DocxReadError, match="no text"):
        read_docx(out.getvalue())
