"""Problems found in a letter: what is wrong, where (a field path) and how bad."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

Path = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"  # blocks rendering and export
    WARNING = "warning"  # shown, never blocks


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a letter.

    Attributes:
        path: where it is, as keys and list indexes from the letter's root, e.g.
            ``("equity", "grants", 0, "shares")``; empty for the letter as a whole.
        message: what is wrong and how to fix it, in the user's words.
        severity: error or warning.
    """

    path: Path
    message: str
    severity: Severity = Severity.ERROR

    @property
    def dotted(self) -> str:
        """The path as ``equity.grants[0].shares``."""
        return format_path(self.path)

    def __str__(self) -> str:
        where = self.dotted or "letter"
        return f"{self.severity.value}: {where}: {self.message}"


def format_path(path: Path) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def errors_summary(problems: list[Problem], check_hint: str, shown: int = 3) -> str:
    """The first errors on one line, e.g. for a command that refuses a letter with errors."""
    errors = [str(p) for p in problems if p.severity is Severity.ERROR]
    more = f" (and {len(errors) - shown} more; {check_hint})" if len(errors) > shown else ""
    return "; ".join(errors[:shown]) + more


def parse_path(dotted: str) -> Path:
    """``"equity.grants.0.shares"`` (a document term path) -> ``("equity", "grants", 0, "shares")``."""
    return tuple(int(p) if p.isdigit() else p for p in dotted.split(".") if p)
