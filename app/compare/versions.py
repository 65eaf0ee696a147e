"""Versions marked as sent: recording one, and finding the one to compare against."""

from __future__ import annotations

from datetime import datetime

from app.documents import formatting
from app.domain.file_format import LetterFile, SentVersion
from app.domain.letter import Letter


class VersionError(ValueError):
    """A sent version cannot be recorded or found; the message says what to do."""


def mark_as_sent(file: LetterFile, letter: Letter, name: str, when: datetime) -> LetterFile:
    """A copy of ``file`` with ``letter``'s terms recorded as sent under ``name`` at ``when``.

    Raises:
        VersionError: the name is empty or already used by another sent version.
    """
    name = name.strip()
    if not name:
        raise VersionError("a sent version needs a name, for example the date it was sent")
    if any(v.name == name for v in file.sent_versions):
        raise VersionError(f"a version named {name!r} was already sent; choose another name")
    version = SentVersion(name=name, sent_at=when, terms=letter.model_copy(deep=True))
    return file.model_copy(update={"sent_versions": [*file.sent_versions, version]})


def sent_version(file: LetterFile, name: str | None = None) -> SentVersion:
    """The sent version called ``name``; without a name, the one sent last.

    Raises:
        VersionError: the file has no sent version, or none by that name (the message lists them).
    """
    if not file.sent_versions:
        raise VersionError("it has no version marked as sent; mark one as sent first")
    if name is None:
        return max(file.sent_versions, key=lambda v: v.sent_at)
    for version in file.sent_versions:
        if version.name == name:
            return version
    names = ", ".join(repr(v.name) for v in file.sent_versions)
    raise VersionError(f"it has no sent version named {name!r} (it has {names})")


def default_version_name(file: LetterFile, when: datetime) -> str:
    """A name for the next sent version that no earlier one uses: ``Sent October 1, 2002``."""
    base = f"Sent {formatting.long_date(when.date())}"
    taken = {v.name for v in file.sent_versions}
    if base not in taken:
        return base
    n = 2
    while f"{base} ({n})" in taken:
        n += 1
    return f"{base} ({n})"


__all__ = ["VersionError", "default_version_name", "mark_as_sent", "sent_version"]
