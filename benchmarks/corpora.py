"""Loaders for the evaluation corpora under ``../shared/data`` (read at run time, never copied).

Every loader returns plain records whose offsets index the returned ``text``, so a
benchmark can run the checker on ``text`` and compare spans directly:

- ``tempeval3(split)``: TimeML ``.tml`` files -> ``TmlDoc`` (text of ``<TEXT>`` with
  tags removed, DCT, gold ``TIMEX3`` with offsets, type, value, mod).
- ``gum(kind)``: GUM Wikinews/Wikipedia-bio XML -> ``GumDoc`` (tokens joined by
  spaces, ``dateCreated``, gold ``<date>`` tags with offsets and attributes).
- ``reuters21578()``: ``.sgm`` files -> ``Article`` (title + body, ``<DATE>``).
- ``isot_true()``: ISOT ``True.csv`` -> ``Article`` (title + text, ``date`` column).
- ``news()``: every article under ``news/`` (GUM news, ISOT, Reuters), for throughput.
- ``bio()``: the GUM Wikipedia biographies under ``bio/``, for throughput.
- ``wikiwars()``: the WikiWars articles under ``wikiwars-dev/`` as plain articles, for throughput.
- ``wikiwars_dev()``: WikiWars articles 01-11 (JSONL, gold TIMEX2) -> ``TimexDoc`` with the
  outermost TIMEX2 mapped to TIMEX3 as ``wikiwars-dev/SOURCE.md`` says (``timex2_gold``).
- ``tweets_dev()``: the Tweets training split (JSONL, TIMEX3) -> ``TimexDoc`` with the gold
  values' non-standard forms normalised to plain TIMEX3 (``tweet_value``).

The data root is ``$CHRONOLINT_DATA`` or ``<repo>/../shared/data``; ``data_root()``
returns None when it is absent so callers (tests) can skip cleanly.
"""

from __future__ import annotations

import csv
import html
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path


def data_root() -> Path | None:
    """The shared data folder, or None when this checkout has none next to it."""
    env = os.environ.get("CHRONOLINT_DATA")
    root = Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "data"
    return root if root.is_dir() else None


def _root() -> Path:
    root = data_root()
    if root is None:
        raise FileNotFoundError("no shared data folder: set CHRONOLINT_DATA or put it at ../shared/data")
    return root


@dataclass(frozen=True)
class GoldTimex:
    """One gold TIMEX3 (TempEval) or <date> (GUM); offsets index the document's text."""

    start: int
    end: int
    text: str
    type: str = "DATE"
    value: str = ""
    mod: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TmlDoc:
    name: str
    text: str
    dct: date | None
    dct_value: str
    timexes: list[GoldTimex]


@dataclass(frozen=True)
class GumDoc:
    name: str
    text: str
    dct: date | None
    dates: list[GoldTimex]


@dataclass(frozen=True)
class TimexDoc:
    """A document of a stand-off JSONL corpus (WikiWars, Tweets): text, DCT, gold TIMEX3."""

    name: str
    text: str
    dct: date | None
    timexes: list[GoldTimex]


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    dct: date | None


def _iso_day(value: str) -> date | None:
    """The day of an ISO value that starts with YYYY-MM-DD, else None."""
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


# ---------------------------------------------------------------- TempEval-3


def _flatten(elem: ET.Element, parts: list[str], gold: list[GoldTimex], pos: int) -> int:
    """Append the text under ``elem`` to ``parts``; record TIMEX3 spans. Returns the new offset."""
    if elem.text:
        parts.append(elem.text)
        pos += len(elem.text)
    for child in elem:
        start = pos
        pos = _flatten(child, parts, gold, pos)
        if child.tag == "TIMEX3":
            text = "".join(parts)[start:pos]
            a = child.attrib
            gold.append(
                GoldTimex(
                    start,
                    pos,
                    text,
                    a.get("type", ""),
                    a.get("value", ""),
                    a.get("mod"),
                    dict(a),
                )
            )
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    return pos


def read_tml(path: Path) -> TmlDoc:
    """One TimeML file: text of <TEXT> without tags, DCT and gold TIMEX3 (DCT excluded)."""
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    dct_value = dct_el.get("value", "") if dct_el is not None else ""
    text_el = root.find("TEXT")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    if text_el is not None:
        _flatten(text_el, parts, gold, 0)
    return TmlDoc(path.stem, "".join(parts), _iso_day(dct_value), dct_value, gold)


def tempeval3(split: str = "train") -> list[TmlDoc]:
    """All documents of a TempEval-3 split (``train`` = TimeBank + AQUAINT, or ``platinum``)."""
    folder = _root() / "tempeval3" / split
    return [read_tml(p) for p in sorted(folder.rglob("*.tml"))]


# ---------------------------------------------------------------- GUM

