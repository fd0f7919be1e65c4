"""Table pagination: rows per page, and no group header left alone at a page's foot."""

from __future__ import annotations

from aiplanner.render.style import TextMeasure
from aiplanner.render.tables import LINE, PAD, Col, TableSpec, paginate_table

ROW = LINE + 2 * PAD


def test_a_group_header_never_ends_a_page():
    # Header + 4 rows fit a page; row 3 (index 3) is a group header that would land last.
    rows = [("Assessment",), ("a",), ("b",), ("Design",), ("c",), ("d",)]
    styles = ["group", "", "", "group", "", ""]
    spec = TableSpec([Col("Task")], rows, styles)
    pages = paginate_table(spec, 300, ROW * 5 + 1, TextMeasure())
    assert [p.styles for p in pages] == [("group", "", ""), ("group", "", "")]
    assert pages[1].rows[0] == (("Design",),)


def test_rows_fill_pages_in_order():
    spec = TableSpec([Col("Task")], [(str(i),) for i in range(10)])
    pages = paginate_table(spec, 300, ROW * 5 + 1, TextMeasure())
    assert [len(p.rows) for p in pages] == [4, 4, 2]
