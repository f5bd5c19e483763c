"""Issue 12, conflicting dates and offsets: one post taken once, a document signed once, a post
named without an article after "become", repeats said in words, surnames with particles and
middle names, life spans in parentheses, and offsets counted from a date far back. Each shape
has texts it must flag and traps that could be true and must be left alone."""

from __future__ import annotations

from datetime import date

import pytest

from checker import engine, nlp
from checker.checks.duration import durations
from checker.source import read_text

RULES = ("chronology/conflicting-dates", "chronology/order")


@pytest.fixture(scope="module", autouse=True)
def _spacy() -> None:
    nlp.load()


def conflicts(check, text: str, published: str = "2025-03-01") -> list[str]:
    return [span for rule, span in check(text, published) if rule in RULES]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # one post, two appointing verbs, years apart
        (
            "Tobias Wren was named artistic director in 2004. The hall was refurbished. "
            "Tobias Wren was appointed artistic director in 2007.",
            "appointed artistic director in 2007",
        ),
        # "become" with a post named without an article, and a gerund after "since"
        (
            "Lena Okafor became athletic director in 2012. Budgets grew.\n\n"
            "Since becoming athletic director in 2015, Okafor has hired nine coaches.",
            "becoming athletic director in 2015",
        ),
        # an election to a post the tagger reads as an adjective, with a trailing by-phrase
        (
            "Ruth Almeida was elected principal in 1991. Enrolment rose. "
            "Almeida was elected principal in 1996 by the governors.",
            "elected principal in 1996",
        ),
        # a relative clause right after, synonyms of one appointment
        (
            "Dario Fenz was appointed treasurer in 2010. Fenz, who was named treasurer in 2013, said little.",
            "named treasurer in 2013",
        ),
        # a document is signed once: a definite description and a participle
        (
            "The Accord of Tarvel was signed on 3 March 1931. Trade resumed.\n\n"
            "The accord, signed on 30 June 1931, ended the tariff war.",
            "signed on 30 June 1931",
        ),
        # a surname with a particle, a fronted participle
        (
            "Mira van Loon was born on 4 May 1962 in Delft. She studied law.\n\n"
            "Born on 9 October 1963, van Loon was the second of three sisters.",
            "Born on 9 October 1963",
        ),
        # a fronted participle the tagger reads as a base form ("set"), a definite description
        (
            "The Harrow Orchard Trust was founded in 1977 by growers. It bought land.\n\n"
            "Set up in 1981, the trust now owns four orchards.",
            "Set up in 1981",
        ),
        # a fronted phrasal participle read as a past participle: "set up" founds, it schedules nothing
        (
            "The Linden Water Board was created in 1962 to run the reservoirs. "
            "Set up in 1965, the board now serves forty towns.",
            "Set up in 1965",
        ),
        # a full name with its middle name after the name met first
        (
            "Nils Berglund\n\nNils Anton Berglund (born 12 May 1950) is a Swedish chemist.\n\n"
            "Born in 1953, Berglund studied in Uppsala.",
            "Born in 1953",
        ),
        # a life span in parentheses is the birth and death of the name before it
        (
            "Ilse Karsten\n\nIlse Karsten (Danish: [...]; 2 June 1871 – 8 May 1940) was a botanist.\n\n"
            "Born in 1874, Karsten grew up on Funen.",
            "Born in 1874",
        ),
        ("Paulo Serra (14 January 1968 – ) is a cellist. Serra was born in 1966 in Braga.", "born in 1966"),
    ],
)
def test_one_event_with_two_dates_is_flagged(check, text: str, flagged: str) -> None:
    found = conflicts(check, text)
    assert len(found) == 1, found
    assert flagged in found[0] or found[0] in flagged


@pytest.mark.parametrize(
    "text",
    [
        # a repeat said in words
        "Ruth Almeida was elected principal in 1991. Almeida was re-elected principal in 1996.",
        "Ruth Almeida was elected principal in 1991. Almeida was elected principal again in 1996.",
        "Ruth Almeida was elected principal in 1991. Almeida was elected principal for a second term in 1996.",
        # the same post in two named bodies
        "Dario Fenz was named treasurer of Holm Bank in 2010. Fenz was named treasurer of Vale Credit in 2014.",
        # two posts
        "Dario Fenz was appointed treasurer in 2010. Fenz was appointed secretary in 2013.",
        # a post the packs know is held term after term: their records judge it
        "Barack Obama was elected president in 2008. Obama was elected president in 2012.",
        # "became" with an article or an adjective names no post
        "Lena Okafor became a mother in 2012. Okafor became a mother in 2015.",
        "Lena Okafor became famous in 2012. Okafor became famous in 2015, critics say.",
        # two documents, two signers
        "The Accord of Tarvel was signed on 3 March 1931. The Accord of Brisk was signed on 9 June 1931.",
        # a parent's shorter name after the full one, with its own life span
        "Pierre Louis Garnier (3 May 1801 – 2 June 1860) was a printer, the son of Pierre Garnier (1770–1832).",
        # a reign, not a life
        "King Harald Fenn (1502–1530) ruled the isles. Harald Fenn was born in 1480.",
    ],
)
def test_traps_are_not_flagged(check, text: str) -> None:
    assert conflicts(check, text) == []


def duration_spans(text: str, published: date = date(2024, 9, 16)) -> list[str]:
    analysis = engine.analyze([read_text(text, published=published)])[0]
    return [text[f.span.start : f.span.end] for f in durations(analysis)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # several sentences back: the target is before the least the offset allows
        (
            "The mill shut its gates on March 2, 2001. Workers picketed. The union said talks were dead.\n"
            "Eight months later, on May 20, 2001, the buildings were auctioned.",
            "Eight months later",
        ),
        # a deictic weekday between: a calendar date counts from a calendar date
        (
            "The ruling came on October 21, 2019.\n\nThe appeal court will sit on Thursday, lawyers said.\n\n"
            "Six days earlier, on October 11, the judges had heard the last witness.",
            "Six days earlier",
        ),
        # a plan's date after publication between: a past event counts from a past date
        (
            "The ruling came on October 21, 2019.\n\nRepayments will start in June 2027, the firm said.\n\n"
            "Six days earlier, on October 11, the judges had heard the last witness.",
            "Six days earlier",
        ),
    ],
)
def test_offsets_counted_from_a_date_far_back_are_flagged(text: str, span: str) -> None:
    assert duration_spans(text) == [span]


@pytest.mark.parametrize(
    "text",
    [
        # too late may count from an event told between
        "The mill shut its gates on March 2, 2001. Workers picketed for months.\n"
        "Two months later, on November 20, 2001, the buildings were auctioned.",
        # a flashback between
        "The mill shut its gates on March 2, 2001. It had opened in 1950. Workers picketed.\n"
        "Eight months later, on May 20, 2001, the buildings were auctioned.",
        # a date between that lies before the anchor
        "The mill shut its gates on March 2, 2001. The union was founded in 1990. Workers picketed.\n"
        "Eight months later, on May 20, 2001, the buildings were auctioned.",
    ],
)
def test_far_offsets_that_could_be_true_are_not_flagged(text: str) -> None:
    assert duration_spans(text) == []
