"""The shape of ``resources/templates.json``: the pattern templates as data.

A template is the shared ``base`` task list (every task of the source's
phase lists plus the change-management and tool-selection work a sound
rollout needs) adjusted per pattern: other durations, extra tasks, extra
links. Source tasks take their name and tags from ``phases.json``, so the
facts live once. Links are written compactly, as in the window's
predecessor column: ``"a-inventory"`` (finish-to-start),
``"a-inventory SS+5"``, ``"b-platform FF-2"``.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from aiplanner.model.plan import Dependency

__all__ = ["parse_link", "TaskSpec", "PatternTemplate", "TemplateSet", "MILESTONES"]

_LINK = re.compile(r"^(?P<task>[a-z0-9][a-z0-9\-]*)(?:\s+(?P<type>FS|SS|FF|SF)(?P<lag>[+-]\d+)?)?$")

#: The milestone that closes each phase: (id, name). Templates may link to them.
MILESTONES: dict[str, tuple[str, str]] = {
    "assessment": ("m-assessment", "Assessment complete"),
    "design": ("m-design", "Target operating model approved"),
    "build": ("m-build", "Foundation in place"),
    "scale": ("m-scale", "Initial scaling complete"),
}

Link = Annotated[str, Field(min_length=1, max_length=80)]


def parse_link(text: str) -> Dependency:
    """Turn ``"id"``, ``"id SS"`` or ``"id FF+3"`` into a :class:`Dependency`.

    Examples
    --------
    >>> parse_link("a-inventory SS+5")
    Dependency(task='a-inventory', type='SS', lag=5)
    >>> parse_link("m-design")
    Dependency(task='m-design', type='FS', lag=0)
    """
    match = _LINK.match(text.strip())
    if not match:
        raise ValueError(f"bad link {text!r} (write 'id', 'id SS' or 'id FF+3')")
    return Dependency(task=match["task"], type=match["type"] or "FS", lag=int(match["lag"] or 0))


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TaskSpec(_Spec):
    """One task of a template.

    A task whose id is a source task (``phases.json``) takes name, phase and
    tags from there; ``tags`` then adds to the source's tags. A task with a
    ``team`` sets up that team of its pattern's structure (``patterns.json``)
    and is named after it. Any other task must give ``name``, ``phase`` and
    ``tags`` itself.
    """

    id: str = Field(pattern=r"^[a-z][a-z0-9\-]*$", max_length=64)
    name: str | None = Field(default=None, min_length=1, max_length=200)
    team: str | None = None
    phase: str | None = None
    tags: list[str] = Field(default_factory=list)
    duration: int = Field(ge=1, le=500)
    after: list[Link] = Field(default_factory=list)
    demands: dict[str, Annotated[float, Field(gt=0, le=5)]] = Field(min_length=1)
    notes: str = Field(default="", max_length=1000)

    @field_validator("after")
    @classmethod
    def _links_parse(cls, value: list[str]) -> list[str]:
        seen = set()
        for text in value:
            task = parse_link(text).task
            if task in seen:
                raise ValueError(f"predecessor {task!r} is listed twice")
            seen.add(task)
        return value

    def dependencies(self) -> list[Dependency]:
        """The links as plan dependencies."""
        return [parse_link(text) for text in self.after]


class PatternTemplate(_Spec):
    """How one pattern's plan differs from the base."""

    pattern: str
    name: str = Field(min_length=1, max_length=200)
    phase_weeks: dict[str, Annotated[float, Field(gt=0)]]
    durations: dict[str, Annotated[int, Field(ge=1, le=500)]] = Field(default_factory=dict)
    links: dict[str, list[Link]] = Field(default_factory=dict)
    tasks: list[TaskSpec] = Field(default_factory=list)
    notes: str = Field(default="", max_length=2000)


class TemplateSet(_Spec):
    """The whole ``templates.json``."""

    note: str = ""
    base: list[TaskSpec] = Field(min_length=1)
    patterns: list[PatternTemplate] = Field(min_length=1)

    def pattern(self, pattern_id: str) -> PatternTemplate:
        """The template of one pattern; ``KeyError`` if there is none."""
        for template in self.patterns:
            if template.pattern == pattern_id:
                return template
        raise KeyError(pattern_id)
