"""GNOME Planner files: Planner test files from MPXJ, and small files with one feature each."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from aiplanner.cli import main
from aiplanner.io.importing import import_file
from aiplanner.io.native import load_plan
from aiplanner.io.planner.reader import read_planner_bytes
from aiplanner.model import InvalidPlanError
from aiplanner.schedule import schedule_plan
from tests.io.conftest import DATA

D = dt.date.fromisoformat


def _dates(plan):
    sched = schedule_plan(plan)
    return {t: (str(s.start), str(s.finish)) for t, s in sched.tasks.items()}


def _day(stamp: str) -> str:
    return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}"


def test_a_planner_file_keeps_its_dates_links_and_constraints():
    result = import_file(DATA / "project1.planner")
    plan = result.plan
    got = _dates(plan)
    text = (DATA / "project1.planner").read_text(encoding="utf-8")
    # Every task starts on its work-start day.
    for key, work_start in re.findall(r'<task id="(\d+)"[^>]*work-start="(\d{8})T', text):
        if f"t{key}" in got:
            assert got[f"t{key}"][0] == _day(work_start), key
    assert got["t3"] == ("2007-02-23", "2007-02-26")     # ends Monday 12:00
    assert got["t15"] == ("2007-03-09", "2007-03-22")    # FS after task 14
    assert got["t17"] == ("2007-03-12", "2007-03-23")    # FS with a lag of one day
    assert [(d.task, d.type, d.lag) for d in plan.task("t17").depends_on] == [("t16", "FS", 1)]
    assert [(d.task, d.type) for d in plan.task("t19").depends_on] == [("t18", "FF")]
    assert [(d.task, d.type) for d in plan.task("t23").depends_on] == [("t22", "SF")]
    assert plan.task("t10").milestone and plan.task("t10").duration == 0
    assert plan.task("t25").not_before == D("2007-02-28") and plan.task("t13").not_before == D("2007-02-25")
    assert plan.task("t24").notes == "Task Twenty Three Notes" and plan.task("t9").priority == 100
    assert plan.task("t8").progress == 26
    assert [p.id for p in plan.phases] == ["tasks", "task-four"]  # the summary "Task Four" is a phase
    assert plan.calendar.holidays == [D("2007-02-01")]
    assert [(d.role, d.fte) for d in plan.task("t30").demands] == [("resource-one", 0.1), ("resource-two", 0.6)]
    assert any("'must start on' imported as a not-before date" in w for w in result.warnings)
    assert not any("differs" in w for w in result.warnings)


def test_resources_material_left_out_and_fixed_work_spans():
    result = import_file(DATA / "planner-resource.planner")
    plan = result.plan
    assert [p.name for p in plan.people] == ["Wade Golden", "Jon Iles", "Brian Leach"]
    assert any("material resource 'Concrete' is not imported" in w for w in result.warnings)
    # Task A ends at 08:00 on 30 Aug: its work ended on the 29th.
    assert _dates(plan)["t2"] == ("2006-08-25", "2006-08-29")
    assert _dates(plan)["t3"] == ("2006-08-30", "2006-09-08")


def _planner(tasks: str, calendar_days: str = "", rest: str = "") -> bytes:
    return (f'<?xml version="1.0"?><project name="Pilot" company="Acme" project-start="20260504T000000Z" '
            f'mrproject-version="2" calendar="1"><calendars><day-types><day-type id="0" name="Working"/>'
            f'<day-type id="1" name="Nonworking"/><day-type id="2" name="Use base"/></day-types>'
            f'<calendar id="1" name="Default"><default-week mon="0" tue="0" wed="0" thu="0" fri="0" sat="1" sun="1"/>'
            f'<overridden-day-types><overridden-day-type id="0"><interval start="0900" end="1700"/>'
            f'</overridden-day-type></overridden-day-types><days>{calendar_days}</days>'
            f'<calendar id="2" name="Ann"><default-week mon="2" tue="2" wed="2" thu="2" fri="2" sat="2" sun="2"/>'
            f'<overridden-day-types/><days><day date="20260512" type="day-type" id="1"/></days></calendar>'
            f'</calendar></calendars><tasks>{tasks}</tasks>{rest}</project>').encode()


def test_groups_are_roles_and_a_resource_calendar_gives_absences():
    tasks = ('<task id="1" name="Design" work-start="20260504T090000Z" start="20260504T000000Z" '
             'end="20260506T170000Z" type="normal"/>')
    rest = ('<resource-groups><group id="1" name="Data scientists"/></resource-groups>'
            '<resources><resource id="1" name="Ann" group="1" type="1" calendar="2"/>'
            '<resource id="2" name="Bo" type="1"/></resources>'
            '<allocations><allocation task-id="1" resource-id="1" units="50"/>'
            '<allocation task-id="1" resource-id="2" units="100"/></allocations>')
    calendar_days = '<day date="20260509" type="day-type" id="0"/><day date="20260505" type="day-type" id="1"/>'
    plan = read_planner_bytes(_planner(tasks, calendar_days, rest), "p.planner").plan
    assert [(r.id, r.name) for r in plan.roles] == [("data-scientists", "Data scientists"), ("bo", "Bo")]
    assert [(d.role, d.fte) for d in plan.task("t1").demands] == [("data-scientists", 0.5), ("bo", 1.0)]
    ann = plan.people[0]
    assert [(a.start, a.end) for a in ann.absences] == [(D("2026-05-12"), D("2026-05-12"))]  # her own days off
    assert plan.calendar.holidays == [D("2026-05-05")] and plan.calendar.extra_workdays == [D("2026-05-09")]
    assert plan.task("t1").duration == 2  # Monday and Wednesday (Tuesday is a holiday)


@pytest.mark.parametrize("data, words", [
    (b'<project mrproject-version="2"/>', "not a Planner file"),
    (b'<!DOCTYPE project SYSTEM "http://evil/x.dtd"><project><tasks/></project>', "refused"),
    (b'<project mrproject-version="2"><tasks/></project>', "no tasks"),
])
def test_bad_files_are_clear_errors(data, words):
    with pytest.raises(InvalidPlanError) as info:
        read_planner_bytes(data, "bad.planner")
    assert str(info.value).startswith("bad.planner: ") and words in str(info.value)


def test_import_tells_planner_from_the_extension_and_from_the_content(tmp_path, capsys):
    out = tmp_path / "p.aiplan"
    assert main(["import", str(DATA / "project1.planner"), "-o", str(out)]) == 0
    n = len(load_plan(out).tasks)
    renamed = tmp_path / "project.xml"
    renamed.write_bytes((DATA / "project1.planner").read_bytes())
    assert main(["import", str(renamed), "-o", str(out)]) == 0
    assert len(load_plan(out).tasks) == n
    assert main(["import", str(DATA / "project1.planner"), "--from", "mspdi", "-o", str(out)]) == 2
    assert "not an MS Project XML file" in capsys.readouterr().err
