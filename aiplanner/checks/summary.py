"""The executive summary: a sponsor's five questions answered from one computation.

When do we finish, how sure are we, are we slipping, who is overloaded and
what is going wrong: :func:`executive_summary` answers them as plain frozen
data that the PDF cover, the window's Summary view and presentation mode's
first screen all render (and any later export). Every figure is the one
the command line prints for the same plan:

==========================  ==============================================================
finish, phases, milestones  ``aiplanner schedule`` (project finish, phase spans, task dates)
status date, % complete     ``aiplanner schedule`` (``status_date``, ``percent_complete``,
                            ``percent_planned``: :mod:`aiplanner.schedule.progress`)
P50, P80, chance by finish  ``aiplanner simulate --iterations N --seed S --by FINISH``
slip                        ``aiplanner compare --a baseline:NAME --b current`` (finish ±)
over-allocated people       ``aiplanner load`` (days summed over a person's runs, the highest peak)
pitfalls, other findings    ``aiplanner check``
metrics                     ``aiplanner metrics`` (:mod:`aiplanner.checks.metrics`)
==========================  ==============================================================

Each area (schedule, staffing, risk, health) gets a red/amber/green status
by the rules in :data:`RULES` (thresholds in the constants below; the
README states them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from aiplanner.checks.findings import peak_text, plural
from aiplanner.checks.metrics import BAD, GOOD, MetricStatus, metric_status, statuses
from aiplanner.model.plan import Plan
from aiplanner.model.parts import EXIT_CHECK_TAG
from aiplanner.model.variants import Baseline
from aiplanner.schedule.cpm import Schedule, schedule_plan
from aiplanner.schedule.progress import Progress, earned_progress

__all__ = [
    "RAG",
    "AREAS",
    "RULES",
    "SLIP_RED_DAYS",
    "BEHIND_AMBER_POINTS",
    "CHANCE_GREEN",
    "P80_RED_DAYS",
    "OVER_RED_DAYS",
    "PITFALLS_RED",
    "DEFAULT_ITERATIONS",
    "DEFAULT_SEED",
    "Risk",
    "SlipDriver",
    "Slip",
    "Overloaded",
    "OpenPitfall",
    "AreaStatus",
    "PhaseBar",
    "MilestoneMark",
    "StageStatus",
    "ExecutiveSummary",
    "executive_summary",
    "chosen_baseline",
    "percent",
]

RAG = Literal["green", "amber", "red", "grey"]
AREAS: tuple[str, ...] = ("schedule", "staffing", "risk", "health")

#: Schedule: red when the finish is more than this many working days after the baseline's.
SLIP_RED_DAYS = 10
#: Schedule: amber when the earned percent complete trails the planned one by more points than this.
BEHIND_AMBER_POINTS = 10.0
#: Risk: green when the chance of finishing by the planned date is at least this.
CHANCE_GREEN = 0.5
#: Risk: amber (not red) while the P80 finish is at most this many working days after the planned finish.
P80_RED_DAYS = 10
#: Staffing: red when one person is over capacity on more working days than this.
OVER_RED_DAYS = 10
#: Health: red from this many open pitfalls.
PITFALLS_RED = 3
#: Monte Carlo runs and seed of a summary (``aiplanner simulate``'s default runs; the report's seed).
DEFAULT_ITERATIONS = 10_000
DEFAULT_SEED = 1

#: Each area's rule in words, thresholds included (the cover prints them; the README repeats them).
RULES: dict[str, str] = {
    "schedule": (f"Red: a deadline missed, or the finish more than {SLIP_RED_DAYS} working days after the "
                 f"baseline's. Amber: the finish 1-{SLIP_RED_DAYS} working days after the baseline's, or the "
                 f"work done (earned %) more than {BEHIND_AMBER_POINTS:g} points behind the work planned by the "
                 "status date. Green: otherwise (without a baseline only deadlines and progress count)."),
    "risk": (f"Green: the chance of finishing by the planned date is {CHANCE_GREEN:.0%} or more. Amber: less, "
             f"but the P80 finish is at most {P80_RED_DAYS} working days after the planned finish. Red: the P80 "
             "finish is later than that."),
    "staffing": (f"Red: a role the tasks need that nobody holds, or someone over capacity on more than "
                 f"{OVER_RED_DAYS} working days. Amber: someone over capacity on any working day, or roles "
                 "demanded with nobody in the plan yet. Green: otherwise."),
    "health": (f"Red: an error among the plan checks, or {PITFALLS_RED} or more of the source's pitfalls. "
               "Amber: one or two pitfalls, or another warning. Green: otherwise. (Over-allocation, unstaffed "
               "roles and missed deadlines count under staffing and schedule, not here.)"),
}

_OWN_AREAS = ("staffing.", "timeline.missed-deadline")


def percent(share: float) -> str:
    """A share (0..1) as the command line prints a chance: ``0.0027`` -> ``"0.27%"``.

    >>> percent(0.0027), percent(0.0844), percent(1.0)
    ('0.27%', '8.44%', '100%')
    """
    return f"{round(100 * share, 2):g}%"


@dataclass(frozen=True)
class Risk:
    """The Monte Carlo answer: P50, P80 and the chance of finishing by the planned date."""

    iterations: int
    seed: int
    p50: dt.date
    p80: dt.date
    chance: float  # 0..1: share of runs finishing on or before the planned finish
    p80_late: int  # working days from the planned finish to the P80 finish

    @property
    def chance_text(self) -> str:
        return percent(self.chance)


@dataclass(frozen=True)
class SlipDriver:
    """A task that moves the finish itself (not only because its predecessors moved)."""

    id: str
    name: str
    own_days: int  # working days of the slip this task adds itself
    finish_delta: int  # working days its finish moved since the baseline
    why: str


@dataclass(frozen=True)
class Slip:
    """The finish against the chosen baseline's, in working days (positive: later)."""

    baseline: str
    baseline_finish: dt.date
    days: int
    drivers: tuple[SlipDriver, ...] = ()


