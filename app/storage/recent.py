"""The list of recently opened letters (File > Open Recent), persisted by the UI in QSettings."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

MAX_RECENT = 10


class RecentFiles:
    """Recently opened letters: most recent first, no duplicates, at most ``max_items``.

    Paths are kept absolute and normalised, so ``a/../Letter.offer.json`` and ``Letter.offer.json``
    are one entry. Files that no longer exist are left out of :meth:`paths`.
    """

    def __init__(self, paths: Iterable[Path] = (), *, max_items: int = MAX_RECENT) -> None:
        self.max_items = max_items
        self._paths: list[Path] = []
        for path in reversed(list(paths)):
            self.add(path)

    def add(self, path: Path) -> None:
        """Put ``path`` first (moving it up if it is already listed), dropping the oldest past the limit."""
        path = _normalise(path)
        self._paths = [path, *(p for p in self._paths if p != path)][: self.max_items]

    def remove(self, path: Path) -> None:
        path = _normalise(path)
        self._paths = [p for p in self._paths if p != path]

    def clear(self) -> None:
        self._paths = []

    def paths(self) -> list[Path]:
        """The files that still exist, most recent first."""
        return [p for p in self._paths if p.is_file()]

    def prune(self) -> None:
        """Forget files that no longer exist."""
        self._paths = self.paths()

    def to_list(self) -> list[str]:
        """Every remembered path as text, for ``QSettings.setValue``."""
        return [str(p) for p in self._paths]

    @classmethod
    def from_list(cls, value: object, *, max_items: int = MAX_RECENT) -> RecentFiles:
        """Rebuild from what ``QSettings.value`` returned.

        QSettings gives back a plain string for a one-item list on some back ends and ``None`` when
        nothing was stored; anything that is not text is ignored.
        """
        if isinstance(value, str):
            items: list[object] = [value]
        elif isinstance(value, Iterable):
            items = list(value)
        else:
            items = []
        return cls([Path(v) for v in items if isinstance(v, str) and v], max_items=max_items)

    def __len__(self) -> int:
        return len(self._paths)

    def __repr__(self) -> str:
        return f"RecentFiles({self.to_list()!r})"


def _normalise(path: Path) -> Path:
    return Path(os.path.normpath(Path(path).expanduser().absolute()))


__all__ = ["MAX_RECENT", "RecentFiles"]
