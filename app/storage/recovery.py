"""Autosave and crash recovery: each window keeps a recovery copy of its draft until it is saved.

Every window (a :class:`RecoveryStore` session) writes ``<folder>/<session id>.recovery.json``
atomically whenever the UI decides to autosave, and removes it on a clean save or close. A file
whose process is no longer running was left by a crash: :meth:`RecoveryStore.pending` offers it
back. Files of running processes (other windows, other OfferDesk instances) are never offered.
When and how often to autosave is the UI's business (a debounce timer); this module only keeps files.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.domain.format_version import SCHEMA_VERSION
from app.storage.atomic import atomic_write_text
from app.storage.errors import StorageError, describe_write_error
from app.storage.processes import ProcessStamp

log = logging.getLogger(__name__)

RECOVERY_FORMAT = "offerdesk.recovery"
RECOVERY_SUFFIX = ".recovery.json"
# Another computer's processes cannot be seen; past this age its file is surely abandoned.
OTHER_HOST_MAX_AGE = timedelta(days=7)
# Temporary files of an autosave cut short by a crash: swept once they are clearly abandoned.
_TEMP_MAX_AGE_SECONDS = 3600.0


def is_recovery_file(path: Path) -> bool:
    """Whether ``path`` is a recovery file (never a letter)."""
    return Path(path).name.endswith(RECOVERY_SUFFIX)


def default_recovery_dir() -> Path:
    """Where recovery files go.

    ``$OFFERDESK_DATA_DIR/recovery`` if set, else ``$XDG_DATA_HOME/offerdesk/recovery``, else
    ``%LOCALAPPDATA%\\OfferDesk\\recovery`` on Windows, else ``~/.local/share/offerdesk/recovery``.
    """
    data_dir = os.environ.get("OFFERDESK_DATA_DIR")
    if data_dir:
        return Path(data_dir).expanduser() / "recovery"
    xdg = os.environ.get("XDG_DATA_HOME")
    # The XDG spec says to ignore a relative path.
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "offerdesk" / "recovery"
    local_app_data = os.environ.get("LOCALAPPDATA")
    if sys.platform == "win32" and local_app_data:
        return Path(local_app_data) / "OfferDesk" / "recovery"
    return Path.home() / ".local" / "share" / "offerdesk" / "recovery"


@dataclass(frozen=True)
class RecoveryEntry:
    """A draft left behind by a window that did not close cleanly.

    Attributes:
        path: the recovery file.
        draft: the draft exactly as it was autosaved (may be invalid).
        source: the letter file the window had open, or ``None`` for a new, never-saved letter.
        title: the window's title, to show in the "recover?" list.
        saved_at: when it was autosaved (aware datetime).
        user: who was editing it.
        host: the computer it was edited on.
        pid: the OfferDesk process that wrote it.
    """

    path: Path
    draft: dict[str, Any]
    source: Path | None
    title: str
    saved_at: datetime
    user: str
    host: str
    pid: int


@dataclass(frozen=True)
class SkippedRecovery:
    """A recovery file that could not be read: left in place, reported, never blocking startup.

    Attributes:
        path: the file.
        reason: why it was skipped, in the user's words.
    """

    path: Path
    reason: str


@dataclass(frozen=True)
class RecoveryScan:
    """What :meth:`RecoveryStore.scan` found: drafts to offer, and files it could not read."""

    entries: list[RecoveryEntry] = field(default_factory=list)
    skipped: list[SkippedRecovery] = field(default_factory=list)


class RecoveryStore:
    """One window's recovery file, and the files crashed sessions left in the same folder.

    Args:
        folder: where recovery files live (see :func:`default_recovery_dir`); created on first save.

    Attributes:
        folder: that folder.
        session_id: unique to this store (one per window).
        path: this session's recovery file.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.session_id = uuid.uuid4().hex
        self.path = self.folder / f"{self.session_id}{RECOVERY_SUFFIX}"

    def save(self, draft: dict[str, Any], source: Path | None, title: str) -> None:
        """Write (or replace) this session's recovery copy, atomically and readable only by the user.

        Raises:
            StorageError: it could not be written (disk full, read-only folder...).
        """
        body = {
            "format": RECOVERY_FORMAT,
            "schema_version": SCHEMA_VERSION,
            "session_id": self.session_id,
            **ProcessStamp.current().to_json(),
            "saved_at": datetime.now(UTC).isoformat(),
            "source": None if source is None else str(Path(source).absolute()),
            "title": title,
            "draft": _jsonable(draft),
        }
        text = json.dumps(body, indent=2, ensure_ascii=False) + "\n"
        try:
            # Drafts hold salaries and personal terms: the folder and files are for the user alone.
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            atomic_write_text(self.path, text, mode=0o600)
        except OSError as exc:
            raise StorageError(
                f"Autosave could not write its recovery copy {self.path.name}: "
                f"{describe_write_error(exc, self.path)}. Save the letter to keep your edits.",
                self.path,
            ) from None

    def clear(self) -> None:
        """Remove this session's recovery copy (after a clean save or close). Idempotent."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def pending(self) -> list[RecoveryEntry]:
        """Drafts left by sessions that are no longer running, newest first (see :meth:`scan`)."""
        return self.scan().entries

    def scan(self) -> RecoveryScan:
        """Find drafts to offer back, and recovery files that could not be read.

        A file is offered when it is not this session's and its process is gone: not running on
        this computer, or written on another computer more than :data:`OTHER_HOST_MAX_AGE` ago.
        Unreadable files are skipped with a reason (and logged), never raised.
        """
        scan = RecoveryScan()
        try:
            candidates = sorted(self.folder.glob(f"*{RECOVERY_SUFFIX}"))
        except OSError as exc:
            log.warning("cannot list recovery folder %s: %s", self.folder, exc)
            return scan
        for path in candidates:
            if path == self.path or not path.is_file():
                continue
            try:
                entry, stamp = _read_entry(path)
            except _Unreadable as exc:
                log.warning("skipping recovery file %s: %s", path, exc.reason)
                scan.skipped.append(SkippedRecovery(path, exc.reason))
                continue
            if _abandoned(stamp, entry.saved_at):
                scan.entries.append(entry)
        scan.entries.sort(key=lambda e: e.saved_at, reverse=True)
        self._sweep_temp_files()
        return scan

    def discard(self, entry: RecoveryEntry | SkippedRecovery) -> None:
        """Delete a recovery file the user recovered or chose to throw away. Idempotent."""
        with contextlib.suppress(FileNotFoundError):
            entry.path.unlink()

    def _sweep_temp_files(self) -> None:
        now = time.time()
        with contextlib.suppress(OSError):
            for tmp in self.folder.glob(f".*{RECOVERY_SUFFIX}.*.tmp"):
                with contextlib.suppress(OSError):
                    if now - tmp.stat().st_mtime > _TEMP_MAX_AGE_SECONDS:
                        tmp.unlink()


class _Unreadable(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _abandoned(stamp: ProcessStamp, saved_at: datetime) -> bool:
    running = stamp.is_running()
    if running is None:
        return datetime.now(UTC) - saved_at > OTHER_HOST_MAX_AGE
    return not running


def _read_entry(path: Path) -> tuple[RecoveryEntry, ProcessStamp]:
    try:
        raw: Any = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise _Unreadable(f"it cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise _Unreadable("it is not UTF-8 text; it is damaged") from None
    except json.JSONDecodeError as exc:
        raise _Unreadable(
            f"it is not valid JSON (line {exc.lineno}, column {exc.colno}); it is damaged"
        ) from None
    except RecursionError:
        raise _Unreadable("its JSON is nested too deeply; it is damaged") from None
    if not isinstance(raw, dict) or raw.get("format") != RECOVERY_FORMAT:
        raise _Unreadable("it is not an OfferDesk recovery file")
    version = raw.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise _Unreadable(
            f"it was written by a newer OfferDesk (schema version {version}); recover it with that version"
        )
    draft, title, source = raw.get("draft"), raw.get("title"), raw.get("source")
    if isinstance(version, int) and version < SCHEMA_VERSION:
        from app.domain.migrations import migrate_draft

        draft = migrate_draft(draft, version)
    if not isinstance(draft, dict):
        raise _Unreadable("it holds no draft")
    if not isinstance(title, str) or not (source is None or isinstance(source, str)):
        raise _Unreadable("its title or source is damaged")
    try:
        stamp = ProcessStamp.from_json(raw)
        saved_at = datetime.fromisoformat(str(raw.get("saved_at")))
    except ValueError as exc:
        raise _Unreadable(f"its record of who saved it is damaged ({exc})") from None
    if saved_at.tzinfo is None:
        saved_at = saved_at.replace(tzinfo=UTC)
    entry = RecoveryEntry(
        path=path,
        draft=draft,
        source=None if source is None else Path(source),
        title=title,
        saved_at=saved_at,
        user=stamp.user,
        host=stamp.host,
        pid=stamp.pid,
    )
    return entry, stamp


__all__ = [
    "OTHER_HOST_MAX_AGE",
    "RECOVERY_FORMAT",
    "RecoveryEntry",
    "RecoveryScan",
    "RecoveryStore",
    "SkippedRecovery",
    "default_recovery_dir",
    "is_recovery_file",
]


def _jsonable(draft: dict[str, Any]) -> Any:
    # pydantic_core loads with the first autosave, not when the editor starts.
    from pydantic_core import to_jsonable_python

    return to_jsonable_python(draft)
