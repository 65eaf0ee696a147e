"""A letter's own wording of a clause, the clause library's alternates, and template packs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.compare.text import redline
from app.documents.engine import RenderError, render_document
from app.documents.model import Paragraph
from app.documents.pack import PackError, load_pack, starting_draft
from app.documents.text import to_text
from app.domain.data_files import TEMPLATES_DIR
from app.domain.letter import Letter
from tests.unit.documents.letters import changed, every_term_on_otherwise, letter_from, letter_with

OWN = "Your salary is [[compensation.base_salary]] a year, paid on the Company's usual payroll dates."


def clause(document, clause_id: str) -> Paragraph:
    return next(b for b in document.blocks if isinstance(b, Paragraph) and b.clause == clause_id)


def test_every_paragraph_is_a_clause_with_a_unique_id() -> None:
    document = render_document(letter_with())
    ids = [b.clause for b in document.blocks if isinstance(b, Paragraph)]
    assert None not in ids
    assert len(ids) == len(set(ids))
    assert "compensation.1" in ids and "covenants.noncompete" in ids and "termination.2" in ids
    assert clause(document, "compensation.1").text.startswith("Your base salary will be at an annual rate of $300,000.00")


def test_own_wording_replaces_the_clause_and_its_token_follows_the_salary() -> None:
    worded = letter_with(wording=[{"clause": "compensation.1", "text": OWN}])
    paragraph = clause(render_document(worded), "compensation.1")
    assert paragraph.departs
    assert paragraph.text == "Your salary is $300,000.00 a year, paid on the Company's usual payroll dates."
    assert [r.field for r in paragraph.runs if r.field] == ["compensation.base_salary"]
    raised = letter_with(wording=[{"clause": "compensation.1", "text": OWN}], **{"compensation.base_salary": "412500.00"})
    assert clause(render_document(raised), "compensation.1").text.startswith("Your salary is $412,500.00 a year")
    # a moved token still follows the field
    moved = letter_with(wording=[{"clause": "compensation.1", "text": "[[compensation.base_salary]] is your salary."}])
    assert clause(render_document(moved), "compensation.1").text == "$300,000.00 is your salary."
    # the other clauses keep the standard wording, unmarked
    assert clause(render_document(worded), "termination.1") == clause(render_document(letter_with()), "termination.1")
    assert not any(b.departs for b in render_document(letter_with()).blocks if isinstance(b, Paragraph))


def test_a_token_naming_no_term_is_refused_with_the_path() -> None:
    with pytest.raises(ValidationError, match=r"wording\.0\.text: \[\[compensation\.base_pay\]\] names no term"):
        letter_with(wording=[{"clause": "compensation.1", "text": "Pay: [[compensation.base_pay]]."}])
    with pytest.raises(ValidationError, match="worded twice"):
        letter_with(wording=[{"clause": "compensation.1", "text": "A."}, {"clause": "compensation.1", "text": "B."}])


def test_own_wording_shows_in_the_text_and_the_redline() -> None:
    standard = render_document(letter_with())
    worded = render_document(letter_with(wording=[{"clause": "compensation.1", "text": OWN}]))
    assert "paid on the Company's usual payroll dates" in to_text(worded)
    marked = to_text(redline(standard, worded).document)
    assert "usual payroll dates" in marked and "payable" in marked  # inserted and deleted words


def test_alternates_add_replace_and_follow_terms() -> None:
    sample = render_document(letter_with())
    chosen = letter_with(wording=[{"clause": "clawback", "alternate": "pro-rata"},
                                  {"clause": "garden_leave", "alternate": "paid"}])
    document = render_document(chosen)
    assert clause(document, "clawback").text.startswith("Any bonus or other incentive compensation")
    assert "to the extent it exceeds" in clause(document, "clawback").text
    garden = clause(document, "garden_leave")
    assert "$300,000.00" in garden.text and "compensation.base_salary" in [r.field for r in garden.runs]
    # added at the end of the Termination section, which grows by two paragraphs; later sections follow
    termination = next(s for s in document.sections if s.key == "termination")
    before = next(s for s in sample.sections if s.key == "termination")
    assert termination.end - termination.start == before.end - before.start + 2
    assert document.blocks[termination.end - 1] == garden
    # the governing-law alternate replaces the paragraph of a letter without arbitration
    courts = letter_from(changed(every_term_on_otherwise(), wording=[{"clause": "governing_law.forum", "alternate": "delaware-forum"}]))
    assert "laws of the State of Delaware" in clause(render_document(courts), "governing_law.1").text
    unknown = letter_with(wording=[{"clause": "clawback", "alternate": "half"}])
    with pytest.raises(RenderError, match="no alternate 'half'; choose one of none, full, pro-rata"):
        render_document(unknown)


def test_the_standard_pack_lists_types_and_clauses() -> None:
    pack = load_pack(TEMPLATES_DIR)
    assert set(pack.types) == {"offer", "short-form", "promotion"}
    assert {"clawback", "garden_leave", "section_409a", "section_280g", "governing_law.forum"} <= set(pack.clauses)
    assert pack.clauses["section_280g"].alternates.keys() == {"none", "best-net", "cutback"}


def test_every_letter_type_starts_a_valid_letter() -> None:
    def letter_of_type(name: str) -> Letter:
        return Letter.model_validate(starting_draft(name))

    for name in ("offer", "short-form", "promotion"):
        letter = letter_of_type(name)
        assert letter.letter.letter_type == name
        assert to_text(render_document(letter))
    short = letter_of_type("short-form")
    assert short.covenants is None and short.equity is None and short.position.at_will
    assert letter_of_type("promotion").compensation.prior_salary is not None  # "increased from"
    assert letter_of_type("offer").model_dump(exclude={"letter"}) == letter_with().model_dump(exclude={"letter"})
    with pytest.raises(PackError, match="no letter type 'long-form'.*its types: offer, short-form, promotion"):
        starting_draft("long-form")


def broken_pack(tmp_path: Path, wording: str) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(TEMPLATES_DIR, folder)
    (folder / "clauses" / "clawback" / "full.txt").write_text(wording, encoding="utf-8")
    return folder


def test_a_pack_with_an_unknown_field_is_refused_naming_file_line_and_field(tmp_path: Path) -> None:
    folder = broken_pack(tmp_path, "Recovery by\n{{ company.name }} of\n{{ compensation.base_pay|money }}.\n")
    with pytest.raises(PackError, match=r"clauses/clawback/full\.txt, line 3: unknown field 'compensation\.base_pay'"):
        load_pack(folder)
    with pytest.raises(RenderError, match="unknown field"):
        render_document(letter_with(), folder)  # never renders with it


def test_a_pack_with_a_syntax_error_or_unknown_group_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"full\.txt, line 2: .*endif"):
        load_pack(broken_pack(tmp_path / "a", "Text\n{% if covenants.noncompete %} open\n"))
    with pytest.raises(PackError, match=r"line 1: unknown field 'salary'"):
        load_pack(broken_pack(tmp_path / "b", "{{ salary }}"))
    with pytest.raises(PackError, match=r"(?i)line 1: .*no filter named 'dollars'"):
        load_pack(broken_pack(tmp_path / "c", "{{ compensation.base_salary|dollars }}"))


def test_a_pack_clause_with_conditions_by_name_renders(tmp_path: Path) -> None:
    folder = broken_pack(tmp_path, "{% if covenants.noncompete %}Non-compete letters: {% endif %}recovery by {{ company.name }}.")
    pack = load_pack(folder)
    assert pack.clauses["clawback"].sources["full"]
    letter = Letter.model_validate(changed(wording=[{"clause": "clawback", "alternate": "full"}]))
    assert clause(render_document(letter, folder), "clawback").text == "Non-compete letters: recovery by MIM Corporation."
