"""Calendar rules: facts of the calendar itself, certain whenever they fire.

``calendar/invalid-date``: a day number past the end of its month, or a year no calendar
has ("May 20014", a typo).
``calendar/weekday-mismatch``: a stated weekday that is not the weekday of the stated date
(of either reading, for an ambiguous numeric date such as 04/07/2025).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date

from checker.checks.registry import check, rule
from checker.model import Analysis, DateFields, Finding, Fix, Severity, Span, Timex
from checker.timex.lexicon import KANJI_WEEKDAYS

INVALID_DATE = rule("calendar/invalid-date", "error", "A date that does not exist, such as February 30 or April 31.")
WEEKDAY_MISMATCH = rule("calendar/weekday-mismatch", "error", "A weekday stated with a date it does not fall on.")

MONTH_NAMES = tuple(calendar.month_name)  # index 1..12
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Abbreviations in the house styles editors use (AP: "Tues.", "Thurs."; others "Tue.", "Thu."),
# two-letter ones at the start ("Mo, 7 October") and kanji in parentheses ("12月29日(木)").
_WEEKDAY_WORD = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?|^(?:Mo|Tu|Th|Fr|Sa|Su)\b"
    rf"|(?<=[(（])[{''.join(KANJI_WEEKDAYS)}](?:曜日?)?",
    re.IGNORECASE,
)
KANJI_NAMES = tuple(KANJI_WEEKDAYS)  # index 0..6, Monday first
LAST_YEAR = 9999


def month_length(year: int | None, month: int) -> int:
    """Days in a month; with no year, the longest the month can be (February: 29)."""
    if year is None:
        return 29 if month == 2 else calendar.monthrange(2001, month)[1]
    return calendar.monthrange(year, month)[1]


def _span(analysis: Analysis, start: int, end: int) -> Span:
    doc = analysis.document
    return doc.source_span(start, end)


def _severity(fields: DateFields, timex: Timex) -> Severity:
    """Error when the text states every part; warning when the year was inferred."""
    return "error" if fields.year is not None or timex.anchor == "explicit" else "warning"


def _month_day(fields: DateFields) -> str:
    return f"{MONTH_NAMES[fields.month]} {fields.day}"


def _shorter_year(year: int) -> str:
    """ "20014" -> " (2014?)": the year with its doubled zero dropped, when that is the one typo it can be."""
    digits = str(year)
    return f" ({digits[:2]}{digits[3:]}?)" if digits[2] == "0" and digits[1] == "0" else ""


@check(INVALID_DATE)
def invalid_dates(analysis: Analysis) -> Iterator[Finding]:
    for timex in analysis.timexes:
        f = timex.fields
        if f.year is not None and f.year > LAST_YEAR:
            yield INVALID_DATE.finding(
                f"{timex.text} does not exist: {f.year} has five digits{_shorter_year(f.year)}",
                _span(analysis, timex.start, timex.end),
            )
            continue
        if f.month is None or f.day is None or not 1 <= f.month <= 12:
            continue
        last = month_length(f.year, f.month)
        if f.day <= last:
            continue
        when = f"{MONTH_NAMES[f.month]} {f.year}" if f.year is not None else MONTH_NAMES[f.month]
        yield INVALID_DATE.finding(
            f"{_month_day(f)}{f', {f.year}' if f.year else ''} does not exist: "
            f"the last day of {when} is the {last}{_ordinal_suffix(last)}",
            _span(analysis, timex.start, timex.end),
        )


def _ordinal_suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _stated_day(timex: Timex) -> date | None:
    """The single day the timex denotes, if it denotes exactly one."""
    if timex.earliest is not None and timex.earliest == timex.latest:
        return timex.earliest
    return None


AP_ABBREVIATIONS = ("Mon", "Tues", "Wed", "Thurs", "Fri", "Sat", "Sun")


def weekday_replacement(written: str, weekday: int) -> str:
    """The right weekday written in the style of the wrong one (case, abbreviation, period, kanji)."""
    core = written.rstrip(".")
    if core[0] in KANJI_WEEKDAYS:
        return KANJI_NAMES[weekday] + core[1:]
    if core.lower().endswith("day"):
        word = WEEKDAY_NAMES[weekday]
    elif len(core) in (2, 3):
        word = WEEKDAY_NAMES[weekday][: len(core)]
    else:
        word = AP_ABBREVIATIONS[weekday]
    if core.isupper():
        word = word.upper()
    elif core.islower():
        word = word.lower()
    return word + written[len(core) :]


def _inferred_note(timex: Timex, day: date) -> str:
    """Where the parts the text does not state came from: the publication date or the narrative."""
    if timex.fields.year is not None:
        return ""
    if timex.anchor == "narrative":
        return (
            " (the day counted from the date before it)"
            if timex.fields.month is None
            else (f" (year {day.year} taken from the narrative)")
        )
    return f" (year {day.year} taken from the publication date)"


def _other_reading(timex: Timex, stated: int) -> str | None:
    """How the other reading of an ambiguous numeric date fares: None when it fits the weekday
    (then nothing is wrong), else the words that say it does not fit either."""
    other = timex.alternative
    if other is None:
        return ""
    if other.weekday() == stated:
        return None
    return f" (read the other way, {other:%B} {other.day} is a {WEEKDAY_NAMES[other.weekday()]})"


@check(WEEKDAY_MISMATCH)
def weekday_mismatches(analysis: Analysis) -> Iterator[Finding]:
    for timex in analysis.timexes:
        stated = timex.fields.weekday
        day = _stated_day(timex)
        if stated is None or day is None or day.weekday() == stated:
            continue
        other = _other_reading(timex, stated)
        if other is None:
            continue
        actual = day.weekday()
        match = _WEEKDAY_WORD.search(timex.text)
        fix = None
        severity = _severity(timex.fields, timex)
        if match:
            fix = Fix(
                weekday_replacement(match.group(0), actual),
                _span(analysis, timex.start + match.start(), timex.start + match.end()),
                certain=severity == "error",  # the whole date is written: nothing in the fix is a guess
            )
        year_note = _inferred_note(timex, day)
        yield WEEKDAY_MISMATCH.finding(
            f"{day:%B} {day.day}, {day.year} is a {WEEKDAY_NAMES[actual]}, not a {WEEKDAY_NAMES[stated]}"
            f"{year_note}{other}",
            _span(analysis, timex.start, timex.end),
            severity=severity,
            fix=fix,
        )
