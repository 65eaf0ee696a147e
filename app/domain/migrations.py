"""Bring a letter draft written by an older OfferDesk up to the current schema.

Each step takes the raw draft of one schema version (a dict that may be invalid: nothing the user
typed is dropped, values are moved, never checked here) and returns the next version's. Loading a
file, a recovery file or a sent version runs every step from the file's version on; saving writes
the current version, so a migrated file is upgraded when it is next saved.

Schema 1 -> 2 (issue #10, real offer letters):

- severance is a formula: ``X.severance_months: N`` becomes ``X.severance: {formula: months_of_salary,
  months: N, payment: installments}`` for without Cause, Change of Control and disability;
- the covenants are optional groups: ``noncompete_months``, ``noncompete_start`` and
  ``passive_investment_percent`` move into ``covenants.noncompete``, ``nonsolicit_months`` into
  ``covenants.nonsolicit.months``;
- governing law is its own term: ``arbitration.governing_law: "New York"`` becomes
  ``governing_law: {state: "NY"}`` (a name that is no state is kept as typed, and the form says so).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from app.domain.format_version import SCHEMA_VERSION
from app.domain.states import state_code

Draft = dict[str, Any]


def _months_to_severance(group: Any) -> None:
    if isinstance(group, dict) and "severance_months" in group and "severance" not in group:
        group["severance"] = {
            "formula": "months_of_salary",
            "months": group.pop("severance_months"),
            "payment": "installments",
        }


def _v1_to_v2(draft: Draft) -> Draft:
    termination = draft.get("termination")
    if isinstance(termination, dict):
        for key in ("without_cause", "change_of_control", "disability"):
            _months_to_severance(termination.get(key))
    covenants = draft.get("covenants")
    if isinstance(covenants, dict):
        noncompete = {
            new: covenants.pop(old)
            for old, new in (
                ("noncompete_months", "months"),
                ("noncompete_start", "starts"),
                ("passive_investment_percent", "passive_investment_percent"),
            )
            if old in covenants
        }
        if noncompete:
            covenants["noncompete"] = noncompete
        if "nonsolicit_months" in covenants:
            covenants["nonsolicit"] = {"months": covenants.pop("nonsolicit_months")}
    arbitration = draft.get("arbitration")
    if isinstance(arbitration, dict) and "governing_law" in arbitration and "governing_law" not in draft:
        law = arbitration.pop("governing_law")
        code = state_code(law) if isinstance(law, str) else None
        draft["governing_law"] = {"state": code or law}
    return draft


def _v2_to_v3(draft: Draft) -> Draft:
    """Schema 3 adds optional terms only (``wording``: per-letter clause wording and alternates;
    ``letter.letter_type``): a schema-2 file is a valid schema-3 one. The version is bumped because an
    OfferDesk that reads only schema 2 would refuse those terms."""
    return draft


# STEPS[v] turns a version-v draft into a version v+1 draft.
STEPS: dict[int, Callable[[Draft], Draft]] = {1: _v1_to_v2, 2: _v2_to_v3}
assert len(STEPS) == SCHEMA_VERSION - 1, "every schema version needs its migration step"


def migrate_draft(draft: Any, from_version: int) -> Any:
    """``draft`` (of schema ``from_version``) as the current schema holds it; a copy, the input is untouched.

    A draft that is not a JSON object is returned as it is (validation reports it).
    """
    if not isinstance(draft, dict) or from_version >= SCHEMA_VERSION:
        return draft
    out = copy.deepcopy(draft)
    for version in range(from_version, SCHEMA_VERSION):
        out = STEPS[version](out)
    return out
