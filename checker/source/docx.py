"""DOCX (Word) -> paragraphs, through python-docx.

Word files have no lines, so positions are paragraph numbers: the Document's
``source`` is the paragraphs joined by single line breaks (line N of the
source is paragraph N, column = character in it), while ``text`` joins them
by blank lines so sentences never run across paragraphs; the OffsetMap links
the two. Paragraphs are counted in reading order, empty ones included, with
table cells (row by row, merged cells once) where their table stands. Line
breaks inside a paragraph become spaces so the numbering holds.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from checker.model import OffsetMap


class DocxError(ValueError):
    """A file python-docx cannot open as a Word document."""


@dataclass(frozen=True)
class DocxProse:
    source: str
    text: str
    offsets: OffsetMap


def _paragraph_texts(data: bytes) -> Iterator[str]:
    try:
        import docx  # python-docx is only needed for .docx inputs
        from docx.table import Table
    except ImportError:
        raise DocxError("reading .docx files needs python-docx (pip install python-docx)") from None

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(document.iter_inner_content())
    except Exception as e:  # noqa: BLE001 - a damaged file can fail anywhere inside python-docx
        raise DocxError(f"not a readable .docx file ({type(e).__name__})") from None
    for block in blocks:
        if not isinstance(block, Table):
            yield block.text
            continue
        seen: set[object] = set()  # the cells' XML elements (kept alive, so identity holds)
        for row in block.rows:
            for cell in row.cells:
                if cell._tc not in seen:
                    seen.add(cell._tc)
                    yield from (p.text for p in cell.paragraphs)


def docx_prose(data: bytes) -> DocxProse:
    """The paragraphs of a .docx file as source (one per line) and text (blank-line separated)."""
    paragraphs = [" ".join(p.splitlines()) if p else "" for p in _paragraph_texts(data)]
    breaks, text_at, source_at = [], 0, 0
    for paragraph in paragraphs:
        breaks.append((text_at, source_at))
        text_at += len(paragraph) + 2
        source_at += len(paragraph) + 1
    return DocxProse("\n".join(paragraphs), "\n\n".join(paragraphs), OffsetMap(tuple(breaks)))
