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

from checker.assertions.windows import (
    Bounds,
    Window,
    publication_day,
    sentence_bounds,
    sentence_of,
    window_of,
    written_in_full,
)
from checker.model import Analysis, Measure, Timex
from checker.timex.calendar import day_or_none, month_days, period_of, shift
from checker.timex.durations import NUM_RE, UNIT_RE, unit_of
from checker.timex.lexicon import number_value

# ---------------------------------------------------------------------- what the words state

# Words that set how far a stated count may be from the measured one.
_AT_LEAST = re.compile(
    r"\b(?:more\s+than|over|at\s+least|full|whole|entire|straight|consecutive|upwards\s+of)\b", re.IGNORECASE
)
_NEARLY = re.compile(r"\b(?:nearly|almost|close\s+to|just\s+under)\b", re.IGNORECASE)
_AT_MOST = re.compile(
    r"\b(?:under|less\s+than|fewer\s+than|up\s+to|at\s+most|no\s+more\s+than|within)\b", re.IGNORECASE
)
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
    # A few days are counted, not rounded: "a day earlier" is one day, "two days later" two.
    close = 0 if base == "day" and amount < 7 else max(unit_slack, math.ceil(amount / 10))
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
        dated = t.fields.year is not None or t.fields.month is not None or t.fields.weekday is not None
        if t.type == "DATE" and t.link is None and t.granularity in _POINT_GRANULARITIES and t.valid and dated:
            return t
    return None


def _narrative_anchor(analysis: Analysis, i: int, target: Timex, bounds: Bounds) -> Timex | None:
    """The date a "later"/"earlier" counts from: the date just before it (the tagger's reference).

    Only when it is written (a year borrowed from the publication date only when the target has
    none either: both then share it), and the last event of its sentence: another date in between
    ("In 2010 ... two years later ... three years later") or another clause after it ("born in
    1950 and moved to Paris. Three years later") makes the reference ambiguous. It is in the same
    sentence or the one before, or up to eight sentences back: for an offset that opens its
    paragraph ("Five days earlier, on ...") and a date that closes one, no date between; or the
    last date told of the thing the offset's clause names ("The Alder school opened in 1963. ...
    Two years after that, in 1970, the school doubled its capacity").
    """
    me = analysis.timexes[i]
    previous = [t for t in analysis.timexes[:i] if t is not target and t.type in ("DATE", "TIME")]
    if target.fields.month is not None:  # a calendar date counts from a calendar date
        previous = [t for t in previous if not _deictic(t)]
    if _told_in_past(analysis, target) and (published := analysis.document.stated_published) is not None:
        previous = [t for t in previous if t.earliest is None or t.earliest <= published]  # not a plan's date
    if not previous:
        return None
    text = analysis.document.text
    here = sentence_of(bounds, me.start)
    anchor = previous[-1]
    there = sentence_of(bounds, anchor.start)
    told_on = re.match(r"\s*(?:it|its|they|their|he|his|she|her)\b", text[bounds[there][0] :], re.IGNORECASE)
    if here != there and not told_on:  # the thing the clause names wins over another thing's date
        anchor = _same_thing(text, bounds, previous, here, target) or anchor
    written = written_in_full(anchor) or anchor.fields.month is not None and target.fields.year is None
    # "on Tuesday. A day earlier, on Sunday": two weekdays are counted between by their names.
    weekdays = anchor.fields.weekday is not None and target.fields.year is None and target.fields.month is None
    if not (written or weekdays) or window_of(anchor) is None or anchor.granularity not in _POINT_GRANULARITIES:
        return None
    there = sentence_of(bounds, anchor.start)
    if here - there > (
        _FAR if _paragraphs_apart(text, bounds, there, here, me) or _names(text, bounds, there, here, target) else 1
    ):
        return None
    if here != there and _ANOTHER_CLAUSE.search(text, anchor.end, bounds[there][1]):
        return None
    return anchor


