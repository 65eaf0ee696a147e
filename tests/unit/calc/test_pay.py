"""Pay per period, pay dates, years with an extra pay date, allowance and annual cash."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.calc.pay import pay_figures
from app.calc.payroll import first_pay_date, pay_dates_after, years_with_extra_pay_dates
from app.domain.letter import PayFrequency
from tests.unit.calc.letters import letter_with

W, B, S, M = PayFrequency.WEEKLY, PayFrequency.BI_WEEKLY, PayFrequency.SEMI_MONTHLY, PayFrequency.MONTHLY


@pytest.mark.parametrize(
    ("salary", "frequency", "periods", "per_period"),
    [
        ("300000.00", "bi-weekly", 26, "11538.46"),  # 300000 / 26 = 11538.4615... -> 11538.46
        ("300000.00", "weekly", 52, "5769.23"),  # 300000 / 52 = 5769.2307... -> 5769.23
        ("300000.00", "semi-monthly", 24, "12500.00"),  # 300000 / 24 = 12500 exactly
        ("300000.00", "monthly", 12, "25000.00"),  # 300000 / 12 = 25000 exactly
        ("99999.90", "monthly", 12, "8333.33"),  # 99999.90 / 12 = 8333.325 -> half up 8333.33 (half-even: .32)
        ("250000.00", "semi-monthly", 24, "10416.67"),  # 10416.666... -> 10416.67
    ],
)
def test_per_period(salary: str, frequency: str, periods: int, per_period: str) -> None:
    pay = pay_figures(letter_with({"compensation.base_salary": salary, "compensation.pay_frequency": frequency}))
    assert pay.periods_per_year == periods
    assert str(pay.per_period.value) == per_period
    assert "rounded half up" in pay.per_period.explain()


def test_every_frequency_is_listed_for_comparison() -> None:
    pay = pay_figures(letter_with())
    # 300000 / 52, / 26, / 24, / 12
    assert {p.frequency: str(p.amount.value) for p in pay.by_frequency} == {
        W: "5769.23", B: "11538.46", S: "12500.00", M: "25000.00"
    }


def test_sample_allowance_and_annual_cash() -> None:
    pay = pay_figures(letter_with())
    assert pay.allowance_annual.value == Decimal("12000.00")  # 1000 x 12
    assert pay.annual_cash.value == Decimal("312000.00")  # 300000 + 12000


def test_no_allowance() -> None:
    pay = pay_figures(letter_with({"transportation": None}))
    assert pay.allowance_annual.value == Decimal("0.00")
    assert pay.annual_cash.value == Decimal("300000.00")
    assert "no car allowance" in pay.allowance_annual.explain()


@pytest.mark.parametrize(
    ("frequency", "start", "first"),
    [
        (B, date(2002, 10, 14), date(2002, 10, 18)),  # Monday -> the Friday of that week
        (W, date(2024, 7, 5), date(2024, 7, 5)),  # a Friday start is paid that day
        (B, date(2024, 7, 6), date(2024, 7, 12)),  # Saturday -> next Friday
        (S, date(2024, 1, 10), date(2024, 1, 15)),  # the 15th
        (S, date(2024, 2, 16), date(2024, 2, 29)),  # after the 15th -> month end (leap year)
        (M, date(2023, 2, 1), date(2023, 2, 28)),  # month end
    ],
)
def test_first_pay_date(frequency: PayFrequency, start: date, first: date) -> None:
    assert first_pay_date(frequency, start) == first


@pytest.mark.parametrize(
    ("frequency", "start", "after", "expected"),
    [
        # 2002-10-18 + 14 x 38 = 2004-04-16, the first bi-weekly Friday after Wed 2004-04-14
        (B, date(2002, 10, 14), date(2004, 4, 14), [date(2004, 4, 16), date(2004, 4, 30)]),
        # strictly after: a termination on a pay date is not paid severance that day
        (B, date(2002, 10, 14), date(2004, 4, 16), [date(2004, 4, 30)]),
        (S, date(2024, 1, 2), date(2024, 2, 15), [date(2024, 2, 29), date(2024, 3, 15)]),
        (M, date(2024, 1, 2), date(2024, 1, 31), [date(2024, 2, 29), date(2024, 3, 31)]),
    ],
)
def test_pay_dates_after(frequency: PayFrequency, start: date, after: date, expected: list[date]) -> None:
    assert list(pay_dates_after(frequency, start, after, len(expected))) == expected


@pytest.mark.parametrize(
    ("frequency", "start", "years"),
    [
        # Cadence from Fri 2002-10-18: 2632 days (= 14 x 188) later is Fri 2010-01-01, and
        # 2010-01-01 + 26 x 14 = 2010-12-31, so 2010 has 27 bi-weekly pay dates.
        (B, date(2002, 10, 14), (2010,)),
        # Weekly: a year has 53 Fridays when Jan 1 is a Friday (2010), or Jan 2 in a leap year (2004).
        (W, date(2002, 10, 14), (2004, 2010)),
        # Jan 1, 2021 is a Friday: a Jan 1 2021 start is paid that day, 26 x 14 = 364 -> Dec 31: 27.
        (B, date(2021, 1, 1), (2021,)),
        (S, date(2002, 10, 14), ()),  # always 24
        (M, date(2002, 10, 14), ()),  # always 12
    ],
)
def test_years_with_an_extra_pay_date(frequency: PayFrequency, start: date, years: tuple[int, ...]) -> None:
    assert years_with_extra_pay_dates(frequency, start) == years


def test_sample_notes_the_27_pay_date_year() -> None:
    pay = pay_figures(letter_with())
    assert pay.extra_pay_date_years.value == (2010,)
    assert "2010 have 27 bi-weekly pay dates" in pay.extra_pay_date_years.explain()
