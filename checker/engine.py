"""The pipeline, end to end: Documents in, Analyses and Findings out.

read source (checker.source) -> spaCy (checker.nlp) -> time expressions
(checker.timex) -> rules -> findings. The CLI and the benchmarks call only this
module, so every entry point runs the same stages in the same order.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from checker import assertions, timex
from checker.assertions import arithmetic
from checker.checks import registry
from checker.knowledge import loading, model
from checker.model import Analysis, Document, Finding
from checker.options import Knowledge, Options
from checker.reasoning import timeline

if TYPE_CHECKING:  # spaCy loads only where text is parsed
    from spacy.tokens import Doc, Span


def knowledge(spec: Knowledge = Knowledge()) -> model.Pack:
    """The packs a spec names, merged into one: loaded once per process, spec and contents of
    its pack and facts files, so that a long-running process (``lsp``, ``serve``) reads them
    again when one is edited, replaced or removed, and only then."""
    return _assembled(spec, tuple(loading.file_digests((*spec.pack_files, *spec.facts))))


@lru_cache(maxsize=8)
def _assembled(spec: Knowledge, _contents: tuple[str, ...]) -> model.Pack:
    return loading.assemble(spec.names, spec.pack_files, spec.facts)


def _analysis(document: Document, doc: Doc, sentences: list[Span], found: timex.Found, pack: model.Pack) -> Analysis:
    """``sentences`` are the Doc's (:func:`checker.nlp.sentences`, asked once)."""
    timexes = timex.resolve(doc, found, document.published)
    quotes = tuple(assertions.quoted_ranges(found.text))  # the Doc's text: found on it
    return arithmetic.complete(Analysis(
        document, tuple(timexes), tuple(assertions.extract(doc, found.text, sentences, timexes, pack, quotes)),
        sentences=tuple((s.start_char, s.end_char) for s in sentences), quotes=quotes,
    ), pack)  # fmt: skip


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
        assertions.sentences_to_parse(nlp.sentences(doc), [t.start for t in timex.resolve(doc, f, d.published)])
        for doc, f, d in zip(rough, found, documents)
    ]
    pack = knowledge(options.knowledge)
    analyses = []
    for document, doc, f in zip(documents, nlp.parse(rough, chosen, options.batch_size), found):
        sentences = nlp.sentences(doc)
        analysis = _analysis(document, doc, sentences, f, pack)
        if document.published is None and (inferred := timeline.infer_published(analysis)) is not None:
            dated = replace(document, published=inferred, published_source="inferred")
            analysis = _analysis(dated, doc, sentences, f, pack)
        analyses.append(analysis)
    return analyses


def findings(
    analyses: Iterable[Analysis], rules: Collection[str] | None = None, spec: Knowledge = Knowledge()
) -> list[Finding]:
    """The rules (all when None) over each analysis as it comes (the rest may still be being
    computed), then the corpus rules over all of them at once. Sorted by path then offset.
    """
    wanted = set(registry.rules()) if rules is None else set(rules)
    pack = knowledge(spec)
    chosen = [c for c in registry.checks() if any(r.id in wanted for r in c.rules)]
    seen: list[Analysis] = []
    found: list[Finding] = []
    for analysis in analyses:
        seen.append(analysis)
        for c in chosen:
            if c.scope == "document":
                found += c.function(analysis)
            elif c.scope == "knowledge":
                found += c.function(analysis, pack)
    for c in chosen:
        if c.scope == "corpus":
            found += c.function(seen, pack)
    kept = (one_line(f) for f in found if f.rule in wanted)
    return sorted(kept, key=lambda f: (f.span.path, f.span.start, f.span.end, f.rule))


def one_line(finding: Finding) -> Finding:
    """Messages quote the text, and a quoted date may wrap across lines: every message is one line."""
    related = tuple(replace(r, message=_squeezed(r.message)) for r in finding.related)
    return replace(finding, message=_squeezed(finding.message), related=related)


def _squeezed(message: str) -> str:
    return " ".join(message.split()) if "\n" in message or "\r" in message else message


def implemented_rules() -> list[str]:
    """Ids of the rules some check reports, sorted."""
    produced = {r.id for c in registry.checks() for r in c.rules}
    return [rule_id for rule_id in registry.rules() if rule_id in produced]
