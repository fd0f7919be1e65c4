"""Folding an edit of a scenario's plan back into the scenario.

A view that shows a scenario shows ``apply_scenario(plan, scenario)``: a
full plan. When someone edits that plan (staffs a person, changes a role
share, edits a matrix cell, levels the load), the edit must land in the
scenario, never in the plan itself. :func:`fold_into_scenario` takes the
edited copy and records what changed as the scenario's own data: task
overrides, its people and assignments, its responsibility matrix. What a
scenario cannot hold (metrics, phases, names, the start date ...) is
refused with an :class:`EditError` that says so.
"""

from __future__ import annotations

from aiplanner.model.errors import EditError
from aiplanner.model.plan import Plan
from aiplanner.model.variants import OVERRIDE_FIELDS, Scenario
from aiplanner.model.scenarios.whatif import apply_scenario, scenario_staffing, task_override

__all__ = ["FOLDABLE_FIELDS", "fold_into_scenario"]

#: Plan-level fields an edit of a scenario may change (besides task override fields).
FOLDABLE_FIELDS: tuple[str, ...] = ("people", "assignments", "responsibilities")

#: Plan-level fields that follow the plan itself in every scenario.
_FIXED_FIELDS: tuple[str, ...] = ("name", "organisation", "start", "status_date", "pattern", "calendar", "phases",
                                  "roles", "metrics", "notes")


def fold_into_scenario(plan: Plan, scenario: Scenario, variant: Plan, shown: Plan | None = None) -> Scenario:
    """The scenario changed so that it shows ``variant`` instead of what it showed.

    Parameters
    ----------
    plan
        The plan itself (left unchanged).
    scenario
        The scenario being edited (left unchanged).
    variant
        An edited copy of ``apply_scenario(plan, scenario)``: the same tasks
        (by id), with changes to task override fields, people, assignments
        or the responsibility matrix.
    shown
        ``apply_scenario(plan, scenario)`` when the caller has it.

    Raises
    ------
    EditError
        The edit changes something a scenario cannot hold; the message names it.

    Examples
    --------
    >>> import datetime as dt
    >>> from aiplanner.model import Phase, Task
    >>> plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")],
    ...             tasks=[Task(id="a", name="A", phase="p", duration=10)], scenarios=[Scenario(name="s")])
    >>> variant = apply_scenario(plan, "s")
    >>> variant.tasks[0].not_before = dt.date(2026, 6, 1)
    >>> folded = fold_into_scenario(plan, plan.scenarios[0], variant)
    >>> folded.override_for("a").not_before, plan.task("a").not_before
    (datetime.date(2026, 6, 1), None)
    """
    shown = shown if shown is not None else apply_scenario(plan, scenario)
    changed = [name for name in _FIXED_FIELDS if getattr(variant, name) != getattr(shown, name)]
    if changed:
        raise EditError(f"a scenario cannot change the plan's {', '.join(changed)}; "
                        f"choose Plan in the Scenario box to edit the plan itself")
    before = shown.task_index()
    after = variant.task_index()
    if set(before) != set(after):
        raise EditError("a scenario edit here cannot add or delete tasks; "
                        "choose Plan in the Scenario box to edit the plan itself")
    update: dict[str, object] = {}
    base_tasks = plan.task_index()
    added = {t.id: t for t in scenario.added_tasks}
    overrides = {o.task: o for o in scenario.overrides}
    order = [o.task for o in scenario.overrides]
    tasks_changed = False
    for task_id, task in after.items():
        old = before[task_id]
        if task == old:
            continue
        tasks_changed = True
        same_rest = task.model_copy(update={f: getattr(old, f) for f in OVERRIDE_FIELDS})
        if same_rest != old:
            raise EditError(f"in a scenario only durations, estimates, links, not-before dates and demands of "
                            f"task {task_id!r} can change; choose Plan to edit the rest")
        reference = added.get(task_id) or base_tasks[task_id]
        override = task_override(reference, task)
        if override is None:
            overrides.pop(task_id, None)
        else:
            overrides[task_id] = override
            if task_id not in order:
                order.append(task_id)
    if tasks_changed:
        update["overrides"] = [overrides[t] for t in order if t in overrides]
    if variant.people != shown.people or variant.assignments != shown.assignments:
        update.update(scenario_staffing(plan, list(variant.people), list(variant.assignments)))
    if variant.responsibilities != shown.responsibilities:
        update["responsibilities"] = (None if variant.responsibilities == plan.responsibilities
                                      else variant.responsibilities.model_copy(deep=True))
    return scenario.model_copy(update=update, deep=True) if update else scenario