_FAR = 8  # sentences an offset may count back over, on a paragraph's or a thing's evidence


def _deictic(t: Timex) -> bool:
    """ "on Thursday", "over the weekend", "at 1000 hrs": a time named from the day of writing,
    without month or year. "Five days earlier, on August 10" does not count from it: a writer
    who did would name a weekday."""
    return t.fields.month is None and t.fields.year is None


def _told_in_past(analysis: Analysis, target: Timex) -> bool:
    """Whether the target dates a past-tense event ("on March 28, the jury had asked"): it is
    counted from a date of the past, not from a plan's date after publication ("starting in 1988")."""
    return any(analysis.timexes[a.timex] is target and a.tense == "past" for a in analysis.assertions)


# "The plant had opened ...": a flashback told between a date and an offset.
_FLASHBACK = re.compile(r"\b(?:had|'d)\s+(?:not\s+|never\s+|already\s+|been\s+)*[a-z]+(?:ed|en|wn|un|ne)\b")


def _at_least_since(
    analysis: Analysis, i: int, me: Timex, claim: Stated, sign: int, target: Timex, bounds: Bounds
) -> Measure | None:
    """ "Six months later, on November 4, 1984" sentences after "filed on August 4, 1984", other
    things told between: the offset may count from an event told between, undated, which (told
    in order, with every date between after the anchor) is no earlier than the anchor. So the
    target is at least the offset from the anchor (a day "earlier": at most the offset before it)
    and only a target too early is wrong; one too late may count from a later event. The anchor
    is the last date of a past event the text asserts (not "until 1990" of a plan); a flashback
    between ("had opened") or a target without a year leaves it open."""
    text = analysis.document.text
    here = sentence_of(bounds, me.start)
    told = {
        a.timex for a in analysis.assertions if a.modality == "asserted" and a.relation == "at" and a.tense == "past"
    }
    previous = [j for j, t in enumerate(analysis.timexes[:i]) if t is not target and t.type in ("DATE", "TIME")]
    last = next((j for j in reversed(previous) if j in told and written_in_full(analysis.timexes[j])), None)
    if target.fields.year is None or last is None:
        return None
    anchor, start = analysis.timexes[last], window_of(analysis.timexes[last])
    if (
        start is None
        or here - sentence_of(bounds, anchor.start) > _FAR
        or anchor.granularity not in _POINT_GRANULARITIES
    ):
        return None
    if claim.base == "day" and anchor.granularity != "day" or _FLASHBACK.search(text, anchor.end, me.start):
        return None
    if any((w := window_of(analysis.timexes[j])) is None or w[0] < start[1] for j in previous if j > last):
        return None
    window = (reach(start, claim, sign)[0], date.max)
    return Measure(me, window, target, anchor, False, "offset", claim.base, start)


# "the school doubled": the thing an offset's clause is about, by its head noun.
_THE_THING = re.compile(
    r"\b[Tt]he\s+([a-z]{3,})\b(?!\s+(?:of|year|month|day|week|time|same|next|following|previous)\b)"
)


def _thing(text: str, bounds: Bounds, here: int, target: Timex) -> str | None:
    """The head noun after "the" in the clause after the offset's date ("the school doubled")."""
    m = _THE_THING.search(text, target.end, bounds[here][1])
    return m[1] if m else None


def _names(text: str, bounds: Bounds, there: int, here: int, target: Timex) -> bool:
    """Whether the anchor's sentence names, before its date, the thing of the offset's clause."""
    thing = _thing(text, bounds, here, target)
    return (
        thing is not None
        and re.search(rf"\b{thing}\b", text[bounds[there][0] : bounds[there][1]], re.IGNORECASE) is not None
    )


