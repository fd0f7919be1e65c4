"""Optional: MPXJ (Java; ``pip install mpxj jpype1``) reads our MS Project XML as we wrote it.

Skipped when MPXJ, JPype or Java is missing. The JVM runs in a subprocess
(a JVM cannot be restarted in one Python process).
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys

import pytest

from aiplanner.io.mspdi.writer import mspdi_bytes
from aiplanner.schedule import schedule_plan

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("mpxj") is None or importlib.util.find_spec("jpype") is None
    or shutil.which("java") is None,
    reason="MPXJ, JPype or Java not installed",
)

READER = """
import json, sys, jpype, mpxj
jpype.startJVM()
from org.mpxj.reader import UniversalProjectReader
project = UniversalProjectReader().read(sys.argv[1])
out = []
for task in project.getTasks():
    if task.getOutlineLevel() != 2:
        continue
    out.append({
        "name": str(task.getName()), "start": str(task.getStart()), "finish": str(task.getFinish()),
        "days": float(task.getDuration().getDuration()), "milestone": bool(task.getMilestone()),
        "links": [[str(r.getPredecessorTask().getName()), str(r.getType()), float(r.getLag().getDuration())]
                  for r in task.getPredecessors()],
    })
print(json.dumps(out))
"""


def test_mpxj_reads_our_dates_links_and_lags(plan, tmp_path):
    sched = schedule_plan(plan)
    path = tmp_path / "plan.xml"
    path.write_bytes(mspdi_bytes(plan, sched))
    run = subprocess.run([sys.executable, "-c", READER, str(path)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    tasks = json.loads(run.stdout.strip().splitlines()[-1])
    names = {t.id: t.name for t in plan.tasks}
    expected = []
    for task in plan.tasks:
        t = sched.tasks[task.id]
        end_bound = task.is_milestone and t.start != sched.calendar.date_of(t.es)
        start_time = "17:00" if end_bound else "08:00"
        finish_time = start_time if task.is_milestone else "17:00"
        expected.append({
            "name": task.name, "start": f"{t.start}T{start_time}", "finish": f"{t.finish}T{finish_time}",
            "days": float(task.duration), "milestone": task.is_milestone,
            "links": [[names[d.task], d.type, float(d.lag)] for d in task.depends_on],
        })
    assert tasks == expected
