"""Orthogonal routing of dependency arrows between Gantt bars.

A link leaves the predecessor at its finish (FS, FF) or start (SS, SF) and
enters the successor at its start (FS, SS: the arrow travels rightwards into
the bar) or finish (FF, SF: the arrow travels leftwards into the bar). Every
segment is horizontal or vertical. When the successor's entry lies behind
the predecessor's exit (an FS link to a task that starts the next working
day, a lead ...), the route drops to the gap between rows just before the
successor row, runs back, and enters the bar from the proper side, so the
arrow never crosses its own bars and its head is always visible.
"""

from __future__ import annotations

__all__ = ["route_link", "ENDPOINTS"]

# type -> (leave predecessor at its finish?, enter successor at its start?)
ENDPOINTS: dict[str, tuple[bool, bool]] = {
    "FS": (True, True),
    "SS": (False, True),
    "FF": (True, False),
    "SF": (False, False),
}


def route_link(
    kind: str,
    pred: tuple[float, float, int],
    succ: tuple[float, float, int],
    stub: float,
) -> tuple[tuple[float, float], ...]:
    """Polyline points ``(x, y)`` from the predecessor to the successor.

    Parameters
    ----------
    kind
        "FS", "SS", "FF" or "SF".
    pred, succ
        ``(x0, x1, row)`` of each end (a milestone has ``x0 == x1``).
    stub
        Length of the horizontal run out of and into a bar, in chart units.

    Returns
    -------
    tuple of points
        The first point touches the predecessor, the last the successor; the
        last segment is horizontal and its direction is the arrow's.

    Examples
    --------
    >>> route_link("FS", (0, 5, 0), (10, 12, 2), 1)
    ((5, 0), (6, 0), (6, 2), (10, 2))
    >>> route_link("FS", (0, 5, 0), (5, 8, 1), 1)
    ((5, 0), (6, 0), (6, 0.5), (4, 0.5), (4, 1), (5, 1))
    """
    from_finish, into_start = ENDPOINTS[kind]
    sx = pred[1] if from_finish else pred[0]
    ex = sx + stub if from_finish else sx - stub
    tx = succ[0] if into_start else succ[1]
    ax = tx - stub if into_start else tx + stub
    rp, rs = pred[2], succ[2]
    if from_finish != into_start:
        # FF or SS: one vertical run beyond both ends is always clear.
        xv = max(ex, ax) if from_finish else min(ex, ax)
        return ((sx, rp), (xv, rp), (xv, rs), (tx, rs))
    if (into_start and ex <= ax) or (not into_start and ex >= ax):
        # Enough room between the two ends: turn once at the exit stub.
        return ((sx, rp), (ex, rp), (ex, rs), (tx, rs))
    gap = rs - 0.5 if rs > rp else rs + 0.5
    return ((sx, rp), (ex, rp), (ex, gap), (ax, gap), (ax, rs), (tx, rs))
