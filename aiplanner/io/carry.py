"""What a plan carries through a foreign format that cannot say it.

CSV, Mermaid and MS Project XML show tasks, dates and links, but not the
pattern, the responsibility matrix, the metrics, the tags or the role
demands. So that plan -> file -> plan loses nothing, the exporters write
the plan's own JSON beside what the format shows, and the importers read it
back:

- **plan data**: the ``.aiplan`` JSON of the plan without its tasks (every
  plan-level field, whatever fields later versions add);
- **task data**: per task, the fields the format does not show.

On import the carried plan data wins over what the format says of the
plan (its calendar, phases and people as they were exported), except the
start, which is the earlier of the two; the tasks are the file's, with their
carried fields added. Carried data that does not validate is dropped key by
key with a warning naming the place, never the whole import.

>>> from aiplanner.model import Plan, Phase, Task
>>> import datetime as dt
>>> plan = Plan(name="Pilot", start=dt.date(2026, 5, 4), pattern="coe", phases=[Phase(id="p", name="P")],
...             tasks=[Task(id="a", name="A", phase="p", duration=3, tags=["governance"])])
>>> sorted(plan_data(plan)), task_extras(plan.tasks[0], {"duration"})
(['format', 'name', 'pattern', 'phases', 'start', 'version'], {'tags': ['governance']})
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from aiplanner.model.errors import InvalidPlanError, Problem
from aiplanner.model.plan import CURRENT_VERSION, FORMAT, Plan, Task
from aiplanner.model.validate import plan_problems, pydantic_problems

__all__ = ["plan_data", "plan_json", "task_extras", "read_json_object", "merge_carried"]

#: Line and paragraph separators that :meth:`str.splitlines` splits on and JSON leaves raw.
_SEPARATORS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def plan_data(plan: Plan) -> dict[str, Any]:
    """The plan's ``.aiplan`` JSON without its tasks (defaults left out)."""
    body = plan.model_dump(mode="json", exclude_defaults=True, exclude={"format", "version", "tasks"})
    return {"format": FORMAT, "version": CURRENT_VERSION, **body}


def dumps_one_line(data: Any) -> str:
    """Compact JSON on one line, whatever the text holds (safe in a comment or a cell)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    for char, escape in _SEPARATORS.items():
        text = text.replace(char, escape)
    return text


def plan_json(plan: Plan) -> str:
    """:func:`plan_data` as one line of JSON."""
    return dumps_one_line(plan_data(plan))


def task_extras(task: Task, shown: set[str]) -> dict[str, Any]:
    """The fields of ``task`` that differ from their defaults and that the format does not show."""
    data = task.model_dump(mode="json", exclude_defaults=True)
    return {k: v for k, v in data.items() if k not in shown and k not in ("id", "name", "phase")}


def read_json_object(text: str, where: str, warnings: list[str]) -> dict[str, Any] | None:
    """A JSON object read from ``text``, or None with a warning naming ``where``."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        value = None
    if not isinstance(value, dict):
        warnings.append(f"{where}: aiplanner data is not a JSON object (ignored)")
        return None
    return value


def _carried_plan(carried: dict[str, Any], where: str, warnings: list[str]) -> dict[str, Any]:
    from aiplanner.io.migrate import migrate

    data = dict(carried)
    data.pop("tasks", None)
    if data.get("format", FORMAT) != FORMAT:
        warnings.append(f"{where}: aiplanner plan data of format {data.get('format')!r} ignored")
        return {}
    try:
        data = migrate(data)
    except InvalidPlanError as exc:
        warnings.append(f"{where}: aiplanner plan data ignored: {exc.problems[0].message}")
        return {}
    data.pop("format", None)
    data.pop("version", None)
    return data


