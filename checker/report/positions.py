"""Positions in checked files: offsets to 1-based line and column, for every reporter.

``line``/``column`` are 1-based, columns counted in characters; ``offset``/``end_offset``
are 0-based code-point offsets into the decoded file.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from checker.model import Span

_BREAK = re.compile(r"\r\n?|\n")
_BREAK_AT_END = re.compile(r"(?:\r\n?|\n)\Z")


@dataclass(frozen=True)
class LineIndex:
    """Line starts of one file, for offset -> (line, column) in O(log n)."""

    source: str

    @cached_property
    def starts(self) -> list[int]:
        """Where each line starts: after LF, CRLF or a lone CR (old Mac files), as editors count."""
        return [0] + [m.end() for m in _BREAK.finditer(self.source)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.source)
        return _BREAK_AT_END.sub("", self.source[start:end])


class Positions:
    """Maps spans of any checked file to line/column, one LineIndex per file."""

    def __init__(self, sources: Mapping[str, str]):
        self._index = {path: LineIndex(text) for path, text in sources.items()}

    def index(self, path: str) -> LineIndex:
        return self._index[path]

    def region(self, span: Span) -> dict[str, int]:
        index = self._index[span.path]
        line, column = index.position(span.start)
        end_line, end_column = index.position(span.end)
        return {
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "offset": span.start,
            "end_offset": span.end,
        }


_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # what LSP counts as a line break


def code_units(text: str, encoding: str = "utf-16") -> int:
    """The length of ``text`` in code units: LSP and LanguageTool count UTF-16 (an emoji is two)."""
    if encoding == "utf-32" or text.isascii():
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class CodeUnits:
    """Code-point offsets into a text <-> positions counted in code units (0-based line, unit column)."""

    def __init__(self, source: str, encoding: str = "utf-16") -> None:
        self.source, self.encoding = source, encoding
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(source)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return line, code_units(self.source[start:offset], self.encoding)

    def offset(self, line: int, units: int) -> int:
        """The code-point offset of a position (clamped to its line, as LSP asks)."""
        if line >= len(self.starts):
            return len(self.source)
        start = self.starts[max(line, 0)]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.source)
        text = self.source[start:end].rstrip("\r\n")
        if self.encoding == "utf-32" or text.isascii():
            return start + min(units, len(text))
        count = 0
        for i, ch in enumerate(text):
            if count >= units:
                return start + i
            count += code_units(ch, self.encoding)
        return start + len(text)

    def absolute(self, offsets: list[int]) -> list[int]:
        """Offsets from the start of the text in code units, for sorted or unsorted code-point offsets."""
        if self.encoding == "utf-32" or self.source.isascii():
            return list(offsets)
        return [code_units(self.source[:o], self.encoding) for o in offsets]
