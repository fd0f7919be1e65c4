"""The interop goals of issue #15, on the public corpora when they are on disk (run on demand).

    python tests/perf/interop/bench.py --clone          # once: fetch the corpora (see its docstring)
    python -m pytest tests/perf --benchmark-only -k interop

MS Project files: at least 98 % of the tasks get the dates the file gives
them; Mermaid charts: at least 90 % get the dates Mermaid draws, or carry a
warning about a Mermaid quirk that aiplanner reports instead of copying.
"""

from __future__ import annotations

import pytest

from tests.perf.interop import bench

pytestmark = pytest.mark.perf

CORPORA = bench.DEFAULT_CORPORA


def _share(files: list[dict], reported: bool = False) -> float:
    tasks = [t for f in files for t in f["tasks"]]
    good = sum(1 for t in tasks if t.get("agree") or (reported and t.get("reported")))
    return 100.0 * good / max(len(tasks), 1)


@pytest.mark.skipif(not (CORPORA / "mspdi").exists(), reason=f"no MS Project corpus in {CORPORA}")
def test_ms_project_files_keep_their_dates(benchmark):
    files = sorted((CORPORA / "mspdi").rglob("*.xml"))
    result = benchmark.pedantic(bench.bench_mspdi, args=(files, CORPORA / "mspdi", bench.InProcess(), 1),
                                rounds=1, iterations=1)
    assert _share(result["files"]) >= 98.0


@pytest.mark.skipif(not (CORPORA / "mermaid" / "oracle.json").exists(), reason=f"no Mermaid oracle in {CORPORA}")
def test_mermaid_charts_keep_their_dates(benchmark):
    charts = CORPORA / "mermaid" / "charts"
    result = benchmark.pedantic(bench.bench_mermaid_oracle, args=(charts, CORPORA / "mermaid" / "oracle.json",
                                                                  bench.InProcess(), 1), rounds=1, iterations=1)
    assert _share(result["files"], reported=True) >= 90.0
    spec = bench.bench_mermaid_spec(bench.InProcess(), 1, None)
    assert _share(spec["files"]) >= 90.0
