"""File > Print preview: the report's pages as they will print, then print them or export the PDF.

The pages are the PDF report's own (:func:`aiplanner.render.report.build.draw_page`),
drawn for the screen, of what the window shows: its scenario, its baseline
ghosts and its status line (as the Export dialog starts from). Print sends
those pages to a printer through Qt's print dialog; Export PDF… opens the
Export dialog on the same choices.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from aiplanner.model.errors import PlanError
from aiplanner.ui.files.export_dialog import ExportCancelled, cancellable_progress

__all__ = ["ReportPreview", "render_pages", "PREVIEW_DPI"]

#: Resolution of the pages on screen (a landscape A4 page is about 1170 pixels wide).
PREVIEW_DPI = 100


def render_pages(plan, options, dpi: int = PREVIEW_DPI, progress=None) -> list[QImage]:
    """Every page of the report of ``plan`` as an image (``progress(fraction, text)`` may cancel)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from aiplanner.render.report.build import draw_page, report_pages
    from aiplanner.render.style import mpl_context

    report = progress or (lambda fraction, text: None)
    images: list[QImage] = []
    with mpl_context():
        ctx, pages = report_pages(plan, options, lambda f, t: report(0.2 * f, t))
        for number, page in enumerate(pages, start=1):
            report(0.2 + 0.8 * (number - 1) / len(pages), f"page {number} / {len(pages)}")
            fig = draw_page(ctx, page, number, len(pages))
            fig.set_dpi(dpi)
            canvas = FigureCanvasAgg(fig)
            canvas.draw()
            width, height = canvas.get_width_height()
            images.append(QImage(bytes(canvas.buffer_rgba()), width, height, QImage.Format.Format_RGBA8888).copy())
    return images


class ReportPreview(QDialog):
    """The report's pages, one under the other, with page and zoom controls, Print and Export PDF."""

    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        from aiplanner.ui.files.export_dialog import ExportDialog

        self.window_ = window
        self.setWindowTitle("Print preview — report")
        self.images: list[QImage] = []
        # The report exactly as File > Export would write it now: the window's view, the last paper.
        self.choices = ExportDialog(window, window.settings)
        self.choices.set_format("pdf")
        self.summary = QLabel(self.choices.summary.text())
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setStyleSheet(self.choices.summary.styleSheet())
        self.pages_box = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_box)
        self.pages_layout.setSpacing(16)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_box.setStyleSheet("background: #6b7280;")
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.pages_box)
        self.scroll.setWidgetResizable(True)
        self.page = QSpinBox()
        self.page.setPrefix("Page ")
        self.page.valueChanged.connect(self.show_page)
        self.count = QLabel()
        self.zoom = QComboBox()
        for label, value in (("Fit width", 0), ("50 %", 50), ("75 %", 75), ("100 %", 100), ("150 %", 150)):
            self.zoom.addItem(label, value)
        self.zoom.currentIndexChanged.connect(lambda _i: self._lay_out())
        print_button = QPushButton("&Print…")
        print_button.clicked.connect(self.print_pages)
        export_button = QPushButton("&Export PDF…")
        export_button.clicked.connect(self._export)
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        bar = QHBoxLayout()
        for widget in (self.page, self.count, QLabel("Zoom"), self.zoom):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (print_button, export_button, close):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        screen = window.screen().availableGeometry()
        self.resize(min(1200, screen.width() - 80), screen.height() - 80)

    # -- pages ------------------------------------------------------------------------
    def render(self) -> bool:
        """Draw the pages (with a progress dialog that can cancel); False when refused or cancelled."""
        from aiplanner.io.exporters import scenario_plan
        from aiplanner.render.export import report_options
        from aiplanner.io.exporters import ExportRequest

        prompts = self.window_.prompts
        progress, report = cancellable_progress(self.window_, "Print preview", "Drawing the report…", 400)

        try:
            options = self.choices.options()
            plan = scenario_plan(self.window_.session.plan, options.get("scenario"),
                                 str(self.window_.session.path or ""))
            self.report_options = report_options(ExportRequest(plan=plan, options=options))
            self.images = render_pages(plan, self.report_options, PREVIEW_DPI, report)
        except ExportCancelled:
            return False
        except PlanError as exc:
            prompts.error("Print preview", str(exc))
            return False
        finally:
            progress.close()
        self.page.setRange(1, len(self.images))
        self.count.setText(f"of {len(self.images)}")
        self._lay_out()
        return True

    def page_count(self) -> int:
        return len(self.images)

    def _lay_out(self) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        zoom = self.zoom.currentData() or 0
        room = max(self.scroll.viewport().width() - 40, 200)
        self.page_labels = []
        for image in self.images:
            scale = zoom / 100 if zoom else room / image.width()
            pixmap = QPixmap.fromImage(image).scaledToWidth(max(50, round(image.width() * scale)),
                                                            Qt.TransformationMode.SmoothTransformation)
            label = QLabel()
            label.setPixmap(pixmap)
            label.setStyleSheet("background: white;")
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)

    def show_page(self, number: int) -> None:
        """Scroll page ``number`` (1-based) into view."""
        if 1 <= number <= len(getattr(self, "page_labels", [])):
            self.scroll.ensureWidgetVisible(self.page_labels[number - 1], 0, 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.images and not self.zoom.currentData():
            self._lay_out()

    # -- print and export -----------------------------------------------------------------
    def paint_pages(self, printer) -> int:
        """Paint every page onto ``printer`` (a QPrinter or any paged device); the pages painted."""
        from PySide6.QtGui import QPageLayout

        landscape = self.report_options.orientation == "landscape"
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else
                                   QPageLayout.Orientation.Portrait)
        painter = QPainter(printer)
        try:
            for n, image in enumerate(self.images):
                if n:
                    printer.newPage()
                area = QRectF(painter.viewport())
                scale = min(area.width() / image.width(), area.height() / image.height())
                target = QRectF(0, 0, image.width() * scale, image.height() * scale)
                painter.drawImage(target, image)
        finally:
            painter.end()
        return len(self.images)

    def print_pages(self) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if not self.window_.prompts.run(dialog):
            return False
        self.paint_pages(printer)
        return True

    def _export(self) -> None:
        self.accept()
        self.window_.export_dialog()
