"""Candidate rules for relative, vague and non-date expressions.

Relative dates ("last year", "two weeks ago", "the following day"), durations
("three years", "the past 18 months"), sets ("every Tuesday", "annually") and parts of
day ("Friday morning", "tonight"); named periods are in ``checker.timex.periods``. Builders only read what the text states;
``checker.timex.resolve`` turns it into values.
"""

from __future__ import annotations

import re

from checker.timex.lexicon import (
    INFORMAL,
    MONTHS,
    NUMBERS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_ABBREVIATIONS,
    UNITS,
    VAGUE,
    WEEKDAYS,
    alt,
    number_value,
)  # fmt: skip
from checker.timex.matching import B, Cand, Rule, capitalized, make_rule, next_word, prev_word
from checker.timex.register import looks_like_post

DIRECTIONS = {
    "last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1,
    "next": 1, "coming": 1, "following": 1, "upcoming": 1,
    "this": 0, "current": 0, "same": 0, "that": 0, "present": 0,
}  # fmt: skip
DIRECTIONS.update({k: DIRECTIONS[v] for k, v in INFORMAL["directions"].items()})  # "nxt yr"
# With "the", these count from the narrative's reference date, not from the DCT.
NARRATIVE_DIRECTIONS = {"previous", "preceding", "following", "same", "that", "prior"}

UNIT_RE = (
    r"(?:second|minute|hour|day|night|weekend|week|fortnight|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a)|"
    rf"{alt(UNIT_ABBREVIATIONS)})"
)
NUM_RE = rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2|½)?|{alt(k for k in NUMBERS if k not in ('zero',))}|{alt(VAGUE)})"
DUR_MODS = {
    "more than": "MORE_THAN", "at least": "EQUAL_OR_MORE", "nearly": "EQUAL_OR_LESS",
    "almost": "LESS_THAN", "less than": "LESS_THAN", "under": "LESS_THAN", "up to": "EQUAL_OR_LESS",
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "nearly a": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
}  # fmt: skip


def unit_of(word: str) -> str:
    w = word.lower()
    if w in UNIT_ABBREVIATIONS:
        return UNIT_ABBREVIATIONS[w]
    if w.startswith("centur"):
        return "century"
    if w.startswith("millenni"):
        return "millennium"
    return w[:-1] if w.endswith("s") and w[:-1] in UNITS else w


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
AFTER_A_SECOND = {"or", "and", "later", "earlier", "ago", "before", "after", "of", "to", "in", "for", "longer",
                  "more", "less", "too", "as", "than", "when", "while", "until", "till", "there", "here", "now",
                  "then"}  # fmt: skip


def _ordinal(m: re.Match[str], text: str) -> bool:
    """ "a second attack": "second" before a noun is the ordinal; a duration ends the phrase
    ("wait a second.") or goes on with a preposition ("a second or two")."""
    after = re.match(r"\s+([A-Za-z][\w'’-]*)", text[m.end("unit") : m.end("unit") + 40])
    return bool(after) and after[1].lower() not in AFTER_A_SECOND


BARE_UNITS = {"day", "week", "month", "year", "hour", "minute"}


def _bare_unit(m: re.Match[str], text: str, unit: str) -> Cand | None:
    """ "a long day", "Crazy week", "the day", "hours of waiting": a unit word alone, which
    short posts annotate (news and narratives do not)."""
    if unit not in BARE_UNITS or m["mod"] or not looks_like_post(text) or m["unit"].lower() in UNIT_ABBREVIATIONS:
        return None
    if next_word(text, m.end()).lower() == "of":
        return None  # "the week of March 6", "the day of the vote": the rest says which
    plural = m["unit"].lower().endswith("s")
    if m["the"] and m["the"].lower() == "the" and not plural and unit == "day":
        return Cand(m.start(), m.end(), "relunit", {"unit": "day", "dir": 0, "anchor": "dct", "bare": True})
    start = m.start("unit") if not m["the"] or m["the"].lower() != "the" else m.start()
    return Cand(start, m.end(), "duration", {"num": None if plural else 1, "unit": unit, "bare": True})


