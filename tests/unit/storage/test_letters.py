"""Opening and saving letter files: round trips, every failure named with its remedy, atomic saves."""

from __future__ import annotations

import errno
import json
import os
import stat
from datetime import datetime
from pathlib import Path

import pytest

from app.domain.file_format import SCHEMA_VERSION, SentVersion, dumps, new_file
from app.domain.sample import sample_letter
from app.storage import atomic, letters
from app.storage.letters import StorageError, open_letter, save_letter
from app.storage.lock import LetterLock
from app.storage.recovery import RecoveryStore
from tests.unit.storage.conftest import leftovers

NAME = "Lusk CFO.offer.json"


@pytest.fixture
def letter_path(tmp_path: Path) -> Path:
    return tmp_path / NAME


def _open_error(path: Path) -> str:
    with pytest.raises(StorageError) as info:
        open_letter(path)
    assert info.value.path == path
    assert path.name in str(info.value)
    return str(info.value)


def test_round_trip_keeps_letter_and_sent_versions(letter_path: Path) -> None:
    file = new_file(sample_letter())
    file.sent_versions.append(
        SentVersion(name="Sent to candidate", sent_at=datetime(2002, 10, 1, 9, 30), terms=sample_letter())
    )
    save_letter(letter_path, file)
    opened = open_letter(letter_path)
    assert opened.path == letter_path
    assert opened.file == file
    assert opened.letter == sample_letter()
    assert opened.problems == []
    assert leftovers(letter_path.parent) == []


def test_letter_with_errors_opens_with_every_word_the_user_typed(letter_path: Path) -> None:
    draft = sample_letter().model_dump(mode="json")
    draft["compensation"]["base_salary"] = "three hundred thousand"
    draft["candidate"]["full_name"] = ""
    save_letter(letter_path, new_file(draft))
    opened = open_letter(letter_path)
    assert opened.letter is None
    assert opened.file.draft == draft
    assert {p.dotted for p in opened.problems} == {"compensation.base_salary", "candidate.full_name"}


def test_file_with_byte_order_mark_opens(letter_path: Path) -> None:
    letter_path.write_bytes(b"\xef\xbb\xbf" + dumps(new_file(sample_letter())).encode())
    assert open_letter(letter_path).letter == sample_letter()


def test_missing_file(letter_path: Path) -> None:
    message = _open_error(letter_path)
    assert "no such file" in message and str(letter_path.parent) in message


def test_folder(letter_path: Path) -> None:
    letter_path.mkdir()
    assert "is a folder, not a letter" in _open_error(letter_path)


def test_permission_denied(letter_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, where chmod 000 does not stop reading: make the read fail as it would.
    letter_path.write_text(dumps(new_file(sample_letter())))

    def denied(path: Path) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(letters, "_open_for_reading", denied)
    assert "you do not have permission to read it" in _open_error(letter_path)


def test_not_utf8(letter_path: Path) -> None:
    letter_path.write_bytes(b'{"draft": "\xff\xfe"}')
    message = _open_error(letter_path)
    assert "not a UTF-8 text file" in message and "position 11" in message


def test_corrupt_json_names_line_and_column(letter_path: Path) -> None:
    letter_path.write_text('{\n  "draft": {}\n  "schema_version": 1\n}')
    message = _open_error(letter_path)
    assert "not valid JSON (line 3, column 3" in message
    assert "restore it from a backup" in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"format": "someone.else", "draft": {}}', "not an OfferDesk letter (format 'someone.else')"),
        ("[1, 2, 3]", "does not hold a letter"),
        ('{"format": "offerdesk.letter", "draft": "text"}', "structure is damaged"),
    ],
)
def test_not_an_offerdesk_letter(letter_path: Path, content: str, expected: str) -> None:
    letter_path.write_text(content)
    assert expected in _open_error(letter_path)


def test_newer_schema_version_says_to_update(letter_path: Path) -> None:
    newer = SCHEMA_VERSION + 1
    letter_path.write_text(json.dumps({"format": "offerdesk.letter", "schema_version": newer, "draft": {}}))
    message = _open_error(letter_path)
    assert f"written by a newer OfferDesk (schema version {newer}" in message
    assert "update OfferDesk to open it" in message


