"""Outputs for CI systems: GitHub Actions workflow commands and JUnit XML.

GitHub turns ``::error file=..,line=..::message`` lines in a job's log into
annotations on the pull request's diff. Property values and the message are
escaped as GitHub's workflow-command parser expects (``%``, CR and LF in
both; ``:`` and ``,`` in properties too).

JUnit XML is what most CI dashboards read: one ``testsuite`` per checked
file, one ``testcase`` per rule that reported in it (a ``failure`` when any of
its findings fails the run), and one passing ``testcase`` for a
file with nothing to report.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Sequence

from checker.model import Finding
from checker.report.paths import repo_path
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


def _finding_line(finding: Finding, positions: Positions) -> str:
    region = positions.region(finding.span)
    return f"{finding.span.path}:{region['line']}:{region['column']}: [{finding.severity}] {finding.message}"


def _testcase(
    path: str, rule: str, items: list[Finding], positions: Positions, fails: Callable[[Finding], bool]
) -> ET.Element:
    case = ET.Element("testcase", classname=path, name=rule, file=path)
    failing = [f for f in items if fails(f)]
    details = "\n".join(_finding_line(f, positions) for f in items)
    if failing:
        count = f"{len(failing)} finding{'s' if len(failing) != 1 else ''}"
        failure = ET.SubElement(case, "failure", type=rule, message=f"{count}: {failing[0].message}")
        failure.text = details
    else:
        ET.SubElement(case, "system-out").text = details
    return case


def render_junit(
    findings: Sequence[Finding], positions: Positions, paths: Sequence[str], fails: Callable[[Finding], bool]
) -> str:
    """JUnit XML over every checked file in ``paths``; a finding ``fails`` rejects is listed but passes."""
    by_file: dict[str, dict[str, list[Finding]]] = {p: defaultdict(list) for p in paths}
    for finding in findings:
        by_file.setdefault(finding.span.path, defaultdict(list))[finding.rule].append(finding)
    suites = ET.Element("testsuites", name="chronolint")
    for path, rules in by_file.items():
        suite = ET.SubElement(suites, "testsuite", name=path)
        cases = [_testcase(path, rule, items, positions, fails) for rule, items in sorted(rules.items())]
        suite.extend(cases or [ET.Element("testcase", classname=path, name="chronolint", file=path)])
        _count(suite)
    _count(suites)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _count(element: ET.Element) -> None:
    """Set ``tests``/``failures``/``errors`` from the testcases below ``element``."""
    cases = list(element.iter("testcase"))
    element.set("tests", str(len(cases)))
    element.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    element.set("errors", "0")
