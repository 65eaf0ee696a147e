"""The figures as labelled lines, in the order the pane and the command-line table show them.

A line names its figure in the user's words, says how its value reads (a template naming a
format: ``{value:money}``, rendered with the formats of :mod:`app.documents.formatting` by the
caller, like explanations) and carries the key of the figure in ``offerdesk calc --json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.calc.explain import Explanation, Figure, Formats
from app.calc.scenarios import Scenario
from app.calc.summary import Calculations
from app.domain.letter import GrantKind, PayFrequency
from app.domain.problems import Problem, Severity

MONEY = "{value:money}"
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
    """

    key: str
    label: str
    figure: Figure[Any]
    shown_as: str = PLAIN
    when_none: str = "none"
    text_value: Any = None

    def text(self, formats: Formats | None = None) -> str:
        value = self.figure.value if self.text_value is None else self.text_value
        if value is None:
            return self.when_none
        return Explanation(self.shown_as, (("value", value),)).render(formats)

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
    GrantKind.RESTRICTED_STOCK: "shares of restricted stock",
}


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


def overview(calcs: Calculations) -> tuple[Section, ...]:
    """Pay, benefits and bonus, and cost: every figure that does not depend on a scenario."""
    pay, ben, bonus, cost = calcs.pay, calcs.benefits, calcs.first_year_bonus, calcs.cost
    return (
        Section("Pay", (
            Line("pay.annual_salary", "Annual salary", pay.annual_salary, MONEY),
            Line("pay.per_period", f"Per pay period ({pay.frequency.value}, {pay.periods_per_year} a year)",
                 pay.per_period, MONEY),
            Line("pay.first_pay_date", "First pay date", pay.first_pay_date, DATE),
            Line("pay.years_with_extra_pay_dates", _extra_label(pay.frequency, pay.periods_per_year),
                 pay.extra_pay_date_years,
                 text_value=_years(pay.extra_pay_date_years.value) or "none in the first 10 years"),
            _allowance("allowances.monthly", "Car allowance a month", pay.allowance_monthly),
            _allowance("allowances.annual", "Car allowance a year", pay.allowance_annual),
            Line("pay.annual_cash", "Annual cash (salary + allowance)", pay.annual_cash, MONEY),
        )),
        Section("Benefits and bonus", (
            Line("life_insurance", "Life insurance", ben.life_insurance, MONEY),
            Line("vacation_days", "Vacation (business days)", ben.vacation_days),
            Line("first_year_bonus.days_employed", f"Days employed in {bonus.year}", bonus.days_employed),
            Line("first_year_bonus.days_in_year", f"Days in {bonus.year}", bonus.days_in_year),
            Line("first_year_bonus.fraction", "First-year bonus fraction", bonus.fraction),
            Line("first_year_bonus.amount", "First-year bonus", bonus.amount, MONEY, when_none="no target set"),
        )),
        Section("Cost to the Company", (
            Line("cost.first_year_cost", "First-year cost", cost.first_year_cost, MONEY),
            Line("cost.largest_severance", "Largest severance", cost.largest_severance, MONEY),
        )),
    )


def scenario_section(scenario: Scenario) -> Section:
    """The figures of one termination scenario (the payments are listed separately)."""
    s = scenario
    lines: list[Line] = []
    if s.inside_protection_window is not None:
        inside = s.inside_protection_window
        lines.append(Line("scenario.inside_protection_window", "Protection window", inside,
                          text_value="inside" if inside.value else "outside"))
    lines.append(Line("scenario.severance_total", "Severance", s.severance_total, MONEY))
    if s.severance_payments.value:
        lines.append(Line("scenario.last_severance_payment", "Last severance payment",
                          Figure(s.last_severance_date, s.severance_payments.why), DATE))
    lines += [
        Line("scenario.vested_shares", "Shares vested", s.vested_shares, SHARES),
        Line("scenario.accelerated_shares", "Shares accelerated", s.accelerated_shares, SHARES),
        Line("scenario.forfeited_shares", "Shares forfeited", s.forfeited_shares, SHARES),
        Line("scenario.exercise_deadline", "Options exercisable until", s.exercise_deadline, DATE,
             when_none="per the option agreement"),
        Line("scenario.benefits_end", "Health coverage until", s.benefits_end, DATE, when_none="not continued"),
        Line("scenario.noncompete_end", "Non-compete ends", s.noncompete_end, DATE),
        Line("scenario.nonsolicit_end", "Non-solicit ends", s.nonsolicit_end, DATE),
    ]
    return Section(s.kind.label, tuple(lines))


# The figure groups, and the terms of the letter each one is computed from (by top-level key, or
# key and field). An error in one of these terms blocks the group.
FIGURE_GROUPS: dict[str, tuple[tuple[str, ...], ...]] = {
    "Pay": (("compensation",), ("transportation",), ("position", "start_date")),
    "Benefits and bonus": (("benefits",), ("compensation",), ("position", "start_date")),
    "Cost to the Company": (("compensation",), ("transportation",), ("termination",)),
    "Equity vesting and pricing dates": (("equity",), ("position", "start_date")),
    "Termination scenarios": (
        ("termination",), ("compensation",), ("equity",), ("covenants",), ("position", "start_date"),
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
