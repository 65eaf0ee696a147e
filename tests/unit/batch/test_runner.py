"""Batch letters without the command line: tables read, rows planned, letters written, summary."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from app.batch.runner import BatchError, RowStatus, plan, run_batch, summary_csv
from app.batch.table import TableError, read_table
from app.domain.embedded_terms import read_embedded_terms
from app.domain.sample import SAMPLE_TERMS

HEADER = ["candidate.full_name", "compensation.base_salary", "position.start_date"]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([HEADER, *rows])
    return path


def test_an_xlsx_reads_as_text_the_way_it_was_typed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["Jane Doe", 350000, date(2025, 3, 1)])
    sheet.append(["Bob Roe", 275000.5, "2025-04-01"])
    book.save(tmp_path / "terms.xlsx")
    table = read_table(tmp_path / "terms.xlsx")
    assert table.headers == tuple(HEADER)
    assert table.rows == ((2, ("Jane Doe", "350000", "2025-03-01")), (3, ("Bob Roe", "275000.5", "2025-04-01")))


def test_tables_that_cannot_be_read_say_why(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("x")
    with pytest.raises(TableError, match="must be a .csv or .xlsx"):
        read_table(tmp_path / "t.txt")
    (tmp_path / "empty.csv").write_text("\n\n")
    with pytest.raises(TableError, match="is empty"):
        read_table(tmp_path / "empty.csv")
    (tmp_path / "bad.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(TableError, match="not a readable Excel workbook"):
        read_table(tmp_path / "bad.xlsx")


@pytest.mark.parametrize("workers", [1, 2])
def test_good_rows_are_written_and_a_bad_row_does_not_stop_the_batch(tmp_path: Path, workers: int) -> None:
    terms = write_csv(tmp_path / "terms.csv", [
        ["Jane Doe", "350000", "2025-03-01"],
        ["Bob Roe", "lots", "2025-03-01"],
        ["Ann Lee", "410000", "2025-04-01"],
    ])
    out = tmp_path / "out"
    out.mkdir()
    batch = run_batch(plan(read_table(terms), SAMPLE_TERMS, out), workers=workers)
    assert [r.status for r in batch.results] == [RowStatus.WRITTEN, RowStatus.ERROR, RowStatus.WRITTEN]
    assert sorted(p.name for p in out.iterdir()) == ["0002-Jane-Doe.docx", "0004-Ann-Lee.docx"]
    assert "column compensation.base_salary: 'lots' is not an amount" in batch.results[1].problems[0]
    # Each letter carries its own row's terms.
    embedded = read_embedded_terms((out / "0004-Ann-Lee.docx").read_bytes())
    assert '"full_name": "Ann Lee"' in embedded.letter_file and not embedded.edited
    summary = list(csv.DictReader(io.StringIO(summary_csv(batch))))
    assert [s["status"] for s in summary] == ["written", "not written", "written"]
    assert summary[0]["base_salary"] == "350000.00" and summary[2]["base_salary"] == "410000.00"
    assert summary[1]["docx"] == "" and "not an amount" in summary[1]["problems"]


def test_letters_in_the_way_stop_the_batch_before_it_starts(tmp_path: Path) -> None:
    terms = write_csv(tmp_path / "terms.csv", [["Jane Doe", "350000", "2025-03-01"]])
    (tmp_path / "0002-Jane-Doe.docx").write_bytes(b"earlier")
    with pytest.raises(BatchError, match="0002-Jane-Doe.docx already exists"):
        plan(read_table(terms), SAMPLE_TERMS, tmp_path)
    batch = run_batch(plan(read_table(terms), SAMPLE_TERMS, tmp_path, overwrite=True))
    assert zipfile.is_zipfile(tmp_path / "0002-Jane-Doe.docx") and batch.results[0].docx is not None


def test_stopping_between_letters_keeps_what_was_written(tmp_path: Path) -> None:
    terms = write_csv(tmp_path / "terms.csv", [[f"Person {i}", "300000", "2025-03-01"] for i in range(5)])
    out = tmp_path / "out"
    out.mkdir()
    seen: list[int] = []
    batch = run_batch(plan(read_table(terms), SAMPLE_TERMS, out), on_result=lambda r: seen.append(r.row),
                      should_stop=lambda: len(seen) >= 2)
    assert batch.stopped and len(batch.results) == 2
    assert sorted(p.name for p in out.iterdir()) == ["0002-Person-0.docx", "0003-Person-1.docx"]
