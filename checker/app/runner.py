"""Running the analysis over many documents: the result cache, then worker processes.

Each document's analysis depends only on its own text, its options and the packs,
so it is cached under a hash of those (checker.cache) and computed in parallel by
``jobs`` processes, each loading the spaCy model once: they start before the files
are read, and get each batch as soon as it is read (:class:`Analyser`). Rules run
afterwards over all analyses together (cross-document conflicts), in the calling process.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from checker.app.cache import Cache
from checker.app.tasks import Failure, Task, expected_tasks, full, run_task, tasks
from checker.model import Analysis, Document
from checker.options import Options

if TYPE_CHECKING:  # the pool's machinery (multiprocessing) loads only for a pool, not for one small file
    from concurrent.futures import Future, ProcessPoolExecutor

DIED = "the worker process analysing it died (killed, or out of memory); not checked"


# Any second thread in a process, even one asleep, makes the parser a fifth slower (the
# allocator's and the locks' multi-threaded paths in its inner loop). A worker, and the console
# script, have numpy's OpenBLAS start no threads of its own (parsing asks it for one anyway, see
# checker.nlp.parse); a worker is told of its parent's death by the kernel where it can be.
PR_SET_PDEATHSIG = 1  # prctl(2)


def _warm() -> None:
    """A new worker loads the model and the default packs at once, while the files are still being read."""
    from checker import engine, nlp
    from checker.options import Knowledge

    _leave_with(_parent())
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the console script does, for a pool of the API's
    try:
        nlp.load()
        engine.knowledge(Knowledge())
    except Exception:  # noqa: BLE001 - a failing initializer breaks the pool; the first task meets and reports it
        pass


@contextmanager
def workers(jobs: int, files: int, size: int = 0) -> Iterator[ProcessPoolExecutor | None]:
    """The worker processes of a run of ``files`` files of ``size`` bytes in all (0: unknown),
    started before its files are read; None when one process will do (one job, or one task's
    worth of files: a small run does not pay for loading the model twice)."""
    count = min(jobs, expected_tasks(files, size))
    if count <= 1:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=count, initializer=_warm) as pool:
        for _ in range(count):
            pool.submit(int)  # each submission starts a worker, which warms up
        yield pool


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def capped_jobs(asked: int | None) -> int:
    """``--jobs``: at most one worker per core (each loads the model: 64 would take gigabytes and run
    slower than the cores alone); unset, one per core."""
    return min(asked or default_jobs(), default_jobs())


def _parent() -> int:
    import multiprocessing

    process = multiprocessing.parent_process()
    return process.pid if process is not None and process.pid is not None else os.getppid()


def _leave_with(parent: int) -> None:
    """A worker of a dead run would hold its model's memory for as long as it waits: on Linux the
    kernel kills it with its parent (checked once more in case the parent died first); elsewhere
    a thread watches."""
    if sys.platform.startswith("linux"):
        import ctypes

        if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL) == 0:
            if os.getppid() != parent:
                os._exit(1)
            return
    threading.Thread(target=_orphan_watch, args=(parent,), daemon=True, name="orphan-watch").start()


def _orphan_watch(parent: int, every: float = 1.0) -> None:
    """Leave when the process that started this worker is gone (killed with -9, it cannot tell us):
    a worker of a dead run would otherwise hold its model's memory for as long as it waits."""
    while True:
        time.sleep(every)
        if os.getppid() != parent:
            os._exit(1)