def test_deeply_nested_json(letter_path: Path) -> None:
    letter_path.write_text('{"draft": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert "the value of draft is nested more than 32 levels deep" in _open_error(letter_path)


def test_huge_file_is_not_read(letter_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(letters, "MAX_LETTER_BYTES", 1024 * 1024)
    letter_path.write_bytes(b" " * (3 * 1024 * 1024))
    assert "3 MB, far larger than any letter" in _open_error(letter_path)


def test_lock_and_recovery_files_are_never_letters(letter_path: Path) -> None:
    save_letter(letter_path, new_file(sample_letter()))
    with LetterLock.acquire(letter_path) as lock:
        assert "not a letter" in _open_error(lock.lock_path)
    store = RecoveryStore(letter_path.parent)
    store.save(sample_letter().model_dump(mode="json"), letter_path, "Lusk CFO")
    assert "not a letter" in _open_error(store.path)


def test_save_keeps_the_existing_permission_bits(letter_path: Path) -> None:
    save_letter(letter_path, new_file(sample_letter()))
    letter_path.chmod(0o640)
    save_letter(letter_path, new_file(sample_letter()))
    assert stat.S_IMODE(letter_path.stat().st_mode) == 0o640


def _failed_save(path: Path) -> str:
    before = path.read_bytes() if path.is_file() else None
    draft = sample_letter().model_dump(mode="json")
    draft["candidate"]["full_name"] = "Changed"
    with pytest.raises(StorageError) as info:
        save_letter(path, new_file(draft))
    assert info.value.path == path
    assert path.name in str(info.value)
    if before is not None:
        assert path.read_bytes() == before
        assert "The letter on disk was not changed" in str(info.value)
    if path.parent.is_dir():
        assert leftovers(path.parent) == []
    return str(info.value)


def test_disk_full_midway_keeps_old_file(letter_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_letter(letter_path, new_file(sample_letter()))
    real_write_bytes = Path.write_bytes

    def write_half_then_fill_the_disk(self: Path, data: bytes) -> int:
        real_write_bytes(self, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", write_half_then_fill_the_disk)
    assert "the disk is full" in _failed_save(letter_path)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "is read-only or you may not write there"),
        (OSError(errno.EROFS, "Read-only file system"), "is read-only or you may not write there"),
        (OSError(errno.EIO, "Input/output error"), "the system reported: Input/output error"),
    ],
)
def test_rename_failure_keeps_old_file(
    letter_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, expected: str
) -> None:
    save_letter(letter_path, new_file(sample_letter()))

    def fail(*args: object) -> None:
        raise error

    monkeypatch.setattr(atomic.os, "replace", fail)
    message = _failed_save(letter_path)
    assert expected in message and "Save As" in message


def test_flush_failure_keeps_old_file(letter_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_letter(letter_path, new_file(sample_letter()))

    def fail(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic.os, "fsync", fail)
    assert "Input/output error" in _failed_save(letter_path)


def test_read_only_folder(letter_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root chmod cannot make a folder read-only; the temp file is refused as it would be.
    save_letter(letter_path, new_file(sample_letter()))

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    assert "read-only" in _failed_save(letter_path)


def test_saving_onto_a_folder(letter_path: Path) -> None:
    letter_path.mkdir()
    assert f"there is a folder named {NAME}" in _failed_save(letter_path)
    assert letter_path.is_dir()


def test_saving_into_a_missing_folder(tmp_path: Path) -> None:
    assert "no longer exists" in _failed_save(tmp_path / "gone" / NAME)


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(letter_path: Path) -> None:
    os.mkfifo(letter_path)
    assert "is a named pipe (FIFO), not a letter file" in _open_error(letter_path)


def test_a_device_is_refused(tmp_path: Path) -> None:
    assert "is a character device, not a letter file" in _open_error(Path("/dev/zero"))


def test_saving_over_a_named_pipe_is_refused_and_leaves_it(letter_path: Path) -> None:
    os.mkfifo(letter_path)
    message = _failed_save(letter_path)
    assert "is a named pipe (FIFO), not a file" in message
    assert stat.S_ISFIFO(os.stat(letter_path).st_mode)
    assert leftovers(letter_path.parent) == []


def test_utf16_without_a_byte_order_mark_is_named(letter_path: Path) -> None:
    letter_path.write_bytes(dumps(new_file(sample_letter())).encode("utf-16-le"))
    assert "not a UTF-8 text file (it holds NUL bytes: it is a binary file, or text saved as UTF-16)" in _open_error(letter_path)
