"""The plain data that flows between pipeline stages.

read source -> Document -> (spaCy Doc) -> Timex list -> Assertion list -> Finding list -> reporters

Every stage takes these values and returns new ones; none reaches back into an
earlier stage. Offsets inside a Document's ``text`` are code-point offsets; the
Document's ``to_source`` maps them back to the original file.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}

PublishedSource = Literal["option", "front-matter", "file-name", "inferred", "none"]
STATED_SOURCES: frozenset[str] = frozenset({"option", "front-matter", "file-name"})


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in extracted prose back to offsets in the source text.

    ``breaks`` is a sorted tuple of ``(text_offset, source_offset)`` pairs: from
    each ``text_offset`` on, text and source advance together until the next pair.
    An empty map is the identity (Markdown is masked in place, so it needs none).
    """

    breaks: tuple[tuple[int, int], ...] = ()

    @cached_property
    def _keys(self) -> list[int]:
        return [b[0] for b in self.breaks]

    def to_source(self, offset: int) -> int:
        if not self.breaks:
            return offset
        i = bisect.bisect_right(self._keys, offset) - 1
        if i < 0:
            return offset
        text_at, source_at = self.breaks[i]
        return source_at + (offset - text_at)


@dataclass(frozen=True)
class Document:
    """One input, read and reduced to the prose that is checked.

    ``source`` is the decoded file; ``text`` is the prose (same length as
    ``source`` with non-prose blanked out for Markdown and plain text, or an
    extracted text with ``offsets`` for formats that need it). ``published_source`` says
    where the date came from: ``option``, ``front-matter`` (or the format's own metadata),
    ``file-name`` (``2024-12-20-title.md``), ``inferred`` (from the text), ``none``.
    """

    path: str
    source: str
    text: str
    published: date | None = None
    published_source: PublishedSource = "none"
    format: str = "text"
    offsets: OffsetMap = field(default_factory=OffsetMap)
    warnings: tuple[str, ...] = ()  # read, but with a problem to tell (a date that cannot be read)

    def to_source(self, offset: int) -> int:
        return self.offsets.to_source(offset)

    @property
    def stated_published(self) -> date | None:
        """The publication date when the user or the file states it (its metadata or its name); None
        when it was only inferred (from these very statements: it cannot contradict them) or is unknown."""
        return self.published if self.published_source in STATED_SOURCES else None

    def source_span(self, start: int, end: int) -> Span:
        """Text offsets ``[start, end)`` as a Span of the source file.

        The end is mapped from the span's last character: where extracted text joins
        pieces (HTML tags, entities), ``to_source(end)`` would land after the markup
        that follows the span.
        """
        first = self.to_source(start)
        return Span(self.path, first, first if end <= start else self.to_source(end - 1) + 1)


