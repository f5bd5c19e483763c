"""From raw rule matches to the final candidate list: choose, extend, merge, link.

1. ``select``: the longest non-overlapping matches (ties: the rule listed first).
2. ``extend_prefixes``: "early"/"mid-"/"late"/"the end of" set ``mod`` and widen the
   span; "the week of" turns a date into its week.
3. ``merge``: a weekday in apposition to a day-precise date ("Monday, March 4",
   "March 4 (Tuesday)", "last Saturday (Dec. 11)", "Yesterday, Wednesday,", "the next day,
   Friday,"), or written short against it ("Tues 4 May", "Mo, October 7", "4/23(Fri)",
   "12月29日(木)"), becomes one candidate; a clock time next to a day ("10 p.m. Wednesday")
   becomes one TIME.
4. ``link_ranges``: "from 2009 to 2017", "between March and May", "2009-2017".
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from itertools import pairwise

from checker.timex.era import RULES as ERA_RULES
from checker.timex.holidays import HOLIDAYS
from checker.timex.lexicon import (
    KANJI_WEEKDAYS,
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_ABBREVIATIONS,
    UNITS,
    WEEKDAY_PAIRS,
    WEEKDAYS,
    alt,
)  # fmt: skip
from checker.timex.matching import Cand
from checker.timex.patterns import EXPLICIT_RULES, RELATIVE_DAY_ALIASES, RELATIVE_DAYS
from checker.timex.periods import NAMED_DAYS
from checker.timex.periods import RULES as PERIOD_RULES
from checker.timex.register import looks_like_post
from checker.timex.relative import RULES as RELATIVE_RULES
from checker.timex.relative import SET_WORDS

RULES = {order: ERA_RULES + EXPLICIT_RULES[order] + RELATIVE_RULES + PERIOD_RULES for order in EXPLICIT_RULES}

# Keyword categories that trigger rules (``Rule.triggers``); numbers are "year4" (four
# digits) or "num12" (one or two digits), "gluedclock" with "am"/"pm" glued ("430pm"),
# "decade" with a plural "s" ("1990s", "'90's"), "kanji" before 年 or 月 ("2016年", "4月").
TRIGGERS: dict[str, list[str]] = {
    "month": list(MONTHS),
    "weekday": list(WEEKDAYS),
    "unit": [*UNITS, "centuries", "millennia", *UNIT_ABBREVIATIONS],
    "season": list(SEASONS),
    "pod": list(PARTS_OF_DAY),
    "relday": [*RELATIVE_DAYS, *RELATIVE_DAY_ALIASES],
    "ref": [
        "now",
        "currently",
        "recently",
        "nowadays",
        "lately",
        "future",
        "past",
        "present",
        "moment",
        "days",
    ],
    "set": list(SET_WORDS),
    "every": ["every", "each", "per"],
    "decade": [
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ],
    "century": ["century", "centuries"],
    "quarter": ["quarter", "half"],
    "fiscal": ["fiscal", "fy"],
    "clock": ["noon", "midnight", "midday"],
    "holiday": sorted({key.split()[-1] for key in HOLIDAYS}),
    "era": ["bc", "bce", "b.c", "ad", "a.d", "ce"],
    "named": sorted({name.split()[0].lower() for name in NAMED_DAYS}),  # "D-Day", "Black Tuesday"
}
_CATEGORIES: dict[str, set[str]] = defaultdict(set)
for _category, _words in TRIGGERS.items():
    for _w in _words:
        _CATEGORIES[_w].add(_category)
# A number may have a unit or "pm" glued to it ("7months", "50mins", "430pm"). The lookahead
# of first letters lets the regex engine skip most positions in C (a quarter faster).
_FIRST = re.escape("".join(sorted({c for w in _CATEGORIES for c in (w[0].lower(), w[0].upper())})))
_TRIGGER = re.compile(
    rf"(?=[{_FIRST}0-9])(?:(?<!\w)(?:{alt(_CATEGORIES)})s?(?![a-z])|(?P<num>\d+)(?:(?P<glued>[a-z]+)|(?P<plural>['’]s)|(?P<cjk>\s*[年月]))?)",
    re.IGNORECASE,
)
GLUED_CLOCK = {"am", "pm"}


def trigger_hits(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each trigger category's keywords occur: one fast pass over the text."""
    hits: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in _TRIGGER.finditer(text):
        word = m.group().lower()
        if word[0].isdigit():
            glued = m["glued"]
            digits = len(m["num"])
            if digits == 4:
                hits["year4"].append(m.span())
            elif digits <= 2:
                hits["num12"].append(m.span())
            if m["cjk"]:
                hits["kanji"].append(m.span())
            if m["plural"] or glued in ("s", "S"):
                hits["decade"].append(m.span())
            if glued:
                glued = glued.lower()
                if glued in GLUED_CLOCK:
                    hits["gluedclock"].append(m.span())
                elif "unit" in _CATEGORIES.get(glued, ()) or "unit" in _CATEGORIES.get(glued[:-1], ()):
                    hits["unit"].append(m.span("glued"))
            continue
        for category in _CATEGORIES.get(word, set()) | _CATEGORIES.get(word[:-1], set()):
            hits[category].append(m.span())
    return hits


