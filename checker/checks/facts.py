"""Claims checked against the knowledge packs.

``facts/contradiction``: a dated claim about a person, an election or a registered
entity that a pack fact or calendar rule rules out ("Barack Obama was first
elected president in 2004": 2008; "Biden was inaugurated on January 21, 2021":
January 20; "the election was held on November 6, 2024": the Tuesday after the
first Monday; house facts: "the Acme bridge opened on May 5, 2019").
``facts/title-anachronism``: a title before a name ("President Obama") for a
time when the person held that office neither at the event nor when the text
was written.

Both rules take the Pack explicitly (``contradictions(analysis, pack)``); the
engine passes the packs of the run (built-in, user packs, house facts). Precision
first: a claim is flagged only when every day of its date is excluded, the name
resolves to the pack person (a shared surname to everyone it may denote, each of
them contradicted), the office is named or implied by the pack's event, and the
time lies within what the pack knows (``known_to``/``current_to``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property, lru_cache
from pathlib import PurePath

from checker.assertions import quoted_ranges
from checker.checks import quoted
from checker.knowledge import expression_names
from checker.knowledge.packs import Election, Pack, Person, Term, When, name_key
from checker.model import (
    Analysis,
    Assertion,
    Finding,
    Fix,
    Related,
    Severity,
    Span,
    Timex,
)

# Words naming an office no pack covers: a claim about them is not about the pack's office.
OTHER_OFFICES = re.compile(
    r"\b(senate|senator|congress(?:man|woman)?|(?<!white )house|representative|governor|mayor|legislature|assembly|"
    r"council|party|leader|leadership|chair(?:man|woman)?|speaker|judge|justice|court|board|seat|district|"
    r"attorney|secretary|minister of|mp|lawmaker|office of)\b",
    re.IGNORECASE,
)
# Adjectives and nouns that name an office through its title.
TITLE_FORMS = {"presidential": "president", "presidency": "president", "premiership": "prime minister",
               "chancellorship": "chancellor", "vice presidential": "vice president",
               "vice presidency": "vice president"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
TERM_ORDINAL = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:\w+\s+)?term\b", re.IGNORECASE)
FIRST_BEFORE = re.compile(r"\bfirst\s+(?:\w+\s+)?$", re.IGNORECASE)
FIRST_AFTER = re.compile(r"\s+for the first time\b", re.IGNORECASE)
NOT_CURRENT = re.compile(
    r"(?:\b(?:former|then|ex|late|past|future|incoming|would|one|onetime|erstwhile|deputy|vice|acting|interim)"
    r"[\s\-]*(?:be|time)?[\s\-]*|-)$",
    re.IGNORECASE,
)
PRESENT_VERBS = frozenset(["says", "tells", "is", "wants", "insists", "argues", "believes", "thinks", "plans", "hopes"])
# Context words that place an election in a jurisdiction the pack names.
JURISDICTION_WORDS = {
    "United States": r"\bU\.\s?S\.|\bUS\b|\bAmerican|\bAmerica\b|\bCongress|\bRepublicans?\b|\bDemocrats?\b",
    "United Kingdom": r"\bU\.\s?K\.|\bUK\b|\bBritain|\bBritish|\bWestminster|\bLabour\b|\bTory|\bTories",
}
SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+(?=[\"“A-Z])|\n\s*\n")
ABBREVIATION = re.compile(r"(?:\b[A-Z]|\bU\.S|\bU\.K|\bMr|\bMrs|\bMs|\bDr|\bSt|\bJr|\bSr)\.$")
OF_PHRASE = re.compile(r"\s+(?:of|at)\s+((?:the\s+)?\S+(?:\s+\S+)?)")
ELECTION_BEFORE = re.compile(r"\b(?:elections?|midterms?|vote|polls)\b(?:[^,.;:]{0,20}|,\s*)$", re.IGNORECASE)
ELECTION_BETWEEN = re.compile(r"^[^,.;:]{0,30}\b(?:elections?|midterms?|polls)\b[^,.;:]{0,10}$", re.IGNORECASE)
OFFSET_WORDS = re.compile(r"\b(?:after|before|since|later|earlier|ago|following|prior)\b", re.IGNORECASE)
NAMED_THING = re.compile(r"\b(?:the|a|an|HMS|RMS|USS|MS|SS|MV)\s+$", re.IGNORECASE)
ELECT = re.compile(r"[\-\s]elect\b", re.IGNORECASE)
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "senator", "sen", "rep", "gov"})
NAME_WORD = r"(?:[A-Z][\w'’\-]*\.?|[A-Z]\.)"


def _day(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _when(when: When) -> str:
    return _day(when.earliest) if when.day else (f"{when.earliest:%B} {when.year}" if when.month else str(when.year))


def _on(when: When) -> str:
    return f"on {_when(when)}" if when.day else f"in {_when(when)}"


def _pack_of(source: str) -> str:
    """The pack a fact came from, named by its file ("rules/us-politics.yaml:12" -> us-politics)."""
    return PurePath(source.rsplit(":", 1)[0]).stem if source else "knowledge"


def _overlaps(lo: date, hi: date, other_lo: date, other_hi: date) -> bool:
    return lo <= other_hi and other_lo <= hi


def _gap(lo: date, hi: date, day: date) -> int:
    """Days between an interval and a day (0 inside)."""
    return max((lo - day).days, (day - hi).days, 0)


# ---------------------------------------------------------------- the document


@dataclass(frozen=True)
class _Context:
    """One analysis and the pack, with the lookups every check shares."""

    analysis: Analysis
    pack: Pack

    @property
    def text(self) -> str:
        return self.analysis.document.text

    @cached_property
    def name_text(self) -> str:
        return f" {name_key(self.text)} "

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        return quoted_ranges(self.text)

    @cached_property
    def _breaks(self) -> tuple[list[int], list[int]]:
        """Where sentences end and the next ones begin; a period after "U.S." or "Mr" ends none."""
        found = [
            (m.start() + 1, m.end())
            for m in SENTENCE_END.finditer(self.text)
            if not ABBREVIATION.search(self.text, max(0, m.start() - 4), m.start() + 1)
        ]
        return [end for end, _ in found], [begin for _, begin in found]

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The approximate sentence around ``[start, end)``."""
        ends, begins = self._breaks
        before = bisect.bisect_right(begins, start)
        after = bisect.bisect_right(ends, end)
        return (begins[before - 1] if before else 0), (ends[after] if after < len(ends) else len(self.text))

    def span(self, start: int, end: int) -> Span:
        return self.analysis.document.source_span(start, end)

    def claim_span(self, assertion: Assertion) -> Span:
        timex = self.analysis.timexes[assertion.timex]
        return self.span(min(assertion.trigger_start, timex.start), max(assertion.trigger_end, timex.end))

    def mentions_fully(self, person: Person) -> bool:
        """Does the text name the person with more than a surname ("George W. Bush")?"""
        names = {person.name, *person.aliases}
        return any(f" {name_key(n)} " in self.name_text for n in names if len(name_key(n).split()) >= 2)

    @cached_property
    def published(self) -> date | None:
        return self.analysis.document.stated_published


