"""reStructuredText -> prose, blanked in place like Markdown (offsets are the identity).

A line-based reading of the markup (docutils gives no character offsets):
comments, hyperlink targets, substitution definitions and non-prose
directives (code, images, includes, raw, math...) are blanked with their
indented blocks; prose directives (admonitions, figure captions, tables...)
keep their content (and titles). Literal blocks after ``::``, doctest blocks, section
adornments, table borders and the bibliographic fields at the top (where the
publication date is read from, e.g. ``:date: 2024-12-20``) are blanked.
Inline: ``literals``, substitution and footnote references, role names and
non-prose roles' content, and link targets go; link and prose-role text stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.source.markdown import blank, line_ends, line_starts

PROSE_DIRECTIVES = frozenset(
    "admonition attention caution centered compound container danger deprecated epigraph error figure "
    "glossary highlights hint important list-table note only pull-quote rubric seealso sidebar table tip "
    "topic versionadded versionchanged versionremoved warning".split()
)
# Prose directives whose first-line arguments are not prose (a path, a version, class names).
CODE_ARGUMENTS = frozenset("container deprecated figure only versionadded versionchanged versionremoved".split())
PROSE_ROLES = frozenset(
    "abbr dfn emphasis guilabel menuselection strong sub subscript sup superscript t term title title-reference".split()
)

_EXPLICIT = re.compile(r"(?P<indent>[ \t]*)\.\.(?:[ \t]+|$)(?P<rest>.*)")
_DIRECTIVE = re.compile(r"(?P<name>[\w][\w:+.-]*)[ \t]*::(?P<args>.*)")
_FOOTNOTE = re.compile(r"\[(?:\d+|#[\w-]*|\*|[\w.-]+)\]")
_FIELD = re.compile(r"[ \t]*:(?P<name>[^:\n]+):(?:[ \t]+(?P<body>.*))?$")
_ADORNMENT = re.compile(r"[ \t]*([=\-~`:'\"^_*+#<>.])\1{2,}(?:[ \t]+\1{2,})*[ \t]*|[ \t]*\+(?:[-=]+\+)+[ \t]*")
_LITERAL = re.compile(r"``.+?``", re.DOTALL)
# A role name is short: unbounded, ``:a:a:a...`` would be tried from every colon to the end (quadratic).
_INTERPRETED = re.compile(
    r"(?P<pre>:[\w.:+-]{1,64}:)?(?P<open>_?`)(?P<body>[^`]+)`(?P<post>:[\w.:+-]{1,64}:)?(?P<ref>__?)?",
)
_TITLED_TARGET = re.compile(r"(?P<title>.*\S)\s+(?P<target><[^<>]+>)\s*$", re.DOTALL)
_REFERENCES = re.compile(
    r"\|[^|\s](?:[^|\n]*[^|\s])?\|(?:__?)?|" + _FOOTNOTE.pattern + r"_|(?<=\w)__?(?=[\s.,;:!?)]|$)"
)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


class _Blanker:
    """The source as a list of characters, blanked range by range."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.out = list(source)
        self.starts = line_starts(source)
        self.ends = line_ends(source, self.starts)
        self.lines = [source[s:e] for s, e in zip(self.starts, self.ends)]

    def range(self, start: int, end: int) -> None:
        self.out[start:end] = blank(self.source[start:end])

    def line(self, i: int, from_column: int = 0) -> None:
        self.range(self.starts[i] + from_column, self.ends[i])

    def block_end(self, i: int, indent: int) -> int:
        """The line after the block that starts at line ``i``: lines indented past ``indent``, or blank."""
        j = i + 1
        while j < len(self.lines) and (not self.lines[j].strip() or _indent(self.lines[j]) > indent):
            j += 1
        while j > i + 1 and not self.lines[j - 1].strip():
            j -= 1
        return j

    def lines_range(self, first: int, end: int) -> None:
        for k in range(first, end):
            self.line(k)


