"""What happens if employment ends on a given date, for each kind of termination the letter provides for.

Kinds (:func:`scenario_kinds` lists those a letter provides for): termination without Cause and
resignation always; termination for Cause when the letter defines Cause; resignation for Good Reason
when it defines Good Reason; termination after a Change of Control, upon disability and death when
the letter has those clauses.

The terms applied, by kind:

- without Cause: the without-Cause severance and acceleration; a letter without that clause pays
  no severance ("the letter provides no severance on termination without Cause");
- resignation for Good Reason: the without-Cause terms when the letter treats it as a termination
  without Cause, otherwise nothing;
- for Cause, resignation: no severance, no acceleration; signing, retention and relocation
  payments are repaid per their Repayment terms (:mod:`app.calc.awards`);
- Change of Control: inside the protection window (from ``months_before`` before the Change of
  Control, when the letter has such a window, to ``protection_months`` after it, both ends
  counted) the Change of Control severance and acceleration; outside it the without-Cause terms.
  Single trigger: the acceleration happens on the Change of Control itself (while employed),
  inside the window or not. Acceleration that applies only if the Change of Control happens within N
  months of the start does not apply to a later one;
- disability: the disability severance (if any), continued health coverage, exercise period and
  acceleration where the letter says so;
- death: no severance; the cash benefit to the estate, exercise period and acceleration where the
  letter says so; no covenant runs after a death.

Severance, by formula, at the salary in force on the termination date (:func:`app.calc.salary.salary_on`):

- months of salary: ``months x salary / 12``;
- a multiple: ``multiple x (salary + target bonus)`` (the bonus only when included);
- weeks per service: ``weeks x full years (or months) of service``, raised to the minimum and cut to
  the cap, each week ``salary / 52``;
- rest of the term: salary from the day after the termination through the term's end (start + the
  initial term, or the end of the renewal period the termination falls in; a termination on the day a
  term that renews ends falls in the renewal), at ``salary / 365`` a day.

Each is rounded once to the cent. Paid in installments, it is split evenly over the pay dates after
the termination (:data:`app.calc.payroll.PAY_DATE_RULE`), one per pay period of the time the
severance stands for (months / 12, the multiple in years, weeks / 52, days / 365, times the pay periods
a year, rounded up); the last installment absorbs the rounding. Paid as a lump sum, it is one payment
``lump_sum_days`` after the termination, or, when a release is required, on the later of that day and
the release deadline (``release_days`` after the termination): the letter pays once the release is
effective. With the Section 409A six-month delay, every payment due within six months of the
termination (on or before termination + 6 months) is paid instead as one catch-up payment on the
first pay date after those six months.

Acceleration of ``p``% vests ``floor(p% x unvested shares)`` of each grant (rounded down per grant,
counted on the termination date, or on the Change of Control date for a single trigger); the shares
accelerated are those that would have vested last, so the grant's vested + accelerated + forfeited
shares are its shares.

Other figures: the pro-rated bonus (target on the termination date x days employed in that calendar
year / days in the year), COBRA coverage end (termination + COBRA months), notice pay in lieu (salary
/ 365 a day for the notice days), and the non-compete (only when the letter has one) from the later
of the termination and the last severance payment, or from the termination, as the letter says, and
its garden leave pay (the letter's percentage of the highest salary in force by the termination, for
the months of the non-compete).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from app.calc.awards import Repaid, award_payments, repaid_on
from app.calc.bonus import target_bonus_on
from app.calc.dates import add_months, days_in_year, full_months_between
from app.calc.equity import GrantFigures, grant_figures, vested_on
from app.calc.explain import Explanation, Figure, because
from app.calc.payroll import PERIODS_PER_YEAR, pay_dates_after
from app.calc.rounding import split_evenly, to_cents
from app.calc.salary import salary_changes, salary_on
from app.domain.letter import (
    ControlTrigger,
    GrantKind,
    Letter,
    NoncompeteStart,
    ServiceUnit,
    Severance,
    SeveranceFormula,
    SeverancePayment,
)

DAYS_PER_YEAR = 365
WEEKS_PER_YEAR = 52
SECTION_409A_MONTHS = 6


class ScenarioKind(StrEnum):
    WITHOUT_CAUSE = "without_cause"
    FOR_CAUSE = "for_cause"
    RESIGNATION = "resignation"
    GOOD_REASON = "good_reason"
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
    ScenarioKind.GOOD_REASON: "Resignation for Good Reason",
    ScenarioKind.CHANGE_OF_CONTROL: "Termination after a Change of Control",
    ScenarioKind.DISABILITY: "Termination upon disability",
    ScenarioKind.DEATH: "Death",
}

_MISSING = {
    ScenarioKind.FOR_CAUSE: "the letter does not define Cause",
    ScenarioKind.GOOD_REASON: "the letter does not define Good Reason",
    ScenarioKind.CHANGE_OF_CONTROL: "the letter has no Change of Control clause",
    ScenarioKind.DISABILITY: "the letter has no disability clause",
    ScenarioKind.DEATH: "the letter has no death clause",
}


def _in_words(kind: ScenarioKind) -> str:
    """The kind's label inside a sentence: "termination for Cause"."""
    return kind.label[0].lower() + kind.label[1:]


