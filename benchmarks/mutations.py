"""Mutation (fault-injection) benchmark: recall per rule and per syntactic frame, on real articles.

Every document of ../shared/data/news and ../shared/data/bio (read at run time, never copied)
is a host. Faults are of two kinds:

- **edits** of real sentences found by regular expressions and hand checks (a weekday next
  to a real date made wrong, the year of a real past-tense sentence moved after publication,
  a real birth date repeated later with another year, a real life span reversed...);
- **insertions** of short sentences built from templates in many phrasings (fronted,
  participial, relative, passive, appositive, coordinated, dates far from their verb, a
  dateline first, full names and bare surnames, non-US offices, a paragraph between two
  statements), at a place and under a publication date that make them wrong.

The candidate finder uses regexes, ``datetime`` and hand-written checks only: nothing from
``checker`` is imported, so a parse error of the checker shows up as a miss. Every weekday,
age and duration is computed with ``datetime``; a fault is kept only when it is an error a
careful editor would agree on (year-level arithmetic keeps a margin of two years; exact dates
are used where one day matters).

Each fault records its rule, frame, source document and anchor spans (the wrong date, age or
title, and for two-statement faults the partner statement's date). The mutated documents are
written as ``.txt`` files with YAML front matter ``date: YYYY-MM-DD`` into one folder and
checked by one ``chronolint check FOLDER --format json --no-cache --jobs 1``. A fault is found
when a finding of its rule overlaps one of its anchors, directly or through a ``related``
span, not counting findings the clean original already had. The clean originals are checked
the same way (one more run) and their warning-or-error findings are reported per 10k words
and listed.

Bios: GUM's ``dateCreated`` is the page's creation, but the text is a later revision (a 2016
death in a page created in 2004), so the bios are read as of 2019-12-31, after their latest
date.

    python benchmarks/mutations.py [--rule RULE] [--limit N] [--verbose] [--no-clean] [--seed S]
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import gum, news  # noqa: E402

RULES = (
    "calendar/invalid-date",
    "calendar/weekday-mismatch",
    "chronology/anachronism",
    "chronology/stale-future",
    "chronology/conflicting-dates",
    "chronology/order",
    "arithmetic/duration",
    "arithmetic/age",
    "facts/contradiction",
    "facts/title-anachronism",
)
SCORED = ("warning", "error")
BIO_AS_OF = date(2019, 12, 31)

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = (
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
    "twenty",
)
ORDINALS = {
    1: "first",
    2: "second",
    3: "third",
    4: "fourth",
    5: "fifth",
    10: "10th",
    15: "15th",
    20: "20th",
    25: "25th",
    30: "30th",
    40: "40th",
    50: "50th",
    60: "60th",
    75: "75th",
    100: "100th",
}

# ----------------------------------------------------------------- documents


@dataclass(frozen=True)
class Doc:
    name: str
    text: str
    published: date
    kind: str  # news or bio

    @property
    def body_start(self) -> int:
        """Offset after the title line (the first blank line), where insertions may go."""
        i = self.text.find("\n\n")
        return i + 2 if 0 <= i < 300 else 0


def load_docs() -> list[Doc]:
    docs = [Doc(a.name, a.text, a.dct, "news") for a in news() if a.dct is not None]
    docs += [Doc(d.name, d.text, BIO_AS_OF, "bio") for d in gum("bio")]
    return docs


_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Corp|Co|Ltd|Gen|Gov|Sen|Rep|Lt|Col|No|vs|"
    r"Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|U\.S|U\.N|U\.K|E\.U)|\b[A-Z])\.$"
)
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'\u201d\u2019]?(?=\s+[\"\u201c(]?[A-Z])")


def boundaries(doc: Doc) -> list[int]:
    """Offsets just after the end of a sentence in the body (regex and an abbreviation check)."""
    out = []
    for m in _BOUNDARY.finditer(doc.text, doc.body_start):
        head = doc.text[max(0, m.start() - 8) : m.start()]
        if _ABBREV.search(head.rstrip("\"'\u201d\u2019")):
            continue
        out.append(m.end())
    return out


def is_prose(doc: Doc) -> bool:
    words = doc.text[doc.body_start :].split()
    if len(words) < 80:
        return False
    alpha = sum(1 for w in words if re.fullmatch(r"[A-Za-z][A-Za-z'’.,;:-]*", w))
    return alpha / len(words) > 0.75 and len(boundaries(doc)) >= 5


# ----------------------------------------------------------------- faults


@dataclass
class Fault:
    rule: str
    frame: str
    kind: str  # edit or insert
    doc: Doc
    text: str
    anchors: list[tuple[int, int]]
    snippet: str = ""
    key: str = ""
    found: bool = False
    hits: list[dict] = field(default_factory=list)


def mark(template: str) -> tuple[str, list[tuple[int, int]]]:
    """Strip [[...]] markers; return the text and the marked spans (anchors)."""
    out, spans, pos = [], [], 0
    for m in re.finditer(r"\[\[(.*?)\]\]", template):
        out.append(template[pos : m.start()])
        start = sum(len(p) for p in out)
        out.append(m[1])
        spans.append((start, start + len(m[1])))
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), spans


def insert(
    doc: Doc,
    rng: random.Random,
    first: str,
    second: str | None = None,
    gap: str = "adjacent",
    own_paragraph: bool | None = None,
) -> tuple[str, list[tuple[int, int]], str]:
    """Insert one marked sentence (or two) at sentence boundaries of the body.

    gap: "adjacent" puts the second right after the first; "paragraph" puts each in its own
    paragraph with at least two real sentences (a paragraph of the article) between them;
    "apart" puts the second several sentences later in the same flow.
    """
    cuts = boundaries(doc)
    text = doc.text
    a_text, a_spans = mark(first)
    if second is None:
        at = rng.choice(cuts[: max(1, len(cuts) - 1)])
        para = rng.random() < 0.5 if own_paragraph is None else own_paragraph
        return _splice(text, [(at, a_text, a_spans, para)], a_text)
    b_text, b_spans = mark(second)
    if gap == "adjacent":
        at = rng.choice(cuts[: max(1, len(cuts) - 1)])
        joined, spans = mark(first + " " + second)
        return _splice(text, [(at, joined, spans, bool(own_paragraph))], joined)
    lo = 2 if gap == "paragraph" else 3
    if len(cuts) < lo + 2:
        raise LookupError("document too short")
    i = rng.randrange(0, len(cuts) - lo - 1)
    j = rng.randrange(i + lo, min(len(cuts), i + lo + 6))
    para = gap == "paragraph"
    return _splice(
        text, [(cuts[i], a_text, a_spans, para), (cuts[j], b_text, b_spans, para)], a_text + " ... " + b_text
    )


def _splice(
    text: str, parts: list[tuple[int, str, list[tuple[int, int]], bool]], snippet: str
) -> tuple[str, list[tuple[int, int]], str]:
    out, anchors, pos, shift = [], [], 0, 0
    for at, sentence, spans, para in sorted(parts, key=lambda p: p[0]):
        out.append(text[pos:at])
        shift = sum(len(p) for p in out)
        if para:
            lead, tail = "\n\n", "\n\n"
            rest_ws = len(text[at:]) - len(text[at:].lstrip())
            pos = at + rest_ws
        else:
            lead, tail = " ", ""
            pos = at
        out.append(lead + sentence + tail)
        anchors += [(shift + len(lead) + s, shift + len(lead) + e) for s, e in spans]
    out.append(text[pos:])
    return "".join(out), anchors, snippet


def replace(
    text: str, start: int, end: int, new: str, extra: list[tuple[int, int]] = ()
) -> tuple[str, list[tuple[int, int]]]:
    """Replace text[start:end] by new; anchors: the new span plus extra spans (shifted if after)."""
    delta = len(new) - (end - start)
    spans = [(start, start + len(new))]
    for s, e in extra:
        spans.append((s + delta, e + delta) if s >= end else (s, e))
    return text[:start] + new + text[end:], spans


# ----------------------------------------------------------------- dates and words


def mdy(d: date, year: bool = True) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}" + (f", {d.year}" if year else "")


def dmy(d: date, year: bool = True) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if year else "")


def ap(d: date, year: bool = True) -> str:
    return f"{AP_MONTHS[d.month - 1]} {d.day}" + (f", {d.year}" if year else "")


def spell(rng: random.Random, d: date, year: bool = True) -> str:
    """A date in one of the ways news and encyclopedias write it."""
    return rng.choice((mdy, dmy, ap, mdy))(d, year)


def month_year(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}"


def count_word(n: int, rng: random.Random, cap: bool = False) -> str:
    words = n < len(NUMBER_WORDS) and (cap or rng.random() < 0.7)  # no sentence opens with digits
    w = NUMBER_WORDS[n] if words else str(n)
    return w.capitalize() if cap else w


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def plural(n: int, unit: str, rng: random.Random, cap: bool = False) -> str:
    return f"{count_word(n, rng, cap)} {unit}{'' if n == 1 else 's'}"


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def months_between(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def rand_day(rng: random.Random, year: int) -> date:
    return date(year, rng.randint(1, 12), rng.randint(1, 28))


# invented people and places: varied origins, so no phrasing is tuned to one culture
FIRST = (
    ("Ingrid", "she"),
    ("Tomasz", "he"),
    ("Kwame", "he"),
    ("Priya", "she"),
    ("Luis", "he"),
    ("Aiko", "she"),
    ("Henrik", "he"),
    ("Fatima", "she"),
    ("Owen", "he"),
    ("Marta", "she"),
    ("Pieter", "he"),
    ("Helen", "she"),
    ("Rafael", "he"),
    ("Grace", "she"),
    ("Dmitri", "he"),
    ("Sofia", "she"),
    ("Arjun", "he"),
    ("Claire", "she"),
    ("Bernard", "he"),
    ("Nadia", "she"),
)
LAST = (
    "Solberg",
    "Adamczyk",
    "Mensah",
    "Raman",
    "Ortega",
    "Tanaka",
    "Dahl",
    "Haddad",
    "Gallagher",
    "Novak",
    "de Vries",
    "Okafor",
    "Mendes",
    "Whitfield",
    "Volkov",
    "Lindqvist",
    "Mehta",
    "Dubois",
    "Kowalski",
    "Brennan",
    "Achterberg",
    "Nakamura",
    "Quiroga",
    "Ferreira",
    "Halvorsen",
    "Petrakis",
)
PEOPLE = tuple((f"{f} {s}", s, g) for f, g in FIRST for s in LAST)  # (full name, surname, pronoun)
PLACE_WORDS = (
    "Harbourview",
    "Norland",
    "Castleford",
    "Pinecrest",
    "Kessler",
    "Midvale",
    "Alder",
    "Tamsin",
    "Riverside",
    "Lakeland",
    "Brightwater",
    "Oakhurst",
    "Fenwick",
    "Silverton",
    "Ashgrove",
    "Marlow",
    "Eastgate",
    "Port Clement",
    "Hollins",
    "Northfield",
    "Vesta",
    "Brennan",
)
ORG_KINDS = (
    ("the {} Trust", "the trust"),
    ("{} Mining", "the company"),
    ("the {} Orchestra", "the orchestra"),
    ("{} Hospital", "the hospital"),
    ("the {} Foundation", "the foundation"),
    ("the {} Research Institute", "the institute"),
    ("the {} Press", "the publisher"),
    ("the {} Credit Union", "the credit union"),
    ("{} Ferry Lines", "the ferry operator"),
    ("the {} Historical Society", "the society"),
)
ORGS = tuple((k.format(w), d) for w in PLACE_WORDS for k, d in ORG_KINDS)  # (name, definite description)
FAC_KINDS = (
    "plant",
    "steelworks",
    "library",
    "terminal",
    "bridge",
    "stadium",
    "gallery",
    "clinic",
    "refinery",
    "school",
)
FACILITIES = tuple((f"the {w} {k}", f"the {k}") for w in PLACE_WORDS for k in FAC_KINDS)  # (name, noun)
CITIES = (
    "Lyon",
    "Gdansk",
    "Porto",
    "Accra",
    "Osaka",
    "Tampere",
    "Leeds",
    "Cordoba",
    "Brno",
    "Perth",
    "Halifax",
    "Graz",
    "Pune",
    "Valparaiso",
)
ROLES = (
    "director",
    "chief executive",
    "mayor",
    "chair",
    "editor-in-chief",
    "principal",
    "general manager",
    "head coach",
    "ombudsman",
    "president of the board",
)
ACTIONS = (  # (past, base, passive subject, passive participle)
    ("approved the budget", "approve the budget", "The budget", "approved"),
    ("signed the contract", "sign the contract", "The contract", "signed"),
    ("published its findings", "publish its findings", "The findings", "published"),
    ("announced the merger", "announce the merger", "The merger", "announced"),
    ("lifted the curfew", "lift the curfew", "The curfew", "lifted"),
    ("ratified the agreement", "ratify the agreement", "The agreement", "ratified"),
    ("opened an inquiry", "open an inquiry", "An inquiry", "opened"),
    ("raised its key rate", "raise its key rate", "The key rate", "raised"),
    ("sold the unit", "sell the unit", "The unit", "sold"),
    ("cancelled the tender", "cancel the tender", "The tender", "cancelled"),
)
SUBJECTS = (
    "The city council",
    "The central bank",
    "The board",
    "The ministry",
    "The union",
    "The court",
    "The committee",
    "Parliament",
    "The agency",
    "The company",
    "Regional officials",
    "The regulator",
)
LONG_CLAUSES = (
    "after months of negotiations with creditors and a bruising fight in the regional assembly",
    "following a string of delays blamed on the weather, the unions and a shortage of steel",
    "once the last of the permits had been cleared and the contractors had surveyed the site",
    "despite objections from residents, two court challenges and a change of government",
)


# ----------------------------------------------------------------- knowledge (checked by hand)

D = date
# name, surname, [(title, office phrase, start, end)], born, died. Bare surnames that are also
# common words or other people's names (May, Major, Brown, Clinton, Bush, Howard) are not used.
LEADERS = (
    (
        "Margaret Thatcher",
        "Thatcher",
        [("Prime Minister", "Britain's prime minister", D(1979, 5, 4), D(1990, 11, 28))],
        D(1925, 10, 13),
        D(2013, 4, 8),
    ),
    (
        "John Major",
        None,
        [("Prime Minister", "Britain's prime minister", D(1990, 11, 28), D(1997, 5, 2))],
        D(1943, 3, 29),
        None,
    ),
    (
        "Tony Blair",
        "Blair",
        [("Prime Minister", "Britain's prime minister", D(1997, 5, 2), D(2007, 6, 27))],
        D(1953, 5, 6),
        None,
    ),
    (
        "Gordon Brown",
        None,
        [("Prime Minister", "Britain's prime minister", D(2007, 6, 27), D(2010, 5, 11))],
        D(1951, 2, 20),
        None,
    ),
    (
        "David Cameron",
        "Cameron",
        [("Prime Minister", "Britain's prime minister", D(2010, 5, 11), D(2016, 7, 13))],
        D(1966, 10, 9),
        None,
    ),
    (
        "Theresa May",
        None,
        [("Prime Minister", "Britain's prime minister", D(2016, 7, 13), D(2019, 7, 24))],
        D(1956, 10, 1),
        None,
    ),
    (
        "Boris Johnson",
        "Johnson",
        [("Prime Minister", "Britain's prime minister", D(2019, 7, 24), D(2022, 9, 6))],
        D(1964, 6, 19),
        None,
    ),
    (
        "Helmut Schmidt",
        "Schmidt",
        [("Chancellor", "West Germany's chancellor", D(1974, 5, 16), D(1982, 10, 1))],
        D(1918, 12, 23),
        D(2015, 11, 10),
    ),
    (
        "Helmut Kohl",
        "Kohl",
        [("Chancellor", "the German chancellor", D(1982, 10, 1), D(1998, 10, 27))],
        D(1930, 4, 3),
        D(2017, 6, 16),
    ),
    (
        "Gerhard Schroeder",
        "Schroeder",
        [("Chancellor", "the German chancellor", D(1998, 10, 27), D(2005, 11, 22))],
        D(1944, 4, 7),
        None,
    ),
    (
        "Angela Merkel",
        "Merkel",
        [("Chancellor", "the German chancellor", D(2005, 11, 22), D(2021, 12, 8))],
        D(1954, 7, 17),
        None,
    ),
    (
        "Olaf Scholz",
        "Scholz",
        [("Chancellor", "the German chancellor", D(2021, 12, 8), D(2025, 5, 6))],
        D(1958, 6, 14),
        None,
    ),
    (
        "Francois Mitterrand",
        "Mitterrand",
        [("President", "the French president", D(1981, 5, 21), D(1995, 5, 17))],
        D(1916, 10, 26),
        D(1996, 1, 8),
    ),
    (
        "Jacques Chirac",
        "Chirac",
        [
            ("Prime Minister", "France's prime minister", D(1986, 3, 20), D(1988, 5, 10)),
            ("President", "the French president", D(1995, 5, 17), D(2007, 5, 16)),
        ],
        D(1932, 11, 29),
        D(2019, 9, 26),
    ),
    (
        "Nicolas Sarkozy",
        "Sarkozy",
        [("President", "the French president", D(2007, 5, 16), D(2012, 5, 15))],
        D(1955, 1, 28),
        None,
    ),
    (
        "Francois Hollande",
        "Hollande",
        [("President", "the French president", D(2012, 5, 15), D(2017, 5, 14))],
        D(1954, 8, 12),
        None,
    ),
    ("Emmanuel Macron", "Macron", [("President", "the French president", D(2017, 5, 14), None)], D(1977, 12, 21), None),
    (
        "Ronald Reagan",
        "Reagan",
        [("President", "the U.S. president", D(1981, 1, 20), D(1989, 1, 20))],
        D(1911, 2, 6),
        D(2004, 6, 5),
    ),
    (
        "George W. Bush",
        None,
        [("President", "the U.S. president", D(2001, 1, 20), D(2009, 1, 20))],
        D(1946, 7, 6),
        None,
    ),
    (
        "Barack Obama",
        "Obama",
        [("President", "the U.S. president", D(2009, 1, 20), D(2017, 1, 20))],
        D(1961, 8, 4),
        None,
    ),
    (
        "Donald Trump",
        "Trump",
        [("President", "the U.S. president", D(2017, 1, 20), D(2021, 1, 20))],
        D(1946, 6, 14),
        None,
    ),
    (
        "Brian Mulroney",
        "Mulroney",
        [("Prime Minister", "Canada's prime minister", D(1984, 9, 17), D(1993, 6, 25))],
        D(1939, 3, 20),
        D(2024, 2, 29),
    ),
    (
        "Stephen Harper",
        "Harper",
        [("Prime Minister", "Canada's prime minister", D(2006, 2, 6), D(2015, 11, 4))],
        D(1959, 4, 30),
        None,
    ),
    (
        "Justin Trudeau",
        "Trudeau",
        [("Prime Minister", "Canada's prime minister", D(2015, 11, 4), D(2025, 3, 14))],
        D(1971, 12, 25),
        None,
    ),
    (
        "Yasuhiro Nakasone",
        "Nakasone",
        [("Prime Minister", "Japan's prime minister", D(1982, 11, 27), D(1987, 11, 6))],
        D(1918, 5, 27),
        D(2019, 11, 29),
    ),
    (
        "Shinzo Abe",
        "Abe",
        [
            ("Prime Minister", "Japan's prime minister", D(2006, 9, 26), D(2007, 9, 26)),
            ("Prime Minister", "Japan's prime minister", D(2012, 12, 26), D(2020, 9, 16)),
        ],
        D(1954, 9, 21),
        D(2022, 7, 8),
    ),
    (
        "Bob Hawke",
        "Hawke",
        [("Prime Minister", "Australia's prime minister", D(1983, 3, 11), D(1991, 12, 20))],
        D(1929, 12, 9),
        D(2019, 5, 16),
    ),
    (
        "Malcolm Turnbull",
        "Turnbull",
        [("Prime Minister", "Australia's prime minister", D(2015, 9, 15), D(2018, 8, 24))],
        D(1954, 10, 24),
        None,
    ),
    (
        "Matteo Renzi",
        "Renzi",
        [("Prime Minister", "Italy's prime minister", D(2014, 2, 22), D(2016, 12, 12))],
        D(1975, 1, 11),
        None,
    ),
    (
        "Paolo Gentiloni",
        "Gentiloni",
        [("Prime Minister", "Italy's prime minister", D(2016, 12, 12), D(2018, 6, 1))],
        D(1954, 11, 22),
        None,
    ),
    (
        "Narendra Modi",
        "Modi",
        [("Prime Minister", "India's prime minister", D(2014, 5, 26), None)],
        D(1950, 9, 17),
        None,
    ),
    (
        "Vladimir Putin",
        "Putin",
        [
            ("Prime Minister", "Russia's prime minister", D(1999, 8, 16), D(2000, 5, 7)),
            ("President", "the Russian president", D(2000, 5, 7), D(2008, 5, 7)),
            ("Prime Minister", "Russia's prime minister", D(2008, 5, 8), D(2012, 5, 7)),
            ("President", "the Russian president", D(2012, 5, 7), None),
        ],
        D(1952, 10, 7),
        None,
    ),
    (
        "Dmitry Medvedev",
        "Medvedev",
        [
            ("President", "the Russian president", D(2008, 5, 7), D(2012, 5, 7)),
            ("Prime Minister", "Russia's prime minister", D(2012, 5, 8), D(2020, 1, 16)),
        ],
        D(1965, 9, 14),
        None,
    ),
    (
        "Recep Tayyip Erdogan",
        "Erdogan",
        [
            ("Prime Minister", "Turkey's prime minister", D(2003, 3, 14), D(2014, 8, 28)),
            ("President", "the Turkish president", D(2014, 8, 28), None),
        ],
        D(1954, 2, 26),
        None,
    ),
    (
        "Dilma Rousseff",
        "Rousseff",
        [("President", "Brazil's president", D(2011, 1, 1), D(2016, 8, 31))],
        D(1947, 12, 14),
        None,
    ),
    (
        "Mauricio Macri",
        "Macri",
        [("President", "Argentina's president", D(2015, 12, 10), D(2019, 12, 10))],
        D(1959, 2, 8),
        None,
    ),
    (
        "Enrique Pena Nieto",
        "Pena Nieto",
        [("President", "Mexico's president", D(2012, 12, 1), D(2018, 11, 30))],
        D(1966, 7, 20),
        None,
    ),
    (
        "Jacob Zuma",
        "Zuma",
        [("President", "South Africa's president", D(2009, 5, 9), D(2018, 2, 14))],
        D(1942, 4, 12),
        None,
    ),
    (
        "Nelson Mandela",
        "Mandela",
        [("President", "South Africa's president", D(1994, 5, 10), D(1999, 6, 14))],
        D(1918, 7, 18),
        D(2013, 12, 5),
    ),
    (
        "Moon Jae-in",
        None,
        [("President", "South Korea's president", D(2017, 5, 10), D(2022, 5, 9))],
        D(1953, 1, 24),
        None,
    ),
    ("Xi Jinping", None, [("President", "China's president", D(2013, 3, 14), None)], D(1953, 6, 15), None),
)
# years of national elections that made these people leader (for "won the YEAR election")
ELECTIONS = (
    ("Ronald Reagan", "U.S. presidential election", 1980),
    ("Barack Obama", "U.S. presidential election", 2008),
    ("Donald Trump", "U.S. presidential election", 2016),
    ("Francois Mitterrand", "French presidential election", 1981),
    ("Jacques Chirac", "French presidential election", 1995),
    ("Nicolas Sarkozy", "French presidential election", 2007),
    ("Francois Hollande", "French presidential election", 2012),
    ("Emmanuel Macron", "French presidential election", 2017),
    ("Tony Blair", "British general election", 1997),
    ("Margaret Thatcher", "British general election", 1979),
    ("Justin Trudeau", "Canadian federal election", 2015),
    ("Brian Mulroney", "Canadian federal election", 1984),
    ("Narendra Modi", "Indian general election", 2014),
    ("Moon Jae-in", "South Korean presidential election", 2017),
)


def leader(name: str) -> tuple:
    return next(x for x in LEADERS if x[0] == name)


def holds(terms: list, title: str, day: date, margin: int = 0) -> bool:
    """Whether any term of this title covers day, widened by margin days at both ends."""
    for t, _, start, end in terms:
        if t == title and start - timedelta(days=margin) <= day <= (end or date(2100, 1, 1)) + timedelta(days=margin):
            return True
    return False


def alive(entry: tuple, day: date) -> bool:
    return entry[4] is None or day < entry[4]


# ----------------------------------------------------------------- context frame of an edit


def sentence_start(text: str, pos: int) -> int:
    best = 0
    for m in re.finditer(r"(?:[.!?][\"'\u201d]?\s+|\n)", text[:pos]):
        best = m.end()
    return best


def edit_frame(doc: Doc, start: int) -> str:
    """The syntactic frame around a real date, from the words before it in its sentence."""
    text = doc.text
    s0 = sentence_start(text, start)
    prefix = text[s0:start]
    if (
        re.search(r"\(Reuters\) [-\u2013\u2014] [^.]*$", text[max(doc.body_start, start - 250) : start])
        and s0 <= text.find("(Reuters)", max(doc.body_start, start - 250)) + 12
    ):
        return "edit:dateline"
    if re.fullmatch(r"\s*[\"\u201c]?(?:On|In|By|Since|From|Early|Late|Until|As of)?\s*(?:on\s*)?", prefix):
        return "edit:fronted"
    if prefix.count("(") > prefix.count(")"):
        return "edit:parenthetical"
    if re.search(r"\b(?:which|who|that|whose)\b[^,;()]*$", prefix):
        return "edit:relative"
    if re.search(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en|t)\b[^,;]*$", prefix):
        return "edit:passive"
    if re.search(r"\band\b[^,;]*$", prefix):
        return "edit:coordinated"
    if re.search(r"^[^,]*,\s*$|,\s*$", prefix) and re.search(r"\b(?:said|told|announced)\b", prefix) is None:
        return "edit:appositive"
    return "edit:in-clause"


# ----------------------------------------------------------------- generators per rule
#
# A generator is a list of (frame, maker); maker(ctx) returns a Fault, or None when this try
# found no fit (the driver tries again with the same frame, a bounded number of times).


class Ctx:
    def __init__(self, docs: list[Doc], rng: random.Random):
        self.rng = rng
        self.docs = docs
        self.prose = [d for d in docs if is_prose(d)]
        self.isot = [d for d in self.prose if d.name.startswith("isot-")]
        self.used_edits: set[tuple[str, int]] = set()

    def host(self, pred: Callable[[Doc], bool] = lambda d: True, pool: list[Doc] | None = None) -> Doc:
        pool = pool or self.prose
        for _ in range(200):
            d = self.rng.choice(pool)
            if pred(d):
                return d
        raise LookupError("no host")

    def person(self) -> tuple[str, str, str]:
        return self.rng.choice(PEOPLE)


def fault(rule: str, frame: str, kind: str, doc: Doc, text: str, anchors, snippet: str) -> Fault:
    return Fault(rule, frame, kind, doc, text, list(anchors), snippet)


def ins(
    rule: str,
    frame: str,
    ctx: Ctx,
    doc: Doc,
    first: str,
    second: str | None = None,
    gap: str = "adjacent",
    own_paragraph: bool | None = None,
) -> Fault:
    text, anchors, snippet = insert(doc, ctx.rng, first, second, gap, own_paragraph)
    return fault(rule, frame, "insert", doc, text, anchors, snippet)


def at_dateline(rule: str, frame: str, ctx: Ctx, sentence: str) -> Fault:
    """The sentence as the lead right after a real Reuters dateline ("WASHINGTON (Reuters) - ")."""
    for _ in range(100):
        doc = ctx.rng.choice(ctx.isot)
        m = re.compile(r"[A-Z][A-Za-z .,']*\(Reuters\) [-\u2013\u2014] ").match(doc.text, doc.body_start)
        if m:
            body, spans = mark(sentence)
            text = doc.text[: m.end()] + body + " " + doc.text[m.end() :]
            return fault(
                rule,
                frame,
                "insert",
                doc,
                text,
                [(m.end() + s, m.end() + e) for s, e in spans],
                doc.text[m.start() : m.end()] + body,
            )
    raise LookupError("no dateline")


def real_matches(
    ctx: Ctx,
    pattern: re.Pattern,
    pred: Callable[[Doc, re.Match], bool] = lambda d, m: True,
    docs: list[Doc] | None = None,
) -> list[tuple[Doc, re.Match]]:
    out = []
    for d in docs or ctx.docs:
        for m in pattern.finditer(d.text, d.body_start):
            if pred(d, m):
                out.append((d, m))
    return out


def take_edit(ctx: Ctx, pool: list[tuple[Doc, re.Match]], group: int = 0) -> tuple[Doc, re.Match] | None:
    rng = ctx.rng
    for _ in range(60):
        if not pool:
            return None
        d, m = pool.pop(rng.randrange(len(pool)))
        key = (d.name, m.start(group))
        if key in ctx.used_edits:
            continue
        ctx.used_edits.add(key)
        return d, m
    return None


MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
FULL_DATE = re.compile(
    rf"\b(?P<m>{MONTH_RE}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?: ,|,)? (?P<y>1[6-9]\d\d|20[0-2]\d)\b"
    rf"|\b(?P<d2>\d{{1,2}}) (?P<m2>{MONTH_RE}) (?P<y2>1[6-9]\d\d|20[0-2]\d)\b"
)


def month_index(name: str) -> int:
    name = name.rstrip(".")
    for i, full in enumerate(MONTHS):
        if full.startswith(name[:3]):
            return i + 1
    raise ValueError(name)


def parse_full(m: re.Match) -> date | None:
    try:
        if m["m"]:
            return date(int(m["y"]), month_index(m["m"]), int(m["d"]))
        return date(int(m["y2"]), month_index(m["m2"]), int(m["d2"]))
    except ValueError:
        return None


# --- calendar/invalid-date


def impossible(rng: random.Random, year: int) -> tuple[int, int, int]:
    month, day = rng.choice(((2, 30), (2, 31), (4, 31), (6, 31), (9, 31), (11, 31), (2, 29)))
    if (month, day) == (2, 29):
        while calendar.isleap(year):
            year -= 1
    return month, day, year


def bad_spelling(rng: random.Random, month: int, day: int, year: int | None) -> str:
    y = f", {year}" if year else ""
    style = rng.randrange(6)
    if style == 0 and year:
        return f"{day} {MONTHS[month - 1]} {year}"
    if style == 1:
        return f"{AP_MONTHS[month - 1]} {day}{y}"
    if style == 2:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(day % 10 if day not in (11, 12, 13) else 0, "th")
        return f"{MONTHS[month - 1]} {day}{suffix}{y}"
    return f"{MONTHS[month - 1]} {day}{y}"


def invalid_date_frames() -> list:
    R = "calendar/invalid-date"

    def pick(ctx, year_back=(0, 12), with_year=True):
        doc = ctx.host()
        m, d, y = impossible(ctx.rng, doc.published.year - ctx.rng.randint(*year_back) - 1)
        return doc, bad_spelling(ctx.rng, m, d, y if with_year else None), (m, d, y)

    def fronted(ctx):
        doc, bad, _ = pick(ctx)
        subj = ctx.rng.choice(SUBJECTS)
        act = ctx.rng.choice(ACTIONS)
        t = ctx.rng.choice(
            (
                f"On [[{bad}]], {subj.lower() if subj != 'Parliament' else subj} {act[0]}.",
                f"Late on [[{bad}]], {subj.lower() if subj != 'Parliament' else subj} {act[0]} without a vote.",
            )
        )
        return ins(R, "fronted", ctx, doc, t)

    def participial(ctx):
        doc, bad, _ = pick(ctx)
        t = ctx.rng.choice(
            (
                f"Signed on [[{bad}]], the accord ended a dispute that had lasted a decade.",
                f"Unveiled on [[{bad}]], the plan drew immediate criticism from the unions.",
                f"Having filed the papers on [[{bad}]], the lawyers waited for a hearing.",
            )
        )
        return ins(R, "participial", ctx, doc, t)

    def relative(ctx):
        doc, bad, _ = pick(ctx)
        fac = ctx.rng.choice(FACILITIES)
        t = ctx.rng.choice(
            (
                f"{cap(fac[0])}, which reopened on [[{bad}]], handled twice the usual traffic.",
                f"Residents recalled the storm that struck on [[{bad}]] and flooded the lower town.",
            )
        )
        return ins(R, "relative", ctx, doc, t)

    def passive(ctx):
        doc, bad, _ = pick(ctx)
        act = ctx.rng.choice(ACTIONS)
        return ins(R, "passive", ctx, doc, f"{act[2]} was {act[3]} on [[{bad}]], according to the minutes.")

    def appositive(ctx):
        doc, bad, _ = pick(ctx)
        t = ctx.rng.choice(
            (
                f"The deadline, [[{bad}]], passed without an agreement.",
                f"Her last day in office, [[{bad}]], was marked by a small ceremony.",
            )
        )
        return ins(R, "appositive", ctx, doc, t)

    def coordinated(ctx):
        doc = ctx.host()
        m, d, y = impossible(ctx.rng, doc.published.year - ctx.rng.randint(1, 10))
        ok = date(y, m, 1) - timedelta(days=ctx.rng.randint(3, 40))
        t = (
            f"The strike began on {mdy(ok, year=False)} and ended on [[{bad_spelling(ctx.rng, m, d, None)}]], "
            f"{y}, when both sides accepted the arbitrator's terms."
        )
        if ok.year != y:
            return None
        return ins(R, "coordinated", ctx, doc, t)

    def far(ctx):
        doc, bad, _ = pick(ctx)
        subj = ctx.rng.choice(SUBJECTS[:6]).lower()
        return ins(
            R, "far", ctx, doc, f"On [[{bad}]], {ctx.rng.choice(LONG_CLAUSES)}, {subj} {ctx.rng.choice(ACTIONS)[0]}."
        )

    def numeric(ctx):
        doc = ctx.host()
        m, d, y = impossible(ctx.rng, doc.published.year - ctx.rng.randint(1, 8))
        form = ctx.rng.choice((f"{m}/{d}/{y}", f"{y}-{m:02d}-{d:02d}"))  # m/d: also no valid d/m reading
        return ins(R, "numeric", ctx, doc, f"The filing, dated [[{form}]], was rejected by the clerk.")

    def dateline(ctx):
        for _ in range(50):
            doc = ctx.rng.choice(ctx.isot)
            mm = re.compile(r"([A-Z][A-Z .']+) \(Reuters\) [-\u2013\u2014] ").match(doc.text, doc.body_start)
            if not mm:
                continue
            month = doc.published.month if doc.published.month in (2, 4, 6, 9, 11) else 11
            day = 31 if month != 2 else 30
            bad = f"{AP_MONTHS[month - 1].rstrip('.')} {day}"
            new = f"{mm[1]}, {bad} (Reuters) - "
            text, spans = replace(doc.text, mm.start(), mm.end(), new)
            return fault(
                R,
                "dateline",
                "edit",
                doc,
                text,
                [(spans[0][0] + len(mm[1]) + 2, spans[0][0] + len(mm[1]) + 2 + len(bad))],
                new,
            )
        return None

    pool: list | None = None

    def edit(ctx):
        nonlocal pool
        if pool is None:
            pool = [(d, m) for d, m in real_matches(ctx, FULL_DATE) if parse_full(m)]
        got = take_edit(ctx, pool)
        if not got:
            return None
        doc, m = got
        real = parse_full(m)
        if real.month in (4, 6, 9, 11):
            new_month, new_day = real.month, 31
        elif real.month == 2:
            new_month, new_day = 2, 30
        else:
            new_month, new_day = ctx.rng.choice((4, 6, 9, 11)), 31
        old = m[0]
        mon_txt = m["m"] or m["m2"]
        if mon_txt.endswith(".") or mon_txt in ("March", "April", "May", "June", "July"):
            new_mon = AP_MONTHS[new_month - 1] if mon_txt.endswith(".") else MONTHS[new_month - 1]
        else:
            new_mon = MONTHS[new_month - 1]
        if m["m"]:
            new = re.sub(rf"^{re.escape(mon_txt)} \d{{1,2}}", f"{new_mon} {new_day}", old)
        else:
            new = re.sub(rf"^\d{{1,2}} {re.escape(mon_txt)}", f"{new_day} {new_mon}", old)
        text, spans = replace(doc.text, m.start(), m.end(), new)
        return fault(R, edit_frame(doc, m.start()), "edit", doc, text, spans, f"{old} -> {new}")

    return [
        ("fronted", fronted),
        ("participial", participial),
        ("relative", relative),
        ("passive", passive),
        ("appositive", appositive),
        ("coordinated", coordinated),
        ("far", far),
        ("numeric", numeric),
        ("dateline", dateline),
        ("edit", edit),
    ]


# --- calendar/weekday-mismatch


def wrong_weekday(rng: random.Random, d: date) -> str:
    return WEEKDAYS[(d.weekday() + rng.randint(1, 6)) % 7]


def weekday_frames() -> list:
    R = "calendar/weekday-mismatch"

    def past_day(ctx, doc, lo=3, hi=500):
        return doc.published - timedelta(days=ctx.rng.randint(lo, hi))

    def fronted(ctx):
        doc = ctx.host()
        d = past_day(ctx, doc)
        subj = ctx.rng.choice(SUBJECTS[:8]).lower()
        return ins(
            R,
            "fronted",
            ctx,
            doc,
            f"On [[{wrong_weekday(ctx.rng, d)}, {spell(ctx.rng, d)}]], {subj} {ctx.rng.choice(ACTIONS)[0]}.",
        )

    def participial(ctx):
        doc = ctx.host()
        d = past_day(ctx, doc)
        t = ctx.rng.choice(
            (
                f"Held on [[{wrong_weekday(ctx.rng, d)}, {spell(ctx.rng, d)}]], the referendum drew a record turnout.",
                f"Postponed until [[{wrong_weekday(ctx.rng, d)}, {spell(ctx.rng, d)}]], the hearing lasted less than an hour.",
            )
        )
        return ins(R, "participial", ctx, doc, t)

    def relative(ctx):
        doc = ctx.host()
        d = past_day(ctx, doc)
        t = f"The summit, which opened on [[{wrong_weekday(ctx.rng, d)} {spell(ctx.rng, d)}]], ended without a communique."
        return ins(R, "relative", ctx, doc, t)

    def passive(ctx):
        doc = ctx.host()
        d = past_day(ctx, doc)
        act = ctx.rng.choice(ACTIONS)
        return ins(
            R, "passive", ctx, doc, f"{act[2]} was {act[3]} on [[{wrong_weekday(ctx.rng, d)}, {spell(ctx.rng, d)}]]."
        )

    def appositive(ctx):
        doc = ctx.host()
        d = past_day(ctx, doc)
        t = ctx.rng.choice(
            (
                f"The final was played on [[{mdy(d)}, a {wrong_weekday(ctx.rng, d)}]], in front of 40,000 fans.",
                f"Ballots were counted on [[{dmy(d)}, a {wrong_weekday(ctx.rng, d)}]], and the result was known by noon.",
            )
        )
        return ins(R, "appositive", ctx, doc, t)

    def coordinated(ctx):
        doc = ctx.host()
        d1 = past_day(ctx, doc, 30, 400)
        d2 = d1 + timedelta(days=ctx.rng.randint(1, 6))
        t = (
            f"Talks were held on {WEEKDAYS[d1.weekday()]}, {mdy(d1, year=False)}, and again on "
            f"[[{wrong_weekday(ctx.rng, d2)}, {mdy(d2, year=False)}]], {d2.year}."
        )
        if d1.year != d2.year:
            return None
        return ins(R, "coordinated", ctx, doc, t)

    def yearless(ctx):
        doc = ctx.host(lambda d: d.kind == "news")
        d = doc.published - timedelta(days=ctx.rng.randint(1, 6))
        if d.year != doc.published.year:
            return None
        wd = wrong_weekday(ctx.rng, d)
        t = ctx.rng.choice(
            (
                f"Officials said last [[{wd} ({ap(d, year=False)})]] that the inquiry would continue.",
                f"The figures were released on [[{wd}, {mdy(d, year=False)}]], after markets closed.",
            )
        )
        return ins(R, "yearless", ctx, doc, t)

    def next_day(ctx):
        doc = ctx.host()
        d = past_day(ctx, doc, 20, 400)
        nxt = d + timedelta(days=1)
        wrong = WEEKDAYS[(nxt.weekday() + ctx.rng.randint(1, 6)) % 7]
        t = (
            f"The fire broke out on {WEEKDAYS[d.weekday()]}, {mdy(d)}. The next day, [[{wrong}]], "
            f"investigators sealed off the building."
        )
        return ins(R, "next-day", ctx, doc, t)

    def dateline(ctx):
        for _ in range(50):
            doc_pub = ctx.rng.choice(ctx.isot).published
            d = doc_pub - timedelta(days=ctx.rng.randint(1, 5))
            if d.year != doc_pub.year:
                continue
            wd = wrong_weekday(ctx.rng, d)
            return at_dateline(
                R, "dateline", ctx, f"Lawmakers voted on [[{wd}, {ap(d, year=False)}]], to extend the measure."
            )
        return None

    on_wd = re.compile(
        r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?! (?:night|morning|evening|afternoon)\b)(?!,? (?:\w+\.? )?\d)"
    )
    pool: list | None = None

    def edit_on(ctx):
        """A real "on Tuesday" given a date of this year that is not a Tuesday."""
        nonlocal pool
        if pool is None:
            pool = real_matches(ctx, on_wd, docs=[d for d in ctx.docs if d.kind == "news"])
        got = take_edit(ctx, pool)
        if not got:
            return None
        doc, m = got
        # the Tuesday meant lies in the week before publication; give a date of that week that is not one
        d = doc.published - timedelta(days=ctx.rng.randint(0, 6))
        if WEEKDAYS[d.weekday()] == m[1]:
            d -= timedelta(days=1)
        if d.year != doc.published.year:
            return None
        style = ctx.rng.randrange(3)
        add = (f" ({ap(d, year=False)})", f", {mdy(d, year=False)},", f", {ap(d)},")[style]
        start = m.start(1)
        new = m[1] + add
        text, spans = replace(doc.text, start, m.end(1), new)
        return fault(
            R, edit_frame(doc, m.start()), "edit", doc, text, spans, doc.text[m.start() : m.end()] + " -> on " + new
        )

    wd_date = re.compile(
        rf"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: ,|,)? (?={MONTH_RE} \d|\d{{1,2}} {MONTH_RE})"
    )
    pool2: list | None = None

    def edit_pair(ctx):
        """A real weekday written next to a date, changed to another weekday."""
        nonlocal pool2
        if pool2 is None:
            pool2 = real_matches(ctx, wd_date)
        got = take_edit(ctx, pool2)
        if not got:
            return None
        doc, m = got
        new = WEEKDAYS[(WEEKDAYS.index(m[1]) + ctx.rng.randint(1, 6)) % 7]
        date_m = re.compile(rf"(?:{MONTH_RE} \d{{1,2}}|\d{{1,2}} {MONTH_RE})").match(doc.text, m.end())
        text, spans = replace(doc.text, m.start(1), m.end(1), new)
        anchor = (m.start(1), date_m.end() + len(new) - len(m[1]) if date_m else m.start(1) + len(new))
        return fault(R, edit_frame(doc, m.start()), "edit", doc, text, [anchor], f"{m[1]} -> {new}")

    return [
        ("fronted", fronted),
        ("participial", participial),
        ("relative", relative),
        ("passive", passive),
        ("appositive", appositive),
        ("coordinated", coordinated),
        ("yearless", yearless),
        ("next-day", next_day),
        ("dateline", dateline),
        ("edit", edit_on),
        ("edit", edit_on),
        ("edit", edit_pair),
    ]


# --- chronology/anachronism

PAST_VERBS = (
    "was",
    "were",
    "rose",
    "fell",
    "had",
    "earned",
    "reported",
    "posted",
    "became",
    "founded",
    "joined",
    "died",
    "won",
    "took",
    "launched",
    "opened",
    "closed",
    "signed",
    "bought",
    "sold",
    "acquired",
    "completed",
    "began",
    "started",
    "ended",
    "resigned",
    "retired",
    "moved",
    "published",
    "introduced",
    "passed",
    "filed",
    "issued",
    "elected",
    "appointed",
    "named",
    "built",
    "released",
    "established",
    "created",
    "merged",
    "paid",
    "lost",
    "received",
    "returned",
    "visited",
    "met",
    "married",
    "graduated",
    "left",
    "led",
    "served",
    "entered",
)
FUTURE_WORDS = re.compile(
    r"\b(?:will|would|could|may|might|should|shall|expect\w*|plan\w*|forecast\w*|project\w*|"
    r"target\w*|estimate\w*|budget\w*|schedul\w*|due|aim\w*|hope\w*|intend\w*|seen|next|"
    r"fiscal|if|unless|until|by|before|to be|going to|likely|set to|predict\w*|outlook)\b",
    re.I,
)


def future_year(rng: random.Random, pub: date) -> int:
    return pub.year + rng.randint(1, 6)


def anachronism_frames() -> list:
    R = "chronology/anachronism"

    def fronted(ctx):
        doc = ctx.host()
        y = future_year(ctx.rng, doc.published)
        subj = ctx.rng.choice(SUBJECTS[:10])
        return ins(
            R,
            "fronted",
            ctx,
            doc,
            f"In [[{y}]], {subj.lower() if subj != 'Parliament' else subj} {ctx.rng.choice(ACTIONS)[0]}.",
        )

    def participial(ctx):
        doc = ctx.host()
        y = future_year(ctx.rng, doc.published)
        org = ctx.rng.choice(ORGS)
        t = ctx.rng.choice(
            (
                f"Founded in [[{y}]], {org[0]} now employs about 300 people.",
                f"Established in [[{y}]], {org[0]} has offices in {ctx.rng.choice(CITIES)} and {ctx.rng.choice(CITIES)}.",
                f"Discovered in [[{y}]], the wreck lies in 40 metres of water.",
                f"Built in [[{y}]], {ctx.rng.choice(FACILITIES)[0]} is the largest in the region.",
            )
        )
        return ins(R, "participial", ctx, doc, t)

    def reduced(ctx):
        doc = ctx.host()
        y = future_year(ctx.rng, doc.published)
        fac = ctx.rng.choice(FACILITIES)
        t = ctx.rng.choice(
            (
                f"{fac[1].capitalize()} completed in [[{y}]] carries most of the freight.",
                f"A survey conducted in [[{y}]] found that most residents support the plan.",
            )
        )
        return ins(R, "reduced-relative", ctx, doc, t)

    def relative(ctx):
        doc = ctx.host()
        y = future_year(ctx.rng, doc.published)
        who = ctx.person()
        t = ctx.rng.choice(
            (
                f"{who[0]}, who retired from the bench in [[{y}]], declined to comment.",
                f"{cap(ctx.rng.choice(FACILITIES)[0])}, which closed in [[{MONTHS[ctx.rng.randrange(12)]} {y}]], is up for sale.",
            )
        )
        return ins(R, "relative", ctx, doc, t)

    def passive(ctx):
        doc = ctx.host()
        d = doc.published + timedelta(days=ctx.rng.randint(30, 900))
        act = ctx.rng.choice(ACTIONS)
        return ins(R, "passive", ctx, doc, f"{act[2]} was {act[3]} on [[{spell(ctx.rng, d)}]].")

    def coordinated(ctx):
        doc = ctx.host()
        y0 = doc.published.year - ctx.rng.randint(2, 15)
        y = future_year(ctx.rng, doc.published)
        who = ctx.person()
        return ins(
            R,
            "coordinated",
            ctx,
            doc,
            f"{who[0]} moved to {ctx.rng.choice(CITIES)} in {y0} and joined the orchestra in [[{y}]].",
        )

    def since(ctx):
        doc = ctx.host()
        y = future_year(ctx.rng, doc.published)
        who = ctx.person()
        t = ctx.rng.choice(
            (
                f"{who[1]} has lived in {ctx.rng.choice(CITIES)} since [[{y}]].",
                f"Since taking over as {ctx.rng.choice(ROLES)} in [[{y}]], {who[1]} has cut costs sharply.",
            )
        )
        return ins(R, "since", ctx, doc, t)

    def far(ctx):
        doc = ctx.host()
        y = future_year(ctx.rng, doc.published)
        subj = ctx.rng.choice(SUBJECTS[:6]).lower()
        return ins(
            R,
            "far",
            ctx,
            doc,
            f"In [[{y}]], {ctx.rng.choice(LONG_CLAUSES)}, {subj} finally {ctx.rng.choice(ACTIONS)[0]}.",
        )

    def dateline(ctx):
        doc_d = ctx.rng.choice(ctx.isot).published
        d = doc_d + timedelta(days=ctx.rng.randint(40, 700))
        return at_dateline(
            R, "dateline", ctx, f"Ministers approved the plan on [[{mdy(d)}]], a government spokesman said."
        )

    def full_name(ctx):
        doc = ctx.host()
        d = doc.published + timedelta(days=ctx.rng.randint(40, 900))
        who = ctx.person()
        t = ctx.rng.choice(
            (
                f"{who[0]} was sworn in as {ctx.rng.choice(ROLES)} in [[{month_year(d)}]].",
                f"{who[0]} died in {ctx.rng.choice(CITIES)} on [[{spell(ctx.rng, d)}]].",
            )
        )
        return ins(R, "full-name", ctx, doc, t)

    verb_alt = "|".join(PAST_VERBS)
    past_year = re.compile(
        rf"\b(?:{verb_alt})\b(?: [a-z][\w'-]*| [A-Z][\w.'-]*){{0,5}} in (?P<y>1[89]\d\d|20[0-2]\d)\b"
    )
    pool: list | None = None

    def edit(ctx):
        nonlocal pool
        if pool is None:

            def ok(d, m):
                s0 = sentence_start(d.text, m.start())
                sent = d.text[s0 : m.end() + 60]
                return (
                    int(m["y"]) <= d.published.year
                    and not FUTURE_WORDS.search(sent)
                    and "," not in m[0]
                    and not re.match(r"[-/]\d|\s*(?:%|pct|dollars|prices|terms|levels)", d.text[m.end() : m.end() + 9])
                )

            pool = real_matches(ctx, past_year, ok)
        got = take_edit(ctx, pool, "y")
        if not got:
            return None
        doc, m = got
        y = str(future_year(ctx.rng, doc.published))
        text, spans = replace(doc.text, m.start("y"), m.end("y"), y)
        return fault(R, edit_frame(doc, m.start()), "edit", doc, text, spans, f"{m[0]} -> {y}")

    return [
        ("fronted", fronted),
        ("participial", participial),
        ("reduced-relative", reduced),
        ("relative", relative),
        ("passive", passive),
        ("coordinated", coordinated),
        ("since", since),
        ("far", far),
        ("dateline", dateline),
        ("full-name", full_name),
        ("edit", edit),
        ("edit", edit),
    ]


# --- chronology/stale-future


def past_year(rng: random.Random, pub: date) -> int:
    return pub.year - rng.randint(1, 6)


def stale_future_frames() -> list:
    R = "chronology/stale-future"

    def fronted(ctx):
        doc = ctx.host()
        y = past_year(ctx.rng, doc.published)
        subj = ctx.rng.choice(SUBJECTS[:10])
        return ins(
            R,
            "fronted",
            ctx,
            doc,
            f"In [[{y}]], {subj.lower() if subj != 'Parliament' else subj} will {ctx.rng.choice(ACTIONS)[1]}.",
        )

    def participial(ctx):
        doc = ctx.host()
        y = past_year(ctx.rng, doc.published)
        fac = ctx.rng.choice(FACILITIES)
        t = ctx.rng.choice(
            (
                f"Due to open in [[{y}]], {fac[1]} will employ about 200 people.",
                f"Scheduled to start in [[{MONTHS[ctx.rng.randrange(12)]} {y}]], the works will close the road for a year.",
            )
        )
        return ins(R, "participial", ctx, doc, t)

    def relative(ctx):
        doc = ctx.host()
        y = past_year(ctx.rng, doc.published)
        fac = ctx.rng.choice(FACILITIES)
        return ins(R, "relative", ctx, doc, f"{cap(fac[0])}, which will close in [[{y}]], still has 400 workers.")

    def passive(ctx):
        doc = ctx.host()
        d = doc.published - timedelta(days=ctx.rng.randint(40, 900))
        act = ctx.rng.choice(ACTIONS)
        return ins(R, "passive", ctx, doc, f"{act[2]} will be {act[3]} on [[{spell(ctx.rng, d)}]], officials said.")

    def set_to(ctx):
        doc = ctx.host()
        d = doc.published - timedelta(days=ctx.rng.randint(60, 900))
        fac = ctx.rng.choice(FACILITIES)
        t = ctx.rng.choice(
            (
                f"{cap(fac[0])} is set to open in [[{month_year(d)}]].",
                f"Construction of {fac[1]} is expected to begin in [[{month_year(d)}]].",
                f"The ministry plans to publish the report in [[{d.year}]].",
            )
        )
        if d.year == doc.published.year and "report" in t:
            return None
        return ins(R, "set-to", ctx, doc, t)

    def coordinated(ctx):
        doc = ctx.host()
        y = past_year(ctx.rng, doc.published)
        subj = ctx.rng.choice(SUBJECTS[:10])
        return ins(
            R,
            "coordinated",
            ctx,
            doc,
            f"{subj} will cut 300 jobs and sell its headquarters in [[{y}]], a spokeswoman said.",
        )

    def far(ctx):
        doc = ctx.host()
        y = past_year(ctx.rng, doc.published)
        subj = ctx.rng.choice(SUBJECTS[:6]).lower()
        clause = ctx.rng.choice(
            (
                "once the last permits are cleared and the contractors have surveyed the site",
                "after a consultation with residents, businesses and the two neighbouring councils",
            )
        )
        return ins(R, "far", ctx, doc, f"In [[{y}]], {clause}, {subj} will {ctx.rng.choice(ACTIONS)[1]}.")

    def dateline(ctx):
        pub = ctx.rng.choice(ctx.isot).published
        d = pub - timedelta(days=ctx.rng.randint(60, 700))
        return at_dateline(
            R, "dateline", ctx, f"The government will hold a referendum on [[{mdy(d)}]], officials said on Monday."
        )

    def full_name(ctx):
        doc = ctx.host()
        y = past_year(ctx.rng, doc.published)
        who = ctx.person()
        return ins(R, "full-name", ctx, doc, f"{who[0]} will step down as {ctx.rng.choice(ROLES)} in [[{y}]].")

    will_year = re.compile(
        r"\b(?:will|is expected to|are expected to|plans to|is scheduled to|is due to)"
        r"(?: [a-z][\w'-]*| [A-Z][\w.'-]*){1,7} (?:in|by) (?P<y>19\d\d|20[0-2]\d)\b"
    )
    pool: list | None = None

    def edit(ctx):
        nonlocal pool
        if pool is None:

            def ok(d, m):
                prefix = d.text[sentence_start(d.text, m.start()) : m.start()]
                return (
                    int(m["y"]) >= d.published.year
                    and not re.search(r"\b(?:who|which|that|when|since|after|before|than|if)\b|,", m[0])
                    and not re.match(r"[-/]\d|\d", d.text[m.end() : m.end() + 2])
                    and not re.search(r"\b(?:1[89]|20)\d\d\b|\b(?:pledged|promised|vowed|predicted)\b", prefix)
                )

            pool = real_matches(ctx, will_year, ok)
        got = take_edit(ctx, pool, "y")
        if not got:
            return None
        doc, m = got
        y = str(past_year(ctx.rng, doc.published))
        text, spans = replace(doc.text, m.start("y"), m.end("y"), y)
        return fault(R, edit_frame(doc, m.start()), "edit", doc, text, spans, f"{m[0]} -> {y}")

    return [
        ("fronted", fronted),
        ("participial", participial),
        ("relative", relative),
        ("passive", passive),
        ("set-to", set_to),
        ("coordinated", coordinated),
        ("far", far),
        ("dateline", dateline),
        ("full-name", full_name),
        ("edit", edit),
        ("edit", edit),
    ]


# --- chronology/conflicting-dates


def other_year(rng: random.Random, y: int, pub: date) -> int:
    for _ in range(20):
        y2 = y + rng.choice((-1, 1)) * rng.randint(1, 4)
        if y2 < pub.year and y2 != y:
            return y2
    return y - 2


def events(ctx: Ctx, pub: date) -> dict:
    """One invented entity per event type with two conflicting dates, as sentence parts."""
    rng = ctx.rng
    y1 = pub.year - rng.randint(15, 70)
    y2 = other_year(rng, y1, pub)
    d1 = rand_day(rng, y1)
    d2 = d1 + timedelta(days=rng.choice((-1, 1)) * rng.randint(3, 200))
    if d2 >= pub:
        d2 = d1 - timedelta(days=rng.randint(3, 200))
    who, org, fac = ctx.person(), rng.choice(ORGS), rng.choice(FACILITIES)
    role = rng.choice(ROLES)
    m1, m2 = rng.sample(range(12), 2)
    return dict(
        who=who,
        org=org,
        fac=fac,
        role=role,
        y1=y1,
        y2=y2,
        d1=d1,
        d2=d2,
        month1=f"{MONTHS[m1]} {y1}",
        month2=f"{MONTHS[m2]} {y1}",
    )


def conflict_pair(ctx: Ctx, pub: date, form: str) -> tuple[str, str]:
    """A first statement and a second one of the same event with another date, second in `form`."""
    rng = ctx.rng
    e = events(ctx, pub)
    full, sur, _ = e["who"]
    org, org_def = e["org"]
    fac, fac_def = e["fac"]
    y1, y2 = e["y1"], e["y2"]
    sd1, sd2 = spell(rng, e["d1"]), spell(rng, e["d2"])
    found_syn = rng.choice(("established", "set up", "created", "founded"))
    Org = cap(org)
    options = {
        "relative": [
            (
                f"{Org} was founded in [[{y1}]].",
                f"{org_def.capitalize()}, which was {found_syn} in [[{y2}]], now has 40 staff.",
            ),
            (
                f"{full} was appointed {e['role']} in [[{y1}]].",
                f"{sur}, who was named {e['role']} in [[{y2}]], declined to comment.",
            ),
            (
                f"{fac[0].upper() + fac[1:]} opened in [[{e['month1']}]].",
                f"{fac_def.capitalize()}, which opened in [[{e['month2']}]], employs 120 people.",
            ),
        ],
        "participial": [
            (
                f"{Org} was founded in [[{y1}]] by a group of teachers.",
                f"{found_syn.capitalize()} in [[{y2}]], {org_def} has grown steadily.",
            ),
            (
                f"{full} was born on [[{sd1}]] in {rng.choice(CITIES)}.",
                f"Born on [[{sd2}]], {sur} was the youngest of four children.",
            ),
            (
                f'The album "Northern Lights" was released in [[{e["month1"]}]].',
                f'Released in [[{e["month2"]}]], "Northern Lights" sold 50,000 copies.',
            ),
        ],
        "appositive": [
            (
                f"{full} was born in [[{y1}]].",
                f"{sur} (born [[{y2}]]) is the eldest of three sisters."
                if e["who"][2] == "she"
                else f"{sur} (born [[{y2}]]) is the eldest of three brothers.",
            ),
            (f"{Org} was established in [[{y1}]].", f"{Org}, founded in [[{y2}]], has never posted a loss."),
            (
                f"The Treaty of {rng.choice(CITIES)} was signed on [[{sd1}]].",
                f"The treaty, signed on [[{sd2}]], settled the border.",
            ),
        ],
        "passive": [
            (f"{Org} was set up in [[{y1}]].", f"{Org} was founded in [[{y2}]] with a grant from the city."),
            (
                f"{full} was elected {e['role']} in [[{y1}]].",
                f"{sur} was elected {e['role']} in [[{y2}]] by a narrow margin.",
            ),
        ],
        "fronted": [
            (f"{fac[0].upper() + fac[1:]} opened in [[{y1}]].", f"In [[{y2}]], {fac_def} opened."),
            (f"{full} died on [[{sd1}]].", f"On [[{sd2}]], {sur} died at home in {rng.choice(CITIES)}."),
        ],
        "since": [
            (f"{Org} was created in [[{y1}]].", f"Since its founding in [[{y2}]], {org_def} has trained 2,000 nurses."),
            (
                f"{full} became {e['role']} in [[{y1}]].",
                f"Since becoming {e['role']} in [[{y2}]], {sur} has doubled the budget.",
            ),
        ],
        "surname": [
            (
                f"{full} was born in [[{y1}]] in {rng.choice(CITIES)}.",
                f"{sur} was born in [[{y2}]], according to the archive.",
            ),
            (f"{full} died on [[{sd1}]] after a short illness.", f"{sur} died on [[{sd2}]]."),
        ],
        "definite": [
            (
                f"{fac[0].upper() + fac[1:]} opened on [[{sd1}]].",
                f"{fac_def.capitalize()} opened on [[{sd2}]] after a two-year delay.",
            ),
            (f"{Org} was founded in [[{y1}]].", f"{org_def.capitalize()} was founded in [[{y2}]] by two brothers."),
        ],
        "synonym": [
            (f"{Org} was established in [[{y1}]].", f"{Org} was set up in [[{y2}]]."),
            (f"{full} died on [[{sd1}]].", f"{full} passed away on [[{sd2}]]."),
            (f"{full} was named {e['role']} in [[{y1}]].", f"{full} was appointed {e['role']} in [[{y2}]]."),
        ],
    }
    return rng.choice(options[form])


def conflicting_frames() -> list:
    R = "chronology/conflicting-dates"

    def make(form, gap):
        def maker(ctx):
            doc = ctx.host()
            a, b = conflict_pair(ctx, doc.published, form)
            label = form if gap == "apart" else gap
            return ins(R, label, ctx, doc, a, b, gap=gap)

        return maker

    def adjacent(ctx):
        doc = ctx.host()
        a, b = conflict_pair(ctx, doc.published, ctx.rng.choice(("relative", "surname", "synonym", "passive")))
        return ins(R, "adjacent", ctx, doc, a, b, gap="adjacent")

    def paragraph(ctx):
        doc = ctx.host()
        a, b = conflict_pair(
            ctx, doc.published, ctx.rng.choice(("relative", "participial", "surname", "definite", "since"))
        )
        return ins(R, "paragraph-between", ctx, doc, a, b, gap="paragraph")

    born_re = re.compile(
        rf"\(\s*(?:born\s+)?(?:[^()]*?;\s*)?(?P<date>(?:\d{{1,2}} {MONTH_RE} |{MONTH_RE} \d{{1,2}} ?, )(?P<y>1[5-9]\d\d|20[01]\d))"
    )
    pool: list | None = None

    def edit_bio(ctx):
        """A real birth date of a biography, given again later with another year."""
        nonlocal pool
        if pool is None:
            pool = []
            for d in ctx.docs:
                if d.kind != "bio":
                    continue
                title = d.text.split("\n", 1)[0].strip(" ,")
                m = born_re.search(d.text, 0, 2500)
                if (
                    m
                    and re.fullmatch(r"[A-Z][\w'.-]+(?: [A-Z][\w'.-]+)+", title)
                    and title.split()[-1] in d.text[m.end() :]
                ):
                    pool.append((d, m, title.split()[-1]))
        if not pool:
            return None
        doc, m, sur = pool.pop(ctx.rng.randrange(len(pool)))
        y2 = int(m["y"]) + ctx.rng.choice((-1, 1)) * ctx.rng.randint(1, 3)
        sentence = ctx.rng.choice(
            (
                f"{sur} was born in [[{y2}]].",
                f"Born in [[{y2}]], {sur} grew up in a family of scholars.",
                f"{sur}, who was born in [[{y2}]], rarely spoke of childhood.",
            )
        )
        later = [c for c in boundaries(doc) if c > m.end() + 400]
        if not later:
            return None
        at = ctx.rng.choice(later[:8])
        text, spans, _ = _splice(doc.text, [(at, *mark(sentence), ctx.rng.random() < 0.5)], sentence)
        return fault(
            R,
            "edit:bio-birth",
            "edit",
            doc,
            text,
            spans + [(m.start("date"), m.end("date"))],
            f"{m['date']} ... {mark(sentence)[0]}",
        )

    founded_re = re.compile(
        r"(?P<ent>(?:[A-Z][\w&'-]+ ){0,3}[A-Z][\w&'-]+) (?:was|were) (?P<v>founded|established|created|set up|formed|launched|opened) in (?P<y>1[89]\d\d|20[0-2]\d)\b"
    )
    pool2: list | None = None

    def edit_news(ctx):
        """A real founding/opening year of a named entity, repeated later with another year."""
        nonlocal pool2
        if pool2 is None:
            pool2 = real_matches(
                ctx,
                founded_re,
                lambda d, m: m["ent"].split()[0] not in ("The", "It", "They", "He", "She", "This", "In"),
            )
        got = take_edit(ctx, pool2, "y")
        if not got:
            return None
        doc, m = got
        y2 = other_year(ctx.rng, int(m["y"]), doc.published)
        syn = {
            "founded": "established",
            "established": "founded",
            "created": "set up",
            "set up": "created",
            "formed": "founded",
            "launched": "launched",
            "opened": "opened",
        }[m["v"]]
        sentence = ctx.rng.choice(
            (
                f"{m['ent']}, which was {syn} in [[{y2}]], did not respond to requests for comment.",
                f"{m['ent']} was {syn} in [[{y2}]].",
            )
        )
        later = [c for c in boundaries(doc) if c > m.end()]
        if not later:
            return None
        at = ctx.rng.choice(later[:6])
        text, spans, _ = _splice(doc.text, [(at, *mark(sentence), ctx.rng.random() < 0.5)], sentence)
        return fault(
            R,
            "edit:news-founded",
            "edit",
            doc,
            text,
            spans + [(m.start("y"), m.end("y"))],
            f"{m[0]} ... {mark(sentence)[0]}",
        )

    frames = [
        (f, make(f, "apart"))
        for f in (
            "relative",
            "participial",
            "appositive",
            "passive",
            "fronted",
            "since",
            "surname",
            "definite",
            "synonym",
        )
    ]
    return frames + [("adjacent", adjacent), ("paragraph-between", paragraph), ("edit", edit_bio), ("edit", edit_news)]


# --- chronology/order


def order_frames() -> list:
    R = "chronology/order"

    def years(ctx, pub, gap=(2, 25), back=(30, 90)):
        y1 = pub.year - ctx.rng.randint(*back)
        return y1, y1 - ctx.rng.randint(*gap)  # y2 before y1: the later event dated earlier

    def recent(ctx, pub, gap=(2, 12)):
        return years(ctx, pub, gap, (1, 35))

    def person(ctx):
        return ctx.person()

    def coordinated(ctx):
        doc = ctx.host()
        born, died = years(ctx, doc.published)
        took, left = recent(ctx, doc.published)
        who = person(ctx)
        t = ctx.rng.choice(
            (
                f"{who[0]} was born in [[{born}]] and died in [[{died}]].",
                f"{who[0]} took office as {ctx.rng.choice(ROLES)} in [[{took}]] and resigned in [[{left}]].",
            )
        )
        return ins(R, "coordinated", ctx, doc, t)

    def participial(ctx):
        doc = ctx.host()
        born, died = years(ctx, doc.published)
        who = person(ctx)
        return ins(
            R, "participial", ctx, doc, f"Born in [[{born}]] in {ctx.rng.choice(CITIES)}, {who[0]} died in [[{died}]]."
        )

    def relative(ctx):
        doc = ctx.host()
        a, b = years(ctx, doc.published, (2, 12))
        o, c = recent(ctx, doc.published)
        fac = ctx.rng.choice(FACILITIES)
        t = ctx.rng.choice(
            (
                f"{cap(fac[0])}, which opened in [[{o}]], closed in [[{c}]].",
                f"{person(ctx)[0]}, who was born in [[{a}]], died in [[{b}]].",
            )
        )
        return ins(R, "relative", ctx, doc, t)

    def lifespan(ctx):
        doc = ctx.host()
        born, died = years(ctx, doc.published)
        who = person(ctx)
        dash = ctx.rng.choice(("\u2013", "-", "\u2013"))
        return ins(R, "lifespan", ctx, doc, f"The archive holds the letters of {who[0]} ([[{born}{dash}{died}]]).")

    def range_(ctx):
        doc = ctx.host()
        a, b = recent(ctx, doc.published, (2, 9))
        who = person(ctx)
        t = ctx.rng.choice(
            (
                f"{who[0]} served as {ctx.rng.choice(ROLES)} from [[{a} to {b}]].",
                f"During the [[{a}-{b}]] season the club finished last.",
                f"{who[1]} led the union from [[{MONTHS[ctx.rng.randrange(12)]} {a} until {MONTHS[ctx.rng.randrange(12)]} {b}]].",
            )
        )
        return ins(R, "range", ctx, doc, t)

    def passive(ctx):
        doc = ctx.host()
        a, b = recent(ctx, doc.published, (2, 15))
        org = ctx.rng.choice(ORGS)
        return ins(
            R,
            "passive",
            ctx,
            doc,
            f"{cap(org[0])} was founded in [[{a}]].",
            f"{org[1].capitalize()} was dissolved in [[{b}]].",
            gap="apart",
        )

    def pronoun(ctx):
        doc = ctx.host()
        a, b = recent(ctx, doc.published, (2, 15))
        fac = ctx.rng.choice(FACILITIES)
        return ins(
            R,
            "pronoun",
            ctx,
            doc,
            f"{cap(fac[0])} opened in [[{a}]].",
            f"It closed in [[{b}]], when the owners went bankrupt.",
            gap="adjacent",
        )

    def fronted(ctx):
        doc = ctx.host()
        born, died = years(ctx, doc.published)
        who = person(ctx)
        return ins(
            R,
            "fronted",
            ctx,
            doc,
            f"{who[0]} was born in [[{born}]].",
            f"In [[{died}]], {who[1]} died in {ctx.rng.choice(CITIES)}.",
            gap="apart",
        )

    def paragraph(ctx):
        doc = ctx.host()
        born, died = years(ctx, doc.published)
        who = person(ctx)
        return ins(
            R,
            "paragraph-between",
            ctx,
            doc,
            f"{who[0]} was born in [[{born}]] in {ctx.rng.choice(CITIES)}.",
            f"{who[1]} died in [[{died}]].",
            gap="paragraph",
        )

    def founder(ctx):
        doc = ctx.host()
        founded = doc.published.year - ctx.rng.randint(10, 40)
        born = founded + ctx.rng.randint(3, 20)
        who, org = person(ctx), ctx.rng.choice(ORGS)
        return ins(
            R,
            "founder-born",
            ctx,
            doc,
            f"{who[0]} founded {org[0]} in [[{founded}]].",
            f"{who[1]}, who was born in [[{born}]], still chairs the board.",
            gap="apart",
        )

    def signed(ctx):
        doc = ctx.host()
        died = doc.published.year - ctx.rng.randint(20, 60)
        later = died + ctx.rng.randint(2, 10)
        who = person(ctx)
        return ins(
            R,
            "after-death",
            ctx,
            doc,
            f"{who[0]} died in [[{died}]].",
            f"{who[1]} signed the charter in [[{later}]].",
            gap="apart",
        )

    def term(ctx):
        doc = ctx.host()
        start = rand_day(ctx.rng, doc.published.year - ctx.rng.randint(3, 20))
        end = start - timedelta(days=ctx.rng.randint(90, 700))
        who = person(ctx)
        poss = "Her" if who[2] == "she" else "His"
        return ins(
            R,
            "term",
            ctx,
            doc,
            f"{who[0]} was elected {ctx.rng.choice(ROLES)}.",
            f"{poss} term began in [[{month_year(start)}]] and ended in [[{month_year(end)}]].",
            gap="adjacent",
        )

    life_re = re.compile(
        rf"(?P<a>(?:\d{{1,2}} {MONTH_RE}|{MONTH_RE} \d{{1,2}} ?,) (?:1[5-9]\d\d|20[0-2]\d)) (?:\u2013|-) (?P<b>(?:\d{{1,2}} {MONTH_RE}|{MONTH_RE} \d{{1,2}} ?,) (?:1[5-9]\d\d|20[0-2]\d))"
    )
    pool: list | None = None

    def edit_life(ctx):
        nonlocal pool
        if pool is None:
            pool = real_matches(ctx, life_re, docs=[d for d in ctx.docs if d.kind == "bio"])
        got = take_edit(ctx, pool)
        if not got:
            return None
        doc, m = got
        new = doc.text[m.start("b") : m.end("b")] + doc.text[m.end("a") : m.start("b")] + m["a"]
        text, spans = replace(doc.text, m.start(), m.end(), new)
        return fault(R, "edit:bio-lifespan", "edit", doc, text, spans, f"{m[0]} -> {new}")

    range_re = re.compile(r"\bfrom (?P<a>19\d\d|20[0-2]\d) (?:to|until) (?P<b>19\d\d|20[0-2]\d)\b")
    pool2: list | None = None

    def edit_range(ctx):
        nonlocal pool2
        if pool2 is None:
            pool2 = real_matches(ctx, range_re, lambda d, m: int(m["b"]) - int(m["a"]) >= 2)
        got = take_edit(ctx, pool2)
        if not got:
            return None
        doc, m = got
        new = f"from {m['b']} to {m['a']}"
        text, spans = replace(doc.text, m.start(), m.end(), new)
        return fault(R, edit_frame(doc, m.start()), "edit", doc, text, spans, f"{m[0]} -> {new}")

    return [
        ("coordinated", coordinated),
        ("participial", participial),
        ("relative", relative),
        ("lifespan", lifespan),
        ("range", range_),
        ("passive", passive),
        ("pronoun", pronoun),
        ("fronted", fronted),
        ("paragraph-between", paragraph),
        ("founder-born", founder),
        ("after-death", signed),
        ("term", term),
        ("edit", edit_life),
        ("edit", edit_range),
    ]


# --- arithmetic/duration


def off_by(rng: random.Random, true: int, margin: int = 2, floor: int = 1) -> int:
    """A stated count at least `margin` away from the true one."""
    for _ in range(50):
        n = true + rng.choice((-1, 1)) * rng.randint(margin, margin + 4)
        if n >= floor:
            return n
    return true + margin + 1


def duration_frames() -> list:
    R = "arithmetic/duration"

    def later_in(ctx, gap="adjacent", label="fronted"):
        doc = ctx.host()
        y0 = doc.published.year - ctx.rng.randint(15, 40)
        n = ctx.rng.randint(2, 12)
        y1 = y0 + off_by(ctx.rng, n)  # the year actually given; n years are claimed
        if y1 >= doc.published.year:
            return None
        fac = ctx.rng.choice(FACILITIES)
        first = f"{cap(fac[0])} opened in [[{y0}]]."
        second = ctx.rng.choice(
            (
                f"[[{plural(n, 'year', ctx.rng, cap=True)} later]], in [[{y1}]], it was sold to a developer.",
                f"[[{plural(n, 'year', ctx.rng, cap=True)} after that]], in [[{y1}]], {fac[1]} doubled its capacity.",
            )
        )
        return ins(R, label, ctx, doc, first, second, gap=gap)

    def lasted(ctx):
        doc = ctx.host()
        d1 = rand_day(ctx.rng, doc.published.year - ctx.rng.randint(1, 20))
        days = ctx.rng.randint(20, 120)
        d2 = d1 + timedelta(days=days)
        weeks = off_by(ctx.rng, round(days / 7), margin=2)
        if abs(weeks * 7 - days) < 10 or d2 >= doc.published:
            return None
        return ins(
            R,
            "relative",
            ctx,
            doc,
            f"The strike, which lasted [[{plural(weeks, 'week', ctx.rng)}]], began on [[{spell(ctx.rng, d1)}]] and ended on [[{spell(ctx.rng, d2)}]].",
        )

    def served(ctx):
        doc = ctx.host()
        a = doc.published.year - ctx.rng.randint(10, 40)
        b = a + ctx.rng.randint(3, 9)
        n = off_by(ctx.rng, b - a)
        who = ctx.person()
        return ins(
            R,
            "from-to",
            ctx,
            doc,
            f"{who[0]} served [[{plural(n, 'year', ctx.rng)}]] as {ctx.rng.choice(ROLES)}, from [[{a} to {b}]].",
        )

    def participial(ctx):
        doc = ctx.host()
        a = doc.published.year - ctx.rng.randint(10, 40)
        b = a + ctx.rng.randint(3, 9)
        n = off_by(ctx.rng, b - a)
        who = ctx.person()
        return ins(
            R,
            "participial",
            ctx,
            doc,
            f"Having led the company for [[{plural(n, 'year', ctx.rng)}]], from [[{a}]] to [[{b}]], {who[1]} retired to {ctx.rng.choice(CITIES)}.",
        )

    def hiatus(ctx):
        doc = ctx.host()
        a = doc.published.year - ctx.rng.randint(12, 40)
        b = a + ctx.rng.randint(4, 10)
        n = off_by(ctx.rng, b - a)
        return ins(
            R,
            "hiatus",
            ctx,
            doc,
            f"The band split up in [[{a}]] and reunited in [[{b}]] after a [[{count_word(n, ctx.rng) if n <= 20 else n}-year hiatus]].",
        )

    def anniversary(ctx):
        doc = ctx.host()
        n = ctx.rng.choice((10, 15, 20, 25, 30, 40, 50))
        y0 = doc.published.year - off_by(ctx.rng, n, margin=3)
        org = ctx.rng.choice(ORGS)
        return ins(
            R,
            "anniversary",
            ctx,
            doc,
            f"{cap(org[0])}, founded in [[{y0}]], is celebrating its [[{ORDINALS[n]} anniversary]] this year.",
        )

    def since(ctx):
        doc = ctx.host()
        n = ctx.rng.randint(5, 30)
        y0 = doc.published.year - off_by(ctx.rng, n, margin=3)
        fac = ctx.rng.choice(FACILITIES)
        return ins(
            R, "since", ctx, doc, f"It has been [[{plural(n, 'year', ctx.rng)}]] since {fac[0]} opened in [[{y0}]]."
        )

    def days_earlier(ctx, gap="adjacent", label="offset-days"):
        doc = ctx.host()
        d1 = doc.published - timedelta(days=ctx.rng.randint(30, 600))
        k = ctx.rng.randint(1, 5)
        d0 = d1 - timedelta(days=off_by(ctx.rng, k, margin=2))
        if d0.year != d1.year:
            return None
        word = "A day" if k == 1 else plural(k, "day", ctx.rng, cap=True)
        return ins(
            R,
            label,
            ctx,
            doc,
            f"The verdict was delivered on [[{mdy(d1)}]].",
            f"[[{word} earlier]], on [[{mdy(d0, year=False)}]], the jury had asked to see the letters again.",
            gap=gap,
        )

    def next_day(ctx):
        doc = ctx.host()
        d1 = doc.published - timedelta(days=ctx.rng.randint(30, 600))
        d2 = d1 + timedelta(days=ctx.rng.randint(3, 9))
        if d2.year != d1.year:
            return None
        return ins(
            R,
            "next-day",
            ctx,
            doc,
            f"The storm reached the coast on [[{mdy(d1)}]]. [[The next day]], [[{mdy(d2, year=False)}]], the port was closed.",
        )

    def months_later(ctx):
        doc = ctx.host()
        d1 = doc.published - timedelta(days=ctx.rng.randint(700, 3000))
        real = ctx.rng.randint(3, 14)
        d2 = date(d1.year + (d1.month - 1 + real) // 12, (d1.month - 1 + real) % 12 + 1, min(d1.day, 28))
        n = off_by(ctx.rng, real, margin=3)
        if d2 >= doc.published:
            return None
        return ins(
            R,
            "months-later",
            ctx,
            doc,
            f"The company filed for bankruptcy on [[{mdy(d1)}]].",
            f"[[{plural(n, 'month', ctx.rng, cap=True)} later]], on [[{mdy(d2)}]], its assets were sold.",
            gap="apart",
        )

    def passive(ctx):
        doc = ctx.host()
        a = doc.published.year - ctx.rng.randint(10, 40)
        b = a + ctx.rng.randint(3, 9)
        n = off_by(ctx.rng, b - a)
        return ins(
            R,
            "passive",
            ctx,
            doc,
            f"The museum was closed for [[{plural(n, 'year', ctx.rng)}]], from [[{a} until {b}]], while the roof was rebuilt.",
        )

    def coordinated(ctx):
        doc = ctx.host()
        d1 = doc.published - timedelta(days=ctx.rng.randint(60, 900))
        k = ctx.rng.randint(3, 20)
        d2 = d1 + timedelta(days=off_by(ctx.rng, k, margin=3))
        if d2 >= doc.published:
            return None
        return ins(
            R,
            "coordinated",
            ctx,
            doc,
            f"The talks opened on [[{spell(ctx.rng, d1)}]] and collapsed [[{plural(k, 'day', ctx.rng)} later]], on [[{spell(ctx.rng, d2)}]].",
        )

    def investigation(ctx):
        doc = ctx.host()
        y = doc.published.year - ctx.rng.randint(2, 15)
        m1 = ctx.rng.randint(1, 5)
        m2 = ctx.rng.randint(m1 + 3, 12)
        n = off_by(ctx.rng, m2 - m1, margin=3)
        return ins(
            R,
            "appositive",
            ctx,
            doc,
            f"The report, the result of a [[{n}-month investigation]] that began in [[{MONTHS[m1 - 1]} {y}]] and ended in [[{MONTHS[m2 - 1]} {y}]], was published in full.",
        )

    return [
        ("fronted", later_in),
        ("paragraph-between", lambda c: later_in(c, "paragraph", "paragraph-between")),
        ("relative", lasted),
        ("from-to", served),
        ("participial", participial),
        ("hiatus", hiatus),
        ("anniversary", anniversary),
        ("since", since),
        ("offset-days", days_earlier),
        ("paragraph-between", lambda c: days_earlier(c, "paragraph", "paragraph-between")),
        ("next-day", next_day),
        ("months-later", months_later),
        ("passive", passive),
        ("coordinated", coordinated),
        ("appositive", investigation),
    ]


# --- arithmetic/age


def bad_age(rng: random.Random, lo: int, hi: int, margin: int = 2) -> int:
    """An age outside [lo - margin + 1, hi + margin - 1]: wrong whatever the unknown birthday."""
    return rng.choice((lo - margin - rng.randint(0, 3), hi + margin + rng.randint(0, 3)))


def age_frames() -> list:
    R = "arithmetic/age"

    def at_death(ctx):
        doc = ctx.host()
        y1 = doc.published.year - ctx.rng.randint(1, 30)
        y0 = y1 - ctx.rng.randint(50, 95)
        n = bad_age(ctx.rng, y1 - y0 - 1, y1 - y0)
        who = ctx.person()
        return ins(
            R, "relative", ctx, doc, f"{who[0]}, who was born in [[{y0}]], died in [[{y1}]] at the age of [[{n}]]."
        )

    def exact(ctx):
        doc = ctx.host()
        d1 = doc.published - timedelta(days=ctx.rng.randint(200, 9000))
        d0 = d1 - timedelta(days=ctx.rng.randint(50 * 365, 95 * 365))
        a = age_on(d0, d1)
        n = a + ctx.rng.choice((-2, -1, 1, 2))
        who = ctx.person()
        return ins(
            R,
            "coordinated",
            ctx,
            doc,
            f"{who[0]} was born on [[{spell(ctx.rng, d0)}]] and died on [[{spell(ctx.rng, d1)}]], aged [[{n}]].",
        )

    def appositive(ctx):
        doc = ctx.host(lambda d: d.kind == "news")
        y0 = doc.published.year - ctx.rng.randint(25, 80)
        n = bad_age(ctx.rng, doc.published.year - y0 - 1, doc.published.year - y0)
        who = ctx.person()
        return ins(
            R, "appositive", ctx, doc, f"{who[0]}, [[{n}]], who was born in [[{y0}]], said the decision was final."
        )

    def pre_name(ctx):
        doc = ctx.host(lambda d: d.kind == "news")
        y0 = doc.published.year - ctx.rng.randint(20, 70)
        n = bad_age(ctx.rng, doc.published.year - y0 - 1, doc.published.year - y0)
        who = ctx.person()
        return ins(
            R, "before-name", ctx, doc, f"[[{n}-year-old]] {who[0]}, born in [[{y0}]], was named captain on Monday."
        )

    def paragraph(ctx):
        doc = ctx.host(lambda d: d.kind == "news")
        d0 = doc.published - timedelta(days=ctx.rng.randint(25 * 365, 80 * 365))
        a = age_on(d0, doc.published)
        n = bad_age(ctx.rng, a, a)
        who = ctx.person()
        return ins(
            R,
            "paragraph-between",
            ctx,
            doc,
            f"{who[0]} was born on [[{spell(ctx.rng, d0)}]] in {ctx.rng.choice(CITIES)}.",
            f"The [[{n}-year-old]] {who[1]} has not said whether {who[2]} will run again.",
            gap="paragraph",
        )

    def participial(ctx):
        doc = ctx.host()
        y0 = doc.published.year - ctx.rng.randint(40, 90)
        y1 = y0 + ctx.rng.randint(25, 38)
        n = bad_age(ctx.rng, y1 - y0 - 1, y1 - y0)
        who = ctx.person()
        return ins(
            R,
            "participial",
            ctx,
            doc,
            f"Born in [[{y0}]], {who[0]} became {ctx.rng.choice(ROLES)} in [[{y1}]] at the age of [[{n}]].",
        )

    def fronted(ctx):
        doc = ctx.host()
        y0 = doc.published.year - ctx.rng.randint(40, 90)
        y1 = y0 + ctx.rng.randint(18, 35)
        n = bad_age(ctx.rng, y1 - y0 - 1, y1 - y0)
        who = ctx.person()
        return ins(
            R,
            "fronted",
            ctx,
            doc,
            f"{who[0]} was born in [[{y0}]].",
            f"In [[{y1}]], at [[{n}]], {who[1]} won a scholarship to study in {ctx.rng.choice(CITIES)}.",
            gap="apart",
        )

    def surname(ctx):
        doc = ctx.host(lambda d: d.kind == "news")
        y0 = doc.published.year - ctx.rng.randint(25, 80)
        n = bad_age(ctx.rng, doc.published.year - y0 - 1, doc.published.year - y0)
        who = ctx.person()
        return ins(
            R,
            "surname",
            ctx,
            doc,
            f"{who[0]} was born in [[{y0}]].",
            f"{who[1]}, [[{n}]], has worked at the firm for a decade.",
            gap="apart",
        )

    def when_was(ctx):
        doc = ctx.host()
        y0 = doc.published.year - ctx.rng.randint(40, 90)
        y1 = y0 + ctx.rng.randint(20, 35)
        n = bad_age(ctx.rng, y1 - y0 - 1, y1 - y0)
        who = ctx.person()
        return ins(
            R, "when-clause", ctx, doc, f"{who[0]} ([[born {y0}]]) moved abroad when {who[2]} was [[{n}]], in [[{y1}]]."
        )

    def knowledge(ctx):
        for _ in range(100):
            doc = ctx.host(lambda d: d.kind == "news")
            pub = doc.published
            cands = [x for x in LEADERS if alive(x, pub) and any(holds(x[2], t[0], pub, -60) for t in x[2])]
            if cands:
                break
        else:
            return None
        full, sur, terms, born, _ = ctx.rng.choice(cands)
        title = next(t[0] for t in terms if holds(terms, t[0], pub, -60))
        a = age_on(born, pub)
        n = bad_age(ctx.rng, a, a, margin=3)
        return ins(
            R,
            "knowledge",
            ctx,
            doc,
            f"{title} {full}, [[{n}]], said on {WEEKDAYS[(pub - timedelta(days=2)).weekday()]} that the talks would go on.",
        )

    news_age = re.compile(r"\b(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?), (?P<n>[2-9]\d), (?=[a-z])")
    pool: list | None = None

    def edit_news(ctx):
        """A real "Name, 45," given a birth year that makes the age wrong."""
        nonlocal pool
        if pool is None:
            pool = real_matches(
                ctx, news_age, lambda d, m: d.kind == "news" and not set(m["name"].split()) & set(MONTHS + WEEKDAYS)
            )
        got = take_edit(ctx, pool, "n")
        if not got:
            return None
        doc, m = got
        n = int(m["n"])
        y0 = doc.published.year - n + ctx.rng.choice((-1, 1)) * ctx.rng.randint(4, 9)
        new = f"{m['n']}, who was born in {y0},"
        start, end = m.start("n"), m.end("n") + 1
        text, spans = replace(doc.text, start, end, new)
        return fault(
            R,
            "edit:news-age",
            "edit",
            doc,
            text,
            [(start, start + len(m["n"])), (start + len(new) - 5, start + len(new) - 1)],
            f"{m[0]} -> {m['name']}, {new}",
        )

    life_re = re.compile(
        rf"(?P<a>(?:\d{{1,2}} {MONTH_RE}|{MONTH_RE} \d{{1,2}} ?,) (?:1[5-9]\d\d|20[0-2]\d)) (?:\u2013|-) (?P<b>(?:\d{{1,2}} {MONTH_RE}|{MONTH_RE} \d{{1,2}} ?,) (?:1[5-9]\d\d|20[0-2]\d))"
    )
    pool2: list | None = None

    def edit_bio(ctx):
        """A real life span of a biography, with a wrong age at death stated later."""
        nonlocal pool2
        if pool2 is None:
            pool2 = []
            for d in ctx.docs:
                title = d.text.split("\n", 1)[0].strip(" ,")
                m = life_re.search(d.text, 0, 2500) if d.kind == "bio" else None
                if m and re.fullmatch(r"[A-Z][\w'.-]+(?: [A-Z][\w'.-]+)+", title):
                    pool2.append((d, m, title.split()[-1]))
        if not pool2:
            return None
        doc, m, sur = pool2.pop(ctx.rng.randrange(len(pool2)))

        def parse(s):
            s = s.replace(" ,", ",")
            mm = FULL_DATE.match(s)
            return parse_full(mm) if mm else None

        d0, d1 = parse(m["a"]), parse(m["b"])
        if not d0 or not d1:
            return None
        a = age_on(d0, d1)
        n = a + ctx.rng.choice((-3, -2, 2, 3))
        sentence = ctx.rng.choice((f"{sur} died at the age of [[{n}]].", f"{sur} died aged [[{n}]]."))
        later = [c for c in boundaries(doc) if c > m.end() + 300]
        if not later:
            return None
        text, spans, _ = _splice(doc.text, [(ctx.rng.choice(later[:10]), *mark(sentence), True)], sentence)
        return fault(
            R, "edit:bio-age", "edit", doc, text, spans + [(m.start(), m.end())], f"{m[0]} ... {mark(sentence)[0]}"
        )

    return [
        ("relative", at_death),
        ("coordinated", exact),
        ("appositive", appositive),
        ("before-name", pre_name),
        ("paragraph-between", paragraph),
        ("participial", participial),
        ("fronted", fronted),
        ("surname", surname),
        ("when-clause", when_was),
        ("knowledge", knowledge),
        ("edit", edit_news),
        ("edit", edit_bio),
    ]


# --- facts/contradiction

WON = {
    "Ronald Reagan": (1980, 1984),
    "Barack Obama": (2008, 2012),
    "Donald Trump": (2016, 2024),
    "Francois Mitterrand": (1981, 1988),
    "Jacques Chirac": (1995, 2002),
    "Nicolas Sarkozy": (2007,),
    "Francois Hollande": (2012,),
    "Emmanuel Macron": (2017, 2022),
    "Tony Blair": (1997, 2001, 2005),
    "Margaret Thatcher": (1979, 1983, 1987),
    "Justin Trudeau": (2015, 2019, 2021),
    "Brian Mulroney": (1984, 1988),
    "Narendra Modi": (2014, 2019, 2024),
    "Moon Jae-in": (2017,),
}
OFFICE_NOUN = {"Prime Minister": "prime minister", "President": "president", "Chancellor": "chancellor"}


def wrong_start(ctx: Ctx, pub: date, need_current: bool = False) -> tuple | None:
    """A leader, one of their terms begun before pub, and a wrong start year before pub."""
    rng = ctx.rng
    for _ in range(200):
        entry = rng.choice(LEADERS)
        full, sur, terms, born, died = entry
        term = rng.choice(terms)
        title, office, start, end = term
        if start + timedelta(days=365) > pub or not alive(entry, pub):
            continue
        if need_current and not (end is None or end > pub):
            continue
        starts = {t[2].year for t in terms}
        w = start.year + rng.choice((-4, -3, -2, 2, 3, 4))
        if w >= pub.year or any(abs(w - s) <= 1 for s in starts) or w < born.year + 25:
            continue
        return entry, term, w
    return None


def facts_frames() -> list:
    R = "facts/contradiction"

    def frame(label, build, pool=None, need_current=False, dateline=False):
        def maker(ctx):
            doc = ctx.rng.choice(ctx.isot) if dateline else ctx.host(lambda d: d.kind == "news")
            got = wrong_start(ctx, doc.published, need_current)
            if not got:
                return None
            entry, term, w = got
            ctx.last_pub = doc.published
            sentence = build(ctx, entry, term, w)
            if sentence is None:
                return None
            f = at_dateline(R, label, ctx, sentence) if dateline else ins(R, label, ctx, doc, sentence)
            if dateline and not (got and (term[3] is None or term[3] > f.doc.published) or not need_current):
                return None
            return f

        return maker

    def relative(ctx, e, t, w):
        return f"{e[0]}, who became {OFFICE_NOUN[t[0]]} in [[{w}]], has rarely given interviews."

    def since(ctx, e, t, w):
        return f"{e[0]}, {OFFICE_NOUN[t[0]]} since [[{w}]], is expected to attend the summit."

    def fronted(ctx, e, t, w):
        return f"In [[{w}]], {e[0]} became {t[1]}."

    def participial(ctx, e, t, w):
        return f"Sworn in as {OFFICE_NOUN[t[0]]} in [[{w}]], {e[0]} inherited a weak economy."

    def passive(ctx, e, t, w):
        verb = "elected" if t[0] == "President" else "appointed"
        return f"{e[0]} was first {verb} {OFFICE_NOUN[t[0]]} in [[{w}]]."

    def coordinated(ctx, e, t, w):
        return f"{e[0]} took office as {t[1]} in [[{w}]] and quickly set out a reform programme."

    def surname(ctx, e, t, w):
        if not e[1]:
            return None
        return f"{e[1]}, who took office in [[{w}]], faces a difficult vote next month."

    def dateline_s(ctx, e, t, w):
        return f"{e[0]}, who became {OFFICE_NOUN[t[0]]} in [[{w}]], said on Tuesday that the talks would continue."

    def term_range(ctx, e, t, w):
        if t[3] is None or t[3] >= ctx.last_pub:
            return None
        return f"{e[0]}, who was {OFFICE_NOUN[t[0]]} from [[{w}]] to {t[3].year}, is writing a memoir."

    def election(ctx):
        doc = ctx.host(lambda d: d.kind == "news")
        rng = ctx.rng
        for _ in range(100):
            name, kind, year = rng.choice(ELECTIONS)
            entry = leader(name)
            w = year + rng.choice((-3, -2, -1, 1, 2, 3))
            if year >= doc.published.year or w >= doc.published.year or any(abs(w - x) < 1 for x in WON[name]):
                continue
            if kind.startswith("U.S.") and w % 4 == 0:
                continue  # another real election of that kind, which this person lost or did not run in
            t = rng.choice(
                (
                    f"{name} won the [[{w}]] {kind}.",
                    f"{entry[1] or name}'s victory in the [[{w}]] {kind} surprised pollsters.",
                    f"Since winning the [[{w}]] {kind}, {name} has faced several crises.",
                )
            )
            return ins(R, "election", ctx, doc, t)
        return None

    return [
        ("relative", frame("relative", relative)),
        ("since", frame("since", since, need_current=True)),
        ("fronted", frame("fronted", fronted)),
        ("participial", frame("participial", participial)),
        ("passive", frame("passive", passive)),
        ("coordinated", frame("coordinated", coordinated)),
        ("surname", frame("surname", surname)),
        ("dateline", frame("dateline", dateline_s, dateline=True)),
        ("range", frame("range", term_range)),
        ("election", election),
    ]


# --- facts/title-anachronism


def wrong_title(ctx: Ctx, pub: date, current: bool = False) -> tuple | None:
    """(entry, title, why): a title the person does not hold at pub but held or will hold near it.

    current=True instead returns a title the person holds at pub (for a wrong "former").
    """
    rng = ctx.rng
    for _ in range(300):
        entry = rng.choice(LEADERS)
        full, sur, terms, born, died = entry
        if not alive(entry, pub):
            continue
        title, office, start, end = rng.choice(terms)
        if current:
            if holds(terms, title, pub, -60):
                return entry, title, office, "in office"
            continue
        if holds(terms, title, pub, 90):
            continue
        if not (start - timedelta(days=8 * 365) <= pub <= (end or date(2100, 1, 1)) + timedelta(days=12 * 365)):
            continue
        other = any(holds(terms, t[0], pub, 0) for t in terms if t[0] != title)
        why = "other office" if other else ("not yet" if pub < start else "no longer")
        return entry, title, office, why
    return None


def title_frames() -> list:
    R = "facts/title-anachronism"

    def frame(label, build, current=False, dateline=False):
        def maker(ctx):
            doc = ctx.rng.choice(ctx.isot) if dateline else ctx.host(lambda d: d.kind == "news")
            got = wrong_title(ctx, doc.published, current)
            if not got:
                return None
            entry, title, office, why = got
            wd = WEEKDAYS[(doc.published - timedelta(days=ctx.rng.randint(1, 5))).weekday()]
            sentence = build(ctx, entry, title, office, wd)
            if sentence is None:
                return None
            if dateline:
                f = at_dateline(R, label, ctx, sentence)
                if f.doc.published != doc.published:  # at_dateline picked its own host: check again
                    again = wrong_title(ctx, f.doc.published, current)
                    if not again or again[0] != entry or again[1] != title:
                        return None
            else:
                f = ins(R, label, ctx, doc, sentence)
            f.snippet += f"   [{why}]"
            return f

        return maker

    def full(ctx, e, t, o, wd):
        return f"[[{t} {e[0]}]] said on {wd} that the talks would resume next month."

    def surname(ctx, e, t, o, wd):
        return f"[[{t} {e[1]}]] told reporters on {wd} that no decision had been made." if e[1] else None

    def dateline_s(ctx, e, t, o, wd):
        return f"[[{t} {e[0]}]] said on {wd} the government would not back down."

    def appositive(ctx, e, t, o, wd):
        return f"[[{e[0]}, {o},]] said on {wd} that the deal was close."

    def present(ctx, e, t, o, wd):
        return f"[[{t} {e[1] or e[0]}]] says the reforms are working."

    def perfect(ctx, e, t, o, wd):
        return f"[[{t} {e[0]}]] has called for calm."

    def obj(ctx, e, t, o, wd):
        return ctx.rng.choice(
            (
                f"The proposal was welcomed on {wd} by [[{t} {e[0]}]].",
                f"Delegates met [[{t} {e[0]}]] in {ctx.rng.choice(CITIES)} on {wd}.",
            )
        )

    def relative(ctx, e, t, o, wd):
        return f"The bill, which [[{t} {e[1] or e[0]}]] signed on {wd}, takes effect in the spring."

    def former(ctx, e, t, o, wd):
        return f"[[Former {t} {e[0]}]] said on {wd} that the country needed unity."

    return [
        ("full-name", frame("full-name", full)),
        ("surname", frame("surname", surname)),
        ("dateline", frame("dateline", dateline_s, dateline=True)),
        ("appositive", frame("appositive", appositive)),
        ("present", frame("present", present)),
        ("present-perfect", frame("present-perfect", perfect)),
        ("object", frame("object", obj)),
        ("relative", frame("relative", relative)),
        ("former", frame("former", former, current=True)),
    ]


GENERATORS: dict[str, Callable[[], list]] = {
    "calendar/invalid-date": invalid_date_frames,
    "calendar/weekday-mismatch": weekday_frames,
    "chronology/anachronism": anachronism_frames,
    "chronology/stale-future": stale_future_frames,
    "chronology/conflicting-dates": conflicting_frames,
    "chronology/order": order_frames,
    "arithmetic/duration": duration_frames,
    "arithmetic/age": age_frames,
    "facts/contradiction": facts_frames,
    "facts/title-anachronism": title_frames,
}


# ----------------------------------------------------------------- driver


def build(rule: str, docs: list[Doc], prose: list[Doc], seed: int, per_frame: int) -> list[Fault]:
    ctx = Ctx.__new__(Ctx)
    ctx.rng, ctx.docs, ctx.prose = random.Random(f"{seed}/{rule}"), docs, prose
    ctx.isot = [d for d in prose if d.name.startswith("isot-")]
    ctx.used_edits = set()
    frames = GENERATORS[rule]()
    out: list[Fault] = []
    seen: set[str] = set()
    for _ in range(per_frame):
        for _label, maker in frames:
            for _try in range(25):
                try:
                    f = maker(ctx)
                except LookupError:
                    f = None
                if f is None or f.text in seen:
                    continue
                assert all(0 <= s < e <= len(f.text) for s, e in f.anchors), (rule, f.frame, f.anchors)
                seen.add(f.text)
                out.append(f)
                break
    return out


COMMON_CAPS = set(MONTHS + WEEKDAYS) | {
    "The",
    "In",
    "On",
    "By",
    "Since",
    "Born",
    "Founded",
    "Established",
    "Built",
    "Discovered",
    "Signed",
    "Unveiled",
    "Having",
    "Held",
    "Postponed",
    "Late",
    "Early",
    "Due",
    "Scheduled",
    "Sworn",
    "Elected",
    "Released",
    "Ballots",
    "Talks",
    "Officials",
    "Lawmakers",
    "Ministers",
    "Residents",
    "Delegates",
    "Her",
    "His",
    "It",
    "A",
    "An",
    "Construction",
    "Prime",
    "Minister",
    "President",
    "Chancellor",
    "Former",
    "Reuters",
    "Parliament",
    "Regional",
    "Records",
    "Set",
    "Created",
    "Eleven",
    "Twelve",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "One",
    "During",
    "Treaty",
}


def batch_keys(f: Fault) -> set[str]:
    """What must not appear twice in one check run: the host, and every name the fault uses.

    All files of one run feed one temporal network (conflicts across files are a feature), so
    two copies of one article, or two faults naming the same person or body, are kept apart.
    """
    names = {t for t in re.findall(r"\b[A-Z][\w'-]+", f.snippet) if t not in COMMON_CAPS and not t.isupper()}
    return {"doc:" + f.doc.name} | names


def batches(faults: list[Fault]) -> list[list[Fault]]:
    groups: list[tuple[set[str], list[Fault]]] = []
    for f in faults:
        keys = batch_keys(f)
        for used, members in groups:
            if not used & keys:
                used |= keys
                members.append(f)
                break
        else:
            groups.append((set(keys), [f]))
    return [members for _, members in groups]


def header(day: date) -> str:
    return f"---\ndate: {day.isoformat()}\n---\n"


def run_check(cli: str, folder: Path) -> list[dict]:
    cmd = [cli, "check", str(folder), "--format", "json", "--no-cache", "--jobs", "1"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        print(f"check exited {proc.returncode}: {proc.stderr.strip()[-600:]}", file=sys.stderr)
    return json.loads(proc.stdout) if proc.stdout.strip() else []


def spans_of(f: dict) -> list[tuple[int, int]]:
    out = []
    if f.get("offset") is not None:
        out.append((f["offset"], max(f.get("end_offset") or 0, f["offset"] + 1)))
    for r in f.get("related") or []:
        if r.get("offset") is not None and (r.get("path") in (None, f.get("path"))):
            out.append((r["offset"], max(r.get("end_offset") or 0, r["offset"] + 1)))
    return out


def default_cli() -> str:
    beside = Path(sys.executable).with_name("chronolint")
    return str(beside) if beside.exists() else "chronolint"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rule", action="append", choices=RULES, help="only this rule (repeatable)")
    parser.add_argument("--limit", type=int, default=None, help="at most N faults per rule")
    parser.add_argument("--per-frame", type=int, default=5, help="faults per frame maker and rule (default 5)")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--verbose", action="store_true", help="print every missed fault")
    parser.add_argument(
        "--no-clean", action="store_true", help="skip the clean corpus (only the hosts' originals are checked)"
    )
    parser.add_argument("--cli", default=default_cli(), help="command that runs the checker")
    parser.add_argument("--keep", type=Path, help="keep the checked folder here")
    parser.add_argument("--dump", type=Path, help="write every fault and its outcome as JSON lines")
    opts = parser.parse_args(argv)

    t0 = time.perf_counter()
    docs = load_docs()
    prose = [d for d in docs if is_prose(d)]
    rules = opts.rule or list(RULES)
    faults: list[Fault] = []
    for rule in rules:
        got = build(rule, docs, prose, opts.seed, opts.per_frame)
        faults += got[: opts.limit] if opts.limit else got
    for i, f in enumerate(faults):
        f.key = f"m{i:04d}"
    hosts = {f.doc.name for f in faults}
    clean_docs = [d for d in docs if opts.no_clean is False or d.name in hosts]
    print(
        f"{len(faults)} faults in {len(hosts)} host documents ({len(prose)} prose documents of {len(docs)}), "
        f"built in {time.perf_counter() - t0:.1f} s"
    )

    tmp = tempfile.TemporaryDirectory(prefix="chronolint-mut-")
    folder = opts.keep or Path(tmp.name)
    safe = {d.name: re.sub(r"[^\w.-]", "_", d.name) for d in docs}
    groups = batches(faults)
    per_file: dict[str, list[dict]] = defaultdict(list)

    def collect(found: list[dict]) -> None:
        for f in found:
            p = Path(f["path"])
            per_file[f"{p.parent.name.split('-')[0]}/{p.stem}"].append(f)

    t1 = time.perf_counter()
    for i, group in enumerate(groups):
        sub = folder / f"mut-{i:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        for f in group:
            (sub / f"{f.key}.txt").write_text(header(f.doc.published) + f.text, encoding="utf-8")
        collect(run_check(opts.cli, sub))
    t2 = time.perf_counter()
    (folder / "clean").mkdir(parents=True, exist_ok=True)
    for d in clean_docs:
        (folder / "clean" / f"{safe[d.name]}.txt").write_text(header(d.published) + d.text, encoding="utf-8")
    collect(run_check(opts.cli, folder / "clean"))
    print(
        f"checked {len(faults)} mutated files in {len(groups)} runs (no two copies of one article, no name "
        f"twice in a run): {t2 - t1:.0f} s; {len(clean_docs)} clean files in one run: {time.perf_counter() - t2:.0f} s"
    )

    def clean_keys(doc: Doc) -> set[tuple[str, str]]:
        h = len(header(doc.published))
        return {
            (f["rule"], doc.text[f["offset"] - h : f["end_offset"] - h])
            for f in per_file.get(f"clean/{safe[doc.name]}", [])
        }

    for flt in faults:
        h = len(header(flt.doc.published))
        before = clean_keys(flt.doc)
        anchors = [(s + h, e + h) for s, e in flt.anchors]
        for f in per_file.get(f"mut/{flt.key}", []):
            if f["rule"] != flt.rule:
                continue
            if (f["rule"], flt.text[f["offset"] - h : f["end_offset"] - h]) in before:
                continue
            if any(s < ae and as_ < e for s, e in spans_of(f) for as_, ae in anchors):
                flt.found = True
                flt.hits.append(f)

    # ---- report
    print("\nrecall per rule:")
    total_hit = 0
    for rule in rules:
        fs = [f for f in faults if f.rule == rule]
        hit = sum(f.found for f in fs)
        total_hit += hit
        edits = [f for f in fs if f.kind == "edit"]
        print(
            f"  {rule:30} {hit:3}/{len(fs):<3} {hit / max(1, len(fs)):.2f}   "
            f"(edits {sum(f.found for f in edits)}/{len(edits)}, insertions {hit - sum(f.found for f in edits)}/{len(fs) - len(edits)})"
        )
    print(f"overall: {total_hit}/{len(faults)} = {total_hit / max(1, len(faults)):.2f}")
    print("\nrecall per (rule, frame):")
    for rule in rules:
        frames = Counter(f.frame for f in faults if f.rule == rule)
        hits = Counter(f.frame for f in faults if f.rule == rule and f.found)
        cells = [f"{fr} {hits[fr]}/{n}" for fr, n in sorted(frames.items())]
        print(f"  {rule}:\n      " + ", ".join(cells))
    frame_all, frame_hit = Counter(), Counter()
    for f in faults:
        base = f.frame.split(":")[0]
        frame_all[base] += 1
        frame_hit[base] += f.found
    print("\nrecall per frame, all rules:")
    print("  " + ", ".join(f"{fr} {frame_hit[fr]}/{n}" for fr, n in sorted(frame_all.items())))

    us_uk = [x for x in LEADERS if any("U.S." in t[1] or "Britain" in t[1] for t in x[2])]
    others = [x for x in LEADERS if x not in us_uk]

    def office(f: Fault) -> str | None:
        def named(entries):
            return any(e[0] in f.snippet or (e[1] and re.search(rf"\b{re.escape(e[1])}\b", f.snippet)) for e in entries)

        return "US/UK office" if named(us_uk) else "non-US office" if named(others) else None

    tagged = [(f, office(f)) for f in faults if office(f)]
    if tagged:
        print("\nreal office holders, US/UK against the others:")
        for rule in rules:
            cells = []
            for tag in ("US/UK office", "non-US office"):
                fs = [f for f, t in tagged if f.rule == rule and t == tag]
                if fs:
                    cells.append(f"{tag} {sum(f.found for f in fs)}/{len(fs)}")
            if cells:
                print(f"  {rule:30} " + ", ".join(cells))

    if not opts.no_clean:
        words = sum(len(d.text.split()) for d in clean_docs)
        clean = [f for d in clean_docs for f in per_file.get(f"clean/{safe[d.name]}", []) if f["severity"] in SCORED]
        print(
            f"\nclean text: {len(clean_docs)} documents, {words:,} words: {len(clean)} warning-or-error findings "
            f"= {len(clean) / words * 10_000:.2f} per 10k words"
        )
        names = {safe[d.name]: d for d in clean_docs}
        for f in clean:
            d = names[Path(f["path"]).stem]
            h = len(header(d.published))
            s, e = f["offset"] - h, f["end_offset"] - h
            ctx_txt = d.text[max(0, s - 70) : e + 50].replace("\n", " ")
            print(f"  - {d.name} ({d.published}) {f['rule']} [{f['severity']}] {f['message']}\n      ...{ctx_txt}...")

    if opts.verbose:
        print("\nmisses:")
        for f in faults:
            if f.found:
                continue
            h = len(header(f.doc.published))
            near = [
                g
                for g in per_file.get(f"mut/{f.key}", [])
                if any(s < ae + h and as_ + h < e for s, e in spans_of(g) for as_, ae in f.anchors)
            ]
            s = f.anchors[0][0]
            ctx_txt = f.text[max(0, s - 90) : f.anchors[0][1] + 90].replace("\n", " / ")
            print(f"  MISS {f.rule} [{f.frame}] {f.doc.name} ({f.doc.published}) {f.key}: {f.snippet[:200]}")
            print(f"      ...{ctx_txt}...")
            for g in near:
                print(f"      near: {g['rule']} [{g['severity']}] {g['message'][:150]}")
    if opts.dump:
        with opts.dump.open("w", encoding="utf-8") as fh:
            for f in faults:
                h = len(header(f.doc.published))
                fh.write(
                    json.dumps(
                        {
                            "key": f.key,
                            "rule": f.rule,
                            "frame": f.frame,
                            "kind": f.kind,
                            "doc": f.doc.name,
                            "published": f.doc.published.isoformat(),
                            "found": f.found,
                            "snippet": f.snippet,
                            "anchors": [f.text[s:e] for s, e in f.anchors],
                            "context": f.text[max(0, f.anchors[0][0] - 120) : f.anchors[0][1] + 120],
                            "findings": [
                                {k: g[k] for k in ("rule", "severity", "message", "offset")}
                                for g in per_file.get(f"mut/{f.key}", [])
                                if any(s < ae + h and as_ + h < e for s, e in spans_of(g) for as_, ae in f.anchors)
                            ],
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )
    print(f"\ntotal time {time.perf_counter() - t0:.0f} s")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
