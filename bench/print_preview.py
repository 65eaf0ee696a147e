"""Benchmark the print preview: time to the pages of the sample letter, against Export PDF in the same run.

Run from the repository root (needs LibreOffice and poppler)::

    .venv/bin/python bench/print_preview.py [--repeat N]

The preview makes the DOCX, converts it with LibreOffice (what Export PDF does) and draws the pages
with pdftoppm; the ratio to Export PDF is what drawing the pages adds (target: at most 1.5), and reading a
DOCX back by its text (the import of a baseline) is timed beside it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import median_ms  # noqa: E402 (bench/timing.py)

from app.documents.docx_reader import read_docx  # noqa: E402
from app.documents.docx_writer import docx_bytes  # noqa: E402
from app.documents.engine import render_document  # noqa: E402
from app.domain.sample import sample_letter  # noqa: E402
from app.ui.exports import pdf_for  # noqa: E402
from app.ui.print_preview import make_pages  # noqa: E402

TARGET_RATIO = 1.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    letter = sample_letter()
    pages = len(make_pages(letter, None).pages)
    with tempfile.TemporaryDirectory() as tmp:
        export_ms = median_ms(lambda i: pdf_for(Path(tmp) / f"letter{i}.pdf", letter), args.repeat)
    preview_ms = median_ms(lambda _i: make_pages(letter, None), args.repeat)
    data = docx_bytes(render_document(letter))
    read_ms = median_ms(lambda _i: read_docx(data), args.repeat * 10)
    ratio = preview_ms / export_ms
    print(f"print preview, {pages} pages:      {preview_ms:8.1f} ms (median of {args.repeat})")
    print(f"Export PDF (baseline):        {export_ms:8.1f} ms")
    print(f"ratio preview / Export PDF:   {ratio:8.2f} (target <= {TARGET_RATIO})")
    print(f"read the DOCX by its text:    {read_ms:8.1f} ms (median of {args.repeat * 10})")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
