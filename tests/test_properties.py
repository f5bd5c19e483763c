"""Property tests: any text, and any Markdown, goes through the tagger and ``check`` safely.

No exception, every offset inside the file and on the characters it names, line and
column agreeing with the offset, and the same output on a second run. Example counts
are bounded and the runs derandomized, so CI is deterministic; set
``HYPOTHESIS_PROFILE=explore`` locally for a longer, random search.
"""

from __future__ import annotations

import json
import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from checker import nlp, timex
from checker.cli import app
from checker.source import InputError, read_text

settings.register_profile(
    "ci", max_examples=40, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)  # fmt: skip
settings.register_profile("explore", parent=settings.get_profile("ci"), max_examples=500, derandomize=False)
PROFILE = settings(settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci")))
CHECK_PROFILE = settings(PROFILE, max_examples=min(PROFILE.max_examples, 25))  # the parser is slower

MONTHS = ["January", "Feb.", "March", "Apr", "May", "June", "Sept.", "December"]
WEEKDAYS = ["Monday", "Tue.", "Wednesday", "Thursday", "Fri", "Saturday", "Sunday"]
WORDS = ["the", "council", "voted", "was", "born", "sworn", "in", "on", "since", "until", "from", "to",
         "ago", "later", "early", "mid-", "late", "about", "of", "and", ",", ".", "(", ")", "-", "–", "'s",
         "President", "Smith", "died", "aged", "turned", "will", "had", "years", "days", "week", "last",
         "next", "yesterday", "today", "tomorrow", "a", "decade", "century", "quarter", "Q3", "FY", "spring",
         "noon", "p.m.", "Christmas", "the 1990s", "2000s", "'90s"]  # fmt: skip


@st.composite
def dates(draw: st.DrawFn) -> str:
    """A date-like phrase, sometimes impossible (February 30, year 0, day 99)."""
    year = draw(st.integers(0, 9999))
    month = draw(st.integers(0, 13))
    day = draw(st.integers(0, 40))
    name = draw(st.sampled_from(MONTHS))
    weekday = draw(st.sampled_from(WEEKDAYS))
    n = draw(st.integers(0, 120))
    return draw(
        st.sampled_from([
            f"{name} {day}, {year}", f"{weekday}, {name} {day}", f"{day} {name} {year}", f"{month}/{day}/{year}",
            f"{year}-{month:02d}-{day:02d}", f"{n} years ago", f"from {year} to {year + n}", f"{year}-{n}",
            f"between {name} and {draw(st.sampled_from(MONTHS))}", f"last {weekday}", f"early {year}",
            f"{n} p.m. {weekday}", f"in {year}", f"the {year}s", f"{n}-year-old", f"{name} {year}",
            f"age {n}", f"{weekday} ({name} {day})", f"Q{n % 5} {year}", f"{n}:{day:02d}",
            f"{year:04d}-{month:02d}-{day:02d}T{n % 30:02d}:{day:02d}:00Z", f"{n} {draw(st.sampled_from(MONTHS))}",
        ])
    )  # fmt: skip


def prose() -> st.SearchStrategy[str]:
    """Sentences of news-like words with dates sprinkled in, and some arbitrary characters."""
    piece = st.one_of(st.sampled_from(WORDS), dates(), st.text(max_size=6))
    sep = st.sampled_from([" ", " ", " ", ", ", ". ", "\n", "\t", "  ", "\u00a0"])
    return st.lists(st.tuples(piece, sep), max_size=30).map(lambda parts: "".join(p + s for p, s in parts))


BLOCK_KINDS = ["heading", "para", "fence", "tilde", "inline", "link", "comment", "list", "quote", "indent", "table",
               "html", "open-fence", "open-comment"]  # fmt: skip


@st.composite
def markdown(draw: st.DrawFn) -> str:
    """A Markdown page: front matter, headings, fences, comments, links, nested lists and quotes."""
    blocks = []
    if draw(st.booleans()):
        day = draw(st.sampled_from(["2025-03-10", "2024-02-30", "not a date", "", "[1, 2", "2025-03-10T09:00:00"]))
        closing = draw(st.sampled_from(["---\n", "---\n", "...\n", ""]))
        blocks.append(f"---\ntitle: {draw(prose())!r}\ndate: {day}\n{closing}")
    for _ in range(draw(st.integers(0, 8))):
        text = draw(prose()).replace("\n", " ")
        depth = draw(st.integers(0, 6))
        kind = draw(st.sampled_from(BLOCK_KINDS))
        blocks.append({
            "heading": f"{'#' * (depth % 6 + 1)} {text}",
            "para": text,
            "fence": f"```python\n{text}\n```",
            "tilde": f"~~~\n{text}\n~~~",
            "inline": f"Then `{text}` and ``{text[:5]}`` end.",
            "link": f"[{text}](https://example.org/{text[:10]}) ![img]({text[:8]}) <https://x.org>",
            "comment": f"<!-- {text} -->",
            "list": "\n".join("  " * i + draw(st.sampled_from(["- ", "* ", "1. ", "- [ ] "])) + text
                              for i in range(depth + 1)),
            "quote": "> " * (depth + 1) + text,
            "indent": f"    {text}",
            "table": f"| a | b |\n|---|---|\n| {text} | x |",
            "html": f"<div>{text}</div>",
            "open-fence": f"```\n{text}",
            "open-comment": f"<!-- {text}",
        }[kind])  # fmt: skip
    return draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n"])).join(blocks) + draw(st.sampled_from(["", "\n"]))


ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=400)
DCTS = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
ORDERS = st.sampled_from(["us", "international"])


