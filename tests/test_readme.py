"""The README's two commands stay true: CI runs exactly the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands(text: str) -> list[str]:
    return re.findall(r"```sh\n(bash \.ci/setup && [^\n]+)\n```", text)


def test_readme_has_the_run_and_test_commands() -> None:
    run, test = _commands((ROOT / "README.md").read_text(encoding="utf-8"))
    assert "offerdesk gui --sample" in run
    assert test == "bash .ci/setup && bash .ci/test"


def test_ci_runs_the_readme_test_command() -> None:
    _, test = _commands((ROOT / "README.md").read_text(encoding="utf-8"))
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()


def test_setup_installs_what_the_tests_need() -> None:
    setup = (ROOT / ".ci" / "setup").read_text(encoding="utf-8")
    for package in ("libreoffice-writer-nogui", "poppler-utils", "libegl1", "xvfb", "fonts-liberation2", "binutils"):
        assert package in setup
