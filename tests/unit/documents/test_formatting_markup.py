"""The formats this issue added, and the markup parser's whitespace and run handling."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from app.documents.formatting import (
    duration_months,
    indefinite_article,
    join_and,
    jurisdiction,
    money,
    money_plain,
    multiple_words,
    par_value,
    portion_words,
)
from app.documents.markup import MarkupError, parse
from app.documents.model import Run


@pytest.mark.parametrize(
    ("amount", "text"),
    [("0.0001", "$0.0001"), ("0.01", "$0.01"), ("1.50", "$1.5"), ("10", "$10"), ("1E+1", "$10")],
)
def test_par_value_is_exact(amount: str, text: str) -> None:
    assert par_value(Decimal(amount)) == text


@pytest.mark.parametrize(
    ("part", "whole", "text"),
    # 12/48 = 1/4; 6/36 = 1/6; 15/36 = 5/12; 24/36 = 2/3
    [(12, 48, "one-quarter"), (6, 36, "one-sixth"), (15, 36, "five-twelfths"), (24, 36, "two-thirds")],
)
def test_portion_in_lowest_terms(part: int, whole: int, text: str) -> None:
    assert portion_words(part, whole) == text


@pytest.mark.parametrize(
    ("months", "text"),
    [(12, "one (1) year"), (24, "two (2) year"), (18, "eighteen (18) month"), (1, "one (1) month")],
)
def test_attributive_durations_stay_singular(months: int, text: str) -> None:
    assert duration_months(months, numeral=True, attributive=True) == text
    assert duration_months(24, numeral=True) == "two (2) years"


def test_whitespace_collapses_and_runs_merge() -> None:
    doc = parse(
        "<document><body><p>\n  Hello\n\n   <b>big</b><b> world</b>\n"
        '<term path="a.b"> X </term> and\tmore  </p></body></document>'
    )
    (para,) = doc.blocks
    assert para.runs == (  # type: ignore[union-attr]
        Run("Hello "),
        Run("big world", bold=True),
        Run(" "),
        Run("X ", field="a.b"),
        Run("and more"),
    )
    assert para.text == "Hello big world X and more"  # type: ignore[union-attr]


def test_a_text_only_paragraph_is_one_run_and_empty_ones_vanish() -> None:
    doc = parse("<document><body><p>  plain   text </p><p>   </p><p><b> </b></p></body></document>")
    assert [b.runs for b in doc.blocks] == [(Run("plain text"),)]  # type: ignore[union-attr]


def test_an_unknown_inline_tag_is_an_error() -> None:
    with pytest.raises(MarkupError, match="<blink> is not allowed"):
        parse("<document><body><p><blink>x</blink></p></body></document>")


def test_a_parse_error_reports_the_line_as_rendered() -> None:
    with pytest.raises(MarkupError, match="at line 3"):
        parse("<document>\n<body>\n<p>x</q></body></document>")


@pytest.mark.parametrize(
    ("formatter", "amount", "text"),
    [(money, "-5000", "-$5,000.00"), (money, "5000", "$5,000.00"), (money, "-0.5", "-$0.50"),
     (money_plain, "-1000", "-$1,000"), (money_plain, "-1000.5", "-$1,000.50"), (par_value, "-0.0001", "-$0.0001")],
)
def test_negative_money_has_its_sign_before_the_dollar(formatter: Callable[[Decimal], str], amount: str, text: str) -> None:
    # It read "$-5,000.00".
    assert formatter(Decimal(amount)) == text


@pytest.mark.parametrize(
    ("word", "article"),
    [("Delaware", "a"), ("Arizona", "an"), ("Ohio", "an"), ("Idaho", "an"), ("Utah", "a"), ("Nevada", "a")],
)
def test_indefinite_article(word: str, article: str) -> None:
    assert indefinite_article(word) == article


@pytest.mark.parametrize(
    ("code", "words"),
    [("NY", "the State of New York"), ("MA", "the Commonwealth of Massachusetts"),
     ("PA", "the Commonwealth of Pennsylvania"), ("DC", "the District of Columbia")],
)
def test_jurisdiction(code: str, words: str) -> None:
    assert jurisdiction(code) == words


@pytest.mark.parametrize(
    ("multiple", "words"),
    [("1", "one (1) times"), ("1.5", "one and one-half (1.5) times"), ("2.25", "two and one-quarter (2.25) times"),
     ("0.5", "one-half (0.5) times"), ("1.35", "1.35 times")],
)
def test_multiple_words(multiple: str, words: str) -> None:
    assert multiple_words(Decimal(multiple)) == words


def test_join_and_keeps_markup_and_takes_a_serial_comma() -> None:
    from markupsafe import Markup

    joined = join_and([Markup('<term path="a">A</term>'), "B & C", "D"], serial=True)
    assert joined == '<term path="a">A</term>, B &amp; C, and D'
    assert join_and(["a", "b"], serial=True) == "a and b"
