"""A corpus of bad letter files, generated: each case writes one file and says what a user must be told.

Two kinds of case:

* ``UNREADABLE``: the file is not a letter at all (wrong encoding, not JSON, hostile JSON, a newer
  or unknown schema version, a pipe or a device). Every command refuses it with exit status 2 and
  ``needle`` in its one-line message; the window refuses to open it.
* ``INVALID``: the file is a letter whose terms are wrong (a wrong type, an extreme date, a control
  character). ``check`` lists the errors (exit 1); ``render``, ``calc`` and ``compare`` refuse it
  (exit 2) naming the field; the window opens it and lists the problem.

``needle`` is a piece of the message that names the field or the problem.
"""

from __future__ import annotations

import copy
import gzip
import json
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.file_format import dumps, new_file
from app.domain.sample import sample_letter

UNREADABLE = "unreadable"
INVALID = "invalid"


@dataclass(frozen=True)
class BadInput:
    name: str
    kind: str  # UNREADABLE or INVALID
    needle: str
    write: Callable[[Path], None]

    def make(self, folder: Path) -> Path:
        path = folder / f"{self.name}.offer.json"
        self.write(path)
        return path


def _sample_file() -> dict[str, Any]:
    return json.loads(dumps(new_file(sample_letter())))


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _text(text: str) -> Callable[[Path], None]:
    # surrogatepass: some cases hold what no encoder would write.
    return lambda path: path.write_bytes(text.encode("utf-8", "surrogatepass"))


def _json(raw: Any) -> Callable[[Path], None]:
    return _text(json.dumps(raw))


def _with(dotted: str, value: Any) -> dict[str, Any]:
    """The sample letter file with the value at ``dotted`` (from the file's top, ``draft.`` for terms)."""
    raw = _sample_file()
    *parents, leaf = dotted.split(".")
    node: Any = raw
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    if isinstance(node, list):
        node[int(leaf)] = value
    else:
        node[leaf] = value
    return raw


def _with_json(dotted: str, json_text: str) -> Callable[[Path], None]:
    """As :func:`_with`, with the value given as raw JSON text (numbers too long for ``json.dumps``)."""
    marker = "@@value@@"
    text = json.dumps(_with(dotted, marker)).replace(json.dumps(marker), json_text)
    return _text(text)


def _sent(**changes: Any) -> dict[str, Any]:
    raw = _sample_file()
    version = {"name": "Sent to candidate", "sent_at": "2002-10-01T09:30:00", "terms": copy.deepcopy(raw["draft"])}
    version.update(changes)
    raw["sent_versions"] = [version]
    return raw


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.mkdir()


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays


def _symlink_to(target: str | Callable[[Path], Path]) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        os.symlink(target(path) if callable(target) else target, path)
    return write


def _link_to_fifo(path: Path) -> Path:
    pipe = path.with_name(path.name + ".pipe")
    os.mkfifo(pipe)
    return pipe


def _huge_sparse(path: Path) -> None:
    with open(path, "wb") as fh:
        fh.truncate(25 * 1024 * 1024)


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


