"""The arithmetic rules on sentences run through the real pipeline (spaCy, tagger, assertions)."""

from __future__ import annotations

from datetime import date

import pytest

from checker import engine, nlp
from checker.assertions.ages import written as ages
from checker.assertions.measures import Stated, stated
from checker.assertions.windows import sentence_bounds
from checker.checks.age import age_findings, age_range
from checker.checks.duration import durations
from checker.model import Analysis, Finding
from checker.source import read_text

PUBLISHED = date(2025, 6, 1)


@pytest.fixture(scope="module", autouse=True)
def _spacy() -> None:
    """Load the pipeline once for the module; every test below reuses it."""
    nlp.load()


def analysis(text: str, published: date | None = PUBLISHED) -> Analysis:
    return engine.analyze([read_text(text, published=published)])[0]


def duration_findings(text: str, published: date | None = PUBLISHED) -> list[Finding]:
    return list(durations(analysis(text, published)))


def age_of(text: str, published: date | None = PUBLISHED) -> list[Finding]:
    return list(age_findings(analysis(text, published)))


def spanned(text: str, finding: Finding) -> str:
    return text[finding.span.start : finding.span.end]


# ---------------------------------------------------------------------- duration: flagged


@pytest.mark.parametrize(
    ("text", "published", "span", "related"),
    [
        (
            "The plant opened in 2010. Three years later, in 2015, it closed.",
            PUBLISHED,
            "Three years later",
            ["2010", "2015"],
        ),
        (
            "The plant opened in 2010. Two years later (in 2016) it closed.",
            PUBLISHED,
            "Two years later",
            ["2010", "2016"],
        ),
        (
            "The plant opened in 2010 and the mill in 2011. Two years later, in 2016, both closed.",
            PUBLISHED,
            "Two years later",
            ["2011", "2016"],
        ),
        ("It opened in 2010 and closed three years later, in 2015.", PUBLISHED, "three years later", ["2010", "2015"]),
        ("The war lasted from 1939 to 1945, a full decade.", PUBLISHED, "a full decade", ["1939", "1945"]),
        ("He served five years, from 2009 to 2017.", PUBLISHED, "five years", ["2009", "2017"]),
        ("Last year, in 2023, sales fell.", PUBLISHED, "Last year", ["2023"]),
        ("This year, in 2024, sales fell.", PUBLISHED, "This year", ["2024"]),
        ("Two weeks ago, on January 3, 2025, the board met.", date(2024, 12, 20), "Two weeks ago", ["January 3, 2025"]),
        ("Two years ago, in 2021, the mine closed.", PUBLISHED, "Two years ago", ["2021"]),
        (
            "It opened in March 2010. Six months later, in November, it closed.",
            PUBLISHED,
            "Six months later",
            ["March 2010", "November"],
        ),
        (
            "The law passed on March 3, 2020. Ten days later, on April 1, 2020, it took effect.",
            PUBLISHED,
            "Ten days later",
            ["March 3, 2020", "April 1, 2020"],
        ),
        (
            "The plant opened in 2010. The following year, in 2013, it closed.",
            PUBLISHED,
            "The following year",
            ["2010", "2013"],
        ),
        (
            "The fund started in 1990. A decade later, in 2010, it was wound up.",
            PUBLISHED,
            "A decade later",
            ["1990", "2010"],
        ),
        (
            "He arrived in 2010. Five years after that, in 2020, he left.",
            PUBLISHED,
            "Five years after that",
            ["2010", "2020"],
        ),
        (
            "He arrived on March 3, 2020. The next day, March 5, he left.",
            PUBLISHED,
            "The next day",
            ["March 3, 2020", "March 5"],
        ),
        (
            "He arrived in March 2010. The following month, in June 2010, he left.",
            PUBLISHED,
            "The following month",
            ["March 2010", "June 2010"],
        ),
        ("Last month, on October 3, sales fell.", PUBLISHED, "Last month", ["October 3"]),
        (
            "The plant opened in 2010. Nearly two decades later, in 2012, it closed.",
            PUBLISHED,
            "Nearly two decades later",
            ["2010", "2012"],
        ),
    ],
)
def test_offsets_and_spans_that_do_not_fit_are_flagged(
    text: str, published: date, span: str, related: list[str]
) -> None:
    found = duration_findings(text, published)
    assert [spanned(text, f) for f in found] == [span]
    assert found[0].rule == "arithmetic/duration"
    assert found[0].severity == "error"
    assert [text[r.span.start : r.span.end] for r in found[0].related] == related


