"""The example letters through the real ``offerdesk`` command: checked clean, rendered, priced.

The figures here are the command's JSON, each beside its hand computation; the unit tests in
tests/unit/calc/test_examples.py price the same letters through the library.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.offer.json"))


def offerdesk(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main())"]
    return subprocess.run([*command, *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_there_are_at_least_five_examples() -> None:
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_each_example_checks_clean_and_renders(path: Path, tmp_path: Path) -> None:
    checked = offerdesk("check", path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "no problems" in checked.stdout
    out = tmp_path / "letter.docx"
    rendered = offerdesk("render", path, "-o", out)
    assert rendered.returncode == 0, rendered.stderr
    with zipfile.ZipFile(out) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "Exhibit A" in body or "covenants" not in json.loads(path.read_text())["draft"]
    text = offerdesk("render", path, "--format", "text", "-o", tmp_path / "letter.txt")
    assert text.returncode == 0, text.stderr
    words = (tmp_path / "letter.txt").read_text(encoding="utf-8")
    for leftover in ("None", "  ", " ,", "..", ";;", "()"):
        assert leftover not in words, leftover


def calc(name: str, *args: str) -> dict:
    done = offerdesk("calc", ROOT / "examples" / f"{name}.offer.json", "--json", *args)
    assert done.returncode == 0, done.stderr
    out: dict = json.loads(done.stdout)
    return out


def test_california_letter_has_no_non_compete_in_words_or_figures(tmp_path: Path) -> None:
    offerdesk("render", ROOT / "examples" / "ca-vp-engineering-at-will.offer.json", "--format", "text",
              "-o", tmp_path / "ca.txt")
    words = (tmp_path / "ca.txt").read_text(encoding="utf-8").lower()
    assert "compet" not in words and "solicit" not in words
    out = calc("ca-vp-engineering-at-will", "--scenario", "without_cause", "--on", "2028-07-04")
    assert "noncompete_end" not in out["scenario"] and "nonsolicit_end" not in out["scenario"]
    assert out["scenario"]["severance_total"] == "61250.00"  # 3 months x 245,000 / 12
    assert out["pay"]["per_period"] == "10208.33"  # 245,000 / 24, half up


def test_interim_fixed_term_pays_the_rest_of_the_term() -> None:
    out = calc("interim-cfo-fixed-term", "--scenario", "without_cause", "--on", "2027-04-11")
    # initial term to 2028-01-11: 275 days x 360,000 / 365 = 271,232.876... -> 271,232.88
    assert out["scenario"]["severance_total"] == "271232.88"
    # lump sum 30 days after the termination
    assert out["scenario"]["severance_payments"] == [{"date": "2027-05-11", "amount": "271232.88"}]


def test_ceo_change_of_control_pays_twice_salary_and_target_bonus() -> None:
    out = calc("ceo-double-trigger", "--scenario", "change_of_control", "--on", "2028-08-01")
    assert out["scenario"]["severance_total"] == "2600000.00"  # 2 x (650,000 + 100% x 650,000)
    assert out["cost"]["first_year_cost"] == "1550000.00"  # 650,000 + 650,000 target + 250,000 sign-on


def test_merger_letter_severance_has_its_floor() -> None:
    out = calc("merger-contingent-president", "--scenario", "without_cause", "--on", "2028-09-01")
    # 4 weeks x 1 full year of service = 4 weeks, raised to the 26-week floor: 425,000 x 26 / 52
    assert out["scenario"]["severance_total"] == "212500.00"


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    seed = ROOT.parent / "shared" / "seed" / "x10-52empagmt.txt"
    letters = " ".join(str(p) for p in EXAMPLES)
    target = f"{seed} {letters}" if seed.exists() else letters
    # Several letters' findings: more than a pipe's buffer, so the writer meets the closed pipe.
    command = (f"for f in {target}; do {sys.executable} -c 'import sys; from app.cli import main; "
               f"sys.exit(main())' review $f | head -1; done")
    done = subprocess.run(["bash", "-c", command], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
