"""Read an input (file or stdin) into a Document: decoded source, the prose to
check, and the publication date.

Offsets are code points into the decoded text. A UTF-8 (or UTF-16) byte-order
mark is dropped before decoding, so offset 0 is the first character after it,
as editors count. Markdown, reST and plain text are reduced in place (``text``
has the same length and line breaks as ``source``; the offset map is the
identity); HTML and DOCX text is extracted, with an OffsetMap back to the
source (for DOCX the source is one paragraph per line, see source_docx).
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from checker.model import Document, OffsetMap, PublishedSource
from checker.source.dates import file_name_date
from checker.source.errors import InputError, os_input_error
from checker.source.frontmatter import (
    DEFAULT_PUBLISHED_KEYS,
    FrontMatterError,
    Stated,
    published_date,
    split_front_matter,
)
from checker.source.markdown import TOO_DEEP, blank, prose_and_depth

__all__ = [
    "DEFAULT_PUBLISHED_KEYS", "InputError", "decode", "format_for_path", "is_url", "read_bytes", "read_path",
    "read_text",
]  # fmt: skip

FORMATS_BY_EXTENSION = {
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rst": "rst", ".rest": "rst",
    ".docx": "docx",
}  # fmt: skip
_SAMPLE = 8192
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*(?:::[A-Za-z][A-Za-z0-9+.-]*)*://")  # s3://, simplecache::s3://
_TEXT_CONTROLS = {7, 8, 9, 10, 12, 13, 27}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)  # fmt: skip


def format_for_path(path: str) -> str:
    """The input format a file name implies; anything unknown is plain text."""
    return FORMATS_BY_EXTENSION.get(os.path.splitext(path)[1].lower(), "text")


def is_url(path: str) -> bool:
    """Whether ``path`` names a file through a protocol (``s3://``, ``file://``...): fsspec reads it."""
    return _URL.match(path) is not None


def _read_bytes(path: str, max_bytes: int | None) -> bytes:
    """At most ``max_bytes`` (one more is read to tell a file that is too large)."""
    limit = None if max_bytes is None else max_bytes + 1
    if is_url(path):
        from checker.source.remote import (
            read_url,  # fsspec loads only when a URL is given
        )

        data = read_url(path, limit)
    else:
        data = _read_local(path, limit)
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(path, f"larger than {max_bytes} bytes, not checked")
    return data


def _read_local(path: str, limit: int | None) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read() if limit is None else f.read(limit)
    except OSError as e:
        raise os_input_error(path, e) from None


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than a tenth control characters in the first 8 KiB."""
    sample = data[:_SAMPLE]
    if b"\0" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls * 10 > len(sample)


def decode(data: bytes, path: str) -> str:
    """Bytes -> text: UTF-32 or UTF-16 if it has a BOM (UTF-32's is checked first: the UTF-16 LE one
    is its prefix), else strict UTF-8 (BOM dropped)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as e:
                name = codec[:6].upper()
                raise InputError(path, f"invalid {name} at byte {e.start + len(bom)}") from None
    if _looks_binary(data):
        raise InputError(path, "binary file, not checked")
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(
            path, f"not valid UTF-8 (byte 0x{data[bom + e.start]:02x} at offset {bom + e.start}); save it as UTF-8"
        ) from None


StatedIn = Callable[[tuple[str, ...]], Stated]  # the date a format's own metadata states, under these keys


def _prose(fmt: str, source: str, masked: str, date_order: str) -> tuple[str, OffsetMap, StatedIn, tuple[str, ...]]:
    """The prose of ``source`` in format ``fmt``, its offset map, where the format states a date, and
    what to warn about (prose the format's parser could not reach).

    ``masked`` is the source with front matter blanked. The HTML and reStructuredText readers
    load with the first file of their format.
    """
    if fmt == "html":
        from checker.source.html import html_prose

        page = html_prose(masked, date_order)
        return page.text, page.offsets, lambda keys: Stated(page.published, page.problem), ()
    if fmt == "rst":
        from checker.source.rst import rst_prose

        text, fields = rst_prose(masked)
        lowered = {name.lower(): value for name, value in fields.items()}
        return text, OffsetMap(), lambda keys: published_date(lowered, tuple(k.lower() for k in keys), "field",
                                                              date_order), ()  # fmt: skip
    if fmt != "markdown":
        return masked, OffsetMap(), lambda keys: Stated(None), ()
    text, too_deep = prose_and_depth(source, masked)
    return text, OffsetMap(), lambda keys: Stated(None), (TOO_DEEP,) if too_deep else ()


@dataclass(frozen=True)
class Reading:
    """How to read an input: the date given (``--published``), the metadata keys that hold one, and
    how to read 01/05/2024 in them."""

    published: date | None = None
    published_keys: tuple[str, ...] = DEFAULT_PUBLISHED_KEYS
    date_order: str = "us"


def _dated(path: str, stated: Stated, reading: Reading) -> tuple[date | None, PublishedSource, tuple[str, ...]]:
    """The publication date: the option, else the metadata, else the file name; and what to warn about."""
    if reading.published is not None:
        return reading.published, "option", ()
    if stated.day is not None:
        return stated.day, "front-matter", ()
    named = file_name_date(path)
    if named is not None:
        return named, "file-name", ()
    warnings = (f"{stated.problem}; checked without a publication date",) if stated.problem else ()
    return None, "none", warnings


def _document(source: str, path: str, fmt: str, reading: Reading) -> Document:
    front = split_front_matter(source)
    masked = blank(source[: front.end]) + source[front.end :] if front else source
    text, offsets, stated_in_format, unread = _prose(fmt, source, masked, reading.date_order)
    keys, order = reading.published_keys, reading.date_order
    stated = published_date(front.data, keys, date_order=order) if front else Stated(None)
    if stated.day is None:
        in_format = stated_in_format(reading.published_keys)
        stated = Stated(in_format.day, stated.problem or in_format.problem)
    published, origin, warnings = _dated(path, stated, reading)
    return Document(
        path=path, source=source, text=text, published=published,
        published_source=origin, format=fmt, offsets=offsets, warnings=unread + warnings,
    )  # fmt: skip


def read_text(
    text: str,
    *,
    path: str = "-",
    published: date | None = None,
    fmt: str = "markdown",
    published_keys: tuple[str, ...] = DEFAULT_PUBLISHED_KEYS,
    date_order: str = "us",
) -> Document:
    """A Document from already-decoded text (stdin, editors, tests).

    Metadata in the format itself (HTML ``<meta>``/``<time>``, reST ``:date:``
    fields) counts as front matter; front matter proper wins over it.
    """
    if fmt == "docx":
        raise InputError(path, "a .docx file must be read as bytes, not text")
    try:
        reading = Reading(published, published_keys, date_order)
        return _document(text.removeprefix("\ufeff"), path, fmt, reading)
    except FrontMatterError as e:
        raise InputError(path, str(e)) from None


def read_bytes(
    data: bytes,
    *,
    path: str = "-",
    published: date | None = None,
    fmt: str = "markdown",
    published_keys: tuple[str, ...] = DEFAULT_PUBLISHED_KEYS,
    date_order: str = "us",
) -> Document:
    """A Document from raw bytes (a file, or stdin with ``--stdin-filename``)."""
    if fmt != "docx":
        return read_text(decode(data, path), path=path, published=published, fmt=fmt, published_keys=published_keys,
                         date_order=date_order)  # fmt: skip
    from checker.source.docx import DocxError, docx_prose

    try:
        word = docx_prose(data)
    except DocxError as e:
        raise InputError(path, str(e)) from None
    day, origin, _ = _dated(path, Stated(None), Reading(published))
    return Document(
        path=path, source=word.source, text=word.text, published=day,
        published_source=origin, format="docx", offsets=word.offsets,
    )  # fmt: skip


def read_path(
    path: str,
    *,
    published: date | None = None,
    published_keys: tuple[str, ...] = DEFAULT_PUBLISHED_KEYS,
    max_bytes: int | None = None,
    date_order: str = "us",
) -> Document:
    """Read one file (or URL, see source_remote), its format chosen by extension; every problem is
    an InputError naming the file."""
    data = _read_bytes(path, max_bytes)
    return read_bytes(data, path=path, published=published, fmt=format_for_path(path), published_keys=published_keys,
                      date_order=date_order)  # fmt: skip
