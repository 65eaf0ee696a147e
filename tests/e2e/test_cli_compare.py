"""``offerdesk compare`` run as a command: the summary, JSON, the redline DOCX and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.compare.versions import mark_as_sent
from app.documents.docx_writer import docx_bytes
from app.documents.engine import render_document
from app.domain.file_format import dumps, new_file
from app.domain.sample import sample_letter
from tests.unit.compare.docx_review import (
    W,
    change_elements,
    change_ids,
    plain_paragraphs,
    reviewed_paragraphs,
)
from tests.unit.compare.letters import bench_variant

ROOT = Path(__file__).resolve().parents[2]


def offerdesk(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main())"]
    return subprocess.run([*command, *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=60)


@pytest.fixture
def letters(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.offer.json", tmp_path / "new.offer.json"
    old.write_text(dumps(new_file(sample_letter())), encoding="utf-8")
    new.write_text(dumps(new_file(bench_variant())), encoding="utf-8")
    return old, new


def one_error_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1
    return lines[0]


def test_summary_lists_changed_terms_by_section_and_figures(letters: tuple[Path, Path]) -> None:
    old, new = letters
    done = offerdesk("compare", old, new)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert f"Baseline: {old}\nCurrent:  {new}\n" in out
    assert (
        "Changed terms (4):\n"
        "  Base Compensation\n"
        "    Base salary: $300,000.00 -> $325,000.00\n"
        "  Transportation Allowance\n"
        "    Transportation allowance: removed\n"
        "  Termination; Severance; Change of Control\n"
        "    Without Cause: Severance: 12 months of salary -> 18 months of salary\n"
        "  Exhibit A: Restrictive Covenants\n"
        "    Non-compete: 9 months -> 12 months\n"
    ) in out
    assert "Figures that changed (scenarios on April 14, 2004):\n  Pay\n" in out
    assert "    Largest severance exposure: $300,000.00 -> $487,500.00\n" in out
    assert out.endswith("Redline: 4 changes in the letter's text (write it with -o REDLINE.docx).\n")


def test_no_changes(letters: tuple[Path, Path]) -> None:
    old, _ = letters
    done = offerdesk("compare", old, old)
    assert done.returncode == 0, done.stderr
    assert "No terms changed.\n\nNo figures changed.\n\nRedline: 0 changes in the letter's text.\n" in done.stdout


def test_json_for_scripts(letters: tuple[Path, Path]) -> None:
    old, new = letters
    done = offerdesk("compare", old, new, "--json", "--on", "2004-03-01")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["terms"][0] == {
        "section": "compensation", "section_title": "Base Compensation", "path": "compensation.base_salary",
        "label": "Base salary", "kind": "changed", "old": "$300,000.00", "new": "$325,000.00",
    }
    assert [t["kind"] for t in out["terms"]] == ["changed", "removed", "changed", "changed"]
    assert out["scenario_date"] == "2004-03-01"
    severance = next(f for f in out["figures"] if f["key"] == "scenario.without_cause.severance")
    assert (severance["old"], severance["new"], severance["changed"]) == ("$300,000.00", "$487,500.00", True)
    assert len(out["text_changes"]) == 4
    assert out["redline"] is None


def test_redline_author_defaults_to_the_account_name(letters: tuple[Path, Path], tmp_path: Path) -> None:
    # It was always "OfferDesk".
    from app.storage.account import account_full_name

    old, new = letters
    out = tmp_path / "redline.docx"
    done = offerdesk("compare", old, new, "-o", out)
    assert done.returncode == 0, done.stderr
    assert {e.get(f"{{{W}}}author") for e in change_elements(out.read_bytes())} == {account_full_name()}


def test_redline_docx_is_written_atomically_and_not_overwritten(letters: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = letters
    out = tmp_path / "redline.docx"
    done = offerdesk("compare", old, new, "-o", out, "--author", "Ana Núñez")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Wrote {out}: 4 tracked changes against {old}.\n"
    data = out.read_bytes()
    assert reviewed_paragraphs(data, accept=True) == plain_paragraphs(docx_bytes(render_document(bench_variant())))
    assert reviewed_paragraphs(data, accept=False) == plain_paragraphs(docx_bytes(render_document(sample_letter())))
    assert len(change_ids(data)) == len(set(change_ids(data))) > 0
    assert {e.get(f"{{{W}}}author") for e in change_elements(data)} == {"Ana Núñez"}

    again = offerdesk("compare", old, new, "-o", out)
    assert one_error_line(again) == f"offerdesk: {out} already exists; use --force to overwrite it"
    assert out.read_bytes() == data
    forced = offerdesk("compare", old, new, "-o", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_baseline_version_inside_the_file(tmp_path: Path) -> None:
    path = tmp_path / "offer.offer.json"
    file = mark_as_sent(new_file(bench_variant()), sample_letter(), "First offer", datetime(2002, 10, 1, tzinfo=UTC))
    path.write_text(dumps(file), encoding="utf-8")
    done = offerdesk("compare", path, "--baseline-version", "First offer")
    assert done.returncode == 0, done.stderr
    assert f"Baseline: {path}, as sent ('First offer', October 1, 2002)\nCurrent:  {path}\n" in done.stdout
    assert "Base salary: $300,000.00 -> $325,000.00" in done.stdout
    latest = offerdesk("compare", path, "--baseline-version")
    assert latest.stdout == done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.offer.json", "{new}"], "offerdesk: missing.offer.json cannot be opened: there is no such file"),
        (["{old}"], "offerdesk: name the current letter (NEW), or use --baseline-version to compare with a sent version"),
        (["{old}", "--baseline-version", "Final"],
         "offerdesk: {old}: it has no version marked as sent; mark one as sent first"),
        (["{old}", "{new}", "-o", "{out}"], "offerdesk: {out}: cannot be written"),
        (["{old}", "{new}", "--on", "1 March 2004"], "usage:"),
    ],
)
def test_errors_are_one_line(letters: tuple[Path, Path], tmp_path: Path, args: list[str], message: str) -> None:
    old, new = letters
    names = {"old": old, "new": new, "out": tmp_path / "nowhere" / "redline.docx"}
    done = offerdesk("compare", *[a.format(**names) for a in args])
    if message == "usage:":  # argparse's own errors: usage, then one line
        assert done.returncode == 2 and "is not a date written as YYYY-MM-DD" in done.stderr
        assert "Traceback" not in done.stderr
        return
    assert one_error_line(done).startswith(message.format(**names))


def test_an_invalid_letter_is_refused_with_its_errors(letters: tuple[Path, Path], tmp_path: Path) -> None:
    old, _ = letters
    broken = tmp_path / "broken.offer.json"
    draft = sample_letter().model_dump(mode="json")
    draft["compensation"]["base_salary"] = "-5"
    broken.write_text(json.dumps({"draft": draft}), encoding="utf-8")
    line = one_error_line(offerdesk("compare", old, broken))
    assert line.startswith(f"offerdesk: {broken} has errors: error: compensation.base_salary:")


def test_compare_a_word_document_made_elsewhere_writes_the_redline_by_text(tmp_path: Path) -> None:
    """``offerdesk compare sent.docx draft.offer.json -o redline.docx``: a DOCX without terms is read by its text."""
    import io

    import docx

    source = docx.Document(io.BytesIO(docx_bytes(render_document(sample_letter()))))
    for paragraph in source.paragraphs:
        for run in paragraph.runs:
            run.text = run.text.replace("$300,000.00", "$325,000.00")
    sent = tmp_path / "returned.docx"
    source.save(str(sent))
    draft = tmp_path / "draft.offer.json"
    draft.write_text(dumps(new_file(sample_letter())), encoding="utf-8")
    out = tmp_path / "redline.docx"
    done = offerdesk("compare", sent, draft, "-o", out)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Wrote {out}: 1 tracked change against {sent} (by its text).\n"
    accepted = " ".join(reviewed_paragraphs(out.read_bytes(), accept=True))
    rejected = " ".join(reviewed_paragraphs(out.read_bytes(), accept=False))
    assert "$300,000.00" in accepted and "$325,000.00" not in accepted
    assert "$325,000.00" in rejected
    summary = offerdesk("compare", sent, draft)
    assert "only its text is compared" in summary.stdout
    assert summary.stdout.rstrip().endswith("Redline: 1 change in the letter's text (write it with -o REDLINE.docx).")


def test_compare_with_a_file_that_is_not_a_word_document_is_one_line(tmp_path: Path, letters: tuple[Path, Path]) -> None:
    bogus = tmp_path / "sent.docx"
    bogus.write_bytes(b"plain text")
    line = one_error_line(offerdesk("compare", bogus, letters[1]))
    assert line.startswith(f"offerdesk: {bogus}: cannot be compared with: it is not a Word document")
