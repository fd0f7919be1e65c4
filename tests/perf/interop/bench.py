#!/usr/bin/env python3
"""Interop benchmark: how often aiplanner's importers give tasks the source tool's dates.

Run on demand, never in the test suite (issue #15)::

    python tests/perf/interop/bench.py --in-process              # the corpora in the default folder
    python tests/perf/interop/bench.py --clone                   # clone the three repositories first
    python tests/perf/interop/bench.py --fetch-dir /work/.mirror # or build them from local git mirrors
    python tests/perf/interop/bench.py --only mspdi --json out.json --examples 5

The corpora are public files of other projects and are never committed:
they live in ``--corpus-dir`` (default ``$AIPLANNER_INTEROP_DIR``, else
``.interop/`` at the repository root, which git ignores). ``--clone``
clones joniles/mpxj, bardsoftware/ganttproject and mermaid-js/mermaid
(shallow, needs the network and git) into ``<corpus-dir>/repos`` and builds
the corpora from them; ``--fetch-dir`` does the same from git directories
already on disk. Without corpora the script says so and stops.

By default each file is imported by the ``aiplanner`` command line
(``aiplanner import FILE -o PLAN`` then ``aiplanner schedule PLAN --format
json``), so a crash or a hang is recorded on its file; ``--in-process``
imports with the package of this Python instead (about 25 times faster).

Corpora (``--corpus-dir``)::

    mspdi/<repo>/<path>.xml     MS Project XML (MSPDI) files, truth = each task's own <Start>/<Finish>
    mermaid/charts/*.mmd        Mermaid gantt charts (docs, demos, cypress and spec tests of mermaid-js)
    mermaid/oracle.json         what Mermaid itself computes for every chart (``mermaid_oracle.mjs``)
    gan/<repo>/<path>.gan       GanttProject files, truth = each task's start attribute
    planner/<repo>/<path>       GNOME Planner files, truth = each task's work-start and end
    SOURCES.tsv                 provenance: corpus file, repository, commit, source path, sha256

The Mermaid oracle needs node: ``npm install mermaid@11 jsdom`` in a scratch
folder, then ``TZ=UTC node mermaid_oracle.mjs <corpus>/mermaid/charts
<corpus>/mermaid/oracle.json`` from there (the script beside this one);
without it only the spec tier runs.

Truth and agreement
-------------------
MS Project XML: every task of the file except the project summary (OutlineLevel 0 /
UID 0), null tasks (IsNull=1), summary tasks (Summary=1, or followed by a deeper
outline level: the importer's own rule) and inactive tasks (Active=0, which the
importer leaves out on purpose; counted apart).  Expected = the calendar dates of the
task's <Start> and <Finish> as written in the file (what MS Project shows in its Start
and Finish columns).  A task agrees when aiplanner's scheduled start AND finish dates
(inclusive finish day, from ``schedule --format json``) are both equal.  Tasks of a
file that fails to import count as misses.

Mermaid, two tiers, both "what Mermaid draws" at day granularity:

* ``spec``: expectations transcribed from Mermaid's own tests (``ganttDb.spec.ts`` and
  ``parser/gantt.spec.js``: the asserted startTime/endTime/renderEndTime) and the docs
  charts whose tasks have explicit dates (``docs/syntax/gantt.md``); each case below says
  where it comes from (``SPEC_CASES``).
* ``oracle``: every task of every chart, dated by Mermaid 11 itself (``oracle.json``:
  ``ganttDb.getTasks()`` of the npm ``mermaid`` package run under node, TZ=UTC, each chart
  dated under two fake clocks; tasks whose dates depend on today are left out and
  counted apart; ``vert`` markers are not bars and are left out too).

A bar is drawn from startTime to renderEndTime (or endTime when that is null); its
first day is the date of startTime, its last day the day before the end when the end is
at midnight, else the day of the end (a bar of no length: its start day).  A milestone
is drawn at the middle of startTime..endTime; its start and finish day is that day.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[2]
DEFAULT_CORPORA = Path(os.environ.get("AIPLANNER_INTEROP_DIR") or REPO_ROOT / ".interop")
ONE = dt.timedelta(days=1)

# --------------------------------------------------------------------------------------
# Mermaid expectations from Mermaid's own tests and docs (the "spec" tier).
# Each case: a chart (a ganttDb.spec.ts test's setDateFormat/setExcludes/addSection/addTask
# calls written as the chart lines the parser turns into those calls), and for each asserted
# task: (task index, id, start instant, drawn end instant, how it was obtained).
# Instants are ISO date-times as in the test (``new Date(2013, 0, 1)`` -> 2013-01-01T00:00).
# The drawn end is the asserted renderEndTime when the test asserts a non-null one, else
# the asserted endTime.
# --------------------------------------------------------------------------------------
_DB = "packages/mermaid/src/diagrams/gantt/ganttDb.spec.ts"
_PARSER = "packages/mermaid/src/diagrams/gantt/parser/gantt.spec.js"
_DOCS = "docs/syntax/gantt.md"


def _one(test: str, data: str, start: str, end: str, tid: str = "id1") -> dict:
    return {"source": _DB, "test": test,
            "chart": f"gantt\ndateFormat YYYY-MM-DD\nsection testa1\ntest1 :{data}\n",
            "expect": [(0, tid, start, end, "asserted startTime/endTime")]}


def _two(test: str, data2: str, start: str, end: str | None, tid: str) -> dict:
    how = "asserted startTime/endTime"
    if end is None:  # the test asserts only the start; the end is start + the 1d length (docs rule)
        end = (dt.datetime.fromisoformat(start) + ONE).isoformat()
        how = "asserted startTime; end = start + 1d (the task's length, docs table rule)"
    return {"source": _DB, "test": test,
            "chart": f"gantt\ndateFormat YYYY-MM-DD\nsection testa1\ntest1 :id1,2013-01-01,2w\ntest2 :{data2}\n",
            "expect": [(1, tid, start, end, how)]}


SPEC_CASES: list[dict] = [
    _one("should handle fixed dates", "id1,2013-01-01,2013-01-12", "2013-01-01", "2013-01-12"),
    _one("should handle duration (days) instead of fixed date to determine end date", "id1,2013-01-01,2d",
         "2013-01-01", "2013-01-03"),
    _one("should handle duration (hours) instead of fixed date to determine end date", "id1,2013-01-01,2h",
         "2013-01-01", "2013-01-01T02:00"),
    _one("should handle duration (minutes) instead of fixed date to determine end date", "id1,2013-01-01,2m",
         "2013-01-01", "2013-01-01T00:02"),
    _one("should handle duration (seconds) instead of fixed date to determine end date", "id1,2013-01-01,2s",
         "2013-01-01", "2013-01-01T00:00:02"),
    _one("should handle duration (weeks) instead of fixed date to determine end date", "id1,2013-01-01,2w",
         "2013-01-01", "2013-01-15"),
    _one("should handle fixed dates without id", "2013-01-01,2013-01-12", "2013-01-01", "2013-01-12", "task1"),
    _one("should handle duration instead of a fixed date to determine end date without id", "2013-01-01,4d",
         "2013-01-01", "2013-01-05", "task1"),
    _two("two tasks: after id1, 1d (row 1)", "id2,after id1,1d", "2013-01-15", None, "id2"),
    _two("two tasks: after id1 without id (row 3)", "after id1,1d", "2013-01-15", None, "task1"),
    _two("two tasks: end date only (row 4)", "2013-01-26", "2013-01-15", "2013-01-26", "task1"),
    _two("two tasks: duration only (row 5)", "2d", "2013-01-15", "2013-01-17", "task1"),
    {"source": _DB, "test": "should handle milliseconds",
     "chart": "gantt\ndateFormat x\nsection testa1\ntest1 :id1,0,20ms\ntest2 :id2,after id1,5ms\n"
              "section testa2\ntest3 :id3,20,10ms\ntest4 :id4,after id3,0.005s\n",
     "expect": [(0, "id1", "1970-01-01T00:00:00", "1970-01-01T00:00:00.020", "asserted toISOString()"),
                (1, "id2", "1970-01-01T00:00:00.020", "1970-01-01T00:00:00.025", "asserted toISOString()"),
                (2, "id3", "1970-01-01T00:00:00.020", "1970-01-01T00:00:00.030", "asserted toISOString()"),
                (3, "id4", "1970-01-01T00:00:00.030", "1970-01-01T00:00:00.035", "asserted toISOString()")]},
    {"source": _DB, "test": "should handle relative start date based on id regardless of sections",
     "chart": "gantt\ndateFormat YYYY-MM-DD\nsection sec1\ntest1 :id1,2013-01-01,2w\ntest2 :id2,after id3,1d\n"
              "section sec2\ntest3 :id3,after id1,2d\n",
     "expect": [(1, "id2", "2013-01-17", "2013-01-18", "asserted startTime/endTime"),
                (2, "id3", "2013-01-15", "2013-01-17", "asserted startTime/endTime")]},
    {"source": _DB, "test": "should handle relative end date based on id regardless of sections",
     "chart": "gantt\ndateFormat YYYY-MM-DD\nsection sec1\ntask1 :id1,2013-01-01,until id3\n"
              "section sec2\ntask2 :id2,2013-01-10,until id3\ntask3 :id3,2013-02-01,2d\n",
     "expect": [(0, "id1", "2013-01-01", "2013-02-01", "asserted startTime/endTime"),
                (1, "id2", "2013-01-10", "2013-02-01", "asserted startTime/endTime")]},
    {"source": _DB, "test": "should handle relative start date based on multiple id",
     "chart": "gantt\ndateFormat YYYY-MM-DD\nsection sec1\ntask1 :id1,after id2 id3 id4,1d\n"
              "task2 :id2,2013-01-01,1d\ntask3 :id3,2013-02-01,3d\ntask4 :id4,2013-02-01,2d\n",
     "expect": [(0, "id1", "2013-02-04", "2013-02-05",
                 "asserted endTime; start = endTime - 1d (the task's 1d length)")]},
    {"source": _DB, "test": "should handle relative end date based on multiple id",
     "chart": "gantt\ndateFormat YYYY-MM-DD\nsection sec1\ntask1 :id1,2013-01-01,until id2 id3 id4\n"
              "task2 :id2,2013-01-11,1d\ntask3 :id3,2013-02-10,1d\ntask4 :id4,2013-02-12,1d\n",
     "expect": [(0, "id1", "2013-01-01", "2013-01-11", "asserted endTime; start = the explicit start date")]},
    {"source": _DB, "test": "should ignore weekends",
     "chart": "gantt\ndateFormat YYYY-MM-DD\nexcludes weekends 2019-02-06,friday\nsection weekends skip test\n"
              "test1 :id1,2019-02-01,1d\ntest2 :id2,after id1,2d\ntest3 :id3,after id2,7d\n"
              "test4 :id4,2019-02-01,2019-02-20\ntest5 :id5,after id4,1d\n"
              "section full ending task on last day\ntest6 :id6,2019-02-13,2d\ntest7 :id7,after id6,1d\n",
     "expect": [(0, "id1", "2019-02-01", "2019-02-02", "asserted startTime/renderEndTime"),
                (1, "id2", "2019-02-04", "2019-02-06", "asserted startTime/renderEndTime"),
                (2, "id3", "2019-02-07", "2019-02-20", "asserted startTime/renderEndTime"),
                (3, "id4", "2019-02-01", "2019-02-20", "asserted startTime/endTime (renderEndTime null: fixed end)"),
                (4, "id5", "2019-02-20", "2019-02-21", "asserted startTime/renderEndTime"),
                (5, "id6", "2019-02-13", "2019-02-15", "asserted startTime/renderEndTime"),
                (6, "id7", "2019-02-18", "2019-02-19", "asserted startTime/endTime (renderEndTime not asserted)")]},
    {"source": _DB, "test": "should ignore weekends starting on friday",
     "chart": "gantt\ndateFormat YYYY-MM-DD\nexcludes weekends\nweekend friday\n"
              "section friday-saturday weekends skip test\ntest1 :id1,2024-02-28, 3d\n",
     "expect": [(0, "id1", "2024-02-28", "2024-03-04", "asserted startTime/endTime (renderEndTime not asserted)")]},
    {"source": _DB, "test": "should maintain the order in which tasks are created",
     "chart": "gantt\ndateFormat YYYY-MM-DD\n"
              "section A section\n"
              "Completed task :done,    des1, 2014-01-06,2014-01-08\n"
              "Active task :active,  des2, 2014-01-09, 3d\n"
              "Future task :des3, after des2, 5d\n"
              "Future task2 :des4, after des3, 5d\n"
              "section Critical tasks\n"
              "Completed task in the critical line :crit, done, 2014-01-06,24h\n"
              "Implement parser and jison :crit, done, after des1, 2d\n"
              "Create tests for parser :crit, active, 3d\n"
              "Future task in critical line :crit, 5d\n"
              "Create tests for renderer :2d\n"
              "Add to mermaid :1d\n"
              "section Documentation\n"
              "Describe gantt syntax :active, a1, after des1, 3d\n"
              "Add gantt diagram to demo page :after a1  , 20h\n"
              "Add another diagram to demo page :doc1, after a1  , 48h\n"
              "section Last section\n"
              "Describe gantt syntax :after doc1, 3d\n"
              "Add gantt diagram to demo page :20h\n"
              "Add another diagram to demo page :48h\n",
     "expect": [(k, tid, s, e, "asserted startTime/endTime") for k, (tid, s, e) in enumerate([
         ("des1", "2014-01-06", "2014-01-08"), ("des2", "2014-01-09", "2014-01-12"),
         ("des3", "2014-01-12", "2014-01-17"), ("des4", "2014-01-17", "2014-01-22"),
         ("task1", "2014-01-06", "2014-01-07"), ("task2", "2014-01-08", "2014-01-10"),
         ("task3", "2014-01-10", "2014-01-13"), ("task4", "2014-01-13", "2014-01-18"),
         ("task5", "2014-01-18", "2014-01-20"), ("task6", "2014-01-20", "2014-01-21"),
         ("a1", "2014-01-08", "2014-01-11"), ("task7", "2014-01-11", "2014-01-11T20:00"),
         ("doc1", "2014-01-11", "2014-01-13"), ("task8", "2014-01-13", "2014-01-16"),
         ("task9", "2014-01-16", "2014-01-16T20:00"), ("task10", "2014-01-16T20:00", "2014-01-18T20:00")])]},
    {"source": _DB, "test": "should work when end date is the 31st",
     "chart": "gantt\ndateFormat YYYY-MM-DD\nsection Task endTime is on the 31st day of the month\n"
              "test1 :id1,2019-09-30,11d\ntest2 :id2,after id1,20d\n",
     "expect": [(0, "id1", "2019-09-30", "2019-10-11", "asserted startTime/endTime"),
                (1, "id2", "2019-10-11", "2019-10-31", "asserted startTime/endTime")]},
    {"source": _DB, "test": "when setting inclusive end dates: should automatically add one day to all end dates",
     "chart": "gantt\ndateFormat YYYY-MM-DD\ninclusiveEndDates\ntest1 :id1,2019-02-01,1d\n"
              "test2 :id2,2019-02-01,2019-02-03\n",
     "expect": [(0, "id1", "2019-02-01", "2019-02-02", "asserted startTime/endTime"),
                (1, "id2", "2019-02-01", "2019-02-04", "asserted startTime/endTime")]},
    {"source": _PARSER, "test": "should handle a task definition",
     "chart": "gantt\ndateFormat YYYY-MM-DD\ntitle Adding gantt diagram functionality to mermaid\n"
              "section Documentation\nDesign jison grammar:des1, 2014-01-01, 2014-01-04\n",
     "expect": [(0, "des1", "2014-01-01", "2014-01-04", "asserted startTime/endTime")]},
    {"source": _PARSER, "test": "should handle a task with start/end time relative to other tasks",
     "chart": "gantt\ndateFormat YYYY-MM-DD\ntitle Adding gantt diagram functionality to mermaid\n"
              "section Documentation\ntask A: a, 2024-01-27, 2024-01-28\ntask B: b, after a, 2024-01-30\n"
              "task C: c, 2024-01-20, until a\ntask D: d, after c, until b\n",
     "expect": [(0, "a", "2024-01-27", "2024-01-28", "asserted startTime/endTime"),
                (1, "b", "2024-01-28", "2024-01-30", "asserted startTime/endTime"),
                (2, "c", "2024-01-20", "2024-01-27", "asserted startTime/endTime"),
                (3, "d", "2024-01-27", "2024-01-28", "asserted startTime/endTime")]},
    # Docs charts, tasks whose dates are explicit in the text.
    {"source": _DOCS, "test": "Syntax chart (excludes weekends): des1 has explicit start and end dates; "
                              "isadded is a milestone at an explicit date with 0d",
     "chart": "gantt\n    dateFormat  YYYY-MM-DD\n    title       Adding GANTT diagram functionality to mermaid\n"
              "    excludes    weekends\n    section A section\n"
              "    Completed task            :done,    des1, 2014-01-06,2014-01-08\n"
              "    Functionality added                 :milestone, isadded, 2014-01-25, 0d\n",
     "expect": [(0, "des1", "2014-01-06", "2014-01-08",
                 "docs: '<taskID>, <startDate>, <endDate>' (end exclusive; an ISO end date is not pushed "
                 "over excluded days)"),
                (1, "isadded", "2014-01-25", "2014-01-25",
                 "docs: a milestone is drawn at initial date + duration/2 (0d)")]},
    {"source": _DOCS, "test": "Timeline chart (dateFormat YYYY): bars with explicit start and end years",
     "chart": "gantt\n    title Timeline - Gantt Sampler\n    dateFormat YYYY\n    axisFormat %y\n"
              "    section Issue19062\n    71   :            item71, 1900, 1930\n"
              "    section Issue19401\n    36   :            item36, 1913, 1935\n"
              "    section Issue1300\n    94   :            item94, 1910, 1915\n"
              "    5    :            item5,  1920, 1925\n"
              "    0    : milestone, item0,  1918, 1s\n",
     "expect": [(0, "item71", "1900-01-01", "1930-01-01", "docs: explicit start and end (YYYY = 1 January)"),
                (1, "item36", "1913-01-01", "1935-01-01", "docs: explicit start and end (YYYY = 1 January)"),
                (2, "item94", "1910-01-01", "1915-01-01", "docs: explicit start and end (YYYY = 1 January)"),
                (3, "item5", "1920-01-01", "1925-01-01", "docs: explicit start and end (YYYY = 1 January)"),
                (4, "item0", "1918-01-01", "1918-01-01T00:00:01",
                 "docs: milestone at explicit date + 1s/2")]},
    {"source": _DOCS, "test": "Bar chart (dateFormat X): explicit start and end seconds",
     "chart": "gantt\n    title Git Issues - days since last update\n    dateFormat X\n    axisFormat %s\n"
              "    section Issue19062\n    71   : 0, 71\n    section Issue19401\n    36   : 0, 36\n"
              "    section Issue193\n    34   : 0, 34\n    section Issue7441\n    9    : 0, 9\n"
              "    section Issue1300\n    5    : 0, 5\n",
     "expect": [(k, f"task{k + 1}", "1970-01-01", f"1970-01-01T00:{n // 60:02d}:{n % 60:02d}",
                 "docs: explicit start and end (X = Unix seconds)") for k, n in enumerate([71, 36, 34, 9, 5])]},
]

# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def one_line(text: str, limit: int = 240) -> str:
    lines = [ln.strip() for ln in (text or "").splitlines() if ln.strip()]
    if not lines:
        return "(no message)"
    # the first line naming a problem; "Traceback" means a crash: give its last line
    if lines[0].startswith("Traceback"):
        return ("CRASH " + lines[-1])[:limit]
    return lines[0][:limit]


def parse_instant(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    value = text.strip().replace("Z", "")
    try:
        return dt.datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        try:
            return dt.datetime.combine(dt.date.fromisoformat(value[:10]), dt.time())
        except ValueError:
            return None


def drawn_days(start: dt.datetime, end: dt.datetime, milestone: bool) -> tuple[dt.date, dt.date]:
    """First and last day of a Mermaid bar drawn from ``start`` to the exclusive ``end``."""
    if milestone:
        mid = start + (end - start) / 2
        return mid.date(), mid.date()
    if end <= start:
        return start.date(), start.date()
    last = end.date() - ONE if end.time() == dt.time(0) else end.date()
    return start.date(), max(last, start.date())


# --------------------------------------------------------------------------------------
# Running aiplanner
# --------------------------------------------------------------------------------------


class Aiplanner:
    def __init__(self, command: list[str], timeout: float):
        self.command = command
        self.timeout = timeout
        self.env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    def _run(self, args: list[str], cwd: str) -> subprocess.CompletedProcess:
        return subprocess.run(self.command + args, cwd=cwd, env=self.env, capture_output=True, text=True,
                              timeout=self.timeout, stdin=subprocess.DEVNULL)

    def import_and_schedule(self, source: Path, fmt: str | None = None) -> dict:
        """``{"ok": True, "tasks": [...], "warnings": N}`` or ``{"ok": False, "error": "one line"}``."""
        with tempfile.TemporaryDirectory(prefix="interop-") as tmp:
            plan = os.path.join(tmp, "tmp.aiplan")
            args = ["import", str(source), "-o", plan] + (["--from", fmt] if fmt else [])
            t0 = time.monotonic()
            try:
                done = self._run(args, tmp)
            except subprocess.TimeoutExpired:
                return {"ok": False, "error": f"import timed out after {self.timeout:g} s", "stage": "import"}
            except OSError as exc:
                return {"ok": False, "error": f"cannot run aiplanner: {exc}", "stage": "import"}
            if done.returncode != 0 or not os.path.exists(plan):
                return {"ok": False, "stage": "import", "rc": done.returncode,
                        "error": one_line(done.stderr or done.stdout)}
            differ = sum(1 for ln in done.stderr.splitlines() if "differs from the source" in ln
                         or "scheduled differently" in ln)
            try:
                sched = self._run(["schedule", plan, "--format", "json"], tmp)
            except subprocess.TimeoutExpired:
                return {"ok": False, "error": f"schedule timed out after {self.timeout:g} s", "stage": "schedule"}
            if sched.returncode != 0:
                return {"ok": False, "stage": "schedule", "rc": sched.returncode,
                        "error": one_line(sched.stderr or sched.stdout)}
            try:
                data = json.loads(sched.stdout)
                tasks = [{"id": t["id"], "name": t.get("name", ""), "start": t["start"], "finish": t["finish"],
                          "milestone": bool(t.get("milestone"))} for t in data["tasks"]]
            except (ValueError, KeyError, TypeError) as exc:
                return {"ok": False, "stage": "schedule", "error": f"unreadable schedule JSON: {exc}"}
            return {"ok": True, "tasks": tasks, "warning_lines": len(done.stderr.splitlines()),
                    "warnings": [ln.split("warning: ", 1)[-1] for ln in done.stderr.splitlines() if "warning:" in ln],
                    "differ_warnings": differ, "seconds": round(time.monotonic() - t0, 2)}


class InProcess:
    """The same answers as :class:`Aiplanner`, from the package imported into this process
    (no interpreter start per file: several times faster; a crash is still recorded per file)."""

    command = ["(in process)"]

    def __init__(self) -> None:
        from aiplanner.io.importing import import_file
        from aiplanner.schedule import schedule_plan

        self._import, self._schedule = import_file, schedule_plan

    def import_and_schedule(self, source: Path, fmt: str | None = None) -> dict:
        import warnings

        t0 = time.monotonic()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                result = self._import(source, fmt)
        except Exception as exc:  # noqa: BLE001 - recorded on the file
            kind = "" if type(exc).__name__.endswith("Error") and "Plan" in type(exc).__name__ else "CRASH "
            return {"ok": False, "stage": "import", "error": kind + one_line(f"{type(exc).__name__}: {exc}")}
        differ = sum(1 for w in result.warnings if "differs from the source" in w or "scheduled differently" in w)
        try:
            sched = self._schedule(result.plan)
        except Exception as exc:  # noqa: BLE001
            return {"ok": False, "stage": "schedule", "error": one_line(f"{type(exc).__name__}: {exc}")}
        tasks = [{"id": t.id, "name": t.name, "start": sched.tasks[t.id].start.isoformat(),
                  "finish": sched.tasks[t.id].finish.isoformat(), "milestone": t.is_milestone}
                 for t in result.plan.tasks]
        return {"ok": True, "tasks": tasks, "warning_lines": len(result.warnings), "warnings": list(result.warnings),
                "differ_warnings": differ,
                "seconds": round(time.monotonic() - t0, 2)}


# --------------------------------------------------------------------------------------
# MS Project XML: the truth from the file, and what may explain a miss
# --------------------------------------------------------------------------------------

NS_MSPDI = "http://schemas.microsoft.com/project"
ELAPSED_FORMATS = {4, 6, 8, 10, 12, 36, 38, 40, 42, 44}
PERCENT_LAG = {19, 20, 51, 52}
_DURATION = re.compile(r"^-?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?"
                       r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")
TEXT1_FIELD = "188743731"  # the extended attribute in which aiplanner writes its own task ids


def local(tag: str) -> str:
    return tag.rpartition("}")[2]


def kids(node, name: str) -> list:
    return [c for c in node if local(c.tag) == name] if node is not None else []


def kid(node, name: str):
    found = kids(node, name)
    return found[0] if found else None


def text_of(node, name: str) -> str | None:
    k = kid(node, name)
    return None if k is None else (k.text or "").strip()


def duration_hours(text: str | None, hours_per_day: float) -> float | None:
    if not text:
        return None
    m = _DURATION.match(text.strip())
    if not m:
        return None
    y, mo, d, h, mi, s = (float(g) if g else 0.0 for g in m.groups())
    return h + mi / 60 + s / 3600 + (d + mo * 20 + y * 240) * hours_per_day


def _int(text: str | None, default: int | None = None) -> int | None:
    try:
        return int(float(text)) if text not in (None, "") else default
    except (ValueError, OverflowError):
        return default


def _project_calendar(root) -> dict:
    """Facts of the project calendar used to explain misses."""
    cals = {text_of(c, "UID"): c for c in kids(kid(root, "Calendars"), "Calendar")}
    uid = text_of(root, "CalendarUID")
    cal = cals.get(uid)
    info = {"weekdays": {}, "day_minutes": {}, "ranges": [], "recurring": 0, "working_exceptions": 0,
            "exceptions": 0, "found": cal is not None}
    chain, seen = [], set()
    while cal is not None and text_of(cal, "UID") not in seen:
        seen.add(text_of(cal, "UID"))
        chain.append(cal)
        base = text_of(cal, "BaseCalendarUID")
        cal = cals.get(base) if base and base != "-1" else None
    for cal in reversed(chain):  # base first, derived calendars override
        for wd in kids(kid(cal, "WeekDays"), "WeekDay"):
            kind = _int(text_of(wd, "DayType"), -1)
            working = text_of(wd, "DayWorking") == "1"
            if kind and 1 <= kind <= 7:
                py = (kind + 5) % 7  # MSPDI 1 = Sunday ... 7 = Saturday -> Python Monday = 0
                info["weekdays"][py] = working
                minutes = 0
                for wt in kids(kid(wd, "WorkingTimes"), "WorkingTime"):
                    a, b = text_of(wt, "FromTime"), text_of(wt, "ToTime")
                    try:
                        ta, tb = dt.time.fromisoformat(a), dt.time.fromisoformat(b)
                    except (TypeError, ValueError):
                        continue
                    m = (tb.hour * 60 + tb.minute) - (ta.hour * 60 + ta.minute)
                    minutes += m if m > 0 else m + 24 * 60
                info["day_minutes"][py] = minutes if working else 0
            elif kind == 0:  # old-style exception
                period = kid(wd, "TimePeriod")
                a, b = parse_instant(text_of(period, "FromDate")), parse_instant(text_of(period, "ToDate"))
                if a and b:
                    info["ranges"].append((a.date(), b.date(), working, False))
                    info["exceptions"] += 1
                    info["working_exceptions"] += working
        for ex in kids(kid(cal, "Exceptions"), "Exception"):
            period = kid(ex, "TimePeriod")
            a, b = parse_instant(text_of(period, "FromDate")), parse_instant(text_of(period, "ToDate"))
            working = text_of(ex, "DayWorking") == "1"
            recurring = (_int(text_of(ex, "Occurrences"), 1) or 1) > 1 or _int(text_of(ex, "Type"), 1) not in (1, None)
            info["exceptions"] += 1
            info["recurring"] += recurring
            info["working_exceptions"] += working
            if a and b:
                info["ranges"].append((a.date(), b.date(), working, recurring))
    return info


def _covers_work(s: dt.datetime, f: dt.datetime, weekdays: dict, day_from=dt.time(8), day_to=dt.time(17)) -> bool:
    """Does [s, f) overlap the working hours (08:00-17:00) of a working weekday?"""
    d = s.date()
    while d <= f.date():
        if weekdays.get(d.weekday(), d.weekday() < 5):
            lo, hi = dt.datetime.combine(d, day_from), dt.datetime.combine(d, day_to)
            if max(lo, s) < min(hi, f):
                return True
        d += ONE
    return False


def _span_days(start: dt.datetime, finish: dt.datetime, cal: dict) -> int:
    """Working days from Start to Finish on the project calendar (weekdays, non-working exceptions)."""
    holidays = [(a, b) for a, b, working, recurring in cal["ranges"] if not working and not recurring]
    n, d = 0, start.date()
    while d <= finish.date() and n < 100_000:
        working = cal["weekdays"].get(d.weekday(), d.weekday() < 5) and not any(a <= d <= b for a, b in holidays)
        if d == start.date() and start.time() >= dt.time(17):
            working = False
        if d == finish.date() and finish.time() <= dt.time(8) and finish > start:
            working = False
        n += working
        d += ONE
    return n


def _split_uids(root, weekdays: dict) -> set[str]:
    """Tasks whose work stops and resumes: a zero-work timephased span between two worked ones."""
    split: set[str] = set()
    for a in kids(kid(root, "Assignments"), "Assignment"):
        runs: dict[str, list] = defaultdict(list)
        for td in kids(a, "TimephasedData"):
            runs[text_of(td, "Type") or ""].append(td)
        for kind, items in runs.items():
            if kind not in ("1", "2"):
                continue
            seen_work, gap = False, False
            for td in items:
                value = text_of(td, "Value")
                if not value:  # no value: time off the calendar, not a stop in the work
                    continue
                hours = duration_hours(value, 8.0) or 0.0
                s, f = parse_instant(text_of(td, "Start")), parse_instant(text_of(td, "Finish"))
                if hours > 0:
                    if seen_work and gap:
                        split.add(text_of(a, "TaskUID") or "")
                        break
                    seen_work = True
                elif s and f and seen_work and _covers_work(s, f, weekdays):
                    gap = True
    return split


def mspdi_truth(path: Path) -> dict:
    """The tasks of an MSPDI file to compare, with the ids the importer will give them."""
    from aiplanner.io.reading import sanitize_id, unique_id  # the importer's own id rules

    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        return {"ok": False, "error": f"XML not readable by the benchmark: {exc}"}
    if local(root.tag) != "Project":
        return {"ok": False, "error": f"root is <{local(root.tag)}>, not <Project>"}
    mpd = float(text_of(root, "MinutesPerDay") or 480) or 480.0
    hpd = mpd / 60 if mpd > 0 else 8.0
    project_start = parse_instant(text_of(root, "StartDate"))
    cal = _project_calendar(root)
    splits = _split_uids(root, cal["weekdays"])
    aliases = {text_of(e, "FieldID") for e in kids(kid(root, "ExtendedAttributes"), "ExtendedAttribute")
               if (text_of(e, "Alias") or "").lower() in ("aiplanner id", "aiplanner roles", "aiplanner demands")}
    rows = kids(kid(root, "Tasks"), "Task")
    levels = [_int(text_of(r, "OutlineLevel"), 1) or 0 for r in rows]
    by_uid = {text_of(r, "UID"): k for k, r in enumerate(rows)}
    summary_uids = set()
    for k, r in enumerate(rows):
        if text_of(r, "Summary") == "1" or (k + 1 < len(rows) and levels[k + 1] > levels[k]) or levels[k] == 0:
            summary_uids.add(text_of(r, "UID"))
    work_minutes = [m for d, m in cal["day_minutes"].items() if m and cal["weekdays"].get(d)]
    cal_day = max(set(work_minutes), key=work_minutes.count) if work_minutes else None
    used: set[str] = set()
    tasks, skipped = [], Counter()
    parents: list[int] = []  # stack of summary rows above the current one
    for k, r in enumerate(rows):
        uid = text_of(r, "UID") or f"#{k}"
        level = levels[k]
        while parents and levels[parents[-1]] >= level:
            parents.pop()
        if text_of(r, "IsNull") == "1":
            skipped["null task"] += 1
            continue
        if level == 0:
            skipped["project summary (outline level 0)"] += 1
            continue
        if uid in summary_uids:
            skipped["summary task"] += 1
            parents.append(k)
            continue
        if text_of(r, "Active") == "0":
            skipped["inactive task (left out by the importer)"] += 1
            continue
        given = None
        if TEXT1_FIELD in aliases:
            for ea in kids(r, "ExtendedAttribute"):
                if text_of(ea, "FieldID") == TEXT1_FIELD:
                    given = text_of(ea, "Value")
        wbs = text_of(r, "WBS") or ""
        base = sanitize_id(given) if given else (sanitize_id(wbs) if wbs and wbs[0].isalnum() else f"t{uid}")
        tid = unique_id(base, used)
        start, finish = parse_instant(text_of(r, "Start")), parse_instant(text_of(r, "Finish"))
        name = (text_of(r, "Name") or f"Task {uid}")[:500]
        if start is None or finish is None:
            skipped["no Start/Finish in the file"] += 1
            continue
        fmt = _int(text_of(r, "DurationFormat"), 7)
        hours = duration_hours(text_of(r, "Duration"), hpd)
        flags = []
        if project_start and start.date() < project_start.date():
            flags.append("starts before project StartDate")
        if uid in splits:
            flags.append("split task")
        if fmt in ELAPSED_FORMATS:
            flags.append("elapsed duration")
        if text_of(r, "Manual") == "1":
            flags.append("manually scheduled")
        if (text_of(r, "CalendarUID") or "-1") not in ("-1", "") and text_of(r, "CalendarUID") != text_of(root, "CalendarUID"):
            flags.append("task calendar")
        if cal_day and abs(cal_day - mpd) > 0.5:
            flags.append(f"MinutesPerDay {mpd:g} vs calendar {cal_day} min/day")
        if hours is not None and hpd and abs(hours / hpd - round(hours / hpd)) > 1e-6 and fmt not in ELAPSED_FORMATS:
            flags.append("duration not whole days (hours)")
        if text_of(r, "ActualStart") or (_int(text_of(r, "PercentComplete"), 0) or 0) > 0:
            flags.append("progress/actuals")
        ctype = _int(text_of(r, "ConstraintType"), 0)
        if ctype not in (0, 2, 4, None):
            flags.append(f"constraint type {ctype}")
        if (_int(text_of(r, "LevelingDelay"), 0) or 0) != 0:
            flags.append("leveling delay")
        links = kids(r, "PredecessorLink")
        if any(text_of(l, "PredecessorUID") in summary_uids for l in links) or \
                any(kids(rows[p], "PredecessorLink") for p in parents):
            flags.append("link to/from a summary task (dropped)")
        for l in links:
            lag = float(text_of(l, "LinkLag") or 0)
            lf = _int(text_of(l, "LagFormat"), 7)
            if lag and (lf in PERCENT_LAG or lf in ELAPSED_FORMATS or abs((lag / 10) % mpd) > 1e-6):
                flags.append("lag not whole days / elapsed / percent")
                break
        span_lo, span_hi = start.date(), finish.date()
        touched = [rg for rg in cal["ranges"] if rg[0] <= span_hi and rg[1] >= span_lo]
        if any(rg[3] for rg in touched):
            flags.append("recurring calendar exception in span")
        if any(rg[2] for rg in touched):
            flags.append("working-day exception in span")
        if any(not rg[2] and not rg[3] for rg in touched):
            flags.append("holiday in span")
        if start.time() >= dt.time(17) or (start.time() != dt.time(0) and start.time() not in (dt.time(8), dt.time(9))):
            flags.append(f"start time {start.time():%H:%M}")
        if finish.time() == dt.time(0) and finish > start:
            flags.append("finish at midnight")
        elif dt.time(0) < finish.time() <= dt.time(8) and finish.date() > start.date():
            flags.append(f"finish at start of day {finish.time():%H:%M} (work ended the day before)")
        if hours is not None and hpd and fmt not in ELAPSED_FORMATS and text_of(r, "Milestone") != "1":
            span, want = _span_days(start, finish, cal), hours / hpd
            if abs(span - want) >= 1 - 1e-6:
                flags.append(f"Start..Finish span {span} d vs Duration {want:g} d on the project calendar")
        if text_of(r, "Milestone") == "1":
            flags.append("milestone")
        tasks.append({"uid": uid, "id": tid, "name": name, "start": start.date().isoformat(),
                      "finish": finish.date().isoformat(), "start_raw": text_of(r, "Start"),
                      "finish_raw": text_of(r, "Finish"), "duration": text_of(r, "Duration"), "flags": flags})
    return {"ok": True, "tasks": tasks, "skipped": dict(skipped), "project_start": text_of(root, "StartDate"),
            "minutes_per_day": mpd, "calendar_day_minutes": cal_day,
            "recurring_exceptions": cal["recurring"], "working_exceptions": cal["working_exceptions"]}


MSPDI_PRIORITY = ["import failed", "not in the import", "starts before project StartDate", "split task",
                  "elapsed duration", "manually scheduled", "task calendar", "MinutesPerDay", "duration not whole days",
                  "progress/actuals", "constraint type", "link to/from a summary task", "lag not whole days",
                  "recurring calendar exception", "working-day exception", "holiday in span", "start time",
                  "finish at midnight", "finish at start of day", "leveling delay", "Start..Finish span",
                  "milestone"]


def failure_kind(error: str) -> str:
    """A short class of an import error, for the breakdown."""
    m = re.search(r"cannot read (start|end) '([^']*)'", error or "")
    if m:
        item = m.group(2)
        if "%%" in item:
            return "trailing %% comment on a task line"
        if item.strip() == "0":
            return "bare 0 duration"
        if re.match(r"^[\d\s:./-]+$", item):
            return "partial/loose date"
        return f"unreadable {m.group(1)}"
    if "outside 1900-2400" in (error or ""):
        return "date outside 1900-2400"
    if "has no year" in (error or ""):
        return "dateFormat without a year"
    if "IndexError" in (error or ""):
        return "crash (IndexError)"
    if "internal error" in (error or "") or (error or "").startswith("CRASH"):
        return "crash"
    if "timed out" in (error or ""):
        return "timeout"
    return "other"


def primary_cause(flags: list[str], priority: list[str]) -> str:
    for p in priority:
        for f in flags:
            if f.startswith(p):
                return f if p == "import failed" else p
    return "unexplained"


def match_tasks(truth: list[dict], got: list[dict], key_id=lambda t: t["id"]) -> dict[int, dict]:
    """Truth index -> imported task: by the id the importer gives (name checked), then by unique name,
    then by position when both lists are equally long."""
    by_id = {t["id"]: t for t in got}
    by_name = defaultdict(list)
    for t in got:
        by_name[t["name"].strip()].append(t)
    out, used = {}, set()
    for k, t in enumerate(truth):
        cand = by_id.get(key_id(t))
        if cand is not None and cand["name"].strip() == t["name"].strip() and cand["id"] not in used:
            out[k] = cand
            used.add(cand["id"])
    for k, t in enumerate(truth):
        if k in out:
            continue
        names = [c for c in by_name.get(t["name"].strip(), []) if c["id"] not in used]
        if len(names) == 1:
            out[k] = names[0]
            used.add(names[0]["id"])
    if len(truth) == len(got):
        for k in range(len(truth)):
            if k not in out and got[k]["id"] not in used:
                out[k] = got[k]
                used.add(got[k]["id"])
    return out


def bench_mspdi(files: list[Path], root: Path, runner: Aiplanner, jobs: int) -> dict:
    def one(path: Path) -> dict:
        rel = str(path.relative_to(root))
        try:
            truth = mspdi_truth(path)
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the run
            truth = {"ok": False, "error": f"benchmark could not read: {type(exc).__name__}: {exc}"}
        if not truth["ok"]:
            return {"file": rel, "truth_error": truth["error"], "tasks": []}
        got = runner.import_and_schedule(path)
        res = {"file": rel, "skipped": truth["skipped"], "project_start": truth["project_start"],
               "import": {k: v for k, v in got.items() if k != "tasks"}, "tasks": []}
        mapping = match_tasks(truth["tasks"], got.get("tasks", [])) if got["ok"] else {}
        for k, t in enumerate(truth["tasks"]):
            row = {"uid": t["uid"], "id": t["id"], "name": t["name"], "exp_start": t["start"],
                   "exp_finish": t["finish"], "start_raw": t["start_raw"], "finish_raw": t["finish_raw"],
                   "duration": t["duration"], "flags": list(t["flags"])}
            if not got["ok"]:
                row.update(agree=False, shape="import failed",
                           flags=[f"import failed: {failure_kind(got['error'])}"] + row["flags"])
            elif k not in mapping:
                row.update(agree=False, shape="not in the import", flags=["not in the import"] + row["flags"])
            else:
                g = mapping[k]
                row.update(got_id=g["id"], got_start=g["start"], got_finish=g["finish"])
                s_ok, f_ok = g["start"] == t["start"], g["finish"] == t["finish"]
                row["agree"] = s_ok and f_ok
                row["shape"] = "agree" if row["agree"] else ("finish only" if s_ok else
                                                             "start only" if f_ok else "start and finish")
            if not row["agree"]:
                row["cause"] = primary_cause(row["flags"], MSPDI_PRIORITY)
            res["tasks"].append(row)
        return res

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(one, files))
    return {"files": results}


# --------------------------------------------------------------------------------------
# Mermaid: charts, expectations and what may explain a miss
# --------------------------------------------------------------------------------------

_KEYWORDS = ("dateformat", "axisformat", "tickinterval", "excludes", "includes", "todaymarker", "title",
             "section", "acctitle", "accdescr", "click", "inclusiveenddates", "topaxis", "weekday", "weekend",
             "displaymode")
TAGS = {"active", "done", "crit", "milestone", "vert"}
_DUR = re.compile(r"^(\d+(?:\.\d+)?|\.\d+)(ms|s|m|h|d|w|M|y)$")


def chart_lines(text: str) -> dict:
    """Header facts and the task lines of a chart, in order (a light reading of the grammar)."""
    lines = text.splitlines()
    k = 0
    if lines and lines[0].strip() == "---":
        k = 1
        while k < len(lines) and lines[k].strip() != "---":
            k += 1
        k += 1
    info = {"date_format": "", "has_date_format": False, "excludes": [], "includes": False, "inclusive": False,
            "weekend": "saturday", "tasks": []}
    in_acc = False
    started = False
    for n in range(k, len(lines)):
        raw = lines[n]
        s = raw.strip()
        if not started:
            if re.match(r"^gantt\b", s):
                started = True
            continue
        if in_acc:
            in_acc = "}" not in s
            continue
        if not s or s.startswith("%%"):
            continue
        low = s.lower()
        word = re.split(r"[\s:]", low, maxsplit=1)[0]
        if word in _KEYWORDS:
            rest = re.split(r"[\s:]", s, maxsplit=1)[1].strip() if re.search(r"[\s:]", s) else ""
            if word == "accdescr" and "{" in s and "}" not in s:
                in_acc = True
            elif word == "dateformat":  # Mermaid keeps the text as it is, a leading ':' too
                info["date_format"] = rest.strip()
                info["has_date_format"] = True
            elif word == "excludes":
                info["excludes"] += [x.strip().lower() for x in re.split(r"[\s,]+", rest) if x.strip()]
            elif word == "includes":
                info["includes"] = True
            elif word == "inclusiveenddates":
                info["inclusive"] = True
            elif word == "weekend":
                info["weekend"] = rest.strip().lower()
            continue
        if ":" in s:
            name, _, data = s.partition(":")
            info["tasks"].append({"line": n + 1, "text": s, "name": name.strip(), "data": data})
    return info


def _format_regex(fmt: str) -> re.Pattern | None:
    tokens = [("YYYY", r"\d{4}"), ("YY", r"\d{2}"), ("MMMM", r"[A-Za-z]+"), ("MMM", r"[A-Za-z]+"),
              ("MM", r"\d{2}"), ("M", r"\d{1,2}"), ("Do", r"\d{1,2}(?:st|nd|rd|th)"), ("DDDD", r"\d{3}"),
              ("DDD", r"\d{1,3}"), ("DD", r"\d{2}"), ("D", r"\d{1,2}"), ("HH", r"\d{2}"), ("H", r"\d{1,2}"),
              ("hh", r"\d{2}"), ("h", r"\d{1,2}"), ("mm", r"\d{2}"), ("m", r"\d{1,2}"), ("ss", r"\d{2}"),
              ("s", r"\d{1,2}"), ("SSS", r"\d{3}"), ("SS", r"\d{2}"), ("S", r"\d"), ("X", r"-?\d+(?:\.\d+)?"),
              ("x", r"-?\d+"), ("A", r"(?:AM|PM)"), ("a", r"(?:am|pm)"), ("ZZ", r"[+-]\d{4}"),
              ("Z", r"(?:Z|[+-]\d{2}:\d{2})"), ("Q", r"[1-4]")]
    out, i = "", 0
    while i < len(fmt):
        for tok, rx in tokens:
            if fmt.startswith(tok, i):
                out += rx
                i += len(tok)
                break
        else:
            out += re.escape(fmt[i])
            i += 1
    try:
        return re.compile("^" + out + "$")
    except re.error:
        return None


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def mermaid_flags(info: dict, k: int, exp: dict, earlier_subday: bool) -> list[str]:
    flags = []
    tl = info["tasks"][k] if k < len(info["tasks"]) else None
    fmt = info["date_format"]
    if not info["has_date_format"]:
        flags.append("no dateFormat line (Mermaid reads no explicit end date: zero-length bar)")
    elif fmt.startswith(":"):
        flags.append(f"dateFormat {fmt!r} with a colon (Mermaid reads no explicit end date)")
    if re.search(r"[HhmsSAaXx]", fmt.replace("MMM", "").replace("Mo", "")):
        flags.append("time-of-day dateFormat")
    s, e = exp.get("start_at"), exp.get("end_at")
    if s and e and (s.time() != dt.time(0) or e.time() != dt.time(0)):
        flags.append("sub-day start/end (time of day)")
    if earlier_subday:
        flags.append("after a sub-day task (drifts a day per link)")
    if tl is not None:
        items = [x.strip() for x in tl["data"].split("%%")[0].split(",")]
        while items and items[0].lower() in TAGS:
            items.pop(0)
        items = [x for x in items if x != ""] if len(items) > 1 else items
        if not items or items == [""]:
            flags.append("tags-only task line")
        if "%%" in tl["data"]:
            flags.append("trailing %% comment")
        end = items[-1] if items else ""
        start = items[-2] if len(items) >= 2 else None
        if end == "0":
            flags.append("bare 0 duration")
        m = _DUR.match(end)
        if m and (m.group(2) in ("ms", "s", "m", "h") or "." in m.group(1)):
            flags.append("sub-day or fractional duration")
        rx = _format_regex(fmt)
        for item in ([start] if start else []) + ([end] if end else []):
            if item and not item.startswith(("after ", "until ")) and not _DUR.match(item) and item != "0" \
                    and rx is not None and not rx.match(item):
                flags.append(f"date {item!r} loose for dateFormat {fmt!r}")
                break
        if "until " in tl["data"]:
            flags.append("until link")
    if info["excludes"] and s:
        off = set()
        for x in info["excludes"]:
            if x == "weekends":
                off |= {4, 5} if info["weekend"] == "friday" else {5, 6}
            elif x in _WEEKDAYS:
                off.add(_WEEKDAYS.index(x))
        if s.weekday() in off or s.date().isoformat() in info["excludes"]:
            flags.append("starts on an excluded day")
        flags.append("chart has excludes")
    if info["includes"]:
        flags.append("chart has includes")
    if info["inclusive"]:
        flags.append("inclusiveEndDates")
    if exp.get("milestone"):
        flags.append("milestone")
    return flags


#: Mermaid's quirks that aiplanner reports instead of copying (issue #15 allows it): the words of
#: its warning for the whole chart, or for the task's own line.
QUIRKS_OF_THE_CHART = ("Mermaid itself then reads start dates", "Mermaid keeps the ':' in the format")
QUIRKS_OF_A_TASK = ("starts on an excluded day", "falls on an excluded day")

MERMAID_PRIORITY = ["import failed", "not in the import", "tags-only", "trailing %% comment",
                    "no dateFormat line", "dateFormat ", "date ",
                    "bare 0 duration", "sub-day or fractional duration", "sub-day start/end",
                    "after a sub-day task", "time-of-day dateFormat", "starts on an excluded day",
                    "chart has includes", "until link", "milestone", "inclusiveEndDates", "chart has excludes"]


def mermaid_compare(chart_path: Path, rel: str, chart_text: str, expected: list[dict], runner: Aiplanner) -> dict:
    """``expected``: dicts with index, id, name, start_at, end_at, milestone, how."""
    info = chart_lines(chart_text)
    got = runner.import_and_schedule(chart_path, "mermaid")
    res = {"file": rel, "import": {k: v for k, v in got.items() if k not in ("tasks", "warnings")}, "tasks": []}
    warnings = got.get("warnings", [])
    chart_quirk = any(q in w for w in warnings for q in QUIRKS_OF_THE_CHART)
    # the imported plan keeps the chart's task order: match by position, then id, then name
    imported = got.get("tasks", []) if got["ok"] else []
    subday_before = set()
    flag_sub = False
    for k, e in enumerate(expected.get("all", [])):
        if flag_sub:
            subday_before.add(k)
        s, en = e.get("start_at"), e.get("end_at")
        if (s and s.time() != dt.time(0)) or (en and en.time() != dt.time(0)):
            flag_sub = True
    for e in expected["check"]:
        k = e["index"]
        start, finish = drawn_days(e["start_at"], e["end_at"], e["milestone"])
        row = {"index": k, "id": e["id"], "name": e["name"], "how": e["how"], "exp_start": start.isoformat(),
               "exp_finish": finish.isoformat(), "start_at": e["start_at"].isoformat(),
               "end_at": e["end_at"].isoformat(),
               "line": info["tasks"][k]["text"] if k < len(info["tasks"]) else None,
               "flags": mermaid_flags(info, k, e, k in subday_before)}
        g = None
        if got["ok"]:
            if k < len(imported) and len(imported) == expected["count"] and \
                    imported[k]["name"].strip() == e["name"].strip():
                g = imported[k]
            else:
                same = [t for t in imported if t["id"] == e["id"]] or \
                       [t for t in imported if t["name"].strip() == e["name"].strip()]
                g = same[0] if len(same) == 1 else None
        if not got["ok"]:
            row.update(agree=False, shape="import failed",
                       flags=[f"import failed: {failure_kind(got['error'])}"] + row["flags"])
        elif g is None:
            row.update(agree=False, shape="not in the import", flags=["not in the import"] + row["flags"])
        else:
            row.update(got_id=g["id"], got_start=g["start"], got_finish=g["finish"])
            s_ok, f_ok = g["start"] == row["exp_start"], g["finish"] == row["exp_finish"]
            row["agree"] = s_ok and f_ok
            row["shape"] = "agree" if row["agree"] else ("finish only" if s_ok else
                                                         "start only" if f_ok else "start and finish")
            line = info["tasks"][k]["line"] if k < len(info["tasks"]) else None
            row["reported"] = not row["agree"] and (chart_quirk or any(
                w.startswith(f"line {line}:") and q in w for w in warnings for q in QUIRKS_OF_A_TASK))
        if not row["agree"]:
            row["cause"] = primary_cause(row["flags"], MERMAID_PRIORITY)
        res["tasks"].append(row)
    return res


def bench_mermaid_oracle(chart_dir: Path, oracle_file: Path, runner: Aiplanner, jobs: int) -> dict:
    oracle = json.loads(oracle_file.read_text(encoding="utf-8"))
    work, source_errors, excluded = [], [], Counter()
    for name, entry in sorted(oracle["charts"].items()):
        path = chart_dir / name
        if not path.exists():
            continue
        if not entry["ok"]:
            source_errors.append({"file": name, "error": entry["error"]})
            continue
        allx, check = [], []
        for k, t in enumerate(entry["tasks"]):
            e = {"index": k, "id": t["id"], "name": t["task"], "start_at": parse_instant(t["start"]),
                 "end_at": parse_instant(t["render_end"] or t["end"]), "milestone": t["milestone"],
                 "how": "mermaid oracle"}
            if t["milestone"]:
                e["end_at"] = parse_instant(t["end"])  # milestones are drawn from endTime, not renderEndTime
            allx.append(e)
            if t["vert"]:
                excluded["vert marker (not a bar)"] += 1
            elif t["today_dependent"]:
                excluded["dated from today (Mermaid uses the current date)"] += 1
            elif e["start_at"] is None or e["end_at"] is None:
                excluded["no valid date in Mermaid (Invalid Date)"] += 1
            else:
                check.append(e)
        if check:
            work.append((path, name, {"all": allx, "check": check, "count": len(entry["tasks"])}))

    def one(item):
        path, name, exp = item
        try:
            return mermaid_compare(path, name, path.read_text(encoding="utf-8"), exp, runner)
        except Exception as exc:  # noqa: BLE001
            return {"file": name, "import": {"ok": False, "error": f"benchmark error: {exc!r}"},
                    "tasks": [dict(agree=False, cause="benchmark error", flags=[], shape="?", id=e["id"],
                                   name=e["name"]) for e in exp["check"]]}

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        files = list(pool.map(one, work))
    # Mermaid's own errors: does aiplanner refuse them too?
    for se in source_errors:
        got = runner.import_and_schedule(chart_dir / se["file"], "mermaid")
        se["aiplanner"] = "imported" if got["ok"] else f"refused: {got['error']}"
    return {"files": files, "source_errors": source_errors, "excluded": dict(excluded),
            "generator": oracle.get("generator")}


def bench_mermaid_spec(runner: Aiplanner, jobs: int, oracle: dict | None) -> dict:
    def one(case_no: int):
        case = SPEC_CASES[case_no]
        with tempfile.TemporaryDirectory(prefix="interop-spec-") as tmp:
            path = Path(tmp) / f"spec-{case_no:02d}.mmd"
            path.write_text(case["chart"], encoding="utf-8")
            info = chart_lines(case["chart"])
            check = []
            for k, tid, s, e, how in case["expect"]:
                name = info["tasks"][k]["name"] if k < len(info["tasks"]) else tid
                milestone = "milestone" in [x.strip() for x in info["tasks"][k]["data"].split(",")]
                check.append({"index": k, "id": tid, "name": name, "start_at": parse_instant(s),
                              "end_at": parse_instant(e), "milestone": milestone, "how": how})
            allx = []
            for k, t in enumerate(info["tasks"]):
                found = [c for c in check if c["index"] == k]
                allx.append(found[0] if found else {"start_at": None, "end_at": None})
            res = mermaid_compare(path, f"spec-{case_no:02d}.mmd", case["chart"],
                                  {"all": allx, "check": check, "count": len(info["tasks"])}, runner)
            res["source"] = f"{case['source']} :: {case['test']}"
            return res

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        files = list(pool.map(one, range(len(SPEC_CASES))))
    # Cross-check: does the oracle date these charts as the tests assert?
    mismatches = []
    if oracle:
        for case_no, case in enumerate(SPEC_CASES):
            entry = oracle["charts"].get(f"spec-{case_no:02d}.mmd")
            if not entry or not entry.get("ok"):
                mismatches.append(f"spec-{case_no:02d}: oracle has no dates ({(entry or {}).get('error')})")
                continue
            for k, tid, s, e, how in case["expect"]:
                t = entry["tasks"][k]
                drawn = t["end"] if t["milestone"] else (t["render_end"] or t["end"])
                exp = drawn_days(parse_instant(s), parse_instant(e), t["milestone"])
                got = drawn_days(parse_instant(t["start"]), parse_instant(drawn), t["milestone"])
                if exp != got or t["id"] != tid:
                    mismatches.append(f"spec-{case_no:02d} {tid}: spec {exp[0]}..{exp[1]} ({how}), "
                                      f"oracle {t['id']} {got[0]}..{got[1]}")
    return {"files": files, "oracle_mismatches": mismatches}


# --------------------------------------------------------------------------------------
# GanttProject and GNOME Planner: the dates the file itself gives each task
# --------------------------------------------------------------------------------------


def _planner_stamp(text: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.strptime((text or "").strip().rstrip("Z"), "%Y%m%dT%H%M%S")
    except ValueError:
        return None


def desktop_truth(path: Path) -> dict:
    """Leaf tasks of a .gan or .planner file with the dates the file gives them: GanttProject
    stores a start (and a duration), Planner a work-start and an end (an end at midnight closes
    the day before)."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        return {"ok": False, "error": f"XML not readable by the benchmark: {exc}"}
    tasks = []
    planner = path.suffix.lower() in (".planner", ".mrproject")

    def walk(node) -> None:
        for task in kids(node, "task"):
            children = kids(task, "task")
            if children:
                walk(task)
                continue
            key = task.get("id") or ""
            if planner:
                start = _planner_stamp(task.get("work-start") or task.get("start"))
                end = _planner_stamp(task.get("end"))
                if start is None or end is None:
                    continue
                last = end.date() - ONE if end.time() == dt.time(0) and end > start else end.date()
                tasks.append({"id": f"t{key}", "name": task.get("name") or "", "start": start.date().isoformat(),
                              "finish": max(last, start.date()).isoformat(), "flags": []})
            else:
                try:
                    start_day = dt.date.fromisoformat(task.get("start") or "")
                except ValueError:
                    continue
                tasks.append({"id": f"t{key}", "name": task.get("name") or "", "start": start_day.isoformat(),
                              "finish": None, "flags": ["start only (the file stores a duration)"]})

    walk(kid(root, "tasks"))
    return {"ok": True, "tasks": tasks}


