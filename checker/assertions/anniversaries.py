"""Anniversaries ("its 50th anniversary this year", "the centenary of its founding in 2012")
measured from the event they count from, found once for the Analysis (``Analysis.measures``).

Which events an anniversary counts from is pack data (``counted_from`` of the ``anniversary``
event type: founding, opening, birth...). The origin is such an event of the anniversary's
sentence or the one before; the date it falls on is a date of its sentence, else, in the
present ("is celebrating", "marks"), the publication date.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import replace
from datetime import date

from checker.assertions.windows import Bounds, publication_day, sentence_bounds, sentence_of, window_of, written_in_full
from checker.model import Analysis, Measure, Timex
from checker.timex.lexicon import ORDINALS, alt

_ORDINAL_WORDS = alt(w for w, n in ORDINALS.items() if n > 0)
_NAMED = {"centenary": 100, "centennial": 100, "sesquicentennial": 150, "bicentenary": 200, "bicentennial": 200}
_ANNIVERSARY = re.compile(
    rf"\b(?:(?P<n>\d{{1,3}})(?:st|nd|rd|th)|(?P<w>{_ORDINAL_WORDS}))[\s-]+anniversary\b|\b(?P<named>{alt(_NAMED)})\b",
    re.IGNORECASE,
)
_HELD = re.compile(r"anniversary|centen", re.IGNORECASE)  # in every match: most texts hold none
# "the 50th anniversary of the treaty": another event's, unless the words name the origin.
_OF_ANOTHER = re.compile(r"\s+of\s+(?!(?:its|their|his|her|the\s+(?:company|firm|school|city|club)['’]s)\b)"
                         r"(?!(?:the\s+)?(?:founding|foundation|opening|establishment|birth|creation|launch|signing)\b)",
                         re.IGNORECASE)  # fmt: skip
# A present-tense frame: the anniversary is now ("is celebrating its 50th anniversary").
_NOW = re.compile(
    r"\b(?:is|are)\s+(?:celebrating|marking|commemorating)\b|\b(?:celebrates|marks|commemorates)\b", re.IGNORECASE
)
_POINT = {"day", "month", "year", "season", "quarter", "half"}


def find(analysis: Analysis, origins: Collection[str]) -> Iterator[Measure]:
    """Every anniversary of the text whose origin and date are both stated."""
    text = analysis.document.text
    if not _HELD.search(text):
        return
    bounds = sentence_bounds(text)
    for m in _ANNIVERSARY.finditer(text):
        years = int(m["n"]) if m["n"] else ORDINALS.get(m["w"].lower(), 0) if m["w"] else _NAMED[m["named"].lower()]
        if years <= 0 or _OF_ANOTHER.match(text, m.end()):
            continue
        here = sentence_of(bounds, m.start())
        anchor = _origin(analysis, bounds, here, origins)
        if anchor is None:
            continue
        found = _measure(analysis, bounds[here], m, years, anchor)
        if found is not None:
            yield found


def _origin(analysis: Analysis, bounds: Bounds, here: int, origins: Collection[str]) -> Timex | None:
    """The date of the founding (opening, birth) it counts from: in its sentence, else the sentence before."""
    for sentence in (here, here - 1):
        if sentence < 0:
            continue
        lo, hi = bounds[sentence]
        dated = [analysis.timexes[a.timex] for a in analysis.assertions
                 if a.event in origins and lo <= a.trigger_start < hi and a.modality == "asserted"]  # fmt: skip
        dated = [t for t in dated if written_in_full(t) and t.granularity in _POINT and t.link is None]
        if len(dated) == 1:
            return dated[0]
        if dated:
            return None  # two origins: which one is meant is unclear
    return None


def _by_its_day(target: Timex | None) -> Timex | None:
    """A bare weekday ("celebrated on Friday") compared by the day it resolves to, near the stated
    publication date, not as any day of its name (which any window of years would hold)."""
    fields = target.fields if target is not None else None
    if target is None or fields.year is not None or fields.month is not None or fields.weekday is None:
        return target
    return replace(target, fields=replace(fields, weekday=None))


def _measure(
    analysis: Analysis, sentence: tuple[int, int], m: re.Match[str], years: int, anchor: Timex
) -> Measure | None:
    text = analysis.document.text
    lo, hi = sentence
    dates = [t for t in analysis.timexes if lo <= t.start < hi and t is not anchor and t.type == "DATE"
             and t.granularity in _POINT and t.link is None and window_of(t) is not None]  # fmt: skip
    after = [t for t in dates if t.start >= m.end()]
    target = (after or dates[::-1] or [None])[0]
    if analysis.document.stated_published is not None:  # an inferred one is only a lower bound
        target = _by_its_day(target)
    start = window_of(anchor)
    assert start is not None
    slack = 0
    if target is None or target.anchor != "explicit":
        published = analysis.document.stated_published
        if target is None and (published is None or not _NOW.search(text, lo, hi)):
            return None
        if target is None:
            assert published is not None
            target = publication_day(published, m.start())
        slack = 1  # "this year", the publication date: a jubilee year may run on into the next
    window = (date(max(1, start[0].year + years - slack), 1, 1), date(min(9999, start[1].year + years + slack), 12, 31))
    claim = Timex(m.start(), m.end(), m[0], "DURATION", f"P{years}Y", granularity="year")
    return Measure(claim, window, target, anchor, slack == 0, "anniversary", "month", start)
