from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from aiplanner.io.importing import import_file
from aiplanner.io.mspdi.writer import mspdi_bytes
from aiplanner.io.mspdi.reader import read_mspdi_bytes
from aiplanner.model import (Assignment, Calendar, InvalidPlanError, Person, PlanError, Role,
                             RoleDemand)
from aiplanner.schedule import schedule_plan
from tests.io.conftest import DATA
from tests.io.strategies import plans

NS = {"p": "http://schemas.microsoft.com/project"}
D = dt.date.fromisoformat


def dates_of(plan):
    sched = schedule_plan(plan)
    return {t: (str(s.start), str(s.finish)) for t, s in sched.tasks.items()}


def test_ms_project_file_golden():
    result = import_file(DATA / "msproject-2016.xml")
    plan = result.plan
    assert plan.name == "AI pilot rollout" and plan.organisation == "Northwind Traders"
    assert plan.start == D("2026-03-02")
    assert plan.calendar.workdays == ["mon", "tue", "wed", "thu", "fri"]
    # Christmas recurs yearly (2026-2030); 25 Dec 2027 is a Saturday, not a working weekday.
    assert plan.calendar.holidays == [D("2026-04-03"), D("2026-04-06"), D("2026-12-25"), D("2028-12-25"),
                                      D("2029-12-25"), D("2030-12-25")]
    assert [(p.id, p.name) for p in plan.phases] == [("assessment", "Assessment"), ("design", "Design")]
    summary = {t.id: (t.phase, t.duration, [(d.task, d.type, d.lag) for d in t.depends_on]) for t in plan.tasks}
    assert summary == {
        "1.1": ("assessment", 10, []),
        "1.2": ("assessment", 5, [("1.1", "FS", 0)]),
        "2.1.1": ("design", 15, [("1.2", "SS", 2)]),
        "2.1.2": ("design", 0, [("2.1.1", "FS", 0)]),
        "2.2": ("design", 8, [("1.2", "FF", -1)]),
        "2.3": ("design", 2, []),
    }
    assert plan.task("2.1.2").milestone
    assert plan.task("1.1").progress == 100 and plan.task("1.2").priority == 700
    assert plan.task("2.3").not_before == D("2026-04-20") and plan.task("2.3").deadline == D("2026-04-24")
    assert plan.task("1.1").notes.startswith("Interview")
    assert [(p.id, p.capacity) for p in plan.people] == [("dana-ortiz", 1.0), ("lee-chen", 0.5)]
    assert [r.id for r in plan.roles] == ["ai-product-manager", "mlops-engineer"]
    assert [(d.role, d.fte) for d in plan.task("2.1.1").demands] == [("ai-product-manager", 0.5),
                                                                       ("mlops-engineer", 0.5)]
    assert dates_of(plan) == {
        "1.1": ("2026-03-02", "2026-03-13"), "1.2": ("2026-03-16", "2026-03-20"),
        "2.1.1": ("2026-03-18", "2026-04-09"), "2.1.2": ("2026-04-09", "2026-04-09"),
        "2.2": ("2026-03-10", "2026-03-19"), "2.3": ("2026-04-20", "2026-04-21"),
    }
    text = "\n".join(result.warnings)
    for words in ("flattened", "rounded up to 8", "summary task UID 5", "material resource"):
        assert words in text
    assert "differs" not in text


def test_ganttproject_style_file_golden():
    result = import_file(DATA / "ganttproject.xml")
    plan = result.plan
    assert plan.calendar.holidays == [D("2026-06-08")]  # old-style exception in a derived calendar
    assert [p.id for p in plan.phases] == ["tasks", "enablement"]  # summary found from the outline alone
    assert [(t.id, t.phase, t.duration) for t in plan.tasks] == [("t1", "tasks", 2), ("t3", "enablement", 5),
                                                                 ("t4", "enablement", 9)]
    assert [(d.task, d.type, d.lag) for d in plan.task("t4").depends_on] == [("t3", "SS", 3)]
    assert plan.people[0].capacity == 1.0  # MaxUnits 100 read as percent
    assert dates_of(plan)["t4"] == ("2026-06-09", "2026-06-19")
    assert any("without a group" in w for w in result.warnings)


