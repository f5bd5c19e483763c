"""Candidate rules for named periods and times of day: seasons, decades, centuries, quarters,
fiscal years, clock times, holidays and named days ("the 1990s", "Q3 2024", "fiscal 2025",
"3 p.m. EST", "Christmas 2019"). Builders only read what the text states;
``checker.timex.resolve`` turns it into values.
"""

from __future__ import annotations

import re
from datetime import date

from checker.timex.era import ERA
from checker.timex.holidays import HOLIDAYS, holiday_key
from checker.timex.lexicon import (
    DIRECTIONS,
    INFORMAL,
    NUMBERS,
    ORDINALS,
    SEASONS,
    alt,
    resource,
)  # fmt: skip
from checker.timex.matching import NB, B, Cand, Rule, capitalized, make_rule, prev_word
from checker.timex.patterns import NOT_A_DAY_BEFORE

SEASON_CONTEXT_BEFORE = {"in", "during", "by", "until", "since", "through", "early", "late", "mid", "of", "this"}


def build_season(m: re.Match[str], text: str) -> Cand | None:
    key = m["s"].lower()
    year = int(m["y"]) if m["y"] else None
    if year is None and key != "fall" and prev_word(text, m.start()).lower() not in SEASON_CONTEXT_BEFORE:
        # "summer offensive", "Spring colors": a season as a modifier (narratives and posts only)
        return Cand(m.start(), m.end(), "season", {"season": SEASONS[key], "year": None, "bare": True})
    if year is None and (
        key == "fall"
        or prev_word(text, m.start()).lower()
        not in (
            "in",
            "during",
            "by",
            "until",
            "since",
            "through",
            "early",
            "late",
            "mid",
            "of",
            "this",
        )
    ):
        return None
    return Cand(m.start(), m.end(), "season", {"season": SEASONS[key], "year": year})


