"""Every figure of a letter that does not depend on a scenario, computed once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.calc.awards import AwardPayment, award_payments
from app.calc.benefits import BenefitFigures, benefit_figures
from app.calc.bonus import BonusFigures, FirstYearBonus, bonus_figures
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
    bonus: BonusFigures
    awards: tuple[AwardPayment, ...]
    equity: tuple[GrantFigures, ...]
    cost: CostSummary

    @property
    def first_year_bonus(self) -> FirstYearBonus:
        return self.bonus.first_year


def calculate(letter: Letter) -> Calculations:
    """Pay, benefits, the bonus, signing and relocation payments, each grant's vesting and the cost summary."""
    pay = pay_figures(letter)
    benefits = benefit_figures(letter)
    bonus = bonus_figures(letter)
    return Calculations(
        start_date=letter.position.start_date,
        pay=pay,
        benefits=benefits,
        bonus=bonus,
        awards=award_payments(letter),
        equity=grant_figures(letter),
        cost=cost_summary(letter, pay, bonus, benefits),
    )
