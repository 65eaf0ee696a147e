"""Make resources/screenshot-batch.png: the editor on the sample letter with Letter > Batch... after a run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/screenshot_batch.py [OUT.png]

A batch of twelve letters (one row with a date written the wrong way) runs into a temporary folder;
the picture is the window with the dialog drawn over its middle, as a person sees it.
"""

from __future__ import annotations

import csv
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QPoint, QRect, Qt  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402

from app.domain.file_format import dumps, new_file  # noqa: E402
from app.domain.sample import sample_letter  # noqa: E402
from app.ui.app import application, open_for_screenshot  # noqa: E402

NAMES = ["Jane Q. Doe", "Robert Roe", "Ann Lee", "Carlos Diaz", "Mei Chen", "Priya Patel", "Tom Brown",
         "Sara Kim", "Omar Haddad", "Lena Fischer", "Ivan Petrov", "Grace Okafor"]


def over_window(picture: QPixmap, shot: QPixmap, title: str) -> None:
    """Draw a dialog's picture over the window's middle. Offscreen windows have no frame: a plain
    title bar and border make the dialog read as one."""
    title_height = 28
    x, y = (picture.width() - shot.width()) // 2, (picture.height() - shot.height()) // 3
    painter = QPainter(picture)
    painter.fillRect(QRect(x - 1, y - title_height - 1, shot.width() + 2, shot.height() + title_height + 2),
                     QColor("#5a6b80"))
    painter.fillRect(QRect(x, y - title_height, shot.width(), title_height), QColor("#dfe5ee"))
    painter.setPen(QColor("#1f2a38"))
    painter.drawText(QRect(x, y - title_height, shot.width(), title_height), Qt.AlignmentFlag.AlignCenter, title)
    painter.drawPixmap(QPoint(x, y), shot)
    painter.end()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("screenshot-batch.png")
    app = application()
    with tempfile.TemporaryDirectory(prefix="offers-") as tmp:
        terms = Path(tmp) / "cfo-offers-2025.csv"
        with terms.open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["candidate.full_name", "compensation.base_salary", "position.start_date"])
            for i, name in enumerate(NAMES):
                writer.writerow([name, f"{300000 + 5000 * i}", "03/15/2025" if i == 4 else "2025-03-01"])
        letter = Path(tmp) / "cfo-offer.offer.json"
        letter.write_text(dumps(new_file(sample_letter())), encoding="utf-8")
        window = open_for_screenshot(letter, Path(tmp) / "config")
        dialog = window.open_batch_dialog()
        dialog.terms_edit.setText(str(terms))
        dialog.folder_edit.setText(str(Path(tmp) / "cfo-offers-2025-letters"))
        dialog.start()
        loop = QEventLoop()
        while dialog.running:
            loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        dialog.adjustSize()
        app.processEvents()
        picture = window.grab()
        over_window(picture, dialog.grab(), dialog.windowTitle())
        ok = picture.save(str(out))
        dialog.close()
        window.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
