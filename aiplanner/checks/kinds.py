"""What kind of work a task is: its tags, or the words of its name when it has none.

Templates tag their tasks (``platform``, ``governance``, ``rollout`` ...) and
the checks read the tags. A task without tags (one a user just typed in, or
every task of a plan imported from Mermaid, MS Project or CSV) is read by
the keywords of the tag vocabulary (``resources/vocabulary.json``) in its
name instead, whatever the other tasks carry, and findings that rest on a
name say so, because a name can mislead where a tag cannot. A tag that
reads names on every task (tool selection: "Select AI tools and vendors" is
tool selection however it is tagged) is matched on tagged tasks too.

Before a name is read, the names of the key roles and teams are taken out
of it: "Staff key roles (AI PM, Platform Lead, Governance Lead)" is staffing,
not platform or governance work.

Assessment work (documenting, inventorying, assessing) is work of its own:
:meth:`TaskKinds.ids` leaves it out unless asked, because finding out that
governance is missing is not governance, nor is assessing training needs
training.
"""

from __future__ import annotations

import re

from aiplanner.catalog import Catalog, load_catalog
from aiplanner.model.plan import Plan, Task

__all__ = ["ASSESSMENT", "TaskKinds", "name_kinds"]

#: The tag of assessment work, which is never evidence that other work exists.
ASSESSMENT = "assessment"

_ROLE_WORDS = r"(?:leads?|teams?|engineers?|managers?|owners?)"


_CACHE: dict[tuple[str, int], tuple[Catalog, object]] = {}


def _cached(catalog: Catalog, what: str, build):
    """``build(catalog)``, computed once per catalogue object (catalogues are frozen)."""
    key = (what, id(catalog))
    hit = _CACHE.get(key)
    if hit is None or hit[0] is not catalog:
        hit = _CACHE[key] = (catalog, build(catalog))
    return hit[1]


def _build_patterns(catalog: Catalog) -> tuple[dict[str, re.Pattern], re.Pattern | None]:
    """Each tag's name pattern, and the pattern of role and team names to take out first."""
    tags = {
        tag.id: re.compile("|".join(rf"\b(?:{k})" for k in tag.keywords), re.IGNORECASE)
        for tag in catalog.vocabulary.tags if tag.keywords
    }
    heads = set()
    for name in [r.name for r in catalog.roles] + [t.name for p in catalog.patterns for t in p.structure]:
        words = name.split()
        words = words[1:] if words[0].upper() == "AI" else words
        if len(words) > 1:
            heads.add(" ".join(words[:-1]))
    alternatives = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(heads, key=len, reverse=True))
    people = re.compile(rf"\b(?:ai\s+)?(?:{alternatives})\s+{_ROLE_WORDS}\b", re.IGNORECASE) if heads else None
    return tags, people


def _patterns(catalog: Catalog) -> tuple[dict[str, re.Pattern], re.Pattern | None]:
    return _cached(catalog, "patterns", _build_patterns)


def name_kinds(name: str, catalog: Catalog | None = None) -> set[str]:
    """The tags a task name stands for (role and team names taken out first).

    Examples
    --------
    >>> sorted(name_kinds("Staff key roles (AI PM, Platform Lead, Governance Lead)"))
    ['staffing']
    >>> sorted(name_kinds("Select AI tools and vendors"))
    ['tool-selection']
    >>> sorted(name_kinds("Assess team capabilities and training needs"))
    ['assessment', 'training']
    """
    catalog = catalog or load_catalog()
    tags, people = _patterns(catalog)
    text = people.sub(" ", name) if people is not None else name
    found = {tag for tag, pattern in tags.items() if pattern.search(text)}
    return _with_implied(found, catalog)


def _always_kinds(name: str, always: frozenset[str], catalog: Catalog) -> set[str]:
    """The kinds read from a tagged task's name: only those whose names are read on every task."""
    tags, people = _patterns(catalog)
    text = people.sub(" ", name) if people is not None else name
    return _with_implied({t for t in always if t in tags and tags[t].search(text)}, catalog)