def bench_desktop(files: list[Path], root: Path, runner, jobs: int) -> dict:
    def one(path: Path) -> dict:
        rel = str(path.relative_to(root))
        truth = desktop_truth(path)
        if not truth["ok"]:
            return {"file": rel, "truth_error": truth["error"], "tasks": []}
        got = runner.import_and_schedule(path)
        res = {"file": rel, "import": {k: v for k, v in got.items() if k not in ("tasks", "warnings")}, "tasks": []}
        by_id = {t["id"]: t for t in got.get("tasks", [])} if got["ok"] else {}
        for t in truth["tasks"]:
            row = {"id": t["id"], "name": t["name"], "exp_start": t["start"], "exp_finish": t["finish"],
                   "flags": list(t["flags"])}
            g = by_id.get(t["id"])
            if not got["ok"]:
                row.update(agree=False, shape="import failed", flags=[f"import failed: {got['error'][:80]}"])
            elif g is None:
                row.update(agree=False, shape="not in the import", flags=["not in the import"])
            else:
                row.update(got_start=g["start"], got_finish=g["finish"])
                s_ok = g["start"] == t["start"]
                f_ok = t["finish"] is None or g["finish"] == t["finish"]
                row["agree"] = s_ok and f_ok
                row["shape"] = "agree" if row["agree"] else ("finish only" if s_ok else
                                                             "start only" if f_ok else "start and finish")
            if not row["agree"]:
                row["cause"] = row["flags"][0] if row["flags"] else "unexplained"
            res["tasks"].append(row)
        return res

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        return {"files": list(pool.map(one, files))}


