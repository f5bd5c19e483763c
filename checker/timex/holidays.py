"""Holidays and named days: the rule that gives each one's date in a given year.

Fixed-date days are (month, day); floating ones are computed (US rules: Thanksgiving
is the fourth Thursday of November, Election Day the Tuesday after the first Monday
of November). Easter uses the Gregorian computus (Anonymous Gregorian algorithm).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from checker.timex.lexicon import INFORMAL


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 = last) given weekday (0 = Monday) of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the names of the Meeus algorithm)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda y: date(y, month, day)


def _nth(month: int, weekday: int, n: int) -> Callable[[int], date]:
    return lambda y: nth_weekday(y, month, weekday, n)


def _election_day(year: int) -> date:
    return nth_weekday(year, 11, 0, 1) + timedelta(days=1)


def _easter_offset(days: int) -> Callable[[int], date]:
    return lambda y: easter(y) + timedelta(days=days)


# Lower-case name (apostrophes dropped) -> date in a year. Spellings are matched
# case-insensitively with optional apostrophes; the first letter must be a capital.
HOLIDAYS: dict[str, Callable[[int], date]] = {
    "new years day": _fixed(1, 1),
    "new years eve": _fixed(12, 31),
    "christmas day": _fixed(12, 25),
    "christmas eve": _fixed(12, 24),
    "christmas": _fixed(12, 25),
    "boxing day": _fixed(12, 26),
    "valentines day": _fixed(2, 14),
    "st patricks day": _fixed(3, 17),
    "independence day": _fixed(7, 4),
    "the fourth of july": _fixed(7, 4),
    "halloween": _fixed(10, 31),
    "veterans day": _fixed(11, 11),
    "armistice day": _fixed(11, 11),
    "remembrance day": _fixed(11, 11),
    "bastille day": _fixed(7, 14),
    "thanksgiving day": _nth(11, 3, 4),
    "thanksgiving": _nth(11, 3, 4),
    "labor day": _nth(9, 0, 1),
    "memorial day": _nth(5, 0, -1),
    "martin luther king day": _nth(1, 0, 3),
    "martin luther king jr day": _nth(1, 0, 3),
    "mlk day": _nth(1, 0, 3),
    "presidents day": _nth(2, 0, 3),
    "mothers day": _nth(5, 6, 2),
    "fathers day": _nth(6, 6, 3),
    "columbus day": _nth(10, 0, 2),
    "election day": _election_day,
    "easter sunday": easter,
    "easter": easter,
    "easter monday": _easter_offset(1),
    "good friday": _easter_offset(-2),
    "ash wednesday": _easter_offset(-46),
    "palm sunday": _easter_offset(-7),
    "pentecost": _easter_offset(49),
}


HOLIDAYS.update({alias: HOLIDAYS[name] for alias, name in INFORMAL["holidays"].items()})  # "xmas"


def holiday_key(text: str) -> str:
    """The table key of a holiday as written ("New Year's Eve" -> "new years eve")."""
    return " ".join(text.lower().replace("'", "").replace("’", "").replace(".", "").split())


def holiday_date(name: str, year: int) -> date:
    return HOLIDAYS[holiday_key(name)](year)
