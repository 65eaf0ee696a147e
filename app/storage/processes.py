"""Which process wrote a lock or recovery file, and whether that process is still running.

A pid alone is not enough: pids are reused, and in a container OfferDesk may get the same small pid
every time it starts. Where the system tells us (Linux), the stamp also records the boot and the
process's start time, so a file from a crashed run is never mistaken for one from a live process.
"""

from __future__ import annotations

import getpass
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def _read(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="ascii", errors="replace")
    except OSError:
        return None


def _linux_stat_fields(pid: int) -> list[str] | None:
    text = _read(f"/proc/{pid}/stat")
    if text is None:
        return None
    # The command name (field 2) is in parentheses and may itself contain spaces or ")".
    return text[text.rfind(")") + 2 :].split()


def _start_token(pid: int) -> str | None:
    """The boot and start time of ``pid``: the same for the life of one process, never reused."""
    fields = _linux_stat_fields(pid)
    boot = _read("/proc/sys/kernel/random/boot_id")
    if fields is None or boot is None or len(fields) < 20:
        return None
    return f"{boot.strip()}:{fields[19]}"  # field 22 of stat: start time in clock ticks since boot


def _pid_running(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_running(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it belongs to another user
    except OSError:
        return False
    fields = _linux_stat_fields(pid)
    # A killed process that its parent has not yet reaped is a zombie: it runs no code any more.
    return not (fields and fields[0] in ("Z", "X"))


def _windows_pid_running(pid: int) -> bool:
    # os.kill(pid, 0) would *terminate* the process on Windows; ask the kernel instead.
    import ctypes

    # typeshed declares windll only under sys.platform == "win32", and mypy checks for this platform.
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    process_query_limited_information = 0x1000
    still_active = 259
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        error: int = kernel32.GetLastError()
        return error == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in a container with an arbitrary uid
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown user"


def current_host() -> str:
    return socket.gethostname() or "unknown host"


@dataclass(frozen=True)
class ProcessStamp:
    """The process that wrote a file.

    Attributes:
        user: the user it ran as.
        host: the computer it ran on.
        pid: its process id on that computer.
        start: its boot and start time where known (Linux), else ``None``.
    """

    user: str
    host: str
    pid: int
    start: str | None = None

    @classmethod
    def current(cls) -> ProcessStamp:
        return cls(current_user(), current_host(), os.getpid(), _start_token(os.getpid()))

    def to_json(self) -> dict[str, Any]:
        return {"user": self.user, "host": self.host, "pid": self.pid, "start": self.start}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> ProcessStamp:
        """Read a stamp; raises ``ValueError`` if a field is missing or of the wrong type."""
        user, host, pid, start = raw.get("user"), raw.get("host"), raw.get("pid"), raw.get("start")
        if not isinstance(user, str) or not isinstance(host, str):
            raise ValueError("user and host must be text")
        if not isinstance(pid, int) or isinstance(pid, bool):
            raise ValueError("pid must be a whole number")
        if start is not None and not isinstance(start, str):
            raise ValueError("start must be text")
        return cls(user, host, pid, start)

    def on_this_host(self) -> bool:
        return self.host == current_host()

    def is_this_process(self) -> bool:
        me = ProcessStamp.current()
        return self.host == me.host and self.pid == me.pid and (self.start is None or self.start == me.start)

    def is_running(self) -> bool | None:
        """Whether the process still runs: ``None`` when it ran on another computer (cannot tell)."""
        if not self.on_this_host():
            return None
        if self.is_this_process():
            return True
        if not _pid_running(self.pid):
            return False
        # The pid runs, but it may be a new process that was given a crashed one's pid.
        return self.start is None or _start_token(self.pid) in (None, self.start)
