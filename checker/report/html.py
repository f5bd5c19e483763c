"""The HTML report: one self-contained page an editor can read.

Per document: a timeline (inline SVG) of its dated time expressions with the
ones a finding involves marked as conflicting, the list of findings, and the
text with every finding highlighted in place. Hovering a highlight shows its
explanation; clicking pins it, lights up the related spans (across documents
too) and the timeline items involved, and offers links that jump to them.

No network: CSS, script and pictures are inline; the data the script needs is
one JSON block. Offsets are the findings' source offsets, so the page shows
the decoded source (for HTML and DOCX inputs, the markup or one paragraph per
line) exactly as the positions in the other formats count it.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from checker import __version__
from checker.model import Analysis, Finding
from checker.report import Report
from checker.report.html_assets import CSS, SCRIPT
from checker.report.positions import LineIndex, Positions

SEVERITIES = ("error", "warning", "info")
GENERIC_EVENT = "event"  # an assertion's type when no pack vocabulary names it: not worth a label


@dataclass(frozen=True)
class Mark:
    """A stretch of a document's source the page marks: a finding, a related span or a time expression."""

    start: int
    end: int
    kind: str  # "f" finding, "r" related, "t" time expression
    id: str
    finding: str = ""  # for "r": the finding it belongs to
    severity: str = ""


@dataclass(frozen=True)
class TimelineItem:
    """One dated thing on a document's timeline: it spans the days ``start``..``end`` (inclusive)."""

    id: str
    text: str  # the time expression as written
    label: str  # the text, after the events asserted at it
    detail: str
    start: date
    end: date
    findings: tuple[str, ...]  # ids of the findings whose spans it overlaps: drawn as conflicting


# ---------------------------------------------------------------- ids and marks


def finding_ids(findings: Sequence[Finding]) -> dict[int, str]:
    """Stable element ids, by position in the (sorted) findings list."""
    return {i: f"f{i + 1}" for i in range(len(findings))}


def _span_marks(findings: Sequence[Finding]) -> list[tuple[str, Mark]]:
    """(path, mark) for every finding span and every related span."""
    marks: list[tuple[str, Mark]] = []
    for i, finding in enumerate(findings):
        fid = f"f{i + 1}"
        marks.append((finding.span.path, Mark(finding.span.start, finding.span.end, "f", fid, fid, finding.severity)))
        for k, related in enumerate(finding.related, 1):
            span = related.span
            marks.append((span.path, Mark(span.start, span.end, "r", f"{fid}r{k}", fid, finding.severity)))
    return marks


def _timex_marks(analysis: Analysis, doc_no: int) -> list[Mark]:
    doc = analysis.document
    return [
        Mark(doc.to_source(t.start), doc.to_source(t.end), "t", f"d{doc_no}t{k}")
        for k, t in enumerate(analysis.timexes)
    ]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _events_by_timex(analysis: Analysis) -> dict[int, list]:
    """The dated assertions tied to each time expression, by the expression's index."""
    events: dict[int, list] = {}
    for assertion in analysis.assertions:
        events.setdefault(assertion.timex, []).append(assertion)
    return events


def timeline_items(analysis: Analysis, doc_no: int, marks: Sequence[Mark]) -> list[TimelineItem]:
    """The document's dated time expressions, labelled with the events asserted at them.

    An item conflicts when a finding's span or related span covers its time
    expression or the trigger of an assertion tied to it.
    """
    doc = analysis.document
    conflict_spans = [((m.start, m.end), m.finding) for m in marks if m.kind in "fr"]
    events = _events_by_timex(analysis)
    items = []
    for k, t in enumerate(analysis.timexes):
        if t.earliest is None or t.latest is None or t.type != "DATE":
            continue
        tied = events.get(k, [])
        spans = [(doc.to_source(t.start), doc.to_source(t.end))]
        spans += [(doc.to_source(a.trigger_start), doc.to_source(a.trigger_end)) for a in tied]
        involved = tuple(dict.fromkeys(fid for s, fid in conflict_spans if any(_overlaps(s, x) for x in spans)))
        interval = t.earliest.isoformat() if t.earliest == t.latest else f"{t.earliest} .. {t.latest}"
        detail = f"{t.text} = {t.value} ({interval}, {t.anchor})"
        detail += "".join(f"\n{a.event}: {a.trigger!r} ({a.tense}, {a.modality})" for a in tied)
        named = list(dict.fromkeys(a.event for a in tied if a.event != GENERIC_EVENT))
        label = f"{', '.join(named)}: {t.text}" if named else t.text
        items.append(TimelineItem(f"d{doc_no}t{k}", t.text, label, detail, t.earliest, t.latest, involved))
    return items


