"""A letter's own wording: the clause library's alternates it chose and the clauses it words itself.

Applied to the document model the templates rendered, so every output (preview, DOCX, text, the
redline and the Changes tab) shows the same words. A paragraph whose words are not the standard ones
is marked ``departs``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from app.documents import formatting
from app.documents.engine import RenderError, context_for
from app.documents.markup import MarkupError, runs
from app.documents.model import Block, Document, Paragraph, Run
from app.documents.pack import NONE, STANDARD, LibraryClause, Pack
from app.domain.clause_text import MISSING, pieces, value_at
from app.domain.letter import Letter


def chosen_alternate(letter: Letter, clause: LibraryClause) -> str:
    for item in letter.wording:
        if item.clause == clause.id and item.alternate:
            return item.alternate
    return clause.default


def _shown(value: Any) -> str:
    """A term's value as the letter prints it where no standard wording shows it."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return str(formatting.FILTERS["money"](value))
    if isinstance(value, date):
        return str(formatting.FILTERS["long_date"](value))
    return str(getattr(value, "value", value))


def term_texts(doc: Document) -> dict[str, str]:
    """Each term's text as the document first prints it."""
    out: dict[str, str] = {}
    for block in doc.blocks:
        for run in getattr(block, "runs", ()):
            if run.field and run.field not in out:
                out[run.field] = run.text
    return out


def own_runs(text: str, letter: Letter, printed: dict[str, str]) -> tuple[Run, ...]:
    """The runs of a clause the letter words itself: prose, and each ``[[path]]`` as its term."""
    out: list[Run] = []
    for piece, path in pieces(" ".join(text.split())):
        if path is None:
            out.append(Run(piece))
            continue
        shown = printed.get(path)
        if shown is None:
            value = value_at(letter, path)
            if value is MISSING:
                raise RenderError(f"wording: [[{path}]] names no term this letter has")
            shown = _shown(value)
        out.append(Run(shown, field=path))
    return tuple(out)


def _library_runs(clause: LibraryClause, alternate: str, letter: Letter, numbers: dict[str, int]) -> tuple[Run, ...]:
    template = clause.sources.get(alternate)
    if template is None:
        raise RenderError(f"clause {clause.id}: the pack has no alternate {alternate!r}; choose one of {', '.join(clause.alternates)}")
    text = template.render(context_for(letter))
    try:
        return runs(ET.fromstring(f"<p>{' '.join(text.split())}</p>"), numbers)
    except (ET.ParseError, MarkupError) as exc:
        raise RenderError(f"clauses/{clause.id}/{alternate}.txt: {exc}") from None


def apply_wording(doc: Document, letter: Letter, pack: Pack) -> Document:
    """``doc`` with the letter's alternates and own wording in place of the standard clauses."""
    own = {item.clause: item.text for item in letter.wording if item.text}
    chosen = {c.id: chosen_alternate(letter, c) for c in pack.clauses.values()}
    if not own and all(alt in (STANDARD, NONE) and alt == pack.clauses[cid].default for cid, alt in chosen.items()):
        return doc  # the standard letter: nothing to do
    numbers = {s.key: s.number for s in doc.sections}
    printed = term_texts(doc)
    added: dict[str, list[Paragraph]] = {}
    for clause in pack.clauses.values():
        alternate = chosen[clause.id]
        if clause.section and alternate != NONE and alternate != STANDARD:
            if clause.id in own:
                words = own_runs(own[clause.id], letter, printed)
            else:
                words = _library_runs(clause, alternate, letter, numbers)
            para = Paragraph(words, clause=clause.id, departs=True)
            added.setdefault(clause.section, []).append(para)
    ending = {s.end: s.key for s in doc.sections}
    blocks: list[Block] = []
    new_at: dict[int, int] = {}  # a block's index in doc -> in the result (where it is, or would be)
    for index, block in enumerate(doc.blocks):
        blocks += added.get(ending.get(index, ""), [])
        new_at[index] = len(blocks)
        if isinstance(block, Paragraph) and block.clause:
            reworded = _reworded(block, letter, pack, chosen, own, numbers, printed)
            if reworded is None:
                continue
            block = reworded
        blocks.append(block)
    blocks += added.get(ending.get(len(doc.blocks), ""), [])
    new_at[len(doc.blocks)] = len(blocks)
    sections = tuple(replace(s, start=new_at[s.start], end=new_at[s.end]) for s in doc.sections)
    return replace(doc, blocks=tuple(blocks), sections=sections)


def _reworded(
    block: Paragraph, letter: Letter, pack: Pack, chosen: dict[str, str], own: dict[str, str],
    numbers: dict[str, int], printed: dict[str, str],
) -> Paragraph | None:
    clause_id = block.clause or ""
    if clause_id in own:
        return replace(block, runs=own_runs(own[clause_id], letter, printed), departs=True)
    library = pack.clause_for(clause_id)
    if library is None or library.replaces != clause_id:
        return block
    alternate = chosen[library.id]
    if alternate == STANDARD:
        return block
    if alternate == NONE:
        return None
    return replace(block, runs=_library_runs(library, alternate, letter, numbers), departs=True)
