"""The calendar rules on hand-made time expressions (independent of the tagger)."""

from __future__ import annotations

from datetime import date

import pytest

from checker.checks.calendar import (
    invalid_dates,
    month_length,
    weekday_mismatches,
    weekday_replacement,
)
from checker.model import Analysis, DateFields, Document, Timex


def analysis_of(text: str, *timexes: Timex) -> Analysis:
    return Analysis(Document(path="a.md", source=text, text=text), timexes)


def day_timex(text: str, sentence: str, day: date | None, fields: DateFields, anchor: str = "explicit") -> Timex:
    start = sentence.index(text)
    return Timex(
        start,
        start + len(text),
        text,
        "DATE",
        day.isoformat() if day else "",
        earliest=day,
        latest=day,
        fields=fields,
        anchor=anchor,
        valid=day is not None,
    )


@pytest.mark.parametrize(
    ("text", "fields", "last"),
    [
        ("February 30, 2024", DateFields(2024, 2, 30), "29th"),
        ("April 31, 2023", DateFields(2023, 4, 31), "30th"),
        ("February 29, 2023", DateFields(2023, 2, 29), "28th"),
        ("2023-02-29", DateFields(2023, 2, 29), "28th"),
        ("31/04/2023", DateFields(2023, 4, 31), "30th"),
        ("April 31", DateFields(None, 4, 31), "30th"),
    ],
)
def test_invalid_dates_are_flagged_with_the_last_day(text: str, fields: DateFields, last: str) -> None:
    sentence = f"The deadline is {text}."
    found = list(invalid_dates(analysis_of(sentence, day_timex(text, sentence, None, fields))))
    assert [f.rule for f in found] == ["calendar/invalid-date"]
    assert found[0].severity == "error"
    assert last in found[0].message
    assert sentence[found[0].span.start : found[0].span.end] == text


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("February 29, 2024", DateFields(2024, 2, 29)),
        ("February 29", DateFields(None, 2, 29)),  # exists in leap years: never flag what could be true
        ("December 31, 2023", DateFields(2023, 12, 31)),
        ("2024", DateFields(2024)),
    ],
)
def test_existing_dates_are_not_flagged(text: str, fields: DateFields) -> None:
    sentence = f"It was {text}."
    assert not list(invalid_dates(analysis_of(sentence, day_timex(text, sentence, None, fields))))


def test_weekday_mismatch_gives_the_right_weekday_as_fix() -> None:
    sentence = "On Monday, March 4, 2025, the city council voted."
    timex = day_timex("Monday, March 4, 2025", sentence, date(2025, 3, 4), DateFields(2025, 3, 4, 0))
    (finding,) = weekday_mismatches(analysis_of(sentence, timex))
    assert finding.rule == "calendar/weekday-mismatch"
    assert finding.severity == "error"
    assert "Tuesday" in finding.message and "Monday" in finding.message
    assert finding.fix is not None and finding.fix.replacement == "Tuesday"
    assert sentence[finding.fix.span.start : finding.fix.span.end] == "Monday"


def test_weekday_mismatch_with_year_from_publication_date_is_a_warning() -> None:
    sentence = "The vote is on Tuesday (Jan. 21)."
    timex = day_timex("Tuesday (Jan. 21)", sentence, date(2026, 1, 21), DateFields(None, 1, 21, 1), anchor="dct")
    (finding,) = weekday_mismatches(analysis_of(sentence, timex))
    assert finding.severity == "warning"
    assert "publication date" in finding.message
    assert finding.fix.replacement == "Wednesday"


def test_matching_weekday_and_weekday_without_a_day_are_not_flagged() -> None:
    sentence = "On January 20, 2025, a Monday, and on Monday's meeting."
    right = day_timex("January 20, 2025, a Monday", sentence, date(2025, 1, 20), DateFields(2025, 1, 20, 0))
    alone = Timex(38, 44, "Monday", "DATE", "XXXX-WXX-1", fields=DateFields(weekday=0), anchor="none")
    assert not list(weekday_mismatches(analysis_of(sentence, right, alone)))


@pytest.mark.parametrize(
    ("written", "weekday", "expected"),
    [("Monday", 1, "Tuesday"), ("Mon.", 1, "Tue."), ("Tues.", 3, "Thurs."), ("MONDAY", 4, "FRIDAY"), ("fri", 5, "sat")],
)
def test_weekday_replacement_keeps_the_writing_style(written: str, weekday: int, expected: str) -> None:
    assert weekday_replacement(written, weekday) == expected


def test_month_length_without_a_year_is_the_longest_possible() -> None:
    assert month_length(None, 2) == 29
    assert month_length(2023, 2) == 28
    assert month_length(None, 4) == 30