def scenario_kinds(letter: Letter) -> tuple[ScenarioKind, ...]:
    """The kinds of termination the letter provides for, in :class:`ScenarioKind` order."""
    t = letter.termination
    present = {
        ScenarioKind.WITHOUT_CAUSE: True,
        ScenarioKind.FOR_CAUSE: t.cause is not None,
        ScenarioKind.RESIGNATION: True,
        ScenarioKind.GOOD_REASON: t.good_reason is not None,
        ScenarioKind.CHANGE_OF_CONTROL: t.change_of_control is not None,
        ScenarioKind.DISABILITY: t.disability is not None,
        ScenarioKind.DEATH: t.death is not None,
    }
    return tuple(k for k in ScenarioKind if present[k])


class ScenarioError(ValueError):
    """The scenario cannot be computed (a termination before the start, a kind the letter lacks)."""


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
        severance_total / severance_payments: the severance and its payments (empty without severance).
        release_deadline: when the release must be effective, where severance requires one.
        pro_rata_bonus, notice_pay, death_benefit: ``None`` (with the reason) where the letter gives none.
        repayments: signing, retention and relocation payments to repay; ``repaid_total`` their sum.
        event_acceleration: single-trigger Change of Control only: shares vesting on the event itself.
        exercise_deadline: last day to exercise vested options, where the letter sets it; else
            ``None`` (the option agreement governs) with the reason in the explanation.
        benefits_end: last day of continued health coverage (COBRA or disability), else ``None``.
        noncompete_end / nonsolicit_end: ``None`` when the letter has no such covenant, or after a death.
        garden_leave_pay: pay during the non-compete where the letter grants it (``None`` otherwise).
    """

    kind: ScenarioKind
    termination_date: date
    change_of_control_date: date | None
    terms: Explanation
    inside_protection_window: Figure[bool] | None
    severance_total: Figure[Decimal]
    severance_payments: Figure[tuple[Payment, ...]]
    release_deadline: Figure[date | None]
    pro_rata_bonus: Figure[Decimal | None]
    notice_pay: Figure[Decimal | None]
    death_benefit: Figure[Decimal | None]
    repayments: tuple[Repaid, ...]
    repaid_total: Figure[Decimal]
    grants: tuple[GrantOutcome, ...]
    vested_shares: Figure[int]
    accelerated_shares: Figure[int]
    forfeited_shares: Figure[int]
    event_acceleration: Figure[int] | None
    exercise_deadline: Figure[date | None]
    benefits_end: Figure[date | None]
    noncompete_end: Figure[date | None]
    nonsolicit_end: Figure[date | None]
    garden_leave_pay: Figure[Decimal | None]

    @property
    def last_severance_date(self) -> date | None:
        payments = self.severance_payments.value
        return payments[-1].date if payments else None


@dataclass(frozen=True, slots=True)
class _Terms:
    """What the letter grants for a termination: severance, acceleration and why."""

    severance: Severance | None
    accelerate_percent: Decimal  # 0: no acceleration
    why: Explanation
    accelerate_why: Explanation
    accelerate_on: date | None = None  # single trigger: unvested shares are counted on the event


@dataclass(frozen=True, slots=True)
class SeveranceDue:
    """A severance formula's amount on a date, the time it stands for (in years) and why."""

    amount: Decimal
    years: Fraction
    why: Explanation


