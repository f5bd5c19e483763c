"""Inline suppression: directives written in a document that silence findings.

Markdown and HTML use comments::

    <!-- chronolint-disable [RULE...] -->            until enable or the end of the file
    <!-- chronolint-enable [RULE...] -->             ends those rules' (or all) suppression
    <!-- chronolint-disable-next-line [RULE...] -->  the line after the comment

reStructuredText, plain text and DOCX use ``chronolint: ignore[RULE,...]``
(``.. chronolint: ignore[...]`` as a reST comment; ``#`` or ``//`` in front is
fine): alone on its line it covers the next paragraph (the next non-blank
lines; in DOCX the next paragraph), after other text it covers its own line;
``chronolint: ignore-file[RULE,...]`` covers the rest of the file.

RULE is a rule id (``calendar/weekday-mismatch``) or a pack prefix
(``calendar``); none means every rule. Text after `` -- `` is a free reason.
For range directives the last one before a finding that names its rule (or
all rules) decides, so ``disable`` then ``enable calendar`` leaves only
``calendar`` rules active. A finding is suppressed by where it starts. In
Markdown only real HTML comments count (not ones shown in code).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from checker.checks.suppression import UNUSED_SUPPRESSION
from checker.model import Document, Finding, Fix, Span
from checker.source.markdown import line_ends, line_starts, raw_html

UNUSED_RULE = UNUSED_SUPPRESSION.id

Kind = Literal["disable", "enable", "disable-next-line", "ignore"]

# The rules stop at the next comment's start: an unclosed directive must not make each one scan to the end.
_COMMENT = re.compile(
    r"<!--\s*chronolint-(?P<kind>disable-next-line|disable|enable)(?![\w-])(?P<rules>(?:(?!<!--).)*?)-->", re.DOTALL
)
_IGNORE = re.compile(r"chronolint:[ \t]*ignore(?P<file>-file)?(?:\[(?P<rules>[^\]\n]*)\])?")
_RULE_ID = re.compile(r"[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)?")
_LEADERS = " \t#/;%.*-"
_REASON = re.compile(r"\s*--(?:\s.*)?")  # `` -- why``: free text after a directive


@dataclass(frozen=True)
class Directive:
    """One directive: ``rules`` empty means all; ``scope`` is the source range a
    line or paragraph directive covers (None for disable/enable, which cover
    everything after them)."""

    kind: Kind
    rules: tuple[str, ...]
    span: Span
    scope: tuple[int, int] | None = None


@dataclass(frozen=True)
class Suppressions:
    path: str
    directives: tuple[Directive, ...] = ()


def _rule_list(text: str) -> tuple[str, ...]:
    """Rule ids and prefixes in a directive, up to a `` -- reason``."""
    words = re.split(r"[\s,]+", text.split(" -- ")[0].strip())
    return tuple(w for w in words if _RULE_ID.fullmatch(w))


@dataclass(frozen=True)
class _Lines:
    """A source's lines, once per document: starts, ends, and for each line the next non-blank one
    and the last of its paragraph (so a thousand directives do not each walk the rest of the file)."""

    starts: list[int]
    ends: list[int]
    next_filled: list[int]  # the first non-blank line at or after each line (len(starts): none)
    paragraph_last: list[int]  # the last non-blank line of the run that holds each line

    @classmethod
    def of(cls, source: str) -> _Lines:
        starts = line_starts(source)
        ends = line_ends(source, starts)
        count = len(starts)
        filled = [bool(source[s:e].strip()) for s, e in zip(starts, ends, strict=True)]
        next_filled, paragraph_last = [count] * (count + 1), [0] * count
        for i in range(count - 1, -1, -1):
            next_filled[i] = i if filled[i] else next_filled[i + 1]
            paragraph_last[i] = paragraph_last[i + 1] if filled[i] and i + 1 < count and filled[i + 1] else i
        return cls(starts, ends, next_filled, paragraph_last)


def _next_lines(source: str, lines: _Lines, after: int, paragraph: bool) -> tuple[int, int]:
    """The range of the next non-blank line after offset ``after`` (and the lines that follow it up to a blank one)."""
    i = lines.next_filled[bisect.bisect_right(lines.starts, after)]
    if i == len(lines.starts):
        return (len(source), len(source))
    last = lines.paragraph_last[i] if paragraph else i
    return (lines.starts[i], lines.ends[last])


def _line_of(source: str, offset: int) -> tuple[int, int]:
    start = source.rfind("\n", 0, offset) + 1
    end = source.find("\n", offset)
    return start, len(source) if end < 0 else end


def _comment_directives(document: Document) -> Iterator[Directive]:
    regions = _merged(raw_html(document.source)) if document.format == "markdown" else None
    for m in _COMMENT.finditer(document.source):
        if regions is not None and not _within(regions, m.start(), m.end()):
            continue
        kind: Kind = m["kind"]  # type: ignore[assignment]
        end_of_line = _line_of(document.source, m.end())[1]
        scope = _next_line(document.source, end_of_line) if kind == "disable-next-line" else None
        yield Directive(kind, _rule_list(m["rules"]), Span(document.path, m.start(), m.end()), scope)


def _merged(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ranges merged where they overlap, so one binary search finds the one holding an offset."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(regions):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _within(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of the merged ``regions`` (a page may hold thousands of comments)."""
    at = bisect.bisect_right(regions, (start, float("inf"))) - 1
    return at >= 0 and regions[at][0] <= start and end <= regions[at][1]


