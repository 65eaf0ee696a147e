"""``offerdesk calc`` run as a command: JSON and table output, and one-line errors."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.file_format import dumps, new_file
from app.domain.sample import sample_letter

ROOT = Path(__file__).resolve().parents[2]


def offerdesk(*args: str | Path) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec("app.cli.__main__") is not None:
        command = [sys.executable, "-m", "app.cli"]
    else:
        command = [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main())"]
    return subprocess.run([*command, *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("calc") / "sample.offer.json"
    made = offerdesk("new", "--sample", "-o", path)
    if made.returncode != 0 or not path.exists():
        path.write_text(dumps(new_file(sample_letter())), encoding="utf-8")
    return path


def test_json_figures(sample_file: Path) -> None:
    done = offerdesk("calc", sample_file, "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["pay"]["annual_salary"] == "300000.00"
    assert out["pay"]["frequency"] == "bi-weekly"
    assert out["pay"]["periods_per_year"] == 26
    assert out["pay"]["per_period"] == "11538.46"  # 300000 / 26 = 11538.4615...
    assert out["pay"]["years_with_extra_pay_dates"] == [2010]
    assert out["allowances"]["annual"] == "12000.00"  # 1000 x 12
    assert out["life_insurance"] == "900000.00"  # 3 x 300000
    assert out["first_year_bonus"] == {
        "applies": True, "year": 2002, "days_employed": 79, "days_in_year": 365, "fraction": "0.2164", "amount": None,
    }
    (grant,) = out["equity"]
    assert (grant["kind"], grant["shares"], grant["price_date"]) == ("non_qualified_option", 150000, "2002-10-11")
    assert [(v["date"], v["shares"]) for v in grant["vesting"]] == [
        ("2003-10-14", 50000), ("2004-10-14", 50000), ("2005-10-14", 50000)
    ]
    assert "scenario" not in out
    assert out["explanations"]["pay.per_period"].startswith("$300,000.00 a year / 26 bi-weekly pay periods")


def test_json_scenario(sample_file: Path) -> None:
    done = offerdesk("calc", sample_file, "--json", "--scenario", "without_cause", "--on", "2004-04-14")
    assert done.returncode == 0, done.stderr
    s = json.loads(done.stdout)["scenario"]
    assert s["kind"] == "without_cause"
    assert s["severance_total"] == "300000.00"
    assert len(s["severance_payments"]) == 26
    assert s["severance_payments"][0] == {"date": "2004-04-16", "amount": "11538.46"}
    assert s["severance_payments"][-1] == {"date": "2005-04-01", "amount": "11538.50"}
    assert (s["vested_shares"], s["accelerated_shares"], s["forfeited_shares"]) == (50000, 100000, 0)
    assert s["exercise_deadline"] is None
    assert s["noncompete_end"] == "2006-01-01"  # 2005-04-01 + 9 months
    assert s["nonsolicit_end"] == "2005-04-14"


def test_change_of_control_date(sample_file: Path) -> None:
    done = offerdesk("calc", sample_file, "--json", "--scenario", "change_of_control", "--on", "2004-04-14",
                     "--change-of-control-on", "2003-01-01")
    s = json.loads(done.stdout)["scenario"]
    assert s["inside_protection_window"] is False  # window 2003-01-01..2004-01-01


def test_table(sample_file: Path) -> None:
    done = offerdesk("calc", sample_file, "--scenario", "disability", "--on", "2004-04-14")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.split() == ["Per", "pay", "period", "(bi-weekly,", "26", "a", "year)", "$11,538.46"] for line in lines)
    assert "October 11, 2002" in done.stdout
    assert "Options exercisable until" in done.stdout and "April 14, 2005" in done.stdout
    # one column of values across the sections
    salary = next(line for line in lines if line.strip().startswith("Annual salary"))
    severance = next(line for line in lines if line.strip().startswith("Severance "))
    assert salary.index("$300,000.00") == severance.index("$300,000.00")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scenario", "without_cause"], "--scenario needs --on"),
        (["--scenario", "without_cause", "--on", "2004-02-30"], "is not a date"),
        (["--scenario", "fired", "--on", "2004-01-01"], "is not a kind of termination"),
        (["--on", "2004-01-01"], "need --scenario"),
        (["--scenario", "death", "--on", "2001-01-01"], "before the start date"),
    ],
)
def test_errors_are_one_line(sample_file: Path, args: list[str], message: str) -> None:
    done = offerdesk("calc", sample_file, *args)
    assert done.returncode != 0
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and message in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_and_invalid_files(tmp_path: Path) -> None:
    missing = offerdesk("calc", tmp_path / "none.offer.json")
    assert missing.returncode != 0 and "no such file" in missing.stderr
    draft = sample_letter().model_dump(mode="json")
    draft["compensation"]["base_salary"] = "-5"
    bad = tmp_path / "bad.offer.json"
    bad.write_text(json.dumps({"draft": draft}), encoding="utf-8")
    done = offerdesk("calc", bad, "--json")
    assert done.returncode != 0
    assert len(done.stderr.strip().splitlines()) == 1 and "has errors" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.fixture(scope="module")
def ceo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with a 50% target bonus, a $100,000 sign-on repayable pro rata over 24 months and a lump sum."""
    letter = sample_letter().model_dump(mode="json")
    letter["benefits"]["bonus_program"]["target_percent"] = "50"
    letter["cash_awards"] = [{"kind": "signing", "installments": [{"amount": "100000.00", "timing": "at_start"}],
                              "repayment": {"kind": "pro_rata", "months": 24}}]
    letter["termination"]["without_cause"]["severance"] = {
        "formula": "salary_and_bonus_multiple", "multiple": "1.5", "payment": "lump_sum", "lump_sum_days": 30}
    from app.domain.letter import Letter

    path = tmp_path_factory.mktemp("calc") / "ceo.offer.json"
    path.write_text(dumps(new_file(Letter.model_validate(letter))), encoding="utf-8")
    return path


