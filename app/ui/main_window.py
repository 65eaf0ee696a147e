"""The editor window: sections on the left, the section's form in the middle, preview,
calculations and changes on the right, and the Problems list at the bottom."""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QMarginsF, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QCursor,
    QDesktopServices,
    QKeySequence,
    QPageLayout,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.problems import Path as TermPath
from app.domain.problems import Problem, parse_path
from app.domain.sample import SAMPLE_TERMS
from app.domain.sections import SECTION_BY_KEY, SECTIONS, section_for_path
from app.storage.errors import StorageError
from app.storage.lock import FileInUse, LetterLock, LockUnavailable
from app.storage.recent import RecentFiles
from app.storage.recovery import RecoveryEntry, RecoveryStore, default_recovery_dir
from app.ui import wording_actions
from app.ui.commands import SentVersionsCommand
from app.ui.document import LetterDocument
from app.ui.draft import MISSING
from app.ui.editors import FieldEditor
from app.ui.forms import Binder, SectionForm
from app.ui.lazy_pane import LazyPane
from app.ui.message_bar import MessageBar
from app.ui.navigator import SectionNavigator
from app.ui.preview import DEBOUNCE_MS, PreviewController, PreviewPane
from app.ui.problems_view import ProblemsView, term_label
from app.ui.prompts import Prompts, SaveChoice
from app.ui.settings import default_config_dir, open_settings
from app.ui.undo_keys import UndoKeysToDocument

if TYPE_CHECKING:
    # The letter model, the file format and what uses them load after the window's first paint
    # (see MainWindow's check_after_paint); methods import what they need.
    from PySide6.QtPrintSupport import QPrinter

    from app.compare.text import Redline
    from app.domain.file_format import SentVersion
    from app.domain.letter import Letter
    from app.storage.letters import OpenedLetter
    from app.ui.batch_dialog import BatchDialog
    from app.ui.calc_pane import CalcPane
    from app.ui.changes_view import ChangesView
    from app.ui.print_preview import PrintPreview
    from app.ui.review_view import ReviewView

AUTOSAVE_MS = 2000
FORM_BUILD_DELAY_MS = 250
# The form column never gets narrower than this (pixels), whichever side tab is shown: its text
# boxes must show their text. By default it gets at least FORM_WIDTH, the side tabs SIDE_MIN_WIDTH.
FORM_MIN_WIDTH = 460
FORM_WIDTH = 540
SIDE_MIN_WIDTH = 420
APP_NAME = "OfferDesk"


