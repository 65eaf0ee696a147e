"""Benefits and perquisites that have a figure: life insurance, vacation, allowances, the 401(k) match.

The 401(k) match is ``min(match % x the annual base salary, the cap)`` a year (no cap stated: the
percentage alone); the other allowances are their monthly amounts x 12.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.calc.explain import Figure, because
from app.calc.rounding import to_cents
from app.domain.letter import Letter

BUSINESS_DAYS_PER_WEEK = 5
MONTHS_PER_YEAR = 12


@dataclass(frozen=True, slots=True)
class BenefitFigures:
    """``life_insurance`` and ``retirement_match`` are ``None`` when the letter grants none."""

    life_insurance: Figure[Decimal | None]
    vacation_days: Figure[int]
    allowances_annual: Figure[Decimal]
    retirement_match: Figure[Decimal | None]


def _retirement_match(letter: Letter) -> Figure[Decimal | None]:
    perks = letter.perquisites
    if perks is None or perks.retirement_match_percent is None:
        return Figure(None, because("the letter states no 401(k) match"))
    salary, percent, cap = letter.compensation.base_salary, perks.retirement_match_percent, perks.retirement_match_cap
    match = to_cents(salary * percent / 100)
    if cap is not None and cap < match:
        return Figure(cap, because("the cap {cap:money}, less than {percent}% x {salary:money} = {match:money}",
                                   cap=cap, percent=percent, salary=salary, match=match))
    capped = " (within the cap {cap:money})" if cap is not None else " (no cap stated)"
    return Figure(match, because("{percent}% x the annual salary {salary:money}" + capped, percent=percent,
                                 salary=salary, cap=cap))


def _allowances(letter: Letter) -> Figure[Decimal]:
    items = letter.perquisites.allowances if letter.perquisites else []
    if not items:
        return Figure(Decimal("0.00"), because("the letter grants no other allowances"))
    total = to_cents(sum((a.monthly_amount for a in items), Decimal(0)) * MONTHS_PER_YEAR)
    parts = " + ".join(f"{a.name} {a.monthly_amount}" for a in items)
    return Figure(total, because("({parts}) a month x 12 months", parts=parts))


def benefit_figures(letter: Letter) -> BenefitFigures:
    salary = letter.compensation.base_salary
    multiple = letter.benefits.life_insurance_multiple
    life: Figure[Decimal | None]
    if multiple is None:
        life = Figure(None, because("the letter grants no life insurance"))
    else:
        life = Figure(
            to_cents(salary * multiple),
            because("{multiple} x the annual salary {salary:money}", multiple=multiple, salary=salary),
        )
    days = letter.benefits.vacation_days
    weeks, extra = divmod(days, BUSINESS_DAYS_PER_WEEK)
    in_weeks = f"{weeks} weeks" + (f" and {extra} days" if extra else "")
    return BenefitFigures(
        life_insurance=life,
        vacation_days=Figure(days, because("business days a year, the letter's term ({weeks})", weeks=in_weeks)),
        allowances_annual=_allowances(letter),
        retirement_match=_retirement_match(letter),
    )
