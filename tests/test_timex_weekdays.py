"""The tagger's issue-12 additions: weekdays written short against a day date, Japanese dates,
yearless numeric dates beside a weekday, the other reading of an ambiguous numeric date, and
what is no year or range (24-hour clocks, a name's year, a date moved from one day to another)."""

from __future__ import annotations

from datetime import date

import pytest

from checker import nlp, timex
from checker.model import Timex

DCT = date(2023, 6, 15)  # a Thursday


@pytest.fixture(scope="module")
def blank():
    return nlp.tokenizer()


def tag(blank, text: str, dct: date | None = DCT, **kw: str) -> list[Timex]:
    return timex.tag(blank(text), dct, **kw)


def by_text(blank, text: str, dct: date | None = DCT, **kw: str) -> dict[str, Timex]:
    return {t.text: t for t in tag(blank, text, dct, **kw)}


@pytest.mark.parametrize(
    ("text", "span", "weekday"),
    [
        ("The hearing opens Thurs 8 June 2023 in Leeds.", "Thurs 8 June 2023", 3),
        ("Doors open: Sa, 17 June 2023, 10 a.m.", "Sa, 17 June 2023", 5),
        ("Poster session, Tu, June 20, 2023", "Tu, June 20, 2023", 1),
        ("Changelog 2023-06-09(Fri): fixes", "2023-06-09(Fri)", 4),
        ("Open day 6/24(Sat) at the school", "6/24(Sat)", 5),
        ("Final Wed., June 28, 2023", "Wed., June 28, 2023", 2),
    ],
)
def test_short_weekdays_join_the_day_date(blank, text, span, weekday) -> None:
    found = by_text(blank, text)
    assert span in found, list(found)
    assert found[span].fields.weekday == weekday


@pytest.mark.parametrize(
    "text",
    [
        "The Sun, 4 June 2023, ran the story.",  # a newspaper, not Sunday
        "mo, 5 June 2023",  # not cased as an abbreviation
        "We, 5 June 2023, agreed",  # "We" is the pronoun
        "2023-06-09(Fry)",
        "Mon alone means nothing",
    ],
)
def test_words_that_are_no_short_weekday(blank, text) -> None:
    assert all(t.fields.weekday is None for t in tag(blank, text))


@pytest.mark.parametrize(
    ("text", "value", "weekday"),
    [
        ("会議は2023年7月4日（火曜日）に開かれます", "2023-07-04", 1),
        ("締切は7月4日(火)です", "2023-07-04", 1),
        ("発売日 2022年11月3日(木曜)", "2022-11-03", 3),
        ("次回は7/4(火)", "2023-07-04", 1),
    ],
)
def test_japanese_dates_with_kanji_weekdays(blank, text, value, weekday) -> None:
    (found,) = [t for t in tag(blank, text) if t.fields.day]
    assert (found.value, found.fields.weekday) == (value, weekday)


def test_japanese_years_and_months(blank) -> None:
    found = by_text(blank, "2021年に設立、2022年5月に上場")
    assert found["2021年"].value == "2021"
    assert found["2022年5月"].value == "2022-05"


def test_a_yearless_numeric_date_counts_only_beside_a_weekday(blank) -> None:
    assert "Tuesday, 27/6" in by_text(blank, "Results on Tuesday, 27/6 at noon")
    assert tag(blank, "Add 3/4 of the stock and 1/2 cup of rice") == []


def test_an_ambiguous_numeric_date_keeps_its_other_reading(blank) -> None:
    (found,) = tag(blank, "on 05/06/2023")
    assert (found.earliest, found.alternative) == (date(2023, 5, 6), date(2023, 6, 5))
    assert found.readings() == ((date(2023, 5, 6), date(2023, 5, 6)), (date(2023, 6, 5), date(2023, 6, 5)))


@pytest.mark.parametrize("order", ["us", "international"])
def test_a_stated_date_order_leaves_one_reading(blank, order) -> None:
    (found,) = tag(blank, "on 05/06/2023", date_order=order)
    assert found.alternative is None


def test_a_numeric_date_with_one_possible_reading_has_no_other(blank) -> None:
    (found,) = tag(blank, "on 25/06/2023")
    assert (found.value, found.alternative) == ("2023-06-25", None)


def test_a_five_digit_year_is_an_invalid_month(blank) -> None:
    (found,) = tag(blank, "The fair returns in June 20023.")
    assert (found.text, found.valid, found.fields.year, found.earliest) == ("June 20023", False, 20023, None)


def test_a_reversed_day_range_is_still_a_range(blank) -> None:
    first, second = tag(blank, "Festival: July 14 – 9, 2023.")
    assert (first.link, second.link) == (1, 0)
    assert (first.earliest, second.earliest) == (date(2023, 7, 14), date(2023, 7, 9))


@pytest.mark.parametrize("text", ["on March 10 and 5 others", "March 10 - 5 pm"])
def test_a_reversed_pair_without_dash_and_year_is_no_range(blank, text) -> None:
    assert all(t.link is None for t in tag(blank, text))


@pytest.mark.parametrize(
    "text",
    [
        "Harbour Expo 2023 - 15/06/2022",  # an event's name, then a date
        "The launch was moved forward from May 2031 to August 1, 2024.",  # a change, not a range
        "Officials pushed the vote back from March 2024 to June 2023.",
    ],
)
def test_no_range(blank, text) -> None:
    assert all(t.link is None for t in tag(blank, text))


def test_a_range_from_a_year_to_a_day_is_still_one(blank) -> None:
    first, second = tag(blank, "He worked there from 1998 to March 3, 2004.")
    assert (first.link, second.link) == (1, 0)


def test_a_24_hour_clock_before_its_day_is_no_year(blank) -> None:
    assert "1942" not in by_text(blank, "The probe landed (1942 Friday evening, GMT) on schedule.")


def test_a_fiscal_quarter_may_begin_the_year_before(blank) -> None:
    found = by_text(blank, "sales in the second quarter of fiscal 2024 fell", dct=date(2023, 12, 1))
    quarter = found["the second quarter of fiscal 2024"]
    assert (quarter.earliest, quarter.latest) == (date(2023, 4, 1), date(2024, 6, 30))
    calendar = by_text(blank, "sales in the second quarter of 2024 fell")["the second quarter of 2024"]
    assert calendar.earliest == date(2024, 4, 1)


def test_the_next_day_takes_its_weekday_from_a_near_narrative_day(blank) -> None:
    found = by_text(blank, "The storm hit on Monday, March 6, 2023. The next day, Tuesday, roads reopened.")
    nxt = found["The next day, Tuesday"]
    assert (nxt.earliest, nxt.fields.weekday) == (date(2023, 3, 7), 1)


def test_the_next_day_with_no_narrative_day_is_not_checked(blank) -> None:
    found = by_text(blank, "The next day, Tuesday, roads reopened.")
    assert found["The next day, Tuesday"].fields.weekday is None


def test_a_directed_weekday_joins_its_date(blank) -> None:
    found = by_text(blank, "Officials met last Friday (June 9) and again today.")
    assert found["last Friday (June 9)"].fields.weekday == 4
