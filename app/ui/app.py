"""Starting the editor: the application object, the first window, the screenshot mode and test hooks."""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.fields import spec_for
from app.domain.problems import errors_summary, parse_path
from app.ui.crash import install_excepthook
from app.ui.draft import MISSING
from app.ui.main_window import AfterFirstPaint, MainWindow
from app.ui.style import STYLE_SHEET

# Test hook: "dotted.path=value", applied after start through the normal (undoable, autosaved) edit.
TEST_EDIT_ENV = "OFFERDESK_TEST_EDIT"


@dataclass(frozen=True)
class GuiOptions:
    file: Path | None = None
    sample: bool = False
    screenshot: Path | None = None
    size: tuple[int, int] | None = None
    quit_after_show: bool = False


def parse_size(text: str) -> tuple[int, int]:
    """``"1366x768"`` -> ``(1366, 768)``."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit() or int(width) < 200 or int(height) < 200:
        raise ValueError(f"{text!r} is not a size such as 1366x768")
    return int(width), int(height)


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QCoreApplication.setOrganizationName("OfferDesk")
    QCoreApplication.setApplicationName("OfferDesk")
    QGuiApplication.setDesktopFileName("offerdesk")
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
    return app


def apply_test_edit(window: MainWindow, spec: str) -> None:
    """Apply ``path=value`` as if typed: the value keeps the type of what the draft holds there."""
    dotted, _, text = spec.partition("=")
    path = parse_path(dotted.strip())
    current = window.document.value(path)
    value: object = text
    if not isinstance(current, str) and current is not MISSING:
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            value = text
    window.document.edit(path, value, spec_for(path).title)


def wait_for_preview(window: MainWindow, timeout_ms: int = 5000) -> None:
    """Process events until the preview shows the current letter (or the time is up)."""
    loop = QEventLoop()
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    deadline.start(timeout_ms)
    window.preview.flush()
    while deadline.isActive() and not window.preview.idle:
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    QApplication.processEvents()


def open_for_screenshot(letter: Path, config_dir: Path, size: tuple[int, int] = (1366, 768)) -> MainWindow:
    """A window on ``letter`` at ``size`` with the default layout (private settings in ``config_dir``),
    shown with its preview filled in: how the README's screenshot scripts start."""
    window = MainWindow(config_dir=config_dir)
    window.remember_layout = False
    window.open_path(letter)
    window.resize(*size)
    window.apply_default_sizes()
    window.show()
    wait_for_preview(window)
    return window


def wait_until_painted(widget: QWidget, timeout_ms: int = 10000) -> float | None:
    """Process events until the paint pass that first painted ``widget`` on its exposed window is
    over, so the window as a whole is on screen. Returns ``time.monotonic()`` at the end of that
    pass (what ran after it, before this returns, is not counted), or None if it did not happen in time."""
    painted: list[float] = []
    AfterFirstPaint(widget, lambda: painted.append(time.monotonic()))
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_ms / 1000
    while not painted and time.monotonic() < deadline:
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    return painted[0] if painted else None


def run(options: GuiOptions) -> int:
    app = application()
    window = MainWindow(sample=options.sample, check_after_paint=True)
    windows = [window]
    install_excepthook(lambda: [w.document.draft for w in windows])
    if options.size is not None:
        window.resize(*options.size)
        window.apply_default_sizes()
    if options.screenshot is not None or options.quit_after_show:
        return _capture(window, options)
    window.show()
    # Recover first: a draft recovered from a crash may be the very file asked for.
    windows.extend(window.offer_recovery())
    if options.file is not None:
        path = options.file.absolute()
        if all(w.document.file_path != path for w in windows):
            target = window
            if window.document.modified:
                target = MainWindow()
                windows.append(target)
            target.open_path(path)  # a failure is explained in the window's message bar
    for extra in windows[1:]:
        extra.show()
    test_edit = os.environ.get(TEST_EDIT_ENV)
    if test_edit:
        QTimer.singleShot(0, lambda: apply_test_edit(window, test_edit))
    return app.exec()


def _capture(window: MainWindow, options: GuiOptions) -> int:
    """Show the window, save a PNG of it if asked, and close it without touching the user's layout.

    With ``quit_after_show`` (the start-up benchmark's hook) it prints ``shown <t>`` once the window
    is painted with its first section's form filled in, ``checked <t>`` once the letter has been
    validated and its section states and problems are shown, then ``preview <t>`` once the preview
    shows the letter; ``t`` is ``time.monotonic()``, which other processes on this machine can compare.

    Exit status: 2 when the file cannot be opened or the PNG not written, 1 when the letter opened
    with errors (listed on stderr, as ``offerdesk check`` does), else 0.
    """
    window.remember_layout = False
    if options.file is not None and not window.open_path(options.file):
        print(f"offerdesk: {window.message_bar.text.text()}", file=sys.stderr)
        window.close()
        return 2
    window.show()
    if options.quit_after_show:
        form = window.forms[window.current_section_key()]
        painted = form.widget()
        shown = wait_until_painted(painted) if painted is not None else None
        if shown is None or not window.binder.editors:
            print("offerdesk: the window was not painted", file=sys.stderr)
            return 2
        print(f"shown {shown:.6f}", flush=True)
        loop = QEventLoop()
        while not window.document.checked:
            loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        print(f"checked {time.monotonic():.6f}", flush=True)
    wait_for_preview(window)
    if options.quit_after_show:
        print(f"preview {time.monotonic():.6f}", flush=True)
    code = 0
    if options.screenshot is not None:
        options.screenshot.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(options.screenshot)):
            print(f"offerdesk: could not write {options.screenshot}", file=sys.stderr)
            code = 2
    document = window.document
    document.check()
    if code == 0 and document.file_path is not None and document.has_errors:
        # As `offerdesk check` does: the letter opened (the picture shows its Problems list) but has errors.
        name = document.file_path.name
        print(f"offerdesk: {name} has errors: {errors_summary(document.problems, 'see its Problems list')}",
              file=sys.stderr)
        code = 1
    window.close()
    return code
