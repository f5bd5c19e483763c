"""Worst-case time per input size, on inputs built to make the checker do superlinear work.

Run: python benchmarks/backtracking.py [--sizes 1000 10000 100000] [--bar 12] [--only tagger|hostile]
     [--repeat 3] [--timeout 120]

Two groups of families, by input shape:

- ``tagger``: a unit that almost matches a date pattern ("May May May", "2024, 2024, ",
  "1, 2, 3, ...") repeated up to each size; the tagger runs on the blank tokenizer
  (tokenization is not timed).
- ``hostile``: the shapes an adversarial run found, each a whole check of one document
  (reading its format, the NLP pass, the rules, the suppression directives): runs of mixed
  punctuation, an endless "the 1990s and ..." list, an unclosed ``<!-- chronolint-disable``,
  repeated unclosed ``<a href=`` in HTML, a reST ``:a:a:a`` run, YAML aliases under a date key,
  a thousand ``chronolint: ignore`` lines; and, for comparison, dense plain text: one event's
  date stated hundreds of times (the reasoning ties each of them to the others), one person's
  birth and age stated hundreds of times, the lives of hundreds of people, a pack's person named
  by surname in claim after claim.

Each of ``--repeat`` fresh processes loads the model, runs every family once on a few characters
(lazy imports, caches of the short units), freezes its heap, then measures every family at every size once, so
that no run re-checks a text an earlier run has left in spaCy's caches. The script prints, per
family and size, the median CPU milliseconds of the runs (wall time on a machine shared with
other jobs measures the others) and the time ratio between successive sizes: linear work shows
~10 for 10 times the input, quadratic ~100. The verdict compares the worst ratio with ``--bar``
(12: timer noise on small sizes) and names the run that printed nothing for ``--timeout`` wall
seconds (a hang: the process is killed, no more are started); it never fails on timing (exit 0):
a busy machine must not turn it red. ``tests/test_robustness.py`` and ``tests/test_adversarial.py``
run the same shapes for soundness only.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import queue
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TextIO

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker import nlp, timex

PUBLISHED = date(2025, 3, 10)
WARM_UP_SIZE = 100
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


def _name(n: int) -> str:
    """A made-up name of its own for each positive number ("Bb", "Bc", ..., "Bab")."""
    letters = []
    while n:
        n, r = divmod(n, 26)
        letters.append(chr(97 + r))
    return "B" + "".join(letters)


def _lives(size: int) -> str:
    """Lives of different people, each born and dead in a stated year (an order constraint each)."""
    lives = (f"{_name(n)} Smith was born in {1900 + n % 50} and died in {1960 + n % 50}. " for n in itertools.count(1))
    return "".join(itertools.islice(lives, size // 40 + 1))[:size]


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
    # and every birth may be the birth of every age, every life ordered against every other, every
    # surname a search for its other bearers
    "one person's ages": (
        repeated("John Smith was born in 1950. John Smith, 42, said in 2020 that he was 70. "),
        "text",
    ),
    "many lives": (_lives, "text"),
    "one person by surname": (repeated("President Obama said in 2010 that Biden, 67, was born in 1942. "), "text"),
}


def check_ms(name: str, size: int) -> float:
    """CPU time of reading hostile family ``name`` at ``size`` and checking it (every rule), in ms."""
    from checker.app.session import check_document
    from checker.source import read_text

    build, fmt = HOSTILE[name]
    text = build(size)
    start = time.process_time()
    check_document(read_text(text, path=f"bench.{fmt}", fmt=fmt))
    return (time.process_time() - start) * 1000


def tag_ms(name: str, size: int) -> float:
    """CPU time of the tagger on tagger family ``name`` at ``size`` (tokenization untimed), in ms."""
    doc = nlp.tokenizer()(FAMILIES[name](size))
    start = time.process_time()
    timex.tag(doc, PUBLISHED)
    return (time.process_time() - start) * 1000


def warm_up() -> None:
    """Load the model and run every family once on a few characters, so that no run pays for what
    a long-running process does once (the model, lazy imports such as sympy's ~0.4 s behind the
    pack rules); then the heap is frozen, so that a full collection during a run walks what the run
    allocated, not the model (~60 ms that would fall on one size and not the one before)."""
    nlp.load()
    for name in FAMILIES:
        tag_ms(name, WARM_UP_SIZE)
    for name in HOSTILE:
        check_ms(name, WARM_UP_SIZE)
    gc.collect()
    gc.freeze()


GROUPS: dict[str, tuple[str, Callable[[str, int], float], Collection[str]]] = {
    "tagger": ("tagger family", tag_ms, FAMILIES),
    "hostile": ("hostile family (check)", check_ms, HOSTILE),
}
Cell = tuple[str, str, int]  # (group, family, size)


def plan(groups: Iterable[str], sizes: Iterable[int]) -> list[Cell]:
    """Every family of ``groups`` at every size, in the order they are measured and printed."""
    return [(group, name, size) for group in groups for name in GROUPS[group][2] for size in sizes]


def child(cells: Iterable[Cell], out: TextIO) -> None:
    """Each cell measured once, after the warm-up, as a JSON line: no run re-checks a text whose
    tokens spaCy has cached (a re-check is ~3x faster on a run of blanked punctuation, and a best
    of warm re-runs against one cold run once made linear work look superlinear)."""
    warm_up()
    for group, name, size in cells:
        gc.collect()  # the previous run's garbage is not this one's work
        print(json.dumps([group, name, size, GROUPS[group][1](name, size)]), file=out, flush=True)


def fresh_run(command: list[str], timeout: float) -> Iterator[tuple[Cell, float] | None]:
    """The measurements one fresh ``command`` process prints, as it prints them; None, and the
    process killed, when no line came for ``timeout`` seconds of wall time (a hang)."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=_pump, args=(process.stdout, lines), daemon=True).start()
        while line := _next_line(lines, timeout):
            group, name, size, ms = json.loads(line)
            yield (group, name, size), ms
        if line is None:
            process.kill()
            yield None
        elif process.wait():
            raise RuntimeError(f"the measuring process failed (exit {process.returncode})")


