"""Life spans: a name and the days of its birth and death in parentheses ("Zaha Hadid (31 October
1950 – 31 March 2016)", "Ana Pereira (3 April 1978 – )"), read as a reader does: the birth and
the death of the person named just before. Found once by the text's shape, for the assertions
(``extract``) and the ages."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from checker.model import Timex

# "Zaha Hadid (31 October 1950 – 31 March 2016)": a name and its life span in parentheses, after
# a note on the name if any ("(Danish: [...]; 16 July 1860 – 30 April 1943)").
_NAME_BEFORE_PARENTHESIS = re.compile(
    r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5})\s*\(\s*(?:[^()\n]{0,80}?[;,]\s*)?(?:born\s+|b\.\s*)?$"
)
# "(3 April 1978 – )": a life span still open.
_OPEN_END = re.compile(r"\s*[–—-]+\s*\)")
# Titles whose bearer's years in parentheses are more often a reign or a term than a life.
REIGN_TITLES = frozenset(
    "king queen pope emperor empress tsar czar sultan shah pharaoh caliph president premier chancellor "
    "governor mayor prince princess duke".split()
)
_ROMAN = re.compile(r"[IVXLC]+")


@dataclass(frozen=True)
class End:
    """One end of a life span: the ``event`` ("birth" or "death") its timex dates, the name's
    characters, and the parenthesis standing for the trigger."""

    timex: int
    event: str
    name_start: int
    name_end: int
    mark: int  # the offset of "(" (a birth) or ")" (a death)


def _name(text: str, t: Timex) -> re.Match[str] | None:
    if text.rfind("(", max(0, t.start - 140), t.start) < 0:
        return None  # the name's parenthesis: most dates have none before them (the search is costly)
    m = _NAME_BEFORE_PARENTHESIS.search(text, max(0, t.start - 140), t.start)
    if m is None:
        return None
    words = m[1].split()
    if words[0].lower().strip(".") in REIGN_TITLES or _ROMAN.fullmatch(words[-1]):
        return None  # "King Olaf V (1957–1991)", "Pope Pius XII": a reign
    return m


def ends(text: str, timexes: Sequence[Timex]) -> Iterator[End]:
    """The births and deaths the text's life spans state, in text order."""
    for i, t in enumerate(timexes):
        end = t.link
        if end is not None and end <= i:
            continue
        m = _name(text, t)
        if m is None:
            continue
        mark = text.rfind("(", m.end(1), t.start)
        if end is None:
            if _OPEN_END.match(text, t.end):
                yield End(i, "birth", m.start(1), m.end(1), mark)
            continue
        close = re.match(r"\s*\)", text[timexes[end].end :])
        if close is None:
            continue
        yield End(i, "birth", m.start(1), m.end(1), mark)
        yield End(end, "death", m.start(1), m.end(1), timexes[end].end + close.end() - 1)
