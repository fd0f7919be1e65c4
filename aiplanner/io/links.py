"""The predecessor syntax shared by CSV, the window and Mermaid comments.

One link is a task id, optionally followed by the link type and a lag in
working days: ``a1`` (finish-to-start, no lag), ``a1FS+2``, ``b2SS-1``,
``c3FF``, ``d4SF+0``; a space may separate the parts (``a1 SS +2``) and the
lag may carry a ``d`` (``a1FS+2d``). A lag without a type means FS
(``a1+2``). Any white space (a tab, a no-break space) counts as a space.
Links are separated by commas or semicolons.

Examples
--------
>>> [ (d.task, d.type, d.lag) for d in parse_links("a1FS+2, b2SS-1, c3") ]
[('a1', 'FS', 2), ('b2', 'SS', -1), ('c3', 'FS', 0)]
>>> format_links(parse_links("a1, b2 ss +3"))
'a1, b2SS+3'
>>> parse_links("aFS+\t2, b\u00a0SS")[0].lag
2
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from pydantic import ValidationError

from aiplanner.model.errors import EditError
from aiplanner.model.plan import Dependency

__all__ = ["LinkSyntaxError", "parse_link", "parse_links", "format_link", "format_links"]

_TYPES = ("FS", "SS", "FF", "SF")
# id, then optionally: type (any case when a space separates it) and a signed lag.
_TAIL = (
    r"(?:(?:\s*(?P<type>FS|SS|FF|SF)|\s+(?P<type2>fs|ss|ff|sf|Fs|Ss|Ff|Sf|fS|sS|fF|sF))?"
    r"\s*(?P<lag>[+-]\s*\d+)?\s*(?:d|days?)?)$"
)
_LINK = re.compile(r"^(?P<id>[A-Za-z0-9_][A-Za-z0-9_.\-]*?)" + _TAIL)
# The greedy reading, tried when the plan's ids are known (``taskFS+1``).
_LINK_GREEDY = re.compile(r"^(?P<id>[A-Za-z0-9_][A-Za-z0-9_.\-]*)" + _TAIL)


class LinkSyntaxError(EditError):
    """A predecessor text cannot be read; the message names the bad part."""


def parse_link(text: str, known_ids: Collection[str] | None = None) -> Dependency:
    """Read one link such as ``a1FS+2``.

    Parameters
    ----------
    text
        One link (no commas).
    known_ids
        Task ids of the plan, when known: a text that is itself a known id
        (an id that ends in ``FS``, say) is read as that id.

    Raises
    ------
    LinkSyntaxError
        The text is not a link.
    """
    item = text.strip()
    if not item:
        raise LinkSyntaxError("empty link")
    if known_ids is not None and item in known_ids and _LINK_GREEDY.match(item):
        return Dependency(task=item)
    match = _LINK.match(item)
    if known_ids is not None and (match is None or match["id"] not in known_ids):
        greedy = _LINK_GREEDY.match(item)
        if greedy is not None and greedy["id"] in known_ids:
            match = greedy
    if match is None:
        raise LinkSyntaxError(
            f"cannot read link {item!r}: write a task id, then optionally FS, SS, FF or SF "
            "and a lag in working days, e.g. a1FS+2"
        )
    kind = (match["type"] or match["type2"] or "FS").upper()
    lag_text = match["lag"]
    lag = int(re.sub(r"\s", "", lag_text)) if lag_text else 0  # "+\t2", "+\u00a02": any space inside
    task_id = match["id"]
    try:
        return Dependency(task=task_id, type=kind, lag=lag)
    except ValidationError:
        raise LinkSyntaxError(f"link {item!r}: lag {lag} is out of range (at most 10000 days)") from None


def parse_links(text: str, known_ids: Collection[str] | None = None) -> list[Dependency]:
    """Read a list of links separated by commas or semicolons.

    An empty text gives an empty list. A predecessor named twice is refused.

    Raises
    ------
    LinkSyntaxError
        A part is not a link, or a predecessor is named twice.
    """
    links: list[Dependency] = []
    seen: set[str] = set()
    for part in re.split(r"[,;]", text or ""):
        if not part.strip():
            continue
        link = parse_link(part, known_ids)
        if link.task in seen:
            raise LinkSyntaxError(f"predecessor {link.task!r} is named twice")
        seen.add(link.task)
        links.append(link)
    return links


def format_link(dep: Dependency) -> str:
    """The short text of one link: ``a1`` for FS without lag, else ``a1SS+2``."""
    if dep.type == "FS" and dep.lag == 0:
        return dep.task
    lag = f"{dep.lag:+d}" if dep.lag else ""
    return f"{dep.task}{dep.type}{lag}"


def format_links(deps: Iterable[Dependency]) -> str:
    """Links joined by ``", "``; :func:`parse_links` reads the result back."""
    return ", ".join(format_link(d) for d in deps)
