"""Letters for the calculation tests: the sample with some terms changed."""

from __future__ import annotations

from typing import Any

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
