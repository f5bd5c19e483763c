"""Event identity (which mentions are one event) and the order between events of a life or a place.

Positive cases: one event told twice with two dates, through synonyms, definite
descriptions, pronouns, surnames, paragraphs and files; lifecycle pairs told in an
impossible order. Traps: distinct objects, offices, signatories and versions, recurring
events, indefinite things, reopenings, and orders that can be true.
"""

from __future__ import annotations

import pytest

from checker import engine
from checker.source import read_text

RULES = ("chronology/conflicting-dates", "chronology/order")


def chronology(check, text: str, published: str | None = "2025-06-01") -> list[tuple[str, str]]:
    return [f for f in check(text, published) if f[0] in RULES]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # synonyms of one event type
        (
            "The Orla Rowing Club was set up in 1921. The Orla Rowing Club was founded in 1924 by dockworkers.",
            "founded in 1924",
        ),
        ("Kestrel Analytics was created in 2011. Kestrel Analytics was established in 2013.", "established in 2013"),
        (
            "Nadia Brenner was appointed provost on 3 May 2016. Brenner was named provost on 24 May 2016.",
            "named provost on 24 May 2016",
        ),
        # a synonym group no event type claims
        (
            "Release 4.2.1 shipped on 2023-02-14. Since 4.2.1 was published on 2023-02-20, no bug has been filed.",
            "published on 2023-02-20",
        ),
        # a definite description for the named thing
        (
            "The Hollins paper mill closed in 1988. Since the mill closed in 1991, the pier has rotted.",
            "closed in 1991",
        ),
        (
            "The Marrow Street depot opened in March 1962. The depot, which opened in October 1962, had four bays.",
            "opened in October 1962",
        ),
        # a possessive before the name it stands for
        (
            "Greyfield Choir was founded in 1979.\n\nSince its founding in 1983, Greyfield Choir has toured twice.",
            "founding in 1983",
        ),
        # paragraphs apart, by surname
        (
            "Oskar Vell was born on 2 March 1931 in Turku.\n\nHe trained as a printer.\n\nVell, who was born on 9 March 1931, "
            "kept a diary.",
            "born on 9 March 1931",
        ),
        # an owned event noun before its date
        (
            "Rhea Salt was elected sheriff on March 3, 2020. Since her election on March 10, 2020, Salt has hired six deputies.",
            "election on March 10, 2020",
        ),
    ],
)
def test_one_event_told_with_two_dates(check, text: str, flagged: str) -> None:
    found = chronology(check, text)
    assert [r for r, _ in found] == ["chronology/conflicting-dates"], found
    assert flagged in found[0][1] or found[0][1] in flagged


@pytest.mark.parametrize(
    "text",
    [
        # distinct objects, counterparts, versions and offices keep events apart
        "The Treaty of Lorn was signed on 4 May 1921. The Treaty of Vask was signed on 9 June 1921.",
        "Ulmar signed an armistice with Dreva on 2 May 1918. Ulmar signed an armistice with Koss on 20 May 1918.",
        "Version 3.1 was released on 2022-03-01. Version 3.2 was released on 2022-06-01.",
        "Pia Strand was appointed treasurer in 2012. Strand was appointed chair in 2016.",
        # indefinite and bare things are new each time
        "The firm launched a fund in 2014. The firm launched a fund in 2019.",
        "The economy created jobs in March 2021. The economy created jobs in May 2021.",
        # recurrence said in so many words
        "The Fenn footbridge closed in 2015 for repairs. The Fenn footbridge closed again in 2019.",
        # an ambiguous numeric date one of whose readings agrees
        "The Copse Road bakery opened on 04/09/2018. Since the bakery opened on 4 September 2018, it has hired 12 bakers.",
        # a bridge and a library with the same head noun in two places
        "The Ashby library opened in 2001. The Corran library opened in 2007.",
    ],
)
def test_distinct_events_are_not_merged(check, text: str) -> None:
    assert chronology(check, text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The Vane Street cinema opened in 2006 and closed in 2002.", "closed in 2002"),
        ("Tallis Freight was founded in 2010 in Hull and dissolved in 2007.", "dissolved in 2007"),
        ("Eda Morrow took office as county clerk in 2014 and resigned in 2011.", "resigned in 2011"),
        ("Named harbour master in 2019, Colm Ashe resigned from the post in 2017.", "resigned from the post in 2017"),
        (
            "Pell Sorensen founded Sorensen Glass in 1990. Sorensen, who was born in 1994, still runs the kilns.",
            "born in 1994",
        ),
        ("Ivar Holm died in 1960.\n\nHolm signed the harbour charter in 1963.", "signed the harbour charter in 1963"),
        ("Lotte Brun was elected warden. Her term began in June 2016 and ended in April 2015.", "ended in April 2015"),
        ("Born in 1902 in Leith, Moira Fane died in 1899.", "died in 1899"),
    ],
)
def test_lifecycle_pairs_in_an_impossible_order(check, text: str, flagged: str) -> None:
    found = chronology(check, text)
    assert [r for r, _ in found] == ["chronology/order"], found
    assert flagged in found[0][1] or found[0][1] in flagged


