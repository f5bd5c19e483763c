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
from checker.report.safe import printable

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _excerpt(console: Console, index: LineIndex, span: Span, style: str, note: str = "") -> None:
    """The source line with the span underlined (first line only for multi-line spans)."""
    line, column = index.position(span.start)
    end_line, end_column = index.position(span.end)
    raw = index.line_text(line).expandtabs(1)
    stop = end_column - 1 if end_line == line else len(raw)
    before, within = len(printable(raw[: column - 1])), len(printable(raw[column - 1 : stop]))
    gutter = f"{line:>5} | "
    console.print(Text(gutter, style="dim") + Text(printable(raw)))
    console.print(
        Text(" " * (len(gutter) - 2) + "| ", style="dim")
        + Text(" " * before + "^" * max(within, 1) + (f" {note}" if note else ""), style=style)
    )


def render_text(findings: Sequence[Finding], positions: Positions, console: Console) -> None:
    """ruff-like: ``path:line:col: rule message``, the line underlined, then the related spans."""
    for finding in findings:
        index = positions.index(finding.span.path)
        line, column = index.position(finding.span.start)
        style = SEVERITY_STYLE[finding.severity]
        console.print(
            Text(f"{printable(finding.span.path)}:{line}:{column}: ", style="bold")
            + Text(printable(finding.rule), style=style)
            + Text(f" [{finding.severity}] {printable(finding.message)}")
        )
        _excerpt(console, index, finding.span, style)
        for related in finding.related:
            rel_index = positions.index(related.span.path)
            rel_line, rel_column = rel_index.position(related.span.start)
            where = f"{printable(related.span.path)}:{rel_line}:{rel_column}"
            console.print(Text(f"  related: {where}: {printable(related.message)}", style="dim"))
            _excerpt(console, rel_index, related.span, "blue")
        if finding.fix is not None:
            console.print(Text(f"  fix: replace with {finding.fix.replacement!r}", style="green"))
        console.print()


MAX_NOTES = 5  # more files than this with an unstated date get one line, not one each


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 or word == 'info' else 's'}"


def summary(findings: Sequence[Finding], files: int, unread: int = 0) -> str:
    """``Found 3 findings (2 errors, 1 warning) in 2 of 14 files.``; never "No findings" when nothing was read."""
    unread_note = f"; {_plural(unread, 'input')} could not be read (see above)" if unread else ""
    if not findings:
        if unread and not files:
            return f"Nothing checked: {_plural(unread, 'input')} could not be read (see above)."
        return f"No findings in {_plural(files, 'file')}{unread_note}."
    by_severity = {s: sum(f.severity == s for f in findings) for s in SEVERITY_STYLE}
    levels = ", ".join(_plural(n, s) for s, n in by_severity.items() if n)
    flagged = len({f.span.path for f in findings})
    where = _plural(files, "file") if flagged == files else f"{flagged} of {_plural(files, 'file')}"
    return f"Found {_plural(len(findings), 'finding')} ({levels}) in {where}{unread_note}."


def render_notes(notes: Sequence[tuple[str, str]], console: Console) -> None:
    """Where a publication date was not stated but taken from the file name or inferred."""
    if len(notes) > MAX_NOTES:
        console.print(Text(f"note: {len(notes)} files state no publication date in their metadata "
                           "(`chronolint extract` shows each one's)", style="dim"))  # fmt: skip
        return
    for path, note in notes:
        console.print(Text(f"note: {printable(path)}: {printable(note)}", style="dim"))


def render_extract_text(analysis: Analysis, console: Console) -> None:
    record = extract_record(analysis)
    published = record["published"] or "unknown"
    console.print(
        Text(f"{printable(record['path'])} (published {published}, {record['published_source']})", style="bold")
    )
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
    render_notes(report.notes, console)
    files = len(report.paths)
    style = "bold" if report.findings or report.unread else "green"
    console.print(Text(summary(report.findings, files, report.unread), style=style))
    return buffer.getvalue()
