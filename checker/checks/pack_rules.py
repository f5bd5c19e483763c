"""The pack's calendar rules between two events and its count limits, for facts/contradiction.

A ``rule`` constraint over two event types of one participant ("an elected president is sworn
in on January 20 of the year after the election") is evaluated for a dated claim of one of
them; the partner occurrence is the text's own (the same person, the other event, within a
year) or, for an election, the pack's election of that office the claim follows. A ``count``
limit ("no one is elected president more than twice") is evaluated against the ordinal a
claim states ("elected to a third term") and the distinct occurrences a text dates for one
person. The kinds are checker.knowledge.constraints'; sympy loads only once a rule applies.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from checker.checks.people import (
    KnowledgeContext,
    Problem,
    candidates,
    day_text,
    in_place,
    named_office,
    office_known_to,
    office_window,
    pack_of,
    stated_ordinal,
)
from checker.knowledge.constraints import kinds
from checker.knowledge.expressions.intervals import evaluate
from checker.knowledge.expressions.names import events
from checker.knowledge.expressions.normalised import parse
from checker.knowledge.model import Constraint, Person, name_key
from checker.model import Assertion, Timex

# Two occurrences of different events this far apart are not one's partner (the timeline's bound).
PARTNER_WITHIN = 366
# Mentions of a recurring event this close are one occurrence (the timeline's bound).
SAME_OCCURRENCE_WITHIN = 60

Interval = tuple[int, int]


@dataclass(frozen=True)
class _Claimant:
    """Who a claim is about: a pack person, or only the name the text gives (or nobody)."""

    person: Person | None
    key: str  # name key of the written name ("" when unnamed)
    inferred: bool


def _claimant(ctx: KnowledgeContext, a: Assertion) -> _Claimant | None:
    """The claim's one participant; None when a name may denote several pack people."""
    found, inferred = candidates(ctx, a)
    if len(found) > 1:
        return None
    names = [n for n in (a.participant("object"), a.participant("subject")) if n and n[:1].isupper()]
    if not a.participants:  # "elected in 1956 and reelected in 1960": the coordinated verb's subject
        earlier = _sharing_subject(ctx, a)
        return _claimant(ctx, earlier) if earlier is not None else _Claimant(None, "", inferred)
    return _Claimant(found[0] if found else None, name_key(names[0]) if names else "", inferred)


def _sharing_subject(ctx: KnowledgeContext, a: Assertion) -> Assertion | None:
    """The nearest earlier assertion of the sentence with participants, for one without any."""
    start, _ = ctx.sentence(a.trigger_start, a.trigger_end)
    before = [b for b in ctx.analysis.assertions if start <= b.trigger_start < a.trigger_start and b.participants]
    return max(before, key=lambda b: b.trigger_start, default=None)


def _same_claimant(ctx: KnowledgeContext, a: _Claimant, other: Assertion) -> bool:
    b = _claimant(ctx, other)
    if b is None:
        return False
    if a.person is not None or b.person is not None:
        return a.person == b.person
    return bool(a.key and b.key) and (a.key == b.key or a.key.split()[-1] == b.key.split()[-1])


def _about_office(ctx: KnowledgeContext, a: Assertion, who: _Claimant, office_id: str) -> bool:
    """Is the claim about the office: named near the trigger in its jurisdiction, or the
    pack's office hint for the event when the person held that office?"""
    office = ctx.pack.office(office_id)
    if office is None:
        return False
    held = {t.office for t in who.person.terms} if who.person else {office_id}
    start, end = office_window(ctx, a)
    if who.person is None:  # "the U.S. presidential inauguration was held": the title may come first
        start = ctx.sentence(a.trigger_start, a.trigger_end)[0]
    named, other = named_office(ctx, start, end, held)
    if other:
        return False
    if office_id in named:
        if who.person is not None:
            return True
        start, end = ctx.sentence(a.trigger_start, a.trigger_end)
        rivals = {o.jurisdiction for o in ctx.pack.offices if o.id != office_id and set(o.titles) & set(office.titles)}
        placed = [j for j in rivals if ctx.names_place(j)]
        in_sentence = in_place(ctx.pack, ctx.text[start:end], office.jurisdiction)
        return in_sentence or (ctx.names_place(office.jurisdiction) and not placed)
    event = ctx.pack.event_type(claim_event(ctx, a))
    hinted = event is not None and office_id in event.offices
    return not named and who.person is not None and hinted and office_id in held


