"""Anachronisms and stale futures: tense against the publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "coalition-strikes-article.md"


def rules_of(found: list[tuple[str, str]], prefix: str = "chronology/") -> list[tuple[str, str]]:
    return [f for f in found if f[0].startswith(prefix)]


@pytest.mark.parametrize(
    ("text", "published", "flagged"),
    [
        ("President Trump was sworn into his second term on January 20, 2025.", "2024-12-20",
         "sworn into his second term on January 20, 2025"),
        ("The stadium, which opened in 2024, seats 40,000 people.", "2023-05-01", "opened in 2024"),
        ("Two weeks ago, on January 3, 2025, the council met.", "2024-12-20", "January 3, 2025, the council met"),
        ("The company has launched three products since March 2025.", "2024-06-01", "launched three products since March 2025"),
        ("She resigned on March 3, 2025, after a long dispute.", "2025-02-01", "resigned on March 3, 2025"),
        ("In 2031 the firm went bankrupt.", "2030-06-01", "2031 the firm went"),
    ],
)
def test_past_tense_after_publication_is_an_anachronism(check, text, published, flagged) -> None:
    found = rules_of(check(text, published))
    assert [rule for rule, _ in found] == ["chronology/anachronism"]
    assert found[0][1] == flagged


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Trump will be sworn in on January 20, 2025.", "2024-12-20"),  # future: fine
        ("The event was scheduled to start on September 9, 2020.", "2020-08-01"),  # a plan (LanguageTool #1912)
        ("The event was scheduled to start on September 9, 2020.", "2022-08-01"),
        ("If elected in 2028, she would serve two terms.", "2024-01-01"),  # hypothetical
        ("He said he would resign on March 1, 2026.", "2025-01-01"),  # reported future
        ('"We opened the plant in 2030," the slide read, a forecast.', "2025-01-01"),  # quoted
        ("The 2025 budget was approved in 2024.", "2024-12-01"),  # the date classifies a noun
        ("The inauguration is on January 20, 2025.", "2024-12-20"),  # present: a schedule
        ("On December 20, the ministry reported new strikes.", "2024-12-20"),  # same day
        ("The bridge opened in 2019.", "2024-01-01"),
        ("Work will continue until 2030, officials said in 2024.", "2024-06-01"),
        ("1969: Apollo 11 lands on the Moon.", "1968-01-01"),  # headline, historical present
    ],
)
def test_no_anachronism(check, text, published) -> None:
    assert rules_of(check(text, published)) == []


def test_no_publication_date_no_tense_findings(check) -> None:
    assert rules_of(check("Biden will be sworn in on January 20, 2021. Lincoln was born in 1809.")) == []


@pytest.mark.parametrize(
    ("text", "published", "flagged"),
    [
        ("Biden will be sworn in on January 20, 2021.", "2022-03-01", "sworn in on January 20, 2021"),
        ("The new terminal will open in 2019, the airport says.", "2021-01-01", "open in 2019"),
        ("The museum will close on June 30, 2023.", "2023-07-15", "close on June 30, 2023"),
    ],
)
def test_future_tense_before_publication_is_stale(check, text, published, flagged) -> None:
    found = rules_of(check(text, published))
    assert found == [("chronology/stale-future", flagged)]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Biden will be sworn in on January 20, 2021.", "2020-12-01"),
        ("The terminal will open in 2021.", "2021-03-01"),  # the year is not over
        ("He said the vote would be held on May 4, 2020.", "2021-01-01"),  # reported speech
        ("The plant will have closed by 2020.", "2021-01-01"),  # future perfect: left alone
    ],
)
def test_no_stale_future(check, text, published) -> None:
    assert [f for f in rules_of(check(text, published)) if f[0] == "chronology/stale-future"] == []


def test_example_article_dated_2024_12_20_has_exactly_the_inauguration_anachronism(check) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    found = check(text, "2024-12-20")
    assert found == [("chronology/anachronism", "sworn into his second term on January 20, 2025")]


def test_example_article_dated_2025_12_20_is_clean(check) -> None:
    assert check(EXAMPLE.read_text(encoding="utf-8"), "2025-12-20") == []


def test_example_article_undated_infers_a_date_after_the_inauguration(analyze, check) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").split("---\n", 2)[2]  # drop the front matter
    analysis = analyze(text)
    assert analysis.document.published_source == "inferred"
    assert str(analysis.document.published) >= "2025-01-20"
    december = next(t for t in analysis.timexes if t.text == "December 20")
    assert december.earliest.year >= 2025
    assert check(text) == []