def _counted_abbreviation(m: re.Match[str], text: str) -> bool:
    """ "15 mins", "7hrs", "nxt yr": a unit abbreviation counts after a number (not a clock's
    minutes: "03:00hrs") or, in lower case, after next/last/this."""
    if m["num"]:
        return not (m["num"][0].isdigit() and text[max(0, m.start("num") - 1) : m.start("num")] in (":", "."))
    return bool(m["dir"]) and m["dir"].lower() in ("next", "nxt", "last", "this") and m["unit"].islower()


def build_duration(m: re.Match[str], text: str) -> Cand | None:
    """Numbers of units: durations, or dates when counted back ("ago") or from the narrative ("later")."""
    unit = unit_of(m["unit"])
    num_word = m["num"]
    direction = m["dir"].lower() if m["dir"] else None
    plural = (
        m["unit"].lower().endswith(("s", "ia"))
        and unit != "millennium"
        or m["unit"].lower() == "millennia"
    )
    start = m.start()
    if (
        m["mod"] and m["mod"].lower() == "about"
    ):  # "about five hours": TimeML leaves "about" out
        start = (
            m.start("the")
            if m["the"]
            else m.start("dir")
            if m["dir"]
            else m.start("num")
            if m["num"]
            else m.start("unit")
        )
    adjectival = num_word and "-" in m[0][m.start("num") - m.start() :]
    if m["the"] and adjectival and not direction:
        start = m.start("num")  # "the 14-day trial": the determiner belongs to the noun
    if direction and not m["the"] and num_word and num_word.lower() in ("a", "an"):
        start = m.start(
            "num"
        )  # "following a year of talks": the preposition is not part of it
    if m["unit"].lower() in UNIT_ABBREVIATIONS and not _counted_abbreviation(m, text):
        return None  # "min", "sec" alone are other words; "recent SEC filing"
    if num_word is None:
        if direction is None and not plural:
            return _bare_unit(m, text, unit)
        if (
            direction and not plural
        ):  # "last year", "the following day": a relative date
            the = bool(m["the"])
            anchor = (
                "narrative"
                if the
                and direction in NARRATIVE_DIRECTIONS
                or direction == "next"
                and the
                else "narrative"  # "that year", "that same day": anaphoric, as "the following year"
                if direction in ("that", "same")
                else "dct"
            )
            if (
                direction == "past"
                and unit == "decade"
                or unit in ("second", "minute", "hour")
            ):
                return Cand(
                    start, m.end(), "duration", {"num": 1, "unit": unit, "mod": _mod(m)}
                )
            if unit == "night" or direction not in DIRECTIONS:
                return None
            return Cand(
                start,
                m.end(),
                "relunit",
                {"unit": unit, "dir": DIRECTIONS[direction], "anchor": anchor},
            )
        if direction is None and prev_word(text, start).lower() not in (
            "for",
            "in",
            "over",
            "within",
            "of",
            "recent",
        ):
            return _bare_unit(m, text, unit)  # a bare plural ("days of rage") is rarely a time (but in posts)
        num = None
    else:
        num = number_value(num_word) if num_word.lower() not in VAGUE else None
        if unit == "quarter" and (
            num_word.lower() in ("a", "an") or "-" in m[0] and plural
        ):
            return None  # "a quarter of", "three-quarters": fractions
        if num is None and num_word.lower() not in VAGUE:
            return None
        if num and num >= 1000 and not plural:
            return None  # "2018 day five": a year, not a count
        if unit == "hour" and re.fullmatch(r"(?:[01]\d|2[0-3])[0-5]\d", num_word):
            return None  # "1900 hours": military time (the "military" rule)
        if unit == "second" and num_word.lower() in ("a", "an") and not plural and not direction and _ordinal(m, text):
            return None  # "a second attack", "a second time": the ordinal, not a duration
        if num_word.lower() in ("a", "an") and not plural and _is_rate(text, start):
            return Cand(start, m.end(), "set", {"value": duration_value(1, unit)})
    ago = m["ago"].lower() if m["ago"] else None
    frac = 0.5 if m["half"] else _fraction(num_word)
    if ago and UNITS[unit][1] and not ago.endswith("ago"):
        # "an hour later": a duration between two events, not a date
        return Cand(
            start,
            m.start("ago"),
            "duration",
            {"num": num, "unit": unit, "mod": _mod(m), "frac": frac},
        )
    if ago:
        if num is None:
            return Cand(
                start,
                m.end(),
                "ref",
                {
                    "value": "PAST_REF"
                    if ago.endswith("ago") or ago == "earlier"
                    else "FUTURE_REF"
                },
            )
        sign = -1 if ago in ("ago", "earlier") or ago.endswith("ago") else 1
        anchor = (
            "dct" if "ago" in ago or "now" in ago or ago == "hence" else "narrative"
        )
        return Cand(
            start,
            m.end(),
            "ago",
            {"num": num, "unit": unit, "sign": sign, "anchor": anchor, "mod": _mod(m)},
        )
    if num is None and direction in (
        "past",
        "last",
        "recent",
    ):  # "the last few months", "recent years"
        return Cand(start, m.end(), "ref", {"value": "PAST_REF"})
    return Cand(
        start,
        m.end(),
        "duration",
        {"num": num, "unit": unit, "mod": _mod(m), "frac": frac},
    )


