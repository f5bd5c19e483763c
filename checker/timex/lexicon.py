"""Word tables and regular-expression fragments shared by the temporal tagger.

Kept apart from the patterns so each table is written once: month, weekday, number
and unit words map to numbers, and ``alt()`` turns a table into a regex alternation
(longest first, so "September" wins over "Sep").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

import yaml


def resource(name: str) -> Any:
    """A YAML table shipped beside this module (package data): word lists stay out of the code."""
    return yaml.safe_load(resources.files("checker.timex").joinpath(name).read_text(encoding="utf-8"))


# Informal spellings ("tmr", "xmas", "7hrs"), by the kind of word they stand for.
INFORMAL: dict[str, dict[str, str]] = resource("informal.yaml")

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        "january jan",
        "february feb",
        "march mar",
        "april apr",
        "may",
        "june jun",
        "july jul",
        "august aug",
        "september sept sep",
        "october oct",
        "november nov",
        "december dec",
    ),
    start=1,
):
    for _n in _names.split():
        MONTHS[_n] = _i

WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        "monday mon",
        "tuesday tues tue",
        "wednesday wed",
        "thursday thurs thur thu",
        "friday fri",
        "saturday sat",
        "sunday sun",
    )
):
    for _n in _names.split():
        WEEKDAYS[_n] = _i

# Two-letter weekday abbreviations (calendars, German-style listings: "Mo, 7 October"), read only
# next to a day date; "We" is left out, being the pronoun far more often.
WEEKDAY_PAIRS = {"mo": 0, "tu": 1, "th": 3, "fr": 4, "sa": 5, "su": 6}
# Japanese weekdays, written after the date in parentheses: "12月29日(木)", "(木曜日)", "(木曜)".
KANJI_WEEKDAYS = {"月": 0, "火": 1, "水": 2, "木": 3, "金": 4, "土": 5, "日": 6}

_UNITS_BELOW_20 = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBERS: dict[str, int] = {w: i for i, w in enumerate(_UNITS_BELOW_20)}
for _t, _w in enumerate(_TENS, start=2):
    NUMBERS[_w] = _t * 10
    for _u in range(1, 10):
        NUMBERS[f"{_w}-{_UNITS_BELOW_20[_u]}"] = _t * 10 + _u
        NUMBERS[f"{_w} {_UNITS_BELOW_20[_u]}"] = _t * 10 + _u
NUMBERS.update(
    {
        "a": 1,
        "an": 1,
        "one hundred": 100,
        "a hundred": 100,
        "hundred": 100,
        "a dozen": 12,
        "dozen": 12,
    }
)
NUMBERS.update({"a couple of": 2, "a couple": 2, "couple of": 2, "a half": 0})

_ORD_BELOW_20 = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
ORDINALS: dict[str, int] = {w: i for i, w in enumerate(_ORD_BELOW_20) if i}
for _t, _w in enumerate(_TENS, start=2):
    ORDINALS[_w[:-1] + "ieth"] = _t * 10
    for _u in range(1, 10):
        ORDINALS[f"{_w}-{_ORD_BELOW_20[_u]}"] = _t * 10 + _u
ORDINALS["last"] = -1

# Vague quantities: the TIMEX3 value has X for the number ("several years" = PXY).
VAGUE = (
    "several",
    "a few",
    "few",
    "many",
    "some",
    "a number of",
    "numerous",
    "multiple",
    "countless",
)

# unit word -> (TIMEX3 duration designator, is a time unit (needs "T"), granularity)
UNITS: dict[str, tuple[str, bool, str]] = {
    "second": ("S", True, "second"),
    "minute": ("M", True, "minute"),
    "hour": ("H", True, "hour"),
    "day": ("D", False, "day"),
    "night": ("D", False, "day"),
    "week": ("W", False, "week"),
    "weekend": ("WE", False, "week"),
    "fortnight": ("W", False, "week"),
    "month": ("M", False, "month"),
    "quarter": ("Q", False, "quarter"),
    "year": ("Y", False, "year"),
    "decade": ("DE", False, "decade"),
    "century": ("CE", False, "century"),
    "millennium": ("ML", False, "millennium"),
}
UNIT_PLURALS = {"centuries": "century", "millennia": "millennium"}
# "hrs", "mins", "yr": units that count only after a number or a direction
UNIT_ABBREVIATIONS: dict[str, str] = INFORMAL["units"]

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}
PARTS_OF_DAY.update({k: PARTS_OF_DAY[v] for k, v in INFORMAL["parts_of_day"].items()})


def alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` as a trie ("jan(?:uary)?|ju(?:ne?|ly?)"), for speed.

    Python's regex engine tries alternatives one by one; sharing prefixes makes a
    failed position cost one character test instead of one per word. Spaces and
    hyphens inside a word match any run of spaces or hyphens. Longer words win.
    """
    trie: dict[str, dict] = {}
    for w in {str(w).lower() for w in words}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"[\s-]+" if ch in " -" else re.escape(ch)
        branches.append(piece + _trie_regex(node[ch]))
    optional = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return f"(?:{body})?"
    return body


def number_value(word: str) -> int | None:
    """A cardinal written in digits or words ("18", "eighteen", "twenty-one", "a"), else None."""
    w = " ".join(word.lower().replace("-", " ").replace("½", " 1/2").split())
    w = w.removesuffix(" 1/2")  # the half is read separately ("5 1/2 hours" = 5 hours + a half)
    if w.replace(",", "").isdigit():
        return int(w.replace(",", ""))
    return NUMBERS.get(w) if w in NUMBERS else NUMBERS.get(w.replace(" ", "-"))


# Direction words of relative expressions: -1 back, 1 ahead, 0 the current one.
DIRECTIONS = {
    "last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1,
    "next": 1, "coming": 1, "following": 1, "upcoming": 1,
    "this": 0, "current": 0, "same": 0, "that": 0, "present": 0,
}  # fmt: skip
DIRECTIONS.update({k: DIRECTIONS[v] for k, v in INFORMAL["directions"].items()})  # "nxt yr"
# With "the", these count from the narrative's reference date, not from the DCT.
NARRATIVE_DIRECTIONS = {"previous", "preceding", "following", "same", "that", "prior"}
