"""The temporal tagger beyond explicit dates: relative, vague, partial, ranges, times, durations, sets, holidays."""

from __future__ import annotations

from datetime import date

import pytest

from checker import nlp, timex
from checker.model import Timex

DCT = date(2024, 12, 20)  # a Friday


@pytest.fixture(scope="module")
def blank():
    return nlp.tokenizer()


@pytest.fixture(scope="module")
def parsed():
    return nlp.load()


def tag(pipe, text: str, dct: date | None = DCT) -> list[Timex]:
    return timex.tag(pipe(text), dct)


def one(pipe, text: str, dct: date | None = DCT) -> Timex:
    found = tag(pipe, text, dct)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


# ----------------------------------------------------------------- partial and coarse dates


@pytest.mark.parametrize(
    ("text", "span", "value", "mod", "granularity"),
    [
        ("Sales rose in mid-2020 sharply.", "mid-2020", "2020", "MID", "year"),
        (
            "It opened in early March 2021.",
            "early March 2021",
            "2021-03",
            "START",
            "month",
        ),
        ("Music of the 1990s was loud.", "the 1990s", "199", None, "decade"),
        ("Music of the late 1970s was loud.", "the late 1970s", "197", "END", "decade"),
        (
            "A house from the 19th century stood.",
            "the 19th century",
            "18",
            None,
            "century",
        ),
        ("They met in summer 2019 again.", "summer 2019", "2019-SU", None, "season"),
        ("Profit fell in Q3 2024 overall.", "Q3 2024", "2024-Q3", None, "quarter"),
        (
            "Profit fell in the third quarter of 2023.",
            "the third quarter of 2023",
            "2023-Q3",
            None,
            "quarter",
        ),
        (
            "Profit fell in the first half of 2023.",
            "the first half of 2023",
            "2023-H1",
            None,
            "half",
        ),
        ("Spending in fiscal 2024 rose.", "fiscal 2024", "2024", None, "year"),
        ("Spending in FY2023 rose.", "FY2023", "2023", None, "year"),
    ],
)
def test_coarse_dates(blank, text, span, value, mod, granularity):
    t = one(blank, text)
    assert (t.text, t.type, t.value, t.mod, t.granularity) == (
        span,
        "DATE",
        value,
        mod,
        granularity,
    )


def test_decade_interval(blank):
    t = one(blank, "in the 1990s")
    assert (t.earliest, t.latest) == (date(1990, 1, 1), date(1999, 12, 31))


def test_quarter_interval(blank):
    t = one(blank, "in Q3 2024 it")
    assert (t.earliest, t.latest) == (date(2024, 7, 1), date(2024, 9, 30))


def test_quarter_without_year_takes_the_dct_year(blank):
    assert one(blank, "Profit fell in the third quarter.").value == "2024-Q3"


def test_week_of(blank):
    t = one(blank, "Talks resume the week of March 3, 2025.")
    assert (t.text, t.value, t.earliest, t.latest) == (
        "the week of March 3, 2025",
        "2025-W10",
        date(2025, 3, 3),
        date(2025, 3, 9),
    )


def test_winter_spans_the_new_year(blank):
    t = one(blank, "in winter 2023 it snowed")
    assert (t.value, t.earliest, t.latest) == (
        "2023-WI",
        date(2023, 12, 1),
        date(2024, 2, 29),
    )


# ----------------------------------------------------------------- relative to the publication date


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The mayor spoke yesterday.", "yesterday", "2024-12-19"),
        ("The mayor speaks today.", "today", "2024-12-20"),
        ("The mayor spoke last Tuesday.", "last Tuesday", "2024-12-17"),
        ("The mayor speaks next Monday.", "next Monday", "2024-12-23"),
        ("It closed two weeks ago.", "two weeks ago", "2024-W49"),
        ("It closed three years ago.", "three years ago", "2021"),
        ("It opens next month.", "next month", "2025-01"),
        ("It grew this year.", "this year", "2024"),
        ("It shrank last year.", "last year", "2023"),
        ("It opens next week.", "next week", "2024-W52"),
        ("Rates are high now.", "now", "PRESENT_REF"),
        ("Prices fell in recent years.", "recent years", "PAST_REF"),
        ("It opens in the future.", "the future", "FUTURE_REF"),
        ("It opened last May.", "last May", "2024-05"),
        ("It opens this summer.", "this summer", "2024-SU"),
    ],
)
def test_relative_to_dct(blank, text, span, value):
    t = one(blank, text)
    assert (t.text, t.value) == (span, value)
    assert t.anchor == "dct"


def test_relative_day_interval(blank):
    t = one(blank, "The mayor spoke yesterday.")
    assert t.earliest == t.latest == date(2024, 12, 19)


