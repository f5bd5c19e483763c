"""What the knowledge checks share: one analysis and the packs, with the lookups both make
(people a name may denote, offices named near a claim, sentences, quotations)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from pathlib import PurePath

from checker.knowledge.model import Pack, Person, When, name_key
from checker.model import (
    Analysis,
    Assertion,
    Span,
)

CALENDAR_WORD = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s"
)
# Capitalised words that open a clause, not a name ("On Tuesday Obama said").
OPENERS = frozenset(
    "On In At By For From To The A An When While But And As If After Before Since Then Yesterday "
    "Today Tomorrow Meanwhile Later Earlier Last Next This That".split()
)
OF_PHRASE = re.compile(r"\s+(?:of|at)\s+((?:the\s+)?\S+(?:\s+\S+)?)")
NAME_WORD = r"(?:(?:[A-Z]\.){2,3}|(?:al-|el-)?[A-Z][\w'’\-]*\.?)"  # "P.W.", "al-Assad", "Jae-in", "Jr."
# A word a name goes on after: no period but an initial's or a short abbreviation's ("W.", "Jr.");
# "Scholz." ends its sentence, and so the name.
_NAME_INNER = r"(?:(?:[A-Z]\.){1,3}|[A-Z][a-z]?\.|(?:al-|el-)?[A-Z][\w'’\-]*)"
# Between the words of a name: spaces and at most one line break (a wrapped line, not a new paragraph),
# and lowercase particles ("Ursula von der Leyen", "Mohammed bin Salman").
_PARTICLE = r"(?:von|van|der|den|de|du|da|di|del|della|dos|das|bin|ibn|al|ter|ten)[ \t]+"
_NAME_GAP = rf"(?:[ \t]+\n?|\n)[ \t]*(?:{_PARTICLE})*"
# A name of up to four words, never begun inside a word; it may begin with a particle ("de Klerk").
NAME_RUN = rf"(?<![\w'’\-])(?:{_PARTICLE})?(?:{_NAME_INNER}{_NAME_GAP}){{0,3}}{NAME_WORD}"


def longest_first(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, so "vice president" wins over "president"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# A wire dateline before the first sentence's subject: "WASHINGTON (Reuters) - ", "BERLIN, June 1 (AP) -- ",
# "DELAWARE, Ohio (AP) - ", "PARIS, March 3 — ".
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]+)*)(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^()\n]{1,40}\))?\s*[-–—]{1,2}\s*"
)


def day_text(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def when_text(when: When) -> str:
    return (
        day_text(when.earliest) if when.day else (f"{when.earliest:%B} {when.year}" if when.month else str(when.year))
    )


def on_text(when: When) -> str:
    return f"on {when_text(when)}" if when.day else f"in {when_text(when)}"


def pack_of(source: str) -> str:
    """The pack a fact came from, named by its file ("rules/us-politics.yaml:12" -> us-politics)."""
    return PurePath(source.rsplit(":", 1)[0]).stem if source else "knowledge"


def overlaps(lo: date, hi: date, other_lo: date, other_hi: date) -> bool:
    return lo <= other_hi and other_lo <= hi


def gap_days(lo: date, hi: date, day: date) -> int:
    """Days between an interval and a day (0 inside)."""
    return max((lo - day).days, (day - hi).days, 0)


@dataclass(frozen=True)
class KnowledgeContext:
    """One analysis and the pack, with the lookups every check shares."""

    analysis: Analysis
    pack: Pack

    @property
    def text(self) -> str:
        return self.analysis.document.text

    @cached_property
    def name_text(self) -> str:
        return f" {name_key(self.text)} "

    @property
    def quotes(self) -> tuple[tuple[int, int], ...]:
        return self.analysis.quotes

    @cached_property
    def _searched(self) -> dict[tuple[object, ...], bool]:
        """Whole-text searches already made, by question: a long text asks them claim after claim
        (kept by hand: a cache keyed on the context would hash its whole Analysis)."""
        return {}

    def _once(self, key: tuple[object, ...], search: Callable[[], bool]) -> bool:
        if key not in self._searched:
            self._searched[key] = search()
        return self._searched[key]

    def names_place(self, jurisdiction: str) -> bool:
        """Whether the document names the jurisdiction anywhere (searched once per jurisdiction)."""
        return self._once(("place", jurisdiction), lambda: in_place(self.pack, self.text, jurisdiction))

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentences around ``[start, end)``: from the one ``start`` is in to the one ``end`` is in."""
        first = self.analysis.sentence_at(start)
        last = self.analysis.sentence_at(max(start, end - 1))
        return first[0], last[1]

    def dateline_before(self, offset: int) -> str | None:
        """The dateline (place, date, agency) that ends right at ``offset`` and begins its sentence,
        if any: its words are no subject ("LONDON (Reuters) - Prime Minister X said")."""
        sentence, _ = self.sentence(offset, offset)
        # the splitter may have cut the dateline in two ("WASHINGTON" | "(Reuters) - "): its line's start too
        line = self.text.rfind("\n", 0, offset) + 1
        for start in dict.fromkeys((sentence, line)):
            m = DATELINE.match(self.text, start)
            if m and m.end() == offset:
                return m.group(0)
        return None

    def span(self, start: int, end: int) -> Span:
        return self.analysis.document.source_span(start, end)

    def claim_span(self, assertion: Assertion) -> Span:
        return self.analysis.claim_span(assertion)

    def mentions_fully(self, person: Person) -> bool:
        """Does the text name the person with more than a surname ("George W. Bush")?"""
        names = {person.name, *person.aliases}
        return any(f" {name_key(n)} " in self.name_text for n in names if len(name_key(n).split()) >= 2)

    def someone_else_named(self, surname: str, found: tuple[Person, ...]) -> bool:
        """Does the text name in full a bearer of ``surname`` who is none of ``found``, and none
        of ``found`` in full ("Charles J. Fillmore", never "Millard Fillmore")? Searched once per
        surname and people: a long text names one person by surname in claim after claim."""
        key = ("other", surname, *(p.id for p in found))
        return self._once(key, lambda: self._someone_else_named(surname, found))

    def _someone_else_named(self, surname: str, found: tuple[Person, ...]) -> bool:
        if any(self.mentions_fully(p) for p in found):
            return False
        # as the pack writes it: a participant resolved from a pronoun comes as a lower-case key
        surname = next(
            (w for p in found for n in (p.name, *p.aliases) if name_key(w := n.split()[-1]) == name_key(surname)),
            surname,
        )
        pattern = re.compile(r"\b" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,2}\s+" + re.escape(surname) + r"\b")
        known = {name_key(n) for p in found for n in (p.name, *p.aliases)}
        return any(
            name_key(m.group(0)) not in known
            and not _droppable(m.group(0).split()[0], self.pack.title_words | self.pack.honorific_keys)
            and not any(
                CALENDAR_WORD.match(w + " ") or w in OPENERS or (w.endswith(".") and len(w) > 3)  # "Polk. Polk"
                for w in m.group(0).split()[:-1]
            )
            and (
                len(m.group(0).split()) > 2 or self.sentence(m.start(), m.start())[0] != m.start()
            )  # "Yesterday Obama"
            for m in pattern.finditer(self.text)
        )

    @cached_property
    def published(self) -> date | None:
        return self.analysis.document.stated_published


