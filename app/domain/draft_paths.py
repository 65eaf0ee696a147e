"""Reading and writing a value at a path of the raw draft (nested dicts and lists, possibly invalid).

The editor edits the draft through these, and batch letters fill their columns in with them."""

from __future__ import annotations

import copy
from typing import Any

from app.domain.problems import Path


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"

    # One sentinel: an undo command deep-copies the value it replaces, and undoing the first edit of
    # a term the draft did not hold (the letter's first clause wording) must remove it again.
    def __copy__(self) -> _Missing:
        return self

    def __deepcopy__(self, _memo: object) -> _Missing:
        return self


MISSING: Any = _Missing()


def get_in(draft: Any, path: Path) -> Any:
    """The value at ``path``, or :data:`MISSING` when the draft has nothing there."""
    node = draft
    for part in path:
        if isinstance(part, int):
            if not isinstance(node, list) or not 0 <= part < len(node):
                return MISSING
            node = node[part]
        else:
            if not isinstance(node, dict) or part not in node:
                return MISSING
            node = node[part]
    return node


def set_in(draft: dict[str, Any], path: Path, value: Any) -> None:
    """Put ``value`` at ``path`` (a deep copy), creating groups on the way; :data:`MISSING` removes it."""
    if not path:
        raise ValueError("cannot replace the whole draft through a path")
    node: Any = draft
    for i, part in enumerate(path[:-1]):
        nxt = path[i + 1]
        if isinstance(part, int):
            node = node[part]
            continue
        child = node.get(part)
        if not isinstance(child, dict | list) or (isinstance(nxt, int) and not isinstance(child, list)):
            child = [] if isinstance(nxt, int) else {}
            node[part] = child
        node = child
    last = path[-1]
    if value is MISSING:
        if isinstance(node, dict):
            node.pop(last, None)
        elif isinstance(last, int) and 0 <= last < len(node):
            del node[last]
        return
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = copy.deepcopy(value)
