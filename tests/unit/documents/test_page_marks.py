"""The legend ("Draft - Privileged & Confidential") and the document ID on every page: DOCX, preview, text."""

from __future__ import annotations

from typing import Any

import pytest
from docx.oxml.ns import qn

from app.compare.text import redline
from app.documents.engine import render_document
from app.documents.html import to_html
from app.documents.text import to_text
from app.domain.sample import SAMPLE_TERMS
from tests.unit.documents.letters import changed, letter_from, reopen

LEGEND = "Draft - Privileged & Confidential"
DOC_ID = "NY 1234567 v2"


def marked(**options: Any) -> Any:
    return letter_from(changed(document_options={"legend": True, "legend_text": LEGEND, "document_id": DOC_ID,
                                                 **options}))


def paragraphs(part: Any) -> list[Any]:
    return part._element.findall(qn("w:p"))  # python-docx exposes no public element of a header


def texts(part: Any) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in paragraphs(part)]


def test_the_sample_prints_no_legend_and_no_footer() -> None:
    out = reopen(letter_from(SAMPLE_TERMS))
    section = out.sections[0]
    for header in (section.first_page_header, section.header):
        assert LEGEND not in "\n".join(texts(header))
    assert section.footer.is_linked_to_previous and section.first_page_footer.is_linked_to_previous
    document = render_document(letter_from(SAMPLE_TERMS))
    assert document.page_marks == ()


def test_in_the_header_they_lead_the_first_page_header_and_every_later_one() -> None:
    out = reopen(marked(placement="header"))
    section = out.sections[0]
    first = texts(section.first_page_header)
    later = texts(section.header)
    assert first[:2] == [LEGEND, DOC_ID]
    assert first[2] == "MIM Corporation"  # then the letterhead, from its name line
    assert later[:2] == [LEGEND, DOC_ID]
    assert later[-1].startswith("Page ")
    legend, doc_id = paragraphs(section.header)[:2]
    assert legend.find(f".//{qn('w:jc')}").get(qn("w:val")) == "center"
    assert legend.find(f".//{qn('w:r')}/{qn('w:rPr')}/{qn('w:b')}") is not None
    assert doc_id.find(f".//{qn('w:jc')}").get(qn("w:val")) == "right"
    assert section.footer.is_linked_to_previous  # nothing at the foot


def test_in_the_footer_every_page_prints_them_and_the_headers_do_not() -> None:
    out = reopen(marked(placement="footer"))
    section = out.sections[0]
    assert section.different_first_page_header_footer
    for footer in (section.first_page_footer, section.footer):
        assert not footer.is_linked_to_previous
        assert texts(footer)[-2:] == [LEGEND, DOC_ID]
    for header in (section.first_page_header, section.header):
        assert LEGEND not in texts(header) and DOC_ID not in texts(header)


@pytest.mark.parametrize(("options", "shown"), [
    ({"legend": False}, [DOC_ID]),
    ({"document_id": None}, [LEGEND]),
    ({"legend_text": "Subject to FRE 408", "document_id": None}, ["Subject to FRE 408"]),
])
def test_only_what_is_switched_on_prints(options: dict[str, Any], shown: list[str]) -> None:
    document = render_document(marked(**options))
    assert list(document.page_marks) == shown
    header = texts(reopen(document).sections[0].header)
    assert header[: len(shown)] == shown and LEGEND not in header[len(shown):]


def test_text_and_preview_show_them_where_the_page_prints_them() -> None:
    top = render_document(marked(placement="header"))
    assert to_text(top).startswith(f"{LEGEND}\n{DOC_ID}\n\n")
    html = to_html(top)
    assert html.index(LEGEND.replace("&", "&amp;")) < html.index(DOC_ID) < html.index("October 1, 2002")
    bottom = render_document(marked(placement="footer"))
    assert to_text(bottom).endswith(f"{LEGEND}\n{DOC_ID}\n")
    html = to_html(bottom)
    assert html.index(">Exhibit A<") < html.index(LEGEND.replace("&", "&amp;"))


def test_a_redline_prints_the_current_letters_marks() -> None:
    old = render_document(letter_from(SAMPLE_TERMS))
    new = render_document(marked(placement="footer"))
    compared = redline(old, new).document
    assert (compared.legend, compared.document_id, compared.marks_in_footer) == (LEGEND, DOC_ID, True)
    assert texts(reopen(compared).sections[0].footer)[-2:] == [LEGEND, DOC_ID]