def _next_line(source: str, end_of_line: int) -> tuple[int, int]:
    """The line right after the one ending at ``end_of_line``."""
    if end_of_line >= len(source):
        return (len(source), len(source))
    return _line_of(source, end_of_line + 1)


def _ignore_directives(document: Document) -> Iterator[Directive]:
    source = document.source
    lines = _Lines.of(source)
    for m in _IGNORE.finditer(source):
        line_start, line_end = _line_of(source, m.start())
        before, after = source[line_start : m.start()], source[m.end() : line_end]
        reason = _REASON.fullmatch(after)
        alone = not before.strip(_LEADERS) and (not after.strip() or reason is not None)
        scope = _next_lines(source, lines, line_end, document.format != "docx") if alone else (line_start, line_end)
        end = line_end if reason else m.end()  # the reason belongs to the directive (and goes with it)
        span, rules = Span(document.path, m.start(), end), _rule_list(m["rules"] or "")
        yield Directive("disable", rules, span) if m["file"] else Directive("ignore", rules, span, scope)


COMMENT_FORMATS = ("markdown", "html")  # formats whose directives are HTML comments


def directives(document: Document) -> Suppressions:
    """The suppression directives written in a document."""
    if "chronolint" not in document.source:
        return Suppressions(document.path)
    found = _comment_directives if document.format in COMMENT_FORMATS else _ignore_directives
    return Suppressions(document.path, tuple(found(document)))


def _matches(pattern: str, rule: str) -> bool:
    return rule == pattern or rule.startswith(pattern + "/")


def _covers(directive: Directive, rule: str) -> bool:
    return not directive.rules or any(_matches(p, rule) for p in directive.rules)


def _suppressor(finding: Finding, suppressions: Suppressions) -> Directive | None:
    """The directive that silences ``finding``, if any."""
    at = finding.span.start
    ranged: Directive | None = None
    for d in suppressions.directives:
        if d.scope is not None:
            if d.scope[0] <= at < d.scope[1] and _covers(d, finding.rule):
                return d
        elif d.span.end <= at and _covers(d, finding.rule):
            ranged = d if d.kind == "disable" else None
    return ranged


def _unused(directive: Directive, used: set[str], checked: Collection[str] | None) -> Finding | None:
    """An info finding for a directive (or the rules in it) that silenced nothing."""
    if directive.kind == "enable":
        return None
    if not directive.rules:
        idle = () if used else ("",)
    else:
        idle = tuple(
            p for p in directive.rules
            if p not in used and (checked is None or any(_matches(p, r) for r in checked))
        )  # fmt: skip
    if not idle:
        return None
    whole = len(idle) == max(1, len(directive.rules))
    what = "this suppression" if idle == ("",) else "suppression of " + ", ".join(idle)
    return UNUSED_SUPPRESSION.finding(
        f"{what} matched no finding", directive.span, fix=Fix("", directive.span) if whole else None
    )


def apply(
    findings: Iterable[Finding], suppressions: Suppressions, *, checked: Collection[str] | None = None
) -> tuple[list[Finding], list[Finding]]:
    """Split off suppressed findings: returns (kept findings, info findings for unused directives).

    Findings of other files pass through. ``checked`` is the set of rule ids
    that ran; a directive naming only rules that did not run is not reported
    as unused (None: every rule ran).
    """
    kept: list[Finding] = []
    used: dict[Directive, set[str]] = {d: set() for d in suppressions.directives}
    for finding in findings:
        directive = _suppressor(finding, suppressions) if finding.span.path == suppressions.path else None
        if directive is None:
            kept.append(finding)
        else:
            used[directive].update(p for p in directive.rules if _matches(p, finding.rule))
            used[directive].add("")
    unused = [f for d in suppressions.directives if (f := _unused(d, used[d], checked)) is not None]
    return kept, unused


# ---------------------------------------------------------------- writing directives (editors' quick fixes)


def _newline(source: str) -> str:
    return "\r\n" if "\r\n" in source else "\n"


def line_suppression(document: Document, finding: Finding) -> tuple[int, str]:
    """Where to insert what, so that ``finding``'s rule is suppressed on its line."""
    start, end = _line_of(document.source, finding.span.start)
    line = document.source[start:end]
    if document.format in COMMENT_FORMATS:
        indent = line[: len(line) - len(line.lstrip())]
        return start, f"{indent}<!-- chronolint-disable-next-line {finding.rule} -->{_newline(document.source)}"
    return end, f"  chronolint: ignore[{finding.rule}]"  # after other text: its own line


def file_suppression(document: Document, finding: Finding, after: int = 0) -> tuple[int, str]:
    """Where to insert what, so that ``finding``'s rule is suppressed in the whole file (``after``:
    the end of the front matter, which must stay first)."""
    newline = _newline(document.source)
    if document.format in COMMENT_FORMATS:
        return after, f"<!-- chronolint-disable {finding.rule} -->{newline}"
    leader = ".. " if document.format == "rst" else ""
    return after, f"{leader}chronolint: ignore-file[{finding.rule}]{newline}{newline}"