def people(ctx: KnowledgeContext, name: str) -> tuple[tuple[Person, ...], bool]:
    """The pack people a written name may denote, and whether context had to choose.

    Leading titles, honorifics and datelines are dropped ("U.S. President Donald Trump"
    -> "Donald Trump"), never a given name ("Hillary Clinton" is not "Clinton"). A surname
    shared by several people ("Bush") is kept only if the text names exactly one in full; a
    bare surname is nobody's when the text names in full someone else of that name only.
    """
    words = name.split()
    for i in range(len(words)):
        if i and not _droppable(words[i - 1], ctx.pack.title_words | ctx.pack.honorific_keys):
            break
        found = ctx.pack.people_named(" ".join(words[i:]))
        if found and len(words) - i == 1 and ctx.someone_else_named(words[-1], found):
            return (), False  # "Fillmore" in a life of Charles J. Fillmore is not Millard Fillmore
        if len(found) == 1:
            return found, False
        if found:
            named = tuple(p for p in found if ctx.mentions_fully(p))
            return (named, True) if len(named) == 1 else (found, True)
    return (), False


def _droppable(word: str, title_words: frozenset[str]) -> bool:
    """A word before a name that is not part of it: a title word, an honorific, lowercase, a DATELINE."""
    return word.isupper() or not word[:1].isupper() or name_key(word) in title_words


def candidates(ctx: KnowledgeContext, assertion: Assertion) -> tuple[tuple[Person, ...], bool]:
    """The pack people the claim is about: the first role (object, then subject) that names
    any; the flag says a pronoun, surname or context had to be resolved. An active "swore in"
    is about its object only ("Roberts swore in Obama"), a succession about its subject only
    (the object is the predecessor: "Ramaphosa succeeded Zuma", "Zuma was succeeded")."""
    active = assertion.trigger.lower().split()[0] in ("swore", "swears", "inaugurates")
    roles = ("subject",) if assertion.event == "succession" else ("object",) if active else ("object", "subject")
    for role in roles:
        name = assertion.participant(role)
        found, chosen = people(ctx, name) if name else ((), False)
        if found:
            return found, chosen or len(found) > 1 or "participant" in assertion.inferred
    return (), False


