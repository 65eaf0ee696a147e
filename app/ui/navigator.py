"""The section navigator: every section of the letter in document order, with its state."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.domain.problems import Problem
from app.domain.sections import SECTIONS, SectionState, section_for_path, section_states
from app.ui.icons import blank_icon, state_icon

_STATE_WORDS = {
    SectionState.COMPLETE: "complete",
    SectionState.WARNING: "has warnings",
    SectionState.ERROR: "has errors",
}


_REWORDED = "  ✎"


class SectionNavigator(QListWidget):
    """Lists :data:`SECTIONS`; the current row is the section whose form is shown.

    Signals:
        section_selected(str): the user chose a section (its key).
    """

    section_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionNavigator")
        self.setAccessibleName("Sections")
        self.setIconSize(QSize(16, 16))
        self.setUniformItemSizes(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        for section in SECTIONS:
            item = QListWidgetItem(section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            item.setIcon(blank_icon())  # the states' icons fill this place once the letter is checked
            self.addItem(item)
        self.states: dict[str, SectionState] = {}
        self.reworded: frozenset[str] = frozenset()  # sections with a clause worded for this letter
        self.currentRowChanged.connect(self._on_current_row_changed)

    def _on_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.section_selected.emit(SECTIONS[row].key)

    def select_section(self, key: str) -> None:
        for row, section in enumerate(SECTIONS):
            if section.key == key:
                self.setCurrentRow(row)
                return

    def show_checking(self, included: dict[str, bool]) -> None:
        """No state yet: the letter has not been checked."""
        self.states = {}
        for row, section in enumerate(SECTIONS):
            self._show_section(row, blank_icon(), "being checked", included.get(section.key, True))

    def update_states(self, problems: list[Problem], included: dict[str, bool]) -> None:
        """Show each section's state (and whether an optional section is in the letter)."""
        self.states = section_states(problems)
        counts: dict[str, list[int]] = {s.key: [0, 0] for s in SECTIONS}
        for problem in problems:
            section = section_for_path(problem.path)
            if section is not None:
                counts[section.key][0 if problem.severity.value == "error" else 1] += 1
        for row, section in enumerate(SECTIONS):
            state = self.states[section.key]
            errors, warnings = counts[section.key]
            detail = _STATE_WORDS[state]
            if errors or warnings:
                parts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
                parts += [f"{warnings} warning{'s' * (warnings != 1)}"] if warnings else []
                detail = ", ".join(parts)
            self._show_section(row, state_icon(state), detail, included.get(section.key, True))

    def set_reworded(self, keys: frozenset[str]) -> None:
        """Mark the sections holding a clause whose wording departs from the standard (a trailing ✎)."""
        if keys == self.reworded:
            return
        self.reworded = keys
        for row, section in enumerate(SECTIONS):
            item = self.item(row)
            text = item.text().removesuffix(_REWORDED)
            item.setText(text + _REWORDED if section.key in keys else text)

    def _show_section(self, row: int, icon: QIcon, detail: str, on: bool) -> None:
        section = SECTIONS[row]
        item = self.item(row)
        item.setIcon(icon)
        text = section.title if on else f"{section.title} (not included)"
        if section.key in self.reworded:
            text += _REWORDED
            detail += "; wording departs from the standard"
        item.setText(text)
        font = item.font()
        font.setItalic(not on)
        item.setFont(font)
        item.setToolTip(f"{section.title}: {detail}")
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, detail)
