"""``facts/contradiction``: a dated claim about a person, an election or a registered entity
that a pack fact or calendar rule rules out ("Barack Obama was first elected president in
2004": 2008; "Biden was inaugurated on January 21, 2021": January 20; "the election was held
on November 6, 2024": the Tuesday after the first Monday; house facts: "the Acme bridge opened
on May 5, 2019").

The check takes the Pack explicitly; the engine passes the packs of the run (built-in, user
packs, house facts). Precision first: a claim is flagged only when every day of its date is
excluded, the name resolves to the pack person (a shared surname to everyone it may denote,
each of them contradicted), the office is named or implied by the pack's event, and the time
lies within what the pack knows (``known_to``/``current_to``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

from checker.checks import quoted
from checker.checks.pack_rules import count_claim, pair_rule_claim, single_rule_claim
from checker.checks.people import (
    KnowledgeContext,
    Problem,
    candidates,
    day_text,
    gap_days,
    in_place,
    inside,
    named_office,
    nth,
    office_known_to,
    office_window,
    office_words,
    on_text,
    overlaps,
    pack_of,
    stated_ordinal,
)
from checker.checks.registry import check, rule
from checker.checks.tenures import stated_tenures, tenure_problem
from checker.knowledge.expressions.intervals import evaluate
from checker.knowledge.expressions.names import events
from checker.knowledge.expressions.normalised import parse
from checker.knowledge.model import Election, Office, Pack, Person, Term, When, name_key
from checker.model import (
    Analysis,
    Assertion,
    Finding,
    Related,
    Severity,
    Timex,
)

CONTRADICTION = rule(
    "facts/contradiction", "error", "A claim that contradicts a fact or calendar rule of a knowledge pack."
)
ELECTION_BEFORE = re.compile(r"\b(?:elections?|midterms?|vote|polls)\b(?:[^,.;:]{0,20}|,\s*)$", re.IGNORECASE)
ELECTION_BETWEEN = re.compile(r"^[^,.;:]{0,30}\b(?:elections?|midterms?|polls)\b[^,.;:]{0,10}$", re.IGNORECASE)
NOT_GENERAL = re.compile(
    r"\b(?:primar(?:y|ies)|caucus(?:es)?|run-?offs?|special|by-?elections?|referend(?:um|a)|leadership|local|"
    r"municipal|gubernatorial|mayoral|council|school board|recall)\b",
    re.IGNORECASE,
)
ELECTED_BEFORE = timedelta(days=200)  # the longest wait from an election to the term it wins (Mexico: July to December)
OFFSET_WORDS = re.compile(r"\b(?:after|before|since|later|earlier|ago|following|prior)\b", re.IGNORECASE)


def _elections_won(pack: Pack, person: Person, office: str) -> list[Election]:
    """Elections that brought the person to the office: as winner, or as running mate who then held it."""

    def by_running_mate(e: Election) -> bool:
        day = e.date or date(e.year, 11, 1)
        return e.running_mate == person.id and any(
            t.office == office and 0 <= (t.start - day).days <= 150 for t in person.terms
        )

    return [
        e for e in pack.elections_of(person.id) if (e.office == office and e.winner == person.id) or by_running_mate(e)
    ]


# Days from every known term start or election beyond which a claim with no office named is
# taken to be about another office ("sworn in as a senator in 2005", "elected mayor in 2008").
FAR_FROM_TERM = 400


def _election_days(e: Election) -> tuple[date, date]:
    return (e.date, e.date) if e.date else (date(e.year, 1, 1), date(e.year + 1, 2, 28))


def _wins_office(ctx: KnowledgeContext, a: Assertion) -> bool:
    """ "won the presidency": an election the packs' vocabulary leaves to the object."""
    won = (a.participant("object") or "").lower()
    return a.trigger.lower() in ("won", "wins", "win") and won in ctx.pack.title_forms


