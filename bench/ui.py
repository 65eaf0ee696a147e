"""Benchmark the editor window: keystroke to preview, cold start, and memory.

Run from the repository root (offscreen Qt, private settings and autosave folders)::

    .venv/bin/python bench/ui.py [--repeat N] [--starts N]

(1) A keystroke in the sample's Base salary: the synchronous work on the GUI thread (edit, undo
    step, whole-draft validation, marks, section states, Problems), and the time from starting the
    preview render to its HTML being set in the view (render on the worker thread, hand-back, setHtml).
    The 150 ms debounce is excluded. Target: median at most 16 ms for each.
(2) Cold start to the window shown with the sample, as a whole process from ``python`` starting
    (``offerdesk gui --sample``, i.e. ``app.cli.main``), against a bare PySide6 QMainWindow process
    measured in the same run, the processes interleaved. "Shown" means: the window is exposed and
    painted with the sample's first section form filled in (the paint pass that painted the form
    is over). The bare window is shown and painted the same way. The window paints before the
    letter is validated (pydantic and the letter model load after the first paint), and the preview
    renders on its worker after that; the times until the letter is checked (section states and
    Problems shown) and until the preview shows the letter are printed too.
    Target: ratio at most 2.5.
(3) Peak resident memory (``ru_maxrss`` of the child) of ``offerdesk gui --sample`` up to shown and
    the preview rendered; and, for information, of the same after the Calculations tab has been
    opened once (that pane loads the trading calendars and pandas). Target: the first at most 150 MB.

The children run with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` removed, ``.pyc`` files in a
private ``PYTHONPYCACHEPREFIX`` folder filled by one warm-up run of each child), as for an installed
application; "cold" means a new process, not an empty disk cache.
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

# Marks "shown" as app.ui.app.wait_until_painted does: the first paint event on the exposed window,
# then a zero-time timer, which runs once that paint pass is over.
BARE_WINDOW = (
    "import time\n"
    "from PySide6.QtCore import QEvent, QObject, QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "w = QMainWindow()\n"
    "w.resize(1366, 768)\n"
    "class Painted(QObject):\n"
    "    def eventFilter(self, obj, event):\n"
    "        if event.type() == QEvent.Type.Paint and obj.windowHandle().isExposed():\n"
    "            obj.removeEventFilter(self)\n"
    "            QTimer.singleShot(0, app.quit)\n"
    "        return False\n"
    "painted = Painted()\n"
    "w.installEventFilter(painted)\n"
    "w.show()\n"
    "app.exec()\n"
    "print(f'shown {time.monotonic():.6f}', flush=True)\n"
    "w.close()\n"
)
OFFERDESK_COMMAND = (
    "import sys\n"
    "from app.cli import main\n"
    "sys.exit(main(['gui', '--sample', '--quit-after-show', '--size', '1366x768']))\n"
)
# The same window started without the command-line layer.
WINDOW_ONLY = (
    "import sys\n"
    "from app.ui.app import GuiOptions, run\n"
    "sys.exit(run(GuiOptions(sample=True, quit_after_show=True, size=(1366, 768))))\n"
)
# The command's start, then the Calculations tab opened once (for its memory).
WITH_CALCULATIONS = (
    "import sys, time\n"
    "import app.cli\n"
    "from app.ui.app import application, wait_for_preview, wait_until_painted\n"
    "from app.ui.main_window import MainWindow\n"
    "qt = application()\n"
    "w = MainWindow(sample=True, check_after_paint=True)\n"
    "w.remember_layout = False\n"
    "w.resize(1366, 768)\n"
    "w.apply_default_sizes()\n"
    "w.show()\n"
    "shown = wait_until_painted(w.forms[w.current_section_key()].widget())\n"
    "assert shown is not None\n"
    "print(f'shown {shown:.6f}', flush=True)\n"
    "wait_for_preview(w)\n"
    "print(f'preview {time.monotonic():.6f}', flush=True)\n"
    "w.side_tabs.setCurrentIndex(1)\n"
    "calculations = wait_until_painted(w.calc_pane)\n"
    "assert calculations is not None\n"
    "print(f'calculations {calculations:.6f}', flush=True)\n"
    "w.close()\n"
)
# Where the window's start goes: each mark is printed when its step is done, the imports in the
# order the command makes them. The window paints before pydantic and the letter model load; the
# first check of the letter (which loads them) comes after the first paint, as in `offerdesk gui`.
BREAKDOWN = (
    "import time\n"
    "def mark(step): print(step, time.monotonic(), flush=True)\n"
    "mark('python started')\n"
    "import app.cli\n"
    "mark('app.cli (argument parsing)')\n"
    "import PySide6.QtWidgets\n"
    "mark('PySide6.QtWidgets')\n"
    "from app.ui.app import application, wait_until_painted\n"
    "mark('the window modules (Qt enums, forms)')\n"
    "qt = application()\n"
    "mark('QApplication + style sheet')\n"
    "from app.ui.main_window import MainWindow\n"
    "w = MainWindow(sample=True, check_after_paint=True)\n"
    "w.remember_layout = False\n"
    "w.resize(1366, 768)\n"
    "w.apply_default_sizes()\n"
    "mark('MainWindow() with the first form')\n"
    "w.show()\n"
    "from app.ui.main_window import AfterFirstPaint\n"
    "AfterFirstPaint(w.forms[w.current_section_key()].widget(), lambda: mark('show + first paint pass'))\n"
    "while not w.document.checked: qt.processEvents()\n"
    "mark('check: pydantic, the letter model, validation')\n"
    "w.close()\n"
)
CHILDREN = {"bare": BARE_WINDOW, "command": OFFERDESK_COMMAND, "window": WINDOW_ONLY}


def run_child(code: str, env: dict[str, str]) -> dict[str, float]:
    """Run ``code`` in a new Python: seconds from launching it to each mark it prints (``shown``,
    ``preview``, ...) and to its exit (``exit``), and its peak resident memory in MB (``mb``)."""
    start = time.monotonic()
    child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    ended = time.monotonic()
    child.stdout.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"benchmark child failed with exit code {child.returncode}: {output}")
    marks = {name: float(value) - start for name, _, value in (line.rpartition(" ") for line in output.splitlines())}
    return {**marks, "exit": ended - start, "mb": usage.ru_maxrss / 1024}  # Linux reports KiB


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
    parser.add_argument("--starts", type=int, default=11, help="cold starts of each process (default 11)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="offerdesk-bench-"))
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "OFFERDESK_CONFIG_DIR": str(folder / "config"), "OFFERDESK_DATA_DIR": str(folder / "data"),
           "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ.update({k: env[k] for k in ("QT_QPA_PLATFORM", "OFFERDESK_CONFIG_DIR", "OFFERDESK_DATA_DIR")})

    # Child processes first: a child forked from a process that already holds a window would
    # report that process's memory as its own peak.
    for code in (*CHILDREN.values(), WITH_CALCULATIONS):
        run_child(code, env)  # warm-up: writes the bytecode cache
    runs: dict[str, list[dict[str, float]]] = {key: [] for key in CHILDREN}
    keys = list(CHILDREN)
    for i in range(args.starts):
        for key in keys[i % len(keys):] + keys[: i % len(keys)]:  # rotate who goes first
            runs[key].append(run_child(CHILDREN[key], env))
    calc_runs = [run_child(WITH_CALCULATIONS, env) for _ in range(3)]
    breakdowns = [run_child(BREAKDOWN, env) for _ in range(5)]

    def median(key: str, mark: str) -> float:
        return statistics.median(r[mark] for r in runs[key])

    bare = median("bare", "shown")
    print(f"cold start to shown, {args.starts} interleaved runs each, medians (exit = the process ended):")
    print(f"  bare QMainWindow process:               {bare * 1000:6.0f} ms  "
          f"(exit {median('bare', 'exit') * 1000:.0f} ms)")
    for key, title in (("command", "offerdesk gui --sample"), ("window", "window only (app.ui.app.run)")):
        shown = median(key, "shown")
        print(f"  {title + ':':<39} {shown * 1000:6.0f} ms  ratio {shown / bare:5.2f} "
              f"(target <= {TARGET_START_RATIO}); letter checked at {median(key, 'checked') * 1000:.0f} ms, "
              f"preview filled in at {median(key, 'preview') * 1000:.0f} ms, "
              f"exit {median(key, 'exit') * 1000:.0f} ms")
    print(f"peak resident memory, medians (bare QMainWindow: {statistics.median(r['mb'] for r in runs['bare']):.0f} MB):")
    for key, title in (("command", "offerdesk gui --sample, shown + preview"),
                       ("window", "window only, shown + preview")):
        mb = statistics.median(r["mb"] for r in runs[key])
        print(f"  {title + ':':<50} {mb:6.1f} MB  (target <= {TARGET_RSS_MB:.0f})")
    calc_mb = statistics.median(r["mb"] for r in calc_runs)
    calc_ms = statistics.median(r["calculations"] - r["preview"] for r in calc_runs)
    met = median("command", "shown") / bare <= TARGET_START_RATIO
    met &= statistics.median(r["mb"] for r in runs["command"]) <= TARGET_RSS_MB
    print(f"  {'the same + Calculations tab opened once:':<50} {calc_mb:6.1f} MB  "
          f"(information; opening it took {calc_ms * 1000:.0f} ms)")
    print("where the window's start goes (5 more runs of the window, medians of each step):")
    previous = 0.0
    for step in (k for k in breakdowns[0] if k not in ("exit", "mb")):
        at = statistics.median(r[step] for r in breakdowns)
        print(f"  {step + ':':<42} {(at - previous) * 1000:6.1f} ms  (at {at * 1000:4.0f} ms)")
        previous = at
    sync_ms, preview_ms = keystrokes(args.repeat)
    sync, preview = statistics.median(sync_ms), statistics.median(preview_ms)
    print(f"keystroke, GUI thread (edit + validate + marks):  median {sync:6.2f} ms  "
          f"(max {max(sync_ms):.2f})  target <= {TARGET_KEYSTROKE_MS:.0f}")
    print(f"render start -> preview HTML set (no debounce): median {preview:6.2f} ms  "
          f"(max {max(preview_ms):.2f})  target <= {TARGET_KEYSTROKE_MS:.0f}")
    print(f"keystroke -> preview updated, sum of medians:    {sync + preview:6.2f} ms (+ {150} ms debounce)")
    met &= sync <= TARGET_KEYSTROKE_MS and preview <= TARGET_KEYSTROKE_MS
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