def test_export_writes_what_readers_need(plan):
    plan.calendar = Calendar(holidays=[D("2026-05-25")])
    plan.roles.append(Role(id="mlops-engineer", name="MLOps Engineer"))
    plan.people = [Person(id="ann", name="Ann"), Person(id="bo", name="Bo", capacity=0.5)]
    plan.assignments = [Assignment(person="ann", role="ai-product-manager", share=0.6),
                        Assignment(person="bo", role="ai-product-manager", share=0.4)]
    plan.task("d1").demands = [RoleDemand(role="mlops-engineer", fte=1.0)]
    sched = schedule_plan(plan)
    root = ET.fromstring(mspdi_bytes(plan, sched))
    assert root.tag == "{http://schemas.microsoft.com/project}Project"
    assert root.findtext("p:StartDate", namespaces=NS) == "2026-05-04T08:00:00"
    days = root.findall("p:Calendars/p:Calendar/p:WeekDays/p:WeekDay", NS)
    assert [d.findtext("p:DayWorking", namespaces=NS) for d in days] == ["0", "1", "1", "1", "1", "1", "0"]
    assert all(d.find("p:WorkingTimes", NS) is not None for d in days[1:6])
    exc = root.find("p:Calendars/p:Calendar/p:Exceptions/p:Exception/p:TimePeriod", NS)
    assert exc.findtext("p:FromDate", namespaces=NS) == "2026-05-25T00:00:00"
    tasks = {t.findtext("p:Name", namespaces=NS): t for t in root.findall("p:Tasks/p:Task", NS)}
    phase = tasks["Assessment"]
    assert (phase.findtext("p:OutlineLevel", namespaces=NS), phase.findtext("p:Summary", namespaces=NS)) == ("1", "1")
    a1 = tasks["Current State Analysis"]
    assert a1.findtext("p:Duration", namespaces=NS) == "PT240H0M0S"
    assert a1.findtext("p:Start", namespaces=NS) == "2026-05-04T08:00:00"
    assert a1.findtext("p:Finish", namespaces=NS) == "2026-06-15T17:00:00"  # 30 days with 25 May off
    d2 = tasks["Governance Framework"]
    link = d2.find("p:PredecessorLink", NS)
    assert (link.findtext("p:Type", namespaces=NS), link.findtext("p:LinkLag", namespaces=NS),
            link.findtext("p:LagFormat", namespaces=NS)) == ("3", "24000", "7")
    m1 = tasks["Design signed off"]
    assert m1.findtext("p:Milestone", namespaces=NS) == "1"
    assert sorted(l.findtext("p:Type", namespaces=NS) for l in m1.findall("p:PredecessorLink", NS)) == ["0", "1"]
    assert m1.findtext("p:Start", namespaces=NS).endswith("T17:00:00")  # reached at the end of a working day
    resources = root.findall("p:Resources/p:Resource", NS)
    assert [(r.findtext("p:Name", namespaces=NS), r.findtext("p:Group", namespaces=NS),
             r.findtext("p:IsGeneric", namespaces=NS)) for r in resources] == [
        ("Ann", "AI Product Manager", None), ("Bo", "AI Product Manager", None),
        ("MLOps Engineer", "MLOps Engineer", "1")]
    units = sorted(a.findtext("p:Units", namespaces=NS) for a in root.findall("p:Assignments/p:Assignment", NS))
    assert units == ["0.2", "0.3", "1"]


def facts(plan):
    sched = schedule_plan(plan)
    return {
        t.id: (t.name, t.phase, t.duration, t.is_milestone, [(d.task, d.type, d.lag) for d in t.depends_on],
               t.progress, sched.tasks[t.id].start, sched.tasks[t.id].finish)
        for t in plan.tasks
    }