def _with_implied(tags: set[str], catalog: Catalog) -> set[str]:
    implies = _cached(catalog, "implies", lambda c: {t.id: tuple(t.implies) for t in c.vocabulary.tags if t.implies})
    return tags | {i for t in tags for i in implies.get(t, ())}


def _always_read(catalog: Catalog) -> frozenset[str]:
    return _cached(catalog, "always", lambda c: frozenset(t.id for t in c.vocabulary.tags if t.names_always))


class TaskKinds:
    """Task ids by kind of work for one plan.

    Examples
    --------
    >>> import datetime as dt
    >>> from aiplanner.model import Phase, Plan, Task
    >>> plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")], tasks=[
    ...     Task(id="a", name="Platform Foundation", phase="p", duration=5),
    ...     Task(id="b", name="Organization Rollout", phase="p", duration=5, tags=["rollout"]),
    ...     Task(id="c", name="Document current governance", phase="p", duration=5)])
    >>> kinds = TaskKinds(plan)
    >>> kinds.ids("platform"), kinds.ids("rollout"), kinds.ids("governance"), kinds.by_name("a")
    (['a'], ['b'], [], True)
    >>> kinds.ids("governance", assessment=True)
    ['c']
    """

    def __init__(self, plan: Plan, catalog: Catalog | None = None) -> None:
        self.plan = plan
        self.catalog = catalog or load_catalog()
        always = _always_read(self.catalog)
        #: Each task's kinds, and the ids read from the name rather than from tags.
        self.kinds: dict[str, set[str]] = {}
        self._named: set[str] = set()
        for task in plan.tasks:
            if task.tags:
                kinds = _with_implied(set(task.tags), self.catalog)
                extra = _always_kinds(task.name, always, self.catalog) - kinds if always else set()
                if extra:
                    kinds |= extra
                    self._named.add(task.id)
            else:
                kinds = name_kinds(task.name, self.catalog)
                if kinds:
                    self._named.add(task.id)
            self.kinds[task.id] = kinds
        #: True when no task has a tag (a plan imported from elsewhere): everything is read from names.
        self.by_keywords = not any(t.tags for t in plan.tasks)

    def of(self, task_id: str) -> set[str]:
        """The kinds of one task."""
        return self.kinds.get(task_id, set())

    def is_assessment(self, task: Task | str) -> bool:
        """Whether a task is assessment work (documenting, inventorying, assessing today's state)."""
        return ASSESSMENT in self.of(task if isinstance(task, str) else task.id)

    def ids(self, *tags: str, exclude: tuple[str, ...] = (), assessment: bool = False) -> list[str]:
        """Ids (plan order) of tasks of any of ``tags`` and none of ``exclude``.

        Assessment work is left out unless ``assessment`` is true.
        """
        wanted, unwanted = set(tags), set(exclude)
        if not assessment:
            unwanted.add(ASSESSMENT)
        return [t.id for t in self.plan.tasks
                if self.kinds[t.id] & wanted and not self.kinds[t.id] & unwanted]

    def by_name(self, task_id: str) -> bool:
        """Whether the task's kinds (some of them) come from its name rather than its tags."""
        return task_id in self._named

    def note(self, task_ids: list[str] | tuple[str, ...] = ()) -> str:
        """A clause to append to a finding when it rests on names rather than tags."""
        if self.by_keywords:
            return " (found by task names, as the plan has no tags)"
        named = [t for t in task_ids if t in self._named]
        if named:
            names = {t.id: t.name for t in self.plan.tasks}
            quoted = ", ".join(f"'{names[t]}'" for t in named[:2]) + (" ..." if len(named) > 2 else "")
            return f" ({quoted} read by {'its' if len(named) == 1 else 'their'} name)"
        return ""
