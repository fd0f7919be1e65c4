"""Monte Carlo simulation: reproducible, exact per iteration, sensible statistics."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aiplanner.model import Estimate
from aiplanner.schedule import schedule_plan
from aiplanner.schedule.cpm import prepare_state, run_passes
from aiplanner.schedule.calendar import WorkCalendar
from aiplanner.schedule.mc_engine import SimulationModel, run_block
from aiplanner.schedule.montecarlo import SimulationCancelled, simulate
from tests.schedule.helpers import D, T, make, random_plan_strategy


def est(o, m, p):
    return Estimate(optimistic=o, likely=m, pessimistic=p)


def chain_plan():
    return make([T("a", 5, estimate=est(3, 5, 10)), T("b", 3, "a", estimate=est(2, 3, 8)),
                 T("c", 2, "b"), T("side", 1, estimate=est(1, 1, 2))])


@pytest.mark.parametrize("method", ["triangular", "pert"])
def test_seed_reproduces_the_run(method):
    plan = chain_plan()
    one = simulate(plan, 3000, seed=7, method=method)
    two = simulate(plan, 3000, seed=7, method=method)
    other = simulate(plan, 3000, seed=8, method=method)
    assert np.array_equal(one.finish_days, two.finish_days) and one.criticality == two.criticality
    assert not np.array_equal(one.finish_days, other.finish_days)
    assert one.seed == 7 and simulate(plan, 10).seed is not None


def test_fixed_tasks_give_the_deterministic_finish():
    plan = make([T("a", 5), T("b", 3, ("a", "SS", 2)), T("m", 0, "a"), T("c", 4, "m"), T("d", 1)],
                holidays=[D(2026, 5, 12)])
    s = schedule_plan(plan)
    r = simulate(plan, 500, seed=1)
    assert set(r.finish_dates()) == {s.finish}
    assert all(r.percentiles[p] == s.finish for p in (10, 50, 80, 95))
    assert r.deterministic_finish == s.finish and r.deterministic_percentile == 100.0
    assert r.criticality == {t: (1.0 if s.tasks[t].critical else 0.0) for t in s.tasks}
    assert r.histogram() == [(s.finish, 500)] and r.estimated_tasks == []


def test_milestone_on_a_tie_finishes_where_the_schedule_does():
    # m is last: FS from a and SF from b meet at point 5, so it is dated Friday (end-type link wins)
    plan = make([T("a", 5), T("b", 3), T("m", 0, ("b", "SF", 5), "a")])
    s = schedule_plan(plan)
    r = simulate(plan, 50, seed=2)
    assert s.finish == D(2026, 5, 8) and set(r.finish_dates()) == {s.finish}


def test_sole_chain_is_always_critical():
    plan = make([T("a", 5, estimate=est(2, 5, 12)), T("b", 3, "a", estimate=est(1, 3, 9)), T("c", 2, "b")])
    r = simulate(plan, 2000, seed=3, method="pert")
    assert r.criticality == {"a": 1.0, "b": 1.0, "c": 1.0}


def test_parallel_branches_share_criticality():
    plan = make([T("a", 5, estimate=est(1, 5, 9)), T("b", 5, estimate=est(1, 5, 9)), T("end", 0, "a", "b")])
    r = simulate(plan, 4000, seed=5)
    assert r.criticality["end"] == 1.0
    assert 0.5 < r.criticality["a"] < 0.8 and 0.5 < r.criticality["b"] < 0.8  # ties make both critical
    assert r.criticality["a"] + r.criticality["b"] >= 1.0


def test_statistics_are_consistent():
    r = simulate(chain_plan(), 5000, seed=11, percentiles=[25, 99.5])
    dates = [r.percentiles[p] for p in sorted(r.percentiles)]
    assert list(r.percentiles) == [10, 25, 50, 80, 95, 99.5] and dates == sorted(dates)
    assert r.probability_by(r.percentile(80)) >= 0.8 and r.percentile_date(80) == r.percentile(80)
    assert r.probability_by(D(2026, 5, 1)) == 0.0 and r.probability_by(D(2027, 1, 1)) == 1.0
    assert sum(c for _, c in r.histogram()) == 5000
    assert 0 < r.deterministic_percentile < 100
    data = r.to_dict()
    assert set(data["percentiles"]) == {"P10", "P25", "P50", "P80", "P95", "P99.5"}


@pytest.mark.parametrize("method, mean", [("triangular", (2 + 4 + 12) / 3), ("pert", (2 + 16 + 12) / 6)])
def test_draws_follow_the_distribution(method, mean):
    plan = make([T("a", 4, estimate=est(2, 4, 12))])
    state = prepare_state(plan, WorkCalendar(plan.calendar, plan.start))
    run_passes(state)
    model = SimulationModel.from_state(state, plan)
    drawn = model.draw(np.random.default_rng(0), 40_000, method)
    assert drawn.min() >= 2 and drawn.max() <= 12
    assert abs(drawn.mean() - mean) < 0.1


def test_progress_and_cancellation():
    seen = []
    simulate(chain_plan(), 5000, seed=1, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(2048, 5000), (4096, 5000), (5000, 5000)]
    stop = threading.Event()
    stop.set()
    with pytest.raises(SimulationCancelled):
        simulate(chain_plan(), 5000, seed=1, cancel=stop)
    calls = []

    def cancel_after_first_block():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(SimulationCancelled, match="after 2048 of 5000"):
        simulate(chain_plan(), 5000, seed=1, cancel=cancel_after_first_block)


def test_bad_arguments():
    with pytest.raises(ValueError):
        simulate(chain_plan(), 0)
    with pytest.raises(ValueError):
        simulate(chain_plan(), 10, method="normal")
    with pytest.raises(ValueError):
        simulate(chain_plan(), 10, percentiles=[120])


@settings(max_examples=25, deadline=None)
@given(plan=random_plan_strategy(max_tasks=9), data=st.data())
def test_each_iteration_equals_the_deterministic_schedule(plan, data):
    """The vectorised passes give, per iteration, what schedule_plan gives with those durations."""
    estimated = [t.id for t in plan.tasks if t.duration > 0]
    plan = plan.model_copy(update={"tasks": [
        t.model_copy(update={"estimate": est(1, 1, 9)}) if t.id in estimated else t for t in plan.tasks]})
    state = prepare_state(plan, WorkCalendar(plan.calendar, plan.start))
    run_passes(state)
    model = SimulationModel.from_state(state, plan)
    iterations = 4
    drawn = np.array(data.draw(st.lists(st.lists(st.integers(1, 9), min_size=iterations, max_size=iterations),
                                        min_size=len(model.estimated), max_size=len(model.estimated))),
                     dtype=np.int32).reshape(len(model.estimated), iterations)
    finish_day, critical = run_block(model, drawn)
    counts = dict.fromkeys(state.net.ids, 0)
    for k in range(iterations):
        durations = {state.net.ids[i]: int(drawn[row, k]) for row, i in enumerate(model.estimated)}
        variant = plan.model_copy(update={"tasks": [
            t.model_copy(update={"duration": durations.get(t.id, t.duration)}) for t in plan.tasks]})
        s = schedule_plan(variant)
        assert s.calendar.date_of(int(finish_day[k])) == s.finish
        for tid in s.critical_tasks():
            counts[tid] += 1
    assert dict(zip(state.net.ids, critical.tolist())) == counts
