"""A simple temporal network (STN) over days, with conflict explanation.

Every variable is a point in time counted in days (``date.toordinal()``).
Constraints are differences ``lo <= t_j - t_i <= hi``; a domain
``earliest <= t <= latest`` is a difference from a hidden origin node fixed at
day 0. The network is consistent iff its distance graph (edge ``i -> j`` of
weight ``hi``, edge ``j -> i`` of weight ``-lo``) has no negative cycle, and
the constraints on a negative cycle are a minimal set of statements that
cannot all be true: that is what a finding reports.

Pure Python, no dependencies; networks are per document or per repository
(hundreds of variables), so a queue-based Bellman-Ford is plenty.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from enum import Enum

ORIGIN = 0  # node index of the day-0 reference point


class Special(Enum):
    """Variables the pipeline shares; kept apart from callers' own keys."""

    PUBLISHED = "published"

    def __repr__(self) -> str:
        return f"<{self.value}>"


PUBLISHED = Special.PUBLISHED


@dataclass(frozen=True)
class Conflict:
    """Constraints that cannot hold together (the edges of one negative cycle).

    ``reasons`` are the labels given to the constraints, in the order the
    constraints were added; ``variables`` the variables on the cycle in the
    order they were first used; ``excess`` the number of days by which the
    statements miss each other (> 0), handy for messages like "31 days after";
    ``blamed`` the reason of the constraint set aside to look for further
    conflicts (the weakest, the most conflicting, the last added): the likely
    culprit, a natural primary span for a finding.
    """

    reasons: tuple[Hashable, ...]
    variables: tuple[Hashable, ...]
    excess: int
    blamed: Hashable


@dataclass(frozen=True)
class _Constraint:
    reason: Hashable
    strength: int


@dataclass(frozen=True)
class _Edge:
    """``t_dst - t_src <= weight``, one side of constraint ``cid``."""

    src: int
    dst: int
    weight: int
    cid: int


Adjacency = list[dict[int, tuple[int, int]]]  # node -> {other node: (weight, edge id)}


class Network:
    """Difference constraints between time points, checked for consistency.

    Add constraints, then ask for ``conflicts()`` and ``bounds(var)``; results
    are computed once and recomputed only after the network changes.
    Every output is in a deterministic order (insertion order, never hashes).
    """

    def __init__(self, max_conflicts: int = 20) -> None:
        self.max_conflicts = max_conflicts
        self._nodes: dict[Hashable, int] = {}
        self._keys: list[Hashable] = [None]  # node -> variable; 0 is the origin
        self._edges: list[_Edge] = []
        self._constraints: list[_Constraint] = []
        self._solution: _Solution | None = None
        self._conflicts: tuple[Conflict, ...] | None = None  # found without the bounds' full solve

    def __len__(self) -> int:
        """Number of variables (the origin not included)."""
        return len(self._keys) - 1

    def __contains__(self, var: Hashable) -> bool:
        return var in self._nodes

    def add_variable(self, var: Hashable) -> None:
        """Declare a variable without constraining it (bounds() then works on it)."""
        self._node(var)

    def add_domain(
        self,
        var: Hashable,
        earliest: int | None,
        latest: int | None,
        reason: Hashable,
        strength: int = 0,
    ) -> None:
        """Constrain ``earliest <= t_var <= latest`` (None = open on that side)."""
        self.add_difference(_OriginKey, var, earliest, latest, reason, strength)

    def add_difference(
        self,
        i: Hashable,
        j: Hashable,
        lo: int | None,
        hi: int | None,
        reason: Hashable,
        strength: int = 0,
    ) -> None:
        """Constrain ``lo <= t_j - t_i <= hi`` in days (None = unbounded).

        ``reason`` is any label the caller wants back in a Conflict (a span, an
        id). ``strength`` ranks trust: of a conflict's constraints, the weakest
        (then the last added) is set aside before looking for the next
        conflict. ``lo > hi`` is allowed and is a conflict of its own.
        """
        src, dst = self._node(i), self._node(j)
        cid = len(self._constraints)
        self._constraints.append(_Constraint(reason, strength))
        if hi is not None:
            self._edges.append(_Edge(src, dst, int(hi), cid))
        if lo is not None:
            self._edges.append(_Edge(dst, src, -int(lo), cid))
        self._solution = None
        self._conflicts = None

    def conflicts(self) -> list[Conflict]:
        """Independent sets of conflicting constraints, at most ``max_conflicts``.

        After each conflict its weakest (then last-added) constraint side is
        set aside and the search repeats, so one bad statement usually yields
        one conflict.
        """
        if self._solution is not None:
            return list(self._solution.conflicts)
        if self._conflicts is None:
            args = (len(self._keys), self._edges, self._constraints, self._keys, self.max_conflicts)
            self._conflicts = _solve(*args, complete=False).conflicts
        return list(self._conflicts)

    def is_consistent(self) -> bool:
        return not self.conflicts()

    def bounds(self, var: Hashable) -> tuple[int | None, int | None]:
        """The tightest ``(earliest, latest)`` the constraints imply for ``var``.

        Computed on the network with the constraint sides blamed by
        ``conflicts()`` set aside, so it stays meaningful when there are
        conflicts. None = unbounded on that side.
        """
        if var not in self._nodes:
            raise KeyError(f"unknown variable {var!r}")
        node = self._nodes[var]
        solution = self._solve()
        to_node, from_node = solution.latest[node], solution.earliest[node]
        return (None if from_node is None else -from_node, to_node)

    def _node(self, var: Hashable) -> int:
        if var is _OriginKey:
            return ORIGIN
        node = self._nodes.get(var)
        if node is None:
            node = self._nodes[var] = len(self._keys)
            self._keys.append(var)
        return node

    def _solve(self) -> _Solution:
        if self._solution is None:
            self._solution = _solve(len(self._keys), self._edges, self._constraints, self._keys, self.max_conflicts)
        return self._solution


