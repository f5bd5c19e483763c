"""Date windows for the arithmetic facts (ages, measured spans) and their rules: the days a time
expression can denote, whether a date fits a window, and sentence spans of the prose."""

from __future__ import annotations

import bisect
import math
import re
from datetime import date, timedelta
from functools import lru_cache

from checker.model import DateFields, Timex
from checker.timex.calendar import day_or_none, month_days

Window = tuple[date, date]


def written_in_full(timex: Timex) -> bool:
    return timex.anchor == "explicit" and timex.fields.year is not None


def flat_text(timex: Timex) -> str:
    return " ".join(timex.text.split())


def overlaps(a: Window, b: Window) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def window_of(timex: Timex) -> Window | None:
    if timex.earliest is None or timex.latest is None:
        return None
    return timex.earliest, timex.latest


def fits(timex: Timex, window: Window) -> bool:
    """Whether the date can lie in ``window``; a date without a written year may take any year, a
    bare weekday ("on Sunday") any day of its name (a window of a week or more holds one)."""
    if timex.fields.month is None and timex.fields.year is None and timex.fields.weekday is not None:
        days = (window[1] - window[0]).days
        return days >= 6 or any((window[0] + timedelta(d)).weekday() == timex.fields.weekday for d in range(days + 1))
    if timex.fields.year is None and timex.fields.month is not None:
        if (window[1] - window[0]).days >= 366:
            return True
        month, day = timex.fields.month, timex.fields.day
        for year in range(window[0].year - 1, window[1].year + 2):
            if not 1 <= year <= 9999:
                continue
            first = day_or_none(year, month, day or 1)
            last = day_or_none(year, month, day or month_days(year, month))
            if first and last and overlaps((first, last), window):
                return True
        return False
    interval = window_of(timex)
    return interval is None or overlaps(interval, window)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Capt|Prof|Inc|Corp|Co|Ltd|No|vs|Jan|Feb|Mar|Apr|"
    r"Aug|Sept?|Oct|Nov|Dec|Mt|Ft|a\.m|p\.m|U\.S|U\.K)|\b[A-Z])\.$"
)


Bounds = tuple[tuple[int, int], ...]


@lru_cache(maxsize=4)
def sentence_bounds(text: str) -> Bounds:
    """Sentence spans of the prose, by punctuation (rules see no parse); abbreviations do not end one.
    Kept for the last texts: the ages, anniversaries and measures of a text each ask."""
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text, max(start, m.start() - 6), m.start()):
            continue
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return tuple(bounds)


def sentence_of(bounds: Bounds, offset: int) -> int:
    """The sentence of :func:`sentence_bounds` holding ``offset`` (or ending at it); the last
    when it falls between two. A binary search: each trigger asks, and long texts have
    thousands of sentences."""
    i = bisect.bisect_right(bounds, (offset, math.inf)) - 1  # the last sentence starting at or before
    return i if i >= 0 and offset <= bounds[i][1] else len(bounds) - 1


def publication_day(published: date, at: int) -> Timex:
    """The publication date as the date a count runs to ("it has been seven years since ...")."""
    fields = DateFields(year=published.year, month=published.month, day=published.day)
    return Timex(at, at, "the publication date", "DATE", published.isoformat(), earliest=published, latest=published,
                 fields=fields, anchor="dct")  # fmt: skip
