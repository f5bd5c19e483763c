"""Candidate rules for relative, vague and non-date expressions.

Relative dates ("last year", "two weeks ago", "the following day"), durations
("three years", "the past 18 months"), sets ("every Tuesday", "annually") and parts of
day ("Friday morning", "tonight"); named periods are in ``checker.timex.periods``. Builders only read what the text states;
``checker.timex.resolve`` turns it into values.
"""

from __future__ import annotations

import re

from checker.timex.durations import DUR_MODS, NUM_RE, UNIT_RE, build_duration, duration_value, unit_of
from checker.timex.lexicon import (
    DIRECTIONS,
    INFORMAL,
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    UNITS,
    WEEKDAYS,
    alt,
)  # fmt: skip
from checker.timex.matching import B, Cand, Rule, capitalized, make_rule, prev_word
from checker.timex.register import looks_like_post


def build_ref(m: re.Match[str], text: str) -> Cand | None:
    word = " ".join(m["ref"].lower().split())
    value = (
        "FUTURE_REF"
        if "future" in word
        else "PAST_REF"
        if word in ("recently", "the past", "lately")
        else "PRESENT_REF"
    )
    if word == "future" and not looks_like_post(text):
        return None
    bare = {"bare": True} if word == "future" else {}  # "my future" alone: short posts only
    return Cand(m.start("ref"), m.end("ref"), "ref", {"value": value, **bare})


# Words that may follow "a second" the duration ("for a second or two", "a second later").
SET_WORDS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
    "nightly": "P1D", "biweekly": "P2W", "semiannually": "P6M", "biannually": "P6M",
}  # fmt: skip


def build_weekend(m: re.Match[str], text: str) -> Cand | None:
    """ "the weekend", "over the weekend": the last one or the next one, by tense; "weekend"
    alone and "weekends" (a set) only in short posts."""
    if not m["the"] and not looks_like_post(text):
        return None
    if m["pl"]:
        return Cand(m.start("w"), m.end(), "set", {"value": "XXXX-WE", "bare": True})
    return Cand(m.start("w"), m.end(), "weekend", {} if m["the"] else {"bare": True})


def build_the_unit(m: re.Match[str], text: str) -> Cand | None:
    """ "the year", "the week": the current one, or a duration after "for"/"over"/"throughout"."""
    unit = m["u"].lower()
    if prev_word(text, m.start()).lower() in (
        "for",
        "over",
        "during",
        "throughout",
        "within",
    ):
        return Cand(m.start(), m.end(), "duration", {"num": 1, "unit": unit})
    return Cand(m.start(), m.end(), "relunit", {"unit": unit, "dir": 0, "anchor": "story"})


PERIOD_EDGES = {
    "end": "END",
    "close": "END",
    "beginning": "START",
    "start": "START",
    "middle": "MID",
}


def build_edge(m: re.Match[str], text: str) -> Cand | None:
    """ "the end of the year", "the beginning of this month", "year-end": a part of a relative unit."""
    if m["ye"]:
        return Cand(
            m.start(),
            m.end(),
            "relunit",
            {"unit": "year", "dir": 0, "anchor": "dct", "mod": "END"},
        )
    unit = m["unit"].lower()
    # "the end of the month": the story's month in a narrative, the current one in news
    anchor = {"that": "narrative", "the": "story"}.get(m["det"].lower(), "dct")
    direction = DIRECTIONS.get(m["det"].lower(), 0)
    return Cand(
        m.start(),
        m.end(),
        "relunit",
        {
            "unit": unit,
            "dir": direction,
            "anchor": anchor,
            "mod": PERIOD_EDGES[m["edge"].lower()],
        },
    )


def build_set_word(m: re.Match[str], text: str) -> Cand | None:
    return Cand(m.start(), m.end(), "set", {"value": SET_WORDS[m["w"].lower()]})