def people(ctx: _Context, name: str) -> tuple[tuple[Person, ...], bool]:
    """The pack people a written name may denote, and whether context had to choose.

    Leading titles, honorifics and datelines are dropped ("U.S. President Donald Trump"
    -> "Donald Trump"), never a given name ("Hillary Clinton" is not "Clinton"). A surname
    shared by several people ("Bush") is kept only if the text names exactly one in full.
    """
    words = name.split()
    for i in range(len(words)):
        if i and not _droppable(words[i - 1], ctx.pack.title_words):
            break
        found = ctx.pack.people_named(" ".join(words[i:]))
        if len(found) == 1:
            return found, False
        if found:
            named = tuple(p for p in found if ctx.mentions_fully(p))
            return (named, True) if len(named) == 1 else (found, True)
    return (), False


def _droppable(word: str, title_words: frozenset[str]) -> bool:
    """A word before a name that is not part of it: a title word, an honorific, lowercase, a DATELINE."""
    return word.isupper() or not word[:1].isupper() or name_key(word) in title_words | HONORIFICS


def candidates(ctx: _Context, assertion: Assertion) -> tuple[tuple[Person, ...], bool]:
    """The pack people the claim is about: the first role (object, then subject) that names
    any; the flag says a pronoun, surname or context had to be resolved. An active "swore in"
    is about its object only ("Roberts swore in Obama")."""
    active = assertion.trigger.lower().split()[0] in ("swore", "swears", "inaugurates")
    for role in ("object",) if active else ("object", "subject"):
        name = assertion.participant(role)
        found, chosen = people(ctx, name) if name else ((), False)
        if found:
            return found, chosen or len(found) > 1 or "participant" in assertion.inferred
    return (), False


