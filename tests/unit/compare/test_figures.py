"""Figure deltas: what each calculation was under the baseline and is now."""

from __future__ import annotations

from datetime import date

from app.compare.figures import compare_figures, figure_deltas, letter_figures, scenario_date
from app.domain.letter import CashAward, Letter
from app.domain.sample import sample_letter
from tests.unit.compare.letters import bench_variant, variant


def changed(old: Letter, new: Letter, on: date | None = None) -> dict[str, tuple[str | None, str | None]]:
    return {f.key: (f.old, f.new) for f in figure_deltas(old, new, on) if f.changed}


def test_same_letter_changes_no_figure() -> None:
    deltas = figure_deltas(sample_letter(), sample_letter())
    assert deltas and not any(d.changed for d in deltas)


def test_the_issue_variant() -> None:
    assert changed(sample_letter(), bench_variant()) == {
        # $300,000 / 26 = 11,538.4615.. -> $11,538.46; $325,000 / 26 = $12,500.00
        "pay.per_period": ("$11,538.46", "$12,500.00"),
        # salary + 12 x $1,000 car allowance; the variant has no allowance
        "pay.annual_cash": ("$312,000.00", "$325,000.00"),
        "cost.first_year": ("$312,000.00", "$325,000.00"),
        # 12 x 300,000 / 12; then 18 x 325,000 / 12 = 487,500
        "cost.largest_severance": ("$300,000.00", "$487,500.00"),
        "scenario.without_cause.severance": ("$300,000.00", "$487,500.00"),
        # the Change of Control and disability severances stay 12 months, of the new salary
        "scenario.change_of_control.severance": ("$300,000.00", "$325,000.00"),
        "scenario.disability.severance": ("$300,000.00", "$325,000.00"),
        # 3 x salary
        "benefits.life_insurance": ("$900,000.00", "$975,000.00"),
        # runs from the later of termination and the last severance payment: scenarios are on
        # April 14, 2004 (18 months after the start); bi-weekly payments inside 12 months end on
        # April 1, 2005 (+ 9 months), inside 18 months on September 30, 2005 (+ 12 months)
        "scenario.noncompete_end": ("January 1, 2006", "September 30, 2006"),
    }


def test_scenarios_run_on_one_date_18_months_after_the_later_start() -> None:
    later = variant(lambda letter: setattr(letter.position, "start_date", date(2003, 1, 6)))
    assert scenario_date(sample_letter(), later) == date(2004, 7, 6)  # as the Calculations pane's default
    groups = {f.group for f in figure_deltas(sample_letter(), later) if f.key.startswith("scenario.")}
    assert groups == {
        "Termination without Cause on July 6, 2004",
        "Termination after a Change of Control on July 6, 2004",
        "Termination upon disability on July 6, 2004",
        "Death on July 6, 2004",
    }


def test_vesting_and_price_dates_move_with_the_start_date() -> None:
    later = variant(lambda letter: setattr(letter.position, "start_date", date(2002, 11, 4)))
    moved = changed(sample_letter(), later, on=date(2003, 12, 1))
    # 150,000 in three equal annual installments on the start date's anniversaries
    assert moved["equity.0.vesting"] == (
        "50,000 on October 14, 2003; 50,000 on October 14, 2004; 50,000 on October 14, 2005",
        "50,000 on November 4, 2003; 50,000 on November 4, 2004; 50,000 on November 4, 2005",
    )
    # the NYSE trading day before the start: Friday October 11, 2002; Friday November 1, 2002
    assert moved["equity.0.price_date"] == ("October 11, 2002", "November 1, 2002")


def test_a_figure_only_one_letter_has_is_none_on_the_other_side() -> None:
    no_equity = variant(lambda letter: setattr(letter, "equity", None))
    moved = changed(sample_letter(), no_equity)
    assert moved["equity.0.vesting"][1] is None
    assert moved["equity.0.price_date"] == ("October 11, 2002", None)
    assert [d.describe() for d in figure_deltas(no_equity, sample_letter()) if d.key == "equity.0.price_date"] == [
        "Equity grant 1: option price date: none -> October 11, 2002"
    ]


def test_a_termination_before_the_start_is_reported_not_raised() -> None:
    figures = letter_figures(sample_letter(), date(2002, 1, 1))
    severance = next(f for f in figures if f.key == "scenario.without_cause.severance")
    assert severance.value == "not computed"
    assert "before the start date" in severance.why


def test_baseline_figures_can_be_computed_once() -> None:
    on = date(2003, 10, 14)
    baseline = letter_figures(sample_letter(), on)
    assert compare_figures(baseline, letter_figures(bench_variant(), on)) == figure_deltas(
        sample_letter(), bench_variant(), on
    )
    salary = next(f for f in baseline if f.key == "pay.per_period")
    assert salary.why == "$300,000.00 a year / 26 bi-weekly pay periods, rounded half up to the cent"


def test_new_terms_figure_in_the_deltas() -> None:
    def edit(letter: Letter) -> None:
        assert letter.benefits.bonus_program is not None and letter.covenants is not None
        letter.benefits.bonus_program.target_percent = "50"  # type: ignore[assignment]
        letter.covenants.noncompete = None
        letter.cash_awards = [CashAward.model_validate({
            "kind": "signing", "installments": [{"amount": "100000.00", "timing": "at_start"}],
            "repayment": {"kind": "full", "months": 24}})]

    moved = changed(sample_letter(), variant(edit))
    assert moved["bonus.target"] == ("none", "$150,000.00")  # 50% x 300,000
    # first year 300,000 x 79 / 365 pro rata: 150,000 x 79 / 365 = 32,465.753... -> 32,465.75
    assert moved["bonus.first_year"] == ("none", "$32,465.75")
    assert moved["awards.1"] == (None, "$100,000.00 on October 14, 2002")
    # repayable in full within 24 months: resigning on April 14, 2004 (18 months) repays it all
    assert moved["scenario.resignation.repaid"] == (None, "$100,000.00")
    # the draft has no non-compete any more: its end is no figure of the draft
    assert moved["scenario.noncompete_end"] == ("January 1, 2006", None)
    # 300,000 + 150,000 target + 100,000 sign-on + 12,000 car allowance
    assert moved["cost.first_year"] == ("$312,000.00", "$562,000.00")
