"""Letter > Batch...: a letter per row of a table of terms, from the open letter, with progress.

The work is :mod:`app.batch` (the same as ``offerdesk batch``), run on one background thread, one
letter after another: forking worker processes from a GUI process with Qt's threads running is not
safe, and a batch made from the editor is a few dozen letters, not thousands (the command line does
those on every core). Cancel stops after the letter being made: each DOCX is written whole or not at
all, the summary lists what was written, and no PDFs are made for a stopped batch.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.message_bar import MessageBar

TERMS_FILTER = "Tables of terms (*.csv *.xlsx);;CSV (*.csv);;Excel workbooks (*.xlsx)"


class _Relay(QObject):
    """Carries the worker's news to the GUI thread (queued signals)."""

    started = Signal(int)  # rows to make
    row_done = Signal(object)  # RowResult
    phase = Signal(str)
    finished = Signal(object, str)  # BatchRun or None, error message


class _BatchJob(QRunnable):
    def __init__(self, terms: Path, out_dir: Path, draft: dict[str, Any], pdf: bool, relay: _Relay,
                 stop: threading.Event) -> None:
        super().__init__()
        self._terms, self._out_dir, self._draft, self._pdf = terms, out_dir, draft, pdf
        self._relay = relay
        self._stop = stop

    def run(self) -> None:
        from app.batch.runner import BatchError, plan, prepare_output, run_batch, write_pdfs, write_summary
        from app.batch.table import TableError, read_table

        try:
            table = read_table(self._terms)
            out_dir = prepare_output(self._out_dir)
            jobs = plan(table, self._draft, out_dir)
            if not jobs:
                raise BatchError(f"{self._terms.name} has a header but no rows: add a row per letter")
            self._relay.started.emit(len(jobs))
            batch = run_batch(jobs, on_result=self._relay.row_done.emit, should_stop=self._stop.is_set)
            if self._pdf and not batch.stopped:
                self._relay.phase.emit("Making the PDFs (one LibreOffice run)…")
                batch = write_pdfs(batch, out_dir)
            write_summary(batch, out_dir)
        except (TableError, BatchError) as exc:
            self._relay.finished.emit(None, str(exc))
            return
        self._relay.finished.emit(batch, "")


