"""Benchmark the editor window: keystroke to preview, cold start, and memory.

Run from the repository root (offscreen Qt, private settings and autosave folders)::

    .venv/bin/python bench/ui.py [--repeat N]

(1) A keystroke in the sample's Base salary: the synchronous work on the GUI thread (edit, undo
    step, whole-draft validation, marks, section states, Problems), and the time from starting the
    preview render to its HTML being set in the view (render on the worker thread, hand-back, setHtml).
    The 150 ms debounce is excluded. Target: median at most 16 ms for each.
(2) Cold start to the window shown with the sample, as a whole process (``offerdesk gui --sample
    --quit-after-show``), against a bare PySide6 QMainWindow process measured in the same run.
    Target: ratio at most 2.5.
(3) Peak resident memory of the window process with the sample. Target: at most 150 MB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_KEYSTROKE_MS = 16.0
TARGET_START_RATIO = 2.5
TARGET_RSS_MB = 150.0

BARE_WINDOW = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "w = QMainWindow()\n"
    "w.resize(1366, 768)\n"
    "w.show()\n"
    "app.processEvents()\n"
    "w.close()\n"
)
OFFERDESK_COMMAND = (
    "import sys\n"
    "from app.cli import main\n"
    "sys.exit(main(['gui', '--sample', '--quit-after-show', '--size', '1366x768']))\n"
)
# The same window started without the command-line layer (which loads every subcommand's engine).
WINDOW_ONLY = (
    "import sys\n"
    "from app.ui.app import GuiOptions, run\n"
    "sys.exit(run(GuiOptions(sample=True, quit_after_show=True, size=(1366, 768))))\n"
)


def run_child(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Run ``code`` in a new Python; its wall time (s) and peak resident memory (MB)."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"benchmark child failed with exit code {child.returncode}")
    return elapsed, usage.ru_maxrss / 1024  # Linux reports KiB


def keystrokes(repeat: int) -> tuple[list[float], list[float]]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.storage.recovery import RecoveryStore
    from app.ui.app import application, wait_for_preview
    from app.ui.main_window import MainWindow
    from app.ui.prompts import SaveChoice

    app = application()
    folder = Path(tempfile.mkdtemp(prefix="offerdesk-bench-"))
    window = MainWindow(config_dir=folder / "config", recovery=RecoveryStore(folder / "recovery"),
                        native_dialogs=False, open_exports=False)
    window.new_letter(sample=True)
    window.resize(1366, 768)
    window.show()
    wait_for_preview(window)
    window.select_section("compensation")
    edit = window.binder.editors[("compensation", "base_salary")].edit
    edit.setFocus()
    edit.end(False)
    sync_ms: list[float] = []
    preview_ms: list[float] = []
    for i in range(repeat):
        key = Qt.Key.Key_Backspace if i % 2 else Qt.Key.Key_5
        start = time.perf_counter()
        QTest.keyClick(edit, key)
        sync_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        window.preview.render_now()  # what the debounce timer does when it fires
        while not window.preview.idle:
            app.processEvents()
        preview_ms.append((time.perf_counter() - start) * 1000)
        QApplication.processEvents()
    window.prompts.save_changes = lambda _name: SaveChoice.DISCARD  # type: ignore[method-assign]
    window.close()
    return sync_ms, preview_ms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=60, help="keystrokes to time (default 60)")
    parser.add_argument("--starts", type=int, default=5, help="cold starts of each process (default 5)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="offerdesk-bench-"))
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "OFFERDESK_CONFIG_DIR": str(folder / "config"), "OFFERDESK_DATA_DIR": str(folder / "data")}
    os.environ.update({k: env[k] for k in ("QT_QPA_PLATFORM", "OFFERDESK_CONFIG_DIR", "OFFERDESK_DATA_DIR")})

    # Child processes first: a child forked from a process that already holds a window would
    # report that process's memory as its own peak.
    runs: dict[str, list[tuple[float, float]]] = {"bare": [], "command": [], "window": []}
    for _ in range(args.starts):
        runs["bare"].append(run_child(BARE_WINDOW, env))
        runs["command"].append(run_child(OFFERDESK_COMMAND, env))
        runs["window"].append(run_child(WINDOW_ONLY, env))
    seconds = {k: statistics.median(t for t, _ in v) for k, v in runs.items()}
    memory = {k: statistics.median(m for _, m in v) for k, v in runs.items()}
    bare = seconds["bare"]
    print(f"cold start, bare QMainWindow process:             median {bare * 1000:6.0f} ms, {memory['bare']:.0f} MB")
    for key, title in (("command", "offerdesk gui --sample, shown + preview"),
                       ("window", "window only (app.ui.app.run), same")):
        print(f"cold start, {title + ':':<38} median {seconds[key] * 1000:6.0f} ms  "
              f"ratio {seconds[key] / bare:5.2f} (target <= {TARGET_START_RATIO})")
    for key, title in (("command", "offerdesk gui --sample"), ("window", "window only")):
        print(f"peak resident memory, {title + ':':<27} median {memory[key]:6.1f} MB  "
              f"(target <= {TARGET_RSS_MB:.0f})")
    sync_ms, preview_ms = keystrokes(args.repeat)
    sync, preview = statistics.median(sync_ms), statistics.median(preview_ms)
    print(f"keystroke, GUI thread (edit + validate + marks):  median {sync:6.2f} ms  "
          f"(max {max(sync_ms):.2f})  target <= {TARGET_KEYSTROKE_MS:.0f}")
    print(f"render start -> preview HTML set (no debounce): median {preview:6.2f} ms  "
          f"(max {max(preview_ms):.2f})  target <= {TARGET_KEYSTROKE_MS:.0f}")
    print(f"keystroke -> preview updated, sum of medians:    {sync + preview:6.2f} ms (+ {150} ms debounce)")

    return 0


if __name__ == "__main__":
    sys.exit(main())
