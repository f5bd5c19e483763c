"""Batches of documents to analyse, and the function that analyses one, wherever it runs
(this process, a pool worker or a Dask worker)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
