"""What the offer costs the Company: the first year and the largest severance it could owe.

First-year cost, over the first 12 months from the start: the salary earned (at the salary in force
each day, so a step-up inside the year counts from its date), one year's bonus at target (or the
guaranteed bonus when larger), the signing and retention installments paid before those months end
(one paid at a closing before the start included), 12 months
of car allowance (or lease) and other allowances, the 401(k) match for a year and the relocation
benefit (a reimbursement at its cap). Equity, benefit premiums, expense reimbursements and employer
payroll taxes are left out, and the explanation says so.

Largest severance: the severance of each kind the letter pays one for, on the default scenario date
(:func:`app.calc.dates.default_scenario_date`), as severance can depend on the date (salary steps,
service, the rest of a term).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.calc.awards import award_payments, paid_by
from app.calc.benefits import BenefitFigures
from app.calc.bonus import BonusFigures
from app.calc.dates import add_months, default_scenario_date
from app.calc.explain import Figure, because
from app.calc.pay import PayFigures
from app.calc.rounding import to_cents
from app.calc.salary import salary_over
from app.calc.scenarios import ScenarioKind, scenario_kinds, severance_due
from app.domain.letter import Letter, Severance

FIRST_YEAR_COST_EXCLUDES = "equity, benefit premiums, expense reimbursements and employer payroll taxes"


@dataclass(frozen=True, slots=True)
class CostSummary:
    """``largest_severance_kinds`` lists every kind that pays the largest severance (ties included).

    ``first_year_salary`` and ``first_year_bonus`` are parts of ``first_year_cost``.
    """

    first_year_salary: Figure[Decimal]
    first_year_cost: Figure[Decimal]
    largest_severance: Figure[Decimal]
    largest_severance_kinds: tuple[ScenarioKind, ...]


def _severances(letter: Letter) -> dict[ScenarioKind, Severance]:
    t = letter.termination
    kinds = scenario_kinds(letter)
    out: dict[ScenarioKind, Severance] = {}
    if t.without_cause is not None:
        out[ScenarioKind.WITHOUT_CAUSE] = t.without_cause.severance
    if t.change_of_control is not None and ScenarioKind.CHANGE_OF_CONTROL in kinds:
        out[ScenarioKind.CHANGE_OF_CONTROL] = t.change_of_control.severance
    if t.disability is not None and t.disability.severance is not None:
        out[ScenarioKind.DISABILITY] = t.disability.severance
    return out


def cost_summary(letter: Letter, pay: PayFigures, bonus: BonusFigures, benefits: BenefitFigures) -> CostSummary:
    start = letter.position.start_date
    year_end = add_months(start, 12)
    salary = to_cents(salary_over(letter, start, year_end, (year_end - start).days))
    salary_figure = Figure(salary, because("salary earned {start:long_date} to {end:long_date}, each day at the "
                                           "salary in force", start=start, end=year_end))
    target, guarantee = bonus.target.value, bonus.guaranteed.value
    year_bonus = max(target or Decimal(0), guarantee or Decimal(0))
    awards = award_payments(letter)
    # A payment at a closing before the start (a signing bonus on the merger's closing) is in the first year too.
    cash_awards = paid_by(tuple(p for p in awards if p.award >= 0), date.min, year_end)
    relocation = paid_by(tuple(p for p in awards if p.award < 0), date.min, year_end)
    match = benefits.retirement_match.value or Decimal(0)
    parts = [
        ("salary", salary),
        ("bonus at target" if year_bonus == (target or 0) else "guaranteed bonus", year_bonus),
        ("signing and retention bonuses paid in the year", cash_awards),
        ("car allowance", pay.allowance_annual.value),
        ("other allowances", benefits.allowances_annual.value),
        ("401(k) match", match),
        ("relocation", relocation),
    ]
    shown = [(name, amount) for name, amount in parts if amount or name == "salary"]
    total = to_cents(sum((amount for _, amount in shown), Decimal(0)))
    template = " + ".join(f"{name} {{p{i}:money}}" for i, (name, _) in enumerate(shown))
    values = {f"p{i}": amount for i, (_, amount) in enumerate(shown)}
    no_bonus = ", and the bonus (the letter sets no target or guarantee)" if not year_bonus else ""
    first_year = Figure(total, because(template + "; excludes {excluded}" + no_bonus,
                                       excluded=FIRST_YEAR_COST_EXCLUDES, **values))
    on = default_scenario_date(start)
    amounts = {kind: severance_due(letter, s, on) for kind, s in _severances(letter).items()}
    if not amounts:
        largest = Figure(Decimal("0.00"), because("the letter provides no severance on any termination"))
        return CostSummary(salary_figure, first_year, largest, ())
    most = max(d.amount for d in amounts.values())
    kinds = tuple(k for k, d in amounts.items() if d.amount == most)
    largest = Figure(most, because(
        "{how}, under: {kinds}, for a termination on {on:long_date} (for Cause and resignation pay none)",
        how=amounts[kinds[0]].why, kinds=", ".join(k.label for k in kinds), on=on))
    return CostSummary(salary_figure, first_year, largest, kinds)
