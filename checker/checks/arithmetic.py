"""Arithmetic rules: counts of time that do not fit the dates they connect.

``arithmetic/duration``: a stated offset or span against its endpoints. Three shapes:

* an offset in apposition to a date: "Three years later, in 2015," (counted from the
  date just before it), "Two weeks ago, on January 3, 2025" (from the publication date);
* a calendar neighbour in apposition to a date: "Last year, in 2023," "The following
  year, in 2012,";
* a duration in apposition to a range: "from 1939 to 1945, a full decade".

``arithmetic/age``: an age ("aged 72", "the 75-year-old", "Smith, 45,") that does not fit
a birth date at the dates of its sentence or, for a present age, the publication date.

Both rules flag only what cannot be true: a stated count keeps a tolerance of one unit
(more with "about"), a year-level date leaves its days open, and an unknown birthday
allows two ages. The publication date counts only when stated (option or front matter).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from checker.model import Analysis, Assertion, Finding, Related, Timex
from checker.timex.calendar import day_or_none, month_days, period_of, shift
from checker.timex.lexicon import NUMBERS, alt, number_value
from checker.timex.relative import NUM_RE, UNIT_RE, unit_of

Window = tuple[date, date]

# ---------------------------------------------------------------------- shared


def _published(analysis: Analysis) -> date | None:
    """The publication date, when stated (an inferred one cannot measure anything)."""
    return analysis.document.stated_published


def _explicit(timex: Timex) -> bool:
    return timex.anchor == "explicit" and timex.fields.year is not None


def _words(timex: Timex) -> str:
    return " ".join(timex.text.split())


def _overlaps(a: Window, b: Window) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _interval(timex: Timex) -> Window | None:
    if timex.earliest is None or timex.latest is None:
        return None
    return timex.earliest, timex.latest


def _fits(timex: Timex, window: Window) -> bool:
    """Whether the date can lie in ``window``; a date without a written year may take any year."""
    if timex.fields.year is None and timex.fields.month is not None:
        if (window[1] - window[0]).days >= 366:
            return True
        month, day = timex.fields.month, timex.fields.day
        for year in range(window[0].year - 1, window[1].year + 2):
            if not 1 <= year <= 9999:
                continue
            first = day_or_none(year, month, day or 1)
            last = day_or_none(year, month, day or month_days(year, month))
            if first and last and _overlaps((first, last), window):
                return True
        return False
    interval = _interval(timex)
    return interval is None or _overlaps(interval, window)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Capt|Prof|Inc|Corp|Co|Ltd|No|vs|Jan|Feb|Mar|Apr|"
    r"Aug|Sept?|Oct|Nov|Dec|Mt|Ft|a\.m|p\.m|U\.S|U\.K)|\b[A-Z])\.$"
)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentence spans of the prose, by punctuation (rules see no parse); abbreviations do not end one."""
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text, max(start, m.start() - 6), m.start()):
            continue
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _sentence_of(bounds: list[tuple[int, int]], offset: int) -> int:
    return next((i for i, (s, e) in enumerate(bounds) if s <= offset < e or offset == e), len(bounds) - 1)


# ---------------------------------------------------------------------- duration: what the words state

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


# ---------------------------------------------------------------------- duration: what the dates say


def _years(a: Window, b: Window) -> str:
    lo, hi = b[0].year - a[1].year, b[1].year - a[0].year
    if a[0].year == a[1].year and b[0].year == b[1].year:
        lo = hi = b[0].year - a[0].year
    return _count(lo, hi, "year")


def _months(a: Window, b: Window) -> str:
    def index(d: date) -> int:
        return d.year * 12 + d.month

    return _count(index(b[0]) - index(a[1]), index(b[1]) - index(a[0]), "month")


def _days(a: Window, b: Window) -> str:
    return _count((b[0] - a[1]).days, (b[1] - a[0]).days, "day")


def _count(lo: int, hi: int, unit: str) -> str:
    lo, hi = sorted((abs(lo), abs(hi))) if lo * hi >= 0 else (0, max(abs(lo), abs(hi)))
    plural = "" if hi == 1 else "s"
    return f"{lo} {unit}{plural}" if lo == hi else f"{lo} to {hi} {unit}s"


def measured(a: Window, b: Window, base: str, granularities: Iterable[str]) -> str:
    """How far apart two dates are, in the words a reader would count them ("5 years")."""
    if base == "month" and any(g in ("year", "decade", "century") for g in granularities):
        return _years(a, b)
    if base == "month":
        return _months(a, b) if abs(b[0].year - a[0].year) < 3 else _years(a, b)
    return _days(a, b)


