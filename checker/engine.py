"""The pipeline, end to end: Documents in, Analyses and Findings out.

read source (checker.source) -> spaCy (checker.nlp) -> time expressions
(checker.timex) -> rules -> findings. The CLI and the benchmarks call only this
module, so every entry point runs the same stages in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from functools import lru_cache

from checker import assertions, nlp, packs, rules_calendar, rules_tense, timex
from checker.catalogue import catalogue
from checker.model import SEVERITY_RANK, Analysis, Document, Finding

Rule = Callable[[Analysis], Iterable[Finding]]

RULES: dict[str, Rule] = {
    "calendar/invalid-date": rules_calendar.invalid_dates,
    "calendar/weekday-mismatch": rules_calendar.weekday_mismatches,
    "chronology/anachronism": rules_tense.anachronisms,
    "chronology/stale-future": rules_tense.stale_futures,
}


@dataclass(frozen=True)
class Options:
    """What a run may change about the analysis (from the command line or a config)."""

    date_order: str = "us"
    batch_size: int = 16


@lru_cache(maxsize=None)
def knowledge(names: tuple[str, ...] | None = None) -> packs.Pack:
    """The built-in packs merged into one (loaded once per process)."""
    return packs.merge(packs.load_builtin(names))


def analyze(documents: Sequence[Document], options: Options = Options()) -> list[Analysis]:
    """Tag time expressions and extract dated assertions; spaCy runs once over the batch."""
    pipeline = nlp.load()
    pack = knowledge()
    docs = pipeline.pipe((d.text for d in documents), batch_size=options.batch_size)
    analyses = []
    for document, doc in zip(documents, docs):
        timexes = timex.tag(doc, document.published, date_order=options.date_order)
        analyses.append(Analysis(document, tuple(timexes), tuple(assertions.extract(doc, timexes, pack))))
    return analyses


def findings(analyses: Iterable[Analysis], rules: dict[str, Rule] = RULES) -> list[Finding]:
    """Every rule over every analysis, sorted by path then offset."""
    found = [f for analysis in analyses for rule in rules.values() for f in rule(analysis)]
    return sorted(found, key=lambda f: (f.span.path, f.span.start, f.span.end, f.rule))


def at_or_above(items: Iterable[Finding], threshold: str) -> list[Finding]:
    """The findings whose severity reaches ``threshold`` (error > warning > info)."""
    rank = SEVERITY_RANK[threshold]
    return [f for f in items if SEVERITY_RANK[f.severity] >= rank]


def implemented_rules() -> list[str]:
    """Catalogue ids that have an implementation, in catalogue order."""
    return [rule_id for rule_id in catalogue() if rule_id in RULES]
