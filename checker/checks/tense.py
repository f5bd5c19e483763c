"""Tense against the publication date.

``chronology/anachronism``: an asserted past or present-perfect event dated wholly
after the publication date ("sworn in on January 20, 2025" in a text of 2024-12-20).
``chronology/stale-future``: an asserted future event dated wholly before it
("Biden will be sworn in on January 20, 2021" in 2022).

Only asserted statements count: plans, hypotheticals, reported futures and quotes
are never flagged; the tense must be read from the verb (not guessed for a reduced
relative such as "returns filed in 2019"), the trigger must be a verb (a noun such as
"the 2018 elections" carries no tense), and the date's year must be written in the
text (a year the tagger inferred from the publication date cannot contradict it).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from checker.checks import quoted
from checker.model import Analysis, Assertion, Finding, Severity, Timex

PAST_RELATIONS = frozenset({"at", "since", "after"})
FUTURE_RELATIONS = frozenset({"at", "before", "until"})


def _explicit_year(timex: Timex) -> bool:
    return timex.fields.year is not None


def _severity(assertion: Assertion) -> Severity:
    """Error when every piece was read; warning when a participant was linked by inference."""
    return "warning" if assertion.inferred else "error"


def _claim_span(analysis: Analysis, assertion: Assertion, timex: Timex):
    """The trigger and its date together: "sworn into his second term on January 20, 2025"."""
    start, end = min(assertion.trigger_start, timex.start), max(assertion.trigger_end, timex.end)
    return analysis.document.source_span(start, end)


def _published(analysis: Analysis) -> date | None:
    """The publication date, unless it was inferred from these very statements."""
    return analysis.document.stated_published


def _dated(analysis: Analysis) -> Iterator[tuple[Assertion, Timex]]:
    """Asserted verbs with a read (not inferred) tense, dated directly by a written year.

    The end of a range is left out: a range is dated by its start.
    """
    for assertion in analysis.assertions:
        timex = analysis.timexes[assertion.timex]
        if (
            assertion.modality == "asserted"
            and "tense" not in assertion.inferred
            and "attachment" not in assertion.inferred
            and timex.earliest is not None
            and _explicit_year(timex)
            and not (timex.link is not None and timex.link < assertion.timex)
            and assertion.trigger_pos == "VERB"
        ):
            yield assertion, timex


def anachronisms(analysis: Analysis) -> Iterator[Finding]:
    published = _published(analysis)
    if published is None:
        return
    for assertion, timex in _dated(analysis):
        told_as_past = assertion.tense == "past" or (assertion.tense == "present" and assertion.aspect == "perfect")
        if told_as_past and assertion.relation in PAST_RELATIONS and timex.earliest > published:
            yield Finding(
                rule="chronology/anachronism",
                severity=_severity(assertion),
                message=f"{quoted(assertion.trigger)} is told in the past tense, but {timex.text} is after "
                f"the publication date ({published.isoformat()})",
                span=_claim_span(analysis, assertion, timex),
            )


def stale_futures(analysis: Analysis) -> Iterator[Finding]:
    published = _published(analysis)
    if published is None:
        return
    for assertion, timex in _dated(analysis):
        if (
            assertion.tense == "future"
            and assertion.aspect == "simple"
            and assertion.relation in FUTURE_RELATIONS
            and timex.latest is not None
            and timex.latest < published
        ):
            yield Finding(
                rule="chronology/stale-future",
                severity=_severity(assertion),
                message=f"{quoted(assertion.trigger)} is told in the future tense, but {timex.text} was already past "
                f"at publication ({published.isoformat()})",
                span=_claim_span(analysis, assertion, timex),
            )
