"""The redline: a word-level comparison of two rendered letters, as a document with tracked changes.

Two passes keep it fast. Blocks (paragraphs, headings, signature blocks) are aligned first on their
text with :class:`difflib.SequenceMatcher`; only the paragraphs that differ are then compared word by
word. Tokens are words, punctuation and whitespace, and a number such as ``$300,000.00`` or ``50.1%``
is one token, so an amount changes as a unit.

The result is an ordinary :class:`~app.documents.model.Document` whose runs, paragraphs and headings
carry :class:`~app.documents.model.Change` marks, so every writer (DOCX, preview HTML, text) can show
it. Equal and inserted text keep the current letter's formatting, deleted text the baseline's.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.documents.model import (
    Block,
    Change,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Run,
    Section,
    SignatureBlock,
)
from app.domain.problems import parse_path
from app.domain.sections import section_for_path

# A word with its inner punctuation ("$300,000.00", "non-qualified", "Company's", "50.1%"),
# a run of whitespace, or one other character.
_TOKEN = re.compile(r"[$€£]?\w+(?:[.,'’/-]\w+)*%?|\s+|\S")
# Below this share of equal words a changed paragraph reads better as deleted and re-inserted,
# unless it is a short line (a name, an address line), which reads best word by word.
_MIN_SIMILARITY = 0.3
_SHORT_LINE_WORDS = 6


class EditKind(StrEnum):
    INSERTED = "inserted"
    DELETED = "deleted"
    REPLACED = "replaced"


@dataclass(frozen=True, slots=True)
class TextChange:
    """One change in the redline, for next/previous navigation.

    Attributes:
        number: 1-based position among the redline's changes, in document order.
        block: index of the block holding it in the redline document's ``blocks``.
        kind: inserted, deleted or replaced text.
        old_text: the baseline's words ("" for an insertion).
        new_text: the current letter's words ("" for a deletion).
        section_key: the key of the numbered section it falls in, if any.
        mark: the number N of the preview's ``<a name="change-N">`` anchor where the change starts
            (:mod:`app.documents.html` numbers each changed paragraph or heading once, else each
            changed run); renumbered headings have anchors but are not changes of their own here.
        fields: the dotted paths of the letter terms its changed text shows (``compensation.base_salary``).
    """

    number: int
    block: int
    kind: EditKind
    old_text: str
    new_text: str
    section_key: str | None
    mark: int = 0
    fields: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Redline:
    """A redline document, its changes in document order, and the two documents compared."""

    document: Document
    changes: tuple[TextChange, ...]
    baseline: Document
    current: Document

    @property
    def change_count(self) -> int:
        return len(self.changes)


def redline(old: Document, new: Document) -> Redline:
    """Compare ``old`` (the baseline) with ``new`` and return the redline of ``new``."""
    builder = _Builder()
    old_blocks, new_blocks = old.blocks, new.blocks
    matcher = difflib.SequenceMatcher(None, [_key(b) for b in old_blocks], [_key(b) for b in new_blocks], False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                builder.equal(old_blocks[i1 + k], new_blocks[j1 + k], i1 + k, j1 + k)
        elif tag == "delete":
            builder.whole(old_blocks, range(i1, i2), Change.DELETED)
        elif tag == "insert":
            builder.whole(new_blocks, range(j1, j2), Change.INSERTED)
        else:
            builder.replace(old_blocks, new_blocks, range(i1, i2), range(j1, j2))
    blocks = tuple(builder.blocks)
    sections = _mapped(new.sections, builder.from_new)
    removed = _mapped(old.sections, builder.from_old)
    changes = tuple(_in_section(c, sections, removed) for c in builder.changes)
    document = Document(
        new.meta, new.letterhead, new.continuation, blocks, sections,
        letterhead_changes=header_redline(old.letterhead, new.letterhead),
        continuation_changes=header_redline(old.continuation, new.continuation),
        legend=new.legend, document_id=new.document_id, marks_in_footer=new.marks_in_footer,
    )
    return Redline(document, changes, old, new)


def header_redline(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[Paragraph, ...]:
    """Header lines (the letterhead, or the later pages' header) as paragraphs with tracked changes:
    a changed line word by word, an added or removed line whole. Empty when no line changed."""
    if old == new:
        return ()
    old_lines = [Paragraph((Run(line),)) for line in old]
    new_lines = [Paragraph((Run(line),)) for line in new]
    out: list[Paragraph] = []
    matcher = difflib.SequenceMatcher(None, old, new, False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += new_lines[j1:j2]
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(paired):
            out.append(Paragraph(_word_diff(old_lines[i1 + k], new_lines[j1 + k]).runs))
        out += [_mark_paragraph(p, Change.DELETED) for p in old_lines[i1 + paired : i2]]
        out += [_mark_paragraph(p, Change.INSERTED) for p in new_lines[j1 + paired : j2]]
    return tuple(out)


def tokens(text: str) -> list[str]:
    """The units the word diff compares: words (numbers whole), punctuation and whitespace."""
    return _TOKEN.findall(text)


def _key(block: Block) -> tuple[object, ...]:
    if isinstance(block, Paragraph):
        return ("p", block.style, block.label, block.text)
    if isinstance(block, Heading):
        return ("h", block.key, block.title)
    if isinstance(block, SignatureBlock):
        return ("s", block.align, block.text)
    return ("b",)


def _shape(block: Block) -> tuple[object, ...]:
    """What two blocks must share to be compared word by word rather than replaced whole."""
    if isinstance(block, Paragraph):
        return ("p", block.style)
    if isinstance(block, SignatureBlock):
        return ("s", len(block.lines))
    return ("h",) if isinstance(block, Heading) else ("b",)


def _text(block: Block) -> str:
    """A block's words; a page break has none (and no ``text``)."""
    return "" if isinstance(block, PageBreak) else block.text


def _marked(runs: Iterable[Run], change: Change) -> tuple[Run, ...]:
    return tuple(Run(r.text, r.bold, r.italic, r.underline, r.field, change) for r in runs)


def _mark_paragraph(p: Paragraph, change: Change) -> Paragraph:
    return Paragraph(_marked(p.runs, change), p.style, p.align, p.keep_with_next, p.label, change, p.anchor)


def _slice(runs: Sequence[Run], starts: Sequence[int], begin: int, end: int, change: Change | None) -> list[Run]:
    """The runs' text between character offsets ``begin`` and ``end``, with their formatting."""
    out: list[Run] = []
    for run, start in zip(runs, starts, strict=True):
        stop = start + len(run.text)
        if stop <= begin or start >= end:
            continue
        text = run.text[max(begin, start) - start : min(end, stop) - start]
        out.append(Run(text, run.bold, run.italic, run.underline, run.field, change))
    return out


def _offsets(runs: Sequence[Run]) -> list[int]:
    starts, at = [], 0
    for run in runs:
        starts.append(at)
        at += len(run.text)
    return starts


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    out: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if out:
            last = out[-1]
            if (last.bold, last.italic, last.underline, last.field, last.change) == (
                run.bold, run.italic, run.underline, run.field, run.change
            ):
                out[-1] = Run(last.text + run.text, run.bold, run.italic, run.underline, run.field, run.change)
                continue
        out.append(run)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _WordDiff:
    runs: tuple[Run, ...]
    edits: tuple[tuple[str, str], ...]  # (old words, new words) of each change
    similarity: float
    shortest: int  # words in the shorter of the two paragraphs

    @property
    def rewritten(self) -> bool:
        return self.similarity < _MIN_SIMILARITY and self.shortest > _SHORT_LINE_WORDS


def _word_diff(old: Paragraph, new: Paragraph) -> _WordDiff:
    old_text, new_text = old.text, new.text
    # Only the words between the common head and tail are tokenized and compared: a long clause
    # usually differs in a few words, and SequenceMatcher is quadratic in repeated tokens (spaces).
    head = _common_head(old_text, new_text)
    tail = _common_tail(old_text, new_text, head)
    old_end, new_end = len(old_text) - tail, len(new_text) - tail
    old_tokens, new_tokens = tokens(old_text[head:old_end]), tokens(new_text[head:new_end])
    old_at, new_at = _positions(old_tokens, head), _positions(new_tokens, head)
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, False)
    opcodes = _cleanup(matcher.get_opcodes(), old_tokens)
    old_starts, new_starts = _offsets(old.runs), _offsets(new.runs)
    runs = _slice(new.runs, new_starts, 0, head, None)
    edits: list[tuple[str, str]] = []
    kept_words = len(old_text[:head].split()) + len(old_text[old_end:].split())
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            runs += _slice(new.runs, new_starts, new_at[j1], new_at[j2], None)
            kept_words += sum(1 for t in old_tokens[i1:i2] if not t.isspace())
            continue
        runs += _slice(old.runs, old_starts, old_at[i1], old_at[i2], Change.DELETED)
        runs += _slice(new.runs, new_starts, new_at[j1], new_at[j2], Change.INSERTED)
        edits.append((old_text[old_at[i1] : old_at[i2]], new_text[new_at[j1] : new_at[j2]]))
    runs += _slice(new.runs, new_starts, new_end, len(new_text), None)
    # The share of words (not spaces, which always match) the two paragraphs have in common.
    old_words, new_words = len(old_text.split()), len(new_text.split())
    words = old_words + new_words
    similarity = 2 * kept_words / words if words else 1.0
    return _WordDiff(_merge(runs), tuple(edits), similarity, min(old_words, new_words))


