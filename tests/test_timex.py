"""The temporal tagger: spans, TIMEX3 values, intervals, fields, and the traps."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import nlp, timex
from checker.model import Timex

DCT = date(2025, 3, 10)  # a Monday


@pytest.fixture(scope="module")
def blank():
    return nlp.tokenizer()


def tag(blank, text: str, dct: date | None = DCT, **kw: str) -> list[Timex]:
    return timex.tag(blank(text), dct, **kw)


def one(blank, text: str, dct: date | None = DCT, **kw: str) -> Timex:
    found = tag(blank, text, dct, **kw)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def texts(blank, text: str, dct: date | None = DCT) -> list[str]:
    return [t.text for t in tag(blank, text, dct)]


# ----------------------------------------------------------------- invalid dates (calendar/invalid-date)


@pytest.mark.parametrize(
    ("text", "span", "value", "fields"),
    [
        (
            "It happened on February 30, 2024.",
            "February 30, 2024",
            "2024-02-30",
            (2024, 2, 30),
        ),
        (
            "It happened on April 31, 2023.",
            "April 31, 2023",
            "2023-04-31",
            (2023, 4, 31),
        ),
        (
            "It happened on February 29, 2023.",
            "February 29, 2023",
            "2023-02-29",
            (2023, 2, 29),
        ),
        ("Filed 2023-02-29 by the clerk.", "2023-02-29", "2023-02-29", (2023, 2, 29)),
        ("Filed 31/04/2023 by the clerk.", "31/04/2023", "2023-04-31", (2023, 4, 31)),
    ],
)
def test_invalid_date_is_returned_with_fields(blank, text, span, value, fields):
    t = one(blank, text)
    assert (t.text, t.type, t.value, t.valid) == (span, "DATE", value, False)
    assert (t.fields.year, t.fields.month, t.fields.day) == fields
    assert t.earliest is None and t.latest is None


def test_invalid_numeric_date_in_international_order(blank):
    t = one(blank, "Filed 31/04/2023.", date_order="international")
    assert (t.value, t.valid) == ("2023-04-31", False)


def test_leap_day_is_valid_in_a_leap_year(blank):
    t = one(blank, "on February 29, 2024")
    assert t.valid and t.earliest == date(2024, 2, 29) == t.latest


# ----------------------------------------------------------------- weekday in apposition (calendar/weekday-mismatch)


@pytest.mark.parametrize(
    ("text", "span", "value", "weekday", "year"),
    [
        (
            "On Monday, March 4, 2025, the city council voted.",
            "Monday, March 4, 2025",
            "2025-03-04",
            0,
            2025,
        ),
        (
            "Mon., Jan. 6, 2025: doors open.",
            "Mon., Jan. 6, 2025",
            "2025-01-06",
            0,
            2025,
        ),
        (
            "The vote on Friday 5 December 2024 failed.",
            "Friday 5 December 2024",
            "2024-12-05",
            4,
            2024,
        ),
        (
            "It opened Tuesday (Jan. 21) downtown.",
            "Tuesday (Jan. 21)",
            "2025-01-21",
            1,
            None,
        ),
        (
            "On January 20, 2025, a Monday, he was sworn in.",
            "January 20, 2025, a Monday",
            "2025-01-20",
            0,
            2025,
        ),
        (
            "The hearing is March 4 (Tuesday).",
            "March 4 (Tuesday)",
            "2025-03-04",
            1,
            None,
        ),
    ],
)
def test_weekday_merged_with_date(blank, text, span, value, weekday, year):
    t = one(blank, text)
    assert (t.text, t.value, t.fields.weekday, t.fields.year) == (
        span,
        value,
        weekday,
        year,
    )
    assert t.earliest == t.latest == date.fromisoformat(value)


def test_relative_day_with_weekday(blank):
    t = one(blank, "Yesterday, Wednesday, the council met.")
    assert (t.text, t.value, t.fields.weekday, t.anchor) == (
        "Yesterday, Wednesday",
        "2025-03-09",
        2,
        "dct",
    )
    assert t.earliest == t.latest == date(2025, 3, 9)


def test_relative_day_with_weekday_in_parentheses(blank):
    t = one(blank, "The vote is today (Tuesday).")
    assert (t.text, t.value, t.fields.weekday) == ("today (Tuesday)", "2025-03-10", 1)


def test_possessive_weekday_is_a_weekday_alone(blank):
    t = one(blank, "Monday's meeting was short.")
    assert t.text == "Monday" and t.fields.weekday == 0 and t.fields.day is None


def test_lists_of_weekdays_are_not_merged(blank):
    assert texts(blank, "They met Monday, Tuesday and Wednesday.") == [
        "Monday",
        "Tuesday",
        "Wednesday",
    ]


# ----------------------------------------------------------------- explicit dates


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("on Jan. 20, 2025 at", "Jan. 20, 2025", "2025-01-20"),
        ("on Sept. 3, 2024 at", "Sept. 3, 2024", "2024-09-03"),
        ("on 5 December 2024 at", "5 December 2024", "2024-12-05"),
        ("on the 20th of January 2024,", "the 20th of January 2024", "2024-01-20"),
        ("on 2024-01-05 at", "2024-01-05", "2024-01-05"),
        ("on 01/05/2024 at", "01/05/2024", "2024-01-05"),
        ("on 13/05/2024 at", "13/05/2024", "2024-05-13"),
        ("in December 2024 we", "December 2024", "2024-12"),
        ("in March of 2020 we", "March of 2020", "2020-03"),
        ("in 1998 we", "1998", "1998"),
        ("on Dec. 2, '56 we", "Dec. 2, '56", "1956-12-02"),
    ],
)
def test_explicit_dates(blank, text, span, value):
    t = one(blank, text)
    assert (t.text, t.type, t.value, t.anchor, t.valid) == (
        span,
        "DATE",
        value,
        "explicit",
        True,
    )


def test_international_order(blank):
    assert one(blank, "on 01/05/2024 at", date_order="international").value == "2024-05-01"


def test_bad_date_order_is_a_clear_error(blank):
    with pytest.raises(ValueError, match="date_order"):
        tag(blank, "on 01/05/2024", date_order="iso")


def test_month_interval(blank):
    t = one(blank, "in February 2024 we")
    assert (t.earliest, t.latest, t.granularity) == (
        date(2024, 2, 1),
        date(2024, 2, 29),
        "month",
    )


def test_year_interval(blank):
    t = one(blank, "since 1998,")
    assert (t.earliest, t.latest, t.granularity, t.fields.year) == (
        date(1998, 1, 1),
        date(1998, 12, 31),
        "year",
        1998,
    )


# ----------------------------------------------------------------- yearless dates


def test_yearless_date_without_dct(blank):
    t = one(blank, "on December 20 the", dct=None)
    assert (t.value, t.earliest, t.latest, t.anchor, t.fields.year) == (
        "XXXX-12-20",
        None,
        None,
        "none",
        None,
    )


def test_yearless_date_past_tense_goes_back(blank):
    t = one(blank, "The council voted on December 20.", dct=date(2025, 3, 10))
    assert (t.value, t.anchor) == ("2024-12-20", "tense")


def test_yearless_date_future_tense_goes_forward(blank):
    t = one(blank, "The council will vote on Jan. 6.", dct=date(2024, 12, 20))
    assert (t.value, t.anchor) == ("2025-01-06", "tense")


# ----------------------------------------------------------------- traps


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May said she may resign.",
        "Protesters march on the capital; they will March again.",
        "The plant employs 2024 workers.",
        "It shipped 1999 units last quarter.",
        "The account number is 379480.",
        "The store is open 24/7.",
        "Upgrade to version 2.1.2024 now.",
        "Call 555-2024 for tickets.",
        "The final score was 21-14.",
        "It cost $2024 in total.",
        "Sat. Sun.",
    ],
)
def test_traps_are_not_dates(blank, text):
    assert [t for t in tag(blank, text) if t.type == "DATE" and t.fields.year or t.fields.month] == []


def test_nine_eleven_is_not_a_date_of_some_year(blank):
    assert [t.value for t in tag(blank, "after 9/11 the rules changed")] == []


# ----------------------------------------------------------------- round trips over many dates

FORMATS = (
    "{d:%B} {d.day}, {d.year}",
    "{d.day} {d:%B} {d.year}",
    "{d:%A}, {d:%B} {d.day}, {d.year}",
    "{d:%Y-%m-%d}",
    "{d.month}/{d.day}/{d.year}",
)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(
    d=st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31)),
    fmt=st.sampled_from(FORMATS),
)
def test_written_dates_round_trip(blank, d, fmt):
    written = fmt.format(d=d)
    t = one(blank, f"It happened on {written} in town.")
    assert (t.text, t.value, t.earliest, t.latest, t.valid) == (
        written,
        d.isoformat(),
        d,
        d,
        True,
    )
    assert (t.fields.year, t.fields.month, t.fields.day) == (d.year, d.month, d.day)
    assert t.fields.weekday == (d.weekday() if "%A" in fmt else None)


def test_resolving_found_candidates_again_equals_tagging() -> None:
    """The engine finds candidates once and resolves them before and after the parse."""
    from checker import nlp as pipeline
    from checker import timex as tagger

    text = "The bridge opened on Monday. It closed on March 4, 2025, two days later."
    doc = pipeline.rough(text)
    found = tagger.find(doc.text)
    assert tagger.resolve(doc, found, date(2025, 3, 10)) == tagger.tag(doc, date(2025, 3, 10))
    (parsed,) = pipeline.parse([doc], [[True, True]])
    assert tagger.resolve(parsed, found, date(2025, 3, 10)) == tagger.tag(parsed, date(2025, 3, 10))
    with pytest.raises(ValueError, match="date_order"):
        tagger.find(text, date_order="british")


def test_a_month_before_a_decimal_is_no_day(blank):
    """A table of monthly amounts ("Oct 4.5, Nov 12.0") holds months, not days."""
    values = [t.value for t in tag(blank, "Rainfall in inches: September 3.5, October 14.0, November 2.25.")]
    assert values and not [v for v in values if v.count("-") == 2]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sales doubled in the 1980s.", "198"),
        ("Sales doubled in the 1980's.", "198"),
        ("Sales doubled in the '80s.", "198"),
        ("発売は2019年7月4日でした。", "2019-07-04"),
        ("締め切りは3月15日です。", "2025-03-15"),
    ],
)
def test_decades_and_kanji_dates_are_found_from_their_own_triggers(blank, text, expected):
    assert [t.value for t in tag(blank, text)] == [expected]


def test_a_rule_compiles_only_once_its_trigger_words_occur() -> None:
    """Cold start: a text without kanji dates never compiles the kanji rules (in a fresh process)."""
    import subprocess
    import sys

    code = (
        "from checker.timex.select import RULES, candidates\n"
        "kanji = [r for r in RULES['us'] if r.name.startswith('kanji')]\n"
        "def compiled(): return ['pattern' in r.__dict__ for r in kanji]\n"
        "candidates('The council met on Monday, March 4, 2025.')\n"
        "before = compiled()\n"
        "candidates('次回は2016年4月に')\n"
        "print(before, compiled())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60).stdout
    assert out.strip() == "[False, False, False] [True, True, True]"
