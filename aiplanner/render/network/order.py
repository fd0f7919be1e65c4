"""Crossing count and crossing reduction for a layered graph (see :mod:`aiplanner.render.network.layered`).

Layers are lists of node keys; ``lower[key]`` lists a node's neighbours in
the next layer and ``upper[key]`` those in the layer before (dummy nodes make
every link join adjacent layers).
"""

from __future__ import annotations

from bisect import bisect_right

__all__ = ["count_crossings", "reduce_crossings"]


def _inversions(values: list[int], size: int) -> int:
    """Pairs i < j with values[i] > values[j] (a Fenwick tree over 0 .. size-1)."""
    tree = [0] * (size + 1)
    seen = 0
    count = 0
    for v in values:
        i = v + 1
        not_above = 0
        while i > 0:  # how many seen so far are <= v
            not_above += tree[i]
            i -= i & -i
        count += seen - not_above
        i = v + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
        seen += 1
    return count


def count_crossings(layers: list[list[str]], lower: dict[str, list[str]]) -> int:
    """Crossings between the links of adjacent layers, in the given orders.

    >>> count_crossings([["a", "b"], ["c", "d"]], {"a": ["d"], "b": ["c"]})
    1
    >>> count_crossings([["a", "b"], ["c", "d"]], {"a": ["c"], "b": ["d"]})
    0
    """
    total = 0
    for k in range(len(layers) - 1):
        below = {key: i for i, key in enumerate(layers[k + 1])}
        pairs = sorted((i, below[v]) for i, u in enumerate(layers[k]) for v in lower.get(u, ()))
        total += _inversions([p for _, p in pairs], len(layers[k + 1]))
    return total


def _reorder(layer: list[str], fixed: list[str], neighbours: dict[str, list[str]]) -> list[str]:
    """``layer`` sorted by the median (then mean) position of each node's
    neighbours in ``fixed``; nodes without neighbours keep their slots."""
    pos = {key: i for i, key in enumerate(fixed)}
    keyed = []
    free = []
    for i, key in enumerate(layer):
        near = sorted(pos[n] for n in neighbours.get(key, ()) if n in pos)
        if not near:
            free.append(i)
            continue
        m = len(near)
        median = near[m // 2] if m % 2 else (near[m // 2 - 1] + near[m // 2]) / 2
        keyed.append((median, sum(near) / m, i, key))
    keyed.sort()
    out: list[str | None] = [None] * len(layer)
    for i in free:
        out[i] = layer[i]
    moving = iter(k[3] for k in keyed)
    return [key if key is not None else next(moving) for key in out]


def _pair_crossings(a: list[int], b: list[int]) -> int:
    """Crossings of a's links with b's when a sits above b (both sorted positions)."""
    if not a or not b:
        return 0
    n = len(a)
    if len(b) == 1:  # most boxes have one or two links a side: no generator for them
        return n - bisect_right(a, b[0])
    if n == 1:
        return sum(1 for q in b if q < a[0])
    return sum(n - bisect_right(a, q) for q in b)


def _transpose(layers: list[list[str]], upper, lower) -> None:
    """Swap neighbours within a layer while that removes crossings (in place)."""
    for _ in range(4):
        improved = False
        for k, layer in enumerate(layers):
            above = {key: i for i, key in enumerate(layers[k - 1])} if k > 0 else {}
            below = {key: i for i, key in enumerate(layers[k + 1])} if k + 1 < len(layers) else {}

            def sides(key):
                return (sorted(above[n] for n in upper.get(key, ()) if n in above),
                        sorted(below[n] for n in lower.get(key, ()) if n in below))

            cache = {key: sides(key) for key in layer}
            for i in range(len(layer) - 1):
                (ua, la), (ub, lb) = cache[layer[i]], cache[layer[i + 1]]
                now = _pair_crossings(ua, ub) + _pair_crossings(la, lb)
                swapped = _pair_crossings(ub, ua) + _pair_crossings(lb, la)
                if swapped < now:
                    layer[i], layer[i + 1] = layer[i + 1], layer[i]
                    improved = True
        if not improved:
            break


def reduce_crossings(layers: list[list[str]], upper: dict[str, list[str]], lower: dict[str, list[str]],
                     sweeps: int = 12) -> list[list[str]]:
    """A new ordering of ``layers`` with fewer crossings: the better of sweeping
    from the left first and from the right first (each keeps its best sweep).

    Deterministic: ties fall back to the current order, then to left-first.
    """
    left = _sweep(layers, upper, lower, sweeps)
    right = _sweep(layers[::-1], lower, upper, sweeps)[::-1]  # the same sweeps, mirrored
    return right if count_crossings(right, lower) < count_crossings(left, lower) else left


def _sweep(layers: list[list[str]], upper: dict[str, list[str]], lower: dict[str, list[str]],
           sweeps: int) -> list[list[str]]:
    current = [list(layer) for layer in layers]
    best = [list(layer) for layer in current]
    best_count = count_crossings(current, lower)
    stale = 0
    for sweep in range(sweeps):
        if best_count == 0 or stale >= 3:  # converged: three sweeps without a gain
            break
        if sweep % 2 == 0:
            for k in range(1, len(current)):
                current[k] = _reorder(current[k], current[k - 1], upper)
        else:
            for k in range(len(current) - 2, -1, -1):
                current[k] = _reorder(current[k], current[k + 1], lower)
        _transpose(current, upper, lower)
        found = count_crossings(current, lower)
        if found < best_count:
            best, best_count = [list(layer) for layer in current], found
            stale = 0
        else:
            stale += 1
    return best