def test_fixture_round_trip_keeps_everything(plan):
    plan.people = [Person(id="ann", name="Ann")]
    plan.assignments = [Assignment(person="ann", role="ai-product-manager")]
    plan.task("d2").deadline = D("2026-08-01")
    plan.task("a2").not_before = D("2026-06-20")
    again = read_mspdi_bytes(mspdi_bytes(plan, schedule_plan(plan)))
    assert again.warnings == []
    back = again.plan
    assert facts(back) == facts(plan)
    assert [(p.id, p.name) for p in back.phases] == [(p.id, p.name) for p in plan.phases]
    assert back.people == plan.people and back.assignments == plan.assignments
    assert back.task("a1").demands == plan.task("a1").demands
    assert back.task("d2").deadline == D("2026-08-01") and back.task("a2").not_before == D("2026-06-20")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_plan_round_trips(plan):
    result = read_mspdi_bytes(mspdi_bytes(plan, schedule_plan(plan)))
    assert facts(result.plan) == facts(plan)
    assert result.plan.calendar.workdays == plan.calendar.workdays


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<Project xmlns="http://schemas.microsoft.com/project"><Name>&lol3;</Name></Project>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Project xmlns="http://schemas.microsoft.com/project"><Name>&xxe;</Name></Project>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE Project SYSTEM "http://example.org/evil.dtd">
<Project xmlns="http://schemas.microsoft.com/project"><Name>x</Name></Project>"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, XXE, EXTERNAL_DTD])
def test_hostile_xml_is_refused(data):
    with pytest.raises(InvalidPlanError, match="refused"):
        read_mspdi_bytes(data, "evil.xml")


@pytest.mark.parametrize(
    "data, words",
    [
        (b"<Project><Tasks><Task></Tasks></Project>", "line 1, column"),
        (b"", "not well-formed"),
        (b"<html><body/></html>", "not an MS Project XML file"),
        (b'<Project xmlns="http://schemas.microsoft.com/project"/>', "no start date"),
    ],
)
def test_garbage_is_a_clear_error(data, words):
    with pytest.raises(InvalidPlanError) as info:
        read_mspdi_bytes(data, "x.xml")
    assert str(info.value).startswith("x.xml: ") and words in str(info.value)


def test_cycle_in_file_is_an_error():
    text = (DATA / "ganttproject.xml").read_text(encoding="utf-8").replace(
        "<Duration>PT16H0M0S</Duration><DurationFormat>39</DurationFormat>",
        "<Duration>PT16H0M0S</Duration><DurationFormat>39</DurationFormat><PredecessorLink>"
        "<PredecessorUID>4</PredecessorUID><Type>1</Type></PredecessorLink>")
    with pytest.raises(InvalidPlanError, match="cycle"):
        read_mspdi_bytes(text.encode())


_SAMPLE = (DATA / "msproject-2016.xml").read_bytes()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(_SAMPLE) - 1), st.integers(1, 40), st.binary(max_size=20))
def test_fuzz_mutated_files_never_crash(pos, cut, junk):
    data = _SAMPLE[:pos] + junk + _SAMPLE[pos + cut:]
    try:
        result = read_mspdi_bytes(data)
    except PlanError:
        return
    schedule_plan(result.plan)


_values = st.sampled_from(["", "-1", "0", "1", "3", "99999999999", "PT-8H", "PT8.5H0M0S", "P2D", "abc", "NaN",
                           "2026-13-40T00:00:00", "2026-05-04T08:00:00", "-4800", "1e308"])
_tags = st.sampled_from(["UID", "OutlineLevel", "Summary", "Duration", "DurationFormat", "Milestone", "Start",
                         "PercentComplete", "Priority", "ConstraintType", "ConstraintDate", "WBS", "Name"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.lists(st.tuples(_tags, _values), max_size=6),
                          st.lists(st.tuples(_values, _values, _values), max_size=2)), max_size=6))
def test_fuzz_odd_field_values_never_crash(rows):
    parts = ['<Project xmlns="http://schemas.microsoft.com/project"><StartDate>2026-05-04T08:00:00</StartDate><Tasks>']
    for fields, links in rows:
        parts.append("<Task>" + "".join(f"<{t}>{v}</{t}>" for t, v in fields))
        parts += [f"<PredecessorLink><PredecessorUID>{a}</PredecessorUID><Type>{b}</Type><LinkLag>{c}</LinkLag>"
                  "</PredecessorLink>" for a, b, c in links]
        parts.append("</Task>")
    parts.append("</Tasks></Project>")
    try:
        result = read_mspdi_bytes("".join(parts).encode())
    except PlanError:
        return
    schedule_plan(result.plan)