# ---------------------------------------------------------------- the text


def _attrs(covering: Sequence[Mark]) -> str:
    """Classes and data attributes of one text segment covered by ``covering``."""
    by_kind = {kind: [m for m in covering if m.kind == kind] for kind in "frt"}
    classes = ["seg"]
    attrs = []
    if by_kind["f"]:
        worst = min((m.severity for m in by_kind["f"]), key=SEVERITIES.index)
        classes += ["hl", f"sev-{worst}"]
        attrs.append(f'data-f="{" ".join(m.id for m in by_kind["f"])}" tabindex="0" role="button"')
    if by_kind["r"]:
        classes.append("rel")
        attrs.append(f'data-r="{" ".join(m.id for m in by_kind["r"])}"')
        attrs.append(f'data-rf="{" ".join(m.finding for m in by_kind["r"])}"')
    if by_kind["t"]:
        classes.append("tx")
        attrs.append(f'data-t="{" ".join(m.id for m in by_kind["t"])}"')
    return f'class="{" ".join(classes)}" ' + " ".join(attrs)


def _line_html(source: str, start: int, end: int, marks: Sequence[Mark], anchored: set[str]) -> str:
    here = [m for m in marks if m.start < end and m.end > start] if end > start else []
    cuts = sorted({start, end, *(max(start, min(end, p)) for m in here for p in (m.start, m.end))})
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        text = html.escape(source[a:b])
        covering = [m for m in here if m.start < b and m.end > a]
        new = [m.id for m in covering if m.id not in anchored]
        anchored.update(new)
        parts.extend(f'<span class="anchor" id="{i}"></span>' for i in new)
        parts.append(f"<span {_attrs(covering)}>{text}</span>" if covering else text)
    return "".join(parts)


def text_html(source: str, marks: Sequence[Mark]) -> str:
    """The source, one numbered row per line, with every mark wrapped in a segment span."""
    index = LineIndex(source)
    anchored: set[str] = set()
    ends = [s - 1 for s in index.starts[1:]] + [len(source)]
    rows = []
    for number, (start, end) in enumerate(zip(index.starts, ends), 1):
        body = _line_html(source, start, end, marks, anchored) or "&#8203;"
        rows.append(f'<div class="line"><span class="no">{number}</span><span class="code">{body}</span></div>')
    # A mark that starts at the very end (an insertion point) still needs its anchor.
    missing = "".join(f'<span class="anchor" id="{m.id}"></span>' for m in marks if m.id not in anchored)
    return f'<div class="text">{"".join(rows)}{missing}</div>'


# ---------------------------------------------------------------- the timeline


def _pad(first: date, last: date) -> tuple[date, date]:
    margin = max(timedelta(days=10), (last - first) * 0.04)
    return first - margin, last + margin + timedelta(days=1)


