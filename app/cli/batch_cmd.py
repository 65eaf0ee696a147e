"""``offerdesk batch``: a letter per row of a table of terms, from one base letter."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from app.cli.common import CliError, read_letter_file


def register(sub: Any) -> None:
    """Add ``batch`` to the parser."""
    parser = sub.add_parser(
        "batch",
        help="make a letter per row of a CSV or XLSX table of terms",
        description=(
            "Fill each row of TERMS into a copy of the base letter and write its DOCX to DIR, with "
            "summary.csv (each row's figures and problems). Columns are named by term path "
            "(candidate.full_name, compensation.base_salary, position.start_date, "
            "candidate.address_lines.0, ...); an empty cell keeps the base letter's value. A row with "
            "errors is reported and skipped; the batch goes on. Exit 1 if any row was not written."
        ),
    )
    parser.add_argument("terms", type=Path, metavar="TERMS.csv|.xlsx", help="the table of terms")
    parser.add_argument(
        "--template", type=Path, required=True, metavar="LETTER.offer.json",
        help="the base letter whose terms each row changes (a DOCX exported by OfferDesk works too)",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="the folder for the letters")
    parser.add_argument("--pdf", action="store_true", help="also write a PDF of each letter (one LibreOffice run)")
    parser.add_argument(
        "--jobs", type=_jobs, default=os.cpu_count() or 1, metavar="N",
        help="letters made at once, in worker processes (default: the number of processors)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite letters of the same names in DIR")
    parser.set_defaults(handler=run)


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of jobs (1 or more)")
    return int(text)


class ProgressBar:
    """``[#####-----]  412/1000 letters`` on one terminal line, redrawn as letters arrive."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.done = 0
        self.failed = 0
        self.stream = stream

    def advance(self, failed: bool) -> None:
        self.done += 1
        self.failed += failed
        filled = self.WIDTH * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        note = f", {self.failed} not written" if self.failed else ""
        self.stream.write(f"\r[{bar}] {self.done:>{len(str(self.total))}}/{self.total} letters{note}")
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


def run(args: argparse.Namespace) -> int:
    from app.batch.runner import (
        BatchError,
        RowStatus,
        plan,
        prepare_output,
        run_batch,
        write_pdfs,
        write_summary,
    )
    from app.batch.table import TableError, read_table

    base, _, _ = read_letter_file(args.template)
    try:
        table = read_table(args.terms)
        out_dir = prepare_output(args.output)
        jobs = plan(table, base.draft, out_dir, overwrite=args.force)
    except (TableError, BatchError) as exc:
        raise CliError(str(exc)) from None
    if not jobs:
        raise CliError(f"{args.terms.name} has a header but no rows: add a row per letter")

    bar = ProgressBar(len(jobs), sys.stdout) if sys.stdout.isatty() else None
    batch = run_batch(
        jobs, workers=args.jobs, on_result=(lambda r: bar.advance(r.status is RowStatus.ERROR)) if bar else None
    )
    if bar is not None:
        bar.finish()
    if args.pdf:
        batch = write_pdfs(batch, out_dir, overwrite=args.force)
    try:
        summary = write_summary(batch, out_dir)
    except BatchError as exc:
        raise CliError(str(exc)) from None

    for result in batch.failed:
        print(f"row {result.row}: not written: {'; '.join(result.problems)}", file=sys.stderr)
    if batch.pdf_error:
        print(f"offerdesk: {batch.pdf_error}", file=sys.stderr)
    written = len(batch.written)
    pdfs = sum(r.pdf is not None for r in batch.results)
    pdf_note = f" and {pdfs} PDF{'s' * (pdfs != 1)}" if args.pdf else ""
    print(
        f"{written} of {len(jobs)} letter{'s' * (len(jobs) != 1)} written to {out_dir}{pdf_note}; "
        f"{len(batch.failed)} not written; summary in {summary}"
    )
    return 1 if batch.failed or batch.pdf_error else 0
