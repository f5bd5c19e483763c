"""The temporal tagger: finds time expressions in a spaCy Doc and normalizes them (TIMEX3).

    tag(doc, dct, date_order="us") -> list[Timex]

How it works, and why it is fast: candidate spans come from regular expressions
compiled once at import (``checker.timex_patterns``, ``checker.timex_relative``) and run over ``doc.text`` at C
speed; no Python work is done per token. Candidates are then chosen longest-first,
adjacent pieces merged (``checker.timex_select``: a weekday in apposition to a date, ranges), and each one is
resolved in document order (``checker.timex_resolve``): missing parts come from the
publication date (DCT), the verb's tense (read from the parse when the doc has one),
or the last explicit date of the narrative (HeidelTime's reference time).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from checker.model import Timex
from checker.timex_resolve import Resolver
from checker.timex_select import candidates

DATE_ORDERS = ("us", "international")


def tag(doc: Doc, dct: date | None, *, date_order: str = "us") -> list[Timex]:
    """Every time expression in ``doc``, in text order, with offsets into ``doc.text``.

    ``date_order`` reads ambiguous numeric dates: "us" (01/05/2024 = January 5) or
    "international" (= May 1). A reading that cannot be a date is never forced.
    """
    if date_order not in DATE_ORDERS:
        raise ValueError(
            f"date_order must be one of {', '.join(DATE_ORDERS)}, not {date_order!r}"
        )
    found = candidates(doc.text, date_order)
    if not found:
        return []
    return Resolver(doc, dct).resolve_all(found)
