"""Helpers for storage tests: real child processes, and a check that no temporary file is left."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def run_python(code: str, *args: str) -> subprocess.Popen[str]:
    """Start ``python -c code args...`` with the app importable; its stdout is a text pipe."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env, cwd=REPO
    )


def dead_pid() -> int:
    """The pid of a process that has run and exited (and been reaped)."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    return int(child.stdout)


@pytest.fixture
def child_processes() -> Iterator[list[subprocess.Popen[str]]]:
    """Children a test starts; any still running at the end are killed and reaped."""
    children: list[subprocess.Popen[str]] = []
    yield children
    for child in children:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)
        if child.stdout:
            child.stdout.close()


def leftovers(folder: Path) -> list[str]:
    """Temporary files an atomic write would leave if it failed to clean up."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))