def _same_thing(text: str, bounds: Bounds, previous: list[Timex], here: int, target: Timex) -> Timex | None:
    """The last date, within reach, of a sentence naming the thing of the offset's clause."""
    thing = _thing(text, bounds, here, target)
    if thing is None:
        return None
    for t in reversed(previous):
        there = sentence_of(bounds, t.start)
        if here - there > _FAR:
            return None
        if re.search(rf"\b{thing}\b", text[bounds[there][0] : t.start], re.IGNORECASE):
            return t
    return None


def _paragraphs_apart(text: str, bounds: Bounds, there: int, here: int, me: Timex) -> bool:
    """Whether the anchor's sentence closes its paragraph and the offset opens another ("Five days
    earlier, on ..."): a reader then counts from that date over the paragraphs between."""
    opens = not text[bounds[here][0] : me.start].strip(' \t"“(')
    before_here = text[bounds[here - 1][1] : bounds[here][0]] if here > 0 else "\n"
    after_there = text[bounds[there][1] : bounds[there + 1][0]] if there + 1 < len(bounds) else ""
    return opens and bool(_PARAGRAPH_BREAK.search(before_here) and _PARAGRAPH_BREAK.search(after_there))


# A blank line, or a line indented as a wire story's paragraphs are (a wrapped line is not).
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n[ \t]{2,}")


def _near(analysis: Analysis, anchor: Timex, me: Timex, bounds: Bounds) -> bool:
    """Whether an anchor is in the offset's sentence or the one before (else the verdict is a warning)."""
    return sentence_of(bounds, me.start) - sentence_of(bounds, anchor.start) <= 1


# A clause after a date: "; it hired", "and moved to Paris" (not "and 2011", "and the plant").
_ANOTHER_CLAUSE = re.compile(
    r";|\b(?:and|but|then|before|after|until|when|while)\s+(?!(?:the|a|an|his|her|its|their|in|on|at|of)\b)[a-z]"
)


_MOD_BEFORE = re.compile(
    r"\b(?:more\s+than|over|at\s+least|nearly|almost|about|around|roughly|approximately|some|just\s+under|under|"
    r"less\s+than|close\s+to|up\s+to)\s+$",
    re.IGNORECASE,
)


def _with_mod(timex: Timex, text: str) -> Timex:
    """The expression with the tolerance word before it ("about" + "a decade"), if the tagger left it out."""
    m = _MOD_BEFORE.search(text, max(0, timex.start - 20), timex.start)
    return replace(timex, start=m.start(), text=text[m.start() : timex.end]) if m else timex


def _offset(analysis: Analysis, i: int, bounds: Bounds) -> Measure | None:
    """ "Three years later, in 2015" / "two weeks ago, on January 3, 2025" / "five years after that, in 2020"."""
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
        if anchor is None:
            return _at_least_since(analysis, i, me, claim, sign, target, bounds)
        if claim.base == "day" and anchor.granularity != "day":
            return None
        start = window_of(anchor)
        explicit = written_in_full(anchor) and _near(analysis, anchor, me, bounds)
    else:
        if published is None:
            return None
        anchor, start, explicit = None, (published, published), True
    assert start is not None
    return Measure(me, reach(start, claim, sign), target, anchor, explicit, "offset", claim.base, start)


def _calendar(analysis: Analysis, i: int, bounds: Bounds) -> Measure | None:
    """ "Last year, in 2023" / "the following year, in 2012": the calendar unit next to a date."""
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
        explicit = written_in_full(anchor) and _near(analysis, anchor, me, bounds)
    elif unit == "day":
        return None  # "today", "yesterday": a wire story's date is too loose for that
    else:
        published = analysis.document.stated_published
        if published is None:
            return None
        anchor, start, explicit = None, (published, published), True
    assert start is not None
    window = (
        period_of(unit, shift(start[0], unit, direction)).earliest,
        period_of(unit, shift(start[1], unit, direction)).latest,
    )
    return Measure(me, window, target, anchor, explicit, "calendar", "day" if unit == "day" else "month", start)  # type: ignore[arg-type]