def select(found: list[Cand]) -> list[Cand]:
    """The longest candidates that do not overlap, in text order (ties: the earlier one, then
    not a bare word, then rule order).

    Taken spans are kept sorted, so each overlap test is a binary search (a long
    table of dates must not make this quadratic).
    """
    # on equal spans a bare word ("the year" as a post's unit) yields to the rule that reads it
    order = sorted(
        range(len(found)), key=lambda i: (found[i].start - found[i].end, found[i].start, "bare" in found[i].p, i)
    )
    starts: list[int] = []
    taken: list[Cand] = []
    for i in order:
        c = found[i]
        k = bisect.bisect_left(starts, c.start)
        if k < len(taken) and taken[k].start < c.end or k > 0 and taken[k - 1].end > c.start:
            continue
        starts.insert(k, c.start)
        taken.insert(k, c)
    return taken


# ----------------------------------------------------------------- prefixes

_MOD_PREFIX = re.compile(
    r"(?:(?P<the>the\s+)?(?P<m1>early|earlier|late|later|mid|middle)(?:\s*-\s*|\s+)"
    r"|(?P<the2>the\s+)?(?P<m2>end|beginning|start|middle|close|latter\s+part|early\s+part)\s+of\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_APPROX = re.compile(
    r"(?:about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+$",
    re.IGNORECASE,
)
_POD_OF = re.compile(
    r"(?:early\s+(?:in\s+)?|late\s+(?:in\s+)?)?(?:the\s+)?(?P<pod>morning|afternoon|evening|night)\s+of\s+$",
    re.IGNORECASE,
)
_WEEK_OF = re.compile(r"(?:the\s+)?week\s+of\s+$", re.IGNORECASE)
MODS = {"early": "START", "earlier": "START", "beginning": "START", "start": "START", "early part": "START",
        "mid": "MID", "middle": "MID", "late": "END", "later": "END", "end": "END", "close": "END",
        "latter part": "END"}  # fmt: skip
MODIFIABLE = {
    "month",
    "year",
    "decade",
    "century",
    "season",
    "relunit",
    "quarter",
    "fiscal",
    "weekday",
    "relday",
}
# "Earlier Friday", "later today": the adverb modifies the event, not the day (TimeML leaves it out).
DAY_KINDS_NO_ADVERB = {"weekday", "relday"}
# "the" belongs to the expression only for decades and centuries ("the late 1970s").
THE_KINDS = {"decade", "century"}


