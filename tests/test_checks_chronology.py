"""The temporal network over dated assertions: conflicting dates, order, inference."""

from __future__ import annotations

from datetime import date

import pytest

from checker import engine
from checker.source import read_text


def chronology(check, text: str, published: str | None = "2026-01-01") -> list[tuple[str, str]]:
    return [f for f in check(text, published) if f[0] in ("chronology/conflicting-dates", "chronology/order")]


@pytest.mark.parametrize(
    ("text", "rule", "flagged"),
    [
        ("John Smith was born in 1960. Smith died in 1950.", "chronology/order", "died in 1950"),
        ("Mary Jones died on May 2, 1990. She was born on June 1, 1995.", "chronology/order", "born on June 1, 1995"),
        (
            "The Acme bridge opened on May 3, 2019. Since the Acme bridge opened on May 5, 2019, traffic has doubled.",
            "chronology/conflicting-dates",
            "opened on May 5, 2019",
        ),
        (
            "Ada Lovelace was born in 1815. Years later, Ada Lovelace was born in 1816, the guide claims.",
            "chronology/conflicting-dates",
            "born in 1816",
        ),
        (
            "Grace Hopper died in 1992. Grace Hopper was born on December 9, 1996.",
            "chronology/order",
            "born on December 9, 1996",
        ),
    ],
)
def test_conflicts_within_a_document(check, text: str, rule: str, flagged: str) -> None:
    found = chronology(check, text)
    assert [r for r, _ in found] == [rule]
    assert found[0][1] == flagged


@pytest.mark.parametrize(
    "text",
    [
        "John Smith was born in 1960. Smith died in 2010.",
        "The Acme bridge opened on May 3, 2019. The Acme bridge opened a new lane on May 3, 2019.",
        "The council met on May 3, 2019. The council met on May 5, 2019.",  # generic events recur
        "Obama was elected in November 2008. Obama was elected again in November 2012.",  # a recurring event
        "Trump was inaugurated in January 2017. Trump was elected in November 2024.",  # different terms
        "The bridge opened in 2019. The tunnel opened in 2021.",  # different participants
        "Jane Doe was born in 1950. John Doe was born in 1960.",
        "Two weeks ago, on January 3, 2025, the council met.",  # one mention: the arithmetic rule's business
        "The museum opened in May 2019. The museum opened on May 3, 2019.",  # compatible precisions
        "The Globe Theatre closed in 1642. The Globe Theatre opened in 1997.",  # reopened: openings recur
    ],
)
def test_no_conflict(check, text: str) -> None:
    assert chronology(check, text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("From 2014 to 2012 the program ran.", "2014 to 2012"),
        ("It ran from June 30 to June 1, 2024.", "June 30 to June 1, 2024"),
    ],
)
def test_reversed_ranges(check, text: str, flagged: str) -> None:
    assert chronology(check, text) == [("chronology/order", flagged)]


@pytest.mark.parametrize("text", ["From 2012 to 2014 the program ran.", "It ran from June 1 to June 30, 2024."])
def test_ordered_ranges(check, text: str) -> None:
    assert chronology(check, text) == []


def test_conflict_across_files_is_reported_in_each_with_related_in_the_other() -> None:
    a = read_text("The Acme bridge opened to traffic on May 3, 2019.\n", path="a.md")
    b = read_text("Since the Acme bridge opened on May 5, 2019, crossings have doubled.\n", path="b.md")
    found = engine.findings(engine.analyze([a, b]))
    conflicts = [f for f in found if f.rule == "chronology/conflicting-dates"]
    assert [f.span.path for f in conflicts] == ["a.md", "b.md"]
    for finding, other, other_text in (
        (conflicts[0], b, "opened on May 5, 2019"),
        (conflicts[1], a, "opened to traffic on May 3, 2019"),
    ):
        (related,) = finding.related
        assert related.span.path == other.path
        assert other.source[related.span.start : related.span.end] == other_text
    assert all(f.severity == "error" for f in conflicts)


def test_generic_nouns_are_not_matched_across_files() -> None:
    a = read_text("The stadium opened on May 3, 2019.\n", path="a.md")
    b = read_text("The stadium opened on May 5, 2019.\n", path="b.md")
    assert [f for f in engine.findings(engine.analyze([a, b])) if f.rule.startswith("chronology/")] == []


