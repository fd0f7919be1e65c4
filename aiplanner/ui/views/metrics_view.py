"""Metrics of the operating model against their targets, over time.

Hosting: ``MetricsView(session, parent)`` in a dock or tab (connect
``message(str)`` to the status bar: refused edits are explained there).

- The table lists every metric with its target, latest value, the date it
  was measured and its status (:mod:`aiplanner.checks.metrics`: on or off
  target, trend right or wrong, no data). The target is typed as people
  write it: ``< 4``, ``>= 70``, ``rising``, ``declining`` (empty: none).
- Beside it, the selected metric's trend chart with its target line (the
  report's chart, :func:`aiplanner.render.trend.paint_trend`) and its
  measurements; *Record* adds a dated value (a second one on the same date
  replaces it), *Remove* deletes the selected one. Each edit is one
  :class:`EditPlanCommand`.

A scenario cannot hold metrics of its own, so while the window shows one
the view is read-only (it shows the plan's metrics, which every scenario
shares) and a note says why. matplotlib is loaded when the view is first shown.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSplitter, QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from aiplanner.ui.marks import DERIVED
from aiplanner.ui.views.plan_table import PlanTableModel
from aiplanner.ui.views.scenario_note import ScenarioNote, shown_scenario

__all__ = ["MetricsModel", "MetricsView", "COLUMNS", "parse_value"]

#: (key, header, editable)
COLUMNS = (
    ("category", "Category", False),
    ("name", "Metric", False),
    ("target", "Target", True),
    ("latest", "Latest", False),
    ("date", "Measured", False),
    ("status", "Status", False),
    ("unit", "Unit", False),
    ("how_measured", "How measured", False),
)

_CATEGORY_COLOURS = {"efficiency": QColor("#e8f0fe"), "quality": QColor("#e6f4ea"), "value": QColor("#fef7e0")}
_STATUS_COLOURS = {"on-target": QColor("#2E7D32"), "trend-right": QColor("#2E7D32"),
                   "off-target": QColor("#C62828"), "trend-wrong": QColor("#C62828")}


def parse_value(text: str) -> float:
    """A typed measurement: a number, with a decimal comma or a trailing '%' allowed."""
    from aiplanner.model.parts import parse_value as parse

    return parse(text)


class MetricsModel(PlanTableModel):
    """One row per metric; a target edit pushes an undoable command."""

    def metrics(self):
        return self.session.plan.metrics if self.session.document is not None else []

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.metrics())

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return COLUMNS[section][1]
        return None

    def data(self, index, role=Qt.DisplayRole):
        from aiplanner.checks.metrics import metric_status, value_text

        if not index.isValid():
            return None
        metric = self.metrics()[index.row()]
        key = COLUMNS[index.column()][0]
        judged = metric_status(metric)
        latest = metric.latest
        if role == Qt.DisplayRole:
            if key == "category":
                return metric.category.capitalize()
            if key == "target":
                text = metric.target_text()
                return (f"{text} [{DERIVED}]" if metric.derived and text else text) or "—"  # as ui.marks marks it
            if key == "latest":
                return value_text(latest.value, metric.unit) if latest else "—"
            if key == "date":
                return f"{latest.date:%d %b %Y}" if latest else ""
            if key == "status":
                return judged.words
            return getattr(metric, key)
        if role == Qt.EditRole and key == "target":
            target = metric.target
            if target is None:
                return ""
            return target.op if target.is_direction else f"{target.op} {target.value:g}"
        if role == Qt.ForegroundRole and key == "status":
            return _STATUS_COLOURS.get(judged.status)
        if role == Qt.BackgroundRole and key == "category":
            return _CATEGORY_COLOURS.get(metric.category)
        if role == Qt.ToolTipRole:
            derived = " (target derived: the source gives no target, only the direction it implies)" if metric.derived else ""
            return f"{metric.name}: {judged.reason}{derived}"
        return None

    def flags(self, index):
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.isValid() and COLUMNS[index.column()][2] and shown_scenario(self.session) is None:
            flags |= Qt.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        from aiplanner.model.parts import parse_target

        if role != Qt.EditRole or not index.isValid() or COLUMNS[index.column()][0] != "target":
            return False
        if shown_scenario(self.session) is not None:
            return self.refuse("metrics belong to the plan itself, not to a scenario; "
                               "choose Plan in the Scenario box to edit them")
        metrics = list(self.metrics())
        metric = metrics[index.row()]
        text = str(value).strip()
        if not text:
            target = None
        else:
            try:
                target = parse_target(text)
            except ValueError as exc:
                return self.refuse(f"{metric.name}: {str(exc).splitlines()[0]}")
            if target is None:
                return self.refuse(f"{metric.name}: write a target as '< 4', '>= 70', 'rising' or 'declining'")
        if target == metric.target:
            return False
        words = target.text(metric.unit) if target is not None else ""
        metrics[index.row()] = metric.model_copy(update={"target": target, "target_note": "", "derived": False})
        return self.push(f"Set the target of {metric.name} to {words or 'none'}", subject=metric.name,
                         metrics=metrics)

    def record(self, row: int, day: dt.date, value: float, note: str = "") -> bool:
        """Record ``value`` measured on ``day`` for the metric of ``row`` (one undoable edit)."""
        if shown_scenario(self.session) is not None:
            return self.refuse("metrics belong to the plan itself, not to a scenario; choose Plan to record values")
        metrics = list(self.metrics())
        metric = metrics[row]
        if day > dt.date.today():
            return self.refuse(f"{metric.name}: {day:%d %b %Y} is in the future; record a value once it is measured")
        try:
            metrics[row] = metric.with_measurement(day, value, note)
        except ValueError as exc:
            return self.refuse(f"{metric.name}: {str(exc).splitlines()[0]}")
        return self.push(f"Record {value:g} for {metric.name} on {day:%d %b %Y}", subject=metric.name,
                         metrics=metrics)

    def remove(self, row: int, day: dt.date) -> bool:
        """Remove the measurement of ``day`` from the metric of ``row`` (one undoable edit)."""
        if shown_scenario(self.session) is not None:
            return self.refuse("metrics belong to the plan itself, not to a scenario")
        metrics = list(self.metrics())
        metric = metrics[row]
        if metric.measured_on(day) is None:
            return False
        metrics[row] = metric.without_measurement(day)
        return self.push(f"Remove the {day:%d %b %Y} value of {metric.name}", subject=metric.name, metrics=metrics)


class MetricsView(QWidget):
    """The metrics table, and the selected metric's trend chart and measurements."""

    #: A refused edit, for the status bar.
    message = Signal(str)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.canvas = None  # the trend chart, made when first shown (matplotlib is imported then)
        self.model = MetricsModel(session, self)
        self.model.refused.connect(self.message)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self._sized = False  # columns fit their contents from the first show (not for the window's start)
        self.note = ScenarioNote(session, "read-only: every scenario shares the plan's metrics; "
                                          "choose Plan to edit targets and record values", self)
        self.chart_holder = QWidget(self)
        self.chart_layout = QVBoxLayout(self.chart_holder)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.values = QTableWidget(0, 3, self)
        self.values.setHorizontalHeaderLabels(["Date", "Value", "Note"])
        self.values.verticalHeader().setVisible(False)
        self.values.setEditTriggers(QTableWidget.NoEditTriggers)
        self.values.setSelectionBehavior(QTableWidget.SelectRows)
        self.values.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.day = QDateEdit(self, calendarPopup=True, displayFormat="d MMM yyyy")
        self.day.setAccessibleName("Measured on")
        today = dt.date.today()
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.value = QLineEdit(self, placeholderText="value")
        self.value.setAccessibleName("Measured value")
        self.value.returnPressed.connect(self.record)
        self.value_note = QLineEdit(self, placeholderText="note (where it comes from)")
        self.record_button = QPushButton("&Record", self)
        self.record_button.clicked.connect(self.record)
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.clicked.connect(self.remove_selected)
        entry = QHBoxLayout()
        for widget, stretch in ((self.day, 0), (self.value, 0), (self.value_note, 1), (self.record_button, 0),
                                (self.remove_button, 0)):
            entry.addWidget(widget, stretch)
        self.detail_title = QLabel(self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail_title)
        right_layout.addWidget(self.chart_holder, 3)
        right_layout.addWidget(self.values, 1)
        right_layout.addLayout(entry)
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([640, 460])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        self.model.modelReset.connect(self._after_reset)
        self._row = 0
        self.show_detail()

    # -- the selected metric --------------------------------------------------------------
    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else self._row

    def select_metric(self, metric_id: str) -> None:
        """Make ``metric_id`` the selected metric (its chart and values shown)."""
        ids = [m.id for m in self.model.metrics()]
        if metric_id in ids:
            self.table.selectRow(ids.index(metric_id))
            self.show_detail()

    def _after_reset(self) -> None:
        rows = self.model.rowCount()
        if rows:
            self.table.selectRow(min(self._row, rows - 1))
        self.show_detail()

    def show_detail(self) -> None:
        """The chart and the measurements of the selected metric."""
        from aiplanner.checks.metrics import metric_status

        metrics = self.model.metrics()
        editable = shown_scenario(self.session) is None
        for widget in (self.day, self.value, self.value_note, self.record_button, self.remove_button):
            widget.setEnabled(editable and bool(metrics))
        if not metrics:
            self.detail_title.setText("The plan has no metrics.")
            self.values.setRowCount(0)
            return
        self._row = min(self.current_row(), len(metrics) - 1)
        metric = metrics[self._row]
        judged = metric_status(metric)
        self.detail_title.setText(f"<b>{_html(metric.name)}</b>: {_html(judged.reason)}")
        self.values.setRowCount(len(metric.measurements))
        for r, m in enumerate(reversed(metric.measurements)):  # latest first
            date_item = QTableWidgetItem(f"{m.date:%d %b %Y}")
            date_item.setData(Qt.UserRole, m.date.isoformat())
            value_item = QTableWidgetItem(f"{m.value:g}")
            value_item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            for c, item in enumerate((date_item, value_item, QTableWidgetItem(m.note))):
                self.values.setItem(r, c, item)
        if self.canvas is not None:
            self.canvas.plot(metric, judged)

    def record(self) -> bool:
        """Record the typed value for the selected metric on the chosen day."""
        if not self.model.metrics():
            return False
        try:
            value = parse_value(self.value.text())
        except ValueError as exc:
            return self.model.refuse(str(exc))
        q = self.day.date()
        if self.model.record(self.current_row(), dt.date(q.year(), q.month(), q.day()), value,
                             self.value_note.text().strip()):
            self.value.clear()
            self.value_note.clear()
            return True
        return False

    def remove_selected(self) -> bool:
        """Remove the measurement selected in the values table."""
        row = self.values.currentRow()
        if row < 0 or not self.model.metrics():
            return False
        day = dt.date.fromisoformat(self.values.item(row, 0).data(Qt.UserRole))
        return self.model.remove(self.current_row(), day)

    def showEvent(self, event) -> None:
        if not self._sized:
            self._sized = True
            header = self.table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeToContents)
            header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.Stretch)
        super().showEvent(event)
        if self.canvas is None:
            self.canvas = _TrendCanvas(self.chart_holder)
            self.canvas.setMinimumHeight(160)
            self.chart_layout.addWidget(self.canvas)
            self.show_detail()