def _no(why: Explanation) -> _Terms:
    return _Terms(None, Decimal(0), why, because("no acceleration: {why}", why=why))


def _without_cause(letter: Letter, why: str) -> _Terms:
    wc = letter.termination.without_cause
    if wc is None:
        return _no(because("the letter provides no severance on termination without Cause"))
    percent = wc.acceleration_percent if wc.accelerate_equity else Decimal(0)
    terms = because(why)
    accel = (because("{p}% of the unvested shares vest under {terms}", p=percent, terms=terms) if percent
             else because("the without-Cause terms accelerate no equity"))
    return _Terms(wc.severance, percent, terms, accel)


def _terms(letter: Letter, kind: ScenarioKind, on: date, coc_on: date) -> tuple[_Terms, Figure[bool] | None]:
    t = letter.termination
    if kind is ScenarioKind.WITHOUT_CAUSE:
        return _without_cause(letter, "the without-Cause terms"), None
    if kind is ScenarioKind.GOOD_REASON:
        if t.without_cause is not None and t.without_cause.good_reason:
            return _without_cause(letter, "the without-Cause terms (a resignation for Good Reason is treated as a "
                                          "termination without Cause)"), None
        return _no(because("the letter does not treat a resignation for Good Reason as a termination without "
                           "Cause, so no severance")), None
    if kind in (ScenarioKind.FOR_CAUSE, ScenarioKind.RESIGNATION):
        return _no(because("the letter pays no severance and accelerates no equity on a {kind}",
                           kind=_in_words(kind))), None
    if kind is ScenarioKind.DISABILITY and t.disability is not None:
        d = t.disability
        why = because("the disability terms" if d.severance else "the disability terms, which pay no severance")
        return _Terms(d.severance, Decimal(100) if d.accelerate_equity else Decimal(0), why,
                      because("all unvested shares vest on disability" if d.accelerate_equity
                              else "the disability terms accelerate no equity")), None
    if kind is ScenarioKind.DEATH and t.death is not None:
        why = because("the death terms: accrued salary, no severance")
        return _Terms(None, Decimal(100) if t.death.accelerate_equity else Decimal(0), why,
                      because("all unvested shares vest on death" if t.death.accelerate_equity
                              else "the death terms accelerate no equity")), None
    coc = t.change_of_control
    if coc is None:
        raise ScenarioError(f"{_MISSING[kind]}; choose another kind of termination")
    after = add_months(coc_on, coc.protection_months)
    before = add_months(coc_on, -coc.months_before) if coc.months_before else coc_on
    inside = before <= on <= after
    window_text = ("{before:long_date} ({months_before} months before the Change of Control) to {after:long_date}"
                   if coc.months_before else "{coc:long_date} to {after:long_date}")
    window = Figure(inside, because(
        "{on:long_date} is {where} the protection window " + window_text + " ({months} months after it)",
        on=on, where="inside" if inside else "outside", before=before, months_before=coc.months_before,
        coc=coc_on, after=after, months=coc.protection_months))
    single = coc.trigger is ControlTrigger.SINGLE and coc_on <= on
    percent, accel_why = _coc_acceleration(letter, coc_on)
    if inside:
        terms = because("the Change of Control terms" + (
            ", which treat a resignation for Good Reason inside the window alike" if coc.good_reason else ""))
        if not percent:
            return _Terms(coc.severance, Decimal(0), terms, accel_why), window
        return _Terms(coc.severance, percent, terms, accel_why, coc_on if single else None), window
    base = _without_cause(letter, "outside the protection window, so the without-Cause terms")
    if single and percent:
        return _Terms(base.severance, percent, base.why, accel_why, coc_on), window
    return base, window


