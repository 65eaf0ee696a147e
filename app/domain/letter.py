"""The offer letter as data: every term of the letter and of Exhibit A is a field.

Field titles and descriptions are the labels and help text the editor shows; the grouping of fields
into the letter's sections lives in :mod:`app.domain.sections`. Field-level rules live on the types
(:mod:`app.domain.types`); rules that relate several fields live in :mod:`app.domain.rules`.

Only the terms every letter has are required. Everything else is an optional group (``X | None``:
absent means the letter does not contain it) or a choice, so a letter of any shape can be written:
an at-will letter with no non-compete, a fixed-term interim appointment, a promotion term sheet.
A term that matters only for some choice of a sibling declares it once with ``applies_when``
(:mod:`app.domain.applicability`); the editor greys it out otherwise.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.domain.clause_text import MISSING, tokens, value_at
from app.domain.types import (
    Days,
    LetterDate,
    Line,
    Money,
    Months,
    Multiple,
    PayPercent,
    Percent,
    Portion,
    Text,
)


class Model(BaseModel):
    """Base of every letter model: unknown keys are errors, values are re-checked on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=False)


def when(**condition: Any) -> dict[str, Any]:
    """``json_schema_extra`` of a term that applies only when siblings hold these values (a list: any of them)."""
    return {"applies_when": {k: [str(getattr(x, "value", x)) for x in v] if isinstance(v, list | tuple)
                             else str(getattr(v, "value", v)) for k, v in condition.items()}}


class PayFrequency(StrEnum):
    WEEKLY = "weekly"
    BI_WEEKLY = "bi-weekly"
    SEMI_MONTHLY = "semi-monthly"
    MONTHLY = "monthly"


class UsState(StrEnum):
    """A US state (or DC) by its postal code; :data:`app.domain.states.STATE_NAMES` has the names."""

    AL = "AL"
    AK = "AK"
    AZ = "AZ"
    AR = "AR"
    CA = "CA"
    CO = "CO"
    CT = "CT"
    DE = "DE"
    DC = "DC"
    FL = "FL"
    GA = "GA"
    HI = "HI"
    ID = "ID"
    IL = "IL"
    IN = "IN"
    IA = "IA"
    KS = "KS"
    KY = "KY"
    LA = "LA"
    ME = "ME"
    MD = "MD"
    MA = "MA"
    MI = "MI"
    MN = "MN"
    MS = "MS"
    MO = "MO"
    MT = "MT"
    NE = "NE"
    NV = "NV"
    NH = "NH"
    NJ = "NJ"
    NM = "NM"
    NY = "NY"
    NC = "NC"
    ND = "ND"
    OH = "OH"
    OK = "OK"
    OR = "OR"
    PA = "PA"
    RI = "RI"
    SC = "SC"
    SD = "SD"
    TN = "TN"
    TX = "TX"
    UT = "UT"
    VT = "VT"
    VA = "VA"
    WA = "WA"
    WV = "WV"
    WI = "WI"
    WY = "WY"


class GrantKind(StrEnum):
    NON_QUALIFIED_OPTION = "non_qualified_option"
    INCENTIVE_STOCK_OPTION = "incentive_stock_option"
    RSU = "rsu"
    PSU = "psu"
    RESTRICTED_STOCK = "restricted_stock"

    @property
    def is_option(self) -> bool:
        return self in (GrantKind.NON_QUALIFIED_OPTION, GrantKind.INCENTIVE_STOCK_OPTION)


OPTION_KINDS = [GrantKind.NON_QUALIFIED_OPTION, GrantKind.INCENTIVE_STOCK_OPTION]


class GrantSizing(StrEnum):
    SHARES = "shares"
    DOLLAR_VALUE = "dollar_value"
    PERCENT_OF_SALARY = "percent_of_salary"


class PricingRule(StrEnum):
    CLOSE_PRIOR_TRADING_DAY = "close_prior_trading_day"
    CLOSE_ON_GRANT_DATE = "close_on_grant_date"
    NOT_APPLICABLE = "not_applicable"


class VestingKind(StrEnum):
    EQUAL_ANNUAL = "equal_annual"
    CLIFF_THEN_PERIODIC = "cliff_then_periodic"
    CLIFF = "cliff"


