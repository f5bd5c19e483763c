"""Fake Hugo, Jekyll and MkDocs sites (tests/sites) with planted errors: every planted finding
and nothing else, with the publication dates each generator writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

SITES = Path(__file__).parent / "sites"

PLANTED = {
    "hugo": {  # TOML and JSON front matter; archetypes/ and themes/ are not walked
        ("content/posts/budget.md", 6, "calendar/weekday-mismatch"),  # **Tuesday**, December 18, 2024
        ("content/posts/bridge.json.md", 7, "chronology/anachronism"),  # opened ... March 12, 2025
        ("content/about.md", 5, "arithmetic/duration"),  # 1998, three years later, in 2003
    },
    "jekyll": {  # a post dated by its file name alone, and one with Jekyll's datetime
        ("_posts/2024-12-20-second-term.md", 6, "chronology/anachronism"),
        ("_posts/2024-12-20-second-term.md", 9, "chronology/stale-future"),
        ("_posts/2025-01-05-ferry.md", 8, "calendar/invalid-date"),
    },
    "mkdocs": {  # Material's date table, "December 20, 2024", 20/12/2024 read internationally
        ("docs/blog/posts/release.md", 10, "chronology/stale-future"),
        ("docs/changelog.md", 8, "chronology/order"),
        ("docs/meetings.md", 7, "calendar/weekday-mismatch"),
        ("docs/draft.md", 7, "calendar/weekday-mismatch"),  # its date cannot be read: still checked
    },
}


@pytest.mark.parametrize("site", sorted(PLANTED))
def test_a_site_gives_every_planted_finding_and_nothing_else(site, monkeypatch):
    monkeypatch.chdir(SITES / site)
    result = CliRunner().invoke(app, ["check", "--no-cache", "--format", "json", "."])
    found = {(f["path"].replace(os.sep, "/"), f["line"], f["rule"]) for f in json.loads(result.stdout)}
    assert found == PLANTED[site]
    assert result.exit_code == 1
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    expected = ["chronolint: docs/draft.md: warning: front matter 'date': cannot read 'soon' as a date; "
                "checked without a publication date"] if site == "mkdocs" else []  # fmt: skip
    assert warnings == expected


def test_each_site_is_dated_as_its_generator_dates_it():
    from checker.source import read_path

    expected = {
        "hugo/content/posts/budget.md": ("2024-12-20", "front-matter"),
        "hugo/content/posts/bridge.json.md": ("2024-11-02", "front-matter"),
        "jekyll/_posts/2024-12-20-second-term.md": ("2024-12-20", "file-name"),
        "jekyll/_posts/2025-01-05-ferry.md": ("2025-01-05", "front-matter"),
        "mkdocs/docs/blog/posts/release.md": ("2024-12-20", "front-matter"),
        "mkdocs/docs/changelog.md": ("2024-12-20", "front-matter"),
    }
    for rel, (day, source) in expected.items():
        doc = read_path(str(SITES / rel))
        assert (str(doc.published), doc.published_source) == (day, source), rel
    meetings = read_path(str(SITES / "mkdocs/docs/meetings.md"), date_order="international")
    assert str(meetings.published) == "2024-12-20"
