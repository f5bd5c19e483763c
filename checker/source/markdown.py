"""Markdown -> prose: everything that is not prose is blanked out in place.

The text we hand on keeps the source's length and every line break, so an
offset into it is the same offset into the file (the OffsetMap stays the
identity). We start from an all-blank copy and copy back only the characters
of paragraph, heading, list and table-cell text that markdown-it-py (CommonMark,
plus GitHub's tables and strikethrough) parsed as prose; code, HTML, link destinations and
titles, reference definitions, autolink URLs, container markers (``#``, ``>``, ``-``, ``1.``)
and emphasis delimiters (``**``, ``_``, ``~~``) stay blank.

markdown-it-py gives block tokens line maps but no character positions for
inline tokens, so each inline rule is wrapped to record the span of source it
consumed (``token.meta["pos"]``), relative to the inline content.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

POS = "chronolint_pos"
LABEL = "chronolint_label"

_NEWLINE = re.compile(r"\r\n|\r|\n")
# Emphasis and strikethrough delimiters: blanked like tags, so "On **Monday**, March 4" reads as a date.
DELIMITERS = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"})
_VISIBLE = re.compile(r"\S")  # blanking keeps every whitespace character: a tab in the prose stays a tab


def blank(text: str) -> str:
    """Spaces for every character but whitespace (line breaks, tabs...), so lengths, lines and the
    whitespace between words of prose hold."""
    return _VISIBLE.sub(" ", text)


def line_starts(source: str) -> list[int]:
    """Offset of each line's first character (\\r\\n, \\r and \\n all end a line)."""
    return [0] + [m.end() for m in _NEWLINE.finditer(source)]


def line_ends(source: str, starts: list[int]) -> list[int]:
    """Offset just past each line's last character, before its line break."""
    ends = [m.start() for m in _NEWLINE.finditer(source)]
    return ends + [len(source)] if len(ends) < len(starts) else ends


def _label_range(name: str, state: StateInline) -> tuple[int, int] | None:
    """Where a link's or image's label sits, found the way the rule finds it."""
    if name == "link" and state.src[state.pos] == "[":
        end = state.md.helpers.parseLinkLabel(state, state.pos, True)
        return (state.pos + 1, end) if end >= 0 else None
    if name == "image" and state.src.startswith("![", state.pos):
        end = state.md.helpers.parseLinkLabel(state, state.pos + 1, False)
        return (state.pos + 2, end) if end >= 0 else None
    return None


