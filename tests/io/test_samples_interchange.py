"""Every shipped sample survives plan -> Mermaid -> plan and plan -> MSPDI -> plan."""

from __future__ import annotations

import pytest

from aiplanner.io import load_plan
from aiplanner.io.mermaid.writer import mermaid_text
from aiplanner.io.mermaid.reader import read_mermaid
from aiplanner.io.mspdi.writer import mspdi_bytes
from aiplanner.io.mspdi.reader import read_mspdi_bytes
from aiplanner.schedule import schedule_plan
from tests.conftest import SAMPLES

SAMPLE_FILES = sorted(SAMPLES.glob("*.aiplan"))


def facts(plan):
    sched = schedule_plan(plan)
    return {
        t.id: (t.name, t.phase, t.duration, t.is_milestone, [(d.task, d.type, d.lag) for d in t.depends_on],
               sched.tasks[t.id].start, sched.tasks[t.id].finish)
        for t in plan.tasks
    }


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_sample_round_trips(path):
    plan = load_plan(path)
    sched = schedule_plan(plan)
    expected = facts(plan)
    via_mermaid = read_mermaid(mermaid_text(plan, sched))
    assert facts(via_mermaid.plan) == expected
    assert not [w for w in via_mermaid.warnings if "differs" in w]
    via_mspdi = read_mspdi_bytes(mspdi_bytes(plan, sched))
    assert facts(via_mspdi.plan) == expected
    assert [(p.id, p.name) for p in via_mspdi.plan.phases] == [(p.id, p.name) for p in plan.phases]
    assert {r.id for r in via_mspdi.plan.roles} >= {d.role for t in plan.tasks for d in t.demands}
    assert via_mspdi.plan.people == plan.people  # capacity and absences (resource calendars)
    assert [t.demands for t in via_mspdi.plan.tasks] == [t.demands for t in plan.tasks]
    assert sorted((a.person, a.role) for a in via_mspdi.plan.assignments) == sorted(
        (a.person, a.role) for a in plan.assignments)