class _OriginKey:
    """Marker for the origin in ``add_difference``; never a variable."""


@dataclass(frozen=True)
class _Solution:
    conflicts: tuple[Conflict, ...]
    latest: list[int | None]  # shortest origin -> node distance
    earliest: list[int | None]  # shortest node -> origin distance


def _solve(
    n: int,
    edges: Sequence[_Edge],
    constraints: Sequence[_Constraint],
    keys: Sequence[Hashable],
    max_conflicts: int,
    complete: bool = True,
) -> _Solution:
    """Find conflicts one by one, setting aside the blamed side of each, then the bounds.

    Past ``max_conflicts`` the search only goes on to make the network consistent for the
    bounds; ``complete=False`` (conflicts wanted, not bounds) stops there, with the same
    conflicts: each depends only on the ones before it. A dense network (one event dated
    hundreds of times) has thousands of cycles to set aside, each a Bellman-Ford run.
    """
    active = [True] * len(edges)
    out: list[list[int]] = [[] for _ in range(n)]
    for e, edge in enumerate(edges):
        out[edge.src].append(e)
    adjacency = [_tightest(ids, edges, active) for ids in out]
    potential = [0] * n
    seen = [0] * len(constraints)  # conflicts each constraint was part of
    found: list[Conflict] = []
    while (cycle := _negative_cycle(potential, edges, adjacency)) is not None:
        if len(found) < max_conflicts:
            cycle = _shorten(cycle, edges, adjacency)
        for cid in {edges[e].cid for e in cycle}:
            seen[cid] += 1
        blamed = min(cycle, key=lambda e: _blame_rank(e, edges, constraints, seen))
        if len(found) < max_conflicts:
            found.append(_conflict(cycle, blamed, edges, constraints, keys))
        active[blamed] = False
        src = edges[blamed].src
        adjacency[src] = _tightest(out[src], edges, active)
        if not complete and len(found) >= max_conflicts:
            return _Solution(tuple(found), [], [])
    return _Solution(tuple(found), _distances(adjacency), _distances(_reversed(adjacency)))


def _blame_rank(
    e: int, edges: Sequence[_Edge], constraints: Sequence[_Constraint], seen: Sequence[int]
) -> tuple[int, int, int]:
    """Order for setting an edge aside: weakest, then in most conflicts, then last added.

    A wrong statement tends to clash with many others; blaming the one seen in
    most conflicts stops it from producing a conflict per partner.
    """
    cid = edges[e].cid
    return (constraints[cid].strength, -seen[cid], -e)