def _claimed_office(ctx: KnowledgeContext, a: Assertion, person: Person) -> tuple[str, list[Election]] | None:
    """The office a claim says the person was elected to, and the pack's elections that brought them to it.

    The office the claim names ("first elected president"); else, for a general election,
    the one office of the elections the person won in the country the sentence names
    ("since winning the 1987 Canadian federal election").
    """
    held = {t.office for t in person.terms}
    offices, other = named_office(ctx, *office_window(ctx, a), held)
    if other or len(offices) > 1:
        return None
    if offices:
        office = offices.pop()
        return office, _elections_won(ctx.pack, person, office)
    if _not_general(ctx, a):
        return None
    start, end = ctx.sentence(a.trigger_start, a.trigger_end)
    sentence = ctx.text[start:end]
    won = [
        e
        for e in ctx.pack.elections_of(person.id)
        if e.winner == person.id
        and (o := ctx.pack.office(e.office)) is not None
        and in_place(ctx.pack, sentence, o.jurisdiction)
    ]
    found = {e.office for e in won}
    return (found.pop(), won) if len(found) == 1 else None


def _elected_windows(person: Person, office: str, ordinal: int | None) -> tuple[tuple[date, date], ...]:
    """When the person can have been elected to the office, from their terms, where the pack lists
    none of their elections to it: before a term won by election (at most ELECTED_BEFORE days) or
    during one (a reelection). "First elected" is the election before the first term, when that
    term was won by election."""
    terms = sorted((t for t in person.terms if t.office == office), key=lambda t: t.start)
    if ordinal == 1 and terms and terms[0].how == "election":
        return ((terms[0].start - ELECTED_BEFORE, terms[0].start),)
    if ordinal is not None:
        return ()
    return tuple((t.start - ELECTED_BEFORE, t.end or date.max) for t in terms)


def _term_election_claim(
    ctx: KnowledgeContext, a: Assertion, timex: Timex, person: Person, office: str
) -> Problem | None:
    """ "Jacob Zuma was first elected president in 2005": no election of his listed, but his term began in 2009."""
    ordinal = stated_ordinal(ctx, a)
    if a.trigger.lower().startswith("re") and ordinal is None:
        return None
    windows = _elected_windows(person, office, ordinal)
    if not windows or any(overlaps(timex.earliest, timex.latest, lo, hi) for lo, hi in windows):
        return None
    terms = sorted((t for t in person.terms if t.office == office), key=lambda t: t.start)
    name = ctx.pack.office(office).name
    spans = "; ".join(f"{day_text(t.start)} to {day_text(t.end) if t.end else 'present'}" for t in terms)
    lead = f"{person.name}'s first term as {name}, won by election, began on {day_text(terms[0].start)}"
    message = f"{lead if ordinal == 1 else f'{person.name} was {name} {spans}'} ({pack_of(terms[0].source)} pack)"
    return Problem(message, windows, person.id)


def _election_claim(ctx: KnowledgeContext, a: Assertion, timex: Timex, person: Person) -> Problem | None:
    """ "Barack Obama was first elected president in 2004": the pack's elections of that person,
    or where it lists none of them, the terms they were elected to."""
    if a.event != "election" and not _wins_office(ctx, a):
        return None
    claimed, present = _claimed_office(ctx, a, person), False
    if claimed is None:
        claimed, present = _present_office(ctx, a, person), True
    if claimed is None:
        return None
    office, won = claimed
    known_to = office_known_to(ctx, office)
    if known_to and timex.latest > known_to:
        return None
    if not won:
        named = named_office(ctx, *office_window(ctx, a), {office})[0]
        return _term_election_claim(ctx, a, timex, person, office) if named else None
    ordinal = stated_ordinal(ctx, a)
    if ordinal is not None:
        chosen, verb = won[ordinal - 1 : ordinal], "first elected" if ordinal == 1 else f"elected a {nth(ordinal)} time"
    elif a.trigger.lower().startswith("re"):
        chosen, verb = won[1:], "reelected"
    else:
        chosen, verb = won, "elected"
    if not chosen:
        return None
    days = tuple(_election_days(e) for e in chosen)
    if any(overlaps(timex.earliest, timex.latest, lo, hi) for lo, hi in days):
        return None
    if present and min(gap_days(timex.earliest, timex.latest, lo) for lo, _ in days) > FAR_FROM_TERM:
        return None  # far from every election to the office held now: likely another ("elected mayor in 2008")
    whens = " and ".join(on_text(When(e.year, e.date.month, e.date.day) if e.date else When(e.year)) for e in chosen)
    name = ctx.pack.office(office).name
    held = any(t.office == office for t in person.terms)
    did = f"was {verb} {name}" if held else f"won the elections to the {name}"  # a party leader's general elections
    message = f"{person.name} {did} {whens} ({pack_of(chosen[0].source)} pack)"
    return Problem(message, days, person.id, inferred=present)