def _boundary(text: str, at: int) -> bool:
    """Whether a token boundary falls at ``at``: tokens never mix space and non-space characters."""
    return at == 0 or at == len(text) or text[at - 1].isspace() != text[at].isspace()


def _common_head(a: str, b: str) -> int:
    """The length of the longest common prefix of ``a`` and ``b`` that ends at a token boundary."""
    low, high = 0, min(len(a), len(b))
    while low < high:  # binary search: slices compare in C
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    while low > 0 and not (_boundary(a, low) and _boundary(b, low)):
        low -= 1
    return low


def _common_tail(a: str, b: str, head: int) -> int:
    """The length of the longest common suffix after ``head`` that starts at a token boundary."""
    low, high = 0, min(len(a), len(b)) - head
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle :] == b[len(b) - middle :]:
            low = middle
        else:
            high = middle - 1
    while low > 0 and not (_boundary(a, len(a) - low) and _boundary(b, len(b) - low)):
        low -= 1
    return low


def _positions(toks: Sequence[str], at: int = 0) -> list[int]:
    """The character offset of each token's start (and of the end), counting from ``at``."""
    out = [at]
    for tok in toks:
        at += len(tok)
        out.append(at)
    return out


def _cleanup(
    opcodes: Sequence[tuple[str, int, int, int, int]], old_tokens: Sequence[str]
) -> list[tuple[str, int, int, int, int]]:
    """Fold a lone space (or punctuation mark) between two edits into them, then join adjacent edits.

    Without this, "the Chief Financial Officer" -> "a Vice President" reads as three separate
    word swaps around kept spaces, which no lawyer would mark up that way.
    """
    marked = []
    for index, op in enumerate(opcodes):
        tag, i1, i2, _, _ = op
        between_edits = (
            0 < index < len(opcodes) - 1 and opcodes[index - 1][0] != "equal" and opcodes[index + 1][0] != "equal"
        )
        if tag == "equal" and between_edits and i2 - i1 == 1 and len(old_tokens[i1].strip()) <= 1:
            op = ("replace", *op[1:])
        marked.append(op)
    joined: list[tuple[str, int, int, int, int]] = []
    for op in marked:
        if joined and op[0] != "equal" and joined[-1][0] != "equal":
            last = joined[-1]
            joined[-1] = ("replace", last[1], op[2], last[3], op[4])
        else:
            joined.append(op)
    return joined


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.changes: list[TextChange] = []
        self.from_old: dict[int, int] = {}  # baseline block index -> redline block index
        self.from_new: dict[int, int] = {}  # current block index -> redline block index
        self.marks_before: list[int] = []  # preview change anchors before each redline block
        self.marks = 0

    def emit(self, block: Block, old: int | None = None, new: int | None = None) -> None:
        if old is not None:
            self.from_old[old] = len(self.blocks)
        if new is not None:
            self.from_new[new] = len(self.blocks)
        self.blocks.append(block)
        self.marks_before.append(self.marks)
        self.marks += _mark_count(block)

    def note(
        self, kind: EditKind, old_text: str, new_text: str, block: int, mark: int, fields: Iterable[str | None]
    ) -> None:
        shown = tuple(dict.fromkeys(f for f in fields if f))
        self.changes.append(TextChange(len(self.changes) + 1, block, kind, old_text, new_text, None, mark, shown))

    def note_edits(self, edits: Sequence[tuple[str, str]], lines: Sequence[Paragraph]) -> None:
        """Note the word edits of the block just emitted, each at its first changed run's anchor."""
        at = len(self.blocks) - 1
        groups: list[tuple[int, list[str | None]]] = []  # each edit's first anchor and its runs' terms
        mark = self.marks_before[at]
        for line in lines:
            previous: Change | None = None
            for run in line.runs:
                if run.change is not None:
                    mark += 1
                    if previous is None:
                        groups.append((mark, []))
                    groups[-1][1].append(run.field)
                previous = run.change
        for (old_words, new_words), (start, fields) in zip(edits, groups, strict=True):
            self.note(_edit_kind(old_words, new_words), old_words, new_words, at, start, fields)

    def equal(self, old: Block, new: Block, i: int, j: int) -> None:
        if isinstance(old, Heading) and isinstance(new, Heading) and old.number != new.number:
            new = Heading(new.key, new.number, new.title, None, old.number)
        self.emit(new, i, j)

    def whole(self, source: Sequence[Block], indexes: range, change: Change) -> None:
        """Blocks inserted or deleted whole: one change for the lot (a removed section is one change)."""
        first = len(self.blocks)
        inserted = change is Change.INSERTED
        texts = []
        for index in indexes:
            block = source[index]
            if isinstance(block, PageBreak):
                if inserted:
                    self.emit(block, new=index)
                continue
            texts.append(block.text)
            self.emit(_mark(block, change), *((None, index) if inserted else (index, None)))
        if texts:
            text = "\n".join(texts)
            mark = self.marks_before[first] + 1
            fields = [r.field for block in self.blocks[first:] for line in _lines(block) for r in line.runs]
            if inserted:
                self.note(EditKind.INSERTED, "", text, first, mark, fields)
            else:
                self.note(EditKind.DELETED, text, "", first, mark, fields)

    def replace(self, old: Sequence[Block], new: Sequence[Block], olds: range, news: range) -> None:
        """Pair the blocks of a replaced stretch, then compare each pair word by word.

        Blocks with the same words (a relabelled clause) pair first; the rest pair with blocks of
        the same shape in order; what is left over was inserted or deleted whole.
        """
        by_text = difflib.SequenceMatcher(
            None, [(_shape(old[i]), _text(old[i])) for i in olds], [(_shape(new[j]), _text(new[j])) for j in news], False
        )
        for tag, i1, i2, j1, j2 in by_text.get_opcodes():
            if tag == "equal":
                for k in range(i2 - i1):
                    self.pair(old, new, olds[i1 + k], news[j1 + k])
                continue
            by_shape = difflib.SequenceMatcher(
                None, [_shape(old[i]) for i in olds[i1:i2]], [_shape(new[j]) for j in news[j1:j2]], False
            )
            for tag2, a1, a2, b1, b2 in by_shape.get_opcodes():
                if tag2 != "equal":
                    self.whole(old, olds[i1:i2][a1:a2], Change.DELETED)
                    self.whole(new, news[j1:j2][b1:b2], Change.INSERTED)
                    continue
                for k in range(a2 - a1):
                    self.pair(old, new, olds[i1 + a1 + k], news[j1 + b1 + k])

    def pair(self, old_blocks: Sequence[Block], new_blocks: Sequence[Block], i: int, j: int) -> None:
        old, new = old_blocks[i], new_blocks[j]
        if isinstance(old, Paragraph) and isinstance(new, Paragraph):
            diff = _word_diff(old, new)
            if diff.rewritten or old.label != new.label:
                self.whole(old_blocks, range(i, i + 1), Change.DELETED)
                self.whole(new_blocks, range(j, j + 1), Change.INSERTED)
                return
            paragraph = Paragraph(diff.runs, new.style, new.align, new.keep_with_next, new.label, None, new.anchor)
            self.emit(paragraph, i, j)
            self.note_edits(diff.edits, (paragraph,))
        elif isinstance(old, SignatureBlock) and isinstance(new, SignatureBlock):
            lines: list[Paragraph] = []
            edits: list[tuple[str, str]] = []
            for old_line, new_line in zip(old.lines, new.lines, strict=True):
                diff = _word_diff(old_line, new_line)
                lines.append(
                    Paragraph(diff.runs, new_line.style, new_line.align, new_line.keep_with_next, anchor=new_line.anchor)
                )
                edits += diff.edits
            self.emit(SignatureBlock(tuple(lines), new.align, new.signature_line_after), i, j)
            self.note_edits(edits, lines)
        elif isinstance(old, PageBreak):
            self.emit(new, i, j)
        else:
            self.whole(old_blocks, range(i, i + 1), Change.DELETED)
            self.whole(new_blocks, range(j, j + 1), Change.INSERTED)