def _tightest(ids: Sequence[int], edges: Sequence[_Edge], active: Sequence[bool]) -> dict[int, tuple[int, int]]:
    """One node's out-edges, keeping only the tightest active edge per target.

    Ties go to the first-added edge, so blame lands on the earliest statement
    that says it.
    """
    best: dict[int, int] = {}
    for e in ids:
        if active[e]:
            kept = best.get(edges[e].dst)
            if kept is None or edges[e].weight < edges[kept].weight:
                best[edges[e].dst] = e
    return {edges[e].dst: (edges[e].weight, e) for e in sorted(best.values())}


def _negative_cycle(dist: list[int], edges: Sequence[_Edge], adjacency: Adjacency) -> list[int] | None:
    """Edge ids of some negative cycle, or None when the network is consistent.

    Queue-based Bellman-Ford from a virtual source tied to every node, starting
    from the potentials ``dist`` (updated in place, so a rerun after dropping an
    edge starts warm). Every n improvements the predecessor graph is searched
    for a cycle: such a cycle is always negative, and one appears whenever a
    negative cycle exists.
    """
    n = len(dist)
    pred = [-1] * n
    queued = [True] * n
    queue = deque(range(n))
    improvements = 0
    while queue:
        u = queue.popleft()
        queued[u] = False
        du = dist[u]
        for v, (w, e) in adjacency[u].items():
            if du + w < dist[v]:
                dist[v] = du + w
                pred[v] = e
                improvements += 1
                if improvements % n == 0:
                    cycle = _predecessor_cycle(pred, edges)
                    if cycle is not None:
                        return cycle
                if not queued[v]:
                    queued[v] = True
                    queue.append(v)
    return None


def _predecessor_cycle(pred: Sequence[int], edges: Sequence[_Edge]) -> list[int] | None:
    """A cycle of the predecessor graph as edge ids in path order, if any."""
    state = [0] * len(pred)  # 0 unseen, 1 on the current walk, 2 finished
    for start in range(len(pred)):
        path: list[int] = []
        node = start
        while state[node] == 0 and pred[node] >= 0:
            state[node] = 1
            path.append(node)
            node = edges[pred[node]].src
        if state[node] == 1:
            cycle_nodes = path[path.index(node) :]
            return [pred[v] for v in reversed(cycle_nodes)]
        for v in path:
            state[v] = 2
        state[node] = 2 if state[node] == 0 else state[node]
    return None


def _shorten(cycle: list[int], edges: Sequence[_Edge], adjacency: Adjacency) -> list[int]:
    """A negative cycle with as few edges as can be found cheaply.

    Exact for cycles of one or two edges anywhere (two statements that
    contradict each other) and, within a work budget proportional to the
    graph, for shorter cycles through the origin (dates) or through the nodes
    of ``cycle``. That covers what texts contain and yields the smallest set
    of statements to show the reader, in linear time even for long chains.
    """
    if len(cycle) <= 2:
        return cycle
    tiny = _tiny_cycle(adjacency)
    if tiny is not None:
        return tiny
    search = _CycleSearch(edges, adjacency)
    best = cycle
    for start in dict.fromkeys([ORIGIN, *(edges[e].src for e in cycle)]):
        if len(best) <= 3:
            break
        shorter = search.through(start, len(best) - 1)
        if shorter is not None:
            best = shorter
    return best


def _tiny_cycle(adjacency: Adjacency) -> list[int] | None:
    """A negative cycle of one or two edges, the first in node order."""
    for u, targets in enumerate(adjacency):
        for v, (w, e) in targets.items():
            if u == v and w < 0:
                return [e]
            back = adjacency[v].get(u)
            if back is not None and w + back[0] < 0:
                return [e, back[1]]
    return None


Layer = dict[int, tuple[int, int]]  # node -> (weight of the best walk, its last edge)


