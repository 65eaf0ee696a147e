"""The ``offerdesk gui`` start loads only what the window needs before it is shown.

The window lays out and paints its first form from the field table (:mod:`app.domain.fields`) and
the raw draft; pydantic and the letter model load just after, when the letter is first checked.
The calculation engine (trading calendars on pandas and numpy) and python-docx with lxml take longer
to import than the rest of the window together and most of its memory; they load when the
Calculations or Changes pane is first opened or a DOCX is written, never at start.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NOT_AT_START = ("pandas", "numpy", "exchange_calendars", "docx", "lxml")

# Runs the real command up to the window shown and its preview filled in, then lists what was imported.
_GUI_START = (
    "import sys\n"
    "from app.cli import main\n"
    "code = main(['gui', '--sample', '--quit-after-show'])\n"
    "print('modules', ' '.join(sorted(sys.modules)))\n"
    "sys.exit(code)\n"
)


def _run(code: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "OFFERDESK_CONFIG_DIR": str(tmp_path / "config"),
        "OFFERDESK_DATA_DIR": str(tmp_path / "data"),
    }
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=tmp_path, env=env, capture_output=True, text=True,
        encoding="utf-8", timeout=120, check=False,
    )


def _top_level_modules(stdout: str) -> set[str]:
    (line,) = [line for line in stdout.splitlines() if line.startswith("modules ")]
    return {name.partition(".")[0] for name in line.split()[1:]}


def test_gui_start_does_not_import_the_heavy_engines(tmp_path: Path) -> None:
    result = _run(_GUI_START, tmp_path)
    assert result.returncode == 0, result.stderr
    marks = [line.split()[0] for line in result.stdout.splitlines()]
    # The window was painted, then the letter checked, then the preview filled in.
    assert marks[:3] == ["shown", "checked", "preview"]
    loaded = _top_level_modules(result.stdout)
    assert {"PySide6", "pydantic", "app"} <= loaded  # the listing is real
    assert loaded.isdisjoint(NOT_AT_START), sorted(loaded & set(NOT_AT_START))


# The same command, with a second watcher on the paint pass the command waits for: it lists what
# had been imported when that pass was over.
_AT_FIRST_PAINT = (
    "import sys\n"
    "import app.ui.app as gui\n"
    "from app.ui.main_window import AfterFirstPaint\n"
    "wait = gui.wait_until_painted\n"
    "def watched(widget, timeout_ms=10000):\n"
    "    AfterFirstPaint(widget, lambda: print('painted', ' '.join(sorted(sys.modules)), flush=True))\n"
    "    return wait(widget, timeout_ms)\n"
    "gui.wait_until_painted = watched\n"
    "from app.cli import main\n"
    "code = main(['gui', '--sample', '--quit-after-show'])\n"
    "print('modules', ' '.join(sorted(sys.modules)))\n"
    "sys.exit(code)\n"
)


def test_the_window_is_painted_before_pydantic_and_the_letter_model_load(tmp_path: Path) -> None:
    result = _run(_AT_FIRST_PAINT, tmp_path)
    assert result.returncode == 0, result.stderr
    (painted,) = [line for line in result.stdout.splitlines() if line.startswith("painted ")]
    at_paint = set(painted.split()[1:])
    assert {"PySide6.QtWidgets", "app.ui.main_window", "app.ui.editors"} <= at_paint  # the listing is real
    assert not {"pydantic", "pydantic_core", "app.domain.letter", "app.domain.rules"} & at_paint
    at_exit = set(_top_level_modules(result.stdout))
    assert "pydantic" in at_exit  # the letter was checked after that paint


def test_building_the_command_line_imports_no_engine(tmp_path: Path) -> None:
    code = "import sys\nimport app.cli\napp.cli.build_parser()\nprint('modules', ' '.join(sorted(sys.modules)))\n"
    result = _run(code, tmp_path)
    assert result.returncode == 0, result.stderr
    loaded = _top_level_modules(result.stdout)
    assert loaded.isdisjoint((*NOT_AT_START, "PySide6", "jinja2")), sorted(loaded)


def test_calc_help_still_names_every_kind_of_termination(tmp_path: Path) -> None:
    from app.calc import ScenarioKind

    result = _run("import sys\nfrom app.cli import main\nsys.exit(main())\n", tmp_path, "calc", "--help")
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert all(kind.value in text for kind in ScenarioKind), text


def test_compiled_templates_are_cached_between_runs_and_follow_edits(tmp_path: Path) -> None:
    """The preview's first render reads compiled templates from the cache a previous process left,
    and a template edited since is compiled again, not served stale."""
    templates = tmp_path / "templates"
    templates.mkdir()
    main = templates / "main.xml.j2"
    code = (
        "import sys\n"
        "from app.documents import engine\n"
        "env = engine.environment(engine.Path(sys.argv[1]))\n"
        "cache = env.bytecode_cache\n"
        "assert isinstance(cache, engine.jinja2.FileSystemBytecodeCache)\n"
        "_, filename, _ = env.loader.get_source(env, 'main.xml.j2')\n"
        "entry = engine.Path(cache.directory, cache.pattern % cache.get_cache_key('main.xml.j2', filename))\n"
        "print(env.get_template('main.xml.j2').render(), entry)\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}

    def render() -> list[str]:
        result = subprocess.run(
            [sys.executable, "-c", code, str(templates)], cwd=REPO, env=env, capture_output=True, text=True,
            encoding="utf-8", timeout=120, check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.split()

    main.write_text("first", encoding="utf-8")
    text, entry = render()
    assert text == "first"
    written = Path(entry).stat().st_mtime_ns
    assert render()[0] == "first"
    assert Path(entry).stat().st_mtime_ns == written  # read back, not compiled and written again
    main.write_text("second", encoding="utf-8")
    assert render()[0] == "second"
