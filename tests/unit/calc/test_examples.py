"""The example letters in ``examples/`` priced, each figure beside its hand computation.

Scenarios are on each letter's default date, 18 months after its start (the Calculations pane's).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.calc.dates import default_scenario_date
from app.calc.scenarios import Scenario, ScenarioKind, run_scenario, scenario_kinds
from app.calc.summary import Calculations, calculate
from app.domain.file_format import load_letter
from app.domain.letter import Letter
from app.domain.problems import Severity

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
K = ScenarioKind
D = date


def example(name: str) -> Letter:
    _, letter, problems = load_letter((EXAMPLES / f"{name}.offer.json").read_text(encoding="utf-8"))
    assert letter is not None and not [p for p in problems if p.severity is Severity.ERROR], problems
    return letter


def priced(name: str, kind: ScenarioKind, coc_on: date | None = None) -> tuple[Calculations, Scenario]:
    letter = example(name)
    return calculate(letter), run_scenario(letter, kind, default_scenario_date(letter.position.start_date), coc_on)


def money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def test_ca_vp_at_will() -> None:
    calcs, s = priced("ca-vp-engineering-at-will", K.WITHOUT_CAUSE)  # start 2027-01-04; 2028-07-04
    (grant,) = calcs.equity
    assert grant.installments[0].shares == 16_250  # floor(65,000 x 12 / 48): the letter's one-quarter
    assert money(calcs.bonus.target.value) == "49000.00"  # 20% x 245,000
    assert money(calcs.first_year_bonus.amount.value) == "48597.26"  # 49,000 x 362 / 365 = 48,597.260...
    assert money(calcs.cost.first_year_cost.value) == "294000.00"  # 245,000 + 49,000
    assert money(s.severance_total.value) == "61250.00"  # 3 x 245,000 / 12
    # lump sum 60 days after 2028-07-04 (the 45-day release is earlier): 2028-09-02
    assert [(p.date, str(p.amount)) for p in s.severance_payments.value] == [(D(2028, 9, 2), "61250.00")]
    assert s.benefits_end.value == D(2028, 10, 4)  # COBRA 3 months
    assert s.vested_shares.value == 24_375  # floor(65,000 x 18 / 48)
    # California: no covenants, no covenant dates
    assert (s.noncompete_end.value, s.nonsolicit_end.value) == (None, None)
    assert K.CHANGE_OF_CONTROL not in scenario_kinds(example("ca-vp-engineering-at-will"))


def test_ceo_double_trigger() -> None:
    calcs, s = priced("ceo-double-trigger", K.WITHOUT_CAUSE)  # start 2027-02-01; 2028-08-01
    assert [g.shares.value for g in calcs.equity] == [500_000, 80_000, 60_000]  # RSUs: 2,000,000 / 25.00
    # salary 650,000 + target 100% 650,000 + sign-on 250,000
    assert money(calcs.cost.first_year_cost.value) == "1550000.00"
    assert money(calcs.cost.largest_severance.value) == "2600000.00"  # CoC: 2 x (650,000 + 650,000)
    assert money(s.severance_total.value) == "1950000.00"  # 1.5 x (650,000 + 650,000)
    payments = s.severance_payments.value
    # 39 bi-weekly payments of 50,000 from 2028-08-04; the 13 due by 2029-02-01 (six months, 409A) are paid
    # with the 14th on 2029-02-02: 14 x 50,000 = 700,000; then 25 more to 2030-01-18
    assert (payments[0].date, str(payments[0].amount)) == (D(2029, 2, 2), "700000.00")
    assert (len(payments), payments[-1].date) == (26, D(2030, 1, 18))
    # 125,000 options (first anniversary) + floor(80,000 / 3) = 26,666 RSUs; the PSUs cliff at 3 years
    assert (s.vested_shares.value, s.accelerated_shares.value, s.forfeited_shares.value) == (151_666, 0, 488_334)
    assert (s.noncompete_end.value, s.nonsolicit_end.value) == (D(2029, 8, 1), D(2030, 8, 1))

    _, coc = priced("ceo-double-trigger", K.CHANGE_OF_CONTROL)
    assert money(coc.severance_total.value) == "2600000.00"
    # lump sum 60 days later (2028-09-30) is inside the 409A six months: first pay date after 2029-02-01
    assert [p.date for p in coc.severance_payments.value] == [D(2029, 2, 2)]
    # 650,000 x 214 days (2028-01-01 .. 2028-08-01) / 366 = 380,054.644... -> 380,054.64
    assert money(coc.pro_rata_bonus.value) == "380054.64"
    assert coc.accelerated_shares.value == 488_334 and coc.benefits_end.value == D(2030, 2, 1)  # COBRA 18
    # the window opens 3 months before: a Change of Control on 2028-10-15 still counts (2028-07-15 <= 2028-08-01)
    _, before = priced("ceo-double-trigger", K.CHANGE_OF_CONTROL, D(2028, 10, 15))
    assert before.inside_protection_window is not None and before.inside_protection_window.value is True
    _, after = priced("ceo-double-trigger", K.CHANGE_OF_CONTROL, D(2028, 11, 2))  # opens 2028-08-02: outside
    assert money(after.severance_total.value) == "1950000.00" and after.accelerated_shares.value == 0

    _, resigned = priced("ceo-double-trigger", K.RESIGNATION)
    assert resigned.repayments == ()  # the sign-on is repayable within 12 months only; 18 have passed
    early = run_scenario(example("ceo-double-trigger"), K.RESIGNATION, D(2027, 6, 15))
    # 4 whole months served (2027-06-01 reached): 250,000 x 8 / 12 = 166,666.666... -> 166,666.67
    assert money(early.repaid_total.value) == "166666.67"

    _, death = priced("ceo-double-trigger", K.DEATH)
    assert money(death.death_benefit.value) == "650000.00" and death.accelerated_shares.value == 488_334
    assert death.noncompete_end.value is None


def test_interim_fixed_term() -> None:
    calcs, s = priced("interim-cfo-fixed-term", K.WITHOUT_CAUSE)  # start 2027-01-11; 2028-07-11
    # 360,000 + the first 75,000 retention installment (2027-07-11; the second is on 2028-01-11, after the year)
    assert money(calcs.cost.first_year_cost.value) == "435000.00"
    # 12-month term to 2028-01-11, renewals of 3 months: 2028-04-11, 2028-07-11 (the termination day falls in
    # the next renewal), 2028-10-11: 92 days x 360,000 / 365 = 90,739.726... -> 90,739.73
    assert money(s.severance_total.value) == "90739.73"
    assert [p.date for p in s.severance_payments.value] == [D(2028, 8, 10)]  # lump sum 30 days after
    assert money(s.notice_pay.value) == "29589.04"  # 30 days x 360,000 / 365
    assert s.noncompete_end.value is None and s.nonsolicit_end.value == D(2029, 7, 11)
    early = run_scenario(example("interim-cfo-fixed-term"), K.WITHOUT_CAUSE, D(2027, 4, 11))
    # in the initial term: 2027-04-11 to 2028-01-11 = 275 days x 360,000 / 365 = 271,232.876... -> 271,232.88
    assert money(early.severance_total.value) == "271232.88"


def test_promotion_term_sheet() -> None:
    calcs, s = priced("promotion-coo-term-sheet", K.WITHOUT_CAUSE)  # start 2027-01-01; 2028-07-01
    assert calcs.equity[0].shares.value == 10_000  # 100% of 475,000 / 47.50
    assert money(calcs.pay.prior_salary.value) == "400000.00"
    # bonus on salary earned, not pro rata: 75% x 475,000 earned in 2027 = 356,250
    assert money(calcs.first_year_bonus.amount.value) == "356250.00"
    assert money(calcs.cost.first_year_cost.value) == "831250.00"  # 475,000 + 356,250
    # 1 x (500,000 after the 2028-01-01 step + 75% x 500,000 = 375,000) = 875,000
    assert money(s.severance_total.value) == "875000.00"
    # 50% of the 6,667 unvested restricted shares: floor(3,333.5) = 3,333
    assert (s.vested_shares.value, s.accelerated_shares.value, s.forfeited_shares.value) == (3_333, 3_333, 3_334)
    assert "reduced by any severance under another Company plan" in s.severance_total.explain()
    # Massachusetts garden leave: 50% x the highest salary 500,000 x 12 months / 12 = 250,000
    assert money(s.garden_leave_pay.value) == "250000.00"
    _, coc = priced("promotion-coo-term-sheet", K.CHANGE_OF_CONTROL)
    assert money(coc.severance_total.value) == "1750000.00"  # 2 x 875,000
    _, good_reason = priced("promotion-coo-term-sheet", K.GOOD_REASON)
    assert good_reason.severance_total.value == 0  # Good Reason counts only after a Change of Control here


def test_merger_contingent() -> None:
    calcs, s = priced("merger-contingent-president", K.WITHOUT_CAUSE)  # start 2027-03-01; 2028-09-01
    # the signing bonus is paid at the closing, 2027-02-26 (before the start), so in the first year:
    # 425,000 + target 60% 255,000 + 150,000
    assert money(calcs.cost.first_year_cost.value) == "830000.00"
    # 4 weeks x 1 full year = 4, raised to the 26-week floor: 425,000 x 26 / 52 = 212,500
    assert money(s.severance_total.value) == "212500.00"
    # over 26/52 of a year: 13 bi-weekly payments of 16,346.15, the last 212,500 - 12 x 16,346.15 = 16,346.20
    payments = s.severance_payments.value
    assert (len(payments), str(payments[-1].amount)) == (13, "16346.20")
    _, coc = priced("merger-contingent-president", K.CHANGE_OF_CONTROL)
    # single trigger, 50%, the Change of Control within 24 months of the start: 20,000 unvested -> 10,000
    assert coc.event_acceleration is not None and coc.event_acceleration.value == 10_000
    assert (coc.accelerated_shares.value, coc.forfeited_shares.value) == (10_000, 10_000)
    late = run_scenario(example("merger-contingent-president"), K.CHANGE_OF_CONTROL, D(2029, 4, 1), D(2029, 3, 15))
    assert late.accelerated_shares.value == 0  # 2029-03-15 is more than 24 months after 2027-03-01
    resigned = run_scenario(example("merger-contingent-president"), K.RESIGNATION, D(2027, 12, 1))
    # within 12 months of the 2027-02-26 payment: all 150,000, stated gross (the letter says after tax)
    (repaid,) = resigned.repayments
    assert money(repaid.amount.value) == "150000.00" and "net repaid depends" in repaid.amount.explain()


@pytest.mark.parametrize("name", [p.name.removesuffix(".offer.json") for p in sorted(EXAMPLES.glob("*.offer.json"))])
def test_every_scenario_of_every_example_computes(name: str) -> None:
    letter = example(name)
    on = default_scenario_date(letter.position.start_date)
    for kind in scenario_kinds(letter):
        s = run_scenario(letter, kind, on)
        assert sum((p.amount for p in s.severance_payments.value), Decimal(0)) == s.severance_total.value
