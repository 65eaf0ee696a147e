"""What the calculations were under the baseline and are now: pay, cost, vesting, exposure.

Figures come from :mod:`app.calc` (the one home of every computation) and are formatted with
:mod:`app.documents.formatting`. Termination scenarios are run for both letters on the same date, so
a severance figure compares like with like. :func:`letter_figures` is separate from
:func:`compare_figures` so a view can compute the baseline's figures once and reuse them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.calc.dates import default_scenario_date
from app.calc.explain import Figure
from app.calc.scenarios import ScenarioError, ScenarioKind, run_scenario, scenario_kinds
from app.calc.summary import calculate
from app.documents import formatting
from app.domain.letter import Letter

# The kinds whose figures depend on the letter's terms, where the letter provides for them (for Cause
# pays nothing; a resignation only repays signing bonuses, compared for the resignation).
SCENARIO_KINDS = (
    ScenarioKind.WITHOUT_CAUSE,
    ScenarioKind.GOOD_REASON,
    ScenarioKind.RESIGNATION,
    ScenarioKind.CHANGE_OF_CONTROL,
    ScenarioKind.DISABILITY,
    ScenarioKind.DEATH,
)
_LISTED_INSTALLMENTS = 4
_NONE = "none"


@dataclass(frozen=True, slots=True)
class FigureValue:
    """One figure of one letter: its key, where it belongs, its label, value and explanation."""

    key: str
    group: str
    label: str
    value: str
    why: str


@dataclass(frozen=True, slots=True)
class FigureDelta:
    """One figure under the baseline and now; ``old``/``new`` are ``None`` where a letter lacks it."""

    key: str
    group: str
    label: str
    old: str | None
    new: str | None
    old_why: str
    new_why: str

    @property
    def changed(self) -> bool:
        return self.old != self.new

    def describe(self, arrow: str = "->") -> str:
        return f"{self.label}: {self.old or _NONE} {arrow} {self.new or _NONE}"


def scenario_date(old: Letter, new: Letter) -> date:
    """The default termination date of both letters' scenarios: the default after the later start."""
    return default_scenario_date(max(old.position.start_date, new.position.start_date))


def figure_deltas(old: Letter, new: Letter, on: date | None = None) -> list[FigureDelta]:
    """Every figure of both letters (changed or not), with scenarios on ``on`` (default: :func:`scenario_date`)."""
    when = on or scenario_date(old, new)
    return compare_figures(letter_figures(old, when), letter_figures(new, when))


def compare_figures(old: Sequence[FigureValue], new: Sequence[FigureValue]) -> list[FigureDelta]:
    """Pair two letters' figures by key, in the current letter's order (the baseline's extras last)."""
    old_by_key = {f.key: f for f in old}
    new_keys = {f.key for f in new}
    out = []
    for figure in new:
        before = old_by_key.get(figure.key)
        out.append(
            FigureDelta(
                figure.key, figure.group, figure.label,
                before.value if before else None, figure.value,
                before.why if before else "", figure.why,
            )
        )
    for figure in old:
        if figure.key not in new_keys:
            out.append(FigureDelta(figure.key, figure.group, figure.label, figure.value, None, figure.why, ""))
    return out


