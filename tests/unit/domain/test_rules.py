"""Rules across fields: errors block rendering, warnings do not."""

from __future__ import annotations

from app.domain.problems import Severity, has_errors
from app.domain.rules import validate_draft
from tests.unit.domain.test_letter_model import edited


def problems_at(draft: dict) -> dict[str, tuple[Severity, str]]:
    _, problems = validate_draft(draft)
    return {p.dotted: (p.severity, p.message) for p in problems}


def test_start_before_letter_date_is_a_warning_for_a_confirmatory_letter() -> None:
    found = problems_at(edited("position.start_date", "2002-09-01"))
    severity, message = found["position.start_date"]
    assert severity is Severity.WARNING
    assert "before the letter date (2002-10-01)" in message
    assert "confirms terms already in effect" in message


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
    draft = edited("termination.change_of_control.severance.months", 6)
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


# ---------------------------------------------------------------- rules of the terms added for real letters


def _with(**changes: object) -> dict:
    """The sample with dotted-path terms replaced: ``_with(**{"term": {...}})``."""
    draft = edited("letter.re_line", SAMPLE_RE)
    for path, value in changes.items():
        node = draft
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        for key in parents:
            node = node[key]
        node[last] = value
    return draft


SAMPLE_RE = "MIM Corporation and Subsidiaries"
_TERM = {"months": 24, "renews": False}


def test_a_fixed_term_letter_cannot_also_be_at_will() -> None:
    found = problems_at(_with(term=_TERM))
    assert found["position.at_will"][0] is Severity.ERROR
    assert "position.at_will" not in problems_at(_with(term=_TERM, **{"position.at_will": False}))


def test_salary_for_the_rest_of_the_term_needs_a_term() -> None:
    remainder = {"formula": "remainder_of_term"}
    found = problems_at(_with(**{"termination.without_cause.severance": remainder}))
    assert found["termination.without_cause.severance.formula"][0] is Severity.ERROR
    fine = _with(term=_TERM, **{"position.at_will": False, "termination.without_cause.severance": remainder})
    assert "termination.without_cause.severance.formula" not in problems_at(fine)


def test_a_multiple_of_target_bonus_needs_a_target() -> None:
    multiple = {"formula": "salary_and_bonus_multiple", "multiple": "1.5"}
    found = problems_at(_with(**{"termination.without_cause.severance": multiple}))
    assert "no target bonus" in found["termination.without_cause.severance.include_target_bonus"][1]
    with_target = _with(**{"termination.without_cause.severance": multiple,
                           "benefits.bonus_program.target_percent": "50"})
    assert "termination.without_cause.severance.include_target_bonus" not in problems_at(with_target)


def test_a_minimum_above_the_cap_is_an_error() -> None:
    weeks = {"formula": "weeks_per_service", "weeks": 2, "minimum_weeks": 26, "maximum_weeks": 12}
    found = problems_at(_with(**{"termination.without_cause.severance": weeks}))
    assert found["termination.without_cause.severance.minimum_weeks"][0] is Severity.ERROR
    weeks["maximum_weeks"] = 52
    assert "termination.without_cause.severance.minimum_weeks" not in problems_at(
        _with(**{"termination.without_cause.severance": weeks}))


def test_bonus_target_must_sit_inside_its_range() -> None:
    found = problems_at(_with(**{"benefits.bonus_program.target_percent": "80",
                                 "benefits.bonus_program.maximum_percent": "60"}))
    assert "above the maximum" in found["benefits.bonus_program.target_percent"][1]
    found = problems_at(_with(**{"benefits.bonus_program.minimum_percent": "20"}))
    assert "upper end" in found["benefits.bonus_program.maximum_percent"][1]
    fine = _with(**{"benefits.bonus_program.minimum_percent": "20", "benefits.bonus_program.target_percent": "40",
                    "benefits.bonus_program.maximum_percent": "60"})
    assert not [k for k in problems_at(fine) if k.startswith("benefits.bonus_program")]


def test_a_salary_step_on_a_date_needs_a_date_after_the_start() -> None:
    step = {"timing": "on_date", "salary": "350000"}
    found = problems_at(_with(**{"compensation.steps": [step]}))
    assert "is required" in found["compensation.steps[0].effective_date"][1]
    found = problems_at(_with(**{"compensation.steps": [dict(step, effective_date="2002-10-01")]}))
    assert "after the start date" in found["compensation.steps[0].effective_date"][1]
    assert not [k for k in problems_at(_with(**{"compensation.steps": [dict(step, effective_date="2003-10-14")]}))
                if k.startswith("compensation")]