def test_relative_without_dct_is_unresolved(blank):
    t = one(blank, "The mayor spoke yesterday.", dct=None)
    assert (t.value, t.earliest, t.anchor) == ("XXXX-XX-XX", None, "none")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The council will meet on Tuesday.", "2024-12-24"),
        ("The council met on Tuesday.", "2024-12-17"),
        ("The council met on Friday.", "2024-12-20"),
    ],
)
def test_weekday_direction_follows_tense(blank, parsed, text, value):
    for pipe in (blank, parsed):
        t = one(pipe, text)
        assert (t.text, t.value, t.fields.weekday) == (
            text.split()[-1].rstrip("."),
            value,
            date.fromisoformat(value).weekday(),
        )


def test_yearless_month_follows_tense(parsed):
    assert one(parsed, "The plant will open in March.").value == "2025-03"
    assert one(parsed, "The plant opened in March.").value == "2024-03"


def test_narrative_reference_day(blank):
    found = tag(blank, "The storm hit on June 3, 2021. The previous day, schools closed.")
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("June 3, 2021", "2021-06-03", "explicit"),
        ("The previous day", "2021-06-02", "narrative"),
    ]


def test_narrative_a_year_later(blank):
    found = tag(blank, "The plant opened in 2015. A year later, it closed.")
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("2015", "2015", "explicit"),
        ("A year later", "2016", "narrative"),
    ]


# ----------------------------------------------------------------- ranges


def _pairs(found: list[Timex]) -> list[tuple[str, str, int | None]]:
    return [(t.text, t.value, t.link) for t in found]


def test_range_from_to(blank):
    assert _pairs(tag(blank, "He served from 2009 to 2017.")) == [
        ("2009", "2009", 1),
        ("2017", "2017", 0),
    ]


def test_range_with_dash(blank):
    assert _pairs(tag(blank, "He served 2009-2017.")) == [
        ("2009", "2009", 1),
        ("2017", "2017", 0),
    ]


def test_range_short_second_year(blank):
    assert _pairs(tag(blank, "the 1990-91 season")) == [
        ("1990", "1990", 1),
        ("91", "1991", 0),
    ]


def test_day_range_shares_month_and_year(blank):
    assert _pairs(tag(blank, "The fair runs June 1-5, 2024 downtown.")) == [
        ("June 1", "2024-06-01", 1),
        ("5, 2024", "2024-06-05", 0),
    ]


def test_range_between_months(blank):
    found = tag(blank, "Work ran between March and May 2023.")
    assert [(t.text, t.link) for t in found] == [("March", 1), ("May 2023", 0)]


def test_unrelated_neighbours_are_not_linked(blank):
    assert [t.link for t in tag(blank, "In 2009, taxes rose. In 2017 they fell.")] == [
        None,
        None,
    ]


# ----------------------------------------------------------------- times, durations, sets


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        (
            "The vote is at 3 p.m. EST today.",
            "3 p.m. EST today",
            "TIME",
            "2024-12-20T15:00",
        ),
        ("The vote was at 3 p.m. EST.", "3 p.m. EST", "TIME", "2024-12-20T15:00"),
        ("Polls close at midnight.", "midnight", "TIME", "2024-12-20T24:00"),
        (
            "It ended at 10 p.m. Wednesday.",
            "10 p.m. Wednesday",
            "TIME",
            "2024-12-18T22:00",
        ),
        ("We met this morning.", "this morning", "TIME", "2024-12-20TMO"),
        ("It lasted three years.", "three years", "DURATION", "P3Y"),
        ("It lasted a decade.", "a decade", "DURATION", "P10Y"),
        ("It lasted 18 months.", "18 months", "DURATION", "P18M"),
        (
            "It lasted more than 5 1/2 hours.",
            "more than 5 1/2 hours",
            "DURATION",
            "PT5H30M",
        ),
        ("a five-year plan", "five-year", "DURATION", "P5Y"),
        ("It lasted several weeks.", "several weeks", "DURATION", "PXW"),
        ("The board meets every Tuesday.", "every Tuesday", "SET", "XXXX-WXX-2"),
        ("Fees are paid annually.", "annually", "SET", "P1Y"),
        ("The paper appears daily.", "daily", "SET", "P1D"),
        ("It is held twice a year.", "a year", "SET", "P1Y"),
        ("Guards work 24 hours a day.", "a day", "SET", "P1D"),
        ("It adds four flights a week.", "a week", "SET", "P1W"),
        ("It took a week.", "a week", "DURATION", "P1W"),
    ],
)
def test_times_durations_sets(blank, text, span, type_, value):
    t = [t for t in tag(blank, text) if t.text == span]
    assert t and (t[0].type, t[0].value) == (type_, value), [(x.text, x.type, x.value) for x in tag(blank, text)]


def test_late_friday(blank):
    t = one(blank, "The deal was signed late Friday.")
    assert (t.text, t.value, t.mod) == ("late Friday", "2024-12-20", "END")


def test_duration_mod(blank):
    t = one(blank, "It lasted at least 72 hours.")
    assert (t.text, t.value, t.mod) == ("at least 72 hours", "PT72H", "EQUAL_OR_MORE")


