"""Chronology: statements whose dates cannot all be true together.

``chronology/conflicting-dates``: one event given two incompatible dates (a cycle of the
temporal network through a same-event tie), within a file or across files.
``chronology/order``: events in an impossible order (a cycle through a pack order
constraint: a death before the birth), or a range whose end lies before its start.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from checker.checks.registry import check, rule
from checker.knowledge.model import Pack
from checker.model import Analysis, Finding, Related, Severity, Timex
from checker.reasoning import timeline
from checker.reasoning.network import Conflict
from checker.reasoning.timeline import Statement

CONFLICTING_DATES = rule("chronology/conflicting-dates", "error", "One event given two incompatible dates.")
ORDER = rule(
    "chronology/order", "error",
    "Events or range ends in an impossible order (a death before a birth, a range that ends before it starts).",
)  # fmt: skip


def _describe(s: Statement) -> str:
    kind = s.assertion.sense if s.assertion.event == "event" and s.assertion.sense else s.assertion.event
    return f"{kind.replace('_', ' ')} of {s.theme} dated {s.timex.text}"


def _finding(conflict: Conflict, primary: Statement, others: list[Statement]) -> Finding:
    constraint = next((r.constraint for r in conflict.reasons if r.kind == "constraint"), None)
    severity: Severity = "error" if all(s.explicit for s in [primary, *others]) else "warning"
    if constraint is None:
        rule = CONFLICTING_DATES
        message = f"the {_describe(primary)} here is also dated " + "; ".join(s.timex.text for s in others)
    else:
        rule = ORDER
        message = f"{constraint.message}, but the {_describe(primary)} conflicts with " + "; ".join(
            f"the {_describe(s)}" for s in others
        )
    related = tuple(Related(s.span, f"the {_describe(s)}") for s in others)
    return rule.finding(message, primary.span, severity=severity, related=related)


@check(CONFLICTING_DATES, ORDER, scope="corpus")
def conflict_findings(analyses: Sequence[Analysis], pack: Pack) -> list[Finding]:
    """One finding per conflict and file involved.

    In each file the finding sits on the statement the network blames, if it is in
    that file, else on the file's last statement in the conflict (the one that
    contradicts what was said before).
    """
    findings = []
    for conflict, involved in timeline.conflicts(analyses, pack):
        blamed = conflict.blamed
        for path in dict.fromkeys(s.analysis.document.path for s in involved):
            here = sorted((s for s in involved if s.analysis.document.path == path), key=lambda s: s.span.start)
            primary = blamed.statements[0] if blamed.kind == "date" and blamed.statements[0] in here else here[-1]
            findings.append(_finding(conflict, primary, [s for s in involved if s is not primary]))
    return findings


def _reversed(start: Timex, end: Timex) -> bool:
    """Whether a range ends before it starts.

    A start without a year shares the end's year or wraps into the year before it
    ("between November and March"), so it is reversed only within one month
    ("June 30 to June 1, 2024").
    """
    if start.fields.year is None:
        s, e = start.fields, end.fields
        return s.month is not None and s.month == e.month and None not in (s.day, e.day) and s.day > e.day
    return start.earliest is not None and end.latest is not None and end.latest < start.earliest


@check(ORDER)
def reversed_ranges(analysis: Analysis) -> Iterator[Finding]:
    """``chronology/order`` for a range whose end lies wholly before its start ("from 2014 to 2012")."""
    for index, start in enumerate(analysis.timexes):
        if start.link is None or start.link <= index:
            continue
        end = analysis.timexes[start.link]
        if not _reversed(start, end):
            continue
        explicit = end.fields.year is not None
        yield ORDER.finding(
            f"the range ends ({end.text}) before it starts ({start.text})",
            analysis.document.source_span(start.start, end.end),
            severity="error" if explicit else "warning",
            related=(Related(analysis.document.source_span(start.start, start.end), "the start of the range"),),
        )
