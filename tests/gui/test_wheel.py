"""The mouse wheel over a value box scrolls the form unless the user is editing that box.

Scrolling the Long-Term Incentive form over "Shares" turned 150,000 into 149,997, and scrolling the
Calculations pane turned the scenario "Resignation" into "Death".
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.calc import ScenarioKind
from app.domain.sample import sample_letter
from app.ui.calc_pane import CalcPane
from app.ui.wheel import scroll_area_around
from tests.gui.test_editing import open_sample

SHARES = ("equity", "grants", 0, "shares")


def wheel_down(widget: QWidget, notches: int = 3) -> None:
    """A real wheel event at the widget's centre, as the mouse would send it."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre, QPointF(widget.mapToGlobal(centre)), QPoint(0, 0), QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(widget, event)


def scroll_area_of(widget: QWidget) -> QAbstractScrollArea:
    area = scroll_area_around(widget)
    assert area is not None
    return area


def test_the_wheel_over_an_unfocused_spin_box_scrolls_the_form(qtbot: QtBot, make_main_window) -> None:
    window = open_sample(make_main_window())
    window.resize(1000, 420)  # short enough that the form scrolls
    window.select_section("equity")
    spin = window.editor(SHARES).spin
    qtbot.waitUntil(spin.isVisible)
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel does not give it the focus
    bar = scroll_area_of(spin).verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(0)
    window.navigator.setFocus()

    wheel_down(spin)
    assert spin.value() == 150_000
    assert window.document.value(SHARES) == 150_000
    assert not spin.hasFocus()
    assert bar.value() > 0

    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    wheel_down(spin, 1)
    assert spin.value() == 149_999  # being edited: the wheel steps the value
    assert window.document.value(SHARES) == 149_999


def test_the_wheel_over_an_unfocused_combo_or_date_in_a_form_changes_nothing(qtbot: QtBot, make_main_window) -> None:
    window = open_sample(make_main_window())
    window.resize(1000, 420)
    window.select_section("equity")
    combo = window.editor(("equity", "grants", 0, "kind")).combo
    qtbot.waitUntil(combo.isVisible)
    before = combo.currentIndex()
    window.navigator.setFocus()
    wheel_down(combo)
    assert combo.currentIndex() == before
    window.select_section("position")
    date_edit = window.editor(("position", "start_date")).date_edit
    qtbot.waitUntil(date_edit.isVisible)
    wheel_down(date_edit)
    assert window.document.value(("position", "start_date")) == "2002-10-14"
    assert window.document.undo_stack.count() == 0


def test_the_wheel_over_the_scenario_picker_scrolls_the_calculations(qtbot: QtBot) -> None:
    pane = CalcPane()
    qtbot.addWidget(pane)
    pane.resize(520, 400)
    pane.set_letter(sample_letter(), [])
    pane.show()
    qtbot.waitExposed(pane)
    combo = pane.kind_combo
    combo.setCurrentIndex(combo.findData(ScenarioKind.RESIGNATION.value))
    bar = scroll_area_of(combo).verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(0)
    wheel_down(combo)
    wheel_down(pane.date_edit)
    assert combo.currentData() == ScenarioKind.RESIGNATION.value
    assert bar.value() > 0
