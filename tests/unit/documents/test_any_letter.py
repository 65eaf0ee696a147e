"""Hypothesis: any valid letter renders to the document model, text, HTML and DOCX without error."""

from __future__ import annotations

import copy
import io
from typing import Any

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.documents.docx_writer import docx_bytes
from app.documents.engine import render_document
from app.documents.html import to_html
from app.documents.model import Heading
from app.documents.text import to_text
from app.domain.rules import validate_draft
from app.domain.sample import SAMPLE_TERMS
from tests.unit.documents.letters import sloppy_spots

# Printable text of any script, without control characters, line breaks or surrounding blanks.
_LINE_CHARS = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"), exclude_characters="\u2028\u2029"
)
lines = st.text(_LINE_CHARS, min_size=1, max_size=40).map(str.strip).filter(bool)
months = st.integers(1, 120)


@st.composite
def vestings(draw: st.DrawFn) -> dict[str, Any]:
    if draw(st.booleans()):
        return {"kind": "equal_annual", "years": draw(st.integers(1, 10))}
    years = draw(st.integers(1, 10))
    period = draw(st.sampled_from(["monthly", "quarterly"]))
    step = 1 if period == "monthly" else 3
    cliff = draw(st.integers(1, min(60, years * 12 - 1) // step)) * step
    return {"kind": "cliff_then_periodic", "years": years, "cliff_months": cliff, "period": period}


@st.composite
def grants(draw: st.DrawFn) -> list[dict[str, Any]]:
    out = []
    for kind in ("non_qualified_option", "incentive_stock_option", "rsu", "restricted_stock"):
        for _ in range(draw(st.integers(0, 3))):
            vesting = draw(vestings())
            out.append({
                "kind": kind,
                "shares": draw(st.integers(vesting["years"], 10_000_000)),
                "pricing": draw(st.sampled_from(["close_prior_trading_day", "close_on_grant_date"]))
                if kind.endswith("option") else "not_applicable",
                "vesting": vesting,
            })
    return draw(st.permutations(out)) if out else out


@st.composite
def letters(draw: st.DrawFn) -> dict[str, Any]:
    draft = copy.deepcopy(SAMPLE_TERMS)
    draft["candidate"].update(
        salutation=draw(lines), full_name=draw(lines), familiar_name=draw(lines),
        address_lines=draw(st.lists(lines, min_size=1, max_size=3)),
    )
    draft["company"].update(name=draw(lines), signatory_name=draw(lines))
    draft["compensation"]["base_salary"] = str(draw(st.decimals("0.01", "9999999.99", places=2)))
    chosen = draw(grants())
    draft["equity"] = (
        {"grants": chosen[:10], "par_value": "0.001", "review_months": draw(st.none() | months)} if chosen else None
    )
    draft["transportation"] = draw(st.sampled_from([None, {"monthly_allowance": "1250.50"}]))
    benefits = draft["benefits"]
    benefits["merp"] = draw(st.booleans())
    benefits["life_insurance_multiple"] = draw(st.none() | st.integers(1, 10))
    benefits["bonus_program"] = draw(st.sampled_from([None, {"name": "Bonus Plan", "first_year_pro_rata": False},
                                                      {"name": "Bonus Plan", "first_year_pro_rata": True}]))
    benefits["professional_fees"] = draw(st.booleans())
    benefits["vacation_days"] = draw(st.integers(0, 60))
    termination = draft["termination"]
    termination["without_cause"] = {"severance_months": draw(months), "accelerate_equity": draw(st.booleans())}
    termination["cause"] = {"items": draw(st.lists(lines, min_size=1, max_size=5)),
                            "cure_notice_days": draw(st.integers(1, 3650))}
    if draw(st.booleans()):
        termination["change_of_control"] = None
    else:
        termination["change_of_control"].update(
            protection_months=draw(months), severance_months=draw(months), good_reason=draw(st.booleans()),
            accelerate_equity=draw(st.booleans()),
        )
    covenants = draft["covenants"]
    covenants.update(noncompete_months=draw(months), nonsolicit_months=draw(months),
                     noncompete_start=draw(st.sampled_from(["termination", "later_of_termination_and_severance"])))
    draft["arbitration"]["arbitrators"] = draw(st.integers(1, 5))
    draft["conditions"]["board_approval_required"] = draw(st.booleans())
    return draft


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(letters())
def test_any_valid_letter_renders_everywhere(draft: dict[str, Any]) -> None:
    letter, problems = validate_draft(draft)
    assert letter is not None, problems
    document = render_document(letter)
    numbers = [b.number for b in document.blocks if isinstance(b, Heading)]
    assert numbers == list(range(1, len(numbers) + 1))
    text = to_text(document)
    assert letter.candidate.full_name in text
    names = {letter.candidate.full_name, letter.company.name, letter.company.signatory_name,
             letter.candidate.salutation, letter.candidate.familiar_name, *letter.candidate.address_lines,
             *letter.termination.cause.items}
    scrubbed = text
    for name in sorted(names, key=len, reverse=True):
        scrubbed = scrubbed.replace(name, "X").replace(name.upper(), "X")
    assert sloppy_spots(scrubbed) == []
    to_html(document)
    reopened = docx.Document(io.BytesIO(docx_bytes(document)))
    body = "\n".join(p.text for p in reopened.paragraphs)
    assert letter.candidate.full_name in body
