"""The executive summary as widgets: the same answers, in the same words, as the report's first page.

:class:`SummaryPanel` draws an :class:`~aiplanner.checks.summary.ExecutiveSummary`:
four red/amber/green tiles (each with its word, never colour alone, and its
rule as a tooltip), then the questions a sponsor asks, worded by
:func:`aiplanner.render.report.cover.summary_lines` as on the PDF cover. A
``scale`` makes it large enough for a projector. The Summary dock
(:mod:`aiplanner.ui.views.summary_view`) and presentation mode's first
screen (:mod:`aiplanner.ui.workshop.presentation`) both show it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

__all__ = ["SummaryPanel", "compute_summary", "RAG_COLOURS", "TEXT_COLOURS"]

RAG_COLOURS = {"green": "#2E7D32", "amber": "#E69F00", "red": "#C62828", "grey": "#9E9E9E"}
TEXT_COLOURS = {**RAG_COLOURS, "amber": "#9A6700"}


def compute_summary(plan, scenario: str | None):
    """The executive summary of ``plan`` (a snapshot) or of its ``scenario``, as the report computes it."""
    from aiplanner.checks.summary import DEFAULT_ITERATIONS, DEFAULT_SEED, executive_summary

    return executive_summary(plan, scenario=scenario, iterations=DEFAULT_ITERATIONS, seed=DEFAULT_SEED)


def _label(text: str = "", points: float = 10, bold: bool = False, color: str = "#1f2a37",
           wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.PlainText)  # plan names and task names are shown as written, never as markup
    label.setText(text)
    font = label.font()
    font.setPointSizeF(points)
    font.setBold(bold)
    label.setFont(font)
    label.setStyleSheet(f"color: {color};")
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


class SummaryPanel(QWidget):
    """An executive summary as widgets; ``scale`` 1 for a dock, about 2 for a projector."""

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0) -> None:
        super().__init__(parent)
        self.scale = scale
        self.summary = None
        self.setAutoFillBackground(True)
        self.setStyleSheet("SummaryPanel { background: #ffffff; }")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(round(12 * scale), round(8 * scale), round(12 * scale), round(8 * scale))
        self.message = _label("", 10 * scale, color="#5f5f5f")
        self.layout_.addWidget(self.message)
        self.body = QWidget(self)
        self.layout_.addWidget(self.body, 1)
        self.tiles: dict[str, QLabel] = {}

    def show_message(self, text: str) -> None:
        """A line above the summary (computing, or why there is none)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def show_summary(self, summary) -> None:
        """Lay out ``summary`` (an :class:`~aiplanner.checks.summary.ExecutiveSummary`)."""
        from aiplanner.render.report.cover import summary_lines

        self.summary = summary
        s = self.scale
        old = self.body
        self.body = QWidget(self)
        self.layout_.replaceWidget(old, self.body)
        old.deleteLater()
        outer = QVBoxLayout(self.body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(round(6 * s))
        title = summary.plan + (f" — scenario {summary.scenario}" if summary.scenario else "")
        outer.addWidget(_label(title, 15 * s, bold=True))
        meta = " · ".join(x for x in (summary.organisation, summary.pattern) if x)
        if meta:
            outer.addWidget(_label(meta, 10 * s, color="#5f5f5f"))
        tiles = QHBoxLayout()
        tiles.setSpacing(round(8 * s))
        self.tiles = {}
        for area in summary.areas:
            tile = self._tile(area)
            self.tiles[area.area] = tile
            tiles.addWidget(tile, 1)
        outer.addLayout(tiles)
        grid = QGridLayout()
        grid.setHorizontalSpacing(round(24 * s))
        grid.setVerticalSpacing(round(2 * s))
        sections = summary_lines(summary)
        colour_of = {"When do we finish? How sure are we?": "risk", "Are we slipping?": "schedule",
                     "Who is overloaded?": "staffing", "What is going wrong?": "health"}
        columns = [list(sections)[:2], list(sections)[2:]]
        for c, names in enumerate(columns):
            box = QVBoxLayout()
            box.setSpacing(round(3 * s))
            for name in names:
                area = colour_of.get(name)
                strong = TEXT_COLOURS[summary.area(area).rag] if area else "#1f2a37"
                box.addSpacing(round(6 * s))
                box.addWidget(_label(name.upper(), 9 * s, bold=True, color="#5f5f5f"))
                for style, text in sections[name]:
                    box.addWidget(self._line(style, text, strong))
            box.addStretch(1)
            grid.addLayout(box, 0, c)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        outer.addLayout(grid, 1)
        # A layout shows a widget added to a visible parent only on the next turn of the event loop;
        # show it now, so that the summary is on screen (and in a grab) as soon as it is set.
        self.body.setVisible(True)
        self.layout_.activate()

    def _tile(self, area) -> QLabel:
        s = self.scale
        colour = RAG_COLOURS[area.rag]
        word = {"grey": "NOT JUDGED"}.get(area.rag, area.rag.upper())
        tile = QLabel(f"<span style='color:#5f5f5f; font-weight:bold'>{area.area.upper()}</span>"
                      f"&nbsp;&nbsp;<span style='color:{TEXT_COLOURS[area.rag]}; font-weight:bold'>{word}</span>"
                      f"<br>{escape(area.why)}")
        tile.setObjectName(f"tile-{area.area}")
        tile.setWordWrap(True)
        tile.setTextFormat(Qt.RichText)
        tile.setToolTip(area.rule)
        tile.setAccessibleName(f"{area.area}: {word}. {area.why}")
        font = tile.font()
        font.setPointSizeF(9 * s)
        tile.setFont(font)
        tile.setStyleSheet(f"QLabel {{ background: {_tint(colour)}; border: 1px solid {colour}; "
                           f"border-left: {round(6 * s)}px solid {colour}; padding: {round(6 * s)}px; }}")
        tile.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        return tile

    def _line(self, style: str, text: str, strong: str) -> QLabel:
        s = self.scale
        if style == "big":
            return _label(text, 18 * s, bold=True)
        if style == "strong":
            return _label(text, 11 * s, bold=True, color=strong)
        if style == "item":
            return _label("• " + text, 10 * s)
        if style == "note":
            return _label(text, 8.5 * s, color="#5f5f5f")
        return _label(text, 11 * s)


def _tint(colour: str, amount: float = 0.85) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#%02x%02x%02x" % tuple(round(v + (255 - v) * amount) for v in (r, g, b))
