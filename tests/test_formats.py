"""Report formats: SARIF 2.1.0, GitHub workflow commands, JUnit XML, JSON lines."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from checker.app.suppress import UNUSED_RULE
from checker.checks.registry import rules
from checker.model import Finding, Fix, Related, Span
from checker.report.github import escape_data, escape_property, github_annotation, render_github
from checker.report.json import finding_record
from checker.report.json_lines import render_json_lines
from checker.report.junit import render_junit
from checker.report.paths import project_root, repo_path
from checker.report.positions import Positions
from checker.report.sarif import sarif_log

SOURCE = "Intro, 50% done.\nOn Monday, March 4, 2025, the council voted.\nIt met again on March 1, 2025.\n"
MONDAY = SOURCE.index("Monday")
MARCH_1 = SOURCE.index("March 1")


@pytest.fixture()
def root(tmp_path, monkeypatch):
    """A repository root with docs/a.md in it, the working folder a subfolder."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    return str(tmp_path)


def sample(path: str = "a.md") -> tuple[list[Finding], Positions]:
    weekday = Finding(
        rule="calendar/weekday-mismatch",
        severity="error",
        message="March 4, 2025 is a Tuesday, not a Monday",
        span=Span(path, MONDAY, MONDAY + len("Monday, March 4, 2025")),
        related=(Related(Span(path, MARCH_1, MARCH_1 + len("March 1, 2025")), "the later meeting, dated earlier"),),
        fix=Fix("Tuesday", Span(path, MONDAY, MONDAY + len("Monday"))),
    )
    note = Finding("chronology/stale-future", "info", "50%, done: a note,\r\nover two lines", Span(path, 7, 10))
    return [note, weekday], Positions({path: SOURCE})


# ---------------------------------------------------------------- SARIF


def test_sarif_log_shape_for_github_code_scanning(root) -> None:
    findings, positions = sample()
    log = sarif_log(findings, positions, project_root())
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "chronolint" and driver["version"] and driver["informationUri"].startswith("https://")
    ids = [r["id"] for r in driver["rules"]]
    assert ids == list(rules()) and UNUSED_RULE in ids
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")


def test_sarif_result_location_region_and_related(root) -> None:
    findings, positions = sample()
    run = sarif_log(findings, positions, project_root())["runs"][0]
    note, weekday = run["results"]
    assert note["level"] == "note" and weekday["level"] == "error"
    assert weekday["ruleId"] == "calendar/weekday-mismatch"
    assert run["tool"]["driver"]["rules"][weekday["ruleIndex"]]["id"] == weekday["ruleId"]
    assert weekday["message"]["text"] == findings[1].message
    location = weekday["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "docs/a.md", "uriBaseId": "%SRCROOT%"}  # repo-relative
    assert {k: location["region"][k] for k in ("startLine", "startColumn", "endLine", "endColumn")} == {
        "startLine": 2, "startColumn": 4, "endLine": 2, "endColumn": 25}  # fmt: skip
    (related,) = weekday["relatedLocations"]
    assert related["physicalLocation"]["region"]["startLine"] == 3
    assert related["message"]["text"] == "the later meeting, dated earlier"
    (fix,) = weekday["fixes"]
    assert fix["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "Tuesday"


def test_sarif_uri_is_percent_encoded_and_falls_back_to_the_working_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert project_root() == str(tmp_path)  # no .git above a pytest tmp dir
    findings, positions = sample("my notes/a b.md")
    uri = sarif_log(findings, positions, project_root())["runs"][0]["results"][0]["locations"][0]
    assert uri["physicalLocation"]["artifactLocation"]["uri"] == "my%20notes/a%20b.md"


def test_repo_path_outside_the_root_stays_absolute(tmp_path) -> None:
    assert repo_path(str(tmp_path / "x" / "a.md"), str(tmp_path / "x")) == "a.md"
    assert repo_path(str(tmp_path / "a.md"), str(tmp_path / "x")) == str(tmp_path / "a.md")
    assert repo_path("-", str(tmp_path)) == "-"


# ---------------------------------------------------------------- GitHub


def test_github_escaping_rules() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_data("a:b,c") == "a:b,c"
    assert escape_property("docs/a,b:c%.md") == "docs/a%2Cb%3Ac%25.md"


def test_github_annotations(root) -> None:
    findings, positions = sample()
    note, weekday = render_github(findings, positions, project_root()).splitlines()
    assert note.startswith("::notice file=docs/a.md,line=1,col=8,endLine=1,endColumn=11,")
    assert note.endswith("::50%25, done: a note,%0D%0Aover two lines")
    assert weekday.startswith(
        "::error file=docs/a.md,line=2,col=4,endLine=2,endColumn=25,title=calendar/weekday-mismatch [error]::"
    )
    assert "%0Arelated: docs/a.md:3: the later meeting, dated earlier" in weekday
    assert "%0Afix: replace with 'Tuesday'" in weekday
    assert "\n" not in github_annotation(findings[0], positions, project_root())


def test_github_title_with_separators_is_escaped(root) -> None:
    findings, positions = sample("we:ird,name.md")
    line = github_annotation(findings[1], positions, project_root())
    assert "file=docs/we%3Aird%2Cname.md," in line


# ---------------------------------------------------------------- JUnit


def test_junit_one_suite_per_file_failures_by_rule() -> None:
    findings, positions = sample()
    fails = lambda f: f.severity != "info"  # noqa: E731
    xml = render_junit(findings, positions, ["a.md", "clean.md"], fails)
    suites = ET.fromstring(xml)
    assert suites.tag == "testsuites" and suites.get("tests") == "3" and suites.get("failures") == "1"
    a, clean = suites.findall("testsuite")
    assert a.get("name") == "a.md" and a.get("failures") == "1"
    cases = {c.get("name"): c for c in a.findall("testcase")}
    assert cases["calendar/weekday-mismatch"].find("failure").get("message").startswith("1 finding: March 4")
    assert "a.md:2:4: [error]" in cases["calendar/weekday-mismatch"].find("failure").text
    assert cases["chronology/stale-future"].find("failure") is None  # below the failing level: listed only
    assert "a.md:1:8: [info]" in cases["chronology/stale-future"].find("system-out").text
    (passing,) = clean.findall("testcase")
    assert passing.find("failure") is None and clean.get("failures") == "0"


# ---------------------------------------------------------------- JSON lines


def test_json_lines_has_the_json_contract_one_per_line() -> None:
    findings, positions = sample()
    lines = render_json_lines(findings, positions).splitlines()
    assert [json.loads(line) for line in lines] == [finding_record(f, positions) for f in findings]
    assert render_json_lines([], positions) == ""