def _explicit(b: _Blanker, i: int, explicit: re.Match[str]) -> int:
    """Blank one explicit markup block (``.. ...``); returns the line after what it consumed."""
    rest, rest_at = explicit["rest"], b.starts[i] + explicit.start("rest")
    end = b.block_end(i, len(explicit["indent"]))
    footnote = _FOOTNOTE.match(rest)
    if footnote:
        b.range(b.starts[i], rest_at + footnote.end())  # keep the footnote's text
        return i + 1
    directive = _DIRECTIVE.match(rest)
    if directive is None or directive["name"] not in PROSE_DIRECTIVES:
        b.lines_range(i, end)  # comment, target, substitution, or a directive that is not prose
        return end
    if directive["name"] in CODE_ARGUMENTS:
        b.line(i)
    else:
        b.range(b.starts[i], rest_at + directive.start("args"))  # a title or the first line of content
    j = i + 1
    while j < end and _FIELD.match(b.lines[j]):
        b.line(j)  # directive options
        j += 1
    return j


def _literal_block(b: _Blanker, i: int) -> int:
    """After a paragraph ending in ``::``, blank the indented block that follows."""
    line = b.lines[i].rstrip()
    cut = 2 if line.strip() == "::" or line.endswith(" ::") else 1
    b.range(b.starts[i] + len(line) - cut, b.starts[i] + len(line))
    j = i + 1
    while j < len(b.lines) and not b.lines[j].strip():
        j += 1
    if j < len(b.lines) and _indent(b.lines[j]) > _indent(b.lines[i]):
        end = b.block_end(j - 1, _indent(b.lines[i]))
        b.lines_range(j, end)
        return end
    return i + 1


def _docinfo(b: _Blanker) -> Iterator[tuple[str, str]]:
    """Blank the field list that opens the document (after a title); yield its fields."""
    i = 0
    while i < len(b.lines) and (not b.lines[i].strip() or _ADORNMENT.fullmatch(b.lines[i])):
        i += 1
    if i + 1 < len(b.lines) and _ADORNMENT.fullmatch(b.lines[i + 1]) and not _FIELD.match(b.lines[i]):
        i += 2  # the title and its underline
        while i < len(b.lines) and not b.lines[i].strip():
            i += 1
    while i < len(b.lines) and (field := _FIELD.match(b.lines[i])):
        end = b.block_end(i, _indent(b.lines[i]))
        body = " ".join([field["body"] or ""] + [b.lines[k].strip() for k in range(i + 1, end)]).strip()
        yield field["name"].strip(), body
        b.lines_range(i, end)
        i = end


def _inline(text: str, out: list[str]) -> None:
    """Blank inline markup that is not prose, in ``out`` (a copy of ``text``)."""

    def clear(start: int, end: int) -> None:
        out[start:end] = blank(text[start:end])

    for m in _LITERAL.finditer(text):
        clear(*m.span())
    masked = "".join(out)
    for m in _INTERPRETED.finditer(masked):
        role = (m["pre"] or m["post"] or "").strip(":")
        titled = _TITLED_TARGET.match(m["body"])
        keep = m.span("body")
        if titled:
            keep = (m.start("body"), m.start("body") + titled.end("title"))
        elif role and role not in PROSE_ROLES and not m["ref"]:
            keep = (m.start("body"), m.start("body"))
        clear(m.start(), keep[0])
        clear(keep[1], m.end())
    for m in _REFERENCES.finditer("".join(out)):
        clear(*m.span())


def rst_prose(source: str) -> tuple[str, dict[str, str]]:
    """The reST ``source`` reduced in place to its prose, and its bibliographic fields."""
    b = _Blanker(source)
    fields = dict(_docinfo(b))
    i = 0
    while i < len(b.lines):
        line = b.lines[i]
        explicit = _EXPLICIT.fullmatch(line)
        if explicit:
            i = _explicit(b, i, explicit)
        elif line.lstrip().startswith(">>>"):
            end = i
            while end < len(b.lines) and b.lines[end].strip():
                end += 1
            b.lines_range(i, end)
            i = end
        elif _ADORNMENT.fullmatch(line):
            b.line(i)
            i += 1
        elif line.rstrip().endswith("::") and (i + 1 == len(b.lines) or not b.lines[i + 1].strip()):
            i = _literal_block(b, i)
        else:
            i += 1
    masked = "".join(b.out)
    out = list(masked)
    _inline(masked, out)
    return "".join(out), fields
