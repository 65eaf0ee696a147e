"""Export PDF from the window: LibreOffice runs in the background and the window stays usable."""

from __future__ import annotations

import pytest

from app.documents.pdf import find_soffice
from tests.gui.test_editing import open_sample

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.slow,
    pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed"),
]


def test_export_pdf_in_the_background(qtbot, make_main_window, tmp_path):
    window = open_sample(make_main_window())
    window.prompts.paths = [tmp_path / "letter.pdf"]
    window._export_dialog("pdf")
    assert window.message_bar.text.text() == "Exporting letter.pdf…"
    assert not window.export_pdf_action.isEnabled()
    qtbot.waitUntil(lambda: window.message_bar.text.text().startswith("Exported letter.pdf"), timeout=120_000)
    assert (tmp_path / "letter.pdf").read_bytes().startswith(b"%PDF")
    assert window.export_pdf_action.isEnabled()
