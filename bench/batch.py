"""Benchmark batch letters: 1,000 letters from a CSV with ``--jobs 2`` against docxtpl, serial, on the
same letters, in the same run.

Run from the repository root::

    .venv/bin/python bench/batch.py [--letters N] [--repeat R] [--jobs J]

Ours is the whole of ``offerdesk batch`` in this process: read the CSV, fill and check each row,
render, write each DOCX (atomically, carrying its terms) and the summary with each row's figures,
on J worker processes. docxtpl renders the same letters' text from a DOCX template built from our
paragraphs (``bench/render.py``), each term a ``{{ }}`` placeholder, and writes each file, one
after another; its per-letter values are prepared before it is timed. Runs alternate (ours,
docxtpl, ours, ...); medians of R runs. Targets: ours <= 12 s for 1,000 letters and faster than
docxtpl. Exit 0 when both are met.
"""

from __future__ import annotations

import argparse
import copy
import csv
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from render import docxtpl_template, render_docxtpl  # noqa: E402 (bench/render.py)

from app.batch.runner import plan, run_batch, write_summary  # noqa: E402
from app.batch.table import read_table  # noqa: E402
from app.documents.engine import render_document  # noqa: E402
from app.domain.columns import fill_draft, parse_header  # noqa: E402
from app.domain.rules import validate_draft  # noqa: E402
from app.domain.sample import SAMPLE_TERMS  # noqa: E402

TARGET_S = 12.0
HEADER = [
    "candidate.full_name", "candidate.familiar_name", "candidate.address_lines.0", "candidate.address_lines.1",
    "compensation.base_salary", "position.start_date", "position.title",
]


def write_terms(path: Path, letters: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        for i in range(letters):
            writer.writerow([
                f"Candidate {i:04d} Example", f"Cand{i}", f"{i + 1} Main Street", f"Springfield, IL {62700 + i % 99}",
                f"{250000 + 125 * i}.00", f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "Chief Financial Officer" if i % 2 else "Executive Vice President",
            ])


def ours(terms: Path, out: Path, jobs: int) -> float:
    start = time.perf_counter()
    table = read_table(terms)
    batch = run_batch(plan(table, copy.deepcopy(SAMPLE_TERMS), out), workers=jobs)
    write_summary(batch, out)
    elapsed = time.perf_counter() - start
    assert len(batch.written) == len(table.rows), batch.failed[:1]
    return elapsed


def docxtpl_inputs(terms: Path) -> tuple[bytes, list[dict[str, str]]]:
    """The template (from the first letter) and each letter's placeholder values."""
    table = read_table(terms)
    columns = parse_header(table.headers)
    template: bytes | None = None
    contexts = []
    for _, cells in table.rows:
        draft, _ = fill_draft(SAMPLE_TERMS, columns, cells)
        letter, _ = validate_draft(draft)
        assert letter is not None
        built, context = docxtpl_template(render_document(letter))
        template = template or built
        contexts.append(context)
    assert template is not None
    return template, contexts


def theirs(template: bytes, contexts: list[dict[str, str]], out: Path) -> float:
    start = time.perf_counter()
    for i, context in enumerate(contexts):
        (out / f"{i:04d}.docx").write_bytes(render_docxtpl(template, context))
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each (default 3)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="offerdesk-bench-batch-") as tmp:
        root = Path(tmp)
        terms = root / "terms.csv"
        write_terms(terms, args.letters)
        template, contexts = docxtpl_inputs(terms)
        our_times, their_times = [], []
        for i in range(args.repeat):
            for name, times, step in (
                ("ours", our_times, lambda out: ours(terms, out, args.jobs)),
                ("docxtpl", their_times, lambda out: theirs(template, contexts, out)),
            ):
                out = root / f"{name}-{i}"
                out.mkdir()
                times.append(step(out))
                shutil.rmtree(out)
    mine, base = statistics.median(our_times), statistics.median(their_times)
    print(f"{args.letters} letters, median of {args.repeat} runs")
    print(f"  offerdesk batch --jobs {args.jobs}      {mine:7.2f} s  ({mine / args.letters * 1000:.1f} ms a letter; "
          f"target <= {TARGET_S * args.letters / 1000:.1f} s)")
    print(f"  docxtpl, serial             {base:7.2f} s  ({base / args.letters * 1000:.1f} ms a letter)")
    print(f"  ratio ours / docxtpl        {mine / base:7.3f}    (target < 1)")
    return 0 if mine <= TARGET_S * args.letters / 1000 and mine < base else 1


if __name__ == "__main__":
    sys.exit(main())
