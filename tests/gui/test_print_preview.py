"""View > Print Preview: the pages as the DOCX prints them, or a clear message when they cannot be made."""

from __future__ import annotations

import io
import shutil

import docx
import pytest

from app.documents.docx_writer import docx_bytes
from app.documents.engine import render_document
from app.documents.pdf import find_soffice
from app.domain.sample import sample_letter
from app.ui.changes_view import TEXT_ONLY_TEXT
from tests.gui.test_editing import open_sample

# The sample letter prints on 9 pages: the letter (its signatures on page 6), then Exhibit A from page 7.
SAMPLE_PAGES = 9


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.skipif(find_soffice() is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice (soffice) or pdftoppm is not installed")
def test_print_preview_shows_every_page_of_the_sample(qtbot, make_main_window):
    window = open_sample(make_main_window())
    assert window.print_preview_action in window.menuBar().actions()[3].menu().actions()  # View
    window.print_preview_action.trigger()
    dialog = window.findChild(__import__("app.ui.print_preview", fromlist=["PrintPreview"]).PrintPreview)
    assert dialog is not None and dialog.isVisible()
    assert dialog.status.text().startswith("Making the pages")
    with qtbot.waitSignal(dialog.pages_shown, timeout=120_000) as shown:
        pass
    assert shown.args == [SAMPLE_PAGES]
    assert dialog.page_count == SAMPLE_PAGES
    assert dialog.status.text().startswith(f"{SAMPLE_PAGES} pages as the DOCX prints")
    first = dialog.findChild(type(dialog.status), "printPage1")
    pixmap = first.pixmap()
    assert abs(pixmap.height() / pixmap.width() - 11 / 8.5) < 0.01  # a US Letter page, whole
    dialog.zoom.setCurrentIndex(dialog.zoom.findText("50%"))
    assert first.pixmap().width() == pytest.approx(8.5 * 96 * 0.5, abs=2)
    dialog.close()


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.skipif(find_soffice() is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice (soffice) or pdftoppm is not installed")
def test_opening_it_again_shows_the_letter_as_it_is_now(qtbot, make_main_window):
    window = open_sample(make_main_window())
    dialog = window.show_print_preview()
    dialog.zoom.setCurrentIndex(dialog.zoom.findText("75%"))
    with qtbot.waitSignal(dialog.pages_shown, timeout=120_000):
        pass
    before = dialog.findChild(type(dialog.status), "printPage1").pixmap().toImage()
    window.document.edit(("document_options",), {"legend": True, "legend_text": "Draft - Privileged & Confidential",
                                                 "placement": "footer"}, "Legend")
    qtbot.waitUntil(lambda: window.document.letter.document_options is not None, timeout=10_000)
    with qtbot.waitSignal(dialog.pages_shown, timeout=120_000):
        assert window.show_print_preview() is dialog  # one preview window, made again
    after = dialog.findChild(type(dialog.status), "printPage1").pixmap().toImage()
    assert after.size() == before.size() and after != before  # the footer's legend is drawn on page 1
    dialog.close()


def test_without_libreoffice_the_preview_says_what_to_install(qtbot, make_main_window, monkeypatch):
    monkeypatch.setenv("OFFERDESK_SOFFICE", "no-such-libreoffice-here")
    window = open_sample(make_main_window())
    dialog = window.show_print_preview()
    with qtbot.waitSignal(dialog.pages_shown, timeout=30_000) as shown:
        pass
    assert shown.args == [0]
    assert dialog.page_count == 0
    assert "LibreOffice is not installed" in dialog.status.text()
    assert dialog.refresh_button.isEnabled()  # try again once it is installed
    dialog.close()


def test_a_draft_with_errors_has_no_print_preview(make_main_window):
    window = open_sample(make_main_window())
    window.document.edit(("position", "title"), "", "Title(s)")
    assert window.show_print_preview() is None
    assert "without errors" in window.message_bar.text.text()


def test_compare_with_a_word_document_made_elsewhere(make_main_window, tmp_path):
    source = docx.Document(io.BytesIO(docx_bytes(render_document(sample_letter()))))
    for paragraph in source.paragraphs:
        for run in paragraph.runs:
            run.text = run.text.replace("four weeks", "five weeks")
    path = tmp_path / "returned.docx"
    source.save(str(path))
    window = open_sample(make_main_window())
    window.compare_with_file(path)
    view = window.changes_view
    assert window.side_tabs.currentWidget() is window.changes_tab
    assert view.has_baseline and view.change_count == 1
    assert view.terms == [] and view.figures == []
    tree = view.findChild(type(view._terms_tree), "changedTerms")
    assert tree.topLevelItem(0).text(0) == TEXT_ONLY_TEXT
    assert "five" in view.redline_html() and "four" in view.redline_html()
    assert "returned.docx (by its text)" in view.findChild(type(view._position), "baselineLabel").text()


def test_compare_with_a_file_that_is_not_a_word_document(make_main_window, tmp_path):
    path = tmp_path / "sent.docx"
    path.write_bytes(b"not a zip")
    window = open_sample(make_main_window())
    window.compare_with_file(path)
    assert not window.changes_view.has_baseline
    assert window.message_bar.text.text().startswith("sent.docx cannot be compared with: it is not a Word document")
