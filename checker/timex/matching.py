"""The pieces every pattern module shares: boundaries, the parts of a date as regex groups,
the candidate (``Cand``) and the rule (``Rule``: a pattern tried around its trigger words,
with the builder that reads a match), and the words around a match (context helpers).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from checker.timex.lexicon import MONTHS, ORDINALS, alt

# Boundaries. A number must not continue a bigger number, an amount or a version.
B = r"(?<![\w$€£¥#@])"
NB = r"(?<![\w$€£¥#@.,/:-])"
# The same before a numeric date, where Japanese and Chinese text runs on without spaces ("次回は7/4(火)").
NB_CJK = r"(?<![^\W\u3000-\u9fff]|[$€£¥#@.,/:-])"
NE = r"(?![\w%]|[.,/:-]\d|\s?%)"


FULL_MONTHS = [m.lower() for m in calendar.month_name[1:]]


def MON(g: str) -> str:
    """A month name; only an abbreviation takes the dot after it ("Sept." but not "April.")."""
    abbreviations = [k for k in MONTHS if k not in FULL_MONTHS]
    return rf"(?P<{g}>{alt(FULL_MONTHS)}(?!\w)|{alt(abbreviations)}(?:\.|(?!\w)))"


def DAY(g: str) -> str:
    return rf"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?(?!\w|:\d)"


def YEAR(g: str) -> str:
    return rf"(?:(?P<{g}>1\d{{3}}|20\d\d|2100)(?!\d)|['’](?P<{g}2>\d\d)(?!\w))"


YEAR_SEP = r"(?:\s*,\s*|\s+)"
ORD_WORDS = alt(k for k, v in ORDINALS.items() if 0 < v <= 31)


@dataclass
class Cand:
    """A candidate span with its kind ("date", "month", "year", "weekday", ...) and stated parts."""

    start: int
    end: int
    kind: str
    p: dict[str, object] = field(default_factory=dict)


Builder = Callable[[re.Match[str], str], "Cand | list[Cand] | None"]


@dataclass(frozen=True)
class Rule:
    """A pattern and its builder.

    ``triggers`` names keyword categories (``checker.timex.select.TRIGGERS``): the
    pattern is then searched only in windows around those keywords, from ``back``
    characters before to 40 after, instead of at every position of the text.
    """

    name: str
    source: str  # the regular expression, case-insensitive
    build: Builder
    triggers: frozenset[str] = frozenset()
    back: int = 0

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Compiled when first searched: a text without the rule's trigger words never needs it
        (compiling every rule was a sixth of the tagger's import)."""
        return re.compile(self.source, re.IGNORECASE)

    def matches(self, text: str, hits: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
        """Matches in the windows around ``hits`` (start, end of the trigger words, in text order)."""
        if not self.back:
            yield from self._anchored(text, hits)
            return
        done = 0
        for start, end in hits:
            if end <= done:
                continue
            pos = max(done, start - self.back)
            while pos < end:
                m = self.pattern.search(text, pos, end + 40)
                if m is None:
                    break
                m = self.pattern.match(text, m.start()) or m  # the window's end must not cut the match
                yield m
                done = pos = max(m.end(), pos + 1)

    def _anchored(self, text: str, hits: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
        """Matches that start inside a trigger word: tried only at its positions (most
        patterns start with their trigger, so a search through the window would be wasted)."""
        done = 0
        match = self.pattern.match
        for start, end in hits:
            pos = max(done, start)
            while pos < end:
                m = match(text, pos)
                if m is None:
                    pos += 1
                    continue
                yield m
                done = pos = max(m.end(), pos + 1)


def initials(words: Iterable[str]) -> str:
    """A character class body of the words' first letters in both cases (a cheap lookahead guard)."""
    return "".join(sorted({c for w in words for c in (w[0].lower(), w[0].upper())}))


def make_rule(
    name: str,
    pattern: str,
    build: Builder,
    triggers: str,
    *,
    back: int = 0,
    lead: str | None = None,
) -> Rule:
    """A rule (case-insensitive), searched around the space-separated trigger categories.

    ``lead`` lists the characters a match can start with, so a window position that
    cannot start a match fails on its first test.
    """
    if lead:
        pattern = f"(?=[{lead}]){pattern}"
    return Rule(name, pattern, build, frozenset(triggers.split()), back)


# ----------------------------------------------------------------- context helpers

_PREV_WORD = re.compile(r"([\w'’]+)[^\w]*$")
_NEXT_WORD = re.compile(r"^[^\w\n]*([\w'’]+)")


def prev_word(text: str, start: int) -> str:
    """The word before ``start`` (across punctuation), or ""."""
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    return m[1] if m else ""


def next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text[end : end + 40])
    return m[1] if m else ""


def capitalized(word: str) -> bool:
    """Proper-noun casing: "March", "MARCH" (headlines), not "march"."""
    return word[:1].isupper()


def sentence_initial(text: str, start: int) -> bool:
    """True when only spaces separate ``start`` from a sentence end or the text start."""
    before = text[max(0, start - 4) : start].rstrip()
    return not before or before[-1] in '.!?\n"“:;'