def test_the_message_says_what_the_dates_give() -> None:
    (found,) = duration_findings("The plant opened in 2010. Three years later, in 2015, it closed.")
    assert "5 years after 2010" in found.message
    (found,) = duration_findings("The war lasted from 1939 to 1945, a full decade.")
    assert "6 years" in found.message and "a full decade" in found.message
    (found,) = duration_findings("Last year, in 2023, sales fell.")
    assert "2024" in found.message and "2025-06-01" in found.message


def test_two_weeks_ago_after_publication_is_both_an_offset_and_an_anachronism() -> None:
    text = "Two weeks ago, on January 3, 2025, the board met."
    rules = {f.rule for f in engine.findings([analysis(text, date(2024, 12, 20))])}
    assert {"arithmetic/duration", "chronology/anachronism"} <= rules


# ---------------------------------------------------------------------- duration: not flagged


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("The plant opened in 2010. Three years later, in 2013, it closed.", PUBLISHED),
        # December 2010 to January 2014 is three years and a month: rounding allows it.
        ("The plant opened in 2010. Three years later, in 2014, it closed.", PUBLISHED),
        ("The war lasted from 1939 to 1945, six years.", PUBLISHED),
        ("The war lasted from 1939 to 1945, nearly seven years.", PUBLISHED),
        ("He served eight years, from 2009 to 2017.", PUBLISHED),
        ("For two decades, from 1990 to 2010, he ruled.", PUBLISHED),
        ("Last year, in 2024, sales fell.", PUBLISHED),
        ("Last year, in March, sales fell.", PUBLISHED),  # the date narrows the year
        ("Earlier this year, in March, sales fell.", PUBLISHED),
        ("Two weeks ago, on December 6, the board met.", date(2024, 12, 20)),
        ("He arrived in 2010. Five years after that, in 2015, he left.", PUBLISHED),
        ("He arrived on March 3, 2020. The following day, on March 4, 2020, he left.", PUBLISHED),
        ("He arrived in 2010. The following month, in May 2010, he left.", PUBLISHED),  # no month to count from
        ("Last month, on May 3, sales fell.", PUBLISHED),
        ("The plant opened in 2010. Nearly two decades later, in 2028, it closed.", PUBLISHED),
        ("From 2014 to 2012, two years, he ruled.", PUBLISHED),  # reversed: chronology/order's
        ("Yesterday, May 3, sales fell.", PUBLISHED),  # a wire story's date is too loose for days
        ("Profit rose to $5 billion in 2024 from $4 billion a year earlier, in the first quarter.", PUBLISHED),
        ("In 2024, profit rose 5% from a year earlier, in 2023.", PUBLISHED),
        ("The festival ran from March 1 to March 30, 2020, a full month.", PUBLISHED),
        ("Next year, in 2026, the plant will reopen.", PUBLISHED),
        ("Last year, in fiscal 2024, sales fell.", PUBLISHED),  # a fiscal year straddles two calendar years
        ("Over the past decade, from 2010 to 2020, sales fell.", PUBLISHED),
        ("For the next two years, from 2025 to 2027, rates will rise.", PUBLISHED),
        ("Last year's 2023 budget was cut.", PUBLISHED),
        ("The plant opened in 2010. More than three years later, in 2015, it closed.", PUBLISHED),
        ("The plant opened in 2010. About four years later, in 2015, it closed.", PUBLISHED),
        ("It opened in November 2010. Three months later, in February, it closed.", PUBLISHED),
        ("The company was founded in 2010. Two years later, in 2012, it listed.", PUBLISHED),
        ("In the 1990s, sales grew.", PUBLISHED),  # a decade is a date, not a duration
        ("It was sold in 2019, a few years later.", PUBLISHED),  # a vague count measures nothing
        ("Several years later, in 2030, it closed.", PUBLISHED),
        # No date just before "later": nothing to count from.
        ("Three years later, in 2015, it closed.", PUBLISHED),
        ("In 2015, three years later, it closed.", PUBLISHED),
        # The date just before is itself relative: a chain of offsets, ambiguous.
        ("It opened in 2010. Two years later it grew. Three years later, in 2015, it closed.", PUBLISHED),
        # "ago" and "last year" need a stated publication date.
        ("Last year, in 2023, sales fell.", None),
        ("Two years ago, in 2019, the mine closed.", None),
        # A duration that is part of the range, not all of it.
        ("From 2010 to 2020, the first five years were hard.", PUBLISHED),
        ("From 2010 to 2020, three years of growth followed the crash.", PUBLISHED),
        ("From 2015 to 2020, two years after the crash, prices rose.", PUBLISHED),
        # The anchor is too far back, or another event follows it.
        ("It opened in 2010. It grew. It hired. It expanded. Three years later, in 2015, it closed.", PUBLISHED),
        ("It opened in 2010. It grew fast. Three years later, in 2015, it closed.", PUBLISHED),
        ("He was born in 1950 and moved to Paris. Three years later, in 1980, he married.", PUBLISHED),
    ],
)
def test_offsets_and_spans_that_could_be_true_are_not_flagged(text: str, published: date | None) -> None:
    assert duration_findings(text, published) == []


