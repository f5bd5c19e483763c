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

The data root is ``$CHRONOLINT_DATA`` or ``<repo>/../shared/data``; ``data_root()``
returns None when it is absent so callers (tests) can skip cleanly.
"""

from __future__ import annotations

import csv
import html
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
        raise FileNotFoundError(
            "no shared data folder: set CHRONOLINT_DATA or put it at ../shared/data"
        )
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


def _flatten(
    elem: ET.Element, parts: list[str], gold: list[GoldTimex], pos: int
) -> int:
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
                start += len("".join(parts)[start:pos]) - len(
                    "".join(parts)[start:pos].lstrip()
                )
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
    folder = _root() / (
        "news/gum-wikinews" if kind == "news" else "bio/gum-wikipedia-bios"
    )
    return [read_gum(p) for p in sorted(folder.glob("*.xml"))]


# ---------------------------------------------------------------- Reuters-21578

_REUTERS = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.DOTALL)
_FIELD = {
    k: re.compile(rf"<{k}>(.*?)</{k}>", re.DOTALL) for k in ("DATE", "TITLE", "BODY")
}


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
            out.append(
                Article(
                    f"reuters-{m[1]}", f"{_sgml_field(m[2], 'TITLE')}\n\n{body}", dct
                )
            )
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
