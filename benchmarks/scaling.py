"""Time and memory of one check as the text grows 10x at a time, for several text shapes.

Run: python benchmarks/scaling.py [--sizes 10000 100000 1000000] [--repeat 1] [--only SHAPE ...]

Each measurement is a fresh process that loads the model, warms up on one sentence, then
checks one document of the given size (reading its format, the NLP pass, every rule). It
reports the check's CPU time (the figure that survives a shared machine), its wall time and
the process's peak resident memory, and the memory the check added over the warmed-up
process. Shapes, all built from the real news of ../shared/data/news where text is needed:

- ``news``: articles concatenated in a fixed random order, one paragraph per article paragraph;
- ``table``: a Markdown table of dated rows (a date, a name, an event), hundreds of dates;
- ``paragraph``: the same news as one huge paragraph (no line breaks at all);
- ``short lines``: the same news wrapped at 40 columns (many short lines).

The ratios are between successive sizes (10x the input: linear work shows ~10, quadratic
~100), for CPU time and for the added memory (floored at ``FLOOR_MB`` so a few megabytes of
noise at the small size do not count). The verdict compares the worst ratio with ``--bar``
(12) and the peak memory of the largest size with ``--max-mb`` (1024); timing never fails
this script (exit 0).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

FLOOR_MB = 20.0  # added memory below this is allocator noise, not growth
FLOOR_S = 0.05  # CPU time below this is timer and start-up noise

# The child: load and warm up, then check one document read from stdin (JSON: text, format).
CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from checker import nlp
from checker.app.session import check_document
from checker.source import read_text

def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20

job = json.load(sys.stdin)
nlp.load()
check_document(read_text("The bridge opened on May 4, 2020.", path="warm.txt", fmt="text"))
before = rss_mb()
wall, cpu = time.perf_counter(), time.process_time()
found, _ = check_document(read_text(job["text"], path="bench." + job["format"], fmt=job["format"]))
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"cpu": cpu, "wall": wall, "peak": peak, "added": peak - before, "findings": len(found)}}))
"""


def _news_paragraphs() -> list[str]:
    """The paragraphs of the news, its articles in one fixed random order: every size then samples
    the whole corpus (in file order the first 100,000 characters hold fewer dated sentences per
    character than the first million, and the ratio measured the corpus, not the checker)."""
    from corpora import news

    articles = list(news())
    random.Random(0).shuffle(articles)
    return [p.strip() for a in articles for p in a.text.split("\n\n") if p.strip()]


def _cut(parts: Iterator[str], size: int, joiner: str) -> str:
    """Parts joined until ``size`` characters, the last part cut at a word boundary."""
    out: list[str] = []
    total = 0
    for part in parts:
        out.append(part)
        total += len(part) + len(joiner)
        if total >= size:
            break
    text = joiner.join(out)[:size]
    return text.rsplit(" ", 1)[0] if " " in text[-80:] else text


def news(size: int) -> str:
    return _cut(itertools.cycle(_news_paragraphs()), size, "\n\n")


def paragraph(size: int) -> str:
    return _cut((" ".join(p.split()) for p in itertools.cycle(_news_paragraphs())), size, " ")


def short_lines(size: int) -> str:
    return "\n".join(textwrap.wrap(news(size), 40))


def table(size: int) -> str:
    """A Markdown table: a date per row (days of many years), a person, an event."""
    events = ["took office", "was born", "resigned", "died", "was elected", "opened the bridge"]
    rows = ["| date | who | what |", "| --- | --- | --- |"]
    for i in itertools.count():
        year, month, day = 1800 + i % 220, 1 + i % 12, 1 + i % 28
        rows.append(f"| {year}-{month:02d}-{day:02d} | Member {i % 997} Quill | {events[i % len(events)]} |")
        if sum(map(len, rows)) + len(rows) >= size:
            return "\n".join(rows)
    raise AssertionError("unreachable")


SHAPES: dict[str, tuple[Callable[[int], str], str]] = {
    "news": (news, "text"),
    "table": (table, "markdown"),
    "paragraph": (paragraph, "text"),
    "short lines": (short_lines, "text"),
}


def run_once(text: str, fmt: str) -> dict[str, float]:
    """One fresh process checking ``text``: its CPU and wall seconds, peak and added MB."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD.format(root=str(ROOT))],
        input=json.dumps({"text": text, "format": fmt}),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"the check failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(name: str, sizes: list[int], repeat: int) -> list[dict[str, float]]:
    """Per size, the median of ``repeat`` runs of each figure."""
    build, fmt = SHAPES[name]
    results = []
    for size in sizes:
        text = build(size)
        runs = [run_once(text, fmt) for _ in range(repeat)]
        results.append({k: statistics.median(r[k] for r in runs) for k in runs[0]})
    return results


def _ratios(values: list[float], floor: float) -> list[float]:
    return [b / max(a, floor) for a, b in itertools.pairwise(values)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (the median is reported)")
    parser.add_argument("--only", nargs="+", choices=list(SHAPES), help="some shapes only")
    parser.add_argument("--bar", type=float, default=12.0, help="largest ratio for 10x the input")
    parser.add_argument("--max-mb", type=float, default=1024.0, help="largest peak memory at the largest size")
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    print(f"{'shape':<12}{'chars':>10}{'cpu s':>9}{'wall s':>9}{'peak MB':>9}{'added MB':>10}{'findings':>9}")
    worst, heaviest = 0.0, 0.0
    for name in args.only or SHAPES:
        results = measure(name, sizes, args.repeat)
        for size, r in zip(sizes, results, strict=True):
            print(f"{name:<12}{size:>10,}{r['cpu']:>9.2f}{r['wall']:>9.2f}{r['peak']:>9.0f}{r['added']:>10.0f}"
                  f"{r['findings']:>9.0f}")  # fmt: skip
        times = _ratios([r["cpu"] for r in results], FLOOR_S)
        memory = _ratios([r["added"] for r in results], FLOOR_MB)
        scale = [10 / (b // a) for a, b in itertools.pairwise(sizes)]
        worst = max([worst, *(t * s for t, s in zip(times, scale, strict=True))])
        worst = max([worst, *(m * s for m, s in zip(memory, scale, strict=True))])
        heaviest = max(heaviest, results[-1]["peak"])
        print(f"{'':<12}ratios: cpu {' '.join(f'{t:.1f}' for t in times)}; "
              f"added memory {' '.join(f'{m:.1f}' for m in memory)}", flush=True)  # fmt: skip
    verdict = "linear" if worst <= args.bar else "SUPERLINEAR"
    print(f"worst ratio per 10x input: {worst:.1f} ({verdict}; bar {args.bar}); "
          f"peak at {sizes[-1]:,} chars: {heaviest:.0f} MB (bar {args.max_mb:.0f})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
