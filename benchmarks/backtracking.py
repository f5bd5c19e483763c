"""Worst-case time per input size, on inputs built to make the checker do superlinear work.

Run: python benchmarks/backtracking.py [--sizes 1000 10000 100000] [--bar 12] [--only tagger|hostile]

Two groups of families, by input shape:

- ``tagger``: a unit that almost matches a date pattern ("May May May", "2024, 2024, ",
  "1, 2, 3, ...") repeated up to each size; the tagger runs on the blank tokenizer
  (tokenization is not timed).
- ``hostile``: the shapes an adversarial run found, each a whole check of one document
  (reading its format, the NLP pass, the rules, the suppression directives): runs of mixed
  punctuation, an endless "the 1990s and ..." list, an unclosed ``<!-- chronolint-disable``,
  repeated unclosed ``<a href=`` in HTML, a reST ``:a:a:a`` run, YAML aliases under a date key,
  a thousand ``chronolint: ignore`` lines; and, for comparison, plain text stating one event's
  date hundreds of times (the reasoning relates every pair of them).

Prints CPU milliseconds per size (wall time on a machine shared with other jobs measures the
others) and the time ratio between successive sizes: linear work shows
~10 for 10 times the input, quadratic ~100. The verdict compares the worst ratio with ``--bar``
(12: cache effects and timer noise on small sizes); it never fails on timing (exit 0): a busy
machine must not turn it red. ``tests/test_robustness.py`` and ``tests/test_adversarial.py`` run
the same shapes for soundness only.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable, Iterable, Iterator
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


def _alias_bomb(size: int) -> str:
    """YAML front matter whose aliases make the date a list of 9**8 items, then prose."""
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    levels += [f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]" for p, c in zip("abcdefg", "bcdefgh", strict=True)]
    front = "---\n" + "\n".join(levels) + "\ndate: *h\n---\n"
    return front + repeated("The dam opened to traffic. ")(max(size - len(front), 0))


# (build, format): a whole document of about ``size`` characters
HOSTILE: dict[str, tuple[Callable[[int], str], str]] = {
    "dot comma runs": (repeated(".,"), "text"),
    "underscores": (repeated("_"), "text"),
    "dash underscore": (repeated("-_"), "text"),
    "1990s and ...": (repeated("the 1990s and "), "text"),
    "unclosed disable": (
        lambda n: "<!-- chronolint-disable\n" + repeated("On May 4, 2020, they met.\n")(n),
        "markdown",
    ),
    "disables, none closed": (repeated("<!-- chronolint-disable "), "markdown"),
    "ignore lines": (repeated("chronolint: ignore\nThe dam opened.\n"), "text"),
    "unclosed a href": (repeated("<a href="), "html"),
    "unclosed comments": (repeated("<!--"), "html"),
    "rst :a:a:a": (repeated(":a"), "rst"),
    "yaml alias bomb": (_alias_bomb, "markdown"),
    # not hostile, only dense: every date of one event is tied to every other in the reasoning
    "one event, many dates": (repeated("On May 4, 2020, the dam opened. "), "text"),
}


def check_ms(text: str, fmt: str) -> float:
    """CPU time of reading ``text`` as ``fmt`` and checking it (every rule), in milliseconds."""
    from checker.app.session import check_document
    from checker.source import read_text

    start = time.process_time()
    check_document(read_text(text, path=f"bench.{fmt}", fmt=fmt))
    return (time.process_time() - start) * 1000


def tag_ms(text: str, repeats: int = 1) -> float:
    """Best CPU time of ``repeats`` runs of the tagger on ``text``, in milliseconds."""
    doc = nlp.tokenizer()(text)
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        timex.tag(doc, PUBLISHED)
        best = min(best, time.process_time() - start)
    return best * 1000


def measure(sizes: list[int]) -> Iterator[tuple[str, list[float]]]:
    """Tagger milliseconds per family and size (best of 3 below 100k characters, one run above)."""
    for name, build in FAMILIES.items():
        yield name, [tag_ms(build(size), repeats=3 if size < 100_000 else 1) for size in sizes]


def measure_hostile(sizes: list[int]) -> Iterator[tuple[str, list[float]]]:
    """Whole-check milliseconds per hostile family and size (best of 2 below 100k characters)."""
    from checker import nlp

    nlp.load()
    check_ms("Warm-up on May 4, 2020.", "text")
    for name, (build, fmt) in HOSTILE.items():
        yield name, [min(check_ms(build(size), fmt) for _ in range(2 if size < 100_000 else 1)) for size in sizes]


def _table(title: str, sizes: list[int], results: Iterable[tuple[str, list[float]]]) -> float:
    """Print one group's times and ratios; the worst ratio scaled to 10x the input."""
    header = "".join(f"{s:>11,}" for s in sizes) + "".join(f"{f'x{b // a}':>9}" for a, b in itertools.pairwise(sizes))
    print(f"{title:<24}{header}   (ms per size; time ratios)")
    worst = 0.0
    for name, times in results:
        ratios = [b / max(a, FLOOR_MS) for a, b in itertools.pairwise(times)]
        scaled = [r * 10 / (y // x) for r, (x, y) in zip(ratios, itertools.pairwise(sizes), strict=True)]
        worst = max([worst, *scaled])
        print(f"{name:<24}" + "".join(f"{t:>11.1f}" for t in times) + "".join(f"{r:>9.1f}" for r in ratios),
              flush=True)  # fmt: skip
    return worst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--bar", type=float, default=12.0, help="largest time ratio for 10x the input")
    parser.add_argument("--only", choices=("tagger", "hostile"), help="one group of families")
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    worst = 0.0
    if args.only != "hostile":
        nlp.tokenizer()
        worst = max(worst, _table("tagger family", sizes, measure(sizes)))
    if args.only != "tagger":
        worst = max(worst, _table("hostile family (check)", sizes, measure_hostile(sizes)))
    verdict = "linear" if worst <= args.bar else "SUPERLINEAR"
    print(f"worst ratio per 10x input: {worst:.1f} ({verdict}; bar {args.bar}; timing never fails this script)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
