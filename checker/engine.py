"""The pipeline, end to end: Documents in, Analyses and Findings out.

read source (checker.source) -> spaCy (checker.nlp) -> time expressions
(checker.timex) -> rules -> findings. The CLI and the benchmarks call only this
module, so every entry point runs the same stages in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from checker import assertions, timex
from checker.checks import arithmetic, calendar, facts, tense
from checker.checks.catalogue import catalogue
from checker.knowledge import packs
from checker.model import Analysis, Document, Finding
from checker.options import Knowledge, Options
from checker.reasoning import timeline

if TYPE_CHECKING:  # spaCy loads only where text is parsed
    from spacy.tokens import Doc

Rule = Callable[[Analysis], Iterable[Finding]]
KnowledgeRule = Callable[[Analysis, packs.Pack], Iterable[Finding]]
CorpusRule = Callable[[Sequence[Analysis], packs.Pack], Iterable[Finding]]

RULES: dict[str, Rule] = {
    "calendar/invalid-date": calendar.invalid_dates,
    "calendar/weekday-mismatch": calendar.weekday_mismatches,
    "chronology/anachronism": tense.anachronisms,
    "chronology/stale-future": tense.stale_futures,
    "chronology/order": timeline.reversed_ranges,
    "arithmetic/duration": arithmetic.durations,
    "arithmetic/age": arithmetic.age_findings,
}
# Rules that check one file against the knowledge packs.
KNOWLEDGE_RULES: dict[str, KnowledgeRule] = {
    "facts/contradiction": facts.contradictions,
    "facts/title-anachronism": facts.title_anachronisms,
}
# Rules that see every checked file at once (one temporal network), with the rule ids they report.
CORPUS_RULES: dict[tuple[str, ...], CorpusRule] = {
    ("chronology/conflicting-dates", "chronology/order"): timeline.conflict_findings,
}


@lru_cache(maxsize=None)
def knowledge(spec: Knowledge = Knowledge()) -> packs.Pack:
    """The packs a spec names, merged into one (loaded once per process and spec)."""
    return packs.assemble(spec.names, spec.pack_files, spec.facts)


def _analysis(document: Document, doc: Doc, found: timex.Found, pack: packs.Pack) -> Analysis:
    timexes = timex.resolve(doc, found, document.published)
    return Analysis(document, tuple(timexes), tuple(assertions.extract(doc, timexes, pack)))


def analyze(documents: Sequence[Document], options: Options = Options()) -> list[Analysis]:
    """Tag time expressions and extract dated assertions; spaCy runs once over the batch.

    A first pass over tokens alone finds the time-expression candidates (once) and
    where they resolve; only those sentences, and the one before each that a pronoun
    or surname may point back from, are parsed; the candidates are then resolved
    again against the parse. An undated document gets the earliest publication date
    its past-tense statements allow (``published_source: "inferred"``), and its
    expressions are resolved again against it.
    """
    from checker import (
        nlp,  # spaCy loads only where text is analysed, not where findings are made
    )

    rough = [nlp.rough(d.text) for d in documents]
    found = [timex.find(doc.text, date_order=options.date_order) for doc in rough]
    chosen = [
        assertions.sentences_to_parse(list(doc.sents), [t.start for t in timex.resolve(doc, f, d.published)])
        for doc, f, d in zip(rough, found, documents)
    ]
    pack = knowledge(options.knowledge)
    analyses = []
    for document, doc, f in zip(documents, nlp.parse(rough, chosen, options.batch_size), found):
        analysis = _analysis(document, doc, f, pack)
        if document.published is None and (inferred := timeline.infer_published(analysis)) is not None:
            dated = replace(document, published=inferred, published_source="inferred")
            analysis = _analysis(dated, doc, f, pack)
        analyses.append(analysis)
    return analyses


def findings(
    analyses: Iterable[Analysis], rules: Collection[str] | None = None, spec: Knowledge = Knowledge()
) -> list[Finding]:
    """The rules (all when None) over each analysis as it comes (the rest may still be being
    computed), then the corpus rules over all of them at once. Sorted by path then offset.
    """
    wanted = set(catalogue()) if rules is None else set(rules)
    pack = knowledge(spec)
    seen: list[Analysis] = []
    found: list[Finding] = []
    for analysis in analyses:
        seen.append(analysis)
        found += [f for rule_id, rule in RULES.items() if rule_id in wanted for f in rule(analysis)]
        found += [f for rule_id, rule in KNOWLEDGE_RULES.items() if rule_id in wanted for f in rule(analysis, pack)]
    for ids, corpus_rule in CORPUS_RULES.items():
        if wanted.intersection(ids):
            found += [f for f in corpus_rule(seen, pack) if f.rule in wanted]
    return sorted(map(one_line, found), key=lambda f: (f.span.path, f.span.start, f.span.end, f.rule))


def one_line(finding: Finding) -> Finding:
    """Messages quote the text, and a quoted date may wrap across lines: every message is one line."""
    related = tuple(replace(r, message=_squeezed(r.message)) for r in finding.related)
    return replace(finding, message=_squeezed(finding.message), related=related)


def _squeezed(message: str) -> str:
    return " ".join(message.split()) if "\n" in message or "\r" in message else message


def implemented_rules() -> list[str]:
    """Catalogue ids that have an implementation, in catalogue order."""
    produced = set(RULES).union(KNOWLEDGE_RULES, *CORPUS_RULES)
    return [rule_id for rule_id in catalogue() if rule_id in produced]
