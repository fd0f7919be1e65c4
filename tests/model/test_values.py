"""The read-only value classes of the command line's short path behave as frozen dataclasses did."""

from __future__ import annotations

import copy
import doctest
import pickle
import subprocess
import sys

import pytest

import aiplanner.model.values as values
from aiplanner.model.errors import Problem
from aiplanner.schedule import schedule_plan
from aiplanner.schedule.progress import Progress
from tests.schedule.helpers import T, make


def test_doctests():
    result = doctest.testmod(values)
    assert result.attempted > 0 and result.failed == 0


def test_problems_compare_hash_pickle_and_refuse_changes():
    problem = Problem("$.tasks[0].duration", "must be at least 0")
    assert problem == Problem("$.tasks[0].duration", "must be at least 0") != Problem("$", "other")
    assert len({problem, Problem("$.tasks[0].duration", "must be at least 0")}) == 1
    assert pickle.loads(pickle.dumps(problem)) == problem and copy.deepcopy(problem) == problem
    assert repr(problem) == "Problem(path='$.tasks[0].duration', message='must be at least 0')"
    assert str(problem) == "$.tasks[0].duration: must be at least 0"
    with pytest.raises(AttributeError):
        problem.message = "changed"


def test_task_times_and_phase_spans_are_values_and_schedules_compare_without_their_state():
    plan = make([T("a", 5), T("b", 3, "a")])
    one, two = schedule_plan(plan), schedule_plan(plan)
    assert one.tasks["b"] == two.tasks["b"] and one.tasks["a"] != one.tasks["b"]
    assert pickle.loads(pickle.dumps(one.tasks["b"])) == one.tasks["b"]
    assert one.phases == two.phases and one.tasks == two.tasks
    bare = copy.copy(one)
    bare.state = None
    assert bare == one  # the raw state is not compared, as before
    assert repr(one.tasks["a"]).startswith("TaskTimes(id='a', duration=5, es=0, ef=5,")
    with pytest.raises(AttributeError):
        one.tasks["a"].es = 3
    progress = Progress(None, 50.0, None, "plan")
    assert progress.to_dict() == {"status_date": None, "complete": 50.0, "planned": None, "reference": "plan"}


def test_the_schedule_command_needs_no_dataclasses():
    """``dataclasses`` imports ``inspect`` (14 ms); ``schedule`` reads (with the schema snapshot
    the first run leaves), schedules and prints without it."""
    from tests.paths import SAMPLES

    code = ("import sys\nfrom aiplanner.cli import main\n"
            "main(['schedule', sys.argv[1], '--format', 'json'])\n"
            "print('dataclasses' in sys.modules, 'inspect' in sys.modules, file=sys.stderr)")
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", code, str(SAMPLES / "coe-rollout.aiplan")],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    assert done.stderr.split()[-2:] == ["False", "False"]
