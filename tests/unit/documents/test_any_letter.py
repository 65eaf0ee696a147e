"""Hypothesis: any valid letter renders to the document model, text, HTML and DOCX without error."""

from __future__ import annotations

import io
from typing import Any

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.documents.docx_writer import docx_bytes
from app.documents.engine import render_document
from app.documents.html import to_html
from app.documents.model import Heading, Paragraph
from app.documents.text import to_text
from app.domain.problems import Severity
from app.domain.rules import validate_draft
from tests.unit.documents.letters import (
    every_term_on,
    every_term_on_otherwise,
    sloppy_spots,
    weeks_everywhere,
)

# Printable text of any script, without control characters, line breaks or surrounding blanks.
_LINE_CHARS = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"), exclude_characters="\u2028\u2029"
)
lines = st.text(_LINE_CHARS, min_size=1, max_size=40).map(str.strip).filter(bool)
months = st.integers(1, 120)


@st.composite
def vestings(draw: st.DrawFn) -> dict[str, Any]:
    starts = draw(st.sampled_from(["start_date", "grant_date"]))
    shape = draw(st.sampled_from(["equal_annual", "cliff", "cliff_then_periodic"]))
    years = draw(st.integers(1, 10))
    if shape != "cliff_then_periodic":
        return {"kind": shape, "years": years, "starts": starts}
    years = max(years, 2)
    period = draw(st.sampled_from(["monthly", "quarterly"]))
    step = 1 if period == "monthly" else 3
    cliff = draw(st.integers(1, min(60, years * 12 - 1) // step)) * step
    return {"kind": "cliff_then_periodic", "years": years, "cliff_months": cliff, "period": period, "starts": starts}


@st.composite
def grants(draw: st.DrawFn) -> list[dict[str, Any]]:
    out = []
    for kind in ("non_qualified_option", "incentive_stock_option", "rsu", "psu", "restricted_stock"):
        for _ in range(draw(st.integers(0, 2))):
            vesting = draw(vestings())
            grant: dict[str, Any] = {
                "kind": kind,
                "pricing": draw(st.sampled_from(["close_prior_trading_day", "close_on_grant_date"]))
                if kind.endswith("option") else "not_applicable",
                "vesting": vesting,
                "grant_date": draw(st.sampled_from([None, "2002-11-01"])),
            }
            sizing = draw(st.sampled_from(["shares", "dollar_value", "percent_of_salary"]))
            grant["sizing"] = sizing
            if sizing == "shares":
                grant["shares"] = draw(st.integers(vesting["years"], 10_000_000))
            elif sizing == "dollar_value":
                grant["value"] = str(draw(st.decimals("1000.00", "9999999.99", places=2)))
            else:
                grant["percent_of_salary"] = str(draw(st.integers(1, 400)))
            if kind == "psu":
                grant["performance_conditions"] = draw(st.sampled_from([
                    "cumulative revenue of $1 billion for fiscal years 2003 through 2005.",
                    "relative total shareholder return at or above the 50th percentile of the S&P 500 <Health Care> "
                    "index",
                ]))
            out.append(grant)
    return draw(st.permutations(out)) if out else out


# The optional parts of a letter, each switched off by setting its path to this value.
OPTIONAL_PARTS: dict[str, Any] = {
    "letter.effective_date": None, "position.work_location": None, "term": None, "compensation.prior_salary": None,
    "compensation.steps": [], "compensation.annual_review": False, "cash_awards": [], "equity": None,
    "transportation": None, "perquisites": None, "relocation": None, "benefits.bonus_program": None,
    "benefits.life_insurance_multiple": None, "benefits.merp": False, "benefits.professional_fees": False,
    "termination.without_cause": None, "termination.cause": None, "termination.good_reason": None,
    "termination.change_of_control": None, "termination.disability": None, "termination.death": None,
    "termination.notice": None, "covenants": None, "covenants.noncompete": None, "covenants.nonsolicit": None,
    "arbitration": None, "conditions.board_approval_required": False, "conditions.background_check": False,
    "conditions.work_authorization": False, "conditions.transaction": None, "position.at_will": False,
}


def _set(draft: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node = draft
    for key in parents:
        node = node[key]
        if node is None:
            return  # the group holding this part is already off
    node[last] = value


def _severances(draft: dict[str, Any]) -> list[dict[str, Any]]:
    t = draft["termination"]
    groups = [t["without_cause"], t["change_of_control"], t["disability"]]
    return [g["severance"] for g in groups if g is not None and g.get("severance") is not None]


def _make_consistent(draft: dict[str, Any]) -> None:
    """Switching a part off can strand a term that needs it: adjust those terms the way a user would."""
    bonus = draft["benefits"]["bonus_program"]
    if bonus is None or bonus.get("target_percent") is None:
        for severance in _severances(draft):
            severance["pro_rata_bonus"] = False
            severance["include_target_bonus"] = False
    if draft["term"] is None:
        for severance in _severances(draft):
            if severance["formula"] == "remainder_of_term":
                severance["formula"] = "months_of_salary"
    else:
        draft["position"]["at_will"] = False
    if draft["conditions"]["transaction"] is None:
        for award in draft["cash_awards"]:
            for installment in award["installments"]:
                if installment["timing"] == "at_closing":
                    installment["timing"] = "at_start"
    t = draft["termination"]
    if t["good_reason"] is None and t["without_cause"] is not None:
        t["without_cause"]["good_reason"] = False
    if draft["arbitration"] is None and draft["governing_law"].get("courts") is None:
        draft["governing_law"]["courts"] = "the courts of New York County, New York"


@st.composite
def letters(draw: st.DrawFn) -> dict[str, Any]:
    draft = draw(st.sampled_from([every_term_on, every_term_on_otherwise, weeks_everywhere]))()
    for path, off in OPTIONAL_PARTS.items():
        if draw(st.booleans()):
            _set(draft, path, off)
    draft["candidate"].update(
        salutation=draw(lines), full_name=draw(lines), familiar_name=draw(lines),
        address_lines=draw(st.lists(lines, min_size=1, max_size=3)),
    )
    draft["company"].update(name=draw(lines), signatory_name=draw(lines))
    draft["compensation"]["base_salary"] = str(draw(st.decimals("400000.00", "9999999.99", places=2)))
    if draft["equity"] is not None and draw(st.booleans()):
        chosen = draw(grants())
        if chosen:
            draft["equity"]["grants"] = chosen[:10]
    benefits = draft["benefits"]
    benefits["vacation_days"] = draw(st.integers(0, 60))
    termination = draft["termination"]
    if termination["cause"] is not None and termination["cause"].get("definition") != "in_another_document":
        grounds = lines.filter(lambda s: any(c.isalnum() for c in s))  # a ground of only "." is refused
        termination["cause"].update(items=draw(st.lists(grounds, min_size=1, max_size=5)),
                                    cure_notice_days=draw(st.integers(1, 3650)))
    if termination["change_of_control"] is not None:
        termination["change_of_control"].update(
            protection_months=draw(months), good_reason=draw(st.booleans()), accelerate_equity=draw(st.booleans()),
        )
    if draft["arbitration"] is not None:
        draft["arbitration"]["arbitrators"] = draw(st.integers(1, 5))
    _make_consistent(draft)
    return draft


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(letters())
def test_any_valid_letter_renders_everywhere(draft: dict[str, Any]) -> None:
    letter, problems = validate_draft(draft)
    assert letter is not None, problems
    assert [p for p in problems if p.severity is Severity.ERROR] == []
    document = render_document(letter)
    numbers = [b.number for b in document.blocks if isinstance(b, Heading)]
    assert numbers == list(range(1, len(numbers) + 1))
    # No empty section: each heading is followed by a paragraph with words.
    for section in document.sections:
        body = document.blocks[section.start + 1 : section.end]
        assert any(isinstance(b, Paragraph) and b.text.strip() for b in body), section.title
    text = to_text(document)
    assert letter.candidate.full_name in text
    cause_items = letter.termination.cause.items if letter.termination.cause else []
    names = {letter.candidate.full_name, letter.company.name, letter.company.signatory_name,
             letter.candidate.salutation, letter.candidate.familiar_name, *letter.candidate.address_lines,
             *cause_items}
    scrubbed = text
    for name in sorted(names, key=len, reverse=True):
        scrubbed = scrubbed.replace(name, "X").replace(name.upper(), "X")
    assert sloppy_spots(scrubbed) == []
    assert ("Exhibit A" in text) == (letter.covenants is not None)
    to_html(document)
    reopened = docx.Document(io.BytesIO(docx_bytes(document)))
    body_text = "\n".join(p.text for p in reopened.paragraphs)
    assert letter.candidate.full_name in body_text
