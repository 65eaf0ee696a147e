"""Benefits that have a figure: life insurance and vacation."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.calc.explain import Figure, because
from app.calc.rounding import to_cents
from app.domain.letter import Letter

BUSINESS_DAYS_PER_WEEK = 5


@dataclass(frozen=True, slots=True)
class BenefitFigures:
    """``life_insurance`` is ``None`` when the letter grants none."""

    life_insurance: Figure[Decimal | None]
    vacation_days: Figure[int]


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
    )