_GUM_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_gum(path: Path) -> GumDoc:
    """One GUM XML file in vertical format: first column tokens joined by spaces.

    Tokens inside one ``<w>`` (e.g. "do" + "n't") are joined without a space;
    each ``</s>`` ends a line and each ``</p>``/``</head>`` adds a blank line, so
    sentence and paragraph breaks stay visible to the pipeline.
    """
    parts: list[str] = []
    pos = 0
    open_dates: list[tuple[int, dict[str, str]]] = []
    dates: list[GoldTimex] = []
    dct: date | None = None
    in_w = False
    glue = False  # next token attaches without a space

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("<"):
            tag = line[1:].split(" ", 1)[0].rstrip(">")
            if tag == "text":
                dct = _iso_day(dict(_GUM_ATTR.findall(line)).get("dateCreated", ""))
            elif tag == "date":
                open_dates.append((pos, dict(_GUM_ATTR.findall(line))))
            elif tag == "/date" and open_dates:
                start, attrs = open_dates.pop()
                text = "".join(parts)[start:pos].strip()
                start += len("".join(parts)[start:pos]) - len("".join(parts)[start:pos].lstrip())
                dates.append(
                    GoldTimex(
                        start,
                        start + len(text),
                        text,
                        "DATE",
                        attrs.get("when", ""),
                        attrs=attrs,
                    )
                )
            elif tag == "w":
                in_w, glue = True, False
            elif tag == "/w":
                in_w = False
            elif tag in ("/s", "/p", "/head") and parts:
                # a line break ends a sentence; a blank line ends a paragraph or headline
                parts.append("\n")
                pos += 1
                glue = True
            continue
        token = line.split("\t", 1)[0]
        if parts and not glue:
            parts.append(" ")
            pos += 1
        parts.append(token)
        pos += len(token)
        glue = in_w
    return GumDoc(path.stem, "".join(parts), dct, sorted(dates, key=lambda d: d.start))


def gum(kind: str = "news") -> list[GumDoc]:
    """GUM documents: ``news`` (Wikinews news + interviews) or ``bio`` (Wikipedia bios)."""
    folder = _root() / ("news/gum-wikinews" if kind == "news" else "bio/gum-wikipedia-bios")
    return [read_gum(p) for p in sorted(folder.glob("*.xml"))]


# ---------------------------------------------------------------- WikiWars and Tweets (JSONL)


def _jsonl(path: Path) -> Iterator[dict]:  # type: ignore[type-arg]
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


_TIMEX2_DURATION = re.compile(r"P(\d*\.?\d+|X)(DE|CE)")
_DURATION_VALUE = re.compile(r"P[\dX.T]")  # not PRESENT_REF, PAST_REF
_TIME_VALUE = re.compile(r"[\dX]T(?:\d|MO|AF|EV|NI|DT|XX)")


def timex2_gold(t: dict[str, str]) -> tuple[str, str]:
    """(TIMEX3 type, value) of one WikiWars TIMEX2, as ``wikiwars-dev/SOURCE.md`` describes it.

    The value is kept but for TIMEX2's own forms: BC years ``BC0499`` -> ``-0499`` (also
    ``BC049`` decades, ``BC04`` centuries, ``BC0480-04`` months), decade and century
    durations ``P1DE`` -> ``P10Y``, ``P2CE`` -> ``P200Y``. TIMEX2 has no type: ``set:
    "YES"`` is a SET, a ``P`` value a DURATION, a value with a clock time or part of day
    (``T...``) a TIME, any other value a DATE. A TIMEX2 without a value (``"former"``)
    keeps an empty value, which no system value matches.
    """
    value = t.get("val") or ""
    if value.startswith("BC"):
        value = "-" + value[2:]
    m = _TIMEX2_DURATION.fullmatch(value)
    if m:
        n, unit = m[1], 10 if m[2] == "DE" else 100
        value = f"P{'X' if n == 'X' else format(float(n) * unit, 'g')}Y"
    if t.get("set") == "YES":
        return "SET", value
    if _DURATION_VALUE.match(value):
        return "DURATION", value
    return ("TIME" if _TIME_VALUE.search(value) else "DATE"), value


def wikiwars_dev() -> list[TimexDoc]:
    """WikiWars articles 01-11 (``wikiwars-dev/``): the outermost (depth 0) TIMEX2 of each, as TIMEX3.

    The DCT is the corpus's download stamp (2009-12-19), not the story's time.
    """
    out: list[TimexDoc] = []
    for row in _jsonl(_root() / "wikiwars-dev" / "wikiwars-01-11.jsonl"):
        gold = []
        for t in sorted(row["timexes"], key=lambda t: t["start"]):
            if t.get("depth", 0) != 0:
                continue
            type_, value = timex2_gold(t)
            gold.append(GoldTimex(t["start"], t["end"], t["text"], type_, value, t.get("mod"), dict(t)))
        out.append(TimexDoc(row["id"], row["text"], _iso_day(row["dct"]), gold))
    return out


