"""Running the analysis over many documents: the result cache, then worker processes.

Each document's analysis depends only on its own text, its options and the packs,
so it is cached under a hash of those (checker.cache) and computed in parallel by
``jobs`` processes, each loading the spaCy model once. Rules run afterwards over all
analyses together (cross-document conflicts), in the calling process.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from checker.cache import Cache
from checker.model import Analysis, Document
from checker.options import Options

CHUNK = 16  # documents per task: one spaCy batch, and a progress step


@dataclass(frozen=True)
class Task:
    documents: tuple[Document, ...]
    options: Options


def run_task(task: Task) -> list[Analysis]:
    """One batch, in whatever process runs it (a pool worker or a Dask worker)."""
    from checker import engine  # the NLP stack loads only where analysis happens

    return engine.analyze(task.documents, task.options)


def _warm() -> None:
    """A new worker loads the model and the default packs at once, while the files are still being read."""
    from checker import engine, nlp
    from checker.options import Knowledge

    nlp.load()
    engine.knowledge(Knowledge())


@contextmanager
def workers(jobs: int, files: int) -> Iterator[ProcessPoolExecutor | None]:
    """The worker processes of a run, started before its files are read; None when one
    process will do (one job, or no more files than one batch)."""
    count = min(jobs, -(-files // CHUNK))
    if count <= 1:
        yield None
        return
    with ProcessPoolExecutor(max_workers=count, initializer=_warm) as pool:
        for _ in range(count):
            pool.submit(int)  # each submission starts a worker, which warms up
        yield pool


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def tasks(documents: Sequence[Document], options: Sequence[Options]) -> list[Task]:
    """Batches of documents that share their options, in input order within each batch."""
    groups: dict[Options, list[Document]] = {}
    for document, option in zip(documents, options):
        groups.setdefault(option, []).append(document)
    return [
        Task(tuple(group[at : at + CHUNK]), option)
        for option, group in groups.items()
        for at in range(0, len(group), CHUNK)
    ]


def analyze_all(
    documents: Sequence[Document],
    options: Sequence[Options],
    *,
    jobs: int = 1,
    cache: Cache | None = None,
    advance: Callable[[str, int], None] = lambda phase, n: None,
    scheduler: str | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> list[Analysis]:
    """Analyses in input order: cached ones read back, the others computed (by ``pool`` when
    given, else by up to ``jobs`` new processes) and stored."""
    keys = [cache.key(d, o) if cache else "" for d, o in zip(documents, options)]
    found: dict[int, Analysis] = {}
    if cache is not None:
        for i, (document, key) in enumerate(zip(documents, keys)):
            if (hit := cache.load(key, document)) is not None:
                found[i] = hit
        advance("Checking", len(found))
    missing = [i for i in range(len(documents)) if i not in found]
    work = tasks([documents[i] for i in missing], [options[i] for i in missing])
    by_path = {a.document.path: a for a in _execute(work, jobs, scheduler, advance, pool)}  # paths are unique in a run
    for i in missing:
        analysis = by_path[documents[i].path]
        found[i] = analysis
        if cache is not None:
            cache.store(keys[i], analysis)
    return [found[i] for i in range(len(documents))]


def _execute(
    work: list[Task], jobs: int, scheduler: str | None, advance: Callable[[str, int], None],
    pool: ProcessPoolExecutor | None,
) -> list[Analysis]:  # fmt: skip
    if scheduler is not None:
        from checker.distributed import run_on_dask  # Dask is an optional extra

        results = run_on_dask(work, scheduler)
        advance("Checking", sum(len(t.documents) for t in work))
        return results
    if pool is not None:
        return [a for batch in pool.map(run_task, work) for a in _advancing(batch, advance)]
    with workers(jobs, sum(len(t.documents) for t in work)) as own:
        if own is None:
            return [a for task in work for a in _advancing(run_task(task), advance)]
        return [a for batch in own.map(run_task, work) for a in _advancing(batch, advance)]


def _advancing(batch: list[Analysis], advance: Callable[[str, int], None]) -> list[Analysis]:
    advance("Checking", len(batch))
    return batch
