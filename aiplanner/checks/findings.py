"""Findings, the rule registry and the context rules read from.

A rule is a function ``(ctx) -> Iterable[Finding]`` registered with
:func:`rule` under a stable id (``pitfall.technology-first``). Rules read the
plan, its schedule and its load through :class:`CheckContext`, which computes
each of them once and only when a rule asks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from aiplanner.checks.domain import pitfall
from aiplanner.checks.kinds import TaskKinds
from aiplanner.model.plan import Plan
from aiplanner.schedule.cpm import Schedule, schedule_plan

if TYPE_CHECKING:  # pragma: no cover
    from aiplanner.schedule.load import Load

__all__ = ["Severity", "SEVERITIES", "ACTIONS", "Finding", "Rule", "RULES", "rule", "CheckContext",
           "pitfall_finding", "plural"]

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")

#: aiplanner actions a fix may ask for, by id, as the command line names them. The
#: window names its own menu action instead (:meth:`Finding.fix_for`).
ACTIONS: dict[str, str] = {"level": "aiplanner level"}


def plural(count: int, word: str, words: str | None = None) -> str:
    """``"1 warning"``, ``"2 warnings"``, ``"0 notes"``.

    >>> plural(1, "warning"), plural(0, "error"), plural(2, "person", "people")
    ('1 warning', '0 errors', '2 people')
    """
    return f"{count} {word if count == 1 else (words or word + 's')}"


def peak_text(peak: float, capacity: float) -> str:
    """A person's highest load against their capacity that day, as ``load`` and the summary print it.

    >>> peak_text(1.5, 1), peak_text(1, 0)
    ('1.5 FTE of 1', '1 FTE while away')
    """
    return f"{peak:g} FTE while away" if capacity <= 0 else f"{peak:g} FTE of {capacity:g}"


@dataclass(frozen=True)
class Finding:
    """One thing a check found about a plan.

    ``message`` says what is wrong; ``fix`` suggests what to do. ``tasks``,
    ``people``, ``roles`` and ``phases`` name what is involved (ids, plan
    order) so a view can select it. ``title`` names what the rule looks for
    (a pitfall's name); ``reason`` and ``advice`` are the source's one-line
    reason and advice for a pitfall (``resources/pitfalls.json``), already
    part of ``message`` and ``fix``. ``actions`` are ids of :data:`ACTIONS`
    that ``fix`` names the command-line way.
    """

    rule: str
    severity: Severity
    message: str
    fix: str
    tasks: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()
    title: str = ""
    reason: str = ""
    advice: str = ""
    actions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (lists instead of tuples)."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    def fix_for(self, names: Mapping[str, str]) -> str:
        """The fix with each action named as ``names`` names it (a window's menu path) instead.

        >>> f = Finding("r", "warning", "m", "Level the plan (aiplanner level).", actions=("level",))
        >>> f.fix_for({"level": "People and load ▸ Level…"})
        'Level the plan (People and load ▸ Level…).'
        """
        text = self.fix
        for action in self.actions:
            if action in names:
                text = text.replace(ACTIONS[action], names[action])
        return text

    def __str__(self) -> str:
        return f"{self.severity}: [{self.rule}] {self.message}"


def pitfall_finding(pitfall_id: str, evidence: str, action: str, **named: Any) -> Finding:
    """A warning about one of the source's pitfalls, in the source's terms.

    The message is the pitfall's name, then ``evidence`` (what in this plan
    shows it), then the source's one-line reason; the fix is the source's
    advice, then ``action`` (what to change in this plan). ``named`` are
    the ``tasks``/``roles``/``phases``/``people`` of the finding.
    """
    info = pitfall(pitfall_id)
    return Finding(
        f"pitfall.{pitfall_id}", "warning",
        f"{info.name}: {evidence} {info.problem}",
        f"{info.advice} {action}".strip(),
        title=info.name, reason=info.problem, advice=info.advice, **named,
    )


@dataclass(frozen=True)
class Rule:
    """A registered check: its id, a short title and the function."""

    id: str
    title: str
    check: Callable[["CheckContext"], Iterable[Finding]] = field(compare=False)


#: Every registered rule by id, in registration order.
RULES: dict[str, Rule] = {}


def rule(rule_id: str, title: str) -> Callable:
    """Register ``func(ctx) -> Iterable[Finding]`` as the check ``rule_id``.

    Ids are stable (tools and users filter on them); registering an id twice
    is a programming error.
    """

    def register(func: Callable[["CheckContext"], Iterable[Finding]]):
        if rule_id in RULES:
            raise ValueError(f"check rule {rule_id!r} is registered twice")
        RULES[rule_id] = Rule(rule_id, title, func)
        return func

    return register


class CheckContext:
    """What the rules read: the plan, its schedule, load, task kinds, names.

    Parameters
    ----------
    plan
        The plan to check.
    schedule
        Its schedule, when the caller already has it; otherwise computed on
        first use (a dependency cycle raises :class:`DependencyCycleError`).
    """

    def __init__(self, plan: Plan, schedule: Schedule | None = None) -> None:
        self.plan = plan
        self._schedule = schedule

    @property
    def schedule(self) -> Schedule:
        if self._schedule is None:
            self._schedule = schedule_plan(self.plan)
        return self._schedule

    @cached_property
    def load(self) -> "Load":
        from aiplanner.schedule.load import compute_load

        return compute_load(self.plan, self.schedule)

    @cached_property
    def kinds(self) -> TaskKinds:
        return TaskKinds(self.plan)

    @cached_property
    def task_names(self) -> dict[str, str]:
        return {t.id: t.name for t in self.plan.tasks}

    def role_name(self, role_id: str) -> str:
        """The plan's name for a role, else the catalogue's, else the id."""
        for role in self.plan.roles:
            if role.id == role_id:
                return role.name
        from aiplanner.checks.domain import role_name

        return role_name(role_id)

    def person_name(self, person_id: str) -> str:
        for person in self.plan.people:
            if person.id == person_id:
                return person.name
        return person_id

    def quote(self, task_ids: Iterable[str], limit: int = 3) -> str:
        """Task names for a sentence: "'A', 'B' and 2 more"."""
        ids = list(task_ids)
        names = [f"'{self.task_names.get(t, t)}'" for t in ids[:limit]]
        more = len(ids) - limit
        if more > 0:
            return ", ".join(names) + f" and {more} more"
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    def day(self, point: int, end: bool = False) -> str:
        """ISO date of a time point: the day it starts, or (``end``) the day that ends at it."""
        return self.schedule.calendar.date_of(point - 1 if end else point).isoformat()


def iter_rules(selected: Iterable[str] | None = None) -> Iterator[Rule]:
    """Registered rules, all or the ``selected`` ids, in registration order."""
    if selected is None:
        yield from RULES.values()
        return
    wanted = set(selected)
    unknown = wanted - set(RULES)
    if unknown:
        raise ValueError(f"unknown check rule(s): {', '.join(sorted(unknown))}")
    yield from (r for r in RULES.values() if r.id in wanted)
