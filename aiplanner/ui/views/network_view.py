"""Dependency network: tasks as boxes, phases left to right, links routed between them.

The drawing is :func:`aiplanner.render.network.layered.layered_layout` (the same as
the exported network chart): layers by dependency depth inside each phase,
crossings reduced, links curving between the boxes, critical links on top.

Hosting: ``NetworkView(session, parent)`` in a dock or tab. It rebuilds
only while visible (a hidden dock costs nothing), highlights the critical
path, and clicking boxes selects those tasks in every view. Given the
window's scenario lens, it draws the scenario shown, with a note above it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem, QGraphicsScene,
                               QGraphicsSimpleTextItem, QGraphicsView, QToolBar, QWidget)

from aiplanner.ui.views.scenario_note import ScenarioNote

__all__ = ["NodePlace", "network_layout", "NetworkView", "fit_lines"]

NODE_W, NODE_H = 180.0, 58.0  # room for a name on two lines and the dates beneath
GAP_X, GAP_Y = 70.0, 14.0


def fit_lines(text: str, metrics: QFontMetrics, width: int, lines: int = 2) -> list[str]:
    """``text`` broken at spaces into at most ``lines`` lines of ``width`` pixels; only the
    last line is shortened with an ellipsis, and only when the whole text does not fit."""
    words = text.split()
    out: list[str] = []
    while words and len(out) < lines:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        out.append(line)
    if words:
        out[-1] = metrics.elidedText(f"{out[-1]} {' '.join(words)}", Qt.ElideRight, width)
    return [metrics.elidedText(line, Qt.ElideRight, width) for line in out] or [""]


@dataclass(frozen=True, slots=True)
class NodePlace:
    """Where a task's box goes: ``level`` is its column, ``slot`` its row in it."""

    task: str
    level: int
    slot: int


def network_layout(plan, schedule) -> dict[str, NodePlace]:
    """Each task's layer and its slot in the layer (see :func:`layered_layout`)."""
    from aiplanner.render.network.layered import layered_layout

    return {n.id: NodePlace(n.id, n.layer, n.slot) for n in layered_layout(plan, schedule).nodes.values()}


class _Node(QGraphicsRectItem):
    def __init__(self, task_id: str, rect: QRectF) -> None:
        super().__init__(rect)
        self.task_id = task_id
        self.setFlag(QGraphicsItem.ItemIsSelectable, True)


