"""The redline document: block alignment, word-level changes, formatting, numbering, navigation."""

from __future__ import annotations

import html
import re
from decimal import Decimal

from app.compare.text import EditKind, Redline, redline, tokens
from app.documents.engine import render_document
from app.documents.html import to_html
from app.documents.model import Block, Change, Document, Heading, PageBreak, Paragraph, Run, SignatureBlock
from app.domain.letter import Letter
from app.domain.sample import sample_letter
from tests.unit.compare.letters import bench_variant, document, para, variant


def review(doc: Document, accept: bool) -> list[str]:
    """The blocks' text after accepting (or rejecting) every change of a redline document."""
    drop = Change.DELETED if accept else Change.INSERTED
    out = []
    for block in doc.blocks:
        if isinstance(block, PageBreak):
            continue
        if isinstance(block, Heading):
            if block.change is not drop:
                number = block.number if accept or block.old_number is None else block.old_number
                out.append(f"{number}. {block.title.upper()}:")
            continue
        lines = [p for p in (block.lines if isinstance(block, SignatureBlock) else (block,)) if p.change is not drop]
        if lines:
            out.append("\n".join("".join(r.text for r in line.runs if r.change is not drop) for line in lines))
    return out


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if not isinstance(b, PageBreak)]


def assert_round_trip(old: Document, new: Document) -> Redline:
    result = redline(old, new)
    assert review(result.document, accept=True) == texts(new)
    assert review(result.document, accept=False) == texts(old)
    return result


def changed_runs(block: Block) -> list[tuple[str, Change]]:
    assert isinstance(block, Paragraph)
    return [(r.text, r.change) for r in block.runs if r.change is not None]


def test_tokens_keep_amounts_and_words_whole() -> None:
    assert tokens('$300,000.00 per year, 50.1% of the Company\'s non-qualified "Options".') == [
        "$300,000.00", " ", "per", " ", "year", ",", " ", "50.1%", " ", "of", " ", "the", " ",
        "Company's", " ", "non-qualified", " ", '"', "Options", '"', ".",
    ]


def test_identical_documents_have_no_changes() -> None:
    doc = render_document(sample_letter())
    result = redline(doc, doc)
    assert result.change_count == 0
    assert result.document.blocks == doc.blocks
    assert result.document.sections == doc.sections


def test_changed_number_is_replaced_as_a_unit_keeping_the_term_field() -> None:
    salary = "compensation.base_salary"
    old = document(para("Your base salary will be ", Run("$300,000.00", field=salary), " per year."))
    new = document(para("Your base salary will be ", Run("$325,000.00", field=salary), " per year."))
    result = assert_round_trip(old, new)
    block = result.document.blocks[0]
    assert isinstance(block, Paragraph) and block.change is None
    assert [(r.text, r.change, r.field) for r in block.runs] == [
        ("Your base salary will be ", None, None),
        ("$300,000.00", Change.DELETED, salary),
        ("$325,000.00", Change.INSERTED, salary),
        (" per year.", None, None),
    ]
    assert [(c.kind, c.old_text, c.new_text) for c in result.changes] == [
        (EditKind.REPLACED, "$300,000.00", "$325,000.00")
    ]


def test_moved_words_are_deleted_where_they_were_and_inserted_where_they_are() -> None:
    old = document(para("Executive Vice President and Chief Financial Officer."))
    new = document(para("Chief Financial Officer and Executive Vice President."))
    result = assert_round_trip(old, new)
    assert changed_runs(result.document.blocks[0]) == [
        ("Chief Financial Officer and ", Change.INSERTED),
        (" and Chief Financial Officer", Change.DELETED),
    ]
    assert [c.kind for c in result.changes] == [EditKind.INSERTED, EditKind.DELETED]


def test_neighbouring_word_swaps_read_as_one_change() -> None:
    old = document(para("You shall report to the Chief Financial Officer daily."))
    new = document(para("You shall report to a Vice President daily."))
    result = assert_round_trip(old, new)
    assert changed_runs(result.document.blocks[0]) == [
        ("the Chief Financial Officer", Change.DELETED),
        ("a Vice President", Change.INSERTED),
    ]
    assert result.change_count == 1


def test_formatting_comes_from_the_new_letter_except_on_deleted_text() -> None:
    old = document(para("Re: ", Run("MIM Corporation", underline=True)))
    new = document(para("Re: ", Run("MIM Holdings", bold=True)))
    block = assert_round_trip(old, new).document.blocks[0]
    assert isinstance(block, Paragraph)
    assert [(r.text, r.change, r.underline, r.bold) for r in block.runs] == [
        ("Re: ", None, False, False),
        ("MIM ", None, False, True),
        ("Corporation", Change.DELETED, True, False),
        ("Holdings", Change.INSERTED, False, True),
    ]