def _present_office(ctx: KnowledgeContext, a: Assertion, person: Person) -> tuple[str, list[Election]] | None:
    """ "Macron, elected in 2016, faces protests": with no office named or placed, the one pack
    office the person holds on the publication date, as for an inauguration (:func:`_current_offices`)."""
    if named_office(ctx, *office_window(ctx, a), set())[1] or _not_general(ctx, a):
        return None
    held = _current_offices(ctx, person)
    return (office := held.pop(), _elections_won(ctx.pack, person, office)) if len(held) == 1 else None


def _term_days(term: Term) -> tuple[date, ...]:
    return (term.start, *term.sworn_in)


def _inauguration_claim(ctx: KnowledgeContext, a: Assertion, timex: Timex, person: Person) -> Problem | None:
    """ "Biden was inaugurated on January 21, 2021"; "Trump, sworn in for his second term in January 2021";
    "Theresa May became prime minister on July 14, 2016"; "Ramaphosa succeeded Zuma as president in 2016"."""
    if a.event not in ("inauguration", "term_start", "succession") or _succeeds_at_something(a):
        return None
    held = {t.office for t in person.terms}
    named, other = named_office(ctx, *office_window(ctx, a), held)
    if other:
        return None
    event = ctx.pack.event_type(a.event)
    hinted = set(event.offices) & held if event else set()
    current = set() if named else _current_offices(ctx, person)
    offices = named or hinted or current
    present = bool(current) and offices <= current  # no office named: the one held when the text was written
    ordinal = stated_ordinal(ctx, a)
    terms: list[Term] = []
    for office in sorted(offices):
        own = sorted((t for t in person.terms if t.office == office), key=lambda t: t.start)
        terms += own[ordinal - 1 : ordinal] if ordinal else own
    if not terms:
        return None
    if any(t.known_to and timex.latest > t.known_to for t in terms) or any(
        (k := office_known_to(ctx, o)) and timex.latest > k for o in offices
    ):
        return None
    days = [d for t in terms for d in _term_days(t)]
    if any(timex.earliest <= d <= timex.latest for d in days):
        return None
    if (
        not (named or present)
        and ordinal is None
        and min(gap_days(timex.earliest, timex.latest, d) for d in days) > FAR_FROM_TERM
    ):
        return None  # far from every term: likely another office ("sworn in as a senator")
    nearest = min(terms, key=lambda t: min(gap_days(timex.earliest, timex.latest, d) for d in _term_days(t)))
    office_name = ctx.pack.office(nearest.office).name
    sworn = f", sworn in on {' and '.join(day_text(d) for d in nearest.sworn_in)}" if nearest.sworn_in else ""
    if ordinal:
        lead = f"{person.name}'s {nth(ordinal)} term as {office_name} began on {day_text(nearest.start)}{sworn}"
    else:
        lead = f"{person.name} took office as {office_name} on {day_text(nearest.start)}{sworn}"
    message = f"{lead} ({pack_of(nearest.source)} pack)"
    return Problem(message, tuple((d, d) for d in _term_days(nearest)), person.id, inferred=present)


def _succeeds_at_something(a: Assertion) -> bool:
    """ "succeeded in winning the vote": the verb "succeed" with neither a predecessor nor an
    office is success, not a succession ("succeeded her father", "succeeded him as president")."""
    return a.trigger.lower().startswith("succeed") and not (a.participant("object") or a.participant("office"))


def _current_offices(ctx: KnowledgeContext, person: Person) -> set[str]:
    """ "Thatcher, who took office in 1981, faces a vote": with no office named, the one pack office
    the person holds on the stated publication date is the office meant; none when there is no such
    date or the person holds none or several then (another office, "took office as a senator in 2005")."""
    if ctx.published is None:
        return set()
    holding = {t.office for t in person.terms if t.covers(ctx.published)}
    return holding if len(holding) == 1 else set()


