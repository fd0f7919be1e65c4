"""Typed errors of the document layer.

Every error carries what a user needs to find the fault: the file (when
there is one), the JSON path of the place, and a sentence about what is
wrong. ``str(error)`` is one line per problem, ready for a terminal or a
message box.
"""

from __future__ import annotations

from pathlib import Path

from aiplanner.model.values import Frozen, init_fields

__all__ = [
    "Problem",
    "PlanError",
    "InvalidPlanError",
    "UnsupportedVersionError",
    "PlanFileError",
    "EditError",
    "DependencyCycleError",
    "UnknownTaskError",
    "DuplicateIdError",
    "CatalogError",
]


class Problem(Frozen):
    """One fault in a plan: ``path`` is a JSON path such as ``$.tasks[3].duration``."""

    __slots__ = ("path", "message")

    def __init__(self, path: str, message: str) -> None:
        init_fields(self, path=path, message=message)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class PlanError(Exception):
    """Base class of every error the planner reports to a user."""


class InvalidPlanError(PlanError):
    """The plan (or file) breaks one or more rules; ``problems`` lists each."""

    def __init__(self, problems: list[Problem], file: str | Path | None = None) -> None:
        self.problems = list(problems)
        self.file = str(file) if file is not None else None
        super().__init__(self._text())

    def _text(self) -> str:
        prefix = f"{self.file}: " if self.file else ""
        return "\n".join(prefix + str(p) for p in self.problems) or prefix + "invalid plan"

    def with_file(self, file: str | Path) -> "InvalidPlanError":
        """The same problems, attributed to ``file``."""
        return type(self)(self.problems, file)


class UnsupportedVersionError(InvalidPlanError):
    """The file was written by a newer aiplanner than this one."""


class PlanFileError(PlanError):
    """The file cannot be read or written (missing, a directory, no permission,
    too large, disk full ...)."""

    def __init__(self, file: str | Path, message: str) -> None:
        self.file = str(file)
        self.message = message
        super().__init__(f"{self.file}: {message}")


class EditError(PlanError, ValueError):
    """An edit was refused before it reached the document."""


class DependencyCycleError(EditError):
    """Linking tasks would close a loop; ``cycle`` lists the task ids in order."""

    def __init__(self, cycle: list[str]) -> None:
        self.cycle = list(cycle)
        loop = " -> ".join(self.cycle + self.cycle[:1])
        super().__init__(f"dependency cycle: {loop}")


class UnknownTaskError(EditError, KeyError):
    """A reference names a task that does not exist."""

    def __init__(self, task_id: str, referenced_by: str | None = None) -> None:
        self.task_id = task_id
        self.referenced_by = referenced_by
        if referenced_by:
            text = f"task {referenced_by!r} depends on unknown task {task_id!r}"
        else:
            text = f"unknown task {task_id!r}"
        super().__init__(text)

    def __str__(self) -> str:  # KeyError would quote the message again
        return self.args[0]


class DuplicateIdError(EditError):
    """An id is already used by another item of the same kind."""


class CatalogError(InvalidPlanError):
    """The shipped domain data (``resources/``) breaks its own rules.

    ``file`` names the resource file; each problem carries the JSON path.
    """
