"""``offerdesk compare``: what changed between two letters, and the redline DOCX.

The baseline is OLD's terms; with ``--baseline-version`` it is a version marked as sent inside OLD,
and NEW may then be left out to compare OLD's own current draft with what was sent.

The comparison engine (calculations with their trading calendars and pandas, the templates,
python-docx) is imported when the command runs, not when the parser is built.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import CliError, read_letter_file, require_valid
from app.documents import formatting
from app.domain.embedded_terms import edited_message, is_docx_name
from app.storage.atomic import WriteRefused, atomic_write_bytes

if TYPE_CHECKING:
    from app.compare.comparison import Comparison
    from app.documents.model import Document
    from app.domain.letter import Letter


def register(sub: Any) -> None:
    """Add ``compare`` to the parser."""
    parser = sub.add_parser(
        "compare",
        help="show what changed between two letters; write a redline DOCX with tracked changes",
        description=(
            "Compare a baseline letter (OLD) with the current one (NEW): the changed terms by section, "
            "how the figures moved, and with -o a redline DOCX whose tracked changes Word and "
            "LibreOffice can accept or reject."
        ),
    )
    parser.add_argument(
        "old", type=Path, metavar="OLD",
        help="the baseline: a letter file (*.offer.json), or a Word document (*.docx) made elsewhere or returned "
             "marked up, compared by its text (tracked changes accepted) unless it carries OfferDesk's terms unedited",
    )
    parser.add_argument(
        "new", type=Path, nargs="?", metavar="NEW",
        help="the current letter file; with --baseline-version, OLD's own draft by default",
    )
    parser.add_argument(
        "--baseline-version", metavar="NAME", nargs="?", const="", default=None,
        help="compare against the version of OLD marked as sent under NAME (the latest sent one if no NAME)",
    )
    parser.add_argument("-o", "--output", type=Path, metavar="REDLINE.docx", help="write the redline DOCX here")
    parser.add_argument("--force", action="store_true", help="overwrite the output file if it exists")
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON for scripts")
    parser.add_argument(
        "--on", type=_iso_date, metavar="YYYY-MM-DD",
        help="termination date for the scenario figures (default: a year after the start)",
    )
    parser.add_argument(
        "--author", metavar="NAME",
        help="who the tracked changes are attributed to (default: your account's full name, as in the editor)",
    )
    parser.set_defaults(handler=run)


def _iso_date(text: str) -> date:
    from app.domain.types import check_date_in_range

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written as YYYY-MM-DD") from None
    try:
        return check_date_in_range(day)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} {exc}") from None


def _baseline(args: argparse.Namespace) -> tuple[Letter | None, str, Document | None]:
    """The baseline's terms (if it has them), what to call it, and its text when it is read by text."""
    from app.compare.versions import VersionError, sent_version

    if args.baseline_version is None:
        if args.new is None:
            raise CliError("name the current letter (NEW), or use --baseline-version to compare with a sent version")
        if is_docx_name(args.old.name):
            return _docx_baseline(args.old)
        _, letter, _ = require_valid(args.old)
        return letter, str(args.old), None
    file, _, _ = read_letter_file(args.old)
    try:
        version = sent_version(file, args.baseline_version or None)
    except VersionError as exc:
        raise CliError(f"{args.old}: {exc}") from None
    when = formatting.long_date(version.sent_at.date())
    return version.terms, f"{args.old}, as sent ({version.name!r}, {when})", None


def _docx_baseline(path: Path) -> tuple[Letter | None, str, Document | None]:
    """A Word document as the baseline: the terms it carries, unedited; otherwise its text."""
    from app.compare.imported import BaselineError, docx_baseline
    from app.storage.letters import StorageError, require_regular_file

    try:
        require_regular_file(path)  # a named pipe would hang the read forever
        data = path.read_bytes()
    except StorageError as exc:
        raise CliError(str(exc)) from None
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        baseline = docx_baseline(data)
    except BaselineError as exc:
        raise CliError(f"{path}: cannot be compared with: {exc}") from None
    if baseline.edited:
        print(f"offerdesk: warning: {edited_message(str(path))}; its text as edited is the redline's baseline.",
              file=sys.stderr)
    return baseline.letter, baseline.describe(str(path)), baseline.document


