"""Salary per pay period, allowances and annual cash."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.calc.explain import Figure, because
from app.calc.payroll import (
    EXTRA_PAY_DATE_YEARS,
    PAY_DATE_RULE,
    PERIODS_PER_YEAR,
    first_pay_date,
    years_with_extra_pay_dates,
)
from app.calc.rounding import to_cents
from app.calc.salary import SalaryChange, salary_changes
from app.domain.letter import Letter, PayFrequency, TransportationKind

MONTHS_PER_YEAR = 12


@dataclass(frozen=True, slots=True)
class PerPeriod:
    """Salary per pay period at one pay frequency."""

    frequency: PayFrequency
    periods_per_year: int
    amount: Figure[Decimal]


@dataclass(frozen=True, slots=True)
class PayFigures:
    """Pay under the letter.

    Attributes:
        annual_salary: the base salary.
        frequency: the letter's pay frequency; ``periods_per_year`` and ``per_period`` are for it.
        by_frequency: the amount per period at every frequency, for comparison.
        first_pay_date: the first pay date under :data:`app.calc.payroll.PAY_DATE_RULE`.
        extra_pay_date_years: calendar years (of the first ten) with an extra pay date
            (27 bi-weekly or 53 weekly), in which paying the per-period amount pays one period more.
        allowance_monthly / allowance_annual: the car allowance, or the most paid for a leased car
            (zero when the letter has none).
        annual_cash: salary plus the allowance for a year.
        prior_salary: the salary before this letter ("increased from"), ``None`` for a new hire.
        salary_steps: each scheduled increase (after the starting salary), with its date.
    """

    annual_salary: Figure[Decimal]
    prior_salary: Figure[Decimal | None]
    salary_steps: tuple[Figure[SalaryChange], ...]
    frequency: PayFrequency
    periods_per_year: int
    per_period: Figure[Decimal]
    by_frequency: tuple[PerPeriod, ...]
    first_pay_date: Figure[date]
    extra_pay_date_years: Figure[tuple[int, ...]]
    allowance_monthly: Figure[Decimal]
    allowance_annual: Figure[Decimal]
    annual_cash: Figure[Decimal]


def per_period_amount(salary: Decimal, frequency: PayFrequency) -> Figure[Decimal]:
    periods = PERIODS_PER_YEAR[frequency]
    return Figure(
        to_cents(salary / periods),
        because(
            "{salary:money} a year / {periods} {frequency} pay periods, rounded half up to the cent",
            salary=salary,
            periods=periods,
            frequency=frequency.value,
        ),
    )


def pay_figures(letter: Letter) -> PayFigures:
    salary = letter.compensation.base_salary
    frequency = letter.compensation.pay_frequency
    start = letter.position.start_date
    periods = PERIODS_PER_YEAR[frequency]
    extra = years_with_extra_pay_dates(frequency, start)
    if extra:
        extra_why = because(
            "{years} have {n} {frequency} pay dates (one more than {periods}), counting the first {horizon} "
            "calendar years; pay dates: {rule}",
            years=", ".join(str(y) for y in extra),
            n=periods + 1,
            frequency=frequency.value,
            periods=periods,
            horizon=EXTRA_PAY_DATE_YEARS,
            rule=PAY_DATE_RULE,
        )
    else:
        extra_why = because(
            "no calendar year among the first {horizon} has more than {periods} {frequency} pay dates; "
            "pay dates: {rule}",
            horizon=EXTRA_PAY_DATE_YEARS,
            periods=periods,
            frequency=frequency.value,
            rule=PAY_DATE_RULE,
        )
    allowance = letter.transportation.monthly_allowance if letter.transportation else Decimal("0.00")
    allowance_annual = to_cents(allowance * MONTHS_PER_YEAR)
    if letter.transportation and letter.transportation.kind is TransportationKind.LEASE:
        monthly_why = because("the most the Company pays a month for the leased car (the letter's cap)")
        annual_why = because("{monthly:money} a month x 12 months, at most", monthly=allowance)
    elif letter.transportation:
        monthly_why = because("the letter's monthly car allowance")
        annual_why = because("{monthly:money} a month x 12 months", monthly=allowance)
    else:
        monthly_why = annual_why = because("the letter grants no car allowance")
    prior = letter.compensation.prior_salary
    changes = salary_changes(letter)
    return PayFigures(
        annual_salary=Figure(salary, because("the letter's annual base salary")),
        prior_salary=Figure(prior, because("the salary before this letter; now {salary:money}, {change:money} "
                                           "more", salary=salary, change=salary - prior) if prior is not None
                            else because("the letter states no earlier salary")),
        salary_steps=tuple(
            Figure(c, because("a scheduled increase from {before:money} to {salary:money} on {day:long_date}",
                              before=b.salary, salary=c.salary, day=c.effective))
            for b, c in zip(changes, changes[1:], strict=False)
        ),
        frequency=frequency,
        periods_per_year=periods,
        per_period=per_period_amount(salary, frequency),
        by_frequency=tuple(
            PerPeriod(f, PERIODS_PER_YEAR[f], per_period_amount(salary, f)) for f in PayFrequency
        ),
        first_pay_date=Figure(
            first_pay_date(frequency, start),
            because("the first {frequency} pay date on or after the start date ({rule})",
                    frequency=frequency.value, rule=PAY_DATE_RULE),
        ),
        extra_pay_date_years=Figure(extra, extra_why),
        allowance_monthly=Figure(allowance, monthly_why),
        allowance_annual=Figure(allowance_annual, annual_why),
        annual_cash=Figure(
            to_cents(salary + allowance_annual),
            because("salary {salary:money} + car allowance {allowance:money} a year",
                    salary=salary, allowance=allowance_annual),
        ),
    )
