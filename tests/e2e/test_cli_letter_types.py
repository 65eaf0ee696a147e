"""The real ``offerdesk`` command: letter types (``new --type``) and template packs (``--pack``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from app.domain.data_files import TEMPLATES_DIR
from tests.e2e.test_cli_letter import assert_one_line_failure, offerdesk


def test_new_type_list_names_the_pack_s_letter_types(tmp_path: Path) -> None:
    result = offerdesk("new", "--type", "list", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["offer", "short-form", "promotion"]


def test_new_type_writes_a_letter_of_that_type_that_checks_and_renders(tmp_path: Path) -> None:
    target = tmp_path / "short.offer.json"
    result = offerdesk("new", "--type", "short-form", "-o", target, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    draft = json.loads(target.read_text(encoding="utf-8"))["draft"]
    assert draft["letter"]["letter_type"] == "short-form"
    assert "covenants" not in draft
    assert offerdesk("check", target, cwd=tmp_path).returncode == 0
    text = offerdesk("render", target, "--format", "text", cwd=tmp_path)
    assert text.returncode == 0 and "at will" in text.stdout and "Exhibit A" not in text.stdout
    assert_one_line_failure(offerdesk("new", "--type", "long-form", cwd=tmp_path), "no letter type 'long-form'", "promotion")


def test_a_broken_pack_is_refused_naming_file_line_and_field(tmp_path: Path) -> None:
    pack = tmp_path / "firm-pack"
    shutil.copytree(TEMPLATES_DIR, pack)
    (pack / "clauses" / "garden_leave" / "paid.txt").write_text(
        "During notice\nyou keep {{ compensation.base_wage|money }}.\n", encoding="utf-8"
    )
    letter = tmp_path / "a.offer.json"
    assert offerdesk("new", "--sample", "-o", letter, cwd=tmp_path).returncode == 0
    assert_one_line_failure(
        offerdesk("--pack", pack, "render", letter, "--format", "text", cwd=tmp_path),
        "clauses/garden_leave/paid.txt, line 2", "unknown field 'compensation.base_wage'",
    )
    (pack / "clauses" / "garden_leave" / "paid.txt").write_text("Firm garden leave: {{ company.name }}.", encoding="utf-8")
    draft = json.loads(letter.read_text(encoding="utf-8"))
    draft["draft"]["wording"] = [{"clause": "garden_leave", "alternate": "paid"}]
    letter.write_text(json.dumps(draft), encoding="utf-8")
    result = offerdesk("--pack", pack, "render", letter, "--format", "text", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Firm garden leave: MIM Corporation." in result.stdout