@pytest.mark.parametrize(
    "text",
    [
        "The Carrow Theatre closed in 1931. The Carrow Theatre opened in 1998.",  # rebuilt: told as a reopening
        "Tomas Berg resigned as mayor in 2009. Berg took office as governor in 2013.",  # another post
        "Hedda Lind was born in 1950. She founded Lind Maps in 1981 and died in 2011.",
        "Jon Arne signed the lease in 1999. Jon Arne died in 2004.",
        "Mira Holt's term began in May 2012 and ended in May 2016.",
    ],
)
def test_possible_orders_are_not_flagged(check, text: str) -> None:
    assert chronology(check, text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [("The survey years (1931-1929) are missing.", "1931-1929"), ("## Works, 1988-1986\n\nA list.", "1988-1986")],
)
def test_reversed_hyphen_year_ranges(check, text: str, flagged: str) -> None:
    assert chronology(check, text) == [("chronology/order", flagged)]


@pytest.mark.parametrize(
    "text", ["The 1999-2000 season.", "The 2020/2019 figures differ.", "Catalogue No. 1931-1929 is lost."]
)
def test_hyphen_year_ranges_in_order_or_not_ranges(check, text: str) -> None:
    assert chronology(check, text) == []


def test_definite_description_across_files_needs_a_name() -> None:
    named = read_text("The Pelham Road cinema opened on 3 April 2015.\n", path="a.md")
    other = read_text("Since the Pelham Road cinema opened on 17 April 2015, crowds have grown.\n", path="b.md")
    found = [f for f in engine.findings(engine.analyze([named, other])) if f.rule in RULES]
    assert sorted(f.span.path for f in found) == ["a.md", "b.md"]
    plain = read_text("The cinema opened on 17 April 2015.\n", path="c.md")
    assert [f for f in engine.findings(engine.analyze([named, plain])) if f.rule in RULES] == []


def test_synonym_groups_are_pack_vocabulary() -> None:
    pack = engine.knowledge()
    assert pack.event_for("set up").id == "founding"
    assert pack.event_for("name").id == "term_start"
    assert pack.event_for("inaugurate").id == "inauguration"  # another type's trigger keeps its type
    assert pack.sense_for("ship") == "release" and pack.event_for("ship") is None


def test_every_file_of_a_large_run_gets_its_conflicts() -> None:
    """Each group of linked statements is its own network: no cap per run hides a file's conflict."""
    first = ["Alma", "Bruno", "Clara", "Dario", "Elin", "Femi"]
    last = ["Quist", "Rahn", "Sollar", "Tamm", "Ulven"]
    names = [(f, s) for f in first for s in last]
    docs = [
        read_text(f"{f} {s} was born in {1900 + n}. {s} died in {1890 + n}.\n", path=f"p{n}.md")
        for n, (f, s) in enumerate(names)
    ]
    found = [f for f in engine.findings(engine.analyze(docs)) if f.rule == "chronology/order"]
    assert sorted({f.span.path for f in found}) == sorted(d.path for d in docs)