def extend_prefixes(cands: list[Cand], text: str) -> list[Cand]:
    out: list[Cand] = []
    for c in cands:
        # a prefix may take in a bare word before it ("the night" of "the night of 4 May")
        before = out[-1] if out and "bare" not in out[-1].p else out[-2] if len(out) > 1 else None
        lo = max(before.end if before else 0, c.start - 40)
        if c.kind in MODIFIABLE and "mod" not in c.p:
            m = _MOD_PREFIX.search(text, lo, c.start)
            word = " ".join((m["m1"] or m["m2"]).lower().split()) if m else ""
            if m and not (c.kind in DAY_KINDS_NO_ADVERB and word in ("earlier", "later")):
                start = m.start("m1") if m["m1"] and m["the"] and c.kind not in THE_KINDS else m.start()
                c = Cand(start, c.end, c.kind, {**c.p, "mod": MODS[word]})
        elif c.kind == "clock":
            m = _APPROX.search(text, lo, c.start)
            if m:
                c = Cand(m.start(), c.end, c.kind, {**c.p, "mod": "APPROX"})
        elif c.kind == "date" and c.p.get("day"):
            m = _WEEK_OF.search(text, lo, c.start)
            pod = _POD_OF.search(text, lo, c.start)
            if m:
                c = Cand(m.start(), c.end, "weekof", dict(c.p))
            elif pod:  # "the night of 10 August 1792", "early in the morning of 29 April"
                c = Cand(pod.start(), c.end, "date",
                         {**c.p, "pod": PARTS_OF_DAY[pod["pod"].lower()], "date_start": c.start})  # fmt: skip
        while out and out[-1].end > c.start and "bare" in out[-1].p:
            out.pop()  # a bare word the prefix took in
        out.append(c)
    return out


# ----------------------------------------------------------------- merges

_GAP_WEEKDAY_DATE = re.compile(r"\s*,?\s*(?P<paren>[(（])?\s*$")
_GAP_DATE_WEEKDAY = re.compile(r"\s*(?:,\s*(?:which\s+was\s+|a\s+)?|(?P<paren>[(（])\s*)$", re.IGNORECASE)
_GAP_REL_WEEKDAY = re.compile(r"\s*(?:,|(?P<paren>[(（]))\s*$")
_GAP_CLOCK_DAY = re.compile(r"\s*,?\s*(?:on\s+)?$", re.IGNORECASE)
_CLOSE = re.compile(r"\s*[)）]")
# Weekdays written short against a day date, which are no candidates of their own: dotless and
# two-letter abbreviations before it ("Tues 4 May", "Mo, October 7"), abbreviations and kanji in
# parentheses after it ("2016-12-29(Fri)", "12月29日(木曜日)").
_SHORT = rf"(?:{alt(k for k in WEEKDAYS if not k.endswith('day'))}|{alt(WEEKDAY_PAIRS)})"
_SHORT_BEFORE = re.compile(rf"(?<![\w.])(?P<wd>{_SHORT})\.?\s*,?\s*$", re.IGNORECASE)
_SHORT_AFTER = re.compile(
    rf"\s*[(（]\s*(?:(?P<wd>{_SHORT})\.?|(?P<kanji>[{''.join(KANJI_WEEKDAYS)}])(?:曜日?)?)\s*[)）]", re.IGNORECASE
)
# "The Sun, 4 May 2022", "Edmonton Sun, August 16, 2008": a newspaper's name, not a Sunday.
_NAMED = re.compile(r"\b(?:[Tt]he|[A-Z][\w'’-]*)\s+$")
_GAP_MONTH_YEAR = re.compile(r"\s*(?:,|of)?\s*$")
DAY_KINDS = {"date", "weekday", "relday"}


def _close_paren(text: str, end: int, opened: bool) -> int:
    if opened:
        m = _CLOSE.match(text, end)
        if m:
            return m.end()
    return end


def _is_day_date(c: Cand) -> bool:
    return c.kind == "date" and bool(c.p.get("day")) and "weekday" not in c.p


def _merge_pair(a: Cand, b: Cand, text: str) -> Cand | None:
    """One candidate for two neighbours that state one day (or one moment), else None."""
    gap = text[a.end : b.start]
    if a.kind == "weekday" and _is_day_date(b):
        m = _GAP_WEEKDAY_DATE.match(gap)
        if m:
            return Cand(
                a.start,
                _close_paren(text, b.end, bool(m["paren"])),
                b.kind,
                {**b.p, "weekday": a.p["weekday"]},
            )
    if b.kind == "weekday" and "dir" not in b.p and _is_day_date(a):
        m = _GAP_DATE_WEEKDAY.match(gap)
        if m:
            return Cand(
                a.start,
                _close_paren(text, b.end, bool(m["paren"])),
                a.kind,
                {**a.p, "weekday": b.p["weekday"]},
            )
    if (
        (a.kind == "relday" or a.kind == "relunit" and a.p["unit"] == "day")
        and b.kind == "weekday"
        and "weekday" not in a.p
        and "dir" not in b.p
    ):
        m = _GAP_REL_WEEKDAY.match(gap)  # "Yesterday, Wednesday,", "today (Monday)", "The next day, Friday,"
        if m:
            end = _close_paren(text, b.end, bool(m["paren"]))
            return Cand(a.start, end, a.kind, {**a.p, "weekday": b.p["weekday"]})
    if a.kind == "clock" and b.kind in DAY_KINDS and "day_of" not in a.p and _GAP_CLOCK_DAY.match(gap):
        return Cand(a.start, b.end, "clock", {**a.p, "day_of": b})
    return None


