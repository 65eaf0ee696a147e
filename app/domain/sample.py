"""The built-in sample letter: the terms of the reference letter (MIM Corporation's CFO offer, 2002)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the terms are plain data; only sample_letter() needs the model (and pydantic)
    from app.domain.letter import Letter

# The reference letter prints no start date; 2002-10-14 is the agreed sample start (issue #2).
SAMPLE_TERMS: dict[str, Any] = {
    "company": {
        "name": "MIM Corporation",
        "state_of_incorporation": "Delaware",
        "letterhead_lines": ["MIM Corporation", "100 Clearbrook Road", "Elmsford, New York 10523"],
        "signatory_name": "Richard H. Friedman",
        "signatory_title": "Chairman and CEO",
    },
    "candidate": {
        "salutation": "Mr.",
        "full_name": "James S. Lusk",
        "familiar_name": "Jim",
        "address_lines": ["42 Colts Glen Lane", "Basking Ridge, NJ 07920"],
    },
    "letter": {
        "letter_date": "2002-10-01",
        "re_line": "MIM Corporation and Subsidiaries",
        "closing_paragraph": (
            "Please call me to discuss any questions or comments that you may have regarding these terms. "
            "After I receive your agreement to the foregoing, definitive documentation will be prepared. "
            "I look forward to hearing from you and working with you. Best regards."
        ),
        "complimentary_close": "Sincerely yours",
    },
    "position": {
        "offered_role": "Chief Financial Officer",
        "title": "Executive Vice President and Chief Financial Officer",
        "duties": (
            "the principal financial and accounting officer of the Company and shall be responsible for "
            "all financial reporting and other matters typical of a Chief Financial Officer"
        ),
        "reports_to": "Chief Executive Officer",
        "at_will": True,
        "start_date": "2002-10-14",
        "work_state": "NY",
    },
    "compensation": {"base_salary": "300000.00", "pay_frequency": "bi-weekly"},
    "equity": {
        "grants": [
            {
                "kind": "non_qualified_option",
                "shares": 150000,
                "pricing": "close_prior_trading_day",
                "vesting": {"kind": "equal_annual", "years": 3},
            }
        ],
        "par_value": "0.0001",
        "review_months": 6,
    },
    "transportation": {"monthly_allowance": "1000.00"},
    "benefits": {
        "merp": True,
        "life_insurance_multiple": 3,
        "bonus_program": {"name": "1998 Cash Bonus Program For Key Employees", "first_year_pro_rata": True},
        "professional_fees": True,
        "vacation_days": 20,
    },
    "termination": {
        "without_cause": {
            "severance": {"formula": "months_of_salary", "months": 12, "payment": "installments"},
            "accelerate_equity": True,
        },
        "cause": {
            "items": [
                "commission by you of criminal conduct which involves moral turpitude",
                "acts which constitute fraud or self-dealing by or on the part of you against the Company, "
                "including, without limitation, misappropriation or embezzlement",
                "your willful engagement in conduct which is materially injurious to the Company",
                "your gross misconduct in the performance of duties as an employee of the Company, including, "
                "without limitation, failure to obey lawful written instructions of the Board of Directors of "
                "the Company, any committee thereof or any executive officer of the Company or failure to "
                "correct any conduct which constitutes a breach of any written agreement between you and the "
                "Company or of any written policy promulgated by the Board of Directors of either the Company, "
                "any committee thereof or any executive officer of the Company",
            ],
            "cure_notice_days": 10,
        },
        "change_of_control": {
            "protection_months": 12,
            "severance": {"formula": "months_of_salary", "months": 12, "payment": "installments"},
            "good_reason": True,
            "accelerate_equity": True,
            "ownership_threshold": "50.1",
            "board_approval_numerator": 2,
            "board_approval_denominator": 3,
            "rights_agreement_date": "1999-05-20",
            "rights_agent": "American Stock Transfer & Trust Company",
        },
        "disability": {
            "days_threshold": 180,
            "window_months": 12,
            "physician_return_days": 30,
            "severance": {"formula": "months_of_salary", "months": 12, "payment": "installments"},
            "benefit_months": 12,
            "exercise_months": 12,
        },
        "death": {"exercise_months": 12},
    },
    "covenants": {
        "business_description": (
            "the provision of a broad range of services designed to promote the cost-effective delivery of "
            "pharmacy benefits, including pharmacy benefit management services, claims processing, the "
            "purchasing of pharmaceutical products on behalf of pharmacy networks and long term care "
            "facilities (including assisted living facilities and nursing homes) and specialty pharmaceutical "
            "programs and mail order pharmacy services, including the dispensing of prescription "
            "pharmaceutical products, and the sale and distribution, on a retail and wholesale basis, of "
            "OTC's, vitamins, supplements, herbals and other goods typically offered for sale through a "
            "retail, mail order or internet on-line pharmacy"
        ),
        "noncompete": {
            "months": 9,
            "starts": "later_of_termination_and_severance",
            "passive_investment_percent": "2",
        },
        "nonsolicit": {"months": 12},
    },
    "arbitration": {
        "rules": "commercial arbitration rules",
        "body": "American Arbitration Association",
        "body_abbreviation": "AAA",
        "arbitrators": 1,
        "venue_state": "New York",
        "venue_city": "New York",
        "award_confirmation": (
            "Article 75 of the New York Civil Practice Law and Rules in New York State Supreme Court or in "
            "any other court of competent jurisdiction within or without the State of New York"
        ),
    },
    "governing_law": {"state": "NY"},
    "conditions": {"board_approval_required": True},
}


def sample_letter() -> Letter:
    """A fresh copy of the sample letter."""
    from app.domain.letter import Letter

    return Letter.model_validate(SAMPLE_TERMS)
