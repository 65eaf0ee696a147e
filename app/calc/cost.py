"""What the offer costs the Company: the first year and the largest severance it could owe."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.calc.explain import Figure, because
from app.calc.pay import PayFigures
from app.calc.rounding import to_cents
from app.calc.scenarios import ScenarioKind, severance_amount
from app.domain.letter import Letter

# Included in the first-year cost; everything else is left out and said so in the explanation.
FIRST_YEAR_COST_EXCLUDES = (
    "bonus (the letter sets no target), equity (no grant-date value), benefit premiums, "
    "expense reimbursements and employer payroll taxes"
)


@dataclass(frozen=True, slots=True)
class CostSummary:
    """``largest_severance_kinds`` lists every kind that pays the largest severance (ties included)."""

    first_year_cost: Figure[Decimal]
    largest_severance: Figure[Decimal]
    largest_severance_kinds: tuple[ScenarioKind, ...]


def _severance_months_by_kind(letter: Letter) -> dict[ScenarioKind, int]:
    t = letter.termination
    months = {
        ScenarioKind.WITHOUT_CAUSE: t.without_cause.severance_months,
        ScenarioKind.DISABILITY: t.disability.severance_months,
    }
    if t.change_of_control is not None:
        months[ScenarioKind.CHANGE_OF_CONTROL] = t.change_of_control.severance_months
    return months


def cost_summary(letter: Letter, pay: PayFigures) -> CostSummary:
    salary = pay.annual_salary.value
    allowance = pay.allowance_annual.value
    first_year = Figure(
        to_cents(salary + allowance),
        because(
            "salary for the first 12 months {salary:money} + 12 months of car allowance {allowance:money}; "
            "excludes {excluded}",
            salary=salary, allowance=allowance, excluded=FIRST_YEAR_COST_EXCLUDES,
        ),
    )
    months = _severance_months_by_kind(letter)
    most = max(months.values())
    kinds = tuple(k for k, m in months.items() if m == most)
    largest = Figure(
        severance_amount(salary, most),
        because(
            "{months} months x {salary:money} / 12, under: {kinds} (for Cause, resignation and death pay none)",
            months=most, salary=salary, kinds=", ".join(k.label for k in kinds),
        ),
    )
    return CostSummary(first_year, largest, kinds)