def build_every(m: re.Match[str], text: str) -> Cand | None:
    """ "every Tuesday", "each year", "every other week", "Tuesdays"."""
    what = m["what"].lower()
    every = 2 if m["other"] else 1
    if what.rstrip("s") in WEEKDAYS:  # any case: "every mon", "each Friday"
        wd = WEEKDAYS[what.rstrip("s")]
        pod = PARTS_OF_DAY.get((m["pod"] or "").lower().rstrip("s"))
        return Cand(
            m.start(),
            m.end(),
            "set",
            {"value": f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else "")},
        )
    if what in MONTHS and capitalized(m["what"]):
        return Cand(m.start(), m.end(), "set", {"value": f"XXXX-{MONTHS[what]:02d}"})
    if what in SEASONS:
        return Cand(m.start(), m.end(), "set", {"value": f"XXXX-{SEASONS[what]}"})
    if what in PARTS_OF_DAY:
        return Cand(m.start(), m.end(), "set", {"value": f"XXXX-XX-XXT{PARTS_OF_DAY[what]}"})
    unit = unit_of(what)
    if unit not in UNITS:
        return None
    return Cand(m.start(), m.end(), "set", {"value": duration_value(every, unit)})


def build_plural_weekday(m: re.Match[str], text: str) -> Cand | None:
    if not capitalized(m["wd"]) or prev_word(text, m.start()).lower() not in (
        "on",
        "every",
        "most",
        "some",
        "all",
        "and",
    ):
        return None
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower().rstrip("s"))
    wd = WEEKDAYS[m["wd"].lower()]
    return Cand(
        m.start(),
        m.end(),
        "set",
        {"value": f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else "")},
    )


def build_relnamed(m: re.Match[str], text: str) -> Cand | None:
    """ "last Friday", "next March", "this summer", "last fall"."""
    word = m["what"]
    key = word.lower().rstrip(".")
    dir_word = m["dir"].lower().split()[-1]
    direction = DIRECTIONS[dir_word]
    the = bool(m["the"]) and dir_word in ("next", "following", "previous") and key not in WEEKDAYS
    if dir_word in ("following", "previous") and not the:
        return None  # "following March's vote" needs "the"
    start = m.start() if the else m.start("dir")
    # "the next spring", "the previous April": the story's in a narrative
    anchor = {"anchor": "story"} if the else {}
    if key in SEASONS:
        return Cand(start, m.end(), "season", {"season": SEASONS[key], "dir": direction, **anchor})
    if key in WEEKDAYS and (key.endswith("day") or not m["the"] and prev_word(text, m.start()).lower() != "the"):
        # any case, abbreviated too ("next fri", "this Sat"), but "the next sun" is the sun
        pod = PARTS_OF_DAY.get((m["pod"] or "").lower())
        return Cand(
            m.start("dir"),
            m.end(),
            "weekday",
            {"weekday": WEEKDAYS[key], "dir": direction, "pod": pod},
        )
    if not capitalized(word):
        return None
    if key in MONTHS and (len(key) > 3 or word.endswith(".") or key == "may"):
        return Cand(start, m.end(), "month", {"month": MONTHS[key], "dir": direction, **anchor})
    return None


DAY_ALIASES = {k: v for k, v in INFORMAL["relative_days"].items() if v in ("tomorrow", "yesterday")}


def build_pod(m: re.Match[str], text: str) -> Cand | None:
    """ "this morning", "last night", "yesterday afternoon", "the next morning"; alone ("Good
    morning", "at night", "the evening"), short posts mean the post's day (news and
    narratives leave it out)."""
    pod = PARTS_OF_DAY[m["pod"].lower()]
    if not m["dir"]:
        if not looks_like_post(text):
            return None
        return Cand(m.start(), m.end(), "pod", {"pod": pod, "offset": 0, "anchor": "dct", "bare": True})
    if m["pl"]:
        return None
    d = " ".join(m["dir"].lower().split())
    d = DAY_ALIASES.get(d, d)  # "tmr evening"
    offset = {
        "this": 0,
        "last": -1,
        "tomorrow": 1,
        "yesterday": -1,
        "tonight": 0,
        "this past": -1,
    }.get(d)
    if offset is not None:
        return Cand(m.start(), m.end(), "pod", {"pod": pod, "offset": offset, "anchor": "dct"})
    offset = {
        "the next": 1,
        "the following": 1,
        "that": 0,
        "the previous": -1,
        "the same": 0,
    }.get(d, 0)
    return Cand(m.start(), m.end(), "pod", {"pod": pod, "offset": offset, "anchor": "narrative"})