# ----------------------------------------------------------------- holidays


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Shops close on Christmas Day 2024.", "Christmas Day 2024", "2024-12-25"),
        ("We party on New Year's Eve.", "New Year's Eve", "2024-12-31"),
        ("Thanksgiving 2024 was quiet.", "Thanksgiving 2024", "2024-11-28"),
        ("Voters went out on Election Day 2024.", "Election Day 2024", "2024-11-05"),
        ("Easter 2025 falls late.", "Easter 2025", "2025-04-20"),
        ("Markets shut on Labor Day 2023.", "Labor Day 2023", "2023-09-04"),
    ],
)
def test_holidays(blank, text, span, value):
    t = one(blank, text)
    assert (t.text, t.type, t.value) == (span, "DATE", value)
    assert t.earliest == t.latest == date.fromisoformat(value)


def test_holiday_without_year_is_the_nearest_one(blank):
    assert one(blank, "Shops close on Christmas Day.").value == "2024-12-25"
    assert one(blank, "Shops closed on Thanksgiving.").value == "2024-11-28"


# ----------------------------------------------------------------- pipelines and robustness


def test_same_result_with_the_tagger_pipeline(parsed, blank):
    text = "On Monday, March 4, 2025, the city council voted. It met again on March 11."
    assert [(t.text, t.value) for t in tag(parsed, text)] == [(t.text, t.value) for t in tag(blank, text)]


def test_huge_numbers_do_not_crash(blank):
    assert tag(blank, "It happened 9999999 years ago.")[0].type == "DATE"


def test_empty_text(blank):
    assert tag(blank, "") == []


# ----------------------------------------------------------------- narrative and tense conventions


def test_historical_narrative_dates_take_the_story_year(blank):
    text = "Born in 1811, he studied from 1825 and moved in 1829. In 1831 he travelled. On July 14 he wrote home. He died in 1832."
    found = {t.text: t for t in tag(blank, text, dct=date(2016, 5, 1))}
    assert (found["July 14"].value, found["July 14"].anchor) == (
        "1831-07-14",
        "narrative",
    )


def test_news_dates_keep_the_publication_year(blank):
    text = "The dam was built in 1982. The council voted on Dec. 2 to repair it."
    found = {t.text: t for t in tag(blank, text, dct=date(2024, 12, 20))}
    assert found["Dec. 2"].value == "2024-12-02"


def test_stated_weekday_picks_the_year(blank):
    t = one(blank, "It reopened Saturday, April 25.", dct=date(1998, 4, 28))
    assert t.value == "1998-04-25"


def test_wrong_weekday_still_uses_the_dct_year(blank):
    t = one(blank, "It opened Monday (Jan. 21).", dct=date(2025, 3, 10))
    assert (t.value, t.fields.weekday) == ("2025-01-21", 0)


@pytest.mark.parametrize(
    "text",
    [
        "The team planned to leave on Thursday.",
        "The father would travel to Havana Thursday.",
    ],
)
def test_plans_and_modals_point_forward(parsed, text):
    assert one(parsed, text).value == "2024-12-26"


def test_past_tense_reports_a_date_just_ahead(parsed):
    assert (
        one(
            parsed,
            "The company said the offer expired on Jan. 5.",
            dct=date(2024, 12, 20),
        ).value
        == "2025-01-05"
    )


def test_month_with_last_year_is_two_expressions(blank):
    found = tag(blank, "Sales peaked in June last year.")
    assert [(t.text, t.value) for t in found] == [
        ("June", "2023-06"),
        ("last year", "2023"),
    ]


def test_clock_time_keeps_the_stated_weekday_and_date(blank):
    t = one(blank, "The meeting is scheduled for 10 a.m. on Tuesday, Dec. 24.")
    assert (t.text, t.type, t.value) == (
        "10 a.m. on Tuesday, Dec. 24",
        "TIME",
        "2024-12-24T10:00",
    )
    assert (t.fields.month, t.fields.day, t.fields.weekday) == (12, 24, 1)
    assert t.earliest == t.latest == date(2024, 12, 24)


def test_range_end_gives_its_year_to_the_start(blank):
    found = tag(blank, "From Jan. 1 through March 31, 2024, sales jumped.")
    assert [(t.value, t.fields.year, t.link) for t in found] == [
        ("2024-01-01", None, 1),
        ("2024-03-31", 2024, 0),
    ]


@pytest.mark.parametrize("dct", [DCT, None, date(1, 1, 1), date(9999, 12, 31)])
def test_extreme_inputs_do_not_crash(blank, dct):
    text = "9999999 weeks from now, the day after tomorrow, the 1st century, 1000 years later, Q4 of 2100."
    for t in tag(blank, text, dct):
        assert text[t.start : t.end] == t.text


def test_military_time_is_not_a_year(blank):
    found = tag(blank, "Data is released at 1630 EST. The rocket lifted off at 1900 hours.")
    assert [(t.text, t.type, t.value) for t in found] == [
        ("1630 EST", "TIME", "2024-12-20T16:30"),
        ("1900 hours", "TIME", "2024-12-20T19:00"),
    ]
