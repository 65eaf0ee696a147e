"""Small state icons drawn in code (no image files): a filled dot with a mark for each state."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from app.domain.sections import SectionState
from app.ui.style import STATE_COLORS


@cache
def blank_icon() -> QIcon:
    """An empty icon the size of a state icon: it keeps the place of one not yet known."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


@cache
def state_icon(state: SectionState) -> QIcon:
    """A green tick, an amber exclamation mark or a red cross in a circle."""
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATE_COLORS[state]))
        painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
        pen = QPen(QColor("white"), max(1.6, size / 9), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        s = size / 16
        if state is SectionState.COMPLETE:
            path = QPainterPath(QPointF(4.5 * s, 8.2 * s))
            path.lineTo(QPointF(7 * s, 10.7 * s))
            path.lineTo(QPointF(11.5 * s, 5.3 * s))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        elif state is SectionState.WARNING:
            painter.drawLine(QPointF(8 * s, 4 * s), QPointF(8 * s, 9 * s))
            painter.drawPoint(QPointF(8 * s, 11.8 * s))
        else:
            painter.drawLine(QPointF(5.2 * s, 5.2 * s), QPointF(10.8 * s, 10.8 * s))
            painter.drawLine(QPointF(10.8 * s, 5.2 * s), QPointF(5.2 * s, 10.8 * s))
        painter.end()
        icon.addPixmap(pixmap)
    return icon