def test_removed_section_is_deleted_whole_and_later_sections_renumbered() -> None:
    old = document(
        Heading("compensation", 2, "Base Compensation"), para("Salary."),
        Heading("transportation", 3, "Transportation Allowance"), para("A car allowance of $1,000."),
        Heading("benefits", 4, "Benefits"), para("Health plans."),
    )
    new = document(
        Heading("compensation", 2, "Base Compensation"), para("Salary."),
        Heading("benefits", 3, "Benefits"), para("Health plans."),
    )
    result = assert_round_trip(old, new)
    blocks = result.document.blocks
    assert blocks[2] == Heading("transportation", 3, "Transportation Allowance", Change.DELETED)
    assert isinstance(blocks[3], Paragraph) and blocks[3].change is Change.DELETED
    assert all(r.change is Change.DELETED for r in blocks[3].runs)
    assert blocks[4] == Heading("benefits", 3, "Benefits", None, old_number=4)
    assert [(c.kind, c.section_key, c.block) for c in result.changes] == [(EditKind.DELETED, "transportation", 2)]
    assert [(s.key, s.number, s.start, s.end) for s in result.document.sections] == [
        ("compensation", 2, 0, 2), ("benefits", 3, 4, 6)
    ]


def test_added_section_is_inserted_whole() -> None:
    old = document(Heading("compensation", 1, "Base Compensation"), para("Salary."))
    new = document(
        Heading("compensation", 1, "Base Compensation"), para("Salary."),
        Heading("transportation", 2, "Transportation Allowance"), para("A car."),
    )
    result = assert_round_trip(old, new)
    assert [b.change for b in result.document.blocks[2:]] == [Change.INSERTED, Change.INSERTED]
    assert [(c.kind, c.new_text) for c in result.changes] == [
        (EditKind.INSERTED, "2. TRANSPORTATION ALLOWANCE:\nA car.")
    ]


def test_rewritten_paragraph_is_replaced_whole() -> None:
    old = document(para("Intro."), para("The quick brown fox jumps over the lazy dog again."), para("End."))
    new = document(para("Intro."), para("Nothing in common whatsoever here, truly, I promise you."), para("End."))
    result = assert_round_trip(old, new)
    assert [b.change for b in result.document.blocks] == [None, Change.DELETED, Change.INSERTED, None]


def test_a_short_line_is_compared_word_by_word_however_different() -> None:
    old = document(para("Mr. James S. Lusk"))
    new = document(para("Mr. José Ñúñez"))
    result = assert_round_trip(old, new)
    assert changed_runs(result.document.blocks[0]) == [
        ("James S. Lusk", Change.DELETED), ("José Ñúñez", Change.INSERTED)
    ]


def test_relabelled_clause_is_deleted_and_reinserted() -> None:
    old = document(para("first", label="(a)"), para("second", label="(b)"))
    new = document(para("second", label="(a)"))
    result = assert_round_trip(old, new)
    assert [(b.change, b.label) for b in result.document.blocks if isinstance(b, Paragraph)] == [
        (Change.DELETED, "(a)"), (Change.DELETED, "(b)"), (Change.INSERTED, "(a)")
    ]


def test_unicode_words_change_whole() -> None:
    old = document(para("Dear José Ñúñez:"))
    new = document(para("Dear Zoë Ñúñez:"))
    result = assert_round_trip(old, new)
    assert changed_runs(result.document.blocks[0]) == [("José", Change.DELETED), ("Zoë", Change.INSERTED)]


def test_sample_against_the_issue_variant() -> None:
    old, new = render_document(sample_letter()), render_document(bench_variant())
    result = assert_round_trip(old, new)
    assert [(c.section_key, c.kind, c.old_text, c.new_text) for c in result.changes] == [
        ("compensation", EditKind.REPLACED, "$300,000.00", "$325,000.00"),
        ("transportation", EditKind.DELETED, result.changes[1].old_text, ""),
        ("termination", EditKind.REPLACED, "one year", "eighteen months"),
        # Exhibit A has no numbered section: the change belongs to the section of its term
        ("covenants", EditKind.REPLACED, "nine months", "one year"),
    ]
    assert result.changes[1].old_text.startswith("4. TRANSPORTATION ALLOWANCE:\nDuring your employment")
    renumbered = [(b.key, b.old_number, b.number) for b in result.document.blocks
                  if isinstance(b, Heading) and b.old_number is not None]
    assert renumbered[0] == ("benefits", 5, 4)
    assert len(renumbered) == len(old.sections) - 4  # every section after the removed fourth
    assert [c.number for c in result.changes] == [1, 2, 3, 4]


