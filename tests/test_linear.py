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
    from checker.assertions.participants import near_children

    doc = nlp.load()(text)
    for token in doc:
        assert near_children(token) == list(token.children), token.text


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
