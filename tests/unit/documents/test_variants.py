"""Variants of the sample letter read as a demanding lawyer would read them.

Each test renders a variant (every optional part off; several grants; other durations; hard names;
other pay frequencies) and asserts on the words: the phrases that must appear, those that must not,
and that the sections are numbered 1..N without a gap.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from app.documents.engine import render_document
from app.documents.formatting import fraction_words, portion_words
from app.documents.model import Heading, PageBreak, SignatureBlock
from app.documents.text import to_text
from app.domain.letter import Letter
from tests.unit.documents.letters import headings, letter_with, reopen, sloppy_spots, text_of

EVERY_OPTIONAL_PART_OFF: dict[str, Any] = {
    "equity": None,
    "transportation": None,
    "termination.change_of_control": None,
    "benefits.bonus_program": None,
    "benefits.life_insurance_multiple": None,
    "benefits.merp": False,
    "benefits.professional_fees": False,
    "conditions.board_approval_required": False,
    "position.at_will": False,
}


def grant(kind: str, shares: int, vesting: dict[str, Any], pricing: str = "not_applicable") -> dict[str, Any]:
    return {"kind": kind, "shares": shares, "pricing": pricing, "vesting": vesting}


def annual(years: int) -> dict[str, Any]:
    return {"kind": "equal_annual", "years": years}


def cliff(years: int, months: int, period: str) -> dict[str, Any]:
    return {"kind": "cliff_then_periodic", "years": years, "cliff_months": months, "period": period}


def numbers(letter: Letter) -> list[int]:
    return [b.number for b in render_document(letter).blocks if isinstance(b, Heading)]


# ---------------------------------------------------------------- 1: every optional part off


def test_every_optional_part_off_numbers_continuously() -> None:
    letter = letter_with(**EVERY_OPTIONAL_PART_OFF)
    assert numbers(letter) == list(range(1, 12))
    assert headings(render_document(letter)) == [
        "1. POSITION AND DUTIES:", "2. BASE COMPENSATION:", "3. PARTICIPATION IN HEALTH AND OTHER BENEFIT PLANS:",
        "4. EXPENSES:", "5. VACATION:", "6. TERMINATION; SEVERANCE:", "7. TERMINATION UPON DISABILITY:",
        "8. TERMINATION UPON DEATH:", "9. RESTRICTIVE COVENANT:", "10. OTHER TERMS:", "11. ARBITRATION:",
    ]


def test_every_optional_part_off_leaves_nothing_dangling() -> None:
    text = text_of(letter_with(**EVERY_OPTIONAL_PART_OFF))
    for absent in ("Bonus Program", "Options", "option", "RSU", "Restricted Stock", "priced", "Change of Control",
                   '"Code"', "MERP", "life insurance", "professional fees", "automobile", "at will",
                   "Condition to Employment", "exercised"):
        assert absent not in text, absent
    # The severance and Cause sentences still read as sentences.
    assert (
        'other than for "Cause" (as defined below), (i) you will be entitled to receive severance payments equal '
        "to one year of salary"
    ) in text
    assert "withholding; and (ii) you shall have no further rights to any other compensation" in text
    assert "material injury to the Company).\n" in text
    assert "Your employment and restrictive covenants will include other customary" in text
    assert "Upon death, (i) you or your estate" in text and "; and (ii) neither you nor your estate" in text
    assert "; and (iii) you shall have no further rights" in text  # disability: no Options clause
    assert sloppy_spots(text) == []


# ---------------------------------------------------------------- 2: grants of several kinds

ISO_AND_RSUS = [
    grant("incentive_stock_option", 100_000, annual(4), "close_prior_trading_day"),
    grant("rsu", 20_000, cliff(4, 12, "quarterly")),
]


def test_an_iso_and_rsus_each_vest_as_granted() -> None:
    text = text_of(letter_with(**{"equity.grants": ISO_AND_RSUS}))
    assert (
        'grant to you 100,000 incentive stock options ("Options") to purchase the Company\'s common stock, par '
        'value $0.0001 per share ("Common Stock"); and 20,000 restricted stock units ("RSUs"), each representing '
        "the right to receive one share of Common Stock."
    ) in text
    assert (
        "The 100,000 Options shall vest in equal installments on the first, second, third and fourth anniversary "
        "dates of your employment."
    ) in text
    assert (
        "The 20,000 RSUs shall vest over four (4) years: one-quarter of them on the date one year after the "
        "commencement of your employment, and the balance in quarterly installments over the following three "
        "years, so that the total number vested on each vesting date is the number granted multiplied by the "
        "number of months then elapsed since the commencement of your employment and divided by forty-eight (48), "
        "rounded down to a whole share."
    ) in text
    # Only the options are priced.
    assert re.findall(r"The [\d,]+ \w+ shall be priced", text) == ["The 100,000 Options shall be priced"]
    assert "RSUs shall be priced" not in text
    assert "forms of definitive incentive stock option and restricted stock unit agreements" in text
    assert "unvested Options and RSUs granted to you (or hereafter under the Bonus Program) and held by you shall " \
        "vest, and the Options shall become immediately exercisable" in text
    assert sloppy_spots(text) == []


def test_several_option_grants_are_all_options_and_priced_alike_once() -> None:
    """Before: '1,000 non-qualified stock options ("Options")' defined only the first grant, yet the second was
    called 'The 2,000 Options'; two identical pricing sentences followed."""
    grants = [
        grant("non_qualified_option", 1_000, annual(2), "close_on_grant_date"),
        grant("incentive_stock_option", 2_000, annual(3), "close_on_grant_date"),
    ]
    text = text_of(letter_with(**{"equity.grants": grants}))
    assert '1,000 non-qualified stock options (together with the other stock options granted hereunder, the ' \
        '"Options") to purchase' in text
    assert "The Options shall be priced at the closing stock price on the date of grant." in text
    assert "The 1,000 Options shall be priced" not in text and "The 2,000 Options shall be priced" not in text
    assert "The 2,000 Options shall vest in equal installments on the first, second and third" in text
    assert sloppy_spots(text) == []


def test_option_grants_priced_differently_keep_a_sentence_each() -> None:
    grants = [
        grant("non_qualified_option", 1_000, annual(2), "close_on_grant_date"),
        grant("incentive_stock_option", 2_000, annual(3), "close_prior_trading_day"),
    ]
    text = text_of(letter_with(**{"equity.grants": grants}))
    assert "The 1,000 Options shall be priced at the closing stock price on the date of grant." in text
    assert "The 2,000 Options shall be priced at the closing stock price on the trading day immediately" in text


def test_restricted_stock_alone_is_defined_once_and_plainly() -> None:
    """Before: '5,000 restricted shares of the Company's common stock, par value $0.0001 per share
    ("Common Stock") ("Restricted Stock")' (two definitions back to back)."""
    text = text_of(letter_with(**{"equity.grants": [grant("restricted_stock", 5_000, annual(1))]}))
    assert (
        'grant to you 5,000 restricted shares ("Restricted Stock") of the Company\'s common stock, par value '
        '$0.0001 per share ("Common Stock").'
    ) in text
    assert '("Common Stock") ("Restricted Stock")' not in text
    assert "The Restricted Stock shall vest in full on the first anniversary date of your employment." in text
    assert "Options" not in text and "priced" not in text
    assert sloppy_spots(text) == []


