"""Arithmetic as prose writes it (issue 12, item 4): offsets across paragraphs, spans against
their begin and end, anniversaries, ages before the name, at death, far from the birth, and
ages of people whose birth a pack holds. Each shape has sentences it must flag and traps,
sentences that could be true, that it must leave alone."""

from __future__ import annotations

from datetime import date

import pytest

from checker import engine, nlp
from checker.checks.age import age_findings
from checker.checks.duration import durations
from checker.model import Analysis, Finding
from checker.source import read_text

PUBLISHED = date(2024, 9, 16)


@pytest.fixture(scope="module", autouse=True)
def _spacy() -> None:
    nlp.load()


def analysis(text: str, published: date | None = PUBLISHED) -> Analysis:
    return engine.analyze([read_text(text, published=published)])[0]


def duration_spans(text: str, published: date | None = PUBLISHED) -> list[str]:
    return [text[f.span.start : f.span.end] for f in durations(analysis(text, published))]


def age_spans(text: str, published: date | None = PUBLISHED) -> list[str]:
    found: list[Finding] = list(age_findings(analysis(text, published), engine.knowledge()))
    return [text[f.span.start : f.span.end] for f in found]


# ---------------------------------------------------------------------- durations


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # a relative offset whose anchor borrows the year, like its target
        (
            "The ferry service resumed on March 4. Ten days later, on April 2, the second pier reopened.",
            "Ten days later",
        ),
        # across a paragraph break: the anchor closes its paragraph, the offset opens another
        (
            "The jury returned its verdict on October 8, 2003.\n\nThe courtroom was crowded. Reporters waited outside.\n\n"
            "Three days earlier, on September 27, the judge had warned the jury.",
            "Three days earlier",
        ),
        # a span against the one range of its sentence
        ("The excavation, which ran from 1996 to 1999, took two decades and uncovered a Roman villa.", "two decades"),
        # a span and a short phrase before the range
        ("After 30 months of repairs, from May 2015 to June 2016, the viaduct reopened.", "30 months"),
        ("Her 12-year tenure at the museum, from 1990 to 1995, ended quietly.", "12-year"),
        ("Okafor served nine years as harbour master, from 2001 to 2005.", "nine years"),
        # a span against the begin and end of its sentence
        ("The lockout, which lasted three weeks, began on June 2, 2011 and ended on August 30, 2011.", "three weeks"),
        (
            "The result of a 20-month audit that began in March 2018 and ended in May 2018, the report was long.",
            "20-month",
        ),
        # a pause from a stop to a restart
        ("The choir disbanded in 1961 and reformed in 1964 after a twelve-year hiatus.", "twelve-year"),
        # counted from an event's date
        ("In 1998, six years after its opening in 1979, the library added a west wing.", "six years"),
        ("It has been ten years since the Harlow tunnel opened in 1990.", "ten years"),
        # anniversaries against the founding
        ("The Merrow Trust, founded in 1951, is celebrating its 40th anniversary this year.", "40th anniversary"),
        (
            "The Elm Street cinema opened in 1921. It marked its 50th anniversary in 1968 with a free screening.",
            "50th anniversary",
        ),
    ],
)
def test_stated_spans_and_offsets_that_cannot_be_true_are_flagged(text: str, span: str) -> None:
    assert duration_spans(text) == [span]


@pytest.mark.parametrize(
    "text",
    [
        # the offset counts from an undated event between (no paragraph break)
        "The jury returned its verdict on October 8, 2003. The judge thanked them. Three days earlier, on September 27, "
        "a juror fell ill.",
        # a far anchor inside one paragraph
        "The jury returned its verdict on October 8, 2003. Reporters waited. Lawyers argued. Three days earlier, on "
        "September 27, the judge spoke.",
        # the anchor borrows the year but the target states one: the years may differ
        "The ferry service resumed on December 20. Two weeks later, on January 3, 2025, the pier reopened.",
        # spans that fit
        "The excavation, which ran from 1996 to 1999, took three years and uncovered a Roman villa.",
        "The lockout, which lasted twelve weeks, began on June 2, 2011 and ended on August 30, 2011.",
        "The choir disbanded in 1961 and reformed in 1973 after a twelve-year hiatus.",
        # a pause from a founding is not a pause: nothing stopped in 1950
        "The choir, founded in 1950, reformed in 1973 after a twelve-year hiatus.",
        # two ranges: which one the span measures is unclear
        "The works, which ran from 1996 to 1999 and from 2003 to 2004, took two decades.",
        # an offset word in the phrase: not the length of the range
        "Two years after graduating, from 2001 to 2009 she taught in Leeds.",
        # anniversaries that fit, or of another event
        "The Merrow Trust, founded in 1951, is celebrating its 73rd anniversary this year.",
        "The Merrow Trust, founded in 1951, marked the 40th anniversary of the armistice in 1958.",
        "The Merrow Trust, founded in 1951, will mark its 75th anniversary in 2026.",
        # "N years since" in the past: counted to a time the text does not give
        "It was ten years since the Harlow tunnel opened in 1990.",
        "It has been 34 years since the Harlow tunnel opened in 1990.",
    ],
)
def test_spans_and_offsets_that_could_be_true_are_not_flagged(text: str) -> None:
    assert duration_spans(text) == []


