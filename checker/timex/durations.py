"""Durations and offsets: "three years", "the past 18 months", "two weeks later", "5 1/2 hours",
glued as posts write them ("7months"), and their TIMEX3 values (``duration_value``). Builders
only read what the text states; rates ("per hour"), ordinals ("a second attack") and
counted abbreviations are not durations.
"""

from __future__ import annotations

import re

from checker.timex.lexicon import (
    DIRECTIONS,
    NARRATIVE_DIRECTIONS,
    NUMBERS,
    UNIT_ABBREVIATIONS,
    UNITS,
    VAGUE,
    alt,
    number_value,
)  # fmt: skip
from checker.timex.matching import Cand, next_word, prev_word
from checker.timex.register import looks_like_post

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
    plural = m["unit"].lower().endswith(("s", "ia")) and unit != "millennium" or m["unit"].lower() == "millennia"
    start = m.start()
    if m["mod"] and m["mod"].lower() == "about":  # "about five hours": TimeML leaves "about" out
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
        start = m.start("num")  # "following a year of talks": the preposition is not part of it
    if m["unit"].lower() in UNIT_ABBREVIATIONS and not _counted_abbreviation(m, text):
        return None  # "min", "sec" alone are other words; "recent SEC filing"
    if num_word is None:
        if direction is None and not plural:
            return _bare_unit(m, text, unit)
        if direction and not plural:  # "last year", "the following day": a relative date
            the = bool(m["the"])
            anchor = (
                "narrative"
                if the and direction in NARRATIVE_DIRECTIONS or direction == "next" and the
                else "narrative"  # "that year", "that same day": anaphoric, as "the following year"
                if direction in ("that", "same")
                else "dct"
            )
            if direction == "past" and unit == "decade" or unit in ("second", "minute", "hour"):
                return Cand(start, m.end(), "duration", {"num": 1, "unit": unit, "mod": _mod(m)})
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
        if unit == "quarter" and (num_word.lower() in ("a", "an") or "-" in m[0] and plural):
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
                {"value": "PAST_REF" if ago.endswith("ago") or ago == "earlier" else "FUTURE_REF"},
            )
        sign = -1 if ago in ("ago", "earlier") or ago.endswith("ago") else 1
        anchor = "dct" if "ago" in ago or "now" in ago or ago == "hence" else "narrative"
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


_RATE_BEFORE = re.compile(r"(?:\b(?:once|twice|thrice|times)|\d|\w\ws)\s+$", re.IGNORECASE)


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
