"""Making the letters of a batch: a DOCX per good row, PDFs in one LibreOffice call, and a summary.

Each row is a copy of the base letter with the row's cells filled in (:mod:`app.domain.columns`),
checked like any letter: a row with errors (or a cell that cannot be read) gets no DOCX and its
problems go to the summary; the batch goes on. Each DOCX is written atomically (a complete file or
none), carries its own terms, and is never written over an existing file unless asked. The letters
are flushed to disk together before the summary is written (one sync, not two fsyncs a letter,
which were 8 ms of a letter's ~20).

Rows run in worker processes (``workers`` > 1) or in the calling thread; either way the caller sees
each row's result as it arrives and can stop the batch between letters (``should_stop``): the rows
being made finish, the rest are not started, and what was written is reported.
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.batch.table import Table
from app.domain.columns import fill_draft, parse_header
from app.domain.draft_paths import get_in
from app.domain.problems import Severity
from app.storage.atomic import WriteRefused, atomic_write_bytes, atomic_write_text, sync_to_disk
from app.storage.errors import describe_write_error

SUMMARY_NAME = "summary.csv"
FIGURE_COLUMNS = (
    ("base_salary", "Base salary"),
    ("pay_per_period", "Pay per period"),
    ("annual_cash", "Annual cash"),
    ("target_bonus", "Target bonus"),
    ("first_year_bonus", "First-year bonus"),
    ("first_year_cost", "First-year cost"),
    ("largest_severance", "Largest severance"),
)


class BatchError(Exception):
    """The batch cannot start (bad header, output folder unusable, files in the way)."""


class RowStatus(StrEnum):
    WRITTEN = "written"
    WARNINGS = "written with warnings"
    ERROR = "not written"


@dataclass(frozen=True, slots=True)
class LetterJob:
    """One row to make: its number in the table, the filled-in draft, where its DOCX goes."""

    row: int
    draft: dict[str, Any]
    output: Path
    cell_problems: tuple[str, ...] = ()
    overwrite: bool = False


@dataclass(frozen=True, slots=True)
class RowResult:
    row: int
    candidate: str
    status: RowStatus
    docx: Path | None
    problems: tuple[str, ...] = ()
    figures: dict[str, str] = field(default_factory=dict)
    pdf: Path | None = None


@dataclass(frozen=True, slots=True)
class BatchRun:
    """What a batch did: each row's result in table order, and whether it was stopped early."""

    results: tuple[RowResult, ...]
    stopped: bool = False
    pdf_error: str = ""

    @property
    def written(self) -> list[RowResult]:
        return [r for r in self.results if r.docx is not None]

    @property
    def failed(self) -> list[RowResult]:
        return [r for r in self.results if r.status is RowStatus.ERROR]


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")[:60]


def _candidate(draft: dict[str, Any]) -> str:
    name = get_in(draft, ("candidate", "full_name"))
    return name if isinstance(name, str) else ""


def plan(table: Table, base_draft: dict[str, Any], out_dir: Path, *, overwrite: bool = False) -> list[LetterJob]:
    """One job per row of ``table``. Raises :class:`BatchError` for a bad header or files in the way."""
    from app.domain.columns import ColumnError

    try:
        columns = parse_header(table.headers)
    except ColumnError as exc:
        raise BatchError(f"the header of the table: {exc}") from None
    jobs = []
    for row, cells in table.rows:
        draft, problems = fill_draft(base_draft, columns, cells)
        stem = f"{row:04d}-{_slug(_candidate(draft)) or 'letter'}"
        jobs.append(LetterJob(row, draft, Path(out_dir) / f"{stem}.docx", tuple(problems), overwrite))
    if not overwrite:
        in_the_way = [j.output for j in jobs if j.output.exists()]
        if in_the_way:
            more = f" and {len(in_the_way) - 1} more" if len(in_the_way) > 1 else ""
            raise BatchError(
                f"{in_the_way[0]}{more} already exist{'s' * (not more)}; choose an empty folder or allow overwriting"
            )
    return jobs


