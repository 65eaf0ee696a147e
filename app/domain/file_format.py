"""The ``*.offer.json`` file: a letter draft, its schema version and the versions marked as sent.

The file stores the user's *draft* (which may be invalid: nothing typed is lost on save) rather than
only a valid letter. Loading checks the envelope strictly and reports every problem of the letter
with its path.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.domain.embedded_terms import EmbeddedTermsError, read_embedded_terms
from app.domain.format_version import FILE_SUFFIX, FORMAT_NAME, SCHEMA_VERSION
from app.domain.json_limits import JsonLimitError, parse_json
from app.domain.letter import Letter
from app.domain.migrations import migrate_draft
from app.domain.problems import Problem, Severity
from app.domain.rules import problems_from_validation_error, validate_draft
from app.domain.types import Timestamp


class FileFormatError(ValueError):
    """The file cannot be read as a letter (not JSON, not ours, or from a newer OfferDesk)."""


class SentVersion(BaseModel):
    """A version of the terms recorded with "Mark as sent"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=200)
    sent_at: Timestamp
    terms: Letter


class LetterFile(BaseModel):
    """What a letter file holds."""

    model_config = ConfigDict(extra="forbid")

    format: str = FORMAT_NAME
    schema_version: int = SCHEMA_VERSION
    draft: dict[str, Any]
    sent_versions: list[SentVersion] = Field(default_factory=list)


def dumps(file: LetterFile) -> str:
    return json.dumps(file.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def loads(text: str) -> LetterFile:
    """Parse a letter file. Raises :class:`FileFormatError` with a message that says what to do."""
    try:
        raw = parse_json(text)
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            f"it is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
            "restore it from a backup or fix the JSON by hand"
        ) from None
    except JsonLimitError as exc:
        raise FileFormatError(str(exc)) from None
    if not isinstance(raw, dict):
        raise FileFormatError("it does not hold a letter (expected a JSON object)")
    if "format" not in raw and "company" in raw:
        # A bare letter, as printed by `offerdesk new --sample`. It carries no version: the migration
        # steps move only keys of older schemas, so running them all from version 1 is safe.
        raw = {"draft": raw, "schema_version": 1}
    if raw.get("format", FORMAT_NAME) != FORMAT_NAME:
        raise FileFormatError(f"it is not an OfferDesk letter (format {raw.get('format')!r})")
    version = raw.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or version < 1:
        raise FileFormatError(f"its schema version {version!r} is not valid")
    if version > SCHEMA_VERSION:
        raise FileFormatError(
            f"it was written by a newer OfferDesk (schema version {version}; this one reads up to "
            f"{SCHEMA_VERSION}); update OfferDesk to open it"
        )
    if version < SCHEMA_VERSION:
        raw = _migrated(raw, version)
    try:
        return LetterFile.model_validate(raw)
    except ValidationError as exc:
        details = "; ".join(str(p) for p in problems_from_validation_error(exc)[:5])
        raise FileFormatError(f"its structure is damaged: {details}") from None


def _migrated(raw: dict[str, Any], version: int) -> dict[str, Any]:
    """The file's draft and sent versions brought up to the current schema; saved as the current one."""
    out = dict(raw, schema_version=SCHEMA_VERSION, draft=migrate_draft(raw.get("draft"), version))
    versions = raw.get("sent_versions")
    if isinstance(versions, list):
        out["sent_versions"] = [
            dict(v, terms=migrate_draft(v.get("terms"), version)) if isinstance(v, dict) else v for v in versions
        ]
    return out


def load_letter(text: str) -> tuple[LetterFile, Letter | None, list[Problem]]:
    """Parse a file and validate its draft: the file, the letter if valid, and every problem."""
    file = loads(text)
    letter, problems = validate_draft(file.draft)
    return file, letter, problems


def embedded_text(draft: dict[str, Any]) -> str:
    """The letter file a DOCX carries (:mod:`app.domain.embedded_terms`): the draft alone.

    The versions marked as sent stay out: they are the firm's negotiating history, and the DOCX goes
    to the candidate.
    """
    return dumps(LetterFile(draft=draft))


def load_embedded_letter(data: bytes) -> tuple[LetterFile, Letter | None, list[Problem], bool]:
    """The letter a DOCX exported by OfferDesk carries: as :func:`load_letter`, plus whether the
    DOCX was edited since (its text no longer matches the stored hash).

    Raises:
        FileFormatError: not a DOCX, no OfferDesk terms in it, or the terms cannot be read.
    """
    try:
        embedded = read_embedded_terms(data)
    except EmbeddedTermsError as exc:
        raise FileFormatError(str(exc)) from None
    file, letter, problems = load_letter(embedded.letter_file)
    return file, letter, problems, embedded.edited


def new_file(letter_or_draft: Letter | dict[str, Any]) -> LetterFile:
    draft = (
        letter_or_draft.model_dump(mode="json") if isinstance(letter_or_draft, Letter) else letter_or_draft
    )
    return LetterFile(draft=draft)


__all__ = [
    "FILE_SUFFIX",
    "FileFormatError",
    "LetterFile",
    "SCHEMA_VERSION",
    "SentVersion",
    "Severity",
    "dumps",
    "embedded_text",
    "load_embedded_letter",
    "load_letter",
    "loads",
    "new_file",
]
