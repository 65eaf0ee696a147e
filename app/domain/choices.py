"""Every choice of the letter model in the user's words: one table for forms, diffs and reports."""

from __future__ import annotations

from enum import StrEnum

from app.domain.letter import (
    BonusBasis,
    BonusPayment,
    CashAwardKind,
    ControlTrigger,
    Definition,
    GrantKind,
    GrantSizing,
    NoncompeteStart,
    PayFrequency,
    PaymentTiming,
    PricingRule,
    RelocationKind,
    RepaymentBasis,
    RepaymentKind,
    SalaryStepTiming,
    ServiceUnit,
    SeveranceFormula,
    SeverancePayment,
    TransactionKind,
    TransportationKind,
    UsState,
    VestingKind,
    VestingPeriod,
    VestingStart,
)
from app.domain.states import STATE_NAMES

CHOICE_WORDS: dict[StrEnum, str] = {
    PayFrequency.WEEKLY: "weekly",
    PayFrequency.BI_WEEKLY: "bi-weekly",
    PayFrequency.SEMI_MONTHLY: "semi-monthly",
    PayFrequency.MONTHLY: "monthly",
    GrantKind.NON_QUALIFIED_OPTION: "non-qualified stock option",
    GrantKind.INCENTIVE_STOCK_OPTION: "incentive stock option (ISO)",
    GrantKind.RSU: "restricted stock units (RSUs)",
    GrantKind.PSU: "performance stock units (PSUs)",
    GrantKind.RESTRICTED_STOCK: "restricted stock",
    GrantSizing.SHARES: "a number of shares",
    GrantSizing.DOLLAR_VALUE: "a dollar value",
    GrantSizing.PERCENT_OF_SALARY: "a percentage of base salary",
    PricingRule.CLOSE_PRIOR_TRADING_DAY: "closing price on the trading day before the start",
    PricingRule.CLOSE_ON_GRANT_DATE: "closing price on the grant date",
    PricingRule.NOT_APPLICABLE: "not applicable",
    VestingKind.EQUAL_ANNUAL: "equal annual installments",
    VestingKind.CLIFF_THEN_PERIODIC: "cliff, then periodic installments",
    VestingKind.CLIFF: "all at once on a cliff",
    VestingPeriod.MONTHLY: "monthly",
    VestingPeriod.QUARTERLY: "quarterly",
    VestingStart.START_DATE: "the start of employment",
    VestingStart.GRANT_DATE: "the grant date",
    NoncompeteStart.LATER_OF_TERMINATION_AND_SEVERANCE: "the later of termination and the last severance payment",
    NoncompeteStart.TERMINATION: "termination",
    SalaryStepTiming.ON_DATE: "on a date",
    SalaryStepTiming.ON_ANNIVERSARY: "on an anniversary of the start",
    BonusPayment.ANNUALLY: "annually",
    BonusPayment.QUARTERLY: "quarterly",
    BonusBasis.BASE_SALARY: "annual base salary",
    BonusBasis.SALARY_EARNED: "base salary earned in the year",
    CashAwardKind.SIGNING: "signing bonus",
    CashAwardKind.RETENTION: "retention bonus",
    PaymentTiming.AT_START: "at the start of employment",
    PaymentTiming.MONTHS_AFTER_START: "months after the start",
    PaymentTiming.AT_CLOSING: "at the closing",
    PaymentTiming.ON_DATE: "on a date",
    RepaymentKind.FULL: "in full",
    RepaymentKind.PRO_RATA: "pro rata",
    RepaymentBasis.GROSS: "gross amount",
    RepaymentBasis.AFTER_TAX: "amount after taxes",
    SeveranceFormula.MONTHS_OF_SALARY: "months of salary",
    SeveranceFormula.SALARY_AND_BONUS_MULTIPLE: "a multiple of salary (and target bonus)",
    SeveranceFormula.WEEKS_PER_SERVICE: "weeks of salary per period of service",
    SeveranceFormula.REMAINDER_OF_TERM: "salary for the rest of the term",
    ServiceUnit.YEAR: "year of service",
    ServiceUnit.MONTH: "month of service",
    SeverancePayment.INSTALLMENTS: "in payroll installments",
    SeverancePayment.LUMP_SUM: "in a lump sum",
    Definition.IN_THIS_LETTER: "in this letter",
    Definition.IN_ANOTHER_DOCUMENT: "in another document",
    ControlTrigger.DOUBLE: "double trigger",
    ControlTrigger.SINGLE: "single trigger",
    TransportationKind.ALLOWANCE: "car allowance",
    TransportationKind.LEASE: "leased car",
    RelocationKind.REIMBURSEMENT: "reimbursement up to a cap",
    RelocationKind.LUMP_SUM: "lump sum",
    TransactionKind.MERGER: "merger",
    TransactionKind.FINANCING: "financing",
    **{UsState(code): name.removeprefix("the ") for code, name in STATE_NAMES.items()},
}


def choice_words(member: StrEnum) -> str:
    """The choice as it reads inside a sentence: ``bi-weekly``."""
    return CHOICE_WORDS.get(member, member.value.replace("_", " "))


def choice_label(member: StrEnum) -> str:
    """The choice as a form shows it: ``Bi-weekly``."""
    words = choice_words(member)
    return words[:1].upper() + words[1:]