def claim_event(ctx: KnowledgeContext, a: Assertion) -> str:
    """The pack event a claim dates: its own type, or for a verb of occurrence ("was held",
    "took place") the event its subject or object names ("the inauguration was held")."""
    if ctx.pack.event_type(a.event) is not None:
        return a.event
    for role in ("subject", "object"):
        words = (a.participant(role) or "").split()
        found = ctx.pack.event_for(words[-1]) if words and words[-1].islower() else None
        if found is not None:
            return found.id
    return a.event


def _interval(timex: Timex) -> Interval:
    return timex.earliest.toordinal(), timex.latest.toordinal()


def _gap(a: Interval, b: Interval) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _dated(ctx: KnowledgeContext, b: Assertion) -> Timex | None:
    timex = ctx.analysis.timexes[b.timex]
    ok = b.modality == "asserted" and b.polarity == "positive" and b.relation == "at" and timex.mod is None
    return timex if ok and timex.earliest is not None and timex.latest is not None else None


def _text_partners(
    ctx: KnowledgeContext, a: Assertion, who: _Claimant, event: str, office: str | None
) -> list[Interval]:
    """The other event of the same person dated in the text, within a year of the claim."""
    here = _interval(ctx.analysis.timexes[a.timex])
    out = []
    for b in ctx.analysis.assertions:
        timex = _dated(ctx, b)
        if b.event != event or b.id == a.id or timex is None or not _same_claimant(ctx, who, b):
            continue
        if office and not _about_office(ctx, b, who, office):
            continue
        if _gap(here, _interval(timex)) <= PARTNER_WITHIN:
            out.append(_interval(timex))
    return out


def _pack_elections(ctx: KnowledgeContext, a: Assertion, who: _Claimant, office: str) -> list[Interval]:
    """The pack's general election of the office in the year before the claim or its year,
    won by the claim's person; unnamed, only when nobody's term of the office began that day."""
    timex = ctx.analysis.timexes[a.timex]
    if who.person is None:
        if who.key or any(
            timex.earliest <= d <= timex.latest
            for p in ctx.pack.people
            for t in p.terms
            if t.office == office
            for d in (t.start, *t.sworn_in)
        ):
            return []
    out = []
    for year in (timex.earliest.year - 1, timex.earliest.year):
        for e in ctx.pack.elections_for(office, year):
            if e.kind != "general" or (who.person is not None and e.winner != who.person.id):
                continue
            days = (e.date, e.date) if e.date else (date(e.year, 1, 1), date(e.year, 12, 31))
            span = (days[0].toordinal(), days[1].toordinal())
            if span[1] <= _interval(timex)[0] and _gap(span, _interval(timex)) <= PARTNER_WITHIN:
                out.append(span)
    return out


def _evaluate(c: Constraint, bindings: dict[str, Interval]) -> bool | None:
    """None when ``when`` does not surely apply; else the expression's verdict over the intervals."""
    if c.when is not None and evaluate(parse(c.when), bindings) is not True:
        return None
    return evaluate(parse(c.expr or ""), bindings)


def _pair_rules(ctx: KnowledgeContext, event: str) -> Iterator[tuple[Constraint, str]]:
    """The two-event rules naming ``event``, each with the partner event. A claim is checked
    against a rule only when its event is not in the rule's ``when``: the condition is the
    partner's ("an election since 1936"), the claim the event the rule pins down."""
    for c in kinds(ctx.pack.constraints, "rule"):
        named = events(c.expr or "") | (events(c.when) if c.when else frozenset())
        if event in named and len(named) == 2:
            yield c, next(iter(named - {event}))