# ---------------------------------------------------------------- offices named near a claim


@lru_cache(maxsize=8)
def _office_words(titles: frozenset[str]) -> re.Pattern[str]:
    """Any title or office noun, any case, longest first: "elected vice president", "won the presidency"."""
    ordered = sorted({t.lower() for t in titles} | set(TITLE_FORMS), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(t) for t in ordered) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=8)
def _titled_names(titles: frozenset[str]) -> re.Pattern[str]:
    """A capitalized title, longest first, then up to four name words: "U.S. President Donald Trump"."""
    ordered = sorted((t for t in titles if t[0].isupper()), key=len, reverse=True)
    name = NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,3}"
    return re.compile(r"\b(" + "|".join(re.escape(t) for t in ordered) + r")\s+(" + name + ")")


def named_office(ctx: _Context, start: int, end: int, held: set[str]) -> tuple[set[str], bool]:
    """Offices (among ``held``) a title in ``text[start:end]`` names, and whether a word names another office.

    The first office word wins: "elected to the Senate in 2004" is about the Senate
    even if "president" comes later in the sentence.
    """
    window = ctx.text[start:end]
    known = _office_words(ctx.pack.titles).search(window)
    other = OTHER_OFFICES.search(window)
    if other and (known is None or other.start() < known.start()):
        return set(), True
    if known is None:
        return set(), False
    title = TITLE_FORMS.get(known.group(1).lower(), known.group(1))
    offices = {o.id for o in ctx.pack.offices_titled(title)} & held
    of = OF_PHRASE.match(window, known.end())
    if of and not any(_in_place(of.group(1), ctx.pack.office(o).jurisdiction) for o in offices):
        return set(), True  # "president of the Harvard Law Review"
    return offices, False


def _ordinal(ctx: _Context, assertion: Assertion) -> int | None:
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


def _office_window(ctx: _Context, assertion: Assertion) -> tuple[int, int]:
    _, end = ctx.sentence(assertion.trigger_start, assertion.trigger_end)
    return assertion.trigger_start, min(end, assertion.trigger_end + 60)


# ---------------------------------------------------------------- facts/contradiction


@dataclass(frozen=True)
class _Problem:
    """What a claim contradicts: the pack fact in words and the days the fact allows."""

    message: str
    fact_days: tuple[tuple[date, date], ...]
    person: str | None = None
    inferred: bool = False


def _elections_won(pack: Pack, person: Person, office: str) -> list[Election]:
    """Elections that brought the person to the office: as winner, or as running mate who then held it."""
    def by_running_mate(e: Election) -> bool:
        day = e.date or date(e.year, 11, 1)
        return e.running_mate == person.id and any(
            t.office == office and 0 <= (t.start - day).days <= 150 for t in person.terms
        )
    return [e for e in pack.elections_of(person.id) if (e.office == office and e.winner == person.id) or by_running_mate(e)]


def _election_days(e: Election) -> tuple[date, date]:
    return (e.date, e.date) if e.date else (date(e.year, 1, 1), date(e.year + 1, 2, 28))


def _known_to(ctx: _Context, office: str) -> date | None:
    found = ctx.pack.office(office)
    return found.known_to if found and found.known_to else ctx.pack.current_to


def _wins_office(a: Assertion) -> bool:
    """ "won the presidency": an election the packs' vocabulary leaves to the object."""
    return a.trigger.lower() in ("won", "wins", "win") and (a.participant("object") or "").lower() in TITLE_FORMS


