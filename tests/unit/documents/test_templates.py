"""The letter templates: the reference wording, every term a variable, optional sections renumbering."""

from __future__ import annotations

import re

import pytest

from app.documents.engine import TEMPLATES_DIR, render_document
from app.documents.model import Heading, PageBreak, Paragraph
from app.domain.letter import Letter
from app.domain.problems import parse_path
from app.domain.sample import SAMPLE_TERMS, sample_letter
from tests.unit.documents.letters import (
    every_term_on,
    every_term_on_otherwise,
    headings,
    letter_from,
    letter_with,
    sloppy_spots,
    text_of,
    weeks_everywhere,
)

ALL_HEADINGS = [
    "POSITION AND DUTIES",
    "BASE COMPENSATION",
    "LONG-TERM INCENTIVE COMPENSATION",
    "TRANSPORTATION ALLOWANCE",
    "PARTICIPATION IN HEALTH AND OTHER BENEFIT PLANS",
    "EXPENSES",
    "VACATION",
    "TERMINATION; SEVERANCE; CHANGE OF CONTROL",
    "TERMINATION UPON DISABILITY",
    "TERMINATION UPON DEATH",
    "RESTRICTIVE COVENANT",
    "OTHER TERMS",
    "CONDITION TO EMPLOYMENT",
    "ARBITRATION",
]


def numbered(titles: list[str]) -> list[str]:
    return [f"{i}. {title}:" for i, title in enumerate(titles, 1)]


def test_sample_has_the_fourteen_sections_in_order_then_exhibit_a() -> None:
    document = render_document(sample_letter())
    assert headings(document) == numbered(ALL_HEADINGS)
    assert [s.number for s in document.sections] == list(range(1, 15))
    breaks = [i for i, b in enumerate(document.blocks) if isinstance(b, PageBreak)]
    assert len(breaks) == 1
    after = document.blocks[breaks[0] + 1]
    assert isinstance(after, Paragraph) and after.text == "Exhibit A"
    assert not any(isinstance(b, Heading) for b in document.blocks[breaks[0] :])


def test_sample_text_is_clean() -> None:
    assert sloppy_spots(text_of(sample_letter())) == []


@pytest.mark.parametrize(
    ("changes", "gone"),
    [
        ({"equity": None}, "LONG-TERM INCENTIVE COMPENSATION"),
        ({"transportation": None}, "TRANSPORTATION ALLOWANCE"),
        ({"conditions.board_approval_required": False}, "CONDITION TO EMPLOYMENT"),
    ],
    ids=["equity", "transportation", "board-approval"],
)
def test_an_omitted_optional_section_renumbers_the_rest(changes: dict, gone: str) -> None:
    letter = letter_with(**changes)
    document = render_document(letter)
    assert headings(document) == numbered([t for t in ALL_HEADINGS if t != gone])
    assert sloppy_spots(text_of(letter)) == []


def test_every_optional_part_off_still_reads_cleanly() -> None:
    letter = letter_with(
        equity=None,
        transportation=None,
        **{
            "conditions.board_approval_required": False,
            "termination.change_of_control": None,
            "benefits.merp": False,
            "benefits.life_insurance_multiple": None,
            "benefits.bonus_program": None,
            "benefits.professional_fees": False,
            "position.at_will": False,
        },
    )
    text = text_of(letter)
    assert sloppy_spots(text) == []
    assert "8. TERMINATION; SEVERANCE:" not in text  # renumbered: equity and transportation are gone
    assert "6. TERMINATION; SEVERANCE:" in text
    for absent in ("Change of Control", "Options", "Bonus Program", "MERP", "life insurance", "professional fees",
                   "employee at will", "Code"):
        assert absent not in text, absent
    assert "maintained by or on behalf of the Company. Nothing" in text
    assert "(i) you will be entitled to receive severance" in text
    assert "withholding; and (ii) you shall have no further rights" in text
    assert "(ii) you shall receive for a period of one year" in text
    assert "(iii) you shall have no further rights" in text  # disability: no option clause
    assert "Your employment and restrictive covenants will include" in text


def test_change_of_control_off_keeps_the_code_defined_where_used() -> None:
    text = text_of(letter_with(**{"termination.change_of_control": None}))
    assert "TERMINATION; SEVERANCE:" in text
    assert 'Internal Revenue Code of 1986, as amended (the "Code")' in text
    assert "Change of Control" not in text


def test_acceleration_only_with_equity_and_the_flag() -> None:
    text = text_of(
        letter_with(
            **{
                "termination.without_cause.accelerate_equity": False,
                "termination.change_of_control.accelerate_equity": False,
            }
        )
    )
    assert "shall vest and become immediately exercisable" not in text
    assert "(II) you shall have no further rights" in text
    assert "Code" not in text
    assert sloppy_spots(text) == []


def test_change_of_control_without_good_reason() -> None:
    text = text_of(letter_with(**{"termination.change_of_control.good_reason": False}))
    assert 'within one year of a "Change of Control" (as defined below), (I) you shall receive' in text
    assert "materially reduces your authority" not in text