def test_rsus_alone_draw_no_option_warning() -> None:
    from app.domain.rules import check_letter

    letter = letter_with(**{"equity.grants": [ISO_AND_RSUS[1]]})
    assert [p for p in check_letter(letter) if p.path[:2] == ("equity", "grants")] == []


def test_an_odd_cliff_reads_as_a_fraction() -> None:
    """Before: 'seven-twenty-fourths of them' (a hyphen too many)."""
    text = text_of(letter_with(**{"equity.grants": [grant("rsu", 2_400, cliff(2, 7, "monthly"))]}))
    assert "seven twenty-fourths of them on the date seven months after the commencement" in text
    assert "over the following seventeen months" in text


@pytest.mark.parametrize(
    ("numerator", "denominator", "words"),
    [(2, 3, "two-thirds"), (1, 24, "one twenty-fourth"), (7, 24, "seven twenty-fourths"),
     (21, 36, "twenty-one thirty-sixths"), (5, 12, "five-twelfths")],
)
def test_fractions_are_hyphenated_once(numerator: int, denominator: int, words: str) -> None:
    assert fraction_words(numerator, denominator) == words


def test_portion_in_words_reduces_before_naming() -> None:
    assert portion_words(14, 48) == "seven twenty-fourths"


# ---------------------------------------------------------------- 3: other durations and counts

