"""The built bundle, not the source: the `offerdesk` program of packaging/build_linux.sh, run from a
folder outside the source tree, with no path to the source and no virtualenv.

.ci/test builds the bundle once and names it in OFFERDESK_BUNDLE; without it, this module builds one
in a temporary folder (about a minute).
"""

from __future__ import annotations

import csv
import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from app.domain.embedded_terms import read_embedded_terms

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("OFFERDESK_BUNDLE")
    if given:
        return Path(given)
    build = tmp_path_factory.mktemp("bundle-build")
    env = {**os.environ, "DIST": str(build / "dist"), "WORK": str(build / "work")}
    subprocess.run(["bash", str(REPO / "packaging" / "build_linux.sh")], cwd=REPO, env=env, check=True,
                   capture_output=True, timeout=900)
    return build / "dist" / "offerdesk"


@pytest.fixture
def run(bundle: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Run the bundle's program in tmp_path, with an environment that knows nothing of the source."""
    assert not tmp_path.is_relative_to(REPO) and not bundle.is_relative_to(REPO / "app")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update({"QT_QPA_PLATFORM": "offscreen", "OFFERDESK_CONFIG_DIR": str(tmp_path / "config"),
                "OFFERDESK_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"})

    def offerdesk(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(bundle / "offerdesk"), *map(str, args)], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=180, check=False)

    return offerdesk


def test_the_bundle_holds_its_data_files_and_desktop_integration(bundle: Path) -> None:
    data = bundle / "_internal"
    for name in ("templates/offer.xml.j2", "resources/reference.docx", "resources/letter_fields.json"):
        assert (data / name).is_file(), name
    plugins = data / "PySide6" / "Qt" / "plugins" / "platforms"
    assert (plugins / "libqoffscreen.so").is_file() and (plugins / "libqxcb.so").is_file()
    assert (bundle / "install.sh").is_file()
    desktop = (bundle / "share" / "offerdesk.desktop").read_text()
    assert "MimeType=application/x-offerdesk-letter;" in desktop and "Exec=offerdesk gui %f" in desktop
    assert 'glob pattern="*.offer.json"' in (bundle / "share" / "offerdesk-mime.xml").read_text()


def test_new_render_check_and_batch_from_the_bundle(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("new", "--sample", "-o", "sample.offer.json").returncode == 0
    rendered = run("render", "sample.offer.json", "-o", "sample.docx")
    assert rendered.returncode == 0, rendered.stderr
    assert read_embedded_terms((tmp_path / "sample.docx").read_bytes()).edited is False
    checked = run("check", "sample.docx")
    assert checked.returncode == 0 and "sample.docx: no problems" in checked.stdout
    reviewed = run("review", "sample.offer.json")
    assert reviewed.returncode in (0, 1) and "Traceback" not in reviewed.stderr, reviewed.stderr
    with (tmp_path / "terms.csv").open("w", newline="") as f:
        csv.writer(f).writerows([["candidate.full_name", "compensation.base_salary"], ["Jane Doe", "350000"],
                                 ["Bob Roe", "360000"]])
    batch = run("batch", "terms.csv", "--template", "sample.offer.json", "-o", "letters", "--jobs", "2")
    assert batch.returncode == 0, batch.stderr
    assert sorted(p.name for p in (tmp_path / "letters").iterdir()) == [
        "0002-Jane-Doe.docx", "0003-Bob-Roe.docx", "summary.csv"]


def test_gui_screenshot_offscreen_from_the_bundle(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shot = run("gui", "--sample", "--screenshot", "window.png", "--size", "1366x768")
    assert shot.returncode == 0, shot.stderr
    image = QImage(str(tmp_path / "window.png"))
    assert (image.width(), image.height()) == (1366, 768)
    # Not a blank picture: the window drew its forms and preview.
    colours = {image.pixel(x, y) for x in range(0, 1366, 37) for y in range(0, 768, 23)}
    assert len(colours) > 10


def test_install_script_installs_for_the_user_and_removes_cleanly(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    subprocess.run(["bash", str(bundle / "install.sh")], env=env, check=True, capture_output=True, timeout=300)
    local = home / ".local"
    desktop = (local / "share" / "applications" / "offerdesk.desktop").read_text()
    assert f"Exec={local}/lib/offerdesk/offerdesk gui %f" in desktop
    assert (local / "share" / "mime" / "packages" / "offerdesk.xml").is_file()
    assert (local / "share" / "icons" / "hicolor" / "scalable" / "apps" / "offerdesk.svg").is_file()
    linked = subprocess.run([str(local / "bin" / "offerdesk"), "new", "--sample"], env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=120, check=True)
    assert '"format": "offerdesk.letter"' in linked.stdout
    subprocess.run(["bash", str(local / "lib" / "offerdesk" / "install.sh"), "--uninstall"], env=env, check=True,
                   capture_output=True, timeout=120)
    assert not (local / "lib" / "offerdesk").exists() and not (local / "bin" / "offerdesk").exists()
