"""Switching a scenario to another organisational pattern.

"What if we went federated instead?" A scenario's pattern-dependent parts
(the responsibility matrix, the role demands of template tasks, the tasks
only one pattern has) are rebuilt from the catalogue's template of the new
pattern, while the user's own edits are kept wherever they still apply:

- tasks the user added stay (links to tasks that go away are bridged to
  those tasks' own predecessors, link types and lags composed, so the
  order of work holds);
- a template task whose duration, estimate, demands or links the user
  changed keeps the user's values; untouched ones take the new template's;
- staffing (people, assignments) is never touched;
- matrix rows the user edited keep the user's cells for the parties the
  new pattern still has.

"Template task" means a task whose id the old pattern's template has;
which fields the user changed is judged against that template.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from aiplanner.model.errors import EditError
from aiplanner.model.plan import Dependency, PatternId, Plan, ResponsibilityMatrix, ResponsibilityRow, Task
from aiplanner.model.variants import Scenario
from aiplanner.model.scenarios.whatif import apply_scenario, find_scenario, scenario_from_plans

__all__ = ["PatternSwitch", "switch_pattern", "PATTERN_NAMES"]

Template = Callable[[str, object], Plan]
PATTERN_NAMES = {"coe": "AI Center of Excellence", "federated": "Federated AI Teams",
                 "product-teams": "AI Product Teams"}
_FOLLOWED = ("duration", "estimate", "demands")


@dataclass
class PatternSwitch:
    """What a pattern switch changed (``scenario`` is the rebuilt scenario)."""

    scenario: Scenario
    from_pattern: str
    to_pattern: str
    added: list[str] = field(default_factory=list)  # pattern tasks the new pattern brings
    removed: list[str] = field(default_factory=list)  # pattern tasks only the old pattern had
    retemplated: dict[str, list[str]] = field(default_factory=dict)  # task -> fields taken from the new template
    kept: dict[str, list[str]] = field(default_factory=dict)  # task -> fields the user had changed, kept
    relinked: dict[str, list[str]] = field(default_factory=dict)  # task -> predecessors bridged over removed tasks
    dropped_edits: list[str] = field(default_factory=list)  # removed tasks the user had edited
    roles_added: list[str] = field(default_factory=list)
    matrix_rows_kept: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # new-pattern tasks whose phase the plan lacks

    def lines(self) -> list[str]:
        """The report as sentences, for a message box or a terminal."""
        names = PATTERN_NAMES
        out = [f"Pattern: {names.get(self.from_pattern, self.from_pattern)} -> {names.get(self.to_pattern, self.to_pattern)}"]
        if self.added:
            out.append(f"Added {len(self.added)} task(s) of the new pattern: {', '.join(self.added)}")
        if self.removed:
            out.append(f"Removed {len(self.removed)} task(s) only the old pattern needs: {', '.join(self.removed)}")
        if self.retemplated:
            out.append(f"Took the new pattern's durations, demands or links for {len(self.retemplated)} task(s)")
        if self.kept:
            out.append(f"Kept your own edits on {len(self.kept)} task(s): {', '.join(self.kept)}")
        for task, preds in self.relinked.items():
            out.append(f"Relinked {task} to {', '.join(preds) or 'the plan start'} (its predecessor went away)")
        if self.dropped_edits:
            out.append(f"Your edits to removed task(s) {', '.join(self.dropped_edits)} no longer apply")
        if self.roles_added:
            out.append(f"Added role(s): {', '.join(self.roles_added)}")
        if self.matrix_rows_kept:
            out.append(f"Responsibility matrix rebuilt; kept your cells in: {', '.join(self.matrix_rows_kept)}")
        else:
            out.append("Responsibility matrix rebuilt from the new pattern")
        if self.skipped:
            out.append(f"Skipped task(s) whose phase the plan does not have: {', '.join(self.skipped)}")
        out.append("Staffing unchanged")
        return out


def _guess_pattern(plan: Plan, template: Template) -> str:
    ids = {t.id for t in plan.tasks}
    best = max(PATTERN_NAMES, key=lambda p: len(ids & {t.id for t in template(p, plan.start).tasks}))
    if not ids & {t.id for t in template(best, plan.start).tasks}:
        raise EditError("the plan has no pattern and none of its tasks come from a pattern template; "
                        "set the plan's pattern first")
    return best


def _compose(outer: Dependency, inner: Dependency) -> Dependency:
    """``X -outer-> R -inner-> P`` becomes ``X -> P`` when R goes away.

    The link keeps P's side of ``inner`` and X's side of ``outer`` (an FS
    into a removed task that itself followed P start-to-start becomes an
    SS from P); the lags add up; R's own duration no longer counts.
    """
    lag = max(-10_000, min(10_000, inner.lag + outer.lag))
    return Dependency(task=inner.task, type=inner.type[0] + outer.type[1], lag=lag)


def _bridge(deps: list[Dependency], gone: set[str], preds_of: dict[str, list[Dependency]]) -> list[Dependency]:
    """Replace links to tasks in ``gone`` by links to their predecessors (recursively)."""
    result: list[Dependency] = []
    seen: set[str] = set()
    stack = list(reversed(deps))
    while stack:
        dep = stack.pop()
        if dep.task in gone:
            stack.extend(_compose(dep, p) for p in reversed(preds_of.get(dep.task, [])))
        elif dep.task not in seen:
            seen.add(dep.task)
            result.append(dep)
    return result


def _matrix(old: ResponsibilityMatrix, template0: ResponsibilityMatrix, template1: ResponsibilityMatrix,
            report: PatternSwitch) -> ResponsibilityMatrix:
    # Only parties and rows say whether the matrix was edited (a plan from before the derived marks has none).
    if (old.parties, old.rows) == (template0.parties, template0.rows) or not old.rows:
        return template1.model_copy(deep=True)
    rows0 = {r.function: r for r in template0.rows}
    parties = set(template1.parties)
    rows = {r.function: r.model_copy(deep=True) for r in template1.rows}
    order = [r.function for r in template1.rows]
    for row in old.rows:
        if rows0.get(row.function) == row:
            continue  # untouched template row: the new pattern's wins
        cells = {p: text for p, text in row.cells.items() if p in parties}
        if not cells:
            continue
        if row.function in rows:
            rows[row.function].cells.update(cells)
        else:
            rows[row.function] = ResponsibilityRow(function=row.function, cells=cells)
            order.append(row.function)
        report.matrix_rows_kept.append(row.function)
    return ResponsibilityMatrix(parties=list(template1.parties), rows=[rows[f] for f in order],
                                derived=template1.derived, note=template1.note)


def switch_pattern(plan: Plan, scenario: str | Scenario, pattern: PatternId, *,
                   template: Template | None = None) -> PatternSwitch:
    """Rebuild ``scenario`` of ``plan`` for ``pattern``; return the new scenario and a report.

    Nothing is stored: replace the scenario with
    :meth:`Document.replace_scenario <aiplanner.model.document.Document.replace_scenario>`
    (the window does it as one undoable step). ``template(pattern, start)``
    builds a pattern's template plan (default: the catalogue's ``build_plan``).
    """
    if template is None:
        from aiplanner.catalog.templates import build_plan as template
    if pattern not in PATTERN_NAMES:
        raise EditError(f"unknown pattern {pattern!r} (choose from {', '.join(PATTERN_NAMES)})")
    if isinstance(scenario, str):
        scenario = find_scenario(plan, scenario)
    current = apply_scenario(plan, scenario)
    old_pattern = current.pattern or _guess_pattern(current, template)
    t0, t1 = template(old_pattern, plan.start), template(pattern, plan.start)
    ids0, tasks1 = t0.task_index(), t1.task_index()
    report = PatternSwitch(scenario=scenario, from_pattern=old_pattern, to_pattern=pattern)

    gone = {t.id for t in current.tasks if t.id in ids0 and t.id not in tasks1}
    preds_of = {t.id: list(t.depends_on) for t in current.tasks}
    phases = {p.id for p in current.phases}
    tasks: list[Task] = []
    for task in current.tasks:
        if task.id in gone:
            report.removed.append(task.id)
            if task.model_dump(include=set(_FOLLOWED) | {"depends_on"}) != ids0[task.id].model_dump(
                    include=set(_FOLLOWED) | {"depends_on"}):
                report.dropped_edits.append(task.id)
            continue
        if task.id in ids0:  # a template task both patterns have
            old, new = ids0[task.id], tasks1[task.id]
            update: dict[str, object] = {}
            for name in _FOLLOWED:
                if getattr(task, name) == getattr(old, name):
                    if getattr(new, name) != getattr(old, name):
                        update[name] = getattr(new, name)
                        report.retemplated.setdefault(task.id, []).append(name)
                else:
                    report.kept.setdefault(task.id, []).append(name)
            if task.depends_on == old.depends_on:
                if new.depends_on != old.depends_on:
                    update["depends_on"] = new.depends_on
                    report.retemplated.setdefault(task.id, []).append("depends_on")
            else:
                report.kept.setdefault(task.id, []).append("depends_on")
            task = task.model_copy(update={k: v for k, v in update.items()}, deep=True)
        tasks.append(task)
    present = {t.id for t in tasks}
    for new in t1.tasks:  # tasks only the new pattern has
        if new.id in ids0 or new.id in present:
            continue
        if new.phase not in phases:
            report.skipped.append(new.id)
            continue
        tasks.append(new.model_copy(deep=True))
        present.add(new.id)
        report.added.append(new.id)
    # Links to tasks that are not there: bridge over removed ones, drop the rest.
    preds_of.update({t.id: list(t.depends_on) for t in t1.tasks if t.id not in preds_of})
    missing = ({t.id for t in t1.tasks} | gone) - present
    for i, task in enumerate(tasks):
        if any(d.task in missing for d in task.depends_on):
            bridged = [d for d in _bridge(task.depends_on, missing, preds_of) if d.task in present]
            if task.id not in report.added:
                report.relinked[task.id] = [d.task for d in bridged]
            tasks[i] = task.model_copy(update={"depends_on": bridged})
    roles = list(current.roles)
    known_roles = {r.id for r in roles}
    for role in t1.roles:
        if role.id not in known_roles and any(d.role == role.id for t in tasks for d in t.demands):
            roles.append(role.model_copy())
            report.roles_added.append(role.id)
    variant = current.model_copy(update={
        "tasks": _in_phase_order(current, tasks),
        "roles": roles,
        "pattern": pattern,
        "responsibilities": _matrix(current.responsibilities, t0.responsibilities, t1.responsibilities, report),
    })
    report.scenario = scenario_from_plans(plan, variant, scenario.name, scenario.description)
    apply_scenario(plan, report.scenario)  # proves the result schedules (no cycle, no dangling link)
    return report


def _in_phase_order(plan: Plan, tasks: list[Task]) -> list[Task]:
    """Tasks grouped by the plan's phase order, keeping their order within a phase."""
    rank = {p.id: i for i, p in enumerate(plan.phases)}
    return sorted(tasks, key=lambda t: rank.get(t.phase, len(rank)))