LONGER_TERMS: dict[str, Any] = {
    "termination.without_cause.severance.months": 18,
    "termination.change_of_control.severance.months": 24,
    "termination.change_of_control.protection_months": 18,
    "arbitration.arbitrators": 3,
    "covenants.noncompete.months": 12,
    "covenants.noncompete.starts": "termination",
    "covenants.nonsolicit.months": 18,
    "benefits.vacation_days": 22,
    "termination.disability.severance.months": 6,
    "termination.disability.exercise_months": 3,
    "termination.death.exercise_months": 3,
}


def test_durations_and_counts_in_words() -> None:
    text = text_of(letter_with(**LONGER_TERMS))
    for phrase in (
        "severance payments equal to eighteen months of salary at your then current salary level",
        'within eighteen months of a "Change of Control" (as defined below)',
        "within such eighteen (18) month period, you elect to terminate",
        "(I) you shall receive severance payments equal to two years of your then current salary",
        "There shall be three arbitrators in any arbitration",
        "The selection of arbitrators shall be made",
        "The arbitrators in any arbitration pursuant to this agreement shall apply",
        "ending one year following termination of your employment with the Company (irrespective of the reason "
        "for such termination), you shall not engage",
        "ending eighteen months following the date upon which you shall cease to be an employee",
        "within eighteen months of the termination of such employee's",
        "You would be entitled to 22 business days vacation",
        "(i) you shall receive severance payments equal to six months of your then current salary",
        "for a period of three (3) months from and after the date of your disability",
        "for a period of three (3) months from and after the date of your death",
    ):
        assert phrase in text, phrase
    for absent in ("whichever occurs last", "one arbitrator", "eighteen months years", "(18) months period"):
        assert absent not in text, absent
    assert sloppy_spots(text) == []


# ---------------------------------------------------------------- 4: names with markup characters, long letterhead

HARD_NAMES: dict[str, Any] = {
    "company.name": "Ünïcorp <Holdings> & Søns, Inc.",
    "company.letterhead_lines": ["Ünïcorp <Holdings> & Søns, Inc.", "Suite 4 & 5", "1 Main <Street>",
                                 "Zürich, 8001", "Tel. +41 44 000 00 00"],
    "candidate.salutation": "Mx.",
    "candidate.full_name": "王小明 <Xiaoming> & Δημήτρης",
    "candidate.familiar_name": "小明",
    "candidate.address_lines": ["Flat 3 & 4", "12 <Rue> de l'Église", "75001 Paris", "France"],
}


def test_hard_names_print_verbatim_everywhere() -> None:
    letter = letter_with(**HARD_NAMES)
    document = render_document(letter)
    assert list(document.letterhead) == HARD_NAMES["company.letterhead_lines"]
    text = to_text(document)
    assert "Mx. 王小明 <Xiaoming> & Δημήτρης\nFlat 3 & 4\n12 <Rue> de l'Église\n75001 Paris\nFrance" in text
    assert "Dear 小明:" in text
    assert 'Ünïcorp <Holdings> & Søns, Inc., a Delaware corporation (the "Company")' in text
    assert "affiliates of Ünïcorp <Holdings> & Søns, Inc.) is" in text
    assert "ÜNÏCORP <HOLDINGS> & SØNS, INC." in text
    assert text.count("王小明 <Xiaoming> & Δημήτρης") == 3  # address, letter signature, Exhibit A signature
    for leftover in ("&amp;", "&lt;", "&gt;"):
        assert leftover not in text
    assert sloppy_spots(text) == []