def _month_then_year(a: Cand, b: Cand, text: str) -> bool:
    return (
        a.kind in ("month", "date") and a.p.get("year") is None and b.kind == "relunit" and b.p["unit"] == "year"
        and b.p["anchor"] == "dct" and "mod" not in b.p and bool(_GAP_MONTH_YEAR.match(text[a.end : b.start]))
    )  # fmt: skip


_GAP_OF_THAT_YEAR = re.compile(r"\s*,?\s*(?:of|in)\s*$", re.IGNORECASE)


def _of_that_year(a: Cand, b: Cand, text: str) -> bool:
    """ "August of that year", "July 25 of the same year": one expression, in the year told."""
    return (
        a.kind in ("month", "date") and a.p.get("year") is None and b.kind == "relunit" and b.p["unit"] == "year"
        and b.p["dir"] == 0 and b.p["anchor"] in ("story", "narrative") and "mod" not in b.p
        and bool(_GAP_OF_THAT_YEAR.match(text[a.end : b.start]))
    )  # fmt: skip


def _merge_pass(cands: list[Cand], text: str, clock: bool) -> list[Cand]:
    out: list[Cand] = []
    for c in cands:
        if not clock and out and _of_that_year(out[-1], c, text):
            out[-1] = Cand(out[-1].start, c.end, out[-1].kind, {**out[-1].p, "that_year": True})
            continue
        if not clock and out and _month_then_year(out[-1], c, text):
            out[-1].p["yearrel"] = c.p["dir"]  # "June last year": two expressions, one year
        if out and (out[-1].kind == "clock") == clock:
            merged = _merge_pair(out[-1], c, text)
            if merged is not None:
                out[-1] = merged
                continue
        out.append(c)
    return out


def _short_weekday(word: str) -> int | None:
    """The weekday of an abbreviation cased as one ("Tues", "Mo", "FRI"; not "mo" or "SU")."""
    if not (word[:1].isupper() and (word[1:].islower() or len(word) > 2 and word.isupper())):
        return None
    key = word.lower()
    return WEEKDAYS.get(key, WEEKDAY_PAIRS.get(key))


def _with_short_weekday(c: Cand, text: str, lo: int, hi: int) -> Cand:
    """The day date ``c`` with the short weekday written against it, between offsets ``lo`` and ``hi``."""
    before = _SHORT_BEFORE.search(text, max(lo, c.start - 12), c.start)
    if before and not _NAMED.search(text, max(lo, before.start() - 30), before.start()):
        weekday = _short_weekday(before["wd"])
        if weekday is not None:
            return Cand(before.start(), c.end, c.kind, {**c.p, "weekday": weekday})
    after = _SHORT_AFTER.match(text, c.end, min(hi, c.end + 12))
    if after:
        weekday = KANJI_WEEKDAYS[after["kanji"]] if after["kanji"] else _short_weekday(after["wd"])
        if weekday is not None:
            return Cand(c.start, after.end(), c.kind, {**c.p, "weekday": weekday})
    return c


def short_weekdays(cands: list[Cand], text: str) -> list[Cand]:
    """Day dates that take a short weekday written against them ("Tues 4 May 2022", "4/23(Fri)")."""
    out = list(cands)
    for i, c in enumerate(out):
        if _is_day_date(c):
            lo = out[i - 1].end if i else 0
            hi = out[i + 1].start if i + 1 < len(out) else len(text)
            out[i] = _with_short_weekday(c, text, lo, hi)
    return out


