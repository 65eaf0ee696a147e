"""Benchmark the review of the sample letter against rendering it, in the same run.

Run from the repository root::

    .venv/bin/python bench/review.py [--repeat N]

Prints the medians (``time.perf_counter``, after one warm-up run) of:

* render: ``render_document(sample_letter())``, the template -> document model step of every preview;
* review, cold: ``review_document`` of that document with the letter, every per-paragraph cache
  cleared before each run (every paragraph read afresh, as after opening a letter);
* review, one edit: each run reviews the sample with a new familiar name (what the Review tab does
  on each render while typing: the changed paragraph is read, the others come from the cache);
* review of the seed text: the original reference letter as an imported ``.txt``, cold.

Target: review (one edit) / render <= 1, the review the editor runs after each render costing
no more than the render. The cold review (a letter just opened) is printed with its ratio too.
Exit 0 when the target is met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import median_ms  # noqa: E402 (bench/timing.py)

from app.documents.engine import render_document  # noqa: E402
from app.domain.sample import sample_letter  # noqa: E402
from app.review.runner import clear_caches, review_document, review_text  # noqa: E402

TARGET_RATIO = 1.0
SEED = Path(__file__).resolve().parents[1] / "tests" / "unit" / "documents" / "data" / "x10-52empagmt.txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    letter = sample_letter()
    document = render_document(letter)
    edited = [sample_letter() for _ in range(args.repeat + 1)]
    for i, variant in enumerate(edited):
        variant.candidate.familiar_name = f"Jim{i}"
    edited_documents = [render_document(x) for x in edited]
    seed = SEED.read_text(encoding="utf-8")

    def cold(_i: int) -> None:
        clear_caches()
        review_document(document, letter)

    def one_edit(i: int) -> None:
        review_document(edited_documents[i + 1], edited[i + 1])  # i = -1 is the warm-up

    def seed_cold(_i: int) -> None:
        clear_caches()
        review_text(seed)

    render_ms = median_ms(lambda _i: render_document(letter), args.repeat)
    cold_ms = median_ms(cold, args.repeat)
    edit_ms = median_ms(one_edit, args.repeat)
    seed_ms = median_ms(seed_cold, args.repeat)
    findings = review_document(document, letter)
    ratio = cold_ms / render_ms
    edit_ratio = edit_ms / render_ms
    print(f"sample letter: {len(findings)} findings; {args.repeat} repetitions, medians")
    print(f"  render (template -> document model)   {render_ms:7.2f} ms")
    print(f"  review, cold                           {cold_ms:7.2f} ms")
    print(f"  review, after one edit                 {edit_ms:7.2f} ms")
    print(f"  review of the seed text (.txt), cold   {seed_ms:7.2f} ms")
    print(f"  ratio review (cold) / render           {ratio:7.2f}")
    print(f"  ratio review (one edit) / render       {edit_ratio:7.2f}   target <= {TARGET_RATIO}")
    return 0 if edit_ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