def _money(amount: Any) -> str:
    return "" if amount is None else f"{amount:.2f}"


def _figures(letter: Any) -> dict[str, str]:
    from app.calc.benefits import benefit_figures
    from app.calc.bonus import bonus_figures
    from app.calc.cost import cost_summary
    from app.calc.pay import pay_figures

    pay = pay_figures(letter)
    bonus = bonus_figures(letter)
    cost = cost_summary(letter, pay, bonus, benefit_figures(letter))
    return {
        "base_salary": _money(pay.annual_salary.value),
        "pay_per_period": _money(pay.per_period.value),
        "annual_cash": _money(pay.annual_cash.value),
        "target_bonus": _money(bonus.target.value),
        "first_year_bonus": _money(bonus.first_year.amount.value),
        "first_year_cost": _money(cost.first_year_cost.value),
        "largest_severance": _money(cost.largest_severance.value),
    }


def make_letter(job: LetterJob) -> RowResult:
    """Check, render and write one row's DOCX. Never raises for the row's own faults."""
    from app.documents.docx_writer import DocxError, docx_bytes
    from app.documents.engine import RenderError, render_document
    from app.domain.file_format import embedded_text
    from app.domain.rules import validate_draft

    candidate = _candidate(job.draft)
    letter, problems = validate_draft(job.draft)
    messages = (*job.cell_problems, *(str(p) for p in problems))
    if letter is None or job.cell_problems or any(p.severity is Severity.ERROR for p in problems):
        return RowResult(job.row, candidate, RowStatus.ERROR, None, messages)
    try:
        data = docx_bytes(render_document(letter), terms=embedded_text(job.draft))
    except (RenderError, DocxError) as exc:
        return RowResult(job.row, candidate, RowStatus.ERROR, None, (*messages, f"the letter cannot be made: {exc}"))
    try:
        # Renamed into place whole; flushed to disk with the whole batch (see write_summary).
        atomic_write_bytes(job.output, data, overwrite=job.overwrite, sync=False)
    except WriteRefused:
        return RowResult(job.row, candidate, RowStatus.ERROR, None, (*messages, f"{job.output.name} already exists"))
    except OSError as exc:
        reason = f"{job.output.name} could not be written: {describe_write_error(exc, job.output)}"
        return RowResult(job.row, candidate, RowStatus.ERROR, None, (*messages, reason))
    status = RowStatus.WARNINGS if problems else RowStatus.WRITTEN
    return RowResult(job.row, candidate, status, job.output, messages, _figures(letter))


def make_letters(jobs: Sequence[LetterJob]) -> list[RowResult]:
    """A worker's share: several rows per call, so the pool's messages cost little per letter."""
    return [make_letter(job) for job in jobs]


def warm_up() -> None:
    """Load the templates, the reference document and the model once, before worker processes fork
    (they inherit them instead of each loading them again)."""
    from app.documents.docx_writer import docx_bytes
    from app.documents.engine import render_document
    from app.domain.sample import sample_letter

    docx_bytes(render_document(sample_letter()))


def _chunks(jobs: Sequence[LetterJob], size: int) -> Iterator[list[LetterJob]]:
    for start in range(0, len(jobs), size):
        yield list(jobs[start : start + size])


