from __future__ import annotations

import datetime as dt
import io

from aiplanner.io.mermaid.writer import export_mermaid, mermaid_text
from aiplanner.io.mermaid.reader import read_mermaid
from aiplanner.io.mermaid.dating import date_tasks
from aiplanner.io.mermaid.parse import parse_chart
from aiplanner.model import Calendar, Dependency, Phase, Plan, Task
from aiplanner.schedule import schedule_plan


def round_trip(plan):
    sched = schedule_plan(plan)
    text = mermaid_text(plan, sched)
    result = read_mermaid(text)
    return sched, text, result


def facts(plan, sched):
    return {
        t.id: (t.name, t.phase, t.duration, t.is_milestone, [(d.task, d.type, d.lag) for d in t.depends_on],
               sched.tasks[t.id].start, sched.tasks[t.id].finish)
        for t in plan.tasks
    }


def mermaid_dates(text):
    """The dates Mermaid itself draws (our re-implementation of its ganttDb)."""
    chart = parse_chart(text)
    date_tasks(chart)
    return {t.id: (t.start.date(), t.end.date()) for t in chart.tasks}


def test_fixture_plan_round_trips(plan):
    sched, text, result = round_trip(plan)
    assert result.warnings == []
    again = result.plan
    assert [p.id for p in again.phases] == [p.id for p in plan.phases]
    assert facts(again, schedule_plan(again)) == facts(plan, sched)
    assert "excludes weekends" in text
    assert "dateFormat YYYY-MM-DD" in text
    # a2 follows a1 by a plain FS link: written with 'after'
    assert "Gap Analysis :crit, a2, after a1, 10d" in text


def test_mermaid_draws_our_dates_for_every_link_type(plan):
    plan.calendar = Calendar(workdays=["mon", "tue", "wed", "thu"], holidays=[dt.date(2026, 5, 14)])
    sched = schedule_plan(plan)
    text = mermaid_text(plan, sched)
    assert "excludes friday saturday sunday 2026-05-14" in text
    drawn = mermaid_dates(text)
    cal = sched.calendar
    for tid, t in sched.tasks.items():
        start, end = drawn[tid]
        assert start == cal.date_of(t.es), tid
        assert end == cal.date_of(t.ef), tid  # Mermaid's end is exclusive: the next working day


def test_ids_names_and_phases_that_mermaid_cannot_hold_survive():
    plan = Plan(
        start=dt.date(2026, 5, 2),  # a Saturday
        name="Rollout: phase one",
        phases=[Phase(id="build", name="Build Foundation"), Phase(id="empty", name="Nothing yet")],
        tasks=[
            Task(id="x.1", name="Design: review; sign #1", phase="build", duration=3),
            Task(id="x.2", name="Section of work", phase="build", duration=2, progress=40,
                 depends_on=[Dependency(task="x.1")]),
            Task(id="m", name="Done", phase="build", duration=0, milestone=True,
                 depends_on=[Dependency(task="x.2", type="FS", lag=2)], not_before=dt.date(2026, 5, 1)),
        ],
    )
    sched, text, result = round_trip(plan)
    again = result.plan
    assert [p.id for p in again.phases] == ["build", "empty"]
    assert facts(again, schedule_plan(again)) == facts(plan, sched)
    assert again.task("x.2").progress == 40
    assert again.task("m").not_before == dt.date(2026, 5, 1)


def test_seven_day_calendar_has_no_excludes_and_country_holidays_are_listed():
    plan = Plan(start=dt.date(2026, 12, 21), calendar=Calendar(country="DE"),
                phases=[Phase(id="p", name="P")],
                tasks=[Task(id="a", name="A", phase="p", duration=10)])
    sched = schedule_plan(plan)
    text = mermaid_text(plan, sched)
    assert "excludes weekends 2026-12-24 2026-12-25 2026-12-31 2027-01-01" in text or \
        "excludes weekends 2026-12-25 2027-01-01" in text
    drawn = mermaid_dates(text)
    assert sched.tasks["a"].finish == dt.date(2027, 1, 5)
    assert drawn["a"] == (dt.date(2026, 12, 21), dt.date(2027, 1, 6))
    plan.calendar = Calendar(workdays=list(("mon", "tue", "wed", "thu", "fri", "sat", "sun")))
    assert "excludes" not in mermaid_text(plan, schedule_plan(plan))


def test_export_to_stream_and_path(plan, tmp_path):
    sched = schedule_plan(plan)
    buf = io.StringIO()
    export_mermaid(plan, sched, buf)
    path = tmp_path / "c.mmd"
    export_mermaid(plan, sched, path)
    assert path.read_text(encoding="utf-8") == buf.getvalue()


def test_source_timeline_round_trip():
    from tests.io.conftest import DATA

    first = read_mermaid((DATA / "source-timeline.mmd").read_text(encoding="utf-8")).plan
    sched, text, result = round_trip(first)
    assert facts(result.plan, schedule_plan(result.plan)) == facts(first, sched)
    assert "excludes" not in text


from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.io.strategies import plans  # noqa: E402


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_plan_is_drawn_with_our_dates_and_round_trips(plan):
    sched = schedule_plan(plan)
    text = mermaid_text(plan, sched)
    drawn = mermaid_dates(text)
    cal = sched.calendar
    for tid, t in sched.tasks.items():
        assert drawn[tid] == (cal.date_of(t.es), cal.date_of(t.ef)), (tid, text)
    result = read_mermaid(text)
    again = result.plan
    assert facts(again, schedule_plan(again)) == facts(plan, sched), text


def test_ids_that_mermaid_reads_as_tags_and_titles_with_colons():
    plan = Plan(start=dt.date(2026, 5, 4), name="Rollout: phase one", phases=[Phase(id="p", name="P")],
                tasks=[Task(id="done", name="A", phase="p", duration=2),
                       Task(id="crit", name="B", phase="p", duration=1, depends_on=[Dependency(task="done")])])
    sched, text, result = round_trip(plan)
    assert "title Rollout: phase one" in text
    assert "B :crit, crit_, after done_, 1d" in text
    assert result.plan.name == plan.name
    assert facts(result.plan, schedule_plan(result.plan)) == facts(plan, sched)
