"""checker.nlp: selective parsing onto one Doc, and the table-and-memo part of speech and lemma."""

from __future__ import annotations

import pytest
import spacy
import srsly

from checker import assertions, nlp

TEXT = (
    "The weather was mild. "
    "The bridge opened on May 3, 2019 after years of work. "
    "Crowds gathered near the river. "
    "Officials praised the builders."
)


@pytest.fixture(scope="module")
def pipeline() -> spacy.language.Language:
    return nlp.load()


def sentence_texts(doc: spacy.tokens.Doc) -> list[str]:
    return [s.text.strip() for s in doc.sents]


def test_rough_keeps_the_text_and_splits_sentences(pipeline) -> None:
    doc = nlp.rough(TEXT)
    assert doc.text == TEXT
    assert len(sentence_texts(doc)) == 4


def test_only_the_chosen_sentences_are_parsed(pipeline) -> None:
    doc = nlp.rough(TEXT)
    (parsed,) = nlp.parse([doc], [[False, True, False, False]])
    assert parsed is doc and parsed.text == TEXT
    assert sentence_texts(parsed) == sentence_texts(nlp.rough(TEXT))
    second = list(parsed.sents)[1]
    opened = next(t for t in second if t.text == "opened")
    assert opened.pos_ == "VERB" and opened.lemma_ == "open" and opened.tag_ == "VBD"
    assert any(c.dep_ == "nsubj" and c.text == "bridge" for c in opened.children)
    for number in (0, 2, 3):  # flat trees: every token under the sentence's first, no tags
        sentence = list(parsed.sents)[number]
        assert all(t.head.i == sentence.start for t in sentence)
        assert all(t.tag_ == "" and t.lemma_ == "" for t in sentence)


def test_adjacent_chosen_sentences_are_parsed_together(pipeline) -> None:
    doc = nlp.rough(TEXT)
    assert nlp._runs(doc, [True, True, False, True]) == [
        (list(doc.sents)[0].start, list(doc.sents)[1].end),
        (list(doc.sents)[3].start, len(doc)),
    ]


def test_nothing_chosen_gives_flat_sentences(pipeline) -> None:
    (doc,) = nlp.parse([nlp.rough(TEXT)], [[False] * 4])
    assert len(list(doc.sents)) == 4
    assert all(t.dep_ in ("ROOT", "dep") for t in doc)


def test_empty_text(pipeline) -> None:
    (doc,) = nlp.parse([nlp.rough("")], [[]])
    assert len(doc) == 0


def test_sentences_are_the_docs_own_before_and_after_the_parse(pipeline) -> None:
    """nlp.sentences reads the starts from an array; it must give Doc.sents' spans, rough or parsed."""
    text = TEXT + '\n\nA heading\n\nShe said: "It rained." Then it stopped! Did it? Yes.'
    doc = nlp.rough(text)

    def spans(sentences) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in sentences]

    assert spans(nlp.sentences(doc)) == spans(doc.sents) and len(spans(doc.sents)) > 4
    (parsed,) = nlp.parse([doc], [[i % 2 == 0 for i in range(len(spans(doc.sents)))]])
    assert spans(nlp.sentences(parsed)) == spans(parsed.sents)
    assert nlp.sentences(nlp.rough("")) == []


def test_lemmas_match_the_models_lemmatizer(pipeline) -> None:
    """The memo and the set-valued lemma index give what the attribute ruler's table, else the
    lemmatizer, untouched, would."""
    stock = spacy.load(nlp.model_name())
    fresh, table = stock.get_pipe("lemmatizer"), nlp.pos_table(stock.get_pipe("attribute_ruler").patterns)
    text = "She was sworn in as mayor, having won the elections; the councils were meeting and voted twice."
    for _ in range(2):  # the second pass is served from the memo
        (doc,) = nlp.parse([nlp.rough(text)], [[True]])
        for token in doc:
            ruled = (table.get(f"{token.lower_}\t{token.tag_}") or table.get(f"\t{token.tag_}") or ["", "", ""])[2]
            assert token.lemma_ == (ruled or fresh.rule_lemmatize(token)[0]), token.text


def test_the_tokenizer_is_the_one_the_model_saved(pipeline) -> None:
    """Built from the language's defaults instead of read from the model (the same, read faster)."""
    saved = srsly.read_msgpack(pipeline.path / "tokenizer")
    assert srsly.msgpack_loads(pipeline.tokenizer.to_bytes(exclude=["vocab"])) == saved


def test_a_saved_tokenizer_unlike_the_default_is_read(tmp_path) -> None:
    from checker.nlp.pipeline import _model_tokenizer

    custom = spacy.blank("en")
    custom.tokenizer.add_special_case("chronolint", [{"ORTH": "chrono"}, {"ORTH": "lint"}])
    custom.to_disk(tmp_path)
    model = spacy.load(tmp_path, exclude=["tokenizer"])
    assert [t.text for t in model("chronolint")] == ["chronolint"]
    _model_tokenizer(model)
    assert [t.text for t in model("chronolint")] == ["chrono", "lint"]


@pytest.mark.parametrize(
    ("text", "dated", "expected"),
    [
        ("Acme Corp reported profits. It said in 2019 that sales rose.", "2019", [True, True]),  # a pronoun
        ("Donald Trump arrived. Trump spoke on Tuesday.", "Tuesday", [True, True]),  # a surname given in full
        ("The weather was mild. The bridge opened on May 3, 2019.", "May", [False, True]),
        ("Markets fell. On Monday, March 4, 2025, trading resumed.", "Monday", [False, True]),
    ],
)
def test_sentences_to_parse(pipeline, text: str, dated: str, expected: list[bool]) -> None:
    """A dated sentence is parsed; the one before only when a pronoun or surname may point back to it."""
    doc = nlp.rough(text)
    assert assertions.sentences_to_parse(list(doc.sents), [text.index(dated)]) == expected