# ---------------------------------------------------------------------- duration: tolerances


@pytest.mark.parametrize(
    ("words", "low", "high"),
    [
        ("three years later", 24, 48),
        ("a decade later", 108, 132),
        ("about a decade", 90, 150),
        ("more than five years", 60, None),
        ("over a decade later", 120, None),
        ("at least two years", 24, None),
        ("a full decade", 120, None),
        ("nearly two decades later", 180, 240),
        ("almost a year later", 0, 12),
        ("under two years", 0, 24),
        ("18 months", 16, 20),
        ("two weeks ago", 7, 21),
        ("ten days later", 9, 11),
    ],
)
def test_tolerances_follow_the_words(words: str, low: int, high: int | None) -> None:
    claim = stated(words, None)
    assert isinstance(claim, Stated)
    assert (claim.low, claim.high) == (low, high)


@pytest.mark.parametrize("words", ["several years", "a few weeks later", "many decades", "three hours later"])
def test_vague_or_sub_day_counts_state_nothing(words: str) -> None:
    assert stated(words, None) is None


def test_about_a_decade_for_six_years_is_flagged_but_about_seven_is_not() -> None:
    """ "About" allows a quarter either way: 1939-1945 is at most 7 years, short of 7.5."""
    assert duration_findings("The war lasted from 1939 to 1945, about a decade.")
    assert not duration_findings("The war lasted from 1939 to 1945, about seven years.")


def test_a_range_start_without_a_year_takes_the_end_year() -> None:
    text = "The festival ran from March 1 to March 30, 2020, two days."
    found = duration_findings(text)
    assert [spanned(text, f) for f in found] == ["two days"]
    assert "29 days" in found[0].message
    assert not duration_findings("The festival ran from March 1 to March 30, 2020, a full month.")
    assert not duration_findings("The festival ran from December 20 to January 5, 2020, two weeks.")


# ---------------------------------------------------------------------- age: flagged


@pytest.mark.parametrize(
    ("text", "published", "span", "expected"),
    [
        ("Born March 2, 1950, she died on June 1, 2020, at the age of 72.", PUBLISHED, "at the age of 72", "is 70"),
        ("The 75-year-old, born in 1942, said he would run again.", date(2024, 5, 1), "75-year-old", "81 or 82"),
        ("Smith, 45, was born in 1960.", PUBLISHED, "45", "64 or 65"),
        ("Jones (45) was born in 1960.", PUBLISHED, "45", "64 or 65"),
        ("Born in 1950, she died in 2020, aged 75.", PUBLISHED, "aged 75", "69 or 70"),
        ("She was born in 1950 and died in 2020 at age 60.", PUBLISHED, "at age 60", "69 or 70"),
        ("The 10-year-old bridge, built in 2020, was closed.", PUBLISHED, "10-year-old", "4 or 5"),
        ("Jones, a 75-year-old grandmother born in 1942, lives in Ohio.", date(2024, 5, 1), "75-year-old", "81 or 82"),
        (
            "John Smith, born March 2, 1950, died June 1, 2020, at the age of 72.",
            PUBLISHED,
            "at the age of 72",
            "is 70",
        ),
        ("Mary Jones (born 1950) died in 2020 aged 75.", PUBLISHED, "aged 75", "69 or 70"),
        ("Zaha Hadid, who was born in 1950, died Tuesday at 72.", date(2024, 5, 1), "at 72", "Tuesday (2024-04-30)"),
        ("John Smith was born on May 5, 1960. Smith, 45, lives in Ohio.", PUBLISHED, "45", "65"),
        ("Her mother, born in 1930, died in 2020 at the age of 45.", PUBLISHED, "at the age of 45", "89 or 90"),
        ("Born on May 1, 1960, she turned 50 on June 1, 2011.", PUBLISHED, "turned 50", "51"),
        (
            "Zaha Hadid was born on 31 October 1950. She died on 31 March 2016 at the age of 67.",
            PUBLISHED,
            "at the age of 67",
            "65",
        ),
    ],
)
def test_ages_that_do_not_fit_the_birth_are_flagged(text: str, published: date, span: str, expected: str) -> None:
    found = age_of(text, published)
    assert [spanned(text, f) for f in found] == [span]
    assert found[0].rule == "arithmetic/age"
    assert expected in found[0].message


