"""Every choice of the letter model in the user's words: one table for forms, diffs and reports."""

from __future__ import annotations

from enum import StrEnum

from app.domain.letter import (
    GrantKind,
    NoncompeteStart,
    PayFrequency,
    PricingRule,
    VestingKind,
    VestingPeriod,
)

CHOICE_WORDS: dict[StrEnum, str] = {
    PayFrequency.WEEKLY: "weekly",
    PayFrequency.BI_WEEKLY: "bi-weekly",
    PayFrequency.SEMI_MONTHLY: "semi-monthly",
    PayFrequency.MONTHLY: "monthly",
    GrantKind.NON_QUALIFIED_OPTION: "non-qualified stock option",
    GrantKind.INCENTIVE_STOCK_OPTION: "incentive stock option (ISO)",
    GrantKind.RSU: "restricted stock units (RSUs)",
    GrantKind.RESTRICTED_STOCK: "restricted stock",
    PricingRule.CLOSE_PRIOR_TRADING_DAY: "closing price on the trading day before the start",
    PricingRule.CLOSE_ON_GRANT_DATE: "closing price on the grant date",
    PricingRule.NOT_APPLICABLE: "not applicable",
    VestingKind.EQUAL_ANNUAL: "equal annual installments",
    VestingKind.CLIFF_THEN_PERIODIC: "cliff, then periodic installments",
    VestingPeriod.MONTHLY: "monthly",
    VestingPeriod.QUARTERLY: "quarterly",
    NoncompeteStart.LATER_OF_TERMINATION_AND_SEVERANCE: "the later of termination and the last severance payment",
    NoncompeteStart.TERMINATION: "termination",
}


def choice_words(member: StrEnum) -> str:
    """The choice as it reads inside a sentence: ``bi-weekly``."""
    return CHOICE_WORDS.get(member, member.value.replace("_", " "))


def choice_label(member: StrEnum) -> str:
    """The choice as a form shows it: ``Bi-weekly``."""
    words = choice_words(member)
    return words[:1].upper() + words[1:]
