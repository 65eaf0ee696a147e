"""PDF conversion failures are clear (the real conversion is in tests/e2e/test_libreoffice.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.documents.pdf import PdfError, convert_to_pdf


def test_missing_libreoffice_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFFERDESK_SOFFICE", "no-such-soffice-here")
    doc = tmp_path / "a.docx"
    doc.write_bytes(b"x")
    with pytest.raises(PdfError, match="LibreOffice is not installed"):
        convert_to_pdf([doc], tmp_path)


def test_nothing_to_convert(tmp_path: Path) -> None:
    assert convert_to_pdf([], tmp_path) == []


def test_a_missing_input(tmp_path: Path) -> None:
    with pytest.raises(PdfError, match="no such file"):
        convert_to_pdf([tmp_path / "none.docx"], tmp_path)


def test_two_inputs_with_one_name(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "x.docx").write_bytes(b"x")
    with pytest.raises(PdfError, match="same name"):
        convert_to_pdf([tmp_path / "a" / "x.docx", tmp_path / "b" / "x.docx"], tmp_path)


def test_a_failing_converter_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "fake-soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("OFFERDESK_SOFFICE", str(fake))
    doc = tmp_path / "a.docx"
    doc.write_bytes(b"x")
    with pytest.raises(PdfError, match="did not write a.pdf: Error: source file could not be loaded"):
        convert_to_pdf([doc], tmp_path / "out")


def test_a_hanging_converter_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "slow-soffice"
    fake.write_text("#!/bin/sh\nsleep 5\n")
    fake.chmod(0o755)
    monkeypatch.setenv("OFFERDESK_SOFFICE", str(fake))
    doc = tmp_path / "a.docx"
    doc.write_bytes(b"x")
    with pytest.raises(PdfError, match="did not finish within 0.5 seconds"):
        convert_to_pdf([doc], tmp_path / "out", timeout=0.5)