def test_cause_items_are_numbered_inline() -> None:
    text = text_of(letter_with(**{"termination.cause.items": ["theft", "fraud", "neglect"]}))
    assert '"Cause" shall mean any of the following: (1) theft; (2) fraud; or (3) neglect, in either case' in text
    one = text_of(letter_with(**{"termination.cause.items": ["theft"]}))
    assert "the following: (1) theft, in either case" in one


@pytest.mark.parametrize(
    ("days", "wording"),
    [(20, "four weeks (20 business days)"), (5, "one week (5 business days)"), (23, "23 business days"),
     (1, "1 business day vacation")],
)
def test_vacation_wording(days: int, wording: str) -> None:
    assert wording in text_of(letter_with(**{"benefits.vacation_days": days}))


def test_no_vacation() -> None:
    assert "You would not be entitled to paid vacation" in text_of(letter_with(**{"benefits.vacation_days": 0}))


@pytest.mark.parametrize(
    ("count", "wording", "plural"), [(1, "one arbitrator", "The arbitrator in"), (3, "three arbitrators", "The arbitrators in")]
)
def test_arbitrators(count: int, wording: str, plural: str) -> None:
    text = text_of(letter_with(**{"arbitration.arbitrators": count}))
    assert f"There shall be {wording} in any arbitration" in text
    assert plural in text


def test_durations_read_as_a_lawyer_writes_them() -> None:
    text = text_of(
        letter_with(
            **{
                "termination.without_cause.severance.months": 18,
                "termination.change_of_control.protection_months": 24,
                "termination.death.exercise_months": 6,
                "covenants.noncompete.months": 12,
                "covenants.nonsolicit.months": 9,
                "termination.cause.cure_notice_days": 30,
                "termination.disability.window_months": 18,
            }
        )
    )
    assert "severance payments equal to eighteen months of salary" in text
    assert "within two years of a \"Change of Control\"" in text
    assert "within such two (2) year period" in text
    assert "for a period of six (6) months from and after the date of your death" in text
    assert "ending one year following (i) termination" in text
    assert "ending nine months following the date upon which you shall cease" in text
    assert "30 days' notice" in text
    assert "any consecutive eighteen-month period" in text


def test_noncompete_from_termination_only() -> None:
    text = text_of(letter_with(**{"covenants.noncompete.starts": "termination"}))
    assert (
        "ending nine months following termination of your employment with the Company (irrespective of the "
        "reason for such termination), you shall not engage" in text
    )
    assert "whichever occurs last" not in text


def test_bonus_program_first_year() -> None:
    text = text_of(letter_with(**{"position.start_date": "2003-02-03", "letter.letter_date": "2003-01-15"}))
    assert "During the first calendar year of your employment" in text
    assert "calendar year 2003 that you were employed" in text
    plain = text_of(letter_with(**{"benefits.bonus_program.first_year_pro_rata": False}))
    assert "During the first calendar year" not in plain
    assert '1998 Cash Bonus Program For Key Employees (the "Bonus Program").' in plain


def test_life_insurance_multiple_of_one() -> None:
    text = text_of(letter_with(**{"benefits.life_insurance_multiple": 1}))
    assert "a life insurance policy equal to your then annual salary" in text


def test_passive_investment_and_thresholds() -> None:
    text = text_of(
        letter_with(
            **{
                "covenants.noncompete.passive_investment_percent": "5",
                "termination.change_of_control.ownership_threshold": "35",
                "termination.change_of_control.board_approval_numerator": 3,
                "termination.change_of_control.board_approval_denominator": 4,
            }
        )
    )
    assert "less than five percent (5%) of the issued" in text
    assert "representing 35% or more" in text
    assert "at least three-quarters of the Board" in text


def test_several_grants_of_several_kinds() -> None:
    grants = [
        {"kind": "incentive_stock_option", "shares": 10000, "pricing": "close_on_grant_date",
         "vesting": {"kind": "equal_annual", "years": 4}},
        {"kind": "rsu", "shares": 5000, "pricing": "not_applicable",
         "vesting": {"kind": "cliff_then_periodic", "years": 4, "cliff_months": 12, "period": "quarterly"}},
        {"kind": "restricted_stock", "shares": 2500, "pricing": "not_applicable",
         "vesting": {"kind": "equal_annual", "years": 1}},
    ]
    text = text_of(letter_with(**{"equity.grants": grants}))
    assert (
        '10,000 incentive stock options ("Options") to purchase the Company\'s common stock, par value $0.0001 '
        'per share ("Common Stock"); 5,000 restricted stock units ("RSUs"), each representing the right to '
        "receive one share of Common Stock; and 2,500 restricted shares of Common Stock (\"Restricted Stock\")."
    ) in text
    assert "The 10,000 Options shall vest in equal installments on the first, second, third and fourth" in text
    assert (
        "The 5,000 RSUs shall vest over four (4) years: one-quarter of them on the date one year after the "
        "commencement of your employment, and the balance in quarterly installments over the following three "
        "years, so that the total number vested on each vesting date is the number granted multiplied by the "
        "number of months then elapsed since the commencement of your employment and divided by forty-eight (48), "
        "rounded down to a whole share."
    ) in text
    assert "The 2,500 shares of Restricted Stock shall vest in full on the first anniversary" in text
    assert (
        "forms of definitive incentive stock option, restricted stock unit and restricted stock agreements."
    ) in text
    assert "The 10,000 Options shall be priced at the closing stock price on the date of grant." in text
    assert "all outstanding unvested Options, RSUs and Restricted Stock granted to you" in text
    assert "additional equity awards" in text
    assert "equity award agreements" in text
    assert sloppy_spots(text) == []


