"""Worst-case tagger time per input size, on strings built to make regexes backtrack.

Run: python benchmarks/backtracking.py [--sizes 1000 10000 100000] [--max-ratio 30]

Each family repeats a unit that almost matches a date pattern ("May May May",
"2024, 2024, ", "1, 2, 3, ...") up to each size; the tagger runs on the blank
tokenizer (tokenization is not timed). Prints milliseconds per size and the time
ratio between successive sizes: a linear tagger shows ~10 for 10 times the text, a
quadratic one ~100. Exits 1 when a ratio exceeds ``--max-ratio`` (cache effects and
timer noise on the small sizes are why the bar is not 10). ``tests/test_robustness.py`` runs the
same families with only a generous time bound.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker import nlp, timex

PUBLISHED = date(2025, 3, 10)
FLOOR_MS = 1.0  # below a millisecond, timer noise would make ratios meaningless


def repeated(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


FAMILIES: dict[str, Callable[[int], str]] = {
    "digits": repeated("1234567890"),
    "digits and spaces": repeated("12 "),
    "may may": repeated("May "),
    "january january": repeated("January "),
    "month day comma": repeated("March 4, "),
    "year comma": repeated("2024, "),
    "counting": repeated(", ".join(map(str, range(1, 32))) + ", "),  # 1, 2, 3, ... 31, 1, 2, ...
    "commas and spaces": repeated(", , ,  "),
    "the the": repeated("the "),
    "slashes": repeated("1/2/"),
    "dashes": repeated("12-"),
    "modifiers": repeated("early mid- late the end of "),
    "ago": repeated("3 years ago "),
    "weekday apposition": repeated("Monday, "),
    "from to": repeated("from 2009 to "),
    "iso date-times": repeated("2025-03-10T09:00 "),
}


def tag_ms(text: str, repeats: int = 1) -> float:
    """Best wall time of ``repeats`` runs of the tagger on ``text``, in milliseconds."""
    doc = nlp.tokenizer()(text)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        timex.tag(doc, PUBLISHED)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def measure(sizes: list[int]) -> dict[str, list[float]]:
    """Milliseconds per family and size (best of 3 below 100k characters, one run above)."""
    return {
        name: [tag_ms(build(size), repeats=3 if size < 100_000 else 1) for size in sizes]
        for name, build in FAMILIES.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--max-ratio", type=float, default=30.0, help="largest time ratio for 10x the text")
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    nlp.tokenizer()
    header = "".join(f"{s:>11,}" for s in sizes) + "".join(f"{f'x{b // a}':>9}" for a, b in itertools.pairwise(sizes))
    print(f"{'family':<20}{header}   (ms per size; time ratios)")
    worst = 0.0
    for name, times in measure(sizes).items():
        ratios = [b / max(a, FLOOR_MS) for a, b in itertools.pairwise(times)]
        scaled = [r * 10 / (y // x) for r, (x, y) in zip(ratios, itertools.pairwise(sizes))]  # as if 10x
        worst = max([worst, *scaled])
        print(f"{name:<20}" + "".join(f"{t:>11.1f}" for t in times) + "".join(f"{r:>9.1f}" for r in ratios))
    verdict = "linear" if worst <= args.max_ratio else "SUPERLINEAR"
    print(f"worst ratio per 10x text: {worst:.1f} ({verdict}; bar {args.max_ratio})")
    return 0 if worst <= args.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
