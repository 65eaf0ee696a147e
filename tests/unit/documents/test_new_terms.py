"""Each term of the schema 2 model, worded in the letter: with it, the words (and the numbering and
cross-references); without it, no trace of it. Letters are the sample (or the every-term letter of
:mod:`tests.unit.documents.letters`) with terms changed, validated by the domain rules."""

from __future__ import annotations

import re
from typing import Any

import pytest

from app.documents.engine import render_document
from app.documents.model import Document
from app.documents.text import to_text
from tests.unit.documents.letters import (
    changed,
    every_term_on,
    every_term_on_otherwise,
    headings,
    letter_from,
    sloppy_spots,
)


def render(draft: dict[str, Any]) -> tuple[Document, str]:
    document = render_document(letter_from(draft))
    text = to_text(document)
    assert sloppy_spots(text) == []
    return document, text


def words(draft: dict[str, Any]) -> str:
    """The letter's text with each paragraph on one line and runs of spaces as one."""
    return render(draft)[1]


def number(document: Document, key: str) -> int:
    return next(s.number for s in document.sections if s.key == key)


def section_text(document: Document, key: str) -> str:
    section = next(s for s in document.sections if s.key == key)
    return " ".join(getattr(b, "text", "") for b in document.blocks[section.start + 1 : section.end])


SEVERANCE_MONTHS: dict[str, Any] = {"formula": "months_of_salary", "months": 12, "payment": "installments"}
FIXED_TERM = {"months": 24, "renews": True, "renewal_months": 12, "nonrenewal_notice_days": 60}
TARGET_BONUS = {"name": "Annual Incentive Plan", "first_year_pro_rata": False, "target_percent": "50"}


# ---------------------------------------------------------------- position, term, notice


def test_work_location_sentence() -> None:
    text = words(changed(**{"position.work_location": "the Company's offices in Phoenix, Arizona"}))
    assert "Your principal place of employment will be the Company's offices in Phoenix, Arizona." in text
    assert "principal place of employment" not in words(changed())


def test_fixed_term_is_its_own_section_after_position_and_refers_to_termination() -> None:
    draft = changed(**{"term": FIXED_TERM, "position.at_will": False})
    document, text = render(draft)
    assert headings(document)[:3] == ["1. POSITION AND DUTIES:", "2. TERM OF EMPLOYMENT:", "3. BASE COMPENSATION:"]
    assert (
        'shall continue for two (2) years (the "Initial Term"). Thereafter, your employment shall renew '
        'automatically for successive periods of one (1) year each (each, a "Renewal Term" and, together with the '
        'Initial Term, the "Term"), unless either party gives the other written notice of non-renewal at least 60 '
        "days before the end of the then current Initial Term or Renewal Term."
    ) in text
    assert f"as provided in Section {number(document, 'termination')}." in section_text(document, "term")
    assert "at will" not in text


def test_fixed_term_without_renewal_defines_the_term_only() -> None:
    text = words(changed(**{"term": {**FIXED_TERM, "renews": False}, "position.at_will": False}))
    assert 'shall continue for two (2) years (the "Term"). Your employment may end' in text
    assert "Renewal" not in text and "non-renewal" not in text and "Initial Term" not in text


def test_at_will_sentence_only_when_at_will() -> None:
    assert "you are an employee at will." in words(changed())
    text = words(changed(**{"position.at_will": False}))
    assert "at will" not in text
    assert "subject to the authority of the Board of Directors.\n" in text


def test_notice_periods_and_pay_in_lieu() -> None:
    notice = {"resignation_days": 30, "company_days": 60, "pay_in_lieu": True}
    text = words(changed(**{"termination.notice": notice}))
    assert (
        "You agree to give the Company not less than 30 days' written notice of your resignation, and the Company "
        "agrees to give you not less than 60 days' written notice of a termination of your employment other than "
        "for Cause. The Company may, in lieu of all or part of any such notice period, pay you your base salary at "
        "the then current rate for the part of the notice period that you are not required to work, and end your "
        "employment sooner."
    ) in text
    plain = words(changed(**{"termination.notice": {"resignation_days": 14, "pay_in_lieu": False}}))
    assert "not less than fourteen days' written notice of your resignation." in plain
    assert "in lieu of all or part" not in plain and "agrees to give you" not in plain
    assert "written notice of your resignation" not in words(changed())


# ---------------------------------------------------------------- salary


def test_prior_salary_steps_and_upward_review() -> None:
    draft = changed(**{
        "compensation.prior_salary": "250000.00",
        "compensation.steps": [{"timing": "on_anniversary", "anniversary": 1, "salary": "325000.00"},
                               {"timing": "on_date", "effective_date": "2004-07-01", "salary": "350000.00"}],
        "compensation.annual_review": True, "compensation.review_upward_only": True,
    })
    text = words(draft)
    assert (
        "Your base salary will be at an annual rate of $300,000.00 per year, increased from your prior annual rate "
        "of $250,000.00, payable bi-weekly, or at such other times as other employees of the Company are paid. "
        "Your annual base salary rate will be increased to $325,000.00 effective as of the first anniversary of "
        "the commencement of your employment, and to $350,000.00 effective as of July 1, 2004. Your base salary "
        "will be reviewed at least annually by the Board of Directors and may be increased, but not decreased, in "
        "its discretion."
    ) in text


