"""The Calculations pane: figures follow the letter, the scenario picker drives the outcome, errors say why."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from app.calc import ScenarioKind, scenario_kinds
from app.domain.letter import Letter
from app.domain.problems import parse_path
from app.domain.rules import validate_draft
from app.domain.sample import sample_letter
from app.ui.calc_pane import CalcPane
from tests.unit.calc.letters import any_letter


def edited(changes: dict[str, Any]) -> tuple[Letter | None, list[Any]]:
    draft = sample_letter().model_dump(mode="json")
    for dotted, value in changes.items():
        *parents, leaf = parse_path(dotted)
        node: Any = draft
        for part in parents:
            node = node[part]
        node[leaf] = value
    return validate_draft(draft)


@pytest.fixture
def pane(qtbot: QtBot) -> CalcPane:
    widget = CalcPane()
    qtbot.addWidget(widget)
    widget.resize(520, 760)
    widget.set_letter(sample_letter(), [])
    widget.show()
    return widget


def test_shows_the_sample_figures_with_explanations(pane: CalcPane) -> None:
    assert pane.figure_text("pay.per_period") == "$11,538.46"  # 300,000 / 26
    assert pane.figure_tooltip("pay.per_period").startswith("$300,000.00 a year / 26 bi-weekly pay periods")
    assert pane.figure_text("life_insurance") == "$900,000.00"
    assert pane.figure_text("first_year_bonus.days_employed") == "79"
    assert pane.figure_text("first_year_bonus.fraction") == "0.2164"
    table = pane.vesting_table
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == [
        "October 14, 2003", "October 14, 2004", "October 14, 2005"
    ]
    assert table.item(0, 2).text() == "50,000" and "anniversary 1 of 3" in table.item(0, 2).toolTip()
    assert "October 11, 2002" in pane.price_label.text()


def test_default_scenario_is_18_months_after_the_start(pane: CalcPane) -> None:
    assert pane.date_edit.date() == QDate(2004, 4, 14)  # 2002-10-14 + 18 months
    assert pane.date_edit.minimumDate() == QDate(2002, 10, 14)
    assert pane.kind_combo.currentData() == "without_cause"
    assert pane.figure_text("scenario.severance_total") == "$300,000.00"
    assert pane.figure_text("scenario.accelerated_shares") == "100,000"
    assert pane.payments_table.rowCount() == 26


def test_changing_the_salary_updates_the_figures_in_place(pane: CalcPane) -> None:
    label = pane.value_label("pay.per_period")
    letter, _ = edited({"compensation.base_salary": "400000.00"})
    pane.set_letter(letter, [])
    assert pane.value_label("pay.per_period") is label  # updated, not rebuilt
    assert pane.figure_text("pay.per_period") == "$15,384.62"  # 400,000 / 26 = 15,384.615 -> .62
    assert pane.figure_text("life_insurance") == "$1,200,000.00"  # 3 x 400,000
    assert pane.figure_text("scenario.severance_total") == "$400,000.00"
    assert "$400,000.00" in pane.figure_tooltip("pay.per_period")


def test_changing_the_noncompete_months_moves_its_end(pane: CalcPane) -> None:
    assert pane.figure_text("scenario.noncompete_end") == "January 1, 2006"  # last payment 2005-04-01 + 9 months
    letter, _ = edited({"covenants.noncompete.months": 12})
    pane.set_letter(letter, [])
    assert pane.figure_text("scenario.noncompete_end") == "April 1, 2006"  # + 12 months
    spans = {s.row: s for s in pane.timeline.timeline.spans}  # type: ignore[union-attr]
    assert spans["Non-compete"].end == date(2006, 4, 1)


def test_the_scenario_picker_changes_the_results(pane: CalcPane, qtbot: QtBot) -> None:
    with qtbot.waitSignal(pane.scenario_changed) as signal:
        pane.kind_combo.setCurrentIndex(pane.kind_combo.findData("for_cause"))
    assert signal.args == ["for_cause", date(2004, 4, 14)]
    assert pane.figure_text("scenario.severance_total") == "$0.00"
    assert pane.figure_text("scenario.forfeited_shares") == "100,000"
    assert pane.payments_table.isHidden()
    with qtbot.waitSignal(pane.scenario_changed) as signal:
        pane.date_edit.setDate(QDate(2006, 1, 16))
    assert signal.args == ["for_cause", date(2006, 1, 16)]
    assert pane.figure_text("scenario.vested_shares") == "150,000"  # after the last vesting date
    pane.kind_combo.setCurrentIndex(pane.kind_combo.findData("disability"))
    assert pane.figure_text("scenario.exercise_deadline") == "January 16, 2007"  # + 12 months
    assert pane.figure_text("scenario.benefits_end") == "January 16, 2007"


def test_change_of_control_date_and_window(pane: CalcPane) -> None:
    assert pane.coc_edit.isHidden()
    pane.kind_combo.setCurrentIndex(pane.kind_combo.findData("change_of_control"))
    assert not pane.coc_edit.isHidden()
    assert pane.figure_text("scenario.inside_protection_window") == "inside"
    pane.coc_edit.setDate(QDate(2003, 1, 1))  # window ends 2004-01-01, before 2004-04-14
    assert pane.figure_text("scenario.inside_protection_window") == "outside"
    assert "outside the protection window" in pane.figure_tooltip("scenario.inside_protection_window")
    assert any(r.label == "CoC" for r in pane.timeline.timeline.rules)  # type: ignore[union-attr]


def test_set_scenario_from_code(pane: CalcPane) -> None:
    pane.set_scenario(ScenarioKind.DEATH, date(2003, 4, 14))
    assert pane.scenario is not None and pane.scenario.kind is ScenarioKind.DEATH
    assert pane.figure_text("scenario.exercise_deadline") == "April 14, 2004"


def test_a_picked_date_survives_edits_of_other_terms(pane: CalcPane) -> None:
    pane.date_edit.setDate(QDate(2005, 1, 3))
    letter, _ = edited({"compensation.base_salary": "310000.00"})
    pane.set_letter(letter, [])
    assert pane.date_edit.date() == QDate(2005, 1, 3)


def test_none_lists_the_blocked_figures_and_the_errors(pane: CalcPane) -> None:
    letter, problems = edited({"compensation.base_salary": "-5", "arbitration.arbitrators": 9})
    assert letter is None
    pane.set_letter(None, problems)
    assert pane.figures.isHidden() and not pane.blocked_label.isHidden()
    text = pane.blocked_label.text()
    assert "No figures can be computed" in text
    assert "Base salary" in text and "must be more than 0" in text
    assert "needed for: Pay, Benefits and bonus, Cost to the Company, Termination scenarios" in text
    assert "Arbitrators" in text and "no figure uses this term" in text
    assert pane.calculations is None and pane.scenario is None
    pane.set_letter(sample_letter(), [])
    assert not pane.figures.isHidden() and pane.blocked_label.isHidden()
    assert pane.figure_text("pay.per_period") == "$11,538.46"


def test_timeline_rows_and_tooltips(pane: CalcPane) -> None:
    timeline = pane.timeline.timeline
    assert timeline is not None
    assert timeline.rows == ("Employment", "Vesting", "Severance paid", "Non-compete", "Non-solicit")
    states = [m.tooltip.split(" ")[4] for m in timeline.marks]  # "October 14, 2003: 50,000 vests (...)"
    assert states == ["vests", "accelerated", "accelerated"]
    pane.timeline.grab()  # paint once so the hit areas exist
    first = timeline.marks[0]
    rect = next(r for r, text in pane.timeline._hits if text == first.tooltip)
    assert pane.timeline.tooltip_at(rect.center().x(), rect.center().y()) == first.tooltip
    assert pane.timeline.tooltip_at(1, 1) is None


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen tooltips
def test_hovering_the_timeline_shows_the_tooltip(pane: CalcPane) -> None:
    # A real ToolTip event, as Qt sends on hover (this path once called a method QHelpEvent lacks).
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    pane.timeline.grab()
    first = pane.timeline.timeline.marks[0]  # type: ignore[union-attr]
    rect = next(r for r, text in pane.timeline._hits if text == first.tooltip)
    at = QPoint(int(rect.center().x()), int(rect.center().y()))
    event = QHelpEvent(QEvent.Type.ToolTip, at, pane.timeline.mapToGlobal(at))
    assert pane.timeline.event(event) is True
    assert QToolTip.text() == first.tooltip
    QToolTip.hideText()


def test_readable_at_a_laptop_size(qtbot: QtBot) -> None:
    pane = CalcPane()
    qtbot.addWidget(pane)
    pane.resize(1366 // 3, 768 - 120)  # the side tab of the main window at 1366x768
    pane.set_letter(sample_letter(), [])
    pane.show()
    assert pane.grab().width() == 1366 // 3
    assert pane.figures.width() <= pane.width()  # no sideways scrolling


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(letter=any_letter(), data=st.data(), days=st.integers(0, 4000))
def test_any_valid_letter_and_scenario_shows(pane: CalcPane, letter: Letter, data: st.DataObject, days: int) -> None:
    kind = data.draw(st.sampled_from(scenario_kinds(letter)))
    pane.set_letter(letter, [])
    assert [pane.kind_combo.itemData(i) for i in range(pane.kind_combo.count())] == [
        k.value for k in scenario_kinds(letter)]
    on = date.fromordinal(letter.position.start_date.toordinal() + days)
    pane.set_scenario(kind, on)
    assert pane.scenario is not None and pane.scenario.termination_date == on
    assert pane.figure_text("scenario.severance_total").startswith("$")
    pane.timeline.grab()


def kinds_listed(pane: CalcPane) -> list[str]:
    return [pane.kind_combo.itemData(i) for i in range(pane.kind_combo.count())]


def test_the_picker_lists_only_the_scenarios_the_letter_provides_for(pane: CalcPane) -> None:
    # the sample defines Cause, a Change of Control, disability and death, but not Good Reason
    assert kinds_listed(pane) == ["without_cause", "for_cause", "resignation", "change_of_control", "disability",
                                  "death"]
    pane.kind_combo.setCurrentIndex(pane.kind_combo.findData("disability"))
    letter, _ = edited({"termination.change_of_control": None, "termination.good_reason": {},
                        "termination.without_cause.good_reason": True})
    pane.set_letter(letter, [])
    assert kinds_listed(pane) == ["without_cause", "for_cause", "resignation", "good_reason", "disability", "death"]
    assert pane.kind_combo.currentData() == "disability"  # the kind picked is kept while the letter has it
    pane.kind_combo.setCurrentIndex(pane.kind_combo.findData("good_reason"))
    assert pane.scenario is not None and pane.scenario.kind is ScenarioKind.GOOD_REASON
    assert pane.figure_text("scenario.severance_total") == "$300,000.00"  # treated as without Cause


def test_covenant_rows_only_where_the_letter_has_them(pane: CalcPane) -> None:
    letter, _ = edited({"covenants.noncompete": None})
    pane.set_letter(letter, [])
    assert pane.figure_text("scenario.nonsolicit_end") == "April 14, 2005"
    with pytest.raises(KeyError):
        pane.value_label("scenario.noncompete_end")
    assert "Non-compete" not in pane.timeline.timeline.rows  # type: ignore[union-attr]
    pane.kind_combo.setCurrentIndex(pane.kind_combo.findData("death"))
    with pytest.raises(KeyError):  # no covenant runs after a death
        pane.value_label("scenario.nonsolicit_end")


def test_a_letter_without_severance_says_so(pane: CalcPane) -> None:
    letter, _ = edited({"termination.without_cause": None})
    pane.set_letter(letter, [])
    assert pane.figure_text("scenario.severance_total") == "$0.00"
    assert "the letter provides no severance on termination without Cause" in pane.figure_tooltip(
        "scenario.severance_total")
    assert pane.payments_table.isHidden()


def test_new_rows_repayment_bonus_lump_sum_and_step(pane: CalcPane) -> None:
    letter, _ = edited({
        "benefits.bonus_program.target_percent": "50",
        "compensation.steps": [{"timing": "on_anniversary", "anniversary": 1, "salary": "360000.00"}],
        "cash_awards": [{"kind": "signing", "installments": [{"amount": "100000.00", "timing": "at_start"}],
                         "repayment": {"kind": "pro_rata", "months": 24}}],
        "termination.without_cause.severance": {"formula": "months_of_salary", "months": 12, "payment": "lump_sum",
                                                "lump_sum_days": 30, "pro_rata_bonus": True, "cobra_months": 12},
    })
    pane.set_letter(letter, [])
    assert pane.figure_text("bonus.target") == "$150,000.00"  # 50% of 300,000
    assert pane.figure_text("pay.salary_step_1") == "$360,000.00 on October 14, 2003"
    assert pane.figure_text("awards.payment_1") == "$100,000.00 on October 14, 2002"
    # without Cause on 2004-04-14: 12 months at the stepped-up 360,000, in one sum 30 days later
    assert pane.figure_text("scenario.severance_total") == "$360,000.00"
    assert pane.figure_text("scenario.last_severance_payment") == "May 14, 2004"
    assert pane.payments_label.text() == "Severance in one payment on May 14, 2004"
    # target on 2004-04-14: 50% x 360,000 = 180,000 x 105 / 366 = 51,639.344... -> 51,639.34
    assert pane.figure_text("scenario.pro_rata_bonus") == "$51,639.34"
    assert pane.figure_text("scenario.benefits_end") == "April 14, 2005"  # COBRA 12 months
    with pytest.raises(KeyError):  # repaid only on a resignation or a termination for Cause: no row
        pane.value_label("scenario.repaid_total")
    pane.kind_combo.setCurrentIndex(pane.kind_combo.findData("resignation"))
    # 18 whole months served of 24: 100,000 x 6 / 24 = 25,000.00, due 30 days after 2004-04-14
    assert pane.figure_text("scenario.repaid_total") == "$25,000.00"
    assert pane.terms_label.text() == ("Terms applied: the letter pays no severance and accelerates no equity "
                                       "on a resignation.")
    assert pane.figure_text("scenario.repayment_1") == "$25,000.00 by May 14, 2004"
    assert "6 months not served" in pane.figure_tooltip("scenario.repayment_1")


def test_set_scenario_refuses_a_kind_the_letter_lacks(pane: CalcPane) -> None:
    with pytest.raises(ValueError, match="Resignation for Good Reason is not a scenario of this letter"):
        pane.set_scenario(ScenarioKind.GOOD_REASON, date(2004, 4, 14))


def test_a_letter_without_bonus_or_equity_shows_neither(pane: CalcPane) -> None:
    letter, _ = edited({"benefits.bonus_program": None, "equity": None,
                        "termination.without_cause.accelerate_equity": False,
                        "termination.change_of_control.accelerate_equity": False})
    pane.set_letter(letter, [])
    assert pane.figure_text("bonus.target") == "no bonus program"
    with pytest.raises(KeyError):
        pane.value_label("first_year_bonus.fraction")
    assert pane.equity_box.isHidden() and pane.legend.isHidden()
    with pytest.raises(KeyError):  # no share rows without equity
        pane.value_label("scenario.vested_shares")
    pane.set_letter(sample_letter(), [])
    assert pane.figure_text("first_year_bonus.fraction") == "0.2164" and not pane.legend.isHidden()


def test_partial_acceleration_on_the_timeline(pane: CalcPane) -> None:
    # 50% of the 100,000 unvested on 2004-04-14: 50,000 accelerate, counted off the last installment
    # (2005-10-14, 50,000); the 2004-10-14 installment is forfeited
    letter, _ = edited({"termination.without_cause.acceleration_percent": "50"})
    pane.set_letter(letter, [])
    marks = pane.timeline.timeline.marks  # type: ignore[union-attr]
    assert [m.color for m in marks] == ["#1565c0", "#9e9e9e", "#f9a825"]  # vests, forfeited, accelerated
    letter, _ = edited({"termination.without_cause.acceleration_percent": "40"})  # 40,000 of the last 50,000
    pane.set_letter(letter, [])
    last = pane.timeline.timeline.marks[-1]  # type: ignore[union-attr]
    assert "partly accelerated (40,000 of them; the rest forfeited)" in last.tooltip
