"""`offerdesk check|compare` on the DOCX that was sent: its own terms, and a warning once it was edited."""

from __future__ import annotations

from pathlib import Path

import docx

from tests.e2e.test_cli_letter import offerdesk


def _export(tmp_path: Path) -> tuple[Path, Path]:
    letter = tmp_path / "draft.offer.json"
    assert offerdesk("new", "--sample", "-o", letter, cwd=tmp_path).returncode == 0
    sent = tmp_path / "sent.docx"
    assert offerdesk("render", letter, "-o", sent, cwd=tmp_path).returncode == 0
    return letter, sent


def test_check_and_compare_read_the_terms_inside_the_docx(tmp_path: Path) -> None:
    letter, sent = _export(tmp_path)
    check = offerdesk("check", sent, cwd=tmp_path)
    assert check.returncode == 0 and "sent.docx: no problems" in check.stdout
    assert check.stderr == ""
    compare = offerdesk("compare", sent, letter, cwd=tmp_path)
    assert compare.returncode == 0, compare.stderr
    assert "No terms changed." in compare.stdout


def test_a_docx_edited_in_word_since_is_reported_and_still_compared(tmp_path: Path) -> None:
    letter, sent = _export(tmp_path)
    document = docx.Document(str(sent))
    paragraph = next(p for p in document.paragraphs if "Chief Financial Officer" in p.text)
    paragraph.add_run(" (amended by hand)")
    document.save(str(sent))
    # The draft moves on too: the comparison is against the terms the DOCX was sent with.
    draft = letter.read_text(encoding="utf-8").replace('"base_salary": "300000.00"', '"base_salary": "320000.00"')
    assert draft != letter.read_text(encoding="utf-8")
    letter.write_text(draft, encoding="utf-8")

    compare = offerdesk("compare", sent, letter, cwd=tmp_path)
    assert compare.returncode == 0
    assert "sent.docx was edited after OfferDesk wrote it" in compare.stderr
    assert "no longer matches the terms stored in it" in compare.stderr
    assert "Base salary: $300,000.00 -> $320,000.00" in compare.stdout


def test_a_docx_without_terms_is_refused_with_the_remedy(tmp_path: Path) -> None:
    plain = tmp_path / "other.docx"
    docx.Document().save(str(plain))
    result = offerdesk("check", plain, cwd=tmp_path)
    assert result.returncode == 2
    assert "holds no OfferDesk terms" in result.stderr and "open the letter's .offer.json file instead" in result.stderr
