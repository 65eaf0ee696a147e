"""NYSE trading days, for an option's pricing date.

The calendar is ``exchange_calendars``' XNYS: weekends, exchange holidays and the unscheduled
closures it records (2001-09-11..14, 2012-10-29/30 for Hurricane Sandy, 2018-12-05 for President
Bush's funeral, 2025-01-09 for President Carter's). Future years follow the NYSE's holiday rules;
an unscheduled closure cannot be foreseen. Building a calendar takes a tenth of a second, so one is
built per decade on first use and kept.
"""

from __future__ import annotations

import warnings
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import exchange_calendars as xcals
import pandas as pd

# pandas' Timestamp cannot go beyond 2262-04-11; keep clear of it.
FIRST_YEAR = 1900
LAST_YEAR = 2250


class OutsideCalendar(ValueError):
    """The date is outside the years the trading calendar covers."""


@lru_cache(maxsize=32)
def _calendar_for_decade(decade: int) -> Any:
    with warnings.catch_warnings():
        # exchange_calendars calls a pandas API that pandas has deprecated; not ours to fix.
        warnings.simplefilter("ignore")
        return xcals.get_calendar("XNYS", start=f"{decade - 1}-01-01", end=f"{decade + 10}-12-31")


def _session_on_or_before(day: date) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise OutsideCalendar(f"{day.isoformat()} is outside the NYSE calendar ({FIRST_YEAR}..{LAST_YEAR})")
    cal = _calendar_for_decade(day.year // 10 * 10)
    session: date = cal.date_to_session(pd.Timestamp(day), direction="previous").date()
    return session


def trading_day_before(day: date) -> date:
    """The NYSE trading day immediately before ``day`` (2002-10-14, a Monday -> 2002-10-11)."""
    return _session_on_or_before(day - timedelta(days=1))


def trading_day_on_or_before(day: date) -> date:
    """``day`` if the NYSE trades that day, else the trading day before it."""
    return _session_on_or_before(day)