def _coc_acceleration(letter: Letter, coc_on: date) -> tuple[Decimal, Explanation]:
    coc = letter.termination.change_of_control
    assert coc is not None
    if not coc.accelerate_equity:
        return Decimal(0), because("the Change of Control terms accelerate no equity")
    limit = coc.acceleration_within_months_of_start
    start = letter.position.start_date
    if limit is not None and coc_on > add_months(start, limit):
        return Decimal(0), because(
            "no acceleration: the Change of Control on {coc:long_date} is more than {months} months after the "
            "start {start:long_date}", coc=coc_on, months=limit, start=start)
    trigger = ("on the Change of Control itself (single trigger)" if coc.trigger is ControlTrigger.SINGLE
               else "on a termination inside the window (double trigger)")
    return coc.acceleration_percent, because("{p}% of the unvested shares vest {trigger}",
                                             p=coc.acceleration_percent, trigger=trigger)


# ---------------------------------------------------------------- severance


def term_end(letter: Letter, on: date) -> Figure[date | None]:
    """The end of the fixed term the termination falls in (start + term, or a renewal's end)."""
    term = letter.term
    if term is None:
        return Figure(None, because("the letter has no fixed term"))
    start = letter.position.start_date
    end, renewals = add_months(start, term.months), 0
    while term.renews and end <= on:
        renewals += 1
        end = add_months(start, term.months + renewals * term.renewal_months)
    if renewals:
        return Figure(end, because("the end of renewal {n} ({months} months each) of the {initial}-month term "
                                   "from {start:long_date}", n=renewals, months=term.renewal_months,
                                   initial=term.months, start=start))
    return Figure(end, because("{months} months after the start {start:long_date}", months=term.months,
                               start=start))


def severance_due(letter: Letter, severance: Severance, on: date) -> SeveranceDue:
    """What ``severance`` pays for a termination on ``on`` (see the module docstring)."""
    salary_figure = salary_on(letter, on)
    salary = salary_figure.value
    f = severance.formula
    if f is SeveranceFormula.MONTHS_OF_SALARY:
        return SeveranceDue(to_cents(salary * severance.months / 12), Fraction(severance.months, 12),
                            because("{months} months x {salary:money} / 12", months=severance.months, salary=salary))
    if f is SeveranceFormula.SALARY_AND_BONUS_MULTIPLE:
        bonus = target_bonus_on(letter, on).value if severance.include_target_bonus else None
        if bonus is None:
            return SeveranceDue(to_cents(salary * severance.multiple), Fraction(severance.multiple),
                                because("{multiple} x the annual salary {salary:money}", multiple=severance.multiple,
                                        salary=salary))
        return SeveranceDue(to_cents(severance.multiple * (salary + bonus)), Fraction(severance.multiple),
                            because("{multiple} x (salary {salary:money} + target bonus {bonus:money})",
                                    multiple=severance.multiple, salary=salary, bonus=bonus))
    if f is SeveranceFormula.WEEKS_PER_SERVICE:
        start = letter.position.start_date
        months = full_months_between(start, on)
        units = months // 12 if severance.service_unit is ServiceUnit.YEAR else months
        unit = severance.service_unit.value
        weeks = units * severance.weeks
        limits = ""
        if severance.minimum_weeks is not None and weeks < severance.minimum_weeks:
            weeks, limits = severance.minimum_weeks, f", raised to the minimum of {severance.minimum_weeks} weeks"
        if severance.maximum_weeks is not None and weeks > severance.maximum_weeks:
            weeks, limits = severance.maximum_weeks, f", cut to the cap of {severance.maximum_weeks} weeks"
        return SeveranceDue(
            to_cents(salary * weeks / WEEKS_PER_YEAR), Fraction(weeks, WEEKS_PER_YEAR),
            because("{per} weeks x {units} full {unit}s of service = {weeks} weeks{limits}, x {salary:money} / 52",
                    per=severance.weeks, units=units, unit=unit, weeks=weeks, limits=limits, salary=salary))
    end = term_end(letter, on)
    if end.value is None or end.value <= on:
        return SeveranceDue(Decimal("0.00"), Fraction(0), because("no time is left in the term"))
    days = (end.value - on).days
    return SeveranceDue(to_cents(salary * days / DAYS_PER_YEAR), Fraction(days, DAYS_PER_YEAR),
                        because("{days} days from {after:long_date} to the term's end {end:long_date} ({why}) x "
                                "{salary:money} / 365", days=days, after=on + timedelta(days=1), end=end.value,
                                why=end.why, salary=salary))


