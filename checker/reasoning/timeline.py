"""Constraint reasoning over dated assertions: one temporal network for all checked files.

Every asserted event dated "at" a time becomes a variable whose domain is its
time expression's interval. Mentions of the same event (same type or synonym
group, same participant, no role that differs: two treaties, two offices, two
signatories stay apart) are tied equal; a pack's order constraints ("death >=
birth", "inauguration > election", "founding > birth" of the founder) tie mentions
that share a participant. A negative
cycle in the network is a set of statements that cannot all be true: it becomes
one finding, its span on the statement the network blames, ``related`` on the
others, in whichever files they are.

checker.checks.chronology turns each conflict into findings. The same network, with the
publication date as a node, infers the publication date of an undated document.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from checker.knowledge.constraints import order
from checker.knowledge.expressions.names import events
from checker.knowledge.model import Constraint, Pack
from checker.model import Analysis, Assertion, Span, Timex
from checker.reasoning.network import PUBLISHED, Conflict, Network

if TYPE_CHECKING:
    from checker.knowledge.expressions.linear import Difference

# Two mentions of a recurring event (an election, an inauguration) this close are one occurrence.
RECURRING_SAME_WITHIN = 60
# An order constraint between recurring events binds occurrences at most this far apart
# (an inauguration and *its* election), not the inauguration of 2017 and the election of 2024.
ORDER_PAIR_WITHIN = 366
# An order constraint pairs a mention with at most this many mentions of its participant on
# either side of it in the text (see _related_pairs).
ORDER_NEAREST = 32
# Trust when the network must choose which statement to blame: the date written in full wins.
EXPLICIT, INFERRED, LINK = 2, 1, 0
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Statement:
    """An asserted, dated event mention of one analysed file."""

    analysis: Analysis = field(repr=False)
    assertion: Assertion
    timex: Timex
    theme: str

    @property
    def key(self) -> tuple[str, int]:
        return (self.analysis.document.path, self.assertion.id)

    @property
    def explicit(self) -> bool:
        return self.timex.fields.year is not None and not self.assertion.inferred

    @property
    def span(self) -> Span:
        start = min(self.assertion.trigger_start, self.timex.start)
        end = max(self.assertion.trigger_end, self.timex.end)
        return self.analysis.document.source_span(start, end)

    def interval(self) -> tuple[int, int]:
        """The days the date may denote; an ambiguous numeric date (06/05/2019) spans both readings."""
        readings = self.timex.readings()
        return min(lo for lo, _ in readings).toordinal(), max(hi for _, hi in readings).toordinal()


@dataclass(frozen=True)
class Reason:
    """Why a constraint is in the network: a stated date, a same-event tie or a pack constraint."""

    kind: str  # "date" | "same" | "constraint"
    statements: tuple[Statement, ...]
    constraint: Constraint | None = None


def theme(assertion: Assertion) -> str | None:
    """What the event happens to: its object (born, opened the bridge), else its subject."""
    return assertion.participant("object") or assertion.participant("subject")


def statements(analyses: Sequence[Analysis]) -> list[Statement]:
    """Asserted, non-future event mentions dated to a known interval, with a participant that
    identifies them, whose date attaches to the trigger itself (not through a plain noun:
    "born in 1754, the son of Pierre L'Enfant (1704-1787)" does not date the birth twice)."""
    found = []
    for analysis in analyses:
        for assertion in analysis.assertions:
            timex = analysis.timexes[assertion.timex]
            who = theme(assertion)
            if (
                who
                and assertion.identifiable
                and "attachment" not in assertion.inferred  # a date climbed to the verb through a plain noun
                and assertion.modality == "asserted"
                and assertion.relation == "at"
                and assertion.tense != "future"
                and timex.earliest is not None
                and timex.latest is not None
            ):
                found.append(Statement(analysis, assertion, timex, who))
    return found


def _named(who: str) -> bool:
    """A name good across files: capitalised and of two words at least ("Harbor Light", not
    "Company" at the start of a sentence)."""
    return len(who.split()) >= 2 and any(word[:1].isupper() for word in who.split())


def _comparable(a: Statement, b: Statement, who: str) -> bool:
    """Across files only proper names are one thing ("the stadium" of two pages may differ),
    and only dates with a stated year are compared ("last month", "on Tuesday" are counted
    from each page's own date, and pages about the news tell of many such events)."""
    if a.analysis.document.path == b.analysis.document.path:
        return True
    return _named(who) and a.timex.fields.year is not None and b.timex.fields.year is not None


def _apart(a: Statement, b: Statement) -> bool:
    """A role both mentions fill with different things: another office, signatory or object."""
    theirs = dict(b.assertion.participants)
    return any(role in theirs and theirs[role] != who for role, who in a.assertion.participants)


def _same_participant(a: Statement, b: Statement) -> bool:
    """Same theme and no role that tells them apart."""
    return a.theme == b.theme and _comparable(a, b, a.theme) and not _apart(a, b)


def _sharing(a: Statement, b: Statement) -> bool:
    """For an order constraint: the same theme, or one's theme is the other's agent (the
    founder's birth and the founding, the signer's death and the signing); another office
    keeps a resignation and an appointment apart."""
    posts = {a.assertion.participant("office"), b.assertion.participant("office")} - {None}
    if len(posts) > 1:
        return False
    if a.theme == b.theme:
        return _comparable(a, b, a.theme)
    agent = next((who for x, y in ((a, b), (b, a)) if (who := y.assertion.participant("subject")) == x.theme), None)
    return agent is not None and _comparable(a, b, agent)


def _kind(pack: Pack, assertion: Assertion) -> str | None:
    """What makes mentions one event: the pack's event type, else the trigger's synonym group."""
    if pack.event_type(assertion.event) is not None:
        return assertion.event
    return f"sense:{assertion.sense}" if assertion.sense else None


def _distinct_mentions(a: Statement, b: Statement) -> bool:
    """Two triggers, not one trigger with two time expressions ("two weeks ago, on January 3")."""
    return a.analysis is not b.analysis or a.assertion.trigger_start != b.assertion.trigger_start


def _gap(a: Statement, b: Statement) -> int:
    """Days between two statements' intervals (0 when they overlap)."""
    (a_lo, a_hi), (b_lo, b_hi) = a.interval(), b.interval()
    return max(0, b_lo - a_hi, a_lo - b_hi)


def _once(pack: Pack, event: str) -> bool:
    """A type that happens once to its participant; a synonym group no type claims counts as one."""
    found = pack.event_type(event)
    return event.startswith("sense:") or (found is not None and found.once)


def _order_constraints(pack: Pack, present: Collection[str]) -> Iterator[tuple[Constraint, Difference]]:
    """Pack constraints of kind ``order`` (checker.knowledge.constraints) between two of the
    ``present`` event types, each with its one difference."""
    for c in pack.constraints:
        if c.expr is not None and events(c.expr) <= set(present) and (difference := order(c)) is not None:
            yield c, difference


@dataclass(frozen=True)
class Hub:
    """A point every mention of one event is tied equal to, instead of to each other: n ties,
    not n * (n - 1) / 2. Its ties name only the mention, so a conflict through it names the
    two statements that disagree, as a direct tie would."""

    number: int

    @property
    def key(self) -> tuple[str, int]:
        return ("hub", self.number)


@dataclass(frozen=True)
class Link:
    """A difference constraint between two statements: ``lo <= then - first <= hi`` (None: unbounded)."""

    first: Statement | Hub
    then: Statement | Hub
    lo: int | None
    hi: int | None
    reason: Reason


def links(found: Sequence[Statement], pack: Pack) -> list[Link]:
    """Same-event ties and the pack's order constraints between the statements."""
    out: list[Link] = []
    by_event: dict[str, list[Statement]] = defaultdict(list)
    for s in found:
        kind = _kind(pack, s.assertion)
        if kind is not None:  # a generic verb ("met", "said") happens again and again
            by_event[kind].append(s)
    hubs = itertools.count()
    for event, mentions in by_event.items():
        for group in _by_theme(mentions).values():
            out += _hub_ties(group, hubs) if _once(pack, event) else _occurrence_ties(group, pack, event, hubs)
    for constraint, difference in _order_constraints(pack, by_event):
        recurring = not (_once(pack, difference.i) and _once(pack, difference.j))
        for a, b in _related_pairs(by_event.get(difference.i, ()), by_event.get(difference.j, ())):
            if _distinct_mentions(a, b) and _sharing(a, b) and _binds(constraint, a, b, recurring):
                out.append(Link(a, b, difference.lo, difference.hi, Reason("constraint", (a, b), constraint)))
    return out


def _related_pairs(firsts: Sequence[Statement], thens: Sequence[Statement]) -> Iterator[tuple[Statement, Statement]]:
    """The pairs that may share a participant (:func:`_sharing`: one theme, or one's theme the
    other's subject), in the order of all pairs, found by index instead of by trying all pairs.
    Each first is paired with at most ORDER_NEAREST mentions of each such participant on either
    side of it in the text: a long list of one person's dates binds each to its neighbours, and
    the same-event ties carry the order further, instead of every pair of the list."""
    place: dict[int, int] = {}  # by id: hashing an Analysis hashes its whole document
    for s in (*firsts, *thens):
        place.setdefault(id(s.analysis), len(place))
    by_theme: dict[str, list[int]] = defaultdict(list)
    by_subject: dict[str, list[int]] = defaultdict(list)
    for n, b in enumerate(thens):
        by_theme[b.theme].append(n)
        if (subject := b.assertion.participant("subject")) is not None:
            by_subject[subject].append(n)

    def where(s: Statement) -> tuple[int, int]:
        return place[id(s.analysis)], s.assertion.trigger_start

    def nearest(indices: list[int], a: Statement) -> list[int]:
        if len(indices) <= 2 * ORDER_NEAREST:
            return indices
        at = bisect.bisect_left(indices, where(a), key=lambda n: where(thens[n]))
        return indices[max(0, at - ORDER_NEAREST) : at + ORDER_NEAREST]

    for indices in (*by_theme.values(), *by_subject.values()):
        indices.sort(key=lambda n: where(thens[n]))

    for a in firsts:
        subject = a.assertion.participant("subject")
        lists = [by_theme.get(a.theme), by_subject.get(a.theme), by_theme.get(subject) if subject else None]
        near = {n for indices in lists if indices for n in nearest(indices, a)}
        yield from ((a, thens[n]) for n in sorted(near))


def _by_theme(mentions: Sequence[Statement]) -> dict[str, list[Statement]]:
    """Mentions by theme, in text order: only mentions of one theme are ever tied."""
    groups: dict[str, list[Statement]] = defaultdict(list)
    for s in mentions:
        groups[s.theme].append(s)
    return groups


def _tie(a: Statement, b: Statement) -> Link:
    return Link(a, b, 0, 0, Reason("same", (a, b)))


def _occurrence_ties(mentions: Sequence[Statement], pack: Pack, event: str, hubs: Iterator[int]) -> list[Link]:
    """Mentions of a recurring event tied where they are one occurrence (see
    :func:`_same_occurrence`): the mentions of one file that give a ``once_for`` role one
    filler, whatever their dates, through hubs (:func:`_hub_ties`: a list of one office's
    elections is n ties, not n * (n - 1) / 2), and pairwise the other mentions dated within
    RECURRING_SAME_WITHIN days of each other."""
    buckets = _one_filler_buckets(mentions, pack, event)
    shared: dict[int, set[int]] = defaultdict(set)
    for n, bucket in enumerate(buckets):
        for i in bucket:
            shared[i].add(n)
    out = [
        _tie(a, b)
        for i, j in sorted(_close_pairs(mentions))  # the order of all pairs: the network's ties keep it
        if not shared[i] & shared[j]
        and _distinct_mentions(a := mentions[i], b := mentions[j])
        and _same_participant(a, b)
        and _same_occurrence(a, b)
    ]
    for bucket in buckets:
        out += _hub_ties([mentions[i] for i in bucket], hubs)
    return out


def _close_pairs(mentions: Sequence[Statement]) -> set[tuple[int, int]]:
    """Index pairs of mentions dated within RECURRING_SAME_WITHIN days, by a sweep over start days."""
    ordered = sorted(range(len(mentions)), key=lambda i: mentions[i].interval()[0])
    pairs = set()
    for n, i in enumerate(ordered):
        _, hi = mentions[i].interval()
        for j in ordered[n + 1 :]:
            if mentions[j].interval()[0] - hi > RECURRING_SAME_WITHIN:
                break
            pairs.add((min(i, j), max(i, j)))
    return pairs


def _one_filler_buckets(mentions: Sequence[Statement], pack: Pack, event: str) -> list[list[int]]:
    """Indices of the mentions of one file that fill a ``once_for`` role with one thing, two or
    more to a bucket: one occurrence whatever their dates, a treaty signed, a post taken ("was
    named head coach in 2011", "was appointed head coach in 2013"); a repeat says so
    ("re-elected", see ``identity.recurs``). Not a post a pack knows, held term after term (a
    president re-elected): its records judge."""
    buckets: dict[tuple[int, str, str], list[int]] = defaultdict(list)
    for i, s in enumerate(mentions):
        for role in _once_for(pack, event):
            filler = s.assertion.participant(role)
            if filler is not None and not (role == "office" and pack.offices_titled(filler)):
                buckets[(id(s.analysis), role, filler)].append(i)
    return [bucket for bucket in buckets.values() if len(bucket) >= 2]


def _profile(s: Statement) -> frozenset[tuple[str, str]] | None:
    """The roles a mention fills, when each role is filled once (else None: compared pairwise)."""
    roles = dict(s.assertion.participants)
    return frozenset(roles.items()) if len(roles) == len(s.assertion.participants) else None


def _fits(p: frozenset[tuple[str, str]], q: frozenset[tuple[str, str]]) -> bool:
    """No role both profiles fill with different things (what :func:`_apart` asks of two mentions)."""
    theirs = dict(q)
    return all(theirs.get(role, who) == who for role, who in p)


def _hub_ties(mentions: Sequence[Statement], hubs: Iterator[int]) -> list[Link]:
    """Ties between the mentions of an event that happens once to its theme.

    Mentions tie when they are comparable (one file, or a name and stated years across
    files) and no role tells them apart (:func:`_same_participant`), so the mentions of one
    file with two role profiles that fit all tie to each other, as do, across files, the
    year-dated ones: one hub for each such set, a clique of ties. The few mentions a hub
    cannot stand for (one trigger with two dates, a role filled twice) tie pairwise.
    """
    triggers = Counter((id(s.analysis), s.assertion.trigger_start) for s in mentions)
    single = [triggers[(id(s.analysis), s.assertion.trigger_start)] == 1 and _profile(s) is not None for s in mentions]
    odd = [i for i, ok in enumerate(single) if not ok]
    pairs = sorted({(min(i, j), max(i, j)) for i in odd for j in range(len(mentions)) if j != i})
    out = [
        _tie(a, b)
        for a, b in ((mentions[i], mentions[j]) for i, j in pairs)
        if _distinct_mentions(a, b) and _same_participant(a, b)
    ]
    plain = [s for s, ok in zip(mentions, single, strict=True) if ok]
    sets = [list(by_file) for by_file in _by_path(plain).values()]
    if plain and _named(plain[0].theme):
        dated = [s for s in plain if s.timex.fields.year is not None]
        if len({s.analysis.document.path for s in dated}) > 1:
            sets.append(dated)
    for members in sets:
        for clique in _cliques(members):
            hub = Hub(next(hubs))
            out += [Link(s, hub, 0, 0, Reason("same", (s,))) for s in clique]
    return out


def _by_path(mentions: Sequence[Statement]) -> dict[str, list[Statement]]:
    groups: dict[str, list[Statement]] = defaultdict(list)
    for s in mentions:
        groups[s.analysis.document.path].append(s)
    return groups


def _cliques(members: Sequence[Statement]) -> Iterator[list[Statement]]:
    """Sets of at least two mentions that all tie, one for each pair of role profiles that fit
    (the same profile included), so that every pair that ties shares one."""
    profiles: dict[frozenset[tuple[str, str]], list[Statement]] = defaultdict(list)
    for s in members:
        profiles[_profile(s) or frozenset()].append(s)
    keys = list(profiles)
    for n, p in enumerate(keys):
        for q in keys[n:]:
            if p == q or _fits(p, q):
                clique = profiles[p] if p == q else profiles[p] + profiles[q]
                if len(clique) >= 2:
                    yield clique


def build_network(found: Sequence[Statement], pack: Pack, tied: Sequence[Link] | None = None) -> Network:
    """One network of the statements' dates and the links between them (computed if not given)."""
    network = Network()
    for s in found:
        lo, hi = s.interval()
        network.add_domain(s.key, lo, hi, Reason("date", (s,)), EXPLICIT if s.explicit else INFERRED)
    for link in links(found, pack) if tied is None else tied:
        network.add_difference(link.first.key, link.then.key, link.lo, link.hi, link.reason, LINK)
    return network


def _components(tied: Sequence[Link]) -> list[list[Link]]:
    """The links grouped by the statements they connect (union-find): separate networks, so
    that each file's or entity's conflicts are found however many others a run holds."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(key: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for link in tied:
        parent[root(link.first.key)] = root(link.then.key)
    groups: dict[tuple[str, int], list[Link]] = defaultdict(list)
    for link in tied:
        groups[root(link.first.key)].append(link)
    return list(groups.values())


def _same_occurrence(a: Statement, b: Statement) -> bool:
    """Two mentions of a recurring event close in time are one occurrence; if only one names
    the post ("stepped down as ranking member" and "resigned"), only in one paragraph. (In one
    file, mentions that give a ``once_for`` role one filler are one whatever their dates: see
    :func:`_one_filler_buckets`.)"""
    posts = [s.assertion.participant("office") for s in (a, b)]
    if _gap(a, b) > RECURRING_SAME_WITHIN:
        return False
    return posts[0] == posts[1] or _told_in_order(*sorted((a, b), key=lambda s: s.assertion.trigger_start), True)


def _once_for(pack: Pack, event: str) -> tuple[str, ...]:
    found = pack.event_type(event)
    return found.once_for if found is not None else ()


def _binds(constraint: Constraint, first: Statement, then: Statement, recurring: bool) -> bool:
    """Whether an order constraint holds between these two mentions.

    A constraint on one person's life (``same: [person]``: a birth or a death against
    anything) binds every pair. Others may be about two occurrences: a place closes and
    opens again ("closed in 1642 ... opened in 1997" is a rebuilding), an office is held
    twice. They bind a pair the text tells in the constraint's order ("opened in 2012 and
    closed in 2009"; for recurring events, such as a post taken and resigned, within one
    paragraph), and two recurring events close in time whatever the order (an inauguration
    and *its* election).
    """
    if constraint.same == ("person",):
        return True
    if _told_in_order(first, then, within_paragraph=recurring):
        return True
    return recurring and _gap(first, then) <= ORDER_PAIR_WITHIN


def _told_in_order(first: Statement, then: Statement, within_paragraph: bool) -> bool:
    """The first mention comes first in one file (in one paragraph, if asked), and the later
    one is no flashback ("had closed in 1985")."""
    if first.analysis is not then.analysis or first.assertion.trigger_start >= then.assertion.trigger_start:
        return False
    if then.assertion.aspect == "perfect" and then.assertion.tense == "past":
        return False
    if not within_paragraph:
        return True
    breaks = _paragraph_breaks(first.analysis.document.text)
    return bisect.bisect_right(breaks, first.assertion.trigger_start) == bisect.bisect_right(
        breaks, then.assertion.trigger_start
    )


@lru_cache(maxsize=64)
def _paragraph_breaks(text: str) -> list[int]:
    """Where the text's blank lines end, in order (a search between two mentions per pair is
    quadratic in a long paragraph)."""
    return [m.end() for m in PARAGRAPH_BREAK.finditer(text)]


def conflicts(analyses: Sequence[Analysis], pack: Pack) -> list[tuple[Conflict, list[Statement]]]:
    """The sets of statements of ``analyses`` that cannot all be true, each with the statements involved."""
    found = []
    for group in _components(links(statements(analyses), pack)):
        ends = (s for link in group for s in (link.first, link.then) if isinstance(s, Statement))
        members = list({s.key: s for s in ends}.values())
        network = build_network(members, pack, group)
        found += [(conflict, involved) for conflict in network.conflicts() if len(involved := _involved(conflict)) >= 2]
    return found


def _involved(conflict: Conflict) -> list[Statement]:
    seen: dict[tuple[str, int], Statement] = {}
    for reason in conflict.reasons:
        for s in reason.statements:
            seen.setdefault(s.key, s)
    return list(seen.values())


def infer_published(analysis: Analysis) -> date | None:
    """The earliest publication date consistent with the document's past-tense statements.

    Every asserted past event dated with a written year happened by publication.
    Yearless dates told in the past ("On December 20, ... reported") follow the news
    convention that the year is left out only for the current year, so publication
    falls on or after the latest such month and day of its year.
    """
    network = Network()
    network.add_variable(PUBLISHED)
    yearless: list[tuple[int, int]] = []
    for assertion in analysis.assertions:
        timex = analysis.timexes[assertion.timex]
        if assertion.modality != "asserted" or assertion.tense != "past" or assertion.relation not in ("at", "since"):
            continue
        if timex.fields.year is not None and timex.earliest is not None:
            network.add_domain(assertion.id, timex.earliest.toordinal(), None, assertion.id)
            network.add_difference(assertion.id, PUBLISHED, 0, None, assertion.id)
        elif timex.fields.month is not None and timex.fields.day is not None and timex.type == "DATE" and timex.valid:
            yearless.append((timex.fields.month, timex.fields.day))
    earliest, _ = network.bounds(PUBLISHED)
    if earliest is None:
        return None
    lower = date.fromordinal(earliest)
    month_day = max(yearless, default=None)
    if month_day is None or (lower.month, lower.day) >= month_day:
        return lower
    month, day = month_day
    return date(lower.year, month, min(day, 28) if (month, day) == (2, 29) else day)
