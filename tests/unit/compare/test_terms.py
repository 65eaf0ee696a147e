"""The term diff: labels in the user's words, values as the letter writes them, in section order."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.compare.terms import ChangeKind, TermChange, by_section, diff_terms
from app.domain.letter import Letter
from app.domain.sample import sample_letter
from app.domain.sections import SECTIONS
from tests.unit.compare.letters import bench_variant, variant


def described(old: Letter, new: Letter) -> list[str]:
    return [str(c) for c in diff_terms(old, new)]


def test_same_letter_has_no_changes() -> None:
    assert diff_terms(sample_letter(), sample_letter()) == []


def test_the_issue_variant_reads_as_a_lawyer_writes_it() -> None:
    assert described(sample_letter(), bench_variant()) == [
        "Base salary: $300,000.00 -> $325,000.00",
        "Transportation allowance: removed",
        "Without Cause: Severance: 12 months of salary -> 18 months of salary",
        "Non-compete: 9 months -> 12 months",
    ]


def test_changes_carry_their_section_and_path() -> None:
    change = diff_terms(sample_letter(), bench_variant())[0]
    assert change == TermChange(
        "compensation", "Base Compensation", ("compensation", "base_salary"), "Base salary",
        ChangeKind.CHANGED, "$300,000.00", "$325,000.00",
    )
    assert change.dotted_path == "compensation.base_salary"
    assert change.describe("→") == "Base salary: $300,000.00 → $325,000.00"


def test_changes_come_in_section_order_whatever_the_field_order() -> None:
    def edit(letter: Letter) -> None:
        letter.covenants.nonsolicit.months = 24  # Exhibit A: the last section
        letter.company.signatory_title = "Chief Executive Officer"  # closing
        letter.letter.letter_date = date(2002, 10, 2)  # parties: the first section

    changes = diff_terms(sample_letter(), variant(edit))
    order = [s.key for s in SECTIONS]
    assert [c.section_key for c in changes] == ["parties", "closing", "covenants"]
    assert [order.index(c.section_key) for c in changes] == sorted(order.index(c.section_key) for c in changes)
    assert str(changes[0]) == "Letter date: October 1, 2002 -> October 2, 2002"
    assert [s.key for s, _ in by_section(changes)] == ["parties", "closing", "covenants"]


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        # money with separators and cents, as the letter's salary
        (("transportation", "monthly_allowance"), Decimal("1250.50"), "Monthly allowance: $1,000.00 -> $1,250.50"),
        # a percentage
        (("covenants", "noncompete", "passive_investment_percent"), Decimal("5"), "Non-compete: Passive investment allowed: 2% -> 5%"),
        # business days keep their unit; the title's "(business days)" is not repeated
        (("benefits", "vacation_days"), 25, "Vacation: 20 business days -> 25 business days"),
        # one day is singular
        (("termination", "cause", "cure_notice_days"), 1, "Cause: Cure notice: 10 days -> 1 day"),
        # a clause that is in or out of the letter
        (("benefits", "merp"), False, "Medical expense reimbursement plan (MERP): included -> not included"),
        # a yes/no choice
        (("termination", "without_cause", "accelerate_equity"), False, "Without Cause: Unvested equity vests: yes -> no"),
        # an enum in words
        (("compensation", "pay_frequency"), "monthly", "Pay frequency: bi-weekly -> monthly"),
        # a date not printed in the letter is still a term
        (("position", "start_date"), date(2002, 11, 1), "Anticipated start date: October 14, 2002 -> November 1, 2002"),
    ],
)
def test_value_formats(path: tuple[str, ...], value: object, expected: str) -> None:
    def edit(letter: Letter) -> None:
        node = letter
        for part in path[:-1]:
            node = getattr(node, part)
        setattr(node, path[-1], value)

    assert described(sample_letter(), variant(edit)) == [expected]


def test_optional_term_emptied_is_removed_with_its_old_value() -> None:
    def edit(letter: Letter) -> None:
        letter.benefits.life_insurance_multiple = None

    assert described(sample_letter(), variant(edit)) == ["Life insurance: removed (3 times salary)"]


def test_optional_section_added_is_one_entry() -> None:
    without = variant(lambda letter: setattr(letter, "transportation", None))
    changes = diff_terms(without, sample_letter())
    assert [(c.label, c.kind, c.path) for c in changes] == [
        ("Transportation allowance", ChangeKind.ADDED, ("transportation",))
    ]
    assert str(changes[0]) == "Transportation allowance: added"


def test_optional_group_inside_a_section_is_labelled_by_its_title() -> None:
    def edit(letter: Letter) -> None:
        letter.benefits.bonus_program = None
        letter.termination.change_of_control = None

    assert described(sample_letter(), variant(edit)) == [
        "Cash bonus program: removed",
        "Change of Control: removed",
    ]


def test_removed_cause_item_is_one_entry_and_later_items_do_not_change() -> None:
    def edit(letter: Letter) -> None:
        items = list(letter.termination.cause.items)
        del items[1]
        letter.termination.cause.items = items

    changes = diff_terms(sample_letter(), variant(edit))
    assert len(changes) == 1
    assert changes[0].kind is ChangeKind.REMOVED
    assert changes[0].label == "Cause: Ground 2"
    assert changes[0].old is not None and changes[0].old.startswith("acts which constitute fraud")
    assert changes[0].path == ("termination", "cause", "items", 1)


def test_added_and_changed_list_items() -> None:
    def edit(letter: Letter) -> None:
        letter.termination.cause.items = [*letter.termination.cause.items, "breach of this Agreement"]
        letter.company.letterhead_lines = ["MIM Corporation", "100 Clearbrook Road", "Elmsford, NY 10523"]

    assert described(sample_letter(), variant(edit)) == [
        "Letterhead line 3: Elmsford, New York 10523 -> Elmsford, NY 10523",
        "Cause: Ground 5: added (breach of this Agreement)",
    ]


def test_equity_grant_fields_are_labelled_by_grant() -> None:
    def edit(letter: Letter) -> None:
        assert letter.equity is not None
        grant = letter.equity.grants[0]
        grant.shares = 200_000
        grant.vesting.years = 4
        second = grant.model_copy(deep=True)
        second.kind = "rsu"  # type: ignore[assignment]
        letter.equity.grants = [grant, second]

    assert described(sample_letter(), variant(edit)) == [
        "Equity grant 1: Shares: 150,000 -> 200,000",
        "Equity grant 1: Vesting schedule: Years: 3 -> 4",
        "Equity grant 2: added",
    ]


def test_unicode_names_are_kept_as_typed() -> None:
    def edit(letter: Letter) -> None:
        letter.candidate.full_name = "José Ñúñez-Łukasz 李"
        letter.candidate.familiar_name = "José"

    assert described(sample_letter(), variant(edit)) == [
        "Candidate: Full name: James S. Lusk -> José Ñúñez-Łukasz 李",
        "Candidate: Familiar name: Jim -> José",
    ]
