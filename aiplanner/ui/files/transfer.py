"""File > Import and File > Export.

Import reads a foreign file with the same importers as ``aiplanner import``.
Export offers exactly the formats and options of ``aiplanner export``: the
dialog is built from that command's argument parser, the values typed are
parsed by it (same checks, same defaults), and the same registry function
writes the bytes, with a progress dialog that can cancel.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from aiplanner.io.importing import import_filter
from aiplanner.model.errors import PlanError

__all__ = ["IMPORT_FILTER", "import_plan", "ExportDialog", "export_parser", "ExportCancelled"]

IMPORT_FILTER = import_filter()  # every format of the importer registry


def import_plan(prompts, path: str | Path, fmt: str | None = None):
    """Read a foreign file; on failure tell the user and return None."""
    from aiplanner.io.importing import import_file

    try:
        return import_file(str(path), fmt)
    except PlanError as exc:
        prompts.error("Cannot import", f"{Path(path).name} could not be imported.\n\n{exc}")
        return None


class ExportCancelled(Exception):
    """The user pressed Cancel in the progress dialog."""


def export_parser() -> argparse.ArgumentParser:
    """The ``aiplanner export`` argument parser (the single source of its options)."""
    from aiplanner.commands import export

    parser = argparse.ArgumentParser(prog="aiplanner export", exit_on_error=False)
    export.add_arguments(parser)
    return parser


#: Options of the command the dialog does not show (it has its own controls for them).
_HIDDEN = {"help", "file", "format", "output", "progress"}


class ExportDialog(QDialog):
    """Format, output file and every report/chart option of ``aiplanner export``."""

    def __init__(self, window: QWidget, settings: QSettings) -> None:
        super().__init__(window)
        from aiplanner.io.exporters import exporter_names, get_exporter

        self.window_ = window
        self.settings = settings
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
        form = QFormLayout()
        form.addRow("&Format", self.format)
        form.addRow("Save to", out_row)
        self.fields: dict[str, tuple[argparse.Action, QWidget]] = {}
        for action in self.parser._actions:
            if action.dest in _HIDDEN or not action.option_strings:
                continue
            widget = self._widget_for(action)
            self.fields[action.dest] = (action, widget)
            label = action.option_strings[-1].lstrip("-").replace("-", " ").capitalize()
            label = {"Dpi": "DPI (png)", "Seed": "Risk seed"}.get(label, label)
            widget.setToolTip(action.help or "")
            form.addRow(label, widget)
        paper = self.fields.get("paper")
        if paper is not None:
            saved = settings.value("export/paper")
            if saved and isinstance(paper[1], QComboBox):
                paper[1].setCurrentIndex(max(0, paper[1].findText(str(saved))))
        self.format.currentIndexChanged.connect(self._suggest_output)
        self._suggest_output()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    # -- building the form from the parser ---------------------------------------------
    @staticmethod
    def _widget_for(action: argparse.Action) -> QWidget:
        if action.choices:
            combo = QComboBox()
            combo.addItems([str(c) for c in action.choices])
            if action.default is not None:
                combo.setCurrentIndex(max(0, combo.findText(str(action.default))))
            return combo
        if action.type is int:
            spin = QSpinBox()
            spin.setRange(0, 10_000)
            spin.setValue(int(action.default or 0))
            return spin
        edit = QLineEdit()
        metavar = action.metavar or ""
        edit.setPlaceholderText("default" if not metavar or "[" in metavar else metavar)
        return edit

    def set_value(self, dest: str, value: Any) -> None:
        """Set an option as the user would (tests and saved settings use it)."""
        widget = self.fields[dest][1]
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findText(str(value)))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        else:
            widget.setText(str(value))

    def set_format(self, name: str) -> None:
        self.format.setCurrentIndex(self.format.findData(name))

    def chosen_format(self) -> str:
        return self.format.currentData()

    def _suggest_output(self) -> None:
        from aiplanner.io.exporters import get_exporter

        session = self.window_.session
        base = session.path if session.path else Path.home() / f"{session.plan.name}.aiplan"
        suffix = get_exporter(self.chosen_format()).suffix
        self.output.setText(str(base.with_suffix(suffix)))

    def _browse(self) -> None:
        path = self.window_.prompts.save_path("Export to", "All files (*)", self.output.text())
        if path:
            self.output.setText(path)

    def argv(self) -> list[str]:
        """The dialog as ``aiplanner export`` arguments."""
        args = ["plan.aiplan", "--to", self.chosen_format(), "-o", self.output.text().strip()]
        for dest, (action, widget) in self.fields.items():
            if isinstance(widget, QComboBox):
                text = widget.currentText()
            elif isinstance(widget, QSpinBox):
                text = str(widget.value())
            else:
                text = widget.text().strip()
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
        return {k: v for k, v in vars(namespace).items() if not k.startswith("_") and k not in ("file", "output")}

    # -- running ------------------------------------------------------------------------
    def run_export(self, plan) -> bool:
        """Write the export with a progress dialog; errors are shown, nothing half-written."""
        from aiplanner.io.atomic import atomic_write_bytes
        from aiplanner.io.exporters import ExportRequest, get_exporter

        prompts = self.window_.prompts
        out = self.output.text().strip()
        if not out:
            prompts.error("Export", "Choose where to save the export.")
            return False
        progress = QProgressDialog("Exporting…", "Cancel", 0, 100, self.window_)
        progress.setWindowTitle("Export")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def report(fraction: float, message: str) -> None:
            progress.setValue(int(fraction * 100))
            progress.setLabelText(message or "Exporting…")
            QApplication.processEvents()
            if progress.wasCanceled():
                raise ExportCancelled()

        try:
            options = self.options()
            exporter = get_exporter(self.chosen_format())
            source = str(self.window_.session.path or "")
            data = exporter.load()(ExportRequest(plan=plan, source=source, options=options, progress=report))
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
        self.window_.statusBar().showMessage(f"Exported {Path(out).name}", 8000)
        return True