def _election_claim(ctx: _Context, a: Assertion, timex: Timex, person: Person) -> _Problem | None:
    """ "Barack Obama was first elected president in 2004": the pack's elections of that person."""
    if a.event != "election" and not _wins_office(a):
        return None
    held = {t.office for t in person.terms}
    offices, other = named_office(ctx, *_office_window(ctx, a), held)
    if other or len(offices) != 1:
        return None
    office = offices.pop()
    known_to = _known_to(ctx, office)
    won = _elections_won(ctx.pack, person, office)
    if not won or (known_to and timex.latest > known_to):
        return None
    ordinal = _ordinal(ctx, a)
    if ordinal is not None:
        chosen, verb = won[ordinal - 1 : ordinal], "first elected" if ordinal == 1 else f"elected a {_nth(ordinal)} time"
    elif a.trigger.lower().startswith("re"):
        chosen, verb = won[1:], "reelected"
    else:
        chosen, verb = won, "elected"
    if not chosen:
        return None
    days = tuple(_election_days(e) for e in chosen)
    if any(_overlaps(timex.earliest, timex.latest, lo, hi) for lo, hi in days):
        return None
    whens = " and ".join(_on(When(e.year, e.date.month, e.date.day) if e.date else When(e.year)) for e in chosen)
    message = f"{person.name} was {verb} {ctx.pack.office(office).name} {whens} ({_pack_of(chosen[0].source)} pack)"
    return _Problem(message, days, person.id)


def _nth(n: int) -> str:
    return {v: k for k, v in ORDINALS.items() if k.isalpha()}[n]


def _term_days(term: Term) -> tuple[date, ...]:
    return (term.start, *term.sworn_in)


def _inauguration_claim(ctx: _Context, a: Assertion, timex: Timex, person: Person) -> _Problem | None:
    """ "Biden was inaugurated on January 21, 2021"; "Trump, sworn in for his second term in January 2021";
    "Theresa May became prime minister on July 14, 2016"."""
    if a.event not in ("inauguration", "term_start"):
        return None
    held = {t.office for t in person.terms}
    named, other = named_office(ctx, *_office_window(ctx, a), held)
    if other:
        return None
    event = ctx.pack.event_type(a.event)
    hinted = set(event.offices) & held if event else set()
    offices = named or hinted
    ordinal = _ordinal(ctx, a)
    terms: list[Term] = []
    for office in sorted(offices):
        own = sorted((t for t in person.terms if t.office == office), key=lambda t: t.start)
        terms += own[ordinal - 1 : ordinal] if ordinal else own
    if not terms:
        return None
    if any(t.known_to and timex.latest > t.known_to for t in terms) or any(
        (k := _known_to(ctx, o)) and timex.latest > k for o in offices
    ):
        return None
    days = [d for t in terms for d in _term_days(t)]
    if any(timex.earliest <= d <= timex.latest for d in days):
        return None
    if not named and ordinal is None and min(_gap(timex.earliest, timex.latest, d) for d in days) > 400:
        return None  # far from every term: likely another office ("sworn in as a senator")
    nearest = min(terms, key=lambda t: min(_gap(timex.earliest, timex.latest, d) for d in _term_days(t)))
    office_name = ctx.pack.office(nearest.office).name
    sworn = f", sworn in on {' and '.join(_day(d) for d in nearest.sworn_in)}" if nearest.sworn_in else ""
    if ordinal:
        lead = f"{person.name}'s {_nth(ordinal)} term as {office_name} began on {_day(nearest.start)}{sworn}"
    else:
        lead = f"{person.name} took office as {office_name} on {_day(nearest.start)}{sworn}"
    message = f"{lead} ({_pack_of(nearest.source)} pack)"
    return _Problem(message, tuple((d, d) for d in _term_days(nearest)), person.id)


def _life_claim(ctx: _Context, a: Assertion, timex: Timex, person: Person) -> _Problem | None:
    """ "Obama was born in 1962": the pack's birth and death dates."""
    if a.event not in ("birth", "death"):
        return None
    when = person.born if a.event == "birth" else person.died
    if when is None or _overlaps(timex.earliest, timex.latest, when.earliest, when.latest):
        return None
    verb = "born" if a.event == "birth" else "died"
    message = f"{person.name} {'was ' if verb == 'born' else ''}{verb} {_on(when)} ({_pack_of(person.source)} pack)"
    return _Problem(message, ((when.earliest, when.latest),), person.id)