_WEEKDAY_SUFFIX = re.compile(r"(\d{4}-\d\d-\d\d)-WXX-\d")
_YEAR_XX = re.compile(r"(\d{4})-XX-XX")
_MONTH_WEEK = re.compile(r"(\d{4})-\d\d-(W\d\d)")
_CENTURY_ORD = re.compile(r"P1C-#(\d+)")
_UNPADDED = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?=$|T)")
_TIME_UNIT_NO_T = re.compile(r"P(\d+|X)([HS])")


def tweet_value(type_: str, value: str) -> tuple[str, str]:
    """(type, value) of a Tweets gold TIMEX3 with the release's non-standard forms made plain
    (``tweets-dev/SOURCE.md``): ``2011-11-26-WXX-6`` -> ``2011-11-26``, ``2014-XX-XX`` ->
    ``2014``, ``2013-10-W41`` -> ``2013-W41``, ``P1C-#19`` ("the 19th century") -> DATE
    ``18``, ``2013-11-1`` -> ``2013-11-01``, ``P12H`` -> ``PT12H``. Other oddities
    (``P1D-#1``, ``INTERSECT``, ``THIS ...``) are left as released: gold noise."""
    value = _WEEKDAY_SUFFIX.sub(r"\1", value.strip())
    value = _YEAR_XX.fullmatch(value) and value[:4] or value
    value = _MONTH_WEEK.sub(r"\1-\2", value)
    if m := _CENTURY_ORD.fullmatch(value):
        return "DATE", f"{int(m[1]) - 1:02d}"
    if m := _UNPADDED.match(value):
        day = f"-{int(m[3]):02d}" if m[3] else ""
        value = f"{m[1]}-{int(m[2]):02d}{day}" + value[m.end() :]
    value = _TIME_UNIT_NO_T.sub(r"PT\1\2", value)
    return type_, value


def tweets_dev() -> list[TimexDoc]:
    """The Tweets training split (``tweets-dev/train.jsonl``): 742 tweets, DCT = creation date."""
    out: list[TimexDoc] = []
    for row in _jsonl(_root() / "tweets-dev" / "train.jsonl"):
        gold = []
        for t in sorted(row["timexes"], key=lambda t: t["start"]):
            type_, value = tweet_value(t["type"], t["value"])
            attrs = {"type": t["type"], "value": t["value"]}
            gold.append(GoldTimex(t["start"], t["end"], t["text"], type_, value, attrs=attrs))
        out.append(TimexDoc(row["id"], row["text"], _iso_day(row["dct"]), gold))
    return out


# ---------------------------------------------------------------- Reuters-21578

_REUTERS = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.DOTALL)
_FIELD = {k: re.compile(rf"<{k}>(.*?)</{k}>", re.DOTALL) for k in ("DATE", "TITLE", "BODY")}


def _sgml_field(block: str, name: str) -> str:
    m = _FIELD[name].search(block)
    return html.unescape(m[1]) if m else ""


def reuters21578() -> list[Article]:
    """Reuters-21578 articles with a body: text = title, blank line, body (without the "Reuter" trailer)."""
    out: list[Article] = []
    for path in sorted((_root() / "news/reuters21578").glob("*.sgm")):
        for m in _REUTERS.finditer(path.read_text(encoding="latin-1")):
            body = _sgml_field(m[2], "BODY")
            if not body:
                continue
            body = re.sub(r"\s*Reuter\s*\x03?\s*$", "", body)
            stamp = _sgml_field(m[2], "DATE").strip().split(" ")[0]
            try:
                dct = datetime.strptime(stamp, "%d-%b-%Y").date()
            except ValueError:
                dct = None
            out.append(Article(f"reuters-{m[1]}", f"{_sgml_field(m[2], 'TITLE')}\n\n{body}", dct))
    return out


# ---------------------------------------------------------------- ISOT


def isot_true() -> list[Article]:
    """ISOT True.csv (Reuters politics 2017): text = title, blank line, body."""
    path = _root() / "news/isot-reuters-politics-2017-sample/True.csv"
    out: list[Article] = []
    with path.open(encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            try:
                dct = datetime.strptime(row["date"].strip(), "%B %d, %Y").date()
            except ValueError:
                dct = None
            out.append(Article(f"isot-{i}", f"{row['title']}\n\n{row['text']}", dct))
    return out


def news() -> Iterator[Article]:
    """Every article under ``news/``: GUM Wikinews, ISOT and Reuters-21578."""
    for doc in gum("news"):
        yield Article(doc.name, doc.text, doc.dct)
    yield from isot_true()
    yield from reuters21578()


def bio() -> list[Article]:
    """The GUM Wikipedia biographies (``bio/gum-wikipedia-bios``), dated by their ``dateCreated``."""
    return [Article(doc.name, doc.text, doc.dct) for doc in gum("bio")]


def wikiwars() -> list[Article]:
    """The WikiWars articles 01-11, dated by the corpus's download stamp (all the date they state)."""
    return [Article(doc.name, doc.text, doc.dct) for doc in wikiwars_dev()]