def merge_carried(data: dict[str, Any], carried: dict[str, Any] | None, extras: dict[str, dict[str, Any]],
                  where: str, task_place: Callable[[str], str],
                  warnings: list[str]) -> tuple[dict[str, Any], Callable[[dict[str, Any]], dict[str, Any]]]:
    """``data`` (a plan as the format says it) with the carried plan data and task extras added,
    and the repair to apply when the result does not validate (pass it to
    :func:`aiplanner.io.reading.validated_plan`): it drops the carried keys at fault, with
    a warning each. Validating only once, and repairing only on failure, keeps big imports fast.

    Parameters
    ----------
    data
        The plan read from the file (``tasks`` a list of dicts with ``id``).
    carried
        The carried plan data (:func:`plan_data`), or None.
    extras
        Carried fields per task id.
    where
        Where the plan data sits in the file, for warnings (``"line 3"``).
    task_place
        Where a task's carried data sits (``task_place(task_id)``).
    """
    merged = dict(data)
    from_plan = _carried_plan(carried, where, warnings) if carried else {}
    for key, value in from_plan.items():
        if key == "start":
            continue
        if key == "phases" and isinstance(value, list):
            ids = {p.get("id") for p in value if isinstance(p, dict)}
            merged["phases"] = value + [p for p in data.get("phases", []) if p.get("id") not in ids]
            continue
        merged[key] = value
    if "start" in from_plan:
        merged["start"] = min(str(from_plan["start"]), str(data["start"]))
    tasks = []
    added: dict[str, set[str]] = {}
    for row in data.get("tasks", []):
        more = {k: v for k, v in (extras.get(row["id"]) or {}).items() if k not in ("id", "name", "phase")}
        added[row["id"]] = set(more)
        tasks.append({**row, **more})
    merged["tasks"] = tasks
    keys = set(from_plan) - {"start"}
    return merged, lambda bad: _drop_what_does_not_fit(bad, data, keys, added, where, task_place, warnings)


def _problems(data: dict[str, Any]) -> list[Problem]:
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        return pydantic_problems(exc)
    return plan_problems(plan)


def _drop_what_does_not_fit(merged: dict[str, Any], data: dict[str, Any], plan_keys: set[str],
                            added: dict[str, set[str]], where: str, task_place: Callable[[str], str],
                            warnings: list[str]) -> dict[str, Any]:
    """Drop the carried keys at fault until the plan validates (or what is left is the file's own fault)."""
    problems: list[Problem] = []
    for _ in range(len(plan_keys) + sum(len(v) for v in added.values()) + 1):
        problems = _problems(merged)
        if not problems:
            return merged
        dropped = False
        for problem in problems:
            parts = problem.path.replace("[", ".").replace("]", "").split(".")
            key = parts[1] if len(parts) > 1 else ""
            if key == "tasks" and len(parts) > 3 and parts[2].isdigit():
                row = merged["tasks"][int(parts[2])] if int(parts[2]) < len(merged["tasks"]) else None
                field = parts[3]
                if row is not None and field in added.get(row["id"], set()):
                    row.pop(field, None)
                    added[row["id"]].discard(field)
                    warnings.append(f"{task_place(row['id'])}: carried {field} of task {row['id']!r} dropped: "
                                    f"{problem.message}")
                    dropped = True
                    break
            elif key in plan_keys:
                if key in data:  # back to what the file itself says
                    merged[key] = data[key]
                else:
                    merged.pop(key, None)
                plan_keys.discard(key)
                warnings.append(f"{where}: carried plan field {key!r} dropped: {problem.path}: {problem.message}")
                dropped = True
                break
        if not dropped:
            break
    if plan_keys and problems:
        # A fault between carried and shown data (a carried role list without a role the file's
        # resources hold): the file's own plan data, then, with a word.
        fallback = {**merged, **{k: data[k] for k in plan_keys if k in data}}
        for key in plan_keys - set(data):
            fallback.pop(key, None)
        if len(_problems(fallback)) < len(problems):
            warnings.append(f"{where}: carried plan data does not fit the file ({problems[0]}); "
                            f"dropped: {', '.join(sorted(plan_keys))}")
            merged = fallback
    return merged
