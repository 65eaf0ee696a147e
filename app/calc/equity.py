"""Vesting schedules, vested shares at a date and option pricing dates.

Installments are whole shares: each installment is the grant divided by the number of installments,
rounded down, and the shares that do not divide evenly vest with the LAST installment
(150,000 in 3 -> 50,000 each; 100,000 in 3 -> 33,333 / 33,333 / 33,334).

Dates are counted from the original start date (start + n months, never from the previous
vesting date), with the month-end rule of :data:`app.calc.dates.MONTH_END_RULE`: a Feb 29 start
vests on Feb 28 in common years.

- Equal annual: one installment on each of the first ``years`` anniversaries of the start date.
- Cliff then periodic: the grant vests over ``years * 12`` months in monthly (or quarterly) periods;
  nothing vests before the cliff; at the cliff the shares of every period in the cliff vest at once,
  then one period's shares each month (or quarter) until the end.

Shares vest at the start of their vesting date: a termination on a vesting date keeps that
installment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.calc.dates import add_months
from app.calc.explain import Explanation, Figure, because
from app.calc.trading import OutsideCalendar, trading_day_before, trading_day_on_or_before
from app.domain.letter import EquityGrant, GrantKind, Letter, PricingRule, VestingKind, VestingPeriod

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
    """One grant: what it is, when it is priced and when it vests."""

    index: int
    kind: GrantKind
    shares: int
    price_date: Figure[date | None]
    installments: tuple[Installment, ...]

    def vested_on(self, day: date) -> int:
        return vested_on(self.installments, day)


def split_shares(shares: int, parts: int) -> tuple[int, ...]:
    """Whole shares in ``parts`` installments, each rounded down, the remainder with the last."""
    each = shares // parts
    return (each,) * (parts - 1) + (shares - each * (parts - 1),)


def vesting_schedule(grant: EquityGrant, start: date) -> tuple[Installment, ...]:
    """The grant's installments in date order (see the module docstring for the rules)."""
    v = grant.vesting
    if v.kind is VestingKind.EQUAL_ANNUAL:
        step, first, periods = 12, 12, v.years
        periods_at_first = 1
    else:
        step = MONTHS_PER_PERIOD[v.period]
        periods = v.years * 12 // step
        first = max(v.cliff_months, step)
        periods_at_first = first // step
    per_period = split_shares(grant.shares, periods)
    # The cliff installment takes the shares of every period it covers.
    amounts = [sum(per_period[:periods_at_first]), *per_period[periods_at_first:]]
    months = [first + step * k for k in range(len(amounts))]
    out: list[Installment] = []
    cumulative = 0
    for i, (shares, month) in enumerate(zip(amounts, months, strict=True)):
        if shares == 0:
            continue  # fewer shares than periods: an empty installment is not a vesting date
        cumulative += shares
        out.append(
            Installment(
                number=len(out) + 1,
                date=add_months(start, month),
                shares=shares,
                cumulative=cumulative,
                why=_installment_why(grant, start, i, len(amounts), periods, periods_at_first, month),
            )
        )
    return tuple(out)


def _installment_why(
    grant: EquityGrant, start: date, i: int, count: int, periods: int, at_first: int, month: int
) -> Explanation:
    each = grant.shares // periods
    if i == count - 1 and count > 1:
        share = "{shares:shares} less the {earlier:shares} vested before (the remainder vests last)"
    elif at_first > 1 and i == 0:
        share = "{k} periods of {each:shares} ({shares:shares} / {periods}, rounded down)"
    else:
        share = "{shares:shares} / {periods}, rounded down" if periods > 1 else "the whole grant"
    if grant.vesting.kind is VestingKind.EQUAL_ANNUAL:
        when = "anniversary {n} of {count} of the start date: "
    elif i == 0:
        when = "the cliff, {month} months after the start: "
    else:
        when = "{month} months after the start: "
    clamped = add_months(start, month).day != start.day
    tail = "; that month has no day {day}, so its last day" if clamped else ""
    return because(when + share + tail, n=i + 1, count=count, shares=grant.shares, periods=periods,
                   month=month, k=at_first, each=each, earlier=each * (periods - 1), day=start.day)


def vested_on(installments: tuple[Installment, ...], day: date) -> int:
    """Shares vested on ``day``: every installment dated on or before it."""
    return sum(i.shares for i in installments if i.date <= day)


def vested_shares_on(letter: Letter, day: date) -> int:
    """Shares vested on ``day`` over every grant of the letter (0 before the first vesting date)."""
    if letter.equity is None:
        return 0
    start = letter.position.start_date
    return sum(vested_on(vesting_schedule(g, start), day) for g in letter.equity.grants)


def price_date(grant: EquityGrant, start: date) -> Figure[date | None]:
    """The date whose closing price sets an option's exercise price; ``None`` for RSUs and stock."""
    if not grant.kind.is_option:
        return Figure(None, because("RSUs and restricted stock have no exercise price"))
    try:
        if grant.pricing is PricingRule.CLOSE_PRIOR_TRADING_DAY:
            return Figure(
                trading_day_before(start),
                because("the NYSE trading day immediately before the start date {start:long_date}", start=start),
            )
        if grant.pricing is PricingRule.CLOSE_ON_GRANT_DATE:
            return Figure(
                trading_day_on_or_before(start),
                because(
                    "the grant date is the start date {start:long_date}; the close of that NYSE trading "
                    "day (or of the trading day before, if the exchange is closed)",
                    start=start,
                ),
            )
    except OutsideCalendar as exc:
        return Figure(None, because("{reason}", reason=str(exc)))
    return Figure(None, because("the option has no pricing rule"))


def grant_figures(letter: Letter) -> tuple[GrantFigures, ...]:
    """Each grant with its pricing date and vesting schedule."""
    if letter.equity is None:
        return ()
    start = letter.position.start_date
    return tuple(
        GrantFigures(
            index=i,
            kind=grant.kind,
            shares=grant.shares,
            price_date=price_date(grant, start),
            installments=vesting_schedule(grant, start),
        )
        for i, grant in enumerate(letter.equity.grants)
    )