def _life_claim(ctx: KnowledgeContext, a: Assertion, timex: Timex, person: Person) -> Problem | None:
    """ "Obama was born in 1962": the pack's birth and death dates."""
    if a.event not in ("birth", "death"):
        return None
    when = person.born if a.event == "birth" else person.died
    if when is None or overlaps(timex.earliest, timex.latest, when.earliest, when.latest):
        return None
    verb = "born" if a.event == "birth" else "died"
    message = f"{person.name} {'was ' if verb == 'born' else ''}{verb} {on_text(when)} ({pack_of(person.source)} pack)"
    return Problem(message, ((when.earliest, when.latest),), person.id)


def _is_election(ctx: KnowledgeContext, a: Assertion, timex: Timex) -> bool:
    """An election event, or an event of an election: "the election was held", "voted in the midterms"."""
    start, _ = ctx.sentence(a.trigger_start, a.trigger_end)
    return (
        a.event == "election"
        or ELECTION_BEFORE.search(ctx.text, start, a.trigger_start) is not None
        or (a.trigger_end <= timex.start and ELECTION_BETWEEN.match(ctx.text[a.trigger_end : timex.start]) is not None)
    )


def _election_office(ctx: KnowledgeContext, a: Assertion, timex: Timex) -> tuple[str, bool] | None:
    """The office a person-less election is for, from the sentence and the document; flag: inferred.

    An office the sentence names ("the 2018 U.S. presidential election") is taken even in a year
    the pack lists no election of it: the pack's year rule then decides. Otherwise the office
    must have an election that year ("the election was held on November 6, 2024").
    """
    start, end = ctx.sentence(a.trigger_start, a.trigger_end)
    sentence = ctx.text[start:end].lower()
    ruled = {c.office for c in ctx.pack.constraints if c.office and c.expr and _only_election(c.expr)}
    offices = [o for o in (ctx.pack.office(x) for x in sorted(ruled)) if o is not None]
    places = {o.jurisdiction for o in offices if ctx.names_place(o.jurisdiction)}
    if len(places) != 1:
        return None
    place = places.pop()
    local = [o for o in offices if o.jurisdiction == place]
    year = timex.fields.year or timex.earliest.year
    written = timex.fields.year is not None and timex.anchor == "explicit"
    titled = _titled_election_office(ctx, sentence, local) if written else None  # "the Nov. 8 election": whose year?
    if "midterm" in sentence:
        chosen = [o for o in local if any(e.kind == "midterm" for e in ctx.pack.elections_for(o.id, year))]
    elif titled is not None:
        chosen = [titled]
    else:
        chosen = [o for o in local if ctx.pack.elections_for(o.id, year)]
        if not chosen and written and "general election" in sentence and len(local) == 1:
            chosen = local
    if len(chosen) != 1:
        return None
    named = titled is not None or any(w in sentence for w in ("midterm", "general election"))
    explicit = named and in_place(ctx.pack, sentence, place)
    return chosen[0].id, not explicit


def _titled_election_office(ctx: KnowledgeContext, sentence: str, local: list[Office]) -> Office | None:
    """The local office an election's title form names ("presidential" -> President of the United States)."""
    words = office_words(ctx.pack.titles, frozenset(ctx.pack.title_forms))
    found = {ctx.pack.title_forms.get(m.group(1).lower(), m.group(1)) for m in words.finditer(sentence)}
    named = {o.id for t in found for o in ctx.pack.offices_titled(t)}
    chosen = [o for o in local if o.id in named]
    return chosen[0] if len(chosen) == 1 else None


def _nearest(pack: Pack, office: str, year: int) -> str:
    """ "; the pack lists none in 1996 (April 9, 1992 and May 1, 1997)": the general elections around a year."""
    general = sorted(
        (e for e in pack.elections if e.office == office and e.kind == "general" and e.date), key=lambda e: e.year
    )
    before = [e for e in general if e.year < year][-1:]
    after = [e for e in general if e.year > year][:1]
    if not before or not after:
        return ""
    return f"; the pack lists none in {year} ({day_text(before[0].date)} and {day_text(after[0].date)})"


