"""Grant sizes, vesting schedules, vested shares at a date and option pricing dates.

Size: a grant stated in shares is that many shares; a grant stated as a dollar value (or as a
percentage of the base salary, which gives a dollar value) is ``floor(value / share price)`` shares
at the letter's share price for estimates (``equity.assumed_share_price``); without that price its
shares cannot be counted, the grant has no schedule and the reason says so.

Vesting counts from the vesting start: the start date, or the grant date when the letter says
vesting counts from the grant date (the start date when no grant date is set). Dates are counted
from that day (start + n months, never from the previous vesting date), with the month-end rule of
:data:`app.calc.dates.MONTH_END_RULE`: a Feb 29 start vests on Feb 28 in common years.

Whole shares, one rule for every schedule: the shares vested ``m`` months in are
``floor(shares x m / total months)``, and each installment is the increase since the one before.
So every installment is the exact fraction of the grant the letter states, rounded down, and the
shares rounded off vest with later installments, the last taking what is left (100,000 in 3 ->
33,333 / 33,333 / 33,334; 65,000 over 48 months with a 12-month cliff -> 16,250 at the cliff, the
letter's "one-quarter").

- Equal annual: an installment on each of the first ``years`` anniversaries (total ``years x 12`` months).
- Cliff then periodic: nothing before the cliff; at the cliff ``floor(shares x cliff / total)``; then
  one installment each month (or quarter) until ``years x 12`` months.
- Cliff: the whole grant on the ``years``-th anniversary.

Shares vest at the start of their vesting date: a termination on a vesting date keeps that
installment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.calc.dates import add_months
from app.calc.explain import Explanation, Figure, because
from app.calc.trading import OutsideCalendar, trading_day_before, trading_day_on_or_before
from app.domain.letter import (
    Equity,
    EquityGrant,
    GrantKind,
    GrantSizing,
    Letter,
    PricingRule,
    VestingKind,
    VestingPeriod,
    VestingStart,
)

MONTHS_PER_PERIOD = {VestingPeriod.MONTHLY: 1, VestingPeriod.QUARTERLY: 3}


@dataclass(frozen=True, slots=True)
class Installment:
    """Shares that vest on one date; ``cumulative`` is the total vested once it has."""

    number: int
    date: date
    shares: int
    cumulative: int
    why: Explanation


@dataclass(frozen=True, slots=True)
class GrantFigures:
    """One grant: its size, when it is priced, when vesting counts from and when it vests.

    ``shares`` is ``None`` (and ``installments`` empty) for a grant stated in dollars without a share
    price for estimates.
    """

    index: int
    kind: GrantKind
    shares: Figure[int | None]
    vesting_start: Figure[date]
    price_date: Figure[date | None]
    installments: tuple[Installment, ...]

    def vested_on(self, day: date) -> int:
        return vested_on(self.installments, day)


def grant_shares(grant: EquityGrant, equity: Equity | None, salary: Decimal) -> Figure[int | None]:
    """The grant's number of shares (see the module docstring)."""
    if grant.sizing is GrantSizing.SHARES:
        return Figure(grant.shares, because("the letter's number of shares"))
    if grant.sizing is GrantSizing.DOLLAR_VALUE:
        value = grant.value or Decimal(0)
        stated = because("a grant value of {value:money}", value=value)
    else:
        percent = grant.percent_of_salary or Decimal(0)
        value = salary * percent / 100
        stated = because("{percent}% of the base salary {salary:money} = {value:money}", percent=percent,
                         salary=salary, value=value)
    price = equity.assumed_share_price if equity else None
    if price is None:
        return Figure(None, because("{stated}; the letter's share price for estimates is not set, so its "
                                    "shares cannot be counted", stated=stated))
    return Figure(int(value // price), because("{stated} / the share price for estimates {price:money}, rounded "
                                               "down to whole shares", stated=stated, price=price))


def vesting_start(grant: EquityGrant, start: date) -> Figure[date]:
    """The day vesting counts from: the start date, or the grant date when the letter says so."""
    if grant.vesting.starts is VestingStart.GRANT_DATE:
        if grant.grant_date is not None:
            return Figure(grant.grant_date, because("vesting counts from the grant date {day:long_date}",
                                                    day=grant.grant_date))
        return Figure(start, because("vesting counts from the grant date; none is set, so the start date "
                                     "{day:long_date}", day=start))
    return Figure(start, because("vesting counts from the start date {day:long_date}", day=start))


def _vesting_months(grant: EquityGrant) -> tuple[int, tuple[int, ...]]:
    """The total months and the month of each vesting date, counted from the vesting start."""
    v = grant.vesting
    total = v.years * 12
    if v.kind is VestingKind.EQUAL_ANNUAL:
        return total, tuple(12 * k for k in range(1, v.years + 1))
    if v.kind is VestingKind.CLIFF:
        return total, (total,)
    step = MONTHS_PER_PERIOD[v.period]
    first = max(v.cliff_months, step)
    return total, (first, *range(first + step, total + 1, step))