def _recording(name: str, rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """Wrap an inline rule so tokens it pushes remember the source they came from."""

    def wrapped(state: StateInline, silent: bool) -> bool:
        if silent:
            return rule(state, silent)
        start, first = state.pos, len(state.tokens)
        label = _label_range(name, state)
        if not rule(state, silent):
            return False
        for token in state.tokens[first:]:
            if token.meta is None:
                token.meta = {}
            if POS not in token.meta:
                token.meta[POS] = (start, state.pos)
                if label is not None:
                    token.meta[LABEL] = label
        return True

    return wrapped


MAX_NESTING = 100
TOO_DEEP = f"text nested deeper than {MAX_NESTING} levels (quotes, lists) is not checked"


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    # GitHub's tables and ~~text~~. Past maxNesting levels markdown-it drops the content, and the
    # commonmark preset's 20 is ten one-line list levels; 100 still stays far from Python's recursion limit.
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
    for rule in md.inline.ruler.__rules__:
        md.inline.ruler.at(rule.name, _recording(rule.name, rule.fn))
    return md


def _excluded(children: list[Token]) -> Iterator[tuple[int, int]]:
    """Spans of inline content that are not prose."""
    for token in children:
        pos = (token.meta or {}).get(POS)
        if pos is None:
            continue
        if token.type in ("code_inline", "html_inline") or token.markup == "autolink" or _delimiter(token):
            yield pos
        elif token.type in ("link_open", "image") and LABEL in token.meta:
            (start, end), (label_start, label_end) = pos, token.meta[LABEL]
            yield (start, label_start)
            yield (label_end, end)
        elif token.type == "link_open":
            yield pos


def _delimiter(token: Token) -> bool:
    """An emphasis or strikethrough delimiter (a paired ``**`` leaves its second ``*`` as empty text)."""
    return token.type in DELIMITERS or (token.type == "text" and not token.content)


def _locate(content_line: str, source: str, start: int, end: int) -> int | None:
    """Where a line of inline content starts in its source line, or None.

    The content line is the source line minus container markers and
    indentation (expanded tabs), and minus a heading's closing ``#``s.
    """
    stripped = content_line.lstrip()
    if not stripped:
        return None
    line = source[start:end].rstrip()
    if line.endswith(stripped):
        at = start + len(line) - len(stripped)
    else:
        found = source.find(stripped, start, end)
        if found < 0:
            return None
        at = found
    return at - (len(content_line) - len(stripped))


def _positions(token: Token, source: str, starts: list[int], ends: list[int], cursor: dict[int, int]) -> list[int]:
    """For each character of an inline token's content, its source offset (-1 where unknown).

    ``cursor`` holds, per line, where the previous inline token on it ended
    (table cells share a line, and two cells may hold the same text).
    """
    assert token.map is not None
    positions = [-1] * len(token.content)
    offset = 0
    for i, content_line in enumerate(token.content.split("\n")):
        line_no = token.map[0] + i
        if line_no >= len(starts):
            break
        line_start = max(starts[line_no], cursor.get(line_no, 0))
        at = _locate(content_line, source, line_start, ends[line_no])
        if at is not None:
            if at >= line_start and at + len(content_line) <= ends[line_no] and source.startswith(content_line, at):
                positions[offset : offset + len(content_line)] = range(at, at + len(content_line))  # the usual case
            else:
                for j, ch in enumerate(content_line):
                    if line_start <= at + j < ends[line_no] and source[at + j] == ch:
                        positions[offset + j] = at + j
            cursor[line_no] = at + len(content_line)
        offset += len(content_line) + 1
    return positions


def _inline_tokens(tokens: list[Token], source: str, starts: list[int]) -> Iterator[tuple[Token, list[int]]]:
    """Each inline token with the source offsets of its content."""
    ends = line_ends(source, starts)
    cursor: dict[int, int] = {}
    for token in tokens:
        if token.type == "inline" and token.map is not None:
            yield token, _positions(token, source, starts, ends, cursor)


def prose(source: str, masked: str) -> str:
    """The Markdown ``source`` reduced in place to its prose (see :func:`prose_and_depth`)."""
    return prose_and_depth(source, masked)[0]


def prose_and_depth(source: str, masked: str) -> tuple[str, bool]:
    """The Markdown ``source`` reduced in place to its prose, and whether some of it was nested
    past the parser's limit (:data:`MAX_NESTING`: markdown-it drops what is deeper, so the
    reader is told).

    ``masked`` is the source with front matter already blanked; it is what
    gets parsed, while characters are copied from ``source`` (they are equal
    wherever the parser finds inline content).
    """
    out = list(blank(source))
    tokens = parser().parse(masked)
    too_deep = any(t.level >= MAX_NESTING - 1 for t in tokens)
    for token, positions in _inline_tokens(tokens, source, line_starts(source)):
        skip = bytearray(len(token.content))
        for start, end in _excluded(token.children or []):
            skip[start:end] = b"\x01" * (end - start)
        for i, at in enumerate(positions):
            if at >= 0 and not skip[i] and not token.content[i].isspace():
                out[at] = token.content[i]
    return "".join(out), too_deep


def raw_html(source: str) -> list[tuple[int, int]]:
    """Source spans of raw HTML (blocks and inline tags or comments), not code that shows HTML."""
    starts = line_starts(source)
    ends = line_ends(source, starts)
    tokens = parser().parse(source)
    spans = [(starts[t.map[0]], ends[t.map[1] - 1]) for t in tokens if t.type == "html_block" and t.map is not None]
    for token, positions in _inline_tokens(tokens, source, starts):
        for child in token.children or []:
            pos = (child.meta or {}).get(POS)
            if child.type == "html_inline" and pos and positions[pos[0]] >= 0 and positions[pos[1] - 1] >= 0:
                spans.append((positions[pos[0]], positions[pos[1] - 1] + 1))
    return sorted(spans)