def _not_general(ctx: KnowledgeContext, a: Assertion) -> bool:
    """A primary, caucus, runoff, special or local election: the general-election rules do not apply."""
    start, _ = ctx.sentence(a.trigger_start, a.trigger_end)
    return NOT_GENERAL.search(ctx.text, max(start, a.trigger_start - 40), a.trigger_end + 12) is not None


def _only_election(expr: str) -> bool:
    return events(expr) == {"election"}


def _election_day_claim(ctx: KnowledgeContext, a: Assertion, timex: Timex) -> Problem | None:
    """ "The election was held on November 6, 2024": the pack's calendar rules for elections."""
    if not _is_election(ctx, a, timex) or candidates(ctx, a)[0] or _not_general(ctx, a):
        return None
    found = _election_office(ctx, a, timex)
    if found is None:
        return None
    office, context = found
    if timex.earliest != timex.latest and context:
        return None  # a year or month: only for an election whose office and country the sentence names

    bindings = {"election": (timex.earliest.toordinal(), timex.latest.toordinal())}
    for constraint in ctx.pack.constraints:
        if constraint.office != office or not constraint.expr or not _only_election(constraint.expr):
            continue
        applies = constraint.when is None or evaluate(parse(constraint.when), bindings)
        if applies and evaluate(parse(constraint.expr), bindings) is False:
            held = [e for e in ctx.pack.elections_for(office, timex.earliest.year) if e.date]
            fact = (
                f"; the {timex.earliest.year} election was held on {day_text(held[0].date)}"
                if held
                else _nearest(ctx.pack, office, timex.earliest.year)
            )
            message = f"{constraint.message}{fact} ({constraint.pack or pack_of(constraint.source)} pack)"
            return Problem(message, tuple((e.date, e.date) for e in held), inferred=context)
    return None


def _entity_claim(ctx: KnowledgeContext, a: Assertion, timex: Timex) -> Problem | None:
    """ "The Acme bridge opened on May 5, 2019" against a house fact (Acme bridge, opening, 2019-05-03).

    The entity is found by name in the claim's sentence; a sentence naming two
    entities with facts of this event type is left alone.
    """
    start, end = ctx.sentence(a.trigger_start, a.trigger_end)
    sentence = f" {name_key(ctx.text[start:end])} "
    facts = [f for f in ctx.pack.facts if f.event == a.event]
    named = {f.entity: f for f in facts if any(f" {name_key(n)} " in sentence for n in (f.entity, *f.aliases))}
    if len(named) != 1:
        return None
    fact = named.popitem()[1]
    same = [f for f in facts if f.entity == fact.entity]
    if any(overlaps(timex.earliest, timex.latest, f.when.earliest, f.when.latest) for f in same):
        return None
    whens = " and ".join(on_text(f.when) for f in same)
    message = f"{fact.entity}: {a.event.replace('_', ' ')} {whens} ({fact.pack or pack_of(fact.source)} pack)"
    return Problem(message, tuple((f.when.earliest, f.when.latest) for f in same))


PERSON_CHECKS = (_election_claim, _inauguration_claim, _life_claim)
OTHER_CHECKS = (_election_day_claim, _entity_claim, pair_rule_claim, count_claim, single_rule_claim)


def _person_problem(ctx: KnowledgeContext, a: Assertion, timex: Timex) -> Problem | None:
    """A claim about a person the pack rules out; with a shared surname ("Bush"), only if it
    is wrong for everyone the name may denote (a date that fits one of them picks that one)."""
    people_meant, inferred = candidates(ctx, a)
    if len(people_meant) > 1:  # "Johnson was born in 1950" may be about anyone called Johnson
        people_meant = tuple(p for p in people_meant if _names_their_office(ctx, a, p))
    for claim_check in PERSON_CHECKS:
        problems = [claim_check(ctx, a, timex, p) for p in people_meant]
        if not people_meant or None in problems:
            continue
        if len(problems) == 1:
            return replace(problems[0], inferred=inferred or problems[0].inferred)
        message = "; ".join(p.message for p in problems)
        return Problem(f"whoever is meant: {message}", tuple(d for p in problems for d in p.fact_days), None, True)
    return None


