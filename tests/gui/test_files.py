"""Saving, reopening, bad files, locked files, closing with unsaved changes, recovery, export."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import docx

from app.cli import main as cli_main
from app.domain.file_format import dumps, new_file
from app.domain.sample import SAMPLE_TERMS
from app.ui.crash import crash_report, private_values
from app.ui.prompts import SaveChoice
from tests.gui.test_editing import SALARY, open_sample, retype


def write_letter(path: Path, draft=None) -> Path:
    path.write_text(dumps(new_file(draft or SAMPLE_TERMS)), encoding="utf-8")
    return path


def test_save_and_reopen_keeps_everything_even_invalid_text(qtbot, make_main_window, tmp_path):
    window = open_sample(make_main_window())
    window.navigator.select_section("compensation")
    retype(qtbot, window.editor(SALARY).edit, "about 300k")
    window.prompts.paths = [tmp_path / "lusk"]
    assert window.save_as(tmp_path / "lusk.offer.json")
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("lusk[*]")
    window.close()
    other = make_main_window()
    assert other.open_path(tmp_path / "lusk.offer.json")
    assert other.document.value(SALARY) == "about 300k"
    assert other.editor(SALARY).edit.text() == "about 300k"
    assert other.navigator.states["compensation"].value == "error"
    assert other.recent.paths()[0] == (tmp_path / "lusk.offer.json").absolute()


def test_bad_file_explains_and_leaves_the_letter_alone(make_main_window, tmp_path):
    window = open_sample(make_main_window())
    window.document.edit(("position", "title"), "Chief Financial Officer", "Title(s)")
    bad = tmp_path / "broken.offer.json"
    bad.write_text("{ not json", encoding="utf-8")
    assert not window.open_path(bad)
    assert window.message_bar.isVisible() and window.message_bar.level == "error"
    assert "broken.offer.json cannot be opened" in window.message_bar.text.text()
    assert "not valid JSON" in window.message_bar.text.text()
    assert window.document.value(("position", "title")) == "Chief Financial Officer"
    newer = tmp_path / "newer.offer.json"
    newer.write_text(json.dumps({"format": "offerdesk.letter", "schema_version": 99, "draft": {}}), encoding="utf-8")
    assert not window.open_path(newer)
    assert "newer OfferDesk" in window.message_bar.text.text()
    assert window.document.value(("position", "title")) == "Chief Financial Officer"


def test_failed_save_keeps_the_old_file_and_says_why(make_main_window, tmp_path):
    path = write_letter(tmp_path / "letter.offer.json")
    before = path.read_bytes()
    window = make_main_window()
    assert window.open_path(path)
    window.document.edit(("position", "title"), "CFO", "Title(s)")
    folder = tmp_path / "letter.offer.json.d"
    folder.mkdir()
    assert not window.save_as(folder)
    assert window.message_bar.level == "error"
    assert "could not be saved" in window.message_bar.text.text() or "was not saved" in window.message_bar.text.text()
    assert path.read_bytes() == before
    assert window.isWindowModified()


def test_second_window_is_told_the_letter_is_in_use(make_main_window, tmp_path):
    path = write_letter(tmp_path / "shared.offer.json")
    first = make_main_window()
    assert first.open_path(path)
    second = make_main_window()
    second.prompts.read_only_answer = False
    assert not second.open_path(path)
    assert second.prompts.asked[-1][0] == "open_read_only"
    assert "is open in another OfferDesk window" in second.prompts.asked[-1][1]
    assert second.document.file_path is None
    second.prompts.read_only_answer = True
    assert second.open_path(path)
    assert second.document.read_only
    assert "(read-only)" in second.windowTitle()
    assert second.editor(SALARY).edit.isReadOnly()
    assert not second.save_action.isEnabled()
    second.editor(("equity",)).box.setChecked(False)
    assert second.document.value(("equity",)) is not None
    assert second.editor(("equity",)).box.isChecked()
    assert not second.isWindowModified()
    first.close()
    assert not (tmp_path / ".~shared.offer.json.lock").exists()


def test_closing_with_unsaved_changes_asks(make_main_window, tmp_path):
    window = open_sample(make_main_window())
    window.document.edit(("position", "title"), "CFO", "Title(s)")
    window.prompts.save_choice = SaveChoice.CANCEL
    assert not window.close()
    assert window.isVisible()
    window.prompts.save_choice = SaveChoice.SAVE
    window.prompts.paths = [tmp_path / "kept.offer.json"]
    assert window.close()
    assert json.loads((tmp_path / "kept.offer.json").read_text())["draft"]["position"]["title"] == "CFO"


def test_autosave_and_recovery_in_process(qtbot, make_main_window, data_dir):
    window = open_sample(make_main_window())
    window.document.edit(SALARY, "325000", "Base salary")
    qtbot.waitUntil(lambda: any((data_dir / "recovery").glob("*.recovery.json")), timeout=5000)
    saved = json.loads(next((data_dir / "recovery").glob("*.recovery.json")).read_text())
    assert "325000" in json.dumps(saved)


def test_export_docx_matches_the_cli_render(make_main_window, tmp_path):
    path = write_letter(tmp_path / "letter.offer.json")
    window = make_main_window()
    assert window.open_path(path)
    window.prompts.paths = [tmp_path / "from-gui.docx"]
    window._export_dialog("docx")
    assert (tmp_path / "from-gui.docx").exists()
    assert window.message_bar.text.text().startswith("Exported from-gui.docx")
    assert cli_main(["render", str(path), "-o", str(tmp_path / "from-cli.docx")]) == 0

    def text(p: Path) -> list[str]:
        return [para.text for para in docx.Document(io.BytesIO(p.read_bytes())).paragraphs]

    assert text(tmp_path / "from-gui.docx") == text(tmp_path / "from-cli.docx")


def test_export_is_refused_with_errors(make_main_window, tmp_path):
    window = open_sample(make_main_window())
    window.document.edit(SALARY, "", "Base salary")
    assert not window.export_docx(tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()
    assert window.message_bar.text.text().startswith("Fix 1 error first")


def test_mark_as_sent_records_a_version_and_sets_the_baseline(make_main_window, tmp_path):
    window = open_sample(make_main_window())
    window.mark_as_sent()
    assert [v.name for v in window.document.sent_versions] == ["Sent to candidate"]
    assert window.isWindowModified()
    assert window.side_tabs.currentWidget() is window.changes_tab
    assert window.changes_view.has_baseline
    window.save_as(tmp_path / "sent.offer.json")
    saved = json.loads((tmp_path / "sent.offer.json").read_text())
    assert saved["sent_versions"][0]["name"] == "Sent to candidate"


def test_crash_details_leave_out_private_data():
    draft = json.loads(json.dumps(SAMPLE_TERMS))
    try:
        raise ValueError("cannot handle James S. Lusk earning 300,000.00 at MIM Corporation")
    except ValueError as exc:
        report = crash_report(type(exc), exc, exc.__traceback__, private_values(draft))
    assert "Lusk" not in report and "300,000.00" not in report and "MIM Corporation" not in report
    assert "ValueError" in report and "test_files.py" in report and "PySide6" in report


def test_saving_clears_the_autosave(qtbot, make_main_window, data_dir, tmp_path):
    window = open_sample(make_main_window())
    window.document.edit(SALARY, "325000", "Base salary")
    window.autosave_now()
    assert list((data_dir / "recovery").glob("*.recovery.json"))
    assert window.save_as(tmp_path / "saved.offer.json")
    assert not list((data_dir / "recovery").glob("*.recovery.json"))


def test_recovery_can_be_discarded_or_left_for_later(make_main_window, data_dir):
    from app.storage.recovery import RecoveryStore

    crashed = RecoveryStore(data_dir / "recovery")
    crashed.save(dict(SAMPLE_TERMS), None, "Untitled letter")
    # As if written by a process that has ended: stamp it with the pid of a finished child.
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    record = json.loads(crashed.path.read_text())
    record["pid"] = int(finished.stdout)
    record["start"] = None
    crashed.path.write_text(json.dumps(record))
    window = make_main_window()
    assert len(window.recovery.pending()) == 1
    window.prompts.recover_answer = None
    window.offer_recovery()
    assert window.recovery.pending()
    window.prompts.recover_answer = False
    window.offer_recovery()
    assert window.recovery.pending() == []
    assert not window.isWindowModified()


def test_the_exported_docx_reopens_as_the_letter(make_main_window, tmp_path):
    window = open_sample(make_main_window())
    window.document.edit(SALARY, "325000", "Base salary")
    window.prompts.paths = [tmp_path / "lusk-sent.docx"]
    window._export_dialog("docx")
    sent = tmp_path / "lusk-sent.docx"
    assert sent.exists()
    other = make_main_window()
    other.prompts.paths = [sent]
    other.open_dialog()
    assert other.document.value(SALARY) == "325000"
    assert other.document.file_path is None and other.document.origin == sent.absolute()
    assert other.windowTitle().startswith("lusk-sent")
    assert other.message_bar.level == "info"
    assert "Opened the terms stored in lusk-sent.docx" in other.message_bar.text.text()
    # Saving never writes into the DOCX: it asks for a letter file beside it.
    other.prompts.paths = [None]
    assert not other.save()
    assert other.prompts.asked[-1] == ("save_path", tmp_path / "lusk-sent.offer.json")
    assert sent.read_bytes()[:2] == b"PK"


def test_a_docx_edited_since_export_opens_with_a_warning(make_main_window, tmp_path):
    window = open_sample(make_main_window())
    sent = tmp_path / "sent.docx"
    assert window.export_docx(sent)
    document = docx.Document(str(sent))
    document.paragraphs[-1].add_run("Signed subject to the changes we discussed.")
    document.save(str(sent))
    other = make_main_window()
    assert other.open_path(sent)
    assert other.message_bar.level == "warning"
    assert "sent.docx was edited after OfferDesk wrote it" in other.message_bar.text.text()
    assert other.document.value(SALARY) == SAMPLE_TERMS["compensation"]["base_salary"]


def test_a_docx_not_from_offerdesk_is_refused(make_main_window, tmp_path):
    window = open_sample(make_main_window())
    plain = tmp_path / "memo.docx"
    docx.Document().save(str(plain))
    assert not window.open_path(plain)
    assert window.message_bar.level == "error"
    assert "holds no OfferDesk terms" in window.message_bar.text.text()
    assert window.document.value(SALARY) == SAMPLE_TERMS["compensation"]["base_salary"]
