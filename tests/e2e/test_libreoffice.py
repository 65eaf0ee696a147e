"""Real LibreOffice: the sample DOCX converts to a PDF that reads right (pages, headers, Exhibit A)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.documents.docx_writer import docx_bytes
from app.documents.engine import render_document
from app.documents.pdf import convert_to_pdf, find_soffice
from app.domain.sample import sample_letter
from tests.unit.documents.letters import letter_with

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.slow,
    pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed"),
]


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout


def test_sample_converts_with_headers_pages_and_exhibit(tmp_path: Path) -> None:
    sample = tmp_path / "sample.docx"
    sample.write_bytes(docx_bytes(render_document(sample_letter())))
    other = tmp_path / "other.docx"
    name = "Zoë Ødegård & <Søn>"
    other.write_bytes(docx_bytes(render_document(letter_with(**{"candidate.full_name": name}))))

    pdfs = convert_to_pdf([sample, other], tmp_path / "pdf")  # both in one LibreOffice run
    assert [p.name for p in pdfs] == ["sample.pdf", "other.pdf"]
    text = pdf_text(pdfs[0])
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) >= 6
    assert "MIM CORPORATION" in pages[0].upper() and "Clearbrook Road" in pages[0]
    assert "Clearbrook Road" not in pages[1]  # the letterhead is on page 1 only
    assert "Page 2" in pages[1] and "Mr. James S. Lusk" in pages[1]
    assert "Page 1" not in text
    exhibit = next(i for i, page in enumerate(pages) if "RESTRICTIVE COVENANTS" in page)
    assert "Exhibit A" in pages[exhibit]
    assert "Agreed to and Accepted By:" in pages[exhibit - 1]  # the letter's signatures end the page before
    assert "1. POSITION AND DUTIES:" in text
    assert f"Mr. {name}" in pdf_text(pdfs[1])


def test_render_with_pdf_from_the_command_line(tmp_path: Path) -> None:
    from app.domain.sample import SAMPLE_TERMS
    from tests.e2e.test_cli_letter import offerdesk, write_letter

    out = tmp_path / "letter.docx"
    result = offerdesk("render", write_letter(tmp_path, SAMPLE_TERMS), "-o", out, "--pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Exhibit A" in pdf_text(out.with_suffix(".pdf"))
