"""Each drafting check: a sentence where it fires (with what it says) and a near one where it does not."""

from __future__ import annotations

import pytest

from app.review import drafting
from app.review.runner import review_text


def rules(text: str) -> list[str]:
    return [h.rule for h in drafting.paragraph_hits(text)]


FIRES = [
    ("unbalanced-parenthesis", "You shall receive salary (and reimbursement for expenses; and (ii) options.", "(and reimbursement"),
    ("unbalanced-parenthesis", "You shall receive salary and expenses) in full.", "expenses)"),
    ("unbalanced-quotes", 'The company (the "Company) is pleased.', '"Company)'),
    ("doubled-word", "You will report to the the Board.", "the the"),
    ("doubled-word", 'A "person" within the means the meaning of section 13(d).', "the means the meaning"),
    ("doubled-punctuation", "Section 401(a) of the Code; ; and (III) you shall", "; ;"),
    ("doubled-punctuation", "salary,, bonus", ",,"),
    ("garbled-citation", "within the meaning of Rule l3d-3 under the Exchange Act", "l3d-3"),
    ("garbled-citation", "a plan under Section 40l(k) of the Code", "40l(k)"),
    ("enumeration", "You shall (i) work; (iii) report; and (iv) rest.", "(iii)"),
    ("enumeration", "You shall (ii) work; and (iii) rest.", "(ii)"),
    ("enumeration", "You acknowledge that (i) the Company sells; (ii) the Company buys; (iii) is national; "
     "and (iv) you agree.", "(iii) is national"),
    ("numbers-words-figures", "for a period of five (6) years", "five (6)"),
    ("numbers-words-figures", "less than two percent (3%) of the stock", "two percent (3%)"),
    ("neither-or", "neither you or your estate shall have rights", "neither you or"),
    ("singular-plural", "There shall be one arbitrator. The arbitrators shall apply the law.", "The arbitrators"),
    ("singular-plural", "heard by a single arbitrator; the arbitrators shall apply the law.", "the arbitrators"),
    ("statute-name", "sections 13(d) of the Securities and Exchange Act of 1934", "Securities and Exchange Act"),
    ("statute-name", "the Internal Revenue Code of 1968, as amended", "Internal Revenue Code of 1968"),
    ("stray-character", "the enforcement of the Restrictive Covenants. ` Agreed", "`"),
    ("pronoun", "that the Executive's ownership as a passive investor", "the Executive's"),
    ("pronoun", "shall not use for his benefit", "his"),
]


@pytest.mark.parametrize(("rule", "text", "words"), FIRES)
def test_check_fires_with_the_words_and_a_fix(rule: str, text: str, words: str) -> None:
    hits = [h for h in drafting.paragraph_hits(text) if h.rule == rule]
    assert hits, f"{rule} did not fire on {text!r}"
    assert words in text[hits[0].start:hits[0].end]
    assert ":" in hits[0].message  # what is wrong: what to do


QUIET = [
    "You shall receive salary (and reimbursement for expenses) in full; see clause (ii) above.",
    'The company (the "Company") is pleased, and "Cause" (as defined below) applies.',
    "You will report to the Board, and that that is so is agreed.",
    '(i) A "person" within the meaning of section 13(d) and Rule 13d-3; and (ii) more.',
    "(I) pay; (II) vest under Section 401(a) of the Code; and (III) you shall ... and so on.",
    "a plan under Section 401(k) of the Code, Person(s) and 13(d)",
    "You shall (i) work; (ii) report; and (iii) rest. Nothing in clause (ii) shall restrict; "
    "sections (a) through (d) above; (as each of the terms set forth in (I), (II), and (III) hereof).",
    "following (i) termination or (ii) payment, engaged in (i) the Business or (ii) any component",
    "You acknowledge that (i) the Company sells; (ii) the Company buys; (iii) the Business is national.",
    "you (i) are free to work; (ii) have no other agreement; and (iii) will not breach.",
    "for a period of one (1) year, four weeks (20 business days), two percent (2%) and twenty-four (24) months",
    "neither you nor your estate or beneficiaries shall have rights; either you or your estate may",
    "There shall be one arbitrator. The arbitrator shall apply the law; one or more transactions.",
    "Each RSU represents the right to receive one share of Common Stock; the shares vest in thirds.",
    "the Securities Exchange Act of 1934, the Internal Revenue Code of 1986 and the Securities Act of 1933",
    "the enforcement of the Restrictive Covenants. Agreed to and accepted by: /s/ James S. Lusk",
    "approved by the Executive Committee under the Employee Retirement Income Security Act of 1974",
]