class Analyser:
    """Analyses of documents handed over as they are read.

    Each is looked up in the cache; with a worker pool, the others go to it a batch
    at a time as soon as a batch is full, so reading and analysing overlap.
    Without one, they are computed when :meth:`stream` is first asked (in this
    process, new worker processes, or on a Dask cluster).
    """

    def __init__(
        self, *, jobs: int = 1, cache: Cache | None = None, advance: Callable[[str, int], None] = lambda phase, n: None,
        scheduler: str | None = None, pool: ProcessPoolExecutor | None = None,
    ) -> None:  # fmt: skip
        self._jobs, self._cache, self._advance, self._scheduler = jobs, cache, advance, scheduler
        self._pool = pool if scheduler is None else None
        self._documents: list[Document] = []
        self._options: list[Options] = []
        self._keys: list[str] = []
        self._index: dict[str, int] = {}  # by path: paths are unique in a run
        self._found: dict[int, Analysis] = {}
        self._waiting: dict[Options, list[int]] = {}
        self._pending: dict[int, Future[list[Analysis | Failure]]] = {}
        self._failed: dict[int, Failure] = {}

    def add(self, document: Document, options: Options) -> None:
        index = self._index[document.path] = len(self._documents)
        self._documents.append(document)
        self._options.append(options)
        self._keys.append(self._cache.key(document, options) if self._cache else "")
        if self._cache is not None and (hit := self._cache.load(self._keys[index], document)) is not None:
            self._found[index] = hit
            self._advance("Checking", 1)
            return
        batch = self._waiting.setdefault(options, [])
        batch.append(index)
        if self._pool is not None and full([self._documents[i] for i in batch]):
            self._send(options)

    def _send(self, options: Options) -> None:
        indices = self._waiting.pop(options)
        future = _submitted(self._pool, Task(tuple(self._documents[i] for i in indices), options))
        if future is None:
            self._keep(Failure(self._documents[i].path, DIED) for i in indices)
            self._advance("Checking", len(indices))
            return
        future.add_done_callback(lambda done: self._advance("Checking", len(indices)))
        self._pending.update(dict.fromkeys(indices, future))

    def _keep(self, analyses: Iterable[Analysis | Failure]) -> None:
        for analysis in analyses:
            if isinstance(analysis, Failure):
                index = self._index[analysis.path]
                self._failed[index] = analysis
                self._pending.pop(index, None)
                continue
            index = self._index[analysis.document.path]
            self._found[index] = analysis
            self._pending.pop(index, None)
            if self._cache is not None:
                self._cache.store(self._keys[index], analysis)

    def _collect(self, index: int) -> None:
        """The batch of a pending document, or a failure for each of its documents if its worker died."""
        from concurrent.futures.process import BrokenProcessPool

        future = self._pending[index]
        try:
            self._keep(future.result())
        except BrokenProcessPool:
            dead = [i for i, f in self._pending.items() if f is future]
            self._keep(Failure(self._documents[i].path, DIED) for i in dead)

    def stream(self) -> Iterator[Analysis]:
        """Every analysis, in the order the documents were added, each as soon as it is done
        (so rules can run on the first while the workers compute the rest); new ones are
        stored in the cache."""
        if self._pool is not None:
            for options in list(self._waiting):
                self._send(options)
        waiting = [i for indices in self._waiting.values() for i in indices]
        self._waiting = {}
        work = tasks([self._documents[i] for i in waiting], [self._options[i] for i in waiting])
        self._keep(_execute(work, self._jobs, self._scheduler, self._advance))
        for index in range(len(self._documents)):
            if index not in self._found and index not in self._failed:
                self._collect(index)
            if index in self._failed:
                continue
            yield self._found[index]

    @property
    def failures(self) -> list[Failure]:
        """The documents the analysis failed on (after :meth:`stream`), in input order."""
        return [self._failed[i] for i in sorted(self._failed)]

    def results(self) -> list[Analysis]:
        """Every analysis, in the order the documents were added (see :meth:`stream`)."""
        return list(self.stream())


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
    """Analyses in input order: cached ones read back, the others computed and stored (see :class:`Analyser`)."""
    analyser = Analyser(jobs=jobs, cache=cache, advance=advance, scheduler=scheduler, pool=pool)
    for document, option in zip(documents, options):
        analyser.add(document, option)
    return analyser.results()


def _execute(
    work: list[Task], jobs: int, scheduler: str | None, advance: Callable[[str, int], None]
) -> list[Analysis | Failure]:
    if not work:
        return []
    if scheduler is not None:
        from checker.app.distributed import run_on_dask  # Dask is an optional extra

        results = run_on_dask(work, scheduler)
        advance("Checking", sum(len(t.documents) for t in work))
        return results
    documents = [d for t in work for d in t.documents]
    with workers(jobs, len(documents), sum(len(d.text) for d in documents)) as pool:
        if pool is None:
            return [a for task in work for a in _advancing(run_task(task), advance)]
        futures = [(task, _submitted(pool, task)) for task in work]
        return [a for task, future in futures for a in _advancing(_outcome(task, future), advance)]


def _submitted(pool: ProcessPoolExecutor, task: Task) -> Future[list[Analysis | Failure]] | None:
    """The task's future; None when the pool is already broken (a worker died before it was sent)."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return pool.submit(run_task, task)
    except BrokenProcessPool:
        return None


def _outcome(task: Task, future: Future[list[Analysis | Failure]] | None) -> list[Analysis | Failure]:
    from concurrent.futures.process import BrokenProcessPool

    try:
        if future is not None:
            return future.result()
    except BrokenProcessPool:
        pass
    return [Failure(d.path, DIED) for d in task.documents]


def _advancing(batch: list[Analysis | Failure], advance: Callable[[str, int], None]) -> list[Analysis | Failure]:
    advance("Checking", len(batch))
    return batch
