"""Benchmark the comparison: the Changes pane's refresh and the redline DOCX, against plain baselines.

Run from the repository root::

    .venv/bin/python bench/compare.py [--repeat N]

The baseline letter is the sample; the current letter is the variant of issue #5 (salary 325,000,
severance 18 months, non-compete 12 months, transportation removed). Each edit alternates the salary
by a cent so the pane really re-renders every time. Prints medians (``time.perf_counter``, after one
warm-up run) of:

* term diff + text diff + HTML, without Qt (the pure part of a refresh);
* ``ChangesView.set_current`` (all of the above, the figure deltas and the widgets; target <= 16 ms),
  against the live preview's own refresh (render + HTML + ``QTextBrowser.setHtml``) measured in the
  same run;
* ``redline_docx_bytes`` (target <= 50 ms), against the plain DOCX export of the current letter.

Exit code 0 when both targets are met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QTextBrowser  # noqa: E402
from timing import median_ms  # noqa: E402 (bench/timing.py)

from app.compare.redline_docx import redline_docx_bytes  # noqa: E402
from app.compare.terms import diff_terms  # noqa: E402
from app.compare.text import redline  # noqa: E402
from app.documents.docx_writer import docx_bytes  # noqa: E402
from app.documents.engine import render_document  # noqa: E402
from app.documents.html import to_html  # noqa: E402
from app.domain.letter import Letter  # noqa: E402
from app.domain.sample import sample_letter  # noqa: E402
from app.ui.changes_view import ChangesView  # noqa: E402

TARGET_VIEW_MS = 16.0
TARGET_DOCX_MS = 50.0
WHEN = datetime(2026, 11, 25, tzinfo=UTC)


def issue_variant(salary: str = "325000.00") -> Letter:
    letter = sample_letter()
    letter.compensation.base_salary = Decimal(salary)
    assert letter.termination.without_cause is not None and letter.covenants is not None
    assert letter.covenants.noncompete is not None
    letter.termination.without_cause.severance.months = 18
    letter.covenants.noncompete.months = 12
    letter.transportation = None
    return letter



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="timed repetitions per step (default 200)")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])

    baseline = sample_letter()
    edits = (issue_variant("325000.00"), issue_variant("325000.01"))
    old_doc = render_document(baseline)
    new_doc = render_document(edits[0])

    def pure(i: int) -> None:
        current = edits[i % 2]
        diff_terms(baseline, current)
        to_html(redline(old_doc, render_document(current)).document)

    view = ChangesView()
    view.resize(1200, 800)
    view.show()
    view.set_baseline(baseline, "Sample")
    browser = QTextBrowser()
    browser.resize(800, 800)
    browser.show()
    app.processEvents()

    def refresh(i: int) -> None:
        view.set_current(edits[i % 2])

    def preview(i: int) -> None:
        browser.setHtml(to_html(render_document(edits[i % 2])))

    pure_ms = median_ms(pure, args.repeat)
    view_ms = median_ms(refresh, args.repeat)
    preview_ms = median_ms(preview, args.repeat)
    redline_ms = median_ms(lambda _: redline_docx_bytes(old_doc, new_doc, "OfferDesk", WHEN), args.repeat)
    plain_ms = median_ms(lambda _: docx_bytes(new_doc), args.repeat)
    view.close()
    browser.close()

    print(f"median of {args.repeat} runs; sample against the issue #5 variant ({view.change_count} changes)")
    print(f"  term diff + text diff + HTML (no Qt)   {pure_ms:8.3f} ms")
    print(f"  Changes pane refresh (set_current)     {view_ms:8.3f} ms   (target <= {TARGET_VIEW_MS} ms)")
    print(f"  live preview refresh, same letter      {preview_ms:8.3f} ms")
    print(f"  ratio pane / preview                   {view_ms / preview_ms:8.3f}")
    print(f"  redline DOCX bytes                     {redline_ms:8.3f} ms   (target <= {TARGET_DOCX_MS} ms)")
    print(f"  plain DOCX export, current letter      {plain_ms:8.3f} ms")
    print(f"  ratio redline / plain export           {redline_ms / plain_ms:8.3f}")
    return 0 if view_ms <= TARGET_VIEW_MS and redline_ms <= TARGET_DOCX_MS else 1


if __name__ == "__main__":
    sys.exit(main())