def _pump(stream: TextIO, lines: queue.Queue[str]) -> None:
    """The child's lines onto a queue ("" at the end): a queue can be waited on with a timeout."""
    for line in stream:
        lines.put(line)
    lines.put("")


def _next_line(lines: queue.Queue[str], timeout: float) -> str | None:
    """The next line ("" at the end), or None after ``timeout`` seconds without one."""
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        return None


def measure(
    cells: list[Cell], command: list[str], repeat: int, timeout: float
) -> tuple[dict[Cell, list[float]], Cell | None]:
    """CPU milliseconds of each cell in each of ``repeat`` fresh processes, and the cell that hung
    (then no more processes are started)."""
    runs: dict[Cell, list[float]] = {cell: [] for cell in cells}
    for process in range(1, repeat + 1):
        done = 0
        for measured in fresh_run(command, timeout):
            if measured is None:
                return runs, cells[done]
            runs[measured[0]].append(measured[1])
            done += 1
        print(f"process {process} of {repeat}: {done} runs", file=sys.stderr, flush=True)
    return runs, None


def _table(title: str, cells: list[Cell], runs: dict[Cell, list[float]], hung: Cell | None) -> float:
    """Print one group's median times and their ratios; the worst ratio scaled to 10x the input."""
    sizes = list(dict.fromkeys(size for _, _, size in cells))
    header = "".join(f"{s:>11,}" for s in sizes) + "".join(f"{f'x{b // a}':>9}" for a, b in itertools.pairwise(sizes))
    print(f"{title:<24}{header}   (CPU ms, median of the runs; time ratios)")
    worst = 0.0
    for row in (cells[i : i + len(sizes)] for i in range(0, len(cells), len(sizes))):
        times = [statistics.median(runs[cell]) if runs[cell] else None for cell in row]
        ratios = [None if None in (a, b) else b / max(a, FLOOR_MS) for a, b in itertools.pairwise(times)]
        steps = [y // x for x, y in itertools.pairwise(sizes)]
        worst = max([worst, *(r * 10 / step for r, step in zip(ratios, steps, strict=True) if r is not None)])
        shown = ["hang" if cell == hung else _number(t) for cell, t in zip(row, times, strict=True)]
        print(f"{row[0][1]:<24}" + "".join(f"{t:>11}" for t in shown) + "".join(f"{_number(r):>9}" for r in ratios))
    return worst


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--bar", type=float, default=12.0, help="largest time ratio for 10x the input")
    parser.add_argument("--only", choices=tuple(GROUPS), help="one group of families")
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes, each running every size once")
    parser.add_argument("--timeout", type=float, default=120.0, help="wall seconds without a result: a hang")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    groups = [args.only] if args.only else list(GROUPS)
    if args.child:
        child(plan(groups, sizes), sys.stdout)
        return 0
    only = ["--only", args.only] if args.only else []
    command = [sys.executable, __file__, "--child", "--sizes", *map(str, sizes), *only]
    runs, hung = measure(plan(groups, sizes), command, args.repeat, args.timeout)
    worst = max(_table(GROUPS[g][0], plan([g], sizes), runs, hung) for g in groups)
    verdict = "linear" if worst <= args.bar else "SUPERLINEAR"
    hang = f"HANG: {hung[1]} at {hung[2]:,} characters, nothing for {args.timeout:g} s" if hung else "no hang"
    print(f"worst ratio per 10x input: {worst:.1f} ({verdict}; bar {args.bar}; {hang}; timing never fails this script)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
