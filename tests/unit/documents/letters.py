"""Letters for the document tests: the sample with terms changed, and rendering helpers."""

from __future__ import annotations

import copy
import io
import re
from typing import Any

import docx

from app.documents.docx_writer import docx_bytes
from app.documents.engine import render_document
from app.documents.model import Document, Heading
from app.documents.text import to_text
from app.domain.letter import Letter
from app.domain.sample import SAMPLE_TERMS


def changed(base: dict[str, Any] | None = None, **changes: Any) -> dict[str, Any]:
    """A copy of ``base`` (the sample's terms) with dotted paths replaced: ``changed(**{"term": None})``."""
    draft = copy.deepcopy(SAMPLE_TERMS if base is None else base)
    for path, value in changes.items():
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        node: Any = draft
        for key in parents:
            node = node[key]
        node[last] = value
    return draft


def letter_with(**changes: Any) -> Letter:
    """The sample letter with terms replaced: ``letter_with(**{"benefits.merp": False})``."""
    return Letter.model_validate(changed(**changes))


def headings(document: Document) -> list[str]:
    return [b.text for b in document.blocks if isinstance(b, Heading)]


def text_of(letter: Letter) -> str:
    return to_text(render_document(letter))


def reopen(letter_or_document: Letter | Document, **kwargs: Any) -> docx.document.Document:
    """Render to DOCX bytes and open them again with python-docx."""
    document = (
        render_document(letter_or_document) if isinstance(letter_or_document, Letter) else letter_or_document
    )
    return docx.Document(io.BytesIO(docx_bytes(document, **kwargs)))


# Marks of sloppy assembly: a space before punctuation, doubled spaces or punctuation, empty brackets,
# a clause list that skips or repeats, a template left-over.
_SLOPPY = re.compile(
    r" [,.;:)]|\( |  |;;|,,|\.\.|\(\)|; ;|\{\{|\}\}|\{%|%\}|None|Undefined"
    r"|[a-z)][.;,][A-Z(\"]|[a-z][(](?!\w\))|\)[a-z]"  # a space missing after a stop, before or after a bracket
)


def sloppy_spots(text: str) -> list[str]:
    return [text[max(m.start() - 30, 0) : m.end() + 30] for m in _SLOPPY.finditer(text)]


def _severance(**terms: Any) -> dict[str, Any]:
    return {"formula": "months_of_salary", "months": 12, "payment": "installments", **terms}


def every_term_on() -> dict[str, Any]:
    """The sample with every optional group switched on and most choices away from the sample's: a CEO letter
    with a target bonus, a sign-on bonus in two installments with clawback, a retention bonus at a closing,
    RSUs, PSUs and options, double-trigger Change of Control, Good Reason, notice, perquisites, relocation,
    a release and the Section 409A delay."""
    draft = copy.deepcopy(SAMPLE_TERMS)
    draft["letter"]["effective_date"] = "2002-10-14"
    draft["position"].update(work_location="the Company's offices in Elmsford, New York", at_will=False)
    draft["term"] = {"months": 36, "renews": True, "renewal_months": 12, "nonrenewal_notice_days": 90}
    draft["compensation"].update(
        prior_salary="250000.00", annual_review=True, review_upward_only=True,
        steps=[{"timing": "on_anniversary", "anniversary": 1, "salary": "325000.00"},
               {"timing": "on_date", "effective_date": "2005-01-01", "salary": "350000.00"}],
    )
    draft["benefits"]["bonus_program"].update(
        target_percent="50", minimum_percent="25", maximum_percent="100", guaranteed_minimum="75000.00",
        paid="quarterly", basis="salary_earned", employed_at_payout=True, plan_to_be_adopted=True,
    )
    draft["cash_awards"] = [
        {"kind": "signing",
         "installments": [{"amount": "100000.00", "timing": "at_start"},
                          {"amount": "50000.00", "timing": "months_after_start", "months_after_start": 12}],
         "repayment": {"kind": "pro_rata", "months": 12, "basis": "after_tax", "repay_days": 30, "offset": True}},
        {"kind": "retention", "installments": [{"amount": "200000.00", "timing": "at_closing"}],
         "repayment": {"kind": "full", "months": 6, "basis": "gross", "repay_days": 15, "offset": False}},
    ]
    draft["equity"]["grants"] = [
        {"kind": "non_qualified_option", "shares": 65_000, "pricing": "close_prior_trading_day",
         "vesting": {"kind": "cliff_then_periodic", "years": 4, "cliff_months": 12, "period": "monthly"}},
        {"kind": "rsu", "sizing": "dollar_value", "value": "500000.00", "grant_date": "2002-11-15",
         "vesting": {"kind": "equal_annual", "years": 4, "starts": "grant_date"}},
        {"kind": "psu", "shares": 20_000, "performance_conditions": "the Company's total shareholder return over "
         "the three fiscal years 2003 through 2005 ranks at or above the median of its peer group.",
         "vesting": {"kind": "cliff", "years": 3}},
        {"kind": "restricted_stock", "sizing": "percent_of_salary", "percent_of_salary": "100",
         "vesting": {"kind": "equal_annual", "years": 3}},
    ]
    draft["equity"]["assumed_share_price"] = "10.00"
    draft["transportation"] = {"kind": "lease", "monthly_allowance": "1500.00"}
    draft["perquisites"] = {
        "allowances": [{"name": "housing", "monthly_amount": "3000.00"},
                       {"name": "financial planning", "monthly_amount": "500.00"}],
        "retirement_match_percent": "6", "retirement_match_cap": "13500.00",
        "deferred_compensation_plan": "Executive Deferred Compensation Plan",
    }
    draft["relocation"] = {
        "kind": "reimbursement", "amount": "75000.00", "from_location": "Basking Ridge, New Jersey", "gross_up": True,
        "repayment": {"kind": "full", "months": 12, "basis": "gross", "repay_days": 30, "offset": True},
    }
    t = draft["termination"]
    t["without_cause"] = {
        "severance": {"formula": "salary_and_bonus_multiple", "multiple": "1.5", "include_target_bonus": True,
                      "payment": "lump_sum", "lump_sum_days": 60, "cobra_months": 18, "pro_rata_bonus": True,
                      "release_required": True, "release_days": 60, "offset_other_plans": True,
                      "specified_employee_delay": True},
        "accelerate_equity": True, "acceleration_percent": "50", "good_reason": True,
    }
    t["good_reason"] = {"material_duties": True, "pay_cut_percent": "10", "relocation_miles": 50,
                        "material_breach": True, "notice_days": 90, "cure_days": 30}
    t["change_of_control"].update(
        months_before=3, protection_months=24, acceleration_within_months_of_start=18,
        severance={"formula": "salary_and_bonus_multiple", "multiple": "2", "include_target_bonus": True,
                   "payment": "lump_sum", "lump_sum_days": 30, "cobra_months": 24, "release_required": True,
                   "release_days": 45},
    )
    t["disability"].update(
        severance=_severance(months=6, payment="lump_sum", lump_sum_days=30), accelerate_equity=True,
    )
    t["death"].update(cash_benefit="250000.00", accelerate_equity=True)
    t["notice"] = {"resignation_days": 60, "company_days": 30, "pay_in_lieu": True}
    draft["covenants"]["noncompete"]["garden_leave_percent"] = "50"
    draft["conditions"].update(
        background_check=True, work_authorization=True,
        transaction={"kind": "merger", "description": "the merger of Acme Health, Inc. with the Company",
                     "expected_date": "2002-12-31", "outside_date": "2003-03-31"},
    )
    return draft