@dataclass(frozen=True)
class DateFields:
    """What the text itself states, before any inference (None = not stated)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday, as datetime.weekday()


@dataclass(frozen=True)
class Timex:
    """A time expression found in a Document's ``text``.

    ``value`` is TIMEX3 syntax (``2025-01-20``, ``2024-11``, ``199``, ``P3Y``,
    ``XXXX-12-20``, ``PRESENT_REF``). ``earliest``/``latest`` is the closed
    interval of days the expression can denote (None where open or not a date).
    ``anchor`` says where the missing parts came from: ``explicit`` (all in the
    text), ``dct`` (publication date), ``narrative`` (an earlier date in the
    text), ``tense`` (dct plus the verb's tense), or ``none`` (unresolved).
    ``valid`` is False for a date that does not exist (February 30).
    ``link`` is the index, in the tagger's output, of the other end of a range.
    ``anchor_index`` is, for a ``narrative`` value, the index of the expression it was
    counted from (the story's last date); None otherwise.
    ``alternative`` is the day an ambiguous numeric date names when read in the other
    order (04/07/2025: April 7, else July 4), when no date order was stated.
    """

    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    mod: str | None = None
    granularity: str = "day"
    earliest: date | None = None
    latest: date | None = None
    fields: DateFields = field(default_factory=DateFields)
    anchor: str = "explicit"
    valid: bool = True
    link: int | None = None
    anchor_index: int | None = None
    alternative: date | None = None

    def readings(self) -> tuple[tuple[date, date], ...]:
        """The intervals the expression may denote: its own, and its other reading's day."""
        own = () if self.earliest is None or self.latest is None else ((self.earliest, self.latest),)
        return own + (() if self.alternative is None else ((self.alternative, self.alternative),))


@dataclass(frozen=True)
class Assertion:
    """An event mention tied to a time expression ("was sworn in ... on January 20, 2025").

    ``event`` is the event type from a rule pack's vocabulary (``inauguration``,
    ``birth``...) or ``event`` for any other verb. ``timex`` indexes the
    Analysis' timexes; ``relation`` is how the event sits against that time
    (``at``, ``before``, ``after``, ``since``, ``until``). ``participants`` maps
    roles to normalized names (a surname or pronoun is linked to the full name
    mentioned earlier). ``tense``: past, present, future, none; ``aspect``:
    simple, perfect, progressive; ``modality``: asserted, hypothetical, planned,
    scheduled (a plan told in the present: "is set to open in 2024"), reported-future,
    quoted. ``trigger_pos`` is VERB or NOUN ("the inauguration on January 20"): a noun
    carries no tense of its own. ``inferred`` lists the pieces that were inferred
    rather than read (``tense``, ``participant``, ``year``), which lowers a
    finding's severity. ``sense`` is the synonym group of an untyped trigger ("shipped" ->
    ``release``), so that untyped mentions can be one event. ``identifiable`` is False when the
    mention cannot be the same occurrence as another: its participant is indefinite or bare ("a
    bridge", "jobs") or it says it recurs ("again", "temporarily").
    """

    id: int
    event: str
    trigger: str
    trigger_start: int
    trigger_end: int
    timex: int
    relation: str = "at"
    participants: tuple[tuple[str, str], ...] = ()
    tense: str = "none"
    aspect: str = "simple"
    polarity: str = "positive"
    modality: str = "asserted"
    inferred: tuple[str, ...] = ()
    trigger_pos: str = "VERB"
    sense: str = ""
    identifiable: bool = True

    def participant(self, role: str) -> str | None:
        return dict(self.participants).get(role)


@dataclass(frozen=True)
class Span:
    """A stretch of one file, in offsets of that file's decoded source."""

    path: str
    start: int
    end: int


@dataclass(frozen=True)
class Related:
    span: Span
    message: str


@dataclass(frozen=True)
class Fix:
    """A replacement for a span; ``certain`` when it follows from the text alone (``--fix`` applies only those)."""

    replacement: str
    span: Span
    certain: bool = False


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    span: Span
    related: tuple[Related, ...] = ()
    fix: Fix | None = None


Extent = tuple[int, int]  # [start, end) in a Document's text
Days = tuple[date, date]  # a closed interval of days


@dataclass(frozen=True)
class Age:
    """An age as written ("aged 72", "the 75-year-old", "Smith, 45,", "He was 85."), found once.

    ``low``/``high`` are the years the words allow ("about 40": 38 to 42); ``person`` whose age
    it is (a name, "75 year old bridge", or None); ``now`` whether the publication date may be
    meant (a present age); ``births`` the indexes, in the Analysis' timexes, of the dates of the
    births (or, for a thing, creations) that may be this person's, nearest first; ``moments`` the
    timexes of the age's own clause, the event it is given at; ``near`` whether those births
    are in the age's sentence (the text states both together).
    """

    start: int
    end: int
    label: str
    low: int
    high: int
    person: str | None = None
    now: bool = False
    births: tuple[int, ...] = ()
    moments: tuple[int, ...] = ()
    near: bool = False


@dataclass(frozen=True)
class Measure:
    """A stated offset or span with the dates it is measured between, found once.

    ``claim`` is the expression ("Three years later", widened over "about"); ``window`` the
    days ``target`` must lie in for the words to be true; ``anchor`` the date counted from
    (None: the publication date, whose day is ``start``); ``explicit`` every endpoint written
    out; ``kind`` "offset", "calendar", "span" or "anniversary"; ``base`` "month" or "day",
    the unit a reader counts in.
    """

    claim: Timex
    window: Days
    target: Timex
    anchor: Timex | None
    explicit: bool
    kind: str
    base: str
    start: Days


@dataclass(frozen=True)
class Analysis:
    """Everything the rules see about one document, each fact computed once by the analysis.

    ``sentences`` are the text's sentences (spaCy's, with paragraph breaks), in order;
    ``quotes`` the stretches between paired quotation marks. Rules read these instead of
    splitting or scanning the text again.
    """

    document: Document
    timexes: tuple[Timex, ...] = ()
    assertions: tuple[Assertion, ...] = ()
    sentences: tuple[Extent, ...] = ()
    quotes: tuple[Extent, ...] = ()
    ages: tuple[Age, ...] = ()
    measures: tuple[Measure, ...] = ()

    def sentence_at(self, offset: int) -> Extent:
        """The sentence holding ``offset`` (the whole text when the analysis has no sentences)."""
        index = bisect.bisect_right(self.sentences, (offset, float("inf"))) - 1
        if 0 <= index < len(self.sentences):
            return self.sentences[index]
        return (0, len(self.document.text))

    def quoted(self, offset: int) -> bool:
        """Whether ``offset`` lies inside a quotation."""
        return any(start < offset < end for start, end in self.quotes)

    def claim_span(self, assertion: Assertion) -> Span:
        """The trigger and its date together, in the source: "sworn into his second term on January 20, 2025"."""
        timex = self.timexes[assertion.timex]
        start, end = min(assertion.trigger_start, timex.start), max(assertion.trigger_end, timex.end)
        return self.document.source_span(start, end)
