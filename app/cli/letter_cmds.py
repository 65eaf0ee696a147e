"""Subcommands for one letter: ``new``, ``check`` and ``render``.

Every write is atomic (a complete new file or the old one untouched) and refuses to replace an existing
file unless ``--force`` is given. The renderers (Jinja2, the writers, python-docx) are imported when
``render`` runs, not when the parser is built.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import CliError, read_letter_file, require_valid
from app.domain.problems import Severity
from app.domain.sample import SAMPLE_TERMS, sample_letter
from app.storage.atomic import WriteRefused, atomic_write_bytes

if TYPE_CHECKING:
    from app.documents.model import Document

FORMATS = ("docx", "text", "html")


def register(sub: Any) -> None:
    """Add ``new``, ``check`` and ``render`` to the parser."""
    new = sub.add_parser(
        "new",
        help="start a letter file (the sample letter with --sample)",
        description=(
            "Print a new letter file, or write it with -o. With --sample it holds the sample letter "
            "(MIM Corporation's CFO offer); without, the sample's terms with the candidate left blank "
            "for you to fill in (`offerdesk check` lists what is missing)."
        ),
    )
    new.add_argument("--sample", action="store_true", help="the complete sample letter")
    new.add_argument(
        "--type", metavar="NAME", dest="letter_type",
        help="a letter type of the template pack (offer, short-form, promotion ...); --type list lists them",
    )
    new.add_argument("-o", "--output", type=Path, metavar="FILE.offer.json", help="write the letter file here")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    new.set_defaults(handler=run_new)

    check = sub.add_parser(
        "check",
        help="list every error and warning in a letter",
        description="List each problem with the path of its term. Exit 1 if there are errors, else 0.",
    )
    check.add_argument("letter", type=Path, metavar="LETTER.offer.json")
    check.set_defaults(handler=run_check)

    render = sub.add_parser(
        "render",
        help="render a letter to DOCX (and PDF), text or HTML",
        description="Render the letter and its Exhibit A. Text and HTML go to standard output without -o.",
    )
    render.add_argument("letter", type=Path, metavar="LETTER.offer.json")
    render.add_argument("-o", "--output", type=Path, metavar="OUT", help="the file to write")
    render.add_argument("--format", choices=FORMATS, help="docx (default with -o), text or html")
    render.add_argument("--pdf", action="store_true", help="also write OUT.pdf beside the DOCX (needs LibreOffice)")
    render.add_argument("--force", action="store_true", help="overwrite existing files")
    render.set_defaults(handler=run_render)


# ---------------------------------------------------------------- new


def _blank_draft() -> dict[str, Any]:
    """The sample's terms with the candidate blank and today's date: a start the user completes."""
    today = date.today()
    draft: dict[str, Any] = {key: value for key, value in SAMPLE_TERMS.items()}
    draft["candidate"] = {"salutation": "", "full_name": "", "familiar_name": "", "address_lines": [""]}
    draft["letter"] = {**SAMPLE_TERMS["letter"], "letter_date": today.isoformat()}
    draft["position"] = {**SAMPLE_TERMS["position"], "start_date": (today + timedelta(days=14)).isoformat()}
    return draft


def _write(path: Path, data: bytes, force: bool) -> None:
    try:
        atomic_write_bytes(path, data, overwrite=force)
    except WriteRefused:
        raise CliError(f"{path} already exists; use --force to overwrite it") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot be written ({exc.strerror or exc})") from None


def run_new(args: argparse.Namespace) -> int:
    from app.domain.file_format import dumps, new_file

    if args.letter_type is not None:
        return _new_of_type(args)
    file = new_file(sample_letter() if args.sample else _blank_draft())
    text = dumps(file)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    _write(args.output, text.encode("utf-8"), args.force)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _new_of_type(args: argparse.Namespace) -> int:
    from app.documents.pack import PackError, load_pack, starting_draft
    from app.domain.file_format import dumps, new_file

    try:
        if args.letter_type == "list":
            for kind in load_pack().types.values():
                print(f"{kind.name:<16}{kind.title}")
            return 0
        text = dumps(new_file(starting_draft(args.letter_type)))
    except PackError as exc:
        raise CliError(str(exc)) from None
    if args.output is None:
        sys.stdout.write(text)
        return 0
    _write(args.output, text.encode("utf-8"), args.force)
    print(f"wrote {args.output} ({args.letter_type})", file=sys.stderr)
    return 0


# ---------------------------------------------------------------- check


def run_check(args: argparse.Namespace) -> int:
    _, letter, problems = read_letter_file(args.letter)
    for problem in problems:
        print(problem)
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    if not problems:
        print(f"{args.letter}: no problems")
    else:
        print(f"{args.letter}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    return 1 if errors or letter is None else 0


# ---------------------------------------------------------------- render


def _render(path: Path) -> tuple[Document, str]:
    """The letter's document, and the letter file text its DOCX carries."""
    from app.documents.engine import RenderError, render_document
    from app.domain.file_format import embedded_text

    file, letter, _ = require_valid(path)
    try:
        return render_document(letter), embedded_text(file.draft)
    except RenderError as exc:
        raise CliError(f"the letter template failed: {exc}") from None


def _format_of(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output is not None and args.output.suffix.lower() in (".txt", ".text"):
        return "text"
    if args.output is not None and args.output.suffix.lower() in (".html", ".htm"):
        return "html"
    return "docx"


def run_render(args: argparse.Namespace) -> int:
    from app.documents.html import to_html
    from app.documents.text import to_text

    text_writers = {"text": to_text, "html": to_html}
    fmt = _format_of(args)
    if fmt == "docx" and args.output is None:
        raise CliError("name the DOCX to write with -o OUT.docx (or use --format text)")
    if args.pdf and fmt != "docx":
        raise CliError("--pdf goes with a DOCX output")
    targets = [args.output] if args.output is not None else []
    if args.pdf:
        targets.append(args.output.with_suffix(".pdf"))
    for target in targets:
        if target.exists() and not args.force:
            raise CliError(f"{target} already exists; use --force to overwrite it")

    document, terms = _render(args.letter)
    if fmt in text_writers:
        text = text_writers[fmt](document)
        if args.output is None:
            sys.stdout.write(text)
        else:
            _write(args.output, text.encode("utf-8"), args.force)
        return 0

    from app.documents.docx_writer import DocxError, docx_bytes

    try:
        data = docx_bytes(document, terms=terms)
    except DocxError as exc:
        raise CliError(str(exc)) from None
    _write(args.output, data, args.force)
    if args.pdf:
        _write_pdf(args.output, targets[-1], args.force)
    print(f"wrote {', '.join(map(str, targets))}", file=sys.stderr)
    return 0


def _write_pdf(docx_path: Path, pdf_path: Path, force: bool) -> None:
    """Convert in a private folder, then move the PDF into place atomically."""
    from app.documents.pdf import PdfError, convert_to_pdf

    with tempfile.TemporaryDirectory(prefix="offerdesk-pdf-") as tmp:
        try:
            (pdf,) = convert_to_pdf([docx_path], Path(tmp))
        except PdfError as exc:
            raise CliError(f"{docx_path} was written but the PDF was not: {exc}") from None
        _write(pdf_path, pdf.read_bytes(), force)
