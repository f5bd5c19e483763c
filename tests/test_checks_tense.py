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
        (
            "President Trump was sworn into his second term on January 20, 2025.",
            "2024-12-20",
            "sworn into his second term on January 20, 2025",
        ),
        ("The stadium, which opened in 2024, seats 40,000 people.", "2023-05-01", "opened in 2024"),
        ("Two weeks ago, on January 3, 2025, the council met.", "2024-12-20", "January 3, 2025, the council met"),
        (
            "The company has launched three products since March 2025.",
            "2024-06-01",
            "launched three products since March 2025",
        ),
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


# ----------------------------------------------------------------- no finite verb: the main clause decides


@pytest.mark.parametrize(
    ("text", "published", "flagged"),
    [
        ("Opened in 2031, the Marlow footbridge links both banks of the river.", "2029-05-01", "Opened in 2031"),
        ("Elected mayor on 4 May 2028, Priya Nair promised a new tram line.", "2027-09-01", "4 May 2028"),
        ("The archive catalogued in 2030 holds 4,000 letters.", "2028-01-01", "catalogued in 2030"),
        ("An audit carried out in 2032 found serious gaps.", "2030-01-01", "carried out in 2032"),
        (
            "Since joining the board in 2033, Okafor has chaired four committees.",
            "2031-01-01",
            "joining the board in 2033",
        ),
        (
            "Tarrant Mills reported annual profits on March 18, 2027, lifting its shares.",
            "2027-03-01",
            "reported annual profits on March 18, 2027",
        ),
    ],
)
def test_participles_and_reduced_relatives_take_the_main_clause_time(check, text, published, flagged) -> None:
    (found,) = rules_of(check(text, published))
    assert found[0] == "chronology/anachronism" and flagged in found[1]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Completed in 2031, the tower will be the tallest in the region.", "2029-01-01"),  # future main clause
        ("Homes built in 2031 must meet the new insulation standard.", "2029-01-01"),  # a rule: a modal
        ("New flats sold in 2031 pay a lower stamp duty.", "2029-01-01"),  # plural: a generic present
        ("Bonds maturing in 2031 yield 4 percent.", "2029-01-01"),  # a gerund of a noun looks ahead
        ("When questioned about cuts in 2031, the minister declined to answer.", "2029-01-01"),  # loose attachment
        ("Slated for 2031, the stadium is already over budget.", "2029-01-01"),  # a schedule's participle
        ("Set in 2031, the play follows two sisters on a farm.", "2029-01-01"),  # a setting
        ("Plans to close the depot on March 3, 2026 drew protests.", "2026-04-01"),  # a noun's infinitive
    ],
)
def test_no_anachronism_without_a_deciding_main_clause(check, text, published) -> None:
    assert rules_of(check(text, published)) == []


def test_plans_as_a_headline_noun_are_no_headline_future(check) -> None:
    assert rules_of(check("Plans to close the depot on March 3, 2026", "2026-04-01")) == []


# ----------------------------------------------------------------- schedules told in the present


@pytest.mark.parametrize(
    ("text", "published", "flagged"),
    [
        ("The Kessock ferry is set to resume in April 2026.", "2027-02-01", "resume in April 2026"),
        ("Ashford council plans to publish its audit in 2025.", "2026-08-01", "publish its audit in 2025"),
        ("The new runway is due to open in 2024.", "2025-11-01", "open in 2024"),
        ("Bidding is expected to close on 3 March 2026.", "2026-04-01", "close on 3 March 2026"),
        ("Due to reopen in 2024, the gallery will show local artists.", "2025-03-01", "reopen in 2024"),
        ("Scheduled to finish in May 2025, the works will shut two lanes.", "2025-09-01", "finish in May 2025"),
        ("The appeal is scheduled for 12 February 2026.", "2026-03-01", "scheduled for 12 February 2026"),
        ("The final report is due on June 30, 2025.", "2025-08-01", "is due on June 30, 2025"),
        ("The choir is going to record its album on 9 May 2025.", "2025-07-01", "record its album on 9 May 2025"),
        (
            "Harbour board to vote on dredging plan on March 3, 2026",
            "2026-04-01",
            "vote on dredging plan on March 3, 2026",
        ),
    ],
)
def test_present_schedules_and_going_to_are_futures(check, text, published, flagged) -> None:
    (found,) = rules_of(check(text, published))
    assert found[0] == "chronology/stale-future" and flagged in found[1]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("The ferry was set to resume in April 2026, but the pier collapsed.", "2027-02-01"),  # a past plan
        ("The council had hoped to publish its audit in 2025.", "2026-08-01"),
        ("The firm said it plans to open a depot in 2025.", "2026-08-01"),  # reported
        ("The board said the vote is scheduled for 12 February 2026.", "2026-03-01"),  # reported
        ("The runway, first scheduled for 2024, is now expected in 2027.", "2025-11-01"),  # a slipped schedule
        ("The drama is set in 1952 Belfast.", "2025-11-01"),  # a setting, not a schedule
        ("The treaty sets a target for 2020.", "2025-11-01"),  # "sets" is no schedule
        ("The gallery is not expected to reopen until 2024.", "2025-03-01"),  # negated
        ("Output is expected to have peaked in 2024.", "2025-03-01"),  # a perfect infinitive
    ],
)
def test_no_stale_future_for_past_reported_or_other_plans(check, text, published) -> None:
    assert rules_of(check(text, published)) == []


# ----------------------------------------------------------------- ambiguous numeric dates


def test_an_ambiguous_numeric_date_is_flagged_only_when_both_readings_are_wrong(check) -> None:
    assert rules_of(check("The lease was signed on 05/04/2026.", "2026-04-20")) == []  # 5 April fits
    assert rules_of(check("The lease was signed on 05/06/2026.", "2026-04-20")) == [
        ("chronology/anachronism", "signed on 05/06/2026")
    ]  # May 6 and June 5 are both ahead


def test_the_one_reader_makes_would_forward_for_the_tagger_and_hypothetical_for_claims(analyze) -> None:
    analysis = analyze("The mayor said the pool would reopen on Friday.", "2025-06-11")
    (friday,) = analysis.timexes
    assert friday.earliest.isoformat() == "2025-06-13"  # forward of the publication date
    (claim,) = analysis.assertions
    assert (claim.trigger, claim.modality) == ("reopen", "reported-future")


def test_a_date_between_said_and_its_clause_dates_the_saying(analyze) -> None:
    analysis = analyze("ROME - The minister said on Monday she will resign.", "2025-06-11")
    (monday,) = analysis.timexes
    assert monday.earliest.isoformat() == "2025-06-09"
    (claim,) = analysis.assertions
    assert (claim.trigger, claim.tense) == ("said", "past")


def test_a_year_after_a_from_amount_is_the_baseline_not_the_change(check) -> None:
    assert rules_of(check("The mill will lift output to 900 tonnes from 750 tonnes in 2024.", "2025-02-01")) == []
    assert rules_of(check("The mill will lift output to 900 tonnes in 2024.", "2025-02-01")) == [
        ("chronology/stale-future", "lift output to 900 tonnes in 2024")
    ]
