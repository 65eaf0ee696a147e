"""A template pack: the letter types and the clause library, in files a lawyer can read and edit.

A pack is a folder holding ``pack.toml`` (its name, letter types and clauses), the letter templates
and ``clauses/<clause>/<alternate>.txt``: one file of wording per named alternative. Loading a pack
checks every clause file: Jinja syntax, and every name it uses against the letter's terms, so that a
pack with an unknown field is refused with the file, the line and the name, and never renders.
"""

from __future__ import annotations

import copy
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes

from app.documents.engine import context_names, environment
from app.domain.data_files import pack_dir
from app.domain.fields import Kind, spec_for
from app.domain.file_format import FileFormatError, loads
from app.domain.sample import SAMPLE_TERMS

MANIFEST = "pack.toml"
STANDARD = "standard"  # the alternate that keeps the letter template's own wording
NONE = "none"  # the alternate that leaves a clause out


class PackError(ValueError):
    """The pack cannot be used. The message names the file, the line and what is wrong."""


@dataclass(frozen=True, slots=True)
class LetterType:
    name: str
    title: str
    starter: str  # "sample" or a letter file inside the pack


@dataclass(frozen=True, slots=True)
class LibraryClause:
    """A clause of the library with its named alternates (name -> label) and their wording."""

    id: str
    title: str
    default: str
    alternates: dict[str, str]
    sources: dict[str, jinja2.Template]  # alternate -> its compiled wording (not standard / none)
    replaces: str | None  # the template paragraph it replaces, or
    section: str | None  # the section it is added to, at its end


@dataclass(frozen=True, slots=True)
class Pack:
    folder: Path
    name: str
    types: dict[str, LetterType]
    clauses: dict[str, LibraryClause]

    def clause_for(self, clause_id: str) -> LibraryClause | None:
        """The library clause that is, or replaces, the paragraph ``clause_id``."""
        for clause in self.clauses.values():
            if clause_id in (clause.id, clause.replaces):
                return clause
        return None


# {{ a.b.c ... }} printing a term: marked as the live term a.b.c (for click-to-field and the redline).
_PRINTED_TERM = re.compile(r"\{\{\s*([a-z_]+(?:\.[a-z_0-9]+)+)\s*((?:\|[^{}|]+)*)\}\}")


def _as_live_terms(source: str) -> str:
    def mark(m: re.Match[str]) -> str:
        path = m.group(1)
        shown = "letter" + path[4:] if path.startswith("info.") else path
        return f'{{{{ {path}{m.group(2).rstrip()}|at("{shown}") }}}}'

    return _PRINTED_TERM.sub(mark, source)


def _term_names(tree: nodes.Template) -> list[tuple[str, int]]:
    """Every dotted name (``compensation.base_salary``) the wording reads, with its line."""
    out: list[tuple[str, int]] = []
    inner = {id(g.node) for g in tree.find_all(nodes.Getattr)}
    for node in tree.find_all((nodes.Getattr, nodes.Name)):
        if id(node) in inner:
            continue  # part of a longer name, checked with it
        parts: list[str] = []
        cur: nodes.Node = node
        while isinstance(cur, nodes.Getattr):
            parts.append(cur.attr)
            cur = cur.node
        if isinstance(cur, nodes.Name) and cur.ctx == "load":
            parts.append(cur.name)
            out.append((".".join(reversed(parts)), node.lineno))
    return out


def _unknown_part(name: str, locals_: set[str]) -> str | None:
    """The first part of ``name`` that is no term of the letter (None: it is one)."""
    parts = name.split(".")
    if parts[0] in locals_ or parts[0] in environment().globals:
        return None
    if parts[0] not in context_names():
        return parts[0]
    path: tuple[str, ...] = ("letter" if parts[0] == "info" else parts[0],)
    for part in parts[1:]:
        spec = spec_for(path)
        if spec.kind not in (Kind.GROUP, Kind.GROUPS):
            return part  # an attribute of a plain value: no term has it
        try:
            spec_for((*path, part))
        except KeyError:
            return part
        path = (*path, part)
    return None


