"""Language: the spaCy pipeline (``checker.nlp.pipeline``: loaded once per process, lazily, parsing
only the sentences asked for) and the grammar read from its tokens (``checker.nlp.tense``).

``from checker import nlp; nlp.parse(...)`` reaches the pipeline's functions; spaCy is imported
on that first use, so the stages that only read tokens (the tagger's tense reader) import none of it.
"""

from __future__ import annotations

from importlib import import_module


def __getattr__(name: str) -> object:
    """The pipeline's names (``load``, ``rough``, ``parse``, ``tokenizer``...), imported on first use."""
    if name.startswith("__"):
        raise AttributeError(name)
    return getattr(import_module("checker.nlp.pipeline"), name)
