"""The one home of rounding in the calculations.

Money: every amount of money a calculation produces is rounded to the cent by :func:`to_cents`,
half up (``ROUND_HALF_UP``: 0.005 -> 0.01), once, at the end of the computation that produces it.
Splitting an amount into installments (:func:`split_evenly`) rounds each installment the same way
and lets the last one absorb the remainder, so the installments always sum exactly to the total
(for a total of only a few cents per installment, where rounding up would overpay, each is
rounded down instead).

Fractions (the first-year bonus fraction) are rounded half up to four places by :func:`to_fraction`.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
FRACTION_STEP = Decimal("0.0001")


def to_cents(amount: Decimal) -> Decimal:
    """``amount`` rounded half up to the cent: ``11538.4615...`` -> ``11538.46``."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def to_fraction(value: Decimal) -> Decimal:
    """``value`` rounded half up to four decimal places: ``79/365`` -> ``0.2164``."""
    return value.quantize(FRACTION_STEP, rounding=ROUND_HALF_UP)


def split_evenly(total: Decimal, parts: int) -> tuple[Decimal, ...]:
    """``total`` in ``parts`` equal installments rounded to the cent; the last absorbs the remainder.

    >>> split_evenly(Decimal("100.00"), 3)
    (Decimal('33.33'), Decimal('33.33'), Decimal('33.34'))
    """
    if parts < 1:
        raise ValueError("an amount is split into at least one installment")
    total = to_cents(total)
    each = to_cents(total / parts)
    if each * (parts - 1) > total:
        # Only for totals of a few cents a part (1.00 in 52 -> 0.02 each would overpay): round down.
        each = (total / parts).quantize(CENT, rounding=ROUND_DOWN)
    last = total - each * (parts - 1)
    return (each,) * (parts - 1) + (last,)
