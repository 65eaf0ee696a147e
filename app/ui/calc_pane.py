"""The Calculations pane: pay, benefits, cost, equity vesting, a termination scenario and its timeline.

Every figure comes from :mod:`app.calc` (the pane holds no business rule); each shows how it was
computed as its tooltip. :meth:`CalcPane.set_letter` computes once per call and updates the shown
figures in place, so the window can call it on every valid edit.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.calc import (
    Calculations,
    Scenario,
    ScenarioError,
    ScenarioKind,
    calculate,
    run_scenario,
    scenario_kinds,
)
from app.calc.dates import default_scenario_date
from app.calc.report import (
    FIGURE_GROUPS,
    Section,
    blocked_figures,
    grant_title,
    overview,
    scenario_section,
)
from app.documents.formatting import FILTERS, long_date, money, shares
from app.domain.letter import Letter
from app.domain.problems import Problem
from app.ui.problems_view import term_label
from app.ui.style import ERROR_COLOR
from app.ui.timeline import Mark, Rule, Span, Timeline, TimelineChart
from app.ui.wheel import FormComboBox, FormDateEdit

# The scenario date offered first: a year and a half in, between the sample's first two vesting dates.
# Tables grow with their rows up to this many, then scroll.
MAX_TABLE_ROWS = 8
# Two columns of figures from this pane width (in pixels) up.
TWO_COLUMNS_FROM = 700

_VESTED = "#1565c0"
_ACCELERATED = "#f9a825"
_FORFEITED = "#9e9e9e"
_EMPLOYED = "#90a4ae"
_SEVERANCE = "#2e7d32"
_BENEFITS = "#00897b"
_EXERCISE = "#6a1b9a"
_NONCOMPETE = "#c62828"
_NONSOLICIT = "#ef6c00"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class FigureForm(QGroupBox):
    """A titled group of labelled figures; values update in place while the lines stay the same."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._form = QFormLayout(self)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self._form.setVerticalSpacing(3)
        self._layout_keys: tuple[tuple[str, str], ...] = ()
        self.values: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}

    def show_section(self, section: Section, titled: bool = True) -> None:
        if titled:
            self.setTitle(section.title)
        shape = tuple((line.key, line.label) for line in section.lines)
        if shape != self._layout_keys:
            self._rebuild(section)
        for line in section.lines:
            tip = line.explain(FILTERS)
            value = self.values[line.key]
            value.setText(line.text(FILTERS))
            value.setToolTip(tip)
            self._labels[line.key].setToolTip(tip)

    def _rebuild(self, section: Section) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self.values, self._labels = {}, {}
        for line in section.lines:
            label = QLabel(line.label)
            value = QLabel()
            value.setObjectName("figureValue")
            value.setStyleSheet("font-weight: 600;")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(line.label)
            # Long figures ("$250,000.00 on February 1, 2027") wrap rather than widen the pane past its tab.
            value.setWordWrap(True)
            self._form.addRow(label, value)
            self.values[line.key], self._labels[line.key] = value, label
        self._layout_keys = tuple((line.key, line.label) for line in section.lines)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    for column in (0, 1):  # the number and the date: as wide as their text
        table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return table


def _fit_rows(table: QTableWidget) -> None:
    rows = min(table.rowCount(), MAX_TABLE_ROWS)
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(rows)) if rows else 0
    table.setFixedHeight(height)


