"""The text report, ruff-like, for people at a terminal; and ``extract --format text``."""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from checker.model import Analysis, Finding, Span
from checker.report import Report
from checker.report.json import extract_record
from checker.report.positions import LineIndex, Positions

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _excerpt(console: Console, index: LineIndex, span: Span, style: str, note: str = "") -> None:
    """The source line with the span underlined (first line only for multi-line spans)."""
    line, column = index.position(span.start)
    end_line, end_column = index.position(span.end)
    text = index.line_text(line).expandtabs(1)
    width = (end_column if end_line == line else len(text) + 1) - column
    gutter = f"{line:>5} | "
    console.print(Text(gutter, style="dim") + Text(text))
    console.print(
        Text(" " * (len(gutter) - 2) + "| ", style="dim")
        + Text(" " * (column - 1) + "^" * max(width, 1) + (f" {note}" if note else ""), style=style)
    )


def render_text(findings: Sequence[Finding], positions: Positions, console: Console) -> None:
    """ruff-like: ``path:line:col: rule message``, the line underlined, then the related spans."""
    for finding in findings:
        index = positions.index(finding.span.path)
        line, column = index.position(finding.span.start)
        style = SEVERITY_STYLE[finding.severity]
        console.print(
            Text(f"{finding.span.path}:{line}:{column}: ", style="bold")
            + Text(finding.rule, style=style)
            + Text(f" [{finding.severity}] {finding.message}")
        )
        _excerpt(console, index, finding.span, style)
        for related in finding.related:
            rel_index = positions.index(related.span.path)
            rel_line, rel_column = rel_index.position(related.span.start)
            console.print(Text(f"  related: {related.span.path}:{rel_line}:{rel_column}: {related.message}", style="dim"))
            _excerpt(console, rel_index, related.span, "blue")
        if finding.fix is not None:
            console.print(Text(f"  fix: replace with {finding.fix.replacement!r}", style="green"))
        console.print()
    count = len(findings)
    if count:
        console.print(Text(f"Found {count} finding{'s' if count != 1 else ''}.", style="bold"))
    else:
        console.print(Text("No findings.", style="green"))


def render_extract_text(analysis: Analysis, console: Console) -> None:
    record = extract_record(analysis)
    published = record["published"] or "unknown"
    console.print(Text(f"{record['path']} (published {published}, {record['published_source']})", style="bold"))
    index = LineIndex(analysis.document.source)
    for t in record["timexes"]:
        line, column = index.position(t["offset"])
        interval = f" [{t['earliest']} .. {t['latest']}]" if t["earliest"] or t["latest"] else ""
        console.print(f"  {line}:{column}  {t['type']:<8} {t['value']:<14} {t['text']!r}{interval}")
    for a in record["assertions"]:
        line, column = index.position(a["offset"])
        who = ", ".join(f"{k}={v}" for k, v in a["participants"].items())
        console.print(
            f"  {line}:{column}  {a['event']:<12} {a['trigger']!r} {a['relation']} timex {a['timex']}"
            f"  {a['tense']}/{a['aspect']} {a['modality']} {a['polarity']}  {who}"
        )


def render(report: Report) -> str:
    """The text report; with ``report.color``, terminal colours (``NO_COLOR`` still turns them off)."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=report.color or None, no_color=None if report.color else True,
                      highlight=False, soft_wrap=True)  # fmt: skip
    render_text(report.findings, report.positions, console)
    return buffer.getvalue()
