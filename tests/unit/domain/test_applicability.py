"""When a term applies: the condition declared on the model field, read by one pure helper."""

from __future__ import annotations

import pytest
from pydantic import Field

from app.domain.applicability import applies, applies_when, condition_met, condition_text
from app.domain.letter import Model, Vesting, VestingKind, VestingPeriod


@pytest.mark.parametrize(
    ("field_name", "kind", "expected"),
    [
        ("cliff_months", VestingKind.EQUAL_ANNUAL, False),
        ("cliff_months", VestingKind.CLIFF_THEN_PERIODIC, True),
        ("period", VestingKind.EQUAL_ANNUAL, False),
        ("period", VestingKind.CLIFF_THEN_PERIODIC, True),
        # Raw draft values are plain strings: compared by value, like the enum members.
        ("cliff_months", "equal_annual", False),
        ("period", "cliff_then_periodic", True),
        # Fields with no declared condition always apply.
        ("years", VestingKind.EQUAL_ANNUAL, True),
        ("kind", VestingKind.EQUAL_ANNUAL, True),
    ],
)
def test_vesting_cliff_terms_apply_only_to_a_cliff_schedule(field_name, kind, expected):
    assert applies(Vesting, field_name, {"kind": kind}) is expected


def test_the_condition_is_declared_on_the_model():
    assert applies_when(Vesting, "cliff_months") == {"kind": "cliff_then_periodic"}
    assert applies_when(Vesting, "period") == {"kind": "cliff_then_periodic"}
    assert applies_when(Vesting, "years") == {}


def test_an_unknown_required_sibling_does_not_make_a_term_inapplicable():
    # The draft may lack "kind" (an error the user sees elsewhere); the term stays editable.
    assert applies(Vesting, "cliff_months", {}) is True
    assert condition_met({"kind": "cliff_then_periodic"}, {}) is True


def test_an_absent_sibling_counts_as_its_default():
    class Plan(Model):
        period: VestingPeriod = Field(default=VestingPeriod.MONTHLY, title="Period")
        day: int = Field(default=1, title="Day", json_schema_extra={"applies_when": {"period": "monthly"}})

    assert applies(Plan, "day", {}) is True
    assert applies(Plan, "day", {"period": VestingPeriod.QUARTERLY}) is False
    assert applies(Plan, "day", {"period": "monthly"}) is True


def test_every_sibling_must_match():
    condition = {"kind": "cliff_then_periodic", "period": "monthly"}
    assert condition_met(condition, {"kind": "cliff_then_periodic", "period": VestingPeriod.MONTHLY})
    assert not condition_met(condition, {"kind": "cliff_then_periodic", "period": VestingPeriod.QUARTERLY})


def test_the_condition_in_the_users_words():
    assert condition_text(Vesting, "cliff_months") == "Used only when Vesting is Cliff, then periodic installments"
    assert condition_text(Vesting, "period") == "Used only when Vesting is Cliff, then periodic installments"
    assert condition_text(Vesting, "years") == ""


def test_a_term_may_apply_for_any_of_several_choices() -> None:
    from app.domain.letter import EquityGrant

    assert applies(EquityGrant, "pricing", {"kind": "incentive_stock_option"})
    assert applies(EquityGrant, "pricing", {"kind": "non_qualified_option"})
    assert not applies(EquityGrant, "pricing", {"kind": "rsu"})
    note = condition_text(EquityGrant, "pricing")
    assert note == "Used only when Kind is Incentive stock option (ISO) or Non-qualified stock option"


def test_a_condition_on_a_check_box_reads_as_checked() -> None:
    from app.domain.letter import Compensation

    assert condition_text(Compensation, "review_upward_only") == "Used only when Reviewed annually is checked"
    assert not applies(Compensation, "review_upward_only", {"annual_review": False})