class VestingPeriod(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


class VestingStart(StrEnum):
    START_DATE = "start_date"
    GRANT_DATE = "grant_date"


class NoncompeteStart(StrEnum):
    LATER_OF_TERMINATION_AND_SEVERANCE = "later_of_termination_and_severance"
    TERMINATION = "termination"


class SalaryStepTiming(StrEnum):
    ON_DATE = "on_date"
    ON_ANNIVERSARY = "on_anniversary"


class BonusPayment(StrEnum):
    ANNUALLY = "annually"
    QUARTERLY = "quarterly"


class BonusBasis(StrEnum):
    BASE_SALARY = "base_salary"
    SALARY_EARNED = "salary_earned"


class CashAwardKind(StrEnum):
    SIGNING = "signing"
    RETENTION = "retention"


class PaymentTiming(StrEnum):
    AT_START = "at_start"
    MONTHS_AFTER_START = "months_after_start"
    AT_CLOSING = "at_closing"
    ON_DATE = "on_date"


class RepaymentKind(StrEnum):
    FULL = "full"
    PRO_RATA = "pro_rata"


class RepaymentBasis(StrEnum):
    GROSS = "gross"
    AFTER_TAX = "after_tax"


class SeveranceFormula(StrEnum):
    MONTHS_OF_SALARY = "months_of_salary"
    SALARY_AND_BONUS_MULTIPLE = "salary_and_bonus_multiple"
    WEEKS_PER_SERVICE = "weeks_per_service"
    REMAINDER_OF_TERM = "remainder_of_term"


class ServiceUnit(StrEnum):
    YEAR = "year"
    MONTH = "month"


class SeverancePayment(StrEnum):
    INSTALLMENTS = "installments"
    LUMP_SUM = "lump_sum"


class Definition(StrEnum):
    IN_THIS_LETTER = "in_this_letter"
    IN_ANOTHER_DOCUMENT = "in_another_document"


class ControlTrigger(StrEnum):
    DOUBLE = "double"
    SINGLE = "single"


class TransportationKind(StrEnum):
    ALLOWANCE = "allowance"
    LEASE = "lease"


class RelocationKind(StrEnum):
    REIMBURSEMENT = "reimbursement"
    LUMP_SUM = "lump_sum"


class TransactionKind(StrEnum):
    MERGER = "merger"
    FINANCING = "financing"


# ---------------------------------------------------------------- parties


class Company(Model):
    name: Line = Field(title="Company name", description="Legal name, as it appears in the letter.")
    state_of_incorporation: Line = Field(
        title="State of incorporation", description='For "a Delaware corporation".'
    )
    letterhead_lines: list[Line] = Field(
        title="Letterhead",
        description="Lines printed at the top of page 1 (name, address, telephone).",
        min_length=1,
        max_length=8,
    )
    signatory_name: Line = Field(title="Signatory", description="Who signs for the Company.")
    signatory_title: Line = Field(title="Signatory's title", description="For example: Chairman and CEO.")


class Candidate(Model):
    salutation: Line = Field(title="Courtesy title", description="Mr., Ms., Mx., Dr. ... (printed before the name).")
    full_name: Line = Field(title="Full name", description="As it appears in the address and signature block.")
    familiar_name: Line = Field(title="Familiar name", description='Used in the greeting ("Dear Jim:").')
    address_lines: list[Line] = Field(
        title="Address", description="Postal address, one line each.", min_length=1, max_length=6
    )


class LetterInfo(Model):
    letter_type: Line = Field(
        default="offer",
        title="Letter type",
        description="The template pack's letter type this letter is (offerdesk new --type list names them).",
    )
    letter_date: LetterDate = Field(title="Letter date", description="The date printed on the letter.")
    effective_date: LetterDate | None = Field(
        default=None,
        title="Effective as of",
        description="For a letter that confirms terms already in effect: the date they took effect. Empty: "
        "the letter is effective when signed.",
    )
    re_line: Line = Field(title="Re: line", description="The subject line under the address.")
    closing_paragraph: Text = Field(
        title="Closing paragraph", description="The paragraph before the signature (questions, next steps)."
    )
    complimentary_close: Line = Field(title="Complimentary close", description="For example: Sincerely yours.")


# ---------------------------------------------------------------- position and term


class Position(Model):
    offered_role: Line = Field(
        title="Role offered", description='Named in the opening paragraph ("... as the Company\'s Chief Financial Officer").'
    )
    title: Line = Field(title="Title(s)", description="The full title under Position and Duties.")
    duties: Text = Field(
        title="Duties",
        description='Completes "In such capacity, you shall be ...": what the role is responsible for.',
    )
    reports_to: Line = Field(title="Reports to", description="The officer the executive reports to.")
    at_will: bool = Field(
        title="Employment at will", description="Include the acknowledgement that employment is at will."
    )
    start_date: LetterDate = Field(
        title="Anticipated start date",
        description="Not printed in the letter; used for vesting dates, option pricing and the first-year bonus.",
    )
    work_location: Line | None = Field(
        default=None,
        title="Principal place of work",
        description='Printed as "Your principal place of employment will be ..."; empty: not stated.',
    )
    work_state: UsState | None = Field(
        default=None,
        title="Work state",
        description="Where the executive works: the state whose employment law applies (checked in the review).",
    )


class EmploymentTerm(Model):
    months: Months = Field(title="Initial term (months)", description="Employment runs for this many months from the start.")
    renews: bool = Field(
        default=True, title="Renews automatically", description="The term renews unless either party gives notice."
    )
    renewal_months: Months = Field(
        default=12, title="Each renewal (months)", description="Length of each renewal.", json_schema_extra=when(renews=True)
    )
    nonrenewal_notice_days: Days = Field(
        default=90,
        title="Notice of non-renewal (days)",
        description="Notice before the end of a term that it will not renew.",
        json_schema_extra=when(renews=True),
    )


# ---------------------------------------------------------------- pay


class SalaryStep(Model):
    model_config = ConfigDict(title="Salary increase")

    timing: SalaryStepTiming = Field(title="Takes effect", description="On a date, or on an anniversary of the start.")
    effective_date: LetterDate | None = Field(
        default=None, title="On", description="The date the new salary takes effect.",
        json_schema_extra=when(timing=SalaryStepTiming.ON_DATE),
    )
    anniversary: Annotated[int, Field(ge=1, le=10)] = Field(
        default=1, title="Anniversary", description="Which anniversary of the start (1 = the first).",
        json_schema_extra=when(timing=SalaryStepTiming.ON_ANNIVERSARY),
    )
    salary: Money = Field(title="New annual salary", description="The base salary from then on.")


class Compensation(Model):
    base_salary: Money = Field(title="Base salary", description="Annual rate, in US dollars.")
    pay_frequency: PayFrequency = Field(title="Pay frequency", description="How often salary is paid.")
    prior_salary: Money | None = Field(
        default=None,
        title="Salary before this letter",
        description='For a promotion or change of terms: printed as "increased from ..."; empty for a new hire.',
    )
    steps: list[SalaryStep] = Field(
        default_factory=list, title="Scheduled increases", description="Salary step-ups agreed now.", max_length=5
    )
    annual_review: bool = Field(
        default=False, title="Reviewed annually", description="Salary is reviewed at least once a year."
    )
    review_upward_only: bool = Field(
        default=False,
        title="Review may only increase it",
        description="The review may increase the salary but not reduce it.",
        json_schema_extra=when(annual_review=True),
    )


class BonusProgram(Model):
    name: Line = Field(title="Bonus program", description="The cash bonus plan's name.")
    first_year_pro_rata: bool = Field(
        title="Pro rata in the first year",
        description="Participation in the first calendar year is pro rata by days employed.",
    )
    target_percent: PayPercent | None = Field(
        default=None, title="Target (% of salary)", description="The bonus at target; empty: no target stated."
    )
    minimum_percent: PayPercent | None = Field(
        default=None,
        title="Range from (% of salary)",
        description='With a maximum, the letter states a range ("from 20% to 60%"); empty: no range.',
    )
    maximum_percent: PayPercent | None = Field(
        default=None, title="Maximum (% of salary)", description="The most the bonus may pay; empty: no cap stated."
    )
    guaranteed_minimum: Money | None = Field(
        default=None,
        title="Guaranteed for the first year",
        description="The least the first year's bonus will pay; empty: nothing guaranteed.",
    )
    paid: BonusPayment = Field(default=BonusPayment.ANNUALLY, title="Paid", description="Annually or quarterly.")
    basis: BonusBasis = Field(
        default=BonusBasis.BASE_SALARY,
        title="Percent of",
        description="The annual base salary rate, or the base salary actually earned in the year.",
    )
    employed_at_payout: bool = Field(
        default=False,
        title="Must be employed when paid",
        description="No bonus is earned unless the executive is employed on the payment date.",
    )
    plan_to_be_adopted: bool = Field(
        default=False,
        title="Plan yet to be adopted",
        description="The bonus depends on a plan the Board has not yet adopted.",
    )


class CashInstallment(Model):
    model_config = ConfigDict(title="Installment")

    amount: Money = Field(title="Amount", description="Paid in this installment, before withholding.")
    timing: PaymentTiming = Field(title="Paid", description="When this installment is paid.")
    months_after_start: Months = Field(
        default=12,
        title="Months after the start",
        description="12 is the first anniversary.",
        json_schema_extra=when(timing=PaymentTiming.MONTHS_AFTER_START),
    )
    on_date: LetterDate | None = Field(
        default=None, title="On", description="The payment date.", json_schema_extra=when(timing=PaymentTiming.ON_DATE)
    )


class Repayment(Model):
    kind: RepaymentKind = Field(
        title="Repay", description="All of it, or pro rata for the months not served."
    )
    months: Months = Field(
        title="If you leave within (months)",
        description="Repayable on resignation without Good Reason or termination for Cause within this many "
        "months of the payment.",
    )
    basis: RepaymentBasis = Field(
        default=RepaymentBasis.GROSS, title="Amount repaid", description="The gross amount, or the amount after taxes."
    )
    repay_days: Days = Field(
        default=30, title="Repay within (days)", description="Days after employment ends to repay."
    )
    offset: bool = Field(
        default=True, title="Right of offset", description="The Company may deduct it from amounts it owes you, as the law allows."
    )


class CashAward(Model):
    model_config = ConfigDict(title="Bonus")

    kind: CashAwardKind = Field(title="Kind", description="A signing (sign-on) bonus or a retention bonus.")
    installments: list[CashInstallment] = Field(
        title="Installments", description="Each payment of the bonus.", min_length=1, max_length=6
    )
    repayment: Repayment | None = Field(
        default=None, title="Repayment", description="When the bonus must be paid back; empty: never."
    )


# ---------------------------------------------------------------- equity


class Vesting(Model):
    kind: VestingKind = Field(
        title="Vesting", description="Equal annual installments; a cliff then periodic; or all at once on a cliff."
    )
    years: Annotated[int, Field(ge=1, le=10)] = Field(
        title="Years",
        description="Equal annual: number of annual installments. Cliff then periodic: total vesting years. "
        "Cliff: years until it vests in full.",
    )
    cliff_months: Annotated[int, Field(ge=0, le=60)] = Field(
        default=0,
        title="Cliff (months)",
        description="Cliff then periodic only: months before the first shares vest.",
        json_schema_extra=when(kind=VestingKind.CLIFF_THEN_PERIODIC),
    )
    period: VestingPeriod = Field(
        default=VestingPeriod.MONTHLY,
        title="After the cliff",
        description="Cliff then periodic only: how often shares vest after the cliff.",
        json_schema_extra=when(kind=VestingKind.CLIFF_THEN_PERIODIC),
    )
    starts: VestingStart = Field(
        default=VestingStart.START_DATE,
        title="Vesting counts from",
        description="The start of employment, or the grant date.",
    )


class EquityGrant(Model):
    kind: GrantKind = Field(title="Kind", description="Option (non-qualified or ISO), RSU, PSU or restricted stock.")
    sizing: GrantSizing = Field(
        default=GrantSizing.SHARES,
        title="Sized as",
        description="A number of shares, a dollar value, or a percentage of base salary.",
    )
    shares: Annotated[int, Field(ge=1, le=1_000_000_000)] | None = Field(
        default=None,
        title="Shares",
        description="Number of shares (or options) granted; a PSU's target number.",
        json_schema_extra=when(sizing=GrantSizing.SHARES),
    )
    value: Money | None = Field(
        default=None,
        title="Grant value",
        description="Dollar value of the grant, converted to shares at the closing price on the grant date.",
        json_schema_extra=when(sizing=GrantSizing.DOLLAR_VALUE),
    )
    percent_of_salary: PayPercent | None = Field(
        default=None,
        title="Value (% of salary)",
        description="Grant value as a percentage of base salary, converted at the grant date price.",
        json_schema_extra=when(sizing=GrantSizing.PERCENT_OF_SALARY),
    )
    pricing: PricingRule = Field(
        default=PricingRule.NOT_APPLICABLE,
        title="Exercise price",
        description="How an option's exercise price is set.",
        json_schema_extra=when(kind=OPTION_KINDS),
    )
    grant_date: LetterDate | None = Field(
        default=None,
        title="Grant date",
        description="When the grant is made, if not on the start date (for example after a Board meeting).",
    )
    performance_conditions: Text | None = Field(
        default=None,
        title="Performance conditions",
        description="PSUs: what must be achieved for the units to be earned, in the letter's words.",
        json_schema_extra=when(kind=GrantKind.PSU),
    )
    vesting: Vesting = Field(title="Vesting schedule", description="When the shares vest.")


class Equity(Model):
    grants: list[EquityGrant] = Field(
        title="Grants", description="Each equity grant in the offer.", min_length=1, max_length=10
    )
    par_value: Annotated[Decimal, Field(gt=0, le=100, decimal_places=6)] = Field(
        title="Par value per share", description="Of the common stock, e.g. 0.0001."
    )
    review_months: Months | None = Field(
        default=None,
        title="Review for more grants (months)",
        description="Months after the start when additional grants are considered; empty for none.",
    )
    assumed_share_price: Money | None = Field(
        default=None,
        title="Share price for estimates",
        description="Not printed. Used by Calculations to size grants stated in dollars and to value equity.",
    )


# ---------------------------------------------------------------- perquisites and benefits


class Transportation(Model):
    kind: TransportationKind = Field(
        default=TransportationKind.ALLOWANCE, title="Kind", description="A monthly car allowance, or a leased car."
    )
    monthly_allowance: Money = Field(
        title="Monthly allowance", description="The allowance per month, or the most the Company pays for the lease."
    )


class Allowance(Model):
    name: Line = Field(title="For", description='What it is for: "housing", "financial planning".')
    monthly_amount: Money = Field(title="Per month", description="Paid each month.")


class Perquisites(Model):
    allowances: list[Allowance] = Field(
        default_factory=list, title="Allowances", description="Other monthly allowances.", max_length=8
    )
    retirement_match_percent: Portion | None = Field(
        default=None,
        title="401(k) match (up to % of salary)",
        description="The Company matches contributions up to this percentage of salary; empty: not stated.",
    )
    retirement_match_cap: Money | None = Field(
        default=None,
        title="401(k) match cap per year",
        description="The most the Company matches in a year (e.g. the IRS limit); empty: no cap stated.",
    )
    deferred_compensation_plan: Line | None = Field(
        default=None,
        title="Deferred compensation plan",
        description="The plan the executive may defer pay into; empty: none.",
    )


class Relocation(Model):
    kind: RelocationKind = Field(
        title="Paid as", description="Reimbursement of actual expenses up to a cap, or a lump sum."
    )
    amount: Money = Field(title="Amount (or cap)", description="The lump sum, or the most reimbursed.")
    from_location: Line | None = Field(default=None, title="Moving from", description="Empty: not stated.")
    gross_up: bool = Field(
        default=False, title="Taxes grossed up", description="The Company pays the income tax on the benefit."
    )
    repayment: Repayment | None = Field(
        default=None, title="Repayment", description="When relocation must be paid back; empty: never."
    )


class Benefits(Model):
    merp: bool = Field(
        title="Medical expense reimbursement plan (MERP)", description="Name the MERP among the benefits."
    )
    life_insurance_multiple: Annotated[int, Field(ge=1, le=10)] | None = Field(
        default=None,
        title="Life insurance (times salary)",
        description="Life insurance equal to this many times annual salary; empty for none.",
    )
    bonus_program: BonusProgram | None = Field(
        default=None, title="Cash bonus program", description="Eligibility for an annual cash bonus."
    )
    professional_fees: bool = Field(
        title="Professional fees reimbursed",
        description="Expenses include professional fees and dues needed for the duties.",
    )
    vacation_days: Annotated[int, Field(ge=0, le=60)] = Field(
        title="Vacation (business days)", description="Paid vacation per year, in business days."
    )


# ---------------------------------------------------------------- termination


class Severance(Model):
    """What a termination pays: one formula, how it is paid and its conditions."""

    formula: SeveranceFormula = Field(
        default=SeveranceFormula.MONTHS_OF_SALARY,
        title="Severance is",
        description="Months of salary; a multiple of salary (and target bonus); weeks per year or month of "
        "service; or salary for the rest of a fixed term.",
    )
    months: Months = Field(
        default=12,
        title="Severance (months of salary)",
        description="Months of salary at the then current rate.",
        json_schema_extra=when(formula=SeveranceFormula.MONTHS_OF_SALARY),
    )
    multiple: Multiple = Field(
        default=Decimal("1"),
        title="Multiple",
        description="Times annual base salary (plus target bonus when included).",
        json_schema_extra=when(formula=SeveranceFormula.SALARY_AND_BONUS_MULTIPLE),
    )
    include_target_bonus: bool = Field(
        default=True,
        title="Include target bonus",
        description="The multiple applies to salary plus the annual target bonus.",
        json_schema_extra=when(formula=SeveranceFormula.SALARY_AND_BONUS_MULTIPLE),
    )
    weeks: Annotated[int, Field(ge=1, le=52)] = Field(
        default=2,
        title="Weeks of salary",
        description="Weeks of salary for each full year (or month) of service.",
        json_schema_extra=when(formula=SeveranceFormula.WEEKS_PER_SERVICE),
    )
    service_unit: ServiceUnit = Field(
        default=ServiceUnit.YEAR,
        title="For each",
        description="Each full year, or each full month, of service.",
        json_schema_extra=when(formula=SeveranceFormula.WEEKS_PER_SERVICE),
    )
    minimum_weeks: Annotated[int, Field(ge=1, le=260)] | None = Field(
        default=None,
        title="At least (weeks)",
        description="The least severance pays, in weeks of salary; empty: no minimum.",
        json_schema_extra=when(formula=SeveranceFormula.WEEKS_PER_SERVICE),
    )
    maximum_weeks: Annotated[int, Field(ge=1, le=520)] | None = Field(
        default=None,
        title="At most (weeks)",
        description="The cap, in weeks of salary; empty: no cap.",
        json_schema_extra=when(formula=SeveranceFormula.WEEKS_PER_SERVICE),
    )
    payment: SeverancePayment = Field(
        default=SeverancePayment.INSTALLMENTS,
        title="Paid",
        description="In installments on the payroll dates, or in one lump sum.",
    )
    lump_sum_days: Days = Field(
        default=60,
        title="Lump sum within (days)",
        description="Days after the termination date by which the lump sum is paid.",
        json_schema_extra=when(payment=SeverancePayment.LUMP_SUM),
    )
    cobra_months: Months | None = Field(
        default=None,
        title="COBRA premiums paid (months)",
        description="The Company pays COBRA continuation premiums this long; empty: none.",
    )
    pro_rata_bonus: bool = Field(
        default=False,
        title="Pro-rated bonus",
        description="A bonus for the year of termination at target, pro rata for the days employed.",
    )
    release_required: bool = Field(
        default=False,
        title="Release required",
        description="Paid only if the executive signs a general release of claims that becomes effective.",
    )
    release_days: Days = Field(
        default=60,
        title="Release effective within (days)",
        description="Days after the termination by which the release must be signed and irrevocable.",
        json_schema_extra=when(release_required=True),
    )
    offset_other_plans: bool = Field(
        default=False,
        title="Instead of other severance",
        description="Reduced by any severance paid under another plan or policy of the Company.",
    )
    specified_employee_delay: bool = Field(
        default=False,
        title="Six-month delay (Section 409A)",
        description="Payments to a specified employee of a public company are delayed six months as Section "
        "409A requires.",
    )


class WithoutCause(Model):
    severance: Severance = Field(title="Severance", description="On termination by the Company without Cause.")
    accelerate_equity: bool = Field(
        title="Unvested equity vests",
        description="Unvested options and equity vest on termination without Cause.",
    )
    acceleration_percent: Portion = Field(
        default=Decimal("100"),
        title="Portion that vests (%)",
        description="100: all unvested equity; 50: half of it.",
        json_schema_extra=when(accelerate_equity=True),
    )
    good_reason: bool = Field(
        default=False,
        title="Also on resignation for Good Reason",
        description="A resignation for Good Reason (defined in the letter) is treated as a termination without Cause.",
    )


class Cause(Model):
    definition: Definition = Field(
        default=Definition.IN_THIS_LETTER,
        title="Cause is defined",
        description="In this letter, or by reference to another agreement or plan.",
    )
    defined_in: Line | None = Field(
        default=None,
        title="Defined in",
        description='The document that defines it: "the Company\'s 2020 Equity Incentive Plan".',
        json_schema_extra=when(definition=Definition.IN_ANOTHER_DOCUMENT),
    )
    items: list[Text] = Field(
        default_factory=list,
        title="Cause means",
        description="Each ground for termination for Cause.",
        max_length=12,
        json_schema_extra=when(definition=Definition.IN_THIS_LETTER),
    )
    cure_notice_days: Days = Field(
        default=10,
        title="Cure notice (days)",
        description="Written notice given before termination for failure to correct.",
        json_schema_extra=when(definition=Definition.IN_THIS_LETTER),
    )


class GoodReason(Model):
    material_duties: bool = Field(
        default=True,
        title="Material reduction of duties",
        description="A material reduction of authority, duties or responsibilities.",
    )
    pay_cut_percent: Portion | None = Field(
        default=None,
        title="Salary cut of more than (%)",
        description="A reduction of base salary by more than this percentage; empty: any material reduction.",
    )
    relocation_miles: Annotated[int, Field(ge=1, le=1000)] | None = Field(
        default=None,
        title="Relocation of more than (miles)",
        description="Moving the principal place of work further than this; empty: not a ground.",
    )
    material_breach: bool = Field(
        default=True, title="Material breach by the Company", description="A material breach of this letter."
    )
    notice_days: Days = Field(
        default=90,
        title="Notice within (days)",
        description="The executive gives notice within this many days after the condition first occurs.",
    )
    cure_days: Days = Field(default=30, title="Cure period (days)", description="The Company may cure within this many days.")


class ChangeOfControl(Model):
    trigger: ControlTrigger = Field(
        default=ControlTrigger.DOUBLE,
        title="Trigger",
        description="Double: severance and vesting need a termination inside the window. Single: unvested equity "
        "vests on the Change of Control itself; severance still needs a termination.",
    )
    months_before: Months | None = Field(
        default=None,
        title="Window before (months)",
        description="A termination this many months before a Change of Control also counts; empty: none.",
    )
    protection_months: Months = Field(
        title="Window after (months)",
        description="Severance applies to a termination within this many months after a Change of Control.",
    )
    severance: Severance = Field(title="Severance", description="On termination inside the protection window.")
    good_reason: bool = Field(
        title="Resignation for reduced duties is a trigger",
        description="The executive may resign for a material reduction of authority (or for Good Reason, when "
        "the letter defines it) and receive the severance.",
    )
    accelerate_equity: bool = Field(
        title="Unvested equity vests", description="Unvested options vest on such a termination (or on the event, single trigger)."
    )
    acceleration_percent: Portion = Field(
        default=Decimal("100"),
        title="Portion that vests (%)",
        description="100: all unvested equity; 50: half of it.",
        json_schema_extra=when(accelerate_equity=True),
    )
    acceleration_within_months_of_start: Months | None = Field(
        default=None,
        title="Only if within (months of the start)",
        description="The vesting applies only if the Change of Control happens within this many months of the "
        "start; empty: whenever it happens.",
        json_schema_extra=when(accelerate_equity=True),
    )
    definition: Definition = Field(
        default=Definition.IN_THIS_LETTER,
        title="Change of Control is defined",
        description="In this letter, or by reference to another plan or agreement.",
    )
    defined_in: Line | None = Field(
        default=None,
        title="Defined in",
        description='The document that defines it: "the Company\'s 2020 Equity Incentive Plan".',
        json_schema_extra=when(definition=Definition.IN_ANOTHER_DOCUMENT),
    )
    ownership_threshold: Percent = Field(
        default=Decimal("50"),
        title="Ownership threshold (%)",
        description="Voting power a person or group must acquire.",
        json_schema_extra=when(definition=Definition.IN_THIS_LETTER),
    )
    board_approval_numerator: Annotated[int, Field(ge=1, le=9)] = Field(
        default=2, title="Board approval (numerator)", description="e.g. 2 of two-thirds.",
        json_schema_extra=when(definition=Definition.IN_THIS_LETTER),
    )
    board_approval_denominator: Annotated[int, Field(ge=2, le=10)] = Field(
        default=3, title="Board approval (denominator)", description="e.g. 3 of two-thirds.",
        json_schema_extra=when(definition=Definition.IN_THIS_LETTER),
    )
    rights_agreement_date: LetterDate | None = Field(
        default=None,
        title="Rights agreement date",
        description="Date of the stockholder rights agreement whose terms define an adverse board change; "
        "empty: the letter leaves that ground out.",
        json_schema_extra=when(definition=Definition.IN_THIS_LETTER),
    )
    rights_agent: Line | None = Field(
        default=None,
        title="Rights agent",
        description="The rights agent under that agreement.",
        json_schema_extra=when(definition=Definition.IN_THIS_LETTER),
    )


class Disability(Model):
    days_threshold: Days = Field(
        title="Days unable to work", description="More than this many days in the window allows termination."
    )
    window_months: Months = Field(title="Window (months)", description="The consecutive period those days fall in.")
    physician_return_days: Days = Field(
        title="Physician's return period (days)",
        description="No termination if a physician expects a return to work within this many days.",
    )
    severance: Severance | None = Field(
        default=None, title="Severance", description="On termination for disability; empty: none."
    )
    benefit_months: Months | None = Field(
        default=None,
        title="Health coverage continues (months)",
        description="Continued health coverage after termination; empty: none.",
    )
    exercise_months: Months = Field(
        title="Option exercise period (months)", description="Vested options remain exercisable this long."
    )
    accelerate_equity: bool = Field(
        default=False, title="Unvested equity vests", description="Unvested equity vests on termination for disability."
    )


class Death(Model):
    exercise_months: Months = Field(
        title="Option exercise period (months)", description="The estate may exercise vested options this long."
    )
    cash_benefit: Money | None = Field(
        default=None, title="Lump sum to the estate", description="Paid to the estate; empty: none."
    )
    accelerate_equity: bool = Field(
        default=False, title="Unvested equity vests", description="Unvested equity vests on death."
    )


class Notice(Model):
    resignation_days: Days = Field(
        title="You give (days)", description="Written notice the executive gives before resigning."
    )
    company_days: Days | None = Field(
        default=None,
        title="The Company gives (days)",
        description="Written notice the Company gives before a termination without Cause; empty: none.",
    )
    pay_in_lieu: bool = Field(
        default=True,
        title="Pay in lieu of notice",
        description="The Company may end employment sooner by paying salary for the notice period.",
    )


class Termination(Model):
    without_cause: WithoutCause | None = Field(
        default=None, title="Without Cause", description="Severance on termination without Cause; empty: none."
    )
    cause: Cause | None = Field(default=None, title="Cause", description='The definition of "Cause".')
    good_reason: GoodReason | None = Field(
        default=None, title="Good Reason", description='The definition of "Good Reason" (constructive termination).'
    )
    change_of_control: ChangeOfControl | None = Field(
        default=None, title="Change of Control", description="Severance and vesting after a Change of Control."
    )
    disability: Disability | None = Field(default=None, title="Disability", description="Termination upon disability.")
    death: Death | None = Field(default=None, title="Death", description="Termination upon death.")
    notice: Notice | None = Field(default=None, title="Notice", description="Notice periods and pay in lieu.")


# ---------------------------------------------------------------- covenants and disputes


class Noncompete(Model):
    months: Months = Field(title="Non-compete (months)", description="How long the non-compete runs.")
    starts: NoncompeteStart = Field(
        title="Non-compete runs from",
        description="Termination, or the later of termination and the last severance payment.",
    )
    passive_investment_percent: Percent = Field(
        title="Passive investment allowed (%)", description="Ownership below this is not competition."
    )
    garden_leave_percent: Portion | None = Field(
        default=None,
        title="Garden leave pay (% of salary)",
        description="Pay during the restricted period, as a percentage of the highest salary (Massachusetts "
        "requires at least 50); empty: none.",
    )


class Nonsolicit(Model):
    months: Months = Field(
        title="Non-solicit (months)", description="After employment ends; also the look-back for hiring ex-employees."
    )


class Covenants(Model):
    business_description: Text = Field(
        title="The Business",
        description='Completes "the principal business of the Company ... is": what the Company does.',
    )
    noncompete: Noncompete | None = Field(
        default=None,
        title="Non-compete",
        description="A covenant not to compete after employment; void in California and limited elsewhere.",
    )
    nonsolicit: Nonsolicit | None = Field(
        default=None, title="Non-solicit", description="No soliciting of employees and customers after employment."
    )


class Arbitration(Model):
    rules: Line = Field(title="Rules", description='For example: "commercial arbitration rules".')
    body: Line = Field(title="Administering body", description="For example: American Arbitration Association.")
    body_abbreviation: Line = Field(title="Abbreviation", description="For example: AAA.")
    arbitrators: Annotated[int, Field(ge=1, le=5)] = Field(title="Arbitrators", description="How many arbitrators.")
    venue_state: Line = Field(title="Venue: state", description="State where the arbitration sits.")
    venue_city: Line = Field(title="Venue: city", description="City where the arbitration sits.")
    award_confirmation: Text = Field(
        title="Confirmation of award",
        description='Completes "Any arbitral award ... may be confirmed pursuant to ...".',
    )


class GoverningLaw(Model):
    state: UsState = Field(title="Governing law", description="The state whose law governs the letter.")
    courts: Line | None = Field(
        default=None,
        title="Courts",
        description='Without arbitration, where disputes are heard: "the state and federal courts located in '
        'New York County, New York". Empty: not stated.',
    )


# ---------------------------------------------------------------- conditions


class Transaction(Model):
    kind: TransactionKind = Field(title="Kind", description="A merger (or acquisition) closing, or a financing.")
    description: Line = Field(
        title="Transaction", description='Completes "the closing of ...": "the merger of Acme, Inc. with the Company".'
    )
    expected_date: LetterDate = Field(
        title="Expected closing", description="Not printed. Used for payments due at the closing in Calculations."
    )
    outside_date: LetterDate | None = Field(
        default=None, title="Offer lapses if not closed by", description="Empty: no outside date."
    )


class Conditions(Model):
    board_approval_required: bool = Field(
        title="Board approval required", description="Employment is conditioned on the Board's approval."
    )
    background_check: bool = Field(
        default=False,
        title="Background check",
        description="Employment is conditioned on a satisfactory background check.",
    )
    work_authorization: bool = Field(
        default=False,
        title="Proof of work authorization",
        description="Employment is conditioned on proof of the right to work in the United States.",
    )
    transaction: Transaction | None = Field(
        default=None,
        title="Closing of a transaction",
        description="The offer takes effect only on the closing of a merger or financing; empty: none.",
    )


# ---------------------------------------------------------------- document marks


DEFAULT_LEGEND = "Draft - Privileged & Confidential"


class MarkPlacement(StrEnum):
    HEADER = "header"
    FOOTER = "footer"


class DocumentOptions(Model):
    """Marks printed on every page of the letter (the first page too), in its header or footer."""

    legend: bool = Field(
        default=True, title="Print the legend", description="Print the legend below on every page."
    )
    legend_text: Line = Field(
        default=DEFAULT_LEGEND,
        title="Legend",
        description='The legend, e.g. "Draft - Privileged & Confidential" or "Subject to FRE 408".',
        json_schema_extra=when(legend=True),
    )
    document_id: Line | None = Field(
        default=None,
        title="Document ID",
        description='The document management number, e.g. "NY 1234567 v2"; printed on every page; empty: none.',
    )
    placement: MarkPlacement = Field(
        default=MarkPlacement.HEADER,
        title="Printed in the",
        description="The top of every page (the header) or the bottom (the footer).",
    )


class ClauseWording(Model):
    """This letter's departure from the standard wording of one clause (a paragraph of the letter).

    ``text`` is the clause as this letter says it; ``[[compensation.base_salary]]`` in it is a live
    term: it prints the term's current value, as the standard wording would. ``alternate`` picks one
    of the clause library's named alternatives (``app/documents/clauses.py``).
    """

    clause: Line = Field(
        title="Clause", description="The clause's id, as the preview shows it (e.g. governing_law.1)."
    )
    alternate: Line | None = Field(
        default=None, title="Alternate", description="The clause library's alternative used. Empty: the standard one."
    )
    text: Text | None = Field(
        default=None,
        title="Wording for this letter",
        description="The clause's text for this letter only; [[path]] shows a term. Empty: the standard wording.",
    )


class Letter(Model):
    """An executive offer letter and its Exhibit A."""

    company: Company = Field(title="Company", description="The employer and its signatory.")
    candidate: Candidate = Field(title="Candidate", description="The person receiving the offer.")
    letter: LetterInfo = Field(title="Letter", description="Date, subject and closing.")
    position: Position = Field(title="Position and duties", description="Role, duties, place and start.")
    term: EmploymentTerm | None = Field(
        default=None, title="Fixed term", description="A fixed term of employment; empty: no fixed term."
    )
    compensation: Compensation = Field(title="Base compensation", description="Salary and pay frequency.")
    cash_awards: list[CashAward] = Field(
        default_factory=list,
        title="Signing and retention bonuses",
        description="One-time cash bonuses and their repayment terms.",
        max_length=4,
    )
    equity: Equity | None = Field(default=None, title="Long-term incentive compensation", description="Equity grants.")
    transportation: Transportation | None = Field(
        default=None, title="Transportation allowance", description="A monthly car allowance or leased car."
    )
    perquisites: Perquisites | None = Field(
        default=None, title="Perquisites", description="Allowances, 401(k) match, deferred compensation."
    )
    relocation: Relocation | None = Field(default=None, title="Relocation", description="Relocation assistance.")
    benefits: Benefits = Field(title="Benefits", description="Health, life, bonus, expenses, vacation.")
    termination: Termination = Field(title="Termination", description="Severance and what each termination triggers.")
    covenants: Covenants | None = Field(
        default=None, title="Restrictive covenants", description="Exhibit A; empty: no restrictive covenants."
    )
    arbitration: Arbitration | None = Field(
        default=None, title="Arbitration", description="Disputes go to arbitration; empty: to the courts."
    )
    governing_law: GoverningLaw = Field(title="Governing law", description="The law that governs, and the courts.")
    conditions: Conditions = Field(title="Conditions", description="Conditions to employment.")
    wording: list[ClauseWording] = Field(
        default_factory=list,
        title="Clause wording",
        description="Clauses whose wording departs from the standard for this letter, and alternates chosen.",
    )
    document_options: DocumentOptions | None = Field(
        default=None,
        title="Legend and document ID",
        description="A legend and a document ID on every page; empty: neither is printed.",
    )

    @model_validator(mode="after")
    def _wording_names_real_terms(self) -> Letter:
        seen: set[str] = set()
        for index, item in enumerate(self.wording):
            if item.clause in seen:
                raise ValueError(f"wording.{index}: clause {item.clause} is worded twice; keep one")
            seen.add(item.clause)
            for path in tokens(item.text or ""):
                if path.startswith("wording") or value_at(self, path) is MISSING:
                    raise ValueError(
                        f"wording.{index}.text: [[{path}]] names no term this letter has; "
                        "fix the name or remove the token"
                    )
        return self