def _span(analysis: Analysis, i: int, bounds: Bounds) -> Measure | None:
    """ "from 1939 to 1945, a full decade" / "eight years, from 2009 to 2017" / "18 months of work,
    from ... to ..." / "lasted nine weeks" with the range or the begin and end of its sentence."""
    text = analysis.document.text
    me = _with_mod(analysis.timexes[i], text)
    if me.type != "DURATION" or not _PLAIN_SPAN.match(" ".join(me.text.split())):
        return None
    claim = stated(me.text, me.mod)
    if claim is None:
        return None
    ends = None
    if _SPAN_END.match(text[me.end :]):
        ends = _range_before(analysis.timexes, i, me.start, text) or _range_after(analysis.timexes, i, me.end, text)
    ends = ends or _range_after_phrase(analysis.timexes, i, me.end, text)
    if ends is None and _states_a_whole_span(text, me):
        ends = _ends_in_sentence(analysis, i, bounds, me)
    if ends is None:
        return None
    first, last = ends
    start, end = _range_days(first, last)
    if start is None or end is None or end[1] < start[0]:
        return None  # a reversed range is chronology/order's
    claim = _between_years(claim, me, first, last)
    # Counted with or without its last day ("March 1 to March 30" is 29 or 30 days), and a day
    # more for months of unequal length ("March 1 to March 30, a full month").
    reached = reach(start, claim, 1)
    window = (reached[0] - timedelta(days=2), reached[1])
    # A start without a year takes the end's ("March 1 to 30, 2020"): explicit if the tagger read it so.
    explicit = first.fields.year is not None or first.anchor == "explicit"
    return Measure(me, window, last, first, explicit, "span", claim.base, start)


def _between_years(claim: Stated, me: Timex, first: Timex, last: Timex) -> Stated:
    """A plain count of years between two years: the years' own days already allow counting
    with or without the last one (1957 to 1960 is three or four years), so no unit more is
    allowed above the count ("five years, from 1957 to 1960" cannot be), one below it."""
    plain = not (
        _AT_LEAST.search(me.text) or _NEARLY.search(me.text) or _AT_MOST.search(me.text) or _ABOUT.search(me.text)
    )
    years = first.granularity == last.granularity == "year"
    if not plain or me.mod or not years or claim.base != "month" or claim.amount % 12:
        return claim
    return Stated(claim.amount, claim.base, int(claim.amount), int(claim.amount) + 12)


# Between a duration and the range it measures: "of construction", "as editor-in-chief", or the
# noun of an attributive "10-year run on Broadway" (no verb, no clause, no offset word: not "over
# 10 years losses incurred between ...", "three years after graduating, from ...").
_SPAN_PHRASE = re.compile(
    r"^\s+(?:(?:of|as|at|in|on|with)\s+(?:[A-Za-z][\w'’-]*\s*){1,4}|(?P<noun>[a-z][\w'’-]*)(?:\s+(?:of|as|at|in|on|with)\s+"
    r"(?:[A-Za-z][\w'’-]*\s*){1,3})?\s*)(?:,|\(|—|–|--|:)?\s*(?:from|between)\s+$"
)
_NOT_IN_SPAN_PHRASE = re.compile(
    r"\b(?:after|before|later|earlier|ago|since|until|till|and|or|but|that|which|who|when)\b"
)
# Words that make a duration the length of a whole stretch: "lasted nine weeks", "took a decade",
# "a nine-year hiatus", "a 15-month investigation".
_SPAN_VERB = re.compile(
    r"\b(?:last(?:ed|s|ing)?|took|takes?|taking|spann?(?:ed|s|ing)?|ran|runs?|running|served|serves?|serving|spent|"
    r"spends?|spending)\s+(?:(?:for|over|only|just|nearly|almost|about)\s+)?$",
    re.IGNORECASE,
)
PAUSE_NOUNS = r"hiatus|break|absence|gap|pause|layoff|lay-off|sabbatical|interval|lull|exile"
_SPAN_NOUN = re.compile(
    rf"[\s-]+(?:(?P<pause>{PAUSE_NOUNS})|run|career|tenure|reign|stint|term|war|strike|investigation|inquiry|"
    r"probe|project|campaign|spell|delay|renovation|restoration|construction|marriage|partnership|drought|wait|"
    r"journey|voyage|trial|siege|occupation|lockout|shutdown|closure|tour|residency|rule|presidency|premiership)\b",
    re.IGNORECASE,
)
# Trigger words of a stretch's first and last day: "began on ... and ended on ...".
BEGIN_WORDS = frozenset("began begun begins start started starts opened launched commenced erupted".split())
# A pause runs from a stop ("split up in 1947 and reunited in 1953 after a nine-year hiatus").
STOP_WORDS = frozenset(
    "split broke disbanded retired left quit stopped halted suspended closed ended paused dissolved folded".split()
)
END_WORDS = frozenset("ended ends finished concluded closed completed stopped".split())


