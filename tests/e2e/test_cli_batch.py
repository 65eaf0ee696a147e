"""`offerdesk batch`: the real command on a CSV and an XLSX, bad tables, PDFs in one LibreOffice run."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from app.documents.pdf import find_soffice
from tests.e2e.test_cli_letter import assert_one_line_failure, offerdesk

HEADER = ["candidate.full_name", "candidate.familiar_name", "candidate.address_lines.0",
          "candidate.address_lines.1", "compensation.base_salary", "position.start_date"]
ROWS = [
    ["Jane Q. Doe", "Jane", "1 Main Street", "Springfield, IL 62701", "350,000", "2025-03-01"],
    ["Bob Roe", "Bob", "2 Elm Street", "Albany, NY 12207", "275000", "03/15/2025"],
]


@pytest.fixture
def base(tmp_path: Path) -> Path:
    path = tmp_path / "base.offer.json"
    assert offerdesk("new", "--sample", "-o", path, cwd=tmp_path).returncode == 0
    return path


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([header, *rows])
    return path


def test_batch_writes_good_rows_reports_bad_ones_and_summarises(tmp_path: Path, base: Path) -> None:
    terms = write_csv(tmp_path / "terms.csv", ROWS)
    result = offerdesk("batch", terms, "--template", base, "-o", tmp_path / "out", "--jobs", "2", cwd=tmp_path)
    assert result.returncode == 1  # a row was not written
    assert "1 of 2 letters written" in result.stdout and "\r" not in result.stdout  # no bar off a terminal
    assert "row 3: not written: column position.start_date: '03/15/2025' is not a date" in result.stderr
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["0002-Jane-Q-Doe.docx", "summary.csv"]
    summary = list(csv.DictReader((out / "summary.csv").read_text(encoding="utf-8").splitlines()))
    assert summary[0]["candidate"] == "Jane Q. Doe" and summary[0]["base_salary"] == "350000.00"
    assert summary[0]["pay_per_period"] == "13461.54"  # 350,000 / 26 bi-weekly periods
    check = offerdesk("check", out / "0002-Jane-Q-Doe.docx", cwd=tmp_path)
    assert check.returncode == 0 and check.stderr == ""


def test_an_xlsx_works_like_a_csv(tmp_path: Path, base: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append(ROWS[0])
    book.save(tmp_path / "terms.xlsx")
    result = offerdesk("batch", tmp_path / "terms.xlsx", "--template", base, "-o", tmp_path / "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "0002-Jane-Q-Doe.docx").is_file()


def test_unknown_columns_are_named_before_any_letter_is_made(tmp_path: Path, base: Path) -> None:
    terms = write_csv(tmp_path / "terms.csv", [["Jane", "1"]], ["candidate.full_name", "salary"])
    result = offerdesk("batch", terms, "--template", base, "-o", tmp_path / "out", cwd=tmp_path)
    assert_one_line_failure(result, "unknown column 'salary'", "candidate.full_name")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_existing_letters_are_not_overwritten_without_force(tmp_path: Path, base: Path) -> None:
    terms = write_csv(tmp_path / "terms.csv", ROWS[:1])
    args = ("batch", terms, "--template", base, "-o", tmp_path / "out")
    assert offerdesk(*args, cwd=tmp_path).returncode == 0
    assert_one_line_failure(offerdesk(*args, cwd=tmp_path), "already exists", "allow overwriting")
    assert offerdesk(*args, "--force", cwd=tmp_path).returncode == 0


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_pdfs_for_every_letter_written(tmp_path: Path, base: Path) -> None:
    rows = [ROWS[0], ["Ann Lee", "Ann", "3 Oak Road", "Dover, DE 19901", "410000", "2025-04-01"]]
    terms = write_csv(tmp_path / "terms.csv", rows)
    result = offerdesk("batch", terms, "--template", base, "-o", tmp_path / "out", "--pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "and 2 PDFs" in result.stdout
    out = tmp_path / "out"
    names = sorted(p.name for p in out.iterdir())
    assert names == ["0002-Jane-Q-Doe.docx", "0002-Jane-Q-Doe.pdf", "0003-Ann-Lee.docx", "0003-Ann-Lee.pdf",
                     "summary.csv"]
    assert (out / "0003-Ann-Lee.pdf").read_bytes().startswith(b"%PDF")


def test_a_terminal_sees_a_progress_bar(tmp_path: Path, base: Path) -> None:
    import os
    import pty
    import subprocess
    import sys

    from tests.e2e.test_cli_letter import _MAIN, REPO

    terms = write_csv(tmp_path / "terms.csv", [ROWS[0], ["Ann Lee", "Ann", "3 Oak Road", "Dover, DE", "1", "2025-04-01"]])
    controller, terminal = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-c", _MAIN, "batch", str(terms), "--template", str(base), "-o", str(tmp_path / "out"),
         "--jobs", "1"],
        stdout=terminal, stderr=subprocess.DEVNULL, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    os.close(terminal)
    assert child.wait(timeout=120) == 0
    output = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    text = output.decode()
    assert "\r[###############---------------] 1/2 letters" in text
    assert "\r[##############################] 2/2 letters" in text
    assert "2 of 2 letters written" in text
