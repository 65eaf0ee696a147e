"""Plain text and preview HTML of the document model."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser

from app.documents.engine import render_document
from app.documents.html import DELETED_STYLE, INSERTED_STYLE, to_html
from app.documents.model import (
    Align,
    Change,
    Document,
    DocumentMeta,
    Heading,
    PageBreak,
    Paragraph,
    ParaStyle,
    Run,
    SignatureBlock,
)
from app.documents.text import PAGE_BREAK, to_text
from app.domain.sample import sample_letter
from tests.unit.documents.letters import every_term_on, every_term_on_otherwise, letter_from


def small_document(*blocks: object) -> Document:
    return Document(DocumentMeta("t", "s", "c", "a"), ("ACME Inc.", "1 Main St"), ("Ms. B",), tuple(blocks))  # type: ignore[arg-type]


# ---------------------------------------------------------------- text


def test_text_layout_of_the_sample() -> None:
    text = to_text(render_document(sample_letter()))
    assert text.startswith("MIM Corporation\n100 Clearbrook Road\nElmsford, New York 10523\n\nOctober 1, 2002\n\n")
    assert "\n\nMr. James S. Lusk\n42 Colts Glen Lane\nBasking Ridge, NJ 07920\n\nRe: MIM" in text
    assert "\n\n1. POSITION AND DUTIES:\n\nExecutive Vice President" in text
    assert f"\n\n{PAGE_BREAK}\n\nExhibit A\n\nRESTRICTIVE COVENANTS\n\n" in text
    assert "\n\n(a) At any time during your employment" in text
    assert "Sincerely yours,\nMIM CORPORATION\nBy: ________________________________\nName: Richard H. Friedman" in text
    assert "Agreed to and Accepted By:\n________________________________\nJames S. Lusk" in text
    assert "\n\n\n" not in text.replace(f"\n{PAGE_BREAK}\n", "")


def test_text_wraps_on_request() -> None:
    text = to_text(render_document(sample_letter()), width=72, letterhead=False)
    assert max(len(line) for line in text.splitlines()) <= 72
    assert not text.startswith("MIM Corporation\n100")


def test_text_marks_changes() -> None:
    doc = small_document(
        Heading("pay", 3, "Pay", old_number=2),
        Paragraph((Run("Salary "), Run("$1", change=Change.DELETED), Run("$2", change=Change.INSERTED))),
        Paragraph((Run("Gone."),), change=Change.DELETED),
        Heading("new", 4, "New", change=Change.INSERTED),
    )
    text = to_text(doc)
    assert "[-2.-]{+3.+} PAY:" in text
    assert "Salary [-$1-]{+$2+}" in text
    assert "[-Gone.-]" in text
    assert "{+4. NEW:+}" in text


# ---------------------------------------------------------------- html


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.names: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")
        if tag == "a" and found.get("name"):
            self.names.append(found["name"] or "")
        if tag not in ("br", "hr"):
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # <br/>, <hr/>

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()


def parsed(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    assert collector.stack == []
    return collector


def test_html_links_every_term_to_its_field() -> None:
    html = to_html(render_document(sample_letter()))
    found = parsed(html)
    assert "term:compensation.base_salary" in found.links
    assert "term:candidate.address_lines.0" in found.links
    assert all(link.startswith("term:") for link in found.links)
    assert '<a href="term:compensation.base_salary" style="color:inherit;text-decoration:none">$300,000.00</a>' in html


def test_html_has_section_anchors_letterhead_and_a_page_rule() -> None:
    document = render_document(sample_letter())
    html = to_html(document)
    names = parsed(html).names
    numbered = [n for n in names if n.startswith("section-") and n[8:] in {s.key for s in document.sections}]
    assert numbered == [f"section-{s.key}" for s in document.sections]
    assert html.index('align="center"') < html.index("October 1, 2002")
    assert "MIM CORPORATION" in html[: html.index("October 1, 2002")]
    rule = html.index("<hr style")
    assert rule < html.index(">Exhibit A<")
    assert "page-break-before:always" in html[rule : html.index(">Exhibit A<")]
    assert "<b>1. POSITION AND DUTIES:</b>" in html


def test_html_escapes_text() -> None:
    doc = small_document(Paragraph((Run("A&B <i>", field="company.name"),)))
    html = to_html(doc)
    assert "A&amp;B &lt;i&gt;" in html
    parsed(html)


def test_html_change_marks_and_anchors() -> None:
    doc = small_document(
        Heading("pay", 3, "Pay", old_number=2),
        Paragraph((Run("Salary "), Run("$1", change=Change.DELETED), Run("$2", change=Change.INSERTED))),
        Paragraph((Run("New."), Run("Also new", change=Change.INSERTED), Run("x", change=Change.DELETED)),
                  change=Change.INSERTED),
        Heading("gone", 4, "Gone", change=Change.DELETED),
        PageBreak(),
        SignatureBlock((Paragraph((Run("Sign"),), style=ParaStyle.PLAIN), Paragraph(())), Align.RIGHT, 1),
    )
    html = to_html(doc)
    names = [n for n in parsed(html).names if n.startswith("change-")]
    assert names == ["change-1", "change-2", "change-3", "change-4", "change-5"]
    assert f'<span style="{DELETED_STYLE}">$1</span>' in html
    assert f'<span style="{INSERTED_STYLE}">$2</span>' in html
    # One anchor for the changed paragraph, whatever its runs say.
    assert f'<span style="{INSERTED_STYLE}">New.Also new<span style="{DELETED_STYLE}">x</span></span>' in html
    assert f'<span style="{DELETED_STYLE}">4. GONE:</span>' in html
    assert "margin-left:288px" in html


def test_a_changed_term_link_shows_the_change_itself() -> None:
    """Qt applies a link's own style over an enclosing span's, so the link must carry the change colours."""
    doc = small_document(
        Paragraph((Run("$1", field="pay", change=Change.DELETED), Run("$2", field="pay", change=Change.INSERTED))),
        Paragraph((Run("Term", field="name"),), change=Change.INSERTED),
    )
    html = to_html(doc)
    assert f'<a href="term:pay" style="{DELETED_STYLE}">$1</a>' in html
    assert f'<a href="term:pay" style="{INSERTED_STYLE}">$2</a>' in html
    assert f'<a href="term:name" style="{INSERTED_STYLE}">Term</a>' in html


def test_html_is_fast_enough_for_live_preview() -> None:
    document = render_document(sample_letter())
    to_html(document)
    runs = []
    for _ in range(30):
        start = time.perf_counter()
        to_html(document)
        runs.append(time.perf_counter() - start)
    runs.sort()
    assert runs[len(runs) // 2] < 0.002  # the target is well under 2 ms; typically ~0.1 ms


def test_html_has_no_qt_unsupported_constructs() -> None:
    html = to_html(render_document(sample_letter()))
    assert not re.search(r"<(div|script|style|link|section|article)\b", html)


def test_every_section_of_the_editor_has_a_preview_anchor() -> None:
    """The editor scrolls the preview to ``section-KEY`` for each of its sections."""
    from app.domain.sections import SECTIONS

    html = to_html(render_document(sample_letter()))
    names = parsed(html).names
    # The sample has no fixed term, no annual bonus section, no cash bonuses, perquisites or relocation, and an
    # arbitration clause instead of a governing-law section, and no legend or document ID; the editor scrolls to
    # their first term instead. Clause wording is no part of the letter of its own: its clauses are marked where
    # they print.
    assert [s.key for s in SECTIONS if f"section-{s.key}" not in names] == [
        "term", "bonus", "cash_awards", "perquisites", "relocation", "governing_law", "wording", "document_options"]
    full = parsed(to_html(render_document(letter_from(every_term_on())))).names
    assert [s.key for s in SECTIONS if f"section-{s.key}" not in full] == ["governing_law", "wording"]
    courts = parsed(to_html(render_document(letter_from(every_term_on_otherwise())))).names
    assert [s.key for s in SECTIONS if f"section-{s.key}" not in courts] == ["arbitration", "wording"]
    assert len(names) == len(set(names))
    assert html.index('name="section-parties"') < html.index("October 1, 2002")
    assert html.index('name="section-closing"') < html.index("Please call me") < html.index('name="section-covenants"')
    assert html.index('name="section-covenants"') < html.index(">Exhibit A<")
