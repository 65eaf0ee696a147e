"""A timeline chart drawn with QPainter: labelled rows of bars and marks over a year axis.

The chart knows nothing of letters: it draws a :class:`Timeline` (rows, spans, marks and vertical
rules, each with its label and tooltip) that the calculations pane builds from the figures.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget


@dataclass(frozen=True, slots=True)
class Span:
    """A bar on ``row`` from ``start`` to ``end`` (both shown)."""

    row: str
    start: date
    end: date
    label: str
    color: str
    tooltip: str


@dataclass(frozen=True, slots=True)
class Mark:
    """A diamond on ``row`` at ``day``."""

    row: str
    day: date
    label: str
    color: str
    tooltip: str


@dataclass(frozen=True, slots=True)
class Rule:
    """A vertical line across every row at ``day`` (the start, the termination)."""

    day: date
    label: str
    color: str
    tooltip: str


@dataclass(frozen=True, slots=True)
class Timeline:
    rows: tuple[str, ...]
    spans: tuple[Span, ...] = ()
    marks: tuple[Mark, ...] = ()
    rules: tuple[Rule, ...] = ()

    def dates(self) -> list[date]:
        return (
            [s.start for s in self.spans] + [s.end for s in self.spans]
            + [m.day for m in self.marks] + [r.day for r in self.rules]
        )


XOf = Callable[[date], float]

ROW_HEIGHT = 26
AXIS_HEIGHT = 24
TOP_MARGIN = 20
SIDE_MARGIN = 10
_GRID = QColor("#d0d4da")
_AXIS = QColor("#5f6368")
_BAND = QColor("#f4f6f8")


class TimelineChart(QWidget):
    """Draws a :class:`Timeline`; hovering a bar, mark or rule shows its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timeline: Timeline | None = None
        self._hits: list[tuple[QRectF, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setAccessibleName("Timeline")

    @property
    def timeline(self) -> Timeline | None:
        return self._timeline

    def set_timeline(self, timeline: Timeline | None) -> None:
        self._timeline = timeline
        self.setFixedHeight(self._height_for(timeline))
        self.update()

    @staticmethod
    def _height_for(timeline: Timeline | None) -> int:
        rows = len(timeline.rows) if timeline else 0
        return TOP_MARGIN + ROW_HEIGHT * max(rows, 1) + AXIS_HEIGHT + 4

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(520, self._height_for(self._timeline))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(320, self._height_for(self._timeline))

    # ---------------------------------------------------------------- geometry

    def _label_width(self, metrics: QFontMetricsF) -> float:
        assert self._timeline is not None
        return max((metrics.horizontalAdvance(r) for r in self._timeline.rows), default=0.0) + 2 * SIDE_MARGIN

    def _range(self) -> tuple[date, date]:
        assert self._timeline is not None
        days = self._timeline.dates()
        lo, hi = min(days), max(days)
        # room on the right for the label of the last mark
        pad = max((hi - lo).days // 30, 20)
        return date.fromordinal(lo.toordinal() - pad), date.fromordinal(hi.toordinal() + 3 * pad)

    # ---------------------------------------------------------------- painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._hits = []
        timeline = self._timeline
        if timeline is None or not timeline.dates():
            painter.setPen(_AXIS)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No timeline to show")
            painter.end()
            return
        metrics = QFontMetricsF(self.font())
        left = self._label_width(metrics)
        right = self.width() - SIDE_MARGIN
        lo, hi = self._range()
        scale = (right - left) / max((hi - lo).days, 1)

        def x_of(day: date) -> float:
            return left + (day - lo).days * scale

        row_y = {row: TOP_MARGIN + i * ROW_HEIGHT for i, row in enumerate(timeline.rows)}
        bottom = TOP_MARGIN + len(timeline.rows) * ROW_HEIGHT
        self._paint_rows(painter, timeline, row_y, left, right, metrics)
        self._paint_axis(painter, lo, hi, x_of, bottom, left, right, metrics)
        for span in timeline.spans:
            self._paint_span(painter, span, x_of, row_y[span.row], right, metrics)
        self._paint_marks(painter, timeline, x_of, row_y, metrics)
        for rule in timeline.rules:
            self._paint_rule(painter, rule, x_of(rule.day), bottom, metrics)
        painter.end()

    def _paint_rows(self, painter: QPainter, timeline: Timeline, row_y: Mapping[str, float], left: float,
                    right: float, metrics: QFontMetricsF) -> None:
        for i, row in enumerate(timeline.rows):
            y = row_y[row]
            if i % 2 == 0:
                painter.fillRect(QRectF(0, y, right + SIDE_MARGIN, ROW_HEIGHT), _BAND)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(SIDE_MARGIN, y, left - SIDE_MARGIN, ROW_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, row)

    def _paint_axis(self, painter: QPainter, lo: date, hi: date, x_of: XOf, bottom: float, left: float,
                    right: float, metrics: QFontMetricsF) -> None:
        painter.setPen(QPen(_AXIS, 1))
        painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
        years = list(range(lo.year + 1, hi.year + 1))
        room = metrics.horizontalAdvance("2000") + 10
        per_year = x_of(date(2001, 1, 1)) - x_of(date(2000, 1, 1))
        step = next((n for n in (1, 2, 5, 10, 20, 50) if per_year * n >= room), 100)
        for year in years:
            x = x_of(date(year, 1, 1))
            painter.setPen(QPen(_GRID, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(x, TOP_MARGIN), QPointF(x, bottom))
            painter.setPen(QPen(_AXIS, 1))
            painter.drawLine(QPointF(x, bottom), QPointF(x, bottom + 4))
            if year % step == 0:
                text = str(year)
                width = metrics.horizontalAdvance(text)
                painter.drawText(QPointF(x - width / 2, bottom + 4 + metrics.ascent()), text)

    def _paint_span(self, painter: QPainter, span: Span, x_of: XOf, y: float, right: float,
                    metrics: QFontMetricsF) -> None:
        x0, x1 = x_of(span.start), max(x_of(span.end), x_of(span.start) + 3)
        rect = QRectF(x0, y + 5, x1 - x0, ROW_HEIGHT - 10)
        color = QColor(span.color)
        painter.setPen(QPen(color.darker(130), 1))
        painter.setBrush(color)
        painter.drawRoundedRect(rect, 3, 3)
        self._hits.append((rect.adjusted(-2, -4, 2, 4), span.tooltip))
        width = metrics.horizontalAdvance(span.label)
        if width + 8 <= rect.width():
            painter.setPen(QColor("white") if color.lightnessF() < 0.6 else QColor("black"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, span.label)
        elif x1 + 4 + width <= right:
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(x1 + 4, y, width + 2, ROW_HEIGHT), Qt.AlignmentFlag.AlignVCenter, span.label)
        elif x0 - 4 - width >= 0:
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(x0 - 4 - width, y, width + 2, ROW_HEIGHT), Qt.AlignmentFlag.AlignVCenter,
                             span.label)

    def _paint_marks(self, painter: QPainter, timeline: Timeline, x_of: XOf, row_y: Mapping[str, float],
                     metrics: QFontMetricsF) -> None:
        size = 5.0
        by_row: dict[str, list[Mark]] = {}
        for mark in sorted(timeline.marks, key=lambda m: m.day):
            by_row.setdefault(mark.row, []).append(mark)
        for row, marks in by_row.items():
            y = row_y[row] + ROW_HEIGHT / 2
            xs = [x_of(m.day) for m in marks]
            for mark, x in zip(marks, xs, strict=True):
                color = QColor(mark.color)
                painter.setPen(QPen(color.darker(140), 1))
                painter.setBrush(color)
                painter.drawPolygon(QPolygonF([QPointF(x, y - size), QPointF(x + size, y), QPointF(x, y + size),
                                               QPointF(x - size, y)]))
                self._hits.append((QRectF(x - size - 2, y - size - 2, 2 * size + 4, 2 * size + 4), mark.tooltip))
            # A label goes right of its mark only where it ends before the next mark on the row.
            painter.setPen(self.palette().windowText().color())
            limits = [*(x - size - 3 for x in xs[1:]), float(self.width())]
            for mark, x, limit in zip(marks, xs, limits, strict=True):
                start = x + size + 3
                if mark.label and start + metrics.horizontalAdvance(mark.label) <= limit:
                    painter.drawText(QPointF(start, y + metrics.ascent() / 2 - 1), mark.label)

    def _paint_rule(self, painter: QPainter, rule: Rule, x: float, bottom: float, metrics: QFontMetricsF) -> None:
        color = QColor(rule.color)
        painter.setPen(QPen(color, 2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, TOP_MARGIN - 2), QPointF(x, bottom))
        width = metrics.horizontalAdvance(rule.label)
        left = min(max(x - width / 2, 0.0), self.width() - width)
        painter.setPen(color)
        painter.drawText(QPointF(left, TOP_MARGIN - 6), rule.label)
        self._hits.append((QRectF(x - 4, 0, 8, bottom), rule.tooltip))

    # ---------------------------------------------------------------- tooltips

    def tooltip_at(self, x: float, y: float) -> str | None:
        """The tooltip of what is drawn at (x, y), marks and rules before bars; ``None`` for nothing."""
        for rect, text in reversed(self._hits):
            if rect.contains(QPointF(x, y)):
                return text
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            # QHelpEvent has pos() (not position(), which is QSinglePointEvent's): a tooltip raised here.
            text = self.tooltip_at(event.pos().x(), event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