def _compile(path: Path, folder: Path) -> jinja2.Template:
    where = path.relative_to(folder)
    source = path.read_text(encoding="utf-8")
    env = environment(folder)
    try:
        tree = env.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        raise PackError(f"{where}, line {exc.lineno}: {exc.message}") from None
    locals_ = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    for name, line in _term_names(tree):
        unknown = _unknown_part(name, locals_)
        if unknown is not None:
            raise PackError(
                f"{where}, line {line}: unknown field {name!r} ({unknown!r} is no term of the letter); "
                "use a term's name as `offerdesk check` prints it"
            )
    try:
        return env.from_string(_as_live_terms(source))
    except jinja2.TemplateSyntaxError as exc:  # an unknown filter, found when compiled
        raise PackError(f"{where}, line {exc.lineno}: {exc.message}") from None


def _manifest(folder: Path) -> dict[str, object]:
    path = folder / MANIFEST
    if not folder.is_dir():
        raise PackError(f"{folder}: no such folder; a template pack is a folder with a {MANIFEST}")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:  # bare templates: a pack with no letter types and no clause library
        return {"pack": {"name": folder.name}}
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{MANIFEST}: {exc}") from None


def _table(value: object, where: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise PackError(f"{MANIFEST}: {where} must be a table")
    return value


def _text(table: dict[str, object], key: str, where: str, default: str | None = None) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not value:
        raise PackError(f"{MANIFEST}: {where} needs {key} = \"...\"")
    return value


def load_pack(folder: Path | None = None) -> Pack:
    """The pack in ``folder`` (default: the pack in use), checked. Raises :class:`PackError`."""
    return _load_pack(folder or pack_dir())


@lru_cache(maxsize=4)
def _load_pack(folder: Path) -> Pack:
    raw = _manifest(folder)
    name = _text(_table(raw.get("pack", {}), "[pack]"), "name", "[pack]")
    types: dict[str, LetterType] = {}
    for key, entry in _table(raw.get("types", {}), "[types]").items():
        table = _table(entry, f"[types.{key}]")
        starter = _text(table, "starter", f"[types.{key}]")
        if starter != "sample" and not (folder / starter).is_file():
            raise PackError(f"{MANIFEST}: [types.{key}] starter {starter!r} is no file of the pack")
        types[key] = LetterType(key, _text(table, "title", f"[types.{key}]"), starter)
    clauses: dict[str, LibraryClause] = {}
    for key, entry in _table(raw.get("clauses", {}), "[clauses]").items():
        where = f'[clauses."{key}"]'
        table = _table(entry, where)
        alternates = {str(k): str(v) for k, v in _table(table.get("alternates"), f"{where} alternates").items()}
        default = _text(table, "default", where)
        if default not in alternates:
            raise PackError(f"{MANIFEST}: {where} default {default!r} is not one of its alternates")
        replaces, section = table.get("replaces"), table.get("section")
        if (replaces is None) == (section is None):
            raise PackError(f"{MANIFEST}: {where} needs either replaces = \"CLAUSE\" or section = \"KEY\"")
        sources: dict[str, jinja2.Template] = {}
        for alternate in alternates:
            if alternate in (STANDARD, NONE):
                continue
            path = folder / "clauses" / key / f"{alternate}.txt"
            if not path.is_file():
                raise PackError(f"{MANIFEST}: {where} alternate {alternate!r} has no wording: add {path.relative_to(folder)}")
            sources[alternate] = _compile(path, folder)
        clauses[key] = LibraryClause(
            key, _text(table, "title", where), default, alternates, sources,
            str(replaces) if replaces else None, str(section) if section else None,
        )
    return Pack(folder, name, types, clauses)


def starting_draft(type_name: str, folder: Path | None = None) -> dict[str, Any]:
    """The terms a new letter of the pack's letter type ``type_name`` starts with (a draft), its type
    stored in it. Raises :class:`PackError` naming the types there are."""
    pack = load_pack(folder)
    folder = pack.folder
    kind = pack.types.get(type_name)
    if kind is None:
        names = ", ".join(pack.types) or "none"
        raise PackError(f"no letter type {type_name!r} in the pack {pack.name!r}; its types: {names}")
    if kind.starter == "sample":
        draft = copy.deepcopy(SAMPLE_TERMS)
    else:
        try:
            draft = loads((folder / kind.starter).read_text(encoding="utf-8")).draft
        except (OSError, FileFormatError) as exc:
            raise PackError(f"{kind.starter}: {exc}") from None
    draft.setdefault("letter", {})["letter_type"] = type_name
    return draft
