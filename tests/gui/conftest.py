"""GUI fixtures: windows with settings and autosave in tmp_path, answered prompts, no leaks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from app.storage.recovery import RecoveryEntry, RecoveryStore
from app.ui.app import application
from app.ui.main_window import MainWindow
from app.ui.prompts import SaveChoice


class AnsweringPrompts:
    """Answers the window's questions as a test says, and records what was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, Any]] = []
        self.save_choice = SaveChoice.DISCARD
        self.recover_answer: bool | None = True
        self.read_only_answer = False
        self.paths: list[Path | None] = []
        self.version = "Sent to candidate"
        self.native_dialogs = False
        self.author: str | None = None

    def _next_path(self, what: str, detail: Any) -> Path | None:
        self.asked.append((what, detail))
        return self.paths.pop(0) if self.paths else None

    def save_changes(self, name: str) -> SaveChoice:
        self.asked.append(("save_changes", name))
        return self.save_choice

    def recover(self, entry: RecoveryEntry) -> bool | None:
        self.asked.append(("recover", entry.title))
        return self.recover_answer

    def open_read_only(self, message: str) -> bool:
        self.asked.append(("open_read_only", message))
        return self.read_only_answer

    def open_path(self, folder: Path) -> Path | None:
        return self._next_path("open_path", folder)

    def save_path(self, suggested: Path) -> Path | None:
        return self._next_path("save_path", suggested)

    def export_path(self, suggested: Path, kind: str, title: str = "") -> Path | None:
        return self._next_path("export_path", (suggested, kind))

    def print_setup(self, printer: Any) -> bool:
        """Print to a PDF file instead of a printer (offscreen has none): the next path, if any."""
        from PySide6.QtPrintSupport import QPrinter

        path = self._next_path("print_setup", printer)
        if path is None:
            return False
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return True

    def preferences(self, current_name: str) -> str | None:
        self.asked.append(("preferences", current_name))
        return self.author

    def other_letter(self, folder: Path) -> Path | None:
        return self._next_path("other_letter", folder)

    def version_name(self, default: str) -> str | None:
        self.asked.append(("version_name", default))
        return self.version


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def make_main_window(qtbot: Any, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MakeWindow]:
    """Make main windows that use private settings and recovery folders; all are closed afterwards."""
    monkeypatch.setenv("OFFERDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("OFFERDESK_DATA_DIR", str(data_dir))
    monkeypatch.setenv("OFFERDESK_NO_OPEN", "1")
    app = application()
    before = set(QApplication.topLevelWidgets())
    windows: list[MainWindow] = []

    def make(*, show: bool = True, config_dir: Path | None = None, sample: bool = False,
             check_after_paint: bool = False) -> MainWindow:
        window = MainWindow(
            config_dir=config_dir or tmp_path / "config",
            recovery=RecoveryStore(data_dir / "recovery"),
            native_dialogs=False,
            open_exports=False,
            sample=sample,
            check_after_paint=check_after_paint,
        )
        window.prompts = AnsweringPrompts()  # type: ignore[assignment]
        windows.append(window)
        if show:
            window.show()
            qtbot.waitExposed(window)
        return window

    yield make

    for window in windows:
        window.prompts.save_choice = SaveChoice.DISCARD  # type: ignore[attr-defined]
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    leaked = [w for w in QApplication.topLevelWidgets() if w not in before]
    assert not leaked, f"top-level widgets left open: {leaked}"