# --------------------------------------------------------------------------------------
# Building the corpora from fetched repositories (needs git)
# --------------------------------------------------------------------------------------

REPOS = {"joniles/mpxj": "mpxj", "bardsoftware/ganttproject": "ganttproject", "mermaid-js/mermaid": "mermaid"}


def _git_dir(fetch_dir: Path, repo: str) -> Path | None:
    owner, name = repo.split("/")
    for cand in (fetch_dir / f"{owner}+{name}" / "repo", fetch_dir / f"{owner}+{name}" / ".git",
                 fetch_dir / f"{owner}+{name}", fetch_dir / name,
                 fetch_dir / f"{name}.git", fetch_dir / owner / name):
        if (cand / "HEAD").exists() and (cand / "objects").exists():
            return cand
        if (cand / ".git" / "HEAD").exists():
            return cand / ".git"
    return None


def _git(gdir: Path, *args: str, binary: bool = False):
    out = subprocess.run(["git", "--git-dir", str(gdir), *args], capture_output=True, check=True, timeout=300)
    return out.stdout if binary else out.stdout.decode("utf-8", "replace")


def _is_gantt(text: str) -> bool:
    lines = text.strip().splitlines()
    k = 0
    if lines and lines[0].strip() == "---":
        k = 1
        while k < len(lines) and lines[k].strip() != "---":
            k += 1
        k += 1
    for ln in lines[k:]:
        s = ln.strip()
        if not s or s.startswith("%%"):
            continue
        return bool(re.match(r"^gantt\s*$", s))
    return False


