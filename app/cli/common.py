"""What the subcommands share: the expected-failure exception and reading a letter file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.embedded_terms import edited_message, is_docx_name
from app.domain.problems import Problem, has_errors

if TYPE_CHECKING:
    # The letter model (and pydantic) load when a command reads a letter, so `offerdesk gui` can
    # paint its window first and `--help` answers at once.
    from app.domain.file_format import LetterFile
    from app.domain.letter import Letter


class CliError(Exception):
    """An expected failure: printed as ``offerdesk: <message>``, exit code 2."""


def read_letter_file(path: Path) -> tuple[LetterFile, Letter | None, list[Problem]]:
    """Read and validate a letter file; unreadable or foreign files raise :class:`CliError`.

    A DOCX exported by OfferDesk is read as the letter it carries; if it was edited since, a warning
    saying so goes to stderr.
    """
    from app.domain.file_format import FileFormatError, load_letter

    if is_docx_name(path.name):
        return _read_docx(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{path}: is a folder, not a letter file") from None
    except UnicodeDecodeError:
        raise CliError(f"{path}: is not a text file (expected UTF-8 JSON)") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        return load_letter(text)
    except FileFormatError as exc:
        raise CliError(f"{path}: cannot be opened: {exc}") from None


def _read_docx(path: Path) -> tuple[LetterFile, Letter | None, list[Problem]]:
    from app.domain.file_format import FileFormatError, load_embedded_letter

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        file, letter, problems, edited = load_embedded_letter(data)
    except FileFormatError as exc:
        raise CliError(f"{path}: cannot be opened as a letter: {exc}") from None
    if edited:
        print(f"offerdesk: warning: {edited_message(str(path))}.", file=sys.stderr)
    return file, letter, problems


def require_valid(path: Path) -> tuple[LetterFile, Letter, list[Problem]]:
    """Read a letter that must have no errors; otherwise :class:`CliError` lists the first ones."""
    file, letter, problems = read_letter_file(path)
    if letter is None or has_errors(problems):
        errors = [str(p) for p in problems if p.severity.value == "error"]
        more = f" (and {len(errors) - 3} more; run `offerdesk check {path}`)" if len(errors) > 3 else ""
        raise CliError(f"{path} has errors: " + "; ".join(errors[:3]) + more)
    return file, letter, problems
