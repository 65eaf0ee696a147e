"""The real ``offerdesk`` command: new, check and render, and every kind of bad input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest

from app.domain.sample import SAMPLE_TERMS
from tests.unit.domain.test_letter_model import edited as sample_with

REPO = Path(__file__).resolve().parents[2]
_MAIN = "import sys; from app.cli import main; sys.exit(main())"


def offerdesk(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-c", _MAIN, *map(str, args)],
        cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )


def write_letter(folder: Path, draft: Any, name: str = "letter.offer.json") -> Path:
    path = folder / name
    path.write_text(json.dumps({"format": "offerdesk.letter", "schema_version": 1, "draft": draft}), encoding="utf-8")
    return path


def assert_one_line_failure(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("offerdesk: ")
    for needle in needles:
        assert needle in lines[0]


# ---------------------------------------------------------------- new


def test_new_sample_prints_a_letter_file(tmp_path: Path) -> None:
    result = offerdesk("new", "--sample", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    file = json.loads(result.stdout)
    assert file["format"] == "offerdesk.letter"
    assert file["draft"]["candidate"]["full_name"] == "James S. Lusk"


def test_new_sample_writes_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "a.offer.json"
    assert offerdesk("new", "--sample", "-o", target, cwd=tmp_path).returncode == 0
    assert json.loads(target.read_text())["draft"]["company"]["name"] == "MIM Corporation"
    target.write_text("mine")
    result = offerdesk("new", "--sample", "-o", target, cwd=tmp_path)
    assert_one_line_failure(result, "already exists", "--force")
    assert target.read_text() == "mine"
    assert offerdesk("new", "--sample", "-o", target, "--force", cwd=tmp_path).returncode == 0
    assert target.read_text() != "mine"


def test_new_without_sample_leaves_the_candidate_to_fill_in(tmp_path: Path) -> None:
    target = tmp_path / "blank.offer.json"
    assert offerdesk("new", "-o", target, cwd=tmp_path).returncode == 0
    result = offerdesk("check", target, cwd=tmp_path)
    assert result.returncode == 1
    assert "error: candidate.full_name: must not be empty" in result.stdout


# ---------------------------------------------------------------- check


def test_check_a_good_letter(tmp_path: Path) -> None:
    result = offerdesk("check", write_letter(tmp_path, SAMPLE_TERMS), cwd=tmp_path)
    assert result.returncode == 0
    assert "no problems" in result.stdout


def test_check_lists_every_error_and_warning_with_its_path(tmp_path: Path) -> None:
    draft = sample_with("compensation.base_salary", "-5")
    draft["candidate"]["full_name"] = ""
    draft["benefits"]["vacation_days"] = 23
    result = offerdesk("check", write_letter(tmp_path, draft), cwd=tmp_path)
    assert result.returncode == 1
    assert "error: compensation.base_salary: must be more than 0" in result.stdout
    assert "error: candidate.full_name: must not be empty" in result.stdout
    warnings_only = offerdesk("check", write_letter(tmp_path, sample_with("benefits.vacation_days", 23)), cwd=tmp_path)
    assert warnings_only.returncode == 0
    assert "warning: benefits.vacation_days:" in warnings_only.stdout


# ---------------------------------------------------------------- render


def test_render_docx_then_refuse_to_overwrite(tmp_path: Path) -> None:
    letter = write_letter(tmp_path, SAMPLE_TERMS)
    out = tmp_path / "out.docx"
    result = offerdesk("render", letter, "-o", out, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    body = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "1. POSITION AND DUTIES:" in body
    before = out.read_bytes()
    again = offerdesk("render", letter, "-o", out, cwd=tmp_path)
    assert_one_line_failure(again, "out.docx already exists", "--force")
    assert out.read_bytes() == before
    assert offerdesk("render", letter, "-o", out, "--force", cwd=tmp_path).returncode == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left over


def test_render_text_to_stdout(tmp_path: Path) -> None:
    result = offerdesk("render", write_letter(tmp_path, SAMPLE_TERMS), "--format", "text", cwd=tmp_path)
    assert result.returncode == 0
    assert "14. ARBITRATION:" in result.stdout
    assert "\fExhibit A" in result.stdout.replace("\n", "")


def test_render_docx_needs_an_output(tmp_path: Path) -> None:
    assert_one_line_failure(offerdesk("render", write_letter(tmp_path, SAMPLE_TERMS), cwd=tmp_path), "-o")


@pytest.mark.parametrize(
    ("name", "markup"),
    [("markup", "Smith & Wesson <Jr.> > \"Q\""), ("non-latin", "Zoë Ødegård 王小明 Ολυμπία Ñúñez")],
)
def test_markup_characters_and_non_latin_names_render(tmp_path: Path, name: str, markup: str) -> None:
    draft = sample_with("candidate.full_name", markup)
    draft["company"]["name"] = f"{markup} Holdings"
    out = tmp_path / f"{name}.docx"
    result = offerdesk("render", write_letter(tmp_path, draft), "-o", out, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    document = docx.Document(io.BytesIO(out.read_bytes()))
    body = "\n".join(p.text for p in document.paragraphs)
    assert f"Mr. {markup}" in body
    assert f"{markup} Holdings, a Delaware corporation" in body
    text = offerdesk("render", write_letter(tmp_path, draft), "--format", "text", cwd=tmp_path)
    assert f"Mr. {markup}" in text.stdout


BAD_INPUTS = {
    "malformed-json": ('{"draft": {"company": ', "not valid JSON"),
    "not-an-object": ("[1, 2, 3]", "does not hold a letter"),
    "wrong-type": (sample_with("compensation.base_salary", [1, 2]), "compensation.base_salary"),
    "negative-salary": (sample_with("compensation.base_salary", "-300000"), "compensation.base_salary"),
    "control-character": (sample_with("candidate.full_name", "James\x0bLusk"), "candidate.full_name"),
    "huge-field": (sample_with("position.duties", "x" * 100_000), "position.duties"),
    "unknown-term": (sample_with("compensation.bonus", 5), "compensation.bonus"),
    "missing-group": ({k: v for k, v in SAMPLE_TERMS.items() if k != "governing_law"}, "governing_law"),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_fails_in_one_line_and_writes_nothing(tmp_path: Path, case: str) -> None:
    content, needle = BAD_INPUTS[case]
    path = tmp_path / "bad.offer.json"
    path.write_text(content if isinstance(content, str) else json.dumps({"draft": content}), encoding="utf-8")
    fresh = tmp_path / "fresh.docx"
    result = offerdesk("render", path, "-o", fresh, cwd=tmp_path)
    assert_one_line_failure(result, needle)
    assert not fresh.exists()
    kept = tmp_path / "kept.docx"
    kept.write_bytes(b"previous export")
    forced = offerdesk("render", path, "-o", kept, "--force", cwd=tmp_path)
    assert_one_line_failure(forced, needle)
    assert kept.read_bytes() == b"previous export"
    checked = offerdesk("check", path, cwd=tmp_path)
    assert checked.returncode != 0
    assert "Traceback" not in checked.stderr + checked.stdout
    assert needle in checked.stdout + checked.stderr


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    assert_one_line_failure(offerdesk("render", tmp_path / "nope.offer.json", "-o", tmp_path / "x.docx",
                                      cwd=tmp_path), "no such file")


def test_an_unwritable_output_is_one_line(tmp_path: Path) -> None:
    letter = write_letter(tmp_path, SAMPLE_TERMS)
    result = offerdesk("render", letter, "-o", tmp_path / "no" / "such" / "dir" / "x.docx", cwd=tmp_path)
    assert_one_line_failure(result, "cannot be written")