def run(args: argparse.Namespace) -> int:
    # The letters first: a file that cannot be read is refused before the engine loads.
    baseline, baseline_label, baseline_text = _baseline(args)
    current_path: Path = args.new or args.old
    current_file, current, _ = require_valid(current_path)
    from app.compare.comparison import compare_letters, compare_with_document
    from app.documents.engine import RenderError

    try:
        if baseline_text is not None:
            comparison = compare_with_document(baseline, baseline_text, current, args.on)
        else:
            assert baseline is not None  # a baseline not read by its text is its terms
            comparison = compare_letters(baseline, current, args.on)
    except RenderError as exc:
        raise CliError(f"the letter cannot be rendered: {exc}") from None
    if args.output is not None:
        from app.domain.file_format import embedded_text

        _write_redline(args, comparison, embedded_text(current_file.draft))
    if args.json:
        print(json.dumps(_as_json(comparison, baseline_label, str(current_path), args.output), indent=2,
                         ensure_ascii=False))
    elif args.output is not None:
        count = comparison.redline.change_count
        print(f"Wrote {args.output}: {count} tracked change{'' if count == 1 else 's'} against {baseline_label}.")
    else:
        sys.stdout.write(summary_text(comparison, baseline_label, str(current_path)))
    return 0


def _write_redline(args: argparse.Namespace, comparison: Comparison, terms: str) -> None:
    from app.compare.redline_docx import redline_docx_of
    from app.documents.docx_writer import DocxError
    from app.storage.account import account_full_name

    when = datetime.now(UTC).replace(microsecond=0)
    try:
        data = redline_docx_of(comparison.redline, args.author or account_full_name(), when, terms)
    except DocxError as exc:
        raise CliError(f"the redline cannot be written: {exc}") from None
    try:
        atomic_write_bytes(args.output, data, overwrite=args.force)
    except WriteRefused:
        raise CliError(f"{args.output} already exists; use --force to overwrite it") from None
    except OSError as exc:
        raise CliError(f"{args.output}: cannot be written ({exc.strerror or exc})") from None


def summary_text(comparison: Comparison, baseline_label: str, current_label: str) -> str:
    """The comparison as a person reads it: terms by section, then the figures that moved."""
    from app.compare.terms import by_section

    lines = [f"Baseline: {baseline_label}", f"Current:  {current_label}", ""]
    if comparison.by_text and not comparison.terms and not comparison.figures:
        lines.append("The baseline carries no terms: only its text is compared (tracked changes taken as accepted).")
    elif not comparison.terms:
        lines.append("No terms changed.")
    else:
        count = len(comparison.terms)
        lines.append(f"Changed terms ({count}):")
        for section, changes in by_section(comparison.terms):
            lines.append(f"  {section.title}")
            lines += [f"    {change}" for change in changes]
    moved = comparison.changed_figures
    if not (comparison.by_text and not comparison.figures):  # a text baseline has no figures to move
        lines.append("")
    if comparison.by_text and not comparison.figures:
        pass
    elif not moved:
        lines.append("No figures changed.")
    else:
        lines.append(f"Figures that changed (scenarios on {formatting.long_date(comparison.scenario_date)}):")
        group = None
        for figure in moved:
            if figure.group != group:
                group = figure.group
                lines.append(f"  {group}")
            lines.append(f"    {figure.describe()}")
    count = comparison.redline.change_count
    lines += ["", f"Redline: {count} change{'' if count == 1 else 's'} in the letter's text"
              + (" (write it with -o REDLINE.docx)." if count else ".")]
    return "\n".join(lines) + "\n"


def _as_json(comparison: Comparison, baseline: str, current: str, output: Path | None) -> dict[str, Any]:
    return {
        "baseline": baseline,
        "baseline_by_text": comparison.by_text,
        "current": current,
        "terms": [
            {
                "section": c.section_key,
                "section_title": c.section_title,
                "path": c.dotted_path,
                "label": c.label,
                "kind": c.kind.value,
                "old": c.old,
                "new": c.new,
            }
            for c in comparison.terms
        ],
        "scenario_date": comparison.scenario_date.isoformat(),
        "figures": [
            {
                "key": f.key,
                "group": f.group,
                "label": f.label,
                "old": f.old,
                "new": f.new,
                "changed": f.changed,
                "old_why": f.old_why,
                "new_why": f.new_why,
            }
            for f in comparison.figures
        ],
        "text_changes": [
            {
                "number": c.number,
                "kind": c.kind.value,
                "section": c.section_key,
                "old": c.old_text,
                "new": c.new_text,
            }
            for c in comparison.redline.changes
        ],
        "redline": str(output) if output is not None else None,
    }
