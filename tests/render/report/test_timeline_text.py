"""Text placement on timeline pages, read back from the PDF (pdftotext -bbox)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from html import unescape

import pytest

from aiplanner.render.options import ReportOptions
from aiplanner.render.report.build import build_report

from tests.render.plans import make_plan

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext (poppler-utils)")

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def words_per_page(data: bytes):
    out = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=data, capture_output=True, check=True).stdout
    for width, height, body in PAGE.findall(out.decode("utf-8")):
        yield float(width), float(height), [(float(a), float(b), float(c), float(d), unescape(w))
                                            for a, b, c, d, w in WORD.findall(body)]


def overlapping(words):
    """Pairs of words whose boxes overlap by more than a sliver (same line, crossing)."""
    found = []
    ordered = sorted(words, key=lambda w: w[0])
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b[0] >= a[2] - 0.5:
                break
            dy = min(a[3], b[3]) - max(a[1], b[1])
            if dy > 0.5 * min(a[3] - a[1], b[3] - b[1]):
                found.append((a[4], b[4]))
    return found


def test_300_task_timeline_keeps_every_word_on_the_page_and_apart():
    plan = make_plan(300)
    data = build_report(plan, ReportOptions(sections=("timeline",), today=dt.date(2026, 6, 15),
                                            printed=dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc)))
    pages = list(words_per_page(data))
    assert len(pages) >= 8
    margin = 0.2 * 72  # nothing in the outer 0.2 inch
    for width, height, words in pages:
        assert words
        for x0, y0, x1, y1, word in words:
            assert margin <= x0 and x1 <= width - margin and margin <= y0 and y1 <= height - margin, word
        assert overlapping(words) == []


def test_overlap_check_sees_crossing_words():
    a = (10.0, 10.0, 50.0, 18.0, "Gap")
    assert overlapping([a, (40.0, 11.0, 80.0, 19.0, "Analysis")]) == [("Gap", "Analysis")]
    assert overlapping([a, (52.0, 10.0, 80.0, 18.0, "Analysis"), (20.0, 30.0, 60.0, 38.0, "below")]) == []
