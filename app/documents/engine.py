"""Render a letter: Jinja2 templates (sandboxed, StrictUndefined) -> markup -> the document model.

This is the one rendering path: every output (DOCX, text, preview, redline) starts from
:func:`render_document`.
"""

from __future__ import annotations

import contextlib
import re
import sys
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from app.documents import formatting
from app.documents.markup import MarkupError, parse
from app.documents.model import Document
from app.domain.data_files import TEMPLATES_DIR, pack_dir
from app.domain.letter import Letter, MarkPlacement

MAIN_TEMPLATE = "offer.xml.j2"


class RenderError(Exception):
    """A template could not be rendered. The message names the template file, line and variable."""

    def __init__(self, message: str, template: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.template = template
        self.line = line


def _at(value: Any, path: str) -> Markup:
    """Mark text as showing the letter term at ``path`` (for click-to-field and the redline)."""
    # Plain concatenation of escaped parts: Markup.format goes through string.Formatter, which was a
    # third of the template's render time.
    return Markup(f'<term path="{escape(path)}">{escape(value)}</term>')


def _fraction(numerator: int, denominator: int) -> str:
    return formatting.fraction_words(numerator, denominator)


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs, so a new process does not compile them again (about
    45 ms, the larger part of the first render). Entries are checked against the template's source
    and the Python version; a cache that cannot be written is simply not used."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    if sys.dont_write_bytecode:  # PYTHONDONTWRITEBYTECODE: no compiled templates written either
        return None
    try:
        return _BytecodeCache()  # a private folder per user in the temporary folder
    except (OSError, RuntimeError):  # RuntimeError: that folder is not safe to use
        return None


class _Sandbox(SandboxedEnvironment):
    """The sandbox, deciding each (type, attribute name) pair once.

    Jinja's rule (no ``_`` names, nothing internal to functions, frames, generators ...) depends only on
    the object's type and the name, yet it ran on every attribute a template reads: a quarter of a render.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        known = self._safe.get(key)
        if known is None:
            known = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return known


def environment(templates_dir: Path | None = None) -> SandboxedEnvironment:
    """The Jinja environment of a template pack's folder (default: the pack in use)."""
    return _environment(templates_dir or pack_dir())


@lru_cache(maxsize=4)
def _environment(templates_dir: Path) -> SandboxedEnvironment:
    env = _Sandbox(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        bytecode_cache=_bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
    )
    env.filters.update(formatting.FILTERS)
    env.filters["at"] = _at
    env.globals["fraction"] = _fraction
    env.globals["portion"] = formatting.portion_words
    return env


def _template_location(tb: TracebackType | None) -> tuple[str | None, int | None]:
    """The innermost template frame of a traceback (Jinja rewrites frames to template lines)."""
    found: tuple[str | None, int | None] = (None, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (Path(filename).name, tb.tb_lineno)
        tb = tb.tb_next
    return found


def context_for(letter: Letter) -> dict[str, Any]:
    """The variables a template sees: each top-level group of the letter by name."""
    ctx: dict[str, Any] = {name: getattr(letter, name) for name in Letter.model_fields}
    ctx["info"] = ctx.pop("letter")
    return ctx


def context_names() -> frozenset[str]:
    """The names a template (or a clause of a pack) may start a term with."""
    return frozenset(name if name != "letter" else "info" for name in Letter.model_fields)


def render_markup(letter: Letter, templates_dir: Path | None = None) -> str:
    """Render the templates for ``letter`` to markup text. Raises :class:`RenderError`."""
    templates_dir = templates_dir or pack_dir()
    env = environment(templates_dir)
    try:
        template = env.get_template(MAIN_TEMPLATE)
        return template.render(context_for(letter))
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(
            f"{exc.name or exc.filename}, line {exc.lineno}: template syntax error: {exc.message}",
            exc.name,
            exc.lineno,
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise RenderError(f"template {exc.name!r} not found in {templates_dir}") from None
    except (jinja2.UndefinedError, jinja2.exceptions.SecurityError, TypeError, AttributeError, ValueError) as exc:
        name, line = _template_location(sys.exc_info()[2])
        where = f"{name}, line {line}" if name else "template"
        detail = str(exc)
        var = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", detail)
        if var and isinstance(exc, jinja2.UndefinedError):
            missing = var.group(2) or var.group(1)
            detail = f"variable {missing!r} is undefined ({exc})"
        raise RenderError(f"{where}: {detail}", name, line) from None


def render_document(letter: Letter, templates_dir: Path | None = None) -> Document:
    """Render ``letter`` into the document model. Raises :class:`RenderError`."""
    from app.documents.clauses import apply_wording  # they build on this module
    from app.documents.pack import PackError, load_pack

    templates_dir = templates_dir or pack_dir()
    markup = render_markup(letter, templates_dir)
    try:
        doc = parse(markup)
    except MarkupError as exc:
        raise RenderError(f"{MAIN_TEMPLATE}: {exc}") from None
    try:
        pack = load_pack(templates_dir)
    except PackError as exc:
        raise RenderError(f"template pack {templates_dir}: {exc}") from None
    return _with_page_marks(apply_wording(doc, letter, pack), letter)


def _with_page_marks(document: Document, letter: Letter) -> Document:
    """The legend and document ID: not the letter's wording (no template holds them), but what every
    page prints in its header or footer."""
    options = letter.document_options
    if options is None:
        return document
    return replace(
        document,
        legend=options.legend_text if options.legend else "",
        document_id=options.document_id or "",
        marks_in_footer=options.placement is MarkPlacement.FOOTER,
    )


__all__ = ["RenderError", "render_document", "render_markup", "escape", "TEMPLATES_DIR"]
