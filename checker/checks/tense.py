"""Tense against the publication date.

``chronology/anachronism``: an asserted past or present-perfect event dated wholly
after the publication date ("sworn in on January 20, 2025" in a text of 2024-12-20).
``chronology/stale-future``: an asserted future event dated wholly before it
("Biden will be sworn in on January 20, 2021" in 2022).

Only asserted statements count, and schedules told in the present ("is set to open in
2019", "plans to publish the report in 2015"), which assert the future they arrange: plans
told in the past, hypotheticals, reported futures and quotes are never flagged. The tense
must be read from a finite verb, or from the main clause of a participle ("Founded in 2027,
the firm now employs ..."), not guessed (a reduced relative such as "returns filed in 2019"
under a conditional); the trigger must be a verb (a noun such as "the 2018 elections"
carries no tense), and the date's year must be written in the text (a year the tagger
inferred from the publication date cannot contradict it).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks import quoted
from checker.checks.registry import check, rule
from checker.model import Analysis, Assertion, Finding, Severity, Timex

ANACHRONISM = rule("chronology/anachronism", "error", "A past-tense claim about a time after the publication date.")
STALE_FUTURE = rule(
    "chronology/stale-future", "error", "A future-tense claim about a time already past at publication."
)

PAST_RELATIONS = frozenset({"at", "since", "after"})
FUTURE_RELATIONS = frozenset({"at", "before", "until"})
# A schedule told in the present asserts its future ("is due to open in 2013").
ASSERTED = frozenset({"asserted", "scheduled"})


def _explicit_year(timex: Timex) -> bool:
    return timex.fields.year is not None


def _severity(assertion: Assertion) -> Severity:
    """Error when every piece was read; warning when a participant was linked by inference."""
    return "warning" if assertion.inferred else "error"


def _dated(analysis: Analysis) -> Iterator[tuple[Assertion, Timex]]:
    """Asserted verbs with a read (not inferred) tense, dated directly by a written year.

    The end of a range is left out: a range is dated by its start.
    """
    for assertion in analysis.assertions:
        timex = analysis.timexes[assertion.timex]
        if (
            assertion.modality in ASSERTED
            and "tense" not in assertion.inferred
            and "attachment" not in assertion.inferred
            and timex.earliest is not None
            and _explicit_year(timex)
            and not (timex.link is not None and timex.link < assertion.timex)
            and assertion.trigger_pos == "VERB"
        ):
            yield assertion, timex


@check(ANACHRONISM)
def anachronisms(analysis: Analysis) -> Iterator[Finding]:
    published = analysis.document.stated_published
    if published is None:
        return
    for assertion, timex in _dated(analysis):
        told_as_past = assertion.tense == "past" or (assertion.tense == "present" and assertion.aspect == "perfect")
        if told_as_past and assertion.relation in PAST_RELATIONS and all(lo > published for lo, _ in timex.readings()):
            yield ANACHRONISM.finding(
                f"{quoted(assertion.trigger)} is told in the past tense, but {timex.text} is after "
                f"the publication date ({published.isoformat()})",
                analysis.claim_span(assertion),
                severity=_severity(assertion),
            )


@check(STALE_FUTURE)
def stale_futures(analysis: Analysis) -> Iterator[Finding]:
    published = analysis.document.stated_published
    if published is None:
        return
    for assertion, timex in _dated(analysis):
        if (
            assertion.tense == "future"
            and assertion.aspect == "simple"
            and assertion.relation in FUTURE_RELATIONS
            and timex.latest is not None
            and all(hi < published for _, hi in timex.readings())
        ):
            yield STALE_FUTURE.finding(
                f"{quoted(assertion.trigger)} is told in the future tense, but {timex.text} was already past "
                f"at publication ({published.isoformat()})",
                analysis.claim_span(assertion),
                severity=_severity(assertion),
            )
