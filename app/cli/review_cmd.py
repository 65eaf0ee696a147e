"""``offerdesk review``: the drafting and legal review of a letter, OfferDesk's or imported.

Exit codes: 0 when no finding is an error (warnings may remain), 1 when at least one is, 2 when the
command is misused or the file cannot be read or rendered (one line on stderr says why).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.common import CliError


def register(sub: Any) -> None:
    """Add ``review`` to the parser."""
    parser = sub.add_parser(
        "review",
        help="proof a letter: defined terms, numbering, citations, parties, state law, Section 409A, ISOs",
        description=(
            "Review FILE (a .offer.json letter, or an imported .docx or .txt letter) as a lawyer's "
            "proofing add-in would: defined terms, parentheses and quotes, doubled words, citations, "
            "enumerations, numbers in words and figures, party names, pronouns and more. For an "
            "OfferDesk letter the terms are also checked against the work state's law, Section 409A "
            "and the incentive stock option limits. Exit 0 when no finding is an error, 1 when one "
            "is, 2 when FILE cannot be read."
        ),
    )
    parser.add_argument("file", type=Path, nargs="?", metavar="FILE", help="the letter: .offer.json, .docx or .txt")
    parser.add_argument("--sample", action="store_true", help="review the built-in sample letter instead of FILE")
    parser.add_argument(
        "--json", action="store_true",
        help="print a JSON list of findings, each with rule, severity, message, excerpt and location",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from app.review.runner import ReviewInputError, review_file, review_letter

    if args.sample == (args.file is not None):
        raise CliError("review: name one letter FILE, or give --sample (not both)")
    try:
        if args.sample:
            from app.domain.sample import sample_letter

            findings = review_letter(sample_letter())
        else:
            findings = review_file(args.file)
    except ReviewInputError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        json.dump([f.as_json() for f in findings], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for finding in findings:
            print(f"{finding.location}: {finding.severity.value} [{finding.rule}] {finding.message}")
            if finding.excerpt:
                print(f"    \"{finding.excerpt}\"")
        errors = sum(f.severity.value == "error" for f in findings)
        print(f"{len(findings)} finding{'s' * (len(findings) != 1)} ({errors} error{'s' * (errors != 1)}, "
              f"{len(findings) - errors} warning{'s' * (len(findings) - errors != 1)})")
    return 1 if any(f.severity.value == "error" for f in findings) else 0
