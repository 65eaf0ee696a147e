"""Benchmark the review of the sample letter against rendering it, in the same run.

Run from the repository root::

    .venv/bin/python bench/review.py [--repeat N]

Prints the medians (``time.perf_counter``, after one warm-up run) of:

* render: ``render_document(sample_letter())``, the template -> document model step of every preview;
* review, cold: ``review_document`` of that document with the letter, its per-paragraph cache
  cleared before each run (every paragraph read afresh, as after opening a letter);
* review, one edit: the same after one term changed (what the Review tab does on each render while
  typing: the unchanged paragraphs come from the cache);
* review of the seed text: the original reference letter as an imported ``.txt``, cold.

Target: review (cold) / render <= 1. Exit 0 when met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import median_ms  # noqa: E402 (bench/timing.py)

from app.documents.engine import render_document  # noqa: E402
from app.domain.sample import sample_letter  # noqa: E402
from app.review import drafting  # noqa: E402
from app.review.runner import review_document, review_text  # noqa: E402

TARGET_RATIO = 1.0
SEED = Path(__file__).resolve().parents[1] / "tests" / "unit" / "documents" / "data" / "x10-52empagmt.txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    letter = sample_letter()
    document = render_document(letter)
    edited = [sample_letter() for _ in range(2)]
    edited[1].candidate.familiar_name = "James"
    edited_documents = [render_document(x) for x in edited]
    seed = SEED.read_text(encoding="utf-8")

    def cold(_i: int) -> None:
        drafting.paragraph_hits.cache_clear()
        review_document(document, letter)

    def one_edit(i: int) -> None:
        # Alternate two letters that differ in one term: each run re-reads one paragraph.
        k = i % 2
        drafting.paragraph_hits.cache_clear() if i < 0 else None
        review_document(edited_documents[k], edited[k])

    def seed_cold(_i: int) -> None:
        drafting.paragraph_hits.cache_clear()
        review_text(seed)

    render_ms = median_ms(lambda _i: render_document(letter), args.repeat)
    cold_ms = median_ms(cold, args.repeat)
    edit_ms = median_ms(one_edit, args.repeat)
    seed_ms = median_ms(seed_cold, args.repeat)
    findings = review_document(document, letter)
    ratio = cold_ms / render_ms
    print(f"sample letter: {len(findings)} findings; {args.repeat} repetitions, medians")
    print(f"  render (template -> document model)   {render_ms:7.2f} ms")
    print(f"  review, cold                           {cold_ms:7.2f} ms")
    print(f"  review, after one edit                 {edit_ms:7.2f} ms")
    print(f"  review of the seed text (.txt), cold   {seed_ms:7.2f} ms")
    print(f"  ratio review (cold) / render           {ratio:7.2f}   target <= {TARGET_RATIO}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