def _js_unescape(body: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(1), m.group(1)), body)


def _chart_candidates(path: str, text: str) -> list[tuple[int, str]]:
    """(line, chart text) of every Mermaid block in a docs/HTML/JS/TS file."""
    found = []
    suffix = path.rsplit(".", 1)[-1].lower()
    if suffix in ("md", "mdx"):
        lines = text.splitlines()
        k = 0
        while k < len(lines):
            m = re.match(r"^\s*(`{3,}|~{3,})\s*([\w-]*)", lines[k])
            if m:
                fence, start = m.group(1), k
                k += 1
                body = []
                while k < len(lines) and not lines[k].strip().startswith(fence):
                    body.append(lines[k])
                    k += 1
                block = "\n".join(body)
                if "<pre" in block or "<div" in block:
                    found += [(start + 1 + ln, b) for ln, b in _html_blocks(block)]
                else:
                    found.append((start + 2, block))
            k += 1
    if suffix in ("html", "htm", "md", "mdx"):
        if suffix not in ("md", "mdx"):
            found += _html_blocks(text)
    if suffix in ("js", "ts", "mjs", "cjs", "tsx", "jsx"):
        for m in re.finditer(r"`((?:[^`\\]|\\.)*)`", text, re.S):
            if "${" not in m.group(1):
                found.append((text[:m.start()].count("\n") + 1, _js_unescape(m.group(1))))
        for m in re.finditer(r"'(?:[^'\\\n]|\\.)*'(?:\s*\+\s*'(?:[^'\\\n]|\\.)*')+", text):
            if re.match(r"\s*\+", text[m.end():]) or re.search(r"\+\s*$", text[:m.start()]):
                continue  # part of a concatenation with a variable: not the whole chart
            parts = re.findall(r"'((?:[^'\\\n]|\\.)*)'", m.group(0))
            found.append((text[:m.start()].count("\n") + 1, _js_unescape("".join(parts))))
    out = []
    for line, block in found:
        chart = textwrap.dedent(block.expandtabs(4)).strip("\n") + "\n"
        if _is_gantt(chart) and any(":" in ln and not ln.strip().lower().startswith(_KEYWORDS + ("%%",))
                                    for ln in chart.splitlines()):
            out.append((line, chart))
    return out


