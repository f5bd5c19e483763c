"""Resolution: candidate spans -> TIMEX3 values and day intervals, in document order.

One resolver per candidate kind (``RESOLVERS``), each filling the parts the text leaves out
through the document's :class:`~checker.timex.anchoring.Anchors`. Without a DCT relative
expressions keep X placeholders (``XXXX-12-20``) and open intervals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from checker.model import DateFields, Timex
from checker.timex.calendar import (
    century_period,
    day_or_none,
    day_period,
    decade_period,
    half_period,
    month_days,
    month_period,
    period_of,
    quarter_period,
    season_period,
    shift,
    week_period,
    year_period,
)  # fmt: skip
from checker.timex.durations import duration_value
from checker.timex.holidays import holiday_date
from checker.timex.lexicon import SEASON_MONTHS, UNITS
from checker.timex.matching import Cand
from checker.timex.register import is_narrative
from checker.timex.story import (
    year_text,
)

if TYPE_CHECKING:  # spaCy loads only where text is parsed
    pass

from checker.timex.anchoring import NO_FIELDS, USABLE_YEARS, WEEKDAY_REACH, Anchors


class Resolver(Anchors):
    """Turns candidates into Timex values for one document, a resolver per candidate kind."""

    # ------------------------------------------------------------ dispatch

    def resolve_all(self, cands: list[Cand]) -> list[Timex]:
        years = [int(c.p["year"]) for c in cands if c.p.get("year")]  # type: ignore[call-overload]
        self.narrative = is_narrative(years, self.dct, any("era" in c.p for c in cands))
        out: list[Timex] = []
        link_from: int | None = None
        for c in cands:
            self.counted_from = None
            t = RESOLVERS[c.kind](self, c) if "bare" not in c.p or self.takes(c) else None
            if t is None:
                link_from = None
                continue
            if self.counted_from is not None and t.anchor == "narrative":
                t = replace(t, anchor_index=self.counted_from)
            second_end = link_from is not None
            if link_from is not None:
                out[link_from] = replace(out[link_from], link=len(out))
                t = replace(t, link=link_from)
            link_from = len(out) if c.p.get("range_next") else None
            self.follow_news(t, c, len(out))
            if self.narrative:
                self.follow_story(t, c, len(out), second_end)
            out.append(t)
        return out

    def r_date(self, c: Cand) -> Timex:
        if c.p.get("pod") and not self.narrative:  # news (TimeML) tags "the night of Oct. 23" as the date alone
            plain = {k: v for k, v in c.p.items() if k not in ("pod", "date_start")}
            c = Cand(int(c.p["date_start"]), c.end, c.kind, plain)  # type: ignore[call-overload]
        if c.p.get("swap"):  # "04/07/2025": April 7, or July 4 read the other way
            plain = {k: v for k, v in c.p.items() if k != "swap"}
            t = self.r_date(Cand(c.start, c.end, c.kind, plain))
            other = self.r_date(Cand(c.start, c.end, c.kind, {**plain, "month": c.p["day"], "day": c.p["month"]}))
            return replace(t, alternative=other.earliest) if other.granularity == "day" else t
        year, month, day = c.p.get("year"), int(c.p["month"]), int(c.p["day"])  # type: ignore[arg-type]
        weekday = c.p.get("weekday")
        anchor = "explicit"
        fields = DateFields(None if c.p.get("year_implied") else year, month, day, weekday)  # type: ignore[arg-type]
        if year is None and (story := self.story_year_of(c, month, day)) is not None:
            year, anchor = story, "narrative"
        if year is None:
            if self.dct is None:
                valid = day <= (29 if month == 2 else month_days(2001, month))
                return self.timex(
                    c,
                    "DATE",
                    f"XXXX-{month:02d}-{day:02d}",
                    fields=fields,
                    anchor="none",
                    valid=valid,
                )
            year, anchor = self.year_for(c, month, day)
        year = int(year)  # type: ignore[arg-type]
        pod = c.p.get("pod")  # "the night of 10 August 1792": TIME ...TNI
        if year < 1:
            value = f"{year_text(year)}-{month:02d}-{day:02d}" + (f"T{pod}" if pod else "")
            return self.timex(c, "TIME" if pod else "DATE", value, granularity="part-of-day" if pod else "day",
                              fields=fields, anchor=anchor)  # fmt: skip
        d = day_or_none(year, month, day)
        if d is not None and pod:
            return self.timex(c, "TIME", f"{d.isoformat()}T{pod}", granularity="part-of-day", earliest=d, latest=d,
                              fields=fields, anchor=anchor)  # fmt: skip
        if d is None:
            return self.timex(
                c,
                "DATE",
                f"{year:04d}-{month:02d}-{day:02d}",
                fields=fields,
                anchor=anchor,
                valid=False,
            )
        return self.period(c, day_period(d), anchor, fields)

    def r_weekof(self, c: Cand) -> Timex:
        t = self.r_date(c)
        if t.earliest is None:
            return t
        return self.period(c, week_period(t.earliest), t.anchor, t.fields)

    def month_timex(self, c: Cand, year: int, month: int, anchor: str, fields: DateFields) -> Timex:
        if year < 1:
            return self.before_ad(c, f"{year_text(year)}-{month:02d}", "month", anchor, fields=fields)
        return self.period(c, month_period(year, month), anchor, fields)

    def r_month(self, c: Cand) -> Timex:
        month = int(c.p["month"])  # type: ignore[arg-type]
        year = c.p.get("year")
        fields = DateFields(None if c.p.get("year_implied") else year, month)  # type: ignore[arg-type]
        if year is not None and int(year) > USABLE_YEARS[1]:  # "May 20014": a typo, no month of the calendar
            return self.timex(c, "DATE", f"{year}-{month:02d}", granularity="month", fields=fields, valid=False)
        if year is not None:
            return self.month_timex(c, int(year), month, "explicit", fields)  # type: ignore[arg-type]
        direction = c.p.get("dir")
        if direction is None and (story := self.story_year_of(c, month, None)) is not None:
            return self.month_timex(c, story, month, "narrative", fields)
        if direction is None:
            if self.dct is None:
                return self.unresolved(c, f"XXXX-{month:02d}", "month", fields)
            year, anchor = self.year_for(c, month, None)
            return self.month_timex(c, int(year), month, anchor, fields)
        if self.story is not None and self.counts_from_story(c):  # "the previous April"
            return self.month_timex(c, self.story_step(month, int(direction)), month, "narrative", fields)  # type: ignore[call-overload]
        if self.dct is None:
            return self.unresolved(c, f"XXXX-{month:02d}", "month", fields)
        y, now = self.dct.year, self.dct.month  # "last May", "next March", "this September"
        year = y if direction == 0 else y - (month >= now) if direction < 0 else y + (month <= now)
        return self.month_timex(c, year, month, "dct", fields)

    def r_year(self, c: Cand) -> Timex:
        year = int(c.p["year"])  # type: ignore[arg-type]
        if year < 1:
            return self.before_ad(c, year_text(year), "year", "explicit", fields=DateFields(year))
        return self.period(c, year_period(year), "explicit", DateFields(year))

    def r_decade(self, c: Cand) -> Timex:
        decade = c.p.get("decade")
        if decade is None:  # "the '90s", "the nineties": the latest such decade not after the DCT
            short = int(c.p["short"])  # type: ignore[arg-type]
            base = (self.dct or date(2000, 1, 1)).year // 100
            decade = (
                base * 10 + short
                if base * 100 + short * 10 <= (self.dct or date(2000, 1, 1)).year
                else (base - 1) * 10 + short
            )
            anchor = "dct" if self.dct else "none"
        else:
            anchor = "explicit"
        if c.p.get("era") == "BC":  # "the 470s BC": -047
            return self.before_ad(c, f"-{int(decade):03d}", "decade", anchor)  # type: ignore[arg-type]
        return self.period(c, decade_period(int(decade)), anchor)  # type: ignore[arg-type]

    def r_century(self, c: Cand) -> Timex:
        century = int(c.p["century"])  # type: ignore[arg-type]
        if c.p.get("era") == "BC":  # "the 4th century BC" (400-301 BC): -03
            return self.before_ad(c, f"-{century:02d}", "century", "explicit")
        return self.period(c, century_period(century), "explicit")

    def r_season(self, c: Cand) -> Timex:
        season = str(c.p["season"])
        year = c.p.get("year")
        if year is not None:
            return self.season_timex(c, int(year), season, "explicit", DateFields(int(year)))  # type: ignore[arg-type]
        direction = c.p.get("dir", 0)
        first_month = SEASON_MONTHS[season][0]
        if not direction and (story := self.story_year_of(c, first_month, None)) is not None:
            return self.season_timex(c, story, season, "narrative")
        if direction and self.story is not None and self.counts_from_story(c):  # "the next spring"
            return self.season_timex(c, self.story_step(first_month, int(direction)), season, "narrative")  # type: ignore[call-overload]
        base, anchor = self.dct, "dct"
        if base is None:
            return self.unresolved(c, f"XXXX-{season}", "season")
        current = season_period(base.year, season)
        y = base.year
        if direction == -1 and (current.earliest is None or current.earliest > base):  # type: ignore[operator]
            y -= 1
        elif direction == 1 and current.latest is not None and current.latest < base:
            y += 1
        elif direction == -1 and current.earliest is not None and current.earliest <= base <= current.latest:  # type: ignore[operator]
            y -= 1
        return self.season_timex(c, y, season, anchor)

    def season_timex(self, c: Cand, year: int, season: str, anchor: str, fields: DateFields = NO_FIELDS) -> Timex:
        if year < 1:
            return self.before_ad(c, f"{year_text(year)}-{season}", "season", anchor, fields=fields)
        return self.period(c, season_period(year, season), anchor, fields)

    def r_quarter(self, c: Cand) -> Timex:
        half = bool(c.p.get("half"))
        q, year = c.p.get("q"), c.p.get("year")
        make = half_period if half else quarter_period
        value_x = "H" if half else "Q"
        if year is not None and q is not None:
            p = make(int(year), int(q))
            if c.p.get("fiscal"):  # fiscal 2026's first quarter may lie in 2025: the year before is open
                p = p._replace(earliest=make(int(year) - 1, int(q)).earliest)
            return self.period(c, p, "explicit", DateFields(int(year)))  # type: ignore[arg-type]
        if self.dct is None:
            return self.unresolved(c, f"XXXX-{value_x}{q or 'X'}", "half" if half else "quarter")
        unit = "half" if half else "quarter"
        if q is None:  # "the quarter", "the latest quarter", "this quarter", "the year-ago quarter"
            rel = c.p.get("rel")
            base = shift(self.dct, unit, int(rel)) if rel is not None else self.dct - timedelta(days=45)
            years_back = int(c.p.get("yearrel") or 0) + (-1 if c.p.get("shift") else 0)  # type: ignore[call-overload]
            p = period_of(unit, shift(base, "year", years_back))
            return self.period(c, p, "dct")
        yearrel = c.p.get("yearrel")
        if yearrel is not None:
            y = self.dct.year + int(yearrel)  # type: ignore[arg-type]
        else:
            y = self.nearest_year(c, lambda y: make(y, int(q)), use_tense=False)  # type: ignore[arg-type]
        if c.p.get("shift"):
            y -= 1
        return self.period(c, make(y, int(q)), "dct")  # type: ignore[arg-type]

    def r_fiscal(self, c: Cand) -> Timex:
        """Fiscal years are labelled by a calendar year; their bounds vary, so the interval is that year, widened."""
        year, rel = c.p.get("year"), c.p.get("rel")
        anchor = "explicit"
        if year is None:
            if self.dct is None:
                return self.unresolved(c, "XXXX", "year")
            year, anchor = self.dct.year + int(rel or 0), "dct"  # type: ignore[arg-type]
        y = int(year)  # type: ignore[arg-type]
        return self.timex(c, "DATE", f"{y:04d}", granularity="year", earliest=date(y - 1, 1, 1), latest=date(y, 12, 31),
                          fields=DateFields(c.p.get("year")), anchor=anchor)  # type: ignore[arg-type]  # fmt: skip

    def r_holiday(self, c: Cand) -> Timex:
        name = str(c.p["name"])
        year = c.p.get("year")
        if year is None:
            if self.dct is None:
                return self.unresolved(c, "XXXX-XX-XX", "day")
            y = self.nearest_year(c, lambda y: day_period(holiday_date(name, y)))
            d, anchor = holiday_date(name, y), "tense"
        else:
            d, anchor = holiday_date(name, int(year)), "explicit"  # type: ignore[arg-type]
        return self.period(c, day_period(d), anchor, DateFields(year, d.month, d.day))  # type: ignore[arg-type]

    def r_named(self, c: Cand) -> Timex | None:
        """ "D-Day": a named day of history, in a narrative (in news the name means any such day)."""
        if not self.narrative:
            return None
        d = c.p["date"]
        assert isinstance(d, date)
        return self.period(c, day_period(d), "explicit")

    # ------------------------------------------------------------ relative to the DCT or the narrative

    def r_relday(self, c: Cand) -> Timex:
        """ "yesterday", "today", "the day after tomorrow" (with a weekday merged: "Yesterday, Wednesday")."""
        fields = DateFields(weekday=c.p.get("weekday"))  # type: ignore[arg-type]
        if self.dct is None:
            return self.unresolved(c, "XXXX-XX-XX", "day", fields)
        d = self.dct + timedelta(days=int(c.p["offset"]))  # type: ignore[call-overload]
        if c.p.get("night"):  # "tonight": the night of the day (TIMEX3 TIME ...TNI)
            return self.timex(c, "TIME", f"{d.isoformat()}TNI", granularity="part-of-day", earliest=d, latest=d,
                              fields=fields, anchor="dct")  # fmt: skip
        return self.period(c, day_period(d), "dct", fields)

    def r_relunit(self, c: Cand) -> Timex:
        """ "last year", "this week", "the following day", "that month" (with a weekday merged:
        "The next day, Friday,", checked against the day counted from a narrative day stated near)."""
        unit = str(c.p["unit"])
        base, anchor = self.anchor_day(c, unit)
        near = c.p.get("anchor") == "narrative" and 0 < self.ref_end and c.start - self.ref_end <= WEEKDAY_REACH
        fields = DateFields(weekday=c.p.get("weekday") if near else None)  # type: ignore[arg-type]
        if base is None:
            return self.story_years(c, unit, int(c.p["dir"])) or self.unresolved(  # type: ignore[call-overload]
                c, "XXXX" if unit == "year" else "XXXX-XX", UNITS[unit][2], fields
            )
        return self.period(c, period_of(unit, shift(base, unit, int(c.p["dir"]))), anchor, fields)  # type: ignore[arg-type]

    def r_ago(self, c: Cand) -> Timex:
        """ "two weeks ago", "a year earlier", "three days later"."""
        unit, num, sign = str(c.p["unit"]), int(c.p["num"]), int(c.p["sign"])  # type: ignore[arg-type]
        base, anchor = self.anchor_day(c, unit)
        if base is None:
            return self.story_years(c, unit, sign * num) or self.unresolved(c, "XXXX", UNITS[unit][2])
        if unit in (
            "second",
            "minute",
            "hour",
        ):  # "two hours ago": the day is all the tagger knows
            return self.period(c, day_period(base), anchor)
        last = self.last
        if unit == "year" and last is not None and last.granularity == "quarter" and last.earliest is not None:
            return self.period(
                c,
                period_of("quarter", shift(last.earliest, "year", sign * num)),
                "narrative",
            )
        target = shift(base, unit, sign * num)
        if unit == "decade":
            unit = "year"
        return self.period(c, period_of(unit, target), anchor)

    def r_weekday(self, c: Cand) -> Timex:
        """A bare weekday: the last one (past) or the next one (future), by tense or "last"/"next"."""
        weekday = int(c.p["weekday"])  # type: ignore[arg-type]
        fields = DateFields(weekday=weekday)
        pod = c.p.get("pod")
        if self.dct is None:
            return self.unresolved(c, f"XXXX-WXX-{weekday + 1}", "day", fields)
        delta = weekday - self.dct.weekday()
        direction = c.p.get("dir")
        if direction is None:
            tense = self.tense(c.start, c.end)
            direction = 1 if tense == "future" and delta != 0 else -1
            anchor = "tense" if tense else "dct"
            if direction < 0 and delta == 0:
                direction = 0
        else:
            anchor = "dct"
        if direction > 0:
            d = self.dct + timedelta(days=delta if delta > 0 else delta + 7)
        elif direction < 0:
            d = self.dct + timedelta(days=delta if delta < 0 else delta - 7)
        else:
            d = self.dct + timedelta(days=delta)
        if pod:
            return self.timex(c, "TIME", f"{d.isoformat()}T{pod}", granularity="part-of-day", earliest=d, latest=d,
                              fields=fields, anchor=anchor)  # fmt: skip
        return self.period(c, day_period(d), anchor, fields)

    def r_weekend(self, c: Cand) -> Timex:
        """ "the weekend": the one before the DCT unless the verb is in the future tense."""
        if self.dct is None:
            return self.unresolved(c, "XXXX-WXX-WE", "weekend")
        future = self.tense(c.start, c.end) == "future"
        saturday = self.dct + timedelta(days=5 - self.dct.weekday())
        if not future and saturday > self.dct:
            saturday -= timedelta(days=7)
        return self.period(c, period_of("weekend", saturday), "tense")

    def r_pod(self, c: Cand) -> Timex:
        """ "this morning", "last night", "the next morning"."""
        base, anchor = self.anchor_day(c)
        if base is None:
            return self.timex(
                c,
                "TIME",
                f"XXXX-XX-XXT{c.p['pod']}",
                granularity="part-of-day",
                anchor="none",
            )
        d = base + timedelta(days=int(c.p["offset"]))  # type: ignore[arg-type]
        return self.timex(c, "TIME", f"{d.isoformat()}T{c.p['pod']}", granularity="part-of-day", earliest=d, latest=d,
                          anchor=anchor)  # fmt: skip

    def r_clock(self, c: Cand) -> Timex:
        """A clock time on the day next to it ("10 p.m. Wednesday") or on the narrative's day."""
        day_of = c.p.get("day_of")
        fields = DateFields()
        valid = True
        if isinstance(day_of, Cand):
            day_t = RESOLVERS[day_of.kind](self, day_of)
            assert day_t is not None
            d, anchor, fields, valid = (
                day_t.earliest,
                day_t.anchor,
                day_t.fields,
                day_t.valid,
            )
        elif self.narrative and self.story is not None and self.story.day is not None:
            d, anchor = self.story_base()
        else:
            d, anchor = (self.ref, "narrative") if self.ref != self.dct else (self.dct, "dct")
        hour, minute = int(c.p["hour"]), c.p.get("minute")  # type: ignore[arg-type]
        clock = f"T{hour:02d}:{int(minute):02d}" if minute is not None else f"T{hour:02d}:00"  # type: ignore[arg-type]
        prefix = d.isoformat() if d is not None else "XXXX-XX-XX"
        return self.timex(c, "TIME", prefix + clock, granularity="minute", earliest=d, latest=d, fields=fields,
                          anchor=anchor if d is not None else "none", valid=valid)  # fmt: skip

    # ------------------------------------------------------------ not dates

    def r_ref(self, c: Cand) -> Timex:
        value = str(c.p["value"])
        lo = hi = None
        if self.dct is not None and not c.p.get("bare"):  # a bare "future" bounds nothing
            if value == "PRESENT_REF":
                lo = hi = self.dct
            elif value == "PAST_REF":
                hi = self.dct
            else:
                lo = self.dct
        return self.timex(
            c,
            "DATE",
            value,
            granularity="vague",
            earliest=lo,
            latest=hi,
            anchor="dct" if self.dct else "none",
        )

    def r_duration(self, c: Cand) -> Timex:
        num = c.p.get("num")
        unit = str(c.p["unit"])
        value = duration_value(num, unit)  # type: ignore[arg-type]
        if c.p.get("frac") and num is not None:
            value = _half_more(int(num), unit)  # type: ignore[arg-type]
        return self.timex(c, "DURATION", value, granularity=UNITS[unit][2], anchor="none")

    def r_set(self, c: Cand) -> Timex:
        return self.timex(c, "SET", str(c.p["value"]), granularity="set", anchor="none")