@dataclass(frozen=True)
class Overloaded:
    """Someone over capacity: working days over (all runs) and the highest peak, as ``load`` prints it."""

    id: str
    name: str
    days_over: int
    peak: float
    capacity: float
    first: dt.date
    last: dt.date

    @property
    def peak_text(self) -> str:
        return peak_text(self.peak, self.capacity)


@dataclass(frozen=True)
class OpenPitfall:
    """One of the source's pitfalls the checks find in the plan, with the source's reason."""

    id: str
    name: str
    reason: str
    message: str
    tasks: tuple[str, ...] = ()


@dataclass(frozen=True)
class AreaStatus:
    """Red, amber or green for one area, with why (the figures) and the rule applied."""

    area: str
    rag: RAG
    why: str
    rule: str


@dataclass(frozen=True)
class PhaseBar:
    id: str
    name: str
    start: dt.date
    finish: dt.date
    stage: bool = False  # a maturity stage of the journey


@dataclass(frozen=True)
class MilestoneMark:
    id: str
    name: str
    phase: str
    date: dt.date
    critical: bool
    baseline_date: dt.date | None = None
    done: bool = False


@dataclass(frozen=True)
class StageStatus:
    """A maturity stage's exit criteria: metric targets met and checklist items done."""

    id: str
    name: str
    finish: dt.date
    targets_met: int
    targets: int
    checks_done: int
    checks: int

    @property
    def met(self) -> bool:
        return self.targets_met == self.targets and self.checks_done == self.checks


