"""The story's own time: where a narrative has got to, for its relative and yearless expressions.

A history or a biography tells its own chronology: "On June 10, 1940, Italy invaded;
twelve days later France surrendered" counts from June 10, 1940, not from the day the
page was published. HeidelTime's narrative mode anchors every relative expression on
the last date the text stated; here the mode is chosen per document (``is_narrative``)
and the reference moves with every explicit date and every date the story anchored.

The story time is plain integers, not a ``date``, so that a story in 480 BC (year
-480, TIMEX3 ``-0480``) works like one in 1940.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from checker.model import Timex

# A yearless month this many months or more before the story's month is taken in
# the story's next year ("In December ... In January" rolls forward).
ROLL_FORWARD_MONTHS = 6
# Granularities precise enough to move the story ("the 1940s" does not).
STORY_GRANULARITIES = {"day", "part-of-day", "minute", "week", "weekend", "month", "season", "quarter", "half", "year"}

_VALUE = re.compile(r"(-?\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


@dataclass(frozen=True)
class Story:
    """Where the story is: a year (signed, 499 BC = -499), maybe a month and a day, and
    the index (in the tagger's output) of the expression it was read from."""

    year: int
    month: int | None = None
    day: int | None = None
    index: int | None = None

    def as_date(self) -> date | None:
        """The story's day as a ``date`` (its first day when coarser); None before year 1."""
        if not 1 <= self.year <= 9998:
            return None
        return date(self.year, self.month or 1, self.day or 1)


def year_text(year: int) -> str:
    """A TIMEX3 year: four digits, a minus sign before a BC year (-499 -> "-0499")."""
    return f"{year:04d}" if year >= 0 else f"-{-year:04d}"


YEARS_PER = {"year": 1, "decade": 10, "century": 100}


def bc_shift(year: int, unit: str, years: int) -> str | None:
    """The value of the ``unit`` (year, decade, century) ``years`` after a year before year 1:
    a year after 492 BC is "-0491"; the decade after 490 BC "-048" (the 480s BC); the century
    before 387 BC "-04" (the 5th century BC)."""
    target = year + years
    if target >= 0 or unit not in YEARS_PER:
        return None
    if unit == "year":
        return year_text(target)
    if unit == "decade":
        return f"-{-target // 10:03d}"
    return f"-{(-target - 1) // 100:02d}"


def story_of(t: Timex, index: int) -> Story | None:
    """The story time a resolved DATE or TIME states, or None when it states none
    (a duration, a decade, an unresolved "XXXX-06", a day that does not exist: "November 31")."""
    if t.type not in ("DATE", "TIME") or t.granularity not in STORY_GRANULARITIES or not t.valid:
        return None
    m = _VALUE.match(t.value)
    if m is None:
        return None
    year = int(m[1])
    month = int(m[2]) if m[2] else None
    day = int(m[3]) if m[3] else None
    if month is None and t.earliest is not None and t.granularity != "year":
        month = t.earliest.month  # a week, season or quarter: its first month
    return Story(year, month, day, index)


def moved(story: Story | None, new: Story) -> Story:
    """The story after a new date: the new one, unless it only restates the story's year
    ("In 1940, ..." after "November 5, 1940" keeps the month and day)."""
    if story is not None and new.year == story.year and new.month is None and story.month is not None:
        return story
    return new


_FUTURE_FROM_NOW = re.compile(
    r"\b(?:will|shall|won['’]t|going\s+to|scheduled|slated|set\s+for|due\s+to|plans?\s+to)\b[^.;:!?]*$", re.IGNORECASE
)


def future_from_now(text: str, start: int) -> bool:
    """ "a summit set for April", "will resume in May": the writer's own future, which a
    narrative's story does not reach ("would follow on 12 September" is the story's)."""
    return bool(_FUTURE_FROM_NOW.search(text, max(0, start - 80), start))


_UNTIL = re.compile(r"\b(?:until|till|up\s+to|through)\b[^.;:,()]*$", re.IGNORECASE)


def ends_a_span(text: str, start: int) -> bool:
    """ "lasted until the fall of Budapest in February 1945": the end of what is told, not
    a step of the story."""
    return bool(_UNTIL.search(text, max(0, start - 60), start))


def story_year(story: Story, month: int, day: int | None = None) -> int:
    """The year of a yearless month (and day) told after ``story``: the story's year, or
    the next one when the month lies well before the story's month ("By December ...
    In January")."""
    if story.month is None:
        return story.year
    behind = (story.month - month) + ((story.day or 1) - (day or 1)) / 31
    return story.year + (behind >= ROLL_FORWARD_MONTHS)


def story_step(story: Story, month: int, direction: int) -> int:
    """The year of the next (``direction`` 1) or previous (-1) such month after ``story``:
    "the following March" after November 1916 is March 1917."""
    if story.month is None:
        return story.year + direction
    if direction > 0:
        return story.year + (month <= story.month)
    return story.year - (month >= story.month)