def _payments(letter: Letter, severance: Severance, on: date, due: SeveranceDue) -> Figure[tuple[Payment, ...]]:
    total = due.amount
    if total <= 0:
        return Figure((), because("no severance is paid"))
    frequency = letter.compensation.pay_frequency
    start = letter.position.start_date
    if severance.payment is SeverancePayment.LUMP_SUM:
        days = severance.lump_sum_days
        rule = "in one lump sum {days} days after the termination"
        if severance.release_required and severance.release_days > days:
            days, rule = severance.release_days, ("in one lump sum on the release deadline, {days} days after the "
                                                  "termination (later than the lump-sum date)")
        planned = [(on + timedelta(days=days), total)]
        why = because(rule, days=days)
    else:
        count = max(1, math.ceil(PERIODS_PER_YEAR[frequency] * due.years))
        dates = pay_dates_after(frequency, start, on, count)
        amounts = split_evenly(total, count)
        # A total of fewer cents than installments leaves some installments at 0.00: nothing is paid then.
        planned = [(d, a) for d, a in zip(dates, amounts, strict=True) if a > 0]
        why = because(
            "{total:money} in {count} {frequency} installments (the {periods} pay periods a year x {years}, "
            "rounded up) on the pay dates after {on:long_date}; each {each:money}, the last {last:money} "
            "absorbs the rounding",
            total=total, count=count, frequency=frequency.value, periods=PERIODS_PER_YEAR[frequency],
            years=_years_text(due.years), on=on, each=amounts[0], last=amounts[-1])
    if severance.specified_employee_delay:
        planned, why = _delay_409a(letter, on, planned, why)
    return Figure(tuple(Payment(i + 1, d, a) for i, (d, a) in enumerate(planned)), why)


def _years_text(years: Fraction) -> str:
    """The time a severance stands for, in words: ``1 year``, ``18 months``, ``0.7692 years``."""
    if years.denominator == 1:
        return f"{years.numerator} year" + ("s" if years.numerator != 1 else "")
    if (years * 12).denominator == 1:
        return f"{years * 12} months"
    return f"{(Decimal(years.numerator) / Decimal(years.denominator)).quantize(Decimal('0.0001'))} years"


def _delay_409a(letter: Letter, on: date, planned: list[tuple[date, Decimal]],
                why: Explanation) -> tuple[list[tuple[date, Decimal]], Explanation]:
    delay_end = add_months(on, SECTION_409A_MONTHS)
    held = [(d, a) for d, a in planned if d <= delay_end]
    if not held:
        return planned, because("{why}; none falls in the six months of the Section 409A delay", why=why)
    (catch_up,) = pay_dates_after(letter.compensation.pay_frequency, letter.position.start_date, delay_end, 1)
    later = [(d, a) for d, a in planned if d > delay_end]
    amount = sum((a for _, a in held), Decimal("0.00"))
    if later and later[0][0] == catch_up:
        amount += later.pop(0)[1]
    out = [(catch_up, amount), *later]
    held_sum = sum((a for _, a in held), Decimal("0.00"))
    what = ("the payment due by {end:long_date} is paid" if len(held) == 1
            else "the {n} payments due by {end:long_date} ({held:money}) are paid together")
    return out, because(
        "{why}; Section 409A delay: " + what + " on {catch_up:long_date}, the first pay date after six months",
        why=why, n=len(held), end=delay_end, held=held_sum, catch_up=catch_up)


