"""Publication dates as sites write them: every form the issue lists, read under the date order."""

from __future__ import annotations

import sys
from datetime import date

import pytest

from checker.source import dates, read_path, read_text
from checker.source.dates import DateError, file_name_date, option_date, parse_date

DAY = date(2024, 12, 20)


@pytest.mark.parametrize(
    ("front", "order"),
    [
        ("---\ndate: 20/12/2024\n---\n", "international"),
        ("---\ndate: 12/20/2024\n---\n", "us"),
        ("---\ndate: December 20, 2024\n---\n", "us"),
        ("---\ndate: Friday, Dec. 20th, 2024\n---\n", "us"),
        ("---\ndate: 2024-12-20T10:00:00+01:00\n---\n", "us"),
        ("---\ndate: 2024-12-20 23:30:00 -0500\n---\n", "us"),  # Jekyll: the date as written, not UTC
        ("---\npubDate: Fri, 20 Dec 2024 10:00:00 +0100\n---\n", "us"),  # RFC 2822
        ("---\ndate:\n  created: 2024-12-20\n  updated: 2025-01-02\n---\n", "us"),  # MkDocs Material blog
        ("---\ndate: {created: 20/12/2024}\n---\n", "international"),
        ('{\n  "title": "Budget",\n  "date": "2024-12-20T10:00:00+01:00"\n}\n', "us"),  # Hugo JSON
        ("+++\ndate = 2024-12-20T10:00:00+01:00\n+++\n", "us"),
    ],
)
def test_front_matter_dates_as_sites_write_them(front, order):
    doc = read_text(front + "\nThe council met.\n", path="post.md", date_order=order)
    assert (doc.published, doc.published_source, doc.warnings) == (DAY, "front-matter", ())
    assert doc.text.strip() == "The council met."  # the front matter is never prose


def test_the_date_order_decides_a_numeric_date():
    assert parse_date("05/01/2024", "us") == date(2024, 5, 1)
    assert parse_date("05/01/2024", "international") == date(2024, 1, 5)
    assert parse_date("20/12/2024", "us") is None or parse_date("20/12/2024", "us") == DAY  # never a wrong day


def test_relative_and_bare_numbers_are_not_dates():
    """A date that depends on the day of the check, or a bare number, is not read."""
    for value in ("yesterday", "in two days", "2024", "20241220", ""):
        assert parse_date(value) is None, value


def test_jekyll_file_name_date(tmp_path):
    posts = tmp_path / "_posts"
    posts.mkdir()
    post = posts / "2024-12-20-council-budget.md"
    post.write_text("---\ntitle: Budget\n---\nThe council met.\n", encoding="utf-8")
    doc = read_path(str(post))
    assert (doc.published, doc.published_source) == (DAY, "file-name")
    assert doc.stated_published == DAY
    front = read_text("---\ndate: 2024-12-21\n---\n", path=str(post))
    assert front.published_source == "front-matter"  # the front matter wins over the name
    assert file_name_date("2024-02-30-bad.md") is None and file_name_date("notes-2024-12-20.md") is None


def test_published_option_forms():
    assert option_date("today", today=DAY) == DAY
    assert option_date("20/12/2024", "international") == DAY
    assert option_date("December 20, 2024") == DAY
    assert option_date("2024-12-20T10:00:00+01:00") == DAY
    with pytest.raises(DateError, match="cannot read 'soonish'"):
        option_date("soonish")


def test_dateparser_is_imported_only_for_dates_that_need_it():
    sys.modules.pop("dateparser", None)
    dates._dateparser.cache_clear()
    read_text("---\ndate: 2024-12-20\n---\nText.\n")
    read_text("---\npubDate: Fri, 20 Dec 2024 10:00:00 +0100\n---\nText.\n")
    assert "dateparser" not in sys.modules
    read_text("---\ndate: 20/12/2024\n---\nText.\n", date_order="international")
    assert "dateparser" in sys.modules