@dataclass(frozen=True)
class ExecutiveSummary:
    """Everything the first page says, as data (see the module docstring for where each figure comes from)."""

    plan: str
    organisation: str
    pattern: str
    scenario: str | None
    start: dt.date
    finish: dt.date
    finish_label: str  # "end of initial scaling", "end of the journey" or ""
    duration: int  # working days
    risk: Risk | None
    progress: Progress
    slip: Slip | None
    overloaded: tuple[Overloaded, ...]
    unstaffed: tuple[str, ...]  # role names nobody holds
    pitfalls: tuple[OpenPitfall, ...]
    findings: dict[str, int]  # every finding by severity
    other_findings: int  # findings that are not pitfalls
    metrics: tuple[MetricStatus, ...]
    areas: tuple[AreaStatus, ...]
    phases: tuple[PhaseBar, ...] = ()
    milestones: tuple[MilestoneMark, ...] = ()
    stages: tuple[StageStatus, ...] = ()
    missed_deadlines: tuple[str, ...] = field(default=())

    def area(self, name: str) -> AreaStatus:
        """The status of one area (``schedule``, ``staffing``, ``risk``, ``health``)."""
        return next(a for a in self.areas if a.area == name)

    @property
    def finish_title(self) -> str:
        """"Finish (end of initial scaling)", or just "Finish"."""
        return f"Finish ({self.finish_label})" if self.finish_label else "Finish"

    def metric_counts(self) -> dict[str, int]:
        """Metrics that are good news, bad news and not judged."""
        good = sum(m.status in GOOD for m in self.metrics)
        bad = sum(m.status in BAD for m in self.metrics)
        return {"good": good, "bad": bad, "unjudged": len(self.metrics) - good - bad}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (ISO dates)."""
        from aiplanner.checks.compare.deltas import json_ready

        data = asdict(self)
        data["progress"] = self.progress.to_dict()  # a plain value class (schedule.progress), not a dataclass
        data["finish_title"] = self.finish_title
        if self.risk is not None:
            data["risk"]["chance_text"] = self.risk.chance_text
        return json_ready(data)


# -- the pieces ---------------------------------------------------------------------
def _risk(plan: Plan, schedule: Schedule, iterations: int, seed: int, result=None) -> Risk | None:
    if result is None:
        if not plan.tasks or iterations < 1:
            return None
        from aiplanner.schedule.montecarlo import simulate  # numpy: late

        result = simulate(plan, iterations=iterations, seed=seed)
    cal = schedule.calendar
    p80 = result.percentile(80)
    return Risk(result.iterations, result.seed, result.percentile(50), p80, result.probability_by(schedule.finish),
                cal.index_on_or_after(p80) - cal.index_on_or_after(schedule.finish))


def _slip(plan: Plan, baseline: Baseline, scenario: str | None) -> Slip:
    from aiplanner.checks.compare.deltas import compare

    result = compare(plan, f"baseline:{baseline.name}", f"scenario:{scenario}" if scenario else "current",
                     risk=False, findings=False)
    drivers = _drivers(plan, result) if result.finish_delta > 0 else ()
    return Slip(baseline.name, result.finish_a, result.finish_delta, drivers)


def _drivers(plan: Plan, result) -> tuple[SlipDriver, ...]:
    """The (at most three) critical tasks that add most of the slip themselves.

    A task's own share is how far its finish moved beyond what its
    predecessors pushed it (their finish for FS/FF links, their start for
    SS/SF). A task added since the baseline gets the push it gives its
    successors beyond their other predecessors.
    """
    if result.b != "current":
        from aiplanner.model.scenarios.whatif import apply_scenario, find_scenario

        plan = apply_scenario(plan, find_scenario(plan, result.b.partition(":")[2]))
    moved = {t.id: t for t in result.tasks}
    unchanged = set()  # in both, not moved: deltas 0
    current = plan.task_index()
    added = {t.id for t in result.tasks if t.status == "added"}
    for task_id in current:
        if task_id not in moved:
            unchanged.add(task_id)

    def push(dep) -> int | None:
        if dep.task in unchanged:
            return 0
        delta = moved.get(dep.task)
        if delta is None or delta.status != "changed":
            return None
        value = delta.finish_delta if dep.type in ("FS", "FF") else delta.start_delta
        return value or 0

    own: dict[str, int] = {}
    credit: dict[str, int] = {}
    for task_id, task in current.items():
        delta = moved.get(task_id)
        if delta is None or delta.status != "changed":
            continue
        known = [p for p in (push(d) for d in task.depends_on) if p is not None]
        base = max([0, *known])
        new_preds = [d.task for d in task.depends_on if d.task in added]
        start_delta = delta.start_delta or 0
        if new_preds and start_delta > base:
            for pred in new_preds:
                credit[pred] = max(credit.get(pred, 0), start_delta - base)
            base = start_delta
        own[task_id] = (delta.finish_delta or 0) - base
    for task_id, days in credit.items():
        own[task_id] = max(own.get(task_id, 0), days)
    order = {t.id: i for i, t in enumerate(plan.tasks)}
    candidates = [t for t in result.tasks if own.get(t.id, 0) > 0 and t.critical_b]
    candidates.sort(key=lambda t: (-own[t.id], order.get(t.id, 0)))
    drivers = []
    for t in candidates[:3]:
        if t.status == "added":
            why = f"added since the baseline ({plural(t.duration_b, 'working day')})"
        elif (t.duration_delta or 0) > 0:
            why = f"takes {plural(t.duration_delta, 'working day')} longer ({t.duration_a} -> {t.duration_b})"
        else:
            why = f"starts {plural(own[t.id], 'working day')} later than its predecessors require"
        drivers.append(SlipDriver(t.id, t.name, own[t.id], t.finish_delta or 0, why))
    return tuple(drivers)


def _people(plan: Plan, schedule: Schedule, load=None) -> tuple[tuple[Overloaded, ...], tuple[str, ...]]:
    if not plan.tasks or not (plan.people or any(t.demands for t in plan.tasks)):
        return (), ()
    if load is None:
        from aiplanner.schedule.load import compute_load  # numpy: late

        load = compute_load(plan, schedule)
    names = {p.id: p.name for p in plan.people}
    runs: dict[str, list] = {}
    for run in load.over_allocations():
        runs.setdefault(run.person, []).append(run)
    people = []
    for person_id, items in runs.items():
        top = max(items, key=lambda r: (round(r.peak - r.capacity, 6), r.peak))
        people.append(Overloaded(person_id, names.get(person_id, person_id), sum(r.days for r in items),
                                 round(float(top.peak), 3), round(float(top.capacity), 3),
                                 min(r.first for r in items), max(r.last for r in items)))
    people.sort(key=lambda p: (-p.days_over, p.name))
    roles = {r.id: r.name for r in plan.roles}
    unstaffed = tuple(roles.get(u.role, u.role) for u in load.unstaffed_roles()) if plan.people else ()
    return tuple(people), unstaffed


def _pitfalls(findings) -> tuple[OpenPitfall, ...]:
    from aiplanner.checks.domain import pitfall

    found = []
    for f in findings:
        if not f.rule.startswith("pitfall."):
            continue
        pitfall_id = f.rule.partition(".")[2]
        try:
            info = pitfall(pitfall_id)
            name, reason = info.name, info.problem
        except KeyError:
            name, reason = pitfall_id.replace("-", " ").capitalize(), f.message
        found.append(OpenPitfall(pitfall_id, name, reason, f.message, tuple(f.tasks)))
    return tuple(found)


def _finish_label(plan: Plan, schedule: Schedule) -> str:
    spans = [(schedule.phases[p.id].finish, i, p) for i, p in enumerate(plan.phases) if p.id in schedule.phases]
    if not spans:
        return ""
    last = max(spans, key=lambda s: (s[0], s[1]))[2]
    if last.is_stage:
        return "end of the journey"
    from aiplanner.catalog import load_catalog

    ongoing = {p.id for p in load_catalog().phases if p.ongoing}
    return "end of initial scaling" if last.id in ongoing else ""


def _timeline(plan: Plan, schedule: Schedule, baseline: Baseline | None):
    phases = tuple(PhaseBar(p.id, p.name, schedule.phases[p.id].start, schedule.phases[p.id].finish, p.is_stage)
                   for p in plan.phases if p.id in schedule.phases)
    frozen = baseline.task_index() if baseline is not None else {}
    marks = []
    for task in plan.tasks:
        if not task.is_milestone:
            continue
        t = schedule.tasks[task.id]
        old = frozen.get(task.id)
        marks.append(MilestoneMark(task.id, task.name, task.phase, t.finish, t.critical,
                                   old.finish if old is not None else None, task.progress >= 100))
    return phases, tuple(sorted(marks, key=lambda m: m.date))


def _stages(plan: Plan, schedule: Schedule) -> tuple[StageStatus, ...]:
    metrics = {m.id: m for m in plan.metrics}
    out = []
    for phase in plan.phases:
        if not phase.is_stage or phase.id not in schedule.phases:
            continue
        met = 0
        for exit_target in phase.exit_targets:
            metric = metrics.get(exit_target.metric)
            if metric is None:
                continue
            status = metric_status(metric.model_copy(update={"target": exit_target.target, "target_note": ""}))
            met += status.status in GOOD
        checks = [t for t in plan.tasks if t.phase == phase.id and EXIT_CHECK_TAG in t.tags]
        out.append(StageStatus(phase.id, phase.name, schedule.phases[phase.id].finish, met,
                               len(phase.exit_targets), sum(t.progress >= 100 for t in checks), len(checks)))
    return tuple(out)


# -- the colours --------------------------------------------------------------------------
def _schedule_area(slip: Slip | None, progress: Progress, missed: list[str]) -> AreaStatus:
    behind = progress.behind
    parts = []
    if slip is not None:
        parts.append(f"finish {slip.days:+d} working day{'s' if abs(slip.days) != 1 else ''} against baseline {slip.baseline}" if slip.days
                     else f"finish as in baseline {slip.baseline}")
    else:
        parts.append("no baseline to compare with")
    if behind is not None:
        parts.append(f"{progress.complete:g}% done against {progress.planned:g}% planned by "
                     f"{progress.status_date:%d %b %Y}")
    if missed:
        parts.append(f"{len(missed)} deadline{'s' if len(missed) != 1 else ''} missed")
    days = slip.days if slip is not None else 0
    if missed or days > SLIP_RED_DAYS:
        rag: RAG = "red"
    elif days > 0 or (behind is not None and behind > BEHIND_AMBER_POINTS):
        rag = "amber"
    else:
        rag = "green"
    return AreaStatus("schedule", rag, "; ".join(parts), RULES["schedule"])


def _risk_area(risk: Risk | None) -> AreaStatus:
    if risk is None:
        return AreaStatus("risk", "grey", "not simulated (no tasks)", RULES["risk"])
    later = (f"the P80 finish {plural(risk.p80_late, 'working day')} after it" if risk.p80_late > 0
             else "the P80 finish on it")
    why = f"{risk.chance_text} chance of finishing by the planned date; {later}"
    if risk.chance >= CHANCE_GREEN:
        rag: RAG = "green"
    elif risk.p80_late <= P80_RED_DAYS:
        rag = "amber"
    else:
        rag = "red"
    return AreaStatus("risk", rag, why, RULES["risk"])


def _staffing_area(plan: Plan, people: tuple[Overloaded, ...], unstaffed: tuple[str, ...]) -> AreaStatus:
    demanded = any(t.demands for t in plan.tasks)
    if not plan.people:
        if demanded:
            return AreaStatus("staffing", "amber", "roles are demanded but nobody is in the plan yet", RULES["staffing"])
        return AreaStatus("staffing", "grey", "no people and no role demands in the plan", RULES["staffing"])
    worst = max((p.days_over for p in people), default=0)
    parts = []
    if unstaffed:
        parts.append(f"nobody holds {', '.join(unstaffed)}")
    if people:
        parts.append(f"{len(people)} of {plural(len(plan.people), 'person', 'people')} over capacity "
                     f"(most: {plural(worst, 'working day')})")
    else:
        parts.append(f"nobody of {plural(len(plan.people), 'person', 'people')} over capacity")
    if unstaffed or worst > OVER_RED_DAYS:
        rag: RAG = "red"
    elif people:
        rag = "amber"
    else:
        rag = "green"
    return AreaStatus("staffing", rag, "; ".join(parts), RULES["staffing"])


def _health_area(findings, pitfalls: tuple[OpenPitfall, ...]) -> AreaStatus:
    own = [f for f in findings if not f.rule.startswith(_OWN_AREAS)]
    errors = sum(f.severity == "error" for f in own)
    warnings = sum(f.severity == "warning" and not f.rule.startswith("pitfall.") for f in own)
    parts = [f"{len(pitfalls)} pitfall{'s' if len(pitfalls) != 1 else ''}"]
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    parts.append(f"{warnings} other warning{'s' if warnings != 1 else ''}")
    staffing = sum(f.rule.startswith("staffing.") for f in findings)
    deadlines = sum(f.rule.startswith("timeline.missed-deadline") for f in findings)
    elsewhere = [text for n, text in ((staffing, f"{plural(staffing, 'staffing finding')} under staffing"),
                                      (deadlines, f"{plural(deadlines, 'missed deadline')} under schedule")) if n]
    if elsewhere:  # so the count agrees with the status bar's and the check command's total
        parts[-1] += f" ({' and '.join(elsewhere)})"
    if errors or len(pitfalls) >= PITFALLS_RED:
        rag: RAG = "red"
    elif pitfalls or warnings:
        rag = "amber"
    else:
        rag = "green"
    return AreaStatus("health", rag, ", ".join(parts), RULES["health"])


# -- the whole ---------------------------------------------------------------------------------
def chosen_baseline(plan: Plan, baseline: str | Baseline | None) -> Baseline | None:
    """``baseline`` as a :class:`Baseline`: "latest" (or None) the last saved, "none" none, else by name.

    Raises
    ------
    ValueError
        No baseline of that name (the message lists the plan's).
    """
    if isinstance(baseline, Baseline):
        return baseline
    if baseline == "none":
        return None
    if baseline in (None, "latest"):
        return plan.baselines[-1] if plan.baselines else None
    for item in plan.baselines:
        if item.name == baseline:
            return item
    if not plan.baselines:
        raise ValueError(f"the plan has no baseline {baseline!r} (it has none)")
    raise ValueError(f"the plan has no baseline {baseline!r}; it has {', '.join(repr(b.name) for b in plan.baselines)}")


def executive_summary(plan: Plan, *, baseline: str | Baseline | None = "latest", today: dt.date | None = None,
                      scenario: str | None = None, iterations: int = DEFAULT_ITERATIONS, seed: int = DEFAULT_SEED,
                      schedule: Schedule | None = None, findings=None, simulation=None,
                      load=None) -> ExecutiveSummary:
    """The executive summary of ``plan`` (or of one of its scenarios).

    Parameters
    ----------
    plan
        The plan.
    baseline
        The baseline to measure slip and planned progress against: "latest"
        (default), a baseline's name, a :class:`Baseline`, or "none".
    today
        The status date when the plan has none (progress is as of the end of that day).
    scenario
        Summarise this scenario of the plan instead of the plan itself.
    iterations, seed
        The Monte Carlo run (``aiplanner simulate --iterations N --seed S`` gives the same figures);
        ``iterations=0`` skips it.
    schedule, findings, simulation, load
        What the caller has already computed for the plan (or the scenario): its schedule,
        findings, Monte Carlo result (then ``iterations`` and ``seed`` are its own) and load.

    Raises
    ------
    ValueError
        An unknown baseline or scenario name.
    DependencyCycleError, CalendarError
        The plan cannot be scheduled.
    """
    from aiplanner.checks.domain import pattern_name

    base = chosen_baseline(plan, baseline)
    target = plan
    if scenario is not None:
        from aiplanner.model.scenarios.whatif import apply_scenario, find_scenario

        target = apply_scenario(plan, find_scenario(plan, scenario))
    sched = schedule if schedule is not None else schedule_plan(target)
    if findings is None:
        from aiplanner.checks.run import run_checks

        findings = run_checks(target, sched)
    progress = earned_progress(target, sched, base, status_date=target.status_date or today)
    risk = _risk(target, sched, iterations, seed, simulation)
    slip = _slip(plan, base, scenario) if base is not None else None
    people, unstaffed = _people(target, sched, load)
    pitfalls = _pitfalls(findings)
    counts = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
    judged = statuses(target.metrics)
    phases, milestones = _timeline(target, sched, base)
    areas = (
        _schedule_area(slip, progress, sched.missed_deadlines),
        _staffing_area(target, people, unstaffed),
        _risk_area(risk),
        _health_area(findings, pitfalls),
    )
    return ExecutiveSummary(
        plan=target.name,
        organisation=target.organisation,
        pattern=pattern_name(target.pattern),
        scenario=scenario,
        start=sched.start,
        finish=sched.finish,
        finish_label=_finish_label(target, sched),
        duration=sched.duration,
        risk=risk,
        progress=progress,
        slip=slip,
        overloaded=people,
        unstaffed=unstaffed,
        pitfalls=pitfalls,
        findings=counts,
        other_findings=len(findings) - len(pitfalls),
        metrics=tuple(judged),
        areas=areas,
        phases=phases,
        milestones=milestones,
        stages=_stages(target, sched),
        missed_deadlines=tuple(sched.missed_deadlines),
    )
