"""End-to-end speed of ``chronolint check`` over the news in ../shared/data/news.

The articles are written once to a temporary folder as Markdown files with their
publication date in the front matter, so every run measures the whole command:
start-up, discovery, reading, NLP, rules and JSON output. Prints numbers; never fails
on timing.

    python benchmarks/throughput.py [--limit N] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import Article, news  # noqa: E402

COMMAND = [sys.executable, "-m", "checker"]


def write_corpus(articles: list[Article], folder: Path) -> int:
    """One Markdown file per article; returns the word count."""
    words = 0
    for article in articles:
        front = f"---\ndate: {article.dct.isoformat()}\n---\n\n" if article.dct else ""
        (folder / f"{article.name}.md").write_text(front + article.text + "\n", encoding="utf-8")
        words += len(article.text.split())
    return words


def timed(args: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(COMMAND + args, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"chronolint failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed, done


def peak_rss_mb() -> float:
    """Largest resident set of any child process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def cold_start_article(articles: list[Article], target_words: int = 800) -> Article:
    """The article whose length is closest to ``target_words``."""
    return min(articles, key=lambda a: abs(len(a.text.split()) - target_words))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="repetitions of each measurement (the best is reported; full runs also the median)",
    )
    options = parser.parse_args()

    articles = list(news())[: options.limit]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "news"
        folder.mkdir()
        words = write_corpus(articles, folder)
        print(f"corpus: {len(articles)} articles, {words:,} words")
        for jobs in (1, 2):
            command = ["check", str(folder), "--format", "json", "--no-cache", "--jobs", str(jobs)]
            runs = [timed(command) for _ in range(options.repeat)]
            times = sorted(elapsed for elapsed, _ in runs)
            findings = json.loads(runs[0][1].stdout)
            print(
                f"check --jobs {jobs}: best {times[0]:.1f} s = {words / times[0]:,.0f} words/s, "
                f"median {statistics.median(times):.1f} s = {words / statistics.median(times):,.0f} words/s "
                f"({len(times)} runs), {len(findings)} findings"
            )
        print(f"peak RSS of one check process: {peak_rss_mb():.0f} MB")

        cache = str(Path(tmp) / "cache")
        timed(["check", str(folder), "--format", "json", "--cache-dir", cache])
        rerun = min(
            timed(["check", str(folder), "--format", "json", "--cache-dir", cache])[0] for _ in range(options.repeat)
        )
        print(f"unchanged re-run with the cache: {rerun:.2f} s")

        one = Path(tmp) / "one"
        one.mkdir()
        article = cold_start_article(articles)
        write_corpus([article], one)
        cold = min(timed(["check", str(one), "--no-cache"])[0] for _ in range(options.repeat))
        print(f"cold start, one {len(article.text.split())}-word article: {cold:.2f} s")


if __name__ == "__main__":
    main()
