"""Each legal rule fires on the terms it is about (citing its source) and stays quiet on a letter
that complies. The letters are the sample with a few terms changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from app.domain import legal_rules
from app.domain.legal_rules import LegalIssue, legal_issues
from app.domain.letter import (
    CashAward,
    CashInstallment,
    GrantKind,
    GrantSizing,
    Letter,
    NoncompeteStart,
    PaymentTiming,
    Repayment,
    RepaymentKind,
    SeverancePayment,
    UsState,
    VestingKind,
)
from app.domain.sample import sample_letter

Edit = Callable[[Letter], None]


def letter_with(*edits: Edit) -> Letter:
    letter = sample_letter()
    for edit in edits:
        edit(letter)
    return letter


def rules_of(issues: list[LegalIssue]) -> list[str]:
    return [i.rule for i in issues]


def works_in(state: UsState, law: UsState | None = None) -> Edit:
    def edit(letter: Letter) -> None:
        letter.position.work_state = state
        letter.governing_law.state = law or state
    return edit


def salary(amount: str) -> Edit:
    def edit(letter: Letter) -> None:
        letter.compensation.base_salary = Decimal(amount)
    return edit


def noncompete_from_termination(months: int = 9, garden_leave: str | None = None) -> Edit:
    def edit(letter: Letter) -> None:
        assert letter.covenants is not None and letter.covenants.noncompete is not None
        letter.covenants.noncompete.starts = NoncompeteStart.TERMINATION
        letter.covenants.noncompete.months = months
        letter.covenants.noncompete.garden_leave_percent = Decimal(garden_leave) if garden_leave else None
    return edit


def no_noncompete(letter: Letter) -> None:
    assert letter.covenants is not None
    letter.covenants.noncompete = None


def no_nonsolicit(letter: Letter) -> None:
    assert letter.covenants is not None
    letter.covenants.nonsolicit = None


def iso(shares: int, years: int, price: str | None) -> Edit:
    def edit(letter: Letter) -> None:
        assert letter.equity is not None
        grant = letter.equity.grants[0]
        grant.kind = GrantKind.INCENTIVE_STOCK_OPTION
        grant.sizing = GrantSizing.SHARES
        grant.shares = shares
        grant.vesting.kind = VestingKind.EQUAL_ANNUAL
        grant.vesting.years = years
        letter.equity.assumed_share_price = Decimal(price) if price else None
    return edit


def lump_sum(days: int, release_days: int | None = None) -> Edit:
    def edit(letter: Letter) -> None:
        assert letter.termination.without_cause is not None
        severance = letter.termination.without_cause.severance
        severance.payment = SeverancePayment.LUMP_SUM
        severance.lump_sum_days = days
        if release_days is not None:
            severance.release_required = True
            severance.release_days = release_days
    return edit


def signing_bonus(offset: bool) -> Edit:
    def edit(letter: Letter) -> None:
        letter.cash_awards = [CashAward(
            kind="signing", installments=[CashInstallment(amount=Decimal("50000"), timing=PaymentTiming.AT_START)],
            repayment=Repayment(kind=RepaymentKind.FULL, months=12, offset=offset))]
    return edit


# (rule id, edits that make it fire, edits of a near letter where it does not, words of its source)
CASES: list[tuple[str, list[Edit], list[Edit], str]] = [
    ("legal-california-noncompete", [works_in(UsState.CA)], [works_in(UsState.CA), no_noncompete],
     "16600.5"),
    ("legal-california-nonsolicit", [works_in(UsState.CA)], [works_in(UsState.CA), no_nonsolicit], "16600"),
    ("legal-california-choice-of-law", [works_in(UsState.CA, UsState.NY)], [works_in(UsState.CA)], "Lab. Code 925"),
    ("legal-massachusetts-noncompete-length", [works_in(UsState.MA), noncompete_from_termination(18, "50")],
     [works_in(UsState.MA), noncompete_from_termination(12, "50")], "24L(b)(iv)"),
    ("legal-massachusetts-noncompete-length", [works_in(UsState.MA)],  # 9 months from the last of 12 months' pay
     [works_in(UsState.MA), noncompete_from_termination(9, "50")], "24L(b)(iv)"),
    ("legal-massachusetts-garden-leave", [works_in(UsState.MA), noncompete_from_termination(12, "40")],
     [works_in(UsState.MA), noncompete_from_termination(12, "50")], "24L(b)(vii)"),
    ("legal-massachusetts-notice", [works_in(UsState.MA)], [works_in(UsState.MA), no_noncompete], "24L(b)(i)"),
    ("legal-washington-noncompete-pay", [works_in(UsState.WA), salary("100000")],
     [works_in(UsState.WA), salary("300000")], "RCW 49.62.020"),
    ("legal-washington-noncompete-length", [works_in(UsState.WA), noncompete_from_termination(24)],
     [works_in(UsState.WA), noncompete_from_termination(18)], "49.62.020(2)"),
    ("legal-washington-choice-of-law", [works_in(UsState.WA, UsState.NY)], [works_in(UsState.WA)], "49.62.050"),
    ("legal-illinois-noncompete-pay", [works_in(UsState.IL), salary("70000")], [works_in(UsState.IL), salary("90000")],
     "820 ILCS 90/10"),
    ("legal-illinois-nonsolicit-pay", [works_in(UsState.IL), salary("40000")], [works_in(UsState.IL), salary("50000")],
     "90/10(b)"),
    ("legal-illinois-review-period", [works_in(UsState.IL)],  # the sample starts 13 days after its date
     [works_in(UsState.IL), lambda x: setattr(x.position, "start_date", date(2002, 11, 1))], "90/20"),
    ("legal-colorado-noncompete-pay", [works_in(UsState.CO), salary("100000")], [works_in(UsState.CO)],
     "8-2-113(2)(b)"),
    ("legal-colorado-choice-of-law", [works_in(UsState.CO, UsState.NY)], [works_in(UsState.CO)], "8-2-113(6)"),
    ("legal-colorado-notice", [works_in(UsState.CO)], [works_in(UsState.CO), no_noncompete, no_nonsolicit],
     "8-2-113(4)"),
    ("legal-noncompete-ban", [works_in(UsState.MN)], [works_in(UsState.MN), no_noncompete], "181.988"),
    ("legal-work-state-unknown", [lambda x: setattr(x.position, "work_state", None)], [works_in(UsState.NY)], "16600"),
    ("legal-noncompete-after-severance", [], [noncompete_from_termination()], "24L(b)(iv)"),
    ("legal-409a-release-timing", [lump_sum(30, 30)], [lump_sum(30)], "Notice 2010-6"),
    ("legal-409a-short-term-deferral", [lump_sum(90)], [lump_sum(60)], "1.409A-1(b)(4)"),
    ("legal-severance-release-conflict", [lump_sum(30, 60)], [lump_sum(60, 45)], "1.409A-3(b)"),
    ("legal-409a-specified-employee", [lump_sum(90)], [lump_sum(90), lambda x: setattr(
        x.termination.without_cause.severance, "specified_employee_delay", True)], "1.409A-3(i)(2)"),  # type: ignore[union-attr]
    ("legal-409a-specified-employee", [lambda x: setattr(x.termination.without_cause.severance, "months", 36)],  # type: ignore[union-attr]
     [], "409A(a)(2)(B)(i)"),
    ("legal-iso-100k-limit", [iso(150_000, 3, "2.50")], [iso(150_000, 3, "2.00")], "422(d)"),
    ("legal-iso-post-termination-exercise",
     [iso(1000, 3, None), lambda x: setattr(x.termination.disability, "exercise_months", 24)],  # type: ignore[union-attr]
     [iso(1000, 3, None), lambda x: setattr(x.termination.disability, "exercise_months", 12)], "422(c)(6)"),  # type: ignore[union-attr]
    ("legal-bonus-conflict", [lambda x: setattr(x.benefits.bonus_program, "employed_at_payout", True),  # type: ignore[union-attr]
                              lambda x: setattr(x.termination.without_cause.severance, "pro_rata_bonus", True)],  # type: ignore[union-attr]
     [lambda x: setattr(x.termination.without_cause.severance, "pro_rata_bonus", True)], "employed"),  # type: ignore[union-attr]
    ("legal-clawback-wage-deduction", [works_in(UsState.CA), signing_bonus(True)],
     [works_in(UsState.CA), signing_bonus(False)], "Cal. Lab. Code 221"),
]


@pytest.mark.parametrize(("rule", "fires", "quiet", "source"), CASES, ids=[c[0] for c in CASES])
def test_rule_fires_with_its_source_and_stays_quiet_otherwise(rule, fires, quiet, source) -> None:
    found = [i for i in legal_issues(letter_with(*fires)) if i.rule == rule]
    assert found, f"{rule} did not fire: {rules_of(legal_issues(letter_with(*fires)))}"
    assert source in found[0].message
    assert ":" in found[0].message and found[0].path
    assert rule not in rules_of(legal_issues(letter_with(*quiet)))


def test_every_rule_has_a_case() -> None:
    covered = {c[0] for c in CASES}
    for rule in legal_rules.RULES:
        produced: set[str] = set()
        for _, fires, _, _ in CASES:
            produced |= set(rules_of(rule(letter_with(*fires))))
        assert produced & covered, f"{rule.__name__} has no case where it fires"


def test_the_iso_limit_counts_each_calendar_year() -> None:
    # 150,000 ISOs at $2.00, vesting in thirds from 14 October 2002: $100,000 in each of 2003, 2004, 2005.
    values = legal_rules._vesting_by_year(letter_with(iso(150_000, 3, "2.00")))
    assert values == {2003: Decimal("100000.00"), 2004: Decimal("100000.00"), 2005: Decimal("100000.00")}
    assert legal_rules.iso_annual_limit(letter_with(iso(150_000, 3, "2.00"))) == []
    issue = legal_rules.iso_annual_limit(letter_with(iso(150_000, 2, "2.00")))[0]
    assert "$150,000.00" in issue.message and "2003" in issue.message


def test_the_sample_letter_has_only_the_true_legal_finding() -> None:
    # MIM (2002, New York): its non-compete runs nine months from the last of twelve months' severance.
    assert rules_of(legal_issues(sample_letter())) == ["legal-noncompete-after-severance"]