# ---------------------------------------------------------------- the scenario


def run_scenario(
    letter: Letter, kind: ScenarioKind, on: date, change_of_control_on: date | None = None
) -> Scenario:
    """The outcome of a termination of ``kind`` on ``on``.

    Args:
        change_of_control_on: Change of Control only: when the Change of Control happened; by
            default the termination date (so the termination is inside the window).

    Raises:
        ScenarioError: ``on`` is before the start date, or the letter does not provide for ``kind``.
    """
    start = letter.position.start_date
    if on < start:
        raise ScenarioError(
            f"the termination date {on.isoformat()} is before the start date {start.isoformat()}; "
            "choose a date on or after the start"
        )
    if kind not in scenario_kinds(letter):
        raise ScenarioError(f"{_MISSING[kind]}; choose another kind of termination")
    coc_on = change_of_control_on or on
    terms, window = _terms(letter, kind, on, coc_on)
    severance = terms.severance
    if severance is None:
        total = Figure(Decimal("0.00"), because("no severance: {terms}", terms=terms.why))
        payments: Figure[tuple[Payment, ...]] = Figure((), because("no severance is paid"))
        release: Figure[date | None] = Figure(None, because("no severance, so no release"))
    else:
        due = severance_due(letter, severance, on)
        note = " (reduced by any severance under another Company plan or policy)" if severance.offset_other_plans else ""
        total = Figure(due.amount, because("{how}, rounded half up to the cent{note} ({terms})", how=due.why,
                                           note=note, terms=terms.why))
        payments = _payments(letter, severance, on, due)
        release = (Figure(on + timedelta(days=severance.release_days),
                          because("the release must be effective {days} days after the termination",
                                  days=severance.release_days))
                   if severance.release_required else Figure(None, because("the severance needs no release")))
    figures = grant_figures(letter)
    outcomes, event = _grant_outcomes(figures, terms, on, kind)
    unsized = [g.index + 1 for g in figures if g.shares.value is None]
    uncounted = (f"; grant {', '.join(map(str, unsized))} is stated in dollars without a share price for "
                 "estimates, so its shares are not counted") if unsized else ""
    repayments = _repayments(letter, kind, on)
    repaid_sum = sum((r.amount.value for r in repayments), Decimal("0.00"))
    if kind in (ScenarioKind.RESIGNATION, ScenarioKind.FOR_CAUSE):
        repaid_why = (because("the sum of the repayments listed") if repayments
                      else because("no signing, retention or relocation payment is repayable on this date"))
    else:
        repaid_why = because("signing, retention and relocation payments are repaid only on a resignation or a "
                             "termination for Cause")
    return Scenario(
        kind=kind,
        termination_date=on,
        change_of_control_date=coc_on if kind is ScenarioKind.CHANGE_OF_CONTROL else None,
        terms=terms.why,
        inside_protection_window=window,
        severance_total=total,
        severance_payments=payments,
        release_deadline=release,
        pro_rata_bonus=_pro_rata_bonus(letter, severance, on),
        notice_pay=_notice_pay(letter, kind, on),
        death_benefit=_death_benefit(letter, kind),
        repayments=repayments,
        repaid_total=Figure(repaid_sum, repaid_why),
        grants=outcomes,
        vested_shares=Figure(sum(o.vested for o in outcomes),
                             because("installments dated on or before {on:long_date}{u}", on=on, u=uncounted)),
        accelerated_shares=Figure(sum(o.accelerated for o in outcomes),
                                  because("{why}, rounded down to whole shares per grant", why=terms.accelerate_why)
                                  if terms.accelerate_percent else terms.accelerate_why),
        forfeited_shares=Figure(sum(o.forfeited for o in outcomes),
                                because("unvested shares not accelerated are forfeited on termination")),
        event_acceleration=event,
        exercise_deadline=_exercise_deadline(letter, kind, on),
        benefits_end=_benefits_end(letter, kind, severance, on),
        noncompete_end=_noncompete_end(letter, kind, on, payments.value),
        nonsolicit_end=_nonsolicit_end(letter, kind, on),
        garden_leave_pay=_garden_leave_pay(letter, kind, on),
    )