def _cell(text: str, tooltip: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tooltip)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class CalcPane(QWidget):
    """The letter's figures, a termination scenario and a timeline.

    Call :meth:`set_letter` with the current letter (``None`` while it has errors) and its problems.

    Signals:
        scenario_changed(str, object): the user picked another scenario; the kind (a
            :class:`~app.calc.ScenarioKind` value) and the termination date (``datetime.date``).
    """

    scenario_changed = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._letter: Letter | None = None
        self._calcs: Calculations | None = None
        self._scenario: Scenario | None = None
        self._date_picked = False  # the user chose a date: keep it when the letter changes
        self._build()
        self.set_letter(None, [])

    # ---------------------------------------------------------------- building

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        content = QWidget()
        scroll.setWidget(content)
        layout = QVBoxLayout(content)

        self.blocked_label = QLabel()
        self.blocked_label.setObjectName("calcBlocked")
        self.blocked_label.setWordWrap(True)
        self.blocked_label.setTextFormat(Qt.TextFormat.RichText)
        self.blocked_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.blocked_label)

        self.figures = QWidget()
        figures = QVBoxLayout(self.figures)
        figures.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.figures)
        layout.addStretch(1)

        self.start_label = QLabel()
        self.start_label.setObjectName("sectionNote")
        self.start_label.setWordWrap(True)
        figures.addWidget(self.start_label)

        self._overview_grid = QGridLayout()
        figures.addLayout(self._overview_grid)
        self.overview_forms = [FigureForm(title) for title in ("Pay", "Benefits and bonus", "Cost to the Company")]
        self._columns = 0
        self._place_overview(1)

        self.equity_box = QGroupBox("Equity vesting")
        equity = QVBoxLayout(self.equity_box)
        self.price_label = QLabel()
        self.price_label.setWordWrap(True)
        self.price_label.setTextFormat(Qt.TextFormat.RichText)
        equity.addWidget(self.price_label)
        self.vesting_table = _table(["Grant", "Vests on", "Shares", "Vested in all"])
        equity.addWidget(self.vesting_table)
        figures.addWidget(self.equity_box)

        figures.addWidget(self._build_scenario())

    def _build_scenario(self) -> QGroupBox:
        box = QGroupBox("If employment ends")
        layout = QVBoxLayout(box)
        picker = QFormLayout()
        picker.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind_combo = FormComboBox()
        for kind in ScenarioKind:  # until a letter is shown; then only the kinds it provides for
            self.kind_combo.addItem(kind.label, kind.value)
        self.kind_combo.setToolTip("The kind of termination")
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.date_edit = FormDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("MMMM d, yyyy")
        self.date_edit.setToolTip("The termination date")
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.coc_label = QLabel("Change of Control on")
        self.coc_edit = FormDateEdit()
        self.coc_edit.setCalendarPopup(True)
        self.coc_edit.setDisplayFormat("MMMM d, yyyy")
        self.coc_edit.setToolTip("When the Change of Control happened; the protection window runs from it")
        self.coc_edit.dateChanged.connect(self._on_coc_date_changed)
        picker.addRow("Termination", self.kind_combo)
        picker.addRow("Effective on", self.date_edit)
        picker.addRow(self.coc_label, self.coc_edit)
        layout.addLayout(picker)
        self._coc_picked = False

        self.scenario_error = QLabel()
        self.scenario_error.setWordWrap(True)
        self.scenario_error.setStyleSheet(f"color: {ERROR_COLOR};")
        layout.addWidget(self.scenario_error)
        self.terms_label = QLabel()
        self.terms_label.setObjectName("sectionNote")
        self.terms_label.setWordWrap(True)
        layout.addWidget(self.terms_label)
        self.scenario_form = FigureForm("")
        self.scenario_form.setFlat(True)
        layout.addWidget(self.scenario_form)
        self.timeline = TimelineChart()
        layout.addWidget(self.timeline)
        self.legend = legend = QLabel(" &nbsp; ".join(
            f"<span style='color:{color}'>&#9670;</span> {text}"
            for color, text in ((_VESTED, "vests"), (_ACCELERATED, "accelerated"), (_FORFEITED, "forfeited"))
        ) + " &nbsp; Hover over a bar for its dates.")
        legend.setObjectName("sectionNote")
        legend.setWordWrap(True)
        layout.addWidget(legend)
        self.payments_label = QLabel()
        self.payments_label.setWordWrap(True)
        layout.addWidget(self.payments_label)
        self.payments_table = _table(["#", "Paid on", "Amount"])
        layout.addWidget(self.payments_table)
        return box

    def _place_overview(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for form in self.overview_forms:
            self._overview_grid.removeWidget(form)
        pay, benefits, cost = self.overview_forms
        if columns == 2:
            self._overview_grid.addWidget(pay, 0, 0)
            self._overview_grid.addWidget(cost, 1, 0)
            self._overview_grid.addWidget(benefits, 0, 1, 2, 1)
        else:
            for row, form in enumerate(self.overview_forms):
                self._overview_grid.addWidget(form, row, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self._place_overview(2 if self.width() >= TWO_COLUMNS_FROM else 1)
        super().resizeEvent(event)

    # ---------------------------------------------------------------- public API

    @property
    def calculations(self) -> Calculations | None:
        """The figures shown (``None`` while the letter has errors)."""
        return self._calcs

    @property
    def scenario(self) -> Scenario | None:
        """The scenario shown (``None`` while the letter has errors or the date is not valid)."""
        return self._scenario

    @property
    def picked_date(self) -> date | None:
        """The termination date the user chose (``None`` while the default date is shown)."""
        return _pydate(self.date_edit.date()) if self._date_picked else None

    def set_letter(self, letter: Letter | None, problems: list[Problem]) -> None:
        """Show the figures of ``letter``, or, for ``None``, which figures are blocked by which errors."""
        if letter is None:
            self._letter = self._calcs = self._scenario = None
            self._show_blocked(problems)
            return
        self.blocked_label.hide()
        self.figures.show()
        if letter == self._letter and self._calcs is not None:
            return
        self._letter = letter
        self._calcs = calculate(letter)
        self._sync_kinds(letter)
        self._sync_dates(letter)
        self._show_calculations(letter, self._calcs)
        self._update_scenario()

    def set_scenario(self, kind: ScenarioKind, on: date, change_of_control_on: date | None = None) -> None:
        """Pick a scenario as the user would (the picker follows).

        Raises:
            ValueError: the letter shown does not provide for ``kind`` (it is not in the picker).
        """
        index = self.kind_combo.findData(kind.value)
        if index < 0:
            raise ValueError(f"{kind.label} is not a scenario of this letter")
        with QSignalBlocker(self.kind_combo), QSignalBlocker(self.date_edit), QSignalBlocker(self.coc_edit):
            self.kind_combo.setCurrentIndex(index)
            self.date_edit.setDate(_qdate(on))
            self._date_picked = True
            if change_of_control_on is not None:
                self.coc_edit.setDate(_qdate(change_of_control_on))
                self._coc_picked = True
        self._update_scenario()

    def figure_text(self, key: str) -> str:
        """The text shown for the figure with this key (``pay.per_period``, ``scenario.severance_total``)."""
        return self.value_label(key).text()

    def figure_tooltip(self, key: str) -> str:
        return self.value_label(key).toolTip()

    def value_label(self, key: str) -> QLabel:
        """The label showing the figure with this key; ``KeyError`` when it is not shown."""
        for form in [*self.overview_forms, self.scenario_form]:
            if key in form.values:
                return form.values[key]
        raise KeyError(key)

    # ---------------------------------------------------------------- showing

    def _show_blocked(self, problems: list[Problem]) -> None:
        self.figures.hide()
        blocked = blocked_figures(problems)
        if not blocked:
            self.blocked_label.setText("<p>No letter is open, so there is nothing to calculate.</p>")
            self.blocked_label.show()
            return
        groups = ", ".join(FIGURE_GROUPS)
        items = []
        for problem, used_by in blocked:
            why = f"needed for: {', '.join(used_by)}" if used_by else "no figure uses this term, but figures need a letter without errors"
            items.append(
                f"<li><b>{html.escape(term_label(problem))}</b>: {html.escape(problem.message)}"
                f"<br><i>{html.escape(why)}</i></li>"
            )
        self.blocked_label.setText(
            f"<p><b>No figures can be computed while the letter has errors.</b></p>"
            f"<p>Not computed: {html.escape(groups)}.</p>"
            f"<p>Fix {'this error' if len(items) == 1 else f'these {len(items)} errors'}:</p><ul>{''.join(items)}</ul>"
        )
        self.blocked_label.show()

    def _sync_kinds(self, letter: Letter) -> None:
        """List only the kinds of termination the letter provides for, keeping the one picked if it still is."""
        kinds = scenario_kinds(letter)
        shown = tuple(self.kind_combo.itemData(i) for i in range(self.kind_combo.count()))
        if shown == tuple(k.value for k in kinds):
            return
        current = self.kind_combo.currentData()
        with QSignalBlocker(self.kind_combo):
            self.kind_combo.clear()
            for kind in kinds:
                self.kind_combo.addItem(kind.label, kind.value)
            index = self.kind_combo.findData(current)
            self.kind_combo.setCurrentIndex(max(index, 0))

    def _sync_dates(self, letter: Letter) -> None:
        start = _qdate(letter.position.start_date)
        with QSignalBlocker(self.date_edit), QSignalBlocker(self.coc_edit):
            self.date_edit.setMinimumDate(start)
            self.coc_edit.setMinimumDate(_qdate(date(1900, 1, 1)))
            if not self._date_picked:
                self.date_edit.setDate(_qdate(default_scenario_date(letter.position.start_date)))
            if not self._coc_picked:
                self.coc_edit.setDate(self.date_edit.date())

    def _show_calculations(self, letter: Letter, calcs: Calculations) -> None:
        start = letter.position.start_date
        self.start_label.setText(f"For a start on {start:%A}, {long_date(start)}. Hover over a figure to see how it "
                                 "was computed.")
        for form, section in zip(self.overview_forms, overview(calcs), strict=True):
            form.show_section(section)
        self._show_vesting(calcs)

    def _show_vesting(self, calcs: Calculations) -> None:
        self.equity_box.setVisible(bool(calcs.equity))
        self.legend.setVisible(bool(calcs.equity))  # the legend names the vesting marks only
        prices = []
        for g in calcs.equity:
            what = grant_title(g, FILTERS)
            when = (f"exercise price: the close of {long_date(g.price_date.value)}" if g.price_date.value
                    else "no exercise price")
            begins = f"vesting counts from {long_date(g.vesting_start.value)}"
            counted = "" if g.shares.value is not None else f" ({g.shares.explain(FILTERS)})"
            prices.append(f"{html.escape(what)}; {html.escape(when)}; {html.escape(begins)}{html.escape(counted)}")
        self.price_label.setText("<br>".join(prices))
        self.price_label.setToolTip("\n".join(
            f"{g.shares.explain(FILTERS)}; {g.price_date.explain(FILTERS)}" for g in calcs.equity))
        rows = [(g, i) for g in calcs.equity for i in g.installments]
        table = self.vesting_table
        table.setRowCount(len(rows))
        for r, (g, i) in enumerate(rows):
            why = i.why.render(FILTERS)
            table.setItem(r, 0, _cell(str(g.index + 1), why))
            table.setItem(r, 1, _cell(long_date(i.date), why))
            table.setItem(r, 2, _cell(shares(i.shares), why, right=True))
            table.setItem(r, 3, _cell(shares(i.cumulative), why, right=True))
        _fit_rows(table)

    def _update_scenario(self) -> None:
        letter, calcs = self._letter, self._calcs
        if letter is None or calcs is None:
            return
        if self.kind_combo.currentData() is None:
            return
        kind = ScenarioKind(self.kind_combo.currentData())
        is_coc = kind is ScenarioKind.CHANGE_OF_CONTROL
        self.coc_label.setVisible(is_coc)
        self.coc_edit.setVisible(is_coc)
        on = _pydate(self.date_edit.date())
        try:
            scenario = run_scenario(letter, kind, on, _pydate(self.coc_edit.date()) if is_coc else None)
        except ScenarioError as exc:
            self._scenario = None
            self.scenario_error.setText(str(exc).capitalize())
            self.scenario_error.show()
            self.timeline.set_timeline(timeline_for(calcs, None))
            return
        self.scenario_error.hide()
        self._scenario = scenario
        self.terms_label.setText(f"Terms applied: {scenario.terms.render(FILTERS)}.")
        self.scenario_form.show_section(scenario_section(scenario, letter), titled=False)
        self._show_payments(scenario)
        self.timeline.set_timeline(timeline_for(calcs, scenario))

    def _show_payments(self, scenario: Scenario) -> None:
        payments = scenario.severance_payments.value
        why = scenario.severance_payments.explain(FILTERS)
        self.payments_label.setVisible(bool(payments))
        self.payments_table.setVisible(bool(payments))
        if not payments:
            return
        if len(payments) == 1:
            self.payments_label.setText(f"Severance in one payment on {long_date(payments[0].date)}")
        else:
            self.payments_label.setText(
                f"Severance in {len(payments)} payments, {long_date(payments[0].date)} to "
                f"{long_date(payments[-1].date)}"
            )
        self.payments_label.setToolTip(why)
        table = self.payments_table
        table.setRowCount(len(payments))
        for r, p in enumerate(payments):
            table.setItem(r, 0, _cell(str(p.number), why, right=True))
            table.setItem(r, 1, _cell(long_date(p.date), why))
            table.setItem(r, 2, _cell(money(p.amount), why, right=True))
        _fit_rows(table)

    # ---------------------------------------------------------------- slots

    def _on_kind_changed(self, _index: int) -> None:
        self._update_scenario()
        self._emit_scenario()

    def _on_date_changed(self, _day: QDate) -> None:
        self._date_picked = True
        if not self._coc_picked:
            with QSignalBlocker(self.coc_edit):
                self.coc_edit.setDate(self.date_edit.date())
        self._update_scenario()
        self._emit_scenario()

    def _on_coc_date_changed(self, _day: QDate) -> None:
        self._coc_picked = True
        self._update_scenario()
        self._emit_scenario()

    def _emit_scenario(self) -> None:
        self.scenario_changed.emit(self.kind_combo.currentData(), _pydate(self.date_edit.date()))


def timeline_for(calcs: Calculations, scenario: Scenario | None) -> Timeline:
    """The timeline of the figures: vesting, and for a scenario the termination and what follows it."""
    rows: list[str] = []
    spans: list[Span] = []
    marks: list[Mark] = []
    start_day = calcs.start_date
    rules = [Rule(start_day, "Start", "#37474f", f"Start: {long_date(start_day)}")]
    end = scenario.termination_date if scenario else None
    if scenario is not None:
        rows.append("Employment")
        spans.append(Span("Employment", start_day, scenario.termination_date, "employed", _EMPLOYED,
                          f"Employed {long_date(start_day)} to {long_date(scenario.termination_date)}"))
        rules.append(Rule(scenario.termination_date, "Ends", ERROR_COLOR,
                          f"{scenario.kind.label}: {long_date(scenario.termination_date)}"))
        if scenario.change_of_control_date and scenario.change_of_control_date != scenario.termination_date:
            day = scenario.change_of_control_date
            rules.append(Rule(day, "CoC", "#455a64", f"Change of Control: {long_date(day)}"))
    outcomes = {o.index: o for o in scenario.grants} if scenario else {}
    for g in calcs.equity:
        row = "Vesting" if len(calcs.equity) == 1 else f"Grant {g.index + 1} vesting"
        rows.append(row)
        # The accelerated shares are those that would have vested last (app.calc.scenarios), so they are
        # counted off the installments from the last one back.
        left = outcomes[g.index].accelerated if g.index in outcomes else 0
        states: dict[int, tuple[str, str]] = {}
        for i in reversed(g.installments):
            if end is None or i.date <= end:
                states[i.number] = (_VESTED, "vests")
                continue
            taken, left = min(left, i.shares), left - min(left, i.shares)
            if taken == i.shares:
                states[i.number] = (_ACCELERATED, "accelerated")
            elif taken:
                states[i.number] = (_ACCELERATED, f"partly accelerated ({shares(taken)} of them; the rest forfeited)")
            else:
                states[i.number] = (_FORFEITED, "forfeited")
        for i in g.installments:
            color, state = states[i.number]
            marks.append(Mark(row, i.date, shares(i.shares), color,
                              f"{long_date(i.date)}: {shares(i.shares)} {state} ({i.why.render(FILTERS)})"))
    if scenario is not None:
        _scenario_spans(scenario, rows, spans)
    return Timeline(tuple(rows), tuple(spans), tuple(marks), tuple(rules))


def _scenario_spans(scenario: Scenario, rows: list[str], spans: list[Span]) -> None:
    on = scenario.termination_date
    payments = scenario.severance_payments.value
    if payments:
        rows.append("Severance paid")
        spans.append(Span("Severance paid", payments[0].date, payments[-1].date,
                          money(scenario.severance_total.value), _SEVERANCE,
                          scenario.severance_payments.explain(FILTERS)))
    windows = [
        ("Health coverage", scenario.benefits_end, _BENEFITS),
        ("Option exercise", scenario.exercise_deadline, _EXERCISE),
        ("Non-compete", scenario.noncompete_end, _NONCOMPETE),
        ("Non-solicit", scenario.nonsolicit_end, _NONSOLICIT),
    ]
    for row, figure, color in windows:
        if figure.value is None:
            continue
        rows.append(row)
        spans.append(Span(row, on, figure.value, f"to {long_date(figure.value)}", color,
                          f"{row}: {long_date(on)} to {long_date(figure.value)} ({figure.explain(FILTERS)})"))
