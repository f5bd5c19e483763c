"""The simple temporal network: consistency, minimal conflicts, bounds, speed."""

from __future__ import annotations

import itertools
import random
from datetime import date

import pytest

from checker.reasoning.network import PUBLISHED, Conflict, Network

D = date.toordinal
INF = float("inf")


def day(text: str) -> int:
    return D(date.fromisoformat(text))


# --- consistent networks -------------------------------------------------------


def test_empty_network_is_consistent():
    net = Network()
    assert net.conflicts() == []
    assert net.is_consistent()
    assert len(net) == 0


def test_declared_variable_is_unbounded():
    net = Network()
    net.add_variable("x")
    assert "x" in net
    assert net.bounds("x") == (None, None)


def test_unknown_variable_bounds_raise():
    with pytest.raises(KeyError, match="unknown variable 'nope'"):
        Network().bounds("nope")


def test_consistent_chain_tightens_bounds():
    net = Network()
    net.add_domain("election", day("2020-11-03"), day("2020-11-03"), "election date")
    net.add_difference("election", "inauguration", 1, 90, "within 90 days")
    net.add_domain("inauguration", day("2021-01-01"), None, "in 2021")
    assert net.conflicts() == []
    assert net.bounds("inauguration") == (day("2021-01-01"), day("2020-11-03") + 90)
    assert net.bounds("election") == (day("2020-11-03"), day("2020-11-03"))


def test_bounds_follow_differences_backwards():
    net = Network()
    net.add_domain("b", 100, 110, "b")
    net.add_difference("a", "b", 5, 7, "b is 5-7 days after a")
    assert net.bounds("a") == (93, 105)


def test_equal_bounds_are_consistent():
    net = Network()
    net.add_domain("a", 5, 5, "a")
    net.add_difference("a", "b", 0, 0, "same day")
    net.add_domain("b", 5, 5, "b")
    assert net.is_consistent()


def test_publication_date_inferred_from_past_tense():
    """Undated document: earliest publication consistent with what is told as past."""
    net = Network()
    net.add_variable(PUBLISHED)
    for name, when in [("elected", "2024-11-05"), ("sworn", "2025-01-20"), ("born", "1946-06-14")]:
        net.add_domain(name, day(when), day(when), f"{name} date")
        net.add_difference(name, PUBLISHED, 0, None, f"{name} told in the past")
    assert net.bounds(PUBLISHED) == (day("2025-01-20"), None)
    assert net.is_consistent()


# --- conflicts -----------------------------------------------------------------


def test_reversed_domain_is_a_conflict_of_one_statement():
    net = Network()
    net.add_domain("range", 20, 10, "from 2014 to 2012")
    (conflict,) = net.conflicts()
    assert conflict.reasons == ("from 2014 to 2012",)
    assert conflict.excess == 10


def test_two_constraint_conflict_order():
    net = Network()
    net.add_difference("birth", "death", 0, None, "death after birth")
    net.add_difference("death", "birth", 1, None, "birth after death")
    (conflict,) = net.conflicts()
    assert conflict.reasons == ("death after birth", "birth after death")
    assert conflict.variables == ("birth", "death")
    assert conflict.excess == 1


def test_two_domains_on_one_event_conflict():
    net = Network()
    net.add_domain("opening", day("2019-05-03"), day("2019-05-03"), "opened May 3")
    net.add_domain("opening", day("2019-05-05"), day("2019-05-05"), "opened May 5")
    (conflict,) = net.conflicts()
    assert conflict.reasons == ("opened May 3", "opened May 5")
    assert conflict.variables == ("opening",)
    assert conflict.excess == 2


def test_anachronism_three_statements():
    net = Network()
    net.add_domain(PUBLISHED, day("2024-12-20"), day("2024-12-20"), "published")
    net.add_domain("sworn", day("2025-01-20"), day("2025-01-20"), "January 20, 2025")
    net.add_difference("sworn", PUBLISHED, 0, None, "was sworn (past)")
    (conflict,) = net.conflicts()
    assert conflict.reasons == ("published", "January 20, 2025", "was sworn (past)")
    assert conflict.variables == (PUBLISHED, "sworn")
    assert conflict.excess == 31
    assert isinstance(conflict, Conflict)


def test_three_statement_cycle_reported_with_exactly_those_reasons():
    net = Network()
    net.add_domain("noise", 0, 1000, "unrelated")
    net.add_difference("a", "b", 1, None, "b after a")
    net.add_difference("b", "c", 1, None, "c after b")
    net.add_difference("noise", "a", 0, None, "a after noise")
    net.add_difference("c", "a", 1, None, "a after c")
    (conflict,) = net.conflicts()
    assert conflict.reasons == ("b after a", "c after b", "a after c")
    assert conflict.variables == ("a", "b", "c")
    assert conflict.excess == 3


def test_duration_mismatch():
    """'In 2010 ... Three years later, in 2015': offset and endpoints disagree."""
    net = Network()
    net.add_domain("first", day("2010-01-01"), day("2010-12-31"), "in 2010")
    net.add_domain("second", day("2015-01-01"), day("2015-12-31"), "in 2015")
    net.add_difference("first", "second", 3 * 365, 3 * 366, "three years later")
    (conflict,) = net.conflicts()
    assert conflict.reasons == ("in 2010", "in 2015", "three years later")