# ---------------------------------------------------------------- tagger


def assert_timexes_sound(text: str, timexes: list) -> None:
    """Offsets inside the text and on the expression's own characters; text order; links in range."""
    previous_end = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text), t
        assert text[t.start : t.end] == t.text, t
        assert t.start >= previous_end, f"{t} overlaps the expression before it"
        previous_end = t.end
        assert t.link is None or 0 <= t.link < len(timexes), t
        if t.earliest and t.latest:
            assert t.earliest <= t.latest, t


def tag_twice(text: str, dct: date | None, order: str) -> list:
    tokenizer = nlp.tokenizer()
    first = timex.tag(tokenizer(text), dct, date_order=order)
    assert timex.tag(tokenizer(text), dct, date_order=order) == first
    return first


@PROFILE
@given(ANY_TEXT, DCTS, ORDERS)
def test_tagger_on_arbitrary_unicode(text: str, dct: date | None, order: str) -> None:
    assert_timexes_sound(text, tag_twice(text, dct, order))


@PROFILE
@given(prose(), DCTS, ORDERS)
def test_tagger_on_prose_with_dates(text: str, dct: date | None, order: str) -> None:
    assert_timexes_sound(text, tag_twice(text, dct, order))


@PROFILE
@given(markdown(), DCTS)
def test_tagger_on_markdown_prose(page: str, dct: date | None) -> None:
    try:
        document = read_text(page, fmt="markdown")
    except InputError as refused:  # malformed front matter: one line naming the problem
        assert "\n" not in str(refused) and "front matter" in str(refused)
        return
    assert len(document.text) == len(document.source)
    assert_timexes_sound(document.text, tag_twice(document.text, dct, "us"))


# ---------------------------------------------------------------- check and extract, in process


def position(source: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a code-point offset (lines end at \\n)."""
    line_start = source.rfind("\n", 0, offset) + 1
    return source.count("\n", 0, offset) + 1, offset - line_start + 1


def assert_region(source: str, record: dict) -> None:
    assert 0 <= record["offset"] <= record["end_offset"] <= len(source), record
    assert (record["line"], record["column"]) == position(source, record["offset"]), record
    assert (record["end_line"], record["end_column"]) == position(source, record["end_offset"]), record


def invoke(command: str, page: str, name: str, *options: str) -> tuple[int, str]:
    """Run ``chronolint COMMAND -`` on ``page`` read as the file ``name``; exit code and stdout."""
    isolated = ("--jobs", "1", "--no-cache") if command == "check" else ()  # in process, no cache files
    result = CliRunner().invoke(
        app, [command, "-", "--stdin-filename", name, "--format", "json", *isolated, *options], input=page.encode()
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if result.exit_code == 2:  # an input it refuses, such as malformed front matter: one clear line
        assert result.stderr.startswith(f"chronolint: {name}: ") and result.stdout in ("", "[]\n"), result.stderr
    return result.exit_code, result.stdout


def assert_check_sound(page: str, name: str, *options: str) -> None:
    code, out = invoke("check", page, name, *options)
    assert code in (0, 1, 2)
    assert invoke("check", page, name, *options) == (code, out)
    if code == 2:
        return
    source = page.removeprefix("\ufeff")
    for finding in json.loads(out):
        assert finding["path"] == name
        assert_region(source, finding)
        for related in finding["related"]:
            assert related["path"] == name
            assert_region(source, related)
        if finding["fix"] is not None:
            assert 0 <= finding["fix"]["offset"] <= finding["fix"]["end_offset"] <= len(source)


def assert_extract_sound(page: str, name: str) -> None:
    code, out = invoke("extract", page, name)
    if code == 2:
        return
    assert code == 0
    (record,) = json.loads(out)
    source = page.removeprefix("\ufeff")
    for t in record["timexes"]:
        assert source[t["offset"] : t["end_offset"]] == t["text"], t
    for a in record["assertions"]:
        assert 0 <= a["offset"] <= a["end_offset"] <= len(source), a
        assert 0 <= a["timex"] < len(record["timexes"]), a


@pytest.fixture(scope="module", autouse=True)
def _parser_loaded() -> None:
    """Load spaCy before hypothesis times anything."""
    nlp.load()


@CHECK_PROFILE
@given(markdown(), st.sampled_from([(), ("--published", "2025-03-10"), ("--date-order", "international")]))
def test_check_on_generated_markdown(page: str, options: tuple[str, ...]) -> None:
    assert_check_sound(page, "page.md", *options)


@CHECK_PROFILE
@given(st.one_of(ANY_TEXT, prose()))
def test_check_on_arbitrary_text(text: str) -> None:
    assert_check_sound(text, "notes.txt", "--published", "2025-03-10")


@CHECK_PROFILE
@given(markdown())
def test_extract_offsets_name_the_expressions(page: str) -> None:
    assert_extract_sound(page, "page.md")