def _range_after_phrase(timexes: tuple[Timex, ...], i: int, end: int, text: str) -> tuple[Timex, Timex] | None:
    """The range after a duration and a short phrase: "18 months of construction, from ... to ..."."""
    if i + 2 >= len(timexes) or timexes[i + 1].link != i + 2:
        return None
    gap = text[end : timexes[i + 1].start]
    phrase = _SPAN_PHRASE.match(gap)
    attributive = re.search(r"\d-[a-z]+$|[a-z]-(?:day|week|month|year|decade)$", timexes[i].text) is not None
    if (
        phrase
        and (attributive or not phrase["noun"])
        and not _NOT_IN_SPAN_PHRASE.search(gap)
        and not re.search(r"[a-z]ed\b", gap)
    ):
        return timexes[i + 1], timexes[i + 2]
    return None


def _states_a_whole_span(text: str, me: Timex) -> bool:
    """ "lasted nine weeks", "a nine-year hiatus", and any "N-unit" before its noun ("a 20-month audit")."""
    attributive = re.search(r"\d-[a-z]+$|[a-z]-(?:day|week|month|year|decade)$", me.text) and re.match(
        r"\s+[a-z]", text[me.end :]
    )
    return bool(
        _SPAN_VERB.search(text, max(0, me.start - 30), me.start) or _SPAN_NOUN.match(text, me.end) or attributive
    )


def _ends_in_sentence(analysis: Analysis, i: int, bounds: Bounds, me: Timex) -> tuple[Timex, Timex] | None:
    """The stretch a "lasted"/"N-year hiatus" measures, in its own sentence: the one range there
    ("which ran from 2011 to 2014, took a decade"), the dates of its begin and end ("began on ...
    and ended on ..."), or for a pause the two dates just before it ("split in 1947 and reunited
    in 1953 after a nine-year hiatus"). Another duration in the sentence makes it ambiguous."""
    lo, hi = bounds[sentence_of(bounds, me.start)]
    here = [j for j, t in enumerate(analysis.timexes) if lo <= t.start < hi]
    timexes = analysis.timexes
    if any(timexes[j].type == "DURATION" and j != i for j in here):
        return None
    ranges = [(j, t.link) for j in here if (t := timexes[j]).link is not None and t.link > j and t.link in here]
    if ranges:
        return (timexes[ranges[0][0]], timexes[ranges[0][1]]) if len(ranges) == 1 else None
    pause = _SPAN_NOUN.match(analysis.document.text, me.end)
    if pause is not None and pause["pause"]:
        before = [j for j in here if j < i and timexes[j].type == "DATE"]
        stopped = {a.timex for a in analysis.assertions if a.trigger.lower() in STOP_WORDS}
        return (timexes[before[-2]], timexes[before[-1]]) if len(before) >= 2 and before[-2] in stopped else None
    dated = [(a.trigger.lower(), timexes[a.timex]) for a in analysis.assertions if lo <= a.trigger_start < hi]
    begins = [t for word, t in dated if word in BEGIN_WORDS]
    ends = [t for word, t in dated if word in END_WORDS]
    return (begins[0], ends[0]) if len(begins) == 1 and len(ends) == 1 and begins[0] is not ends[0] else None