def _cases() -> list[BadInput]:
    sample_text = json.dumps(_sample_file())
    u = UNREADABLE
    i = INVALID
    cases = [
        # ---- encodings and bytes that are not UTF-8 JSON
        BadInput("empty", u, "not valid JSON (line 1, column 1", _bytes(b"")),
        BadInput("utf16_bom", u, "not a UTF-8 text file", _bytes(sample_text.encode("utf-16"))),
        BadInput("utf16_be", u, "not a UTF-8 text file (it holds NUL bytes", _bytes(sample_text.encode("utf-16-be"))),
        BadInput("latin1", u, "not a UTF-8 text file",
                 _bytes(json.dumps(_with("draft.candidate.full_name", "José Müller"), ensure_ascii=False).encode("latin-1"))),
        BadInput("gzip", u, "not a UTF-8 text file", _bytes(gzip.compress(sample_text.encode()))),
        BadInput("random_bytes", u, "not a UTF-8 text file", _bytes(bytes(range(256)) * 4)),
        BadInput("nul_bytes", u, "not a UTF-8 text file (it holds NUL bytes", _bytes(b"\x00" * 64)),
        BadInput("overlong_utf8", u, "not a UTF-8 text file", _bytes(b'{"draft": "\xc0\xaf"}')),
        BadInput("encoded_surrogate", u, "not a UTF-8 text file", _bytes(b'{"draft": "\xed\xa0\x80"}')),
        # ---- not JSON, or not a letter's JSON
        BadInput("truncated", u, "not valid JSON", _text(sample_text[: len(sample_text) // 2])),
        BadInput("trailing_garbage", u, "not valid JSON", _text(sample_text + "}")),
        BadInput("top_list", u, "expected a JSON object", _json([1, 2, 3])),
        BadInput("top_null", u, "expected a JSON object", _text("null")),
        BadInput("other_format", u, "it is not an OfferDesk letter (format 'docx')", _json({**_sample_file(), "format": "docx"})),
        BadInput("draft_list", u, "draft", _json({**_sample_file(), "draft": []})),
        BadInput("unknown_envelope_key", u, "is not a known term", _json({**_sample_file(), "author": "me"})),
        BadInput("sent_versions_object", u, "sent_versions", _json({**_sample_file(), "sent_versions": {}})),
        BadInput("sent_version_no_name", u, "sent_versions[0].name", _json(_sent(name=""))),
        BadInput("sent_version_bad_terms", u, "sent_versions[0].terms.compensation.base_salary",
                 _json(_sent(terms={**_sample_file()["draft"], "compensation": {
                     **_sample_file()["draft"]["compensation"], "base_salary": "lots"}}))),
        # ---- schema versions
        BadInput("schema_newer", u, "written by a newer OfferDesk (schema version 999", _json({**_sample_file(), "schema_version": 999})),
        BadInput("schema_zero", u, "its schema version 0 is not valid", _json({**_sample_file(), "schema_version": 0})),
        BadInput("schema_string", u, "its schema version '1' is not valid", _json({**_sample_file(), "schema_version": "1"})),
        BadInput("schema_float", u, "its schema version 1.5 is not valid", _json({**_sample_file(), "schema_version": 1.5})),
        BadInput("schema_huge", u, "the number at schema_version has 5,000 digits",
                 _with_json("schema_version", "9" * 5000)),
        # ---- surrogates and control characters
        BadInput("surrogate_name", u, "the text of draft.candidate.full_name holds an unpaired surrogate",
                 _with_json("draft.candidate.full_name", '"James \\ud800 Lusk"')),
        BadInput("surrogate_duties", u, "the text of draft.position.duties holds an unpaired surrogate",
                 _with_json("draft.position.duties", '"\\udfff"')),
        BadInput("surrogate_key", u, "a name inside draft.company holds an unpaired surrogate",
                 _with_json("draft.company.\ud800", "1")),
        BadInput("surrogate_sent_name", u, "the text of sent_versions[0].name holds an unpaired surrogate",
                 _text(json.dumps(_sent(name="\ud800")))),
        BadInput("nul_in_name", i, "candidate.full_name: contains the invisible control character U+0000",
                 _json(_with("draft.candidate.full_name", "James\x00Lusk"))),
        BadInput("escape_in_duties", i, "position.duties: contains the invisible control character U+001B",
                 _json(_with("draft.position.duties", "\x1b[31mred\x1b[0m"))),
        BadInput("c1_in_address", i, "candidate.address_lines[0]: contains the invisible control character U+0085",
                 _json(_with("draft.candidate.address_lines", ["42 Colts\x85Glen Lane"]))),
        BadInput("line_break_in_line", i, "company.signatory_name: must be on one line",
                 _json(_with("draft.company.signatory_name", "Richard\nFriedman"))),
        BadInput("raw_control_in_json", u, "not valid JSON", _text(sample_text.replace("James", "Ja\x01mes"))),
        # ---- huge values
        BadInput("huge_int_salary", u, "the number at draft.compensation.base_salary has 5,000 digits",
                 _with_json("draft.compensation.base_salary", "9" * 5000)),
        BadInput("huge_int_shares", u, "the number at draft.equity.grants[0].shares has 21 digits",
                 _with_json("draft.equity.grants.0.shares", "1" + "0" * 20)),
        BadInput("huge_float", i, "compensation.base_salary: write money as a string",
                 _with_json("draft.compensation.base_salary", "1e400")),
        BadInput("nan_salary", i, "compensation.base_salary: write money as a string",
                 _with_json("draft.compensation.base_salary", "NaN")),
        BadInput("infinity_shares", i, "equity.grants[0].shares: must be a number, not infinity",
                 _with_json("draft.equity.grants.0.shares", "Infinity")),
        BadInput("money_string_many_digits", i, "compensation.base_salary:",
                 _json(_with("draft.compensation.base_salary", "9" * 400))),
        BadInput("long_name", i, "candidate.full_name: is too long: at most 300 characters",
                 _json(_with("draft.candidate.full_name", "J" * 30_000))),
        BadInput("many_address_lines", i, "candidate.address_lines: has too many entries",
                 _json(_with("draft.candidate.address_lines", ["line"] * 10_000))),
        BadInput("too_big_file", u, "far larger than any letter", _huge_sparse),
        # ---- deep values
        BadInput("deep_field", u, "the value of draft.position.title is nested more than 32 levels deep",
                 _with_json("draft.position.title", _deep(3000))),
        BadInput("deep_file", u, "its JSON is nested more than 32 levels deep", _text(_deep(100_000))),
        BadInput("deep_objects", u, "the value of draft.company.a.a.a.a is nested more than 32 levels deep",
                 _with_json("draft.company.a", '{"a": ' * 40 + "1" + "}" * 40)),
        BadInput("deep_sent_terms", u, "the value of sent_versions[0].terms is nested more than 32 levels deep",
                 _text(json.dumps(_sent(terms="@@")).replace('"@@"', _deep(50)))),
        BadInput("shallow_nesting_unknown_term", i, "company.extra: is not a known term",
                 _with_json("draft.company.extra", _deep(20))),
        # ---- extreme and impossible dates
        BadInput("start_year_1", i, "position.start_date: must be between 1900-01-01 and 2199-12-31",
                 _json(_with("draft.position.start_date", "0001-01-01"))),
        BadInput("start_year_9999", i, "position.start_date: must be between 1900-01-01 and 2199-12-31",
                 _json(_with("draft.position.start_date", "9999-12-31"))),
        BadInput("rights_date_2200", i, "termination.change_of_control.rights_agreement_date: must be between",
                 _json(_with("draft.termination.change_of_control.rights_agreement_date", "2200-01-01"))),
        BadInput("february_30", i, "position.start_date: must be a date written YYYY-MM-DD",
                 _json(_with("draft.position.start_date", "2002-02-30"))),
        BadInput("year_10000", i, "position.start_date: must be a date written YYYY-MM-DD",
                 _json(_with("draft.position.start_date", "10000-01-01"))),
        BadInput("sent_at_9999", u, "sent_versions[0].sent_at: must be between 1900-01-01 and 2199-12-31",
                 _json(_sent(sent_at="9999-12-31T23:59:59"))),
        BadInput("sent_at_year_1_offset", u, "sent_versions[0].sent_at: must be between",
                 _json(_sent(sent_at="0001-01-01T00:00:00+23:59"))),
        # ---- wrong types
        BadInput("candidate_string", i, "candidate: must be a group of terms", _json(_with("draft.candidate", "Jim"))),
        BadInput("address_string", i, "candidate.address_lines: must be a list",
                 _json(_with("draft.candidate.address_lines", "42 Colts Glen Lane"))),
        BadInput("salary_bool", i, "compensation.base_salary:", _json(_with("draft.compensation.base_salary", True))),
        BadInput("shares_text", i, "equity.grants[0].shares: must be a whole number",
                 _json(_with("draft.equity.grants.0.shares", "many"))),
        BadInput("grants_object", i, "equity.grants: must be a list", _json(_with("draft.equity.grants", {"0": {}}))),
        BadInput("title_number", i, "position.title: must be text", _json(_with("draft.position.title", 42))),
        BadInput("missing_company", i, "company: is required", _json({**_sample_file(), "draft": {
            k: v for k, v in _sample_file()["draft"].items() if k != "company"}})),
        BadInput("unknown_term", i, "position.salary: is not a known term", _json(_with("draft.position.salary", "1"))),
        # ---- special files
        BadInput("fifo", u, "it is a named pipe (FIFO), not a letter file", _fifo),
        BadInput("folder", u, "it is a folder, not a letter", _folder),
        BadInput("socket", u, "it is a socket, not a letter file", _socket),
        BadInput("char_device", u, "it is a character device, not a letter file", _symlink_to("/dev/zero")),
        BadInput("link_to_fifo", u, "it is a named pipe (FIFO), not a letter file", _symlink_to(_link_to_fifo)),
        BadInput("dangling_link", u, "there is no such file", _symlink_to("/nonexistent/letter.offer.json")),
        BadInput("link_loop", u, "cannot be opened: the system reported: Too many levels of symbolic links",
                 _symlink_to(lambda path: path)),
    ]
    names = [case.name for case in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    return cases


BAD_INPUTS: list[BadInput] = _cases()
