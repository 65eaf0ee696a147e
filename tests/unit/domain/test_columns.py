"""Columns of a table of terms: the header checked against the field table, cells read by kind."""

from __future__ import annotations

import pytest

from app.domain.columns import ColumnError, fill_draft, parse_header
from app.domain.rules import validate_draft
from app.domain.sample import SAMPLE_TERMS


def test_known_paths_are_columns_and_unknown_ones_are_named() -> None:
    columns = parse_header(["candidate.full_name", "compensation.base_salary", "candidate.address_lines.0"])
    assert [c.kind.value for c in columns] == ["line", "money", "line"]
    with pytest.raises(ColumnError) as caught:
        parse_header(["candidate.full_name", "candidate.fullname", "salary", "candidate"])
    message = str(caught.value)
    assert "'candidate.fullname'" in message and "'salary'" in message and "'candidate'" in message
    assert "'candidate.full_name'" not in message
    assert "candidate.full_name, compensation.base_salary" in message  # how to name a column


def test_the_same_term_twice_is_refused() -> None:
    with pytest.raises(ColumnError, match="both fill"):
        parse_header(["position.title", " position.title"])


def test_cells_are_converted_through_their_kind() -> None:
    columns = parse_header(["compensation.base_salary", "position.start_date", "letter.letter_date", "position.title"])
    draft, problems = fill_draft(SAMPLE_TERMS, columns, ["$412,500.50", "2025-03-01", "2025-02-01", "Controller"])
    assert problems == []
    assert draft["compensation"]["base_salary"] == "412500.50"
    assert draft["position"]["start_date"] == "2025-03-01"
    assert draft["position"]["title"] == "Controller"
    letter, _ = validate_draft(draft)
    assert letter is not None and str(letter.compensation.base_salary) == "412500.50"
    # The base letter is never changed.
    assert SAMPLE_TERMS["position"]["title"] != "Controller"


def test_a_bad_cell_names_its_column_and_the_fix() -> None:
    columns = parse_header(["position.start_date", "compensation.base_salary"])
    draft, problems = fill_draft(SAMPLE_TERMS, columns, ["03/15/2025", "a lot"])
    assert problems == [
        "column position.start_date: '03/15/2025' is not a date; write it as YYYY-MM-DD, e.g. 2025-03-15",
        "column compensation.base_salary: 'a lot' is not an amount; write it as a number such as 350000.00",
    ]
    assert draft["position"]["start_date"] == SAMPLE_TERMS["position"]["start_date"]


def test_an_empty_cell_keeps_the_base_value_and_numbered_items_give_the_whole_list() -> None:
    columns = parse_header(["candidate.full_name", "candidate.address_lines.0", "candidate.address_lines.1"])
    draft, _ = fill_draft(SAMPLE_TERMS, columns, ["", "1 Main Street", ""])
    assert draft["candidate"]["full_name"] == SAMPLE_TERMS["candidate"]["full_name"]
    assert draft["candidate"]["address_lines"] == ["1 Main Street"]
    draft, _ = fill_draft(SAMPLE_TERMS, columns, ["", "", ""])
    assert draft["candidate"]["address_lines"] == SAMPLE_TERMS["candidate"]["address_lines"]