def _grant_outcomes(figures: tuple[GrantFigures, ...], terms: _Terms, on: date,
                    kind: ScenarioKind) -> tuple[tuple[GrantOutcome, ...], Figure[int] | None]:
    outcomes = []
    at_event = 0
    for g in figures:
        shares = g.shares.value
        if shares is None:
            continue
        vested = vested_on(g.installments, on)
        unvested = shares - vested
        counted_on = terms.accelerate_on or on
        basis = shares - vested_on(g.installments, counted_on)
        accelerated = min(int(basis * terms.accelerate_percent // 100), unvested)
        at_event += int(basis * terms.accelerate_percent // 100)
        outcomes.append(GrantOutcome(g.index, g.kind, shares, vested, accelerated, unvested - accelerated))
    event = None
    if kind is ScenarioKind.CHANGE_OF_CONTROL and terms.accelerate_on is not None:
        event = Figure(at_event, because("single trigger: {why} on {day:long_date}, rounded down per grant",
                                         why=terms.accelerate_why, day=terms.accelerate_on))
    return tuple(outcomes), event


def _repayments(letter: Letter, kind: ScenarioKind, on: date) -> tuple[Repaid, ...]:
    if kind not in (ScenarioKind.RESIGNATION, ScenarioKind.FOR_CAUSE):
        return ()
    return tuple(r for p in award_payments(letter) if (r := repaid_on(p, on)) is not None)


def _pro_rata_bonus(letter: Letter, severance: Severance | None, on: date) -> Figure[Decimal | None]:
    if severance is None or not severance.pro_rata_bonus:
        return Figure(None, because("the letter pays no pro-rated bonus on this termination"))
    target = target_bonus_on(letter, on).value
    if target is None:
        return Figure(None, because("the letter sets no target bonus to pro-rate"))
    first = max(date(on.year, 1, 1), letter.position.start_date)
    days, year_days = (on - first).days + 1, days_in_year(on.year)
    return Figure(to_cents(target * days / year_days),
                  because("target {target:money} x {days} days employed in {year} ({first:long_date} to "
                          "{on:long_date}) / {year_days}, rounded half up to the cent", target=target, days=days,
                          year=on.year, first=first, on=on, year_days=year_days))


def _notice_pay(letter: Letter, kind: ScenarioKind, on: date) -> Figure[Decimal | None]:
    notice = letter.termination.notice
    if notice is None or not notice.pay_in_lieu:
        return Figure(None, because("the letter provides no pay in lieu of notice"))
    salary = salary_on(letter, on).value
    if kind is ScenarioKind.WITHOUT_CAUSE and notice.company_days:
        days, who = notice.company_days, "if the Company ends employment without its {days} days' notice"
    elif kind is ScenarioKind.RESIGNATION:
        days, who = notice.resignation_days, "if the Company waives your {days} days' notice and ends employment at once"
    else:
        return Figure(None, because("no notice period applies to this termination"))
    return Figure(to_cents(salary * days / DAYS_PER_YEAR),
                  because("{days} days x {salary:money} / 365, " + who, days=days, salary=salary))


def _death_benefit(letter: Letter, kind: ScenarioKind) -> Figure[Decimal | None]:
    death = letter.termination.death
    if kind is not ScenarioKind.DEATH or death is None or death.cash_benefit is None:
        return Figure(None, because("the letter pays no cash benefit on this termination"))
    return Figure(death.cash_benefit, because("the lump sum the letter pays to the estate"))


def _exercise_deadline(letter: Letter, kind: ScenarioKind, on: date) -> Figure[date | None]:
    if letter.equity is None or not any(g.kind.is_option for g in letter.equity.grants):
        return Figure(None, because("the letter grants no options"))
    t = letter.termination
    months = None
    if kind is ScenarioKind.DISABILITY and t.disability is not None:
        months = t.disability.exercise_months
    if kind is ScenarioKind.DEATH and t.death is not None:
        months = t.death.exercise_months
    if months is None:
        return Figure(None, because("per the option agreement: the letter sets no exercise period for this case"))
    return Figure(
        add_months(on, months),
        because("{months} months after {on:long_date} ({kind})", months=months, on=on, kind=_in_words(kind)),
    )


def _benefits_end(letter: Letter, kind: ScenarioKind, severance: Severance | None, on: date) -> Figure[date | None]:
    disability = letter.termination.disability
    if kind is ScenarioKind.DISABILITY and disability is not None and disability.benefit_months:
        months = disability.benefit_months
        return Figure(add_months(on, months),
                      because("health coverage continues {months} months after {on:long_date}", months=months, on=on))
    if severance is not None and severance.cobra_months:
        months = severance.cobra_months
        return Figure(add_months(on, months),
                      because("the Company pays COBRA premiums for {months} months after {on:long_date}",
                              months=months, on=on))
    return Figure(None, because("the letter continues no health coverage on this termination"))


def _noncompete_end(letter: Letter, kind: ScenarioKind, on: date,
                    payments: tuple[Payment, ...]) -> Figure[date | None]:
    covenant = letter.covenants.noncompete if letter.covenants else None
    if covenant is None:
        return Figure(None, because("the letter has no non-compete"))
    if kind is ScenarioKind.DEATH:
        return Figure(None, because("no covenant runs after a death"))
    last = payments[-1].date if payments else None
    if covenant.starts is NoncompeteStart.LATER_OF_TERMINATION_AND_SEVERANCE and last and last > on:
        return Figure(add_months(last, covenant.months), because(
            "{months} months after the later of the termination {on:long_date} and the last severance "
            "payment {last:long_date}", months=covenant.months, on=on, last=last))
    return Figure(add_months(on, covenant.months),
                  because("{months} months after the termination date {on:long_date}", months=covenant.months, on=on))


def _garden_leave_pay(letter: Letter, kind: ScenarioKind, on: date) -> Figure[Decimal | None]:
    covenant = letter.covenants.noncompete if letter.covenants else None
    if covenant is None or covenant.garden_leave_percent is None or kind is ScenarioKind.DEATH:
        return Figure(None, because("the letter pays no garden leave on this termination"))
    highest = max(c.salary for c in salary_changes(letter) if c.effective <= on)
    percent = covenant.garden_leave_percent
    return Figure(to_cents(highest * percent / 100 * covenant.months / 12),
                  because("{percent}% of the highest salary {salary:money} x {months} months of the non-compete / 12, "
                          "rounded half up to the cent", percent=percent, salary=highest, months=covenant.months))


def _nonsolicit_end(letter: Letter, kind: ScenarioKind, on: date) -> Figure[date | None]:
    covenant = letter.covenants.nonsolicit if letter.covenants else None
    if covenant is None:
        return Figure(None, because("the letter has no non-solicit"))
    if kind is ScenarioKind.DEATH:
        return Figure(None, because("no covenant runs after a death"))
    return Figure(add_months(on, covenant.months),
                  because("{months} months after the termination date {on:long_date}", months=covenant.months, on=on))