def test_dates_out_of_range_are_a_clear_error():
    data = (b'<Project xmlns="http://schemas.microsoft.com/project"><StartDate>9998-05-04T08:00:00</StartDate>'
            b"<Tasks><Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>"
            b"</Task></Tasks></Project>")
    with pytest.raises(InvalidPlanError, match="outside the supported years 1900-2400"):
        read_mspdi_bytes(data)


def test_unknown_encoding_is_a_clear_error():
    with pytest.raises(InvalidPlanError, match="cannot read the XML"):
        read_mspdi_bytes(b'<?xml version="1.0" encoding="TF-8"?><Project/>')


def test_file_written_by_mpxj_golden():
    """MPXJ (the library ProjectLibre and GanttProject use) rewrote one of our exports."""
    result = import_file(DATA / "mpxj-written.xml")
    plan = result.plan
    assert result.warnings == []
    assert plan.calendar.holidays == [D("2026-05-25")]
    assert [(t.id, t.duration, [(d.task, d.type, d.lag) for d in t.depends_on]) for t in plan.tasks] == [
        ("a1", 30, []), ("a2", 10, [("a1", "FS", 0)]), ("d1", 30, [("a2", "FS", 0)]),
        ("d2", 20, [("a2", "SS", 5)]), ("d3", 5, [("d2", "SF", 3)]),
        ("m1", 0, [("d1", "FS", 0), ("d2", "FF", -2)])]
    assert dates_of(plan)["m1"] == ("2026-08-10", "2026-08-10")
    assert dates_of(plan)["d3"] == ("2026-06-19", "2026-06-25")
    ann = plan.people[0]
    assert (ann.id, [(a.start, a.end, a.note) for a in ann.absences]) == ("ann", [(D("2026-06-01"),
                                                                                  D("2026-06-05"), "leave")])
    assert [(d.role, d.fte) for d in plan.task("d1").demands] == [("mlops-engineer", 1.0)]


def test_cycle_names_the_task_uids_of_the_loop():
    text = (DATA / "ganttproject.xml").read_text(encoding="utf-8").replace(
        "<Duration>PT16H0M0S</Duration><DurationFormat>39</DurationFormat>",
        "<Duration>PT16H0M0S</Duration><DurationFormat>39</DurationFormat><PredecessorLink>"
        "<PredecessorUID>4</PredecessorUID><Type>1</Type></PredecessorLink>")
    with pytest.raises(InvalidPlanError) as info:
        read_mspdi_bytes(text.encode(), "g.xml")
    message = str(info.value)
    assert message.startswith("g.xml: task UIDs ") and ": dependency cycle: " in message


def test_an_inactive_task_is_left_out_as_ms_project_leaves_it_out_of_the_schedule():
    # Project 2010+: <Active>0</Active> keeps a task in the file but out of the schedule.
    text = (DATA / "msproject-2016.xml").read_text(encoding="utf-8").replace(
        "<Name>Maturity scoring</Name><Type>0</Type>", "<Name>Maturity scoring</Name><Active>0</Active><Type>0</Type>")
    result = read_mspdi_bytes(text.encode(), "p.xml")
    names = [t.name for t in result.plan.tasks]
    assert "Maturity scoring" not in names and "Policy draft" in names
    assert any("task UID 3: inactive task 'Maturity scoring' left out" in w for w in result.warnings)
    assert any("task UID 6: link from inactive task UID 3 dropped" in w for w in result.warnings)


def test_role_shares_round_trip(plan):
    # Two people share a role 70/30; one of them also holds a second role in full.
    if "mlops-engineer" not in {r.id for r in plan.roles}:
        plan.roles = [*plan.roles, Role(id="mlops-engineer", name="MLOps Engineer")]
    plan.people = [Person(id="ann", name="Ann"), Person(id="bo", name="Bo", capacity=0.5)]
    plan.assignments = [Assignment(person="ann", role="ai-product-manager", share=0.7),
                        Assignment(person="bo", role="ai-product-manager", share=0.3),
                        Assignment(person="bo", role="mlops-engineer")]
    again = read_mspdi_bytes(mspdi_bytes(plan, schedule_plan(plan)))
    assert again.warnings == []
    assert sorted(again.plan.assignments, key=lambda a: (a.person, a.role)) == sorted(
        plan.assignments, key=lambda a: (a.person, a.role))
