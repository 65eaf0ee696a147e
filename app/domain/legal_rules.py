"""Legal checks on a letter's terms (the rules arrive with the schema 2 letter model; see the next commit)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.problems import Severity


@dataclass(frozen=True, slots=True)
class LegalIssue:
    rule: str
    severity: Severity
    message: str
    path: str


def legal_issues(letter: Any) -> list[LegalIssue]:
    return []
