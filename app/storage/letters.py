"""Opening and saving letter files (``*.offer.json``) with messages a user can act on.

Opening never loses what the user typed: a letter whose terms are invalid still opens, with its
problems listed. Saving is atomic: a failed save leaves the file on disk exactly as it was.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.domain.embedded_terms import is_docx_name
from app.domain.file_format import FileFormatError, LetterFile, dumps, load_embedded_letter, load_letter
from app.domain.letter import Letter
from app.domain.problems import Problem
from app.storage.atomic import atomic_write_text
from app.storage.errors import StorageError, describe_write_error, special_file_kind
from app.storage.lock import is_lock_file
from app.storage.recovery import is_recovery_file

# A letter is a few kilobytes; anything this large was picked by mistake and would only hang the app.
MAX_LETTER_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class OpenedLetter:
    """A letter file as opened.

    Attributes:
        path: where it was read from.
        file: the whole file (draft, schema version, versions marked as sent).
        letter: the validated letter, or ``None`` when its terms have errors.
        problems: every problem found in the draft, errors first.
        from_docx: the terms were read from a DOCX that OfferDesk exported (``path`` is that DOCX,
            not a letter file to save into).
        edited: that DOCX was edited since it was exported (its text no longer matches the terms).
    """

    path: Path
    file: LetterFile
    letter: Letter | None
    problems: list[Problem]
    from_docx: bool = False
    edited: bool = False


def _read_bytes(path: Path) -> bytes:
    """The file's bytes; anything but a regular file of a sensible size is refused before reading.

    The kind of file is checked with ``stat`` before opening it (opening a named pipe waits for a
    writer, a device may never end), then again on the open file, which is opened non-blocking in
    case a pipe took the file's place in between.
    """
    name = path.name
    try:
        require_regular_file(path)
        with os.fdopen(_open_for_reading(path), "rb") as fh:
            _refuse_unreadable_kind(path, os.fstat(fh.fileno()))
            return fh.read(MAX_LETTER_BYTES + 1)
    except FileNotFoundError:
        raise StorageError(
            f"{name} cannot be opened: there is no such file in {path.parent}; "
            "it may have been moved, renamed or deleted",
            path,
        ) from None
    except PermissionError:
        raise StorageError(
            f"{name} cannot be opened: you do not have permission to read it; "
            "ask its owner for access, or for a copy",
            path,
        ) from None
    except OSError as exc:
        raise StorageError(
            f"{name} cannot be opened: the system reported: {exc.strerror or exc}; "
            "check the drive or network connection and try again",
            path,
        ) from None


def require_regular_file(path: Path) -> None:
    """Refuse, before opening it, a path that is not a regular file of a letter's size.

    Raises:
        StorageError: it is a folder, a named pipe, a device or a socket, or far too large.
        OSError: it cannot be looked at (missing, no permission...).
    """
    _refuse_unreadable_kind(path, os.stat(path))


def _open_for_reading(path: Path) -> int:
    return os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))


def _refuse_unreadable_kind(path: Path, info: os.stat_result) -> None:
    kind = special_file_kind(info.st_mode)
    if kind == "a folder":
        raise StorageError(
            f"{path.name} cannot be opened: it is a folder, not a letter; choose a .offer.json file", path
        )
    if kind is not None:
        raise StorageError(
            f"{path.name} cannot be opened: it is {kind}, not a letter file, so OfferDesk does not read "
            "from it; choose a .offer.json file",
            path,
        )
    if info.st_size > MAX_LETTER_BYTES:
        raise StorageError(
            f"{path.name} cannot be opened: it is {info.st_size // (1024 * 1024)} MB, far larger than any "
            "letter, so it is not an OfferDesk letter; choose the .offer.json file instead",
            path,
        )


def open_letter(path: Path) -> OpenedLetter:
    """Read and validate a letter file, or the terms inside a DOCX exported by OfferDesk.

    Raises:
        StorageError: the file is missing, a folder, unreadable, not UTF-8 JSON, not an OfferDesk
            letter, or written by a newer OfferDesk. A letter whose *terms* are invalid is not an
            error: it opens with ``letter=None`` and its problems listed.
    """
    path = Path(path)
    name = path.name
    if is_lock_file(path) or is_recovery_file(path):
        raise StorageError(
            f"{name} cannot be opened: it is a file OfferDesk keeps beside a letter while it is open, "
            "not a letter; open the .offer.json file instead",
            path,
        )
    data = _read_bytes(path)
    if is_docx_name(name):
        try:
            file, letter, problems, edited = load_embedded_letter(data)
        except FileFormatError as exc:
            raise StorageError(f"{name} cannot be opened as a letter: {exc}", path) from None
        return OpenedLetter(path, file, letter, problems, from_docx=True, edited=edited)
    if b"\x00" in data:
        # UTF-16 text without a byte-order mark, or a binary file, "decodes" as UTF-8 full of NULs.
        raise StorageError(
            f"{name} cannot be opened: it is not a UTF-8 text file (it holds NUL bytes: it is a binary "
            "file, or text saved as UTF-16), so it is not an OfferDesk letter; save it as UTF-8 or "
            "restore it from a backup",
            path,
        )
    try:
        # utf-8-sig: a letter re-saved by Notepad starts with a byte-order mark; it is still a letter.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StorageError(
            f"{name} cannot be opened: it is not a UTF-8 text file (unexpected byte at position "
            f"{exc.start}), so it is not an OfferDesk letter or it is damaged; restore it from a backup",
            path,
        ) from None
    try:
        file, letter, problems = load_letter(text)
    except FileFormatError as exc:
        raise StorageError(f"{name} cannot be opened: {exc}", path) from None
    return OpenedLetter(path=path, file=file, letter=letter, problems=problems)


def save_letter(path: Path, file: LetterFile) -> None:
    """Write a letter file atomically, keeping an existing file's permission bits.

    Raises:
        StorageError: the file could not be written (read-only folder, disk full, a folder with that
            name...). The file on disk is then exactly as it was, and no temporary file is left.
    """
    path = Path(path)
    text = dumps(file)
    try:
        if path.is_dir():
            raise IsADirectoryError(path)
        atomic_write_text(path, text)
    except OSError as exc:
        unchanged = " The letter on disk was not changed." if path.is_file() else ""
        raise StorageError(
            f"{path.name} could not be saved: {describe_write_error(exc, path)}.{unchanged}", path
        ) from None


__all__ = ["MAX_LETTER_BYTES", "OpenedLetter", "StorageError", "open_letter", "require_regular_file", "save_letter"]