def test_anniversary_of_this_year_allows_a_jubilee_running_into_the_next() -> None:
    assert duration_spans("The Merrow Trust, founded in 1950, is celebrating its 73rd anniversary this year.") == []


# ---------------------------------------------------------------------- ages


@pytest.mark.parametrize(
    ("text", "published", "span"),
    [
        # an age before the name
        ("41-year-old Tomas Eriksen, born in 1970, was appointed coach on Friday.", PUBLISHED, "41-year-old"),
        # a copular age after the death
        ("Agnes Morrow, who was born on 3 May 1930, died on Tuesday at her farm. She was 88.", PUBLISHED, "She was 88"),
        # at death, against a life span
        (
            "Albin Kessler (4 June 1901 – 9 July 1977) was a botanist. He wrote three books.\n\nKessler died aged 70.",
            PUBLISHED,
            "aged 70",
        ),
        # fronted, with the name after it
        ("At 25, Mira Sato, born on 5 January 2001, won the regional title on 2 February 2024.", PUBLISHED, "At 25"),
        (
            "Rafael Ortiz was born in 1931. He trained in Cadiz.\n\nIn 1960, at 19, Ortiz sailed to Lima.",
            PUBLISHED,
            "at 19",
        ),
        # the news apposition with "aged", an age now
        ("Mr Doyle, aged 52, of Carlow, who was born in June 1951, denied the charge.", PUBLISHED, "aged 52"),
        # a when-clause
        ("Lena Hart (born 1940) emigrated when she was 41, in 1962.", PUBLISHED, "she was 41"),
        # far from the birth, through the full name or a surname no one else bears
        (
            "Ines Varga was born on 8 August 1961 in Pecs.\n\nThe council met. It voted. It adjourned.\n\n"
            "The 55-year-old Varga has not said whether she will stand again.",
            PUBLISHED,
            "55-year-old",
        ),
        (
            "Ines Varga was born in 1961.\n\nThe council met. It voted. It adjourned.\n\nVarga, 45, chairs it.",
            PUBLISHED,
            "45",
        ),
        # a pack's birth date, with the title before the name
        ("President Joe Biden, 70, spoke on Monday.", date(2023, 5, 10), "70"),
    ],
)
def test_ages_that_cannot_be_true_are_flagged(text: str, published: date, span: str) -> None:
    assert age_spans(text, published) == [span]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("41-year-old Tomas Eriksen, born in 1982, was appointed coach on Friday.", PUBLISHED),
        ("Agnes Morrow, who was born on 3 May 1930, died on Tuesday at her farm. She was 94.", PUBLISHED),
        ("Albin Kessler (4 June 1901 – 9 July 1977) was a botanist.\n\nKessler died aged 76.", PUBLISHED),
        ("At 23, Mira Sato, born on 5 January 2001, won the regional title on 2 February 2024.", PUBLISHED),
        ("Mr Doyle, aged 73, of Carlow, who was born in June 1951, denied the charge.", PUBLISHED),
        # unknown birthday: two ages possible
        ("Lena Hart (born 1940) emigrated when she was 21, in 1962.", PUBLISHED),
        ("Lena Hart (born 1940) emigrated when she was 22, in 1962.", PUBLISHED),
        # a range of ages
        ("Lena Hart, born in 1940, was aged 30-35 when she emigrated in 1972.", PUBLISHED),
        # two people with the surname: which one is meant is unclear
        (
            "Ines Varga was born in 1961.\n\nPeter Varga spoke. It voted. It adjourned.\n\nVarga, 45, chairs it.",
            PUBLISHED,
        ),
        # another full name between: "the 55-year-old" may be her
        (
            "Ines Varga was born on 8 August 1961 in Pecs.\n\nThe council met. Ana Lopez spoke.\n\n"
            "The 55-year-old has not said whether she will stand again.",
            PUBLISHED,
        ),
        # a pack's birth date that fits, and a name the pack does not know
        ("President Joe Biden, 80, spoke on Monday.", date(2023, 5, 10)),
        ("Senator Joan Whitlow, 70, spoke on Monday.", date(2023, 5, 10)),
        # the age of someone else told beside a birth
        ("Carl Moss, born in 1950, mourned his daughter, who died at 30 in 2012.", PUBLISHED),
    ],
)
def test_ages_that_could_be_true_are_not_flagged(text: str, published: date) -> None:
    assert age_spans(text, published) == []


@pytest.mark.parametrize(
    "text",
    [
        "Otto Lind, who was born on 9 March 1921 and died in 1990, would have turned 100 in 2021.",
        "Otto Lind, born in 1921, would have been 70 when the bridge opened in 1980.",
    ],
)
def test_counterfactual_ages_are_not_claims(text: str) -> None:
    assert age_spans(text) == []


