"""Calendar arithmetic for the tagger: periods (value + day interval) and unit shifts.

A ``Period`` is what a resolved DATE denotes: its TIMEX3 value, granularity and
closed interval of days. ``period_of(unit, day)`` is the unit containing ``day``;
``shift(day, unit, n)`` moves ``n`` units (months clamp to the month's last day).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import NamedTuple

from checker.timex.lexicon import SEASON_MONTHS

# The range shifts are clamped to, so that the period around the result still fits in ``date``.
EARLIEST = date(1, 1, 1)
LATEST = date(9998, 12, 31)


class Period(NamedTuple):
    value: str
    granularity: str
    earliest: date | None
    latest: date | None


def month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def day_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    year = d.year + y
    return date(year, m + 1, min(d.day, month_days(year, m + 1)))


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (second/minute/hour count as days: the tagger works in days).

    Clamped to the calendar's range: "a million years ago" must not crash the tagger.
    """
    try:
        moved = _shift(d, unit, n)
    except (OverflowError, ValueError):
        return EARLIEST if n < 0 else LATEST
    return min(max(moved, EARLIEST), LATEST)


def _shift(d: date, unit: str, n: int) -> date:
    if unit in ("day", "night", "second", "minute", "hour"):
        return d + timedelta(days=n if unit in ("day", "night") else 0)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    if unit == "fortnight":
        return d + timedelta(weeks=2 * n)
    months = {
        "month": 1,
        "quarter": 3,
        "half": 6,
        "year": 12,
        "decade": 120,
        "century": 1200,
        "millennium": 12000,
    }
    return add_months(d, n * months[unit])


def month_period(year: int, month: int) -> Period:
    return Period(
        f"{year:04d}-{month:02d}",
        "month",
        date(year, month, 1),
        date(year, month, month_days(year, month)),
    )


def year_period(year: int) -> Period:
    return Period(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31))


def quarter_period(year: int, q: int) -> Period:
    first = date(year, 3 * q - 2, 1)
    last_month = 3 * q
    return Period(
        f"{year:04d}-Q{q}",
        "quarter",
        first,
        date(year, last_month, month_days(year, last_month)),
    )


def half_period(year: int, h: int) -> Period:
    return Period(
        f"{year:04d}-H{h}",
        "half",
        date(year, 6 * h - 5, 1),
        date(year, 6 * h, 30 if h == 1 else 31),
    )


def season_period(year: int, season: str) -> Period:
    """Meteorological seasons (northern hemisphere); winter YYYY runs from December YYYY."""
    first, last = SEASON_MONTHS[season]
    end_year = year + 1 if last < first else year
    return Period(
        f"{year:04d}-{season}",
        "season",
        date(year, first, 1),
        date(end_year, last, month_days(end_year, last)),
    )


def decade_period(decade: int) -> Period:
    """``decade`` is the first three digits (199 = the 1990s)."""
    return Period(
        f"{decade:03d}",
        "decade",
        date(max(decade * 10, 1), 1, 1),
        date(decade * 10 + 9, 12, 31),
    )


def century_period(century: int) -> Period:
    """``century`` is the TIMEX3 two digits (18 = the 19th century = 1801..1900, read as 1800..1899)."""
    return Period(
        f"{century:02d}",
        "century",
        date(max(century * 100, 1), 1, 1),
        date(century * 100 + 99, 12, 31),
    )


def week_period(d: date) -> Period:
    iso = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return Period(f"{iso[0]:04d}-W{iso[1]:02d}", "week", monday, monday + timedelta(days=6))


def weekend_period(d: date) -> Period:
    week = week_period(d)
    return Period(week.value + "-WE", "weekend", week.earliest + timedelta(days=5), week.latest)  # type: ignore[operator]


def day_period(d: date) -> Period:
    return Period(d.isoformat(), "day", d, d)


def period_of(unit: str, d: date) -> Period:
    """The calendar unit containing ``d`` ("month" -> that month, "quarter" -> that quarter...)."""
    if unit in ("day", "night", "hour", "minute", "second"):
        return day_period(d)
    if unit in ("week", "fortnight"):
        return week_period(d)
    if unit == "weekend":
        return weekend_period(d)
    if unit == "month":
        return month_period(d.year, d.month)
    if unit == "quarter":
        return quarter_period(d.year, (d.month - 1) // 3 + 1)
    if unit == "half":
        return half_period(d.year, 1 if d.month <= 6 else 2)
    if unit == "decade":
        return decade_period(d.year // 10)
    if unit in ("century", "millennium"):
        return century_period(d.year // 100)
    return year_period(d.year)
