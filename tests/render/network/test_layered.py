"""The layered network layout: crossings, overlaps, routes, critical links, determinism."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import pytest

from aiplanner.io.native import load_plan
from aiplanner.render.network.layered import count_crossings, edge_path, layered_layout
from aiplanner.render.network.place import fit_spaced
from aiplanner.render.network.chart import bezier_points
from aiplanner.schedule import schedule_plan

from tests.paths import SAMPLES


@pytest.fixture(scope="module")
def enterprise():
    plan = load_plan(SAMPLES / "enterprise-rollout.aiplan")
    schedule = schedule_plan(plan)
    return plan, schedule, layered_layout(plan, schedule)


def test_crossing_reduction_on_the_enterprise_sample(enterprise):
    _, _, layout = enterprise
    # Same layers, before and after the sweeps: 5,715 -> 534 when written.
    # (The straight-line drawing this replaced had 2,060 crossings, and
    # hundreds of its lines ran through boxes.)
    assert layout.initial_crossings > 5000
    assert layout.crossings <= 560
    assert layout.crossings * 8 < layout.initial_crossings


def test_small_samples_have_almost_no_crossings():
    for name, most in (("coe-rollout", 1), ("federated-rollout", 2), ("product-teams-rollout", 1),
                       ("source-timeline", 0)):
        plan = load_plan(SAMPLES / f"{name}.aiplan")
        assert layered_layout(plan, schedule_plan(plan)).crossings <= most, name


def test_no_two_boxes_overlap(enterprise):
    _, _, layout = enterprise
    w, h = layout.node_w, layout.node_h
    nodes = sorted(layout.nodes.values(), key=lambda n: (n.x, n.y))
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            if b.x - a.x >= w:
                break
            assert abs(a.y - b.y) >= h, (a.id, b.id)
    assert min(n.y for n in nodes) >= h / 2 - 1e-9


def test_every_link_is_drawn_once_from_box_to_box(enterprise):
    plan, _, layout = enterprise
    links = sorted((d.task, t.id) for t in plan.tasks for d in t.depends_on)
    assert sorted((e.src, e.dst) for e in layout.edges) == links
    half = layout.node_w / 2
    for e in layout.edges:
        src, dst = layout.nodes[e.src], layout.nodes[e.dst]
        (x0, y0), (x1, y1) = e.points[0], e.points[-1]
        assert x0 == pytest.approx(src.x + half) and abs(y0 - src.y) < layout.node_h / 2
        assert x1 == pytest.approx(dst.x - half) and abs(y1 - dst.y) < layout.node_h / 2
        assert not e.backward


def test_routes_never_pass_through_a_box(enterprise):
    _, _, layout = enterprise
    half_w, half_h = layout.node_w / 2, layout.node_h / 2
    columns: dict[float, list[float]] = {}
    for n in layout.nodes.values():
        columns.setdefault(n.x, []).append(n.y)
    for ys in columns.values():
        ys.sort()
    xs = sorted(columns)
    inside = 0
    for e in layout.edges:
        line = []
        for op, pts in edge_path(e.points):
            line.extend(bezier_points(line[-1], *pts, steps=12) if op == "C" else pts)
        for x, y in line[1:-1]:
            k = bisect_left(xs, x - half_w + 1e-6)
            if k < len(xs) and abs(xs[k] - x) < half_w - 1e-6:
                ys = columns[xs[k]]
                j = bisect_right(ys, y - half_h)
                inside += j < len(ys) and abs(ys[j] - y) < half_h - 1e-6
    assert inside == 0


def test_critical_links_are_marked_and_drawn_last(enterprise):
    _, schedule, layout = enterprise
    flags = [e.critical for e in layout.edges]
    assert any(flags) and flags == sorted(flags)  # ordinary links first, critical ones on top
    for e in layout.edges:
        assert e.critical == (schedule.tasks[e.src].critical and schedule.tasks[e.dst].critical)
    assert {n.id for n in layout.nodes.values() if n.critical} == set(schedule.critical_tasks())


def test_phases_run_left_to_right(enterprise):
    plan, _, layout = enterprise
    blocks = {b.id: b for b in layout.phases}
    assert [b.id for b in layout.phases] == [p.id for p in plan.phases]
    for n in layout.nodes.values():
        assert blocks[n.phase].first <= n.layer <= blocks[n.phase].last


def test_deterministic(enterprise):
    plan, schedule, layout = enterprise
    again = layered_layout(plan, schedule)
    assert again.nodes == layout.nodes and again.edges == layout.edges


def test_crossing_count_and_spaced_fit_helpers():
    assert count_crossings([["a", "b", "c"], ["x", "y"]], {"a": ["y"], "b": ["x"], "c": ["x"]}) == 2
    ys = fit_spaced([3.0, 1.0, 1.0], [1.0, 1.0, 4.0], [1.0, 1.0])
    assert ys[1] - ys[0] >= 1.0 - 1e-9 and ys[2] - ys[1] >= 1.0 - 1e-9


def test_backward_link_is_still_drawn(plan):
    # a1 moved to the later design phase: a2 (assessment) now waits on a task to its right.
    plan.tasks[0].phase = "design"
    layout = layered_layout(plan, schedule_plan(plan))
    back = [e for e in layout.edges if e.backward]
    assert [(e.src, e.dst) for e in back] == [("a1", "a2")]
    assert len(layout.edges) == 5 and layout.nodes["a1"].x > layout.nodes["a2"].x
    loop = back[0].points  # right out of a1, under every box, into a2 from the left
    assert loop[0][0] > layout.nodes["a1"].x and loop[-1][0] < layout.nodes["a2"].x
    assert min(y for _, y in loop[2:4]) > max(n.y + layout.node_h / 2 for n in layout.nodes.values())
    assert layout.height >= loop[2][1]


def test_labels_stay_inside_their_boxes():
    from matplotlib.figure import Figure

    from aiplanner.render.canvas import TextBatch
    from aiplanner.render.network.chart import paint_network
    from aiplanner.render.style import TextMeasure

    plan = load_plan(SAMPLES / "federated-rollout.aiplan")
    schedule = schedule_plan(plan)
    layout = layered_layout(plan, schedule, node_h=2.4)
    measure = TextMeasure()
    texts = TextBatch(measure)
    width = layout.width * 1.5
    fig = Figure(figsize=(width, 4))
    paint_network(fig, (0, 0, width, 4), plan, layout, texts, measure, names=True)
    box_pt = layout.node_w * width * 72 / layout.width
    labels = [item for item in texts.items if item[7] == "center" and item[8] == "center"]
    assert 2 * len(layout.nodes) <= len(labels) <= 3 * len(layout.nodes)  # id and one or two name lines
    for _, _, _, text, size, weight, *_ in labels:
        assert measure.width(text, size, weight) <= box_pt - 5


def test_network_png_is_byte_for_byte_repeatable(plan):
    from aiplanner.io.exporters import ExportRequest
    from aiplanner.render.export import export_png

    first = export_png(ExportRequest(plan, options={"chart": "network", "dpi": 50}))
    assert first == export_png(ExportRequest(plan, options={"chart": "network", "dpi": 50}))


def _complete_plan(n: int):
    from aiplanner.model import Dependency, Phase, Plan, Task

    tasks = [Task(id=f"t{k}", name=f"Task {k}", phase="p" if k < n // 2 else "q", duration=1 + k % 3,
                  depends_on=[Dependency(task=f"t{i}") for i in range(k)]) for k in range(n)]
    return Plan(name="dense", start="2026-05-04", phases=[Phase(id="p", name="P"), Phase(id="q", name="Q")],
                tasks=tasks)


def test_a_dense_network_leaves_out_links_implied_by_longer_chains_and_says_so():
    plan = _complete_plan(40)  # every task linked to every earlier one: 780 links
    schedule = schedule_plan(plan)
    full = layered_layout(plan, schedule, max_slots=10**9)
    assert full.hidden_links == 0 and full.hidden_note() == "" and len(full.edges) == 780
    thin = layered_layout(plan, schedule, max_slots=200)
    assert thin.implied_links == 780 - 39 and thin.dropped_links == 0 and len(thin.edges) == 39
    assert {(e.src, e.dst) for e in thin.edges} == {(f"t{k}", f"t{k + 1}") for k in range(39)}
    assert thin.hidden_note() == "too dense to draw every link: 741 of 780 left out (741 implied by longer chains of links)"
    assert set(thin.nodes) == set(full.nodes)


def test_a_network_still_too_dense_drops_its_longest_non_critical_links():
    from aiplanner.render.network.layered import _implied_links
    from tests.perf.plangen import generated_plan

    plan = generated_plan(300, 600, seed=5)
    schedule = schedule_plan(plan)
    layout = layered_layout(plan, schedule, max_slots=400)
    assert layout.dropped_links > 0 and "long non-critical ones" in layout.hidden_note()
    links = [(d.task, t.id) for t in plan.tasks for d in t.depends_on]
    drawn = {(e.src, e.dst) for e in layout.edges}
    assert len(drawn) + layout.hidden_links == len(links)
    implied = _implied_links(plan, list(schedule.order), links)
    assert layout.implied_links == len(implied) and not drawn & implied
    critical = {(a, b) for a, b in links if schedule.tasks[a].critical and schedule.tasks[b].critical}
    assert critical - implied <= drawn  # a critical link is never one of the dropped
