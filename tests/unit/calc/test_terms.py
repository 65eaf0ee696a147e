"""Oracle cases for the terms beyond the reference letter, each with its hand computation.

The base is the sample: start Monday 2002-10-14, salary 300,000.00 paid bi-weekly on Fridays from
2002-10-18, 150,000 options vesting 50,000 on 2003/2004/2005-10-14. Unless a case says otherwise the
termination is on Wednesday 2004-04-14 (50,000 vested, 100,000 unvested; next pay date 2004-04-16).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from app.calc.bonus import bonus_figures
from app.calc.salary import salary_on
from app.calc.scenarios import ScenarioKind, run_scenario, scenario_kinds
from app.calc.summary import calculate
from tests.unit.calc.letters import grant, letter_with

D = date
K = ScenarioKind
ON = D(2004, 4, 14)
WC = "termination.without_cause"


def severance(**terms: Any) -> dict[str, Any]:
    return {"formula": "months_of_salary", "months": 12, "payment": "installments", **terms}


# ---------------------------------------------------------------- salary steps


def test_salary_on_a_date_follows_the_steps() -> None:
    letter = letter_with({"compensation.steps": [
        {"timing": "on_anniversary", "anniversary": 1, "salary": "360000.00"},
        {"timing": "on_date", "effective_date": "2005-01-01", "salary": "400000.00"},
    ]})
    assert salary_on(letter, D(2003, 10, 13)).value == Decimal("300000.00")  # the day before the 1st anniversary
    assert salary_on(letter, D(2003, 10, 14)).value == Decimal("360000.00")  # on it: the new salary
    assert salary_on(letter, D(2004, 12, 31)).value == Decimal("360000.00")
    assert salary_on(letter, D(2005, 1, 1)).value == Decimal("400000.00")
    pay = calculate(letter).pay
    assert [(s.value.effective, s.value.salary) for s in pay.salary_steps] == [
        (D(2003, 10, 14), Decimal("360000.00")), (D(2005, 1, 1), Decimal("400000.00"))]


# ---------------------------------------------------------------- severance formulas

STEP = {"compensation.steps": [{"timing": "on_anniversary", "anniversary": 1, "salary": "360000.00"}]}

FORMULAS = [
    # 12 months x 360,000 (the salary in force on 2004-04-14, after the 2003-10-14 step) / 12
    ({**STEP}, ON, "360000.00"),
    # the day before the step: 12 x 300,000 / 12
    ({**STEP}, D(2003, 10, 13), "300000.00"),
    # 1.5 x (300,000 + target 50% = 150,000) = 675,000.00
    ({"benefits.bonus_program.target_percent": "50",
      f"{WC}.severance": severance(formula="salary_and_bonus_multiple", multiple="1.5")}, ON, "675000.00"),
    # 2 x 300,000 without the bonus = 600,000.00
    ({f"{WC}.severance": severance(formula="salary_and_bonus_multiple", multiple="2",
                                   include_target_bonus=False)}, ON, "600000.00"),
    # 2 weeks per full year: 1 full year on 2004-04-14 -> 2 weeks, raised to the minimum 8:
    # 300,000 x 8 / 52 = 46,153.846... -> 46,153.85
    ({f"{WC}.severance": severance(formula="weeks_per_service", weeks=2, minimum_weeks=8, maximum_weeks=20)},
     ON, "46153.85"),
    # 2008-10-13: 5 full years (the 6th anniversary is the next day) -> 10 weeks: 57,692.307... -> 57,692.31
    ({f"{WC}.severance": severance(formula="weeks_per_service", weeks=2, minimum_weeks=8, maximum_weeks=20)},
     D(2008, 10, 13), "57692.31"),
    # 2013-10-14: 11 full years -> 22 weeks, cut to the cap 20: 300,000 x 20 / 52 = 115,384.615... -> 115,384.62
    ({f"{WC}.severance": severance(formula="weeks_per_service", weeks=2, minimum_weeks=8, maximum_weeks=20)},
     D(2013, 10, 14), "115384.62"),
    # 1 week per full month: 2003-04-13 is 5 full months (2003-03-14 reached, 2003-04-14 not):
    # 300,000 x 5 / 52 = 28,846.153... -> 28,846.15
    ({f"{WC}.severance": severance(formula="weeks_per_service", weeks=1, service_unit="month")},
     D(2003, 4, 13), "28846.15"),
    # 24-month fixed term: ends 2004-10-14; 183 days after 2004-04-14: 300,000 x 183 / 365 = 150,410.958... -> .96
    ({"position.at_will": False, "term": {"months": 24, "renews": False},
      f"{WC}.severance": severance(formula="remainder_of_term")}, ON, "150410.96"),
    # 12-month term renewing by 12: 2004-01-14 falls in renewal 1, ending 2004-10-14: 274 days:
    # 300,000 x 274 / 365 = 225,205.479... -> 225,205.48
    ({"position.at_will": False, "term": {"months": 12, "renews": True, "renewal_months": 12},
      f"{WC}.severance": severance(formula="remainder_of_term")}, D(2004, 1, 14), "225205.48"),
]


@pytest.mark.parametrize(("changes", "on", "total"), FORMULAS)
def test_severance_formulas(changes: dict[str, Any], on: date, total: str) -> None:
    s = run_scenario(letter_with(changes), K.WITHOUT_CAUSE, on)
    assert str(s.severance_total.value) == total
    assert sum((p.amount for p in s.severance_payments.value), Decimal(0)) == s.severance_total.value


def test_multiple_is_paid_over_its_years() -> None:
    # 675,000.00 over 1.5 years: ceil(26 x 1.5) = 39 bi-weekly payments of 675,000 / 39 = 17,307.69;
    # the last 675,000 - 38 x 17,307.69 (657,692.22) = 17,307.78
    letter = letter_with({"benefits.bonus_program.target_percent": "50",
                          f"{WC}.severance": severance(formula="salary_and_bonus_multiple", multiple="1.5")})
    payments = run_scenario(letter, K.WITHOUT_CAUSE, ON).severance_payments.value
    assert len(payments) == 39
    assert (str(payments[0].amount), str(payments[-1].amount)) == ("17307.69", "17307.78")


@pytest.mark.parametrize(
    ("terms", "paid_on"),
    [
        # lump sum 30 days after 2004-04-14 = 2004-05-14
        ({"payment": "lump_sum", "lump_sum_days": 30}, D(2004, 5, 14)),
        # a release due in 60 days is later: paid on the release deadline 2004-06-13
        ({"payment": "lump_sum", "lump_sum_days": 30, "release_required": True, "release_days": 60}, D(2004, 6, 13)),
        # a release due in 21 days is earlier: the lump-sum date stands
        ({"payment": "lump_sum", "lump_sum_days": 30, "release_required": True, "release_days": 21}, D(2004, 5, 14)),
        # 409A: 2004-05-14 is within six months (to 2004-10-14): the first pay date after, Friday 2004-10-15
        ({"payment": "lump_sum", "lump_sum_days": 30, "specified_employee_delay": True}, D(2004, 10, 15)),
    ],
)
def test_lump_sum(terms: dict[str, Any], paid_on: date) -> None:
    s = run_scenario(letter_with({f"{WC}.severance": severance(**terms)}), K.WITHOUT_CAUSE, ON)
    (payment,) = s.severance_payments.value
    assert (payment.date, str(payment.amount)) == (paid_on, "300000.00")


def test_release_deadline() -> None:
    s = run_scenario(letter_with({f"{WC}.severance": severance(release_required=True, release_days=45)}),
                     K.WITHOUT_CAUSE, ON)
    assert s.release_deadline.value == D(2004, 5, 29)  # 2004-04-14 + 45 days
    assert run_scenario(letter_with(), K.WITHOUT_CAUSE, ON).release_deadline.value is None


def test_section_409a_delay_pays_one_catch_up() -> None:
    # 26 payments from 2004-04-16 every 14 days. Six months after the termination: 2004-10-14. The 13
    # payments due by then (2004-04-16 .. 2004-10-01) wait for the first pay date after, 2004-10-15, which
    # is the 14th scheduled payment: one catch-up of 14 x 11,538.46 = 161,538.44 on 2004-10-15, then the
    # 12 payments 2004-10-29 .. 2005-04-01 (the last 11,538.50). 13 payments in all, summing to 300,000.00.
    s = run_scenario(letter_with({f"{WC}.severance": severance(specified_employee_delay=True)}), K.WITHOUT_CAUSE, ON)
    payments = s.severance_payments.value
    assert (payments[0].date, str(payments[0].amount)) == (D(2004, 10, 15), "161538.44")
    assert payments[1].date == D(2004, 10, 29) and payments[-1].date == D(2005, 4, 1)
    assert len(payments) == 13 and str(payments[-1].amount) == "11538.50"
    assert "Section 409A" in s.severance_payments.explain()


def test_cobra_pro_rata_bonus_and_notice_pay() -> None:
    letter = letter_with({
        "benefits.bonus_program.target_percent": "50",
        f"{WC}.severance": severance(cobra_months=18, pro_rata_bonus=True),
        "termination.notice": {"resignation_days": 30, "company_days": 60},
    })
    s = run_scenario(letter, K.WITHOUT_CAUSE, ON)
    assert s.benefits_end.value == D(2005, 10, 14)  # COBRA 18 months after 2004-04-14
    # target 150,000 x 105 days (Jan 31 + Feb 29 + Mar 31 + Apr 14) / 366 (2004 is a leap year) = 43,032.786... -> .79
    assert str(s.pro_rata_bonus.value) == "43032.79"
    assert str(s.notice_pay.value) == "49315.07"  # 60 days x 300,000 / 365 = 49,315.068...
    resigned = run_scenario(letter, K.RESIGNATION, ON)
    assert str(resigned.notice_pay.value) == "24657.53"  # 30 days x 300,000 / 365 = 24,657.534...
    assert resigned.pro_rata_bonus.value is None


def test_no_without_cause_clause_pays_no_severance() -> None:
    s = run_scenario(letter_with({WC: None}), K.WITHOUT_CAUSE, ON)
    assert s.severance_total.value == 0 and s.severance_payments.value == ()
    assert "the letter provides no severance on termination without Cause" in s.severance_total.explain()
    assert s.accelerated_shares.value == 0


def test_good_reason() -> None:
    # with Good Reason defined and treated as without Cause: 12 months (300,000.00) and 100,000 accelerated
    defined = {"termination.good_reason": {}, f"{WC}.good_reason": True}
    s = run_scenario(letter_with(defined), K.GOOD_REASON, ON)
    assert (str(s.severance_total.value), s.accelerated_shares.value) == ("300000.00", 100_000)
    not_treated = run_scenario(letter_with({"termination.good_reason": {}}), K.GOOD_REASON, ON)
    assert (not_treated.severance_total.value, not_treated.accelerated_shares.value) == (0, 0)
    assert K.GOOD_REASON not in scenario_kinds(letter_with())  # the sample does not define Good Reason


def test_death_benefit_and_vesting() -> None:
    s = run_scenario(letter_with({"termination.death.cash_benefit": "250000.00",
                                  "termination.death.accelerate_equity": True}), K.DEATH, ON)
    assert str(s.death_benefit.value) == "250000.00"
    assert (s.accelerated_shares.value, s.forfeited_shares.value) == (100_000, 0)
    assert s.noncompete_end.value is None and "no covenant runs after a death" in s.noncompete_end.explain()


def test_covenant_ends_only_for_covenants_the_letter_has() -> None:
    s = run_scenario(letter_with({"covenants.noncompete": None}), K.WITHOUT_CAUSE, ON)
    assert s.noncompete_end.value is None and "no non-compete" in s.noncompete_end.explain()
    assert s.nonsolicit_end.value == D(2005, 4, 14)
    none = run_scenario(letter_with({"covenants": None}), K.RESIGNATION, ON)
    assert (none.noncompete_end.value, none.nonsolicit_end.value) == (None, None)


# ---------------------------------------------------------------- signing bonus repayment

SIGNING = {"kind": "signing", "installments": [{"amount": "100000.00", "timing": "at_start"}]}


@pytest.mark.parametrize(
    ("repayment", "kind", "on", "repaid", "due"),
    [
        # pro rata over 24 months, paid 2002-10-14. 2003-04-13: 5 whole months served (2003-04-14 not yet
        # reached) -> 19 not served: 100,000 x 19 / 24 = 79,166.666... -> 79,166.67; due 30 days later
        ({"kind": "pro_rata", "months": 24}, K.RESIGNATION, D(2003, 4, 13), "79166.67", D(2003, 5, 13)),
        # 2003-10-14: 12 served -> 100,000 x 12 / 24 = 50,000.00
        ({"kind": "pro_rata", "months": 24}, K.FOR_CAUSE, D(2003, 10, 14), "50000.00", D(2003, 11, 13)),
        # 2004-10-13: 23 served -> 100,000 x 1 / 24 = 4,166.666... -> 4,166.67
        ({"kind": "pro_rata", "months": 24}, K.RESIGNATION, D(2004, 10, 13), "4166.67", D(2004, 11, 12)),
        # 2004-10-14: 24 months served, nothing to repay
        ({"kind": "pro_rata", "months": 24}, K.RESIGNATION, D(2004, 10, 14), None, None),
        # full within 12 months: all of it on 2003-10-13, nothing from 2003-10-14
        ({"kind": "full", "months": 12}, K.RESIGNATION, D(2003, 10, 13), "100000.00", D(2003, 11, 12)),
        ({"kind": "full", "months": 12}, K.RESIGNATION, D(2003, 10, 14), None, None),
        # a termination without Cause repays nothing
        ({"kind": "full", "months": 12}, K.WITHOUT_CAUSE, D(2003, 4, 13), None, None),
    ],
)
def test_signing_bonus_repayment(repayment: dict[str, Any], kind: ScenarioKind, on: date, repaid: str | None,
                                 due: date | None) -> None:
    s = run_scenario(letter_with({"cash_awards": [{**SIGNING, "repayment": repayment}]}), kind, on)
    if repaid is None:
        assert s.repayments == () and s.repaid_total.value == 0
    else:
        (r,) = s.repayments
        assert (str(r.amount.value), r.due, str(s.repaid_total.value)) == (repaid, due, repaid)


def test_after_tax_repayment_is_stated_gross() -> None:
    letter = letter_with({"cash_awards": [{**SIGNING, "repayment": {"kind": "full", "months": 12,
                                                                      "basis": "after_tax"}}]})
    (r,) = run_scenario(letter, K.RESIGNATION, D(2003, 1, 2)).repayments
    assert r.amount.value == Decimal("100000.00")
    assert "this is the gross amount, the net repaid depends on the withholding" in r.amount.explain()


def test_installments_not_yet_paid_are_not_repaid() -> None:
    # 50,000 at the start and 50,000 12 months after (2003-10-14), each repayable in full within 12 months
    # of its payment. Resigning 2003-10-13: the first is repaid, the second was never paid.
    award = {"kind": "retention", "repayment": {"kind": "full", "months": 12}, "installments": [
        {"amount": "50000.00", "timing": "at_start"},
        {"amount": "50000.00", "timing": "months_after_start", "months_after_start": 12}]}
    s = run_scenario(letter_with({"cash_awards": [award]}), K.RESIGNATION, D(2003, 10, 13))
    assert [(r.payment.number, str(r.amount.value)) for r in s.repayments] == [(1, "50000.00")]
    # 2004-01-14: the first is 15 months old (not repaid), the second 3 months (repaid in full)
    s = run_scenario(letter_with({"cash_awards": [award]}), K.RESIGNATION, D(2004, 1, 14))
    assert [(r.payment.number, str(r.amount.value)) for r in s.repayments] == [(2, "50000.00")]


# ---------------------------------------------------------------- acceleration


@pytest.mark.parametrize(
    ("percent", "grants", "accelerated", "forfeited"),
    [
        ("50", None, 50_000, 50_000),  # half of the 100,000 unvested
        ("33.3333", None, 33_333, 66_667),  # floor(100,000 x 0.333333) = floor(33,333.3)
        # two grants: 50% of 100,000 = 50,000, and of 3 RSUs (a 3-year cliff, none vested) floor(1.5) = 1
        ("50", [grant(), grant("rsu", 3, {"kind": "cliff", "years": 3})], 50_001, 50_002),
    ],
)
def test_partial_acceleration_rounds_down_per_grant(percent: str, grants: list[dict[str, Any]] | None,
                                                    accelerated: int, forfeited: int) -> None:
    changes: dict[str, Any] = {f"{WC}.acceleration_percent": percent}
    if grants:
        changes["equity.grants"] = grants
    s = run_scenario(letter_with(changes), K.WITHOUT_CAUSE, ON)
    assert (s.accelerated_shares.value, s.forfeited_shares.value) == (accelerated, forfeited)


# Without Cause 6 months (150,000.00) and no acceleration; after a Change of Control 12 months and
# acceleration; a window from 3 months before the Change of Control to 12 months after it.
COC = {f"{WC}.severance.months": 6, f"{WC}.accelerate_equity": False, "termination.change_of_control.months_before": 3}


@pytest.mark.parametrize(
    ("changes", "coc_on", "inside", "severance_total", "accelerated", "event"),
    [
        # CoC 2004-06-01: the window opens 2004-03-01, so a termination on 2004-04-14 is inside (before it)
        ({}, D(2004, 6, 1), True, "300000.00", 100_000, None),
        # CoC 2004-07-15: the window opens 2004-04-15, the day after: outside, the without-Cause terms
        ({}, D(2004, 7, 15), False, "150000.00", 0, None),
        # CoC 2003-04-14: 12 months after is 2004-04-14, the last day inside
        ({}, D(2003, 4, 14), True, "300000.00", 100_000, None),
        ({}, D(2003, 4, 13), False, "150000.00", 0, None),
        # single trigger, CoC 2003-12-01 (50,000 vested 2003-10-14): the 100,000 unvested vest on the event
        ({"termination.change_of_control.trigger": "single"}, D(2003, 12, 1), True, "300000.00", 100_000, 100_000),
        # single trigger at 50%: 50,000 vest on 2003-12-01; the other 50,000 are forfeited on termination
        ({"termination.change_of_control.trigger": "single",
          "termination.change_of_control.acceleration_percent": "50"}, D(2003, 12, 1), True, "300000.00",
         50_000, 50_000),
        # single trigger, CoC 2003-01-15 (nothing vested): all 150,000 vest on the event; the termination
        # on 2004-04-14 is outside the window (it closed 2004-01-15): without-Cause severance 150,000.00, and
        # the 100,000 the schedule had not yet vested count as accelerated (the event vested them)
        ({"termination.change_of_control.trigger": "single"}, D(2003, 1, 15), False, "150000.00", 100_000, 150_000),
        # acceleration only within 12 months of the start (to 2003-10-14): a CoC on 2003-10-13 accelerates ...
        ({"termination.change_of_control.acceleration_within_months_of_start": 12}, D(2003, 10, 13), True,
         "300000.00", 100_000, None),
        # ... one on 2003-10-15 does not (severance is still the Change of Control's)
        ({"termination.change_of_control.acceleration_within_months_of_start": 12}, D(2003, 10, 15), True,
         "300000.00", 0, None),
    ],
)
def test_change_of_control(changes: dict[str, Any], coc_on: date, inside: bool, severance_total: str,
                           accelerated: int, event: int | None) -> None:
    s = run_scenario(letter_with({**COC, **changes}), K.CHANGE_OF_CONTROL, ON, coc_on)
    assert s.inside_protection_window is not None and s.inside_protection_window.value is inside
    assert str(s.severance_total.value) == severance_total
    assert s.accelerated_shares.value == accelerated
    assert (s.event_acceleration.value if s.event_acceleration else None) == event
    assert s.vested_shares.value + s.accelerated_shares.value + s.forfeited_shares.value == 150_000


# ---------------------------------------------------------------- bonus and first-year cost


def test_bonus_figures() -> None:
    letter = letter_with({"benefits.bonus_program.target_percent": "50",
                          "benefits.bonus_program.minimum_percent": "20",
                          "benefits.bonus_program.maximum_percent": "80"})
    bonus = bonus_figures(letter)
    assert (bonus.target.value, bonus.range_from.value, bonus.maximum.value) == (
        Decimal("150000.00"), Decimal("60000.00"), Decimal("240000.00"))  # 50%, 20%, 80% of 300,000
    # first year pro rata: 150,000 x 79 / 365 = 32,465.753... -> 32,465.75
    assert bonus.first_year.amount.value == Decimal("32465.75")


@pytest.mark.parametrize(
    ("changes", "first_year"),
    [
        # a guarantee above the pro-rata 32,465.75 raises it
        ({"benefits.bonus_program.guaranteed_minimum": "40000.00"}, "40000.00"),
        # no pro rata: the full target
        ({"benefits.bonus_program.first_year_pro_rata": False}, "150000.00"),
        # salary earned: Oct 14..Nov 30 (48 days) at 300,000 and Dec 1..31 (31 days) at 360,000:
        # (300,000 x 48 + 360,000 x 31) / 365 = 70,027.397...; x 50% = 35,013.698... -> 35,013.70
        ({"benefits.bonus_program.basis": "salary_earned",
          "compensation.steps": [{"timing": "on_date", "effective_date": "2002-12-01", "salary": "360000.00"}]},
         "35013.70"),
    ],
)
def test_first_year_bonus(changes: dict[str, Any], first_year: str) -> None:
    letter = letter_with({"benefits.bonus_program.target_percent": "50", **changes})
    assert str(bonus_figures(letter).first_year.amount.value) == first_year


def test_first_year_cost() -> None:
    # salary 300,000 + target 150,000 (above the 100,000 guarantee) + signing 100,000 at the start +
    # retention 25,000 at 6 months (the one at 12 months, 2003-10-14, falls after the first year) + car
    # 12 x 1,000 + housing 12 x 2,000 + 401(k) min(6% x 300,000 = 18,000, cap 15,000) + relocation 40,000
    # = 300,000 + 150,000 + 100,000 + 25,000 + 12,000 + 24,000 + 15,000 + 40,000 = 666,000.00
    letter = letter_with({
        "benefits.bonus_program.target_percent": "50",
        "benefits.bonus_program.guaranteed_minimum": "100000.00",
        "cash_awards": [SIGNING, {"kind": "retention", "installments": [
            {"amount": "25000.00", "timing": "months_after_start", "months_after_start": 6},
            {"amount": "50000.00", "timing": "months_after_start", "months_after_start": 12}]}],
        "perquisites": {"allowances": [{"name": "housing", "monthly_amount": "2000.00"}],
                        "retirement_match_percent": "6", "retirement_match_cap": "15000.00"},
        "relocation": {"kind": "reimbursement", "amount": "40000.00"},
    })
    calcs = calculate(letter)
    assert calcs.benefits.retirement_match.value == Decimal("15000.00")
    assert calcs.cost.first_year_cost.value == Decimal("666000.00")
    assert "401(k) match $15,000.00" in calcs.cost.first_year_cost.explain({"money": lambda v: f"${v:,}"})


def test_first_year_salary_counts_a_step_from_its_date() -> None:
    # 2002-10-14 .. 2003-10-14 (365 days): 182 days at 300,000 to 2003-04-14, then 183 days at 360,000:
    # (300,000 x 182 + 360,000 x 183) / 365 = 120,480,000 / 365 = 330,082.191... -> 330,082.19
    letter = letter_with({"compensation.steps": [
        {"timing": "on_date", "effective_date": "2003-04-14", "salary": "360000.00"}]})
    assert calculate(letter).cost.first_year_salary.value == Decimal("330082.19")


def test_relocation_is_repaid_like_a_signing_bonus() -> None:
    # a 40,000 lump sum taken as paid at the start 2002-10-14, repayable pro rata over 12 months:
    # resigning 2003-04-14 (6 whole months served) repays 40,000 x 6 / 12 = 20,000.00 by 2003-05-14
    letter = letter_with({"relocation": {"kind": "lump_sum", "amount": "40000.00",
                                         "repayment": {"kind": "pro_rata", "months": 12}}})
    (r,) = run_scenario(letter, K.RESIGNATION, D(2003, 4, 14)).repayments
    assert (r.payment.label, str(r.amount.value), r.due) == ("Relocation", "20000.00", D(2003, 5, 14))
    assert calculate(letter).cost.first_year_cost.value == Decimal("352000.00")  # 312,000 + 40,000