def test_an_offset_counts_from_the_last_date_of_the_thing_its_clause_names() -> None:
    text = (
        "The Brookfield library opened in 1962. A local architect had built a bank in 1958. Readers came. "
        "Funding grew. Four years after that, in 1975, the library added a reading room."
    )
    assert duration_spans(text) == ["Four years after that"]


@pytest.mark.parametrize(
    "text",
    [
        # the thing named is another: the date before it may be the reference
        "The Brookfield library opened in 1962. Its architect had built a bank in 1958. Readers came. "
        "Funding grew. Four years after that, in 1975, the museum added a reading room.",
        # a later date of the same thing is the reference
        "The Brookfield library opened in 1962. The library closed for repairs in 1971. Readers came. "
        "Funding grew. Four years after that, in 1975, the library added a reading room.",
    ],
)
def test_an_offset_far_from_a_date_of_another_thing_is_not_measured(text: str) -> None:
    assert duration_spans(text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Ruiz ran the bakery for six years, from 1971 to 1975, before selling it.", True),
        ("The pier was closed for ten years, from 1982 until 1990, while it was rebuilt.", True),
        ("Ruiz ran the bakery for five years, from 1971 to 1975, before selling it.", False),  # counting both years
        ("Ruiz ran the bakery for four years, from 1971 to 1975, before selling it.", False),
        (
            "Ruiz ran the bakery for three years, from 1971 to 1975, before selling it.",
            False,
        ),  # late 1971 to early 1975
        ("Ruiz ran the bakery for about six years, from 1971 to 1975, before selling it.", False),
    ],
)
def test_a_count_of_years_between_two_years_allows_no_year_more(text: str, flagged: bool) -> None:
    assert bool(duration_spans(text)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The ballot was held on Wednesday. A day earlier, on Monday, the polls were sealed.", True),
        ("The ballot was held on Wednesday. Three days later, on Friday, the count ended.", True),
        ("The ballot was held on Wednesday, September 4. The next day, on Saturday, the count ended.", True),
        ("The ballot was held on Wednesday. A day earlier, on Tuesday, the polls were sealed.", False),
        ("The ballot was held on Wednesday. Three days later, on Saturday, the count ended.", False),
        (
            "The ballot was held on Wednesday. Ten days later, on Friday, the count ended.",
            False,
        ),  # ten, give or take one
    ],
)
def test_day_offsets_against_a_named_weekday(text: str, flagged: bool) -> None:
    assert bool(duration_spans(text)) is flagged


@pytest.mark.parametrize(
    "text",
    [
        # the count is of another stretch than the range of its object
        "The bank may write off over 12 years the farm debts incurred between 1981 and 1986.",
        "The bank may spread over 12 years farm debts between 1981 and 1986.",
    ],
)
def test_a_count_and_a_range_of_another_phrase_are_not_measured(text: str) -> None:
    assert duration_spans(text) == []


def test_a_pack_birth_is_read_only_for_a_name_the_age_itself_gives() -> None:
    # "she" is not the president the parse may have linked it to
    text = "President Joe Biden spoke on Monday. A lawyer said she met him in 1995 when she was 30 years old."
    assert age_spans(text, date(2023, 5, 10)) == []


def test_an_offset_counts_from_the_thing_it_names_over_another_things_date_just_before() -> None:
    text = (
        "The Brookfield library opened in 1962. The council may refinance its bonds on May 1, 1990.\n\n"
        "Four years after that, in 1975, the library added a reading room."
    )
    found = list(durations(analysis(text)))
    assert [text[f.span.start : f.span.end] for f in found] == ["Four years after that"]
    assert "1962" in found[0].message


def test_a_date_told_on_of_the_same_thing_stays_the_reference() -> None:
    text = "The Brookfield library opened in 1962. Its roof was replaced in 1971. Four years later, in 1975, the library added a wing."
    assert duration_spans(text) == []


def test_a_fronted_participle_is_no_name_for_the_age() -> None:
    text = "Born on 9 June 1990, the keeper turned 40 on 9 June 2021 and saved a penalty."
    assert age_spans(text) == ["turned 40"]


def test_a_name_with_a_particle_keeps_its_birth() -> None:
    assert age_spans("Anna van Dijk, 60, who was born in 1941, said the vote was final.") == ["60"]


def test_an_anniversary_on_a_bare_weekday_is_measured_to_the_day_it_resolves_to() -> None:
    """ "on Friday" in the news frame is the Friday before publication, not any Friday of the years."""
    text = "The Calder Library was founded in {}. The library celebrated its 30th anniversary on Friday."
    assert duration_spans(text.format(1970), date(2019, 5, 1)) == ["30th anniversary"]
    assert duration_spans(text.format(1989), date(2019, 5, 1)) == []
    assert duration_spans(text.format(1970), None) == []  # no publication date: the Friday is any Friday
