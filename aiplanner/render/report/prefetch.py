"""The report's analyses, worked out in a second process while the first loads matplotlib.

A report needs the plan checks, the Monte Carlo run, the load and two
network layouts (0.9 s CPU for the enterprise sample on the shared 2-core
machine under load) and matplotlib with its PDF writer and fontTools (about
as long again); neither needs the other.
:func:`start` forks a child that computes the analyses with the very
functions the sections call (:func:`report_findings`, :func:`risk_summary`,
:func:`report_load`, the network layouts) into its copy of the report
context's cache and sends that cache back pickled; :meth:`Prefetch.collect`
puts it into the parent's context, after which the sections find everything
computed. The result is the same report, byte for byte.

Only where it is safe and useful: the command line (single-threaded, no Qt),
a platform with ``fork`` other than macOS, and a plan with tasks. If the child
fails in any way, the parent simply computes what is missing itself.
"""

from __future__ import annotations

import os
import pickle
import sys

from aiplanner.render.report.context import ReportContext, report_findings, report_load, report_summary, risk_summary

__all__ = ["Prefetch", "start", "available"]


def available() -> bool:
    """Whether a helper can be forked safely here: a platform with ``fork`` (not Windows), not
    macOS (where forking is unsafe), and no Qt in the process (its threads make forking unsafe)."""
    return hasattr(os, "fork") and sys.platform != "darwin" and "PySide6" not in sys.modules


def _compute(ctx: ReportContext) -> None:
    sections = set(ctx.options.sections)
    if "findings" in sections:
        report_findings(ctx)
    if sections & {"cover", "risk"}:
        risk_summary(ctx)
    if ctx.plan.people and sections & {"staffing", "load"}:
        load = report_load(ctx)
        if "load" in sections:
            ctx.once("load_table", lambda: load.table("person", "week") if load is not None else None)
    if sections & {"cover", "findings"}:
        report_summary(ctx)  # the cover's summary and the findings' pitfall names: from the results above
    if "network" in sections and ctx.plan.tasks:
        from aiplanner.render.report.network import detail_layout, overview_layout

        overview_layout(ctx)
        detail_layout(ctx)


class Prefetch:
    """A running helper process; :meth:`collect` waits for it and takes its results."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid = pid
        self.pipe = pipe

    def collect(self, ctx: ReportContext) -> bool:
        """Put the child's results into ``ctx`` (False: none came; the sections compute them)."""
        chunks = []
        try:
            while True:
                chunk = os.read(self.pipe, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            os.close(self.pipe)
            _, status = os.waitpid(self.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0 or not chunks:
            return False
        try:
            results = pickle.loads(b"".join(chunks))
        except Exception:  # noqa: BLE001 - a broken hand-over only costs the time saved
            return False
        for key, value in results.items():
            ctx.once(key, lambda value=value: value)
        return True


def start(ctx: ReportContext) -> Prefetch | None:
    """Fork the helper (``None`` when unavailable: the sections compute as usual)."""
    if not available() or not ctx.plan.tasks:
        return None
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid:  # the parent goes on to load matplotlib and draw
        os.close(write)
        return Prefetch(pid, read)
    code = 1
    try:  # the child: compute, hand over, leave without running the parent's clean-up
        os.close(read)
        _compute(ctx)
        data = pickle.dumps(ctx._cache, protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(write, view):]
        code = 0
    except BaseException:  # noqa: BLE001 - the parent computes whatever is missing
        code = 1
    finally:
        os._exit(code)