# Each candidate kind and the method that resolves it.
RESOLVERS: dict[str, Callable[[Resolver, Cand], Timex | None]] = {
    "date": Resolver.r_date, "weekof": Resolver.r_weekof, "month": Resolver.r_month, "year": Resolver.r_year,
    "decade": Resolver.r_decade, "century": Resolver.r_century, "season": Resolver.r_season,
    "quarter": Resolver.r_quarter, "fiscal": Resolver.r_fiscal, "holiday": Resolver.r_holiday,
    "named": Resolver.r_named, "relday": Resolver.r_relday, "relunit": Resolver.r_relunit, "ago": Resolver.r_ago,
    "weekday": Resolver.r_weekday, "weekend": Resolver.r_weekend, "pod": Resolver.r_pod, "clock": Resolver.r_clock,
    "ref": Resolver.r_ref, "duration": Resolver.r_duration, "set": Resolver.r_set,
}  # fmt: skip


def _half_more(num: int, unit: str) -> str:
    """ "5 1/2 hours" -> PT5H30M, "2 1/2 years" -> P2Y6M: the half in the next smaller unit."""
    smaller = {"year": ("M", 6, False), "month": ("D", 15, False), "day": ("H", 12, True), "hour": ("M", 30, True),
               "week": ("D", 3, False), "minute": ("S", 30, True)}  # fmt: skip
    designator, is_time, _ = UNITS[unit]
    if unit not in smaller:
        return duration_value(num, unit)
    small, amount, small_time = smaller[unit]
    t = "T" if is_time or small_time else ""
    if is_time:
        return f"PT{num}{designator}{amount}{small}"
    return f"P{num}{designator}{t}{amount}{small}"
