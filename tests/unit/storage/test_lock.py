"""Letter locks: one window per letter, stale locks of dead processes taken over, other hosts respected."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.file_format import FILE_SUFFIX
from app.storage.errors import StorageError
from app.storage.lock import FileInUse, LetterLock, LockUnavailable, is_lock_file, lock_path_for
from app.storage.processes import ProcessStamp, current_host, current_user
from tests.unit.storage.conftest import dead_pid, run_python

HOLD_LOCK = """
import sys, time
from pathlib import Path
from app.storage.lock import LetterLock
lock = LetterLock.acquire(Path(sys.argv[1]))
print("locked", flush=True)
time.sleep(120)
"""


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "Letter.offer.json"
    path.write_text("{}")
    return path


def _write_lock(letter: Path, stamp: ProcessStamp, started: datetime | None = None) -> Path:
    lock = lock_path_for(letter)
    body = {
        "format": "offerdesk.lock",
        **stamp.to_json(),
        "started": (started or datetime.now(UTC)).isoformat(),
        "token": "theirs",
    }
    lock.write_text(json.dumps(body))
    return lock


def test_lock_file_beside_the_letter_names_its_holder(letter: Path) -> None:
    with LetterLock.acquire(letter) as lock:
        assert lock.lock_path == letter.parent / ".~Letter.offer.json.lock"
        body = json.loads(lock.lock_path.read_text())
        assert body["user"] == current_user()
        assert body["host"] == current_host()
        assert body["pid"] == os.getpid()
        assert datetime.fromisoformat(body["started"]) <= datetime.now(UTC)
        assert lock.held
    assert not lock.lock_path.exists()
    assert not lock.held


def test_lock_file_is_never_mistaken_for_a_letter(letter: Path) -> None:
    lock = lock_path_for(letter)
    assert is_lock_file(lock)
    assert not lock.name.endswith(FILE_SUFFIX)
    assert not is_lock_file(letter)


def test_second_window_in_the_same_process_is_told_who_has_it(letter: Path) -> None:
    with LetterLock.acquire(letter), pytest.raises(FileInUse) as info:
        LetterLock.acquire(letter)
    err = info.value
    assert isinstance(err, StorageError)
    assert (err.owner, err.host, err.pid, err.path) == (current_user(), current_host(), os.getpid(), letter)
    assert err.since is not None and datetime.now(UTC) - err.since < timedelta(minutes=1)
    assert str(err) == (
        f"Letter.offer.json is open in another OfferDesk window ({current_user()} on host {current_host()}, "
        f"since {err.since.astimezone():%H:%M}). Open a copy with Save As, or close it there."
    )


def test_release_then_acquire_again(letter: Path) -> None:
    LetterLock.acquire(letter).release()
    lock = LetterLock.acquire(letter)
    lock.release()
    lock.release()  # idempotent
    assert not lock_path_for(letter).exists()


def test_stale_lock_of_a_dead_process_is_taken_over(letter: Path) -> None:
    pid = dead_pid()
    _write_lock(letter, ProcessStamp("alice", current_host(), pid))
    with LetterLock.acquire(letter) as lock:
        assert json.loads(lock.lock_path.read_text())["pid"] == os.getpid()


def test_lock_of_a_crashed_run_whose_pid_was_reused_is_taken_over(letter: Path) -> None:
    # In a container OfferDesk may get the same pid each run: same pid, different start, is stale.
    me = ProcessStamp.current()
    if me.start is None:
        pytest.skip("process start times are not available on this system")
    _write_lock(letter, ProcessStamp(me.user, me.host, me.pid, "an earlier boot:123"))
    with LetterLock.acquire(letter) as lock:
        assert lock.held


def test_real_process_holds_the_lock_until_killed(
    letter: Path, child_processes: list[subprocess.Popen[str]]
) -> None:
    child = run_python(HOLD_LOCK, str(letter))
    child_processes.append(child)
    assert child.stdout is not None and child.stdout.readline().strip() == "locked"
    with pytest.raises(FileInUse) as info:
        LetterLock.acquire(letter)
    assert info.value.pid == child.pid
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    with LetterLock.acquire(letter) as lock:
        assert lock.held


def test_lock_from_another_host_is_respected(letter: Path) -> None:
    since = datetime.now().astimezone().replace(hour=10, minute=42)
    lock = _write_lock(letter, ProcessStamp("alice", "ws12", dead_pid()), since)
    with pytest.raises(FileInUse) as info:
        LetterLock.acquire(letter)
    assert (info.value.owner, info.value.host) == ("alice", "ws12")
    assert str(info.value) == (
        "Letter.offer.json is open in OfferDesk on another computer (alice on host ws12, since 10:42). "
        "Open a copy with Save As, or close it there."
    )
    assert json.loads(lock.read_text())["host"] == "ws12"


def test_lock_from_another_day_shows_the_date(letter: Path) -> None:
    since = datetime(2026, 1, 5, 9, 7, tzinfo=UTC)
    _write_lock(letter, ProcessStamp("alice", "ws12", 1), since)
    with pytest.raises(FileInUse) as info:
        LetterLock.acquire(letter)
    assert f"since {since.astimezone():%Y-%m-%d %H:%M}" in str(info.value)


def test_take_over_replaces_a_respected_lock_and_the_old_holder_cannot_remove_it(letter: Path) -> None:
    first = LetterLock.acquire(letter)
    second = LetterLock.acquire(letter, take_over=True)
    assert second.held and not first.held
    first.release()
    assert second.held
    second.release()
    assert not lock_path_for(letter).exists()


def test_release_leaves_a_lock_that_is_no_longer_ours(letter: Path) -> None:
    lock = LetterLock.acquire(letter)
    _write_lock(letter, ProcessStamp("bob", "ws7", 99))
    lock.release()
    assert json.loads(lock_path_for(letter).read_text())["user"] == "bob"


def test_unreadable_lock_is_in_use_while_fresh_and_stale_when_old(letter: Path) -> None:
    lock = lock_path_for(letter)
    lock.write_text("")  # as another opener leaves it between creating and writing it
    with pytest.raises(FileInUse) as info:
        LetterLock.acquire(letter)
    assert info.value.owner == "someone"
    an_hour_ago = time.time() - 3600
    os.utime(lock, (an_hour_ago, an_hour_ago))
    with LetterLock.acquire(letter) as taken:
        assert taken.held


def test_no_lock_in_an_unwritable_folder(tmp_path: Path) -> None:
    with pytest.raises(LockUnavailable) as info:
        LetterLock.acquire(tmp_path / "gone" / "Letter.offer.json")
    assert "Letter.offer.json can be read but not safely edited" in str(info.value)
    assert "Save As" in str(info.value)


def test_stamps(letter: Path) -> None:
    me = ProcessStamp.current()
    assert me.is_this_process() and me.is_running() is True
    assert ProcessStamp.from_json(me.to_json()) == me
    assert ProcessStamp("a", current_host(), dead_pid()).is_running() is False
    assert ProcessStamp("a", "elsewhere", os.getpid()).is_running() is None
    with pytest.raises(ValueError):
        ProcessStamp.from_json({"user": "a", "host": "b", "pid": "12"})


def test_live_process_of_another_user_counts_as_running() -> None:
    # pid 1 always runs; as a normal user signalling it is refused, which still means "running".
    stamp = ProcessStamp("root", current_host(), 1)
    assert stamp.is_running() is True
