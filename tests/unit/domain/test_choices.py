"""Every choice in the letter model has words, and forms and diffs read the same table."""

from __future__ import annotations

from enum import StrEnum

from app.domain import letter
from app.domain.choices import CHOICE_WORDS, choice_label, choice_words
from app.domain.letter import GrantKind, PayFrequency


def test_every_choice_of_the_model_has_words() -> None:
    enums = [v for v in vars(letter).values() if isinstance(v, type) and issubclass(v, StrEnum) and v is not StrEnum]
    missing = [m for e in enums for m in e if m not in CHOICE_WORDS]
    assert enums and missing == []


def test_words_in_a_sentence_and_labels_in_a_form() -> None:
    assert choice_words(PayFrequency.BI_WEEKLY) == "bi-weekly"
    assert choice_label(PayFrequency.BI_WEEKLY) == "Bi-weekly"
    assert choice_label(GrantKind.RSU) == "Restricted stock units (RSUs)"