class AfterFirstPaint(QObject):
    """Calls ``done()`` once, when the paint pass that first painted ``widget`` on an exposed window
    is over (that pass paints every dirty widget of the window and flushes it to the screen before
    the event loop runs anything else, such as a zero-time timer)."""

    def __init__(self, widget: QWidget, done: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._done = done
        # A child timer, not QTimer.singleShot: it dies with the widget, so done() is never called
        # for a widget deleted before that paint pass ended.
        self._pass_over = QTimer(self)
        self._pass_over.setSingleShot(True)
        self._pass_over.setInterval(0)
        self._pass_over.timeout.connect(self._on_paint_pass_over)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        # The event's type first: a widget being destroyed still sends events, and must not be asked more.
        if event.type() == QEvent.Type.Paint:
            handle = self._widget.window().windowHandle()
            if handle is not None and handle.isExposed():
                self._widget.removeEventFilter(self)
                self._pass_over.start()
        return False

    def _on_paint_pass_over(self) -> None:
        self.deleteLater()
        self._done()


def blank_from_sample() -> dict[str, Any]:
    """A new letter: the sample's company terms, with the candidate still to be filled in."""
    draft = copy.deepcopy(SAMPLE_TERMS)
    draft["candidate"] = {"salutation": "", "full_name": "", "familiar_name": "", "address_lines": [""]}
    return draft


class MainWindow(QMainWindow):
    """One letter in one window.

    Args:
        config_dir: where settings live (tests pass a temporary folder).
        recovery: the autosave store (tests pass one in a temporary folder).
        native_dialogs: use the platform's file dialogs (tests use Qt's own).
        open_exports: offer to open an exported file in its application.
        sample: start on the sample letter rather than a new one.
        check_after_paint: validate the first letter only once the window has been painted, as
            ``offerdesk gui`` does: the window then lays out and paints before pydantic and the
            letter model load (~90 ms), and the section states, the Problems list and the preview
            fill in just after. Until then export is disabled and says the letter is being checked.
    """

    def __init__(
        self,
        *,
        config_dir: Path | None = None,
        recovery: RecoveryStore | None = None,
        native_dialogs: bool = True,
        open_exports: bool = True,
        sample: bool = False,
        check_after_paint: bool = False,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.config_dir = config_dir or default_config_dir()
        self.settings = open_settings(self.config_dir)
        self.recovery = recovery if recovery is not None else RecoveryStore(default_recovery_dir())
        self.prompts = Prompts(self, native_dialogs=native_dialogs)
        self.open_exports = open_exports and not os.environ.get("OFFERDESK_NO_OPEN")
        self.recent = RecentFiles.from_list(self.settings.value("recent", []))
        self.lock: LetterLock | None = None
        self.batch_dialog: BatchDialog | None = None
        # False for a window shown only for a screenshot: it must not overwrite the user's layout.
        self.remember_layout = True
        self.binder = Binder()
        self.forms: dict[str, SectionForm] = {}
        self._shown_problems: dict[int, list[Problem]] = {}
        self.undo_group = QUndoGroup(self)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave_now)
        self._side_timer = QTimer(self)
        self._side_timer.setSingleShot(True)
        self._side_timer.setInterval(DEBOUNCE_MS)
        self._side_timer.timeout.connect(self._update_side_panes)
        self._form_builder = QTimer(self)
        self._form_builder.setSingleShot(True)
        self._form_builder.timeout.connect(self._on_form_builder_timeout)
        self._build_widgets()
        self._undo_keys = UndoKeysToDocument(self)
        self._ends_typing_on_focus_change = False
        draft = copy.deepcopy(SAMPLE_TERMS) if sample else blank_from_sample()
        self.document = LetterDocument(draft, parent=self, check=not check_after_paint)
        self.preview = PreviewController(self.document, self.preview_pane, self)
        self.preview.rendered.connect(self._on_rendered)
        self.preview.hold()  # until the window has been painted: see _on_first_painted
        wording_actions.restore_pack(self)
        self._build_actions()
        self._set_document(self.document)
        self._restore_layout()
        AfterFirstPaint(self, self._on_first_painted)

    def _on_focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        # Leaving a field ends its typing step: the next edit of it is a step of its own.
        if old is not None and old.window() is self:
            self.document.end_typing()

    def _on_first_painted(self) -> None:
        """Start what would slow the window's first paint. The preview's render on its worker holds
        the GIL for tens of milliseconds (the first also imports Jinja2), and the GUI thread needs it
        for every Python call while it lays out and paints. An application-wide event filter is a
        Python call for every event of every widget: building and painting the window sends it
        thousands (~16 ms of a ~25 ms first paint). No key can reach the window before it is on
        screen, so the Undo/Redo keys filter is in place before it is needed."""
        if not self.isVisible():
            return  # closed before that paint pass was over
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._undo_keys)
        if isinstance(app, QApplication) and not self._ends_typing_on_focus_change:
            app.focusChanged.connect(self._on_focus_changed)
            self._ends_typing_on_focus_change = True
        # After whatever else waited for this paint pass (a zero-time timer runs after those queued
        # before it): checking a first letter loads pydantic and the letter model (~90 ms).
        QTimer.singleShot(0, self, self._check_then_preview)

    def _check_then_preview(self) -> None:
        if not self.isVisible():
            return  # closed meanwhile: its preview has been shut down
        self.document.check()
        self.preview.release()

    # ================================================================== layout

    def _build_widgets(self) -> None:
        self.navigator = SectionNavigator()
        self.navigator.section_selected.connect(self._on_section_selected)
        self.stack = QStackedWidget()
        self.stack.setObjectName("forms")
        self.stack.setMinimumWidth(FORM_MIN_WIDTH)
        self.preview_pane = PreviewPane()
        self.preview_pane.term_activated.connect(self.focus_path)
        self.preview_pane.wording_requested.connect(partial(wording_actions.edit_wording, self))
        self.preview_pane.reset_requested.connect(partial(wording_actions.reset_wording, self))
        self.calc_tab: LazyPane[CalcPane] = LazyPane(self._make_calc_pane)
        self.changes_tab: LazyPane[ChangesView] = LazyPane(self._make_changes_view)
        self.review_tab: LazyPane[ReviewView] = LazyPane(self._make_review_view)
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("sideTabs")
        self.side_tabs.addTab(self.preview_pane, "Preview")
        self.side_tabs.addTab(self.calc_tab, "Calculations")
        self.side_tabs.addTab(self.changes_tab, "Changes")
        self.side_tabs.addTab(self.review_tab, "Review")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setStretchFactor(2, 1)  # a wider window widens the side tabs; the form keeps its width
        self.message_bar = MessageBar()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.problems_view = ProblemsView()
        self.problems_view.problem_activated.connect(self.focus_path)
        self.problems_dock = QDockWidget("Problems", self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setWidget(self.problems_view)
        self.problems_dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.TopDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.statusBar().setObjectName("statusBar")
        self.export_state = QLabel()
        self.export_state.setObjectName("exportState")
        self.statusBar().addPermanentWidget(self.export_state)

    def _action(self, text: str, slot: Any, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                 tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.new_action = self._action("&New Letter", self.new_letter, std.New, "A new letter from the sample's company terms")
        self.new_sample_action = self._action("New from &Sample", lambda: self.new_letter(sample=True), "Ctrl+Shift+N",
                                              "A new letter with every term of the sample letter")
        self.new_type_action = self._action("New from &Type…", partial(wording_actions.new_from_type, self), "Ctrl+Alt+N",
                                            "A new letter of one of the template pack's letter types")
        self.pack_action = self._action("Template &Pack…", partial(wording_actions.choose_pack, self), "Ctrl+Alt+P",
                                        "Use a firm's template pack: its letter types and clause library")
        self.clause_library_action = self._action("Clause &Library…", partial(wording_actions.open_clause_library, self),
                                                  "Ctrl+Shift+L", "Choose the alternates of the clause library's clauses")
        self.open_action = self._action("&Open…", self.open_dialog, std.Open, "Open a letter file")
        self.save_action = self._action("&Save", self.save, std.Save, "Save the letter")
        self.save_as_action = self._action("Save &As…", self.save_as, std.SaveAs, "Save the letter in a new file")
        self.export_docx_action = self._action("&Export DOCX…", lambda: self._export_dialog("docx"), "Ctrl+E",
                                               "Write the letter as a Word document")
        self.export_pdf_action = self._action("Export &PDF…", lambda: self._export_dialog("pdf"), "Ctrl+Shift+E",
                                              "Write the letter as a PDF (needs LibreOffice)")
        self.export_redline_action = self._action(
            "Export &Redline…", self._export_redline_dialog, "Ctrl+Shift+R",
            "Write the changes against the baseline as a Word document with tracked changes")
        self.print_action = self._action("&Print…", self.print_letter, std.Print, "Print the letter and its Exhibit A")
        preferences_keys = QKeySequence(std.Preferences)  # empty on most Linux desktops
        self.preferences_action = self._action(
            "Pre&ferences…", self.edit_preferences, preferences_keys if not preferences_keys.isEmpty() else "Ctrl+,",
            "Your name, which tracked changes in a redline are attributed to")
        self.mark_sent_action = self._action("&Mark as Sent…", self.mark_as_sent, "Ctrl+Shift+M",
                                             "Record the current terms as a version sent to the candidate")
        self.batch_action = self._action("&Batch…", self.open_batch_dialog, "Ctrl+Shift+B",
                                         "Make a letter per row of a CSV or XLSX table of terms, from this letter")
        self.compare_file_action = self._action("Compare with Letter &File…", self.compare_with_file, "Ctrl+Shift+K",
                                                "Show changes against another letter file, or a Word document (by its text)")
        self.close_action = self._action("&Close Window", self.close, std.Close)
        quit_keys = QKeySequence(std.Quit)
        self.quit_action = self._action("&Quit", self.close, quit_keys if not quit_keys.isEmpty() else "Ctrl+Q")
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(QKeySequence.keyBindings(std.Undo))
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        redo_keys = QKeySequence.keyBindings(std.Redo)
        for extra in ("Ctrl+Shift+Z", "Ctrl+Y"):
            if QKeySequence(extra) not in redo_keys:
                redo_keys.append(QKeySequence(extra))
        self.redo_action.setShortcuts(redo_keys)
        self.next_problem_action = self._action("Next &Problem", lambda: self.go_to_problem(1), "F6")
        self.previous_problem_action = self._action("Previous P&roblem", lambda: self.go_to_problem(-1), "Shift+F6")
        self.next_section_action = self._action("Next &Section", lambda: self.step_section(1), std.NextChild)
        self.previous_section_action = self._action("Previous S&ection", lambda: self.step_section(-1), std.PreviousChild)
        self.show_preview_action = self._action("&Preview", lambda: self.side_tabs.setCurrentIndex(0), "Ctrl+1")
        self.show_calc_action = self._action("&Calculations", lambda: self.side_tabs.setCurrentIndex(1), "Ctrl+2")
        self.show_changes_action = self._action("C&hanges", lambda: self.side_tabs.setCurrentIndex(2), "Ctrl+3")
        self.show_review_action = self._action(
            "&Review", lambda: self.side_tabs.setCurrentWidget(self.review_tab), "Ctrl+5",
            "Drafting and legal findings on the letter as rendered",
        )
        self.print_preview_action = self._action(
            "Print Pre&view", self.show_print_preview, "Ctrl+Shift+P",
            "The pages as the DOCX prints them: page breaks, later pages' header, signature page (LibreOffice)",
        )
        self.about_action = self._action("&About OfferDesk", self.about, std.HelpContents)
        problems_toggle = self.problems_dock.toggleViewAction()
        problems_toggle.setShortcut(QKeySequence("Ctrl+4"))

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addActions([self.new_action, self.new_sample_action, self.new_type_action, self.open_action])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_docx_action, self.export_pdf_action, self.export_redline_action])
        file_menu.addSeparator()
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addActions([self.close_action, self.quit_action])
        edit_menu = menu.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        letter_menu = menu.addMenu("&Letter")
        letter_menu.addAction(self.mark_sent_action)
        self.compare_menu = letter_menu.addMenu("Compare &With")
        self.compare_menu.aboutToShow.connect(self._fill_compare_menu)
        letter_menu.addAction(self.batch_action)
        letter_menu.addActions([self.clause_library_action, self.pack_action])
        letter_menu.addSeparator()
        letter_menu.addActions([self.next_problem_action, self.previous_problem_action])
        view_menu = menu.addMenu("&View")
        view_menu.addActions([self.next_section_action, self.previous_section_action])
        view_menu.addSeparator()
        view_menu.addAction(self.print_preview_action)
        view_menu.addSeparator()
        view_menu.addActions([
            self.show_preview_action, self.show_calc_action, self.show_changes_action, self.show_review_action,
            problems_toggle,
        ])
        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self.about_action)
        self._fill_recent_menu()
        self._fill_compare_menu()

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:
            self.apply_default_sizes()

    def apply_default_sizes(self) -> None:
        """Navigator narrow, form and preview sharing the rest; the Problems list a few rows high."""
        width = max(self.width(), 900)
        # Wide enough for the longest section title, so none is cut off.
        nav = min(self.navigator.sizeHintForColumn(0) + 2 * self.navigator.frameWidth() + 8, width // 4)
        form = max(int((width - nav) * 0.47), min(FORM_WIDTH, width - nav - SIDE_MIN_WIDTH))
        self.splitter.setSizes([nav, form, width - nav - form])
        self.resizeDocks([self.problems_dock], [max(100, self.height() // 8)], Qt.Orientation.Vertical)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("recent", self.recent.to_list())
        self.settings.sync()

    # ================================================================== the document

    def _set_document(self, document: LetterDocument) -> None:
        """Show ``document``: rebuild the forms from the model and connect everything to it."""
        old = self.document
        if old is not document:
            old.value_changed.disconnect(self._on_value_changed)
            old.validated.disconnect(self._on_validated)
            old.modified_changed.disconnect(self._on_modified_changed)
            old.file_path_changed.disconnect(self._update_title)
            old.undo_stack.indexChanged.disconnect(self._on_stack_index_changed)
            self.undo_group.removeStack(old.undo_stack)
            old.deleteLater()
        current = self.current_section_key() if self.stack.count() else SECTIONS[0].key
        self._form_builder.stop()
        while self.stack.count():
            page = self.stack.widget(0)
            if page is None:
                break
            self.stack.removeWidget(page)
            page.deleteLater()
        self.document = document
        self.binder = Binder()
        self.forms = {}
        self._shown_problems = {}
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        document.value_changed.connect(self._on_value_changed)
        document.validated.connect(self._on_validated)
        document.modified_changed.connect(self._on_modified_changed)
        document.file_path_changed.connect(self._update_title)
        document.undo_stack.indexChanged.connect(self._on_stack_index_changed)
        self.stack.setCurrentWidget(self.ensure_form(current))
        self.navigator.select_section(current)
        # The other sections' forms are made one by one once the window has shown itself and its
        # preview, so it appears at once.
        self._form_builder.start(FORM_BUILD_DELAY_MS)
        if self.preview.document is not document:
            self.preview.set_document(document)
        else:
            self.preview.render_now()
        if self.changes_tab.made is not None:
            self.changes_tab.made.set_baseline(None, "")
        self._on_validated()
        self._update_title()
        self._on_modified_changed(document.modified)

    def _on_value_changed(self, path: TermPath) -> None:
        for editor in self.binder.affected_by(path):
            if self.binder.is_bound(editor):
                editor.refresh()

    def ensure_form(self, key: str) -> SectionForm:
        """The form of section ``key``, made now if it has not been yet."""
        form = self.forms.get(key)
        if form is None:
            form = SectionForm(SECTION_BY_KEY[key], self.document, self.binder)
            self.forms[key] = form
            self.stack.addWidget(form)
            if self.document.read_only:
                for editor in self.binder.editors.values():
                    if form.isAncestorOf(editor.frame):
                        editor.set_read_only(True)
            self._route_problems()
        return form

    def ensure_all_forms(self) -> None:
        for section in SECTIONS:
            self.ensure_form(section.key)

    def _on_form_builder_timeout(self) -> None:
        for section in SECTIONS:
            if section.key not in self.forms:
                self.ensure_form(section.key)
                self._form_builder.start(0)
                return

    def editor(self, path: TermPath) -> FieldEditor:
        """The editor bound to exactly ``path`` (its section's form is made if need be)."""
        section = section_for_path(path)
        if section is not None:
            self.ensure_form(section.key)
        return self.binder.editors[path]

    def _route_problems(self) -> None:
        """Mark each problem on its editor, or on its section's form when no editor shows it."""
        problems = self.document.problems
        by_editor: dict[int, list[Problem]] = {}
        by_section: dict[str, list[Problem]] = {s.key: [] for s in SECTIONS}
        editors = {}
        for problem in problems:
            editor = self.binder.editor_for(problem.path)
            if editor is not None:
                by_editor.setdefault(id(editor), []).append(problem)
                editors[id(editor)] = editor
                continue
            section = section_for_path(problem.path)
            if section is not None:
                by_section[section.key].append(problem)
        for key in set(self._shown_problems) | set(by_editor):
            new = by_editor.get(key, [])
            if self._shown_problems.get(key, []) != new:
                editor = editors.get(key) or self._editor_by_id(key)
                if editor is not None:
                    editor.show_problems(new)
        self._shown_problems = by_editor
        for section_key, form in self.forms.items():
            form.show_problems(by_section[section_key])

    def _on_validated(self) -> None:
        document = self.document
        problems = document.problems
        included = {
            s.key: document.value(s.optional) not in (None, MISSING, []) for s in SECTIONS if s.optional is not None
        }
        self._update_export_actions()
        if not document.checked:  # until check_after_paint's first check, a moment after the first paint
            self.navigator.show_checking(included)
            self.problems_view.show_checking()
            self.problems_dock.setWindowTitle("Problems: checking the letter…")
            return
        self._route_problems()
        self.navigator.update_states(problems, included)
        self.problems_view.set_problems(problems)
        self.problems_dock.setWindowTitle(self._problems_title(problems))
        # The calculations and the comparison are heavier than a keystroke: update them once typing pauses.
        self._side_timer.start()
        if document.has_errors and self.review_tab.made is not None:
            self._refresh_review()  # no render comes: say why there is no review

    def _update_side_panes(self) -> None:
        document = self.document
        letter = self._current_letter()
        if self.calc_tab.made is not None:
            self.calc_tab.made.set_letter(letter, document.problems)
        if self.changes_tab.made is not None:
            self.changes_tab.made.set_current(letter)

    def _current_letter(self) -> Letter | None:
        return self.document.letter if not self.document.has_errors else None

    def _make_calc_pane(self) -> CalcPane:
        from app.ui.calc_pane import CalcPane

        pane = CalcPane()
        pane.set_letter(self._current_letter(), self.document.problems)
        # The Changes tab prices its scenarios on the date picked here, so the two tabs agree.
        pane.scenario_changed.connect(lambda _kind, _on: self._share_scenario_date())
        return pane

    def _share_scenario_date(self) -> None:
        if self.changes_tab.made is not None and self.calc_tab.made is not None:
            self.changes_tab.made.set_scenario_date(self.calc_tab.made.picked_date)

    def _make_changes_view(self) -> ChangesView:
        from app.ui.changes_view import ChangesView

        view = ChangesView()
        view.set_current(self._current_letter())
        view.baseline_requested.connect(self._on_baseline_requested)
        view.term_activated.connect(lambda dotted: self.focus_path(parse_path(re.sub(r"\[(\d+)\]", r".\1", dotted))))
        if self.calc_tab.made is not None:
            view.set_scenario_date(self.calc_tab.made.picked_date)
        return view

    def _make_review_view(self) -> ReviewView:
        from app.ui.review_view import ReviewView

        view = ReviewView()
        view.finding_activated.connect(self._on_finding_activated)
        self.review_tab.made = view  # _refresh_review fills it
        self._refresh_review()
        return view

    def _on_rendered(self, _sequence: int) -> None:
        wording_actions.mark_departures(self)
        if self.review_tab.made is not None:
            self._refresh_review()

    def _refresh_review(self) -> None:
        """Review the letter the preview shows (on each render; the checks cache unchanged paragraphs)."""
        view = self.review_tab.made
        if view is None:
            return
        document = self.preview.current_document()
        letter = self.document.letter
        if document is None or letter is None or self.document.has_errors:
            errors = len(self.document.errors)
            view.show_note(
                f"No review yet: the letter has {errors} error{'s' * (errors != 1)} (see Problems)."
                if errors else "The review runs when the letter has been rendered."
            )
            self.side_tabs.setTabText(self.side_tabs.indexOf(self.review_tab), "Review")
            return
        from app.review.runner import review_rendered

        review = review_rendered(document, letter)
        view.set_review(review.findings, review.paragraphs)
        count = len(review.findings)
        self.side_tabs.setTabText(self.side_tabs.indexOf(self.review_tab), f"Review ({count})" if count else "Review")

    def _on_finding_activated(self, finding: Any) -> None:
        """Go to a finding: the preview scrolls to its words and, for a term, its editor takes the cursor."""
        view = self.review_tab.made
        if view is not None and finding.excerpt:
            index = finding.location.index
            # The preview may show the same words earlier: go to the occurrence in this paragraph.
            before = sum(p.text.count(finding.excerpt) for p in view.paragraphs[:max(index, 0)])
            if not self.preview_pane.scroll_to_text(finding.excerpt, before):
                # A clause's label prints apart from its text in the preview: "(b)" and three spaces.
                labelled = re.sub(r"^(\([A-Za-z0-9]{1,5}\)) ", "\\1\u00a0\u00a0\u00a0", finding.excerpt)
                self.preview_pane.scroll_to_text(labelled, before)
        if finding.location.field:
            self.focus_path(parse_path(finding.location.field))

    def _on_baseline_requested(self) -> None:
        self._fill_compare_menu()
        self.compare_menu.popup(QCursor.pos())

    @property
    def calc_pane(self) -> CalcPane:
        return self.calc_tab.pane()

    @property
    def changes_view(self) -> ChangesView:
        return self.changes_tab.pane()

    def _editor_by_id(self, key: int) -> Any:
        for editor in self.binder.editors.values():
            if id(editor) == key:
                return editor
        return None

    @staticmethod
    def _problems_title(problems: list[Problem]) -> str:
        errors = sum(p.severity.value == "error" for p in problems)
        warnings = len(problems) - errors
        if not problems:
            return "Problems: none"
        return f"Problems: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"

    def _update_export_actions(self) -> None:
        errors = self.document.errors
        warnings = len(self.document.problems) - len(errors)
        self.save_action.setEnabled(not self.document.read_only)
        if not self.document.checked:
            self.export_state.setText("Checking the letter…")
            for action in (self.export_docx_action, self.export_pdf_action, self.mark_sent_action):
                action.setEnabled(False)
                action.setToolTip("The letter is being checked")
                action.setStatusTip("The letter is being checked")
            return
        if errors:
            self.export_state.setText(f"Export blocked: fix {len(errors)} error{'s' * (len(errors) != 1)} first (F6)")
        elif warnings:
            self.export_state.setText(f"Ready to export; {warnings} warning{'s' * (warnings != 1)} to review")
        else:
            self.export_state.setText("Ready to export")
        for action, what in ((self.export_docx_action, "DOCX"), (self.export_pdf_action, "PDF"),
                             (self.mark_sent_action, "mark as sent")):
            action.setEnabled(not errors)
            if errors:
                listed = "; ".join(f"{term_label(p)}: {p.message}" for p in errors[:3])
                more = f"; and {len(errors) - 3} more" if len(errors) > 3 else ""
                why = f"Fix {len(errors)} error{'s' * (len(errors) != 1)} first: {listed}{more}"
                action.setToolTip(why)
                action.setStatusTip(why)
            else:
                tip = "Record the current terms as a sent version" if what == "mark as sent" else f"Write the letter as {what}"
                action.setToolTip(tip)
                action.setStatusTip(tip)

    def _on_modified_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)
        if not modified:
            self._autosave.stop()
            self.recovery.clear()

    def _on_stack_index_changed(self, _index: int) -> None:
        if self.document.modified:
            self._autosave.start()

    def autosave_now(self) -> None:
        """Keep a recovery copy of the draft (called by the autosave timer)."""
        self._autosave.stop()
        if not self.document.modified:
            return
        try:
            self.recovery.save(self.document.draft, self.document.file_path, self.document.display_name)
        except StorageError as exc:
            self.statusBar().showMessage(f"Autosave failed: {exc}", 10000)

    def _update_title(self) -> None:
        suffix = " (read-only)" if self.document.read_only else ""
        self.setWindowTitle(f"{self.document.display_name}[*]{suffix} — {APP_NAME}")
        self.setWindowFilePath(str(self.document.file_path) if self.document.file_path else "")

    # ================================================================== navigation

    def _on_section_selected(self, key: str) -> None:
        if key in SECTION_BY_KEY:
            form = self.ensure_form(key)
            self.stack.setCurrentWidget(form)
            prefixes = tuple(".".join(map(str, path)) for path in SECTION_BY_KEY[key].fields)
            self.preview_pane.scroll_to_section(key, prefixes)

    def current_section_key(self) -> str:
        form = self.stack.currentWidget()
        return form.section.key if isinstance(form, SectionForm) else SECTIONS[0].key

    def step_section(self, step: int) -> None:
        row = (self.navigator.currentRow() + step) % len(SECTIONS)
        self.navigator.setCurrentRow(row)

    def focus_path(self, path: TermPath) -> None:
        """Show the section of the term at ``path`` and put the cursor in its editor."""
        section = section_for_path(path)
        if section is None:
            return
        self.navigator.select_section(section.key)
        self.ensure_form(section.key)
        editor = self.binder.editor_for(path)
        if editor is None:
            self.forms[section.key].setFocus()
            return
        self.forms[section.key].ensureWidgetVisible(editor.frame)
        editor.focus_item(path)

    def go_to_problem(self, step: int) -> None:
        view = self.problems_view
        count = len(view.problems)
        if not count:
            self.statusBar().showMessage("No problems.", 3000)
            return
        selected = view.currentItem()
        current = view.indexOfTopLevelItem(selected) if selected is not None else -1
        item = view.topLevelItem((current + step) % count if current >= 0 else (0 if step > 0 else count - 1))
        if item is None:
            return
        view.setCurrentItem(item)
        self.focus_path(tuple(item.data(0, Qt.ItemDataRole.UserRole)))

    # ================================================================== files

    def _folder(self) -> Path:
        if self.document.file_path is not None:
            return self.document.file_path.parent
        if self.document.origin is not None:
            return self.document.origin.parent
        recent = self.recent.paths()
        return recent[0].parent if recent else Path.home()

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False when the user cancelled."""
        if not self.document.modified:
            return True
        choice = self.prompts.save_changes(self.document.display_name)
        if choice is SaveChoice.SAVE:
            return self.save()
        return choice is SaveChoice.DISCARD

    def new_letter(self, *, sample: bool = False, draft: dict[str, Any] | None = None) -> None:
        if not self.maybe_save():
            return
        if draft is None:
            draft = copy.deepcopy(SAMPLE_TERMS) if sample else blank_from_sample()
        self._release_lock()
        self._set_document(LetterDocument(draft, parent=self))
        self.message_bar.dismiss()

    def open_dialog(self) -> None:
        path = self.prompts.open_path(self._folder())
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Open a letter file here. A file that cannot be opened leaves the current letter as it was."""
        path = Path(path).absolute()
        if self.document.file_path == path:
            return True
        from app.storage.letters import open_letter

        try:
            opened = open_letter(path)
        except StorageError as exc:
            self.message_bar.show_message(str(exc), "error")
            return False
        if opened.from_docx:
            return self._open_from_docx(opened)
        read_only = False
        lock: LetterLock | None = None
        try:
            lock = LetterLock.acquire(path)
        except FileInUse as exc:
            if not self.prompts.open_read_only(str(exc)):
                return False
            read_only = True
        except LockUnavailable as exc:
            self.message_bar.show_message(str(exc), "warning")
            read_only = True
        if not self.maybe_save():
            if lock is not None:
                lock.release()
            return False
        self._release_lock()
        self.lock = lock
        self._set_document(LetterDocument.from_file(opened.file, path, parent=self, read_only=read_only))
        self.recent.add(path)
        self.settings.setValue("recent", self.recent.to_list())
        if read_only:
            self.message_bar.show_message(
                f"{path.name} is open read-only: it is open elsewhere. Use Save As to work on a copy.", "warning"
            )
        else:
            self.message_bar.dismiss()
        return True

    def _open_from_docx(self, opened: OpenedLetter) -> bool:
        """The terms a DOCX carries, as a new unsaved letter: the DOCX itself is never written to."""
        from app.domain.embedded_terms import edited_message

        if not self.maybe_save():
            return False
        self._release_lock()
        self.lock = None
        document = LetterDocument.from_file(opened.file, None, parent=self)
        document.origin = opened.path
        self._set_document(document)
        self._update_title()
        self.recent.add(opened.path)
        self.settings.setValue("recent", self.recent.to_list())
        name = opened.path.name
        if opened.edited:
            self.message_bar.show_message(f"{edited_message(name)}. Save to keep them as a letter file.", "warning")
        else:
            self.message_bar.show_message(
                f"Opened the terms stored in {name}; its text is as OfferDesk exported it. "
                "Save to keep them as a letter file.",
                "info",
            )
        return True

    def save(self) -> bool:
        if self.document.file_path is None or self.document.read_only:
            return self.save_as()
        return self._write(self.document.file_path)

    def save_as(self, path: Path | None = None) -> bool:
        if path is None:
            suggested = self._folder() / f"{self.document.display_name}.offer.json"
            path = self.prompts.save_path(suggested)
            if path is None:
                return False
        path = Path(path).absolute()
        lock = None
        if path != self.document.file_path or self.document.read_only:
            try:
                lock = LetterLock.acquire(path)
            except StorageError as exc:
                self.message_bar.show_message(f"{path.name} was not saved: {exc}", "error")
                return False
        if not self._write(path):
            if lock is not None:
                lock.release()
            return False
        if lock is not None:
            self._release_lock()
            self.lock = lock
        was_read_only = self.document.read_only
        self.document.read_only = False
        self.document.set_file_path(path)
        if was_read_only:
            for editor in self.binder.editors.values():
                editor.set_read_only(False)
            self.message_bar.dismiss()
        self._update_title()
        self._update_export_actions()
        self.recent.add(path)
        self.settings.setValue("recent", self.recent.to_list())
        return True

    def _write(self, path: Path) -> bool:
        from app.storage.letters import save_letter

        try:
            save_letter(path, self.document.to_file())
        except StorageError as exc:
            self.message_bar.show_message(str(exc), "error")
            return False
        self.document.mark_saved()
        self.statusBar().showMessage(f"Saved {path.name}", 5000)
        if self.message_bar.level == "error":
            self.message_bar.dismiss()
        return True

    def _release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent.paths()
        for path in paths:
            action = self.recent_menu.addAction(path.name, partial(self.open_path, path))
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
        if paths:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear List", self._clear_recent)
        self.recent_menu.setEnabled(bool(paths))

    def _clear_recent(self) -> None:
        self.recent.clear()
        self.settings.setValue("recent", [])
        self._fill_recent_menu()

    # ================================================================== recovery

    def offer_recovery(self) -> list[MainWindow]:
        """Offer drafts left by windows that did not close cleanly. Returns extra windows opened."""
        opened: list[MainWindow] = []
        for entry in self.recovery.pending():
            answer = self.prompts.recover(entry)
            if answer is None:
                continue
            if answer is False:
                self.recovery.discard(entry)
                continue
            target: MainWindow = self
            if self.document.modified or self.document.file_path is not None:
                target = MainWindow(config_dir=self.config_dir, recovery=RecoveryStore(self.recovery.folder),
                                    native_dialogs=self.prompts.native_dialogs, open_exports=self.open_exports)
                opened.append(target)
            target.recover(entry)
            self.recovery.discard(entry)
        return opened

    def recover(self, entry: RecoveryEntry) -> None:
        """Restore a recovered draft exactly, as unsaved changes of its original file."""
        from app.storage.letters import open_letter

        source = entry.source
        sent_versions: list[SentVersion] = []
        read_only = False
        if source is not None and source.exists():
            try:
                sent_versions = open_letter(source).file.sent_versions
                self.lock = LetterLock.acquire(source)
            except FileInUse as exc:
                read_only = True
                self.message_bar.show_message(f"Recovered, read-only: {exc}", "warning")
            except StorageError as exc:
                self.message_bar.show_message(f"Recovered the draft; its file could not be read: {exc}", "warning")
        document = LetterDocument(entry.draft, sent_versions, source, parent=self, read_only=read_only)
        self._set_document(document)
        document.restore_recovered(entry.draft)
        self.autosave_now()
        if not read_only:
            self.message_bar.show_message(
                f"Recovered the unsaved changes of {document.display_name}. Save to keep them.", "info"
            )

    # ================================================================== versions and changes

    def mark_as_sent(self) -> None:
        from app.compare.versions import VersionError, default_version_name, mark_as_sent

        letter = self.document.letter
        if letter is None or self.document.has_errors:
            self.message_bar.show_message(self.export_docx_action.toolTip(), "error")
            return
        now = datetime.now().astimezone()
        file = self.document.to_file()
        name = self.prompts.version_name(default_version_name(file, now))
        if name is None:
            return
        try:
            updated = mark_as_sent(file, letter, name, now)
        except VersionError as exc:
            self.message_bar.show_message(f"Not marked as sent: {exc}.", "error")
            return
        self.document.undo_stack.push(
            SentVersionsCommand(self.document, list(self.document.sent_versions), list(updated.sent_versions),
                                f"Mark as sent ({name.strip()})")
        )
        self.compare_with(letter, name.strip())

    def compare_with(self, baseline: Letter, label: str) -> None:
        self.changes_view.set_baseline(baseline, label)
        self.changes_view.set_current(self._current_letter())
        self.side_tabs.setCurrentWidget(self.changes_tab)

    def compare_with_file(self, path: Path | None = None) -> None:
        if path is None:
            path = self.prompts.other_letter(self._folder())
            if path is None:
                return
        from app.domain.embedded_terms import is_docx_name
        from app.storage.letters import open_letter

        if is_docx_name(path.name):
            self._compare_with_docx(path)
            return
        try:
            opened = open_letter(path)
        except StorageError as exc:
            self.message_bar.show_message(str(exc), "error")
            return
        if opened.letter is None:
            self.message_bar.show_message(
                f"{path.name} has errors, so it cannot be compared; open it and fix them first.", "error"
            )
            return
        self.compare_with(opened.letter, path.name)

    def show_print_preview(self) -> PrintPreview | None:
        """Open (or raise) the print preview on the letter as it is now; None when the draft has errors."""
        from app.ui.print_preview import PrintPreview

        letter = self._current_letter()
        if letter is None:
            self.message_bar.show_message(
                "The print preview needs a letter without errors: fix them first (F6 goes to the next).", "error"
            )
            return None
        dialog = self.findChild(PrintPreview)
        if dialog is None:
            dialog = PrintPreview(self)
        # Rendered afresh on the worker: the live preview's document may lag the last keystroke.
        dialog.show_letter(letter)
        dialog.show()
        dialog.activateWindow()
        return dialog

    def _compare_with_docx(self, path: Path) -> None:
        """A Word document as the baseline: its terms when it carries them unedited, else its text."""
        from app.compare.imported import BaselineError, docx_baseline

        try:
            data = path.read_bytes()
        except OSError as exc:
            self.message_bar.show_message(f"{path.name} cannot be read: {exc.strerror or exc}.", "error")
            return
        try:
            baseline = docx_baseline(data)
        except BaselineError as exc:
            self.message_bar.show_message(f"{path.name} cannot be compared with: {exc}.", "error")
            return
        label = baseline.describe(path.name)
        self.changes_view.set_baseline(baseline.letter, label, baseline.document)
        self.changes_view.set_current(self._current_letter())
        self.side_tabs.setCurrentWidget(self.changes_tab)
        if baseline.by_text:
            self.message_bar.show_message(
                f"Comparing with the text of {path.name}, its tracked changes taken as accepted.", "info"
            )

    def _fill_compare_menu(self) -> None:
        self.compare_menu.clear()
        versions = sorted(self.document.sent_versions, key=lambda v: v.sent_at, reverse=True)
        for version in versions:
            self.compare_menu.addAction(
                f"{version.name} ({version.sent_at.astimezone():%Y-%m-%d})",
                partial(self.compare_with, version.terms, version.name),
            )
        if not versions:
            none = self.compare_menu.addAction("No version marked as sent yet")
            none.setEnabled(False)
        self.compare_menu.addSeparator()
        self.compare_menu.addAction(self.compare_file_action)

    # ================================================================== export

    def _export_stem(self) -> Path:
        return self._folder() / self.document.display_name

    def _export_dialog(self, kind: str) -> None:
        if self.document.has_errors:
            self.message_bar.show_message(self.export_docx_action.toolTip(), "error")
            return
        path = self.prompts.export_path(self._export_stem().with_suffix(f".{kind}"), kind)
        if path is not None:
            (self.export_docx if kind == "docx" else self.export_pdf)(path)

    def _exportable_letter(self) -> Letter | None:
        """The letter, when it has no errors; otherwise None, and the message bar says why."""
        letter = self.document.letter
        if letter is None or self.document.has_errors:
            self.message_bar.show_message(self.export_docx_action.toolTip(), "error")
            return None
        return letter

    def export_docx(self, path: Path) -> bool:
        """Write the letter as DOCX (the same bytes as ``offerdesk render``)."""
        letter = self._exportable_letter()
        if letter is None:
            return False
        # Imported on first use: it loads the template engine, which the start leaves to the preview.
        from app.ui import exports

        try:
            exports.write_docx(path, letter, self.preview.current_document(), self.document.draft)
        except exports.ExportError as exc:
            self.message_bar.show_message(str(exc), "error")
            return False
        self._offer_to_open(path)
        return True

    def _export_redline_dialog(self) -> None:
        if self._redline_to_export() is None:
            return
        suggested = self._folder() / f"{self.document.display_name} redline.docx"
        path = self.prompts.export_path(suggested, "docx", "Export Redline")
        if path is not None:
            self.export_redline(path)

    def _redline_to_export(self) -> Redline | None:
        view = self.changes_tab.made
        if view is None or not view.has_baseline:
            self.message_bar.show_message(
                "There is nothing to redline yet: choose what to compare with (Letter > Compare With), "
                "then export the redline.", "error")
            return None
        if view.redline is None:
            self.message_bar.show_message(
                "The redline needs a letter without errors: fix the errors first (F6).", "error")
            return None
        return view.redline

    def export_redline(self, path: Path) -> bool:
        """Write the Changes tab's redline as DOCX with tracked changes by the user's name."""
        redline = self._redline_to_export()
        if redline is None:
            return False
        from app.ui import exports
        from app.ui.preferences import author_name

        try:
            exports.write_redline_docx(path, redline, author_name(self.settings), self.document.draft)
        except exports.ExportError as exc:
            self.message_bar.show_message(str(exc), "error")
            return False
        self._offer_to_open(path)
        return True

    def print_letter(self) -> None:
        """Print the letter as the preview shows it, through the system's Print dialog."""
        from PySide6.QtPrintSupport import QPrinter

        if self._exportable_letter() is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.document.display_name)
        # QTextDocument.print_ adds 2 cm of its own inside the printer's margins: about an inch in all.
        printer.setPageMargins(QMarginsF(0.2, 0.2, 0.2, 0.2), QPageLayout.Unit.Inch)
        if self.prompts.print_setup(printer):
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Lay the current letter out, as the preview shows it, onto ``printer``'s pages."""
        letter = self._exportable_letter()
        if letter is None:
            return False
        from app.ui import exports

        try:
            exports.print_letter(printer, letter, self.preview.current_document())
        except exports.ExportError as exc:
            self.message_bar.show_message(str(exc), "error")
            return False
        return True

    def edit_preferences(self) -> None:
        from app.ui.preferences import author_name, set_author_name

        name = self.prompts.preferences(author_name(self.settings))
        if name is not None:
            set_author_name(self.settings, name)

    def export_pdf(self, path: Path) -> None:
        """Write the letter as PDF through LibreOffice, in the background."""
        letter = self.document.letter
        if letter is None or self.document.has_errors:
            return
        self.message_bar.show_message(f"Exporting {path.name}…", "info")
        self.export_pdf_action.setEnabled(False)
        from app.ui import exports

        exports.start_pdf_export(path, letter, self, self._on_pdf_exported)

    def _on_pdf_exported(self, path: Path, error: str) -> None:
        self._update_export_actions()
        if error:
            self.message_bar.show_message(error, "error")
        else:
            self._offer_to_open(path)

    def _offer_to_open(self, path: Path) -> None:
        def open_it() -> None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        action = ("Open", open_it) if self.open_exports else None
        self.message_bar.show_message(f"Exported {path.name} to {path.parent}.", "info", action)

    # ================================================================== batch

    def open_batch_dialog(self) -> BatchDialog:
        """Letter > Batch...: the dialog for the open letter (one per window, reused)."""
        from app.ui.batch_dialog import BatchDialog

        dialog = self.batch_dialog
        if dialog is None or not dialog.running:
            if dialog is not None:
                dialog.deleteLater()
            dialog = BatchDialog(copy.deepcopy(self.document.draft), self.document.display_name, self._folder(),
                                 native_dialogs=self.prompts.native_dialogs, parent=self)
            self.batch_dialog = dialog
        if dialog.isVisible():
            dialog.activateWindow()
        else:
            dialog.show()
        return dialog

    # ================================================================== window

    def about(self) -> None:
        self.message_bar.show_message(
            "OfferDesk drafts, checks, prices and compares executive offer letters and exports them as DOCX.",
            "info",
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not self.maybe_save():
            event.ignore()
            return
        if self.batch_dialog is not None:
            self.batch_dialog.close()  # a running batch stops after its current letter
        self.preview.shutdown()
        from app.ui import exports

        exports.wait_for_exports(self)
        self._side_timer.stop()
        self._form_builder.stop()
        self._autosave.stop()
        self.recovery.clear()
        self._release_lock()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._undo_keys)
        if isinstance(app, QApplication) and self._ends_typing_on_focus_change:
            app.focusChanged.disconnect(self._on_focus_changed)
            self._ends_typing_on_focus_change = False
        if self.remember_layout:
            self.save_layout()
        event.accept()

    def select_section(self, key: str) -> None:
        if key in SECTION_BY_KEY:
            self.navigator.select_section(key)

