"""File > Export: every format and option of ``aiplanner export``, starting from what the window shows.

The dialog is built from that command's argument parser: the values chosen
are turned back into its arguments and parsed by it (same checks, same
defaults), and the same registry function writes the bytes. Three choices
start from the window, and the dialog says so at the top: the scenario
shown (``--scenario``), the baseline whose ghosts are drawn (``--baseline``)
and the status line (``--today``: the plan's status date, else today). Each
can be changed here without changing the window. Options a format does not
use are hidden. After writing, the file can be opened in its own program.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from aiplanner.model.errors import EditError, PlanError
from aiplanner.ui.widgets.datefield import DateField

__all__ = ["ExportDialog", "export_parser", "ExportCancelled", "cancellable_progress", "open_externally", "REPORT_OPTIONS"]

#: Options of the command the dialog does not show (it has its own controls for them).
_HIDDEN = {"help", "file", "format", "output", "progress"}

#: Which options each format reads; every other format reads only the scenario.
REPORT_OPTIONS: dict[str, frozenset[str]] = {
    "pdf": frozenset({"scenario", "baseline", "today", "paper", "orientation", "sections", "date_from", "date_to",
                      "fit", "scale", "columns", "seed"}),
    "png": frozenset({"scenario", "baseline", "today", "chart", "date_from", "date_to", "scale", "columns", "dpi",
                      "seed"}),
    "svg": frozenset({"scenario", "baseline", "today", "chart", "date_from", "date_to", "scale", "columns", "seed"}),
}
_LABELS = {"date_from": "From", "date_to": "Until", "today": "Status date", "dpi": "DPI", "seed": "Risk seed",
           "scenario": "Scenario", "baseline": "Baseline ghosts", "sections": "Sections", "columns": "Columns"}
_PLAN = "current"
_FIRST = ("scenario", "baseline", "today")


class ExportCancelled(Exception):
    """The user pressed Cancel in the progress dialog."""


def cancellable_progress(parent, title: str, text: str, delay_ms: int = 300):
    """A window-modal progress dialog and the progress callback that drives it.

    The callback (``fraction``, ``message``) moves the bar, shows the message (``text``
    when empty), keeps the window responsive, and raises :class:`ExportCancelled`
    once the user has pressed Cancel. The dialog shows only after ``delay_ms``.
    """
    progress = QProgressDialog(text, "Cancel", 0, 100, parent)
    progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(delay_ms)

    def report(fraction: float, message: str) -> None:
        progress.setValue(int(fraction * 100))
        progress.setLabelText(message or text)
        QApplication.processEvents()
        if progress.wasCanceled():
            raise ExportCancelled()

    return progress, report


def export_parser() -> argparse.ArgumentParser:
    """The ``aiplanner export`` argument parser (the single source of its options)."""
    from aiplanner.commands import export

    parser = argparse.ArgumentParser(prog="aiplanner export", exit_on_error=False)
    export.add_arguments(parser)
    return parser


def open_externally(path: str | Path) -> bool:
    """Open a file (or folder) in the program the desktop uses for it; False when none could."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class _Checklist(QListWidget):
    """A few names to tick, laid out left to right (the report's sections, the timeline's columns)."""

    def __init__(self, names, checked) -> None:
        super().__init__()
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setSpacing(2)
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in checked else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setFixedHeight(2 * self.sizeHintForRow(0) + 14)

    def value(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count()) if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_value(self, names) -> None:
        wanted = set(names)
        for i in range(self.count()):
            self.item(i).setCheckState(Qt.CheckState.Checked if self.item(i).text() in wanted else
                                       Qt.CheckState.Unchecked)