def test_an_age_at_death_points_at_the_birth_and_the_death() -> None:
    text = "Born March 2, 1950, she died on June 1, 2020, at the age of 72."
    (found,) = age_of(text)
    assert found.severity == "error"
    assert [text[r.span.start : r.span.end] for r in found.related] == ["March 2, 1950", "June 1, 2020"]


def test_a_birth_linked_by_name_from_another_sentence_is_a_warning() -> None:
    (found,) = age_of("John Smith was born on May 5, 1960. Smith, 45, lives in Ohio.")
    assert found.severity == "warning"


# ---------------------------------------------------------------------- age: not flagged


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Born March 2, 1950, she died on June 1, 2020, at the age of 70.", PUBLISHED),
        ("Born in 1950, she died in 2020, aged 69.", PUBLISHED),  # birthday unknown: 69 or 70
        ("Born in 1950, she died in 2020, aged 70.", PUBLISHED),
        ("Born in 1950, she died in 2020, aged about 72.", PUBLISHED),  # "about" allows two years
        ("Born in 1950, she died in 2020, aged nearly 71.", PUBLISHED),
        ("Born on May 1, 1960, she turned 50 on May 1, 2010.", PUBLISHED),
        ("The 75-year-old, born in 1949, said he would run again.", PUBLISHED),
        ("The 75-year-old, born in 1942, said he would run again.", None),  # undated: unknown, not wrong
        ("Smith, 45, was born in 1980.", PUBLISHED),
        ("Smith, 72, who was born in 1950, died in 2022.", PUBLISHED),  # at death, or now: either fits
        ("The 100-year-old company, founded in 1925, is moving.", PUBLISHED),
        ("Smith, 45, and Jones, 50, were born in 1980 and 1975.", PUBLISHED),  # which birth is whose?
        ("Smith, 45, and his son, born in 2000, spoke.", PUBLISHED),
        ("Smith, 45, and Jones, born in 2000, spoke.", PUBLISHED),
        ("Smith, 45, with a daughter born in 2000, spoke.", PUBLISHED),
        ('"I was born in 1950," Smith, 45, said.', PUBLISHED),  # quoted
        ("If she was born in 1950, Smith is now 45 years old.", PUBLISHED),  # hypothetical
        # Someone else's birth.
        ("Smith, 45, whose father was born in 1950, spoke.", PUBLISHED),
        ("Her mother, born in 1930, died in 2020; Smith was 45.", PUBLISHED),
        ("John Smith was born in 1950. His wife Jane Smith, 45, spoke.", PUBLISHED),
        ("Smith, 45, met Jones, who was born in 1950.", PUBLISHED),
        # An age given at an undated event with no present reference.
        ("Born in 1950, he became mayor at the age of 40.", PUBLISHED),
        ("Born in 1950, she won the title in 1990 and retired aged 50.", PUBLISHED),
        ("Born in 1950, she moved to Paris in 1975; she died aged 80.", PUBLISHED),
        # Not ages.
        ("Born in 1950, he retired at 65 and older workers followed.", PUBLISHED),
        ("The retirement age 67 applies to people born in 1960.", PUBLISHED),
        ("Born in 1950, she finished at 10 p.m.", PUBLISHED),
        ("The policy, established in 1990, covers 45,000 people.", PUBLISHED),
        ("On June 3, 45 people born in 1950 met.", PUBLISHED),
        # A birth far away, or by another name.
        ("John Smith was born in 1960. He moved. He worked. He retired. He travelled. Jones, 45, spoke.", PUBLISHED),
        # Creation dates only for the thing whose age is given.
        ("The 10-year-old boy visited the bridge, built in 2020.", PUBLISHED),
        ("The bridge was built in 2015 and the 10-year-old tunnel in 2015.", PUBLISHED),
    ],
)
def test_ages_that_could_be_true_are_not_flagged(text: str, published: date | None) -> None:
    assert age_of(text, published) == []