def _is_election(ctx: _Context, a: Assertion, timex: Timex) -> bool:
    """An election event, or an event of an election: "the election was held", "voted in the midterms"."""
    start, _ = ctx.sentence(a.trigger_start, a.trigger_end)
    return (
        a.event == "election"
        or ELECTION_BEFORE.search(ctx.text, start, a.trigger_start) is not None
        or (a.trigger_end <= timex.start and ELECTION_BETWEEN.match(ctx.text[a.trigger_end : timex.start]) is not None)
    )


def _election_office(ctx: _Context, a: Assertion, timex: Timex) -> tuple[str, bool] | None:
    """The office a person-less election is for, from the sentence and the document; flag: inferred."""
    start, end = ctx.sentence(a.trigger_start, a.trigger_end)
    sentence = ctx.text[start:end].lower()
    ruled = {c.office for c in ctx.pack.constraints if c.office and c.expr and _only_election(c.expr)}
    offices = [o for o in (ctx.pack.office(x) for x in sorted(ruled)) if o is not None]
    places = {o.jurisdiction for o in offices if _in_place(ctx.text, o.jurisdiction)}
    if len(places) != 1:
        return None
    place = places.pop()
    local = [o for o in offices if o.jurisdiction == place]
    year = timex.fields.year or timex.earliest.year
    chosen = [o for o in local if ctx.pack.elections_for(o.id, year)]
    if "midterm" in sentence:
        chosen = [o for o in chosen if any(e.kind == "midterm" for e in ctx.pack.elections_for(o.id, year))]
    elif "presidential" in sentence:
        chosen = [o for o in chosen if o.name.startswith("President")]
    if len(chosen) != 1:
        return None
    explicit = any(w in sentence for w in ("midterm", "presidential", "general election")) and _in_place(sentence, place)
    return chosen[0].id, not explicit


def _only_election(expr: str) -> bool:
    return expression_names.events(expr) == {"election"}


def _in_place(text: str, jurisdiction: str) -> bool:
    """Does the text name the jurisdiction (its name, or a word for it: "U.S.", "British")?"""
    words = "|".join(filter(None, (re.escape(jurisdiction), JURISDICTION_WORDS.get(jurisdiction))))
    return re.search(words, text, re.IGNORECASE if text.islower() else 0) is not None


def _election_day_claim(ctx: _Context, a: Assertion, timex: Timex) -> _Problem | None:
    """ "The election was held on November 6, 2024": the pack's calendar rules for elections."""
    if not _is_election(ctx, a, timex) or timex.earliest != timex.latest or candidates(ctx, a)[0]:
        return None
    found = _election_office(ctx, a, timex)
    if found is None:
        return None
    office, context = found
    from checker.knowledge import (
        expressions,  # sympy: only once a claim is checked against a rule
    )

    day = timex.earliest.toordinal()
    bindings = {"election": (day, day)}
    for constraint in ctx.pack.constraints:
        if constraint.office != office or not constraint.expr or not _only_election(constraint.expr):
            continue
        applies = constraint.when is None or expressions.evaluate(expressions.parse(constraint.when), bindings)
        if applies and expressions.evaluate(expressions.parse(constraint.expr), bindings) is False:
            held = [e for e in ctx.pack.elections_for(office, timex.earliest.year) if e.date]
            fact = f"; the {timex.earliest.year} election was held on {_day(held[0].date)}" if held else ""
            message = f"{constraint.message}{fact} ({constraint.pack or _pack_of(constraint.source)} pack)"
            return _Problem(message, tuple((e.date, e.date) for e in held), inferred=context)
    return None


def _entity_claim(ctx: _Context, a: Assertion, timex: Timex) -> _Problem | None:
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
    if any(_overlaps(timex.earliest, timex.latest, f.when.earliest, f.when.latest) for f in same):
        return None
    whens = " and ".join(_on(f.when) for f in same)
    message = f"{fact.entity}: {a.event.replace('_', ' ')} {whens} ({fact.pack or _pack_of(fact.source)} pack)"
    return _Problem(message, tuple((f.when.earliest, f.when.latest) for f in same))


PERSON_CHECKS = (_election_claim, _inauguration_claim, _life_claim)
OTHER_CHECKS = (_election_day_claim, _entity_claim)


