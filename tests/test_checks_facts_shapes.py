"""facts/contradiction across the shapes a dated claim about an office holder takes: adverbs in
the passive, opening participles, bare surnames, stated tenures (since, from ... to), elections
told as noun phrases tied to their winner, datelines; and the look-alikes that are true or
cannot be told, which must not be flagged."""

from __future__ import annotations

from datetime import date

import pytest

from checker import engine, nlp, source
from checker.checks import facts as fact_checks
from checker.model import Finding


@pytest.fixture(scope="module", autouse=True)
def pipeline() -> None:
    """spaCy and the packs, loaded once for the module."""
    nlp.load()
    engine.knowledge()


def contradictions(text: str, published: date | None) -> list[Finding]:
    analysis = engine.analyze([source.read_text(text, published=published)])[0]
    return list(fact_checks.contradictions(analysis, engine.knowledge()))


@pytest.mark.parametrize(
    ("text", "published", "span"),
    [
        # an adverb between the auxiliary and the participle; no election of his listed: his term decides
        ("Thabo Mbeki was first elected president in 1996.", date(2003, 5, 2), "1996"),
        ("Helmut Kohl was first appointed chancellor in 1979.", date(1990, 1, 8), "1979"),
        # a past participle opening the sentence, with the office named
        ("Sworn in as chancellor in 2003, Angela Merkel faced a divided coalition.", date(2010, 4, 1), "2003"),
        ("Elected chancellor in 2003, Angela Merkel kept the grand coalition.", None, "2003"),
        # a bare surname and "took office": the one office she holds when the text is written
        ("Merkel, who took office in 2007, will meet the unions next week.", date(2015, 6, 3), "2007"),
        # stated tenures: a start that is no term's start, an end that is no term's end
        ("Gerhard Schroeder, who was chancellor from 1996 to 2005, now sits on company boards.", None, "1996"),
        ("John Howard, who was prime minister from 1996 to 2006, opened the library.", None, "2006"),
        ("Paul Keating, prime minister since 1993, flew to Jakarta.", date(1995, 2, 1), "1993"),
        # elections as noun phrases: who won them
        ("Since winning the 2009 Canadian federal election, Stephen Harper has cut taxes.", date(2012, 1, 5), "2009"),
        ("Sarkozy's victory in the 2005 French presidential election dismayed the left.", date(2010, 1, 5), "2005"),
        # a dateline before the subject
        (
            "OTTAWA (Reuters) - Jean Chretien, who became prime minister in 1995, said on Monday he would stay.",
            date(1998, 3, 4),
            "1995",
        ),
        # a succession names its successor as subject: the successor's first day in office
        ("Shinzo Abe succeeded Yoshihiko Noda as prime minister in 2011.", date(2014, 5, 1), "2011"),
        ("John Major succeeded Margaret Thatcher in 1989.", date(1994, 5, 1), "1989"),
        # a post the tagger reads as an adjective after "became" ("queen"/JJ) is still the post
        ("Victoria Hale said Elizabeth II became queen in 1954.", date(1990, 5, 1), "1954"),
        # an election with no office named, near an election to the one office held at publication
        ("Jacques Chirac, elected in 1996, called the vote early.", date(1997, 4, 22), "1996"),
        # a date in an "of" phrase of the election noun: UK general elections are on Thursdays
        ("Labour's victory in the British general election of 2 May 1997 ended an era.", None, "2 May 1997"),
    ],
)
def test_wrong_dates_in_these_shapes_are_flagged(text: str, published: date | None, span: str) -> None:
    found = contradictions(text, published)
    assert len(found) == 1, found
    assert text[found[0].span.start : found[0].span.end].find(span) >= 0 or span in found[0].message


def test_an_office_inferred_from_the_publication_date_is_a_warning() -> None:
    (found,) = contradictions("Merkel, who took office in 2007, will meet the unions next week.", date(2015, 6, 3))
    assert found.severity == "warning" and "November 22, 2005" in found.message


def test_an_election_won_as_party_leader_is_told_as_such() -> None:
    (found,) = contradictions("Margaret Thatcher's victory in the 1981 British general election surprised few.", None)
    assert "won the elections to the Parliament of the United Kingdom" in found.message


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Thabo Mbeki was first elected president in 1999.", date(2003, 5, 2)),
        ("Thabo Mbeki was elected president in 2004.", date(2006, 5, 2)),  # a reelection during his term
        ("Sworn in as prime minister in 1983, Bob Hawke floated the dollar.", date(1990, 1, 1)),
        ("Elected mayor of Paris in 1977, Jacques Chirac kept the post for 18 years.", date(1996, 1, 1)),
        ("Merkel, who took office in 2005, will meet the unions next week.", date(2015, 6, 3)),
        # not in a pack office when the text was written: "took office" may be another post
        ("Obama, who took office in 2005, sits on the foreign relations committee.", date(2006, 6, 1)),
        ("John Howard, who was prime minister from 1996 to 2007, opened the library.", None),
        ("Paul Keating, prime minister since 1991, flew to Jakarta.", date(1995, 2, 1)),
        # a part of the office the pack does not tell apart
        ("Helmut Kohl, who was chancellor of West Germany from 1982 to 1990, died in 2017.", None),
        # before the pack lists every holder: cannot be told
        ("Brian Mulroney, prime minister since 1982, addressed the House.", date(1987, 2, 2)),
        # the winner and the year agree; a loser is no winner; a meddler is no candidate
        ("Since winning the 2008 Canadian federal election, Stephen Harper has cut taxes.", date(2012, 1, 5)),
        ("Stephen Harper lost the 2015 Canadian federal election.", date(2016, 1, 5)),
        ("Putin's interference in the 2016 American presidential election alarmed officials.", date(2018, 1, 5)),
        ("Labour's victory in the British general election of 1 May 1997 ended an era.", None),
        # the predecessor of a succession is no successor; another post's succession; succeeding at something
        ("Margaret Thatcher was succeeded by John Major in 1990.", date(1994, 5, 1)),
        ("Yoshihiko Noda was succeeded by Shinzo Abe in 2012.", date(2014, 5, 1)),
        ("Tony Blair succeeded John Smith as Labour leader in 1994.", date(1999, 5, 1)),
        ("Tony Blair succeeded in winning over the unions in 1995.", date(1999, 5, 1)),
        # an adjective after "became" is no post; the post's right year
        ("Elizabeth II became popular in 1954.", date(1990, 5, 1)),
        ("Elizabeth II became queen in 1952.", date(1990, 5, 1)),
        # an election far from every election to the office held now: another office
        ("Jacques Chirac, elected in 1977, called the vote early.", date(1997, 4, 22)),
        ("Jacques Chirac, elected in 1995, called the vote early.", date(1997, 4, 22)),
        # a verb inside the opening clause keeps its date
        ("Scheduled to retire in 2031, the chancellor's envoy Jan Roe spoke on Monday.", date(2024, 3, 6)),
    ],
)
def test_true_or_undecidable_look_alikes_are_not_flagged(text: str, published: date | None) -> None:
    assert contradictions(text, published) == []
