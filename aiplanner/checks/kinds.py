"""What kind of work a task is: its tags, or words in its name when a plan has no tags.

Templates tag their tasks (``platform``, ``governance``, ``rollout`` ...) and
the checks read the tags. A plan that carries no tag at all (typically one
imported from Mermaid, MS Project or CSV) is read by keywords in task names
instead, and findings say so, because a name can mislead where a tag cannot.
"""

from __future__ import annotations

import re

from aiplanner.model.plan import Plan

__all__ = ["KEYWORDS", "TaskKinds"]

#: Name patterns standing in for tags in plans without tags. Matching is
#: case-insensitive and starts at a word boundary ("tool" matches "Tooling").
KEYWORDS: dict[str, tuple[str, ...]] = {
    "assessment": ("assess", "current state", "gap analysis", "inventory"),
    "design": ("design", "operating model"),
    "pattern-selection": ("pattern", "select the organi"),
    "governance": ("governance", "polic", "risk", "compliance", "ethic", "review board"),
    "approval-gate": ("approval", "approve", "sign-off", "sign off", "gate"),
    "platform": ("platform", "infrastructure", "model serving"),
    "tool-selection": ("tool",),
    "staffing": ("staffing", "staff ", "hire", "hiring", "recruit"),
    "training": ("training", "literacy", "upskill"),
    "enablement": ("enablement", "community of practice", "best practice"),
    "change-management": ("change management", "change-management", "change manage"),
    "consolidation": ("consolidat",),
    "rollout": ("rollout", "roll out", "roll-out"),
    "handover": ("handover", "hand over", "hand-over", "transfer"),
    "measurement": ("measur", "metric", "kpi"),
    "milestone": ("milestone",),
}

_PATTERNS = {tag: re.compile("|".join(r"\b" + re.escape(w) for w in words), re.IGNORECASE)
             for tag, words in KEYWORDS.items()}


class TaskKinds:
    """Task ids by kind of work for one plan.

    Examples
    --------
    >>> import datetime as dt
    >>> from aiplanner.model import Phase, Plan, Task
    >>> plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")], tasks=[
    ...     Task(id="a", name="Platform Foundation", phase="p", duration=5),
    ...     Task(id="b", name="Organization Rollout", phase="p", duration=5)])
    >>> kinds = TaskKinds(plan)
    >>> kinds.by_keywords, kinds.ids("platform", "tool-selection"), kinds.ids("rollout")
    (True, ['a'], ['b'])
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        #: True when no task has a tag, so names are read instead.
        self.by_keywords = not any(t.tags for t in plan.tasks)
        self._cache: dict[str, list[str]] = {}

    def _ids(self, tag: str) -> list[str]:
        if tag not in self._cache:
            if self.by_keywords:
                pattern = _PATTERNS.get(tag)
                found = [t.id for t in self.plan.tasks if pattern is not None and pattern.search(t.name)]
            else:
                found = [t.id for t in self.plan.tasks if tag in t.tags]
            self._cache[tag] = found
        return self._cache[tag]

    def ids(self, *tags: str, exclude: tuple[str, ...] = ()) -> list[str]:
        """Ids (plan order) of tasks of any of ``tags`` and none of ``exclude``."""
        wanted = set().union(*(self._ids(t) for t in tags))
        unwanted = set().union(*(self._ids(t) for t in exclude)) if exclude else set()
        return [t.id for t in self.plan.tasks if t.id in wanted and t.id not in unwanted]

    def note(self) -> str:
        """A clause to append to a finding when it rests on names rather than tags."""
        return " (found by task names, as the plan has no tags)" if self.by_keywords else ""
