"""GanttProject files: GanttProject's own sample, and small files with one feature each."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from aiplanner.cli import main
from aiplanner.io.ganttproject.reader import read_gan_bytes
from aiplanner.io.importing import import_file
from aiplanner.io.native import load_plan
from aiplanner.model import InvalidPlanError
from aiplanner.schedule import schedule_plan
from tests.io.conftest import DATA

D = dt.date.fromisoformat
SAMPLE = DATA / "HouseBuildingSample.gan"


def _dates(plan):
    sched = schedule_plan(plan)
    return {t: (str(s.start), str(s.finish)) for t, s in sched.tasks.items()}


def test_ganttprojects_own_sample_keeps_every_date():
    result = import_file(SAMPLE)
    plan = result.plan
    data = SAMPLE.read_text(encoding="utf-8")
    starts = dict(re.findall(r'<task id="(\d+)"[^>]*? start="([\d-]+)"', data))
    assert [(p.id, p.name) for p in plan.phases] == [
        ("architectural-design", "Architectural design"), ("interior-design", "Interior design"),
        ("construction-phase", "Construction phase"), ("decoration-phase", "Decoration phase"), ("tasks", "Tasks")]
    assert len(plan.tasks) == 16  # 20 tasks, 4 of them summaries
    got = _dates(plan)
    assert {tid: start for tid, (start, _finish) in got.items()} == {f"t{k}": starts[k] for k in
                                                                     (t.id[1:] for t in plan.tasks)}
    assert got["t10"] == ("2024-06-10", "2024-06-28")  # 15 working days
    assert not any("differs" in w for w in result.warnings)
    # Links: <depend> on task 9 names its successors 10 and 12 (finish-to-start).
    assert [(d.task, d.type) for d in plan.task("t10").depends_on] == [("t9", "FS"), ("t49", "FS")]
    assert plan.task("t17").milestone and plan.task("t17").duration == 0
    assert plan.task("t9").progress == 100 and plan.task("t10").progress == 75
    assert plan.calendar.workdays == ["mon", "tue", "wed", "thu", "fri"]
    assert plan.calendar.holidays == [D("2006-02-14")]
    assert [(r.id, r.name) for r in plan.roles] == [
        ("project-manager", "Project manager"), ("excavator-operator", "Excavator operator"),
        ("architect", "Architect"), ("bricklayer", "Bricklayer"), ("foreman", "Foreman"), ("roofer", "Roofer")]
    jack = next(p for p in plan.people if p.name == "Jack House")
    assert [(a.start, a.end) for a in jack.absences] == [(D("2009-02-02"), D("2009-02-09"))]
    assert [(d.role, d.fte) for d in plan.task("t9").demands] == [("project-manager", 0.5), ("architect", 1.0)]
    assert [(d.role, d.fte) for d in plan.task("t2").demands] == [("bricklayer", 3.0), ("foreman", 1.0)]
    assert any("link on a summary task applied" in w for w in result.warnings)


def _gan(tasks: str, calendars: str = "", rest: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><project name="Pilot" company="Acme" webLink="" '
            f'view-date="2026-05-04" version="3.3"><calendars><day-types><day-type id="0"/><day-type id="1"/>'
            f'<default-week id="1" name="default" sun="1" mon="0" tue="0" wed="0" thu="0" fri="0" sat="1"/>'
            f'</day-types>{calendars}</calendars><tasks>{tasks}</tasks>{rest}</project>').encode()


def _task(key: int, start: str, duration: int, inner: str = "", **attrs: str) -> str:
    more = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return f'<task id="{key}" name="T{key}" start="{start}" duration="{duration}"{more}>{inner}</task>'


def test_link_types_lags_and_task_fields():
    links = ('<depend id="2" type="1" difference="1" hardness="Strong"/>'
             '<depend id="3" type="2" difference="2" hardness="Rubber"/>'
             '<depend id="4" type="3" difference="0" hardness="Strong"/>'
             '<depend id="5" type="4" difference="0" hardness="Strong"/>')
    tasks = (_task(1, "2026-05-04", 3, links + "<notes><![CDATA[Kick-off notes]]></notes>", priority="2")
             + _task(2, "2026-05-05", 2) + _task(3, "2026-05-11", 1) + _task(4, "2026-05-05", 2)
             + _task(5, "2026-05-01", 2, meeting="false", thirdDate="2026-05-01", thirdDate_constraint="1")
             + _task(6, "2026-05-14", 0, meeting="true", priority="4"))
    result = read_gan_bytes(_gan(tasks), "p.gan")
    plan = result.plan
    deps = {t.id: [(d.task, d.type, d.lag) for d in t.depends_on] for t in plan.tasks}
    assert deps == {"t1": [], "t2": [("t1", "SS", 1)], "t3": [("t1", "FS", 2)], "t4": [("t1", "FF", 0)],
                    "t5": [("t1", "SF", 0)], "t6": []}
    assert plan.task("t1").priority == 700 and plan.task("t6").priority == 900
    assert plan.task("t1").notes == "Kick-off notes"
    assert plan.task("t5").not_before == D("2026-05-01")
    assert plan.task("t6").milestone and plan.name == "Pilot" and plan.organisation == "Acme"
    assert _dates(plan)["t3"] == ("2026-05-11", "2026-05-11")


def test_calendar_recurring_holidays_and_working_weekend_days():
    calendars = ('<date year="2026" month="5" date="25" type="HOLIDAY"/>'
                 '<date month="12" date="25" type="HOLIDAY"/>'          # every year
                 '<date year="2026" month="5" date="9" type="WORKING_DAY"/>'
                 '<date year="2026" month="5" date="12" type="NEUTRAL"/>')
    result = read_gan_bytes(_gan(_task(1, "2026-05-04", 10) + _task(2, "2027-06-01", 1), calendars), "p.gan")
    cal = result.plan.calendar
    assert D("2026-05-25") in cal.holidays and D("2026-12-25") in cal.holidays and D("2028-12-25") in cal.holidays
    assert D("2027-12-25") not in cal.holidays  # a Saturday: not a working weekday
    assert cal.extra_workdays == [D("2026-05-09")]
    # Mon 4 .. Fri 8, Sat 9 (worked), Mon 11 .. Thu 14: ten working days.
    assert _dates(result.plan)["t1"] == ("2026-05-04", "2026-05-14")


def test_deeper_summaries_are_flattened_and_summary_links_reach_their_tasks():
    inner = _task(11, "2026-05-04", 2) + _task(12, "2026-05-06", 1, '<depend id="2" type="2"/>')
    tasks = _task(10, "2026-05-04", 3, _task(20, "2026-05-04", 3, inner)) + _task(2, "2026-05-07", 1)
    result = read_gan_bytes(_gan(tasks), "p.gan")
    assert [p.id for p in result.plan.phases] == ["t10", "tasks"]
    assert [t.id for t in result.plan.tasks] == ["t11", "t12", "t2"]
    assert any("summary task 'T20' is flattened" in w for w in result.warnings)
    assert [(d.task, d.type) for d in result.plan.task("t2").depends_on] == [("t12", "FS")]


@pytest.mark.parametrize("data, words", [
    (b"<project><nothing/></project>", "not a GanttProject file"),
    (b'<!DOCTYPE project [<!ENTITY x "y">]><project><tasks/></project>', "refused: the XML uses a DTD"),
    (b"<project><tasks><task id='1'", "not well-formed XML"),
    (b"<project><tasks/></project>", "no tasks"),
])
def test_bad_files_are_clear_errors(data, words):
    with pytest.raises(InvalidPlanError) as info:
        read_gan_bytes(data, "bad.gan")
    assert str(info.value).startswith("bad.gan: ") and words in str(info.value)


def test_a_dependency_loop_names_the_tasks():
    tasks = _task(1, "2026-05-04", 1, '<depend id="2" type="2"/>') + _task(2, "2026-05-05", 1,
                                                                          '<depend id="1" type="2"/>')
    with pytest.raises(InvalidPlanError, match="dependency cycle"):
        read_gan_bytes(_gan(tasks), "loop.gan")


def test_import_tells_ganttproject_from_the_extension_and_from_the_content(tmp_path, capsys):
    out = tmp_path / "p.aiplan"
    assert main(["import", str(SAMPLE), "-o", str(out)]) == 0
    assert len(load_plan(out).tasks) == 16
    renamed = tmp_path / "house.xml"  # an .xml file whose root is GanttProject's <project>
    renamed.write_bytes(SAMPLE.read_bytes())
    assert main(["import", str(renamed), "-o", str(out)]) == 0
    assert len(load_plan(out).tasks) == 16
    capsys.readouterr()