class NetworkView(QGraphicsView):
    """The plan's dependency graph; critical tasks and links in red."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._scene = QGraphicsScene(self)  # kept as attribute: an unowned scene is collected
        self.setScene(self._scene)
        self.setRenderHint(QPainter.Antialiasing, True)
        self.setDragMode(QGraphicsView.RubberBandDrag)
        self.setAlignment(Qt.AlignLeft | Qt.AlignTop)  # a large graph starts at its first tasks
        self.nodes: dict[str, _Node] = {}
        self.net_layout = None  # the last layered layout drawn
        self._stale = True
        self._syncing = False
        self._scene.selectionChanged.connect(self._scene_selection)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(lambda: self.rebuild() if self._stale else None)
        session.scheduleChanged.connect(self._invalidate)
        session.documentReplaced.connect(self._invalidate)
        session.selectionChanged.connect(self._session_selection)
        self.zoom_bar = self._make_zoom_bar()
        # Above the viewport, in the view's margin, so it never hides a box.
        self.note = ScenarioNote(session, "the dependency network of this scenario", self)
        scenario_changed = getattr(session, "scenarioChanged", None)
        if scenario_changed is not None:
            scenario_changed.connect(lambda _name: self._place_note())
        self._place_note()

    def _place_note(self) -> None:
        frame = self.frameWidth()
        width = self.width() - 2 * frame
        height = 0
        if not self.note.isHidden():  # a wrapped label's height follows its width
            height = max(self.note.heightForWidth(width), self.note.minimumSizeHint().height())
        self.setViewportMargins(0, height, 0, 0)
        self.note.setGeometry(frame, frame, width, height)
        self._place_zoom_bar()

    def _make_zoom_bar(self) -> QToolBar:
        """Zoom out, in and fit, in the view's top right corner (also -, + and 0; Ctrl+wheel)."""
        from aiplanner.ui.widgets.icons import icon

        bar = QToolBar(self)
        bar.setIconSize(QSize(16, 16))
        bar.setStyleSheet("QToolBar { background: rgba(255, 255, 255, 220); border: 1px solid #d5dbe3; }")
        for name, tip, slot in (("zoom-out", "Zoom out (-)", lambda: self.zoom_by(0.8)),
                                ("zoom-in", "Zoom in (+)", lambda: self.zoom_by(1.25)),
                                ("zoom-fit", "Fit the whole network (0)", self.fit_all)):
            action = bar.addAction(icon(name), tip.split(" (")[0])
            action.setToolTip(tip)
            action.triggered.connect(slot)
        bar.adjustSize()
        return bar

    def zoom_by(self, factor: float) -> None:
        self.scale(factor, factor)

    def fit_all(self) -> None:
        """Zoom so the whole network shows."""
        self.fitInView(self._scene.sceneRect(), Qt.KeepAspectRatio)

    def _place_zoom_bar(self) -> None:
        margin = self.viewport().geometry()
        self.zoom_bar.move(margin.right() - self.zoom_bar.width() - 6, margin.top() + 6)
        self.zoom_bar.raise_()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_note()
        self._place_zoom_bar()

    def _invalidate(self) -> None:
        # Rebuilding a large graph takes a while: wait until edits pause, and only while shown.
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.rebuild()

    def rebuild(self) -> None:
        """Lay the graph out again from the session's plan and schedule."""
        self._stale = False
        self._syncing = True
        self._scene.clear()
        self.nodes = {}
        session = self.session
        if session.document is None or session.schedule is None:
            self._syncing = False
            return
        plan, schedule = session.plan, session.schedule
        from aiplanner.render.network.layered import layered_layout

        pitch = NODE_W + GAP_X
        layout = layered_layout(plan, schedule, node_w=NODE_W / pitch, node_h=1.0, gap=GAP_Y / NODE_H,
                                dummy_h=0.15)
        self.net_layout = layout

        def at(x: float, y: float) -> QPointF:  # layout units -> scene pixels (layer 0 starts at 0)
            return QPointF(x * pitch + NODE_W / 2, y * NODE_H)

        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        metrics = QFontMetrics(font)
        self._phase_bands(plan, layout, at, font)
        tasks = plan.task_index()
        for tid, place in layout.nodes.items():
            times = schedule.tasks[tid]
            task = tasks[tid]
            centre = at(place.x, place.y)
            rect = QRectF(centre.x() - NODE_W / 2, centre.y() - NODE_H / 2, NODE_W, NODE_H)
            node = _Node(tid, rect)
            crit = times.critical
            node.setBrush(QBrush(QColor("#fde8e6") if crit else QColor("#eef3fd")))
            node.setPen(QPen(QColor("#b8392f") if crit else QColor("#3c6fd1"), 1.6 if crit else 1.0))
            node.setToolTip(f"{task.name} ({tid})\n{times.start:%d %b %Y} – {times.finish:%d %b %Y}\n"
                            f"Total float: {times.total_float} d")
            self._scene.addItem(node)
            name = QGraphicsSimpleTextItem("\n".join(fit_lines(task.name, metrics, int(NODE_W - 12))), node)
            name.setFont(font)
            name.setPos(rect.left() + 6, rect.top() + 3)
            dates = QGraphicsSimpleTextItem(metrics.elidedText(f"{times.start:%d %b} – {times.finish:%d %b}  ·  {tid}",
                                                               Qt.ElideRight, int(NODE_W - 12)), node)
            dates.setFont(font)
            dates.setBrush(QColor("#5b6472"))
            dates.setPos(rect.left() + 6, rect.bottom() - metrics.height() - 3)
            self.nodes[tid] = node
        for edge in layout.edges:  # ordinary links first, critical ones last and on top
            self._edge(edge, at)
        self._scene.setSceneRect(self._scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))
        for tid in session.selection:
            if tid in self.nodes:
                self.nodes[tid].setSelected(True)
        self._syncing = False

    def _phase_bands(self, plan, layout, at, font) -> None:
        """A light band behind each phase's layers, its name on top."""
        colours = ("#eef4fb", "#edf7f3", "#fdf6e8", "#f9eff5")
        bold = QFont(font)
        bold.setBold(True)
        for k, block in enumerate(layout.phases):
            left = at(layout.layer_x[block.first] - 0.5, -0.3)
            right = at(layout.layer_x[block.last] + 0.5, layout.height + 0.3)
            band = self._scene.addRect(QRectF(left, right), QPen(Qt.NoPen), QBrush(QColor(colours[k % 4])))
            band.setZValue(-3)
            label = QGraphicsSimpleTextItem(block.name)
            label.setFont(bold)
            label.setBrush(QColor("#3a3f47"))
            label.setPos(left.x() + 8, left.y() - QFontMetrics(bold).height() - 4)
            self._scene.addItem(label)

    def _edge(self, edge, at) -> None:
        from aiplanner.render.network.layered import edge_path

        path = QPainterPath()
        for op, pts in edge_path(edge.points, edge.backward):
            if op == "M":
                path.moveTo(at(*pts[0]))
            elif op == "L":
                path.lineTo(at(*pts[0]))
            else:
                path.cubicTo(at(*pts[0]), at(*pts[1]), at(*pts[2]))
        end = at(*edge.points[-1])
        color = QColor("#b8392f") if edge.critical else QColor("#8a94a6")
        item = QGraphicsPathItem(path)
        item.setPen(QPen(color, 2.0 if edge.critical else 1.0))
        item.setZValue(-1 if edge.critical else -2)  # critical links over the others, all under the boxes
        item.setToolTip(f"{edge.src} {edge.kind} {edge.dst}")
        self._scene.addItem(item)
        head = QPainterPath(end)
        head.lineTo(end + QPointF(-7, -4))
        head.lineTo(end + QPointF(-7, 4))
        head.closeSubpath()
        arrow = self._scene.addPath(head, QPen(Qt.NoPen), QBrush(color))
        arrow.setZValue(-1 if edge.critical else -2)

    # -- selection both ways -------------------------------------------------
    def _scene_selection(self) -> None:
        if self._syncing:
            return
        ids = [n.task_id for n in self._scene.selectedItems() if isinstance(n, _Node)]
        self.session.select_tasks(ids)

    def _session_selection(self, ids: list[str]) -> None:
        self._syncing = True
        try:
            for tid, node in self.nodes.items():
                node.setSelected(tid in ids)
        finally:
            self._syncing = False

    def keyPressEvent(self, event) -> None:
        """``+``/``-`` zoom, ``0`` fits the whole network."""
        key = event.key()
        if key in (Qt.Key_Plus, Qt.Key_Equal):
            self.zoom_by(1.25)
        elif key == Qt.Key_Minus:
            self.zoom_by(0.8)
        elif key == Qt.Key_0:
            self.fit_all()
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.ControlModifier:
            factor = 1.2 ** (event.angleDelta().y() / 120)
            self.scale(factor, factor)
            event.accept()
        else:
            super().wheelEvent(event)