_RATE_BEFORE = re.compile(
    r"(?:\b(?:once|twice|thrice|times)|\d|\w\ws)\s+$", re.IGNORECASE
)


def _is_rate(text: str, start: int) -> bool:
    """ "twice a year", "24 hours a day", "four flights a week": a frequency, not a duration."""
    return bool(_RATE_BEFORE.search(text, max(0, start - 12), start)) and prev_word(text, start).lower() not in (
        "was", "is", "has", "as", "its", "this", "his", "days", "years", "weeks", "months", "less", "process",
    )  # fmt: skip


def _fraction(num_word: str | None) -> float:
    return 0.5 if num_word and ("1/2" in num_word or "½" in num_word) else 0.0


def _mod(m: re.Match[str]) -> str | None:
    return DUR_MODS.get(" ".join(m["mod"].lower().split())) if m["mod"] else None


def duration_value(num: int | None, unit: str) -> str:
    designator, is_time, _ = UNITS[unit]
    n = "X" if num is None else str(num)
    if unit == "decade":
        n, designator = ("X" if num is None else str(10 * num)), "Y"
    elif unit == "century":
        n, designator = ("X" if num is None else str(100 * num)), "Y"
    elif unit == "millennium":
        n, designator = ("X" if num is None else str(1000 * num)), "Y"
    elif unit == "weekend":
        designator = "D"
        n = "X" if num is None else str(2 * num)
    elif unit == "fortnight":
        n = "X" if num is None else str(2 * num)
    elif unit == "quarter":
        n, designator = ("X" if num is None else str(3 * num)), "M"
    return f"P{'T' if is_time else ''}{n}{designator}"


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
    return Cand(
        m.start(), m.end(), "relunit", {"unit": unit, "dir": 0, "anchor": "story"}
    )


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
        return Cand(
            m.start(), m.end(), "set", {"value": f"XXXX-XX-XXT{PARTS_OF_DAY[what]}"}
        )
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
        return Cand(
            m.start(), m.end(), "pod", {"pod": pod, "offset": offset, "anchor": "dct"}
        )
    offset = {
        "the next": 1,
        "the following": 1,
        "that": 0,
        "the previous": -1,
        "the same": 0,
    }.get(d, 0)
    return Cand(
        m.start(), m.end(), "pod", {"pod": pod, "offset": offset, "anchor": "narrative"}
    )


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
        make_rule(
            "weekend", rf"{B}(?P<w>(?P<the>the\s+)?weekend(?P<pl>s)?)(?!\w)", build_weekend, "unit", back=4
        ),
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
        make_rule(
            "setword", rf"{B}(?P<w>{alt(SET_WORDS)})(?!\w)", build_set_word, "set"
        ),
        make_rule("every", every, build_every, "every"),
        make_rule(
            "plural_weekday",
            rf"{B}(?P<wd>{weekday})s(?:\s+(?P<pod>{pod})s?)?(?!\w)",
            build_plural_weekday,
            "weekday",
        ),
        make_rule(
            "relnamed", relnamed, build_relnamed, "weekday month season", back=16
        ),
        make_rule("pod", pod_rel, build_pod, "pod", back=20),
    ]


RULES: list[Rule] = _rules()
