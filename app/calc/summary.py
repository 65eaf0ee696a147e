"""Every figure of a letter that does not depend on a scenario, computed once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.calc.benefits import BenefitFigures, benefit_figures
from app.calc.bonus import FirstYearBonus, first_year_bonus
from app.calc.cost import CostSummary, cost_summary
from app.calc.equity import GrantFigures, grant_figures
from app.calc.pay import PayFigures, pay_figures
from app.domain.letter import Letter


@dataclass(frozen=True, slots=True)
class Calculations:
    """``start_date`` is the letter's start date, from which every dated figure is counted."""

    start_date: date
    pay: PayFigures
    benefits: BenefitFigures
    first_year_bonus: FirstYearBonus
    equity: tuple[GrantFigures, ...]
    cost: CostSummary


def calculate(letter: Letter) -> Calculations:
    """Pay, benefits, the first-year bonus, each grant's vesting and the cost summary."""
    pay = pay_figures(letter)
    return Calculations(
        start_date=letter.position.start_date,
        pay=pay,
        benefits=benefit_figures(letter),
        first_year_bonus=first_year_bonus(letter),
        equity=grant_figures(letter),
        cost=cost_summary(letter, pay),
    )