def test_review_that_may_go_either_way_and_no_salary_extras() -> None:
    text = words(changed(**{"compensation.annual_review": True}))
    assert "reviewed at least annually by the Board of Directors and may be adjusted in its discretion." in text
    sample = words(changed())
    for absent in ("increased from", "will be increased", "reviewed at least annually"):
        assert absent not in sample


# ---------------------------------------------------------------- annual bonus


def test_target_bonus_gets_its_own_section_after_base_compensation() -> None:
    document, text = render(changed(**{"benefits.bonus_program": TARGET_BONUS}))
    assert headings(document)[2:4] == ["3. ANNUAL BONUS:", "4. LONG-TERM INCENTIVE COMPENSATION:"]
    assert (
        'You shall be eligible to participate in the Company\'s Annual Incentive Plan (the "Bonus Program"). Under '
        "the Bonus Program, you will be eligible to earn an annual bonus with a target of fifty percent (50%) of "
        "your annual base salary, as determined by the Board of Directors based on the "
        "achievement of the performance goals it establishes."
    ) in text
    # Benefits no longer repeats the bonus.
    assert "Bonus Program" not in section_text(document, "benefits")


def test_target_bonus_is_defined_only_when_a_severance_uses_it() -> None:
    multiple = {"formula": "salary_and_bonus_multiple", "multiple": "1.5", "payment": "installments"}
    _, text = render(changed(**{"benefits.bonus_program": TARGET_BONUS,
                                "termination.without_cause.severance": multiple}))
    assert 'of your annual base salary (the "Target Bonus")' in text
    assert "at the then current rate and your Target Bonus" in text


def test_common_stock_and_a_bonus_without_repayment_are_not_defined_for_nothing() -> None:
    grant = {"kind": "rsu", "shares": 1000, "vesting": {"kind": "cliff", "years": 3}}
    award = {"kind": "retention", "installments": [{"amount": "50000", "timing": "months_after_start",
                                                    "months_after_start": 12}]}
    draft = changed(**{"equity.grants": [grant], "termination.change_of_control": None}, cash_awards=[award])
    _, text = render(draft)
    assert "par value $0.0001 per share, " in text or "par value $0.0001 per share." in text
    assert '("Common Stock")' not in text
    assert '(the "Retention Bonus")' not in text
    award["repayment"] = {"kind": "full", "months": 12}
    _, text = render(changed(cash_awards=[award]))
    assert '(the "Retention Bonus")' in text and "amount of the Retention Bonus" in text


def test_sample_bonus_stays_in_benefits() -> None:
    document, text = render(changed())
    assert "ANNUAL BONUS" not in text
    assert section_text(document, "benefits").endswith(
        "You shall be eligible to participate in the Company's 1998 Cash Bonus Program For Key Employees (the "
        '"Bonus Program"). During the first calendar year of your employment, you would participate pro rata based '
        "on the number of days during calendar year 2002 that you were employed by the Company."
    )


@pytest.mark.parametrize(
    ("terms", "wording"),
    [
        ({"minimum_percent": "20", "maximum_percent": "60"},
         "an annual bonus ranging from twenty percent (20%) to sixty percent (60%) of your annual base salary, as "
         "determined"),
        ({"maximum_percent": "75"}, "an annual bonus of up to seventy-five percent (75%) of your annual base salary, as"),
        ({"target_percent": "50", "maximum_percent": "100"},
         "with a target of fifty percent (50%) of your annual base salary, up to a maximum of one "
         "hundred percent (100%) of your annual base salary, as"),
        ({"target_percent": "50", "minimum_percent": "25", "maximum_percent": "75", "basis": "salary_earned"},
         "a target of fifty percent (50%) of your base salary actually earned during the year, "
         "and ranging from twenty-five percent (25%) to seventy-five percent (75%) of your base salary actually "
         "earned during the year, as"),
        ({"guaranteed_minimum": "40000.00"},
         "Under the Bonus Program, you will be eligible to earn an annual bonus, as determined by the Board of "
         "Directors based on the achievement of the performance goals it establishes. Your bonus for calendar year "
         "2002 shall be not less than $40,000.00."),
    ],
    ids=["range", "maximum", "target_and_maximum", "range_on_salary_earned", "guarantee"],
)
def test_bonus_amounts(terms: dict[str, Any], wording: str) -> None:
    text = words(changed(**{"benefits.bonus_program": {"name": "Bonus Plan", "first_year_pro_rata": False, **terms}}))
    assert "ANNUAL BONUS:" in text
    assert wording in text


def test_bonus_payment_terms_in_either_paragraph() -> None:
    extras = {"paid": "quarterly", "employed_at_payout": True, "plan_to_be_adopted": True}
    sentences = (
        "(the \"Bonus Program\"), which the Board of Directors intends to adopt; your eligibility for any bonus is "
        "contingent on the adoption of the Bonus Program.",
        "Any bonus shall be determined and paid quarterly, following the end of each calendar quarter.",
        "You must be employed by the Company on the date a bonus is paid in order to earn it.",
    )
    in_benefits, _ = render(changed(**{"benefits.bonus_program": {"name": "Plan", "first_year_pro_rata": False,
                                                                   **extras}}))
    in_section, _ = render(changed(**{"benefits.bonus_program": {**TARGET_BONUS, **extras}}))
    for document, key in ((in_benefits, "benefits"), (in_section, "bonus")):
        for sentence in sentences:
            assert sentence in section_text(document, key), (key, sentence)
    for sentence in sentences:
        assert sentence not in words(changed())


