"""The salary in force on a date: the base salary, then each scheduled step-up from its date.

A step "on an anniversary" takes effect on that anniversary of the start date (month-end rule of
:data:`app.calc.dates.MONTH_END_RULE`); a step "on a date" on that date. A step takes effect at the
start of its day: a termination on the step's date is paid at the new salary. Pay, the first-year
cost, the bonus and every severance formula read the salary through :func:`salary_on`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from app.calc.dates import anniversary
from app.calc.explain import Figure, because
from app.domain.letter import Letter, SalaryStep, SalaryStepTiming


@dataclass(frozen=True, slots=True)
class SalaryChange:
    """The annual salary from ``effective`` on."""

    effective: date
    salary: Decimal


def step_date(step: SalaryStep, start: date) -> date:
    if step.timing is SalaryStepTiming.ON_ANNIVERSARY or step.effective_date is None:
        return anniversary(start, step.anniversary)
    return step.effective_date


def salary_changes(letter: Letter) -> tuple[SalaryChange, ...]:
    """The base salary from the start, then each step in date order (a later step on the same day wins)."""
    start = letter.position.start_date
    pay = letter.compensation
    by_day = {start: pay.base_salary}
    for step in sorted(pay.steps, key=lambda s: step_date(s, start)):
        by_day[max(step_date(step, start), start)] = step.salary
    return tuple(SalaryChange(day, salary) for day, salary in sorted(by_day.items()))


def salary_on(letter: Letter, day: date) -> Figure[Decimal]:
    """The annual salary in force on ``day`` (the base salary before the start)."""
    changes = salary_changes(letter)
    current = changes[0]
    for change in changes[1:]:
        if change.effective <= day:
            current = change
    if current is changes[0]:
        why = because("the letter's annual base salary")
        if len(changes) > 1:
            why = because("the letter's annual base salary (the first increase is on {next:long_date})",
                          next=changes[1].effective)
        return Figure(current.salary, why)
    return Figure(current.salary, because("the salary in force on {day:long_date}: increased to {salary:money} "
                                          "on {on:long_date}", day=day, salary=current.salary, on=current.effective))


def salary_over(letter: Letter, first: date, end: date, days_per_year: int) -> Decimal:
    """Salary earned from ``first`` (counted) to ``end`` (not counted), each day at 1/``days_per_year``.

    Not rounded: callers round the figure they produce.
    """
    if end <= first:
        return Decimal(0)
    changes = salary_changes(letter)
    bounds = [c.effective for c in changes[1:]]
    total = Decimal(0)
    day = first
    for i, change in enumerate(changes):
        until = bounds[i] if i < len(bounds) else end + timedelta(days=1)
        lo, hi = max(day, change.effective if i else first), min(until, end)
        if hi > lo:
            total += change.salary * (hi - lo).days / days_per_year
    return total
