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


def with_fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> Path:
    """Put a shell script in LibreOffice's place; returns a DOCX to convert."""
    fake = tmp_path / "fake-soffice"
    fake.write_text(f"#!/bin/sh\n{script}\n")
    fake.chmod(0o755)
    monkeypatch.setenv("OFFERDESK_SOFFICE", str(fake))
    doc = tmp_path / "a.docx"
    doc.write_bytes(b"x")
    return doc


def test_a_failing_converter_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = with_fake_soffice(tmp_path, monkeypatch, "echo 'Error: source file could not be loaded' >&2; exit 1")
    with pytest.raises(PdfError, match="did not write a.pdf: Error: source file could not be loaded"):
        convert_to_pdf([doc], tmp_path / "out")


def test_a_converter_that_writes_nothing_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = with_fake_soffice(tmp_path, monkeypatch, "exit 0")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.pdf").write_bytes(b"stale")  # an old PDF must not pass for a new one
    with pytest.raises(PdfError, match="did not write a.pdf"):
        convert_to_pdf([doc], tmp_path / "out")


def test_a_hanging_converter_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = with_fake_soffice(tmp_path, monkeypatch, "sleep 5")
    with pytest.raises(PdfError, match="did not finish within 0.5 seconds"):
        convert_to_pdf([doc], tmp_path / "out", timeout=0.5)