def _html_blocks(text: str) -> list[tuple[int, str]]:
    res = []
    for m in re.finditer(r"<(pre|div)\b[^>]*class=\"[^\"]*\bmermaid\b[^\"]*\"[^>]*>(.*?)</\1>", text, re.S):
        res.append((text[:m.start()].count("\n") + 1, html.unescape(m.group(2))))
    return res


def clone_repositories(into: Path) -> Path:
    """Shallow clones of :data:`REPOS` under ``into`` (kept when already there); returns ``into``."""
    into.mkdir(parents=True, exist_ok=True)
    for repo in REPOS:
        owner, name = repo.split("/")
        dest = into / f"{owner}+{name}"
        if (dest / ".git").exists():
            continue
        print(f"[corpora] cloning {repo} ...", file=sys.stderr)
        subprocess.run(["git", "clone", "--quiet", "--depth", "1", f"https://github.com/{repo}.git", str(dest)],
                       check=True, timeout=1800)
    return into


def build_corpora(fetch_dir: Path, corpus: Path) -> None:
    rows = []
    for sub in ("mspdi", "mermaid/charts", "gan", "planner"):
        (corpus / sub).mkdir(parents=True, exist_ok=True)
    chart_seen: dict[str, str] = {}
    for repo, short in REPOS.items():
        gdir = _git_dir(fetch_dir, repo)
        if gdir is None:
            print(f"[corpora] {repo}: no git directory under {fetch_dir}; skipped", file=sys.stderr)
            continue
        commit = _git(gdir, "rev-parse", "HEAD").strip()
        listing = []
        for line in _git(gdir, "ls-tree", "-r", "-l", "HEAD").splitlines():
            meta, _, path = line.partition("\t")
            mode, kind, sha, size = meta.split()
            if kind == "blob" and size.isdigit():  # "BAD": the snapshot lacks that blob
                listing.append((path, sha, int(size)))
        for path, sha, size in listing:
            low = path.lower()
            if size > 4 * 2**20 or "/node_modules/" in low or low.startswith(".cspell"):
                continue
            dest = None
            if low.endswith(".xml"):
                head = _git(gdir, "cat-file", "-p", sha, binary=True)[:4096].decode("utf-8", "replace")
                if re.search(r"<Project\b[^>]*xmlns=\"http://schemas\.microsoft\.com/project\"", head):
                    dest = corpus / "mspdi" / short / path
            elif low.endswith(".gan"):
                dest = corpus / "gan" / short / path
            elif low.endswith((".planner", ".mrproject")):
                dest = corpus / "planner" / short / path
            elif short == "mermaid" and low.endswith((".md", ".html", ".js", ".ts", ".mjs")) and \
                    not low.startswith(("packages/mermaid/src/docs/.vitepress", "docs/.vitepress")):
                data = _git(gdir, "cat-file", "-p", sha, binary=True).decode("utf-8", "replace")
                if "gantt" not in data:
                    continue
                for line, chart in _chart_candidates(path, data):
                    norm = "\n".join(ln.strip() for ln in chart.splitlines() if ln.strip())
                    digest = sha256(norm.encode())[:10]
                    if digest in chart_seen:
                        rows.append(("mermaid", chart_seen[digest], repo, commit, f"{path}:{line}", "(duplicate)"))
                        continue
                    slug = re.sub(r"[^A-Za-z0-9]+", "-", path.rsplit(".", 1)[0])[-60:].strip("-")
                    name = f"{slug}__L{line}.mmd"
                    (corpus / "mermaid" / "charts" / name).write_text(chart, encoding="utf-8")
                    chart_seen[digest] = f"mermaid/charts/{name}"
                    rows.append(("mermaid", f"mermaid/charts/{name}", repo, commit, f"{path}:{line}",
                                 sha256(chart.encode())))
                continue
            if dest is not None:
                data = _git(gdir, "cat-file", "-p", sha, binary=True)
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(data)
                rows.append((dest.relative_to(corpus).parts[0], str(dest.relative_to(corpus)), repo, commit, path,
                             sha256(data)))
    for case_no, case in enumerate(SPEC_CASES):
        name = f"spec-{case_no:02d}.mmd"
        (corpus / "mermaid" / "charts" / name).write_text(case["chart"], encoding="utf-8")
        rows.append(("mermaid", f"mermaid/charts/{name}", "mermaid-js/mermaid", "(transcribed)",
                     f"{case['source']} :: {case['test']}", sha256(case["chart"].encode())))
    with open(corpus / "SOURCES.tsv", "w", encoding="utf-8") as out:
        out.write("corpus\tfile\trepository\tcommit\tsource\tsha256\n")
        for r in rows:
            out.write("\t".join(r) + "\n")
    counts = Counter(r[0] for r in rows if r[5] != "(duplicate)")
    print(f"[corpora] written to {corpus}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
          file=sys.stderr)


