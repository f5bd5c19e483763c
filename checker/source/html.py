"""HTML -> visible prose, with an OffsetMap back to the source.

Only text a reader sees is kept: ``head`` (title included), ``script``,
``style``, ``template``, ``noscript``, ``svg`` and code (``pre``, ``code``,
``kbd``, ``samp``) are skipped, as are comments and attribute values.
Entities are decoded (``&nbsp;`` to a plain space). Block elements and ``<br>`` end a line in the text (two
line breaks for block elements) so sentences do not run together; those
breaks exist only in ``text`` and map to the tag that caused them.

The publication date comes from ``<meta property="article:published_time">``
(or ``itemprop``/``name`` ``datePublished``, ``name="date"``), then a
``<time datetime>`` marked ``pubdate`` or ``itemprop="datePublished"``, then
the first ``<time datetime>`` holding a full date.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

from checker.model import OffsetMap
from checker.source.dates import iso_date, parse_date

HIDDEN = frozenset({"head", "title", "script", "style", "template", "noscript", "svg", "pre", "code", "kbd", "samp"})
BLOCKS = frozenset(
    "address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p section summary table tbody td tfoot th thead tr ul".split()
)
META_DATE_KEYS = frozenset({"article:published_time", "datepublished", "date", "dc.date", "dcterms.date"})


@dataclass(frozen=True)
class HtmlProse:
    """What one pass over the HTML yields."""

    text: str
    offsets: OffsetMap
    published: date | None
    problem: str | None = None  # a stated publication date that cannot be read


class _Extractor(HTMLParser):
    """Collects visible text pieces, where each came from, and date candidates."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.pieces: list[str] = []
        self.breaks: list[tuple[int, int]] = []
        self.hidden: dict[str, int] = {}
        self.length = 0
        self.tail = ""
        self.meta_date: str | None = None
        self.marked_time: str | None = None
        self.first_time: str | None = None
        self._line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]

    def _offset(self) -> int:
        """Source offset of the current event (HTMLParser counts lines by \\n only)."""
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _emit(self, text: str, source_offset: int) -> None:
        if not text or any(self.hidden.values()):
            return
        last = self.breaks[-1] if self.breaks else None
        if last is None or source_offset - self.length != last[1] - last[0]:  # else the map already holds
            self.breaks.append((self.length, source_offset))
        self.pieces.append(text)
        self.length += len(text)
        self.tail = (self.tail + text)[-8:]

    def _line_break(self, count: int) -> None:
        """End the text so far with ``count`` line breaks (counting those it has)."""
        trailing = self.tail[len(self.tail.rstrip()) :].count("\n")
        if self.length and count > trailing:
            self._emit("\n" * (count - trailing), self._offset())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "body":
            self.hidden.pop("head", None)
        if tag in HIDDEN:
            self.hidden[tag] = self.hidden.get(tag, 0) + 1
        if tag == "meta":
            key = (values.get("property") or values.get("itemprop") or values.get("name") or "").lower()
            if key in META_DATE_KEYS and self.meta_date is None:
                self.meta_date = values.get("content", "")
        elif tag == "time" and "datetime" in values:
            marked = "pubdate" in values or values.get("itemprop", "").lower() == "datepublished"
            if marked and self.marked_time is None:
                self.marked_time = values["datetime"]
            if self.first_time is None and iso_date(values["datetime"]) is not None:
                self.first_time = values["datetime"]
        elif tag == "br":
            self._emit("\n", self._offset())
        elif tag in BLOCKS:
            self._line_break(2)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in HIDDEN:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.hidden.get(tag):
            self.hidden[tag] -= 1
        elif tag in BLOCKS:
            self._line_break(2)

    def handle_data(self, data: str) -> None:
        self._emit(data, self._offset())

    def handle_entityref(self, name: str) -> None:
        self._emit(html.unescape(f"&{name};").replace("\xa0", " "), self._offset())

    def handle_charref(self, name: str) -> None:
        self._emit(html.unescape(f"&#{name};"), self._offset())


def _unopened(source: str) -> str:
    """The source with every ``<`` after its last ``>`` read as a space (same length): no tag or
    comment can open there, and the standard parser would rescan to the end from each one
    (``<a href=`` repeated, an unclosed ``<!--``: quadratic)."""
    last = source.rfind(">") + 1
    if "<" not in source[last:]:
        return source
    return source[:last] + source[last:].replace("<", " ")


def html_prose(source: str, date_order: str = "us") -> HtmlProse:
    """The visible text of an HTML page, where it came from, and its publication date."""
    extractor = _Extractor(source)
    extractor.feed(_unopened(source))
    extractor.close()
    text, offsets = "".join(extractor.pieces), OffsetMap(tuple(extractor.breaks))
    if extractor.meta_date is not None:
        published = parse_date(extractor.meta_date, date_order)
        problem = None if published else f"<meta> publication date: cannot read {extractor.meta_date!r} as a date"
        return HtmlProse(text, offsets, published, problem)
    for value in (extractor.marked_time, extractor.first_time):
        published = parse_date(value, date_order) if value is not None else None
        if published is not None:
            return HtmlProse(text, offsets, published)
    return HtmlProse(text, offsets, None)
