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


def anniversary(start: date, years: int) -> date:
    """The ``years``-th anniversary of ``start`` (Feb 29 -> Feb 28 in common years, see MONTH_END_RULE)."""
    return add_months(start, 12 * years)


def days_in_year(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
