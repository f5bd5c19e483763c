"""Measured spans: each stated offset or span of a text with the dates it is measured between,
found once for the Analysis (``Analysis.measures``) and judged by ``arithmetic/duration``.

Shapes:

* an offset in apposition to a date: "Three years later, in 2015," (counted from the
  date just before it), "Two weeks ago, on January 3, 2025" (from the publication date);
* a calendar neighbour in apposition to a date: "Last year, in 2023," "The following
  year, in 2012,";
* a duration in apposition to a range: "from 1939 to 1945, a full decade".

A stated count keeps a tolerance of one unit (more with "about"), a year-level date leaves
its days open. The publication date counts only when stated (option or front matter).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from checker.assertions.windows import Window, sentence_bounds, sentence_of, window_of, written_in_full
from checker.model import Analysis, Measure, Timex
from checker.timex.calendar import day_or_none, month_days, period_of, shift
from checker.timex.lexicon import number_value
from checker.timex.relative import NUM_RE, UNIT_RE, unit_of

# ---------------------------------------------------------------------- what the words state

# Words that set how far a stated count may be from the measured one.
_AT_LEAST = re.compile(r"\b(?:more\s+than|over|at\s+least|full|whole|entire|straight|consecutive|upwards\s+of)\b", re.IGNORECASE)
_NEARLY = re.compile(r"\b(?:nearly|almost|close\s+to|just\s+under)\b", re.IGNORECASE)
_AT_MOST = re.compile(r"\b(?:under|less\s+than|fewer\s+than|up\s+to|at\s+most|no\s+more\s+than|within)\b", re.IGNORECASE)
_ABOUT = re.compile(r"\b(?:about|around|approximately|roughly|some|or\s+so)\b", re.IGNORECASE)
_COUNT = re.compile(
    rf"(?P<num>{NUM_RE})(?P<half>\s+and\s+a\s+half)?[\s-]+(?:(?:more|additional|full|straight|consecutive|extra|long|whole|entire)\s+)?"
    rf"(?P<unit>{UNIT_RE})s?(?P<half2>\s+and\s+a\s+half)?(?:\s+(?P<dir>ago|earlier|later|from\s+now|hence))?$",
    re.IGNORECASE,
)
# Each counted unit in the base unit it is measured in (calendar months, or days).
MONTH_UNITS = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}
DAY_UNITS = {"day": 1, "week": 7, "fortnight": 14}


@dataclass(frozen=True)
class Stated:
    """A count of time as written: ``amount`` in ``base`` units ("month" or "day"), with bounds it allows."""

    amount: float
    base: str
    low: int  # the least amount the words allow, in base units
    high: int | None  # the most (None: no upper bound, "more than")


def stated(text: str, mod: str | None) -> Stated | None:
    """The count a time expression states ("three years later", "a full decade"), or None if vague."""
    words = " ".join(text.split())
    m = _COUNT.search(words)
    if m is None:
        return None
    num = number_value(m["num"]) if not re.search(r"[.,]\d", m["num"]) else None
    unit = unit_of(m["unit"])
    if num is None or num <= 0 or unit not in MONTH_UNITS and unit not in DAY_UNITS:
        return None
    size, base = (MONTH_UNITS[unit], "month") if unit in MONTH_UNITS else (DAY_UNITS[unit], "day")
    amount = (num + (0.5 if m["half"] or m["half2"] or "1/2" in m["num"] or "½" in m["num"] else 0)) * size
    unit_slack = min(size, 12) if base == "month" else size
    prefix = words[: m.start()]
    close = max(unit_slack, math.ceil(amount / 10))
    loose = max(unit_slack, math.ceil(amount / 4))
    if _AT_LEAST.search(words) or mod in ("MORE_THAN", "EQUAL_OR_MORE"):
        return Stated(amount, base, math.floor(amount), None)
    if _NEARLY.search(prefix):
        return Stated(amount, base, math.floor(amount - loose), math.ceil(amount))
    if _AT_MOST.search(prefix) or mod in ("LESS_THAN", "EQUAL_OR_LESS"):
        return Stated(amount, base, 0, math.ceil(amount))
    if _ABOUT.search(words) or mod == "APPROX":
        return Stated(amount, base, math.floor(amount - loose), math.ceil(amount + loose))
    return Stated(amount, base, math.floor(amount - close), math.ceil(amount + close))


def reach(anchor: Window, claim: Stated, sign: int) -> Window:
    """The days a point ``claim`` after (``sign`` 1) or before (-1) some day of ``anchor`` can be."""
    low = max(claim.low, 0)
    if sign > 0:
        far = date.max if claim.high is None else shift(anchor[1], claim.base, claim.high)
        return shift(anchor[0], claim.base, low), far
    far = date.min if claim.high is None else shift(anchor[0], claim.base, -claim.high)
    return far, shift(anchor[1], claim.base, -low)


# ---------------------------------------------------------------------- shapes in the text

# "Three years later, in 2015" / "Last year (in 2023)" / "two weeks ago -- on January 3".
_GAP_AFTER = re.compile(r"\s*(?:,|\(|—|–|--)\s*(?:(?:in|on|during|by)\s+)?$|\s+(?:in|on)\s+$", re.IGNORECASE)
# "In 2015, three years later," / "on January 3, two weeks ago".
_GAP_BEFORE = re.compile(r"\s*(?:,|\(|—|–|--)\s*$")
# "served eight years, from 2009 to 2017" / "from 1939 to 1945, a full decade".
_GAP_SPAN_RANGE = re.compile(r"\s*(?:,|\(|—|–|--|:)?\s*(?:from|between)?\s*$", re.IGNORECASE)
_GAP_RANGE_SPAN = re.compile(r"\s*(?:,|\(|—|–|--|:)\s*(?:or\s+|that\s+is\s+|i\.e\.,?\s+)?$", re.IGNORECASE)
# What may follow a duration that states a whole range (not "three years after", "a decade of").
_SPAN_END = re.compile(r"\s*(?:[,.;:)\]—–]|--|$|(?:in|during|over)\s+which\b|when\b|that\b|and\b)", re.IGNORECASE)
_PLAIN_SPAN = re.compile(
    rf"^(?:(?:more\s+than|over|at\s+least|nearly|almost|about|around|roughly|approximately|some|just\s+under|"
    rf"under|less\s+than|close\s+to)\s+)?(?:{NUM_RE})(?:\s+and\s+a\s+half)?[\s-]+"
    rf"(?:(?:full|whole|entire|straight|consecutive|long)\s+)?{UNIT_RE}s?(?:\s+and\s+a\s+half)?$",
    re.IGNORECASE,
)
_CALENDAR = re.compile(
    r"^(?P<dir>last|this|next|the\s+(?:previous|preceding|following|next|same)|that|the\s+prior)\s+(?P<unit>year|month|day)$",
    re.IGNORECASE,
)
_DIRECTIONS = {"last": -1, "this": 0, "next": 1, "previous": -1, "preceding": -1, "prior": -1, "following": 1,
               "same": 0, "that": 0}  # fmt: skip
_OFFSET_SIGN = {"ago": -1, "earlier": -1, "later": 1, "from now": 1, "hence": 1, "after that": 1, "afterward": 1,
                "afterwards": 1, "thereafter": 1, "before that": -1}  # fmt: skip
# A duration made an offset by the words after it: "five years after that, in 2020".
_AFTER_THAT = re.compile(r"\s+(?P<dir>after\s+that|afterwards?|thereafter|before\s+that)\b", re.IGNORECASE)
_GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 2, "half": 2, "season": 2, "year": 3}
# Dates precise enough to count from or to (a decade or a century is not).
_POINT_GRANULARITIES = {"day", "week", "weekend", "month", "quarter", "half", "season", "year"}


def _apposition(timexes: tuple[Timex, ...], i: int, text: str, me: Timex) -> Timex | None:
    """The dated expression right next to timex ``i`` (as read: ``me``), joined by a comma, parenthesis or "in"."""
    end = me.end
    candidates = []
    if i + 1 < len(timexes):
        after = timexes[i + 1]
        if _GAP_AFTER.match(text[end : after.start]):
            candidates.append(after)
    if i > 0:
        before = timexes[i - 1]
        if _GAP_BEFORE.match(text[before.end : me.start]) and re.match(r"\s*[,)—–-]", text[end:] or "."):
            candidates.append(before)
    for t in candidates:
        dated = t.fields.year is not None or t.fields.month is not None
        if t.type == "DATE" and t.link is None and t.granularity in _POINT_GRANULARITIES and t.valid and dated:
            return t
    return None


def _narrative_anchor(analysis: Analysis, i: int, target: Timex, bounds: list[tuple[int, int]]) -> Timex | None:
    """The date a "later"/"earlier" counts from: the date just before it (the tagger's reference).

    Only when it is explicit, in the same sentence or the one before, and the last event of its
    sentence: another date in between ("In 2010 ... two years later ... three years later") or
    another clause after it ("born in 1950 and moved to Paris. Three years later") makes the
    reference ambiguous.
    """
    me = analysis.timexes[i]
    previous = [t for t in analysis.timexes[:i] if t is not target and t.type in ("DATE", "TIME")]
    if not previous:
        return None
    anchor = previous[-1]
    if not written_in_full(anchor) or window_of(anchor) is None or anchor.granularity not in _POINT_GRANULARITIES:
        return None
    here, there = sentence_of(bounds, me.start), sentence_of(bounds, anchor.start)
    if here - there > 1:
        return None
    if here != there and _ANOTHER_CLAUSE.search(analysis.document.text, anchor.end, bounds[there][1]):
        return None
    return anchor


# A clause after a date: "; it hired", "and moved to Paris" (not "and 2011", "and the plant").
_ANOTHER_CLAUSE = re.compile(r";|\b(?:and|but|then|before|after|until|when|while)\s+(?!(?:the|a|an|his|her|its|their|in|on|at|of)\b)[a-z]")


_MOD_BEFORE = re.compile(
    r"\b(?:more\s+than|over|at\s+least|nearly|almost|about|around|roughly|approximately|some|just\s+under|under|"
    r"less\s+than|close\s+to|up\s+to)\s+$",
    re.IGNORECASE,
)


def _with_mod(timex: Timex, text: str) -> Timex:
    """The expression with the tolerance word before it ("about" + "a decade"), if the tagger left it out."""
    m = _MOD_BEFORE.search(text, max(0, timex.start - 20), timex.start)
    return replace(timex, start=m.start(), text=text[m.start() : timex.end]) if m else timex


def _offset(analysis: Analysis, i: int, bounds: list[tuple[int, int]]) -> Measure | None:
    """"Three years later, in 2015" / "two weeks ago, on January 3, 2025" / "five years after that, in 2020"."""
    text = analysis.document.text
    me = _with_mod(analysis.timexes[i], text)
    m = _COUNT.search(" ".join(me.text.split()))
    after = _AFTER_THAT.match(text, me.end) if me.type == "DURATION" else None
    if m is None or (m["dir"] or after) is None:
        return None
    claim = stated(me.text, me.mod)
    if after is not None:
        me = replace(me, end=after.end(), text=text[me.start : after.end()])
    direction = " ".join((m["dir"] or after["dir"]).lower().split())  # type: ignore[index]
    target = _apposition(analysis.timexes, i, text, me)
    if claim is None or target is None:
        return None
    sign = _OFFSET_SIGN[direction]
    published = analysis.document.stated_published
    if direction not in ("ago", "from now", "hence"):
        anchor = _narrative_anchor(analysis, i, target, bounds)
        if anchor is None or claim.base == "day" and anchor.granularity != "day":
            return None
        start = window_of(anchor)
    else:
        if published is None:
            return None
        anchor, start = None, (published, published)
    assert start is not None
    return Measure(me, reach(start, claim, sign), target, anchor, True, "offset", claim.base, start)


def _calendar(analysis: Analysis, i: int, bounds: list[tuple[int, int]]) -> Measure | None:
    """"Last year, in 2023" / "the following year, in 2012": the calendar unit next to a date."""
    me = analysis.timexes[i]
    m = _CALENDAR.match(" ".join(me.text.split()))
    if m is None:
        return None
    target = _apposition(analysis.timexes, i, analysis.document.text, me)
    if target is None:
        return None
    unit = m["unit"].lower()
    direction = _DIRECTIONS[m["dir"].lower().split()[-1]]
    if m["dir"].lower().startswith(("the", "that")):
        anchor = _narrative_anchor(analysis, i, target, bounds)
        if anchor is None or _GRANULARITY_RANK.get(anchor.granularity, 9) > _GRANULARITY_RANK[unit]:
            return None  # "the following month" after "2010" has no month to count from
        start = window_of(anchor)
    elif unit == "day":
        return None  # "today", "yesterday": a wire story's date is too loose for that
    else:
        published = analysis.document.stated_published
        if published is None:
            return None
        anchor, start = None, (published, published)
    assert start is not None
    window = (period_of(unit, shift(start[0], unit, direction)).earliest, period_of(unit, shift(start[1], unit, direction)).latest)
    return Measure(me, window, target, anchor, True, "calendar", "day" if unit == "day" else "month", start)  # type: ignore[arg-type]


def _span(analysis: Analysis, i: int) -> Measure | None:
    """"from 1939 to 1945, a full decade" / "eight years, from 2009 to 2017"."""
    text = analysis.document.text
    me = _with_mod(analysis.timexes[i], text)
    if me.type != "DURATION" or not _PLAIN_SPAN.match(" ".join(me.text.split())):
        return None
    if not _SPAN_END.match(text[me.end :]):
        return None
    claim = stated(me.text, me.mod)
    if claim is None:
        return None
    ends = _range_before(analysis.timexes, i, me.start, text) or _range_after(analysis.timexes, i, me.end, text)
    if ends is None:
        return None
    first, last = ends
    start, end = _range_days(first, last)
    if start is None or end is None or end[1] < start[0]:
        return None  # a reversed range is chronology/order's
    # Counted with or without its last day ("March 1 to March 30" is 29 or 30 days), and a day
    # more for months of unequal length ("March 1 to March 30, a full month").
    reached = reach(start, claim, 1)
    window = (reached[0] - timedelta(days=2), reached[1])
    # A start without a year takes the end's ("March 1 to 30, 2020"): explicit if the tagger read it so.
    explicit = first.fields.year is not None or first.anchor == "explicit"
    return Measure(me, window, last, first, explicit, "span", claim.base, start)


def _range_before(timexes: tuple[Timex, ...], i: int, start: int, text: str) -> tuple[Timex, Timex] | None:
    """The range just before the duration at ``start``: "from 1939 to 1945, a full decade"."""
    if i >= 2 and timexes[i - 1].link == i - 2 and _GAP_RANGE_SPAN.match(text[timexes[i - 1].end : start]):
        return timexes[i - 2], timexes[i - 1]
    return None


def _range_after(timexes: tuple[Timex, ...], i: int, end: int, text: str) -> tuple[Timex, Timex] | None:
    """The range just after the duration ending at ``end``: "eight years, from 2009 to 2017"."""
    if i + 2 < len(timexes) and timexes[i + 1].link == i + 2 and _GAP_SPAN_RANGE.match(text[end : timexes[i + 1].start]):
        return timexes[i + 1], timexes[i + 2]
    return None


def _range_days(first: Timex, last: Timex) -> tuple[Window | None, Window | None]:
    """Both ends as day intervals; a first end without a year takes the last end's ("March 1 to March 3, 2020")."""
    end = window_of(last)
    if last.fields.year is None or end is None:
        return None, None
    if first.fields.year is not None:
        return window_of(first), end
    if first.fields.month is None:
        return None, None
    month, day = first.fields.month, first.fields.day
    year = last.fields.year - (1 if (month, day or 1) > (end[0].month, end[0].day) else 0)
    lo = day_or_none(year, month, day or 1)
    hi = day_or_none(year, month, day or month_days(year, month))
    return ((lo, hi) if lo and hi else None), end


def _found(analysis: Analysis) -> Iterator[Measure]:
    bounds = sentence_bounds(analysis.document.text)
    for i, t in enumerate(analysis.timexes):
        if t.type == "DATE":
            found = _offset(analysis, i, bounds) or _calendar(analysis, i, bounds)
        elif t.type == "DURATION":
            found = _span(analysis, i) or _offset(analysis, i, bounds)
        else:
            found = None
        if found is not None:
            yield found


def find(analysis: Analysis) -> tuple[Measure, ...]:
    """Every measured offset and span of the analysed text, in text order."""
    return tuple(_found(analysis))