def _mark_count(block: Block) -> int:
    """How many change anchors the preview puts in ``block`` (see :mod:`app.documents.html`)."""
    if isinstance(block, Paragraph):
        return 1 if block.change is not None else sum(1 for r in block.runs if r.change is not None)
    if isinstance(block, Heading):
        renumbered = block.old_number is not None and block.old_number != block.number
        return 1 if block.change is not None or renumbered else 0
    if isinstance(block, SignatureBlock):
        return sum(_mark_count(line) for line in block.lines)
    return 0


def _edit_kind(old_words: str, new_words: str) -> EditKind:
    if not old_words:
        return EditKind.INSERTED
    return EditKind.DELETED if not new_words else EditKind.REPLACED


def _mark(block: Block, change: Change) -> Block:
    if isinstance(block, Paragraph):
        return _mark_paragraph(block, change)
    if isinstance(block, Heading):
        return Heading(block.key, block.number, block.title, change)
    if isinstance(block, SignatureBlock):
        return SignatureBlock(
            tuple(_mark_paragraph(p, change) for p in block.lines), block.align, block.signature_line_after
        )
    return block


def _mapped(sections: Sequence[Section], to_redline: dict[int, int]) -> tuple[Section, ...]:
    """Sections of a source document re-indexed into the redline (those whose heading is in it)."""
    out = []
    for s in sections:
        if s.start not in to_redline:
            continue
        last = max((to_redline[i] for i in range(s.start, s.end) if i in to_redline), default=to_redline[s.start])
        out.append(Section(s.key, s.number, s.title, to_redline[s.start], last + 1))
    return tuple(out)


def _in_section(change: TextChange, current: Sequence[Section], removed: Sequence[Section]) -> TextChange:
    """The change with the key of the section it is in: the numbered section holding it, else (in
    Exhibit A and the unnumbered parts) the letter section of the term its changed text shows."""
    key = next((s.key for s in (*current, *removed) if s.start <= change.block < s.end), None)
    if key is None and change.fields:
        section = section_for_path(parse_path(change.fields[0]))
        key = section.key if section is not None else None
    if key is None:
        return change
    return TextChange(
        change.number, change.block, change.kind, change.old_text, change.new_text, key, change.mark, change.fields
    )


def _lines(block: Block) -> tuple[Paragraph, ...]:
    if isinstance(block, SignatureBlock):
        return block.lines
    return (block,) if isinstance(block, Paragraph) else ()


__all__ = ["EditKind", "Redline", "TextChange", "redline", "tokens"]
