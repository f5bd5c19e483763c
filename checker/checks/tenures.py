"""Tenures a text states without an event verb, for facts/contradiction: "Rishi Sunak, prime
minister since October 2021", "X, who served as president from 1977 to 1983", "Y has been
chancellor since 2005". The pack's terms must put the person in that office during the date
after "since", and during both ends of a "from A to B" range; and the date after "since" or
"from" states when a tenure began (a term's start must fall in it), the date after "to" when
one ended. Precision first: only a name the pack resolves to one person, an office the person
held, and dates within what the pack knows; a tenure with gaps ("from 1885 to 1897") is not
taken for a claim of continuity, and a place the office's own name does not cover ("chancellor
of West Germany from 1982 to 1990") is not taken for a whole tenure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from checker.checks.people import (
    NAME_RUN,
    KnowledgeContext,
    Problem,
    day_text,
    in_place,
    longest_first,
    pack_of,
    people,
)
from checker.knowledge.model import Office, Pack, Person, Term
from checker.model import Timex

VERBS = r"(?:has\s+been|had\s+been|have\s+been|was|is|served\s+as|serving\s+as|has\s+served\s+as|had\s+served\s+as)"


@lru_cache(maxsize=8)
def _tenure_pattern(titles: frozenset[str]) -> re.Pattern[str]:
    """NAME[, who] [VERB] [the] [ADJECTIVE] TITLE [of PLACE][,] since|from — ending where a date starts."""
    office, name = longest_first(t.lower() for t in titles), NAME_RUN
    return re.compile(
        rf"(?P<name>{name})(?:\s*,\s*(?:who\s+)?|\s+){VERBS}?\s*(?:the\s+|a\s+)?"
        rf"(?:(?:[A-Z][\w.'’]*)\s+)?(?P<office>(?i:{office}))(?P<of>\s+of\s+(?:the\s+)?[A-Z][\w]+(?:\s+[A-Z][\w]+)?)?"
        r"\s*,?\s+(?P<rel>since|from)\s+$"
    )


@dataclass(frozen=True)
class Tenure:
    """One stated tenure: who, which office, and the dates it names."""

    person: Person
    office: str
    since: bool
    start: Timex
    end: Timex | None
    whole: bool = True  # the office as the pack names it, not a qualified part of it ("of West Germany")


def stated_tenures(ctx: KnowledgeContext) -> Iterator[Tenure]:
    """Every "NAME, OFFICE since/from DATE [to DATE]" the pack can resolve."""
    pattern = _tenure_pattern(ctx.pack.titles)
    timexes = ctx.analysis.timexes
    for i, timex in enumerate(timexes):
        if timex.earliest is None or timex.fields.year is None or timex.anchor != "explicit":
            continue
        start, _ = ctx.sentence(timex.start, timex.end)
        m = pattern.search(ctx.text[max(start, timex.start - 160) : timex.start])
        if m is None or not m.group("name")[:1].isupper():
            continue
        found, _ = people(ctx, m.group("name"))
        if len(found) != 1:
            continue
        office = _office(ctx.pack, found[0], m.group("office"), m.group("of"))
        if office is None:
            continue
        since = m.group("rel").lower() == "since"
        end = _range_end(ctx, i, timex) if not since else None
        if since or end is not None:
            yield Tenure(found[0], office, since, timex, end, _whole(ctx.pack, office, m.group("of")))


def _whole(pack: Pack, office: str, of: str | None) -> bool:
    """Is the "of" phrase, if any, just the office's jurisdiction ("of France", not "of West Germany")?"""
    if not of:
        return True
    found = pack.office(office)
    place = re.sub(r"^\s*of\s+(?:the\s+)?", "", of).strip()
    return found is not None and pack.place(found.jurisdiction).fullmatch(place) is not None


