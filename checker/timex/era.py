"""Years of an era: "499 BC", "AD 69", "(499-493 BC)", "April 480 BC", "the 470s BC".

A BC year is stored negative (499 BC = -499) and written the TIMEX3 way (``-0499``);
it has no day interval (``datetime.date`` starts at year 1), so the rules that compare
intervals skip it. The era letters must be capitals ("bc" in a tweet is "because").
A year without its era ("499" in "499-493 BC") takes the era of the range's end.
"""

from __future__ import annotations

import re

from checker.timex.lexicon import SEASONS, alt
from checker.timex.matching import MON, NB, B, Cand, Rule, capitalized, make_rule, next_word, prev_word
from checker.timex.patterns import month_number

ERA_BC = r"(?-i:B\.C\.E\.|B\.C\.|BCE|BC)"
ERA_AD = r"(?-i:A\.D\.|AD|C\.E\.|CE)"
# the era after a year; "BC" also after a decade or a century ("the 4th century BC")
ERA = rf"(?:(?P<bc>{ERA_BC})|{ERA_AD})(?!\w)"
_CIRCA = r"(?:(?P<circa>c\.|ca\.|circa)\s*)?"


def signed(year: str, bc: bool) -> int:
    """The signed year of the text's digits (499 BC -> -499)."""
    return -int(year) if bc else int(year)


def _era(m: re.Match[str]) -> str:
    return "BC" if m["bc"] else "AD"


# Words before "69 AD" that make it a year ("3 AD" alone may be three ads, "2000 AD" a product).
AD_CONTEXT = {"in", "since", "by", "of", "from", "to", "until", "till", "around", "about", "before", "after", "c", "ca",
              "circa", "year", "between", "and", "during", "early", "late", "mid"}  # fmt: skip


def build_era_year(m: re.Match[str], text: str) -> Cand | None:
    """ "499 BC", "ca. 466 BC", "AD 69", "69 AD" (an AD year after a preposition: "3 AD" alone
    may be three ads); not "2010 BC Hydro" (British Columbia)."""
    digits = m["year"] or m["ady"]
    if int(digits) == 0:
        return None
    era = "AD" if m["ady"] else _era(m)
    if era == "AD" and prev_word(text, m.start()).lower() not in AD_CONTEXT:
        return None
    if era == "BC" and int(digits) >= 1000 and capitalized(next_word(text, m.end())):
        return None
    p: dict[str, object] = {"year": signed(digits, era == "BC"), "era": era}
    if m["circa"]:
        p["mod"] = "APPROX"
    return Cand(m.start(), m.end(), "year", p)


def build_era_range(m: re.Match[str], text: str) -> list[Cand] | None:
    """ "499-493 BC", "from 264 to 241 BC": both ends in the era the second states."""
    bc = bool(m["bc"])
    y1, y2 = int(m["y1"]), int(m["y2"])
    if not y1 or not y2 or (y1 <= y2 if bc else y1 >= y2):
        return None
    era = "BC" if bc else "AD"
    return [
        Cand(m.start("y1"), m.end("y1") if not m["era1"] else m.end("era1"), "year",
             {"year": signed(m["y1"], bc), "era": era, "range_next": True}),
        Cand(m.start("y2"), m.end(), "year", {"year": signed(m["y2"], bc), "era": era}),
    ]  # fmt: skip


def build_era_month(m: re.Match[str], text: str) -> Cand | None:
    """ "April 480 BC", "17 August 480 BC"."""
    month = month_number(m["mon"])
    if month is None or not int(m["year"]):
        return None
    p: dict[str, object] = {"year": signed(m["year"], bool(m["bc"])), "month": month, "era": _era(m)}
    if m["day"]:
        day = int(m["day"])
        if not 1 <= day <= 31:
            return None
        return Cand(m.start(), m.end(), "date", {**p, "day": day})
    return Cand(m.start(), m.end(), "month", p)


def build_era_season(m: re.Match[str], text: str) -> Cand | None:
    """ "the spring of 480 BC", "autumn 481 BC"."""
    year = signed(m["year"], bool(m["bc"]))
    return Cand(m.start(), m.end(), "season", {"season": SEASONS[m["s"].lower()], "year": year, "era": _era(m)})


def build_era_decade(m: re.Match[str], text: str) -> Cand | None:
    """ "the 470s BC": the decade -047."""
    return Cand(m.start(), m.end(), "decade", {"decade": int(m["dec"]) // 10, "era": "BC"})


def _rules() -> list[Rule]:
    year = rf"{NB}{_CIRCA}(?:(?P<year>\d{{1,4}})\s*{ERA}|(?-i:AD|A\.D\.)\s*(?P<ady>\d{{1,4}})(?![\w.,]\d|\w))"
    era1 = r"(?P<era1>(?-i:BCE|BC|B\.C\.|AD|A\.D\.|CE))"
    year_range = (
        rf"{NB}(?P<y1>\d{{1,4}})(?:\s*{era1})?\s*(?:[-–—]|\bto\b|\band\b|\buntil\b)\s*(?P<y2>\d{{1,4}})\s*{ERA}"
    )
    day = r"(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+)?"
    month = rf"{NB}{day}{MON('mon')}\s*,?\s*(?P<year>\d{{1,4}})\s*{ERA}"
    season = rf"{B}(?:the\s+)?(?P<s>{alt(SEASONS)})\s+(?:of\s+)?(?P<year>\d{{1,4}})\s*{ERA}"
    decade = rf"{B}(?:the\s+)?(?P<dec>\d{{1,3}}0)['’]?s\s*(?P<bc>{ERA_BC})(?!\w)"
    return [
        make_rule("era_range", year_range, build_era_range, "era", back=30),
        make_rule("era_month", month, build_era_month, "era", back=30),
        make_rule("era_season", season, build_era_season, "era", back=25),
        make_rule("era_decade", decade, build_era_decade, "era", back=14),
        make_rule("era_year", year, build_era_year, "era", back=12),
    ]


RULES: list[Rule] = _rules()
