"""The recent files list: most recent first, no duplicates, at most ten, missing files dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.storage.recent import MAX_RECENT, RecentFiles


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / f"letter{i}.offer.json" for i in range(12)]
    for path in paths:
        path.write_text("{}")
    return paths


def test_most_recent_first_without_duplicates(files: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    recent = RecentFiles()
    recent.add(files[0])
    recent.add(files[1])
    monkeypatch.chdir(files[0].parent)
    recent.add(Path("sub/../letter0.offer.json"))  # the same file, written another way
    assert recent.paths() == [files[0], files[1]]


def test_at_most_ten(files: list[Path]) -> None:
    recent = RecentFiles()
    for path in files:
        recent.add(path)
    assert len(recent) == MAX_RECENT
    assert recent.paths() == files[::-1][:MAX_RECENT]


def test_missing_files_are_dropped(files: list[Path]) -> None:
    recent = RecentFiles(files[:3])
    files[1].unlink()
    assert recent.paths() == [files[0], files[2]]
    assert len(recent) == 3  # a file on an unplugged drive comes back when the drive does
    recent.prune()
    assert len(recent) == 2


def test_remove_and_clear(files: list[Path]) -> None:
    recent = RecentFiles(files[:3])
    recent.remove(files[1])
    assert recent.paths() == [files[0], files[2]]
    recent.clear()
    assert recent.paths() == []


def test_round_trip_through_settings_values(files: list[Path]) -> None:
    recent = RecentFiles(files[:3])
    assert RecentFiles.from_list(recent.to_list()).paths() == files[:3]


@pytest.mark.parametrize("value", [None, 3, [None, 4, ""], ""])
def test_from_list_ignores_what_is_not_a_path(value: object) -> None:
    assert RecentFiles.from_list(value).to_list() == []


def test_from_list_accepts_a_single_string(files: list[Path]) -> None:
    # QSettings returns a one-item list as a plain string on some back ends.
    assert RecentFiles.from_list(str(files[0])).paths() == [files[0]]