def test_removed_cause_item_changes_only_that_paragraph() -> None:
    def edit(letter: Letter) -> None:
        items = list(letter.termination.cause.items)
        del items[1]
        letter.termination.cause.items = items

    old, new = render_document(sample_letter()), render_document(variant(edit))
    result = assert_round_trip(old, new)
    changed_blocks = {c.block for c in result.changes}
    assert len(changed_blocks) == 1
    deleted = " ".join(c.old_text for c in result.changes)
    assert "acts which constitute fraud" in deleted
    assert all(c.section_key == "termination" for c in result.changes)


def test_unicode_names_round_trip_through_the_whole_letter() -> None:
    def edit(letter: Letter) -> None:
        letter.candidate.full_name = "José Ñúñez-Łukasz"
        letter.candidate.familiar_name = "José"
        letter.company.signatory_name = "Zoë Brontë"

    old, new = render_document(sample_letter()), render_document(variant(edit))
    result = assert_round_trip(old, new)
    inserted = {c.new_text for c in result.changes}
    assert {"José Ñúñez-Łukasz", "José", "Zoë Brontë"} <= inserted



def test_each_change_points_at_its_preview_anchor() -> None:
    def edit(letter: Letter) -> None:
        letter.candidate.familiar_name = "Jimmy"
        letter.company.signatory_name = "Zoë Brontë"
        letter.termination.cause.items = letter.termination.cause.items[:3]
        letter.compensation.base_salary = Decimal("325000.00")
        letter.transportation = None

    result = redline(render_document(sample_letter()), render_document(variant(edit)))
    page = to_html(result.document)
    for change in result.changes:
        anchor = f'<a name="change-{change.mark}"></a>'
        assert anchor in page
        after = html.unescape(re.sub(r"<[^>]+>", "", page.split(anchor, 1)[1]))
        words = (change.old_text or change.new_text).split("\n")[0]
        assert after.startswith(words), (change, after[:80])
    marks = [c.mark for c in result.changes]
    assert marks == sorted(set(marks))
    assert len(marks) >= 5


def test_section_anchors_of_unnumbered_parts_are_kept() -> None:
    def edit(letter: Letter) -> None:
        letter.candidate.full_name = "José Ñúñez"
        letter.letter.complimentary_close = "Very truly yours"

    old, new = render_document(sample_letter()), render_document(variant(edit))
    anchors = [b.anchor for b in new.blocks if isinstance(b, Paragraph) and b.anchor]
    result = redline(old, new)
    assert anchors
    assert [b.anchor for b in result.document.blocks if isinstance(b, Paragraph) and b.anchor] == anchors


def test_a_page_break_inside_a_changed_stretch() -> None:
    # Changed blocks around a removed page break once raised AttributeError (a break has no text).
    old = Document(document().meta, (), (), (para("one"), PageBreak(), para("two")))
    new = Document(document().meta, (), (), (para("uno"), para("dos")))
    result = redline(old, new)
    assert review(result.document, accept=True) == ["uno", "dos"]
    assert review(result.document, accept=False) == ["one", "two"]


def test_letterhead_and_continuation_changes_are_marked_word_by_word() -> None:
    def moved(letter: Letter) -> None:
        letter.company.letterhead_lines = ["MIM Corporation", "200 Clearbrook Road", "Suite 4", "Elmsford, New York 10523"]
        letter.candidate.full_name = "James S. Lusk Jr."

    compared = redline(render_document(sample_letter()), render_document(variant(moved)))
    letterhead = compared.document.letterhead_changes
    assert [(r.text, r.change) for r in letterhead[1].runs] == [
        ("100", Change.DELETED), ("200", Change.INSERTED), (" Clearbrook Road", None)
    ]
    assert letterhead[2].change is Change.INSERTED and letterhead[2].text == "Suite 4"
    assert [p.change for p in letterhead] == [None, None, Change.INSERTED, None]
    assert any(r.text == " Jr." and r.change is Change.INSERTED for p in compared.document.continuation_changes for r in p.runs)
    page = to_html(compared.document)
    assert '<span style="color:#c0262d;text-decoration:line-through">100</span>' in page
    assert '<span style="color:#1a56c4;text-decoration:underline">Suite 4</span>' in page
    # Header changes are shown, not numbered: the anchors are still the body's changes.
    assert len(re.findall(r'<a name="change-\d+">', page)) == compared.change_count


def test_unchanged_header_lines_give_no_header_changes() -> None:
    compared = redline(render_document(sample_letter()), render_document(bench_variant()))
    assert compared.document.letterhead_changes == () and compared.document.continuation_changes == ()