def vesting_schedule(grant: EquityGrant, start: date, shares: int | None = None) -> tuple[Installment, ...]:
    """The grant's installments in date order (see the module docstring for the rules).

    Args:
        start: the employment start date; vesting counts from :func:`vesting_start`.
        shares: the grant's size when it is not stated in shares (:func:`grant_shares`); by default
            the letter's number of shares. No shares: no installments.
    """
    count = grant.shares if shares is None else shares
    if count is None:
        return ()
    begin = vesting_start(grant, start).value
    total, months = _vesting_months(grant)
    out: list[Installment] = []
    cumulative = 0
    for i, month in enumerate(months):
        reached = count * month // total if month < total else count
        if reached == cumulative:
            continue  # fewer shares than periods: an empty installment is not a vesting date
        out.append(
            Installment(
                number=len(out) + 1,
                date=add_months(begin, month),
                shares=reached - cumulative,
                cumulative=reached,
                why=_installment_why(grant, begin, i, len(months), month, total, count, reached, cumulative),
            )
        )
        cumulative = reached
    return tuple(out)


def _installment_why(grant: EquityGrant, begin: date, i: int, count: int, month: int, total: int,
                     shares: int, reached: int, before: int) -> Explanation:
    kind = grant.vesting.kind
    if kind is VestingKind.CLIFF:
        when = "the cliff, {years} years after {begin:long_date}: the whole grant"
    elif kind is VestingKind.EQUAL_ANNUAL:
        when = "anniversary {n} of {count} of {begin:long_date}: "
    elif i == 0:
        when = "the cliff, {month} months after {begin:long_date}: "
    else:
        when = "{month} months after {begin:long_date}: "
    if kind is not VestingKind.CLIFF:
        if count == 1:
            when += "the whole grant"
        elif month == total:
            when += "the rest of the grant, {shares:shares} less the {before:shares} vested before"
        else:
            when += "{shares:shares} x {month} / {total} months = {reached:shares} vested (rounded down)"
            if before:
                when += ", less the {before:shares} vested before"
    clamped = add_months(begin, month).day != begin.day
    tail = "; that month has no day {day}, so its last day" if clamped else ""
    return because(when + tail, n=i + 1, count=count, begin=begin, years=grant.vesting.years, month=month,
                   total=total, shares=shares, reached=reached, before=before, day=begin.day)


def vested_on(installments: tuple[Installment, ...], day: date) -> int:
    """Shares vested on ``day``: every installment dated on or before it."""
    return sum(i.shares for i in installments if i.date <= day)


def vested_shares_on(letter: Letter, day: date) -> int:
    """Shares vested on ``day`` over every grant of the letter (0 before the first vesting date)."""
    return sum(g.vested_on(day) for g in grant_figures(letter))


def grant_date(grant: EquityGrant, start: date) -> date:
    """The grant date: the letter's, else the start date."""
    return grant.grant_date or start


def price_date(grant: EquityGrant, start: date) -> Figure[date | None]:
    """The date whose closing price sets an option's exercise price; ``None`` for RSUs and stock."""
    if not grant.kind.is_option:
        return Figure(None, because("RSUs, PSUs and restricted stock have no exercise price"))
    granted = grant_date(grant, start)
    which = "the grant date" if grant.grant_date else "the start date"
    try:
        if grant.pricing is PricingRule.CLOSE_PRIOR_TRADING_DAY:
            return Figure(
                trading_day_before(granted),
                because("the NYSE trading day immediately before {which} {day:long_date}", which=which, day=granted),
            )
        if grant.pricing is PricingRule.CLOSE_ON_GRANT_DATE:
            return Figure(
                trading_day_on_or_before(granted),
                because(
                    "the close of the grant date {day:long_date} ({which}) on the NYSE, or of the trading "
                    "day before if the exchange is closed that day",
                    which="the letter's grant date" if grant.grant_date else "the start date", day=granted,
                ),
            )
    except OutsideCalendar as exc:
        return Figure(None, because("{reason}", reason=str(exc)))
    return Figure(None, because("the option has no pricing rule"))


def grant_figures(letter: Letter) -> tuple[GrantFigures, ...]:
    """Each grant with its size, pricing date and vesting schedule."""
    if letter.equity is None:
        return ()
    start = letter.position.start_date
    salary = letter.compensation.base_salary
    out = []
    for i, grant in enumerate(letter.equity.grants):
        size = grant_shares(grant, letter.equity, salary)
        out.append(GrantFigures(
            index=i,
            kind=grant.kind,
            shares=size,
            vesting_start=vesting_start(grant, start),
            price_date=price_date(grant, start),
            installments=vesting_schedule(grant, start, size.value),
        ))
    return tuple(out)
