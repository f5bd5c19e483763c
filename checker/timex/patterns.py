"""Candidate time expressions: regular expressions over the text, compiled once at import.

Each ``Rule`` pairs a pattern with a builder that reads the match into a ``Cand``
(a kind plus the parts the text states) or rejects it (the traps: "may" the verb,
"Theresa May", "2024 workers", version numbers, scores, phone numbers). This module
holds the rules for explicit calendar dates; the shared pieces are in
``checker.timex.matching``, relative and vague expressions in ``checker.timex.relative``
and ``checker.timex.periods``; ``checker.timex.select`` chooses among the matches and
merges neighbours.
"""

from __future__ import annotations

import re

from checker.timex.lexicon import INFORMAL, MONTHS, ORDINALS, PARTS_OF_DAY, WEEKDAYS, alt
from checker.timex.matching import (
    DAY,
    FULL_MONTHS,
    MON,
    NB,
    NB_CJK,
    NE,
    ORD_WORDS,
    YEAR,
    YEAR_SEP,
    B,
    Builder,
    Cand,
    Rule,
    capitalized,
    initials,
    make_rule,
    next_word,
    prev_word,
    sentence_initial,
)

# ----------------------------------------------------------------- explicit dates


def _year(m: re.Match[str], g: str = "year") -> int | None:
    if m.group(g):
        return int(m.group(g))
    two = m.groupdict().get(g + "2")
    if two:
        n = int(two)
        return 2000 + n if n < 50 else 1900 + n
    return None


# Full month names that are no other word: also taken in lower case ("in july"), as posts write them.
LOWER_CASE_MONTHS = {m for m in FULL_MONTHS if m not in ("may", "march", "august")}


def month_number(word: str) -> int | None:
    """Month number of a capitalized month word (or a lower-case unambiguous full name);
    bare abbreviations without a dot are rejected later."""
    if capitalized(word) or word.lower() in LOWER_CASE_MONTHS:
        return MONTHS.get(word.lower().rstrip("."))
    return None


def build_mdy(m: re.Match[str], text: str) -> Cand | None:
    month = month_number(m["mon"])
    day = int(m["day"])
    if month is None or not 1 <= day <= 31:
        return None
    return Cand(m.start(), m.end(), "date", {"year": _year(m), "month": month, "day": day})


def build_dmy(m: re.Match[str], text: str) -> Cand | list[Cand] | None:
    if m["d1"] and (pair := build_dmy_range(m, text)) is not None:
        return pair
    start = m.start("day") if m["d1"] else m.start()  # "Room 6-7 January": the date alone
    month = month_number(m["mon"])
    day = int(m["day"]) if m["day"] else ORDINALS.get(m["dword"].lower().replace(" ", "-"), 0)
    if month is None or not 1 <= day <= 31:
        return None
    if m["day"] and not m["the"] and prev_word(text, start).lower() in NOT_A_DAY_BEFORE:
        return None
    return Cand(start, m.end(), "date", {"year": _year(m), "month": month, "day": day})


def build_my(m: re.Match[str], text: str) -> Cand | None:
    month = month_number(m["mon"])
    if month is None:
        return None
    return Cand(m.start(), m.end(), "month", {"year": _year(m), "month": month})