# ---------------------------------------------------------------------- age: pieces


@pytest.mark.parametrize(
    ("born", "at", "expected"),
    [
        ((date(1950, 3, 2), date(1950, 3, 2)), (date(2020, 6, 1), date(2020, 6, 1)), (70, 70)),
        ((date(1950, 6, 2), date(1950, 6, 2)), (date(2020, 6, 1), date(2020, 6, 1)), (69, 69)),
        ((date(1950, 1, 1), date(1950, 12, 31)), (date(2020, 1, 1), date(2020, 12, 31)), (69, 70)),
        ((date(1942, 1, 1), date(1942, 12, 31)), (date(2024, 5, 1), date(2024, 5, 1)), (81, 82)),
    ],
)
def test_age_range_widens_for_unknown_birthdays(
    born: tuple[date, date], at: tuple[date, date], expected: tuple[int, int]
) -> None:
    assert age_range(born, at) == expected


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("He died aged 72.", [(72, 72)]),
        ("at the age of seventy", [(70, 70)]),
        ("the 75-year-old", [(75, 75)]),
        ("a 3-year-old boy", [(3, 3)]),
        ("she is 45 years old", [(45, 45)]),
        ("Smith, 45, said", [(45, 45)]),
        ("Smith (45) said", [(45, 45)]),
        ("aged about 45", [(43, 47)]),
        ("died at 81", [(81, 81)]),
        ("died Tuesday at home at 81", [(81, 81)]),
        ("died on June 1, 2020, at 72", [(72, 72)]),
        ("died at 5 Main Street", []),
        ("died at 3 in the morning", []),
        ("she turned 50 in 2010", [(50, 50)]),
        ("the stock turned 50% higher", []),
        ("aged 18 to 24", []),
        ("the age 65 and older group", []),
        ("aged care homes", []),
        ("On June 3, 45 people came", []),
        ("Route 9, 45, and 50", []),
        ("at 10 a.m.", []),
    ],
)
def test_age_forms(text: str, values: list[tuple[int, int]]) -> None:
    assert [(a.low, a.high) for a in ages(text)] == values


def test_sentences_do_not_end_at_abbreviations() -> None:
    text = "Mr. Smith was born Jan. 5, 1960. He died in 2020. Then U.S. officials spoke."
    assert [text[s:e] for s, e in sentence_bounds(text)] == [
        "Mr. Smith was born Jan. 5, 1960.",
        "He died in 2020.",
        "Then U.S. officials spoke.",
    ]


def test_a_publication_date_from_front_matter_counts_and_spans_point_into_the_source() -> None:
    source = "---\ndate: 2025-06-01\n---\n\nLast year, in 2023, sales fell.\n"
    document = read_text(source, path="story.md")
    (found,) = durations(engine.analyze([document])[0])
    assert found.severity == "error"
    assert source[found.span.start : found.span.end] == "Last year"
    assert [source[r.span.start : r.span.end] for r in found.related] == ["2023"]


AGE_TEXTS = [
    "The mayor, aged 61, spoke.",
    "She turned 40 in May.",
    "He died on Sunday in Leeds at 88.",
    "The 12-year-old bridge is closing.",
    "Priya Natarajan, 37, of Derby, was charged.",
    "Tomas Berg (52) was named.",
    "She was 90.",
    "At 23, Okafor won the final.",
    "Nothing about anyone's age here, 1,200 people (or more) came at noon.",
    "He was 85. The 30-year-old Anna Webb, 29, said she turned fifty (50) at 9.",
]


def _matches(pattern, text: str) -> list[tuple[tuple[int, int], dict[str, str]]]:
    return [(m.span(), {k: v for k, v in m.groupdict().items() if v is not None}) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", AGE_TEXTS)
def test_a_text_is_scanned_for_the_age_forms_it_may_hold_with_the_same_matches(text: str) -> None:
    from checker.assertions import ages as module

    every_form = module._scan(tuple(range(len(module._FORMS))))
    assert _matches(module.age_forms(text), text) == _matches(every_form, text)


def test_every_age_form_is_still_found_when_it_is_the_only_one() -> None:
    assert all(list(ages(text)) for text in AGE_TEXTS[:-2])
    assert list(ages(AGE_TEXTS[-2])) == []
