"""Value widgets that let the mouse wheel scroll the form unless the user is editing them.

Qt gives a spin box, combo box or date edit the focus when the wheel turns over it (their focus
policy includes ``WheelFocus``), then lets the wheel change its value: scrolling a long form over
"Shares" turned 150,000 into 149,997, and over the Calculations pane's scenario turned
"Resignation" into "Death". These classes take the focus only by click or Tab (``StrongFocus``)
and, while they do not have it, hand the wheel event to the scroll area they sit in.

The event is handed over rather than ignored: Qt passes an ignored wheel event on to the parent
only when it came from the window system, and forwarding makes every wheel event behave the same.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QComboBox, QDateEdit, QSpinBox, QWidget


def scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def pass_wheel_to_scroll_area(widget: QWidget, event: QWheelEvent) -> None:
    """Scroll the scroll area around ``widget`` by ``event`` (or leave the event to the parent)."""
    area = scroll_area_around(widget)
    if area is None:
        event.ignore()
        return
    viewport = area.viewport()
    position = QPointF(viewport.mapFromGlobal(event.globalPosition()))
    forwarded = QWheelEvent(
        position, event.globalPosition(), event.pixelDelta(), event.angleDelta(), event.buttons(),
        event.modifiers(), event.phase(), event.inverted(), event.source(),
    )
    QApplication.sendEvent(viewport, forwarded)
    event.accept()


class _WheelOnlyWhenFocused:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # type: ignore[attr-defined]

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        if self.hasFocus():  # type: ignore[attr-defined]
            super().wheelEvent(event)  # type: ignore[misc]
        else:
            pass_wheel_to_scroll_area(self, event)  # type: ignore[arg-type]


class FormSpinBox(_WheelOnlyWhenFocused, QSpinBox):
    """A spin box the wheel changes only while it has the focus."""


class FormComboBox(_WheelOnlyWhenFocused, QComboBox):
    """A combo box the wheel changes only while it has the focus."""


class FormDateEdit(_WheelOnlyWhenFocused, QDateEdit):
    """A date edit the wheel changes only while it has the focus."""
