"""Letters for the calculation tests: the sample with some terms changed."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from app.domain.letter import Letter
from app.domain.problems import parse_path
from app.domain.rules import validate_draft
from app.domain.sample import sample_letter


def letter_with(changes: dict[str, Any] | None = None) -> Letter:
    """The sample letter with ``{"dotted.path": value}`` changes; the letter date follows the start date.

    The result must pass every rule (errors), so the tests only see letters the app would calculate.
    """
    draft = sample_letter().model_dump(mode="json")
    for dotted, value in (changes or {}).items():
        *parents, leaf = parse_path(dotted)
        node: Any = draft
        for part in parents:
            node = node[part]
        node[leaf] = value
    draft["letter"]["letter_date"] = draft["position"]["start_date"]
    letter, problems = validate_draft(draft)
    errors = [str(p) for p in problems if p.severity.value == "error"]
    assert letter is not None and not errors, errors
    return letter


def grant(
    kind: str = "non_qualified_option", shares: int = 150_000, vesting: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One grant as a draft dict; ``vesting`` defaults to three equal annual installments."""
    pricing = "close_prior_trading_day" if "option" in kind else "not_applicable"
    return {"kind": kind, "shares": shares, "pricing": pricing,
            "vesting": vesting or {"kind": "equal_annual", "years": 3}}


# ---------------------------------------------------------------- any valid letter (Hypothesis)

FORMULAS = ["months_of_salary", "salary_and_bonus_multiple", "weeks_per_service", "remainder_of_term"]


@st.composite
def severances(draw: st.DrawFn, has_target: bool, has_term: bool) -> dict[str, Any]:
    formula = draw(st.sampled_from(FORMULAS if has_term else FORMULAS[:3]))
    low = draw(st.none() | st.integers(1, 26))
    return {
        "formula": formula,
        "months": draw(st.integers(1, 36)),
        "multiple": draw(st.sampled_from(["0.5", "1", "1.5", "2.99"])),
        "include_target_bonus": has_target and draw(st.booleans()),
        "weeks": draw(st.integers(1, 4)),
        "service_unit": draw(st.sampled_from(["year", "month"])),
        "minimum_weeks": low,
        "maximum_weeks": draw(st.none() | st.integers(low or 1, 104)),
        "payment": draw(st.sampled_from(["installments", "lump_sum"])),
        "lump_sum_days": draw(st.integers(1, 90)),
        "cobra_months": draw(st.none() | st.integers(1, 18)),
        "pro_rata_bonus": has_target and draw(st.booleans()),
        "release_required": draw(st.booleans()),
        "release_days": draw(st.integers(1, 90)),
        "specified_employee_delay": draw(st.booleans()),
    }


