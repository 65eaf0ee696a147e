"""Atomic file writes: a write either lands whole or leaves the old file exactly as it was."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.storage.errors import NotARegularFile, special_file_kind

# Errors from os.link() that mean "this file system has no hard links" (FAT, some SMB/FUSE mounts).
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}


class WriteRefused(Exception):
    """The target exists and overwriting was not allowed."""


@functools.cache
def _new_file_mode() -> int:
    # The mode open() would give a new file. mkstemp() makes its file 0600, which would leave every
    # saved letter unreadable to colleagues on a shared folder. Read once: changing the umask is
    # process-wide, so it is done before any worker thread could be creating files.
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):
        return
    # The rename has already happened: a file system that cannot sync folders (EINVAL on some
    # network mounts) must not turn a completed write into a reported failure.
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _place_new(tmp: Path, path: Path) -> None:
    """Move ``tmp`` to ``path`` only if ``path`` does not exist, even if another writer races us."""
    try:
        # link() fails if the target appeared meanwhile: no race can clobber a file.
        os.link(tmp, path)
    except FileExistsError:
        raise WriteRefused(f"{path} already exists") from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        # No hard links here: reserve the name with O_EXCL, then rename over our own reservation.
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise WriteRefused(f"{path} already exists") from None
        try:
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                path.unlink()
            raise
        return
    tmp.unlink()


def _refuse_special(path: Path) -> None:
    # Renaming over /dev/null or a named pipe would replace it with a regular file (as root, for
    # everyone); a folder cannot be renamed over at all.
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    kind = special_file_kind(mode)
    if kind is not None:
        raise NotARegularFile(path, kind)


def atomic_write(
    path: Path,
    write: Callable[[Path], object],
    *,
    overwrite: bool = True,
    mode: int | None = None,
    sync: bool = True,
) -> None:
    """Write ``path`` by calling ``write(tmp)`` on a temporary file beside it, then renaming.

    The temporary file is in the same folder (so the rename is atomic), is flushed to disk before
    the rename, and is removed if anything fails. With ``overwrite=False`` an existing target raises
    :class:`WriteRefused` and is never touched (checked again at the moment of the rename). A
    target that is a folder, pipe, device or socket raises :class:`NotARegularFile` (an OSError).

    If ``path`` is a symbolic link, the file it points to is replaced and the link is kept.

    Args:
        sync: flush the file and its folder to disk before returning (two fsyncs, most of the cost
            of a small file). A batch of many files passes False and calls :func:`sync_to_disk` once
            at the end: each file still appears whole or not at all.
        mode: permission bits for the file. By default an existing file keeps its bits and a new
            file gets the bits ``open()`` would give it (``0o666`` less the umask).
    """
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not overwrite and path.exists():
        raise WriteRefused(f"{path} already exists")
    _refuse_special(path)
    if mode is None:
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except OSError:
            mode = _new_file_mode()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        # Some network file systems refuse chmod; a file with the default bits beats a failed save.
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode)
        if sync:
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            _place_new(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    if sync:
        _fsync_folder(folder)


def sync_to_disk() -> None:
    """Flush every file written without ``sync`` to disk (one system-wide sync)."""
    if hasattr(os, "sync"):
        os.sync()


def atomic_write_bytes(
    path: Path, data: bytes, *, overwrite: bool = True, mode: int | None = None, sync: bool = True
) -> None:
    atomic_write(path, lambda tmp: tmp.write_bytes(data), overwrite=overwrite, mode=mode, sync=sync)


def atomic_write_text(path: Path, text: str, *, overwrite: bool = True, mode: int | None = None) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), overwrite=overwrite, mode=mode)
