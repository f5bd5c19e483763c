"""Positions in checked files: offsets to 1-based line and column, for every reporter.

``line``/``column`` are 1-based, columns counted in characters; ``offset``/``end_offset``
are 0-based code-point offsets into the decoded file.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from checker.model import Span


@dataclass(frozen=True)
class LineIndex:
    """Line starts of one file, for offset -> (line, column) in O(log n)."""

    source: str

    @cached_property
    def starts(self) -> list[int]:
        return [0] + [i + 1 for i, ch in enumerate(self.source) if ch == "\n"]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.source)
        return self.source[start:end]


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
