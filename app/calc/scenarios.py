"""What happens if employment ends on a given date, for each kind of termination.

The terms applied, by kind:

- without Cause: the without-Cause severance and acceleration;
- for Cause, resignation: no severance, no acceleration;
- Change of Control: inside the protection window (on or after the Change of Control and no later
  than ``protection_months`` after it) the Change of Control severance and acceleration; outside
  it (or when the letter has no Change of Control clause) the without-Cause terms, as the
  termination is then an ordinary termination by the Company;
- disability: the disability severance, continued health coverage and option exercise period;
  unvested shares are forfeited;
- death: no severance (accrued salary only), the estate's exercise period; unvested shares forfeited.

Severance is ``months x salary / 12``, rounded once to the cent, paid through payroll in equal
installments on the pay dates after the termination date (:data:`app.calc.payroll.PAY_DATE_RULE`),
one per pay period the severance covers (``periods_per_year x months / 12``, rounded up); the last
installment absorbs the rounding, so the payments sum exactly to the total.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from app.calc.dates import add_months
from app.calc.equity import vested_on, vesting_schedule
from app.calc.explain import Explanation, Figure, because
from app.calc.payroll import PERIODS_PER_YEAR, pay_dates_after
from app.calc.rounding import split_evenly, to_cents
from app.domain.letter import GrantKind, Letter, NoncompeteStart


class ScenarioKind(StrEnum):
    WITHOUT_CAUSE = "without_cause"
    FOR_CAUSE = "for_cause"
    RESIGNATION = "resignation"
    CHANGE_OF_CONTROL = "change_of_control"
    DISABILITY = "disability"
    DEATH = "death"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ScenarioKind.WITHOUT_CAUSE: "Termination without Cause",
    ScenarioKind.FOR_CAUSE: "Termination for Cause",
    ScenarioKind.RESIGNATION: "Resignation",
    ScenarioKind.CHANGE_OF_CONTROL: "Termination after a Change of Control",
    ScenarioKind.DISABILITY: "Termination upon disability",
    ScenarioKind.DEATH: "Death",
}


class ScenarioError(ValueError):
    """The scenario cannot be computed (for example, a termination before the start date)."""


@dataclass(frozen=True, slots=True)
class Payment:
    number: int
    date: date
    amount: Decimal


@dataclass(frozen=True, slots=True)
class GrantOutcome:
    """One grant on the termination date; ``vested + accelerated + forfeited == shares``."""

    index: int
    kind: GrantKind
    shares: int
    vested: int
    accelerated: int
    forfeited: int


@dataclass(frozen=True, slots=True)
class Scenario:
    """The outcome of a termination of ``kind`` on ``termination_date``.

    Attributes:
        terms: which of the letter's clauses apply, in words.
        inside_protection_window: Change of Control only: whether the termination date falls in the
            protection window (``None`` for other kinds).
        severance_payments: the payroll installments; empty without severance.
        vested_shares / accelerated_shares / forfeited_shares: totals over all grants.
        exercise_deadline: last day to exercise vested options, where the letter sets it; else
            ``None`` (the option agreement governs) with the reason in the explanation.
        benefits_end: last day of continued health coverage (disability); else ``None``.
    """

    kind: ScenarioKind
    termination_date: date
    change_of_control_date: date | None
    terms: Explanation
    inside_protection_window: Figure[bool] | None
    severance_months: int
    severance_total: Figure[Decimal]
    severance_payments: Figure[tuple[Payment, ...]]
    grants: tuple[GrantOutcome, ...]
    vested_shares: Figure[int]
    accelerated_shares: Figure[int]
    forfeited_shares: Figure[int]
    exercise_deadline: Figure[date | None]
    benefits_end: Figure[date | None]
    noncompete_end: Figure[date]
    nonsolicit_end: Figure[date]

    @property
    def last_severance_date(self) -> date | None:
        payments = self.severance_payments.value
        return payments[-1].date if payments else None


@dataclass(frozen=True, slots=True)
class _Terms:
    """What the letter grants for a termination: severance months, acceleration and why."""

    severance_months: int
    accelerate: bool
    why: Explanation


def severance_amount(salary: Decimal, months: int) -> Decimal:
    """``salary x months / 12``, rounded once to the cent."""
    return to_cents(salary * months / 12)


def _terms(letter: Letter, kind: ScenarioKind, on: date, coc_on: date) -> tuple[_Terms, Figure[bool] | None]:
    t = letter.termination
    without_cause = _Terms(
        t.without_cause.severance_months,
        t.without_cause.accelerate_equity,
        because("the without-Cause terms"),
    )
    if kind is ScenarioKind.WITHOUT_CAUSE:
        return without_cause, None
    if kind in (ScenarioKind.FOR_CAUSE, ScenarioKind.RESIGNATION):
        return _Terms(0, False, because("no severance and no acceleration ({kind})", kind=kind.label.lower())), None
    if kind is ScenarioKind.DISABILITY:
        return _Terms(t.disability.severance_months, False, because("the disability terms")), None
    if kind is ScenarioKind.DEATH:
        return _Terms(0, False, because("the death terms: accrued salary only, no severance")), None
    coc = t.change_of_control
    if coc is None:
        return (
            _Terms(without_cause.severance_months, without_cause.accelerate,
                   because("the letter has no Change of Control clause, so the without-Cause terms")),
            Figure(False, because("the letter has no Change of Control clause")),
        )
    window_end = add_months(coc_on, coc.protection_months)
    inside = coc_on <= on <= window_end
    window = Figure(
        inside,
        because(
            "{on:long_date} is {where} the protection window {coc:long_date} to {end:long_date} "
            "({months} months after the Change of Control)",
            on=on, where="inside" if inside else "outside", coc=coc_on, end=window_end, months=coc.protection_months,
        ),
    )
    if inside:
        return _Terms(coc.severance_months, coc.accelerate_equity, because("the Change of Control terms")), window
    return (
        _Terms(without_cause.severance_months, without_cause.accelerate,
               because("outside the protection window, so the without-Cause terms")),
        window,
    )


def _payments(letter: Letter, on: date, total: Decimal, months: int) -> Figure[tuple[Payment, ...]]:
    if months == 0:
        return Figure((), because("no severance is paid"))
    frequency = letter.compensation.pay_frequency
    count = math.ceil(PERIODS_PER_YEAR[frequency] * months / 12)
    dates = pay_dates_after(frequency, letter.position.start_date, on, count)
    amounts = split_evenly(total, count)
    # A total of fewer cents than installments leaves some installments at 0.00: nothing is paid then.
    paid = [(d, a) for d, a in zip(dates, amounts, strict=True) if a > 0]
    payments = tuple(Payment(i + 1, d, a) for i, (d, a) in enumerate(paid))
    return Figure(
        payments,
        because(
            "{total:money} in {count} {frequency} installments (the {periods} pay periods a year x {months} / 12, "
            "rounded up) on the pay dates after {on:long_date}; each {each:money}, the last {last:money} "
            "absorbs the rounding",
            total=total, count=count, frequency=frequency.value, periods=PERIODS_PER_YEAR[frequency],
            months=months, on=on, each=amounts[0], last=amounts[-1],
        ),
    )


def run_scenario(
    letter: Letter, kind: ScenarioKind, on: date, change_of_control_on: date | None = None
) -> Scenario:
    """The outcome of a termination of ``kind`` on ``on``.

    Args:
        change_of_control_on: Change of Control only: when the Change of Control happened; by
            default the termination date (so the termination is inside the window).

    Raises:
        ScenarioError: ``on`` is before the start date.
    """
    start = letter.position.start_date
    if on < start:
        raise ScenarioError(
            f"the termination date {on.isoformat()} is before the start date {start.isoformat()}; "
            "choose a date on or after the start"
        )
    coc_on = change_of_control_on or on
    terms, window = _terms(letter, kind, on, coc_on)
    salary = letter.compensation.base_salary
    total_amount = severance_amount(salary, terms.severance_months)
    if terms.severance_months:
        total = Figure(
            total_amount,
            because("{months} months x {salary:money} / 12, rounded half up to the cent ({terms})",
                    months=terms.severance_months, salary=salary, terms=terms.why),
        )
    else:
        total = Figure(total_amount, because("no severance: {terms}", terms=terms.why))
    payments = _payments(letter, on, total_amount, terms.severance_months)

    outcomes = []
    for i, grant in enumerate(letter.equity.grants if letter.equity else ()):
        vested = vested_on(vesting_schedule(grant, start), on)
        unvested = grant.shares - vested
        accelerated = unvested if terms.accelerate else 0
        outcomes.append(GrantOutcome(i, grant.kind, grant.shares, vested, accelerated, unvested - accelerated))
    vested_total = sum(o.vested for o in outcomes)
    accelerated_total = sum(o.accelerated for o in outcomes)
    forfeited_total = sum(o.forfeited for o in outcomes)
    accel_rule = "vest at termination under" if terms.accelerate else "are not accelerated under"

    cov = letter.covenants
    last_payment = payments.value[-1].date if payments.value else None
    if cov.noncompete_start is NoncompeteStart.LATER_OF_TERMINATION_AND_SEVERANCE and last_payment:
        from_day = max(on, last_payment)
        nc_why = because(
            "{months} months after the later of the termination {on:long_date} and the last severance "
            "payment {last:long_date}", months=cov.noncompete_months, on=on, last=last_payment,
        )
    else:
        from_day = on
        nc_why = because("{months} months after the termination date {on:long_date}",
                         months=cov.noncompete_months, on=on)

    return Scenario(
        kind=kind,
        termination_date=on,
        change_of_control_date=coc_on if kind is ScenarioKind.CHANGE_OF_CONTROL else None,
        terms=terms.why,
        inside_protection_window=window,
        severance_months=terms.severance_months,
        severance_total=total,
        severance_payments=payments,
        grants=tuple(outcomes),
        vested_shares=Figure(vested_total, because("installments dated on or before {on:long_date}", on=on)),
        accelerated_shares=Figure(
            accelerated_total, because("unvested shares {rule} {terms}", rule=accel_rule, terms=terms.why)
        ),
        forfeited_shares=Figure(
            forfeited_total, because("unvested shares not accelerated are forfeited on termination")
        ),
        exercise_deadline=_exercise_deadline(letter, kind, on),
        benefits_end=_benefits_end(letter, kind, on),
        noncompete_end=Figure(add_months(from_day, cov.noncompete_months), nc_why),
        nonsolicit_end=Figure(
            add_months(on, cov.nonsolicit_months),
            because("{months} months after the termination date {on:long_date}",
                    months=cov.nonsolicit_months, on=on),
        ),
    )


def _exercise_deadline(letter: Letter, kind: ScenarioKind, on: date) -> Figure[date | None]:
    if letter.equity is None or not any(g.kind.is_option for g in letter.equity.grants):
        return Figure(None, because("the letter grants no options"))
    months = {
        ScenarioKind.DISABILITY: letter.termination.disability.exercise_months,
        ScenarioKind.DEATH: letter.termination.death.exercise_months,
    }.get(kind)
    if months is None:
        return Figure(None, because("per the option agreement: the letter sets no exercise period for this case"))
    return Figure(
        add_months(on, months),
        because("{months} months after {on:long_date} ({kind})", months=months, on=on, kind=kind.label.lower()),
    )


def _benefits_end(letter: Letter, kind: ScenarioKind, on: date) -> Figure[date | None]:
    if kind is not ScenarioKind.DISABILITY:
        return Figure(None, because("the letter continues benefits only after a disability termination"))
    months = letter.termination.disability.benefit_months
    return Figure(
        add_months(on, months),
        because("health coverage continues {months} months after {on:long_date}", months=months, on=on),
    )
