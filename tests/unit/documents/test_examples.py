"""The example letters in examples/ render as letters a lawyer would sign: every section numbered, every
cross-reference pointing at a section, no sloppy punctuation, and the wording that gives each its shape."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.documents.engine import render_document
from app.documents.model import Document
from app.documents.text import to_text
from app.domain.file_format import load_letter
from app.domain.problems import Severity
from tests.unit.documents.letters import headings, sloppy_spots

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"

# What makes each example the letter it is, in the words it must print (and must not).
SHAPES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ca-vp-engineering-at-will": (
        ("you are an employee at will", "the laws of the State of California", "CONDITIONS TO EMPLOYMENT:",
         "Confidentiality; Other Covenants."),
        ("non-competition", "Covenant Against Competition", "national in scope", "arbitration", "TERM OF"),
    ),
    "ceo-double-trigger": (
        ("SIGNING BONUS:", "you shall repay to the Company a pro rata portion", "Target Bonus", '"Good Reason" means',
         "or, within such period, you resign for Good Reason", "SECTION 409A:"),
        ("Upon the occurrence of a Change of Control, whether or not",),
    ),
    "interim-cfo-fixed-term": (
        ("TERM OF EMPLOYMENT:", "for the remainder of the then current Term", "RETENTION BONUS:",
         "an Arizona corporation", "in lieu of all or part of any such notice period"),
        ("at will", "a Arizona"),
    ),
    "promotion-coo-term-sheet": (
        ("is pleased to confirm your employment", "increased from your prior annual rate",
         "the laws of the Commonwealth of Massachusetts", "times the sum of your annual base salary"),
        ("State of Massachusetts",),
    ),
    "merger-contingent-president": (
        ("(such closing, the \"Closing\")", "This letter shall become effective only upon the Closing",
         "this offer shall lapse", "payable upon the Closing (as defined in Section"),
        ('(the "Merger") (the "Closing")',),
    ),
}


def example_paths() -> list[Path]:
    return sorted(EXAMPLES.glob("*.offer.json"))


def rendered(path: Path) -> Document:
    _, letter, problems = load_letter(path.read_text(encoding="utf-8"))
    assert letter is not None, problems
    assert [p for p in problems if p.severity is Severity.ERROR] == []
    return render_document(letter)


def test_there_are_five_examples_each_with_its_shape() -> None:
    assert sorted(p.name.removesuffix(".offer.json") for p in example_paths()) == sorted(SHAPES)


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.name.removesuffix(".offer.json"))
def test_example_reads_cleanly(path: Path) -> None:
    document = rendered(path)
    text = to_text(document)
    assert sloppy_spots(text) == []
    numbers = [s.number for s in document.sections]
    assert numbers == list(range(1, len(numbers) + 1))
    for section in document.sections:  # no empty section
        assert any(getattr(b, "text", "").strip() for b in document.blocks[section.start + 1 : section.end])
    for ref in re.findall(r"Section (\d+)\b(?!\()", text):
        assert 1 <= int(ref) <= len(numbers)
    assert len(set(headings(document))) == len(headings(document))
    present, absent = SHAPES[path.name.removesuffix(".offer.json")]
    for words in present:
        assert words in text, words
    for words in absent:
        assert words not in text, words
