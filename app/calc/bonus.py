"""The first-year bonus: the share of the first calendar year the executive is employed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.calc.dates import days_in_year
from app.calc.explain import Figure, because
from app.calc.rounding import to_cents, to_fraction
from app.domain.letter import Letter


@dataclass(frozen=True, slots=True)
class FirstYearBonus:
    """Pro-rata participation in the first calendar year.

    Attributes:
        applies: the letter grants a bonus program with first-year pro-rata participation; the days
            and the fraction are computed either way.
        days_employed: days from the start date (counted) through December 31 (counted).
        days_in_year: 365, or 366 in a leap year.
        fraction: days_employed / days_in_year as a Decimal rounded half up to four places
            (:func:`app.calc.rounding.to_fraction`).
        amount: the pro-rata bonus, only when a target is given (the letter sets none); it is
            computed from the exact fraction and rounded once to the cent.
    """

    applies: bool
    year: int
    days_employed: Figure[int]
    days_in_year: Figure[int]
    fraction: Figure[Decimal]
    amount: Figure[Decimal | None]


def first_year_bonus(letter: Letter, target: Decimal | None = None) -> FirstYearBonus:
    start = letter.position.start_date
    program = letter.benefits.bonus_program
    applies = program is not None and program.first_year_pro_rata
    year_days = days_in_year(start.year)
    employed = (date(start.year, 12, 31) - start).days + 1
    exact = Decimal(employed) / Decimal(year_days)
    if target is None:
        amount: Figure[Decimal | None] = Figure(
            None, because("the letter sets no target bonus, so only the fraction can be computed")
        )
    else:
        amount = Figure(
            to_cents(target * exact),
            because("target {target:money} x {employed} / {year_days} days, rounded half up to the cent",
                    target=target, employed=employed, year_days=year_days),
        )
    leap = " (a leap year)" if year_days == 366 else ""
    return FirstYearBonus(
        applies=applies,
        year=start.year,
        days_employed=Figure(
            employed,
            because("{start:long_date} through December 31, {year}, both days counted", start=start,
                    year=start.year),
        ),
        days_in_year=Figure(year_days, because("days in {year}{leap}", year=start.year, leap=leap)),
        fraction=Figure(
            to_fraction(exact),
            because("{employed} / {year_days} days, rounded half up to four places",
                    employed=employed, year_days=year_days),
        ),
        amount=amount,
    )