@st.composite
def any_letter(draw: st.DrawFn) -> Letter:
    """A valid letter of any shape: optional clauses on or off, every severance formula, awards, steps."""
    start = draw(st.dates(min_value=date(1995, 1, 1), max_value=date(2045, 12, 31)))
    salary = draw(st.integers(min_value=100_000, max_value=10**9)) / Decimal(100)
    has_target = draw(st.booleans())
    has_term = draw(st.booleans())
    has_good_reason = draw(st.booleans())
    grants = []
    for _ in range(draw(st.integers(0, 3))):
        years = draw(st.integers(1, 6))
        shape = draw(st.sampled_from(["equal_annual", "cliff", "cliff_then_periodic"]))
        vesting: dict[str, Any] = {"kind": shape, "years": years,
                                   "starts": draw(st.sampled_from(["start_date", "grant_date"]))}
        if shape == "cliff_then_periodic":
            vesting["cliff_months"] = draw(st.integers(1, min(12 * years - 1, 60)))
        g = grant(draw(st.sampled_from(["non_qualified_option", "rsu"])), draw(st.integers(years, 10**7)), vesting)
        if draw(st.booleans()):
            g["grant_date"] = (start + timedelta(days=draw(st.integers(0, 90)))).isoformat()
        if draw(st.booleans()):
            g.pop("shares")
            g.update(sizing="dollar_value", value=f"{draw(st.integers(1000, 10**7))}.00")
        grants.append(g)
    awards = [
        {"kind": draw(st.sampled_from(["signing", "retention"])),
         "installments": [{"amount": f"{draw(st.integers(1, 10**6))}.00",
                           "timing": draw(st.sampled_from(["at_start", "months_after_start"])),
                           "months_after_start": draw(st.integers(1, 36))}
                          for _ in range(draw(st.integers(1, 3)))],
         "repayment": draw(st.none() | st.fixed_dictionaries({
             "kind": st.sampled_from(["full", "pro_rata"]), "months": st.integers(1, 36),
             "basis": st.sampled_from(["gross", "after_tax"])}))}
        for _ in range(draw(st.integers(0, 2)))
    ]
    coc = None
    if draw(st.booleans()):
        coc = {"protection_months": draw(st.integers(1, 24)), "good_reason": True,
               "severance": draw(severances(has_target, has_term)),
               "trigger": draw(st.sampled_from(["single", "double"])),
               "months_before": draw(st.none() | st.integers(1, 6)),
               "accelerate_equity": bool(grants) and draw(st.booleans()),
               "acceleration_percent": draw(st.sampled_from(["100", "50", "33.3333"])),
               "acceleration_within_months_of_start": draw(st.none() | st.integers(1, 36))}
    covenants = draw(st.none() | st.fixed_dictionaries({
        "business_description": st.just("software"),
        "noncompete": st.none() | st.fixed_dictionaries({
            "months": st.integers(1, 24), "passive_investment_percent": st.just("2"),
            "starts": st.sampled_from(["termination", "later_of_termination_and_severance"])}),
        "nonsolicit": st.none() | st.fixed_dictionaries({"months": st.integers(1, 24)}),
    }))
    anniversaries = sorted(set(draw(st.lists(st.integers(1, 5), max_size=2))))
    changes: dict[str, Any] = {
        "position.start_date": start.isoformat(),
        "position.at_will": not has_term,
        "term": {"months": draw(st.integers(6, 60)), "renews": draw(st.booleans()),
                 "renewal_months": draw(st.integers(1, 24))} if has_term else None,
        "compensation.base_salary": f"{salary:.2f}",
        "compensation.steps": [{"timing": "on_anniversary", "anniversary": n,
                                "salary": f"{salary + 1000 * n:.2f}"} for n in anniversaries],
        "compensation.pay_frequency": draw(st.sampled_from(["weekly", "bi-weekly", "semi-monthly", "monthly"])),
        "benefits.bonus_program.target_percent": draw(st.sampled_from(["25", "50", "100"])) if has_target else None,
        "benefits.bonus_program.guaranteed_minimum": draw(st.none() | st.just("50000.00")),
        "equity": {"grants": grants, "par_value": "0.0001",
                   "assumed_share_price": draw(st.none() | st.just("12.34"))} if grants else None,
        "cash_awards": awards,
        "termination.without_cause": draw(st.none() | st.fixed_dictionaries({
            "severance": severances(has_target, has_term),
            "accelerate_equity": st.booleans() if grants else st.just(False),
            "acceleration_percent": st.sampled_from(["100", "50"]),
            "good_reason": st.booleans() if has_good_reason else st.just(False)})),
        "termination.good_reason": {} if has_good_reason else None,
        "termination.change_of_control": coc,
        "termination.disability.severance": draw(st.none() | severances(has_target, has_term)),
        "termination.disability.accelerate_equity": bool(grants) and draw(st.booleans()),
        "termination.death.accelerate_equity": bool(grants) and draw(st.booleans()),
        "termination.death.cash_benefit": draw(st.none() | st.just("250000.00")),
        "termination.notice": draw(st.none() | st.fixed_dictionaries({
            "resignation_days": st.integers(1, 90), "company_days": st.none() | st.integers(1, 90)})),
        "covenants": covenants,
        "relocation": draw(st.none() | st.fixed_dictionaries({
            "kind": st.sampled_from(["reimbursement", "lump_sum"]), "amount": st.just("40000.00"),
            "repayment": st.none() | st.just({"kind": "pro_rata", "months": 12})})),
    }
    return letter_with(changes)
