"""Anchoring: what a time expression's missing parts are filled from, for one document.

Missing parts come, in this order of preference, from the text itself (``explicit``),
an earlier date of the narrative (``narrative``), the publication date and the
verb's tense (``tense``), or the publication date alone (``dct``). :class:`Anchors` holds
that state (DCT, the news reference day, the story) and chooses years; the resolvers of
:mod:`checker.timex.resolve` read it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from checker.model import DateFields, Timex
from checker.nlp import tense
from checker.timex.calendar import (
    Period,
    day_or_none,
    month_days,
)  # fmt: skip
from checker.timex.matching import Cand
from checker.timex.register import is_post
from checker.timex.story import (
    YEARS_PER,
    Story,
    bc_shift,
    ends_a_span,
    future_from_now,
    moved,
    story_of,
    story_step,
    story_year,
)

if TYPE_CHECKING:  # spaCy loads only where text is parsed
    from spacy.tokens import Doc

NO_FIELDS = DateFields()
Tense = str | None  # "past", "present", "future" or None (unknown)

# How far (in characters) a stated year keeps anchoring "that year" in news.
NARRATIVE_REACH = 1500
# A past-tense verb may still report a date just ahead ("said the offer expires Nov. 20").
PAST_TENSE_REACH = 31
# With no tense, a yearless date this much further ahead counts as near as one behind.
FUTURE_WEIGHT = 2
DAY_UNITS = ("day", "night", "hour", "minute", "second")
# Years the calendar (Python's ``date``) holds.
USABLE_YEARS = (1, 9999)
# How far (in characters) a day of the narrative is the one "the next day, Friday," counts from:
# further on, the day meant is unsure and its weekday is not checked against it.
WEEKDAY_REACH = 400


class Anchors:
    """One document's anchoring state: its DCT, the news reference day, the story, the register."""

    def __init__(self, doc: Doc, text: str, dct: date | None) -> None:
        self.doc = doc
        self.text = text
        self.dct = dct
        # the narrative's reference day: the last day-precise date resolved
        self.ref = dct
        self.ref_end = 0  # where the text stated the narrative's reference day
        # the last resolved DATE (for "a year earlier" after a quarter)
        self.last: Timex | None = None
        self.explicit: Timex | None = None  # the last DATE whose year the text states
        self.explicit_index: int | None = None
        self.ref_index: int | None = None
        # narrative mode (set per document by resolve_all): the story's time anchors relative expressions
        self.narrative = False
        self.post: bool | None = None  # a short informal post (``takes``)
        self.story: Story | None = None
        # the index of the expression the current one was counted from (for ``Timex.anchor_index``)
        self.counted_from: int | None = None
        # Looked at the first token only: ``Doc.has_annotation`` walks every token, too slow here.
        first = doc[0] if len(doc) else None
        self.has_tags = first is not None and first.tag_ != ""
        self.has_deps = first is not None and first.dep_ != ""

    # ------------------------------------------------------------ tense

    def tense(self, start: int, end: int) -> Tense:
        """Which way the clause governing the span points: from the parse, else the tags, else cue words
        (the reading is :mod:`checker.nlp.tense`'s, shared with the assertions)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        return tense.span_orientation(span, parsed=self.has_deps, tagged=self.has_tags)

    def takes(self, c: Cand) -> bool:
        """Whether the register annotates this candidate: a bare "day", "night", "weekend" or
        "future" only in a short post; a bare season ("summer offensive") also in a narrative;
        news leaves them all out."""
        if not c.p.get("bare"):
            return True
        if self.post is None:  # decided at the first bare word: most texts have none
            self.post = not self.narrative and is_post(self.text, self.dct)
        return self.post or self.narrative and c.kind == "season"

    def follow_news(self, t: Timex, c: Cand, index: int) -> None:
        """News: the last explicit date and day anchor "the next day" and "that year"; a date
        they anchored does not move them."""
        if t.type == "DATE" and t.earliest is not None and t.anchor != "narrative" and c.kind != "ago":
            self.last = t
            if t.anchor == "explicit" and t.fields.year is not None:
                self.explicit, self.explicit_index = t, index
            if t.granularity == "day":
                self.ref, self.ref_index, self.ref_end = t.earliest, index, t.end

    def follow_story(self, t: Timex, c: Cand, index: int, second_end: bool) -> None:
        """A narrative: every stated or story-anchored date moves the story, but the end of a
        range or of a span ("from 1939 to 1945", "until 1945"), a plan ("planned for 1976")
        and a look back ("two decades earlier", "the previous year")."""
        if second_end or t.anchor not in ("explicit", "narrative") or ends_a_span(self.text, t.start):
            return
        if int(c.p.get("sign") or c.p.get("dir") or 0) < 0 or future_from_now(self.text, t.start):  # type: ignore[call-overload]
            return
        new = story_of(t, index)
        if new is not None and self.tense(t.start, t.end) != "future":
            self.story = moved(self.story, new)

    def timex(self, c: Cand, type_: str, value: str, **kw: object) -> Timex:
        if "mod" not in kw and c.p.get("mod"):
            kw["mod"] = c.p["mod"]
        return Timex(c.start, c.end, self.text[c.start : c.end], type_, value, **kw)  # type: ignore[arg-type]

    def period(
        self,
        c: Cand,
        p: Period,
        anchor: str,
        fields: DateFields = NO_FIELDS,
        type_: str = "DATE",
    ) -> Timex:
        return self.timex(c, type_, p.value, granularity=p.granularity, earliest=p.earliest, latest=p.latest,
                          fields=fields, anchor=anchor)  # fmt: skip

    def unresolved(self, c: Cand, value: str, granularity: str, fields: DateFields = NO_FIELDS) -> Timex:
        """A relative expression with no DCT to resolve it: X placeholders, open interval."""
        return self.timex(c, "DATE", value, granularity=granularity, fields=fields, anchor="none")

    def anchor_day(self, c: Cand, unit: str = "day") -> tuple[date | None, str]:
        """The day a relative expression counts from: in a narrative, the story's time; in
        news the DCT, or for ``narrative`` ones the last explicit day ("the next day") or a
        recently stated year ("that year", "a year later")."""
        day_level = unit in DAY_UNITS or c.kind == "pod"
        if self.story is not None and self.counts_from_story(c) and (self.story.day or not day_level):
            return self.story_base()  # "the next day" needs a story day, "that year" a year
        if c.p.get("anchor") != "narrative":
            return self.dct, "dct"
        t = self.explicit
        # "that year" and "a year later" follow the story; "a year earlier" only in a narrative
        # (in news it usually compares with the current period)
        follows = c.kind == "relunit" or c.p.get("sign") == 1 or self.narrative
        if follows and unit not in DAY_UNITS and t is not None and c.start - t.end <= NARRATIVE_REACH:
            self.counted_from = self.explicit_index
            return t.earliest, "narrative"
        if self.ref != self.dct:
            self.counted_from = self.ref_index
            return self.ref, "narrative"
        return self.dct, "dct"

    def counts_from_story(self, c: Cand) -> bool:
        """In a narrative, "the next day", "that year" and "the end of the month" count from
        the story; "last year", "next month" and "two days ago" keep the writer's own time."""
        return self.narrative and c.p.get("anchor") in ("narrative", "story")

    def story_base(self) -> tuple[date | None, str]:
        """The story's day (None before year 1), noted as what the expression counts from."""
        assert self.story is not None
        self.counted_from = self.story.index
        return self.story.as_date(), "narrative"

    def story_year_of(self, c: Cand, month: int, day: int | None) -> int | None:
        """The year of a yearless month (and day) in a narrative: the story's, rolled forward
        when the month comes well before the story's ("of that year": not rolled, and in
        news too the last stated year); None in news or before any date."""
        if c.p.get("that_year") and not self.narrative and self.explicit is not None:
            self.counted_from = self.explicit_index  # news: "in March of that year" after a stated year
            return self.explicit.fields.year
        if not self.narrative or self.story is None or c.p.get("yearrel") is not None:
            return None
        self.counted_from = self.story.index
        if c.p.get("that_year"):
            return self.story.year
        if self.dct is not None and future_from_now(self.text, c.start):
            return None  # "a summit set for April": the writer's coming April
        return story_year(self.story, month, day)

    def story_step(self, month: int, direction: int) -> int:
        """The year of "the following March" (1) or "the previous April" (-1) after the story."""
        assert self.story is not None
        self.counted_from = self.story.index
        return story_step(self.story, month, direction)

    def story_years(self, c: Cand, unit: str, n: int) -> Timex | None:
        """ "the following year", "a decade earlier" in a story before year 1, which no ``date``
        holds: the value alone."""
        story = self.story
        if not self.narrative or story is None or story.as_date() is not None:
            return None
        value = bc_shift(story.year, unit if c.kind == "relunit" else "year", n * YEARS_PER.get(unit, 0))
        if value is None:
            return None
        return self.before_ad(c, value, unit, "narrative", anchor_index=story.index)

    def before_ad(self, c: Cand, value: str, granularity: str, anchor: str, **kw: object) -> Timex:
        """A date before year 1 ("499 BC"): its value, with no interval (``date`` starts at year 1)."""
        return self.timex(c, "DATE", value, granularity=granularity, anchor=anchor, **kw)

    # ------------------------------------------------------------ explicit and yearless dates

    def year_for(self, c: Cand, month: int, day: int | None) -> tuple[int, str]:
        """The year of a yearless month (and day), from the DCT and the tense.

        Past tense: the latest such day not after the DCT; future: the earliest not
        before it; otherwise the nearest, counting days ahead double (news mostly
        reports what happened). "this year"/"last year" next to it decide outright,
        and so does a stated weekday that fits exactly one year within six months
        of the DCT ("Saturday, April 25").
        """
        assert self.dct is not None
        if c.p.get("yearrel") is not None:
            return self.dct.year + int(c.p["yearrel"]), "dct"  # type: ignore[call-overload]
        years = (self.dct.year - 1, self.dct.year, self.dct.year + 1)
        weekday = c.p.get("weekday")
        if day and weekday is not None:
            fits = [
                y
                for y in years
                if (d := day_or_none(y, month, day)) and abs((d - self.dct).days) <= 183 and d.weekday() == weekday
            ]
            if len(fits) == 1:
                return fits[0], "dct"
        tense = self.tense(c.start, c.end)
        best: list[tuple[int, int]] = []
        for y in years:
            d = day_or_none(y, month, min(day or 15, month_days(y, month)))
            assert d is not None
            ahead = (d - self.dct).days if day else (d.replace(day=1) - self.dct).days
            behind = (self.dct - d).days if day else (self.dct - d.replace(day=month_days(y, month))).days
            if tense == "past" and ahead > PAST_TENSE_REACH or tense == "future" and behind > 0:
                continue
            best.append((max(int(FUTURE_WEIGHT * ahead), behind, 0), y))
        return min(best)[1] if best else self.dct.year, "tense" if tense in (
            "past",
            "future",
        ) else "dct"

    def nearest_year(self, c: Cand, make, use_tense: bool = True) -> int:  # type: ignore[no-untyped-def]
        """The year whose period is closest to the DCT, in the direction the tense points.

        Quarters skip the tense: "third-quarter results will..." still means the quarter just reported.
        """
        assert self.dct is not None
        tense = self.tense(c.start, c.end) if use_tense else None
        best = []
        for y in (self.dct.year - 1, self.dct.year, self.dct.year + 1):
            p = make(y)
            if tense == "past" and p.earliest > self.dct or tense == "future" and p.latest < self.dct:
                continue
            gap = (
                0
                if p.earliest <= self.dct <= p.latest
                else min(abs((p.earliest - self.dct).days), abs((p.latest - self.dct).days))
            )
            best.append((gap, y))
        return min(best)[1] if best else self.dct.year