def letter_from(draft: dict[str, Any]) -> Letter:
    """A letter from a draft, failing the test with the problems if it does not validate with no error."""
    from app.domain.problems import Severity
    from app.domain.rules import validate_draft

    letter, problems = validate_draft(draft)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert letter is not None and not errors, problems
    return letter


def every_term_on_otherwise() -> dict[str, Any]:
    """:func:`every_term_on` with the other choice of each either-or term: courts instead of arbitration, Cause and
    Change of Control defined in other documents, single trigger, severance by weeks of service, for the rest of
    the term and by months, an installment and a step on a date, a lump-sum relocation, a car allowance."""
    draft = every_term_on()
    draft["arbitration"] = None
    draft["governing_law"] = {"state": "CA", "courts": "the state and federal courts located in San Francisco County, "
                                                       "California"}
    draft["covenants"]["noncompete"] = None
    t = draft["termination"]
    t["cause"] = {"definition": "in_another_document", "defined_in": "the Company's 2002 Stock Incentive Plan"}
    t["without_cause"]["severance"] = {
        "formula": "weeks_per_service", "weeks": 2, "service_unit": "month", "minimum_weeks": 12, "maximum_weeks": 52,
        "payment": "installments",
    }
    t["change_of_control"].update(
        trigger="single", definition="in_another_document", defined_in="the Company's 2002 Stock Incentive Plan",
        acceleration_percent="50",
        severance={"formula": "remainder_of_term", "payment": "lump_sum", "lump_sum_days": 45, "pro_rata_bonus": True,
                   "offset_other_plans": True, "specified_employee_delay": True},
    )
    t["disability"]["severance"] = {
        "formula": "salary_and_bonus_multiple", "multiple": "1", "include_target_bonus": False, "payment": "lump_sum",
        "lump_sum_days": 30, "cobra_months": 12, "pro_rata_bonus": True, "release_required": True, "release_days": 21,
        "offset_other_plans": True, "specified_employee_delay": True,
    }
    t["good_reason"].update(pay_cut_percent=None, relocation_miles=None, material_duties=False, material_breach=False)
    draft["cash_awards"][0]["installments"][1] = {"amount": "50000.00", "timing": "on_date", "on_date": "2003-06-30"}
    draft["transportation"] = {"kind": "allowance", "monthly_allowance": "1000.00"}
    draft["relocation"].update(kind="lump_sum", gross_up=False, repayment=None)
    draft["conditions"]["board_approval_required"] = False
    return draft


def weeks_everywhere() -> dict[str, Any]:
    """Severance by weeks of service on disability and after a Change of Control, by months without Cause."""
    draft = every_term_on_otherwise()
    t = draft["termination"]
    weeks = {"formula": "weeks_per_service", "weeks": 3, "service_unit": "year", "minimum_weeks": 26,
             "payment": "installments"}
    t["disability"]["severance"] = weeks
    t["change_of_control"]["severance"] = {**weeks, "minimum_weeks": None, "maximum_weeks": 78}
    t["without_cause"]["severance"] = _severance(months=9, payment="lump_sum", lump_sum_days=10)
    return draft
