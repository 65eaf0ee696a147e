"""DOCX -> PDF with LibreOffice (``soffice --headless --convert-to pdf``).

Several files convert in one call (LibreOffice's start-up is most of the cost). Each call uses a private,
throw-away LibreOffice profile, so conversions work as root, in parallel and beside a desktop LibreOffice
the user has open.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

DEFAULT_TIMEOUT = 120.0
_CANDIDATES = ("soffice", "libreoffice")


class PdfError(Exception):
    """The conversion could not run or did not produce every PDF."""


def find_soffice() -> str | None:
    """The LibreOffice executable on PATH (``OFFERDESK_SOFFICE`` overrides), or ``None``."""
    override = os.environ.get("OFFERDESK_SOFFICE")
    if override:
        return shutil.which(override)
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(command: list[str], env: dict[str, str], timeout: float) -> tuple[int, str]:
    """Run LibreOffice in its own process group, so a timeout ends its helper processes too."""
    try:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True
        )
    except OSError as exc:
        raise PdfError(f"LibreOffice could not be started ({exc.strerror})") from None
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise PdfError(f"LibreOffice did not finish within {timeout:g} seconds") from None
    return process.returncode, err or out


def convert_to_pdf(
    docx_paths: Sequence[Path], out_dir: Path, *, timeout: float = DEFAULT_TIMEOUT
) -> list[Path]:
    """Convert DOCX files to PDFs in ``out_dir`` (same base names); returns the PDFs in input order.

    Raises:
        PdfError: LibreOffice is missing, timed out, failed, or left out a file.
    """
    paths = [Path(p).resolve() for p in docx_paths]
    if not paths:
        return []
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise PdfError(f"{missing[0]}: no such file")
    stems = [p.stem for p in paths]
    if len(set(stems)) != len(stems):
        raise PdfError("two of the files have the same name; their PDFs would overwrite each other")
    soffice = find_soffice()
    if soffice is None:
        raise PdfError("LibreOffice is not installed (no `soffice` on PATH); install it to export PDF")
    out_dir = Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = [out_dir / f"{stem}.pdf" for stem in stems]
    # A PDF left from an earlier run must not pass for this run's output.
    before = {t: t.stat().st_mtime_ns for t in targets if t.exists()}
    with tempfile.TemporaryDirectory(prefix="offerdesk-lo-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *map(str, paths),
        ]
        env = {**os.environ, "HOME": profile}
        returncode, output = _run(command, env, timeout)
    absent = [t for t in targets if not t.is_file() or before.get(t) == t.stat().st_mtime_ns]
    if returncode != 0 or absent:
        detail = output.strip().splitlines()
        reason = detail[-1] if detail else f"exit code {returncode}"
        name = absent[0].name if absent else "the PDF"
        raise PdfError(f"LibreOffice did not write {name}: {reason}")
    return targets


def render_pages(pdf: Path, out_dir: Path, *, dpi: int = 96, timeout: float = DEFAULT_TIMEOUT) -> list[Path]:
    """Rasterise every page of ``pdf`` to image files in ``out_dir`` with poppler's ``pdftoppm``, in order.

    The images are PPM: encoding PNG took pdftoppm ten times as long (1.7 s for the sample's nine pages at
    110 dpi, against 0.16 s), and a viewer reads PPM as readily.

    Raises:
        PdfError: pdftoppm is missing, failed or wrote no page.
    """
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PdfError("poppler's pdftoppm is not installed (Debian: apt install poppler-utils); it draws the pages")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    returncode, output = _run([tool, "-r", str(dpi), str(pdf), str(out_dir / "page")], dict(os.environ), timeout)
    # pdftoppm pads the page number to the width of the last one: page-1.ppm or page-01.ppm ...
    pages = sorted(out_dir.glob("page-*.ppm"), key=lambda p: int(p.stem.rpartition("-")[2]))
    if returncode != 0 or not pages:
        detail = output.strip().splitlines()
        raise PdfError(f"the pages could not be drawn: {detail[-1] if detail else f'exit code {returncode}'}")
    return pages


__all__ = ["PdfError", "convert_to_pdf", "find_soffice", "render_pages"]
