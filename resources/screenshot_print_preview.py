"""Make resources/screenshot-print-preview.png: View > Print Preview of the sample letter with the legend
and a document ID in the header, on its first page.

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/screenshot_print_preview.py [OUT.png]

Needs LibreOffice and poppler (pdftoppm), as the print preview itself does.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop  # noqa: E402

from app.domain.file_format import dumps, new_file  # noqa: E402
from app.domain.sample import sample_letter  # noqa: E402
from app.ui.app import application, open_for_screenshot  # noqa: E402

MARKS = {"legend": True, "legend_text": "Draft - Privileged & Confidential", "document_id": "NY 1234567 v2",
         "placement": "header"}


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("screenshot-print-preview.png")
    app = application()
    with tempfile.TemporaryDirectory(prefix="offerdesk-shot-") as tmp:
        letter = Path(tmp) / "cfo-offer.offer.json"
        letter.write_text(dumps(new_file(sample_letter())), encoding="utf-8")
        window = open_for_screenshot(letter, Path(tmp) / "config")
        window.document.edit(("document_options",), MARKS, "Legend and document ID")
        loop = QEventLoop()
        while window.document.letter is None or window.document.letter.document_options is None:
            loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        dialog = window.show_print_preview()
        if dialog is None:
            return 1
        dialog.resize(1000, 760)
        dialog.zoom.setCurrentIndex(dialog.zoom.findText("75%"))
        shown: list[int] = []
        dialog.pages_shown.connect(shown.append)
        while not shown:
            loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        app.processEvents()
        ok = shown[0] > 0 and dialog.grab().save(str(out))
        dialog.close()
        window.document.undo_stack.setClean()  # nothing to save: the window closes without asking
        window.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