def test_unbounded_sides_never_conflict_alone():
    net = Network()
    net.add_domain("a", None, 10, "before 10")
    net.add_domain("b", 5, None, "after 5")
    net.add_difference("a", "b", None, None, "no information")
    net.add_difference("b", "a", 0, None, "a not before b")
    assert net.is_consistent()
    assert net.bounds("a") == (5, 10)
    assert net.bounds("b") == (5, 10)


def test_unbounded_sides_in_a_conflict():
    net = Network()
    net.add_domain("a", None, 10, "a by 10")
    net.add_domain("b", 15, None, "b from 15")
    net.add_difference("b", "a", 0, None, "a not before b")
    (conflict,) = net.conflicts()
    assert conflict.reasons == ("a by 10", "b from 15", "a not before b")
    assert conflict.excess == 5


def test_several_independent_conflicts():
    net = Network()
    for k in range(3):
        net.add_domain(f"x{k}", 10 * k, 10 * k, f"x{k} date")
        net.add_domain(f"y{k}", 10 * k + 5, 10 * k + 5, f"y{k} date")
        net.add_difference(f"y{k}", f"x{k}", 0, None, f"x{k} not before y{k}")
    conflicts = net.conflicts()
    assert [c.reasons for c in conflicts] == [(f"x{k} date", f"y{k} date", f"x{k} not before y{k}") for k in range(3)]
    assert [c.excess for c in conflicts] == [5, 5, 5]


@pytest.mark.parametrize("wrong_strength, expected", [(0, 1), (1, 2)])
def test_one_wrong_statement_against_many_gives_few_conflicts(wrong_strength, expected):
    """A date clashing with several statements is blamed once, not once per partner.

    Weaker than the rest, it is set aside at once; as strong as the rest but
    added first, it is set aside as soon as a second conflict shows it again.
    """
    net = Network()
    net.add_domain("opening", 100, 100, "wrong date", strength=wrong_strength)
    for k in range(6):
        net.add_domain(f"e{k}", 10 + k, 10 + k, f"event {k}", strength=1)
        net.add_difference(f"e{k}", "opening", 0, 50, f"opening within 50 days of event {k}", strength=1)
    conflicts = net.conflicts()
    assert len(conflicts) == expected
    assert all("wrong date" in c.reasons for c in conflicts)
    assert conflicts[-1].blamed == "wrong date"


def test_strength_decides_what_is_set_aside():
    net = Network()
    net.add_domain(PUBLISHED, 100, 100, "published", strength=2)
    net.add_domain("e", 120, 120, "explicit date", strength=1)
    net.add_difference("e", PUBLISHED, 0, None, "past tense (inferred)", strength=0)
    (conflict,) = net.conflicts()
    assert conflict.blamed == "past tense (inferred)"
    assert net.bounds("e") == (120, 120)
    assert net.bounds(PUBLISHED) == (100, 100)


def test_last_added_is_set_aside_by_default():
    net = Network()
    net.add_domain("e", 10, 10, "first")
    net.add_domain("e", 12, 12, "second")
    (conflict,) = net.conflicts()
    assert conflict.blamed == "second"
    assert net.bounds("e") == (10, 10)


def test_conflict_limit():
    net = Network(max_conflicts=2)
    for k in range(5):
        net.add_domain(("v", k), 10, 0, ("reversed", k))
    conflicts = net.conflicts()
    assert [c.reasons for c in conflicts] == [(("reversed", 0),), (("reversed", 1),)]
    assert net.bounds(("v", 4)) == (10, None) or net.bounds(("v", 4)) == (None, 0)


def test_shortest_conflict_preferred():
    """A long chain and a direct statement both contradict; the short one is shown."""
    net = Network()
    names = [f"n{k}" for k in range(8)]
    for a, b in itertools.pairwise(names):
        net.add_difference(a, b, 1, None, f"{b} after {a}")
    net.add_domain(names[0], 50, 50, "start date")
    net.add_domain(names[-1], 40, 40, "end date")
    net.add_difference(names[-1], names[0], None, None, "unrelated")
    net.add_difference(names[6], names[7], None, -1, f"{names[7]} before {names[6]}")
    conflicts = net.conflicts()
    assert conflicts[0].reasons == (f"{names[7]} after {names[6]}", f"{names[7]} before {names[6]}")


def test_results_recomputed_after_change():
    net = Network()
    net.add_domain("a", 0, 10, "a")
    assert net.is_consistent()
    net.add_domain("a", 20, 30, "a again")
    assert not net.is_consistent()


def test_deterministic_across_hash_seeds():
    """String keys must not make the output depend on hash randomisation."""

    def run() -> list[tuple]:
        net = Network()
        for k in range(30):
            net.add_domain(f"k{k}", k, k + 3, f"d{k}")
        for k in range(29):
            net.add_difference(f"k{k + 1}", f"k{k}", 2, None, f"c{k}")
        return [c.reasons for c in net.conflicts()]

    first = run()
    assert first
    assert all(run() == first for _ in range(3))


