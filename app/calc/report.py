"""The figures as labelled lines, in the order the pane and the command-line table show them.

A line names its figure in the user's words, says how its value reads (a template naming a
format: ``{value:money}``, rendered with the formats of :mod:`app.documents.formatting` by the
caller, like explanations) and carries the key of the figure in ``offerdesk calc --json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.calc.awards import award_payments
from app.calc.equity import GrantFigures
from app.calc.explain import Explanation, Figure, Formats
from app.calc.scenarios import Scenario, ScenarioKind
from app.calc.summary import Calculations
from app.domain.letter import GrantKind, Letter, PayFrequency
from app.domain.problems import Problem, Severity

MONEY = "{value:money}"
MONEY_ON = "{value:money} on {on:long_date}"
DATE = "{value:long_date}"
SHARES = "{value:shares}"
PLAIN = "{value}"


@dataclass(frozen=True, slots=True)
class Line:
    """One labelled figure.

    Attributes:
        key: the figure's dotted key in the JSON output (``pay.per_period``).
        shown_as: how the value reads, a template over ``value``.
        when_none: what to show when the value is ``None``.
        text_value: the value to show instead of the figure's own (a list of years as text).
        extra: more values ``shown_as`` names (``{value:money} on {on:long_date}``).
    """

    key: str
    label: str
    figure: Figure[Any]
    shown_as: str = PLAIN
    when_none: str = "none"
    text_value: Any = None
    extra: tuple[tuple[str, Any], ...] = ()

    def text(self, formats: Formats | None = None) -> str:
        value = self.figure.value if self.text_value is None else self.text_value
        if value is None:
            return self.when_none
        return Explanation(self.shown_as, (("value", value), *self.extra)).render(formats)

    def explain(self, formats: Formats | None = None) -> str:
        return self.figure.explain(formats)


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    lines: tuple[Line, ...]


GRANT_KIND_LABELS: dict[GrantKind, str] = {
    GrantKind.NON_QUALIFIED_OPTION: "non-qualified stock options",
    GrantKind.INCENTIVE_STOCK_OPTION: "incentive stock options",
    GrantKind.RSU: "restricted stock units",
    GrantKind.PSU: "performance stock units (at target)",
    GrantKind.RESTRICTED_STOCK: "shares of restricted stock",
}


def grant_title(grant: GrantFigures, shares_format: Formats | None = None) -> str:
    """``Grant 1: 150,000 non-qualified stock options``; ``Grant 2: restricted stock units (shares not
    counted)`` for a grant in dollars without a share price."""
    count = grant.shares.value
    what = GRANT_KIND_LABELS[grant.kind]
    if count is None:
        return f"Grant {grant.index + 1}: {what} (shares not counted)"
    return f"Grant {grant.index + 1}: {Explanation(SHARES, (('value', count),)).render(shares_format)} {what}"


def _years(years: Sequence[int]) -> str | None:
    return ", ".join(str(y) for y in years) or None


def _extra_label(frequency: PayFrequency, periods: int) -> str:
    if frequency in (PayFrequency.WEEKLY, PayFrequency.BI_WEEKLY):
        return f"Years with {periods + 1} pay dates"
    return "Years with an extra pay date"


def _allowance(key: str, label: str, figure: Figure[Any]) -> Line:
    """A car allowance line: "none" for a letter without one (its figure, and so the JSON, stays 0.00)."""
    if figure.value:
        return Line(key, label, figure, MONEY)
    return Line(key, label, figure, text_value="none")


def _pay(calcs: Calculations) -> Section:
    pay = calcs.pay
    lines = [Line("pay.annual_salary", "Annual salary", pay.annual_salary, MONEY)]
    if pay.prior_salary.value is not None:
        lines.append(Line("pay.prior_salary", "Increased from", pay.prior_salary, MONEY))
    for n, step in enumerate(pay.salary_steps, start=1):
        lines.append(Line(f"pay.salary_step_{n}", f"Scheduled increase {n}", Figure(step.value.salary, step.why),
                          MONEY_ON, extra=(("on", step.value.effective),)))
    lines += [
        Line("pay.per_period", f"Per pay period ({pay.frequency.value}, {pay.periods_per_year} a year)",
             pay.per_period, MONEY),
        Line("pay.first_pay_date", "First pay date", pay.first_pay_date, DATE),
        Line("pay.years_with_extra_pay_dates", _extra_label(pay.frequency, pay.periods_per_year),
             pay.extra_pay_date_years, text_value=_years(pay.extra_pay_date_years.value) or "none in the first 10 years"),
        _allowance("allowances.monthly", "Car allowance a month", pay.allowance_monthly),
        _allowance("allowances.annual", "Car allowance a year", pay.allowance_annual),
        Line("pay.annual_cash", "Annual cash (salary + allowance)", pay.annual_cash, MONEY),
    ]
    for n, p in enumerate(calcs.awards, start=1):
        lines.append(Line(f"awards.payment_{n}", p.label, Figure(p.amount, p.why), MONEY_ON, extra=(("on", p.date),)))
    return Section("Pay", tuple(lines))


def _benefits(calcs: Calculations) -> Section:
    ben, bonus, first = calcs.benefits, calcs.bonus, calcs.first_year_bonus
    lines = [
        Line("life_insurance", "Life insurance", ben.life_insurance, MONEY),
        Line("vacation_days", "Vacation (business days)", ben.vacation_days),
    ]
    if ben.allowances_annual.value:
        lines.append(Line("benefits.allowances_annual", "Other allowances a year", ben.allowances_annual, MONEY))
    if ben.retirement_match.value is not None:
        lines.append(Line("benefits.retirement_match", "401(k) match a year", ben.retirement_match, MONEY))
    if not bonus.program:
        lines.append(Line("bonus.target", "Cash bonus", bonus.target, MONEY, when_none="no bonus program"))
        return Section("Benefits and bonus", tuple(lines))
    lines.append(Line("bonus.target", "Bonus at target", bonus.target, MONEY, when_none="no target set"))
    if bonus.range_from.value is not None:
        lines.append(Line("bonus.range_from", "Bonus range from", bonus.range_from, MONEY))
    if bonus.maximum.value is not None:
        lines.append(Line("bonus.maximum", "Bonus at most", bonus.maximum, MONEY))
    if bonus.guaranteed.value is not None:
        lines.append(Line("bonus.guaranteed", "Guaranteed first-year bonus", bonus.guaranteed, MONEY))
    lines += [
        Line("first_year_bonus.days_employed", f"Days employed in {first.year}", first.days_employed),
        Line("first_year_bonus.days_in_year", f"Days in {first.year}", first.days_in_year),
        Line("first_year_bonus.fraction", "First-year bonus fraction", first.fraction),
        Line("first_year_bonus.amount", "First-year bonus", first.amount, MONEY, when_none="no target set"),
    ]
    return Section("Benefits and bonus", tuple(lines))


def overview(calcs: Calculations) -> tuple[Section, ...]:
    """Pay, benefits and bonus, and cost: every figure that does not depend on a scenario."""
    cost = calcs.cost
    return (
        _pay(calcs),
        _benefits(calcs),
        Section("Cost to the Company", (
            Line("cost.first_year_salary", "Salary in the first 12 months", cost.first_year_salary, MONEY),
            Line("cost.first_year_cost", "First-year cost", cost.first_year_cost, MONEY),
            Line("cost.largest_severance", "Largest severance", cost.largest_severance, MONEY),
        )),
    )


def scenario_section(scenario: Scenario, letter: Letter) -> Section:
    """The figures of one termination scenario (the payments are listed separately).

    Only the figures the letter gives rise to: no covenant line for a letter without that covenant
    (or after a death), no share lines without equity, a repayment line only on a resignation or a
    termination for Cause of a letter with repayable payments.
    """
    s = scenario
    lines: list[Line] = []
    if s.inside_protection_window is not None:
        inside = s.inside_protection_window
        lines.append(Line("scenario.inside_protection_window", "Protection window", inside,
                          text_value="inside" if inside.value else "outside"))
    lines.append(Line("scenario.severance_total", "Severance", s.severance_total, MONEY))
    payments = s.severance_payments.value
    if len(payments) == 1:
        lines.append(Line("scenario.last_severance_payment", "Paid in one sum on",
                          Figure(s.last_severance_date, s.severance_payments.why), DATE))
    elif payments:
        lines.append(Line("scenario.last_severance_payment", "Last severance payment",
                          Figure(s.last_severance_date, s.severance_payments.why), DATE))
    optional = [
        ("scenario.release_deadline", "Release effective by", s.release_deadline, DATE),
        ("scenario.pro_rata_bonus", "Pro-rated bonus", s.pro_rata_bonus, MONEY),
        ("scenario.notice_pay", "Pay in lieu of notice", s.notice_pay, MONEY),
        ("scenario.death_benefit", "Paid to the estate", s.death_benefit, MONEY),
    ]
    lines += [Line(key, label, figure, shown) for key, label, figure, shown in optional if figure.value is not None]
    repays = s.kind in (ScenarioKind.RESIGNATION, ScenarioKind.FOR_CAUSE)
    if repays and any(p.repayment is not None for p in award_payments(letter)):
        lines.append(Line("scenario.repaid_total", "Repaid by the executive", s.repaid_total, MONEY))
        for n, r in enumerate(s.repayments, start=1):
            lines.append(Line(f"scenario.repayment_{n}", f"{r.payment.label} repaid", r.amount,
                              "{value:money} by {on:long_date}", extra=(("on", r.due),)))
    if letter.equity is not None:
        if s.event_acceleration is not None:
            lines.append(Line("scenario.event_acceleration", "Shares vesting on the Change of Control",
                              s.event_acceleration, SHARES))
        lines += [
            Line("scenario.vested_shares", "Shares vested", s.vested_shares, SHARES),
            Line("scenario.accelerated_shares", "Shares accelerated", s.accelerated_shares, SHARES),
            Line("scenario.forfeited_shares", "Shares forfeited", s.forfeited_shares, SHARES),
        ]
        if any(g.kind.is_option for g in letter.equity.grants):
            lines.append(Line("scenario.exercise_deadline", "Options exercisable until", s.exercise_deadline, DATE,
                              when_none="per the option agreement"))
    lines.append(Line("scenario.benefits_end", "Health coverage until", s.benefits_end, DATE, when_none="not continued"))
    if s.noncompete_end.value is not None:
        lines.append(Line("scenario.noncompete_end", "Non-compete ends", s.noncompete_end, DATE))
    if s.garden_leave_pay.value is not None:
        lines.append(Line("scenario.garden_leave_pay", "Garden leave pay", s.garden_leave_pay, MONEY))
    if s.nonsolicit_end.value is not None:
        lines.append(Line("scenario.nonsolicit_end", "Non-solicit ends", s.nonsolicit_end, DATE))
    return Section(s.kind.label, tuple(lines))


# The figure groups, and the terms of the letter each one is computed from (by top-level key, or
# key and field). An error in one of these terms blocks the group.
FIGURE_GROUPS: dict[str, tuple[tuple[str, ...], ...]] = {
    "Pay": (("compensation",), ("transportation",), ("cash_awards",), ("relocation",), ("conditions",),
            ("position", "start_date")),
    "Benefits and bonus": (("benefits",), ("perquisites",), ("compensation",), ("position", "start_date")),
    "Cost to the Company": (("compensation",), ("transportation",), ("perquisites",), ("cash_awards",),
                            ("relocation",), ("benefits",), ("termination",), ("term",)),
    "Equity vesting and pricing dates": (("equity",), ("position", "start_date")),
    "Termination scenarios": (
        ("termination",), ("compensation",), ("equity",), ("covenants",), ("cash_awards",), ("relocation",),
        ("term",), ("position", "start_date"),
    ),
}


def blocked_figures(problems: Sequence[Problem]) -> tuple[tuple[Problem, tuple[str, ...]], ...]:
    """Each error with the figure groups (of :data:`FIGURE_GROUPS`) computed from its term.

    An error in a term no figure uses (the letter as a whole, or, say, the arbitration clause) comes
    with no group: it still blocks every figure, as figures are computed only for a letter without errors.
    """
    return tuple(
        (p, tuple(group for group, terms in FIGURE_GROUPS.items() if any(p.path[: len(t)] == t for t in terms)))
        for p in problems
        if p.severity is Severity.ERROR
    )