def _person_problem(ctx: _Context, a: Assertion, timex: Timex) -> _Problem | None:
    """A claim about a person the pack rules out; with a shared surname ("Bush"), only if it
    is wrong for everyone the name may denote (a date that fits one of them picks that one)."""
    people_meant, inferred = candidates(ctx, a)
    if len(people_meant) > 1:  # "Johnson was born in 1950" may be about anyone called Johnson
        people_meant = tuple(p for p in people_meant if _names_their_office(ctx, a, p))
    for check in PERSON_CHECKS:
        problems = [check(ctx, a, timex, p) for p in people_meant]
        if not people_meant or None in problems:
            continue
        if len(problems) == 1:
            return replace(problems[0], inferred=inferred)
        message = "; ".join(p.message for p in problems)
        return _Problem(f"whoever is meant: {message}", tuple(d for p in problems for d in p.fact_days), None, True)
    return None


def _names_their_office(ctx: _Context, a: Assertion, person: Person) -> bool:
    """Does the claim name an office the person held ("Johnson was sworn in as president")?"""
    return bool(named_office(ctx, *_office_window(ctx, a), {t.office for t in person.terms})[0])


def _problem(ctx: _Context, a: Assertion, timex: Timex) -> _Problem | None:
    return _person_problem(ctx, a, timex) or next(
        (p for p in (check(ctx, a, timex) for check in OTHER_CHECKS) if p is not None), None
    )


def _direct(ctx: _Context, a: Assertion, timex: Timex) -> bool:
    """Does the date date the event itself? Not when an offset stands between them
    ("On Nov. 18, 2016, 10 days after Trump won the election")."""
    lo, hi = (timex.end, a.trigger_start) if timex.end <= a.trigger_start else (a.trigger_end, timex.start)
    return not OFFSET_WORDS.search(ctx.text[lo:hi])


def _checkable(ctx: _Context, a: Assertion, timex: Timex) -> bool:
    """An asserted, positive claim dated directly by a date whose year is written, or a
    past-tense claim on a day whose year was inferred ("was inaugurated on January 21")."""
    if a.modality != "asserted" or a.polarity != "positive" or a.relation != "at":
        return False
    if timex.earliest is None or timex.latest is None or timex.mod is not None:
        return False
    stated = timex.fields.year is not None and timex.anchor == "explicit"
    day_in_past = timex.fields.day is not None and timex.anchor in ("dct", "tense") and a.tense == "past"
    return (stated or day_in_past) and _direct(ctx, a, timex)


def _related(ctx: _Context, claim: Assertion, problem: _Problem) -> tuple[Related, ...]:
    """Other statements of the same event (and person) in the document that agree with the pack."""
    out = []
    for other in ctx.analysis.assertions:
        timex = ctx.analysis.timexes[other.timex]
        if other.id == claim.id or other.event != claim.event or timex.earliest is None or timex.latest is None:
            continue
        if not any(_overlaps(timex.earliest, timex.latest, lo, hi) for lo, hi in problem.fact_days):
            continue
        who, _ = candidates(ctx, other)
        if [p.id for p in who] == ([problem.person] if problem.person else []):
            out.append(Related(ctx.claim_span(other), "the document gives the pack's date here"))
    return tuple(out)


def contradictions(analysis: Analysis, pack: Pack) -> Iterator[Finding]:
    """Dated claims about elections, inaugurations, births and deaths that the pack rules out."""
    ctx = _Context(analysis, pack)
    for assertion in analysis.assertions:
        timex = analysis.timexes[assertion.timex]
        if not _checkable(ctx, assertion, timex) or _inside(assertion.trigger_start, ctx.quotes):
            continue
        problem = _problem(ctx, assertion, timex)
        if problem is None:
            continue
        explicit_time = timex.anchor == "explicit" and timex.fields.year is not None
        severity: Severity = "error" if explicit_time and not problem.inferred else "warning"
        yield Finding(
            rule="facts/contradiction",
            severity=severity,
            message=f"{quoted(timex.text)} contradicts the pack: {problem.message}",
            span=ctx.claim_span(assertion),
            related=_related(ctx, assertion, problem),
        )


def _inside(offset: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start < offset < end for start, end in ranges)


# ---------------------------------------------------------------- facts/title-anachronism


