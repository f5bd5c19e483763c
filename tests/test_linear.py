"""The searches that replaced scans on long texts give what the scans gave (no timing here:
benchmarks/scaling.py and benchmarks/backtracking.py measure the time)."""

from __future__ import annotations

import random

import pytest

from checker import engine
from checker.assertions import _inside, ages, quoted_ranges
from checker.assertions.windows import sentence_bounds, sentence_of
from checker.checks.people import KnowledgeContext
from checker.model import Analysis
from checker.reasoning import timeline

PIECES = ["Dr. Ames", "left.", "Then ", "rain fell.\n\n", "J. R.", " Oslo", '"Fine."  ', "St.", "x", "“", "”", '"']


def _texts(seed: int, count: int = 200) -> list[str]:
    rnd = random.Random(seed)
    return [" ".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 40))) for _ in range(count)]


def test_the_sentence_of_an_offset_is_the_first_that_holds_it() -> None:
    for text in _texts(3):
        bounds = sentence_bounds(text)
        for offset in range(len(text) + 2):
            scan = next((i for i, (s, e) in enumerate(bounds) if s <= offset < e or offset == e), len(bounds) - 1)
            assert sentence_of(bounds, offset) == scan, (text, offset)


def test_an_offset_is_quoted_when_strictly_inside_a_quoted_range() -> None:
    for text in _texts(5):
        ranges = quoted_ranges(text)
        for offset in range(len(text) + 2):
            assert _inside(offset, ranges) == any(s < offset < e for s, e in ranges), (text, offset)


@pytest.mark.parametrize(
    "text",
    [
        "The Treaty of Brno, signed by Austria and Prussia on May 3, 1866, ended the war.",
        "Version 2.0 of the Harbor Light app, released in 2019, was replaced by version 3.1 in 2021.",
    ],
)
def test_a_nouns_near_children_are_its_children_in_ordinary_sentences(text: str) -> None:
    from checker import nlp
    from checker.assertions.tree import children, near_children

    doc = nlp.load()(text)
    for token in doc:
        assert near_children(token) == list(token.children) == children(token), token.text


def test_a_table_with_no_full_stop_is_cut_into_sentences_at_its_line_breaks() -> None:
    from checker import nlp

    rows = "\n".join(f"| 19{i % 90 + 10}-05-0{i % 9 + 1} | Ada Quill | opened the mill |" for i in range(200))
    doc = nlp.rough(rows)
    sentences = list(doc.sents)
    assert max(len(s) for s in sentences) <= nlp.LONG_SENTENCE
    assert len(sentences) >= 200  # a row or more each: every line break of the long run starts one
    prose = "The mill opened in May 1910 and closed in 1950. It was rebuilt\nin 1962 by Ada Quill."
    assert [s.text for s in nlp.rough(prose).sents] == [s.text for s in nlp.tokenizer()(prose).sents]


def test_a_line_without_breaks_is_cut_every_long_sentence_tokens() -> None:
    from checker import nlp

    doc = nlp.rough(" ".join(["word"] * (3 * nlp.LONG_SENTENCE + 5)))
    assert [len(s) for s in doc.sents] == [nlp.LONG_SENTENCE] * 3 + [5]


def test_parse_batches_are_bounded_in_tokens_and_keep_the_order() -> None:
    from checker import nlp
    from checker.nlp.pipeline import _batches

    vocab = nlp.tokenizer().vocab
    from spacy.tokens import Doc

    pieces = [Doc(vocab, words=["w"] * n) for n in (10, 3000, 1500, 2600, 5000, 7, 7)]
    batches = list(_batches(iter(pieces), 32))
    assert [p for b in batches for p in b] == pieces
    assert all(len(b) == 1 or sum(map(len, b)) <= nlp.BATCH_TOKENS for b in batches)
    assert all(len(b) <= 2 for b in _batches(iter(pieces), 2))


