"""Rules across fields: errors block rendering, warnings do not."""

from __future__ import annotations

from app.domain.problems import Severity, has_errors
from app.domain.rules import validate_draft
from tests.unit.domain.test_letter_model import edited


def problems_at(draft: dict) -> dict[str, tuple[Severity, str]]:
    _, problems = validate_draft(draft)
    return {p.dotted: (p.severity, p.message) for p in problems}


def test_start_before_letter_date_is_an_error() -> None:
    found = problems_at(edited("position.start_date", "2002-09-01"))
    severity, message = found["position.start_date"]
    assert severity is Severity.ERROR
    assert "before the letter date (2002-10-01)" in message


def test_vesting_must_cover_the_grant() -> None:
    draft = edited("equity.grants.0.shares", 2)
    found = problems_at(draft)
    assert found["equity.grants[0].vesting.years"][0] is Severity.ERROR


def test_cliff_must_end_before_vesting_ends() -> None:
    draft = edited("equity.grants.0.vesting", {"kind": "cliff_then_periodic", "years": 1, "cliff_months": 12})
    severity, message = problems_at(draft)["equity.grants[0].vesting.cliff_months"]
    assert severity is Severity.ERROR and "must end before vesting ends" in message


def test_quarterly_after_cliff_must_land_on_the_end_date() -> None:
    vesting = {"kind": "cliff_then_periodic", "years": 4, "cliff_months": 13, "period": "quarterly"}
    found = problems_at(edited("equity.grants.0.vesting", vesting))
    assert "multiple of 3 months" in found["equity.grants[0].vesting.cliff_months"][1]
    vesting["cliff_months"] = 12
    assert "equity.grants[0].vesting.cliff_months" not in problems_at(edited("equity.grants.0.vesting", vesting))


def test_option_needs_a_pricing_rule() -> None:
    found = problems_at(edited("equity.grants.0.pricing", "not_applicable"))
    assert found["equity.grants[0].pricing"][0] is Severity.ERROR


def test_board_fraction_below_one() -> None:
    found = problems_at(edited("termination.change_of_control.board_approval_numerator", 3))
    assert found["termination.change_of_control.board_approval_numerator"][0] is Severity.ERROR


def test_warnings_do_not_block() -> None:
    draft = edited("termination.change_of_control.severance_months", 6)
    _, problems = validate_draft(draft)
    assert problems and not has_errors(problems)


def test_optional_sections_may_be_left_out() -> None:
    draft = edited("transportation", None)
    draft["equity"] = None
    draft["termination"]["change_of_control"] = None
    draft["benefits"]["bonus_program"] = None
    letter, problems = validate_draft(draft)
    assert letter is not None and not has_errors(problems)
    assert letter.equity is None and letter.transportation is None


def test_acceleration_without_equity_warns() -> None:
    draft = edited("equity", None)
    found = problems_at(draft)
    assert found["termination.change_of_control.accelerate_equity"][0] is Severity.WARNING


def test_not_an_object() -> None:
    letter, problems = validate_draft(["not", "a", "letter"])
    assert letter is None and problems[0].severity is Severity.ERROR


def test_acceleration_without_cause_without_equity_warns() -> None:
    found = problems_at(edited("equity", None))
    severity, message = found["termination.without_cause.accelerate_equity"]
    assert severity is Severity.WARNING
    assert "pension and deferred compensation" in message
    off = edited("equity", None)
    off["termination"]["without_cause"]["accelerate_equity"] = False
    assert "termination.without_cause.accelerate_equity" not in problems_at(off)


def test_rsus_only_are_not_warned_about_option_wording() -> None:
    grants = [{"kind": "rsu", "shares": 900, "pricing": "not_applicable", "vesting": {"kind": "equal_annual", "years": 3}}]
    found = problems_at(edited("equity.grants", grants))
    assert not any(path.startswith("equity.grants") for path in found)


def test_iso_exercise_after_disability_beyond_a_year_warns() -> None:
    iso = {"kind": "incentive_stock_option", "shares": 900, "pricing": "close_on_grant_date",
           "vesting": {"kind": "equal_annual", "years": 3}}
    draft = edited("equity.grants", [iso])
    draft["termination"]["disability"]["exercise_months"] = 18
    severity, message = problems_at(draft)["termination.disability.exercise_months"]
    assert severity is Severity.WARNING and "non-qualified" in message
    draft["termination"]["disability"]["exercise_months"] = 12
    assert "termination.disability.exercise_months" not in problems_at(draft)
    # A non-qualified option has no such limit.
    nso = edited("termination.disability.exercise_months", 18)
    assert "termination.disability.exercise_months" not in problems_at(nso)