class ExportDialog(QDialog):
    """Format, output file and every report/chart option of ``aiplanner export``."""

    def __init__(self, window: QWidget, settings: QSettings) -> None:
        super().__init__(window)
        from aiplanner.io.exporters import exporter_names, get_exporter

        self.window_ = window
        self.settings = settings
        self.plan = window.session.plan
        self.setWindowTitle("Export")
        self.parser = export_parser()
        self.format = QComboBox()
        for name in exporter_names():
            self.format.addItem(f"{name} — {get_exporter(name).description}", name)
        last = settings.value("export/format", "pdf")
        self.format.setCurrentIndex(max(0, self.format.findData(last)))
        self.output = QLineEdit()
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setStyleSheet("background: #fff7e0; border: 1px solid #e8d9a8; padding: 6px;")
        self.form = QFormLayout()
        self.form.addRow("&Format", self.format)
        save_label = QLabel("Save &to")
        save_label.setBuddy(self.output)
        self.form.addRow(save_label, out_row)
        self.fields: dict[str, tuple[argparse.Action, QWidget]] = {}
        actions = [a for a in self.parser._actions if a.dest not in _HIDDEN and a.option_strings]
        # What is exported first (it starts from the window), then how it is laid out.
        actions.sort(key=lambda a: _FIRST.index(a.dest) if a.dest in _FIRST else len(_FIRST))
        for action in actions:
            if action.dest in self.fields:
                continue
            widget = self._widget_for(action)
            self.fields[action.dest] = (action, widget)
            label = _LABELS.get(action.dest) or action.option_strings[-1].lstrip("-").replace("-", " ").capitalize()
            widget.setToolTip(action.help or "")
            self.form.addRow(label, widget)
        self._from_window()
        paper = self.fields.get("paper")
        if paper is not None:
            saved = settings.value("export/paper")
            if saved and isinstance(paper[1], QComboBox):
                paper[1].setCurrentIndex(max(0, paper[1].findText(str(saved))))
        self.format.currentIndexChanged.connect(self._format_changed)
        for dest in ("scenario", "baseline", "today"):
            widget = self.fields[dest][1]
            signal = widget.currentIndexChanged if isinstance(widget, QComboBox) else widget.textChanged
            signal.connect(lambda *_args: self._describe())
        self.fields["scenario"][1].currentIndexChanged.connect(lambda _i: self._suggest_output())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self._format_changed()
        self.setMinimumWidth(620)

    # -- building the form from the parser ---------------------------------------------
    def _widget_for(self, action: argparse.Action) -> QWidget:
        from aiplanner.render.gantt.scene import COLUMNS
        from aiplanner.render.options import SECTIONS

        dest = action.dest
        if dest == "scenario":
            combo = QComboBox()
            combo.addItem("The plan itself", _PLAN)
            for scenario in self.plan.scenarios:
                combo.addItem(scenario.name, scenario.name)
            return combo
        if dest == "baseline":
            combo = QComboBox()
            combo.addItem("None", "none")
            if self.plan.baselines:
                combo.addItem(f"Latest ({self.plan.baselines[-1].name})", "latest")
            for baseline in self.plan.baselines:
                combo.addItem(baseline.name, baseline.name)
            return combo
        if dest in ("today", "date_from", "date_to"):
            return DateField(None, optional=True)
        if dest == "sections":
            return _Checklist(SECTIONS, SECTIONS)
        if dest == "columns":
            return _Checklist(tuple(COLUMNS), ("start", "finish"))
        if action.choices:
            combo = QComboBox()
            combo.addItems([str(c) for c in action.choices])
            if action.default is not None:
                combo.setCurrentIndex(max(0, combo.findText(str(action.default))))
            return combo
        if action.type is int or dest == "dpi":
            spin = QSpinBox()
            spin.setRange(10 if dest == "dpi" else 0, 600 if dest == "dpi" else 10_000)
            spin.setValue(int(action.default or 0))
            return spin
        edit = QLineEdit()
        metavar = action.metavar or ""
        edit.setPlaceholderText("default" if not metavar or "[" in metavar else metavar)
        return edit

    def _from_window(self) -> None:
        """Start from what the window shows: its scenario, baseline ghosts and status line."""
        window = self.window_
        lens = getattr(window, "lens", None)
        self.window_scenario = getattr(lens, "scenario", None)
        bar = getattr(window, "workshop_bar", None)
        self.window_baseline = bar.baseline_name() if bar is not None else None
        gantt = getattr(window, "gantt", None)
        self.window_status = gantt.status_day() if gantt is not None else self.plan.status_date
        self.set_value("scenario", self.window_scenario or _PLAN)
        self.set_value("baseline", self.window_baseline or "none")
        self.fields["today"][1].set_date(self.window_status)
        self._describe()

    def _describe(self) -> None:
        """The top note: what will be exported, and whether that is what the window shows."""
        try:
            options = self._view_choices()
        except EditError as exc:
            self.summary.setText(f"<span style='color:#b3261e'>{exc}</span>")
            return
        scenario, baseline, status = options
        what = f"the scenario <b>{scenario}</b>" if scenario else "<b>the plan itself</b>"
        ghosts = f"baseline <b>{baseline}</b> as ghost bars" if baseline != "none" else "no baseline ghosts"
        line = f"the status line on <b>{status:%d %b %Y}</b>" if status else "no status line"
        same = (scenario == self.window_scenario and baseline == (self.window_baseline or "none")
                and status == self.window_status)
        tail = ("This is what the window shows." if same else
                "<span style='color:#b45309'>Not what the window shows</span> (the window stays as it is).")
        self.summary.setText(f"Exports {what}, with {ghosts} and {line}. {tail}")

    def _view_choices(self) -> tuple[str | None, str, dt.date | None]:
        scenario = self.fields["scenario"][1].currentData()
        baseline = self.fields["baseline"][1].currentData()
        baseline = self.plan.baselines[-1].name if baseline == "latest" and self.plan.baselines else baseline
        return (None if scenario == _PLAN else scenario), baseline, self.fields["today"][1].date()

    def _format_changed(self) -> None:
        """Show the options the chosen format reads; suggest a file name."""
        used = REPORT_OPTIONS.get(self.chosen_format(), frozenset({"scenario"}))
        for dest, (_action, widget) in self.fields.items():
            self.form.setRowVisible(widget, dest in used)
        self._suggest_output()
        self.adjustSize()

    def set_value(self, dest: str, value: Any) -> None:
        """Set an option as the user would (tests and saved settings use it)."""
        widget = self.fields[dest][1]
        if isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(index if index >= 0 else widget.findText(str(value)))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        elif isinstance(widget, _Checklist):
            widget.set_value(str(value).split(",") if isinstance(value, str) else value)
        elif isinstance(widget, DateField):
            widget.setText("" if value in (None, "none") else str(value))
        else:
            widget.setText(str(value))

    def set_format(self, name: str) -> None:
        self.format.setCurrentIndex(self.format.findData(name))

    def chosen_format(self) -> str:
        return self.format.currentData()

    def _suggest_output(self) -> None:
        """A file name beside the plan's, with the format's suffix (and the scenario's name);
        a name the user typed is kept."""
        from aiplanner.io.exporters import get_exporter

        if self.output.text() and self.output.text() != getattr(self, "_suggested", None):
            current = Path(self.output.text())
            self.output.setText(str(current.with_suffix(get_exporter(self.chosen_format()).suffix)))
            self._suggested = None
            return

        session = self.window_.session
        base = session.path if session.path else Path.home() / f"{session.plan.name}.aiplan"
        scenario = self.fields["scenario"][1].currentData() if "scenario" in self.fields else _PLAN
        if scenario != _PLAN:
            safe = "".join(c if c.isalnum() or c in " -_" else "-" for c in scenario).strip()
            base = base.with_name(f"{base.stem} - {safe}{base.suffix}")
        suffix = get_exporter(self.chosen_format()).suffix
        self._suggested = str(base.with_suffix(suffix))
        self.output.setText(self._suggested)

    def _browse(self) -> None:
        path = self.window_.prompts.save_path("Export to", "All files (*)", self.output.text())
        if path:
            self.output.setText(path)

    def argv(self) -> list[str]:
        """The dialog as ``aiplanner export`` arguments (options the format does not read left out)."""
        used = REPORT_OPTIONS.get(self.chosen_format(), frozenset({"scenario"}))
        args = ["plan.aiplan", "--to", self.chosen_format(), "-o", self.output.text().strip()]
        for dest, (action, widget) in self.fields.items():
            if dest not in used:
                continue
            if isinstance(widget, QComboBox):
                text = str(widget.currentData() if widget.currentData() is not None else widget.currentText())
            elif isinstance(widget, QSpinBox):
                text = str(widget.value())
            elif isinstance(widget, _Checklist):
                text = ",".join(widget.value())
                if not text:
                    raise EditError(f"choose at least one of the {_LABELS[dest].lower()}")
            elif isinstance(widget, DateField):
                day = widget.date()  # raises EditError naming a bad date
                text = day.isoformat() if day else ("none" if dest == "today" else "")
            else:
                text = widget.text().strip()
            if dest == "scenario" and text == _PLAN:
                continue
            if text and text != str(action.default):
                args += [action.option_strings[-1], text]
        return args

    def options(self) -> dict[str, Any]:
        """Options exactly as the command would pass them (raises PlanError on bad values)."""
        from aiplanner.model.errors import InvalidPlanError, Problem

        try:
            namespace = self.parser.parse_args(self.argv())
        except (argparse.ArgumentError, SystemExit) as exc:
            raise InvalidPlanError([Problem("", f"export options: {exc}")]) from None
        options = {k: v for k, v in vars(namespace).items() if not k.startswith("_") and k not in ("file", "output")}
        if options.get("today") == "none":
            options["today"] = None
        return options

    # -- running ------------------------------------------------------------------------
    def run_export(self, plan=None) -> bool:
        """Write the export with a progress dialog; errors are shown, nothing half-written.

        ``plan`` defaults to the window's plan; the scenario chosen in the dialog is
        applied to it.
        """
        from aiplanner.io.atomic import atomic_write_bytes
        from aiplanner.io.exporters import ExportRequest, get_exporter, scenario_plan

        prompts = self.window_.prompts
        out = self.output.text().strip()
        if not out:
            prompts.error("Export", "Choose where to save the export.")
            return False
        progress, report = cancellable_progress(self.window_, "Export", "Exporting…")

        source = str(self.window_.session.path or "")
        try:
            options = self.options()
            exporter = get_exporter(self.chosen_format())
            shown = scenario_plan(plan if plan is not None else self.window_.session.plan, options.get("scenario"),
                                  source)
            data = exporter.load()(ExportRequest(plan=shown, source=source, options=options, progress=report))
            atomic_write_bytes(out, data, backup=False)
        except ExportCancelled:
            return False
        except PlanError as exc:
            prompts.error("Export failed", str(exc))
            return False
        finally:
            progress.close()
        self.settings.setValue("export/format", self.chosen_format())
        if "paper" in self.fields:
            self.settings.setValue("export/paper", self.fields["paper"][1].currentText())
        path = Path(out)
        self.window_.statusBar().showMessage(f"Exported {path.name}", 8000)
        answer = prompts.ask("Exported", f"{path.name} was written to {path.parent}.",
                             ["Open", "Show folder", "Close"], default="Open")
        if answer in ("Open", "Show folder") and not open_externally(path if answer == "Open" else path.parent):
            prompts.info("Exported", f"No program on this computer opens {path.name}; it is in {path.parent}.")
        return True
