"""End-to-end speed of ``chronolint check`` on the corpora in ../shared/data: news, bio, wikiwars-dev.

Each corpus is written once to a temporary folder as Markdown files with their publication
date in the front matter, so every run measures the whole command: start-up, discovery,
reading, NLP, rules and JSON output. Every figure is the median of ``--repeat`` whole-process
runs, wall and CPU seconds (the operating system's accounting of each finished child, its
workers included); peak memory is the largest resident set of any one process of a run
(Linux starts a child's count at its parent's, so this process keeps small and prints its own).

For each corpus: words/s with ``--jobs 1`` and ``--jobs 2`` (``--no-cache``), the unchanged
re-run with the cache, and the cold start on one article. Two ratios are taken run by run
against plain spaCy, alternating with it, so that they hold on a machine others share:
``--jobs 2`` against ``nlp.pipe(texts, n_process=2)`` with the full model on the same texts,
and the cold start against loading spaCy and its model. Prints numbers; never fails on timing.

    python benchmarks/throughput.py [--corpus news] [--limit N] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpora import Article, bio, news, wikiwars  # noqa: E402

COMMAND = [sys.executable, "-m", "checker"]
CORPORA: dict[str, Callable[[], Iterable[Article]]] = {"news": news, "bio": bio, "wikiwars-dev": wikiwars}
# Plain spaCy on the same texts: the full pipeline (NER included), two processes.
SPACY_PIPE = (
    "import json, sys, spacy\n"
    "texts = json.load(open(sys.argv[2], encoding='utf-8'))\n"
    "nlp = spacy.load(sys.argv[1])\n"
    "for _ in nlp.pipe(texts, n_process=2):\n"
    "    pass\n"
)
SPACY_LOAD = "import sys, spacy; spacy.load(sys.argv[1])"


@dataclass(frozen=True)
class Run:
    """One whole process as the OS accounts for it once reaped (its waited-for children included)."""

    wall: float
    cpu: float
    peak_mb: float
    stdout: str


def run_process(command: list[str]) -> Run:
    """Run to the end with output to files (a pipe would block a chatty child) and reap it with
    wait4, whose accounting is this child's alone."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if child.returncode not in (0, 1):  # 1: findings
            sys.exit(f"{' '.join(command[:4])}... failed ({child.returncode}): {err.read().decode().strip()}")
        stdout = out.read().decode("utf-8", "replace")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout)


def repeated(command: list[str], repeat: int) -> list[Run]:
    return [run_process(command) for _ in range(repeat)]


def paired(a: list[str], b: list[str], repeat: int) -> tuple[list[Run], list[Run]]:
    """A and B in turn, ``repeat`` times each: each A is compared with the B beside it in time."""
    pairs = [(run_process(a), run_process(b)) for _ in range(repeat)]
    return [x for x, _ in pairs], [y for _, y in pairs]


def median(runs: Sequence[Run], field: str) -> float:
    return statistics.median(getattr(run, field) for run in runs)


def ratios(a: Sequence[Run], b: Sequence[Run]) -> str:
    """The medians of the pairs' wall and CPU ratios (a drift of the machine's speed hits both of a pair)."""
    wall = statistics.median(x.wall / y.wall for x, y in zip(a, b))
    return f"{wall:.2f} wall, {statistics.median(x.cpu / y.cpu for x, y in zip(a, b)):.2f} CPU"


def words_of(articles: Iterable[Article]) -> int:
    return sum(len(article.text.split()) for article in articles)


def write_corpus(articles: list[Article], folder: Path) -> None:
    """One Markdown file per article, its date in the front matter."""
    for article in articles:
        front = f"---\ndate: {article.dct.isoformat()}\n---\n\n" if article.dct else ""
        (folder / f"{article.name}.md").write_text(front + article.text + "\n", encoding="utf-8")


def cold_start_article(articles: list[Article], target_words: int = 800) -> Article:
    """The article whose length is closest to ``target_words``."""
    return min(articles, key=lambda a: abs(len(a.text.split()) - target_words))


def timing(runs: Sequence[Run]) -> str:
    """``12.3 s wall (20.1 s CPU)``: medians."""
    return f"{median(runs, 'wall'):.2f} s wall ({median(runs, 'cpu'):.2f} s CPU)"