def merge(cands: list[Cand], text: str) -> list[Cand]:
    """Merge appositions and short weekdays, then clock times with their day ("10 a.m. on
    Tuesday, Dec. 24"); drop abbreviated weekdays left alone ("Sun", "Wed." as words) and
    yearless numeric dates that found no weekday ("1/2" is a half as often as January 2)."""
    out = _merge_pass(short_weekdays(_merge_pass(cands, text, clock=False), text), text, clock=True)
    return [
        c for c in out
        if not (c.kind == "weekday" and c.p.get("abbr") or c.p.get("with_weekday") and "weekday" not in c.p)
    ]  # fmt: skip


# ----------------------------------------------------------------- ranges

_RANGE_GAP = re.compile(
    r"\s*(?:-|–|—|to|through|thru|until|till|and)\s*$", re.IGNORECASE
)  # "and" links only after "between"
_LIST_GAP = re.compile(r"\s*(?:,|and|or|,\s*and)\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?:from|between)\s+$", re.IGNORECASE)
# "moved up from May 2029 to December 31, 2021": a date changed, not a range.
_CHANGED_FROM = re.compile(
    r"\b(?:mov|push|postpon|brought|bring|reschedul|chang|delay|shift|advanc|put|revis|defer|slip|slid|pull)\w*"
    r"(?:\s+[\w'’]+){0,3}?\s+from\s+$",
    re.IGNORECASE,
)
RANGE_KINDS = {
    "date",
    "month",
    "year",
    "weekday",
    "season",
    "quarter",
    "decade",
    "holiday",
}


def link_ranges(cands: list[Cand], text: str) -> None:
    """Mark ``range_next`` on the first end of each range (the resolver turns it into ``Timex.link``)."""
    for a, b in pairwise(cands):
        if a.kind not in RANGE_KINDS or b.kind not in RANGE_KINDS or a.p.get("range_next"):
            continue
        gap = text[a.end : b.start]
        dash = gap.strip() in ("-", "–", "—")
        if _RANGE_GAP.match(gap):
            if dash and _label_and_day(a, b) or _CHANGED_FROM.search(text, max(0, a.start - 60), a.start):
                continue
            if dash or _RANGE_OPEN.search(text, max(0, a.start - 12), a.start):
                a.p["range_next"] = True
                _share_year(a, b)
                continue
        if len(gap) < 9 and _LIST_GAP.match(gap):
            _share_year(a, b)  # "in August and September 1914": one year for both


def _label_and_day(a: Cand, b: Cand) -> bool:
    """A bare year, a dash, then a day date: a name and its date, not a range ("IGD
    Convention 2014 - 31/10/2013"); "from 1930 to March 3, 2001" says it is one."""
    return a.kind == "year" and b.kind == "date" and bool(b.p.get("day"))


def _share_year(a: Cand, b: Cand) -> None:
    """ "Jan. 1 through March 31, 2024": the first end takes the year stated at the second
    (the year before when its month comes later: "Dec. 1 to Jan. 5, 2025")."""
    year, month = b.p.get("year"), b.p.get("month")
    if a.kind in ("date", "month") and b.kind in ("date", "month") and a.p.get("year") is None and year and month:
        a.p["year"] = int(year) - (int(a.p["month"]) > int(month))  # type: ignore[call-overload]
        a.p["year_implied"] = True


def candidates(text: str, order: str = "us", either: bool = False) -> list[Cand]:
    """All time-expression candidates in ``text``, chosen, merged and linked, in text order.

    ``order`` reads ambiguous numeric dates; with ``either`` (no order was stated), the other
    reading stays possible and such dates keep their ``swap`` mark.
    """
    found: list[Cand] = []
    hits = trigger_hits(text)
    for rule in RULES[order]:
        cats = [hits[c] for c in rule.triggers if c in hits]
        if not cats:
            continue
        windows = cats[0] if len(cats) == 1 else sorted(h for hs in cats for h in hs)
        for m in rule.matches(text, windows):
            c = rule.build(m, text)
            if c is None:
                continue
            if isinstance(c, list):
                found.extend(c)
            else:
                found.append(c)
    if not looks_like_post(text):  # bare words count only in posts (and bare seasons in narratives)
        found = [c for c in found if "bare" not in c.p or c.kind == "season"]
    cands = merge(extend_prefixes(select(found), text), text)
    link_ranges(cands, text)
    if not either:
        for c in cands:
            c.p.pop("swap", None)
    return cands
