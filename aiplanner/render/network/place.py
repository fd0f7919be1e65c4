"""Vertical positions of a layered graph's nodes (see :mod:`aiplanner.render.network.layered`).

Each layer keeps its order; its positions are the weighted least-squares fit
to where its neighbours are, subject to each pair of neighbours in the layer
being at least their half-heights plus a gap apart. That problem is an
isotonic regression after shifting every node by the spacing above it, which
the pool-adjacent-violators algorithm solves exactly in linear time.
"""

from __future__ import annotations

__all__ = ["assign_rows", "fit_spaced"]

#: Link weights: a long link's straight run matters most, then the critical path.
REAL_REAL, REAL_DUMMY, DUMMY_DUMMY, CRITICAL = 1.0, 2.0, 8.0, 3.0


def fit_spaced(desired: list[float], weights: list[float], spacing: list[float]) -> list[float]:
    """Positions closest to ``desired`` (weighted squares) with
    ``y[i+1] - y[i] >= spacing[i]``.

    >>> fit_spaced([0.0, 0.0, 5.0], [1.0, 1.0, 1.0], [1.0, 1.0])
    [-0.5, 0.5, 5.0]
    """
    shift = [0.0]
    for s in spacing:
        shift.append(shift[-1] + s)
    blocks: list[list[float]] = []  # [total weight, weighted sum, count]
    for d, w, c in zip(desired, weights, shift):
        blocks.append([w, w * (d - c), 1])
        while len(blocks) > 1 and blocks[-2][1] * blocks[-1][0] >= blocks[-1][1] * blocks[-2][0]:
            w2, s2, n2 = blocks.pop()
            blocks[-1][0] += w2
            blocks[-1][1] += s2
            blocks[-1][2] += n2
    out = []
    for w, s, n in blocks:
        out.extend([s / w] * int(n))
    return [z + c for z, c in zip(out, shift)]


def assign_rows(layers: list[list[str]], upper: dict[str, list[str]], lower: dict[str, list[str]],
                sizes: dict[str, float], gap: float, critical: set[tuple[str, str]],
                passes: int = 6) -> dict[str, float]:
    """Centre row of every node, top of the drawing at 0."""
    def is_dummy(key: str) -> bool:
        return key.startswith("\0")

    def weight(a: str, b: str) -> float:
        w = DUMMY_DUMMY if is_dummy(a) and is_dummy(b) else REAL_DUMMY if is_dummy(a) or is_dummy(b) else REAL_REAL
        return w * CRITICAL if (a, b) in critical or (b, a) in critical else w

    def spacing(layer: list[str]) -> list[float]:
        return [(sizes[a] + sizes[b]) / 2 + (gap if not (is_dummy(a) and is_dummy(b)) else gap / 4)
                for a, b in zip(layer, layer[1:])]

    rows: dict[str, float] = {}
    spaces = [spacing(layer) for layer in layers]
    for layer, space in zip(layers, spaces):
        y = 0.0
        for i, key in enumerate(layer):
            y += space[i - 1] if i else 0.0
            rows[key] = y

    def settle(k: int, sides: tuple[dict[str, list[str]], ...]) -> None:
        layer = layers[k]
        desired, weights = [], []
        for key in layer:
            total = moment = 0.0
            for side in sides:
                for n in side.get(key, ()):
                    w = weight(key, n)
                    total += w
                    moment += w * rows[n]
            if total:
                desired.append(moment / total)
                weights.append(total)
            else:
                desired.append(rows[key])
                weights.append(0.05)  # no links this way: stay roughly put
        for key, y in zip(layer, fit_spaced(desired, weights, spaces[k])):
            rows[key] = y

    for p in range(passes):
        if p % 2 == 0:
            for k in range(1, len(layers)):
                settle(k, (upper,))
        else:
            for k in range(len(layers) - 2, -1, -1):
                settle(k, (lower,))
    for k in range(len(layers)):
        settle(k, (upper, lower))
    top = min((rows[key] - sizes[key] / 2 for key in rows), default=0.0)
    return {key: y - top for key, y in rows.items()}
