"""A real crash: the editor process is killed after an edit; a new window recovers the edit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from app.domain.file_format import dumps, new_file
from app.domain.sample import SAMPLE_TERMS
from app.storage.recovery import RecoveryStore
from app.ui.app import application
from app.ui.main_window import MainWindow
from app.ui.prompts import SaveChoice

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def test_killed_editor_recovers_the_edit(tmp_path: Path) -> None:
    letter = tmp_path / "lusk.offer.json"
    letter.write_text(dumps(new_file(SAMPLE_TERMS)), encoding="utf-8")
    data, config = tmp_path / "data", tmp_path / "config"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OFFERDESK_DATA_DIR": str(data),
        "OFFERDESK_CONFIG_DIR": str(config),
        "OFFERDESK_TEST_EDIT": "compensation.base_salary=325000",
    }
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))", "gui", str(letter)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while not list((data / "recovery").glob("*.recovery.json")):
            assert child.poll() is None, child.stderr.read().decode() if child.stderr else ""
            assert time.monotonic() < deadline, "no recovery file appeared"
            time.sleep(0.1)
        time.sleep(0.2)  # the autosave is an atomic rename: once the file is there it is whole
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL
    assert (tmp_path / ".~lusk.offer.json.lock").exists()  # the killed process left its lock behind

    os.environ["OFFERDESK_NO_OPEN"] = "1"
    app = application()
    window = MainWindow(config_dir=config, recovery=RecoveryStore(data / "recovery"), native_dialogs=False,
                        open_exports=False)
    asked: list[str] = []

    class Accept:
        native_dialogs = False

        def recover(self, entry):  # noqa: ANN001, ANN201
            asked.append(entry.title)
            return True

        def save_changes(self, name):  # noqa: ANN001, ANN201
            return SaveChoice.DISCARD

    window.prompts = Accept()  # type: ignore[assignment]
    try:
        assert window.offer_recovery() == []
        assert asked == ["lusk"]
        assert window.document.value(("compensation", "base_salary")) == "325000"
        assert window.editor(("compensation", "base_salary")).edit.text() == "$325,000.00"
        assert window.document.file_path == letter
        assert window.isWindowModified()
        assert not window.document.read_only  # the dead process's lock was taken over
        assert RecoveryStore(data / "recovery").pending() == []
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        os.environ.pop("OFFERDESK_NO_OPEN", None)
