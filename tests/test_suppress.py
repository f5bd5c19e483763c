"""Inline suppression directives."""

from __future__ import annotations

from checker.app.suppress import UNUSED_RULE, Directive, Suppressions, apply, directives
from checker.model import Finding, Fix, Span
from checker.source import read_text

SENTENCE = "On Monday, March 4, 2025, the council voted."
WEEKDAY = "calendar/weekday-mismatch"


def findings_at(doc, needle: str, rule: str = WEEKDAY) -> list[Finding]:
    """A finding of ``rule`` at every occurrence of ``needle`` in the document's source."""
    out, at = [], doc.source.find(needle)
    while at >= 0:
        out.append(Finding(rule, "warning", "msg", Span(doc.path, at, at + len(needle))))
        at = doc.source.find(needle, at + 1)
    return out


def lines_of(doc, found: list[Finding]) -> list[int]:
    return [doc.source.count("\n", 0, f.span.start) + 1 for f in found]


def run(src: str, fmt: str = "markdown", rule: str = WEEKDAY, needle: str = "Monday", **kwargs):
    doc = read_text(src, path="a", fmt=fmt)
    kept, unused = apply(findings_at(doc, needle, rule), directives(doc), **kwargs)
    return doc, kept, unused


def test_disable_next_line_acceptance_case():
    src = f"{SENTENCE}\n<!-- chronolint-disable-next-line {WEEKDAY} -->\n{SENTENCE}\n"
    doc, kept, unused = run(src)
    assert lines_of(doc, kept) == [1]
    assert unused == []


def test_disable_next_line_only_covers_one_line():
    src = f"<!-- chronolint-disable-next-line -->\n{SENTENCE}\n{SENTENCE}\n"
    doc, kept, _ = run(src)
    assert lines_of(doc, kept) == [3]


def test_disable_enable_range_and_prefix():
    src = f"{SENTENCE}\n<!-- chronolint-disable calendar -->\n{SENTENCE}\n\n{SENTENCE}\n<!-- chronolint-enable -->\n{SENTENCE}\n"
    doc, kept, unused = run(src)
    assert lines_of(doc, kept) == [1, 7]
    assert unused == []


def test_disable_without_enable_runs_to_the_end():
    doc, kept, _ = run(f"<!-- chronolint-disable -->\n{SENTENCE}\n\n{SENTENCE}\n")
    assert kept == []


def test_enable_one_rule_after_disabling_all():
    src = f"<!-- chronolint-disable -->\n<!-- chronolint-enable {WEEKDAY} -->\n{SENTENCE}\n"
    _, kept, _ = run(src)
    assert len(kept) == 1
    _, kept, _ = run(src, rule="calendar/invalid-date")
    assert kept == []


def test_other_rules_are_not_suppressed():
    src = f"<!-- chronolint-disable-next-line calendar/invalid-date, chronology -->\n{SENTENCE}\n"
    _, kept, unused = run(src)
    assert len(kept) == 1
    assert [u.rule for u in unused] == [UNUSED_RULE]
    assert unused[0].message == "suppression of calendar/invalid-date, chronology matched no finding"
    assert unused[0].severity == "info"
    assert unused[0].fix is not None and unused[0].fix.replacement == ""


def test_partly_unused_directive_names_only_the_idle_rules():
    src = f"<!-- chronolint-disable-next-line {WEEKDAY} chronology -- a reason -->\n{SENTENCE}\n"
    doc, kept, unused = run(src)
    assert kept == []
    assert [u.message for u in unused] == ["suppression of chronology matched no finding"]
    assert unused[0].fix is None
    assert doc.source[unused[0].span.start : unused[0].span.end].startswith("<!-- chronolint-disable-next-line")


def test_unused_all_rules_directive():
    _, _, unused = run("<!-- chronolint-disable -->\nNothing here.\n")
    assert [u.message for u in unused] == ["this suppression matched no finding"]


def test_rules_that_did_not_run_are_not_reported_unused():
    src = "<!-- chronolint-disable chronology/order -->\nText.\n"
    _, _, unused = run(src, checked={WEEKDAY})
    assert unused == []
    _, _, unused = run(src, checked={WEEKDAY, "chronology/order"})
    assert len(unused) == 1


def test_comments_shown_in_code_do_not_count():
    src = f"Write `<!-- chronolint-disable -->` to silence.\n\n```\n<!-- chronolint-disable -->\n```\n{SENTENCE}\n"
    doc = read_text(src)
    assert directives(doc).directives == ()


def test_html_comments():
    src = f"<p>{SENTENCE}</p>\n<!-- chronolint-disable-next-line -->\n<p>{SENTENCE}</p>\n"
    doc, kept, _ = run(src, fmt="html")
    assert lines_of(doc, kept) == [1]


def test_ignore_alone_covers_next_paragraph_in_text():
    src = f"{SENTENCE}\n\n# chronolint: ignore[calendar]\n{SENTENCE}\nwrapped {SENTENCE}\n\n{SENTENCE}\n"
    doc, kept, unused = run(src, fmt="text")
    assert lines_of(doc, kept) == [1, 7]
    assert unused == []


def test_ignore_trailing_covers_its_line():
    src = f"{SENTENCE} chronolint: ignore\n{SENTENCE}\n"
    doc, kept, _ = run(src, fmt="text")
    assert lines_of(doc, kept) == [2]


def test_rst_comment_form():
    src = f"{SENTENCE}\n\n.. chronolint: ignore[{WEEKDAY}]\n\n{SENTENCE}\n"
    doc, kept, _ = run(src, fmt="rst")
    assert lines_of(doc, kept) == [1]
    assert directives(doc).directives[0] == Directive(
        "ignore", (WEEKDAY,), Span("a", src.index("chronolint:"), src.index("]") + 1), (src.rindex("On"), len(src) - 1)
    )


def test_findings_of_other_files_pass_through():
    finding = Finding(WEEKDAY, "warning", "m", Span("b", 0, 1))
    directive = Directive("disable", (), Span("a", 0, 0))
    kept, unused = apply([finding], Suppressions("a", (directive,)))
    assert kept == [finding]
    assert [(u.rule, u.span, u.fix) for u in unused] == [(UNUSED_RULE, directive.span, Fix("", directive.span))]


def test_no_directives_is_cheap_and_empty():
    doc = read_text(f"{SENTENCE}\n")
    assert directives(doc) == Suppressions("-")