def _range_end(ctx: KnowledgeContext, i: int, timex: Timex) -> Timex | None:
    """The other end of "from A to B": the tagger's range link, else the date right after "to"/"until"."""
    timexes = ctx.analysis.timexes
    if timex.link is not None and 0 <= timex.link < len(timexes) and timex.link > i:
        return timexes[timex.link]
    nxt = timexes[i + 1] if i + 1 < len(timexes) else None
    if nxt is not None and re.fullmatch(r"\s*(?:to|until|till|through|and|-|–)\s*", ctx.text[timex.end : nxt.start]):
        return nxt if nxt.earliest is not None and nxt.fields.year is not None else None
    return None


def _office(pack: Pack, person: Person, title: str, of: str | None) -> str | None:
    """The one office of that title the person held (in the place the "of" phrase names)."""
    held = {t.office for t in person.terms}
    offices = [o for o in pack.offices_titled(title) if o.id in held]
    if of:
        offices = [o for o in offices if in_place(pack, of, o.jurisdiction)]
    return offices[0].id if len(offices) == 1 else None


def _held_during(terms: list[Term], lo: date, hi: date) -> bool | None:
    """In office some day of [lo, hi]? None when the pack cannot tell (an open term past what it knows)."""
    unknown = False
    for t in terms:
        if t.start <= hi and (t.end is None or t.end >= lo):
            if t.end is None and t.known_to is not None and lo > t.known_to:
                unknown = True
                continue
            return True
    return None if unknown else False


def tenure_problem(ctx: KnowledgeContext, tenure: Tenure) -> tuple[Timex, Problem] | None:
    """The stated date the pack's terms rule out, with what the pack says."""
    office = ctx.pack.office(tenure.office)
    terms = sorted((t for t in tenure.person.terms if t.office == tenure.office), key=lambda t: t.start)
    if office is None or not terms:
        return None
    wrong = _outside_terms(tenure, office, terms) or _off_boundary(ctx, tenure, office, terms)
    if wrong is None:
        return None
    spans = "; ".join(f"{day_text(t.start)} to {day_text(t.end) if t.end else 'present'}" for t in _joined(terms))
    message = f"{tenure.person.name} was {office.name} {spans} ({pack_of(terms[0].source)} pack)"
    return wrong, Problem(message, tuple((t.start, t.end or t.start) for t in terms), tenure.person.id)


def _outside_terms(tenure: Tenure, office: Office, terms: list[Term]) -> Timex | None:
    """A stated date on which the person was not in office, where the pack lists every holder."""
    for timex in (tenure.start, tenure.end):
        if _knowable(office, timex) and _held_during(terms, timex.earliest, timex.latest) is False:
            return timex
    return None


def _knowable(office: Office, timex: Timex | None) -> bool:
    """Is the date within what the pack knows of the office: after it lists every holder, up to its known_to?"""
    if timex is None or timex.earliest is None or timex.latest is None:
        return False
    if office.known_to and timex.latest > office.known_to:
        return False
    return office.listed(timex.earliest) or office.covered_from is None or office.covered_from <= timex.earliest


def _off_boundary(ctx: KnowledgeContext, tenure: Tenure, office: Office, terms: list[Term]) -> Timex | None:
    """A "since"/"from" date no term of the person began in, or a "to" date no term ended in.

    Only within what the pack knows of the office (before covered_from a term of the person may be
    unlisted); a "to" date is left alone while a term is open (the range may end at the present).
    """
    if not tenure.whole:
        return None
    known_to = office.known_to or ctx.pack.current_to
    starts = [d for t in terms for d in (t.start, *t.sworn_in)]
    ends = [t.end for t in terms if t.end is not None]
    still_in = any(t.end is None for t in terms)
    for timex, days in ((tenure.start, starts), (None if still_in else tenure.end, ends)):
        if not _knowable(office, timex) or (known_to and timex.latest > known_to):
            continue
        if not any(timex.earliest <= d <= timex.latest for d in days):
            return timex
    return None


def _joined(terms: list[Term]) -> list[Term]:
    """Back-to-back terms as one (Obama: 2009 to 2017), for the message."""
    out: list[Term] = []
    for t in terms:
        if out and out[-1].end is not None and out[-1].end >= t.start:
            last = out[-1]
            out[-1] = Term(last.person, last.office, last.start, t.end, last.how, source=last.source)
        else:
            out.append(t)
    return out
