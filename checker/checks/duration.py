"""``arithmetic/duration``: a stated offset or span against its endpoints.

The offsets and spans ("Three years later, in 2015", "from 1939 to 1945, a full decade",
"the 25th anniversary") are found once by ``checker.assertions.measures`` and carried on the
Analysis with the window their target date must lie in; this rule only compares and words
the verdict in the reader's units.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from checker.assertions.windows import Window, fits, flat_text, window_of
from checker.checks.registry import check, rule
from checker.model import Analysis, Finding, Measure, Related
from checker.timex.calendar import day_or_none, month_days

DURATION = rule("arithmetic/duration", "error", "A stated offset or span that does not match its endpoints.")

# ---------------------------------------------------------------------- duration: what the dates say


def _years(a: Window, b: Window) -> str:
    lo, hi = b[0].year - a[1].year, b[1].year - a[0].year
    if a[0].year == a[1].year and b[0].year == b[1].year:
        lo = hi = b[0].year - a[0].year
    return _count(lo, hi, "year")


def _months(a: Window, b: Window) -> str:
    def index(d: date) -> int:
        return d.year * 12 + d.month

    return _count(index(b[0]) - index(a[1]), index(b[1]) - index(a[0]), "month")


def _days(a: Window, b: Window) -> str:
    return _count((b[0] - a[1]).days, (b[1] - a[0]).days, "day")


def _count(lo: int, hi: int, unit: str) -> str:
    lo, hi = sorted((abs(lo), abs(hi))) if lo * hi >= 0 else (0, max(abs(lo), abs(hi)))
    plural = "" if hi == 1 else "s"
    return f"{lo} {unit}{plural}" if lo == hi else f"{lo} to {hi} {unit}s"


def measured(a: Window, b: Window, base: str, granularities: Iterable[str]) -> str:
    """How far apart two dates are, in the words a reader would count them ("5 years")."""
    if base == "month" and any(g in ("year", "decade", "century") for g in granularities):
        return _years(a, b)
    if base == "month":
        return _months(a, b) if abs(b[0].year - a[0].year) < 3 else _years(a, b)
    return _days(a, b)


@check(DURATION)
def durations(analysis: Analysis) -> Iterator[Finding]:
    doc = analysis.document
    for m in analysis.measures:
        if fits(m.target, m.window):
            continue
        related = []
        if m.target.end > m.target.start:  # not the publication date, which is in no span of the text
            related.append(
                Related(
                    doc.source_span(m.target.start, m.target.end), f"the date it is measured to: {flat_text(m.target)}"
                )
            )
        if m.anchor is not None:
            related.insert(
                0, Related(doc.source_span(m.anchor.start, m.anchor.end), f"measured from {flat_text(m.anchor)}")
            )
        yield DURATION.finding(
            _duration_message(m),
            doc.source_span(m.claim.start, m.claim.end),
            severity="error" if m.explicit else "warning",
            related=related,
        )


def _duration_message(m: Measure) -> str:
    """What was stated, what the dates give, in the reader's units."""
    claim, target = repr(m.claim.text.strip()), flat_text(m.target)
    origin = flat_text(m.anchor) if m.anchor is not None else f"the publication date ({m.start[0].isoformat()})"
    days = _target_days(m)
    granularities = [m.target.granularity] + ([m.anchor.granularity] if m.anchor else [])
    gap = measured(m.start, days, m.base, granularities)
    if m.kind == "span":
        return f"{origin} to {target} is {gap}, which does not fit {claim}"
    if m.kind == "calendar":
        meant = _period_words(m.window)
        return f"{claim} counted from {origin} is {meant}, not {target}"
    if m.kind == "anniversary":
        years = (
            f"{m.window[0].year}"
            if m.window[0].year == m.window[1].year
            else f"{m.window[0].year} to {m.window[1].year}"
        )
        return f"{claim} of {origin} falls in {years}, not {target} ({gap} after {origin})"
    side = "after" if days[0] > m.start[1] else "before"
    return f"{claim} does not fit {target}: {target} is {gap} {side} {origin}"


def _period_words(window: Window) -> str:
    """A calendar year, month or day as a reader writes it."""
    first, last = window
    if first == last:
        return f"{first:%B} {first.day}, {first.year}"
    return str(first.year) if (first.month, last.month) == (1, 12) else f"{first:%B %Y}"


def _target_days(m: Measure) -> Window:
    """The target's days; a date without a year is shown in the year nearest the window."""
    interval = window_of(m.target)
    f = m.target.fields
    if f.year is None and f.month is not None:
        year = m.window[0].year if m.window[0] != date.min else m.window[1].year
        lo = day_or_none(year, f.month, f.day or 1) or date(year, f.month, 1)
        hi = day_or_none(year, f.month, f.day or month_days(year, f.month)) or lo
        return lo, hi
    assert interval is not None
    return interval
