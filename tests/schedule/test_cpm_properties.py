"""Property tests of the CPM on random networks (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings

from aiplanner.schedule import schedule_plan
from tests.schedule.helpers import random_plan_strategy

LINK = {
    # kind: (successor side, predecessor side) of the constraint succ >= pred + lag
    "FS": ("es", "ef"),
    "SS": ("es", "es"),
    "FF": ("ef", "ef"),
    "SF": ("ef", "es"),
}


def lower_bound(plan, task, cal) -> int:
    if task.not_before is None:
        return 0
    return max(0, cal.index_on_or_after(task.not_before))


@settings(max_examples=40, deadline=None)
@given(plan=random_plan_strategy())
def test_schedule_properties(plan):
    s = schedule_plan(plan)
    cal = s.calendar
    times = s.tasks
    finish = s.finish_point
    assert finish == max(t.ef for t in times.values())
    for task in plan.tasks:
        t = times[task.id]
        low = lower_bound(plan, task, cal)
        assert t.ef == t.es + task.duration
        # every link holds
        candidates = [low]
        for dep in task.depends_on:
            p = times[dep.task]
            succ_side, pred_side = LINK[dep.type]
            assert getattr(t, succ_side) >= getattr(p, pred_side) + dep.lag
            candidates.append(getattr(p, pred_side) + dep.lag - (task.duration if succ_side == "ef" else 0))
        # as early as the constraints allow: one of them binds
        assert t.es == max(candidates)
        # floats
        assert 0 <= t.free_float <= t.total_float
        assert t.total_float == t.ls - t.es and t.lf == t.ls + task.duration and t.lf <= finish
        assert t.critical == (t.total_float == 0)
        # dates follow the time points
        if task.duration:
            assert (t.start, t.finish) == (cal.date_of(t.es), cal.date_of(t.ef - 1))
        else:
            assert t.start == t.finish and t.start in (cal.date_of(t.es), cal.date_of(t.es - 1))
        assert cal.is_working(t.start) and cal.is_working(t.finish)
    # the late schedule also satisfies every link
    for task in plan.tasks:
        for dep in task.depends_on:
            succ_side, pred_side = LINK[dep.type]
            late = {"es": "ls", "ef": "lf"}
            assert getattr(times[task.id], late[succ_side]) >= getattr(times[dep.task], late[pred_side]) + dep.lag
    # a critical chain runs back from the finish to a task held only by its lower bound
    by_id = {t.id: t for t in plan.tasks}
    current = next(t for t in plan.tasks if times[t.id].ef == finish)
    seen = set()
    while True:
        assert times[current.id].critical
        seen.add(current.id)
        t = times[current.id]
        binding = [
            dep for dep in current.depends_on
            if getattr(times[dep.task], LINK[dep.type][1]) + dep.lag
            - (current.duration if LINK[dep.type][0] == "ef" else 0) == t.es
        ]
        if t.es == lower_bound(plan, current, cal) or not binding:
            assert t.es == lower_bound(plan, current, cal)
            break
        nxt = next(by_id[d.task] for d in binding if times[d.task].critical)
        assert nxt.id not in seen
        current = nxt
    assert s.critical_tasks() and all(times[c].critical for c in s.critical_tasks())
    assert s.start == min(t.start for t in times.values()) and s.finish == max(t.finish for t in times.values())
