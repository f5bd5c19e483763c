"""The evaluation loaders (benchmarks/corpora.py) and the TE-3 scorer; skipped without ../shared/data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import corpora, tempeval3
from checker import nlp
from checker.model import Timex


@pytest.fixture(scope="module")
def data() -> Path:
    root = corpora.data_root()
    if root is None:
        pytest.skip("../shared/data is not present")
    return root


def test_tml_offsets_match_the_text(data):
    docs = corpora.tempeval3("platinum")
    assert len(docs) == 20
    assert sum(len(d.timexes) for d in docs) == 138
    for d in docs:
        assert d.dct is not None
        for g in d.timexes:
            assert d.text[g.start : g.end] == g.text
            assert g.type in ("DATE", "TIME", "DURATION", "SET") and g.value


def test_gum_offsets_match_the_text(data):
    docs = corpora.gum("news")
    assert len(docs) == 43 and all(d.dct for d in docs)
    assert sum(len(d.dates) for d in docs) == 288
    for d in docs:
        for g in d.dates:
            assert d.text[g.start : g.end] == g.text and g.text == g.text.strip()


def test_reuters_and_isot(data):
    reuters = corpora.reuters21578()
    assert len(reuters) == 2613 and all(a.dct for a in reuters)
    assert not reuters[0].text.rstrip().endswith("Reuter")
    isot = corpora.isot_true()
    assert len(isot) == 561 and isot[0].dct is not None


def _timex(start: int, end: int, value: str = "2024", type_: str = "DATE") -> Timex:
    return Timex(start, end, "", type_, value)  # type: ignore[arg-type]


def test_scorer_strict_relaxed_and_value():
    text = "On Friday, March 4 2024 and in May."
    blank = nlp.tokenizer()
    gold = [
        corpora.GoldTimex(3, 9, "Friday", "DATE", "2024-03-01"),
        corpora.GoldTimex(11, 23, "March 4 2024", "DATE", "2024-03-04"),
        corpora.GoldTimex(31, 34, "May", "DATE", "2024-05"),
    ]
    system = [_timex(3, 9, "2024-03-01"), _timex(11, 18, "2024-03-05"), _timex(24, 27)]
    counts = tempeval3.Counts()
    errors: list[str] = []
    tempeval3.score_doc(counts, blank(text), gold, system, errors)
    table = counts.table()
    assert table["strict P"] == pytest.approx(1 / 3) and table["strict R"] == pytest.approx(1 / 3)
    assert table["relaxed P"] == pytest.approx(2 / 3) and table["relaxed R"] == pytest.approx(2 / 3)
    assert table["value acc"] == pytest.approx(1 / 2)
    assert table["value F1"] == pytest.approx(table["relaxed F1"] / 2)
    assert [e.split()[0] for e in errors] == ["DIFF", "MISS", "EXTRA"]


def test_wikiwars_and_tweets_offsets_match_the_text(data):
    wikiwars, tweets = corpora.wikiwars_dev(), corpora.tweets_dev()
    assert len(wikiwars) == 11 and sum(len(d.timexes) for d in wikiwars) == 1736
    assert len(tweets) == 742 and sum(len(d.timexes) for d in tweets) == 892
    for d in wikiwars + tweets:
        assert d.dct is not None
        for g in d.timexes:
            assert d.text[g.start : g.end] == g.text
            assert g.type in ("DATE", "TIME", "DURATION", "SET")


def test_timex2_to_timex3():
    assert corpora.timex2_gold({"val": "BC0499"}) == ("DATE", "-0499")
    assert corpora.timex2_gold({"val": "BC03"}) == ("DATE", "-03")
    assert corpora.timex2_gold({"val": "BC0480-04"}) == ("DATE", "-0480-04")
    assert corpora.timex2_gold({"val": "P1DE"}) == ("DURATION", "P10Y")
    assert corpora.timex2_gold({"val": "P2CE"}) == ("DURATION", "P200Y")
    assert corpora.timex2_gold({"val": "P.5CE"}) == ("DURATION", "P50Y")
    assert corpora.timex2_gold({"val": "P1D", "set": "YES"}) == ("SET", "P1D")
    assert corpora.timex2_gold({"val": "1904-02-08TNI"}) == ("TIME", "1904-02-08TNI")
    assert corpora.timex2_gold({"val": "PRESENT_REF"}) == ("DATE", "PRESENT_REF")
    assert corpora.timex2_gold({}) == ("DATE", "")


def test_tweet_values_made_plain():
    assert corpora.tweet_value("DATE", "2011-11-26-WXX-6") == ("DATE", "2011-11-26")
    assert corpora.tweet_value("TIME", "2013-04-12-WXX-5T23:59") == (
        "TIME",
        "2013-04-12T23:59",
    )
    assert corpora.tweet_value("DATE", "2014-XX-XX") == ("DATE", "2014")
    assert corpora.tweet_value("DATE", "2013-10-W41") == ("DATE", "2013-W41")
    assert corpora.tweet_value("DURATION", "P1C-#19") == ("DATE", "18")
    assert corpora.tweet_value("DATE", "2013-11-1") == ("DATE", "2013-11-01")
    assert corpora.tweet_value("DURATION", "P12H") == ("DURATION", "PT12H")
    assert corpora.tweet_value("DURATION", "PT2H") == ("DURATION", "PT2H")
    assert corpora.tweet_value("DATE", "2014-W33-WE") == ("DATE", "2014-W33-WE")
