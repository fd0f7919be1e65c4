"""A layered (Sugiyama-style) drawing of the dependency network, phase by phase.

Shared by the matplotlib network chart and the window's network view, so it
imports neither matplotlib nor Qt. The steps are the classic ones:

1. **Layers.** Phases run left to right in plan order, each a block of
   layers with one empty layer between blocks; inside a phase a task's
   layer is the longest chain of same-phase predecessors before it.
2. **Dummy nodes.** A link spanning several layers gets a dummy node in each
   layer it crosses, so it can be routed around the boxes in between.
3. **Crossing reduction.** Alternating down and up sweeps order each layer
   by the median (ties: barycenter) of its neighbours in the layer before,
   then adjacent swaps that remove crossings; the best order seen is kept.
   Everything sorts on numbers and plan order: the same plan gives the same
   drawing.
4. **Coordinates.** Each layer's vertical positions come from a weighted
   least-squares fit to its neighbours' positions under minimum-spacing
   constraints (pool-adjacent-violators), swept down and up a few times;
   long links (dummy to dummy) and critical links weigh most, so they run
   straight.
5. **Routes.** Each link becomes a path: a cubic curve with horizontal
   tangents between adjacent layers and a straight run through each dummy's
   slot, never through a box (see :func:`edge_path`).

Coordinates are abstract: x in layers (box ``node_w`` wide, centred on the
layer number), y in rows counted downwards (a box is ``node_h`` tall).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aiplanner.render.network.order import count_crossings, reduce_crossings
from aiplanner.render.network.place import assign_rows

GAP_PITCH = 0.6  # width of the link-only layer between two phases, in layers
#: Most slots (boxes plus the dummy nodes of long links) a drawing gets. Crossing reduction
#: grows faster than linearly with them; a dense network (250 tasks each linked to every
#: earlier one: 31,125 links, 2.6 million dummies) would take minutes and gigabytes. Above
#: it, links that a longer chain of links already implies are left out (transitive
#: reduction), then, if still needed, the longest non-critical links; the layout counts them.
MAX_SLOTS = 4000

__all__ = ["NetNode", "NetEdge", "PhaseBlock", "NetworkLayout", "layered_layout", "edge_path", "count_crossings"]


@dataclass(frozen=True, slots=True)
class NetNode:
    """A task's box: centre ``(x, y)``; ``layer`` and ``slot`` (order in the layer)."""

    id: str
    layer: int
    slot: int
    x: float
    y: float
    phase: str
    critical: bool


@dataclass(frozen=True, slots=True)
class NetEdge:
    """A link drawn from ``src`` to ``dst`` along ``points`` (see :func:`edge_path`)."""

    src: str
    dst: str
    kind: str
    critical: bool
    points: tuple[tuple[float, float], ...]
    backward: bool = False


@dataclass(frozen=True, slots=True)
class PhaseBlock:
    """The layers ``first .. last`` holding a phase's tasks."""

    id: str
    name: str
    index: int
    first: int
    last: int


@dataclass(frozen=True)
class NetworkLayout:
    """Boxes, routed links and phase blocks; ``crossings`` after and
    ``initial_crossings`` before crossing reduction (same layers)."""

    nodes: dict[str, NetNode]
    edges: tuple[NetEdge, ...]
    phases: tuple[PhaseBlock, ...]
    layers: int
    width: float
    height: float
    node_w: float
    node_h: float
    crossings: int
    initial_crossings: int
    order: tuple[tuple[str, ...], ...] = field(default=(), repr=False)
    layer_x: tuple[float, ...] = field(default=(), repr=False)
    #: Links of the plan not drawn (see :data:`MAX_SLOTS`): implied by a longer chain, and others.
    implied_links: int = 0
    dropped_links: int = 0

    @property
    def hidden_links(self) -> int:
        """Links of the plan that the drawing leaves out."""
        return self.implied_links + self.dropped_links

    def hidden_note(self) -> str:
        """What a drawing of this layout must say about the links it leaves out ('' when none)."""
        if not self.hidden_links:
            return ""
        parts = []
        if self.implied_links:
            parts.append(f"{self.implied_links:,} implied by longer chains of links")
        if self.dropped_links:
            parts.append(f"{self.dropped_links:,} long non-critical ones")
        return (f"too dense to draw every link: {self.hidden_links:,} of {len(self.edges) + self.hidden_links:,} "
                f"left out ({' and '.join(parts)})")


