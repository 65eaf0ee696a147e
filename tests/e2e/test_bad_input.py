"""Every command and the window on the generated corpus of bad files (tests/e2e/bad_inputs.py).

For each bad file: ``check``, ``render -o``, ``calc``, ``compare -o``, ``review`` and ``gui --screenshot`` run as
real ``offerdesk`` processes, each with a timeout of a few seconds (a named pipe used to hang them
all forever). Each must exit 1 or 2 with a message naming the field or the problem, print no
traceback, and leave no output file behind.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app.domain.file_format import dumps, new_file
from app.domain.sample import sample_letter
from tests.e2e.bad_inputs import BAD_INPUTS, INVALID, UNREADABLE, BadInput

ROOT = Path(__file__).resolve().parents[2]
# Seconds per command: the slowest (the window) takes about half a second here.
TIMEOUT = 15
COMMANDS = ("check", "render", "calc", "compare", "review", "gui")


def test_the_corpus_is_large_and_covers_every_kind_of_bad_input() -> None:
    assert len(BAD_INPUTS) >= 60
    assert {case.kind for case in BAD_INPUTS} == {UNREADABLE, INVALID}


@pytest.fixture(scope="module")
def good_letter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("good") / "sent.offer.json"
    path.write_text(dumps(new_file(sample_letter())), encoding="utf-8")
    return path


def _run(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OFFERDESK_CONFIG_DIR": str(home / "config"),
        "OFFERDESK_DATA_DIR": str(home / "data"),
        "OFFERDESK_NO_OPEN": "1",
    }
    try:
        return subprocess.run(
            [sys.executable, "-m", "app.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True,
            encoding="utf-8", errors="replace", timeout=TIMEOUT, stdin=subprocess.DEVNULL, check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"offerdesk {' '.join(args)} did not finish within {TIMEOUT} s")


def _expected_code(case: BadInput, command: str) -> int:
    if case.kind == UNREADABLE:
        return 2
    return 1 if command in ("check", "gui") else 2


@pytest.mark.parametrize("case", BAD_INPUTS, ids=[case.name for case in BAD_INPUTS])
def test_every_command_refuses_a_bad_file_clearly(case: BadInput, good_letter: Path, tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    bad = case.make(folder)
    before = set(folder.iterdir())
    out = tmp_path / "out"
    out.mkdir()
    arguments = {
        "check": ["check", str(bad)],
        "render": ["render", str(bad), "-o", str(out / "letter.docx")],
        "calc": ["calc", str(bad)],
        "compare": ["compare", str(good_letter), str(bad), "-o", str(out / "redline.docx")],
        "review": ["review", str(bad)],
        "gui": ["gui", str(bad), "--screenshot", str(out / "window.png"), "--size", "1000x700"],
    }
    with ThreadPoolExecutor(max_workers=len(COMMANDS)) as pool:
        runs = dict(zip(COMMANDS, pool.map(lambda c: _run(arguments[c], tmp_path), COMMANDS), strict=True))

    for command, done in runs.items():
        said = done.stdout + done.stderr
        where = f"offerdesk {command} on {case.name}:\n{said}"
        assert "Traceback" not in said, where
        assert done.returncode == _expected_code(case, command), where
        assert case.needle in said, where
        if done.returncode == 2:
            # An expected failure is one line on stderr, addressed from the command.
            lines = done.stderr.strip().splitlines()
            assert [line.startswith("offerdesk: ") for line in lines] == [True], where
    if case.kind == INVALID:
        assert case.needle in runs["check"].stdout  # check lists the problem with its path
    # Nothing written: no export, no temporary file, and the bad file and its folder as they were.
    # (A letter with errors opens in the window, so its screenshot is the one output asked for.)
    written = {p.name for p in out.iterdir()}
    assert written == ({"window.png"} if case.kind == INVALID else set())
    assert set(folder.iterdir()) == before
