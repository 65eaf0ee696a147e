"""Real LibreOffice opens the redline DOCX, keeps its tracked changes and prints both old and new words."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from app.compare.redline_docx import redline_docx_bytes
from app.documents.engine import render_document
from app.documents.pdf import convert_to_pdf, find_soffice
from app.domain.sample import sample_letter
from tests.unit.compare.letters import bench_variant

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.slow,
    pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed"),
]


def poppler(tool: str, *args: str | Path) -> str:
    if shutil.which(tool) is None:
        pytest.skip(f"poppler's {tool} is not installed")
    return subprocess.run([tool, *map(str, args)], capture_output=True, text=True, check=True, timeout=60).stdout


@pytest.fixture(scope="module")
def redline_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("redline")
    path = folder / "redline.docx"
    data = redline_docx_bytes(
        render_document(sample_letter()), render_document(bench_variant()), "OfferDesk test",
        datetime(2026, 11, 25, 9, 30, tzinfo=UTC),
    )
    path.write_bytes(data)
    [pdf] = convert_to_pdf([path], folder / "pdf")
    return pdf


def test_the_pdf_shows_deleted_and_inserted_words(redline_pdf: Path) -> None:
    text = re.sub(r"\s+", " ", poppler("pdftotext", redline_pdf, "-"))
    # LibreOffice shows recorded changes by default: both sides of each change are printed.
    assert "annual rate of $300,000.00$325,000.00 per year" in text
    assert "equal to one yeareighteen months of salary" in text
    assert "4. TRANSPORTATION ALLOWANCE:" in text
    assert "monthly allowance of $1,000 for the use of an automobile" in text
    assert "5.4. PARTICIPATION IN HEALTH AND OTHER BENEFIT PLANS:" in text


def test_changes_are_drawn_in_colour(redline_pdf: Path, tmp_path: Path) -> None:
    poppler("pdftoppm", "-r", "50", "-f", "1", "-l", "2", "-png", redline_pdf, tmp_path / "page")
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2

    def coloured(png: Path) -> int:
        image = QImage(str(png))
        assert not image.isNull()
        count = 0
        for y in range(0, image.height(), 2):
            for x in range(0, image.width(), 2):
                if QColor(image.pixel(x, y)).hsvSaturation() > 80:
                    count += 1
        return count

    # page 1 holds the salary change, page 2 the removed Transportation section: both in the
    # author's change colour (a letter without changes prints black on white only)
    assert all(coloured(page) > 20 for page in pages)


def test_libreoffice_reads_them_as_tracked_changes(tmp_path: Path) -> None:
    source = tmp_path / "redline.docx"
    source.write_bytes(
        redline_docx_bytes(render_document(sample_letter()), render_document(bench_variant()), "Reviewer",
                           datetime(2026, 11, 25, tzinfo=UTC))
    )
    out = tmp_path / "saved"
    profile = tmp_path / "profile"
    subprocess.run(
        [find_soffice() or "soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)],
        capture_output=True, text=True, check=True, timeout=120, env={**os.environ, "HOME": str(profile)},
    )
    with zipfile.ZipFile(io.BytesIO((out / "redline.docx").read_bytes())) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    # Saved again by LibreOffice, the changes are still revisions, by their author.
    assert re.search(r'<w:del [^>]*w:author="Reviewer"', body)
    assert re.search(r'<w:ins [^>]*w:author="Reviewer"', body)
    assert "$300,000.00</w:delText>" in body