@cache
def model_name() -> str:
    """The English model package the checker itself loads, asked of a child: importing spaCy here
    would raise every child's peak, which Linux reports as at least its parent's at the start."""
    code = "from checker.nlp.pipeline import model_name; print(model_name())"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def own_peak_mb() -> float:
    """This process's peak so far: the floor under every child's reported peak."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def throughput(folder: Path, texts: Path, words: int, repeat: int) -> None:
    """``--jobs 1`` and ``--jobs 2`` without the cache; ``--jobs 2`` beside spaCy on the same texts."""
    check = [*COMMAND, "check", str(folder), "--format", "json", "--no-cache"]
    single = repeated([*check, "--jobs", "1"], repeat)
    findings = len(json.loads(single[0].stdout))
    print(f"check --jobs 1: {timing(single)} = {words / median(single, 'wall'):,.0f} words/s, "
          f"peak {median(single, 'peak_mb'):.0f} MB, {findings} findings")  # fmt: skip
    spacy_pipe = [sys.executable, "-c", SPACY_PIPE, model_name(), str(texts)]
    double, spacy = paired([*check, "--jobs", "2"], spacy_pipe, repeat)
    print(f"check --jobs 2: {timing(double)} = {words / median(double, 'wall'):,.0f} words/s, "
          f"peak {median(double, 'peak_mb'):.0f} MB per process")  # fmt: skip
    print(f"spaCy nlp.pipe(n_process=2), full {model_name()}: {timing(spacy)} = "
          f"{words / median(spacy, 'wall'):,.0f} words/s; time of check --jobs 2 / spaCy's: {ratios(double, spacy)}")  # fmt: skip


def cached_rerun(folder: Path, cache: Path, repeat: int) -> None:
    """An unchanged re-run: every analysis read back from the cache a first run filled."""
    cached = [*COMMAND, "check", str(folder), "--format", "json", "--cache-dir", str(cache)]
    run_process(cached)
    print(f"unchanged re-run with the cache: {timing(repeated(cached, repeat))}")


def cold_start(article: Article, folder: Path, repeat: int) -> None:
    """One article, no cache, beside loading spaCy and its model alone."""
    write_corpus([article], folder)
    check = [*COMMAND, "check", "--no-cache", str(folder / f"{article.name}.md")]
    run_process(check)  # the model's files into the page cache, as on any machine that ran it once
    cold, load = paired(check, [sys.executable, "-c", SPACY_LOAD, model_name()], repeat)
    print(f"cold start, one {len(article.text.split())}-word article: {timing(cold)}, "
          f"peak {median(cold, 'peak_mb'):.0f} MB; spaCy and model load alone: {timing(load)}; "
          f"time ratio {ratios(cold, load)}")  # fmt: skip


def measure(name: str, articles: list[Article], repeat: int, tmp: Path) -> None:
    """Print one corpus's figures (see the module docstring)."""
    words = words_of(articles)
    print(f"\n== {name}: {len(articles)} articles, {words:,} words")
    folder, one, texts = tmp / name, tmp / f"{name}-one", tmp / f"{name}.json"
    folder.mkdir()
    one.mkdir()
    write_corpus(articles, folder)
    texts.write_text(json.dumps([a.text for a in articles]), encoding="utf-8")
    throughput(folder, texts, words, repeat)
    cached_rerun(folder, tmp / f"{name}-cache", repeat)
    cold_start(cold_start_article(articles), one, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", choices=list(CORPORA), help="only this corpus (repeatable)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of each corpus")
    parser.add_argument("--repeat", type=int, default=3, help="whole-process runs per figure, at least 3 (the median)")
    options = parser.parse_args()
    if options.repeat < 3:
        parser.error("--repeat: a median needs at least 3 runs")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"chronolint --help: {timing(repeated([*COMMAND, '--help'], options.repeat))}")
        print(f"(a peak cannot read below this benchmark's own {own_peak_mb():.0f} MB)")
        for name in options.corpus or list(CORPORA):
            try:
                articles = list(CORPORA[name]())[: options.limit]
            except FileNotFoundError as e:
                print(f"\n== {name}: skipped ({e})")
                continue
            measure(name, articles, options.repeat, Path(tmp))


if __name__ == "__main__":
    main()
