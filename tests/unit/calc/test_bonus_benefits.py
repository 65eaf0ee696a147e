"""First-year bonus fraction, life insurance and vacation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.calc.benefits import benefit_figures
from app.calc.bonus import first_year_bonus
from tests.unit.calc.letters import letter_with


@pytest.mark.parametrize(
    ("start", "days", "year_days", "fraction"),
    [
        ("2002-10-14", 79, 365, "0.2164"),  # Oct 14..31 = 18, Nov 30, Dec 31: 79; 79/365 = 0.21643...
        ("2024-02-29", 307, 366, "0.8388"),  # Feb 29 (1) + Mar..Dec (306) = 307; 307/366 = 0.83879...
        ("2024-01-01", 366, 366, "1.0000"),  # the whole leap year
        ("2023-12-31", 1, 365, "0.0027"),  # the last day only: 1/365 = 0.00273...
        ("2023-07-01", 184, 365, "0.5041"),  # Jul..Dec = 31+31+30+31+30+31 = 184; 184/365 = 0.50410...
    ],
)
def test_first_year_bonus_days_and_fraction(start: str, days: int, year_days: int, fraction: str) -> None:
    bonus = first_year_bonus(letter_with({"position.start_date": start}))
    assert bonus.days_employed.value == days
    assert bonus.days_in_year.value == year_days
    assert str(bonus.fraction.value) == fraction
    assert bonus.amount.value is None and "no target" in bonus.amount.explain()


def test_pro_rata_amount_when_a_target_is_given() -> None:
    # 100,000 x 79 / 365 = 21643.835... -> 21643.84 (from the exact fraction, rounded once)
    bonus = first_year_bonus(letter_with(), target=Decimal("100000.00"))
    assert bonus.amount.value == Decimal("21643.84")


def test_bonus_applies_only_with_a_pro_rata_program() -> None:
    assert first_year_bonus(letter_with()).applies
    assert not first_year_bonus(letter_with({"benefits.bonus_program": None})).applies


def test_life_insurance_and_vacation() -> None:
    benefits = benefit_figures(letter_with())
    assert benefits.life_insurance.value == Decimal("900000.00")  # 3 x 300,000
    assert benefits.vacation_days.value == 20
    assert "4 weeks" in benefits.vacation_days.explain()
    none = benefit_figures(letter_with({"benefits.life_insurance_multiple": None}))
    assert none.life_insurance.value is None
