"""The Gantt scene in numbers: rows, bar positions, links, critical flags, header."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.model import Dependency, Phase, Plan, Task
from aiplanner.render.gantt.routing import route_link
from aiplanner.render.gantt.layout import build_gantt_scene
from aiplanner.render.gantt.scene import GanttOptions
from aiplanner.render.gantt.timescale import choose_scale
from aiplanner.schedule import schedule_plan


def scene_of(plan, **options):
    return build_gantt_scene(plan, schedule_plan(plan), GanttOptions(**options))


def test_rows_are_phase_headers_then_tasks_in_plan_order(plan):
    scene = scene_of(plan)
    assert [(r.kind, r.id) for r in scene.rows] == [
        ("phase", "assessment"), ("task", "a1"), ("task", "a2"),
        ("phase", "design"), ("task", "d1"), ("task", "d2"), ("task", "m1"),
    ]
    assert scene.row_of("d2") == 5
    with pytest.raises(KeyError):
        scene.row_of("nope")
    assert [(b.phase, b.row0, b.row1) for b in scene.bands] == [("assessment", 0, 2), ("design", 3, 6)]


def test_bars_span_calendar_days_from_plan_start(plan):
    scene = scene_of(plan)
    bars = {b.task_id: b for b in scene.bars}
    # a1: 30 working days from Mon 4 May 2026 -> Fri 12 Jun (40 calendar days incl. weekends)
    assert (bars["a1"].x0, bars["a1"].x1) == (0.0, 40.0)
    # a2 starts Mon 15 Jun (x 42), 10 working days -> Fri 26 Jun, bar ends at its end (x 54)
    assert (bars["a2"].x0, bars["a2"].x1) == (42.0, 54.0)
    # d2 is SS+5 after a2: Mon 22 Jun
    assert bars["d2"].x0 == 49.0
    assert {b.task_id for b in scene.bars if b.critical} == {"a1", "a2", "d1"}
    assert not bars["d2"].critical and bars["d2"].total_float == 15


def test_milestone_after_friday_finish_sits_at_end_of_friday(plan):
    scene = scene_of(plan)
    (m1,) = scene.milestones
    assert m1.task_id == "m1" and m1.date == dt.date(2026, 8, 7) and m1.critical
    assert m1.x == 96.0  # end of Fri 7 Aug == end of d1's bar
    assert {b.task_id: b for b in scene.bars}["d1"].x1 == m1.x
    assert m1.label == "7 Aug"


def test_links_cover_all_types_and_only_driving_critical_links_are_critical(plan):
    scene = scene_of(plan)
    links = {(l.pred, l.succ): l for l in scene.links}
    assert {k: l.type for k, l in links.items()} == {
        ("a1", "a2"): "FS", ("a2", "d1"): "FS", ("a2", "d2"): "SS", ("d1", "m1"): "FS", ("d2", "m1"): "FF",
    }
    assert {k for k, l in links.items() if l.critical} == {("a1", "a2"), ("a2", "d1"), ("d1", "m1")}
    ss = links[("a2", "d2")]
    assert ss.points[0] == (42.0, 2) and ss.points[-1] == (49.0, 5)   # start -> start
    ff = links[("d2", "m1")]
    assert ff.points[0] == (75.0, 5) and ff.points[-1] == (96.0, 6)   # finish -> milestone
    assert ff.points[-2][0] > ff.points[-1][0]                         # enters from the right
    for link in scene.links:
        for (x0, y0), (x1, y1) in zip(link.points, link.points[1:]):
            assert x0 == x1 or y0 == y1                                 # orthogonal


def test_no_links_when_hidden(plan):
    assert scene_of(plan, show_links=False).links == ()


@pytest.mark.parametrize("kind", ["FS", "SS", "FF", "SF"])
def test_routes_end_at_the_right_side_of_the_successor(kind):
    pred, succ = (0.0, 5.0, 0), (3.0, 9.0, 2)
    points = route_link(kind, pred, succ, 1.0)
    assert points[0] == ((5.0 if kind[0] == "F" else 0.0), 0)
    assert points[-1] == ((3.0 if kind[1] == "S" else 9.0), 2)
    (xa, ya), (xb, yb) = points[-2:]
    assert ya == yb == 2 and (xb > xa if kind[1] == "S" else xb < xa)


def test_sf_route_wraps_between_rows_when_needed():
    points = route_link("SF", (10.0, 12.0, 0), (0.0, 11.0, 1), 1.0)
    assert points == ((10.0, 0), (9.0, 0), (9.0, 0.5), (12.0, 0.5), (12.0, 1), (11.0, 1))


def test_time_header_adapts_and_covers_range(plan):
    scene = scene_of(plan)
    assert scene.scale == "weeks"
    lower = [t for t in scene.ticks if t.tier == 1]
    assert lower[0].x == scene.x_min and lower[-1].x_end == scene.x_max
    assert all(a.x_end == b.x for a, b in zip(lower, lower[1:]))
    assert [t.text for t in scene.ticks if t.tier == 0] == ["May 2026", "Jun 2026", "Jul 2026", "Aug 2026"]
    assert choose_scale(20) == "days" and choose_scale(700) == "months" and choose_scale(3000) == "quarters"
    assert scene_of(plan, scale="quarters").ticks[-1].text == "Q3"


def test_weekends_shaded_at_week_scale_holidays_always():
    p = Plan(name="h", start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")],
             calendar={"holidays": [dt.date(2026, 5, 14)]},
             tasks=[Task(id="t", name="T", phase="p", duration=10)])
    scene = scene_of(p)
    kinds = {(s.x0, s.x1, s.kind) for s in scene.shades}
    assert (5.0, 7.0, "weekend") in kinds and (10.0, 11.0, "holiday") in kinds
    assert {s.kind for s in scene_of(p, shade_weekends=False).shades} == {"holiday"}


def test_date_window_drops_tasks_outside_and_sets_range(plan):
    scene = scene_of(plan, date_from=dt.date(2026, 6, 22), date_to=dt.date(2026, 7, 31))
    assert [r.id for r in scene.rows if r.kind == "task"] == ["a2", "d1", "d2"]
    assert (scene.x_min, scene.x_max) == (49.0, 89.0)
    assert scene.first_date == dt.date(2026, 6, 22) and scene.last_date == dt.date(2026, 7, 31)


def test_baseline_ghosts_today_and_columns(plan):
    scene = scene_of(plan, baseline={"a2": (dt.date(2026, 6, 8), dt.date(2026, 6, 19))},
                     today=dt.date(2026, 6, 1), columns=("start", "float", "role"))
    (ghost,) = scene.ghosts
    assert (ghost.row, ghost.x0, ghost.x1, ghost.slip) == (2, 35.0, 47.0, 7)
    assert scene.today.x == 28.0
    assert [c.key for c in scene.columns] == ["start", "float", "role"]
    assert scene.rows[1].cells == ("2026-05-04", "0", "AI Product Manager")
    assert scene.rows[5].cells[1] == "15"
    with pytest.raises(ValueError):
        GanttOptions(columns=("colour",))


def test_progress_fraction_and_label(plan):
    plan.tasks[0].progress = 40
    scene = scene_of(plan)
    bar = scene.bars[0]
    assert bar.progress == pytest.approx(0.4) and bar.label == "40%"
    (label,) = [l for l in scene.labels if l.task_id == "a1"]
    assert (label.x, label.align, label.x_alt) == (40.0, "left", 0.0)


def test_collapsed_phase_keeps_its_summary_row_and_drops_its_tasks_and_their_links(plan):
    full = scene_of(plan, baseline={"a1": (plan.start, plan.start)})
    folded = scene_of(plan, collapsed=frozenset({"assessment"}), baseline={"a1": (plan.start, plan.start)})
    assert [(r.kind, r.id, r.index) for r in folded.rows] == [
        ("phase", "assessment", 0), ("phase", "design", 1), ("task", "d1", 2), ("task", "d2", 3), ("task", "m1", 4)]
    band = folded.bands[0]
    assert band.collapsed and (band.row0, band.row1, band.tasks) == (0, 0, 2)
    assert (band.x0, band.x1) == (full.bands[0].x0, full.bands[0].x1)  # the phase's whole span
    assert not folded.bands[1].collapsed and (folded.bands[1].row0, folded.bands[1].row1) == (1, 4)
    assert {b.task_id for b in folded.bars} | {m.task_id for m in folded.milestones} == {"d1", "d2", "m1"}
    assert {lb.task_id for lb in folded.labels} <= {"d1", "d2", "m1"} and folded.ghosts == ()
    # Links between shown tasks stay (re-routed to the new rows); those to hidden tasks go.
    assert {(k.pred, k.succ) for k in full.links} > {(k.pred, k.succ) for k in folded.links}
    assert all(k.pred not in ("a1", "a2") and k.succ not in ("a1", "a2") for k in folded.links)
    assert {(k.pred, k.succ) for k in folded.links} == {(k.pred, k.succ) for k in full.links
                                                        if "a" not in (k.pred[0], k.succ[0])}
    assert all(min(p[1] for p in k.points) >= 2 for k in folded.links)
    # The time axis does not move when a phase folds.
    assert (folded.x_min, folded.x_max) == (full.x_min, full.x_max)
    with pytest.raises(KeyError):
        folded.row_of("a1")


def test_a_milestone_on_the_last_day_of_the_chart_is_not_cut_by_its_edge():
    # The plan ends with a milestone after a task finishing on Thu 31 Dec: its
    # diamond sits at the end of that day, so the chart must reach past it.
    plan = Plan(name="p", start=dt.date(2026, 12, 1), phases=[Phase(id="p", name="P")],
                tasks=[Task(id="a", name="A", phase="p", duration=23),
                       Task(id="m", name="M", phase="p", duration=0, depends_on=[Dependency(task="a")])])
    sched = schedule_plan(plan)
    assert sched.tasks["a"].finish == dt.date(2026, 12, 31)
    for scale in ("days", "weeks", "months"):
        scene = scene_of(plan, scale=scale)
        (m,) = scene.milestones
        assert m.x < scene.x_max, scale


@pytest.mark.parametrize("scale, room", [("days", 1), ("weeks", 2), ("months", 6), ("quarters", 14)])
def test_a_milestone_near_the_end_keeps_room_for_its_diamond(scale, room):
    # Finishes Tue 29 Dec: two days before the month's end, less than a diamond's half-width
    # at a month scale, so the chart reaches into the next unit.
    plan = Plan(name="p", start=dt.date(2026, 6, 1), phases=[Phase(id="p", name="P")],
                tasks=[Task(id="a", name="A", phase="p", duration=152),
                       Task(id="m", name="M", phase="p", duration=0, depends_on=[Dependency(task="a")])])
    assert schedule_plan(plan).tasks["a"].finish == dt.date(2026, 12, 29)
    scene = scene_of(plan, scale=scale)
    (m,) = scene.milestones
    assert scene.x_max - m.x >= room
