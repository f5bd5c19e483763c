"""The tagger on short informal posts: abbreviations, lower case, glued forms, bare words, and the traps."""

from __future__ import annotations

from datetime import date

import pytest

from checker import nlp, timex
from checker.model import Timex
from checker.timex.register import is_post

DCT = date(2014, 4, 22)  # a Tuesday


@pytest.fixture(scope="module")
def blank():
    return nlp.tokenizer()


def tag(blank, text: str, dct: date | None = DCT) -> list[Timex]:
    return timex.tag(blank(text), dct)


def pairs(blank, text: str, dct: date | None = DCT) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(blank, text, dct)]


def test_what_makes_a_post():
    assert is_post("Crazy week at the office lol", DCT)
    assert is_post("Dinner with the team :) http://t.co/x", DCT)
    assert not is_post("The council met on Tuesday.", DCT)  # a news sentence ends with its stop
    assert not is_post("lol " * 200, DCT)  # too long for a post
    assert not is_post("lol", None)  # no date to anchor on


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cant wait for the gig tmr!!", [("tmr", "2014-04-23")]),
        ("so tired tdy...", [("tdy", "2014-04-22")]),
        ("movie tonite with the gang", [("tonite", "2014-04-22TNI")]),
        ("moving to Perth nxt yr", [("nxt yr", "2015")]),
        ("queued for 7hrs!!", [("7hrs", "PT7H")]),
        ("haven't swum in 7months", [("7months", "P7M")]),
        ("only 15 mins left", [("15 mins", "PT15M")]),
        ("gig this Sat, 430pm!", [("this Sat", "2014-04-26"), ("430pm", "2014-04-26T16:30")]),
        ("see u next fri", [("next fri", "2014-04-25")]),
        ("school starts on monday", [("monday", "2014-04-21")]),
        ("camp in july again", [("july", "2014-07")]),
    ],
)
def test_informal_forms(blank, text, expected):
    assert pairs(blank, text) == expected


def test_xmas_is_christmas(blank):
    (t,) = tag(blank, "already shopping for xmas lol")
    assert t.text == "xmas" and t.value.endswith("-12-25")


def test_tonight_has_its_part_of_day(blank):
    t = tag(blank, "The band plays tonight.", DCT)[0]
    assert (t.type, t.value, t.earliest) == ("TIME", "2014-04-22TNI", DCT)


def test_every_abbreviated_weekday_is_a_set(blank):
    assert pairs(blank, "parade every mon lol") == [("every mon", "XXXX-WXX-1")]


@pytest.mark.parametrize(
    "text",
    [
        "Fri said she would call back.",  # a name
        "The Sun said the talks failed.",  # the newspaper
        "She sat on the bench by the sun.",  # "sat" the verb, "sun" the star
        "The couple will wed in the chapel.",  # "wed" the verb
        "Protesters march to the square.",  # "march" the verb, lower case
        "It may rain, so we may stay in.",  # "may" the modal
    ],
)
def test_words_that_are_not_days_or_months(blank, text):
    assert tag(blank, text) == []


def test_the_sun_after_the_is_never_a_weekday(blank):
    assert pairs(blank, "Let's meet on the next sun") == []
    assert pairs(blank, "Let's meet this Sun :)") == [("this Sun", "2014-04-27")]


def test_min_and_sec_alone_are_other_words(blank):
    assert pairs(blank, "the min wage and the SEC filing lol") == []
    assert pairs(blank, "a recent SEC filing lol") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Long day at work :(", [("day", "P1D")]),
        ("Good morning everyone :)", [("morning", "2014-04-22TMO")]),
        ("so cold at night lol", [("night", "2014-04-22TNI")]),
        (
            "beach this weekend? nah, weekends are for sleeping",
            [("this weekend", "2014-W17-WE"), ("weekends", "XXXX-WE")],
        ),  # fmt: skip
        ("Spring colors are in!! #fashion", [("Spring", "2014-SP")]),
        ("worried about my future lol", [("future", "FUTURE_REF")]),
    ],
)
def test_bare_words_in_a_post(blank, text, expected):
    assert pairs(blank, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The day was long and the board met late.",
        "Morning trading was quiet, the exchange said.",
        "Spring colors dominated the collections shown in Paris.",
        "Investors are worried about the company's future.",
    ],
)
def test_news_leaves_bare_words_out(blank, text):
    assert tag(blank, text) == []
