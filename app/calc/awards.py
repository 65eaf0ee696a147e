"""Signing and retention bonuses and relocation: when each is paid, and what is repaid on leaving.

Payment dates: at the start (the start date), N months after the start (start + N months, month-end
rule), at a closing (the transaction's expected closing date) or on a date.

Repayment (the letter's Repayment term): only on a resignation (without Good Reason) or a
termination for Cause, and only for a payment made on or before the last day of employment that
falls within ``months`` of it (the last day before ``payment + months``).

- Full: the whole payment.
- Pro rata: ``payment x months not served / months``, where the months served are the whole months
  from the payment date to the last day of employment (a month is served once its monthly
  anniversary of the payment has been reached), rounded half up to the cent.
- After tax: the letter asks for the amount after taxes. OfferDesk knows no withholding, so the
  figure is the gross amount and its explanation says the net repaid depends on the withholding.

An installment dated after employment ends is not paid, and so not repaid. The relocation benefit
is taken to be paid at the start; a reimbursement counts at its cap.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from app.calc.dates import add_months, full_months_between
from app.calc.explain import Explanation, Figure, because
from app.calc.rounding import to_cents
from app.domain.letter import (
    CashAward,
    CashAwardKind,
    CashInstallment,
    Letter,
    PaymentTiming,
    RelocationKind,
    Repayment,
    RepaymentBasis,
    RepaymentKind,
)

_KIND = {CashAwardKind.SIGNING: "signing bonus", CashAwardKind.RETENTION: "retention bonus"}


@dataclass(frozen=True, slots=True)
class AwardPayment:
    """One payment of a signing or retention bonus, or the relocation benefit."""

    award: int  # index in the letter's cash awards; -1 for relocation
    number: int  # 1-based installment number
    label: str
    amount: Decimal
    date: date
    why: Explanation
    repayment: Repayment | None


@dataclass(frozen=True, slots=True)
class Repaid:
    """What one payment obliges the executive to repay on leaving, and by when."""

    payment: AwardPayment
    amount: Figure[Decimal]
    due: date


def award_label(award: CashAward, number: int, count: int) -> str:
    what = _KIND[award.kind].capitalize()
    return f"{what}, installment {number} of {count}" if count > 1 else what


def installment_date(letter: Letter, installment: CashInstallment) -> Figure[date]:
    start = letter.position.start_date
    if installment.timing is PaymentTiming.MONTHS_AFTER_START:
        return Figure(add_months(start, installment.months_after_start),
                      because("{months} months after the start {start:long_date}",
                              months=installment.months_after_start, start=start))
    if installment.timing is PaymentTiming.AT_CLOSING and letter.conditions.transaction is not None:
        closing = letter.conditions.transaction.expected_date
        return Figure(closing, because("at the closing, expected on {day:long_date}", day=closing))
    if installment.timing is PaymentTiming.ON_DATE and installment.on_date is not None:
        return Figure(installment.on_date, because("on the letter's date {day:long_date}", day=installment.on_date))
    return Figure(start, because("at the start {start:long_date}", start=start))


def award_payments(letter: Letter) -> tuple[AwardPayment, ...]:
    """Every signing, retention and relocation payment, in the letter's order."""
    out = []
    for a, award in enumerate(letter.cash_awards):
        count = len(award.installments)
        for n, installment in enumerate(award.installments, start=1):
            when = installment_date(letter, installment)
            out.append(AwardPayment(a, n, award_label(award, n, count), installment.amount, when.value, when.why,
                                    award.repayment))
    relocation = letter.relocation
    if relocation is not None:
        start = letter.position.start_date
        how = "a lump sum" if relocation.kind is RelocationKind.LUMP_SUM else "reimbursement up to the cap"
        out.append(AwardPayment(-1, 1, "Relocation", relocation.amount, start,
                                because("{how}, taken as paid at the start {start:long_date}", how=how, start=start),
                                relocation.repayment))
    return tuple(out)


def repaid_on(payment: AwardPayment, last_day: date) -> Repaid | None:
    """What ``payment`` obliges the executive to repay on leaving on ``last_day`` (resignation or Cause)."""
    terms = payment.repayment
    if terms is None or payment.date > last_day:
        return None
    ends = add_months(payment.date, terms.months)
    if last_day >= ends:
        return None
    if terms.kind is RepaymentKind.FULL:
        amount = payment.amount
        why = because("{label} {amount:money} paid {paid:long_date}: all of it, as employment ends within {months} "
                      "months of the payment", label=payment.label, amount=payment.amount, paid=payment.date,
                      months=terms.months)
    else:
        served = full_months_between(payment.date, last_day)
        amount = to_cents(payment.amount * (terms.months - served) / terms.months)
        why = because("{label} {amount:money} paid {paid:long_date} x {left} months not served / {months}, "
                      "rounded half up to the cent ({served} whole months served)", label=payment.label,
                      amount=payment.amount, paid=payment.date, left=terms.months - served, months=terms.months,
                      served=served)
    if terms.basis is RepaymentBasis.AFTER_TAX:
        why = because("{why}; the letter asks for the amount after taxes: this is the gross amount, the net "
                      "repaid depends on the withholding", why=why)
    if terms.offset:
        why = because("{why}; the Company may offset it against amounts it owes", why=why)
    return Repaid(payment, Figure(amount, why), last_day + timedelta(days=terms.repay_days))


def paid_by(payments: tuple[AwardPayment, ...], first: date, end: date) -> Decimal:
    """The sum of the payments dated from ``first`` (counted) to ``end`` (not counted)."""
    return sum((p.amount for p in payments if first <= p.date < end), Decimal("0.00"))
