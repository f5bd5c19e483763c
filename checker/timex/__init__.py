"""The temporal tagger: finds time expressions in a spaCy Doc and normalizes them (TIMEX3).

    tag(doc, dct, date_order=None) -> list[Timex]

How it works, and why it is fast (~300k words/s of CPU on news after tokenization):
one pass of a keyword regex over ``doc.text`` finds trigger words (month and
weekday names, time units, numbers...); each rule's regex, compiled once at import
(``checker.timex.patterns`` for calendar dates, ``checker.timex.era`` for BC/AD years,
``checker.timex.relative`` for relative dates, durations and sets, ``checker.timex.periods``
for seasons, decades, quarters, fiscal years, clock times and holidays), is then tried only
around its triggers (at the trigger itself when a pattern has no look-back). No Python work
is done per token. ``checker.timex.select`` keeps the longest matches, attaches
modifiers ("early", "mid-"), merges appositions (a weekday with its date, a clock
time with its day) and links ranges. ``checker.timex.resolve`` resolves each
candidate in document order, one resolver per kind; missing parts come (``checker.timex.anchoring``) from the publication date (DCT),
the verb's tense (from the parse when the doc has one, else cue words), or the
narrative. ``checker.timex.register`` reads the text as news, a narrative (its
relative and yearless expressions count from the story's own time,
``checker.timex.story``, HeidelTime's narrative mode) or a short post (bare words
count)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from checker.model import Timex
from checker.timex.matching import Cand
from checker.timex.resolve import Resolver
from checker.timex.select import candidates

if TYPE_CHECKING:  # spaCy loads only where text is parsed
    from spacy.tokens import Doc

DATE_ORDERS = ("us", "international")
USABLE_DCT = (date(100, 1, 1), date(9899, 12, 31))


@dataclass(frozen=True)
class Found:
    """The candidates in a text: the costly half of tagging (regular expressions over the
    text), which no parse changes, so a Doc tagged again once parsed reuses it."""

    text: str
    candidates: tuple[Cand, ...]


def find(text: str, *, date_order: str | None = None) -> Found:
    """The time-expression candidates in ``text``.

    ``date_order`` reads ambiguous numeric dates: "us" (01/05/2024 = January 5) or
    "international" (= May 1). A reading that cannot be a date is never forced. With no
    order stated (None) they are read the US way, and the other reading stays possible
    (``Timex.alternative``): the rules then flag such a date only when both readings are wrong.
    """
    if date_order is not None and date_order not in DATE_ORDERS:
        raise ValueError(f"date_order must be one of {', '.join(DATE_ORDERS)}, not {date_order!r}")
    return Found(text, tuple(candidates(text, date_order or "us", either=date_order is None)))


def resolve(doc: Doc, found: Found, dct: date | None) -> list[Timex]:
    """The candidates ``found`` in ``doc``'s text as time expressions, in text order: values
    from the publication date ``dct``, the narrative, and verb tenses when ``doc`` is parsed."""
    if not found.candidates:
        return []
    if dct is not None and not USABLE_DCT[0] <= dct <= USABLE_DCT[1]:
        dct = None  # a publication date in year 1 or 9999 anchors nothing (and would overflow the calendar)
    return Resolver(doc, found.text, dct).resolve_all(list(found.candidates))


def tag(doc: Doc, dct: date | None, *, date_order: str | None = None) -> list[Timex]:
    """Every time expression in ``doc``, in text order, with offsets into ``doc.text``
    (:func:`find`, then :func:`resolve`)."""
    return resolve(doc, find(doc.text, date_order=date_order), dct)