def letter_figures(letter: Letter, on: date) -> tuple[FigureValue, ...]:
    """The figures of one letter, with the termination scenarios run on ``on``."""
    calc = calculate(letter)
    pay = calc.pay
    out: list[FigureValue] = []

    def add(key: str, group: str, label: str, figure: Figure[object], text: str) -> None:
        out.append(FigureValue(key, group, label, text, figure.explain(formatting.FILTERS)))

    add("pay.per_period", "Pay", f"Salary per pay period ({pay.frequency.value})", pay.per_period,
        formatting.money(pay.per_period.value))
    add("pay.annual_cash", "Pay", "Annual cash (salary and car allowance)", pay.annual_cash,
        formatting.money(pay.annual_cash.value))
    add("pay.first_pay_date", "Pay", "First pay date", pay.first_pay_date, formatting.long_date(pay.first_pay_date.value))
    add("cost.first_year", "Cost", "First-year cost", calc.cost.first_year_cost,
        formatting.money(calc.cost.first_year_cost.value))
    add("cost.largest_severance", "Cost", "Largest severance exposure", calc.cost.largest_severance,
        formatting.money(calc.cost.largest_severance.value))
    life = calc.benefits.life_insurance
    add("benefits.life_insurance", "Benefits", "Life insurance", life,
        _NONE if life.value is None else formatting.money(life.value))
    add("bonus.target", "Benefits", "Bonus at target", calc.bonus.target, _money_or_none(calc.bonus.target))
    add("bonus.first_year", "Benefits", "First-year bonus", calc.first_year_bonus.amount,
        _money_or_none(calc.first_year_bonus.amount))
    for n, payment in enumerate(calc.awards, start=1):
        out.append(FigureValue(f"awards.{n}", "Pay", payment.label,
                               f"{formatting.money(payment.amount)} on {formatting.long_date(payment.date)}",
                               payment.why.render(formatting.FILTERS)))
    for grant in calc.equity:
        group, name = "Equity", f"Equity grant {grant.index + 1}"
        count = grant.shares.value
        add(f"equity.{grant.index}.shares", group, f"{name}: shares", grant.shares,
            "not counted" if count is None else formatting.shares(count))
        price = grant.price_date
        add(f"equity.{grant.index}.price_date", group, f"{name}: option price date", price,
            "not applicable" if price.value is None else formatting.long_date(price.value))
        steps = grant.installments
        if len(steps) <= _LISTED_INSTALLMENTS:
            vesting = "; ".join(f"{formatting.shares(s.shares)} on {formatting.long_date(s.date)}" for s in steps)
        else:
            vesting = (
                f"{len(steps)} installments, {formatting.long_date(steps[0].date)} to "
                f"{formatting.long_date(steps[-1].date)}"
            )
        first = steps[0].why if steps else None
        out.append(
            FigureValue(f"equity.{grant.index}.vesting", group, f"{name}: vesting", vesting or _NONE,
                        first.render(formatting.FILTERS) if first else "")
        )
    provided = scenario_kinds(letter)
    for kind in (k for k in SCENARIO_KINDS if k in provided):
        try:
            scenario = run_scenario(letter, kind, on)
        except ScenarioError as exc:
            out.append(FigureValue(f"scenario.{kind.value}.severance", _scenario_group(kind, on),
                                   "Severance", "not computed", str(exc)))
            continue
        group = _scenario_group(kind, on)
        key = f"scenario.{kind.value}"
        if kind is ScenarioKind.RESIGNATION:
            if any(p.repayment is not None for p in calc.awards):
                add(f"{key}.repaid", group, "Repaid by the executive", scenario.repaid_total,
                    formatting.money(scenario.repaid_total.value))
            continue
        add(f"{key}.severance", group, "Severance", scenario.severance_total,
            formatting.money(scenario.severance_total.value))
        for field, label, figure in (("pro_rata_bonus", "Pro-rated bonus", scenario.pro_rata_bonus),
                                     ("death_benefit", "Paid to the estate", scenario.death_benefit)):
            if figure.value is not None:
                add(f"{key}.{field}", group, label, figure, formatting.money(figure.value))
        if letter.equity is not None:
            add(f"{key}.accelerated", group, "Shares vesting early", scenario.accelerated_shares,
                formatting.shares(scenario.accelerated_shares.value))
        if kind is ScenarioKind.WITHOUT_CAUSE:
            for field, label, day in (("noncompete_end", "Non-compete ends", scenario.noncompete_end),
                                      ("nonsolicit_end", "Non-solicit ends", scenario.nonsolicit_end)):
                if day.value is not None:
                    add(f"scenario.{field}", group, label, day, formatting.long_date(day.value))
    return tuple(out)


def _money_or_none(figure: Figure[Decimal | None]) -> str:
    return _NONE if figure.value is None else formatting.money(figure.value)


def _scenario_group(kind: ScenarioKind, on: date) -> str:
    return f"{kind.label} on {formatting.long_date(on)}"


__all__ = [
    "FigureDelta",
    "FigureValue",
    "SCENARIO_KINDS",
    "compare_figures",
    "figure_deltas",
    "letter_figures",
    "scenario_date",
]
