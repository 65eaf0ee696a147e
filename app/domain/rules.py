"""Validation of a whole letter: field rules (from the model) and rules across fields.

:func:`validate_draft` is the one entry point: it takes the user's raw draft (a dict that may be
invalid), and returns the letter when it could be built, and every problem found, each with the
path of the field it concerns and a message that says what to do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pydantic import ValidationError

from app.domain.letter import GrantKind, Letter, VestingKind
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
def _start_after_letter(letter: Letter) -> Iterator[Problem]:
    if letter.position.start_date < letter.letter.letter_date:
        yield _err(
            ("position", "start_date"),
            f"is before the letter date ({letter.letter.letter_date.isoformat()}); choose a later start date",
        )


@rule
def _vesting_covers_grant(letter: Letter) -> Iterator[Problem]:
    if letter.equity is None:
        return
    for i, grant in enumerate(letter.equity.grants):
        v = grant.vesting
        base: Path = ("equity", "grants", i, "vesting")
        if v.kind is VestingKind.EQUAL_ANNUAL:
            if grant.shares < v.years:
                yield _err(
                    (*base, "years"),
                    f"{v.years} installments cannot divide {grant.shares:,} shares; use fewer years or more shares",
                )
        else:
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
        if grant.kind.is_option and grant.pricing.value == "not_applicable":
            yield _err((*base[:-1], "pricing"), "an option needs an exercise price rule; choose one")
        if not grant.kind.is_option and grant.pricing.value != "not_applicable":
            yield _warn(
                (*base[:-1], "pricing"),
                "RSUs and restricted stock have no exercise price; the pricing rule is ignored",
            )
    # The templates word RSU and restricted stock grants on their own terms (no "Options", no exercise
    # price), so a letter without options is no longer warned about.
    isos = [g for g in letter.equity.grants if g.kind is GrantKind.INCENTIVE_STOCK_OPTION]
    if isos and letter.termination.disability.exercise_months > _ISO_DISABILITY_EXERCISE_MONTHS:
        yield _warn(
            ("termination", "disability", "exercise_months"),
            f"incentive stock options exercised more than {_ISO_DISABILITY_EXERCISE_MONTHS} months after a "
            "termination for disability are taxed as non-qualified options (Code section 422); "
            f"use {_ISO_DISABILITY_EXERCISE_MONTHS} months or fewer",
        )


@rule
def _without_cause_acceleration(letter: Letter) -> Iterator[Problem]:
    if letter.termination.without_cause.accelerate_equity and letter.equity is None:
        yield _warn(
            ("termination", "without_cause", "accelerate_equity"),
            _NOTHING_TO_ACCELERATE,
        )


@rule
def _change_of_control(letter: Letter) -> Iterator[Problem]:
    coc = letter.termination.change_of_control
    if coc is None:
        return
    base: Path = ("termination", "change_of_control")
    if coc.board_approval_numerator >= coc.board_approval_denominator:
        yield _err(
            (*base, "board_approval_numerator"),
            "the board approval fraction must be less than one (e.g. 2 of 3)",
        )
    if coc.severance_months < letter.termination.without_cause.severance_months:
        yield _warn(
            (*base, "severance_months"),
            "is less than the severance without Cause; a Change of Control usually pays at least as much",
        )
    if coc.accelerate_equity and letter.equity is None:
        yield _warn((*base, "accelerate_equity"), _NOTHING_TO_ACCELERATE)


@rule
def _covenant_length(letter: Letter) -> Iterator[Problem]:
    if letter.covenants.noncompete_months > 24:
        yield _warn(
            ("covenants", "noncompete_months"),
            "a non-compete longer than two years is often unenforceable; check the governing law",
        )
    if letter.covenants.passive_investment_percent > 10:
        yield _warn(("covenants", "passive_investment_percent"), "is unusually high for a passive investment")


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
