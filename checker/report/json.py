"""The JSON report (``--format json``) and the ``extract`` records.

Their keys and order are a public contract: extend, never rename.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from checker.model import Analysis, Assertion, Finding, Fix, Span, Timex
from checker.report import Report
from checker.report.positions import Positions


def finding_record(finding: Finding, positions: Positions) -> dict:
    """One finding as the public JSON object (keys and order are a contract)."""
    return {
        "path": finding.span.path,
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        **positions.region(finding.span),
        "related": [{"path": r.span.path, "message": r.message, **positions.region(r.span)} for r in finding.related],
        "fix": None if finding.fix is None else fix_record(finding.fix),
    }


def fix_record(fix: Fix) -> dict:
    """``certain``: it follows from the text alone, and ``check --fix`` applies it."""
    span = fix.span
    return {"replacement": fix.replacement, "offset": span.start, "end_offset": span.end, "certain": fix.certain}


def render_json(findings: Sequence[Finding], positions: Positions) -> str:
    return json.dumps([finding_record(f, positions) for f in findings], indent=2, ensure_ascii=False)


def render(report: Report) -> str:
    return render_json(report.findings, report.positions) + "\n"


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
        "anchor_index": timex.anchor_index,
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
