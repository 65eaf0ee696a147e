"""What the subcommands share: the expected-failure exception and reading a letter file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.embedded_terms import edited_message
from app.domain.problems import Problem, errors_summary, has_errors

if TYPE_CHECKING:
    # The letter model (and pydantic) load when a command reads a letter, so `offerdesk gui` can
    # paint its window first and `--help` answers at once.
    from app.domain.file_format import LetterFile
    from app.domain.letter import Letter


class CliError(Exception):
    """An expected failure: printed as ``offerdesk: <message>``, exit code 2."""


def read_letter_file(path: Path) -> tuple[LetterFile, Letter | None, list[Problem]]:
    """Read and validate a letter file the way the editor opens one (:func:`app.storage.letters.open_letter`):
    missing, special (a pipe, a device, a folder), unreadable or foreign files raise :class:`CliError`.

    A DOCX exported by OfferDesk is read as the letter it carries; if it was edited since, a warning
    saying so goes to stderr.
    """
    from app.storage.letters import StorageError, open_letter

    try:
        opened = open_letter(Path(path))
    except StorageError as exc:
        raise CliError(str(exc)) from None
    if opened.edited:
        print(f"offerdesk: warning: {edited_message(str(path))}.", file=sys.stderr)
    return opened.file, opened.letter, opened.problems


def require_valid(path: Path) -> tuple[LetterFile, Letter, list[Problem]]:
    """Read a letter that must have no errors; otherwise :class:`CliError` lists the first ones."""
    file, letter, problems = read_letter_file(path)
    if letter is None or has_errors(problems):
        raise CliError(f"{path} has errors: " + errors_summary(problems, f"run `offerdesk check {path}`"))
    return file, letter, problems