def test_rsus_only_have_no_option_wording() -> None:
    grants = [{"kind": "rsu", "shares": 900, "pricing": "not_applicable",
               "vesting": {"kind": "equal_annual", "years": 3}}]
    text = text_of(letter_with(**{"equity.grants": grants}))
    assert "Options" not in text
    assert "all outstanding unvested RSUs granted to you (or hereafter under the Bonus Program) and held by you shall vest and you shall become vested" in text
    assert "priced" not in text
    assert sloppy_spots(text) == []


def test_reference_slips_are_corrected() -> None:
    text = text_of(sample_letter())
    for slip in ("CORPORATON", "the means the meaning", "l3d-3", "Code; ;", "breach by him", "for his benefit",
                 "the Executive's", "`", "(iii) is national", "Termination Upon Disability", "neither you or"):
        assert slip not in text, slip
    assert "(and reimbursement for expenses incurred prior to the effective date of the termination of employment);" in text
    assert "MIM CORPORATION" in text


def test_every_correction_is_documented_in_the_template() -> None:
    source = "".join(p.read_text() for p in TEMPLATES_DIR.glob("*.j2"))
    corrected = re.findall(r"\{# corrected: (.+?)#\}", source, re.S)
    assert len(corrected) >= 10
    for slip in ("CORPORATON", "means the meaning", "l3d-3", "unclosed", "; ;", "him", "his", "Executive's",
                 "backtick", "national in scope", "Termination Upon Disability"):
        assert any(slip in c for c in corrected), slip


def test_every_term_path_names_a_field_of_the_letter() -> None:
    letter = sample_letter()
    document = render_document(letter)
    paths = {r.field for b in document.blocks for r in getattr(b, "runs", ()) if r.field}
    paths |= {r.field for b in document.blocks for line in getattr(b, "lines", ()) for r in line.runs if r.field}
    assert len(paths) > 50
    for path in paths:
        node: object = letter
        for part in parse_path(path):
            node = node[part] if isinstance(part, int) else getattr(node, part)  # type: ignore[index]


def test_every_printed_field_of_the_letter_is_used() -> None:
    """Each leaf field the letter prints appears as a term path in one of the letters that, between them, make
    every choice (start_date only feeds the bonus year)."""
    used: set[str] = set()
    for draft in (SAMPLE_TERMS, every_term_on(), every_term_on_otherwise(), weeks_everywhere()):
        document = render_document(letter_from(draft))
        paths = {r.field for b in document.blocks for r in getattr(b, "runs", ()) if r.field}
        paths |= {r.field for b in document.blocks for line in getattr(b, "lines", ()) for r in line.runs if r.field}
        used |= {".".join(p for p in path.split(".") if not p.isdigit()) for path in paths if path}
    # Every severance is worded by the same clauses: a term printed for one kind is printed for all.
    severance = re.compile(r"^termination\.(without_cause|change_of_control|disability)\.severance\.")
    used = {severance.sub("termination.*.severance.", path) for path in used}

    def leaves(model: type, prefix: str) -> list[str]:
        out = []
        for name, info in model.model_fields.items():
            annotation = info.annotation
            args = getattr(annotation, "__args__", ())
            sub = next((a for a in (annotation, *args) if isinstance(a, type) and hasattr(a, "model_fields")), None)
            if sub is None and args:
                sub = next((a for arg in args for a in getattr(arg, "__args__", ()) if hasattr(a, "model_fields")), None)
            out.extend(leaves(sub, f"{prefix}{name}.") if sub else [f"{prefix}{name}"])
        return out

    not_printed = {"company.letterhead_lines"}  # the letterhead is the DOCX header, not body text
    # the legend and document ID print in every page's header or footer (Document.marks), not in the body
    not_printed |= {"document_options.legend", "document_options.legend_text", "document_options.document_id",
                    "document_options.placement"}
    not_printed |= {"equity.grants.vesting.cliff_months", "equity.grants.vesting.period"}  # cliff vesting only
    not_printed |= {"termination.change_of_control.board_approval_denominator"}  # inside the fraction term
    # not printed by design (the field's description says so): used by Calculations and the review only
    not_printed |= {"position.work_state", "equity.assumed_share_price", "conditions.transaction.kind",
                    "conditions.transaction.expected_date"}
    # the letter's own wording is printed in place of clauses (tests/unit/documents/test_clauses.py); the type
    # names which letter of the pack this is
    not_printed |= {"letter.letter_type", "wording.clause", "wording.alternate", "wording.text"}
    missing = [leaf for leaf in leaves(Letter, "")
               if severance.sub("termination.*.severance.", leaf) not in used and leaf not in not_printed]
    assert missing == []
