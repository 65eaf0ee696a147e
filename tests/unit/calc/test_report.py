"""The labelled lines the pane and the table show, and calculate() on any valid letter."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from app.calc import ScenarioKind, calculate, run_scenario, scenario_kinds
from app.calc.report import overview, scenario_section
from app.documents.formatting import FILTERS
from app.domain.letter import Letter
from tests.unit.calc.letters import any_letter, letter_with


def test_overview_reads_in_the_letters_formats() -> None:
    lines = {line.key: line for section in overview(calculate(letter_with())) for line in section.lines}
    assert lines["pay.per_period"].text(FILTERS) == "$11,538.46"
    assert lines["pay.per_period"].text() == "11538.46"
    assert lines["pay.first_pay_date"].text(FILTERS) == "October 18, 2002"
    assert lines["pay.years_with_extra_pay_dates"].text() == "2010"
    assert lines["first_year_bonus.fraction"].text() == "0.2164"
    assert lines["first_year_bonus.amount"].text() == "no target set"
    assert lines["life_insurance"].explain(FILTERS) == "3 x the annual salary $300,000.00"


def test_a_monthly_salary_has_no_years_with_an_extra_pay_date() -> None:
    # The text table printed "Years with an extra pay date ()".
    calcs = calculate(letter_with({"compensation.pay_frequency": "monthly"}))
    lines = {line.key: line for section in overview(calcs) for line in section.lines}
    line = lines["pay.years_with_extra_pay_dates"]
    assert (line.label, line.text(FILTERS)) == ("Years with an extra pay date", "none in the first 10 years")


def test_a_letter_without_a_car_allowance_reads_none() -> None:
    lines = {line.key: line for section in overview(calculate(letter_with({"transportation": None})))
             for line in section.lines}
    for key in ("allowances.monthly", "allowances.annual"):
        assert lines[key].text(FILTERS) == "none"
        assert str(lines[key].figure.value) == "0.00"  # the JSON output's value is unchanged
    with_car = {line.key: line for section in overview(calculate(letter_with())) for line in section.lines}
    assert with_car["allowances.monthly"].text(FILTERS) == "$1,000.00"


def test_scenario_lines() -> None:
    s = run_scenario(letter_with(), ScenarioKind.CHANGE_OF_CONTROL, date(2004, 4, 14))
    lines = {line.key: line for line in scenario_section(s, letter_with()).lines}
    assert lines["scenario.inside_protection_window"].text() == "inside"
    assert lines["scenario.last_severance_payment"].text(FILTERS) == "April 1, 2005"
    assert lines["scenario.exercise_deadline"].text() == "per the option agreement"
    assert lines["scenario.accelerated_shares"].text(FILTERS) == "100,000"


@settings(max_examples=30, deadline=None)
@given(letter=any_letter(), days=st.integers(0, 4000))
def test_every_figure_of_any_valid_letter_renders(letter: Letter, days: int) -> None:
    calcs = calculate(letter)
    for section in overview(calcs):
        for line in section.lines:
            assert line.text(FILTERS) and line.explain(FILTERS)
    for g in calcs.equity:
        assert g.price_date.explain(FILTERS)
        assert sum(i.shares for i in g.installments) == (g.shares.value or 0)
    on = letter.position.start_date.fromordinal(letter.position.start_date.toordinal() + days)
    for kind in scenario_kinds(letter):
        for line in scenario_section(run_scenario(letter, kind, on), letter).lines:
            assert line.text(FILTERS) and line.explain(FILTERS)


def test_grant_titles() -> None:
    from app.calc.report import grant_title

    dollars = {"kind": "rsu", "sizing": "dollar_value", "value": "500000.00", "vesting": {"kind": "cliff", "years": 3}}
    letter = letter_with({"equity.grants": [letter_with().equity.grants[0].model_dump(mode="json"), dollars]})  # type: ignore[union-attr]
    first, second = calculate(letter).equity
    assert grant_title(first, FILTERS) == "Grant 1: 150,000 non-qualified stock options"
    assert grant_title(second, FILTERS) == "Grant 2: restricted stock units (shares not counted)"
