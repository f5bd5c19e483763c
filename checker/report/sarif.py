"""SARIF 2.1.0 output, as GitHub code scanning (and other SARIF viewers) read it.

Every registered rule is listed under ``tool.driver.rules`` with its default
level and its documentation page as help; each finding is a result whose
location is repo-relative (to ``%SRCROOT%``, the git work tree or the working
folder; a URL input keeps its URL) with a 1-based region. Columns count code
points (``columnKind``), as the JSON output does; the end column is exclusive,
as SARIF defines it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from checker import __version__
from checker.checks.registry import documentation, rules
from checker.model import Finding, Span
from checker.report import Report
from checker.report.paths import project_root, repo_path
from checker.report.positions import Positions
from checker.source import is_url

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/chronolint/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
ROOT_ID = "%SRCROOT%"


def _rule(rule_id: str, level: str, summary: str) -> dict:
    entry: dict = {
        "id": rule_id,
        "name": rule_id.replace("/", "-"),
        "shortDescription": {"text": summary},
        "defaultConfiguration": {"level": LEVELS[level]},
    }
    page = documentation(rule_id)
    if page:
        entry["help"] = {"text": page, "markdown": page}
    return entry


def driver_rules() -> list[dict]:
    """Every rule chronolint can report, by id."""
    return [_rule(info.id, info.severity, info.summary) for info in rules().values()]


def _artifact(path: str, root: str) -> dict:
    """A file relative to ``%SRCROOT%``; a URL (``s3://...``) is absolute already."""
    if is_url(path):
        return {"uri": path}
    return {"uri": quote(repo_path(path, root)), "uriBaseId": ROOT_ID}


def _location(span: Span, positions: Positions, root: str) -> dict:
    region = positions.region(span)
    return {
        "physicalLocation": {
            "artifactLocation": _artifact(span.path, root),
            "region": {
                "startLine": region["line"],
                "startColumn": region["column"],
                "endLine": region["end_line"],
                "endColumn": region["end_column"],
                "charOffset": region["offset"],
                "charLength": region["end_offset"] - region["offset"],
            },
        }
    }


def _result(finding: Finding, positions: Positions, root: str, rule_index: dict[str, int]) -> dict:
    result: dict = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding.span, positions, root)],
    }
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    if finding.related:
        result["relatedLocations"] = [
            {"id": i, **_location(r.span, positions, root), "message": {"text": r.message}}
            for i, r in enumerate(finding.related, 1)
        ]
    if finding.fix is not None:
        where = _location(finding.fix.span, positions, root)["physicalLocation"]
        replacement = {"deletedRegion": where["region"], "insertedContent": {"text": finding.fix.replacement}}
        result["fixes"] = [
            {
                "description": {"text": f"Replace with {finding.fix.replacement!r}"},
                "artifactChanges": [{"artifactLocation": where["artifactLocation"], "replacements": [replacement]}],
            }
        ]
    return result


def sarif_log(findings: Sequence[Finding], positions: Positions, root: str) -> dict:
    """The SARIF log object for one run over ``findings``; paths relative to ``root``."""
    listed = driver_rules()
    rule_index = {r["id"]: i for i, r in enumerate(listed)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "chronolint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": listed,
                    }
                },
                "originalUriBaseIds": {ROOT_ID: {"uri": Path(root).resolve().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, positions, root, rule_index) for f in findings],
            }
        ],
    }


def render(report: Report) -> str:
    log = sarif_log(report.findings, report.positions, report.root or project_root())
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
