"""The register of a text, which decides what its bare and relative expressions mean.

- **narrative** (a history, a biography): relative and yearless expressions count from
  the story's own time (``checker.timex.story``);
- **post** (a tweet, a status): short and informal; bare units and parts of day ("a long
  day", "Good morning", "weekend") are time expressions of the post's day;
- **news** otherwise: the publication date anchors, and bare words are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from checker.timex.lexicon import INFORMAL

# A news text that mentions old years is still news: it is a narrative only when
# at least this many years are stated and this share of them lie this far from the DCT.
MIN_YEARS = 5
FAR_SHARE = 0.6
FAR_YEARS = 2
# A post is at most this long (two tweets and then some) and shows an informal cue.
POST_MAX_CHARS = 560
_POST_MARKS = ("http://", "https://", "www.", "!!", "??", "..", "…", "::", "~")
_POST_SYMBOL = re.compile(  # an @name, a #tag, an emoticon, an emoji
    r"(?<![\w.])@\w|(?<![\w&])#[A-Za-z]\w|(?<!\w)[:;]-?[()DPp](?!\w)|[\U0001F300-\U0001FAFF\u2600-\u27BF]"
)
_PUNCT = ".,;:!?()\"'“”‘’"  # around a word ("i.e." stays "i.e", no post word)
POST_WORDS = frozenset(INFORMAL["post_words"])
_STOPS = ".!?'\"”’)]"


def is_narrative(years: Iterable[int], dct: date | None, bc: bool) -> bool:
    """Whether a text tells a story of its own: it has no publication date, dates itself
    in eras (BC/AD), or most of the years it states lie far from its publication date."""
    if dct is None or bc:
        return True
    stated = list(years)
    far = sum(abs(y - dct.year) >= FAR_YEARS for y in stated)
    return len(stated) >= MIN_YEARS and far >= FAR_SHARE * len(stated)


def is_post(text: str, dct: date | None) -> bool:
    """Whether a dated text is a short informal post (``looks_like_post``)."""
    return dct is not None and looks_like_post(text)


@lru_cache(maxsize=4)  # asked by each builder of a bare word: a text's hash is computed once
def looks_like_post(text: str) -> bool:
    """Whether a text is short and informal: a link, an @name, a #tag, an emoticon, "lol", a
    lower-case start, or one line with no final stop (news sentences end with one)."""
    if len(text) > POST_MAX_CHARS + 40:
        return False
    body = text.strip()
    if not body or len(body) > POST_MAX_CHARS:
        return False
    one_line_unstopped = "\n" not in body and body[-1] not in _STOPS  # a news wire's table has lines
    if body[0].islower() or one_line_unstopped or any(mark in body for mark in _POST_MARKS):
        return True
    if _POST_SYMBOL.search(body):
        return True
    return not POST_WORDS.isdisjoint(w.strip(_PUNCT) for w in body.split())