def _pool_context() -> Any:
    # fork: workers start in milliseconds with everything warm_up() loaded. Elsewhere (and in
    # the frozen app on other systems) the platform's default, which freeze_support() makes work.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def run_batch(
    jobs: Sequence[LetterJob],
    *,
    workers: int = 1,
    on_result: Callable[[RowResult], None] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> BatchRun:
    """Make every job's letter, ``workers`` at a time; stop between letters when ``should_stop()``."""
    notify = on_result or (lambda _result: None)
    results: list[RowResult] = []
    stopped = False
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            if should_stop():
                stopped = True
                break
            result = make_letter(job)
            results.append(result)
            notify(result)
        return BatchRun(tuple(results), stopped)

    warm_up()
    size = max(1, min(16, len(jobs) // (workers * 8)))
    chunks = _chunks(jobs, size)
    with ProcessPoolExecutor(workers, mp_context=_pool_context()) as pool:
        pending: set[Future[list[RowResult]]] = set()
        while True:
            while not stopped and len(pending) < workers * 2:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.add(pool.submit(make_letters, chunk))
            if not pending:
                break
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:
                for result in future.result():
                    results.append(result)
                    notify(result)
            if not stopped and should_stop():
                stopped = True  # let the chunks already started finish; start no more
    results.sort(key=lambda r: r.row)
    return BatchRun(tuple(results), stopped or len(results) < len(jobs))


def write_pdfs(run: BatchRun, out_dir: Path, *, overwrite: bool = False) -> BatchRun:
    """Convert every DOCX written to PDF in one LibreOffice call; each PDF is moved into place whole."""
    from app.documents.pdf import PdfError, convert_to_pdf

    written = run.written
    if not written:
        return run
    out_dir = Path(out_dir)
    scratch = Path(tempfile.mkdtemp(prefix=".offerdesk-pdf-", dir=out_dir))
    pdfs: dict[int, Path] = {}
    try:
        try:
            converted = convert_to_pdf([r.docx for r in written if r.docx is not None], scratch)
        except PdfError as exc:
            return BatchRun(run.results, run.stopped, f"the PDFs were not made: {exc}")
        for result, pdf in zip(written, converted, strict=True):
            target = out_dir / pdf.name
            if target.exists() and not overwrite:
                continue
            os.replace(pdf, target)  # same folder tree: a complete PDF appears, or none
            pdfs[result.row] = target
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    results = tuple(_with_pdf(r, pdfs.get(r.row)) for r in run.results)
    missing = len(written) - len(pdfs)
    error = f"{missing} PDF{'s' * (missing != 1)} not written: a file of that name was in the way" if missing else ""
    return BatchRun(results, run.stopped, error)


def _with_pdf(result: RowResult, pdf: Path | None) -> RowResult:
    if pdf is None:
        return result
    return RowResult(result.row, result.candidate, result.status, result.docx, result.problems, result.figures, pdf)


def summary_csv(run: BatchRun) -> str:
    """One line per row: where its letter went, its figures and its problems."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["row", "candidate", "status", "docx", "pdf", *(key for key, _ in FIGURE_COLUMNS), "problems"])
    for r in run.results:
        writer.writerow([
            r.row, r.candidate, r.status.value,
            r.docx.name if r.docx else "", r.pdf.name if r.pdf else "",
            *(r.figures.get(key, "") for key, _ in FIGURE_COLUMNS),
            "; ".join(r.problems),
        ])
    return out.getvalue()


def write_summary(run: BatchRun, out_dir: Path) -> Path:
    """Flush the batch's letters to disk, then write ``summary.csv`` in ``out_dir`` atomically (it
    replaces an earlier batch's): once the summary is there, every letter it lists is on disk."""
    path = Path(out_dir) / SUMMARY_NAME
    try:
        sync_to_disk()
        atomic_write_text(path, summary_csv(run))
    except OSError as exc:
        raise BatchError(f"{path.name} could not be written: {describe_write_error(exc, path)}") from None
    return path


def prepare_output(out_dir: Path) -> Path:
    """Create the output folder if needed. Raises :class:`BatchError` if it cannot be used."""
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise BatchError(f"{out_dir} is a file, not a folder; name a folder for the letters") from None
    except OSError as exc:
        raise BatchError(f"{out_dir} cannot be created ({exc.strerror})") from None
    if not os.access(out_dir, os.W_OK):
        raise BatchError(f"{out_dir}: you do not have permission to write there; choose another folder")
    return out_dir


__all__ = [
    "BatchError",
    "BatchRun",
    "LetterJob",
    "RowResult",
    "RowStatus",
    "make_letter",
    "plan",
    "prepare_output",
    "run_batch",
    "summary_csv",
    "write_pdfs",
    "write_summary",
]