def _layers(plan, schedule) -> tuple[dict[str, int], list[PhaseBlock]]:
    order = {tid: i for i, tid in enumerate(schedule.order)}
    phase_of = {t.id: t.phase for t in plan.tasks}
    named = {p.id: p.name for p in plan.phases}
    phases = [p.id for p in plan.phases] + sorted({t.phase for t in plan.tasks} - set(named))
    layer: dict[str, int] = {}
    blocks: list[PhaseBlock] = []
    start = 0
    for index, phase in enumerate(phases):
        members = sorted((t for t in plan.tasks if t.phase == phase and t.id in order), key=lambda t: order[t.id])
        if not members:
            continue
        depth: dict[str, int] = {}
        for task in members:  # topological order: same-phase predecessors first
            depth[task.id] = max((depth[d.task] + 1 for d in task.depends_on
                                  if phase_of.get(d.task) == phase and d.task in depth), default=0)
        deepest = max(depth.values())
        for tid, d in depth.items():
            layer[tid] = start + d
        blocks.append(PhaseBlock(phase, named.get(phase, phase), index, start, start + deepest))
        start += deepest + 2  # an empty layer between phases leaves room for the links
    return layer, blocks


def _implied_links(plan, order: list[str], links: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """The ``links`` (src, dst) that a path of two or more links also leads along.

    Transitive reduction over ``order`` (topological), with the set of tasks
    reachable from each task as one Python integer (a bit per task).
    """
    index = {tid: i for i, tid in enumerate(order)}
    succ: dict[str, list[str]] = {tid: [] for tid in order}
    for src, dst in links:
        if src in index and dst in index and index[src] < index[dst]:
            succ[src].append(dst)
    reach: dict[str, int] = {}
    implied = set()
    for tid in reversed(order):
        via = 0
        for nxt in succ[tid]:
            via |= reach[nxt]
        for nxt in succ[tid]:
            if via >> index[nxt] & 1:
                implied.add((tid, nxt))
        for nxt in succ[tid]:
            via |= 1 << index[nxt]
        reach[tid] = via
    return implied


def _thinned(plan, schedule, layer: dict[str, int], budget: int) -> tuple[set[tuple[str, str]], int, int]:
    """Links to leave out so that boxes and dummies fit ``budget`` slots: (links, implied, dropped)."""
    links = [(d.task, t.id) for t in plan.tasks if t.id in layer for d in t.depends_on if d.task in layer]
    span = {pair: max(0, layer[pair[1]] - layer[pair[0]] - 1) for pair in links}
    slots = len(layer) + sum(span.values())
    if slots <= budget:
        return set(), 0, 0
    skip = _implied_links(plan, list(schedule.order), links)
    implied = len(skip)
    slots -= sum(span[pair] for pair in skip)
    dropped = 0
    if slots > budget:
        times = schedule.tasks
        rest = sorted((pair for pair in links if pair not in skip and span[pair] > 0
                       and not (times[pair[0]].critical and times[pair[1]].critical)),
                      key=lambda pair: (-span[pair], pair))
        for pair in rest:
            if slots <= budget:
                break
            skip.add(pair)
            slots -= span[pair]
            dropped += 1
    return skip, implied, dropped


def layered_layout(plan, schedule, *, node_w: float = 0.72, node_h: float = 1.0, gap: float = 0.35,
                   dummy_h: float = 0.12, sweeps: int = 12, max_slots: int = MAX_SLOTS) -> NetworkLayout:
    """Lay out ``plan``'s dependency network (see the module docstring).

    Parameters
    ----------
    plan, schedule
        The plan and its computed schedule (critical flags, topological order).
    node_w, node_h
        Box size: width in layers, height in rows.
    gap
        Least free space between two boxes of a layer, in rows.
    dummy_h
        Room a link passing through a layer takes, in rows.
    sweeps
        Crossing-reduction sweeps (down and up count as two).
    max_slots
        Most boxes plus dummy nodes drawn (see :data:`MAX_SLOTS`); the layout
        counts the links it leaves out (:attr:`NetworkLayout.hidden_links`).
    """
    times = schedule.tasks
    layer, blocks = _layers(plan, schedule)
    skip, implied, dropped = _thinned(plan, schedule, layer, max_slots)
    position = {t.id: i for i, t in enumerate(plan.tasks)}
    n_layers = max(layer.values(), default=-1) + 1
    members: list[list[str]] = [[] for _ in range(n_layers)]
    for tid in sorted(layer, key=lambda t: (schedule.tasks[t].es, position[t])):
        members[layer[tid]].append(tid)

    # -- links, with a dummy node in every layer a link passes -------------
    links = []  # (src, dst, kind, critical, chain of node keys src..dst)
    upper: dict[str, list[str]] = {}  # node -> neighbours in the layer before
    lower: dict[str, list[str]] = {}
    critical_pairs: set[tuple[str, str]] = set()
    for task in plan.tasks:
        if task.id not in layer:
            continue
        for dep in task.depends_on:
            if dep.task not in layer or (dep.task, task.id) in skip:
                continue
            src, dst = dep.task, task.id
            critical = times[src].critical and times[dst].critical
            if layer[dst] <= layer[src]:
                links.append((src, dst, dep.type, critical, None))
                continue
            chain = [src]
            for k in range(layer[src] + 1, layer[dst]):
                dummy = f"\0{src}\0{dst}\0{k}"
                members[k].append(dummy)
                chain.append(dummy)
            chain.append(dst)
            for a, b in zip(chain, chain[1:]):
                lower.setdefault(a, []).append(b)
                upper.setdefault(b, []).append(a)
                if critical:
                    critical_pairs.add((a, b))
            links.append((src, dst, dep.type, critical, chain))

    initial = count_crossings(members, lower)
    ordered = reduce_crossings(members, upper, lower, sweeps)
    crossings = count_crossings(ordered, lower)
    sizes = {key: (dummy_h if key.startswith("\0") else node_h) for layer_keys in ordered for key in layer_keys}
    rows = assign_rows(ordered, upper, lower, sizes, gap, critical_pairs)

    # The empty layer between two phases only carries links: narrower.
    used = {k for block in blocks for k in range(block.first, block.last + 1)}
    xs = [0.0]
    for k in range(1, n_layers):
        xs.append(xs[-1] + (1.0 if k in used and k - 1 in used else GAP_PITCH if k not in used else
                            (1.0 + GAP_PITCH) / 2))
    phase_of = {t.id: t.phase for t in plan.tasks}
    nodes = {}
    for k, keys in enumerate(ordered):
        for slot, key in enumerate(keys):
            if not key.startswith("\0"):
                nodes[key] = NetNode(key, k, slot, xs[k], rows[key], phase_of[key], times[key].critical)
    half = node_w / 2
    height = max((y + node_h / 2 for y in rows.values()), default=0.0)
    routes = []
    for src, dst, kind, critical, chain in links:
        if chain is None:
            # A link to an earlier layer: out to the right, under the drawing, back in from the left.
            height += 0.5
            a, b = xs[layer[src]] + half, xs[layer[dst]] - half
            routes.append([src, dst, kind, critical, [(a, rows[src]), (a + 0.12, rows[src]), (a + 0.12, height),
                                                      (b - 0.12, height), (b - 0.12, rows[dst]), (b, rows[dst])],
                           True])
            continue
        points = [(xs[layer[src]] + half, rows[src])]
        for key in chain[1:-1]:
            k = int(key.rsplit("\0", 1)[1])
            run = half if k in used else 0.0  # beside the boxes of a layer; a point in a gap
            points += [(xs[k] - run, rows[key]), (xs[k] + run, rows[key])]
        points.append((xs[layer[dst]] - half, rows[dst]))
        routes.append([src, dst, kind, critical, points, False])
    _spread_ports(routes, node_h)
    edges = [NetEdge(src, dst, kind, critical, tuple(points), backward)
             for src, dst, kind, critical, points, backward in routes]
    # Critical links last: painters draw them on top in this order.
    edges.sort(key=lambda e: e.critical)
    width = (xs[-1] if xs else 0.0) + 1.0
    return NetworkLayout(nodes, tuple(edges), tuple(blocks), n_layers, width, height, node_w, node_h, crossings,
                         initial, tuple(tuple(keys) for keys in ordered), tuple(xs), implied, dropped)


def _spread_ports(routes: list[list], node_h: float) -> None:
    """Spread the ends of a box's links over its side, in the order they come
    from (or go to), so that they do not all meet in one point (in place)."""
    ends: dict[tuple[str, int], list[tuple[float, int]]] = {}
    for i, (src, dst, _, _, points, _) in enumerate(routes):
        ends.setdefault((src, 0), []).append((points[1][1], i))
        ends.setdefault((dst, -1), []).append((points[-2][1], i))
    for (_, end), found in ends.items():
        if len(found) < 2:
            continue
        found.sort()
        step = min(0.55 * node_h / (len(found) - 1), 0.12 * node_h)
        middle = (len(found) - 1) / 2
        for rank, (_, i) in enumerate(found):
            x, y = routes[i][4][end]
            routes[i][4][end] = (x, y + (rank - middle) * step)


def edge_path(points, straight: bool = False) -> list[tuple[str, tuple[tuple[float, float], ...]]]:
    """Drawing commands for an edge's ``points``: ``("M", (p,))`` to start,
    ``("C", (c1, c2, p))`` for a curve between layers (horizontal tangents, so
    it leaves and enters boxes level), ``("L", (p,))`` through a dummy's slot.
    ``straight`` (a backward link's loop): straight lines only.

    >>> edge_path([(0.4, 0.0), (0.6, 2.0), (1.4, 2.0), (1.6, 1.0)])[1]
    ('C', ((0.5, 0.0), (0.5, 2.0), (0.6, 2.0)))
    """
    if straight:
        return [("M", (points[0],))] + [("L", (p,)) for p in points[1:]]
    commands = [("M", (points[0],))]
    for i in range(1, len(points)):
        (x0, y0), (x1, y1) = points[i - 1], points[i]
        if i % 2 == 1:  # between layers
            mid = (x0 + x1) / 2
            commands.append(("C", ((mid, y0), (mid, y1), (x1, y1))))
        else:  # across a dummy's layer
            commands.append(("L", ((x1, y1),)))
    return commands
