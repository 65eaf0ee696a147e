"""Pay dates: when salary (and severance paid through payroll) is paid.

The letter says only how often salary is paid, so OfferDesk assumes a payroll calendar
(:data:`PAY_DATE_RULE`): weekly and bi-weekly pay falls on Fridays, the first on the first Friday
on or after the start date; semi-monthly pay on the 15th and the last day of each month; monthly pay
on the last day of each month. Dates are nominal: they are not moved for weekends or bank holidays.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from itertools import islice

from app.calc.dates import month_end
from app.domain.letter import PayFrequency

PERIODS_PER_YEAR: dict[PayFrequency, int] = {
    PayFrequency.WEEKLY: 52,
    PayFrequency.BI_WEEKLY: 26,
    PayFrequency.SEMI_MONTHLY: 24,
    PayFrequency.MONTHLY: 12,
}

PAY_DATE_RULE = (
    "weekly and bi-weekly pay on Fridays from the first Friday on or after the start date; semi-monthly "
    "on the 15th and the last day of the month; monthly on the last day of the month"
)

# How many calendar years, counted from the start year, are searched for years with an extra pay date.
EXTRA_PAY_DATE_YEARS = 10

_FRIDAY = 4
_STEP_DAYS = {PayFrequency.WEEKLY: 7, PayFrequency.BI_WEEKLY: 14}


def first_friday_on_or_after(day: date) -> date:
    return day + timedelta(days=(_FRIDAY - day.weekday()) % 7)


def pay_dates(frequency: PayFrequency, start: date) -> Iterator[date]:
    """Every pay date from the first one on or after ``start``, in order (an endless iterator)."""
    if frequency in _STEP_DAYS:
        step = timedelta(days=_STEP_DAYS[frequency])
        day = first_friday_on_or_after(start)
        while True:
            yield day
            day += step
    year, month = start.year, start.month
    while True:
        end = month_end(year, month)
        candidates = [end] if frequency is PayFrequency.MONTHLY else [date(year, month, 15), end]
        for day in candidates:
            if day >= start:
                yield day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def first_pay_date(frequency: PayFrequency, start: date) -> date:
    return next(pay_dates(frequency, start))


def pay_dates_after(frequency: PayFrequency, start: date, after: date, count: int) -> tuple[date, ...]:
    """The first ``count`` pay dates strictly after ``after`` on the schedule that began at ``start``."""
    return tuple(islice((d for d in pay_dates(frequency, start) if d > after), count))


def pay_dates_per_year(frequency: PayFrequency, start: date, years: int) -> dict[int, int]:
    """How many pay dates fall in each calendar year from the start year, for ``years`` years."""
    last_year = start.year + years - 1
    counts = dict.fromkeys(range(start.year, last_year + 1), 0)
    for day in pay_dates(frequency, start):
        if day.year > last_year:
            break
        counts[day.year] += 1
    return counts


def years_with_extra_pay_dates(frequency: PayFrequency, start: date, years: int = EXTRA_PAY_DATE_YEARS) -> tuple[int, ...]:
    """Calendar years with more pay dates than periods per year (27 bi-weekly, 53 weekly).

    Semi-monthly and monthly schedules never have an extra pay date.
    """
    periods = PERIODS_PER_YEAR[frequency]
    return tuple(year for year, n in pay_dates_per_year(frequency, start, years).items() if n > periods)
