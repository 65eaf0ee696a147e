"""A lock file beside an open letter, so two windows (or two computers) never edit it at once.

The lock is ``.~<letter name>.lock`` in the letter's folder: JSON naming the user, computer and
process holding it. It is created with ``O_CREAT | O_EXCL``, so only one opener can win. A lock left
by a process that no longer runs on this computer is stale and taken over; a lock from another
computer (a shared network folder) is always respected, because we cannot see its processes.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from app.storage.errors import StorageError
from app.storage.processes import ProcessStamp

LOCK_FORMAT = "offerdesk.lock"
_PREFIX = ".~"
_SUFFIX = ".lock"
# A lock file that cannot be read may be one another opener is writing right now; past this age it
# is debris from a crash.
_UNREADABLE_GRACE_SECONDS = 10.0


def lock_path_for(letter: Path) -> Path:
    """Where the lock of ``letter`` lives."""
    letter = Path(letter)
    return letter.with_name(f"{_PREFIX}{letter.name}{_SUFFIX}")


def is_lock_file(path: Path) -> bool:
    """Whether ``path`` is an OfferDesk lock file (never a letter)."""
    name = Path(path).name
    return name.startswith(_PREFIX) and name.endswith(_SUFFIX)


class FileInUse(StorageError):
    """The letter is open in another OfferDesk window, here or on another computer.

    Attributes:
        path: the letter.
        owner: the user who has it open (``"someone"`` when the lock cannot be read).
        host: their computer.
        pid: their OfferDesk process id (0 when unknown).
        since: when they opened it (aware datetime), or ``None`` when unknown.
    """

    def __init__(self, path: Path, owner: str, host: str, pid: int, since: datetime | None) -> None:
        path = Path(path)
        here = host == ProcessStamp.current().host
        where = "another OfferDesk window" if here else "OfferDesk on another computer"
        when = f", since {_format_since(since)}" if since else ""
        super().__init__(
            f"{path.name} is open in {where} ({owner} on host {host}{when}). "
            "Open a copy with Save As, or close it there.",
            path,
        )
        self.owner = owner
        self.host = host
        self.pid = pid
        self.since = since


class LockUnavailable(StorageError):
    """No lock can be made (e.g. a read-only folder): the letter can be read but not safely edited."""


def _format_since(since: datetime) -> str:
    local = since.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return f"{local:%H:%M}"
    return f"{local:%Y-%m-%d %H:%M}"


@dataclass(frozen=True)
class _LockInfo:
    stamp: ProcessStamp
    started: datetime
    token: str

    def to_bytes(self) -> bytes:
        body = {
            "format": LOCK_FORMAT,
            **self.stamp.to_json(),
            "started": self.started.isoformat(),
            "token": self.token,
        }
        return (json.dumps(body, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> _LockInfo:
        """Parse a lock file; raises ``ValueError`` if it is not a complete one."""
        raw: Any = json.loads(data.decode("utf-8"))
        if not isinstance(raw, dict) or raw.get("format") != LOCK_FORMAT:
            raise ValueError("not an OfferDesk lock")
        started = datetime.fromisoformat(str(raw.get("started")))
        if started.tzinfo is None:
            started = started.replace(tzinfo=UTC)
        token = raw.get("token")
        if not isinstance(token, str):
            raise ValueError("no token")
        return cls(ProcessStamp.from_json(raw), started, token)


class LetterLock:
    """The lock this window holds on a letter. Use :meth:`acquire`; release with :meth:`release`.

    Usable as a context manager::

        with LetterLock.acquire(path):
            ...
    """

    def __init__(self, letter: Path, info: _LockInfo) -> None:
        self.path = Path(letter)
        self.lock_path = lock_path_for(self.path)
        self._info = info
        self._released = False

    @classmethod
    def acquire(cls, path: Path, *, take_over: bool = False) -> LetterLock:
        """Lock ``path`` for this window.

        Args:
            take_over: replace whatever lock is there (the user chose "open anyway" after
                :class:`FileInUse`, e.g. for a lock left by a computer that crashed).

        Raises:
            FileInUse: another window (in this process too) or another computer holds it.
            LockUnavailable: the lock file cannot be created (read-only folder...).
        """
        path = Path(path)
        lock = lock_path_for(path)
        info = _LockInfo(ProcessStamp.current(), datetime.now(UTC), uuid.uuid4().hex)
        for _ in range(5):
            try:
                fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                _clear_if_stale(path, lock, force=take_over)
                continue
            except OSError as exc:
                raise LockUnavailable(
                    f"{path.name} can be read but not safely edited: OfferDesk cannot create its lock "
                    f"file in {path.parent} ({exc.strerror or exc}). Use Save As to work on a copy "
                    "in a folder you can write to.",
                    path,
                ) from None
            try:
                os.write(fd, info.to_bytes())
                os.fsync(fd)
            except BaseException:
                os.close(fd)
                with contextlib.suppress(OSError):
                    lock.unlink()
                raise
            os.close(fd)
            return cls(path, info)
        # Lost every race for the lock to other openers: it is in use.
        raise _in_use(path, _read_info(lock))

    @property
    def held(self) -> bool:
        """Whether the lock file on disk is still ours."""
        return not self._released and _read_info(self.lock_path) == self._info

    def release(self) -> None:
        """Remove the lock file if it is still ours (someone may have taken it over). Idempotent."""
        if self._released:
            return
        self._released = True
        if _read_info(self.lock_path) == self._info:
            with contextlib.suppress(FileNotFoundError):
                self.lock_path.unlink()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()

    def __repr__(self) -> str:
        return f"LetterLock({str(self.path)!r}, held={not self._released})"


def _read_info(lock: Path) -> _LockInfo | None:
    try:
        return _LockInfo.from_bytes(lock.read_bytes())
    except (OSError, ValueError):
        return None


def _in_use(path: Path, info: _LockInfo | None) -> FileInUse:
    if info is None:
        return FileInUse(path, "someone", "unknown", 0, None)
    return FileInUse(path, info.stamp.user, info.stamp.host, info.stamp.pid, info.started)


def _clear_if_stale(path: Path, lock: Path, *, force: bool) -> None:
    """Remove ``lock`` if its holder is gone (or ``force``); otherwise raise :class:`FileInUse`."""
    try:
        data = lock.read_bytes()
        age = time.time() - lock.stat().st_mtime
    except FileNotFoundError:
        return  # released meanwhile: try again
    except OSError:
        raise _in_use(path, None) from None
    try:
        info: _LockInfo | None = _LockInfo.from_bytes(data)
    except ValueError:
        info = None
    if not force:
        if info is None:
            if age < _UNREADABLE_GRACE_SECONDS:
                raise _in_use(path, None)
        elif info.stamp.is_running() is not False:
            # Running, this very process (another window), or on a computer we cannot see.
            raise _in_use(path, info)
    # Move the stale lock aside before deleting it: rename is atomic, so if another opener replaced
    # it meanwhile we notice (different contents) instead of deleting their fresh lock.
    grave = lock.with_name(f"{lock.name}.{uuid.uuid4().hex}.stale")
    try:
        os.replace(lock, grave)
    except FileNotFoundError:
        return
    except OSError:
        raise _in_use(path, info) from None
    try:
        moved = grave.read_bytes()
    except OSError:
        moved = data
    if moved != data:
        # We moved a lock someone created after we looked: put it back (unless yet another exists).
        with contextlib.suppress(OSError):
            os.link(grave, lock)
        with contextlib.suppress(OSError):
            grave.unlink()
        raise _in_use(path, _read_info(lock))
    with contextlib.suppress(OSError):
        grave.unlink()


__all__ = ["FileInUse", "LOCK_FORMAT", "LetterLock", "LockUnavailable", "is_lock_file", "lock_path_for"]
