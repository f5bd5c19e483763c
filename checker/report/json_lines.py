"""``--format json-lines``: one finding per line, the objects of ``--format json``, for streaming and grep."""

from __future__ import annotations

import json
from collections.abc import Sequence

from checker.model import Finding
from checker.report import Report
from checker.report.json import finding_record
from checker.report.positions import Positions


def render_json_lines(findings: Sequence[Finding], positions: Positions) -> str:
    """One finding per line (the JSON objects of ``--format json``), for streaming and grep."""
    return "".join(json.dumps(finding_record(f, positions), ensure_ascii=False) + "\n" for f in findings)


def render(report: Report) -> str:
    return render_json_lines(report.findings, report.positions)