class BatchDialog(QDialog):
    """Pick a table of terms and a folder; make the letters with a progress bar that can be cancelled.

    Args:
        draft: the base letter's draft (the open letter); each row's cells replace its terms.
        base_name: the open letter's name, shown in the dialog.
        folder: where the file pickers start.
        native_dialogs: use the platform's file pickers (tests use Qt's own).

    Signals:
        batch_finished(object): the BatchRun of a batch that ran (stopped or not).
    """

    batch_finished = Signal(object)

    def __init__(self, draft: dict[str, Any], base_name: str, folder: Path, *, native_dialogs: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchDialog")
        self.setWindowTitle("Batch Letters")
        self.setMinimumWidth(560)
        self._draft = draft
        self._folder = folder
        self._native = native_dialogs
        self._stop = threading.Event()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.running = False
        self.last_run: Any = None
        self._done = 0
        self._not_written = 0

        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Each row of the table becomes a copy of <b>{_html(base_name)}</b> with the row's terms. "
            "Columns are named by term path (candidate.full_name, compensation.base_salary, "
            "position.start_date, candidate.address_lines.0, …); an empty cell keeps this letter's value."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.message_bar = MessageBar(self)
        layout.addWidget(self.message_bar)

        form = QFormLayout()
        self.terms_edit = QLineEdit()
        self.terms_edit.setPlaceholderText("a .csv or .xlsx file")
        form.addRow("Table of terms", self._with_button(self.terms_edit, "Choose…", self._choose_terms))
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText("the folder for the letters (created if needed)")
        form.addRow("Output folder", self._with_button(self.folder_edit, "Choose…", self._choose_folder))
        self.pdf_check = QCheckBox("Also write a PDF of each letter (needs LibreOffice)")
        form.addRow("", self.pdf_check)
        layout.addLayout(form)

        self.progress = QProgressBar()
        self.progress.setFormat("%v of %m letters")
        self.progress.setValue(0)
        self.progress.setRange(0, 1)
        layout.addWidget(self.progress)
        self.status = QLabel("Choose a table of terms and a folder, then Make Letters.")
        self.status.setObjectName("batchStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.start_button = QPushButton("Make Letters")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    def _with_button(self, edit: QLineEdit, text: str, slot: Any) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        row.addWidget(button)
        return box

    def _options(self) -> QFileDialog.Option:
        return QFileDialog.Option(0) if self._native else QFileDialog.Option.DontUseNativeDialog

    def _choose_terms(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Table of terms", str(self._folder), TERMS_FILTER,
                                              options=self._options())
        if name:
            self.terms_edit.setText(name)
            if not self.folder_edit.text():
                self.folder_edit.setText(str(Path(name).with_suffix("")) + "-letters")

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Folder for the letters", str(self._folder),
                                                options=self._options() | QFileDialog.Option.ShowDirsOnly)
        if name:
            self.folder_edit.setText(name)

    # ------------------------------------------------------------------ running

    def start(self) -> None:
        terms, folder = self.terms_edit.text().strip(), self.folder_edit.text().strip()
        if not terms or not folder:
            missing = "table of terms" if not terms else "output folder"
            self.message_bar.show_message(f"Choose the {missing} first.", "error")
            return
        self.message_bar.dismiss()
        self._stop.clear()
        self._done = self._not_written = 0
        self.running = True
        self._set_running(True)
        self.status.setText(f"Reading {Path(terms).name}…")
        relay = _Relay(self)
        relay.started.connect(self._on_started)
        relay.row_done.connect(self._on_row_done)
        relay.phase.connect(self.status.setText)
        relay.finished.connect(self._on_finished)
        relay.finished.connect(relay.deleteLater)
        self._pool.start(_BatchJob(Path(terms), Path(folder), self._draft, self.pdf_check.isChecked(), relay,
                                   self._stop))

    def cancel(self) -> None:
        """Stop after the letter being made."""
        if self.running:
            self._stop.set()
            self.cancel_button.setEnabled(False)
            self.status.setText("Stopping after the letter being made…")

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)
        for widget in (self.terms_edit, self.folder_edit, self.pdf_check):
            widget.setEnabled(not running)

    def _on_started(self, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.status.setText(f"Making {total} letter{'s' * (total != 1)}…")

    def _on_row_done(self, result: Any) -> None:
        self._done += 1
        self._not_written += result.docx is None
        self.progress.setValue(self._done)
        if not self._stop.is_set():
            failed = f" ({self._not_written} not written)" if self._not_written else ""
            self.status.setText(f"Made {self._done} of {self.progress.maximum()} letters{failed}…")

    def _on_finished(self, batch: Any, error: str) -> None:
        self.running = False
        self._set_running(False)
        if batch is None:
            self.status.setText("No letters were made.")
            self.message_bar.show_message(error, "error")
            return
        self.last_run = batch
        folder = self.folder_edit.text().strip()
        written, total = len(batch.written), self.progress.maximum()
        pdfs = sum(r.pdf is not None for r in batch.results)
        head = "Stopped: " if batch.stopped else ""
        pdf_note = f" and {pdfs} PDF{'s' * (pdfs != 1)}" if pdfs else ""
        self.status.setText(
            f"{head}{written} of {total} letter{'s' * (total != 1)}{pdf_note} written to {folder}; "
            "the summary is in summary.csv there."
        )
        notes = [batch.pdf_error] if batch.pdf_error else []
        problems = [f"row {r.row}: {'; '.join(r.problems)}" for r in batch.failed]
        if problems:
            more = f" (and {len(problems) - 3} more; see summary.csv)" if len(problems) > 3 else ""
            notes.append(f"{len(problems)} not written: " + "; ".join(problems[:3]) + more)
        if notes:
            self.message_bar.show_message("; ".join(notes), "warning")
        self.batch_finished.emit(batch)

    def wait(self) -> None:
        """Block until a running batch is over (closing the window waits for it)."""
        self._pool.waitForDone()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self.running:
            self.cancel()
            self._pool.waitForDone()
        event.accept()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["BatchDialog"]