# "five years after its founding in 2001" / "seven years since the bridge opened in 1974".
_FROM_EVENT = re.compile(
    r"^\s+(?P<dir>after|before|since)\s+(?:[A-Za-z][\w'’-]*\s+){0,6}?(?:(?:in|on)\s+)?$", re.IGNORECASE
)
# What makes "N years since" counted to the publication date: "it has been", "it is", "marks".
_UNTIL_NOW = re.compile(r"\b(?:ha(?:s|ve)\s+been|it\s+is|it['’]s|marks|is\s+marking)\s+$", re.IGNORECASE)


def _offset_from_event(analysis: Analysis, i: int) -> Measure | None:
    """ "In 2010, five years after its founding in 2001," (the date in apposition, counted from the
    event's date) and "It has been seven years since the bridge opened in 1974" (to publication)."""
    text, timexes = analysis.document.text, analysis.timexes
    me = _with_mod(timexes[i], text)
    if me.type != "DURATION" or i + 1 >= len(timexes) or not _PLAIN_SPAN.match(" ".join(me.text.split())):
        return None
    anchor = timexes[i + 1]
    m = _FROM_EVENT.match(text[me.end : anchor.start])
    claim = stated(me.text, me.mod)
    start = window_of(anchor)
    if m is None or claim is None or start is None or not written_in_full(anchor) or anchor.link is not None:
        return None
    if anchor.granularity not in _POINT_GRANULARITIES or claim.base == "day" and anchor.granularity != "day":
        return None
    direction = m["dir"].lower()
    if direction == "since":
        published = analysis.document.stated_published
        if published is None or not _UNTIL_NOW.search(text, max(0, me.start - 20), me.start):
            return None
        now = publication_day(published, me.start)
        return Measure(me, reach(start, claim, 1), now, anchor, True, "since", claim.base, start)
    if i == 0 or not _GAP_BEFORE.match(text[timexes[i - 1].end : me.start]):
        return None
    target = timexes[i - 1]
    if target.type != "DATE" or target.link is not None or window_of(target) is None or target.fields.year is None:
        return None
    return Measure(me, reach(start, claim, -1 if direction == "before" else 1), target, anchor, True, "offset",
                   claim.base, start)  # fmt: skip


def _range_before(timexes: tuple[Timex, ...], i: int, start: int, text: str) -> tuple[Timex, Timex] | None:
    """The range just before the duration at ``start``: "from 1939 to 1945, a full decade"."""
    if i >= 2 and timexes[i - 1].link == i - 2 and _GAP_RANGE_SPAN.match(text[timexes[i - 1].end : start]):
        return timexes[i - 2], timexes[i - 1]
    return None


def _range_after(timexes: tuple[Timex, ...], i: int, end: int, text: str) -> tuple[Timex, Timex] | None:
    """The range just after the duration ending at ``end``: "eight years, from 2009 to 2017"."""
    if (
        i + 2 < len(timexes)
        and timexes[i + 1].link == i + 2
        and _GAP_SPAN_RANGE.match(text[end : timexes[i + 1].start])
    ):
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
            found = _span(analysis, i, bounds) or _offset(analysis, i, bounds) or _offset_from_event(analysis, i)
        else:
            found = None
        if found is not None:
            yield found


def find(analysis: Analysis) -> tuple[Measure, ...]:
    """Every measured offset and span of the analysed text, in text order."""
    return tuple(_found(analysis))
