"""What the reasoning layer costs: sympy expressions and the temporal network.

Run: python benchmarks/reasoning_cost.py [--budget-ms 20]

Prints microseconds per parse (cold and cached), evaluate, linearize and
implied_bounds over the constraints of the shipped packs (plus the examples of
the reasoning issue), milliseconds per network solve at document and
repository sizes, the once-per-process cost of importing sympy and parsing the
packs, and how many constraint checks per article fit in 10% of a check
budget (default 20 ms per article).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import sympy
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.knowledge.expressions.intervals import evaluate, implied_bounds  # noqa: E402
from checker.knowledge.expressions.linear import linearize  # noqa: E402
from checker.knowledge.expressions.normalised import parse  # noqa: E402
from checker.reasoning.network import PUBLISHED, Network  # noqa: E402

ISSUE_EXAMPLES = [
    "inauguration.date - election.date <= 90",
    "inauguration.year == election.year + 1",
    "age == year(event) - year(birth)",
    "inauguration.date == date(election.year + 1, 1, 20)",
    "inauguration > election",
    "death >= birth",
    "start <= end",
    "weekday(election.date) == 1",
]


def pack_expressions() -> list[str]:
    """Every expr/when of the packs in rules/, read as plain YAML."""
    found = []
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for constraint in (data or {}).get("constraints", []) if isinstance(data, dict) else []:
            found += [constraint[k] for k in ("expr", "when") if k in constraint]
    return list(dict.fromkeys(found + ISSUE_EXAMPLES))


def bindings_for(fields: tuple[str, ...], rnd: random.Random) -> dict[str, tuple[int, int]]:
    """Realistic intervals: a day, a month or a year for events, a number for fields."""
    bound = {}
    for name in fields:
        if "." in name:
            value = rnd.randint(0, 99)
            bound[name] = (value, value)
        else:
            start = date(rnd.randint(1900, 2025), 1, 1).toordinal() + rnd.randint(0, 364)
            bound[name] = (start, start + rnd.choice([0, 0, 30, 364]))
    return bound


def per_call_us(fn: Callable[[], object], repeat: int) -> float:
    """Best of 5 rounds of the mean CPU time per call, in microseconds.

    CPU time and the best round keep other processes on a shared machine out
    of the figure.
    """
    rounds = []
    for _ in range(5):
        start = time.process_time()
        for _ in range(repeat):
            fn()
        rounds.append((time.process_time() - start) / repeat * 1e6)
    return min(rounds)


def process_start_ms() -> tuple[float, float]:
    """In a fresh process: importing the module (sympy), then parsing every pack expression."""
    code = (
        "import sys, time; sys.path.insert(0, 'benchmarks'); t = time.perf_counter();"
        "import checker.expressions as e; t1 = time.perf_counter();"
        "from reasoning_cost import pack_expressions; texts = pack_expressions(); t2 = time.perf_counter();"
        "[e.parse(x) for x in texts]; t3 = time.perf_counter(); print(t1 - t, t3 - t2)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    imported, parsed = map(float, out.stdout.split())
    return imported * 1000, parsed * 1000


def expression_costs(texts: list[str]) -> dict[str, float]:
    rnd = random.Random(7)
    parse.cache_clear()
    sympy.core.cache.clear_cache()
    start = time.process_time()
    for text in texts:
        parse(text)
    cold = (time.process_time() - start) / len(texts) * 1e6
    constraints = [parse(t) for t in texts]
    cases = [(c, bindings_for(c.fields, rnd)) for c in constraints for _ in range(20)]
    evaluate_us = per_call_us(lambda: [evaluate(c, b) for c, b in cases], 50) / len(cases)
    target = [(c, c.fields[0], b) for c, b in cases]
    implied_us = per_call_us(lambda: [implied_bounds(c, f, b) for c, f, b in target], 50) / len(cases)
    return {
        "parse, new expression (us)": cold,
        "parse, cached (us)": per_call_us(lambda: [parse(t) for t in texts], 200) / len(texts),
        "linearize (us)": per_call_us(lambda: [linearize(c) for c in constraints], 200) / len(texts),
        "evaluate (us)": evaluate_us,
        "implied_bounds (us)": implied_us,
    }


def random_network(n_vars: int, n_constraints: int, wrong: int, seed: int) -> Network:
    """Dated events with consistent offsets between them, ``wrong`` of them shifted."""
    rnd = random.Random(seed)
    net = Network()
    days = [date(2000, 1, 1).toordinal() + rnd.randint(0, 9000) for _ in range(n_vars)]
    net.add_domain(PUBLISHED, max(days), max(days), "published", strength=2)
    for v in range(0, n_vars, 2):
        net.add_domain(v, days[v] - rnd.randint(0, 30), days[v] + rnd.randint(0, 30), ("date", v), 1)
        net.add_difference(v, PUBLISHED, 0, None, ("past tense", v))
    for c in range(n_constraints - n_vars):
        i, j = rnd.randrange(n_vars), rnd.randrange(n_vars)
        gap = days[j] - days[i] + (400 if c < wrong else 0)
        net.add_difference(i, j, gap - rnd.randint(0, 60), gap + rnd.randint(0, 60), ("relation", c))
    return net


def network_ms(n_vars: int, n_constraints: int, wrong: int) -> tuple[float, float]:
    """Median over 5 random networks of the best of 3 CPU times; mean conflicts found."""
    timings, conflicts = [], 0
    for seed in range(5):
        best = float("inf")
        for _ in range(3):
            net = random_network(n_vars, n_constraints, wrong, seed)
            start = time.process_time()
            found = len(net.conflicts())
            net.bounds(PUBLISHED)
            best = min(best, time.process_time() - start)
        timings.append(best * 1000)
        conflicts += found
    return statistics.median(timings), conflicts / 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--budget-ms", type=float, default=20.0, help="check time per article (ms)")
    args = parser.parse_args()
    texts = pack_expressions()
    imported, loaded = process_start_ms()
    print(f"sympy layer: {len(texts)} distinct expressions from rules/ and the issue")
    print(f"  once per process: import (sympy) {imported:.0f} ms, parse all {len(texts)} {loaded:.0f} ms")
    costs = expression_costs(texts)
    for name, value in costs.items():
        print(f"  {name:<28}{value:8.1f}")
    print("temporal network (conflicts + bounds), CPU time, median of 5 networks:")
    for n_vars, n_constraints, wrong in [(40, 80, 0), (40, 80, 1), (100, 300, 0), (500, 2000, 0), (500, 2000, 2)]:
        ms, found = network_ms(n_vars, n_constraints, wrong)
        print(f"  {n_vars:4} vars {n_constraints:5} constraints {wrong} wrong: {ms:7.2f} ms, {found:.1f} conflicts")
    budget_ms = args.budget_ms / 10 - network_ms(40, 80, 0)[0]
    per_check = costs["evaluate (us)"] + costs["implied_bounds (us)"]
    print(
        f"10% of {args.budget_ms:g} ms per article, less a 40-variable network, leaves room for "
        f"{budget_ms * 1000 / per_check:.0f} constraint checks (evaluate + implied_bounds) per article"
    )


if __name__ == "__main__":
    main()
