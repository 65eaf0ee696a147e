"""Constrained scalar types shared by the letter model.

Each type carries its rule once; every field that holds such a value uses the type, so the rule
and its message live here and nowhere else.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

# C0/C1 control characters other than newline and tab: they corrupt DOCX XML and never belong in a letter.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"[\r\n\u2028\u2029]")
# Half of a UTF-16 pair without its other half: not a character, and no file or printer can take it.
_SURROGATE = re.compile(r"[\ud800-\udfff]")

LINE_MAX = 300
TEXT_MAX = 20_000


def _no_control(value: str) -> str:
    match = _CONTROL.search(value)
    if match:
        raise ValueError(
            f"contains the invisible control character U+{ord(match.group()):04X} at position "
            f"{match.start() + 1}; delete it (it often comes from pasting)"
        )
    match = _SURROGATE.search(value)
    if match:
        raise ValueError(
            f"contains a broken character (an unpaired surrogate U+{ord(match.group()):04X}) at position "
            f"{match.start() + 1}; delete it and type the character again"
        )
    return value


def _single_line(value: str) -> str:
    _no_control(value)
    if _LINE_BREAK.search(value):
        raise ValueError("must be on one line; remove the line break")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


# One line of text (a name, a title, an address line).
Line = Annotated[
    str,
    BeforeValidator(_strip),
    Field(max_length=LINE_MAX),
    AfterValidator(_single_line),
    AfterValidator(_not_blank),
]
# A paragraph of prose (duties, business description).
Text = Annotated[
    str,
    BeforeValidator(_strip),
    Field(max_length=TEXT_MAX),
    AfterValidator(_no_control),
    AfterValidator(_not_blank),
]


def _two_places(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError("must be a number")
    if value != value.quantize(Decimal("0.01")):
        raise ValueError("must have at most two decimal places (cents)")
    return value


def _exact_money_input(value: object) -> object:
    # JSON numbers arrive as float; money must come as a string or int so no binary rounding sneaks in.
    if isinstance(value, float):
        raise ValueError("write money as a string such as \"300000.00\" (a JSON number may lose cents)")
    if isinstance(value, str):
        return value.replace(",", "").replace("$", "").strip()
    return value


# A positive amount of US dollars, exact to the cent.
Money = Annotated[
    Decimal,
    BeforeValidator(_exact_money_input),
    Field(gt=0, le=Decimal("1000000000"), max_digits=14, decimal_places=2),
    AfterValidator(_two_places),
]

# A percentage such as 50.1 (meaning 50.1%).
Percent = Annotated[Decimal, BeforeValidator(_exact_money_input), Field(gt=0, lt=100, decimal_places=4)]
# A part of a whole, up to all of it: 50 (%) of the unvested shares, a 10% pay cut.
Portion = Annotated[Decimal, BeforeValidator(_exact_money_input), Field(gt=0, le=100, decimal_places=4)]
# A percentage of pay that may exceed it: a bonus of 150% of salary at target.
PayPercent = Annotated[Decimal, BeforeValidator(_exact_money_input), Field(gt=0, le=1000, decimal_places=4)]
# A multiple such as 1.5 (times salary and target bonus).
Multiple = Annotated[Decimal, BeforeValidator(_exact_money_input), Field(gt=0, le=10, decimal_places=2)]

Months = Annotated[int, Field(ge=1, le=120, strict=False)]
Days = Annotated[int, Field(ge=1, le=3650)]


# The dates a letter can name: the calendar arithmetic (vesting, severance, covenants) stays far
# inside what Python's dates can hold, and a year outside this range is a typing mistake.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2199, 12, 31)


def check_date_in_range(value: date) -> date:
    """Refuse a date (or the day of a timestamp) outside :data:`EARLIEST_DATE`..:data:`LATEST_DATE`."""
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValueError(
            f"must be between {EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()} "
            f"({day.isoformat()} is not); check the year"
        )
    return value


# A date in a letter (the letter date, the start date...).
LetterDate = Annotated[date, AfterValidator(check_date_in_range)]
# When something happened (a version marked as sent).
Timestamp = Annotated[datetime, AfterValidator(check_date_in_range)]