# ---------------------------------------------------------------------- duration: shapes in the text

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


@dataclass(frozen=True)
class Measure:
    """One checked claim: the expression, what it was measured against, and the verdict's pieces."""

    claim: Timex
    window: Window  # where the date in apposition must lie
    target: Timex  # the date in apposition (or a range's end)
    anchor: Timex | None  # the earlier date counted from (None: the publication date)
    explicit: bool  # every endpoint written out (no year borrowed)
    kind: str  # "offset", "calendar" or "span"
    base: str
    start: Window  # the anchor's days (the publication day for "ago")


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
    if not _explicit(anchor) or _interval(anchor) is None or anchor.granularity not in _POINT_GRANULARITIES:
        return None
    here, there = _sentence_of(bounds, me.start), _sentence_of(bounds, anchor.start)
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
    published = _published(analysis)
    if direction not in ("ago", "from now", "hence"):
        anchor = _narrative_anchor(analysis, i, target, bounds)
        if anchor is None or claim.base == "day" and anchor.granularity != "day":
            return None
        start = _interval(anchor)
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
        start = _interval(anchor)
    elif unit == "day":
        return None  # "today", "yesterday": a wire story's date is too loose for that
    else:
        published = _published(analysis)
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
    end = _interval(last)
    if last.fields.year is None or end is None:
        return None, None
    if first.fields.year is not None:
        return _interval(first), end
    if first.fields.month is None:
        return None, None
    month, day = first.fields.month, first.fields.day
    year = last.fields.year - (1 if (month, day or 1) > (end[0].month, end[0].day) else 0)
    lo = day_or_none(year, month, day or 1)
    hi = day_or_none(year, month, day or month_days(year, month))
    return ((lo, hi) if lo and hi else None), end


def _measures(analysis: Analysis) -> Iterator[Measure]:
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


def durations(analysis: Analysis) -> Iterator[Finding]:
    doc = analysis.document
    for m in _measures(analysis):
        if _fits(m.target, m.window):
            continue
        related = [Related(doc.source_span(m.target.start, m.target.end), f"the date it is measured to: {_words(m.target)}")]
        if m.anchor is not None:
            related.insert(0, Related(doc.source_span(m.anchor.start, m.anchor.end), f"measured from {_words(m.anchor)}"))
        yield Finding(
            rule="arithmetic/duration",
            severity="error" if m.explicit else "warning",
            message=_duration_message(m),
            span=doc.source_span(m.claim.start, m.claim.end),
            related=tuple(related),
        )


def _duration_message(m: Measure) -> str:
    """What was stated, what the dates give, in the reader's units."""
    claim, target = repr(m.claim.text.strip()), _words(m.target)
    origin = _words(m.anchor) if m.anchor is not None else f"the publication date ({m.start[0].isoformat()})"
    days = _target_days(m)
    granularities = [m.target.granularity] + ([m.anchor.granularity] if m.anchor else [])
    gap = measured(m.start, days, m.base, granularities)
    if m.kind == "span":
        return f"{origin} to {target} is {gap}, which does not fit {claim}"
    if m.kind == "calendar":
        meant = _period_words(m.window)
        return f"{claim} counted from {origin} is {meant}, not {target}"
    side = "after" if days[0] > m.start[1] else "before"
    return f"{claim} does not fit {target}: {target} is {gap} {side} {origin}"


def _period_words(window: Window) -> str:
    """A calendar year, month or day as a reader writes it."""
    first, last = window
    if first == last:
        return f"{first:%B} {first.day}, {first.year}"
    return str(first.year) if (first.month, last.month) == (1, 12) else f"{first:%B %Y}"


def _target_days(m: Measure) -> Window:
    """The target's days; a date without a year is shown in the year nearest the window."""
    interval = _interval(m.target)
    f = m.target.fields
    if f.year is None and f.month is not None:
        year = m.window[0].year if m.window[0] != date.min else m.window[1].year
        lo = day_or_none(year, f.month, f.day or 1) or date(year, f.month, 1)
        hi = day_or_none(year, f.month, f.day or month_days(year, f.month)) or lo
        return lo, hi
    assert interval is not None
    return interval


# ---------------------------------------------------------------------- age

