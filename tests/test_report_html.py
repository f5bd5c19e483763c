"""The HTML report: its markup, and the page in a real headless browser (Debian's chromium via Playwright)."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest

from checker import engine
from checker.model import Analysis, Finding, Related, Span, Timex
from checker.report.html import (
    Mark,
    render_html,
    text_html,
    timeline_items,
    timeline_svg,
)
from checker.report.positions import Positions
from checker.source import read_text

ARTICLE = (
    "---\ndate: 2025-03-10\n---\n"
    "# Library hours\n\n"
    "On Monday, March 4, 2025, the city council voted to extend the library's hours.\n"
    "The new schedule starts on April 1, 2025, and runs until June 30, 2025.\n\n"
    "The bridge opened on May 3, 2019, the council said; the plaque says it opened on May 5, 2019.\n"
)


def _at(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span("article.md", start, start + len(needle))


@pytest.fixture(scope="module")
def report() -> tuple[list[Analysis], list[Finding], Positions]:
    """A real analysis of the article, its real findings and one hand-made finding with a related span."""
    document = read_text(ARTICLE, path="article.md")
    analyses = engine.analyze([document])
    conflict = Finding(
        rule="chronology/conflicting-dates",
        severity="warning",
        message="the bridge's opening is dated May 5, 2019 here and May 3, 2019 before",
        span=_at(ARTICLE, "May 5, 2019"),
        related=(Related(_at(ARTICLE, "May 3, 2019"), "the opening dated May 3, 2019"),),
    )
    found = sorted([*engine.findings(analyses), conflict], key=lambda f: f.span.start)
    return analyses, found, Positions({document.path: document.source})


def test_text_keeps_every_character_and_marks_spans() -> None:
    source = "a <b> & c\nsecond line\n"
    marks = [Mark(2, 5, "f", "f1", "f1", "error"), Mark(4, 12, "r", "f2r1", "f2", "warning")]
    page = text_html(source, marks)
    rows = re.findall(r'<span class="code">(.*?)</span></div>', page)
    assert [html.unescape(re.sub(r"<[^>]+>", "", r)).replace("\u200b", "") for r in rows] == [
        "a <b> & c",
        "second line",
        "",
    ]
    assert 'data-f="f1"' in page and 'data-r="f2r1" data-rf="f2"' in page
    assert page.count('id="f1"') == 1 and page.count('id="f2r1"') == 1  # one anchor per mark, across lines
    assert re.search(r'class="seg hl sev-error rel" data-f="f1" [^>]*data-r="f2r1"[^>]*>&gt;</span>', page)


def test_timeline_marks_items_under_findings_as_conflicting(report) -> None:
    analyses, found, _ = report
    marks = [Mark(f.span.start, f.span.end, "f", f"f{i}", f"f{i}", f.severity) for i, f in enumerate(found, 1)]
    items = timeline_items(analyses[0], 1, marks)
    labels = {i.text: i for i in items}
    assert labels["April 1, 2025"].findings == ()
    assert labels["May 5, 2019"].findings and labels["Monday, March 4, 2025"].findings
    assert labels["April 1, 2025"].start == labels["April 1, 2025"].end == date(2025, 4, 1)


def test_timeline_svg_handles_days_spans_and_no_dates() -> None:
    timex = Timex(
        0, 4, "2024", "DATE", "2024", granularity="year", earliest=date(2024, 1, 1), latest=date(2024, 12, 31)
    )
    analysis = Analysis(read_text("2024 and March 3, 2024.", path="x"), (timex,))
    (item,) = timeline_items(analysis, 1, [])
    assert item.label == item.text == "2024"
    svg = timeline_svg([item], date(2025, 1, 1))
    assert "<rect" in svg and "published 2025-01-01" in svg and 'class="item"' in svg
    assert "No dated time expressions" in timeline_svg([], None)


def test_page_is_self_contained(report) -> None:
    page = render_html(*report)
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing fetched from the network
    assert "<link" not in page and "@import" not in page
    assert page.count("<script") == 2 and "<\\/" not in page.split('id="chronolint-data">')[0]


def test_script_data_cannot_close_its_tag() -> None:
    source = "Monday, March 4, 2025 </script><script>alert(1)</script>"
    finding = Finding("calendar/weekday-mismatch", "error", "</script><b>x</b>", Span("x", 0, 21))
    page = render_html([Analysis(read_text(source, path="x"))], [finding], Positions({"x": source}))
    assert "<script>alert(1)" not in page and "&lt;/script&gt;&lt;script&gt;alert(1)" in page


# ---------------------------------------------------------------- in a browser


def _box(locator) -> dict:
    box = locator.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0
    return box


def test_report_in_a_headless_browser(browser, report, tmp_path: Path) -> None:
    analyses, found, positions = report
    path = tmp_path / "report.html"
    path.write_text(render_html(analyses, found, positions), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: errors.append(r.url) if not r.url.startswith("file://") else None)
    page.goto(path.as_uri())

    for number in range(1, len(found) + 1):  # every finding is highlighted, visibly
        highlight = page.locator(f'.seg.hl[data-f~="f{number}"]').first
        assert highlight.is_visible()
        _box(highlight)
    timeline = page.locator("svg.timeline").first
    assert timeline.is_visible() and _box(timeline)["width"] > 400
    items = page.locator("svg.timeline .item")
    assert items.count() >= 4 and page.locator("svg.timeline .item.conflict").count() >= 2
    _box(items.first)

    # Hover shows the explanation; click pins it and lights up the related span.
    conflict = page.locator(".seg.hl[data-f]", has_text="May 5, 2019")
    conflict.hover()
    popup = page.locator("#pop")
    assert popup.is_visible() and "May 3, 2019 before" in popup.inner_text()
    conflict.click()
    related = page.locator(".seg.rel", has_text="May 3, 2019")
    assert "active" in (related.get_attribute("class") or "")
    assert page.locator("svg.timeline .item.conflict.active").count() >= 1
    page.screenshot(path=str(tmp_path / "report-pinned.png"), full_page=True)

    # The related link in the pinned card jumps to the related span and flashes it.
    popup.locator("a[data-jump]").click()
    assert "flash" in (related.get_attribute("class") or "")
    page.keyboard.press("Escape")
    assert popup.is_hidden()

    # A timeline item jumps to its text.
    page.locator("svg.timeline .item", has_text="April 1, 2025").click()
    assert "flash" in (page.locator(".seg.tx", has_text="April 1, 2025").get_attribute("class") or "")
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    assert (tmp_path / "report.png").stat().st_size > 10_000
    assert errors == []
    page.close()


def test_related_span_in_another_file_is_marked_in_that_file() -> None:
    one, two = "Opened on May 3, 2019.\n", "It opened on May 5, 2019.\n"
    finding = Finding(
        "chronology/conflicting-dates", "error", "two dates",
        Span("two.md", 13, 24), related=(Related(Span("one.md", 10, 21), "the other date"),),
    )  # fmt: skip
    analyses = [Analysis(read_text(one, path="one.md")), Analysis(read_text(two, path="two.md"))]
    page = render_html(analyses, [finding], Positions({"one.md": one, "two.md": two}))
    first, second = page.split('<details class="doc"')[1:]
    assert 'data-r="f1r1" data-rf="f1">May 3, 2019</span>' in first and "data-f=" not in first
    assert 'data-f="f1"' in second and ">May 5, 2019</span>" in second
    assert '"path": "one.md", "line": 1, "message": "the other date"' in page