@pytest.mark.parametrize(
    ("written", "weekday", "expected"),
    [("Th", 4, "Fr"), ("水", 4, "金"), ("水曜日", 0, "月曜日"), ("Tues", 2, "Wed")],
)
def test_weekday_replacement_of_short_and_kanji_weekdays(written: str, weekday: int, expected: str) -> None:
    assert weekday_replacement(written, weekday) == expected


def test_a_weekday_fitting_the_other_reading_of_an_ambiguous_date_is_not_flagged() -> None:
    sentence = "Sports day is on Saturday 08/07/2023."
    fits = Timex(
        *_at(sentence, "Saturday 08/07/2023"),
        "DATE",
        "2023-08-07",
        earliest=date(2023, 8, 7),
        latest=date(2023, 8, 7),
        fields=DateFields(2023, 8, 7, 5),
        alternative=date(2023, 7, 8),
    )
    assert list(weekday_mismatches(analysis_of(sentence, fits))) == []
    wrong = Timex(
        *_at(sentence, "Saturday 08/07/2023"),
        "DATE",
        "2023-08-07",
        earliest=date(2023, 8, 7),
        latest=date(2023, 8, 7),
        fields=DateFields(2023, 8, 7, 3),
        alternative=date(2023, 7, 8),
    )
    (found,) = weekday_mismatches(analysis_of(sentence, wrong))
    assert "read the other way, July 8 is a Saturday" in found.message


def test_a_five_digit_year_is_an_invalid_date() -> None:
    sentence = "The expo opens in March 20025."
    t = Timex(
        *_at(sentence, "March 20025"), "DATE", "20025-03", granularity="month", fields=DateFields(20025, 3), valid=False
    )
    (found,) = invalid_dates(analysis_of(sentence, t))
    assert "five digits" in found.message and "(2025?)" in found.message


def _at(sentence: str, text: str) -> tuple[int, int, str]:
    start = sentence.index(text)
    return start, start + len(text), text


# ----------------------------------------------------------------- end to end, through the tagger


@pytest.mark.parametrize(
    ("text", "published", "flagged"),
    [
        ("Planning committee: Weds 14 June 2023, 6 p.m.", None, None),  # not an abbreviation: no weekday
        ("Planning committee: Thurs 14 June 2023, 6 p.m.", None, "Thurs 14 June 2023"),
        ("Ausstellung: Mi, 14. Juni; Lesung: Fr, June 14, 2023", None, "Fr, June 14, 2023"),
        ("Next meetup 2023-06-14(Thu)", None, "2023-06-14(Thu)"),
        ("Sign-up closes Friday, 15/6 at noon.", "2023-06-01", "Friday, 15/6"),
        ("説明会は2023年6月14日(木)です", None, "2023年6月14日(木)"),
        ("Police said last Sunday (June 5) that the road would reopen.", "2023-06-10", "last Sunday (June 5)"),
        ("The dam burst on Friday, April 7, 2023. The next day, Sunday, crews arrived.", None, "The next day, Sunday"),
    ],
)
def test_weekdays_written_every_way_are_checked(check, text, published, flagged) -> None:
    found = [f for f in check(text, published) if f[0] == "calendar/weekday-mismatch"]
    assert found == ([] if flagged is None else [("calendar/weekday-mismatch", flagged)])


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Kids' fun run on Sunday 09/07/2023, all welcome.", None),  # 9 July 2023 is a Sunday
        ("Next meetup 2023-06-15(Thu)", None),
        ("The Courier, Mon 12 June 2023, page 4", None),  # Monday fits
        ("Leeds Sun, June 13, 2023, letters page", None),  # a newspaper's name
        ("The dam burst on Friday, April 7, 2023. The next day, Saturday, crews arrived.", None),
        ("Police said last Saturday (June 3) that the road would reopen.", "2023-06-10"),
        ("説明会は2023年6月15日(木)です", None),
    ],
)
def test_weekdays_that_fit_are_not_flagged(check, text, published) -> None:
    assert [f for f in check(text, published) if f[0] == "calendar/weekday-mismatch"] == []


def test_a_stated_date_order_decides_an_ambiguous_weekday(analyze) -> None:
    from checker import engine
    from checker.options import Options
    from checker.source import read_text

    text = "Kids' fun run on Sunday 09/07/2023, all welcome."
    (us,) = engine.analyze([read_text(text)], Options(date_order="us"))
    assert [f.rule for f in engine.findings([us])] == ["calendar/weekday-mismatch"]  # September 7 is a Thursday
    (intl,) = engine.analyze([read_text(text)], Options(date_order="international"))
    assert engine.findings([intl]) == []


def test_a_five_digit_year_is_flagged_end_to_end(check) -> None:
    assert check("Registration opens in October 20023.") == [("calendar/invalid-date", "October 20023")]