# Ages in words: "seventy", "twenty-one" (not "a", "a dozen": "died at a hospital").
_NUMBER_WORD = alt(w for w, n in NUMBERS.items() if 0 < n < 125 and w.split()[0] not in ("a", "an", "couple", "dozen"))
_AGE_MOD = r"(?:(?P<mod>about|around|approximately|roughly|nearly|almost|over|under|more\s+than|less\s+than|at\s+least|just)\s+)?"
_NOT_AN_AGE = (
    r"(?![\d,.:]\d|\s*(?:%|percent|[ap]\.?m\b|o['’]clock|(?:and|or)\s+(?:older|over|up|above|younger|under)|to\s+\d|-\d|"
    r"and\s+\d|in\s+the\s+(?:morning|afternoon|evening)|[A-Z]))"
)
_NAME = r"(?P<name>(?:[A-Z](?:[\w'’-]*|\.)\s+){0,3}[A-Z][\w'’-]*)"
_NOT_NAMES = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|In|On|At|By|"
    r"For|And|But|No|Page|Chapter|Vol|Section|Article|Route|Highway|Room|Flight|Table|Figure|Game|Week|Level)$"
)
AGE_FORMS = re.compile(
    "|".join(
        (
            # "aged 72", "at the age of 72", "at age 72", "died Tuesday at 72", "turned 50": the age at its event
            (
                rf"\b(?:(?P<kw1>aged\s+|at\s+(?:the\s+)?age\s+(?:of\s+)?|turn(?:ed|s)\s+)|"
                rf"(?:died|dies)\b[^.;:!?\d]{{0,30}}?(?:\d[^.;:!?]{{0,15}}?)?(?P<kw2>\bat\s+(?:the\s+age\s+of\s+)?))"
                rf"{_AGE_MOD}(?P<n1>\d{{1,3}}|{_NUMBER_WORD})\b{_NOT_AN_AGE}"
            ),
            # "the 75-year-old", "75 years old": an age now (or at the event)
            rf"\b{_AGE_MOD.replace('mod', 'mod2')}(?P<n2>\d{{1,3}}|{_NUMBER_WORD})[\s-]+years?[\s-]+old\b",
            # "Smith, 45," and "Smith (45)": the news apposition
            rf"{_NAME.replace('name', 'name3')},\s+(?P<n3>\d{{1,3}}),(?!\d)",
            rf"{_NAME.replace('name', 'name4')}\s+\((?P<n4>\d{{1,3}})\)",
        )
    ),
)
AGE_MODS = {"about": (-2, 2), "around": (-2, 2), "approximately": (-2, 2), "roughly": (-2, 2), "nearly": (-2, 0),
            "almost": (-2, 0), "just": (-1, 1), "over": (0, 200), "more than": (0, 200), "at least": (0, 200),
            "under": (-200, 0), "less than": (-200, 0)}  # fmt: skip
# Nouns for other people: a birth told of "her father" is not the birth of the person whose age it is.
OTHER_PEOPLE = frozenset({
    "father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "parent", "parents", "child",
    "children", "grandfather", "grandmother", "grandson", "granddaughter", "uncle", "aunt", "nephew", "niece",
    "cousin", "partner", "boyfriend", "girlfriend", "baby", "predecessor", "successor",
})  # fmt: skip
CREATION_TRIGGERS = frozenset({"built", "constructed", "erected", "founded", "established", "opened", "completed"})


@dataclass(frozen=True)
class Age:
    """An age as written: where, the years it allows, who it belongs to (a name or a noun phrase)."""

    start: int
    end: int
    label: str  # how the message names it: "'at the age of 72'", "Smith's age, 45"
    low: int
    high: int
    person: str | None
    now: bool  # the news apposition and "N-year-old": the publication date may be meant


def ages(text: str) -> Iterator[Age]:
    """Every age written in ``text`` ("aged 72", "the 75-year-old", "Smith, 45,", "Smith (45)")."""
    for m in AGE_FORMS.finditer(text):
        form = next(k for k in "1234" if m[f"n{k}"] is not None)
        n = number_value(m[f"n{form}"])
        if n is None or not 0 < n < 125:
            continue
        mod = m["mod"] if form == "1" else m["mod2"] if form == "2" else None
        lo, hi = AGE_MODS.get(" ".join(mod.lower().split()), (0, 0)) if mod else (0, 0)
        person = _age_person(text, m, form)
        if form in "34" and person is None:
            continue
        if form in "34":
            start, end, label = m.start(f"n{form}"), m.end(f"n{form}"), f"{person}'s age, {n},"
        else:  # "died on June 1, 2020, at 72": the age is "at 72"
            start, end = (m.start("kw2") if form == "1" and m["kw1"] is None else m.start()), m.end()
            label = repr(text[start:end].strip())
        yield Age(start, end, label, max(n + lo, 0), n + hi, person, form != "1")