def test_inferred_publication_date(analyze) -> None:
    analysis = analyze("Lincoln was born in 1809. The bridge opened on May 5, 2019, officials said.")
    assert analysis.document.published_source == "inferred"
    assert analysis.document.published == date(2019, 5, 5)


def test_yearless_dates_push_the_inferred_date_into_their_year(analyze) -> None:
    analysis = analyze("The bridge opened in March 2024. On November 12, the mayor praised it.")
    assert analysis.document.published == date(2024, 11, 12)
    (november,) = [t for t in analysis.timexes if t.text == "November 12"]
    assert november.value == "2024-11-12"


def test_a_yearless_date_that_does_not_exist_infers_nothing(analyze) -> None:
    """It once stopped the analysis of the whole file ("day is out of range for month")."""
    analysis = analyze("The company was founded in 1990. The second quarter ended November 31, BHP said.")
    assert analysis.document.published == date(1990, 1, 1)


def test_nothing_to_infer_from(analyze) -> None:
    analysis = analyze("The bridge will open next year.")
    assert analysis.document.published is None and analysis.document.published_source == "none"


def _same_ties(analyses) -> list:
    from checker.reasoning import timeline

    return [
        link for link in timeline.links(timeline.statements(analyses), engine.knowledge()) if link.reason.kind == "same"
    ]


def test_mentions_of_one_event_tie_through_a_hub_not_pairwise(analyze) -> None:
    """Forty mentions of one opening are forty ties (to a hub), not 780 pairs; the one wrong
    date is still reported against the mention it disagrees with, and only that one."""
    agree = "The Harrow Viaduct opened on August 9, 2011. "
    text = agree * 20 + "The Harrow Viaduct opened on August 19, 2011. " + agree * 19
    analysis = analyze(text, "2026-01-01")
    assert len(_same_ties([analysis])) <= 2 * 40
    found = [f for f in engine.findings([analysis]) if f.rule == "chronology/conflicting-dates"]
    assert found
    for finding in found:
        quoted = {text[finding.span.start : finding.span.end]} | {
            text[r.span.start : r.span.end] for r in finding.related
        }
        assert len(quoted) == 2 and "opened on August 19, 2011" in quoted


def test_hub_ties_leave_apart_what_roles_tell_apart() -> None:
    """Openings by two different people are two events; a mention naming nobody may be either,
    and its conflict names the one mention it disagrees with, not the third."""
    apart = (
        "Mayor Ilse Brandt opened the Corran Bridge on June 2, 2015. "
        "Governor Tomas Reyl opened the Corran Bridge on June 30, 2015. "
    )
    (two,) = engine.analyze([read_text(apart, published=date(2026, 1, 1), fmt="text")])
    assert [f for f in engine.findings([two]) if f.rule.startswith("chronology/")] == []
    text = apart + "The Corran Bridge was opened on June 2, 2015."
    (three,) = engine.analyze([read_text(text, published=date(2026, 1, 1), fmt="text")])
    found = [f for f in engine.findings([three]) if f.rule == "chronology/conflicting-dates"]
    assert found
    first = text.index("Governor")  # Brandt's opening is another event: never part of the conflict
    for finding in found:
        spans = [finding.span, *(r.span for r in finding.related)]
        assert len(spans) == 2 and all(span.start >= first for span in spans)
        assert any("June 30" in text[span.start : span.end] for span in spans)


def test_yearless_mentions_are_not_tied_across_files() -> None:
    """A named event dated with a year ties across files; a yearless date only within its file."""
    a = read_text(
        "The Orlen Dam opened on April 2, 2013.\nOn April 9 the Orlen Dam opened, a guide says.\n", path="a.md"
    )
    b = read_text("The Orlen Dam opened on April 2, 2013.\n", path="b.md")
    c = read_text("The Orlen Dam opened on April 9.\n", path="c.md", published=date(2013, 6, 1))
    found = engine.findings(engine.analyze([a, b, c]))
    paths = {f.span.path for f in found if f.rule == "chronology/conflicting-dates"}
    assert "c.md" not in paths