def test_hard_names_in_the_docx_headers() -> None:
    document = reopen(letter_with(**HARD_NAMES))
    section = document.sections[0]
    first = [p.text for p in section.first_page_header.paragraphs if p.text]
    assert first == HARD_NAMES["company.letterhead_lines"]
    continuation = [p.text for p in section.header.paragraphs if p.text]
    assert continuation[:2] == ["Mx. 王小明 <Xiaoming> & Δημήτρης", "October 1, 2002"]
    assert continuation[2].startswith("Page")


# ---------------------------------------------------------------- 5, 6: pay frequency


@pytest.mark.parametrize("frequency", ["weekly", "bi-weekly", "semi-monthly", "monthly"])
def test_pay_frequency_wording(frequency: str) -> None:
    text = text_of(letter_with(**{"compensation.pay_frequency": frequency}))
    assert (
        f"Your base salary will be at an annual rate of $300,000.00 per year, payable {frequency}, or at such "
        "other times as other employees of the Company are paid."
    ) in text


# ---------------------------------------------------------------- layout of every variant

VARIANTS = {
    "optional_off": EVERY_OPTIONAL_PART_OFF,
    "iso_and_rsus": {"equity.grants": ISO_AND_RSUS},
    "longer_terms": LONGER_TERMS,
    "hard_names": HARD_NAMES,
    "weekly": {"compensation.pay_frequency": "weekly"},
    "monthly": {"compensation.pay_frequency": "monthly"},
    "semi_monthly": {"compensation.pay_frequency": "semi-monthly"},
}


@pytest.mark.parametrize("changes", VARIANTS.values(), ids=VARIANTS.keys())
def test_every_variant_keeps_its_layout(changes: dict[str, Any]) -> None:
    letter = letter_with(**changes)
    document = render_document(letter)
    blocks = document.blocks
    # Sections 1..N, Exhibit A after one page break, the letter's two signature blocks before it.
    assert numbers(letter) == list(range(1, len(numbers(letter)) + 1))
    breaks = [i for i, b in enumerate(blocks) if isinstance(b, PageBreak)]
    assert len(breaks) == 1
    signatures = [i for i, b in enumerate(blocks) if isinstance(b, SignatureBlock)]
    assert len(signatures) == 3 and signatures[1] < breaks[0] < signatures[2]
    docx_doc = reopen(document)
    paragraphs = docx_doc.paragraphs
    exhibit = next(i for i, p in enumerate(paragraphs) if p.text == "Exhibit A")
    assert paragraphs[exhibit].paragraph_format.page_break_before
    start = next(i for i, p in enumerate(paragraphs) if p.text == "Sincerely yours,")
    block = paragraphs[start : start + 5]
    assert [p.paragraph_format.keep_with_next for p in block] == [True, True, True, True, False]
    header = [p.text for p in docx_doc.sections[0].header.paragraphs if p.text]
    assert header[:2] == [f"{letter.candidate.salutation} {letter.candidate.full_name}", "October 1, 2002"]


@pytest.mark.parametrize(("days", "wording"), [(1, "one day's notice"), (10, "ten days' notice"), (30, "30 days' notice")])
def test_cure_notice_possessive(days: int, wording: str) -> None:
    """Before: a one-day cure period read "one day' notice"."""
    text = text_of(letter_with(**{"termination.cause.cure_notice_days": days}))
    assert f"in either case after not less than {wording} in writing to you" in text
    assert "day' notice" not in text