def _life(n: int) -> str:
    """A long record of one person's birth and death, stated again and again (a table of one
    life's sources), then a death dated before the birth."""
    rows = [f"Ada Quill was born on March 3, 1890. Ada Quill died on June {i % 28 + 1}, 1950." for i in range(n)]
    return " ".join(rows) + " Ada Quill died on June 1, 1880."


def test_order_links_grow_linearly_with_one_persons_list_and_still_find_the_conflict(analyze) -> None:
    from checker import engine
    from checker.reasoning import timeline

    pack = engine.knowledge()
    n = 160
    analysis = analyze(_life(n))
    found = timeline.statements([analysis])
    count = len([x for x in timeline.links(found, pack) if x.reason.kind == "constraint"])
    assert count <= n * 2 * timeline.ORDER_NEAREST  # each birth bound to its nearest deaths only
    assert count < n * (n + 1) / 2  # not every (birth, death) pair: 25,760 of them
    conflicts = timeline.conflicts([analysis], pack)
    assert any({s.assertion.event for s in involved} == {"birth", "death"} for _, involved in conflicts)


def test_mentions_of_one_occurrence_tie_through_a_hub(analyze) -> None:
    from checker import engine
    from checker.reasoning import timeline

    text = " ".join(f"In {2000 + i} Bo Lind was named head coach of the Rovers." for i in range(30))
    analysis = analyze(text)
    ties = [x for x in timeline.links(timeline.statements([analysis]), engine.knowledge()) if x.reason.kind == "same"]
    assert 0 < len(ties) <= 30  # one tie per mention to a hub, not 435 pairs
    assert timeline.conflicts([analysis], engine.knowledge())


def test_order_constraints_pair_statements_without_hashing_an_analysis(analyze, monkeypatch) -> None:
    """The hash of an Analysis walks its whole text and assertions: one per statement and order
    constraint made a text of many lives quadratic (its analysis found by identity instead)."""
    names = ["Ada", "Bea", "Cy", "Dov", "Eli", "Fay"]
    text = "".join(f"{n} Smith was born in {1900 + i} and died in {1950 + i}. " for i, n in enumerate(names))
    found = timeline.statements([analyze(text, "2024-01-01")])
    hashed: list[Analysis] = []
    monkeypatch.setattr(Analysis, "__hash__", lambda self: hashed.append(self) or id(self))
    made = timeline.links(found, engine.knowledge())
    assert hashed == []
    assert sum(link.reason.kind == "constraint" for link in made) == len(names)  # each born before dying


def test_an_age_tries_the_births_of_the_sentences_near_it_then_those_of_its_name(analyze, monkeypatch) -> None:
    """Every birth tried for every age made a text of many ages and births quadratic."""
    far = "Ada Lovelace was born in 1815. " + "The rain fell. " * 10 + "Lovelace, 36, died in 1852."
    analysis = analyze("John Smith was born in 1950. John Smith, 42, said in 1992 that he was 42. " * 40 + far)
    tried = []
    linked = ages._linked
    monkeypatch.setattr(ages, "_linked", lambda *args: tried.append(args) or linked(*args))
    found = ages.find(analysis)
    assert len(found) == 81 and len(tried) < 2 * len(found)  # all pairs: 81 * 41
    assert [analysis.timexes[i].text for i in found[0].births] == ["1950", "1950"]  # a sentence before and after
    assert (found[-1].person, [analysis.timexes[i].text for i in found[-1].births]) == ("Lovelace", ["1815"])


def test_a_text_is_searched_for_other_bearers_of_a_surname_once_per_surname(check, monkeypatch) -> None:
    """A search of the whole text per claim made a text that names one person often quadratic."""
    searched = []
    search = KnowledgeContext._someone_else_named
    monkeypatch.setattr(KnowledgeContext, "_someone_else_named", lambda c, *a: searched.append(a[0]) or search(c, *a))

    def searches(repeats: int) -> list[str]:
        searched.clear()
        assert check("President Obama said in 2010 that Biden, 67, was born in 1942. " * repeats, "2024-01-01") == []
        return sorted(searched)

    assert searches(20) == searches(2) and "Obama" in searched
