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

from checker.timex.lexicon import INFORMAL, alt

# A news text that mentions old years is still news: it is a narrative only when
# at least this many years are stated and this share of them lie this far from the DCT.
MIN_YEARS = 5
FAR_SHARE = 0.6
FAR_YEARS = 2
# A post is at most this long (two tweets and then some) and shows an informal cue.
POST_MAX_CHARS = 560
_POST_CUE = re.compile(
    r"https?://|www\.|(?<![\w.])@\w|(?<![\w&])#[A-Za-z]\w|(?<!\w)[:;]-?[()DPp](?!\w)|!!|\?\?|\.\.|…|::|~"
    r"|[\U0001F300-\U0001FAFF\u2600-\u27BF]|\A\s*[a-z]|[^\s.!?'\"”’)\]]\s*\Z"
    rf"|(?<![\w.])(?:{alt(INFORMAL['post_words'])})(?![\w.])"
)


def is_narrative(years: Iterable[int], dct: date | None, bc: bool) -> bool:
    """Whether a text tells a story of its own: it has no publication date, dates itself
    in eras (BC/AD), or most of the years it states lie far from its publication date."""
    if dct is None or bc:
        return True
    stated = list(years)
    far = sum(abs(y - dct.year) >= FAR_YEARS for y in stated)
    return len(stated) >= MIN_YEARS and far >= FAR_SHARE * len(stated)


def is_post(text: str, dct: date | None) -> bool:
    """Whether a dated text is a short informal post: a link, an @name, a #tag, an emoticon,
    "lol", a lower-case start or no final stop (news sentences end with one)."""
    return dct is not None and len(text.strip()) <= POST_MAX_CHARS and bool(_POST_CUE.search(text))
