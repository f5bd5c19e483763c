"""The tagger in narratives: the story's own time, BC/AD years, named days, parts of day of a date."""

from __future__ import annotations

from datetime import date

import pytest

from checker import nlp, timex
from checker.model import Timex
from checker.timex.register import is_narrative
from checker.timex.story import Story, bc_shift, story_step, story_year, year_text

DCT = date(2021, 5, 3)  # long after the stories told below

# A made-up chronicle: enough stated years far from the DCT to be a narrative.
CHRONICLE = (
    "The canal was planned in 1821 and dug from 1823. Floods came in 1824 and again in 1826. "
    "It opened on October 2, 1827. Eleven days later the first barge sank. "
)


@pytest.fixture(scope="module")
def blank():
    return nlp.tokenizer()


def tag(blank, text: str, dct: date | None = DCT) -> list[Timex]:
    return timex.tag(blank(text), dct)


def by_text(blank, text: str, dct: date | None = DCT) -> dict[str, Timex]:
    return {t.text: t for t in tag(blank, text, dct)}


# ----------------------------------------------------------------- the register


def test_a_text_of_far_years_is_a_narrative_and_news_is_not():
    assert is_narrative([1821, 1823, 1824, 1826, 1827], DCT, bc=False)
    assert not is_narrative([2020, 2021, 2019, 1990, 2021], DCT, bc=False)  # news with one old year
    assert not is_narrative([1821, 1823], DCT, bc=False)  # too few to tell
    assert is_narrative([], None, bc=False)  # no publication date: only the story can anchor
    assert is_narrative([], DCT, bc=True)


# ----------------------------------------------------------------- the story's time


def test_an_offset_counts_from_the_story_and_says_from_which_expression(blank):
    found = tag(blank, CHRONICLE)
    later = next(t for t in found if t.text == "Eleven days later")
    opened = next(i for i, t in enumerate(found) if t.text == "October 2, 1827")
    assert (later.value, later.anchor, later.anchor_index) == ("1827-10-13", "narrative", opened)


def test_a_yearless_day_takes_the_story_year_and_moves_the_story(blank):
    text = CHRONICLE + "On 20 October the company closed. Two days later a new one was founded."
    found = by_text(blank, text)
    assert found["20 October"].value == "1827-10-20"
    assert found["Two days later"].value == "1827-10-22"  # from the story-anchored day, not from October 2


def test_a_day_that_does_not_exist_moves_no_story(blank):
    """It once stopped the analysis of the whole file ("day is out of range for month")."""
    found = by_text(blank, CHRONICLE + "On November 31, 1827, it froze. The next day it thawed.")
    assert not found["November 31, 1827"].valid
    assert found["The next day"].value == "1827-10-14"  # from "Eleven days later", the last day that exists


def test_a_yearless_month_rolls_forward_past_the_year_end(blank):
    text = CHRONICLE + "By December the ice had closed it. In February repairs began."
    found = by_text(blank, text)
    assert (found["December"].value, found["February"].value) == ("1827-12", "1828-02")


def test_seasons_and_the_end_of_the_month_follow_the_story(blank):
    found = by_text(blank, CHRONICLE + "By the end of the month it was busy. During the summer traffic grew.")
    assert found["the summer"].value == "1827-SU"
    assert found["the end of the month"].value == "1827-10"


def test_news_keeps_the_publication_month(blank):
    t = by_text(blank, "Officials said the road will reopen by the end of the month.", date(2024, 6, 10))
    assert t["the end of the month"].value == "2024-06"


def test_month_of_that_year_is_one_expression(blank):
    found = by_text(blank, CHRONICLE + "In March of that year the tolls were cut.")
    assert found["March of that year"].value == "1827-03"
    assert "that year" not in found


def test_a_look_back_does_not_move_the_story(blank):
    text = CHRONICLE + "A charter granted two decades earlier allowed it. In November the locks froze."
    found = by_text(blank, text)
    assert found["November"].value == "1827-11"  # still 1827, not 1807


def test_the_end_of_a_span_does_not_move_the_story(blank):
    text = CHRONICLE + "The works lasted until the spring of 1835. In November the locks froze."
    assert by_text(blank, text)["November"].value == "1827-11"


def test_the_next_spring_and_the_previous_april_count_from_the_story(blank):
    found = by_text(blank, CHRONICLE + "The next spring it reopened, repaired after the previous April.")
    assert found["The next spring"].value == "1828-SP"
    assert found["the previous April"].value == "1827-04"


def test_story_arithmetic():
    story = Story(1827, 11, 5)
    assert story_year(story, 2) == 1828 and story_year(story, 9) == 1827
    assert story_year(Story(1827), 2) == 1827  # a year-only story does not roll
    assert story_step(story, 3, 1) == 1828 and story_step(story, 4, -1) == 1827
    assert story_step(story, 12, -1) == 1826


