"""Termination scenarios: severance and its payments, shares, exercise and covenant dates."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.calc.equity import grant_figures
from app.calc.scenarios import ScenarioError, ScenarioKind, run_scenario, scenario_kinds
from app.calc.summary import calculate
from app.domain.letter import Letter
from tests.unit.calc.letters import any_letter, letter_with

D = date
K = ScenarioKind
SAMPLE = letter_with()

# The sample: start 2002-10-14, 150,000 options vesting 50,000 on 2003/2004/2005-10-14, salary
# 300,000 bi-weekly, pay Fridays from 2002-10-18 (every 14 days), 12 months' severance without
# Cause, after a Change of Control and on disability (26 payments of 11,538.46, the last 11,538.50),
# acceleration without Cause and after a Change of Control, non-compete 9 months from the later
# of termination and the last severance payment, non-solicit 12 months, exercise 12 months on
# disability and death.
#
# Termination dates:
#   before the first vesting  2003-04-14 (Mon): next pay Friday 2003-04-18 (2002-10-18 + 13 x 14);
#       26th payment 2003-04-18 + 25 x 14 = 2004-04-02; non-compete 2004-04-02 + 9 months = 2005-01-02
#   between vestings          2004-04-14 (Wed): next pay 2004-04-16; 26th 2005-04-01; non-compete 2006-01-01
#   after the last vesting    2006-01-16 (Mon): next pay 2006-01-20; 26th 2007-01-05; non-compete 2007-10-05
ORACLE = [
    # kind, date, severance, first payment, last payment, vested, accelerated, forfeited,
    #   exercise deadline, benefits end, non-compete end, non-solicit end
    (K.WITHOUT_CAUSE, D(2003, 4, 14), "300000.00", D(2003, 4, 18), D(2004, 4, 2), 0, 150_000, 0,
     None, None, D(2005, 1, 2), D(2004, 4, 14)),
    (K.FOR_CAUSE, D(2003, 4, 14), "0.00", None, None, 0, 0, 150_000,
     None, None, D(2004, 1, 14), D(2004, 4, 14)),  # no severance: 9 months from the termination
    (K.RESIGNATION, D(2003, 4, 14), "0.00", None, None, 0, 0, 150_000,
     None, None, D(2004, 1, 14), D(2004, 4, 14)),
    (K.CHANGE_OF_CONTROL, D(2003, 4, 14), "300000.00", D(2003, 4, 18), D(2004, 4, 2), 0, 150_000, 0,
     None, None, D(2005, 1, 2), D(2004, 4, 14)),
    (K.DISABILITY, D(2003, 4, 14), "300000.00", D(2003, 4, 18), D(2004, 4, 2), 0, 0, 150_000,
     D(2004, 4, 14), D(2004, 4, 14), D(2005, 1, 2), D(2004, 4, 14)),
    (K.DEATH, D(2003, 4, 14), "0.00", None, None, 0, 0, 150_000,
     D(2004, 4, 14), None, None, None),  # no covenant runs after a death
    # between: 50,000 vested on 2003-10-14, 100,000 unvested
    (K.WITHOUT_CAUSE, D(2004, 4, 14), "300000.00", D(2004, 4, 16), D(2005, 4, 1), 50_000, 100_000, 0,
     None, None, D(2006, 1, 1), D(2005, 4, 14)),
    (K.FOR_CAUSE, D(2004, 4, 14), "0.00", None, None, 50_000, 0, 100_000,
     None, None, D(2005, 1, 14), D(2005, 4, 14)),
    (K.RESIGNATION, D(2004, 4, 14), "0.00", None, None, 50_000, 0, 100_000,
     None, None, D(2005, 1, 14), D(2005, 4, 14)),
    (K.CHANGE_OF_CONTROL, D(2004, 4, 14), "300000.00", D(2004, 4, 16), D(2005, 4, 1), 50_000, 100_000, 0,
     None, None, D(2006, 1, 1), D(2005, 4, 14)),
    (K.DISABILITY, D(2004, 4, 14), "300000.00", D(2004, 4, 16), D(2005, 4, 1), 50_000, 0, 100_000,
     D(2005, 4, 14), D(2005, 4, 14), D(2006, 1, 1), D(2005, 4, 14)),
    (K.DEATH, D(2004, 4, 14), "0.00", None, None, 50_000, 0, 100_000,
     D(2005, 4, 14), None, None, None),
    # after the last vesting: everything vested, nothing to accelerate or forfeit
    (K.WITHOUT_CAUSE, D(2006, 1, 16), "300000.00", D(2006, 1, 20), D(2007, 1, 5), 150_000, 0, 0,
     None, None, D(2007, 10, 5), D(2007, 1, 16)),
    (K.FOR_CAUSE, D(2006, 1, 16), "0.00", None, None, 150_000, 0, 0,
     None, None, D(2006, 10, 16), D(2007, 1, 16)),
    (K.RESIGNATION, D(2006, 1, 16), "0.00", None, None, 150_000, 0, 0,
     None, None, D(2006, 10, 16), D(2007, 1, 16)),
    (K.CHANGE_OF_CONTROL, D(2006, 1, 16), "300000.00", D(2006, 1, 20), D(2007, 1, 5), 150_000, 0, 0,
     None, None, D(2007, 10, 5), D(2007, 1, 16)),
    (K.DISABILITY, D(2006, 1, 16), "300000.00", D(2006, 1, 20), D(2007, 1, 5), 150_000, 0, 0,
     D(2007, 1, 16), D(2007, 1, 16), D(2007, 10, 5), D(2007, 1, 16)),
    (K.DEATH, D(2006, 1, 16), "0.00", None, None, 150_000, 0, 0,
     D(2007, 1, 16), None, None, None),
]


@pytest.mark.parametrize(
    ("kind", "on", "severance", "first", "last", "vested", "accelerated", "forfeited", "exercise", "benefits",
     "noncompete", "nonsolicit"),
    ORACLE,
)
def test_sample_scenarios(kind: ScenarioKind, on: date, severance: str, first: date | None, last: date | None,
                          vested: int, accelerated: int, forfeited: int, exercise: date | None,
                          benefits: date | None, noncompete: date, nonsolicit: date) -> None:
    s = run_scenario(SAMPLE, kind, on)
    assert str(s.severance_total.value) == severance
    payments = s.severance_payments.value
    if first is None:
        assert payments == ()
    else:
        assert (payments[0].date, payments[-1].date, len(payments)) == (first, last, 26)
        assert [str(p.amount) for p in payments] == ["11538.46"] * 25 + ["11538.50"]  # 300000 - 25 x 11538.46
    assert (s.vested_shares.value, s.accelerated_shares.value, s.forfeited_shares.value) == (
        vested, accelerated, forfeited)
    assert s.exercise_deadline.value == exercise
    assert s.benefits_end.value == benefits
    assert s.noncompete_end.value == noncompete
    assert s.nonsolicit_end.value == nonsolicit


def test_exercise_deadline_is_left_to_the_option_agreement() -> None:
    s = run_scenario(SAMPLE, K.WITHOUT_CAUSE, D(2004, 4, 14))
    assert s.exercise_deadline.value is None
    assert "per the option agreement" in s.exercise_deadline.explain()


def test_a_vesting_day_termination_keeps_that_installment() -> None:
    s = run_scenario(SAMPLE, K.FOR_CAUSE, D(2003, 10, 14))
    assert (s.vested_shares.value, s.forfeited_shares.value) == (50_000, 100_000)


def test_termination_before_the_start_is_an_error() -> None:
    with pytest.raises(ScenarioError, match="before the start date 2002-10-14"):
        run_scenario(SAMPLE, K.WITHOUT_CAUSE, D(2002, 10, 13))


# A letter where the Change of Control pays more than a termination without Cause:
# without Cause 6 months (150,000.00) and no acceleration; after a Change of Control 12 months and acceleration.
DIFFERENT = letter_with({
    "termination.without_cause.severance.months": 6,
    "termination.without_cause.accelerate_equity": False,
})


@pytest.mark.parametrize(
    ("coc_on", "on", "inside", "severance", "accelerated"),
    [
        (None, D(2004, 4, 14), True, "300000.00", 100_000),  # default: the CoC is on the termination date
        (D(2003, 6, 1), D(2004, 4, 14), True, "300000.00", 100_000),  # 10.5 months after: inside 12
        (D(2003, 4, 14), D(2004, 4, 14), True, "300000.00", 100_000),  # exactly 12 months: the last day inside
        (D(2003, 4, 13), D(2004, 4, 14), False, "150000.00", 0),  # 12 months and a day: without-Cause terms
        (D(2004, 5, 1), D(2004, 4, 14), False, "150000.00", 0),  # before the Change of Control
    ],
)
def test_change_of_control_window(coc_on: date | None, on: date, inside: bool, severance: str,
                                  accelerated: int) -> None:
    s = run_scenario(DIFFERENT, K.CHANGE_OF_CONTROL, on, coc_on)
    assert s.inside_protection_window is not None
    assert s.inside_protection_window.value is inside
    assert str(s.severance_total.value) == severance
    assert s.accelerated_shares.value == accelerated
    assert ("inside" if inside else "outside") in s.inside_protection_window.explain()


def test_a_kind_the_letter_does_not_provide_for_is_an_error() -> None:
    with pytest.raises(ScenarioError, match="the letter has no Change of Control clause; choose another"):
        run_scenario(letter_with({"termination.change_of_control": None}), K.CHANGE_OF_CONTROL, D(2004, 4, 14))


@pytest.mark.parametrize(
    ("frequency", "months", "count", "each", "last_amount"),
    [
        # 300,000 x 9 / 12 = 225,000.00 in ceil(26 x 9 / 12 = 19.5) = 20 payments of 11,250.00
        ("bi-weekly", 9, 20, "11250.00", "11250.00"),
        # 225,000.00 in 24 x 9 / 12 = 18 semi-monthly payments of 12,500.00
        ("semi-monthly", 9, 18, "12500.00", "12500.00"),
        # 300,000.00 in 52 weekly payments of 5,769.23; 300,000 - 51 x 5,769.23 = 5,769.27
        ("weekly", 12, 52, "5769.23", "5769.27"),
        # 300,000 x 7 / 12 = 175,000.00 in 7 monthly payments of 25,000.00
        ("monthly", 7, 7, "25000.00", "25000.00"),
    ],
)
def test_severance_installments(frequency: str, months: int, count: int, each: str, last_amount: str) -> None:
    letter = letter_with({"compensation.pay_frequency": frequency, "termination.without_cause.severance.months": months})
    payments = run_scenario(letter, K.WITHOUT_CAUSE, D(2004, 4, 14)).severance_payments.value
    assert len(payments) == count
    assert str(payments[0].amount) == each and str(payments[-1].amount) == last_amount
    assert all(p.date > D(2004, 4, 14) for p in payments)


def test_noncompete_from_termination() -> None:
    letter = letter_with({"covenants.noncompete.starts": "termination"})
    # 9 months after 2004-04-14, regardless of severance paid until 2005-04-01
    assert run_scenario(letter, K.WITHOUT_CAUSE, D(2004, 4, 14)).noncompete_end.value == D(2005, 1, 14)


def test_cost_summary() -> None:
    cost = calculate(SAMPLE).cost
    assert cost.first_year_cost.value == Decimal("312000.00")  # 300,000 salary + 12 x 1,000 allowance
    assert "and the bonus (the letter sets no target or guarantee)" in cost.first_year_cost.explain()
    assert cost.largest_severance.value == Decimal("300000.00")  # 12 months x 300,000 / 12
    assert set(cost.largest_severance_kinds) == {K.WITHOUT_CAUSE, K.CHANGE_OF_CONTROL, K.DISABILITY}
    richer = letter_with({"termination.change_of_control.severance.months": 24})
    cost = calculate(richer).cost
    assert (cost.largest_severance.value, cost.largest_severance_kinds) == (Decimal("600000.00"), (K.CHANGE_OF_CONTROL,))


# ---------------------------------------------------------------- properties


@settings(max_examples=80, deadline=None)
@given(letter=any_letter(), data=st.data(), days=st.integers(0, 12 * 366), coc_days=st.integers(-800, 800))
def test_scenario_invariants(letter: Letter, data: st.DataObject, days: int, coc_days: int) -> None:
    kind = data.draw(st.sampled_from(scenario_kinds(letter)))
    on = letter.position.start_date + timedelta(days=days)
    s = run_scenario(letter, kind, on, on + timedelta(days=coc_days))
    counted = [g.shares.value for g in grant_figures(letter) if g.shares.value is not None]
    assert s.vested_shares.value + s.accelerated_shares.value + s.forfeited_shares.value == sum(counted)
    for o in s.grants:
        assert o.vested + o.accelerated + o.forfeited == o.shares
        assert min(o.vested, o.accelerated, o.forfeited) >= 0
    payments = s.severance_payments.value
    assert sum((p.amount for p in payments), Decimal("0.00")) == s.severance_total.value
    assert all(p.amount > 0 for p in payments)
    assert [p.date for p in payments] == sorted({p.date for p in payments}) and all(p.date > on for p in payments)
    if kind in (K.FOR_CAUSE, K.RESIGNATION):
        assert payments == () and s.accelerated_shares.value == 0
    else:
        assert s.repayments == () and s.repaid_total.value == 0
    assert all(r.amount.value <= r.payment.amount for r in s.repayments)
    cov = letter.covenants
    for end, covenant in ((s.noncompete_end.value, cov and cov.noncompete), (s.nonsolicit_end.value, cov and cov.nonsolicit)):
        if kind is K.DEATH or covenant is None:
            assert end is None  # no covenant the letter lacks, and none after a death
        else:
            assert end is not None and end > on