# --------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------


def summarize(title: str, files: list[dict], examples: int, extra: list[str] | None = None) -> dict:
    tasks = [t for f in files for t in f["tasks"]]
    agree = sum(1 for t in tasks if t.get("agree"))
    failed = [f for f in files if not f.get("import", {}).get("ok", False) and "truth_error" not in f]
    truth_err = [f for f in files if "truth_error" in f]
    misses = [(f, t) for f in files for t in f["tasks"] if not t.get("agree")]
    by_cause = Counter(t["cause"] for _, t in misses)
    by_flag = Counter(fl.split(" (")[0] if not fl.startswith("date ") else "loose date"
                      for _, t in misses for fl in set(t["flags"]))
    by_shape = Counter(t["shape"] for _, t in misses)
    pct = 100.0 * agree / len(tasks) if tasks else 0.0
    reported = sum(1 for _, t in misses if t.get("reported"))
    print(f"\n=== {title} ===")
    print(f"files: {len(files)}  tasks: {len(tasks)}  agreeing: {agree}  ({pct:.1f}%)  misses: {len(misses)}")
    if reported:
        print(f"  of the misses, {reported} are Mermaid quirks that aiplanner reports (a warning on the task's "
              f"line or the chart) instead of copying: agreeing or reported {agree + reported} "
              f"({100.0 * (agree + reported) / len(tasks):.1f}%)")
    ok_tasks = [t for f in files if f.get("import", {}).get("ok") for t in f["tasks"]]
    if failed:
        ok_agree = sum(1 for t in ok_tasks if t.get("agree"))
        print(f"  in the {len(files) - len(failed) - len(truth_err)} files that import: {ok_agree}/{len(ok_tasks)} "
              f"({100.0 * ok_agree / max(len(ok_tasks), 1):.1f}%)")
    for line in extra or []:
        print("  " + line)
    print(f"files that failed to import: {len(failed)}"
          + (f" ({sum(len(f['tasks']) for f in failed)} tasks)" if failed else ""))
    for f in failed:
        print(f"  - {f['file']} [{len(f['tasks'])} tasks]: {f['import'].get('error')}")
    for f in truth_err:
        print(f"  - {f['file']}: (benchmark could not read the truth) {f['truth_error']}")
    print("misses by shape: " + ", ".join(f"{k} {v}" for k, v in by_shape.most_common()))
    print("misses by primary cause (first matching, in priority order):")
    for cause, n in by_cause.most_common():
        print(f"  {n:5d}  {cause}")
        shown = [(f, t) for f, t in misses if t["cause"] == cause][:examples]
        for f, t in shown:
            got = (f"got {t.get('got_start')}..{t.get('got_finish')}" if "got_start" in t else t["shape"])
            what = t.get("line") or f"UID {t.get('uid')} start {t.get('start_raw')} finish {t.get('finish_raw')} " \
                                    f"dur {t.get('duration')}"
            print(f"         e.g. {f['file']} :: {t.get('id')} {t['name'][:40]!r}: expected "
                  f"{t.get('exp_start')}..{t.get('exp_finish')}, {got}  [{what}]")
    print("misses carrying each flag (a miss can carry several):")
    for flag, n in by_flag.most_common():
        print(f"  {n:5d}  {flag}")
    return {"files": len(files), "tasks": len(tasks), "agree": agree, "percent": round(pct, 2), "reported": reported,
            "failed_files": [{"file": f["file"], "tasks": len(f["tasks"]), "error": f["import"].get("error")}
                             for f in failed],
            "by_cause": dict(by_cause), "by_flag": dict(by_flag), "by_shape": dict(by_shape)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus-dir", type=Path, default=DEFAULT_CORPORA,
                    help=f"folder of the corpora (default {DEFAULT_CORPORA})")
    ap.add_argument("--clone", action="store_true", help="clone the three repositories (shallow) into "
                    "<corpus-dir>/repos and build the corpora from them (network, git)")
    ap.add_argument("--fetch-dir", type=Path, help="build the corpora first from fetched repositories here "
                                                   "(owner+name/repo git dirs of joniles/mpxj, "
                                                   "bardsoftware/ganttproject, mermaid-js/mermaid)")
    ap.add_argument("--only", default="mspdi,mermaid,desktop",
                    help="corpora to run: mspdi, mermaid, spec, desktop (comma list; 'mermaid' runs the spec and "
                         "oracle tiers, 'desktop' the GanttProject and Planner files)")
    ap.add_argument("--aiplanner", default=None, help="the aiplanner command (default: the one on PATH)")
    ap.add_argument("--in-process", action="store_true", help="import with the aiplanner package of this "
                    "Python instead of running the command per file (faster)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per aiplanner call (default 120)")
    ap.add_argument("--jobs", type=int, default=max(1, min(8, os.cpu_count() or 1)))
    ap.add_argument("--examples", type=int, default=3, help="example misses shown per cause")
    ap.add_argument("--json", type=Path, help="write every task's result here")
    ap.add_argument("--limit", type=int, default=0, help="at most this many files per corpus (0: all)")
    args = ap.parse_args(argv)
    corpus = args.corpus_dir
    if args.clone:
        args.fetch_dir = clone_repositories(corpus / "repos")
    if args.fetch_dir:
        build_corpora(args.fetch_dir, corpus)
    if not any((corpus / sub).exists() for sub in ("mspdi", "mermaid", "gan", "planner")):
        print(f"no corpora in {corpus}: run with --clone or --fetch-dir first", file=sys.stderr)
        return 2
    if args.in_process:
        runner = InProcess()
        print(f"corpora: {corpus}  (aiplanner in process)")
        return _run(args, corpus, runner)
    exe = args.aiplanner or shutil.which("aiplanner")
    if not exe:
        print("aiplanner is not on PATH (activate its venv or pass --aiplanner)", file=sys.stderr)
        return 2
    runner = Aiplanner(exe.split() if " " in exe else [exe], args.timeout)
    version = subprocess.run(runner.command + ["--version"], capture_output=True, text=True, env=runner.env)
    print(f"aiplanner: {exe} ({(version.stdout or version.stderr).strip()[:80]})")
    if os.environ.get("PYTHONPATH"):
        print(f"PYTHONPATH: {os.environ['PYTHONPATH']}")
    print(f"corpora: {corpus}")
    return _run(args, corpus, runner)


