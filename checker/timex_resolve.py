"""Resolution: candidate spans -> TIMEX3 values and day intervals, in document order.

Missing parts come, in this order of preference, from the text itself (``explicit``),
an earlier date of the narrative (``narrative``), the publication date and the
verb's tense (``tense``), or the publication date alone (``dct``). Without a DCT
relative expressions keep X placeholders (``XXXX-12-20``) and open intervals.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from spacy.tokens import Doc

from checker.model import DateFields, Timex
from checker.timex_patterns import Cand

Tense = str | None  # "past", "present", "future" or None (unknown)

FUTURE_WORDS = {"will", "'ll", "’ll", "shall", "wo", "going", "gonna", "plans", "plan", "planned", "scheduled",
                "expected", "expects", "due", "upcoming", "slated", "set", "intends", "would", "next"}  # fmt: skip
PAST_WORDS = {"was", "were", "had", "did", "said", "ago", "last", "earlier", "told", "announced", "reported",
              "came", "went", "took", "made", "left", "met", "won", "lost", "began", "fell", "rose"}  # fmt: skip
_CLAUSE_END = {".", "!", "?", ";", "\n"}


def month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def day_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_interval(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, month_days(year, month))


class Resolver:
    """Turns candidates into Timex values for one document (holds its DCT and narrative reference)."""

    def __init__(self, doc: Doc, dct: date | None) -> None:
        self.doc = doc
        self.text = doc.text
        self.dct = dct
        self.ref = dct  # the narrative's reference day: the last explicit day-precise date
        self.has_tags = doc.has_annotation("TAG")
        self.has_deps = doc.has_annotation("DEP")

    # ------------------------------------------------------------ tense

    def tense(self, start: int, end: int) -> Tense:
        """The tense governing the span: from the parse, else the tags, else cue words."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        if self.has_deps:
            verb = span.root
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            if verb.pos_ in ("VERB", "AUX"):
                return self._verb_tense(verb)
        return self._window_tense(span.start, span.end)

    def _verb_tense(self, verb) -> Tense:  # type: ignore[no-untyped-def]
        words = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        lowers = {w.lower_ for w in words}
        if lowers & {"will", "'ll", "’ll", "shall", "wo"}:
            return "future"
        if verb.head.i != verb.i and verb.dep_ == "xcomp" and verb.head.lemma_ in {"plan", "expect", "schedule", "intend", "go", "be"}:
            if verb.head.tag_ != "VBD":
                return "future"
        if any(w.tag_ == "VBD" for w in words) or (lowers & {"have", "has", "had"} and verb.tag_ == "VBN"):
            return "past"
        if lowers & {"would"}:
            return None
        if any(w.tag_ in ("VBZ", "VBP") for w in words):
            return "present"
        return None

    def _window_tense(self, i: int, j: int) -> Tense:
        """Cue words (or tags) in the clause around tokens [i, j)."""
        doc = self.doc
        lo = i
        while lo > 0 and i - lo < 10 and doc[lo - 1].text not in _CLAUSE_END:
            lo -= 1
        hi = j
        while hi < len(doc) and hi - j < 10 and doc[hi].text not in _CLAUSE_END:
            hi += 1
        past = False
        for t in doc[lo:hi]:
            w = t.lower_
            if w in FUTURE_WORDS and w not in ("next", "would"):
                return "future"
            if self.has_tags:
                past = past or t.tag_ == "VBD"
            else:
                past = past or w in PAST_WORDS or (w.endswith("ed") and len(w) > 4)
        return "past" if past else None

    # ------------------------------------------------------------ dispatch

    def resolve_all(self, cands: list[Cand]) -> list[Timex]:
        out: list[Timex] = []
        for c in cands:
            t = getattr(self, "r_" + c.kind)(c)
            if t is None:
                continue
            if t.anchor == "explicit" and t.granularity == "day" and t.earliest is not None:
                self.ref = t.earliest
            out.append(t)
        return out

    def timex(self, c: Cand, type_: str, value: str, **kw: object) -> Timex:
        return Timex(c.start, c.end, self.text[c.start : c.end], type_, value, **kw)  # type: ignore[arg-type]

    # ------------------------------------------------------------ explicit and yearless dates

    def year_for(self, c: Cand, month: int, day: int | None) -> tuple[int, str]:
        """The year of a yearless month (and day): the DCT's, moved by the tense to the past or future."""
        assert self.dct is not None
        tense = self.tense(c.start, c.end)
        y = self.dct.year
        key = (month, day or (1 if tense != "past" else 28))
        dct_key = (self.dct.month, self.dct.day if day else 1)
        if tense == "past" and key > dct_key:
            return y - 1, "tense"
        if tense == "future" and key < dct_key:
            return y + 1, "tense"
        return y, "tense" if tense else "dct"

    def r_date(self, c: Cand) -> Timex:
        year, month, day = c.p.get("year"), int(c.p["month"]), int(c.p["day"])  # type: ignore[arg-type]
        weekday = c.p.get("weekday")
        anchor = "explicit"
        if year is None:
            if self.dct is None:
                fields = DateFields(None, month, day, weekday)  # type: ignore[arg-type]
                valid = day <= (29 if month == 2 else month_days(2001, month))
                return self.timex(c, "DATE", f"XXXX-{month:02d}-{day:02d}", fields=fields, anchor="none", valid=valid)
            year, anchor = self.year_for(c, month, day)
        else:
            year = int(year)  # type: ignore[arg-type]
        fields = DateFields(c.p.get("year"), month, day, weekday)  # type: ignore[arg-type]
        d = day_or_none(year, month, day)
        value = f"{year:04d}-{month:02d}-{day:02d}"
        if d is None:
            return self.timex(c, "DATE", value, fields=fields, anchor=anchor, valid=False)
        return self.timex(c, "DATE", value, earliest=d, latest=d, fields=fields, anchor=anchor)

    def r_month(self, c: Cand) -> Timex:
        month = int(c.p["month"])  # type: ignore[arg-type]
        year = c.p.get("year")
        anchor = "explicit"
        if year is None:
            if self.dct is None:
                return self.timex(c, "DATE", f"XXXX-{month:02d}", granularity="month",
                                  fields=DateFields(None, month), anchor="none")  # fmt: skip
            year, anchor = self.year_for(c, month, None)
        year = int(year)  # type: ignore[arg-type]
        lo, hi = month_interval(year, month)
        return self.timex(c, "DATE", f"{year:04d}-{month:02d}", granularity="month", earliest=lo, latest=hi,
                          fields=DateFields(c.p.get("year"), month), anchor=anchor)  # type: ignore[arg-type]  # fmt: skip

    def r_year(self, c: Cand) -> Timex:
        year = int(c.p["year"])  # type: ignore[arg-type]
        return self.timex(c, "DATE", f"{year:04d}", granularity="year", earliest=date(year, 1, 1),
                          latest=date(year, 12, 31), fields=DateFields(year))  # fmt: skip

    def r_time(self, c: Cand) -> Timex:
        year, month, day = (int(c.p[k]) for k in ("year", "month", "day"))  # type: ignore[call-overload]
        hour, minute = int(c.p["hour"]), int(c.p["minute"])  # type: ignore[call-overload]
        d = day_or_none(year, month, day)
        value = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}"
        return self.timex(c, "TIME", value, granularity="minute", earliest=d, latest=d,
                          fields=DateFields(year, month, day), valid=d is not None)  # fmt: skip

    # ------------------------------------------------------------ weekdays

    def weekday_date(self, c: Cand, weekday: int) -> tuple[date, str]:
        """The day a bare weekday names: the last one (past) or the next one (future), by tense."""
        assert self.dct is not None
        tense = self.tense(c.start, c.end)
        delta = weekday - self.dct.weekday()
        if tense in ("future", "present"):
            return self.dct + timedelta(days=delta if delta > 0 else delta + 7), "tense"
        return self.dct + timedelta(days=delta if delta <= 0 else delta - 7), "tense" if tense else "dct"

    def r_weekday(self, c: Cand) -> Timex:
        weekday = int(c.p["weekday"])  # type: ignore[arg-type]
        fields = DateFields(weekday=weekday)
        if self.dct is None:
            return self.timex(c, "DATE", f"XXXX-WXX-{weekday + 1}", fields=fields, anchor="none")
        d, anchor = self.weekday_date(c, weekday)
        return self.timex(c, "DATE", d.isoformat(), earliest=d, latest=d, fields=fields, anchor=anchor)



    # ------------------------------------------------------------ relative to the DCT

    def r_relday(self, c: Cand) -> Timex:
        """"yesterday", "today", "the day after tomorrow" (with a weekday merged: "Yesterday, Wednesday")."""
        weekday = c.p.get("weekday")
        fields = DateFields(weekday=weekday)  # type: ignore[arg-type]
        if self.dct is None:
            return self.timex(c, "DATE", "XXXX-XX-XX", fields=fields, anchor="none")
        d = self.dct + timedelta(days=int(c.p["offset"]))  # type: ignore[arg-type]
        return self.timex(c, "DATE", d.isoformat(), earliest=d, latest=d, fields=fields, anchor="dct")
