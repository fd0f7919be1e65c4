"""Cells of the workbook: text always as text, dates as dates, one look for headers.

openpyxl stores any string that starts with ``=`` as a formula. A task named
``=HYPERLINK("http://…","click")`` (or ``=cmd|' /C calc'!A0``) would then run
as one when the workbook is opened: CSV injection, in xlsx. :func:`put`
writes every string as a string cell (``data_type = "s"``), whatever it
starts with; only :func:`formula` writes formulas, and only ours.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from aiplanner.render.office.package import xml_text

__all__ = ["put", "formula", "header_row", "set_widths", "fit_row", "DATE", "BOOLEAN", "DAYS", "PERCENT", "MAX_TEXT", "fill", "font"]

DATE = "yyyy-mm-dd"
BOOLEAN = '"TRUE";"TRUE";"FALSE"'  # Excel shows a boolean as TRUE/FALSE anyway; LibreOffice needs telling
DAYS = "0"
PERCENT = "0%"
MAX_TEXT = 32_767  # Excel's limit of characters in a cell


@lru_cache(maxsize=512)
def fill(colour: str):
    """A solid fill of ``#RRGGBB`` (set as both colours: conditional formats read the background one).
    One object per colour: openpyxl compares every new style with those it holds."""
    from openpyxl.styles import PatternFill

    rgb = colour.lstrip("#").upper()
    return PatternFill(fill_type="solid", start_color=rgb, end_color=rgb, bgColor=rgb)


@lru_cache(maxsize=64)
def font(*, bold: bool = False, colour: str = "1A1A1A", size: float | None = None, italic: bool = False):
    from openpyxl.styles import Font

    return Font(bold=bold, italic=italic, color=colour.lstrip("#").upper(), size=size)


def put(ws, row: int, column: int, value, *, number_format: str | None = None, bold: bool = False,
        colour: str | None = None, background: str | None = None, wrap: bool = False, align: str | None = None):
    """Write ``value`` into ``ws`` at (row, column) and return the cell.

    Strings are stored as text even when they look like a formula; control
    characters XML cannot hold are dropped; dates get ``number_format``
    (default ISO).
    """
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = xml_text(value)[:MAX_TEXT]
        cell.data_type = "s"  # never a formula (see the module docstring)
    else:
        cell.value = value
    if isinstance(value, (dt.date, dt.datetime)):
        cell.number_format = number_format or DATE
    elif number_format:
        cell.number_format = number_format
    if bold or colour:
        cell.font = font(bold=bold, colour=colour or "1A1A1A")
    if background:
        cell.fill = fill(background)
    if wrap or align:
        cell.alignment = _alignment(wrap, align)
    return cell


@lru_cache(maxsize=16)
def _alignment(wrap: bool, align: str | None):
    from openpyxl.styles import Alignment

    return Alignment(wrap_text=wrap, vertical="top" if wrap else None, horizontal=align)


def formula(ws, row: int, column: int, text: str, *, number_format: str | None = None):
    """Write one of our own formulas (``text`` starts with ``=``)."""
    if not text.startswith("="):
        raise ValueError(f"not a formula: {text!r}")
    cell = ws.cell(row=row, column=column)
    cell.value = text
    if number_format:
        cell.number_format = number_format
    return cell


def header_row(ws, row: int, titles: list[str], *, first_column: int = 1) -> None:
    """Bold titles on a light grey band."""
    for k, title in enumerate(titles):
        put(ws, row, first_column + k, title, bold=True, background="F2F2F2")


def fit_row(ws, row: int, widths: dict[int, float], *, line_points: float = 15.0) -> None:
    """Make ``row`` tall enough for its wrapped text (spreadsheets grow a row only when
    it is edited): lines estimated from the characters each column holds."""
    import math

    lines = 1
    for column, width in widths.items():
        value = ws.cell(row=row, column=column).value
        if isinstance(value, str) and value:
            per_line = max(width * 1.1, 1.0)
            lines = max(lines, sum(math.ceil(max(len(part), 1) / per_line) for part in value.split("\n")))
    if lines > 1:
        ws.row_dimensions[row].height = lines * line_points


def set_widths(ws, widths: dict[int, float]) -> None:
    """Column widths in characters, by column number."""
    from openpyxl.utils import get_column_letter

    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = width
