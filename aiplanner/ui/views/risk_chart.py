"""The risk view's chart: finish-date histogram and S-curve with P50/P80/P95.

matplotlib's ``Figure`` and ``FigureCanvasQTAgg`` are used directly (never
``matplotlib.use``): importing this module is what loads matplotlib, and
the risk view does that only when it is first shown.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

__all__ = ["RiskCanvas"]

_LINES = {50: "#3c6fd1", 80: "#d6a23a", 95: "#b8392f"}


class RiskCanvas(FigureCanvasQTAgg):
    """Histogram of simulated finish dates (bars) with the cumulative S-curve (line)."""

    def __init__(self, parent=None) -> None:
        self.figure = Figure(figsize=(6, 3.2), layout="constrained")
        super().__init__(self.figure)
        self.setParent(parent)
        self.axes = self.figure.add_subplot(111)
        self.curve_axes = self.axes.twinx()
        self.marker_labels: list = []

    def clear_plot(self) -> None:
        """An empty chart (the run on screen was of another plan)."""
        self.axes.clear()
        self.curve_axes.clear()
        self.draw_idle()

    def plot(self, facts) -> None:
        """Draw ``facts`` (:class:`~aiplanner.ui.views.risk_worker.RiskFacts`)."""
        import numpy as np
        from matplotlib.ticker import FuncFormatter, MaxNLocator

        ax, cx = self.axes, self.curve_axes
        ax.clear()
        cx.clear()
        # x is in working days so weekends leave no gaps; ticks are labelled with dates.
        days = np.asarray(facts.finish_days if facts.finish_days is not None else [], dtype=float)
        if days.size == 0:
            self.draw_idle()
            return
        lo, hi = days.min(), days.max()
        bins = max(1, min(50, int(hi - lo) + 1))
        ax.hist(days, bins=bins, range=(lo - 0.5, hi + 0.5), color="#9db8ee", edgecolor="#ffffff", linewidth=0.5)
        ax.set_ylabel("iterations", fontsize=8)
        order = np.sort(days)
        cx.step(order, np.arange(1, order.size + 1) / order.size, where="post", color="#1f2a37", linewidth=1.6)
        cx.set_ylim(0, 1.05)
        cx.yaxis.tick_right()
        cx.yaxis.set_label_position("right")
        cx.set_ylabel("finished by (cumulative)", fontsize=8)
        cx.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:.0%}"))
        # The markers are named in a key above the plot, never written over the bars.
        markers = []
        if facts.deterministic is not None:
            markers.append(cx.axvline(facts.day_of(facts.deterministic), color="#4b5563", linewidth=1.2,
                                      label=f"planned {facts.deterministic:%d %b}"))
        for p, day in facts.percentiles.items():
            markers.append(cx.axvline(facts.day_of(day), color=_LINES.get(p, "#6b7280"), linestyle="--",
                                      linewidth=1.2, label=f"P{p} {day:%d %b}"))
        key = ax.legend(handles=markers, loc="lower left", bbox_to_anchor=(0.0, 1.01), ncol=len(markers),
                        frameon=False, fontsize=8, handlelength=1.6, borderaxespad=0.0, columnspacing=1.2)
        for text, line in zip(key.get_texts(), markers):
            text.set_color(line.get_color())
        #: The key's entries (one per marker line).
        self.marker_labels = list(key.get_texts())
        date_of = facts.date_of
        ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{date_of(int(round(v))):%d %b %Y}"))
        for axes in (ax, cx):
            axes.tick_params(labelsize=8)
        self.draw_idle()