def _run(args, corpus: Path, runner) -> int:
    only = {x.strip() for x in args.only.split(",")}
    report: dict = {"started": dt.datetime.now().isoformat(timespec="seconds")}
    full: dict = {}
    if "mspdi" in only:
        files = sorted((corpus / "mspdi").rglob("*.xml"))
        files = files[: args.limit] if args.limit else files
        res = bench_mspdi(files, corpus / "mspdi", runner, args.jobs)
        skipped = Counter()
        for f in res["files"]:
            skipped.update(f.get("skipped", {}))
        report["mspdi"] = summarize("MS Project XML (MSPDI)", res["files"], args.examples,
                                    ["not counted: " + ", ".join(f"{k} {v}" for k, v in skipped.most_common())])
        full["mspdi"] = res
    oracle = None
    if (corpus / "mermaid" / "oracle.json").exists():
        oracle = json.loads((corpus / "mermaid" / "oracle.json").read_text(encoding="utf-8"))
    if only & {"mermaid", "spec"}:
        spec = bench_mermaid_spec(runner, args.jobs, oracle)
        extra = [f"{len(SPEC_CASES)} charts from Mermaid's spec tests and docs; expectations per task say how "
                 "they were obtained (see SPEC_CASES)"]
        if oracle:
            extra.append(f"oracle cross-check: {len(spec['oracle_mismatches'])} disagreements with the spec "
                         "assertions" + ("".join("\n    " + m for m in spec["oracle_mismatches"])))
        report["mermaid_spec"] = summarize("Mermaid, spec tier (Mermaid's own test assertions + docs explicit "
                                           "dates)", spec["files"], args.examples, extra)
        full["mermaid_spec"] = spec
    if "mermaid" in only:
        if oracle is None:
            print("\n(no mermaid/oracle.json: the oracle tier is skipped; build it with oracle/mermaid_oracle.mjs)")
        else:
            files = sorted((corpus / "mermaid" / "charts").glob("*.mmd"))
            res = bench_mermaid_oracle(corpus / "mermaid" / "charts", corpus / "mermaid" / "oracle.json", runner,
                                       args.jobs)
            extra = [f"truth: {res['generator']}",
                     "not counted: " + (", ".join(f"{k} {v}" for k, v in res["excluded"].items()) or "none"),
                     f"charts Mermaid itself cannot date: {len(res['source_errors'])} (not counted)"]
            extra += [f"  - {e['file']}: mermaid: {e['error'][:100]} | aiplanner: {e['aiplanner'][:100]}"
                      for e in res["source_errors"]]
            extra.append(f"charts in the corpus: {len(files)}; with tasks to check: {len(res['files'])}")
            report["mermaid_oracle"] = summarize("Mermaid, oracle tier (every chart, dated by Mermaid 11 itself)",
                                                 res["files"], args.examples, extra)
            full["mermaid_oracle"] = res
    if "desktop" in only:
        files = sorted([*(corpus / "gan").rglob("*.gan"), *(corpus / "planner").rglob("*.planner"),
                        *(corpus / "planner").rglob("*.mrproject")])
        if files:
            res = bench_desktop(files, corpus, runner, args.jobs)
            report["desktop"] = summarize("GanttProject and GNOME Planner (the file's own task dates)",
                                          res["files"], args.examples,
                                          ["GanttProject files store a start and a duration: their starts are "
                                           "compared; Planner files a work-start and an end: both"])
            full["desktop"] = res
    print("\n=== summary ===")
    for key, r in report.items():
        if isinstance(r, dict):
            more = (f"  (+{r['reported']} quirks reported: {100.0 * (r['agree'] + r['reported']) / r['tasks']:.1f}%)"
                    if r.get("reported") else "")
            print(f"{key:16s} files {r['files']:4d}  tasks {r['tasks']:5d}  agree {r['agree']:5d}  {r['percent']:.1f}%"
                  f"  failed imports {len(r['failed_files'])}{more}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"summary": report, "details": full}, indent=1, default=str),
                             encoding="utf-8")
        print(f"details: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
