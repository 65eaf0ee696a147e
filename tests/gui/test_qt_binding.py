"""The Qt binding itself: PySide6 6.12.0 on Python 3.11 drops a reference to None on every void
call, so a long editing session aborts with "none_dealloc". pyproject pins below it; this test
fails if a release with that bug comes back."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(500):
        label.setText(str(i))
    assert sys.getrefcount(None) >= before - 50