def pair_rule_claim(ctx: KnowledgeContext, a: Assertion, timex: Timex) -> Problem | None:
    """ "Elected in November 1960, he was sworn in on January 21, 1961": the pack's rule between
    the two events fails for the claim and its partner (the text's, else the pack's election)."""
    event = claim_event(ctx, a)
    rules = [(c, p) for c, p in _pair_rules(ctx, event) if not (c.when and event in events(c.when))]
    who = _claimant(ctx, a) if rules else None
    if who is None:
        return None
    for c, partner in rules:
        if c.office and not _about_office(ctx, a, who, c.office):
            continue
        known_to = office_known_to(ctx, c.office) if c.office else ctx.pack.current_to
        if known_to and timex.latest > known_to:
            continue
        found = _text_partners(ctx, a, who, partner, c.office)
        if not found and partner == "election" and c.office:
            found = _pack_elections(ctx, a, who, c.office)
        verdicts = [_evaluate(c, {event: _interval(timex), partner: p}) for p in found]
        if verdicts and all(v is False for v in verdicts):
            return _rule_problem(c, who)
    return None


def _rule_problem(c: Constraint, who: _Claimant, detail: str = "") -> Problem:
    """The finding's words: the rule's message, a detail, the pack it comes from."""
    message = f"{c.message}{detail} ({c.pack or pack_of(c.source)} pack)"
    return Problem(message, (), who.person.id if who.person else None, who.inferred)


def count_claim(ctx: KnowledgeContext, a: Assertion, timex: Timex) -> Problem | None:
    """ "She was elected to a third term in 1964" against "at most two", or a third distinct
    election the text dates for one person."""
    limits = [c for c in kinds(ctx.pack.constraints, "count") if c.count == a.event]
    who = _claimant(ctx, a) if limits else None
    if who is None:
        return None
    for c in limits:
        if c.office and not _about_office(ctx, a, who, c.office):
            continue
        known_to = office_known_to(ctx, c.office) if c.office else ctx.pack.current_to
        if (known_to and timex.latest > known_to) or _applies(c, a.event, _interval(timex)) is not True:
            continue
        counted = stated_ordinal(ctx, a)
        if counted is None and (who.person is not None or who.key):
            counted = _occurrence_number(ctx, a, who, c)
        if counted is not None and c.max is not None and counted > c.max:
            day = day_text(timex.earliest) if timex.earliest == timex.latest else str(timex.earliest.year)
            return _rule_problem(c, who, f"; this would be number {counted} ({day})")
    return None


def _applies(c: Constraint, event: str, interval: Interval) -> bool | None:
    if c.when is None:
        return True

    return evaluate(parse(c.when), {event: interval})


def _occurrence_number(ctx: KnowledgeContext, a: Assertion, who: _Claimant, c: Constraint) -> int | None:
    """Which occurrence the claim is among the ones the text dates for the person (1 = earliest)."""
    here = _interval(ctx.analysis.timexes[a.timex])
    seen: list[Interval] = []
    for b in ctx.analysis.assertions:
        timex = _dated(ctx, b)
        if b.event != a.event or timex is None or timex.fields.year is None:
            continue
        other = b.id != a.id
        if other and (not _same_claimant(ctx, who, b) or (c.office and not _about_office(ctx, b, who, c.office))):
            continue
        span = _interval(timex)
        if _applies(c, a.event, span) is True and all(_gap(span, s) > SAME_OCCURRENCE_WITHIN for s in seen):
            seen.append(span)
    if here not in seen:
        return None
    apart = all(_gap(here, s) > SAME_OCCURRENCE_WITHIN or s == here for s in seen)
    return sorted(seen).index(here) + 1 if apart else None


def single_rule_claim(ctx: KnowledgeContext, a: Assertion, timex: Timex) -> Problem | None:
    """ "Sworn in on a Sunday" against a one-event rule of a pack ("weekday(inauguration.date) != 6").
    Election-day rules are facts' own (an election is often told without a person)."""
    event = claim_event(ctx, a)
    if event == "election":
        return None
    for c in kinds(ctx.pack.constraints, "rule"):
        if events(c.expr or "") | (events(c.when) if c.when else frozenset()) != {event}:
            continue
        who = _claimant(ctx, a) or _Claimant(None, "", True)
        if c.office and not _about_office(ctx, a, who, c.office):
            continue
        known_to = office_known_to(ctx, c.office) if c.office else ctx.pack.current_to
        if known_to and timex.latest > known_to:
            continue
        if _evaluate(c, {event: _interval(timex)}) is False:
            return _rule_problem(c, who)
    return None