def test_json_prices_the_new_terms(ceo_file: Path) -> None:
    done = offerdesk("calc", ceo_file, "--json", "--scenario", "without_cause", "--on", "2004-04-14")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["bonus"]["target"] == "150000.00"  # 50% x 300,000
    assert out["award_payments"] == [
        {"label": "Signing bonus", "date": "2002-10-14", "amount": "100000.00", "repayable_months": 24}]
    # 300,000 + 150,000 bonus + 100,000 sign-on + 12,000 car allowance
    assert out["cost"]["first_year_cost"] == "562000.00"
    assert out["scenario_kinds"] == ["without_cause", "for_cause", "resignation", "change_of_control",
                                     "disability", "death"]
    # 1.5 x (300,000 + 150,000) = 675,000 in one sum 30 days after 2004-04-14
    assert out["scenario"]["severance_total"] == "675000.00"
    assert out["scenario"]["severance_payments"] == [{"date": "2004-05-14", "amount": "675000.00"}]
    assert out["scenario"]["repayments"] == []
    assert "1.5 x (salary $300,000.00 + target bonus $150,000.00)" in out["explanations"]["scenario.severance_total"]
    resigned = json.loads(offerdesk("calc", ceo_file, "--json", "--scenario", "resignation", "--on",
                                    "2003-10-14").stdout)
    # 12 of 24 months served: 100,000 x 12 / 24 = 50,000.00, due 30 days later
    assert resigned["scenario"]["repayments"] == [
        {"label": "Signing bonus", "paid_on": "2002-10-14", "amount": "50000.00", "due": "2003-11-13"}]
    table = offerdesk("calc", ceo_file, "--scenario", "resignation", "--on", "2003-10-14").stdout
    assert "Signing bonus repaid" in table and "$50,000.00 by November 13, 2003" in table


def test_a_kind_the_letter_lacks_is_a_one_line_error(ceo_file: Path) -> None:
    done = offerdesk("calc", ceo_file, "--scenario", "good_reason", "--on", "2004-04-14")
    assert done.returncode != 0
    assert "the letter does not define Good Reason; choose another kind of termination" in done.stderr
    assert "Traceback" not in done.stderr
