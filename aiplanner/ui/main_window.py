"""The main window: the task tree and the Gantt side by side, views in docks.

The window owns one :class:`PlanSession`; every widget reads from it and
edits through undo commands. File handling lives in
:class:`~aiplanner.ui.files.controller.FileController`, the menus in
:mod:`aiplanner.ui.menus`, the status bar in :mod:`aiplanner.ui.status`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QToolBar,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from aiplanner.model.document import Document
from aiplanner.ui.files.controller import FileController
from aiplanner.ui.gantt.host import RowAlignedSession
from aiplanner.ui.gantt.view import GanttView
from aiplanner.ui.prompts import Prompts
from aiplanner.ui.workshop.lens import ScenarioLens
from aiplanner.ui.session import PlanSession
from aiplanner.ui.settings import app_settings
from aiplanner.ui.tasks.tree import TaskTreeView

if TYPE_CHECKING:
    from aiplanner.ui.tasks.editor import TaskEditorDialog

__all__ = ["MainWindow", "app_icon"]

#: The task table's column order, widths and hidden columns (versioned: the columns were reordered).
_COLUMNS_KEY = "window/task_columns_v2"


def app_icon() -> QIcon:
    """The application icon (our own SVG in ``resources/``)."""
    from importlib import resources

    icon_file = resources.files("aiplanner.resources").joinpath("aiplanner.svg")
    return QIcon(str(icon_file)) if icon_file.is_file() else QIcon()


class _DockBody(QWidget):
    """A dock's content: its view, kept hidden until the dock is first on screen.

    Tabbed docks all get a show event when the window first shows; a view that
    loads matplotlib or lays out a graph on show would slow the start. The body
    itself stays visible, so the dock area still lays the dock out with a size.
    """

    def __init__(self, view: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        #: The height the dock asks for (the window sets it from its own height
        #: before it first shows; 0 asks for the view's own size hint).
        self.preferred_height = 250
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(view)
        view.hide()

    def reveal(self) -> None:
        if not self.view.isVisible():
            self.view.show()

    def sizeHint(self):
        hint = self.view.sizeHint()
        if self.preferred_height:
            hint.setHeight(self.preferred_height)
        return hint

    def minimumSizeHint(self):
        return self.view.minimumSizeHint()


class MainWindow(QMainWindow):
    """One open plan: table, Gantt, docks, menus, status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.settings = app_settings()
        self.session = PlanSession(parent=self)
        self.prompts = Prompts(self)
        self.files = FileController(self.session, self.prompts, self)
        self.docks: dict[str, QDockWidget] = {}
        self._shown_once = False
        self._restored_state = False

        # The table, the Gantt and the status bar show the plan or the scenario chosen in the
        # workshop tool bar; edits on a scenario become its overrides (see ScenarioLens).
        self.lens = ScenarioLens(self.session, self)
        self.tree = TaskTreeView(self.lens)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter tasks (name, id, role, tag)…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter tasks")
        self.filter_edit.textChanged.connect(self.tree.proxy.set_filter_text)
        self.critical_only = QCheckBox("&Critical only")
        self.critical_only.toggled.connect(self.tree.proxy.set_critical_only)
        filter_bar = QToolBar("Filter")
        filter_bar.setObjectName("FilterBar")
        filter_bar.setMovable(False)
        filter_bar.addWidget(self.filter_edit)
        filter_bar.addWidget(self.critical_only)
        self.filter_edit.setMinimumWidth(260)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, filter_bar)
        self.filter_bar = filter_bar

        self.gantt = self._make_gantt()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("MainSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.gantt)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 720])  # proportioned to the window when it first shows
        self.setCentralWidget(self.splitter)

        self.undo_view = QUndoView(self.session.undo_stack)
        self.undo_view.setEmptyLabel("<opened>")
        self.undo_view.setAccessibleName("Undo history")
        self.add_dock("history", "Undo &history", self.undo_view, Qt.DockWidgetArea.BottomDockWidgetArea)
        self._add_views()

        self._link_tree_and_gantt()
        from aiplanner.ui.menus import build_menus
        from aiplanner.ui.status import StatusPanel

        self.actions_by_name = build_menus(self)
        from aiplanner.ui.tasks.phase_memory import FoldingMemory

        self.folding_memory = FoldingMemory(self)  # collapsed phases, remembered per file
        self.status = StatusPanel(self.session, self.statusBar(), self.lens)
        self.findings_view.countsChanged.connect(self.status.set_counts)
        if self.findings_view.pending:  # the checks run once the window has painted
            self.status.set_counts(-1, -1)
        self.session.editRefused.connect(self._show_refusal)
        self.session.dirtyChanged.connect(self._update_title)
        self.files.pathChanged.connect(self._update_title)
        self.session.documentReplaced.connect(self._update_title)
        self.tree.openTaskEditor.connect(self.open_task_editor)
        self.tree.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        from aiplanner.ui.toolbar import build_toolbar

        self.main_toolbar = build_toolbar(self, self.actions_by_name)
        self.insertToolBar(self.filter_bar, self.main_toolbar)
        self.setMinimumSize(720, 480)
        self._restored_geometry = False
        # Until settings say otherwise, the window takes the screen (show_initial maximises it).
        self.resize(self.screen().availableGeometry().size())
        self.restore_settings()
        self._update_title()

    # -- layout -----------------------------------------------------------------
    def _make_gantt(self) -> GanttView:
        self.gantt_session = RowAlignedSession(self.lens)
        gantt = GanttView(self.gantt_session, self)
        gantt.taskActivated.connect(self.open_task_editor)
        gantt.phaseActivated.connect(lambda pid: self.tree.set_phase_expanded(pid, pid in self.tree.folded_phases()))
        gantt.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        return gantt

    def _add_views(self) -> None:
        """The other views as docks: findings and history on the right, the rest tabbed below."""
        from aiplanner.ui.views.coverage_view import CoverageView
        from aiplanner.ui.views.findings_view import FindingsView
        from aiplanner.ui.views.symptoms_view import SymptomsView
        from aiplanner.ui.views.matrix_view import MatrixView
        from aiplanner.ui.views.metrics_view import MetricsView
        from aiplanner.ui.views.network_view import NetworkView
        from aiplanner.ui.views.people_view import PeopleView
        from aiplanner.ui.views.risk_view import RiskView
        from aiplanner.ui.views.summary_view import SummaryView

        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        # Like the table and the Gantt, every view shows what the Scenario box chose (each
        # says so in a note); edits there become the scenario's own (see ScenarioLens).
        lens = self.lens
        self.findings_view = FindingsView(lens, self)
        self.people_view = PeopleView(lens, self)
        self.people_view.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.network_view = NetworkView(lens, self)
        self.matrix_view = MatrixView(lens, self)
        self.metrics_view = MetricsView(lens, self)
        self.risk_view = RiskView(lens, self)
        self.coverage_view = CoverageView(lens, self)
        self.symptoms_view = SymptomsView(lens, self)
        self.summary_view = SummaryView(lens, self)  # the sponsor's answers, as on the report's first page
        first = self.add_dock("findings", "&Findings", self.findings_view, bottom)
        for name, title, widget in (("summary", "S&ummary", self.summary_view),
                                    ("people", "&People and load", self.people_view),
                                    ("risk", "Ris&k", self.risk_view),
                                    ("network", "&Network", self.network_view),
                                    ("matrix", "&Responsibilities", self.matrix_view),
                                    ("metrics", "&Metrics", self.metrics_view),
                                    ("coverage", "Co&verage", self.coverage_view),
                                    ("symptoms", "S&ymptoms", self.symptoms_view)):
            self.tabifyDockWidget(first, self.add_dock(name, title, widget, bottom))
        self.tabifyDockWidget(first, self.docks["history"])
        first.raise_()
        # Refused edits in any view are explained in the status bar; a finding
        # that names people shows them in the people view.
        for view in (self.matrix_view, self.metrics_view, self.symptoms_view, self.summary_view):
            view.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.findings_view.peopleSelected.connect(self._show_people)

    def _show_people(self, ids: list[str]) -> None:
        if ids:
            self.docks["people"].raise_()
            self.people_view.select_people(ids)

    def add_dock(self, name: str, title: str, widget: QWidget, area=Qt.DockWidgetArea.BottomDockWidgetArea,
                 visible: bool = True) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(_DockBody(widget))
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        dock.setVisible(visible)
        dock.visibilityChanged.connect(lambda on, body=dock.widget(): body.reveal() if on else None)
        self.docks[name] = dock
        return dock

    def _link_tree_and_gantt(self) -> None:
        """Same rows, same row and header heights, one vertical scroll position."""
        gantt = self.gantt
        gantt.set_row_height(self.tree.row_height())
        header = max(self.tree.header().sizeHint().height(), 40)
        self.tree.header().setFixedHeight(header)
        gantt.set_header_height(header)
        self.tree.rowsChanged.connect(self.sync_gantt_rows)
        tree_bar = self.tree.verticalScrollBar()
        gantt_bar = gantt.verticalScrollBar()
        tree_bar.valueChanged.connect(lambda v: gantt_bar.setValue(v) if gantt_bar.value() != v else None)
        gantt_bar.valueChanged.connect(lambda v: tree_bar.setValue(v) if tree_bar.value() != v else None)
        gantt.rowsChanged.connect(lambda: gantt_bar.setValue(tree_bar.value()))
        self.sync_gantt_rows()

    def sync_gantt_rows(self) -> None:
        """Give the Gantt the tree's rows (sorted, filtered, collapsed) and scroll position."""
        if self.gantt_session.set_rows(self.tree.all_row_keys(), self.tree.folded_phases()):
            self.gantt.rebuild()
        self.gantt.verticalScrollBar().setValue(self.tree.verticalScrollBar().value())

    # -- documents ----------------------------------------------------------------
    def open_path(self, path: str | Path) -> bool:
        """Open a plan file (asks about unsaved changes; errors shown, window kept)."""
        return self.files.open_path(path)

    def set_document(self, document: Document) -> None:
        """Show ``document`` without a file round trip (not an edit)."""
        self.session.set_document(document)
        self.files.stamp = None
        self._update_title()

    @property
    def document(self) -> Document | None:
        return self.session.document

    def _update_title(self, *_args) -> None:
        if self.session.document is None:
            self.setWindowTitle("aiplanner")
            return
        name = self.session.path.name if self.session.path else f"{self.session.plan.name} (not saved)"
        self.setWindowTitle(f"{name}[*] — aiplanner")
        self.setWindowModified(self.session.dirty)

    # -- editing ------------------------------------------------------------------
    def open_task_editor(self, task_id: str) -> TaskEditorDialog | None:
        """Open the task editor for ``task_id`` (non-blocking); return the dialog."""
        from aiplanner.ui.tasks.editor import TaskEditorDialog  # not needed for the first paint

        if self.session.document is None or task_id not in self.lens.plan.task_index():
            return None
        dialog = TaskEditorDialog(self.lens, task_id, self)  # on a scenario: edits its overrides
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_current_task(self) -> TaskEditorDialog | None:
        tid = self.tree.current_task_id() or (self.session.selection[0] if self.session.selection else None)
        return self.open_task_editor(tid) if tid else None

    def focus_dock(self, name: str) -> None:
        """Show a view's dock, bring its tab to the front and give it the keyboard focus."""
        dock = self.docks[name]
        dock.show()
        dock.raise_()
        dock.widget().reveal()
        widget = dock.widget().view
        target = widget if widget.focusPolicy() != Qt.FocusPolicy.NoFocus else widget.nextInFocusChain()
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def new_from_pattern(self) -> bool:
        """File > New: the pattern wizard, then the plan as a new unsaved document."""
        from aiplanner.ui.wizard import NewPlanWizard

        wizard = NewPlanWizard(self)
        if not self.prompts.run(wizard):
            return False
        return self.files.new_plan(wizard.plan())

    def plan_properties(self):
        """File > Plan properties: the plan's own fields, applied as one undo step."""
        from aiplanner.ui.plan_properties import PlanPropertiesDialog

        if self.session.document is None:
            return None
        dialog = PlanPropertiesDialog(self.session, self)
        self.prompts.run(dialog)
        return dialog

    def import_dialog(self) -> bool:
        """File > Import: a Mermaid, MS Project XML or CSV file as a new unsaved plan."""
        from aiplanner.ui.files.transfer import IMPORT_FILTER

        path = self.prompts.open_path("Import plan", IMPORT_FILTER)
        return self.import_path(path) if path else False

    def import_path(self, path: str | Path, fmt: str | None = None) -> bool:
        from aiplanner.ui.files.transfer import import_plan

        result = import_plan(self.prompts, path, fmt)
        if result is None or not self.files.new_plan(result.plan):
            return False
        if result.warnings:
            self.prompts.info("Imported with warnings",
                              f"{Path(path).name} was imported. Not carried over:\n\n" + "\n".join(result.warnings))
        self.statusBar().showMessage(f"Imported {Path(path).name}: {len(result.plan.tasks)} tasks", 8000)
        return True

    def export_dialog(self) -> bool:
        """File > Export: the formats and options of ``aiplanner export``."""
        from aiplanner.ui.files.transfer import ExportDialog

        if self.session.document is None:
            return False
        dialog = ExportDialog(self, self.settings)  # starts from the scenario, baseline and status line shown
        if not self.prompts.run(dialog):
            return False
        return dialog.run_export()

    def print_preview(self):
        """File > Print preview: the report's pages of what the window shows (None: nothing shown)."""
        from aiplanner.ui.files.preview import ReportPreview

        if self.session.document is None:
            return None
        preview = ReportPreview(self)
        if not preview.render():
            return None
        self.prompts.run(preview)
        return preview

    def extend_view_menu(self, menu, acts: dict) -> None:
        """Gantt zoom actions (the Gantt has the keyboard equivalents when focused)."""
        from aiplanner.ui.menus import _action

        acts["zoom_in"] = _action(self, "Zoom &in", lambda: self.gantt.zoom(1), ["Ctrl++", "Ctrl+="])
        acts["zoom_out"] = _action(self, "Zoom &out", lambda: self.gantt.zoom(-1), ["Ctrl+-"])
        acts["zoom_fit"] = _action(self, "&Fit plan", self.gantt.fit_to_plan, ["Ctrl+0"])
        acts["today"] = _action(self, "Go to the &status line", self.gantt.scroll_to_status, ["Ctrl+T"],
                                "Scroll the Gantt to the status line: the plan's status date, else today")
        menu.addSeparator()
        for name in ("zoom_in", "zoom_out", "zoom_fit", "today"):
            menu.addAction(acts[name])
        from aiplanner.ui.gantt.labels_menu import add_bar_label_menu

        add_bar_label_menu(self, menu, acts)
        from aiplanner.ui.workshop.menu import add_workshop_actions  # presentation mode, baselines, scenarios

        add_workshop_actions(self, menu, acts)

    def set_bar_labels(self, mode: str) -> None:
        """Label the Gantt's bars with ``mode`` (name, roles, auto, none) and remember it."""
        from aiplanner.ui.gantt.labels_menu import choose_bar_labels

        choose_bar_labels(self, mode)

    def show_shortcuts(self):
        from aiplanner.ui.help import TextDialog, shortcuts_html

        dialog = TextDialog("Keyboard shortcuts", shortcuts_html(self), self)
        dialog.open()
        return dialog

    def show_guide(self):
        from aiplanner.ui.help import TextDialog, guide_html

        dialog = TextDialog("Guide: patterns and roles", guide_html(), self)
        dialog.open()
        return dialog

    def show_about(self):
        from aiplanner.ui.help import show_about

        return show_about(self)

    def _show_refusal(self, message: str) -> None:
        self.statusBar().showMessage(f"Edit refused: {message}", 10_000)
        # After the editor that caused it has closed: no modal dialog inside commitData.
        QTimer.singleShot(0, lambda: self.prompts.error("Edit refused", message))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self.session.document:
            # After the event: a dialog opened from inside changeEvent would re-enter it.
            QTimer.singleShot(0, self.files.check_disk)

    # -- drag and drop ---------------------------------------------------------------
    @staticmethod
    def _dropped_file(event) -> Path | None:
        """The first local plan file (or importable file: .mmd, .xml, .csv ...) being dropped."""
        from aiplanner.io.importing import FORMATS

        wanted = {".aiplan"} | {suffix for suffixes in FORMATS.values() for suffix in suffixes}
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in wanted:
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event) -> None:
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        path = self._dropped_file(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        action = self.open_path if path.suffix == ".aiplan" else self.import_path
        QTimer.singleShot(0, lambda: action(path))

    def show_initial(self) -> None:
        """Show the window as a user first meets it: the remembered size, else the whole screen."""
        if self._restored_geometry:
            self.show()
        else:
            self.showMaximized()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if hasattr(self, "workshop_bar") and hasattr(self, "main_toolbar"):
            from aiplanner.ui.toolbar import arrange_toolbars

            arrange_toolbars(self, [self.main_toolbar, self.filter_bar, self.workshop_bar])

    def dock_height(self) -> int:
        """The first height of the views below: the table and the Gantt keep most of the
        window; the views get enough for five people and their load, or the risk chart."""
        return min(max(190, round(self.height() * 0.29)), int(self.height() * 0.4))

    def showEvent(self, event) -> None:
        first_layout = not self._shown_once and not self._restored_state
        if first_layout:
            for dock in self.docks.values():
                dock.widget().preferred_height = self.dock_height()
            tree_share = 0.46 if self.width() < 1600 else 0.42
            self.splitter.setSizes([round(self.width() * tree_share), round(self.width() * (1 - tree_share))])
        super().showEvent(event)
        if first_layout:
            # The dock area may take more than its size hint; say exactly how much it gets.
            docks = list(self.docks.values())  # tabbed: each tab keeps the height it is given
            self.resizeDocks(docks, [self.dock_height() + 20] * len(docks), Qt.Orientation.Vertical)
        if not self._shown_once:
            self._shown_once = True
            zoom = self.settings.value("gantt/px_per_day")
            if zoom is not None:
                # After the Gantt's own first fit, which runs when it gets its size.
                QTimer.singleShot(0, lambda z=float(zoom): self.gantt.restore_zoom(z))

    # -- settings and closing ---------------------------------------------------------
    def restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self._restored_geometry = self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self._restored_state = self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        columns = self.settings.value(_COLUMNS_KEY)
        if isinstance(columns, QByteArray) and not columns.isEmpty():
            self.tree.restore_header(columns)

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue(_COLUMNS_KEY, self.tree.header().saveState())
        self.settings.setValue("gantt/px_per_day", float(self.gantt.scale.px_per_day))
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save("close the window"):
            event.ignore()
            return
        self.save_settings()
        self.files.autosave_timer.stop()
        self.files.recovery.close()
        self.risk_view.shutdown()
        self.summary_view.shutdown()
        event.accept()
