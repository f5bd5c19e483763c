"""Running many files: the analysis cache, worker processes and a Dask cluster give the same answers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker import engine
from checker.app import runner, tasks
from checker.app.cache import Cache, decode, encode
from checker.cli import app
from checker.source import read_text

ARTICLES = [
    "On Monday, March 4, 2025, the city council voted.",
    "The Acme bridge opened to traffic on May 3, 2019.",
    "Since the Acme bridge opened on May 5, 2019, crossings have doubled.",
    "John Smith was born in 1960. Smith died in 1950.",
    "Trump was sworn in on January 20, 2025, reporters said.",
]


def corpus(tmp_path: Path, copies: int = 8) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(copies):
        for j, text in enumerate(ARTICLES):
            (folder / f"{i:02d}-{j}.md").write_text(f"---\ndate: 2024-12-20\n---\n{text}\n")
    return folder


def run_json(*args: str) -> list[dict]:
    result = CliRunner().invoke(app, ["check", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_encoding_round_trips_an_analysis(analyze) -> None:
    analysis = analyze("Trump was sworn in on January 20, 2025. Smith, born in 1960, died in 1950.", "2024-12-20")
    assert decode(json.loads(json.dumps(encode(analysis))), analysis.document) == analysis


def test_cache_hit_gives_the_same_findings_and_a_changed_file_misses(tmp_path: Path) -> None:
    folder, cache = corpus(tmp_path, copies=1), tmp_path / "cache"
    first = run_json(str(folder), "--cache-dir", str(cache), "--jobs", "1")

    def analyses() -> list[str]:  # the per-file entries (runs/ holds whole runs' findings)
        return sorted(p.name for p in cache.glob("??/*.json"))

    assert len(analyses()) == len(ARTICLES)
    assert run_json(str(folder), "--cache-dir", str(cache), "--jobs", "1") == first
    (folder / "00-0.md").write_text("---\ndate: 2024-12-20\n---\nOn Tuesday, March 4, 2025, the council voted.\n")
    again = run_json(str(folder), "--cache-dir", str(cache), "--jobs", "1")
    assert [f["rule"] for f in again if f["path"].endswith("00-0.md")] == ["chronology/anachronism"]
    assert len(analyses()) == len(ARTICLES) + 1


def test_a_damaged_cache_entry_is_a_miss(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    document = read_text("The bridge opened in 2019.", published=None)
    key = cache.key(document, engine.Options())
    (tmp_path / key[:2]).mkdir()
    (tmp_path / key[:2] / f"{key}.json").write_text("{not json")
    assert cache.load(key, document) is None


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    folder, cache = corpus(tmp_path, copies=1), tmp_path / "cache"
    run_json(str(folder), "--cache-dir", str(cache), "--no-cache")
    assert not cache.exists()


def test_two_processes_give_the_same_findings_as_one(tmp_path: Path) -> None:
    folder = corpus(tmp_path, copies=8)  # 40 files: three batches
    one = run_json(str(folder), "--no-cache", "--jobs", "1")
    two = run_json(str(folder), "--no-cache", "--jobs", "2")
    assert one == two
    assert {f["rule"] for f in one} >= {"calendar/weekday-mismatch", "chronology/conflicting-dates", "chronology/order"}


def test_batches_keep_documents_with_their_options() -> None:
    docs = [read_text(f"Text {i}.", path=f"{i}.md") for i in range(40)]
    us, intl = engine.Options(), engine.Options(date_order="international")
    work = runner.tasks(docs, [us if i % 2 else intl for i in range(40)])
    assert sum(len(t.documents) for t in work) == 40
    assert all(len(t.documents) <= tasks.CHUNK for t in work)
    assert all((int(d.path.split(".")[0]) % 2 == 1) == (t.options == us) for t in work for d in t.documents)


def test_long_documents_are_spread_over_tasks() -> None:
    """A dozen long articles are a dozen tasks, not one: with one task, one worker did all."""
    long = [read_text("It rained on Monday. " * 2_000, path=f"{i}.md") for i in range(3)]
    short = [read_text("It rained.", path=f"s{i}.md") for i in range(3)]
    work = runner.tasks([*long, *short], [engine.Options()] * 6)
    assert [len(t.documents) for t in work] == [1, 1, 1, 3]
    assert tasks.expected_tasks(12, 12 * 40_000) == 12
    assert tasks.expected_tasks(40, 40 * 2_000) == 3  # short files: CHUNK to a task
    assert tasks.expected_tasks(1, 10_000_000) == 1


def test_one_file_runs_without_a_pool_whatever_its_size() -> None:
    with runner.workers(2, 1, 10_000_000) as pool:
        assert pool is None


def test_dask_local_cluster_matches_the_local_run(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    folder = corpus(tmp_path, copies=4)
    local = run_json(str(folder), "--no-cache", "--jobs", "1")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = run_json(str(folder), "--no-cache", "--dask-scheduler", cluster.scheduler_address)
    assert remote == local


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    folder = corpus(tmp_path, copies=1)
    result = CliRunner().invoke(app, ["check", str(folder), "--no-cache", "--dask-scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler" in result.stderr


def test_an_unchanged_rerun_reads_the_findings_without_loading_the_nlp_stack(tmp_path: Path) -> None:
    import subprocess
    import sys

    folder, cache = corpus(tmp_path, copies=1), tmp_path / "cache"
    probe = (
        "import sys\nfrom checker.cli import app\n"
        f"sys.argv = ['chronolint', 'check', {str(folder)!r}, '--format', 'json', '--cache-dir', {str(cache)!r}]\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print('spacy' in sys.modules, 'sympy' in sys.modules, file=sys.stderr)\n"
    )

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)

    first, second = run(), run()
    assert first.stderr.split()[-2:] == ["True", "False"]  # the bundled packs' expressions come normalised
    assert second.stderr.split()[-2:] == ["False", "False"]
    assert json.loads(second.stdout) == json.loads(first.stdout) != []


def test_an_unchanged_rerun_is_recognised_by_stat_and_a_new_configuration_is_not(tmp_path: Path) -> None:
    folder, cache = corpus(tmp_path, copies=1), tmp_path / "cache"
    first = run_json(str(folder), "--cache-dir", str(cache), "--jobs", "1")
    assert len(list((cache / "unchanged").glob("*.json"))) == 1
    assert run_json(str(folder), "--cache-dir", str(cache), "--jobs", "1") == first
    (folder / "pyproject.toml").write_text('[tool.chronolint]\nignore = ["chronology", "calendar"]\n')
    assert run_json(str(folder), "--cache-dir", str(cache), "--jobs", "1") == []


class _Inline:
    """A stand-in pool that runs each submitted batch at once and remembers it."""

    def __init__(self) -> None:
        self.batches: list[int] = []

    def submit(self, fn, task):  # noqa: ANN001 - the Executor.submit shape
        from concurrent.futures import Future

        self.batches.append(len(task.documents))
        future: Future = Future()
        future.set_result(fn(task))
        return future


def test_documents_go_to_the_pool_as_soon_as_a_batch_is_read(tmp_path: Path) -> None:
    from checker.options import Options

    documents = [read_text(text, path=f"{i}.md") for i, text in enumerate(ARTICLES * 4)]
    pool, progress = _Inline(), []
    analyser = runner.Analyser(pool=pool, advance=lambda phase, n: progress.append(n))
    for document in documents[: tasks.CHUNK]:
        analyser.add(document, Options())
    assert pool.batches == [tasks.CHUNK] and progress == [tasks.CHUNK]  # before any result is asked for
    for document in documents[tasks.CHUNK :]:
        analyser.add(document, Options())
    analyses = analyser.results()
    assert pool.batches == [tasks.CHUNK, len(documents) - tasks.CHUNK]
    assert [a.document.path for a in analyses] == [d.path for d in documents]
    assert analyses == runner.analyze_all(documents, [Options()] * len(documents))


def test_rules_take_analyses_as_they_come() -> None:
    """engine.findings consumes a stream (the CLI hands it analyses while workers still compute)."""
    from checker.options import Options

    documents = [read_text(text, path=f"{i}.md", published=None) for i, text in enumerate(ARTICLES)]
    pool = _Inline()
    analyser = runner.Analyser(pool=pool)
    for document in documents:
        analyser.add(document, Options())
    streamed = engine.findings(analyser.stream())
    assert streamed == engine.findings(analyser.results()) != []
    assert pool.batches == [len(documents)]  # the second pass read what the first stored


def test_a_stream_left_half_read_loses_nothing() -> None:
    from checker.options import Options

    documents = [read_text(text, path=f"{i}.md") for i, text in enumerate(ARTICLES * 7)]
    pool = _Inline()
    analyser = runner.Analyser(pool=pool)
    for document in documents:
        analyser.add(document, Options())
    first = next(analyser.stream())
    analyses = analyser.results()
    assert analyses[0] == first and [a.document.path for a in analyses] == [d.path for d in documents]
    assert sum(pool.batches) == len(documents)  # each document analysed once


def test_the_cache_key_covers_every_stage_of_the_engine() -> None:
    """An edit to any stage (not only the application's own folder) must miss the cache."""
    from checker.app.cache import engine_files

    names = [p.as_posix() for p in engine_files()]
    for part in ("checker/engine.py", "checker/timex/resolve.py", "checker/assertions/__init__.py",
                 "checker/checks/calendar.py", "checker/app/cache.py", "/us-politics.yaml",
                 "checker/timex/informal.yaml"):  # fmt: skip
        assert any(n.endswith(part) for n in names), part


def test_sentences_and_quotes_are_computed_once_and_survive_the_cache(tmp_path: Path) -> None:
    from checker.app.cache import Cache
    from checker.options import Options
    from checker.source import read_text

    text = 'The bridge opened in 2019. "It will close on May 3, 2030," she said.\n\nA new paragraph.'
    (analysis,) = engine.analyze([read_text(text, path="a.md")])
    assert [text[a:b].strip() for a, b in analysis.sentences] == [
        "The bridge opened in 2019.",
        '"It will close on May 3, 2030," she said.',
        "A new paragraph.",
    ]
    assert [text[a : b + 1] for a, b in analysis.quotes] == ['"It will close on May 3, 2030,"']
    assert analysis.quoted(text.index("May 3")) and not analysis.quoted(text.index("2019"))
    assert analysis.sentence_at(text.index("she")) == analysis.sentences[1]
    cache = Cache(tmp_path)
    key = cache.key(analysis.document, Options())
    cache.store(key, analysis)
    assert cache.load(key, analysis.document) == analysis


def _threads() -> int:
    return len(os.listdir("/proc/self/task"))


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; prctl is Linux's")


@linux_only
def test_a_worker_parses_on_its_only_thread() -> None:
    """A second thread, even asleep, slows the parser by a fifth: a worker watches for its
    parent's death through the kernel, not a thread, and starts no BLAS threads."""
    with runner.workers(2, 100, 10**7) as pool:
        assert pool is not None
        assert {pool.submit(_threads).result() for _ in range(4)} == {1}


@linux_only
def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    script = (
        "import os, signal\n"
        "from checker.app import runner\n"
        "with runner.workers(2, 100, 10**7) as pool:\n"
        "    print(*{pool.submit(os.getpid).result() for _ in range(8)}, flush=True)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    pids = [int(p) for p in done.stdout.split()]
    assert pids and done.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 30  # a bound on waiting for the kernel, not a speed figure
    while any(Path(f"/proc/{pid}").exists() for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in pids if Path(f"/proc/{pid}").exists()]


@linux_only
def test_the_console_script_parses_on_one_thread(tmp_path: Path) -> None:
    """``main`` keeps numpy's OpenBLAS from starting threads before anything loads numpy."""
    script = (
        "import os, sys\n"
        "from checker import cli\n"
        "os._exit = lambda code: print(len(os.listdir('/proc/self/task')))\n"
        f"sys.argv = ['chronolint', 'check', {str(tmp_path / 'a.md')!r}, '--no-cache']\n"
        "cli.main()\n"
    )
    (tmp_path / "a.md").write_text("The bridge opened on May 4, 2020.\n")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert done.stdout.split()[-1] == "1", done.stderr
