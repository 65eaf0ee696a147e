"""The Problems list: every error and warning with its term's label and message."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from app.domain.fields import Kind, model_label, spec_for
from app.domain.problems import Problem, Severity
from app.domain.sections import SectionState, section_for_path
from app.ui.icons import state_icon


def term_label(problem: Problem) -> str:
    """The label of the term a problem is about (``Grant 1: Shares``), in the user's words."""
    if not problem.path:
        return "Letter"
    parts: list[str] = []
    for end, part in enumerate(problem.path, 1):
        try:
            if isinstance(part, int):
                owner = spec_for(problem.path[: end - 1])
                if owner.kind is Kind.GROUPS and owner.model is not None:
                    parts[-1] = f"{model_label(owner.model)} {part + 1}"
                else:
                    parts[-1] = f"{owner.title}, item {part + 1}"
            else:
                parts.append(spec_for(problem.path[:end]).title)
        except KeyError:
            parts.append(str(part).replace("_", " ").capitalize())
    # The section names the group; the last two labels are enough to find the term.
    return ": ".join(parts[-2:])


class ProblemsView(QTreeWidget):
    """Errors first, then warnings; activating a row goes to its term.

    Signals:
        problem_activated(object): the path (a tuple) of the problem the user chose.
    """

    problem_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsView")
        self.setAccessibleName("Problems")
        self.setColumnCount(3)
        self.setHeaderLabels(["Term", "Problem", "Section"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.itemActivated.connect(self._on_item_activated)
        self.problems: list[Problem] = []

    def show_checking(self) -> None:
        """The letter has not been checked yet: nothing to list, and not "none" either."""
        self._show_note("Checking the letter…")

    def _show_note(self, text: str) -> None:
        self.problems = []
        self.clear()
        note = QTreeWidgetItem([text, "", ""])
        note.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addTopLevelItem(note)

    def set_problems(self, problems: list[Problem]) -> None:
        if not problems:
            self._show_note("No errors or warnings")
            return
        self.problems = list(problems)
        self.clear()
        for problem in problems:
            section = section_for_path(problem.path)
            item = QTreeWidgetItem([
                term_label(problem),
                problem.message[:1].upper() + problem.message[1:],
                section.title if section else "",
            ])
            state = SectionState.ERROR if problem.severity is Severity.ERROR else SectionState.WARNING
            item.setIcon(0, state_icon(state))
            item.setToolTip(1, problem.message)
            item.setData(0, Qt.ItemDataRole.UserRole, problem.path)
            item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, problem.severity.value)
            self.addTopLevelItem(item)

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.problem_activated.emit(tuple(item.data(0, Qt.ItemDataRole.UserRole)))
