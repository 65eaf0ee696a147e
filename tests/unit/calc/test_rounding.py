"""The one rounding module: half up to the cent, installments that sum exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.calc.explain import because
from app.calc.rounding import split_evenly, to_cents, to_fraction


@pytest.mark.parametrize(
    ("amount", "cents"),
    [
        ("11538.461538", "11538.46"),  # 300000 / 26
        ("8333.005", "8333.01"),  # half up; half-even would give 8333.00
        ("8333.015", "8333.02"),
        ("0.004999", "0.00"),
        ("300000", "300000.00"),
    ],
)
def test_to_cents_rounds_half_up(amount: str, cents: str) -> None:
    assert str(to_cents(Decimal(amount))) == cents


@pytest.mark.parametrize(
    ("value", "rounded"),
    [
        ("0.21643835", "0.2164"),  # 79 / 365
        ("0.83879781", "0.8388"),  # 307 / 366
        ("0.00005", "0.0001"),  # half up
    ],
)
def test_to_fraction_rounds_half_up_to_four_places(value: str, rounded: str) -> None:
    assert str(to_fraction(Decimal(value))) == rounded


@pytest.mark.parametrize(
    ("total", "parts", "expected"),
    [
        ("100.00", 3, ["33.33", "33.33", "33.34"]),  # 100 / 3 = 33.33; 100 - 2 x 33.33 = 33.34
        ("300000.00", 26, ["11538.46"] * 25 + ["11538.50"]),  # 300000 - 25 x 11538.46 = 11538.50
        ("225000.00", 20, ["11250.00"] * 20),  # divides evenly
        ("0.05", 1, ["0.05"]),
        # 1.00 / 52 = 0.019 -> 0.02 would pay 51 x 0.02 = 1.02 > 1.00: round down, 0.01 each, last 0.49
        ("1.00", 52, ["0.01"] * 51 + ["0.49"]),
    ],
)
def test_split_evenly_last_absorbs_the_remainder(total: str, parts: int, expected: list[str]) -> None:
    assert [str(a) for a in split_evenly(Decimal(total), parts)] == expected


@given(
    cents=st.integers(min_value=1, max_value=100_000_000_000),
    parts=st.integers(min_value=1, max_value=520),
)
def test_split_evenly_sums_exactly(cents: int, parts: int) -> None:
    total = Decimal(cents) / 100
    installments = split_evenly(total, parts)
    assert len(installments) == parts
    assert sum(installments) == total
    assert all(a == to_cents(a) and a >= 0 for a in installments)


def test_split_into_no_installments_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        split_evenly(Decimal("1.00"), 0)


def test_explanations_render_plain_or_with_formats() -> None:
    why = because("{a:money} / {n}", a=Decimal("300000.00"), n=26)
    assert str(why) == "300000.00 / 26"
    assert why.render({"money": lambda v: f"${v:,}"}) == "$300,000.00 / 26"