# ---------------------------------------------------------------- offices named near a claim


@lru_cache(maxsize=8)
def office_words(titles: frozenset[str], forms: frozenset[str]) -> re.Pattern[str]:
    """Any title or office noun, any case, longest first: "elected vice president", "won the presidency"."""
    return re.compile(r"\b(" + longest_first({t.lower() for t in titles} | forms) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=8)
def _titled(titles: frozenset[str]) -> re.Pattern[str]:
    """A capitalized title, longest first, then up to four name words: "U.S. President Donald Trump".
    No ``\\b`` before it: a pattern opening on its titles' letters is searched for by those
    letters, a seventh of the time of trying every position."""
    return re.compile(r"(" + longest_first(t for t in titles if t[0].isupper()) + r")\s+(" + NAME_RUN + ")")


_WORD_START = re.compile(r"\b")


def titled_names(titles: frozenset[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of :func:`_titled` at a word's start, as ``\\b`` and the pattern would find
    them, left to right without overlap."""
    pattern, pos = _titled(titles), 0
    while (m := pattern.search(text, pos)) is not None:
        if _WORD_START.match(text, m.start()) is None:
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()


def named_office(ctx: KnowledgeContext, start: int, end: int, held: set[str]) -> tuple[set[str], bool]:
    """Offices (among ``held``) a title in ``text[start:end]`` names, and whether a word names another office.

    The first office word wins: "elected to the Senate in 2004" is about the Senate
    even if "president" comes later in the sentence.
    """
    window = ctx.text[start:end]
    known = office_words(ctx.pack.titles, frozenset(ctx.pack.title_forms)).search(window)
    other = ctx.pack.other_office_words.search(window) if ctx.pack.other_office_words else None
    if other and (known is None or other.start() < known.start()):
        return set(), True
    if known is None:
        return set(), False
    title = ctx.pack.title_forms.get(known.group(1).lower(), known.group(1))
    offices = {o.id for o in ctx.pack.offices_titled(title)} & held
    of = OF_PHRASE.match(window, known.end())
    if of and not any(in_place(ctx.pack, of.group(1), ctx.pack.office(o).jurisdiction) for o in offices):
        return set(), True  # "president of the Harvard Law Review"
    return offices, False


# ---------------------------------------------------------------- facts/contradiction


def inside(offset: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start < offset < end for start, end in ranges)


def in_place(pack: Pack, text: str, jurisdiction: str) -> bool:
    """Does the text name the jurisdiction (its name, or a word of it in the packs: "U.S.", "British")?
    A lowercase text (a sentence lowered for matching) matches any case."""
    pattern = pack.place(jurisdiction)
    return (re.compile(pattern.pattern, re.IGNORECASE) if text.islower() else pattern).search(text) is not None


# ---------------------------------------------------------------- what a claim counts and contradicts

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
TERM_ORDINAL = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:\w+\s+)?term\b", re.IGNORECASE)
FIRST_BEFORE = re.compile(r"\bfirst\s+(?:\w+\s+)?$", re.IGNORECASE)
FIRST_AFTER = re.compile(r"\s+for the first time\b", re.IGNORECASE)


def stated_ordinal(ctx: KnowledgeContext, assertion: Assertion) -> int | None:
    """The term or election a claim counts: "first elected", "his second term", "reelected" (> 1)."""
    start, end = ctx.sentence(assertion.trigger_start, assertion.trigger_end)
    before = ctx.text[max(start, assertion.trigger_start - 25) : assertion.trigger_start]
    after = ctx.text[assertion.trigger_end : min(end, assertion.trigger_end + 60)]
    term = TERM_ORDINAL.search(before + " " + after)
    if term:
        return ORDINALS[term.group(1).lower()]
    if FIRST_BEFORE.search(before) or FIRST_AFTER.match(after):
        return 1
    return None


def office_window(ctx: KnowledgeContext, assertion: Assertion) -> tuple[int, int]:
    _, end = ctx.sentence(assertion.trigger_start, assertion.trigger_end)
    return assertion.trigger_start, min(end, assertion.trigger_end + 60)


@dataclass(frozen=True)
class Problem:
    """What a claim contradicts: the pack fact in words and the days the fact allows."""

    message: str
    fact_days: tuple[tuple[date, date], ...]
    person: str | None = None
    inferred: bool = False


def office_known_to(ctx: KnowledgeContext, office: str) -> date | None:
    found = ctx.pack.office(office)
    return found.known_to if found and found.known_to else ctx.pack.current_to


def nth(n: int) -> str:
    return {v: k for k, v in ORDINALS.items() if k.isalpha()}[n]