# ---------------------------------------------------------------- signing and retention bonuses


def test_signing_bonus_in_two_installments_with_pro_rata_after_tax_clawback() -> None:
    award = {
        "kind": "signing",
        "installments": [{"amount": "100000.00", "timing": "at_start"},
                         {"amount": "50000.00", "timing": "months_after_start", "months_after_start": 12}],
        "repayment": {"kind": "pro_rata", "months": 12, "basis": "after_tax", "repay_days": 30, "offset": True},
    }
    document, text = render(changed(**{"cash_awards": [award]}))
    assert "3. SIGNING BONUS:" in headings(document)
    assert (
        'The Company will pay you a signing bonus of $150,000.00 (the "Signing Bonus"), less applicable withholding, '
        "payable in two installments: $100,000.00 upon the commencement of your employment; and $50,000.00 on the "
        "first anniversary of the commencement of your employment. If, within one year after an installment of the "
        "Signing Bonus is paid, you resign or the Company terminates your employment for Cause (as defined in "
        f"Section {number(document, 'termination')}), you shall repay to the Company a pro rata portion of the "
        "after-tax amount of that installment, based on the number of full months remaining in that one (1) year "
        "period, within 30 days after the date your employment ends. To the extent permitted by applicable law, you "
        "authorize the Company to deduct any amount you owe under this paragraph from any amounts the Company owes "
        "you."
    ) in text


def test_retention_bonus_at_the_closing_refers_to_the_conditions() -> None:
    draft = changed(**{
        "cash_awards": [{"kind": "retention", "installments": [{"amount": "80000.00", "timing": "at_closing"}],
                         "repayment": {"kind": "full", "months": 6, "basis": "gross", "repay_days": 10,
                                       "offset": False}}],
        "conditions.transaction": {"kind": "merger", "description": "the merger of Acme, Inc. with the Company",
                                   "expected_date": "2002-12-01"},
    })
    document, text = render(draft)
    conditions = number(document, "conditions")
    assert (
        'The Company will pay you a retention bonus of $80,000.00 (the "Retention Bonus"), less applicable '
        f"withholding, payable upon the Closing (as defined in Section {conditions}), provided that you are employed "
        "by the Company on the payment date. If, within six months after the Retention Bonus is paid, you resign or "
        "the Company terminates your employment for Cause"
    ) in text
    assert "you shall repay to the Company the full gross amount of the Retention Bonus within ten days" in text
    assert "deduct any amount" not in text
    assert 'the closing of the merger of Acme, Inc. with the Company (the "Closing")' in section_text(
        document, "conditions")


def test_no_cash_awards_no_bonus_sections() -> None:
    text = words(changed())
    assert "SIGNING BONUS" not in text and "RETENTION BONUS" not in text and "repay" not in text


# ---------------------------------------------------------------- equity


def grant(**terms: Any) -> dict[str, Any]:
    return {"kind": "rsu", "shares": 10_000, "vesting": {"kind": "equal_annual", "years": 4}, **terms}


def test_psus_with_performance_conditions_and_target() -> None:
    text = words(changed(**{"equity.grants": [grant(
        kind="psu", shares=20_000, performance_conditions="cumulative EBITDA of $50 million for 2003-2005.",
        vesting={"kind": "cliff", "years": 3})]}))
    assert (
        'grant to you a target number of 20,000 performance stock units ("PSUs"), each representing the right to '
        "receive one share of the Company's common stock, par value $0.0001 per share (\"Common Stock\"). The PSUs "
        "shall be earned based on the achievement of the following performance "
        "conditions: cumulative EBITDA of $50 million for 2003-2005. To the extent earned, the PSUs shall vest in "
        "full on the third anniversary date of your employment."
    ) in text
    assert "Options" not in text and "priced" not in text
    assert "forms of definitive" not in text and "form of a definitive performance stock unit agreement" in text


@pytest.mark.parametrize(
    ("sizing", "wording"),
    [
        ({"sizing": "dollar_value", "value": "500000.00"}, "in a number equal to $500,000 divided by the closing"),
        ({"sizing": "percent_of_salary", "percent_of_salary": "150"},
         "in a number equal to one hundred fifty percent (150%) of your annual base salary on the date of grant "
         "divided by the closing"),
    ],
    ids=["dollars", "percent_of_salary"],
)
def test_grant_sized_in_value_is_converted_at_the_grant_date_price(sizing: dict[str, Any], wording: str) -> None:
    text = words(changed(**{"equity.grants": [grant(shares=None, **sizing)], "equity.assumed_share_price": "12.00"}))
    assert (
        'grant to you restricted stock units ("RSUs"), each representing the right to receive one share of the '
        "Company's common stock, par value $0.0001 per share (\"Common Stock\"), " + wording + " price of the Common "
        "Stock on the date of grant, rounded down to a whole share."
    ) in text


