"""What a group of terms starts as when the user first adds it and the sample letter has none.

The editor fills a switched-on optional group (or a new list item) with the sample letter's terms
where the sample has them; these are the starting terms of the groups the sample letter does not
contain. Each is a valid draft of its model, chosen as the most common form of the term, and it
imports no pydantic (the editor reads it before the model loads).
"""

from __future__ import annotations

import copy
from typing import Any

_SEVERANCE = {"formula": "months_of_salary", "months": 12, "payment": "installments"}
_REPAYMENT = {"kind": "pro_rata", "months": 12, "basis": "gross", "repay_days": 30, "offset": True}

STARTERS: dict[str, dict[str, Any]] = {
    "EmploymentTerm": {"months": 24, "renews": True, "renewal_months": 12, "nonrenewal_notice_days": 90},
    "SalaryStep": {"timing": "on_anniversary", "anniversary": 1, "salary": "0"},
    "CashAward": {
        "kind": "signing",
        "installments": [{"amount": "50000.00", "timing": "at_start"}],
        "repayment": _REPAYMENT,
    },
    "CashInstallment": {"amount": "50000.00", "timing": "at_start"},
    "Repayment": _REPAYMENT,
    "EquityGrant": {
        "kind": "rsu",
        "sizing": "shares",
        "shares": 10000,
        "pricing": "not_applicable",
        "vesting": {"kind": "equal_annual", "years": 4},
    },
    "Perquisites": {"allowances": []},
    "Allowance": {"name": "housing", "monthly_amount": "1000.00"},
    "Relocation": {"kind": "reimbursement", "amount": "50000.00", "gross_up": False, "repayment": _REPAYMENT},
    "Severance": _SEVERANCE,
    "WithoutCause": {"severance": _SEVERANCE, "accelerate_equity": False},
    "GoodReason": {"material_duties": True, "pay_cut_percent": "10", "relocation_miles": 50, "material_breach": True,
                   "notice_days": 90, "cure_days": 30},
    "Notice": {"resignation_days": 30, "pay_in_lieu": True},
    "Noncompete": {"months": 12, "starts": "termination", "passive_investment_percent": "2"},
    "Nonsolicit": {"months": 12},
    "Transaction": {"kind": "merger", "description": "the merger", "expected_date": "2000-01-01"},
}


def starter(model: str | None) -> Any:
    """A fresh copy of the starting terms of ``model`` (a model name); None when it has none."""
    found = STARTERS.get(model) if model else None
    return copy.deepcopy(found) if found is not None else None
