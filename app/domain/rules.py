"""Validation of a whole letter: field rules (from the model) and rules across fields.

:func:`validate_draft` is the one entry point: it takes the user's raw draft (a dict that may be
invalid), and returns the letter when it could be built, and every problem found, each with the
path of the field it concerns and a message that says what to do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pydantic import ValidationError

from app.domain.letter import (
    Definition,
    GrantKind,
    GrantSizing,
    Letter,
    PaymentTiming,
    PricingRule,
    SalaryStepTiming,
    Severance,
    SeveranceFormula,
    VestingKind,
    VestingStart,
)
from app.domain.problems import Path, Problem, Severity

_PYDANTIC_MESSAGES = {
    "missing": "is required; fill it in",
    "extra_forbidden": "is not a known term; remove it",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "int_type": "must be a whole number",
    "finite_number": "must be a number, not infinity or NaN",
    "decimal_parsing": "must be a number such as 300000.00",
    "decimal_type": "must be a number such as 300000.00",
    "date_from_datetime_parsing": "must be a date written YYYY-MM-DD",
    "date_parsing": "must be a date written YYYY-MM-DD",
    "date_type": "must be a date written YYYY-MM-DD",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "string_type": "must be text",
    "list_type": "must be a list",
    "model_type": "must be a group of terms (an object)",
    "dict_type": "must be a group of terms (an object)",
}


def _friendly(error: dict[str, Any]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in _PYDANTIC_MESSAGES:
        return _PYDANTIC_MESSAGES[kind]
    if kind == "enum":
        return f"must be one of: {ctx.get('expected', '')}"
    if kind == "greater_than":
        return f"must be more than {ctx['gt']}"
    if kind == "greater_than_equal":
        return f"must be at least {ctx['ge']}"
    if kind == "less_than":
        return f"must be less than {ctx['lt']}"
    if kind == "less_than_equal":
        return f"must be at most {ctx['le']}"
    if kind == "string_too_long" or (kind == "too_long" and isinstance(error.get("input"), str)):
        return f"is too long: at most {ctx['max_length']:,} characters; shorten it"
    if kind == "too_short":
        return f"needs at least {ctx['min_length']} entr{'y' if ctx['min_length'] == 1 else 'ies'}; add one"
    if kind == "too_long":
        return f"has too many entries: at most {ctx['max_length']}; remove some"
    if kind in ("decimal_max_places", "decimal_max_digits", "decimal_whole_digits"):
        return "has too many digits; use at most two decimal places"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return str(error["msg"])


def _path(loc: tuple[Any, ...]) -> Path:
    # pydantic inserts the chosen type's tag into union locations (e.g. "int", "function-after[...]").
    return tuple(p for p in loc if isinstance(p, int) or ("[" not in str(p) and p not in {"int", "none"}))


def problems_from_validation_error(exc: ValidationError) -> list[Problem]:
    seen: set[tuple[Path, str]] = set()
    out: list[Problem] = []
    for err in exc.errors(include_url=False):
        path = _path(tuple(err["loc"]))
        msg = _friendly(dict(err))
        if (path, msg) in seen:
            continue
        seen.add((path, msg))
        out.append(Problem(path, msg, Severity.ERROR))
    return out


Rule = Callable[[Letter], Iterator[Problem]]

# An ISO keeps its tax treatment if exercised within one year of a termination for disability (IRC 422(c)(6)).
_ISO_DISABILITY_EXERCISE_MONTHS = 12
_NOTHING_TO_ACCELERATE = (
    "there are no equity grants to accelerate; the letter leaves out the acceleration clause "
    "(and with it the vesting of pension and deferred compensation)"
)
_RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    _RULES.append(fn)
    return fn


def _err(path: Path, message: str) -> Problem:
    return Problem(path, message, Severity.ERROR)


def _warn(path: Path, message: str) -> Problem:
    return Problem(path, message, Severity.WARNING)


@rule
def _dates(letter: Letter) -> Iterator[Problem]:
    info = letter.letter
    if letter.position.start_date < info.letter_date:
        # A letter that confirms terms already in effect is dated after the start: worth a look, not an error.
        yield _warn(
            ("position", "start_date"),
            f"is before the letter date ({info.letter_date.isoformat()}); fine for a letter that confirms "
            "terms already in effect, otherwise choose a later start date",
        )
    if info.effective_date is not None and info.effective_date < info.letter_date:
        yield _warn(
            ("letter", "effective_date"),
            f"is before the letter date ({info.letter_date.isoformat()}): the letter confirms terms "
            "retroactively; check that this is meant",
        )


@rule
def _term_of_employment(letter: Letter) -> Iterator[Problem]:
    if letter.term is not None and letter.position.at_will:
        yield _err(
            ("position", "at_will"),
            "a letter with a fixed term cannot also say employment is at will; uncheck one of them",
        )
    uses_remainder = [
        path for path, severance in _severances(letter)
        if severance.formula is SeveranceFormula.REMAINDER_OF_TERM
    ]
    if letter.term is None:
        for path in uses_remainder:
            yield _err(
                (*path, "formula"),
                "salary for the rest of the term needs a fixed term; add one under Term of Employment or "
                "choose another formula",
            )


def _severances(letter: Letter) -> Iterator[tuple[Path, Severance]]:
    t = letter.termination
    if t.without_cause is not None:
        yield ("termination", "without_cause", "severance"), t.without_cause.severance
    if t.change_of_control is not None:
        yield ("termination", "change_of_control", "severance"), t.change_of_control.severance
    if t.disability is not None and t.disability.severance is not None:
        yield ("termination", "disability", "severance"), t.disability.severance


@rule
def _severance_formulas(letter: Letter) -> Iterator[Problem]:
    bonus = letter.benefits.bonus_program
    has_target = bonus is not None and bonus.target_percent is not None
    for path, severance in _severances(letter):
        formula = severance.formula
        if formula is SeveranceFormula.SALARY_AND_BONUS_MULTIPLE and severance.include_target_bonus and not has_target:
            yield _err(
                (*path, "include_target_bonus"),
                "the letter states no target bonus to multiply; set a target under the bonus program or "
                "uncheck Include target bonus",
            )
        if formula is SeveranceFormula.WEEKS_PER_SERVICE and severance.minimum_weeks and severance.maximum_weeks \
                and severance.minimum_weeks > severance.maximum_weeks:
            yield _err((*path, "minimum_weeks"), "is more than the cap (At most); lower it or raise the cap")
        if severance.pro_rata_bonus and not has_target:
            yield _err(
                (*path, "pro_rata_bonus"),
                "a pro-rated bonus is computed from the target bonus; set a target under the bonus program",
            )


@rule
def _salary(letter: Letter) -> Iterator[Problem]:
    pay = letter.compensation
    start = letter.position.start_date
    if pay.prior_salary is not None and pay.prior_salary >= pay.base_salary:
        yield _warn(
            ("compensation", "prior_salary"),
            'is not below the new salary, yet the letter says "increased from"; check both figures',
        )
    for i, step in enumerate(pay.steps):
        base: Path = ("compensation", "steps", i)
        if step.timing is SalaryStepTiming.ON_DATE:
            if step.effective_date is None:
                yield _err((*base, "effective_date"), "is required for an increase on a date; pick the date")
            elif step.effective_date <= start:
                yield _err((*base, "effective_date"), "must be after the start date; pick a later date")
        if step.salary <= pay.base_salary:
            yield _warn((*base, "salary"), "is not above the base salary; a scheduled step is usually an increase")


@rule
def _bonus(letter: Letter) -> Iterator[Problem]:
    bonus = letter.benefits.bonus_program
    if bonus is None:
        return
    base: Path = ("benefits", "bonus_program")
    low, target, high = bonus.minimum_percent, bonus.target_percent, bonus.maximum_percent
    if low is not None and high is None:
        yield _err((*base, "maximum_percent"), "a range needs its upper end; fill in the maximum or clear Range from")
    if low is not None and high is not None and low >= high:
        yield _err((*base, "minimum_percent"), "must be below the maximum")
    if target is not None and high is not None and target > high:
        yield _err((*base, "target_percent"), "is above the maximum; lower the target or raise the maximum")
    if target is not None and low is not None and target < low:
        yield _err((*base, "target_percent"), "is below the bottom of the range")


@rule
def _cash_awards(letter: Letter) -> Iterator[Problem]:
    for i, award in enumerate(letter.cash_awards):
        for j, installment in enumerate(award.installments):
            path: Path = ("cash_awards", i, "installments", j)
            if installment.timing is PaymentTiming.ON_DATE and installment.on_date is None:
                yield _err((*path, "on_date"), "is required for a payment on a date; pick the date")
            if installment.timing is PaymentTiming.AT_CLOSING and letter.conditions.transaction is None:
                yield _err(
                    (*path, "timing"),
                    "a payment at the closing needs a transaction; add it under Conditions (Closing of a "
                    "transaction) or choose another time",
                )


@rule
def _vesting_covers_grant(letter: Letter) -> Iterator[Problem]:
    if letter.equity is None:
        return
    for i, grant in enumerate(letter.equity.grants):
        v = grant.vesting
        path: Path = ("equity", "grants", i)
        base: Path = (*path, "vesting")
        sizing_term = {
            GrantSizing.SHARES: ("shares", grant.shares, "the number of shares"),
            GrantSizing.DOLLAR_VALUE: ("value", grant.value, "the grant value"),
            GrantSizing.PERCENT_OF_SALARY: ("percent_of_salary", grant.percent_of_salary, "the percentage"),
        }[grant.sizing]
        if sizing_term[1] is None:
            yield _err((*path, sizing_term[0]), f"is required for a grant sized as {grant.sizing.value.replace('_', ' ')}; "
                       f"fill in {sizing_term[2]}")
        if grant.sizing is not GrantSizing.SHARES and letter.equity.assumed_share_price is None:
            yield _warn(
                ("equity", "assumed_share_price"),
                "a grant is stated in dollars: fill in a share price for estimates so Calculations can count "
                "its shares",
            )
        if grant.kind is GrantKind.PSU and not grant.performance_conditions:
            yield _err((*path, "performance_conditions"), "a PSU grant needs its performance conditions; describe them")
        if v.starts is VestingStart.GRANT_DATE and grant.grant_date is None:
            yield _warn(
                (*base, "starts"),
                "vesting counts from the grant date, but no grant date is set: the start date is assumed",
            )
        if grant.grant_date is not None and grant.grant_date < letter.position.start_date:
            yield _warn((*path, "grant_date"), "is before the start date; check it")
        shares = grant.shares if grant.sizing is GrantSizing.SHARES else None
        if v.kind is VestingKind.EQUAL_ANNUAL:
            if shares is not None and shares < v.years:
                yield _err(
                    (*base, "years"),
                    f"{v.years} installments cannot divide {shares:,} shares; use fewer years or more shares",
                )
        elif v.kind is VestingKind.CLIFF_THEN_PERIODIC:
            total_months = v.years * 12
            if v.cliff_months == 0:
                yield _err((*base, "cliff_months"), "a cliff schedule needs a cliff of at least 1 month")
            elif v.cliff_months >= total_months:
                yield _err(
                    (*base, "cliff_months"),
                    f"the cliff ({v.cliff_months} months) must end before vesting ends ({total_months} months); "
                    "shorten the cliff or lengthen the years",
                )
            step = 1 if v.period.value == "monthly" else 3
            if v.cliff_months and (total_months - v.cliff_months) % step:
                yield _err(
                    (*base, "cliff_months"),
                    f"after a {v.cliff_months}-month cliff the {v.period.value} installments do not end on the "
                    f"{v.years}-year vesting date; use a cliff that is a multiple of {step} months",
                )
            elif v.cliff_months and v.cliff_months % step:
                yield _err(
                    (*base, "cliff_months"),
                    f"a {v.cliff_months}-month cliff does not end on a {v.period.value} vesting date; use a "
                    f"multiple of {step} months",
                )
        if grant.kind.is_option and grant.pricing is PricingRule.NOT_APPLICABLE:
            yield _err((*path, "pricing"), "an option needs an exercise price rule; choose one")
    isos = [g for g in letter.equity.grants if g.kind is GrantKind.INCENTIVE_STOCK_OPTION]
    disability = letter.termination.disability
    if isos and disability is not None and disability.exercise_months > _ISO_DISABILITY_EXERCISE_MONTHS:
        yield _warn(
            ("termination", "disability", "exercise_months"),
            f"incentive stock options exercised more than {_ISO_DISABILITY_EXERCISE_MONTHS} months after a "
            "termination for disability are taxed as non-qualified options (Code section 422); "
            f"use {_ISO_DISABILITY_EXERCISE_MONTHS} months or fewer",
        )


@rule
def _acceleration_needs_equity(letter: Letter) -> Iterator[Problem]:
    if letter.equity is not None:
        return
    t = letter.termination
    for key, group in (("without_cause", t.without_cause), ("change_of_control", t.change_of_control),
                       ("disability", t.disability), ("death", t.death)):
        if group is not None and group.accelerate_equity:
            yield _warn(("termination", key, "accelerate_equity"), _NOTHING_TO_ACCELERATE)


@rule
def _definitions(letter: Letter) -> Iterator[Problem]:
    t = letter.termination
    cause = t.cause
    if cause is not None:
        if cause.definition is Definition.IN_THIS_LETTER and not cause.items:
            yield _err(("termination", "cause", "items"), "needs at least one ground; add one")
        for i, item in enumerate(cause.items):
            if not any(c.isalnum() for c in item):
                yield _err(("termination", "cause", "items", i), "has no words; write the ground out or remove it")
        if cause.definition is Definition.IN_ANOTHER_DOCUMENT and not cause.defined_in:
            yield _err(("termination", "cause", "defined_in"), "name the plan or agreement that defines Cause")
    needs_good_reason = t.without_cause is not None and t.without_cause.good_reason
    if needs_good_reason and t.good_reason is None:
        yield _err(
            ("termination", "without_cause", "good_reason"),
            "the letter does not define Good Reason; switch on Good Reason under Termination, or uncheck this",
        )
    coc = t.change_of_control
    if coc is not None and coc.definition is Definition.IN_ANOTHER_DOCUMENT and not coc.defined_in:
        yield _err(
            ("termination", "change_of_control", "defined_in"), "name the plan or agreement that defines it"
        )


@rule
def _change_of_control(letter: Letter) -> Iterator[Problem]:
    coc = letter.termination.change_of_control
    if coc is None:
        return
    base: Path = ("termination", "change_of_control")
    if coc.definition is Definition.IN_THIS_LETTER:
        if coc.board_approval_numerator >= coc.board_approval_denominator:
            yield _err(
                (*base, "board_approval_numerator"),
                "the board approval fraction must be less than one (e.g. 2 of 3)",
            )
        if (coc.rights_agreement_date is None) != (coc.rights_agent is None):
            missing = "rights_agent" if coc.rights_agent is None else "rights_agreement_date"
            yield _err(
                (*base, missing),
                "the rights agreement needs both its date and its rights agent (or neither, to leave that "
                "ground out); fill this in",
            )
    wc = letter.termination.without_cause
    if (wc is not None and wc.severance.formula is SeveranceFormula.MONTHS_OF_SALARY
            and coc.severance.formula is SeveranceFormula.MONTHS_OF_SALARY
            and coc.severance.months < wc.severance.months):
        yield _warn(
            (*base, "severance", "months"),
            "is less than the severance without Cause; a Change of Control usually pays at least as much",
        )


@rule
def _covenant_length(letter: Letter) -> Iterator[Problem]:
    covenants = letter.covenants
    if covenants is None or covenants.noncompete is None:
        return
    noncompete = covenants.noncompete
    if noncompete.months > 24:
        yield _warn(
            ("covenants", "noncompete", "months"),
            "a non-compete longer than two years is often unenforceable; check the governing law",
        )
    if noncompete.passive_investment_percent > 10:
        yield _warn(("covenants", "noncompete", "passive_investment_percent"), "is unusually high for a passive investment")


@rule
def _disputes(letter: Letter) -> Iterator[Problem]:
    if letter.arbitration is None and letter.governing_law.courts is None:
        yield _warn(
            ("governing_law", "courts"),
            "the letter has no arbitration clause and names no courts; name the courts that hear disputes",
        )
    transaction = letter.conditions.transaction
    if transaction is not None and transaction.outside_date is not None \
            and transaction.outside_date < transaction.expected_date:
        yield _err(
            ("conditions", "transaction", "outside_date"), "is before the expected closing; pick a later date"
        )


@rule
def _vacation_in_weeks(letter: Letter) -> Iterator[Problem]:
    if letter.benefits.vacation_days % 5 and letter.benefits.vacation_days:
        yield _warn(
            ("benefits", "vacation_days"),
            "is not a whole number of weeks; the letter will state business days only",
        )


def check_letter(letter: Letter) -> list[Problem]:
    """Cross-field rules on a letter that passed the field rules."""
    return [p for fn in _RULES for p in fn(letter)]


def validate_draft(draft: Any) -> tuple[Letter | None, list[Problem]]:
    """Build a letter from a raw draft and check it.

    Returns:
        The letter (``None`` when field rules fail) and every problem, errors first.
    """
    if not isinstance(draft, dict):
        return None, [_err((), "a letter must be a group of terms (a JSON object)")]
    try:
        letter = Letter.model_validate(draft)
    except ValidationError as exc:
        return None, problems_from_validation_error(exc)
    problems = check_letter(letter)
    problems.sort(key=lambda p: p.severity is not Severity.ERROR)
    return letter, problems
