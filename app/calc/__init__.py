"""Calculations on a letter: pure functions of (letter, dates) returning frozen results.

No clock and no Qt: every date is passed in. Money is Decimal, rounded to the cent only in
:mod:`app.calc.rounding`. Every figure is a :class:`Figure` that can explain how it was computed.

Entry points: :func:`calculate` (everything that does not depend on a termination) and
:func:`run_scenario` (a termination of a given kind on a given date; :func:`scenario_kinds` lists the
kinds a letter provides for). Modules: ``salary`` (the salary in force on a date), ``pay``, ``bonus``,
``awards`` (signing, retention and relocation payments and their repayment), ``benefits``
(life insurance, allowances, 401(k) match), ``equity`` (grant sizes, vesting, pricing dates),
``scenarios`` (severance by formula, acceleration, covenant ends), ``cost``, ``report`` (the labelled
lines the pane and the command show).
"""

from app.calc.awards import AwardPayment, Repaid, award_payments
from app.calc.benefits import BenefitFigures
from app.calc.bonus import BonusFigures, FirstYearBonus, bonus_figures, first_year_bonus
from app.calc.cost import CostSummary
from app.calc.equity import (
    GrantFigures,
    Installment,
    grant_figures,
    price_date,
    vested_on,
    vested_shares_on,
    vesting_schedule,
)
from app.calc.explain import Explanation, Figure
from app.calc.pay import PayFigures, PerPeriod
from app.calc.payroll import PERIODS_PER_YEAR, first_pay_date, pay_dates_after, years_with_extra_pay_dates
from app.calc.rounding import split_evenly, to_cents
from app.calc.salary import salary_on
from app.calc.scenarios import (
    GrantOutcome,
    Payment,
    Scenario,
    ScenarioError,
    ScenarioKind,
    run_scenario,
    scenario_kinds,
    severance_due,
)
from app.calc.summary import Calculations, calculate
from app.calc.trading import trading_day_before

__all__ = [
    "PERIODS_PER_YEAR",
    "AwardPayment",
    "BenefitFigures",
    "BonusFigures",
    "Calculations",
    "CostSummary",
    "Explanation",
    "Figure",
    "FirstYearBonus",
    "GrantFigures",
    "GrantOutcome",
    "Installment",
    "PayFigures",
    "Payment",
    "PerPeriod",
    "Repaid",
    "Scenario",
    "ScenarioError",
    "ScenarioKind",
    "award_payments",
    "bonus_figures",
    "calculate",
    "first_pay_date",
    "first_year_bonus",
    "grant_figures",
    "pay_dates_after",
    "price_date",
    "run_scenario",
    "salary_on",
    "scenario_kinds",
    "severance_due",
    "split_evenly",
    "to_cents",
    "trading_day_before",
    "vested_on",
    "vested_shares_on",
    "vesting_schedule",
    "years_with_extra_pay_dates",
]