class _CycleSearch:
    """Fewest-edge negative cycles through a given node, within a budget of edge scans.

    Meet in the middle: walks of a edges out of the start and of b edges back
    into it (a + b = length, a - b <= 1) join at a common node; layers grow
    with depth, so two half-depth searches cost far less than one.
    """

    BUDGET_PER_EDGE = 4  # measured: larger budgets find no shorter conflicts in random networks
    MIN_BUDGET = 1000  # small networks are always searched in full

    def __init__(self, edges: Sequence[_Edge], adjacency: Adjacency) -> None:
        self.edges = edges
        self.adjacency = adjacency
        self.reverse = _reversed(adjacency)
        self.budget = max(self.MIN_BUDGET, self.BUDGET_PER_EDGE * sum(map(len, adjacency)))

    def through(self, start: int, max_len: int) -> list[int] | None:
        out: list[Layer] = [{start: (0, -1)}]
        back: list[Layer] = [{start: (0, -1)}]
        for length in range(1, max_len + 1):
            a, b = (length + 1) // 2, length // 2
            if len(out) <= a:
                out.append(self._next_layer(out[-1], self.adjacency))
            if len(back) <= b:
                back.append(self._next_layer(back[-1], self.reverse))
            if self.budget < 0:
                return None
            meeting = _meeting(out[a], back[b])
            if meeting is not None:
                walk = _trace(out[1 : a + 1], meeting, self.edges, forward=False)[::-1]
                walk += _trace(back[1 : b + 1], meeting, self.edges, forward=True)
                return _simple_negative_cycle(walk, self.edges)
        return None

    def _next_layer(self, layer: Layer, adjacency: Adjacency) -> Layer:
        """Best walks exactly one edge longer, with the edge used to reach each node."""
        following: Layer = {}
        for u, (du, _e) in layer.items():
            targets = adjacency[u]
            self.budget -= len(targets)
            for v, (w, e) in targets.items():
                d = du + w
                seen = following.get(v)
                if seen is None or d < seen[0]:
                    following[v] = (d, e)
        return following


def _meeting(out: Layer, back: Layer) -> int | None:
    """The node where an outgoing and a returning walk close a negative cycle, if any."""
    best, node = 0, None
    small, large = (out, back) if len(out) <= len(back) else (back, out)
    for v, (d, _e) in small.items():
        other = large.get(v)
        if other is not None and d + other[0] < best:
            best, node = d + other[0], v
    return node


def _trace(layers: Sequence[Layer], node: int, edges: Sequence[_Edge], forward: bool) -> list[int]:
    """Edge ids of the walk recorded in ``layers`` ending (or, backwards, starting) at ``node``."""
    walk = []
    for layer in reversed(layers):
        e = layer[node][1]
        walk.append(e)
        node = edges[e].dst if forward else edges[e].src
    return walk


def _reversed(adjacency: Adjacency) -> Adjacency:
    reverse: Adjacency = [{} for _ in adjacency]
    for u, targets in enumerate(adjacency):
        for v, edge in targets.items():
            reverse[v][u] = edge
    return reverse


def _simple_negative_cycle(walk: list[int], edges: Sequence[_Edge]) -> list[int]:
    """Split a negative closed walk into simple cycles; return the shortest negative one."""
    cycles: list[list[int]] = []
    stack: list[int] = []  # edge ids of the open path
    position = {edges[walk[0]].src: 0}  # node -> number of stack edges before it
    for e in walk:
        stack.append(e)
        node = edges[e].dst
        if node in position:
            cut = position[node]
            cycles.append(stack[cut:])
            for dropped in stack[cut:]:
                position.pop(edges[dropped].dst, None)
            del stack[cut:]
            position[node] = cut
        else:
            position[node] = len(stack)
    negative = [c for c in cycles if sum(edges[e].weight for e in c) < 0]
    return min(negative, key=len)


def _conflict(
    cycle: Sequence[int],
    blamed: int,
    edges: Sequence[_Edge],
    constraints: Sequence[_Constraint],
    keys: Sequence[Hashable],
) -> Conflict:
    cids = sorted({edges[e].cid for e in cycle})
    nodes = sorted({edges[e].src for e in cycle} - {ORIGIN})
    return Conflict(
        reasons=tuple(constraints[c].reason for c in cids),
        variables=tuple(keys[v] for v in nodes),
        excess=-sum(edges[e].weight for e in cycle),
        blamed=constraints[edges[blamed].cid].reason,
    )


def _distances(adjacency: Adjacency) -> list[int | None]:
    """Shortest distances from the origin (None = unreachable); graph must be consistent."""
    dist: list[int | None] = [None] * len(adjacency)
    dist[ORIGIN] = 0
    queued = [False] * len(adjacency)
    queue = deque([ORIGIN])
    while queue:
        u = queue.popleft()
        queued[u] = False
        du = dist[u]
        for v, (w, _e) in adjacency[u].items():
            dv = dist[v]
            if dv is None or du + w < dv:
                dist[v] = du + w
                if not queued[v]:
                    queued[v] = True
                    queue.append(v)
    return dist