def _rules() -> list[Rule]:
    weekday = alt(k for k in WEEKDAYS if k.endswith("day"))
    any_weekday = alt(WEEKDAYS)
    month = alt(MONTHS)
    season = alt(SEASONS)
    pod = alt(PARTS_OF_DAY)
    dirs = alt(
        list(DIRECTIONS)
        + [
            "first",
            "final",
            "remaining",
            "latest",
            "recent",
            "full",
            "entire",
            "whole",
            "initial",
        ]
    )
    ref = (
        rf"{B}(?:for\s+)?(?P<ref>now|currently|recently|nowadays|lately|the\s+future|the\s+past|the\s+present|"
        r"at\s+present|at\s+the\s+moment|these\s+days|right\s+now|future)(?![\w-])"
    )
    duration = (
        rf"{B}(?:(?P<mod>{alt(DUR_MODS)})\s+(?!the\s|its\s|their\s))?(?:(?P<the>the|its|their|th(?:at|is)(?=\s+same\s))\s+)?(?:(?P<dir>{dirs})\s+)?"
        rf"(?:(?P<num>{NUM_RE})(?:\s+and\s+a\s+half)?(?:[\s-]+|(?<=\d)(?=[^\W\d_])))?(?:(?:more|additional|full|straight|consecutive|extra|long|odd)\s+)?"
        rf"(?P<unit>{UNIT_RE}s?)(?:\s+and\s+a\s+(?P<half>half))?(?:\s+(?P<ago>ago|earlier|later|from\s+now|hence|or\s+so\s+ago))?(?![\w-])"
    )
    every = (
        rf"{B}(?:every|each|per)\s+(?P<other>other\s+)?(?P<what>{any_weekday}|{month}|{season}|{pod}|{UNIT_RE})"
        rf"(?:\s+(?P<pod>{pod}))?(?!\w)"
    )
    relnamed = (
        rf"{B}(?:(?P<the>the)\s+)?(?P<dir>last|next|nxt|this(?:\s+past)?|coming|past|following|previous)\s+"
        rf"(?P<what>{any_weekday}|{month}|{season})(?!\w)"
        rf"(?:\s+(?P<pod>{pod})(?!\w))?"
    )
    pod_rel = (
        rf"{B}(?:(?P<dir>this(?:\s+past)?|last|tomorrow|yesterday|{alt(DAY_ALIASES)}|that|the\s+next|the\s+following"
        rf"|the\s+previous|the\s+same)\s+|(?:the\s+)?(?:(?:late|early)\s+)?)(?P<pod>{pod})(?P<pl>s)?(?!\w)"
    )
    return [
        make_rule("ref", ref, build_ref, "ref relday", back=12),
        make_rule("duration", duration, build_duration, "unit", back=70),
        make_rule("weekend", rf"{B}(?P<w>(?P<the>the\s+)?weekend(?P<pl>s)?)(?!\w)", build_weekend, "unit", back=4),
        make_rule(
            "the_unit",
            rf"{B}the\s+(?P<u>year|week|month)(?![\w'’-]|\s+(?:of|before|after|ago|earlier|later|ending|ended|in|when|that|to|\d))",
            build_the_unit,
            "unit",
            back=4,
        ),
        make_rule(
            "edge",
            rf"{B}(?:the\s+(?P<edge>end|close|beginning|start|middle)\s+of\s+(?P<det>the|this|that|last|next)\s+"
            r"(?P<unit>year|month|week|quarter|decade|century)|(?P<ye>year[\s-]end))(?![\w-])",
            build_edge,
            "unit",
            back=35,
        ),
        make_rule("setword", rf"{B}(?P<w>{alt(SET_WORDS)})(?!\w)", build_set_word, "set"),
        make_rule("every", every, build_every, "every"),
        make_rule(
            "plural_weekday",
            rf"{B}(?P<wd>{weekday})s(?:\s+(?P<pod>{pod})s?)?(?!\w)",
            build_plural_weekday,
            "weekday",
        ),
        make_rule("relnamed", relnamed, build_relnamed, "weekday month season", back=16),
        make_rule("pod", pod_rel, build_pod, "pod", back=20),
    ]


RULES: list[Rule] = _rules()
