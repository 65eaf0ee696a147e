"""The sample letter's DOCX reads as the reference letter (MIM Corporation's CFO offer, 2002)."""

from __future__ import annotations

import difflib

from app.domain.sample import sample_letter
from tests.unit.documents.letters import reopen
from tests.unit.documents.reference_text import REFERENCE, reference_words
from tests.unit.documents.test_templates import ALL_HEADINGS

MIN_RATIO = 0.9946  # the sample as rendered before schema 2 (0.994639): the new model must not move it


def test_sample_docx_body_matches_the_reference_wording() -> None:
    expected = reference_words(REFERENCE.read_text(encoding="utf-8"))
    document = reopen(sample_letter())
    paragraphs = [p.text for p in document.paragraphs]
    ours = " ".join(paragraphs).split()
    ratio = difflib.SequenceMatcher(None, expected, ours, autojunk=False).ratio()
    assert ratio >= MIN_RATIO, f"word-level similarity {ratio:.4f} < {MIN_RATIO}"

    # All fourteen headings, in order, then Exhibit A.
    positions = [paragraphs.index(f"{n}. {title}:") for n, title in enumerate(ALL_HEADINGS, 1)]
    assert positions == sorted(positions)
    exhibit = paragraphs.index("Exhibit A")
    assert exhibit > positions[-1]
    assert paragraphs[exhibit + 1] == "RESTRICTIVE COVENANTS"


def test_the_reference_text_is_read_as_intended() -> None:
    words = reference_words(REFERENCE.read_text(encoding="utf-8"))
    text = " ".join(words)
    assert text.startswith("October 1, 2002 Mr. James S. Lusk 42 Colts Glen Lane")
    assert text.endswith("Agreed to and accepted by: James S. Lusk")
    for furniture in ("<PAGE>", "Page 2", "/s/", "[Letterhead", "-----", "<TEXT>"):
        assert furniture not in text
