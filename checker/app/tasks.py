"""Batches of documents to analyse, and the function that analyses one, wherever it runs
(this process, a pool worker or a Dask worker).

A document the engine fails on is a :class:`Failure` naming it (the batch is analysed again one
document at a time, so the others still get their analyses); a pack that cannot be loaded is a
:class:`RunError` for the whole run. Both are plain values, so they cross process boundaries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker.model import Analysis, Document
from checker.options import Options

CHUNK = 16  # documents per task at most: one spaCy batch, and a progress step
# A task also closes once it holds this many characters: a few long texts (a dozen Wikipedia
# articles) are several tasks, so every worker gets some, not one worker all of them.
CHUNK_CHARS = 32_000


@dataclass(frozen=True)
class Task:
    documents: tuple[Document, ...]
    options: Options


@dataclass(frozen=True)
class Failure:
    """A document the analysis failed on, and why (one line for the user)."""

    path: str
    message: str


class RunError(Exception):
    """The run cannot go on (a pack or facts file the loader rejects): one line, exit 2."""


def run_task(task: Task) -> list[Analysis | Failure]:
    """One batch, in whatever process runs it (a pool worker or a Dask worker)."""
    from checker import engine  # the NLP stack loads only where analysis happens
    from checker.knowledge.yaml_lines import PackError

    try:
        return list(engine.analyze(task.documents, task.options))
    except PackError as e:
        raise RunError(str(e)) from None
    except Exception as e:  # noqa: BLE001 - one bad document must not lose the others
        if len(task.documents) == 1:
            reason = f"cannot be analysed ({type(e).__name__}: {_line(e)}); not checked"
            return [Failure(task.documents[0].path, reason)]
        return [result for document in task.documents for result in run_task(Task((document,), task.options))]


def _line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else "no message"


def full(documents: Sequence[Document]) -> bool:
    """Whether a batch is a whole task: CHUNK documents, or CHUNK_CHARS characters."""
    return len(documents) >= CHUNK or sum(len(d.text) for d in documents) >= CHUNK_CHARS


def expected_tasks(files: int, size: int) -> int:
    """About how many tasks ``files`` files of ``size`` bytes in all make (at most one per file)."""
    return min(files, max(-(-files // CHUNK), -(-size // CHUNK_CHARS)))


def tasks(documents: Sequence[Document], options: Sequence[Options]) -> list[Task]:
    """Batches of documents that share their options, each :func:`full` but the last of its
    options, in input order within each batch."""
    groups: dict[Options, list[list[Document]]] = {}
    for document, option in zip(documents, options):
        batches = groups.setdefault(option, [[]])
        if full(batches[-1]):
            batches.append([])
        batches[-1].append(document)
    return [Task(tuple(batch), option) for option, batches in groups.items() for batch in batches]
