"""JUnit XML, what most CI dashboards read: ``--format junit``.

One ``testsuite`` per checked file, one ``testcase`` per rule that reported in it (a
``failure`` when any of its findings fails the run), and one passing ``testcase`` for a
file with nothing to report.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Sequence

from checker.model import Finding
from checker.report import Report
from checker.report.positions import Positions
from checker.report.safe import printable


def _finding_line(finding: Finding, positions: Positions) -> str:
    region = positions.region(finding.span)
    return printable(f"{finding.span.path}:{region['line']}:{region['column']}: [{finding.severity}] {finding.message}")


def _testcase(
    path: str, rule: str, items: list[Finding], positions: Positions, fails: Callable[[Finding], bool]
) -> ET.Element:
    """A rule's findings in one file. Every value is printable (checker.report.safe): XML 1.0 cannot
    hold most control characters at all, even escaped, and a path may contain them."""
    path, rule = printable(path), printable(rule)
    case = ET.Element("testcase", classname=path, name=rule, file=path)
    failing = [f for f in items if fails(f)]
    details = "\n".join(_finding_line(f, positions) for f in items)
    if failing:
        count = f"{len(failing)} finding{'s' if len(failing) != 1 else ''}"
        failure = ET.SubElement(case, "failure", type=rule, message=f"{count}: {printable(failing[0].message)}")
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
        suite = ET.SubElement(suites, "testsuite", name=printable(path))
        cases = [_testcase(path, rule, items, positions, fails) for rule, items in sorted(rules.items())]
        shown = printable(path)
        suite.extend(cases or [ET.Element("testcase", classname=shown, name="chronolint", file=shown)])
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


def render(report: Report) -> str:
    return render_junit(report.findings, report.positions, report.paths, report.fails)