def _age_person(text: str, m: re.Match[str], form: str) -> str | None:
    """Whose age: the name in apposition, or "N-year-old" with the noun after it ("10 year old bridge")."""
    if form in "34":
        name = m[f"name{form}"]
        words = name.split()
        while words and _NOT_NAMES.match(words[0]):
            words = words[1:]
        return " ".join(words) if words and not _NOT_NAMES.match(words[-1]) else None
    if form == "2" and "-" in m[0]:
        noun = re.match(r"\s+([a-z]+)\b", text[m.end() :])
        number = " ".join(re.split(r"[\s-]+", m[0].strip()))
        return f"{number} {noun[1]}" if noun else number
    return None


def _same(a: str, b: str) -> bool:
    """Two mentions of one person or thing: the words of one begin or end the other ("Smith" and
    "John Smith", "75 year old" and "75 year old grandmother"), or a lone surname is among the other's
    words ("Hadid" and "Zaha Hadid DBE"). Two different full names differ ("John Smith", "Jane Smith")."""
    short, long = sorted((_norm(a).split(), _norm(b).split()), key=len)
    if not short:
        return False
    if long[: len(short)] == short or long[-len(short) :] == short:
        return True
    return len(short) == 1 and a[:1].isupper() and b[:1].isupper() and short[0] in long


def _norm(s: str) -> str:
    return " ".join(re.split(r"[\s-]+", s.lower())).strip()


@dataclass(frozen=True)
class Birth:
    assertion: Assertion
    timex: Timex
    sentence: int


def _births(analysis: Analysis, bounds: list[tuple[int, int]]) -> list[Birth]:
    found = []
    for a in analysis.assertions:
        t = analysis.timexes[a.timex]
        creation = a.trigger.lower() in CREATION_TRIGGERS or a.event == "founding"
        asserted = (a.event == "birth" or creation) and a.modality == "asserted" and a.polarity == "positive"
        written = t.fields.year is not None and _interval(t) is not None and t.granularity in ("day", "month", "year")
        if asserted and written:
            found.append(Birth(a, t, _sentence_of(bounds, a.trigger_start)))
    return found


def _whose(birth: Birth) -> str | None:
    a = birth.assertion
    return a.participant("object") or a.participant("subject")


def _is_creation(birth: Birth) -> bool:
    return birth.assertion.event != "birth"


_ANOTHER = re.compile(r"\b(?:and|with|whose|while|but|or)\s+(?:his|her|their|its|the|a|an|[A-Z])|\b[A-Z][\w'’-]*")


def _someone_between(text: str, age: Age, birth: Assertion) -> bool:
    """Whether another person may stand between an age and a birth the parse left without a subject
    ("Smith, 45, and his son, born in 2000"): a conjoined phrase, a kin word, or another name."""
    lo, hi = sorted((age.end, birth.trigger_start)) if birth.trigger_start > age.start else (birth.trigger_end, age.start)
    own = set((age.person or "").split())
    for m in _ANOTHER.finditer(text, lo, hi):
        word = m[0]
        if not word[0].isupper() or word not in own and not _NOT_NAMES.match(word):
            return True
    return any(w in OTHER_PEOPLE for w in _norm(text[lo:hi]).split())


def _linked(text: str, age: Age, birth: Birth, sentence: int) -> bool:
    """Whether a birth is the birth of the person (or thing) whose age is given.

    In the same sentence, unless the birth is told of someone else ("her father"); a
    built/founded date only for the very thing of the "N-year-old". In a nearby sentence,
    only by name ("John Smith was born ..." / "Smith, 45,").
    """
    whose = _whose(birth)
    if _is_creation(birth):
        return birth.sentence == sentence and age.person is not None and whose is not None and _same(age.person, whose)
    if birth.sentence == sentence:
        if whose is None or "participant" in birth.assertion.inferred:
            return not _someone_between(text, age, birth.assertion)
        if age.person is not None:
            return _same(age.person, whose)
        return not any(w in OTHER_PEOPLE for w in _norm(whose).split())
    return (
        -3 <= birth.sentence - sentence <= 1
        and age.person is not None
        and whose is not None
        and whose[:1].isupper()
        and _same(age.person, whose)
    )


def age_range(born: Window, at: Window) -> tuple[int, int]:
    """The ages in whole years someone born on a day of ``born`` can have on a day of ``at``."""

    def years(b: date, d: date) -> int:
        return d.year - b.year - ((d.month, d.day) < (b.month, b.day))

    return years(born[1], at[0]), years(born[0], at[1])