def build_iso(m: re.Match[str], text: str) -> Cand | None:
    month, day = int(m["mon"]), int(m["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    day_of = Cand(m.start(), m.end(), "date", {"year": int(m["year"]), "month": month, "day": day})
    if m["hh"]:  # a clock time on its own day, resolved like "10 a.m. on March 4, 2025"
        return Cand(m.start(), m.end(), "clock", {"hour": int(m["hh"]), "minute": int(m["mi"]), "day_of": day_of})
    return day_of


def numeric_reading(a: int, b: int, order: str) -> tuple[int, int] | None:
    """(month, day) of "a/b": the configured order first; the other only when the first cannot be a date."""
    readings = [(a, b), (b, a)] if order == "us" else [(b, a), (a, b)]
    for month, day in readings:
        if 1 <= month <= 12 and 1 <= day <= 31:
            return month, day
    return None


def numeric_parts(m: re.Match[str], order: str) -> dict[str, object] | None:
    """Month and day of a numeric date, and ``swap`` when the other order is a date too
    ("04/07": 7 April or 4 July; the tagger drops the mark when the date order is stated)."""
    a, b = int(m["a"]), int(m["b"])
    reading = numeric_reading(a, b, order)
    if reading is None:
        return None
    parts: dict[str, object] = {"month": reading[0], "day": reading[1]}
    if a != b and a <= 12 and b <= 12:
        parts["swap"] = True
    return parts


def make_numeric_builder(order: str) -> Builder:
    def build_numeric(m: re.Match[str], text: str) -> Cand | None:
        if len(m["year"]) == 2 and m["sep"] != "/":
            return None
        if prev_word(text, m.start()).lower() in NOT_A_DAY_BEFORE:
            return None
        parts = numeric_parts(m, order)
        if parts is None:
            return None
        y = int(m["year"])
        year = y if y > 99 else (2000 + y if y < 50 else 1900 + y)
        return Cand(m.start(), m.end(), "date", {"year": year, **parts})

    return build_numeric


def make_month_day_builder(order: str) -> Builder:
    """ "10/31", "4/23": a yearless numeric date, kept only beside a weekday ("Monday, 31/10",
    "4/23(Fri)"); alone it is as likely a fraction, a score or a ratio."""

    def build_month_day(m: re.Match[str], text: str) -> Cand | None:
        if prev_word(text, m.start()).lower() in NOT_A_DAY_BEFORE:
            return None
        parts = numeric_parts(m, order)
        if parts is None:
            return None
        return Cand(m.start(), m.end(), "date", {"year": None, **parts, "with_weekday": True})

    return build_month_day


def build_kanji_date(m: re.Match[str], text: str) -> Cand | None:
    """ "2016年12月29日", "4月23日": a Japanese date (year, month and day kanji)."""
    month, day = int(m["mon"]), int(m["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = int(m["year"]) if m["year"] else None
    return Cand(m.start(), m.end(), "date", {"year": year, "month": month, "day": day})


def build_kanji_month(m: re.Match[str], text: str) -> Cand | None:
    """ "2016年12月": a Japanese month of a year."""
    month = int(m["mon"])
    return Cand(m.start(), m.end(), "month", {"year": int(m["year"]), "month": month}) if 1 <= month <= 12 else None


def build_kanji_year(m: re.Match[str], text: str) -> Cand | None:
    """ "2016年": a Japanese year."""
    return Cand(m.start(), m.end(), "year", {"year": int(m["year"])})


def build_long_year(m: re.Match[str], text: str) -> Cand | None:
    """ "May 20014": a month with a five-digit year, a typo for a year one digit shorter."""
    word = m["mon"]
    month = month_number(word)
    if month is None or len(word) <= 3 and word.lower() != "may":
        return None  # "Jan" without its dot is no month
    return Cand(m.start(), m.end(), "month", {"year": int(m["year"]), "month": month})


# Words before a number that make it an identifier, an amount or a count, not a date.
NOT_A_DAY_BEFORE = {
    "no",
    "number",
    "version",
    "v",
    "page",
    "pp",
    "p",
    "room",
    "flight",
    "route",
    "tel",
    "phone",
}
NOT_A_YEAR_BEFORE = NOT_A_DAY_BEFORE | {
    "model", "article", "section", "chapter", "rule", "resolution", "law", "code", "iso", "rfc",
    "windows", "office", "boeing", "airbus", "top", "about", "nearly", "almost", "over", "under",
    "than", "some", "approximately", "around", "exactly", "only", "just", "ranked", "scored", "dow", "index",
}  # fmt: skip
YEAR_CONTEXT_BEFORE = {
    "in", "since", "by", "until", "till", "of", "from", "to", "through", "thru", "during", "before",
    "after", "early", "late", "mid", "between", "and", "or", "fiscal", "year", "circa", "c", "ca",
    "around", "summer", "winter", "spring", "autumn", "fall", "for", "at", "on", "born", "died", "as",
    "with", "this", "that", "than", "end", "beginning", "start", "middle", "half", "quarter",
}  # fmt: skip
# "the 1992 protests", "its 2024 budget": a determiner makes the number a modifier (a year), not a count.
DETERMINERS = {
    "the",
    "his",
    "her",
    "their",
    "its",
    "our",
    "your",
    "my",
    "this",
    "that",
    "a",
    "an",
}
_AFTER_YEAR_OK = re.compile(r"\s*(?:[.,;:)\]!?\"”'’–—]|$|\n|-\s)")
# "at 1330 local time", "close at 1300, pacific daylight time": a 24-hour clock, not a year.
_CLOCK_AFTER = re.compile(
    r"[\s,]*(?:local|gmt|utc|[ecmp][sd]t|hours|hrs|h\b|pacific|eastern|central|mountain|\(\d{4}\s*gmt)",
    re.IGNORECASE,
)


# "(2053 Wednesday night, UTC)": a 24-hour clock before its day and time zone.
_CLOCK_DAY_AFTER = re.compile(
    rf"\s+(?:{alt(WEEKDAYS)})\.?(?:\s+(?:{alt(PARTS_OF_DAY)}))?\s*,?\s*(?:utc|gmt|[ecmp][sd]t|local\s+time)\b",
    re.IGNORECASE,
)


def build_year(m: re.Match[str], text: str) -> Cand | None:
    year = int(m["year"])
    if year > 2100:
        return None
    before = prev_word(text, m.start()).lower()
    clock = year % 100 < 60 and year // 100 < 24
    if clock and (
        before in ("at", "by", "until", "from")
        and _CLOCK_AFTER.match(text, m.end())
        or _CLOCK_DAY_AFTER.match(text, m.end())
    ):
        return None
    if year < 1500 and before not in YEAR_CONTEXT_BEFORE:
        return None  # "the current 1300": an early year needs a preposition to be one
    if before in NOT_A_YEAR_BEFORE and before not in YEAR_CONTEXT_BEFORE:
        return None
    if re.search(r"\d[\s-]$", text[max(0, m.start() - 2) : m.start()]):
        return None  # "555 2024", "12-2024": part of a longer number
    context = before in YEAR_CONTEXT_BEFORE or before in DETERMINERS or bool(_AFTER_YEAR_OK.match(text, m.end()))
    if not context:
        after = next_word(text, m.end())
        # "2024 workers", "1999 units": a count of things, not a year.
        if year < 1800 or (after.islower() and after.endswith("s") and not after.endswith("ss")):
            return None
        if after[:1].isdigit():
            return None
    elif year < 1000:
        return None
    return Cand(m.start(), m.end(), "year", {"year": year})


# Month words that are also common verbs, modals or names need a temporal cue.
AMBIGUOUS_MONTHS = {"may", "march", "august", "jan", "mar", "sat"}
MONTH_CONTEXT_BEFORE = {
    "in", "since", "by", "until", "till", "of", "from", "to", "through", "thru", "during", "before",
    "after", "early", "late", "mid", "last", "next", "this", "that", "between", "each", "every", "and",
    "or", "on", "for", "past", "coming", "following", "previous", "end", "beginning", "start",
    "middle", "late-", "mid-", "early-",
}  # fmt: skip


# Context words that count for an ambiguous month only after another month ("April and May").
LIST_WORDS = {
    "and",
    "or",
    "to",
    "through",
    "thru",
    "until",
    "till",
    "that",
    "on",
    "for",
}


def build_month(m: re.Match[str], text: str) -> Cand | None:
    word = m["mon"]
    month = month_number(word)
    if month is None or (not word.endswith(".") and len(word) <= 3 and word.lower() != "may"):
        return None
    before = prev_word(text, m.start())
    ambiguous = word.lower().rstrip(".") in AMBIGUOUS_MONTHS
    if before.lower() in MONTH_CONTEXT_BEFORE and not (ambiguous and before.lower() in LIST_WORDS):
        return Cand(m.start(), m.end(), "month", {"month": month})
    if ambiguous:
        # "April and May" is a month; "prices rose, and May rose again" is not
        if before.lower() in LIST_WORDS and month_number(prev_word(text, m.start() - len(before) - 1) or "x"):
            return Cand(m.start(), m.end(), "month", {"month": month})
        return None
    after = next_word(text, m.end())
    if capitalized(after) or (capitalized(before) and not sentence_initial(text, m.start())):
        return None  # "June Carter", "Prime Minister April": a name
    return Cand(m.start(), m.end(), "month", {"month": month})


# Words after which an abbreviated weekday stands alone ("on Fri", "this sat", "every mon").
WEEKDAY_CUES = {"on", "this", "next", "nxt", "last", "every", "each", "by", "till", "til", "until", "from", "since",
                "before", "after", "coming", "or", "and"}  # fmt: skip


def abbreviated_weekday_alone(text: str, start: int, end: int) -> bool:
    """ "on Fri", "this sat": an abbreviation is a weekday after a cue word, never after "the"
    ("the Sun") nor before a name ("on Sun Microsystems"); "Fri said" is a name."""
    before = prev_word(text, start).lower()
    if before not in WEEKDAY_CUES or prev_word(text, start - len(before) - 1).lower() == "the":
        return False
    if before in ("or", "and"):  # "Fri or Sat": only after another weekday
        return prev_word(text, start - len(before) - 1).lower().rstrip(".") in WEEKDAYS
    return not capitalized(next_word(text, end))


def build_weekday(m: re.Match[str], text: str) -> Cand | None:
    word = m["wd"]
    abbreviated = not word.lower().endswith("day")
    if abbreviated and abbreviated_weekday_alone(text, m.start(), m.end("wd")):
        return Cand(m.start(), m.end("dot") if m["dot"] else m.end("wd"), "weekday",
                    {"weekday": WEEKDAYS[word.lower()], "abbr": False})  # fmt: skip
    if abbreviated and not (m["dot"] and capitalized(word)):
        return None
    if m["pod"] and not abbreviated:
        return Cand(
            m.start(),
            m.end(),
            "weekday",
            {"weekday": WEEKDAYS[word.lower()], "pod": PARTS_OF_DAY[m["pod"].lower()]},
        )
    end = m.end("dot") if abbreviated else m.end("wd")
    return Cand(
        m.start(),
        end,
        "weekday",
        {"weekday": WEEKDAYS[word.lower()], "abbr": abbreviated},
    )


RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}
RELATIVE_DAY_ALIASES: dict[str, str] = INFORMAL["relative_days"]  # "tmr", "tdy", "tonite"


def build_relday(m: re.Match[str], text: str) -> Cand | None:
    word = m["rel"].lower()
    word = RELATIVE_DAY_ALIASES.get(word, word)
    offset = RELATIVE_DAYS[word]
    if m["before"]:
        offset -= 1
    elif m["after"]:
        offset += 1
    return Cand(m.start(), m.end(), "relday", {"offset": offset, "night": word == "tonight"})


def build_year_range(m: re.Match[str], text: str) -> list[Cand] | None:
    """ "2009-2017", "1990-91", "2023/24": two linked years.

    Two full years joined by a hyphen or dash the wrong way round ("1920-1919") are still a
    range, one that ends before it starts (``chronology/order`` reports it); with a slash
    or a two-digit end they are left alone ("2020/2019" may be a choice, "1999-00" a wrap)."""
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    reversed_range = len(m["y2"]) == 4 and y1 - 100 <= y2 < y1 and "/" not in text[m.end("y1") : m.start("y2")]
    if not (y1 < y2 <= y1 + 100 or reversed_range) or prev_word(text, m.start()).lower() in NOT_A_DAY_BEFORE:
        return None
    return [
        Cand(m.start("y1"), m.end("y1"), "year", {"year": y1, "range_next": True}),
        Cand(m.start("y2"), m.end("y2"), "year", {"year": y2}),
    ]


def build_day_range(m: re.Match[str], text: str) -> list[Cand] | None:
    """ "June 1-5, 2024": two linked days sharing the month and year. Reversed ("January 10 – 1,
    2016") it is still a range, one that ends before it starts; a comma after the month
    ("January, 10 – 1, 2016") only with the year written, as for a reversed one, which needs
    a dash or "to" too ("March 10 and 5 others" is no range)."""
    month = month_number(m["mon"])
    d1, d2 = int(m["d1"]), int(m["d2"])
    if month is None or not (1 <= d1 <= 31 and 1 <= d2 <= 31) or d1 == d2:
        return None
    if (m["comma"] or d1 > d2) and not m["year"] or d1 > d2 and not m["dash"]:
        return None
    year = _year(m)
    return [
        Cand(
            m.start(),
            m.end("d1"),
            "date",
            {"year": year, "month": month, "day": d1, "range_next": True},
        ),
        Cand(m.start("d2"), m.end(), "date", {"year": year, "month": month, "day": d2}),
    ]


def build_dmy_range(m: re.Match[str], text: str) -> list[Cand] | None:
    """ "6-7 January 1916", "from 3 to 5 October": two linked days; the first, a bare number,
    takes the month and year written after the second."""
    month = month_number(m["mon"])
    d1, d2 = int(m["d1"]), int(m["day"])
    if month is None or not 1 <= d1 < d2 <= 31 or prev_word(text, m.start()).lower() in NOT_A_DAY_BEFORE:
        return None
    year = _year(m)
    return [
        Cand(m.start("d1"), m.end("d1"), "date",
             {"year": year, "month": month, "day": d1, "range_next": True, "year_implied": True}),
        Cand(m.start("day"), m.end(), "date", {"year": year, "month": month, "day": d2}),
    ]  # fmt: skip


def _rules(order: str) -> list[Rule]:
    year_range = rf"{NB}(?P<y1>1\d{{3}}|20\d\d)\s*[-–—/]\s*(?P<y2>1\d{{3}}|20\d\d|\d\d)(?![\w%]|[.,/-]\d)"
    day_range = (
        rf"{B}{MON('mon')}(?P<comma>\s*,)?\s*{DAY('d1')}\s*(?:(?P<dash>[-–—]|to|through)|and|or)\s*{DAY('d2')}(?!\s+{MON('m2')}|\s*[$%])"
        rf"(?:{YEAR_SEP}{YEAR('year')})?(?![\w]|[.,]\d)"
    )
    mdy = rf"{B}{MON('mon')}\s*(?:the\s+)?{DAY('day')}(?:{YEAR_SEP}{YEAR('year')})?(?![\w]|[.,]\d)"
    dmy = (  # with a range's first day before it: "6-7 January 1916", "from 3 to 5 October"
        rf"{B}(?:(?P<the>the)\s+)?(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:[-–—]|to|and)\s*(?=\d))?"
        rf"(?:{DAY('day')}|(?P<dword>{ORD_WORDS}))\s+(?:of\s+)?{MON('mon')}"
        rf"(?:{YEAR_SEP}{YEAR('year')})?(?![\w]|[.,]\d)"
    )
    my = rf"{B}{MON('mon')}\s*,?\s*(?:of\s+)?{YEAR('year')}(?![\w]|[.,]\d)"
    iso = (
        rf"{NB_CJK}(?P<year>\d{{4}})(?P<sep>[-/.])(?P<mon>\d{{1,2}})(?P=sep)(?P<day>\d{{1,2}})"
        rf"(?:T(?P<hh>\d\d):(?P<mi>\d\d)(?::\d\d(?:\.\d+)?)?Z?)?(?![\w]|[.,/:-]\d)"
    )
    numeric = rf"{NB_CJK}(?P<a>\d{{1,2}})(?P<sep>[-/.])(?P<b>\d{{1,2}})(?P=sep)(?P<year>\d{{4}}|\d\d)(?![\w]|[.,/:-]\d)"
    month_day = rf"{NB_CJK}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?![\w/]|[.,:-]\d)"
    kanji_year = r"(?<!\d)(?P<year>\d{4})\s*年"
    kanji_date = rf"(?:{kanji_year}\s*)?(?<!\d)(?P<mon>\d{{1,2}})\s*月\s*(?P<day>\d{{1,2}})\s*日"
    kanji_month = rf"{kanji_year}\s*(?P<mon>\d{{1,2}})\s*月(?!\s*\d)"
    long_year = rf"{B}{MON('mon')}\s*,?\s*(?P<year>(?:1\d|20)\d{{3}})(?!\d)"
    year = rf"(?:(?<=mid-)|{NB})(?P<year>\d{{4}}){NE}"  # "1990's" is longer as a decade
    rel_words = alt([*RELATIVE_DAYS, *RELATIVE_DAY_ALIASES])
    relday = rf"{B}(?:the\s+day\s+(?:(?P<before>before)|(?P<after>after))\s+)?(?P<rel>{rel_words})(?!\w)"
    weekday = rf"{B}(?P<wd>{alt(WEEKDAYS)})(?P<dot>\.)?(?!\w)(?:\s+(?P<pod>{alt(PARTS_OF_DAY)})(?!\w))?"
    months = initials(MONTHS)
    return [  # ranges first: on equal spans they win over the single dates they contain
        make_rule("year_range", year_range, build_year_range, "year4"),
        make_rule("day_range", day_range, build_day_range, "month", lead=months),
        make_rule("mdy", mdy, build_mdy, "month", lead=months),
        make_rule("dmy", dmy, build_dmy, "month", back=30),
        make_rule("my", my, build_my, "month", lead=months),
        make_rule("iso", iso, build_iso, "year4"),
        make_rule("numeric", numeric, make_numeric_builder(order), "num12"),
        make_rule("month_day", month_day, make_month_day_builder(order), "num12"),
        make_rule("kanji_date", kanji_date, build_kanji_date, "kanji", lead="0-9０-９"),
        make_rule("kanji_month", kanji_month, build_kanji_month, "kanji", lead="0-9０-９"),
        make_rule("kanji_year", kanji_year, build_kanji_year, "kanji", lead="0-9０-９"),
        make_rule("long_year", long_year, build_long_year, "month", lead=months),
        make_rule("year", year, build_year, "year4"),
        make_rule("month", rf"{B}{MON('mon')}", build_month, "month", lead=months),
        make_rule("relday", relday, build_relday, "relday", back=20),
        make_rule("weekday", weekday, build_weekday, "weekday", lead=initials(WEEKDAYS)),
    ]


EXPLICIT_RULES: dict[str, list[Rule]] = {order: _rules(order) for order in ("us", "international")}