def test_a_payment_at_the_closing_needs_a_transaction() -> None:
    award = {"kind": "signing", "installments": [{"amount": "100000", "timing": "at_closing"}]}
    found = problems_at(_with(cash_awards=[award]))
    assert "needs a transaction" in found["cash_awards[0].installments[0].timing"][1]
    deal = {"kind": "merger", "description": "the merger of Acme, Inc. with the Company",
            "expected_date": "2003-01-15"}
    assert not [k for k in problems_at(_with(cash_awards=[award], **{"conditions.transaction": deal}))
                if k.startswith("cash_awards")]


def test_a_grant_sized_in_dollars_needs_its_value_and_asks_for_a_price_for_estimates() -> None:
    grant = {"kind": "rsu", "sizing": "dollar_value", "vesting": {"kind": "equal_annual", "years": 4}}
    found = problems_at(_with(**{"equity.grants": [grant]}))
    assert found["equity.grants[0].value"][0] is Severity.ERROR
    found = problems_at(_with(**{"equity.grants": [dict(grant, value="400000")]}))
    assert "equity.grants[0].value" not in found
    assert found["equity.assumed_share_price"][0] is Severity.WARNING
    found = problems_at(_with(**{"equity.grants": [dict(grant, value="400000")], "equity.assumed_share_price": "12.50"}))
    assert not [k for k in found if k.startswith("equity")]


def test_an_option_needs_a_price_rule_and_an_rsu_is_not_warned_about_one() -> None:
    option = {"kind": "incentive_stock_option", "shares": 1000, "vesting": {"kind": "cliff", "years": 3}}
    assert "exercise price" in problems_at(_with(**{"equity.grants": [option]}))["equity.grants[0].pricing"][1]
    rsu = {"kind": "rsu", "shares": 1000, "pricing": "close_on_grant_date", "vesting": {"kind": "cliff", "years": 3}}
    assert "equity.grants[0].pricing" not in problems_at(_with(**{"equity.grants": [rsu]}))


def test_a_psu_needs_its_performance_conditions() -> None:
    psu = {"kind": "psu", "shares": 1000, "vesting": {"kind": "cliff", "years": 3}}
    assert problems_at(_with(**{"equity.grants": [psu]}))["equity.grants[0].performance_conditions"][0] is Severity.ERROR
    psu["performance_conditions"] = "cumulative revenue of $500 million over three fiscal years"
    assert "equity.grants[0].performance_conditions" not in problems_at(_with(**{"equity.grants": [psu]}))


def test_cause_defined_elsewhere_names_the_document_and_here_needs_a_ground() -> None:
    found = problems_at(_with(**{"termination.cause": {"definition": "in_another_document"}}))
    assert found["termination.cause.defined_in"][0] is Severity.ERROR
    found = problems_at(_with(**{"termination.cause": {"definition": "in_this_letter", "items": []}}))
    assert found["termination.cause.items"][0] is Severity.ERROR
    elsewhere = {"definition": "in_another_document", "defined_in": "the Company's 2020 Equity Incentive Plan"}
    assert not [k for k in problems_at(_with(**{"termination.cause": elsewhere})) if k.startswith("termination.cause")]


def test_good_reason_resignation_needs_a_definition() -> None:
    found = problems_at(_with(**{"termination.without_cause.good_reason": True}))
    assert "does not define Good Reason" in found["termination.without_cause.good_reason"][1]
    defined = _with(**{"termination.without_cause.good_reason": True,
                       "termination.good_reason": {"pay_cut_percent": "10"}})
    assert "termination.without_cause.good_reason" not in problems_at(defined)


def test_the_rights_agreement_needs_its_date_and_agent_together() -> None:
    found = problems_at(_with(**{"termination.change_of_control.rights_agent": None}))
    assert found["termination.change_of_control.rights_agent"][0] is Severity.ERROR
    neither = _with(**{"termination.change_of_control.rights_agent": None,
                       "termination.change_of_control.rights_agreement_date": None})
    assert not [k for k in problems_at(neither) if k.startswith("termination.change_of_control")]


def test_a_letter_without_arbitration_should_name_its_courts() -> None:
    found = problems_at(_with(arbitration=None))
    assert found["governing_law.courts"][0] is Severity.WARNING
    named = _with(arbitration=None, governing_law={"state": "NY", "courts": "the state and federal courts in New York County"})
    assert "governing_law.courts" not in problems_at(named)


def test_terms_a_letter_does_not_contain_can_all_be_left_out() -> None:
    draft = _with(equity=None, transportation=None, covenants=None, arbitration=None,
                  governing_law={"state": "CA", "courts": "the state courts of Santa Clara County, California"},
                  termination={}, **{"benefits.bonus_program": None, "benefits.life_insurance_multiple": None})
    letter, problems = validate_draft(draft)
    assert letter is not None and not has_errors(problems)
    assert letter.covenants is None and letter.termination.without_cause is None


def test_a_ground_for_cause_must_have_words() -> None:
    found = problems_at(_with(**{"termination.cause.items": ["fraud", "."]}))
    assert "has no words" in found["termination.cause.items[1]"][1]
    assert "termination.cause.items[0]" not in found