# Between an age and a date of another clause: "won the title in 1990 and retired aged 50".
_CLAUSE_BREAK = re.compile(r";|\b(?:and|but|while|whereas|before|after|until|when|then|since|later)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Moment:
    """A day (or days) the age may be given for."""

    days: Window
    timex: Timex | None  # None: the publication date


def _moments(analysis: Analysis, age: Age, birth: Birth, bounds: list[tuple[int, int]]) -> list[Moment]:
    """The dates of the age's clause (its event), and for a present age the publication date.

    "aged 40" with no date in its clause is an age at some undated event: nothing to measure.
    """
    lo, hi = bounds[_sentence_of(bounds, age.start)]
    text = analysis.document.text
    moments = [
        Moment(days, t)
        for t in analysis.timexes
        if lo <= t.start < hi and t is not birth.timex and t.type in ("DATE", "TIME")
        and (days := _interval(t)) is not None and t.granularity != "vague"
        and not _CLAUSE_BREAK.search(text, min(t.end, age.end), max(t.start, age.start))
    ]
    published = _published(analysis)
    if published is not None and age.now:
        moments.append(Moment((published, published), None))
    return moments


def _plainly(timex: Timex | None) -> bool:
    return timex is None or timex.anchor in ("explicit", "dct")


def _subject_of(analysis: Analysis, sentence: tuple[int, int], age: Age) -> str | None:
    """Whose age "aged 72" is: the participant of the last dated event before it in its sentence
    ("She died on March 31, 2016, at the age of 65": her, as the parse linked the pronoun)."""
    events = [a for a in analysis.assertions if sentence[0] <= a.trigger_start < age.start and a.event != "birth"]
    return next((p for a in reversed(events) if (p := a.participant("subject") or a.participant("object"))), None)


def _closest_births(text: str, age: Age, births: list[Birth], sentence: int) -> list[Birth]:
    """The births linked to an age, from the nearest sentence that has any, nearest first."""
    linked = [b for b in births if _linked(text, age, b, sentence)]
    if not linked:
        return []
    nearest = min(abs(b.sentence - sentence) for b in linked)
    return sorted((b for b in linked if abs(b.sentence - sentence) == nearest), key=lambda b: abs(b.assertion.trigger_start - age.start))


def age_findings(analysis: Analysis) -> Iterator[Finding]:
    text = analysis.document.text
    bounds = sentence_bounds(text)
    births = _births(analysis, bounds)
    if not births:
        return
    doc = analysis.document
    for age in ages(text):
        sentence = _sentence_of(bounds, age.start)
        if age.person is None:
            age = replace(age, person=_subject_of(analysis, bounds[sentence], age))
        candidates = [(b, _moments(analysis, age, b, bounds)) for b in _closest_births(text, age, births, sentence)]
        candidates = [(b, moments) for b, moments in candidates if moments]
        # Two births in reach ("Smith, 45, and Jones, 50, born in 1980 and 1975"): flag only if neither fits.
        if not candidates or any(_age_fits(age, age_range(_born(b), m.days)) for b, moments in candidates for m in moments):
            continue
        birth, moments = candidates[0]
        moment = moments[0]
        low, high = age_range(_born(birth), moment.days)
        possible = str(low) if low == high else f"{low} or {high}" if high == low + 1 else f"{low} to {high}"
        when = _when(moment)
        explicit = birth.sentence == sentence and _explicit(birth.timex) and all(_plainly(m.timex) for m in moments)
        related = [Related(doc.source_span(birth.timex.start, birth.timex.end), f"born {_words(birth.timex)}")]
        if moment.timex is not None:
            related.append(Related(doc.source_span(moment.timex.start, moment.timex.end), f"the age is given at {when}"))
        yield Finding(
            rule="arithmetic/age",
            severity="error" if explicit else "warning",
            message=f"{age.label} does not fit the birth date {_words(birth.timex)}: the age at {when} is {possible}",
            span=doc.source_span(age.start, age.end),
            related=tuple(related),
        )


def _when(moment: Moment) -> str:
    """The date an age was measured at, with its day when the text leaves the year out ("Tuesday")."""
    if moment.timex is None:
        return f"publication ({moment.days[0].isoformat()})"
    words = _words(moment.timex)
    return words if moment.timex.fields.year is not None else f"{words} ({moment.days[0].isoformat()})"


def _born(birth: Birth) -> Window:
    born = _interval(birth.timex)
    assert born is not None  # births are kept only with a day interval
    return born


def _age_fits(age: Age, possible: tuple[int, int]) -> bool:
    return age.low <= possible[1] and possible[0] <= age.high