# ----------------------------------------------------------------- BC and AD


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The city fell in 431 BC after a siege.", "431 BC", "-0431"),
        ("The city fell in 146 B.C. and burned.", "146 B.C.", "-0146"),
        ("Temples were built in 30 BCE.", "30 BCE", "-0030"),
        ("The town was founded around AD 79 by veterans.", "AD 79", "0079"),
        ("A mosaic from 410 AD survives.", "410 AD", "0410"),
        ("A treaty was sealed ca. 387 BC at last.", "ca. 387 BC", "-0387"),
        ("The march began in May 401 BC from Sardis.", "May 401 BC", "-0401-05"),
        ("On 12 August 490 BC the armies met.", "12 August 490 BC", "-0490-08-12"),
        ("Fighting resumed in the spring of 429 BC.", "the spring of 429 BC", "-0429-SP"),
        ("Trade grew through the 330s BC as ports opened.", "the 330s BC", "-033"),
        ("The temple dates to the 5th century BC according to some.", "the 5th century BC", "-04"),
    ],
)
def test_era_years(blank, text, span, value):
    t = next(t for t in tag(blank, text) if t.text == span)
    assert t.value == value
    if value.startswith("-"):  # before year 1: no day interval, so the interval rules skip it
        assert (t.earliest, t.latest) == (None, None)


def test_a_bc_range_gives_both_ends_the_era(blank):
    found = tag(blank, "The long war (431-404 BC) ended badly. It lasted from 264 to 241 BC.")
    assert [(t.text, t.value, t.link) for t in found] == [
        ("431", "-0431", 1), ("404 BC", "-0404", 0), ("264", "-0264", 3), ("241 BC", "-0241", 2)]  # fmt: skip


def test_a_bc_story_anchors_yearless_and_relative_expressions(blank):
    text = "In 480 BC the fleet sailed. On 12 August a storm struck. The following year peace came."
    found = by_text(blank, text)
    assert found["12 August"].value == "-0480-08-12"
    assert found["The following year"].value == "-0479"


@pytest.mark.parametrize(
    "text",
    [
        "I was late bc the bus never came.",  # "bc" in lower case: "because"
        "In 2010 BC Hydro raised its rates.",  # British Columbia
        "He wrote 3 AD scripts for the campaign.",  # advertisements
    ],
)
def test_era_letters_that_are_not_eras(blank, text):
    assert not any(t.value.startswith("-") or t.text.endswith(("AD", "BC")) for t in tag(blank, text))


def test_bc_shift_and_year_text():
    assert year_text(-499) == "-0499" and year_text(1940) == "1940"
    assert bc_shift(-492, "year", 1) == "-0491"
    assert bc_shift(-490, "decade", 10) == "-048"  # the decade after the 490s BC: the 480s BC
    assert bc_shift(-387, "century", -100) == "-04"  # the century before the 4th BC: the 5th BC
    assert bc_shift(-5, "year", 10) is None  # crosses into AD: a ``date`` holds it


# ----------------------------------------------------------------- parts of day, ranges, named days


def test_the_night_of_a_date_is_a_time_in_a_narrative(blank):
    t = by_text(blank, CHRONICLE + "The raid came on the night of 4 May 1828.")["the night of 4 May 1828"]
    assert (t.type, t.value, t.earliest) == ("TIME", "1828-05-04TNI", date(1828, 5, 4))


def test_news_tags_the_date_of_the_night_alone(blank):
    found = tag(blank, "He was shot on the night of Oct. 23 at home.", date(1998, 11, 2))
    assert [t.text for t in found] == ["Oct. 23"]


def test_the_first_day_of_a_range_takes_its_month_and_year(blank):
    found = tag(blank, "The fair ran from 3 to 5 October 2014 in the hall.")
    assert [(t.text, t.value, t.link) for t in found] == [("3", "2014-10-03", 1), ("5 October 2014", "2014-10-05", 0)]


def test_a_score_is_not_a_range_start(blank):
    assert [t.text for t in tag(blank, "Room 6-7 January 1916 was booked.")] == ["7 January 1916"]


def test_a_named_day_in_a_narrative(blank):
    text = (
        "War came in 1939. Paris fell in 1940. In 1941 and 1942 the fighting spread, and in 1943 Italy fell. "
        "Then came D-Day, and the landings."
    )
    assert by_text(blank, text)["D-Day"].value == "1944-06-06"


def test_a_named_day_in_news_is_any_such_day(blank):
    assert "D-Day" not in by_text(blank, "Monday is D-Day for the budget vote.", date(2024, 3, 1))


def test_a_second_attack_is_an_ordinal_not_a_duration(blank):
    assert tag(blank, "A second attack was reported.", date(2024, 3, 1)) == []
    assert tag(blank, "They tried a second time and failed.", date(2024, 3, 1)) == []
    wait = tag(blank, "Hold the door for a second.", date(2024, 3, 1))
    assert [(t.text, t.value) for t in wait] == [("a second", "PT1S")]
