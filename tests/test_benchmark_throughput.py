"""The throughput benchmark's measuring: a child's own accounting, paired ratios, the corpora it reads."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import corpora, throughput  # noqa: E402


def test_a_run_is_the_childs_own_accounting() -> None:
    busy = throughput.run_process([sys.executable, "-c", "x = b'x' * (64 << 20); print('done')"])
    assert busy.stdout == "done\n"
    assert busy.peak_mb >= 64  # the 64 MB it filled (a big parent raises the floor, never lowers it)
    assert 0 < busy.cpu and 0 < busy.wall


def test_a_failing_command_stops_the_benchmark() -> None:
    with pytest.raises(SystemExit, match="failed \\(3\\)"):
        throughput.run_process([sys.executable, "-c", "import sys; sys.exit(3)"])


def test_ratios_are_taken_pair_by_pair() -> None:
    def run(wall: float, cpu: float) -> throughput.Run:
        return throughput.Run(wall, cpu, 0.0, "")

    # the machine slows down for the second pair: each pair's ratio is still 0.5
    a = [run(1, 1), run(2, 2), run(1, 1)]
    b = [run(2, 4), run(4, 8), run(2, 4)]
    assert throughput.ratios(a, b) == "0.50 wall, 0.25 CPU"


def test_the_cold_start_article_is_the_one_nearest_800_words() -> None:
    articles = [corpora.Article(str(n), "word " * n, None) for n in (100, 700, 2000)]
    assert throughput.cold_start_article(articles).name == "700"


def test_each_corpus_loads_as_dated_articles() -> None:
    if corpora.data_root() is None:
        pytest.skip("../shared/data is not present")
    bio, wars = corpora.bio(), corpora.wikiwars()
    assert len(bio) == 20 and all(a.dct and a.text for a in bio)
    assert len(wars) == 11 and all(a.dct and a.text for a in wars)
    assert set(throughput.CORPORA) == {"news", "bio", "wikiwars-dev"}