def _html(text: str) -> str:
    from html import escape

    return escape(text)


class _TrendCanvas:
    """The trend chart on a Qt canvas (the class is built on first use: matplotlib loads then)."""

    def __new__(cls, parent=None):
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        class TrendCanvas(FigureCanvasQTAgg):
            def __init__(self, parent=None) -> None:
                self.figure = Figure(figsize=(5, 2.6))
                super().__init__(self.figure)
                self.setParent(parent)
                self.shown = None  # (metric, status) on the chart

            def plot(self, metric, judged) -> None:
                """The report's trend chart, sized to the widget (drawn again on resize)."""
                from aiplanner.render.canvas import TextBatch
                from aiplanner.render.style import TextMeasure
                from aiplanner.render.trend import paint_trend

                self.shown = (metric, judged)
                self.figure.clear()
                width, height = self.figure.get_size_inches()
                texts = TextBatch(TextMeasure())
                paint_trend(self.figure, (0.1, 0.1, width - 0.3, height - 0.2), texts, metric, judged,
                            fontsize=8, title=False)
                self.figure.add_artist(texts.artist())
                self.draw_idle()

            def resizeEvent(self, event) -> None:
                super().resizeEvent(event)
                if self.shown is not None:
                    self.plot(*self.shown)

        return TrendCanvas(parent)
