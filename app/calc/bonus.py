"""The annual bonus: at target, its range and cap, the guarantee, and the first year.

- At target: ``target % x the annual base salary`` (the salary at the start; a later year's target
  follows the salary in force, :func:`target_bonus_on`).
- Range and maximum: the same percentages of the salary.
- First year: the share of the first calendar year the executive is employed (days from the start,
  counted, through December 31, over the days in the year) when the letter makes the first year pro
  rata; on the "salary earned" basis the target percentage of the salary actually earned from the
  start to December 31 (pro rata by nature). Without pro rata the first year pays the full target.
  A guaranteed first-year minimum raises the first-year bonus to the guarantee when it is larger.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.calc.dates import days_in_year
from app.calc.explain import Figure, because
from app.calc.rounding import to_cents, to_fraction
from app.calc.salary import salary_on, salary_over
from app.domain.letter import BonusBasis, BonusProgram, Letter


@dataclass(frozen=True, slots=True)
class FirstYearBonus:
    """Participation in the first calendar year.

    Attributes:
        applies: the letter grants a bonus program with first-year pro-rata participation; the days
            and the fraction are computed either way.
        days_employed: days from the start date (counted) through December 31 (counted).
        days_in_year: 365, or 366 in a leap year.
        fraction: days_employed / days_in_year as a Decimal rounded half up to four places
            (:func:`app.calc.rounding.to_fraction`).
        amount: the first year's bonus at target (pro rata when the letter says so, at least the
            guarantee); ``None`` when the letter states neither a target nor a guarantee. It is
            computed from the exact fraction and rounded once to the cent.
    """

    applies: bool
    year: int
    days_employed: Figure[int]
    days_in_year: Figure[int]
    fraction: Figure[Decimal]
    amount: Figure[Decimal | None]


@dataclass(frozen=True, slots=True)
class BonusFigures:
    """The bonus figures; each is ``None`` (with the reason) when the letter does not state it.

    ``program`` is whether the letter has a bonus program at all.
    """

    program: bool
    target: Figure[Decimal | None]
    range_from: Figure[Decimal | None]
    maximum: Figure[Decimal | None]
    guaranteed: Figure[Decimal | None]
    first_year: FirstYearBonus


def _percent_of(salary: Decimal, percent: Decimal | None, what: str, none: str) -> Figure[Decimal | None]:
    if percent is None:
        return Figure(None, because(none))
    return Figure(to_cents(salary * percent / 100),
                  because("{what} {percent}% x the annual salary {salary:money}", what=what, percent=percent,
                          salary=salary))


def target_bonus_on(letter: Letter, day: date) -> Figure[Decimal | None]:
    """The annual bonus at target on ``day``: target % x the salary in force then."""
    program = letter.benefits.bonus_program
    if program is None or program.target_percent is None:
        return Figure(None, because("the letter sets no target bonus"))
    return _percent_of(salary_on(letter, day).value, program.target_percent, "target", "")


def bonus_figures(letter: Letter) -> BonusFigures:
    program = letter.benefits.bonus_program
    salary = letter.compensation.base_salary
    no_program = "the letter grants no bonus program"
    if program is None:
        nothing: Figure[Decimal | None] = Figure(None, because(no_program))
        return BonusFigures(False, nothing, nothing, nothing, nothing, first_year_bonus(letter))
    return BonusFigures(
        program=True,
        target=_percent_of(salary, program.target_percent, "target", "the letter sets no target bonus"),
        range_from=_percent_of(salary, program.minimum_percent, "the bottom of the range,",
                               "the letter states no range"),
        maximum=_percent_of(salary, program.maximum_percent, "the maximum", "the letter states no maximum"),
        guaranteed=Figure(program.guaranteed_minimum,
                          because("the letter's guaranteed first-year bonus") if program.guaranteed_minimum
                          else because("the letter guarantees no bonus")),
        first_year=first_year_bonus(letter),
    )


def _first_year_amount(letter: Letter, program: BonusProgram | None, target: Decimal | None,
                       employed: int, year_days: int) -> Figure[Decimal | None]:
    start = letter.position.start_date
    guarantee = program.guaranteed_minimum if program else None
    if target is None:
        if guarantee is not None:
            return Figure(guarantee, because("the guaranteed first-year bonus (the letter sets no target)"))
        return Figure(None, because("the letter sets no target bonus, so only the fraction can be computed"))
    pro_rata = program is None or program.first_year_pro_rata
    if program is not None and program.basis is BonusBasis.SALARY_EARNED and program.target_percent is not None:
        earned = salary_over(letter, start, date(start.year + 1, 1, 1), year_days)
        amount = to_cents(earned * program.target_percent / 100)
        why = because("target {percent}% x the salary earned {start:long_date} to December 31 {earned:money}, "
                      "rounded half up to the cent", percent=program.target_percent, start=start,
                      earned=to_cents(earned))
    elif pro_rata:
        amount = to_cents(target * employed / year_days)
        why = because("target {target:money} x {employed} / {year_days} days, rounded half up to the cent",
                      target=target, employed=employed, year_days=year_days)
    else:
        amount = target
        why = because("the full target {target:money}: the letter does not pro-rate the first year", target=target)
    if guarantee is not None and guarantee > amount:
        return Figure(guarantee, because("the guaranteed {guarantee:money}, more than {computed:money} ({why})",
                                         guarantee=guarantee, computed=amount, why=why))
    return Figure(amount, why)


def first_year_bonus(letter: Letter, target: Decimal | None = None) -> FirstYearBonus:
    """The first calendar year's bonus; ``target`` overrides the letter's target (for what-ifs)."""
    start = letter.position.start_date
    program = letter.benefits.bonus_program
    applies = program is not None and program.first_year_pro_rata
    year_days = days_in_year(start.year)
    employed = (date(start.year, 12, 31) - start).days + 1
    exact = Decimal(employed) / Decimal(year_days)
    if target is None:
        target = target_bonus_on(letter, start).value
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
        amount=_first_year_amount(letter, program, target, employed, year_days),
    )