@dataclass(frozen=True)
class _Titled:
    """ "President Obama" in the text: the title's and the name's offsets and the people it may be."""

    title: str
    start: int
    name_end: int
    name: str
    people: tuple[Person, ...]
    offices: tuple[str, ...]  # the offices of that title the people held, in pack order


def titled_mentions(ctx: _Context) -> Iterator[_Titled]:
    """Title + name pairs whose name is a pack person who held an office of that title.

    Skipped: a qualifier before the title ("former", "then-", "late"), a name used
    as a name ("the Queen Elizabeth", "HMS Queen Elizabeth"), "-elect" titles, names
    that run on past the person ("Queen Elizabeth II Conference Centre"), and titles
    of offices the person never held (the pack does not cover that office:
    "Chancellor Rishi Sunak").
    """
    for m in _titled_names(ctx.pack.titles).finditer(ctx.text):
        before = ctx.text[max(0, m.start() - 20) : m.start()]
        if NOT_CURRENT.search(before) or NAMED_THING.search(before) or ELECT.match(ctx.text, m.end(1)):
            continue
        name = m.group(2).rstrip(".")
        found, _ = people(ctx, name)
        if not found or not any(name_key(name) in {name_key(n) for n in (p.name, *p.aliases)} for p in found):
            continue
        titled = [o.id for o in ctx.pack.offices_titled(m.group(1))]
        held = tuple(o for o in titled if any(t.office == o for p in found for t in p.terms))
        holders = tuple(p for p in found if set(held) & {t.office for t in p.terms})
        if holders:
            yield _Titled(m.group(1), m.start(), m.start(2) + len(name), name, holders, held)


def _held(pack: Pack, person: Person, offices: Collection[str], lo: date, hi: date) -> bool | None:
    """Did the person hold one of the offices at some day in ``[lo, hi]``? None: the pack cannot tell."""
    unknown = False
    for term in person.terms:
        if term.office not in offices:
            continue
        end = term.end or term.known_to
        if term.start <= hi and (end is None or end >= lo):
            return True
        unknown |= term.end is None and term.known_to is not None and hi > term.known_to
    listed = [pack.office(o) for o in offices if any(t.office == o for t in person.terms)]
    if unknown or not all(o is not None and o.listed(lo) and o.listed(hi) for o in listed):
        return None
    return False


def _time_of(ctx: _Context, mention: _Titled) -> tuple[date, date, str] | None:
    """When the titled person acts: the date of the event they are the subject of, or the
    publication date for a present-tense verb right after the name ("President Obama says")."""
    sent_start, sent_end = ctx.sentence(mention.start, mention.name_end)
    key = name_key(mention.name)
    for a in ctx.analysis.assertions:
        timex = ctx.analysis.timexes[a.timex]
        if not sent_start <= a.trigger_start < sent_end:
            continue  # the titled name itself is in this sentence, so matching it is no inference
        if a.modality in ("quoted", "hypothetical") or timex.earliest is None or timex.latest is None:
            continue
        if timex.fields.month is not None and timex.fields.year is None:
            continue  # "Dec. 28: President Barack Obama signs": a chronology whose year the text leaves out
        if any(f" {key} " in f" {name_key(n)} " for _, n in a.participants) and timex.anchor != "none":
            return timex.earliest, timex.latest, timex.text
    following = re.match(r"[\s,]*(\w+)", ctx.text[mention.name_end :])
    if ctx.published and following and following.group(1) in PRESENT_VERBS:
        return ctx.published, ctx.published, "the publication date"
    return None


def _writers_present(ctx: _Context) -> tuple[date, date]:
    """The days the text may have been written: from the publication date to the latest day it
    reports as past. A text telling an inauguration after its publication date was written after
    it; that conflict is chronology/anachronism's to report, not a wrong title."""
    told = [
        ctx.analysis.timexes[a.timex].earliest
        for a in ctx.analysis.assertions
        if a.modality == "asserted" and a.tense == "past" and ctx.analysis.timexes[a.timex].fields.year is not None
    ]
    return ctx.published, max([ctx.published, *(d for d in told if d is not None)])


