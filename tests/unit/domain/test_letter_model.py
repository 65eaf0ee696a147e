"""The letter model: field rules and their messages."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest

from app.domain.letter import GrantKind, Letter, PayFrequency
from app.domain.problems import Severity
from app.domain.rules import validate_draft
from app.domain.sample import SAMPLE_TERMS, sample_letter


def edited(path: str, value: Any) -> dict[str, Any]:
    """The sample draft with one term replaced (path like ``equity.grants.0.shares``)."""
    draft = copy.deepcopy(SAMPLE_TERMS)
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    node: Any = draft
    for key in parents:
        node = node[key]
    node[last] = value
    return draft


def messages(draft: dict[str, Any]) -> dict[str, str]:
    _, problems = validate_draft(draft)
    return {p.dotted: p.message for p in problems}


def test_sample_is_valid_and_has_the_reference_terms() -> None:
    letter, problems = validate_draft(SAMPLE_TERMS)
    assert problems == []
    assert letter is not None
    assert letter.compensation.base_salary == Decimal("300000.00")
    assert letter.compensation.pay_frequency is PayFrequency.BI_WEEKLY
    assert letter.equity is not None and letter.equity.grants[0].shares == 150_000
    assert letter.equity.grants[0].kind is GrantKind.NON_QUALIFIED_OPTION
    assert letter.termination.change_of_control is not None
    assert letter.termination.change_of_control.ownership_threshold == Decimal("50.1")
    assert letter.covenants is not None and letter.covenants.noncompete is not None
    assert letter.covenants.noncompete.months == 9
    assert letter.termination.cause is not None and len(letter.termination.cause.items) == 4


def test_sample_round_trips_through_json() -> None:
    letter = sample_letter()
    again = Letter.model_validate_json(letter.model_dump_json())
    assert again == letter


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("compensation.base_salary", "-5", "must be more than 0"),
        ("compensation.base_salary", "0", "must be more than 0"),
        ("compensation.base_salary", "abc", "must be a number"),
        ("compensation.base_salary", "100.001", "two decimal places"),
        ("compensation.base_salary", 300000.5, "write money as a string"),
        ("candidate.full_name", "James\x0bLusk", "control character U+000B"),
        ("candidate.full_name", "   ", "must not be empty"),
        ("candidate.familiar_name", "Jim\nBob", "one line"),
        ("letter.re_line", "x" * 100_000, "at most 300 characters"),
        ("equity.grants.0.shares", "many", "whole number"),
        ("equity.grants.0.shares", 0, "at least 1"),
        ("termination.without_cause.severance.months", 0, "at least 1"),
        ("termination.without_cause.severance.months", 500, "at most 120"),
        ("position.start_date", "2002-13-01", "YYYY-MM-DD"),
        ("compensation.pay_frequency", "daily", "must be one of"),
    ],
)
def test_field_rules_name_the_field_and_say_what_to_do(path: str, value: Any, expected: str) -> None:
    found = messages(edited(path, value))
    dotted = path.replace(".0.", "[0].")
    assert dotted in found, found
    assert expected in found[dotted]


def test_money_accepts_separators_and_dollar_sign() -> None:
    letter, problems = validate_draft(edited("compensation.base_salary", "$325,000.00"))
    assert problems == []
    assert letter is not None and letter.compensation.base_salary == Decimal("325000.00")


def test_unknown_terms_are_reported_not_ignored() -> None:
    draft = edited("compensation.bonus", "1")
    assert messages(draft)["compensation.bonus"] == "is not a known term; remove it"


def test_non_latin_and_markup_characters_are_valid_names() -> None:
    draft = edited("candidate.full_name", "Zoë Ångström-李 & <Partners>")
    letter, problems = validate_draft(draft)
    assert problems == [] and letter is not None


def test_every_problem_is_an_error_or_warning() -> None:
    _, problems = validate_draft(edited("covenants.noncompete.months", 36))
    assert [(p.dotted, p.severity) for p in problems] == [("covenants.noncompete.months", Severity.WARNING)]