@pytest.mark.parametrize("text", QUIET)
def test_check_stays_quiet_on_correct_drafting(text: str) -> None:
    assert list(drafting.paragraph_hits(text)) == []


LETTER = """\
October 1, 2002

Mr. James S. Lusk
42 Colts Glen Lane

Dear Jim:

MIM Corporation, a Delaware corporation (the "Company"), is pleased to offer you employment. You will
report to your manager and you will be paid. If you are terminated other than for "Cause" (as defined
below), you receive severance. "Cause" shall mean fraud by you. You shall be eligible for the Cash
Bonus Plan (the "Bonus Plan"), and your Options ("Options") vest when you work for the Company.

1. POSITION AND DUTIES:

You will serve the Company. The Bonus Plan pays you. The Options vest. The Severance Period is long.
The Bonus Plan (the "Bonus Plan") is restated. "Stock" means shares, and you will like it.

2. BASE COMPENSATION:

Your salary is paid by MIM Corporatoin.

3 Compensation

Nothing.

Sincerely yours,

MIM CORPORATION
"""


def finding(rule: str, words: str, findings=None):
    found = [f for f in (findings or review_text(LETTER)) if f.rule == rule and words in f.excerpt]
    assert found, f"no {rule} finding on {words!r}: {[str(f) for f in review_text(LETTER)]}"
    return found[0]


def test_letter_wide_checks_on_an_imported_letter() -> None:
    findings = review_text(LETTER)
    assert finding("defined-term-undefined", "Severance Period", findings).location.section == "1. POSITION AND DUTIES"
    assert finding("defined-term-twice", "Bonus Plan", findings).location.paragraph == 1
    assert finding("defined-term-unused", "Stock", findings)
    assert finding("party-name", "Corporatoin", findings).severity.value == "error"
    rules_found = {f.rule for f in findings}
    # Used capitalised before its definition, but announced "(as defined below)": not a finding.
    assert not [f for f in findings if f.rule == "defined-term-before-definition" and "Cause" in f.excerpt]
    assert "pronoun" not in rules_found


def test_a_possessive_before_a_term_is_a_use_and_a_longer_name_is_not() -> None:
    from app.review.defined_terms import _paragraph_uses

    uses = _paragraph_uses("The Company's Business grows; the Confidential Company Information is secret.",
                           ("Business", "Company"))
    assert [(term, announced) for _, _, term, announced in uses] == [("Business", False), ("Company", False)]
    assert uses[1][0] == 4  # "The Company's", not "Confidential Company Information"
    announced = _paragraph_uses("for Good Reason or for cause (each as defined in Section 9)", ("Good Reason",))
    assert announced[0][3] is True


def test_used_before_its_definition() -> None:
    text = 'You acknowledge the Business.\n\nThe Company sells pens (the "Business"). The Business is good.\n'
    found = [f for f in review_text(text) if f.rule == "defined-term-before-definition"]
    assert [f.location.paragraph for f in found] == [1]


def test_headings_numbered_and_styled_alike() -> None:
    text = ("1. POSITION:\n\nYou work.\n\n2. PAY:\n\nYou are paid.\n\n4. TERMINATION; SEVERANCE CHANGE OF CONTROL:\n\n"
            'A "Change of Control" means a sale.\n\n5. Vacation\n\nYou rest.\n')
    messages = [f.message for f in review_text(text) if f.rule == "heading"]
    assert any("number it 3" in m for m in messages)
    assert any("semicolon" in m for m in messages)
    assert any("in capitals" in m for m in messages)
    clean = "1. POSITION:\n\nYou work.\n\n2. PAY; CHANGE OF CONTROL:\n\nA \"Change of Control\" means a sale.\n"
    assert [f for f in review_text(clean) if f.rule == "heading"] == []


def test_clause_labels_across_paragraphs() -> None:
    text = "Exhibit A\n\n(a) One.\n\n(b) Two.\n\n(d) Four.\n\nRemedies.\n\n(a) Again.\n"
    found = [f for f in review_text(text) if f.rule == "enumeration"]
    assert [f.excerpt[:3] for f in found] == ["(d)"]


def test_stale_year_in_an_imported_letter() -> None:
    text = "October 1, 2002\n\nYou participate pro rata for calendar year 2001 and in calendar year 2002.\n"
    found = [f for f in review_text(text) if f.rule == "hard-coded-year"]
    assert len(found) == 1 and "2001" in found[0].excerpt