def test_grant_date_and_vesting_from_it() -> None:
    text = words(changed(**{"equity.grants": [grant(
        grant_date="2002-12-02", vesting={"kind": "equal_annual", "years": 2, "starts": "grant_date"})]}))
    assert "rounded down" not in text
    assert "each representing the right to receive one share of the Company's common stock, par value $0.0001 per " \
        'share ("Common Stock"), to be granted on December 2, 2002.' in text
    assert "The RSUs shall vest in equal installments on the first and second anniversary dates of the date of " \
        "grant." in text


def test_equal_installments_that_do_not_divide_state_the_rounding() -> None:
    """100,000 shares in three: Calculations vest 33,333 / 33,333 / 33,334 (cumulative totals rounded down);
    'equal installments' alone would promise what whole shares cannot give."""
    uneven = words(changed(**{"equity.grants.0.shares": 100_000}))
    assert (
        "The Options shall vest in equal installments on the first, second and third anniversary dates of your "
        "employment, so that the total number vested on each anniversary is the number granted multiplied by the "
        "number of anniversaries then passed and divided by three (3), rounded down to a whole share."
    ) in uneven
    from app.calc.equity import vesting_schedule

    letter = letter_from(changed(**{"equity.grants.0.shares": 100_000}))
    assert letter.equity is not None
    schedule = vesting_schedule(letter.equity.grants[0], letter.position.start_date)
    assert [i.cumulative for i in schedule] == [100_000 * n // 3 for n in (1, 2, 3)]
    assert "rounded down" not in words(changed())  # 150,000 in three: equal as stated


def test_all_at_once_cliff() -> None:
    text = words(changed(**{"equity.grants": [grant(vesting={"kind": "cliff", "years": 3})]}))
    assert "The RSUs shall vest in full on the third anniversary date of your employment." in text


def test_cliff_then_monthly_states_the_cliff_fraction_and_the_rounding_calculations_use() -> None:
    """Issue #10: 65,000 shares, 25% cliff then 1/48 monthly. The letter says one-quarter at the cliff; the
    cumulative rule it states gives floor(65,000 x 12 / 48) = 16,250 at the cliff (not 16,248 = 12 x 1,354)."""
    vesting = {"kind": "cliff_then_periodic", "years": 4, "cliff_months": 12, "period": "monthly"}
    text = words(changed(**{"equity.grants": [grant(kind="non_qualified_option", shares=65_000,
                                                    pricing="close_on_grant_date", vesting=vesting)]}))
    assert (
        "The Options shall vest over four (4) years: one-quarter of them on the date one year after the "
        "commencement of your employment, and the balance in monthly installments over the following three years, "
        "so that the total number vested on each vesting date is the number granted multiplied by the number of "
        "months then elapsed since the commencement of your employment and divided by forty-eight (48), rounded "
        "down to a whole share."
    ) in text
    stated = re.search(r"divided by [a-z-]+ \((\d+)\)", text)
    assert stated is not None
    at_cliff = 65_000 * 12 // int(stated.group(1))  # the rule as worded
    assert at_cliff == 16_250 == 65_000 // 4  # one-quarter, exactly
    # ... and as Calculations count it, month by month: the cumulative totals are the worded rule's.
    from app.calc.equity import vesting_schedule

    letter = letter_from(changed(**{"equity.grants": [grant(kind="non_qualified_option", shares=65_000,
                                                             pricing="close_on_grant_date", vesting=vesting)]}))
    assert letter.equity is not None
    schedule = vesting_schedule(letter.equity.grants[0], letter.position.start_date)
    assert schedule[0].shares == 16_250
    assert [i.cumulative for i in schedule] == [65_000 * m // 48 for m in range(12, 49)]


def test_several_grants_put_their_vesting_in_a_paragraph_of_its_own() -> None:
    document, _ = render(every_term_on())
    paragraphs = section_text(document, "equity")
    assert "rounded down to a whole share. The 65,000 Options shall vest" in paragraphs
    section = next(s for s in document.sections if s.key == "equity")
    texts = [getattr(b, "text", "") for b in document.blocks[section.start + 1 : section.end]]
    assert len(texts) == 3
    assert texts[1].startswith("The 65,000 Options shall vest over four (4) years")
    assert texts[2].startswith("The grant and vesting of your awards")


# ---------------------------------------------------------------- acceleration and Change of Control


def test_partial_acceleration_without_cause() -> None:
    text = words(changed(**{"termination.without_cause.acceleration_percent": "50"}))
    assert "; and (ii) fifty percent (50%) of the outstanding unvested Options granted to you (or hereafter under " \
        "the Bonus Program) and held by you shall vest" in text


def test_change_of_control_window_before_and_acceleration_only_early_in_employment() -> None:
    text = words(changed(**{
        "termination.change_of_control.months_before": 3,
        "termination.change_of_control.acceleration_within_months_of_start": 18,
    }))
    assert (
        'within the period beginning three months before and ending one year after a "Change of Control" (as '
        "defined below) or, within such period, you elect to terminate your employment"
    ) in text
    assert (
        "Section 401(a) or 403(a) of the Code; provided, however, that this vesting shall apply only if the Change "
        "of Control occurs within eighteen months after the commencement of your employment; and (III) you shall "
        "have no further rights"
    ) in text


def test_single_trigger_vests_on_the_event_and_double_trigger_on_termination() -> None:
    single = words(changed(**{"termination.change_of_control.trigger": "single"}))
    assert (
        "(I) you shall receive severance payments equal to one year of your then current salary (and reimbursement "
        "for expenses incurred prior to the effective date of the termination of employment); and (II) you shall "
        "have no further rights"
    ) in single
    assert (
        "Upon the occurrence of a Change of Control, whether or not your employment then terminates, all "
        "outstanding unvested Options granted to you"
    ) in single
    assert "Upon the occurrence of a Change of Control" not in words(changed())


def test_change_of_control_defined_elsewhere_and_without_the_rights_agreement() -> None:
    elsewhere = words(changed(**{
        "termination.change_of_control.definition": "in_another_document",
        "termination.change_of_control.defined_in": "the Company's 2002 Stock Incentive Plan",
    }))
    assert 'For purposes of this Agreement, "Change of Control" has the meaning given to that term in the ' \
        "Company's 2002 Stock Incentive Plan." in elsewhere
    assert "Exchange Act" not in elsewhere
    no_rights = words(changed(**{"termination.change_of_control.rights_agreement_date": None,
                                 "termination.change_of_control.rights_agent": None}))
    assert "owned by the same persons or entities who own a majority of the Company's Common Stock at such time." \
        in no_rights
    assert "(iv) at any annual" not in no_rights and "Rights Agent" not in no_rights


def test_no_change_of_control() -> None:
    document, text = render(changed(**{"termination.change_of_control": None}))
    assert "TERMINATION; SEVERANCE:" in "\n".join(headings(document))
    assert "Change of Control" not in text


# ---------------------------------------------------------------- severance formulas and conditions


@pytest.mark.parametrize(
    ("severance", "wording"),
    [
        ({"formula": "salary_and_bonus_multiple", "multiple": "1.5", "include_target_bonus": True},
         "severance payments equal to one and one-half (1.5) times the sum of your annual base salary at the then "
         "current rate and your Target Bonus, payable in accordance with"),
        ({"formula": "salary_and_bonus_multiple", "multiple": "2", "include_target_bonus": False},
         "severance payments equal to two (2) times your annual base salary at the then current rate, payable"),
        ({"formula": "weeks_per_service", "weeks": 2, "service_unit": "year", "minimum_weeks": 8,
          "maximum_weeks": 26},
         "severance payments equal to two (2) weeks of your base salary at the then current rate for each full "
         "year of your service with the Company, but not less than eight (8) weeks nor more than twenty-six (26) "
         "weeks of such salary, payable"),
        ({"formula": "weeks_per_service", "weeks": 1, "service_unit": "month", "maximum_weeks": 12},
         "one (1) week of your base salary at the then current rate for each full month of your service with the "
         "Company, but not more than twelve (12) weeks of such salary, payable"),
    ],
    ids=["multiple_with_bonus", "multiple_of_salary", "weeks_per_year_min_cap", "weeks_per_month_cap"],
)
def test_severance_formulas(severance: dict[str, Any], wording: str) -> None:
    draft = changed(**{"termination.without_cause.severance": {**SEVERANCE_MONTHS, **severance},
                       "benefits.bonus_program": {**TARGET_BONUS, "name": "Bonus Plan"}})
    assert wording in words(draft)


def test_severance_for_the_rest_of_the_term() -> None:
    draft = changed(**{"term": FIXED_TERM, "position.at_will": False,
                       "termination.without_cause.severance": {**SEVERANCE_MONTHS, "formula": "remainder_of_term"}})
    assert "severance payments equal to your base salary at the then current rate for the remainder of the then " \
        'current Term, payable in accordance' in words(draft)


def test_lump_sum_cobra_pro_rata_bonus_offset() -> None:
    severance = {**SEVERANCE_MONTHS, "payment": "lump_sum", "lump_sum_days": 45, "cobra_months": 18,
                 "pro_rata_bonus": True, "offset_other_plans": True}
    text = words(changed(**{"termination.without_cause.severance": severance,
                            "benefits.bonus_program": TARGET_BONUS}))
    assert (
        "severance payments equal to one year of salary at your then current salary level, payable in a lump sum "
        "within 45 days after the date of termination and subject to all applicable federal, state and local "
        "withholding, reduced by any severance payable to you under any other severance plan, policy or program of "
        "the Company; and (ii) if you timely elect continued health coverage under the Consolidated Omnibus Budget "
        'Reconciliation Act of 1985, as amended ("COBRA"), the Company shall pay the COBRA premiums for you and '
        "your covered dependents for eighteen months after the date of termination or, if earlier, until you "
        "become eligible for group health coverage from another employer; and (iii) you shall receive a pro rata "
        "portion of your Target Bonus for the year in which the termination occurs"
    ) in text
    assert "; and (iv) all outstanding unvested Options" in text
    assert "; and (v) you shall have no further rights" in text


def test_release_and_409a_sections_follow_death_and_are_cited() -> None:
    severance = {**SEVERANCE_MONTHS, "release_required": True, "release_days": 45, "specified_employee_delay": True}
    document, text = render(changed(**{"termination.without_cause.severance": severance}))
    names = headings(document)
    death = names.index(f"{number(document, 'death')}. TERMINATION UPON DEATH:")
    release, delay = number(document, "release"), number(document, "section_409a")
    assert names[death + 1 : death + 3] == [f"{release}. RELEASE:", f"{delay}. SECTION 409A:"]
    assert (
        f"withholding, subject to Section {release} (Release), and subject to the six-month delay described in "
        f"Section {delay}; and (ii)"
    ) in text
    assert "that becomes effective and irrevocable within 45 days after the date your employment terminates." in \
        section_text(document, "release")
    assert 'if you are a "specified employee" (within the meaning of Section 409A)' in section_text(
        document, "section_409a")
    sample = words(changed())
    assert "RELEASE:" not in sample and "409A" not in sample and "COBRA" not in sample


def test_release_days_that_differ_by_kind() -> None:
    document, _ = render(every_term_on())
    assert "within 60 days (for a termination without Cause) or 45 days (for a termination following a Change of " \
        "Control) after the date your employment terminates." in section_text(document, "release")


# ---------------------------------------------------------------- Good Reason, Cause


GOOD_REASON = {"material_duties": True, "pay_cut_percent": "10", "relocation_miles": 35, "material_breach": True,
               "notice_days": 60, "cure_days": 30}


def test_good_reason_defined_and_used_without_cause_and_after_a_change_of_control() -> None:
    text = words(changed(**{"termination.good_reason": GOOD_REASON, "termination.without_cause.good_reason": True}))
    assert 'other than for "Cause" (as defined below), or you resign for "Good Reason" (as defined below), (i) you ' \
        "will be entitled" in text
    assert "or, within such one (1) year period, you resign for Good Reason, (I) you shall receive" in text
    assert (
        'For purposes of this Agreement, "Good Reason" means the occurrence of any of the following without your '
        "written consent: (i) a material reduction of your authority, duties or responsibilities; (ii) a reduction "
        "of your base salary by more than ten percent (10%); (iii) the relocation of your principal place of "
        "employment by more than 35 miles; or (iv) a material breach of this letter by the Company; provided that "
        "you give the Company written notice of the condition within 60 days after it first occurs and the Company "
        "fails to cure it within 30 days after receiving that notice."
    ) in text


def test_good_reason_with_one_ground_has_no_list() -> None:
    reason = {**GOOD_REASON, "material_duties": False, "pay_cut_percent": None, "relocation_miles": None,
              "material_breach": False}
    text = words(changed(**{"termination.good_reason": reason}))
    assert '"Good Reason" means the occurrence of a material reduction of your base salary without your written ' \
        "consent; provided that" in text
    assert "Good Reason" not in words(changed())


def test_cause_defined_elsewhere_or_not_at_all() -> None:
    elsewhere = words(changed(**{"termination.cause": {"definition": "in_another_document",
                                                       "defined_in": "your Employment Agreement"}}))
    assert '"Cause" has the meaning given to that term in your Employment Agreement. In addition,' in elsewhere
    assert "moral turpitude" not in elsewhere
    none = words(changed(**{"termination.cause": None}))
    assert "other than for cause, (i) you will be entitled" in none
    assert '"Cause"' not in none


# ---------------------------------------------------------------- disability and death


def test_disability_without_severance_renumbers_and_points_to_its_own_clause() -> None:
    text = words(changed(**{"termination.disability.severance": None}))
    assert "by virtue of disability, (i) you shall receive for a period of one year after termination" in text
    assert "nothing in this clause (i) shall restrict" in text
    full = words(changed())
    assert "nothing in this clause (ii) shall restrict" in full


def test_disability_and_death_benefits_and_vesting() -> None:
    draft = changed(**{"termination.disability.accelerate_equity": True, "termination.disability.benefit_months": None,
                       "termination.death.cash_benefit": "500000.00", "termination.death.accelerate_equity": True})
    document, _ = render(draft)
    disability, death = section_text(document, "disability"), section_text(document, "death")
    assert "continuing coverage" not in disability
    assert "; (ii) all outstanding unvested Options granted to you (or hereafter under the Bonus Program) and held by " \
        "you shall vest" in disability
    assert "; (ii) the Company shall pay your estate a lump sum of $500,000.00; (iii) all outstanding unvested " \
        "Options" in death


def test_no_disability_or_death_sections() -> None:
    document, text = render(changed(**{"termination.disability": None, "termination.death": None}))
    assert "DISABILITY" not in text and "DEATH" not in text
    assert [s.number for s in document.sections] == list(range(1, len(document.sections) + 1))


# ---------------------------------------------------------------- perquisites, relocation, transportation


def test_car_lease_instead_of_allowance() -> None:
    document, text = render(changed(**{"transportation": {"kind": "lease", "monthly_allowance": "1200.00"}}))
    assert "4. AUTOMOBILE:" in headings(document)
    assert "the Company will provide you with a leased automobile for your use, at a lease cost to the Company of " \
        "up to $1,200 per month." in text
    assert "monthly allowance" not in text


def test_perquisites() -> None:
    text = words(changed(**{"perquisites": {
        "allowances": [{"name": "housing", "monthly_amount": "2500.00"}],
        "retirement_match_percent": "4", "deferred_compensation_plan": "Executive Deferral Plan"}}))
    assert "During your employment, the Company will pay you a monthly housing allowance of $2,500." in text
    assert "the Company will match your contributions up to four percent (4%) of your base salary, in accordance " \
        "with the terms of the plan." in text
    assert "defer a portion of your compensation under the Company's Executive Deferral Plan" in text


def test_perquisites_with_nothing_in_them_print_no_section() -> None:
    document, _ = render(changed(**{"perquisites": {"allowances": []}}))
    assert "perquisites" not in [s.key for s in document.sections]


def test_relocation_lump_sum_with_gross_up_and_repayment() -> None:
    text = words(changed(**{"relocation": {
        "kind": "lump_sum", "amount": "40000.00", "gross_up": True,
        "repayment": {"kind": "full", "months": 12, "basis": "gross", "repay_days": 30, "offset": False}}}))
    assert (
        "The Company will pay you a lump sum of $40,000.00, less applicable withholding, to assist with your "
        'relocation to the area of your principal place of employment (the "Relocation Benefits"). The Company '
        "will also pay you an additional amount sufficient to pay the federal, state and local income taxes you "
        "incur on the Relocation Benefits. If, within one year after the Relocation Benefits are paid, you resign "
        "or the Company terminates your employment for Cause (as defined in Section"
    ) in text
    for absent in ("RELOCATION", "Relocation Benefits"):
        assert absent not in words(changed())


# ---------------------------------------------------------------- conditions, dates, disputes


def test_conditions_in_one_list_and_the_closing() -> None:
    draft = changed(**{
        "conditions.background_check": True, "conditions.work_authorization": True,
        "conditions.transaction": {"kind": "merger", "description": "the merger of Acme, Inc. with the Company",
                                   "expected_date": "2002-12-01", "outside_date": "2003-03-31"},
    })
    document, _ = render(draft)
    assert any(h.endswith("CONDITIONS TO EMPLOYMENT:") for h in headings(document))
    assert section_text(document, "conditions") == (
        "Your employment is conditioned on (i) the approval of your employment and this letter agreement by the "
        "Board of Directors of the Company; (ii) the satisfactory completion of a background check; (iii) your "
        "providing proof of your authorization to work in the United States, as required by federal law; and (iv) "
        'the closing of the merger of Acme, Inc. with the Company (the "Closing"). This letter shall become '
        "effective only upon the Closing; if the Closing has not occurred on or before March 31, 2003, this offer "
        "shall lapse and be of no further force or effect."
    )


def test_a_transaction_that_defines_its_own_name_is_not_defined_twice() -> None:
    document, _ = render(changed(**{"conditions.transaction": {
        "kind": "merger", "description": 'the merger of Acme, Inc. with the Company (the "Merger")',
        "expected_date": "2002-12-01"}}))
    assert 'the closing of the merger of Acme, Inc. with the Company (the "Merger") (such closing, the "Closing").' \
        in section_text(document, "conditions")
    assert "lapse" not in section_text(document, "conditions")


def test_one_condition_or_none() -> None:
    document, _ = render(changed())
    assert any(h.endswith("CONDITION TO EMPLOYMENT:") for h in headings(document))
    document, text = render(changed(**{"conditions.board_approval_required": False}))
    assert "CONDITION" not in text and "conditioned on" not in text


def test_confirmatory_letter_effective_as_of_an_earlier_date() -> None:
    text = words(changed(**{"letter.effective_date": "2002-09-01"}))
    assert "is pleased to confirm your employment as the Company's Chief Financial Officer, on the terms and " \
        "subject to the conditions set forth below. This letter confirms the terms of your employment effective as " \
        "of September 1, 2002. The terms and conditions of your employment are as follows:" in text
    assert "confirm your employment" not in words(changed())


@pytest.mark.parametrize(("state", "law"), [("CA", "the State of California"), ("DC", "the District of Columbia")])
def test_governing_law_section_when_there_is_no_arbitration(state: str, law: str) -> None:
    courts = "the state and federal courts located in Los Angeles County, California"
    document, text = render(changed(**{"arbitration": None, "governing_law": {"state": state, "courts": courts}}))
    assert headings(document)[-1].endswith("GOVERNING LAW:")
    assert section_text(document, "governing_law") == (
        f"This agreement shall be governed by and construed in accordance with the laws of {law}, without regard to "
        "its conflict of laws principles. Any dispute arising with respect to the rights and obligations hereunder "
        f"that is not resolved by us shall be heard exclusively in {courts}, and each of us submits to the "
        "jurisdiction of those courts for that purpose."
    )
    assert "arbitration" not in text.lower()


def test_arbitrators_apply_the_governing_law() -> None:
    text = words(changed(**{"governing_law.state": "DE"}))
    assert "shall apply the substantive laws of the State of Delaware." in text
    assert "GOVERNING LAW" not in text


# ---------------------------------------------------------------- Exhibit A


def test_exhibit_without_a_noncompete_reletters_its_clauses() -> None:
    document, text = render(changed(**{"covenants.noncompete": None, "governing_law.state": "CA"}))
    exhibit = text[text.index("Exhibit A\n") :]
    assert "Confidentiality; Other Covenants." in exhibit and "Covenant Against Competition" not in exhibit
    assert re.findall(r"^\((\w)\) ", exhibit, re.M) == ["a", "b", "c", "a", "b", "c", "d"]
    assert exhibit.index("(a) During and after the period") < exhibit.index("(b) During the period commencing")
    assert "this section (a) shall not apply" in exhibit
    # The acknowledgments lose "the Business is national in scope" (it supports a non-compete) and renumber.
    assert "national in scope" not in exhibit
    assert "Business; (iii) your work for the Company will give you access" in exhibit
    assert "; and (v) the Company would not have offered you employment" in exhibit
    assert "any of the provisions of sections (a) through (c) above" in exhibit
    assert "competition" not in exhibit.split("Rights and Remedies")[0].replace("Confidentiality", "")
    assert "covering, among other things, non-solicitation provisions and the protection of the Company's trade " \
        "secrets." in section_text(document, "restrictive_covenant")


def test_exhibit_with_confidentiality_and_property_only() -> None:
    document, text = render(changed(**{"covenants.noncompete": None, "covenants.nonsolicit": None}))
    exhibit = text[text.index("Exhibit A\n") :]
    assert "any of the provisions of sections (a) and (b) above" in exhibit
    assert "covering, among other things, the protection of the Company's trade secrets." in section_text(
        document, "restrictive_covenant")


def test_garden_leave() -> None:
    text = words(changed(**{"covenants.noncompete.garden_leave_percent": "50"}))
    assert (
        "shall not be deemed to constitute competition. In consideration of this section (a), for the part of the "
        "restricted period that follows the termination of your employment the Company shall pay you, in "
        "accordance with its regular payroll practices, garden leave pay at an annual rate equal to fifty percent "
        "(50%) of your highest annualized base salary within the two years preceding such termination."
    ) in text
    assert "garden leave" not in words(changed())


def test_no_covenants_no_exhibit_and_no_restrictive_covenant_section() -> None:
    document, text = render(changed(**{"covenants": None}))
    assert "Exhibit A" not in text and "RESTRICTIVE COVENANT" not in text and "restrictive covenants" not in text
    assert "Your employment and option agreements will include other customary" in text
    assert sum(1 for b in document.blocks if type(b).__name__ == "SignatureBlock") == 2
    assert not any(type(b).__name__ == "PageBreak" for b in document.blocks)


# ---------------------------------------------------------------- everything on, everything off


def test_every_term_on_reads_cleanly_and_numbers_its_sections() -> None:
    for draft in (every_term_on(), every_term_on_otherwise()):
        document, text = render(draft)
        assert [s.number for s in document.sections] == list(range(1, len(document.sections) + 1))
        for ref in re.findall(r"Section (\d+)\b(?!\()", text):
            assert 1 <= int(ref) <= len(document.sections)


ALL_OPTIONAL_OFF: dict[str, Any] = {
    "position.at_will": False, "equity": None, "transportation": None, "benefits.bonus_program": None,
    "benefits.life_insurance_multiple": None, "benefits.merp": False, "benefits.professional_fees": False,
    "termination.without_cause": None, "termination.cause": None, "termination.change_of_control": None,
    "termination.disability": None, "termination.death": None, "covenants": None, "arbitration": None,
    "governing_law": {"state": "WA", "courts": "the courts of King County, Washington"},
    "conditions.board_approval_required": False,
}


def test_all_optional_off_is_a_short_clean_letter() -> None:
    document, text = render(changed(**ALL_OPTIONAL_OFF))
    assert headings(document) == [
        "1. POSITION AND DUTIES:", "2. BASE COMPENSATION:", "3. PARTICIPATION IN HEALTH AND OTHER BENEFIT PLANS:",
        "4. EXPENSES:", "5. VACATION:", "6. TERMINATION:", "7. OTHER TERMS:", "8. GOVERNING LAW:",
    ]
    assert section_text(document, "termination") == (
        "If your employment with the Company is terminated for any reason whatsoever, whether by you or the "
        "Company, the Company would not be liable for, or obligated to pay you any bonus compensation or any other "
        "compensation contemplated hereby not already paid or not already accrued at the date of such termination, "
        "and no other benefits shall accrue or vest subsequent to such date."
    )
    assert section_text(document, "other_terms").startswith("Your employment will include other customary")
    for absent in ("Exhibit A", "Cause", "severance", "Options", "Bonus", "arbitration", "at will", "Change of",
                   "disability", "death", "MERP", "conditioned on", "CONDITION"):
        assert absent not in text, absent


def test_the_sample_carries_none_of_the_new_terms() -> None:
    """Each new term's words, absent from a letter that does not have the term (the sample)."""
    text = words(changed())
    for absent in (
        "principal place of employment", "TERM OF EMPLOYMENT", "Initial Term", "increased from", "will be increased",
        "reviewed at least annually", "ANNUAL BONUS", "Target Bonus", "ranging from", "maximum of", "not less than $",
        "paid quarterly", "employed by the Company on the date a bonus", "intends to adopt", "SIGNING BONUS",
        "RETENTION BONUS", "repay", "PSUs", "performance conditions", "to be granted on", "date of grant,",
        "rounded down", "in full on the", "AUTOMOBILE", "leased automobile", "PERQUISITES", "401(k)", "defer a portion",
        "RELOCATION", "Relocation Benefits", "gross amount", "Good Reason", "written notice of your resignation",
        "in lieu of all or part", "lump sum", "COBRA", "pro rata portion of your Target", "RELEASE", "409A", "has the meaning",
        "Upon the occurrence of a Change of Control", "beginning", "percent (50%)", "background check",
        "authorization to work", "Closing", "confirm your employment", "effective as of", "GOVERNING LAW",
        "garden leave", "Confidentiality; Other Covenants", "an Delaware",
    ):
        assert absent not in text, absent
