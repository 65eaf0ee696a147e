"""The one exception storage raises for expected failures, and how an OS error reads to the user."""

from __future__ import annotations

import errno
import stat
from pathlib import Path


class StorageError(Exception):
    """A letter or its companion files could not be read or written.

    The message says what is wrong and what to do, and names the file; show it as it is.

    Attributes:
        path: the file concerned.
    """

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = Path(path)


def describe_write_error(exc: OSError, path: Path) -> str:
    """Why ``path`` could not be written and what to do, from the error the OS gave."""
    folder = path.parent
    if isinstance(exc, NotARegularFile) and exc.kind != "a folder":
        return f"{path.name} in {folder} is {exc.kind}, not a file; choose another file name with Save As"
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        return f"there is a folder named {path.name} in {folder}; choose another file name with Save As"
    if isinstance(exc, FileNotFoundError):
        return f"the folder {folder} no longer exists; use Save As to save it somewhere else"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (
            f"the folder {folder} is read-only or you may not write there; "
            "use Save As to save it somewhere you can write"
        )
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):  # no EDQUOT on Windows
        return "the disk is full; free some space, or use Save As to save it on another drive"
    if exc.errno == errno.ENAMETOOLONG:
        return "the file name is too long; choose a shorter name with Save As"
    reason = exc.strerror or str(exc)
    return (
        f"the system reported: {reason}; check the drive or network connection and try again, or use Save As"
    )


def special_file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words (``None`` for a regular file).

    Reading a named pipe waits for a writer forever and a device may never end, so letters are only
    ever read from, and written over, regular files.
    """
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


class NotARegularFile(OSError):
    """The path names a folder, pipe, device or socket where a file was expected."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, f"{Path(path).name} is {kind}, not a regular file")
        self.kind = kind
