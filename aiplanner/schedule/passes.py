"""Forward and backward passes over an integer-indexed :class:`Network`.

Time points count working days from the plan start; a task occupies the
working days ``es .. ef - 1`` with ``ef = es + duration`` (DESIGN.md):

- FS: ``S_succ >= E_pred + lag``      - SS: ``S_succ >= S_pred + lag``
- FF: ``E_succ >= E_pred + lag``      - SF: ``E_succ >= S_pred + lag``

Each task also starts no earlier than its lower bound (the plan start,
point 0, or its not-before date). For milestones the pass also records
*which reading* of the time point binds (``rep``): True when an end-type
bound (a predecessor's end: FS, FF) reaches the maximum, so the milestone
is dated on the working day that ends at the point. On a tie with a
start-type link (SS, SF) the end-type link dates it (DESIGN.md); on a tie
with the plan start or a not-before date the start reading wins, as in MS
Project, where Monday 08:00 is later than Friday 17:00. A milestone
predecessor passes its own reading on to the links that leave it.

All functions fill plain lists in place; incremental updates reuse
:func:`forward_node` and :func:`backward_node` on the affected tasks only.
"""

from __future__ import annotations

from aiplanner.schedule.network import FF, FS, SS, Edge, Network

__all__ = ["forward_node", "backward_node", "forward_all", "backward_all", "free_float"]


def forward_node(
    d: int, low: int, preds: list[Edge], dur: list[int], es: list[int], ef: list[int], rep: list[bool]
) -> tuple[int, bool]:
    """Early start of one task and whether an end-type bound alone binds it."""
    start = low - 1  # start-type link bounds (below low: none yet)
    end = low - 1  # end-type bounds
    for p, kind, lag in preds:
        if kind == FS:
            c = ef[p] + lag
            is_end = rep[p] if dur[p] == 0 else True
        elif kind == SS:
            c = es[p] + lag
            is_end = rep[p]  # False for tasks with duration
        elif kind == FF:
            c = ef[p] + lag - d
            is_end = rep[p] if dur[p] == 0 else True
        else:  # SF
            c = es[p] + lag - d
            is_end = rep[p]
        if is_end:
            if c > end:
                end = c
        elif c > start:
            start = c
    if end > low and end >= start:
        return end, d == 0  # an end-type link binds (alone, or tied with a start-type link)
    return max(start, low), False


def backward_node(d: int, succs: list[Edge], finish_point: int, ls: list[int], lf: list[int]) -> int:
    """Late finish of one task: the tightest of its successors' late dates and the project finish."""
    late = finish_point
    for s, kind, lag in succs:
        if kind == FS:
            c = ls[s] - lag
        elif kind == SS:
            c = ls[s] - lag + d
        elif kind == FF:
            c = lf[s] - lag
        else:  # SF
            c = lf[s] - lag + d
        if c < late:
            late = c
    return late


def forward_all(net: Network, dur: list[int], low: list[int]) -> tuple[list[int], list[int], list[bool]]:
    """Early start/finish of every task and the milestone reading flags."""
    n = len(dur)
    es = [0] * n
    ef = [0] * n
    rep = [False] * n
    preds = net.preds
    for i in net.order:
        d = dur[i]
        start, r = forward_node(d, low[i], preds[i], dur, es, ef, rep)
        es[i] = start
        ef[i] = start + d
        rep[i] = r
    return es, ef, rep


def backward_all(net: Network, dur: list[int], finish_point: int) -> tuple[list[int], list[int]]:
    """Late start/finish of every task from ``finish_point``."""
    n = len(dur)
    ls = [0] * n
    lf = [0] * n
    succs = net.succs
    for i in reversed(net.order):
        d = dur[i]
        late = backward_node(d, succs[i], finish_point, ls, lf)
        lf[i] = late
        ls[i] = late - d
    return ls, lf


def free_float(i: int, net: Network, es: list[int], ef: list[int], finish_point: int) -> int:
    """Working days task ``i`` can slip without moving any successor's early dates or the finish."""
    free = finish_point - ef[i]
    for s, kind, lag in net.succs[i]:
        if kind == FS:
            slack = es[s] - (ef[i] + lag)
        elif kind == SS:
            slack = es[s] - (es[i] + lag)
        elif kind == FF:
            slack = ef[s] - (ef[i] + lag)
        else:  # SF
            slack = ef[s] - (es[i] + lag)
        if slack < free:
            free = slack
    return max(free, 0)