def _ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    """Axis ticks: years, months or days, whichever gives a handful."""
    days = (hi - lo).days
    if days > 3 * 365:
        step = max(1, (hi.year - lo.year) // 8)
        return [(date(y, 1, 1), str(y)) for y in range(lo.year + 1, hi.year + 1) if y % step == 0]
    if days > 75:
        months = [(lo.year + (lo.month - 1 + i) // 12, (lo.month - 1 + i) % 12 + 1) for i in range(1, days // 28 + 2)]
        step = max(1, len(months) // 10)
        return [(date(y, m, 1), date(y, m, 1).strftime("%b %Y")) for y, m in months[::step] if date(y, m, 1) < hi]
    step = max(1, days // 8)
    return [(lo + timedelta(days=d), (lo + timedelta(days=d)).strftime("%d %b")) for d in range(1, days, step)]


WIDTH, LEFT, RIGHT, LANE, TOP = 1000, 20, 20, 26, 34
LEGEND = (
    '<div class="legend"><span><i class="dot"></i>a day</span><span><i class="bar"></i>a longer time</span>'
    '<span><i class="dot conflict"></i>in a finding</span><span><i class="pub"></i>publication date</span>'
    "<span>click an item to find it in the text</span></div>"
)


def _lanes(items: Sequence[TimelineItem], x: Callable[[date], float]) -> list[int]:
    """Greedy lanes so that no two markers (with their labels) overlap."""
    ends: list[float] = []
    lanes = []
    for item in items:
        left = x(item.start)
        right = max(x(item.end + timedelta(days=1)), left + 10) + 10 + 7.2 * min(len(item.label), 32)
        lane = next((i for i, e in enumerate(ends) if e < left), len(ends))
        if lane == len(ends):
            ends.append(right)
        ends[lane] = right
        lanes.append(lane)
    return lanes


def _item_svg(item: TimelineItem, lane: int, x: Callable[[date], float]) -> str:
    y = TOP + lane * LANE
    x0, x1 = x(item.start), x(item.end + timedelta(days=1))
    conflict = " conflict" if item.findings else ""
    data = f' data-f="{" ".join(item.findings)}"' if item.findings else ""
    if item.start == item.end or x1 - x0 < 8:
        shape = f'<circle cx="{(x0 + x1) / 2:.1f}" cy="{y}" r="5.5"/>'
        label_x = (x0 + x1) / 2 + 10
    else:
        shape = f'<rect x="{x0:.1f}" y="{y - 5}" width="{x1 - x0:.1f}" height="10" rx="5"/>'
        label_x = x1 + 6
    label = html.escape(item.label if len(item.label) <= 32 else item.label[:31] + "…")
    return (
        f'<g class="item{conflict}" data-t="{item.id}"{data} tabindex="0" role="button">'
        f"<title>{html.escape(item.detail)}</title>{shape}"
        f'<text x="{label_x:.1f}" y="{y + 4}">{label}</text></g>'
    )


def timeline_svg(items: Sequence[TimelineItem], published: date | None) -> str:
    """An inline SVG: an axis, one marker per item (dots for days, bars for spans), the publication date."""
    if not items:
        return '<p class="empty">No dated time expressions.</p>'
    ordered = sorted(items, key=lambda i: (i.start, i.end))
    first = min([ordered[0].start] + ([published] if published else []))
    last = max([max(i.end for i in ordered)] + ([published] if published else []))
    lo, hi = _pad(first, last)
    scale = (WIDTH - LEFT - RIGHT - 220) / max(1, (hi - lo).days)

    def x(day: date) -> float:
        return LEFT + (day - lo).days * scale

    lanes = _lanes(ordered, x)
    height = TOP + (max(lanes) + 1) * LANE + 24
    axis_y = height - 22
    parts = [f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{axis_y}" y2="{axis_y}"/>']
    for day, text in _ticks(lo, hi):
        parts.append(
            f'<line class="tick" x1="{x(day):.1f}" x2="{x(day):.1f}" y1="{TOP - 14}" y2="{axis_y + 4}"/>'
            f'<text class="ticklabel" x="{x(day):.1f}" y="{axis_y + 17}">{html.escape(text)}</text>'
        )
    if published:
        px = x(published)
        parts.append(
            f'<g class="published"><line x1="{px:.1f}" x2="{px:.1f}" y1="{TOP - 20}" y2="{axis_y}"/>'
            f'<text x="{px + 4:.1f}" y="{TOP - 18}">published {published.isoformat()}</text></g>'
        )
    parts += [_item_svg(item, lane, x) for item, lane in zip(ordered, lanes)]
    return (
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="Timeline of the dated expressions">{"".join(parts)}</svg>{LEGEND}'
    )


# ---------------------------------------------------------------- the page


def _finding_data(findings: Sequence[Finding], positions: Positions) -> dict[str, dict]:
    """What the script shows for each finding, by element id."""
    data = {}
    for i, f in enumerate(findings):
        fid = f"f{i + 1}"
        region = positions.region(f.span)
        data[fid] = {
            "rule": f.rule,
            "severity": f.severity,
            "message": f.message,
            "path": f.span.path,
            "line": region["line"],
            "column": region["column"],
            "fix": None if f.fix is None else f.fix.replacement,
            "related": [
                {
                    "id": f"{fid}r{k}",
                    "path": r.span.path,
                    "line": positions.region(r.span)["line"],
                    "message": r.message,
                }
                for k, r in enumerate(f.related, 1)
            ],
        }
    return data


def _counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        counts[f.severity] += 1
    return counts


def _chips(counts: dict[str, int]) -> str:
    return (
        "".join(
            f'<span class="chip sev-{s}">{n} {s}{"s" if n != 1 and s != "info" else ""}</span>'
            for s, n in counts.items()
            if n
        )
        or '<span class="chip ok">no findings</span>'
    )


def _finding_list(findings: Sequence[tuple[str, Finding]], positions: Positions) -> str:
    if not findings:
        return ""
    rows = []
    for fid, f in findings:
        region = positions.region(f.span)
        rows.append(
            f'<li><a href="#{fid}" class="jump" data-open="{fid}">'
            f'<span class="pill sev-{f.severity}">{f.severity}</span>'
            f'<span class="loc">{region["line"]}:{region["column"]}</span>'
            f'<code class="rule">{html.escape(f.rule)}</code>'
            f'<span class="msg">{html.escape(f.message)}</span></a></li>'
        )
    return f'<ol class="findings">{"".join(rows)}</ol>'


def _document_html(
    doc_no: int, analysis: Analysis, mine: list[tuple[str, Finding]], marks: list[Mark], positions: Positions
) -> str:
    doc = analysis.document
    published = (
        f"published {doc.published.isoformat()} ({doc.published_source})"
        if doc.published
        else "publication date unknown"
    )
    items = timeline_items(analysis, doc_no, marks)
    return (
        f'<details class="doc" id="d{doc_no}"{" open" if mine else ""}>'
        f'<summary><span class="path">{html.escape(doc.path)}</span>'
        f'<span class="meta">{html.escape(published)}</span>{_chips(_counts(f for _, f in mine))}</summary>'
        f'<section class="panel"><h3>Timeline</h3>{timeline_svg(items, doc.published)}</section>'
        + (f'<section class="panel"><h3>Findings</h3>{_finding_list(mine, positions)}</section>' if mine else "")
        + f'<section class="panel"><h3>Text</h3>{text_html(doc.source, marks)}</section></details>'
    )


def render_html(analyses: Sequence[Analysis], findings: Sequence[Finding], positions: Positions) -> str:
    """The whole page for one run."""
    span_marks = _span_marks(findings)
    ids = finding_ids(findings)
    docs = []
    for doc_no, analysis in enumerate(analyses, 1):
        path = analysis.document.path
        marks = [m for p, m in span_marks if p == path] + _timex_marks(analysis, doc_no)
        mine = [(ids[i], f) for i, f in enumerate(findings) if f.span.path == path]
        docs.append(_document_html(doc_no, analysis, mine, marks, positions))
    data = json.dumps({"findings": _finding_data(findings, positions)}, ensure_ascii=False).replace("</", "<\\/")
    files = f"{len(analyses)} file{'s' if len(analyses) != 1 else ''}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>chronolint report</title><style>{CSS}</style></head><body>"
        f'<header><h1>chronolint report</h1><div class="summary">{files} · {_chips(_counts(findings))}</div>'
        f'<div class="version">chronolint {__version__}</div></header>'
        f'<main>{"".join(docs)}</main><div id="pop" role="dialog" hidden></div>'
        f'<script type="application/json" id="chronolint-data">{data}</script>'
        f"<script>{SCRIPT}</script></body></html>\n"
    )


def render(report: Report) -> str:
    return render_html(report.analyses, report.findings, report.positions)
