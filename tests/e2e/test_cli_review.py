"""The real ``offerdesk review``: the seed text, the sample, a Word letter, JSON, exit codes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

from app.documents.docx_writer import docx_bytes
from app.documents.engine import render_document
from app.domain.sample import sample_letter
from tests.e2e.test_cli_letter import assert_one_line_failure, offerdesk
from tests.unit.documents.reference_text import REFERENCE


def test_the_seed_text_has_errors_so_review_exits_1(tmp_path: Path) -> None:
    result = offerdesk("review", REFERENCE, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert '[garbled-citation] "l3d-3" mixes letters into a number' in result.stdout
    assert '    "Rule l3d-3 under"' in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("20 findings (13 errors, 7 warnings)")


def test_json_is_a_list_of_findings_with_the_documented_keys(tmp_path: Path) -> None:
    result = offerdesk("review", REFERENCE, "--json", cwd=tmp_path)
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    assert len(findings) == 20
    assert all(set(f) == {"rule", "severity", "message", "excerpt", "location"} for f in findings)
    first = next(f for f in findings if f["rule"] == "party-name")
    assert first["severity"] == "error" and first["excerpt"] == "MIM CORPORATON"
    assert first["location"] == {"section": "14. ARBITRATION", "paragraph": 4, "field": None}


def test_an_offerdesk_letter_is_reviewed_with_its_fields(tmp_path: Path) -> None:
    made = offerdesk("new", "--sample", "-o", "sample.offer.json", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    result = offerdesk("review", "sample.offer.json", "--json", cwd=tmp_path)
    findings = json.loads(result.stdout)
    assert result.returncode == (1 if any(f["severity"] == "error" for f in findings) else 0)
    merp = next(f for f in findings if f["rule"] == "defined-term-unused")
    assert merp["location"]["field"] == "benefits.merp"
    assert not [f for f in findings if f["severity"] == "error" and not f["rule"].startswith("legal")]


def test_a_word_letter_without_errors_exits_0(tmp_path: Path) -> None:
    (tmp_path / "offer.docx").write_bytes(docx_bytes(render_document(sample_letter())))
    result = offerdesk("review", "offer.docx", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 findings (0 errors, 2 warnings)" in result.stdout


def test_unreadable_or_unknown_files_exit_2_with_one_line(tmp_path: Path) -> None:
    missing = offerdesk("review", "missing.txt", cwd=tmp_path)
    assert missing.returncode == 2
    assert_one_line_failure(missing, "missing.txt", "no such file")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    assert_one_line_failure(offerdesk("review", "notes.pdf", cwd=tmp_path), ".offer.json, .docx and .txt")
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    assert_one_line_failure(offerdesk("review", "broken.docx", cwd=tmp_path), "cannot be read as a Word document")
    result = offerdesk("review", cwd=tmp_path)
    assert result.returncode == 2 and "--sample" in result.stderr
