"""The offer letter as data: every term of the letter and of Exhibit A is a field.

Field titles and descriptions are the labels and help text the editor shows; the grouping of fields
into the letter's sections lives in :mod:`app.domain.sections`. Field-level rules live on the types
(:mod:`app.domain.types`); rules that relate several fields live in :mod:`app.domain.rules`.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from app.domain.types import Days, LetterDate, Line, Money, Months, Percent, Text


class Model(BaseModel):
    """Base of every letter model: unknown keys are errors, values are re-checked on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=False)


class PayFrequency(StrEnum):
    WEEKLY = "weekly"
    BI_WEEKLY = "bi-weekly"
    SEMI_MONTHLY = "semi-monthly"
    MONTHLY = "monthly"


class GrantKind(StrEnum):
    NON_QUALIFIED_OPTION = "non_qualified_option"
    INCENTIVE_STOCK_OPTION = "incentive_stock_option"
    RSU = "rsu"
    RESTRICTED_STOCK = "restricted_stock"

    @property
    def is_option(self) -> bool:
        return self in (GrantKind.NON_QUALIFIED_OPTION, GrantKind.INCENTIVE_STOCK_OPTION)


class PricingRule(StrEnum):
    CLOSE_PRIOR_TRADING_DAY = "close_prior_trading_day"
    CLOSE_ON_GRANT_DATE = "close_on_grant_date"
    NOT_APPLICABLE = "not_applicable"


class VestingKind(StrEnum):
    EQUAL_ANNUAL = "equal_annual"
    CLIFF_THEN_PERIODIC = "cliff_then_periodic"