def _names_their_office(ctx: KnowledgeContext, a: Assertion, person: Person) -> bool:
    """Does the claim name an office the person held ("Johnson was sworn in as president")?"""
    return bool(named_office(ctx, *office_window(ctx, a), {t.office for t in person.terms})[0])


def _problem(ctx: KnowledgeContext, a: Assertion, timex: Timex) -> Problem | None:
    return _person_problem(ctx, a, timex) or next(
        (p for p in (claim_check(ctx, a, timex) for claim_check in OTHER_CHECKS) if p is not None), None
    )


def _direct(ctx: KnowledgeContext, a: Assertion, timex: Timex) -> bool:
    """Does the date date the event itself? Not when an offset stands between them
    ("On Nov. 18, 2016, 10 days after Trump won the election")."""
    lo, hi = (timex.end, a.trigger_start) if timex.end <= a.trigger_start else (a.trigger_end, timex.start)
    return not OFFSET_WORDS.search(ctx.text[lo:hi])


def _checkable(ctx: KnowledgeContext, a: Assertion, timex: Timex) -> bool:
    """An asserted, positive claim dated directly by a date whose year is written, or a
    past-tense claim on a day whose year was inferred ("was inaugurated on January 21")."""
    if a.modality != "asserted" or a.polarity != "positive" or a.relation != "at":
        return False
    if timex.earliest is None or timex.latest is None or timex.mod is not None:
        return False
    stated = timex.fields.year is not None and timex.anchor == "explicit"
    day_in_past = timex.fields.day is not None and timex.anchor in ("dct", "tense") and a.tense == "past"
    return (stated or day_in_past) and _direct(ctx, a, timex)


def _related(ctx: KnowledgeContext, claim: Assertion, problem: Problem) -> tuple[Related, ...]:
    """Other statements of the same event (and person) in the document that agree with the pack."""
    out = []
    for other in ctx.analysis.assertions:
        timex = ctx.analysis.timexes[other.timex]
        if other.id == claim.id or other.event != claim.event or timex.earliest is None or timex.latest is None:
            continue
        if not any(overlaps(timex.earliest, timex.latest, lo, hi) for lo, hi in problem.fact_days):
            continue
        who, _ = candidates(ctx, other)
        if [p.id for p in who] == ([problem.person] if problem.person else []):
            out.append(Related(ctx.claim_span(other), "the document gives the pack's date here"))
    return tuple(out)


@check(CONTRADICTION, scope="knowledge")
def contradictions(analysis: Analysis, pack: Pack) -> Iterator[Finding]:
    """Dated claims about elections, inaugurations, births and deaths that the pack rules out."""
    ctx = KnowledgeContext(analysis, pack)
    told: set[tuple[int, str]] = set()  # one finding per fact and sentence ("the 2018 election was held on ...")
    for assertion in analysis.assertions:
        timex = analysis.timexes[assertion.timex]
        if not _checkable(ctx, assertion, timex) or inside(assertion.trigger_start, ctx.quotes):
            continue
        problem = _problem(ctx, assertion, timex)
        key = (ctx.sentence(assertion.trigger_start, assertion.trigger_end)[0], problem.message if problem else "")
        if problem is None or key in told:
            continue
        told.add(key)
        explicit_time = timex.anchor == "explicit" and timex.fields.year is not None
        severity: Severity = "error" if explicit_time and not problem.inferred else "warning"
        yield CONTRADICTION.finding(
            f"{quoted(timex.text)} contradicts the pack: {problem.message}",
            ctx.claim_span(assertion),
            severity=severity,
            related=_related(ctx, assertion, problem),
        )
    yield from _tenure_findings(ctx)


def _tenure_findings(ctx: KnowledgeContext) -> Iterator[Finding]:
    """ "X, prime minister since October 2021": stated tenures the pack's terms rule out."""
    for tenure in stated_tenures(ctx):
        found = tenure_problem(ctx, tenure)
        if found is None or inside(tenure.start.start, ctx.quotes):
            continue
        timex, problem = found
        yield CONTRADICTION.finding(
            f"{quoted(timex.text)} contradicts the pack: {problem.message}", ctx.span(timex.start, timex.end)
        )
