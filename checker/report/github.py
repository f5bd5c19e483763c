"""GitHub Actions workflow commands: ``--format github``.

GitHub turns ``::error file=..,line=..::message`` lines in a job's log into
annotations on the pull request's diff. Property values and the message are
escaped as GitHub's workflow-command parser expects (``%``, CR and LF in
both; ``:`` and ``,`` in properties too).
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.model import Finding
from checker.report import Report
from checker.report.paths import project_root, repo_path
from checker.report.positions import Positions

GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github_message(finding: Finding, positions: Positions, root: str) -> str:
    lines = [finding.message]
    for related in finding.related:
        line = positions.region(related.span)["line"]
        lines.append(f"related: {repo_path(related.span.path, root)}:{line}: {related.message}")
    if finding.fix is not None:
        lines.append(f"fix: replace with {finding.fix.replacement!r}")
    return "\n".join(lines)


def github_annotation(finding: Finding, positions: Positions, root: str) -> str:
    """One workflow command; the location is repo-relative, as annotations need."""
    region = positions.region(finding.span)
    props = {
        "file": repo_path(finding.span.path, root),
        "line": region["line"],
        "col": region["column"],
        "endLine": region["end_line"],
        "endColumn": region["end_column"],
        "title": f"{finding.rule} [{finding.severity}]",
    }
    rendered = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{GITHUB_LEVELS[finding.severity]} {rendered}::{escape_data(_github_message(finding, positions, root))}"


def render_github(findings: Sequence[Finding], positions: Positions, root: str) -> str:
    return "".join(github_annotation(f, positions, root) + "\n" for f in findings)


def render(report: Report) -> str:
    return render_github(report.findings, report.positions, report.root or project_root())