def title_anachronisms(analysis: Analysis, pack: Pack) -> Iterator[Finding]:
    """Titles for a time when the person held the office neither then nor when the text was written."""
    ctx = _Context(analysis, pack)
    if ctx.published is None:
        return  # a current holder's title may describe the past ("President Trump won in 2016"): needs the date
    now = _writers_present(ctx)
    for mention in titled_mentions(ctx):
        if _inside(mention.start, ctx.quotes):
            continue
        when = _time_of(ctx, mention)
        if when is None:
            continue
        lo, hi, said = when
        if any(_historical(p, now[0], lo) for p in mention.people):
            continue
        states = [(_held(pack, p, mention.offices, lo, hi), _held(pack, p, mention.offices, *now)) for p in mention.people]
        if any(at is not False or written is not False for at, written in states):
            continue
        yield _title_finding(ctx, mention, lo, hi, said)


def _historical(person: Person, published: date, event: date) -> bool:
    """Dead before publication, and the event in their lifetime: "President Lincoln was born in
    1809" is how history names him, not an anachronism (an event after the death still is)."""
    return person.died is not None and person.died.latest < published and event <= person.died.latest


def _tenures(terms: Sequence[Term]) -> list[tuple[date, date | None]]:
    """Terms in order, back-to-back ones joined (Obama: 2009 to 2017)."""
    out: list[tuple[date, date | None]] = []
    for term in sorted(terms, key=lambda t: t.start):
        if out and out[-1][1] is not None and out[-1][1] >= term.start:
            out[-1] = (out[-1][0], term.end)
        else:
            out.append((term.start, term.end))
    return out


def _title_finding(ctx: _Context, mention: _Titled, lo: date, hi: date, said: str) -> Finding:
    terms = [t for p in mention.people for t in p.terms if t.office in mention.offices]
    offices = [ctx.pack.office(o).name for o in mention.offices]
    office = offices[0] if len(offices) == 1 else f"{', '.join(offices[:-1])} or {offices[-1]}"
    names = " nor ".join(p.name for p in mention.people)
    subject = f"neither {names} was" if len(mention.people) > 1 else f"{names} was not"
    tenures = "; ".join(f"{_day(a)} to {_day(b) if b else 'present'}" for a, b in _tenures(terms))
    period = _day(lo) if lo == hi else f"{_day(lo)} to {_day(hi)}"
    at_said = f"at {quoted(said)} ({period}) nor on {_day(ctx.published)}"
    when = f"on {period}" if said == "the publication date" else at_said
    other = _other_title(ctx, mention, lo, hi)
    then = f"; {mention.people[0].name} was {ctx.pack.office(other).name} then" if other else ""
    dead = [p for p in mention.people if p.died and p.died.latest < lo]
    then += "".join(f"; {p.name} died {_on(p.died)}" for p in dead)
    message = (
        f"{subject} {office} {when}, the publication date; in office {tenures} "
        f"({_pack_of(terms[0].source)} pack){then}"
    )
    return Finding("facts/title-anachronism", "warning", message, ctx.span(mention.start, mention.name_end),
                   fix=_title_fix(ctx, mention, terms, other))


def _other_title(ctx: _Context, mention: _Titled, lo: date, hi: date) -> str | None:
    """The one titled office the (single) person held throughout the time instead ("Vice President Biden" in 2022)."""
    if len(mention.people) != 1:
        return None
    person = mention.people[0].id
    held = {t.office for day in (lo, hi) for t in ctx.pack.terms_on(person, day)}
    both = [o for o in held if all(ctx.pack.holds(person, o, day) for day in (lo, hi))]
    titled = [o for o in both if ctx.pack.office(o) and ctx.pack.office(o).titles]
    return titled[0] if len(titled) == 1 else None


def _title_fix(ctx: _Context, mention: _Titled, terms: Sequence[Term], other: str | None) -> Fix | None:
    """The title held then ("Vice President" -> "President"), or "former" for a living ex-holder."""
    title_span = ctx.span(mention.start, mention.start + len(mention.title))
    if other:
        return Fix(ctx.pack.office(other).titles[0], title_span)
    past = all(t.end is not None and t.end < ctx.published for t in terms)
    if not past or any(p.died and p.died.earliest <= ctx.published for p in mention.people):
        return None  # not yet in office when written, or dead ("the late Queen" needs an article): no mechanical fix
    former = "Former" if ctx.sentence(mention.start, mention.name_end)[0] == mention.start else "former"
    return Fix(f"{former} {mention.title}", title_span)
