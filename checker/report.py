"""Reporters: findings and analyses rendered for people (text) and machines (JSON).

Positions: ``line``/``column`` are 1-based, columns counted in characters;
``offset``/``end_offset`` are 0-based code-point offsets into the decoded file.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from rich.console import Console
from rich.text import Text

from checker.model import Analysis, Assertion, Finding, Span, Timex

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


@dataclass(frozen=True)
class LineIndex:
    """Line starts of one file, for offset -> (line, column) in O(log n)."""

    source: str

    @cached_property
    def starts(self) -> list[int]:
        return [0] + [i + 1 for i, ch in enumerate(self.source) if ch == "\n"]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.source)
        return self.source[start:end]


class Positions:
    """Maps spans of any checked file to line/column, one LineIndex per file."""

    def __init__(self, sources: Mapping[str, str]):
        self._index = {path: LineIndex(text) for path, text in sources.items()}

    def index(self, path: str) -> LineIndex:
        return self._index[path]

    def region(self, span: Span) -> dict[str, int]:
        index = self._index[span.path]
        line, column = index.position(span.start)
        end_line, end_column = index.position(span.end)
        return {
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "offset": span.start,
            "end_offset": span.end,
        }


def finding_record(finding: Finding, positions: Positions) -> dict:
    """One finding as the public JSON object (keys and order are a contract)."""
    return {
        "path": finding.span.path,
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        **positions.region(finding.span),
        "related": [
            {"path": r.span.path, "message": r.message, **positions.region(r.span)} for r in finding.related
        ],
        "fix": None
        if finding.fix is None
        else {"replacement": finding.fix.replacement, "offset": finding.fix.span.start, "end_offset": finding.fix.span.end},
    }


def render_json(findings: Sequence[Finding], positions: Positions) -> str:
    return json.dumps([finding_record(f, positions) for f in findings], indent=2, ensure_ascii=False)


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


def _offsets(span: Span) -> dict[str, int]:
    return {"offset": span.start, "end_offset": span.end}


def timex_record(timex: Timex, analysis: Analysis) -> dict:
    doc = analysis.document
    return {
        "text": timex.text,
        **_offsets(doc.source_span(timex.start, timex.end)),
        "type": timex.type,
        "value": timex.value,
        "mod": timex.mod,
        "granularity": timex.granularity,
        "earliest": timex.earliest.isoformat() if timex.earliest else None,
        "latest": timex.latest.isoformat() if timex.latest else None,
        "anchor": timex.anchor,
        "link": timex.link,
    }


def extract_record(analysis: Analysis) -> dict:
    """The public ``extract`` object: the analysis behind the findings."""
    doc = analysis.document
    return {
        "path": doc.path,
        "published": doc.published.isoformat() if doc.published else None,
        "published_source": doc.published_source,
        "timexes": [timex_record(t, analysis) for t in analysis.timexes],
        "assertions": [assertion_record(a, analysis) for a in analysis.assertions],
    }


def assertion_record(assertion: Assertion, analysis: Analysis) -> dict:
    doc = analysis.document
    return {
        "event": assertion.event,
        "trigger": assertion.trigger,
        "trigger_pos": assertion.trigger_pos,
        **_offsets(doc.source_span(assertion.trigger_start, assertion.trigger_end)),
        "timex": assertion.timex,
        "relation": assertion.relation,
        "participants": dict(assertion.participants),
        "tense": assertion.tense,
        "aspect": assertion.aspect,
        "polarity": assertion.polarity,
        "modality": assertion.modality,
        "inferred": list(assertion.inferred),
    }


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