def build_decade(m: re.Match[str], text: str) -> Cand | None:
    if m["dec"]:
        return Cand(m.start(), m.end(), "decade", {"decade": int(m["dec"]) // 10})
    if m["dec2"]:
        return Cand(m.start(), m.end(), "decade", {"short": int(m["dec2"]) // 10})
    if not m["the"]:
        return None  # "in her forties" is an age
    tens = NUMBERS[m["decword"].lower()[:-3] + "y"]
    return Cand(m.start(), m.end(), "decade", {"short": tens // 10})


def build_century(m: re.Match[str], text: str) -> Cand | None:
    n = int(m["ord"][:-2]) if m["ord"][0].isdigit() else ORDINALS.get(m["ord"].lower().replace(" ", "-"))
    if not n or n > 30:
        return None
    era = {"era": "BC"} if m["bc"] else {}
    return Cand(m.start(), m.end(), "century", {"century": n - 1, **era})


QUARTER_ORDS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}


def _year_of(word: str | None) -> int | None:
    if not word:
        return None
    digits = word.strip("'’")
    n = int(digits)
    return n if n > 99 else (2000 + n if n < 50 else 1900 + n)


def build_quarter(m: re.Match[str], text: str) -> Cand | None:
    """ "the third quarter (of 2024)", "third-quarter", "Q3 2024", "the first half", "the quarter"."""
    what = m["what"].lower()
    ord_word = (m["ord"] or "").lower()
    pre = (m["pre"] or "").lower()
    n = QUARTER_ORDS.get(ord_word)
    year = _year_of(m["y1"] or m["y2"])
    if what == "half" and n not in (1, 2):
        return None
    if n is None and not (pre or ord_word):
        return None  # "quarter" alone: a fourth of something
    yearrel = {"this year's": 0, "last year's": -1, "next year's": 1}.get(" ".join(pre.split()))
    rel = DIRECTIONS.get(ord_word) if n is None else None
    if ord_word in ("latest", "final", "last") and n is None:
        rel = None
    fiscal = "fiscal" in m[0].lower() or bool(_FISCAL_BEFORE.search(text, max(0, m.start() - 10), m.start()))
    return Cand(
        m.start(),
        m.end(),
        "quarter",
        {"q": n, "half": what == "half", "year": year, "yearrel": yearrel, "rel": rel, "fiscal": fiscal},
    )


_FISCAL_BEFORE = re.compile(r"\b(?:fiscal|FY)\s*$", re.IGNORECASE)


def build_qcode(m: re.Match[str], text: str) -> Cand | None:
    half = m["k"].upper() == "H"
    n = int(m["n"])
    if half and n > 2:
        return None
    return Cand(
        m.start(),
        m.end(),
        "quarter",
        {"q": n, "half": half, "year": _year_of(m["y"]), "yearrel": None, "rel": None},
    )


def build_yearago_period(m: re.Match[str], text: str) -> Cand | None:
    n = QUARTER_ORDS.get((m["ord"] or "").lower())
    return Cand(
        m.start(),
        m.end(),
        "quarter",
        {
            "q": n,
            "half": False,
            "year": None,
            "yearrel": None,
            "rel": None,
            "shift": -1,
        },
    )


def build_fiscal(m: re.Match[str], text: str) -> Cand | None:
    year = _year_of(m["y"])
    rel = DIRECTIONS.get((m["rel"] or "").lower()) if m["rel"] else None
    if year is None and not (m["the"] or m["rel"]) or year is None and "year" not in m[0].lower():
        return None
    return Cand(m.start(), m.end(), "fiscal", {"year": year, "rel": rel})


def build_clock(m: re.Match[str], text: str) -> Cand | None:
    """ "3 p.m.", "10:35 a.m. EST", "noon", "midnight", "14:30" after "at"."""
    if m.groupdict().get("w"):
        hour = {"noon": 12, "midday": 12, "midnight": 24}[m["w"].lower()]
        return Cand(m.start(), m.end(), "clock", {"hour": hour, "minute": None})
    if m.groupdict().get("gh") and prev_word(text, m.start()).lower() in NOT_A_DAY_BEFORE:
        return None  # "room 430pm"? a number
    hour = int(m["h"] or m["gh"])
    minute = int(m["mi"] or m["gmi"]) if m["mi"] or m["gmi"] else None
    ap = (m.groupdict().get("ap") or m.groupdict().get("gap") or "").lower().replace(".", "").replace(" ", "")
    if ap:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ap.startswith("p") else 0)
    elif (
        minute is None
        or hour > 23
        or minute > 59
        or prev_word(text, m.start()).lower() not in ("at", "by", "until", "from", "before", "after", "since", "till")
    ):
        return None
    return Cand(m.start(), m.end(), "clock", {"hour": hour, "minute": minute})


def build_military(m: re.Match[str], text: str) -> Cand | None:
    return Cand(m.start(), m.end(), "clock", {"hour": int(m["h"]), "minute": int(m["mi"])})


# "tmr", "yday": the informal spellings of tomorrow and yesterday, before a part of day
def build_holiday(m: re.Match[str], text: str) -> Cand | None:
    informal = holiday_key(m["h"]) in INFORMAL["holidays"]  # "xmas" in any case
    if not capitalized(m["h"]) and not m["h"].lower().startswith("the") and not informal:
        return None
    return Cand(
        m.start(),
        m.end(),
        "holiday",
        {"name": m["h"], "year": int(m["y"]) if m["y"] else None},
    )


POSSESSIVES = {
    "years",
    "valentines",
    "patricks",
    "presidents",
    "mothers",
    "fathers",
    "veterans",
}


# "D-Day", "V-E Day": one day of history each (named_days.yaml)
NAMED_DAYS: dict[str, date] = resource("named_days.yaml")


def build_named_day(m: re.Match[str], text: str) -> Cand | None:
    """ "D-Day": the day a history means by the name (resolved in narratives only)."""
    day = NAMED_DAYS[m["name"]]
    return Cand(m.start(), m.end(), "named", {"date": day})


def _holiday_re() -> str:
    """Holiday names with optional apostrophes ("New Year's", "Presidents' Day") and dots ("St.")."""
    names = []
    for key in HOLIDAYS:
        words = [re.escape(w[:-1]) + r"(?:['’]?s|s['’])" if w in POSSESSIVES else re.escape(w) for w in key.split()]
        names.append(r"\.?\s+".join(words))
    return "|".join(sorted(names, key=len, reverse=True))


def _rules() -> list[Rule]:
    season = alt(SEASONS)
    quarter_ord = alt(list(QUARTER_ORDS) + ["final", "last", "latest", "current", "past", "previous", "this", "that", "same", "next", "coming", "following"])  # fmt: skip
    tz = r"(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC|BST|CET)\b)?"
    decade = (
        rf"{B}(?:(?P<the>the)\s+)?(?:(?P<dec>1\d\d0|20\d0)['’]?s|['’](?P<dec2>\d0)['’]?s|"
        r"(?P<decword>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?!\w)"
    )
    quarter = (
        rf"{B}(?:(?P<pre>the|this\s+year['’]s|last\s+year['’]s|next\s+year['’]s)\s+)?(?:(?P<y1>1\d{{3}}|20\d\d)\s+)?"
        rf"(?:fiscal[\s-]+)?(?:(?P<ord>{quarter_ord})[\s-]+)?(?:fiscal[\s-]+)?(?P<what>quarter|half)"
        rf"(?:\s+of\s+(?:fiscal\s+)?(?P<y2>1\d{{3}}|20\d\d))?(?![\w-])"
    )
    fiscal = (
        rf"{B}(?:(?P<the>the)\s+)?(?:(?P<rel>current|latest|last|next|previous|this|past|coming)\s+)?"
        r"(?:fiscal(?:[\s-]+year)?|FY)(?:\s*['’]?(?P<y>1\d{3}|20\d\d|\d\d)(?!\d))?(?![\w-])"
    )
    clock = (  # "3 p.m.", "10:35 a.m.", and glued as posts write them: "430pm", "1130pm"
        rf"{NB}(?:(?P<h>\d{{1,2}})(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.?\s?m\b\.?)"
        rf"|(?P<gh>1[0-2]|0?[1-9])(?P<gmi>[0-5]\d)(?P<gap>[ap]m\b)|(?P<w>noon|midnight|midday)){tz}(?![\w:])"
    )
    clock24 = rf"{NB}(?P<h>[0-2]?\d):(?P<mi>[0-5]\d){tz}(?![\w:.,]\d|\w)"
    # "at 1630 EST", "1900 hours": military time, not a year
    military = rf"{NB}(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?:hours|hrs|local\s+time|(?P<tz>[ECMP][SD]T|GMT|UTC))\b"
    century = rf"{B}(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{alt(ORDINALS)})[\s-]+century(?!\w)(?:\s+{ERA})?"
    season_re = rf"{B}(?:the\s+)?(?P<s>{season})(?:\s+(?:of\s+)?(?P<y>1\d{{3}}|20\d\d)(?!\d))?(?!\w)"
    holiday = rf"{B}(?P<h>{_holiday_re()})(?:\s*,?\s*(?P<y>1\d{{3}}|20\d\d)(?!\d))?(?!\w)"
    qcode = rf"{B}(?P<k>[QH])(?P<n>[1-4])(?:\s*,?\s*(?:of\s+)?(?P<y>1\d{{3}}|20\d\d|['’]\d\d))?(?!\w)"
    yearago = rf"{B}(?:the\s+)?(?:comparable\s+)?year[\s-](?:ago|earlier)(?:\s+(?:(?P<ord>{alt(QUARTER_ORDS)})\s+)?(?:quarter|period))?(?!\w)"
    return [
        make_rule("season", season_re, build_season, "season", back=4),
        make_rule("decade", decade, build_decade, "decade", back=5),
        make_rule("century", century, build_century, "century", back=30),
        make_rule("quarter", quarter, build_quarter, "quarter", back=45),
        make_rule("qcode", qcode, build_qcode, "num12", back=1),
        make_rule("yearago_period", yearago, build_yearago_period, "unit", back=20),
        make_rule("fiscal", fiscal, build_fiscal, "fiscal", back=25),
        make_rule("clock", clock, build_clock, "num12 gluedclock clock"),
        make_rule("clock24", clock24, build_clock, "num12"),
        make_rule("military", military, build_military, "year4"),
        make_rule("holiday", holiday, build_holiday, "holiday", back=30),
        make_rule(
            "named_day",
            rf"{B}(?P<name>(?-i:{'|'.join(re.escape(k) for k in NAMED_DAYS)}))(?!\w)",
            build_named_day,
            "named",
        ),
    ]


RULES: list[Rule] = _rules()
