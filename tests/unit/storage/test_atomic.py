"""Atomic writes: whole or not at all, permissions kept, nothing left behind."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from app.storage import atomic
from app.storage.atomic import WriteRefused, atomic_write, atomic_write_text
from tests.unit.storage.conftest import leftovers


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_gets_the_umask_bits_not_mkstemps_private_ones(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    atomic_write_text(target, "hello")
    umask = os.umask(0o022)
    os.umask(umask)
    assert target.read_text() == "hello"
    assert _mode(target) == 0o666 & ~umask


def test_overwrite_keeps_existing_permission_bits(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old")
    target.chmod(0o640)
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert _mode(target) == 0o640


def test_explicit_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    atomic_write_text(target, "x", mode=0o600)
    assert _mode(target) == 0o600


def test_writer_failing_midway_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old")

    def write_half(tmp: Path) -> None:
        tmp.write_text("new but cut sh")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError):
        atomic_write(target, write_half)
    assert target.read_text() == "old"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("fails", ["replace", "fsync"])
def test_rename_or_flush_failing_leaves_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fails: str
) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old")

    def boom(*args: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic.os, fails, boom)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    monkeypatch.undo()
    assert target.read_text() == "old"
    assert leftovers(tmp_path) == []


def test_folder_sync_failure_after_rename_is_not_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def no_folder_sync(path: object, flags: int, *args: int) -> int:
        if flags & getattr(os, "O_DIRECTORY", 0):
            raise OSError(errno.EINVAL, "Invalid argument")
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic.os, "open", no_folder_sync)
    atomic_write_text(tmp_path / "a.txt", "new")
    assert (tmp_path / "a.txt").read_text() == "new"


def test_no_overwrite_refuses_and_leaves_target(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old")
    with pytest.raises(WriteRefused):
        atomic_write_text(target, "new", overwrite=False)
    assert target.read_text() == "old"
    assert leftovers(tmp_path) == []


def test_no_overwrite_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "link", no_links)
    target = tmp_path / "a.txt"
    atomic_write_text(target, "new", overwrite=False)
    assert target.read_text() == "new"
    with pytest.raises(WriteRefused):
        atomic_write_text(target, "newer", overwrite=False)
    assert target.read_text() == "new"
    assert leftovers(tmp_path) == []


def test_no_overwrite_refuses_a_target_that_appears_during_the_write(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"

    def someone_else_creates_it(tmp: Path) -> None:
        tmp.write_text("mine")
        target.write_text("theirs")

    with pytest.raises(WriteRefused):
        atomic_write(target, someone_else_creates_it, overwrite=False)
    assert target.read_text() == "theirs"
    assert leftovers(tmp_path) == []


def test_symlink_is_kept_and_its_file_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_a_write_without_sync_is_still_whole_and_skips_the_fsyncs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    target = tmp_path / "letter.docx"
    atomic.atomic_write_bytes(target, b"whole letter", overwrite=False, sync=False)
    assert target.read_bytes() == b"whole letter" and synced == []
    assert leftovers(tmp_path) == []
    with pytest.raises(WriteRefused):
        atomic.atomic_write_bytes(target, b"other", overwrite=False, sync=False)
    assert target.read_bytes() == b"whole letter"
    atomic.atomic_write_bytes(tmp_path / "summary.csv", b"rows")
    assert len(synced) == 2  # the file and its folder
    atomic.sync_to_disk()
