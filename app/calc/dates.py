"""Date arithmetic shared by the calculations: months and anniversaries counted from a fixed date."""

from __future__ import annotations

import calendar
from datetime import date

from dateutil.relativedelta import relativedelta

# Months and anniversaries are always counted from the original date (start + n months), never
# chained from the previous result, so a Jan 31 start vests on Feb 28/29, Mar 31, Apr 30 ... and a
# Feb 29 start has its anniversaries on Feb 28 in common years and Feb 29 in leap years.
MONTH_END_RULE = (
    "dates n months after a day that a shorter month lacks fall on that month's last day "
    "(a Feb 29 start's anniversary is Feb 28 in common years)"
)


def add_months(start: date, months: int) -> date:
    """``start`` plus ``months`` calendar months, clamped to the month's end (dateutil's rule).

    >>> add_months(date(2024, 2, 29), 12)
    datetime.date(2025, 2, 28)
    """
    result: date = start + relativedelta(months=months)
    return result


# Before the user picks a termination date, scenarios are shown on this many months after the
# start: past the first vesting anniversary and the first-year bonus, inside a typical vesting term.
# The Calculations pane, the Changes tab and `offerdesk compare` all use it.
DEFAULT_SCENARIO_MONTHS = 18


def default_scenario_date(start: date) -> date:
    """The termination date scenarios are shown on until one is picked: 18 months after ``start``."""
    return add_months(start, DEFAULT_SCENARIO_MONTHS)


def anniversary(start: date, years: int) -> date:
    """The ``years``-th anniversary of ``start`` (Feb 29 -> Feb 28 in common years, see MONTH_END_RULE)."""
    return add_months(start, 12 * years)


def full_months_between(first: date, last: date) -> int:
    """Whole months from ``first`` to ``last``: how many monthly dates ``first + n months`` are on or before ``last``.

    >>> full_months_between(date(2024, 1, 31), date(2024, 2, 29))
    1
    """
    months = (last.year - first.year) * 12 + last.month - first.month
    while months > 0 and add_months(first, months) > last:
        months -= 1
    return max(months, 0)


def days_in_year(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
