"""Atomic file writes: a write either lands whole or leaves the old file exactly as it was."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


class WriteRefused(Exception):
    """The target exists and overwriting was not allowed."""


def atomic_write(
    path: Path, write: Callable[[Path], None], *, overwrite: bool = True
) -> None:
    """Write ``path`` by calling ``write(tmp)`` on a temporary file beside it, then renaming.

    The temporary file is in the same folder (so the rename is atomic), is flushed to disk before
    the rename, and is removed if anything fails. With ``overwrite=False`` an existing target raises
    :class:`WriteRefused` and is never touched (checked again at the moment of the rename).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not overwrite and path.exists():
        raise WriteRefused(f"{path} already exists")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            # link() fails if the target appeared meanwhile: no race can clobber a file.
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise WriteRefused(f"{path} already exists") from None
            tmp.unlink()
        if hasattr(os, "O_DIRECTORY"):
            dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def atomic_write_bytes(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    atomic_write(path, lambda tmp: tmp.write_bytes(data), overwrite=overwrite)


def atomic_write_text(path: Path, text: str, *, overwrite: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), overwrite=overwrite)
