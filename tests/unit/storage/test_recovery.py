"""Crash recovery: a draft autosaved by a process that is killed is offered back, exactly."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.domain.file_format import SCHEMA_VERSION
from app.domain.sample import sample_letter
from app.storage import atomic
from app.storage.errors import StorageError
from app.storage.processes import ProcessStamp, current_host
from app.storage.recovery import RecoveryStore, default_recovery_dir
from tests.unit.storage.conftest import dead_pid, leftovers, run_python

AUTOSAVE_THEN_HANG = """
import json, sys, time
from pathlib import Path
from app.storage.recovery import RecoveryStore
store = RecoveryStore(Path(sys.argv[1]))
store.save(json.loads(sys.argv[2]), Path(sys.argv[3]), "Lusk CFO (edited)")
print("saved", flush=True)
time.sleep(120)
"""


def _edited_draft() -> dict[str, Any]:
    draft = sample_letter().model_dump(mode="json")
    draft["position"]["title"] = "Executive Vice President, CFO — édité ✓"
    draft["compensation"]["base_salary"] = "310000.5O"  # a typo the user has not fixed yet
    return draft


def _write_recovery(folder: Path, name: str, **fields: Any) -> Path:
    body: dict[str, Any] = {
        "format": "offerdesk.recovery",
        "schema_version": SCHEMA_VERSION,
        "user": "alice",
        "host": current_host(),
        "pid": dead_pid(),
        "start": None,
        "saved_at": datetime.now(UTC).isoformat(),
        "source": None,
        "title": "Untitled",
        "draft": {"company": {}},
    }
    body.update(fields)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.recovery.json"
    path.write_text(json.dumps(body))
    return path


def test_recovery_after_a_real_kill(tmp_path: Path, child_processes: list[subprocess.Popen[str]]) -> None:
    folder = tmp_path / "recovery"
    source = tmp_path / "Lusk CFO.offer.json"
    draft = _edited_draft()
    child = run_python(AUTOSAVE_THEN_HANG, str(folder), json.dumps(draft), str(source))
    child_processes.append(child)
    assert child.stdout is not None and child.stdout.readline().strip() == "saved"

    me = RecoveryStore(folder)
    assert me.pending() == []  # the other window is alive: its draft is not ours to offer

    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=10) == -signal.SIGKILL

    [entry] = me.pending()
    assert entry.draft == draft
    assert entry.source == source
    assert entry.title == "Lusk CFO (edited)"
    assert entry.pid == child.pid
    assert datetime.now(UTC) - entry.saved_at < timedelta(minutes=1)

    me.discard(entry)
    assert me.pending() == []
    assert list(folder.iterdir()) == []


def test_save_replaces_the_sessions_file_atomically_and_privately(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    store = RecoveryStore(folder)
    store.save({"company": {"name": "A"}}, None, "Untitled")
    store.save({"company": {"name": "B"}}, None, "Untitled")
    assert [p.name for p in folder.iterdir()] == [f"{store.session_id}.recovery.json"]
    body = json.loads(store.path.read_text())
    assert body["draft"] == {"company": {"name": "B"}}
    assert body["schema_version"] == SCHEMA_VERSION
    assert (body["pid"], body["host"]) == (os.getpid(), current_host())
    assert body["source"] is None
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    store.clear()
    store.clear()
    assert list(folder.iterdir()) == []


def test_sessions_are_unique_and_never_offer_live_ones(tmp_path: Path) -> None:
    first, second = RecoveryStore(tmp_path), RecoveryStore(tmp_path)
    assert first.session_id != second.session_id
    first.save({}, None, "one")
    second.save({}, None, "two")
    assert first.pending() == [] and second.pending() == []


def test_pending_lists_newest_first(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    _write_recovery(tmp_path, "old", title="old", saved_at=(now - timedelta(hours=2)).isoformat())
    _write_recovery(tmp_path, "new", title="new", saved_at=now.isoformat())
    assert [e.title for e in RecoveryStore(tmp_path).pending()] == ["new", "old"]


def test_pid_reused_after_a_crash_does_not_hide_the_draft(tmp_path: Path) -> None:
    me = ProcessStamp.current()
    if me.start is None:
        pytest.skip("process start times are not available on this system")
    _write_recovery(tmp_path, "crashed", pid=os.getpid(), start="an earlier boot:123")
    assert len(RecoveryStore(tmp_path).pending()) == 1


def test_another_hosts_file_is_offered_only_when_long_abandoned(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    _write_recovery(tmp_path, "recent", host="ws12", pid=1, saved_at=(now - timedelta(days=1)).isoformat())
    _write_recovery(tmp_path, "old", host="ws12", pid=1, saved_at=(now - timedelta(days=8)).isoformat())
    assert [e.path.name for e in RecoveryStore(tmp_path).pending()] == ["old.recovery.json"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "not valid JSON (line 1, column 2)"),
        (b"\xff\xfe", "not UTF-8"),
        ('{"format": "offerdesk.letter", "draft": {}}', "not an OfferDesk recovery file"),
        ({"schema_version": SCHEMA_VERSION + 1}, "written by a newer OfferDesk"),
        ({"draft": "text"}, "holds no draft"),
        ({"title": 3}, "title or source is damaged"),
        ({"pid": "twelve"}, "who saved it is damaged"),
        ({"saved_at": "yesterday"}, "who saved it is damaged"),
    ],
)
def test_damaged_files_are_skipped_with_a_reason(tmp_path: Path, content: object, reason: str) -> None:
    good = _write_recovery(tmp_path, "good")
    bad = tmp_path / "bad.recovery.json"
    if isinstance(content, dict):
        _write_recovery(tmp_path, "bad", **content)
    elif isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(str(content))
    store = RecoveryStore(tmp_path)
    scan = store.scan()
    assert [e.path for e in scan.entries] == [good]
    [skipped] = scan.skipped
    assert skipped.path == bad and reason in skipped.reason
    assert [e.path for e in store.pending()] == [good]
    store.discard(skipped)
    assert store.scan().skipped == []


def test_missing_or_unlistable_folder_offers_nothing(tmp_path: Path) -> None:
    assert RecoveryStore(tmp_path / "never created").pending() == []
    (tmp_path / "a file").write_text("")
    assert RecoveryStore(tmp_path / "a file").pending() == []


def test_abandoned_temp_files_are_swept(tmp_path: Path) -> None:
    old = tmp_path / ".abc.recovery.json.x1y2.tmp"
    fresh = tmp_path / ".def.recovery.json.z3w4.tmp"
    old.write_text("{")
    fresh.write_text("{")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    RecoveryStore(tmp_path).pending()
    assert leftovers(tmp_path) == [fresh.name]


def test_failed_autosave_raises_storage_error_and_keeps_the_last_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = RecoveryStore(tmp_path)
    store.save({"v": 1}, None, "t")

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", disk_full)
    with pytest.raises(StorageError) as info:
        store.save({"v": 2}, None, "t")
    assert "the disk is full" in str(info.value) and store.path.name in str(info.value)
    monkeypatch.undo()
    assert json.loads(store.path.read_text())["draft"] == {"v": 1}
    assert leftovers(tmp_path) == []


def test_default_recovery_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OFFERDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_recovery_dir() == tmp_path / "data" / "recovery"
    monkeypatch.delenv("OFFERDESK_DATA_DIR")
    assert default_recovery_dir() == tmp_path / "xdg" / "offerdesk" / "recovery"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_recovery_dir() == tmp_path / "home" / ".local" / "share" / "offerdesk" / "recovery"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_recovery_dir() == tmp_path / "home" / ".local" / "share" / "offerdesk" / "recovery"