# --- cross-check against brute force on small random networks ------------------


def _random_network(rnd: random.Random, n_vars: int, n_cons: int):
    cons = []
    for k in range(n_cons):
        i, j = sorted(rnd.sample(range(-1, n_vars), 2), key=lambda v: v != -1)  # -1: a domain
        lo = rnd.choice([None, rnd.randint(-20, 20)])
        hi = rnd.choice([None, rnd.randint(-20, 20)])
        if lo is not None and hi is not None and lo > hi:
            lo, hi = hi, lo
        cons.append((i, j, lo, hi, k))
    return cons


def _build(cons) -> Network:
    net = Network(max_conflicts=100)
    for i, j, lo, hi, k in cons:
        if i == -1:
            net.add_domain(j, lo, hi, k)
        else:
            net.add_difference(i, j, lo, hi, k)
    return net


def _floyd(cons, n_vars: int):
    """All-pairs shortest distances on the distance graph; node n_vars is the origin."""
    n = n_vars + 1
    dist = [[0 if a == b else INF for b in range(n)] for a in range(n)]
    for i, j, lo, hi, _ in cons:
        i = n_vars if i == -1 else i
        if hi is not None:
            dist[i][j] = min(dist[i][j], hi)
        if lo is not None:
            dist[j][i] = min(dist[j][i], -lo)
    for k, a, b in itertools.product(range(n), repeat=3):
        if dist[a][k] + dist[k][b] < dist[a][b]:
            dist[a][b] = dist[a][k] + dist[k][b]
    return dist


def _fewest_statements_in_a_conflict(cons) -> int:
    for size in range(1, len(cons) + 1):
        for subset in itertools.combinations(cons, size):
            if not _build(subset).is_consistent():
                return size
    raise AssertionError("consistent")


@pytest.mark.parametrize("seed", range(150))
def test_random_networks_match_brute_force(seed):
    rnd = random.Random(seed)
    n_vars = rnd.randint(1, 5)
    cons = _random_network(rnd, n_vars, rnd.randint(1, 8))
    net = _build(cons)
    dist = _floyd(cons, n_vars)
    consistent = all(dist[a][a] >= 0 for a in range(n_vars + 1))
    assert net.is_consistent() == consistent
    if consistent:
        for v in {c[1] for c in cons} | {c[0] for c in cons if c[0] >= 0}:
            earliest, latest = net.bounds(v)
            assert (earliest if earliest is not None else -INF) == -dist[v][n_vars]
            assert (latest if latest is not None else INF) == dist[n_vars][v]
        return
    conflicts = net.conflicts()
    by_label = {c[4]: c for c in cons}
    for conflict in conflicts:
        chosen = [by_label[k] for k in conflict.reasons]
        assert list(conflict.reasons) == sorted(conflict.reasons)
        assert not _build(chosen).is_consistent()
        for k in range(len(chosen)):  # minimal: every statement is needed
            assert _build(chosen[:k] + chosen[k + 1 :]).is_consistent()
    assert len(conflicts[0].reasons) == _fewest_statements_in_a_conflict(cons)


# --- speed -----------------------------------------------------------------------


def _large_network(seed: int, wrong: int) -> Network:
    rnd = random.Random(seed)
    net = Network()
    base = [rnd.randint(700_000, 740_000) for _ in range(500)]
    for v in range(0, 500, 2):
        net.add_domain(v, base[v] - rnd.randint(0, 30), base[v] + rnd.randint(0, 30), ("d", v), 1)
    for c in range(1750):
        i, j = rnd.randrange(500), rnd.randrange(500)
        d = base[j] - base[i] + (500 if c < wrong else 0)
        net.add_difference(i, j, d - rnd.randint(0, 50), d + rnd.randint(0, 50), ("c", c))
    return net


@pytest.mark.parametrize("wrong", [0, 2])
def test_500_variables_2000_constraints(wrong):
    """Conflicts found exactly when planted (benchmarks/reasoning_cost.py times networks this size)."""
    for seed in range(3):
        net = _large_network(seed, wrong)
        conflicts = net.conflicts()
        bounds = [net.bounds(v) for v in range(500)]
        assert all(lo is None or hi is None or lo <= hi for lo, hi in bounds)  # conflicts set aside
        assert bool(conflicts) == bool(wrong)


def test_long_conflict_in_a_large_network_stays_fast():
    """A 200-statement chain closed by a wrong order: found whole."""
    rnd = random.Random(5)
    net = Network()
    for k in range(199):
        net.add_difference(k, k + 1, 10, 20, ("chain", k))
    for c in range(2000):
        net.add_difference(rnd.randrange(500), rnd.randrange(500), -(10**5), 10**5, ("loose", c))
    net.add_difference(199, 0, 0, None, "wrong")
    (conflict,) = net.conflicts()
    assert conflict.reasons == (*(("chain", k) for k in range(199)), "wrong")
    assert conflict.excess == 199 * 10