class VestingPeriod(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


class NoncompeteStart(StrEnum):
    LATER_OF_TERMINATION_AND_SEVERANCE = "later_of_termination_and_severance"
    TERMINATION = "termination"


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
    letter_date: LetterDate = Field(title="Letter date", description="The date printed on the letter.")
    re_line: Line = Field(title="Re: line", description="The subject line under the address.")
    closing_paragraph: Text = Field(
        title="Closing paragraph", description="The paragraph before the signature (questions, next steps)."
    )
    complimentary_close: Line = Field(title="Complimentary close", description="For example: Sincerely yours.")


# ---------------------------------------------------------------- terms


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


class Compensation(Model):
    base_salary: Money = Field(title="Base salary", description="Annual rate, in US dollars.")
    pay_frequency: PayFrequency = Field(title="Pay frequency", description="How often salary is paid.")


class Vesting(Model):
    kind: VestingKind = Field(title="Vesting", description="Equal annual installments, or a cliff then periodic.")
    years: Annotated[int, Field(ge=1, le=10)] = Field(
        title="Years", description="Equal annual: number of annual installments. Cliff: total vesting years."
    )
    cliff_months: Annotated[int, Field(ge=0, le=60)] = Field(
        default=0,
        title="Cliff (months)",
        description="Cliff vesting only: months before the first shares vest.",
        json_schema_extra={"applies_when": {"kind": VestingKind.CLIFF_THEN_PERIODIC.value}},
    )
    period: VestingPeriod = Field(
        default=VestingPeriod.MONTHLY,
        title="After the cliff",
        description="Cliff vesting only: how often shares vest after the cliff.",
        json_schema_extra={"applies_when": {"kind": VestingKind.CLIFF_THEN_PERIODIC.value}},
    )


class EquityGrant(Model):
    kind: GrantKind = Field(title="Kind", description="Option (non-qualified or ISO), RSU or restricted stock.")
    shares: Annotated[int, Field(ge=1, le=1_000_000_000)] = Field(
        title="Shares", description="Number of shares (or options) granted."
    )
    pricing: PricingRule = Field(
        title="Exercise price", description="How an option's exercise price is set."
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


class Transportation(Model):
    monthly_allowance: Money = Field(title="Monthly allowance", description="Car allowance per month.")


class BonusProgram(Model):
    name: Line = Field(title="Bonus program", description="The cash bonus plan's name.")
    first_year_pro_rata: bool = Field(
        title="Pro rata in the first year",
        description="Participation in the first calendar year is pro rata by days employed.",
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
        default=None, title="Cash bonus program", description="Eligibility for a cash bonus program."
    )
    professional_fees: bool = Field(
        title="Professional fees reimbursed",
        description="Expenses include professional fees and dues needed for the duties.",
    )
    vacation_days: Annotated[int, Field(ge=0, le=60)] = Field(
        title="Vacation (business days)", description="Paid vacation per year, in business days."
    )


class WithoutCause(Model):
    severance_months: Months = Field(
        title="Severance (months of salary)", description="On termination by the Company without Cause."
    )
    accelerate_equity: bool = Field(
        title="Unvested equity vests",
        description="All unvested options and equity vest on termination without Cause.",
    )


class Cause(Model):
    items: list[Text] = Field(
        title="Cause means", description="Each ground for termination for Cause.", min_length=1, max_length=12
    )
    cure_notice_days: Days = Field(
        title="Cure notice (days)", description="Written notice given before termination for failure to correct."
    )


class ChangeOfControl(Model):
    protection_months: Months = Field(
        title="Protection window (months)",
        description="Severance applies to a termination within this many months after a Change of Control.",
    )
    severance_months: Months = Field(
        title="Severance (months of salary)", description="On termination inside the protection window."
    )
    good_reason: bool = Field(
        title="Reduction of duties is a trigger",
        description="The executive may resign for a material reduction of authority and receive the severance.",
    )
    accelerate_equity: bool = Field(
        title="Unvested equity vests", description="All unvested options vest on such a termination."
    )
    ownership_threshold: Percent = Field(
        title="Ownership threshold (%)", description="Voting power a person or group must acquire."
    )
    board_approval_numerator: Annotated[int, Field(ge=1, le=9)] = Field(
        title="Board approval (numerator)", description="e.g. 2 of two-thirds."
    )
    board_approval_denominator: Annotated[int, Field(ge=2, le=10)] = Field(
        title="Board approval (denominator)", description="e.g. 3 of two-thirds."
    )
    rights_agreement_date: LetterDate = Field(
        title="Rights agreement date", description="Date of the Amended and Restated Rights Agreement."
    )
    rights_agent: Line = Field(title="Rights agent", description="The rights agent under that agreement.")


class Disability(Model):
    days_threshold: Days = Field(
        title="Days unable to work", description="More than this many days in the window allows termination."
    )
    window_months: Months = Field(title="Window (months)", description="The consecutive period those days fall in.")
    physician_return_days: Days = Field(
        title="Physician's return period (days)",
        description="No termination if a physician expects a return to work within this many days.",
    )
    severance_months: Months = Field(title="Severance (months of salary)", description="On termination for disability.")
    benefit_months: Months = Field(
        title="Health coverage continues (months)", description="Continued health coverage after termination."
    )
    exercise_months: Months = Field(
        title="Option exercise period (months)", description="Vested options remain exercisable this long."
    )


class Death(Model):
    exercise_months: Months = Field(
        title="Option exercise period (months)", description="The estate may exercise vested options this long."
    )


class Termination(Model):
    without_cause: WithoutCause = Field(title="Without Cause", description="Termination without Cause.")
    cause: Cause = Field(title="Cause", description='The definition of "Cause".')
    change_of_control: ChangeOfControl | None = Field(
        default=None, title="Change of Control", description="Severance after a Change of Control."
    )
    disability: Disability = Field(title="Disability", description="Termination upon disability.")
    death: Death = Field(title="Death", description="Termination upon death.")


class Covenants(Model):
    business_description: Text = Field(
        title="The Business",
        description='Completes "the principal business of the Company ... is": what the Company does.',
    )
    noncompete_months: Months = Field(title="Non-compete (months)", description="How long the non-compete runs.")
    noncompete_start: NoncompeteStart = Field(
        title="Non-compete runs from",
        description="Termination, or the later of termination and the last severance payment.",
    )
    passive_investment_percent: Percent = Field(
        title="Passive investment allowed (%)", description="Ownership below this is not competition."
    )
    nonsolicit_months: Months = Field(
        title="Non-solicit (months)", description="After employment ends; also the look-back for hiring ex-employees."
    )


class Arbitration(Model):
    rules: Line = Field(title="Rules", description='For example: "commercial arbitration rules".')
    body: Line = Field(title="Administering body", description="For example: American Arbitration Association.")
    body_abbreviation: Line = Field(title="Abbreviation", description="For example: AAA.")
    arbitrators: Annotated[int, Field(ge=1, le=5)] = Field(title="Arbitrators", description="How many arbitrators.")
    venue_state: Line = Field(title="Venue: state", description="State where the arbitration sits.")
    venue_city: Line = Field(title="Venue: city", description="City where the arbitration sits.")
    governing_law: Line = Field(title="Governing law (state)", description="Substantive law applied.")
    award_confirmation: Text = Field(
        title="Confirmation of award",
        description='Completes "Any arbitral award ... may be confirmed pursuant to ...".',
    )


class Conditions(Model):
    board_approval_required: bool = Field(
        title="Board approval required", description="Employment is conditioned on the Board's approval."
    )


class Letter(Model):
    """An executive offer letter and its Exhibit A."""

    company: Company = Field(title="Company", description="The employer and its signatory.")
    candidate: Candidate = Field(title="Candidate", description="The person receiving the offer.")
    letter: LetterInfo = Field(title="Letter", description="Date, subject and closing.")
    position: Position = Field(title="Position and duties", description="Role, duties and start.")
    compensation: Compensation = Field(title="Base compensation", description="Salary and pay frequency.")
    equity: Equity | None = Field(default=None, title="Long-term incentive compensation", description="Equity grants.")
    transportation: Transportation | None = Field(
        default=None, title="Transportation allowance", description="A monthly car allowance."
    )
    benefits: Benefits = Field(title="Benefits", description="Health, life, bonus, expenses, vacation.")
    termination: Termination = Field(title="Termination", description="Severance and what each termination triggers.")
    covenants: Covenants = Field(title="Restrictive covenants", description="Exhibit A.")
    arbitration: Arbitration = Field(title="Arbitration", description="Dispute resolution.")
    conditions: Conditions = Field(title="Conditions", description="Conditions to employment.")
