"""``facts/title-anachronism``: a title before a name ("President Obama") for a time when the
person held that office neither at the event nor when the text was written."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from checker.checks import quoted
from checker.checks.people import (
    NAME_RUN,
    KnowledgeContext,
    day_text,
    in_place,
    inside,
    longest_first,
    on_text,
    pack_of,
    people,
    titled_names,
)
from checker.checks.registry import check, rule
from checker.knowledge.model import Pack, Person, Term, name_key
from checker.model import (
    Analysis,
    Assertion,
    Finding,
    Fix,
)

TITLE_ANACHRONISM = rule(
    "facts/title-anachronism", "warning", "A title used for a time when the person did not hold the office."
)
NOT_CURRENT = re.compile(
    r"(?:\b(?:former|then|ex|late|past|future|incoming|would|one|onetime|erstwhile|deputy|vice|acting|interim)"
    r"[\s\-]*(?:be|time)?[\s\-]*|-)$",
    re.IGNORECASE,
)
# Present-tense verbs right after a titled name: the title is claimed at the publication date.
PRESENT_VERBS = frozenset(
    """says tells is has wants insists argues believes thinks plans hopes warns urges vows announces promises
    rejects denies defends praises condemns welcomes criticizes criticises admits accuses backs unveils pledges
    demands refuses expects faces heads visits arrives addresses speaks remains holds calls signs meets leads
    claims seeks sees needs supports opposes takes makes gives keeps continues stands favours favors fears knows
    agrees intends proposes declares considers dismisses blames thanks acknowledges concedes maintains stresses
    writes appears seems returns hosts attends joins leaves lives governs chairs suggests signals vetoes appoints
    nominates orders launches approves serves travels""".split()
)
# "now says", "has also called": an adverb between the name and its verb.
_ADVERB = r"(?:also|now|still|again|already|just|repeatedly|long|reportedly|often|increasingly|never|not)\s+"
PRESENT_AFTER = re.compile(rf"[\s,]*(?:{_ADVERB})?(\w+)\b")
# What may stand between a titled name and its own verb: "President X has also said".
VERB_NEXT = re.compile(rf"[\s,]*(?:(?:has|have|had|was|is|will|would)\s+)?(?:{_ADVERB})?")
NAMED_THING = re.compile(r"\b(?:the|a|an|HMS|RMS|USS|MS|SS|MV)\s+$", re.IGNORECASE)
ELECT = re.compile(r"[\-\s]elect\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Titled:
    """ "President Obama" in the text: the title's and the name's offsets and the people it may be."""

    title: str
    start: int
    name_end: int
    name: str
    people: tuple[Person, ...]
    offices: tuple[str, ...]  # the offices of that title the people held, in pack order
    appositive: bool = False  # "X, Britain's prime minister, said": the title after the name
    former: bool = False  # "former President X", "X, Britain's former prime minister,"


FORMER = re.compile(r"\b(?:former|ex-)\s*$", re.IGNORECASE)


def titled_mentions(ctx: KnowledgeContext) -> Iterator[_Titled]:
    """Title + name pairs whose name is a pack person who held an office of that title, each
    marked ``former`` when "former" or "ex-" stands before it.

    Skipped: another qualifier before the title ("then-", "late"), a name used
    as a name ("the Queen Elizabeth", "HMS Queen Elizabeth"), "-elect" titles, names
    that run on past the person ("Queen Elizabeth II Conference Centre"), and titles
    of offices the person never held (the pack does not cover that office:
    "Chancellor Rishi Sunak").
    """
    for m in titled_names(ctx.pack.titles, ctx.text):
        before = ctx.text[max(0, m.start() - 20) : m.start()]
        former = bool(FORMER.search(before))
        if ELECT.match(ctx.text, m.end(1)):
            continue
        if not former and (NOT_CURRENT.search(before) or NAMED_THING.search(before)):
            continue
        name = m.group(2).rstrip(".")
        found, _ = people(ctx, name)
        if not found or not any(name_key(name) in {name_key(n) for n in (p.name, *p.aliases)} for p in found):
            continue
        titled = [o.id for o in ctx.pack.offices_titled(m.group(1))]
        held = tuple(o for o in titled if any(t.office == o for p in found for t in p.terms))
        holders = tuple(p for p in found if set(held) & {t.office for t in p.terms})
        if holders:
            yield _Titled(m.group(1), m.start(), m.start(2) + len(name), name, holders, held, former=former)


_PLACE = r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?"
_OF_PLACE = r"\s+of\s+(?:the\s+)?[A-Z]\w+(?:\s+[A-Z]\w+)?"


@lru_cache(maxsize=8)
def _appositives(titles: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The title set off by commas, after the name ("NAME, [the|a|COUNTRY's] [former] TITLE [of
    PLACE],") or before it ("The|COUNTRY's [former] TITLE [of PLACE], NAME,": "Britain's prime
    minister, Tony Blair, said"); and the first's part after the name, which any text it matches
    holds: searching for it is a tenth of trying a name at every capital, and few texts hold it."""
    office = longest_first(t.lower() for t in titles)
    title = rf"(?:(?:the|an?)\s+|(?P<place>{_PLACE})['’]s\s+)?(?P<former>former\s+)?(?P<title>(?i:{office}))"
    return (
        re.compile(rf"(?P<name>{NAME_RUN}),\s+{title}(?P<of>{_OF_PLACE})?,"),
        re.compile(rf",\s+{title}(?:{_OF_PLACE})?,"),
        re.compile(rf"(?<![\w'’])(?:(?i:the|an?)\s+|(?P<place>{_PLACE})['’]s\s+)(?P<former>former\s+)?"
                   rf"(?P<title>(?i:{office}))(?P<of>{_OF_PLACE})?,\s+(?P<name>{NAME_RUN}),"),
    )  # fmt: skip


def appositive_mentions(ctx: KnowledgeContext) -> Iterator[_Titled]:
    """ "John Roe, Britain's prime minister, said on Monday", "Britain's prime minister, John Roe,
    said": a pack person and the one office of that title they held in the place named (or, with
    no place, the only one of that title); ``former`` after "former"."""
    after, after_held, before = _appositives(ctx.pack.titles)
    afters = after.finditer(ctx.text) if after_held.search(ctx.text) else ()
    for m in (*afters, *before.finditer(ctx.text)):
        first = m.re is after
        start, found = (
            _named_tail(ctx, m.start("name"), m.end("name")) if first else (m.start(), people(ctx, m["name"])[0])
        )
        if len(found) != 1:
            continue
        person = found[0]
        place = m.group("place") or m.group("of")
        offices = [o for o in ctx.pack.offices_titled(m.group("title")) if any(t.office == o.id for t in person.terms)]
        if place:
            offices = [o for o in offices if in_place(ctx.pack, place, o.jurisdiction)]
        if len(offices) == 1:
            name = ctx.text[start : m.end("name")] if first else m.group("name")
            at, end = (start, m.end() - 1) if first else (m.start(), m.end("name"))
            yield _Titled(m.group("title"), at, end, name, (person,), (offices[0].id,), True, bool(m.group("former")))


def _named_tail(ctx: KnowledgeContext, start: int, end: int) -> tuple[int, tuple[Person, ...]]:
    """Where in a run of capitalised words the name of pack people begins, and who they are:
    the run may open with other words ("On Monday Tony Blair, Britain's prime minister,")."""
    for word in re.finditer(r"\S+", ctx.text[start:end]):
        found, _ = people(ctx, ctx.text[start + word.start() : end])
        if found:
            return start + word.start(), found
    return start, ()


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


def _time_of(ctx: KnowledgeContext, mention: _Titled) -> tuple[date, date, str] | None:
    """When the titled person acts: the date of the event they are the subject of, or the
    publication date for a present-tense verb right after the name ("President Obama says")."""
    sent_start, sent_end = ctx.sentence(mention.start, mention.name_end)
    for a in ctx.analysis.assertions:
        timex = ctx.analysis.timexes[a.timex]
        if not sent_start <= a.trigger_start < sent_end:
            continue  # the titled name itself is in this sentence, so matching it is no inference
        if a.modality in ("quoted", "hypothetical") or timex.earliest is None or timex.latest is None:
            continue
        if timex.fields.month is not None and timex.fields.year is None:
            continue  # "Dec. 28: President Barack Obama signs": a chronology whose year the text leaves out
        named = any(_names(n, mention.name) for _, n in a.participants)
        attached = named or _verb_after(ctx, mention, a)
        if timex.anchor != "none" and (
            attached or _dateline_subject(ctx, mention, a) or _passive_agent(ctx, mention, a)
        ):
            return timex.earliest, timex.latest, timex.text
    return _present_time(ctx, mention, sent_start)


def _present_time(ctx: KnowledgeContext, mention: _Titled, sent_start: int) -> tuple[date, date, str] | None:
    """ "President X says", "has called for calm": a present-tense verb right after the name claims
    the title on the publication date, unless a date before it sets the scene ("Dec. 28: President
    X signs", "In 2010 President X signs": a chronology's or history's present)."""
    following = PRESENT_AFTER.match(ctx.text, mention.name_end)
    if ctx.published is None or following is None or following.group(1) not in PRESENT_VERBS:
        return None
    scene = (mention.start if ctx.dateline_before(mention.start) else sent_start), following.start(1)
    if any(scene[0] <= t.start < scene[1] for t in ctx.analysis.timexes) or _any_dead(mention, ctx.published):
        return None
    return ctx.published, ctx.published, "the publication date"


def _any_dead(mention: _Titled, day: date) -> bool:
    """ "President Lincoln is remembered as...": the present tense of the dead is history's, and so is the title."""
    return any(p.died is not None and p.died.earliest <= day for p in mention.people)


def _names(participant: str, name: str) -> bool:
    """Does a participant of the parse name the titled person? The name inside it ("Obama" in
    "Barack Obama's aides"), or its words in order, ending with the surname, some left out
    ("Mandela" for "Nelson Mandela", "Ursula von Leyen" for "Ursula von der Leyen")."""
    said, written = name_key(participant).split(), name_key(name).split()
    if f" {' '.join(written)} " in f" {' '.join(said)} ":
        return True
    left = iter(written)
    return bool(said) and said[-1] == written[-1] and all(word in left for word in said)


def _verb_after(ctx: KnowledgeContext, mention: _Titled, a: Assertion) -> bool:
    """ "President X told reporters", "X, Britain's prime minister, said": the event word right after
    the titled name (an auxiliary or adverb between) is its verb, whatever the parse made of it."""
    between = ctx.text[mention.name_end : a.trigger_start]
    return a.trigger_start >= mention.name_end and VERB_NEXT.fullmatch(between) is not None


def _dateline_subject(ctx: KnowledgeContext, mention: _Titled, a: Assertion) -> bool:
    """ "WASHINGTON (Reuters) - President X said on Wednesday": the parse took the dateline's
    place for the subject; the titled name right after the dateline is the verb's subject."""
    dateline = ctx.dateline_before(mention.start)
    if dateline is None or a.trigger_start < mention.name_end:
        return False
    subject = a.participant("subject")
    words = " ".join(re.findall(r"\w+", dateline))
    return subject is None or f" {name_key(subject)} " in f" {name_key(words)} "


def _passive_agent(ctx: KnowledgeContext, mention: _Titled, a: Assertion) -> bool:
    """ "The plan was welcomed on Monday by Chancellor X": the titled name is the passive verb's agent."""
    between = ctx.text[a.trigger_end : mention.start]
    return a.trigger_end <= mention.start and re.fullmatch(r"[^,.;:()\n]{0,50}\bby\s+", between) is not None


def _writers_present(ctx: KnowledgeContext) -> tuple[date, date]:
    """The days the text may have been written: from the publication date to the latest day it
    reports as past. A text telling an inauguration after its publication date was written after
    it; that conflict is chronology/anachronism's to report, not a wrong title."""
    told = [
        ctx.analysis.timexes[a.timex].earliest
        for a in ctx.analysis.assertions
        if a.modality == "asserted" and a.tense == "past" and ctx.analysis.timexes[a.timex].fields.year is not None
    ]
    return ctx.published, max([ctx.published, *(d for d in told if d is not None)])


@check(TITLE_ANACHRONISM, scope="knowledge")
def title_anachronisms(analysis: Analysis, pack: Pack) -> Iterator[Finding]:
    """Titles for a time when the person held the office neither then nor when the text was written."""
    ctx = KnowledgeContext(analysis, pack)
    if ctx.published is None:
        return  # a current holder's title may describe the past ("President Trump won in 2016"): needs the date
    now = _writers_present(ctx)
    mentions = (*titled_mentions(ctx), *appositive_mentions(ctx))  # each a scan of the whole text: once
    for mention in mentions:
        if mention.former or inside(mention.start, ctx.quotes):
            continue
        when = _time_of(ctx, mention)
        if when is None:
            continue
        lo, hi, said = when
        if any(_historical(p, now[0], lo) for p in mention.people):
            continue
        states = [
            (_held(pack, p, mention.offices, lo, hi), _held(pack, p, mention.offices, *now)) for p in mention.people
        ]
        if any(at is not False or written is not False for at, written in states):
            continue
        yield _title_finding(ctx, mention, lo, hi, said)
    yield from _former_in_office(ctx, [m for m in mentions if m.former])


def _former_in_office(ctx: KnowledgeContext, mentions: Sequence[_Titled]) -> Iterator[Finding]:
    """ "Former Prime Minister X said on Monday" ("X, Britain's former prime minister, said") while X
    was in office that day and when written."""
    assert ctx.published is not None
    for mention in mentions:
        when = None if inside(mention.start, ctx.quotes) else _time_of(ctx, mention)
        if when is None or len(mention.people) != 1:
            continue
        lo, hi, said = when
        person = mention.people[0]
        days = (lo, hi, ctx.published)
        if not all(_in_office_all_day(ctx.pack, person, mention.offices, d) for d in days):
            continue
        office = ctx.pack.office(next(o for o in mention.offices if ctx.pack.holds(person.id, o, ctx.published)))
        period = day_text(lo) if lo == hi else f"{day_text(lo)} to {day_text(hi)}"
        written = f"on {day_text(ctx.published)}, the publication date"
        at = written if said == "the publication date" else f"at {quoted(said)} ({period}) and {written}"
        terms = [t for t in person.terms if t.office == office.id]
        tenures = "; ".join(f"{day_text(a)} to {day_text(b) if b else 'present'}" for a, b in _tenures(terms))
        message = f"{person.name} was still {office.name} {at}; in office {tenures} ({pack_of(terms[0].source)} pack)"
        if mention.appositive:  # "former" stands inside the span, in the writer's own words
            yield TITLE_ANACHRONISM.finding(message, ctx.span(mention.start, mention.name_end))
            continue
        start = FORMER.search(ctx.text, max(0, mention.start - 20), mention.start).start()
        title = ctx.text[mention.start : mention.start + len(mention.title)]
        replacement = title[0].upper() + title[1:] if ctx.text[start].isupper() else title
        fix = Fix(replacement, ctx.span(start, mention.start + len(title)))
        yield TITLE_ANACHRONISM.finding(message, ctx.span(start, mention.name_end), fix=fix)


def _in_office_all_day(pack: Pack, person: Person, offices: Collection[str], day: date) -> bool:
    """In one of the offices on ``day``, and not on the day a term of it ended (a handover)."""
    return any(pack.holds(person.id, o, day) is True for o in offices) and not any(
        t.office in offices and t.end == day for t in person.terms
    )


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


def _title_finding(ctx: KnowledgeContext, mention: _Titled, lo: date, hi: date, said: str) -> Finding:
    terms = [t for p in mention.people for t in p.terms if t.office in mention.offices]
    offices = [ctx.pack.office(o).name for o in mention.offices]
    office = offices[0] if len(offices) == 1 else f"{', '.join(offices[:-1])} or {offices[-1]}"
    names = " nor ".join(p.name for p in mention.people)
    subject = f"neither {names} was" if len(mention.people) > 1 else f"{names} was not"
    tenures = "; ".join(f"{day_text(a)} to {day_text(b) if b else 'present'}" for a, b in _tenures(terms))
    period = day_text(lo) if lo == hi else f"{day_text(lo)} to {day_text(hi)}"
    at_said = f"at {quoted(said)} ({period}) nor on {day_text(ctx.published)}"
    when = f"on {period}" if said == "the publication date" else at_said
    other = _other_title(ctx, mention, lo, hi)
    then = f"; {mention.people[0].name} was {ctx.pack.office(other).name} then" if other else ""
    dead = [p for p in mention.people if p.died and p.died.latest < lo]
    then += "".join(f"; {p.name} died {on_text(p.died)}" for p in dead)
    message = (
        f"{subject} {office} {when}, the publication date; in office {tenures} ({pack_of(terms[0].source)} pack){then}"
    )
    return TITLE_ANACHRONISM.finding(
        message, ctx.span(mention.start, mention.name_end), fix=_title_fix(ctx, mention, terms, other)
    )


def _other_title(ctx: KnowledgeContext, mention: _Titled, lo: date, hi: date) -> str | None:
    """The one titled office the (single) person held throughout the time instead ("Vice President Biden" in 2022)."""
    if len(mention.people) != 1:
        return None
    person = mention.people[0].id
    held = {t.office for day in (lo, hi) for t in ctx.pack.terms_on(person, day)}
    both = [o for o in held if all(ctx.pack.holds(person, o, day) for day in (lo, hi))]
    titled = [o for o in both if ctx.pack.office(o) and ctx.pack.office(o).titles]
    return titled[0] if len(titled) == 1 else None


def _title_fix(ctx: KnowledgeContext, mention: _Titled, terms: Sequence[Term], other: str | None) -> Fix | None:
    """The title held then ("Vice President" -> "President"), or "former" for a living ex-holder."""
    if mention.appositive:
        return None  # the title stands after the name, in the writer's own words
    title_span = ctx.span(mention.start, mention.start + len(mention.title))
    if other:
        return Fix(ctx.pack.office(other).titles[0], title_span)
    past = all(t.end is not None and t.end < ctx.published for t in terms)
    if not past or any(p.died and p.died.earliest <= ctx.published for p in mention.people):
        return None  # not yet in office when written, or dead ("the late Queen" needs an article): no mechanical fix
    former = "Former" if ctx.sentence(mention.start, mention.name_end)[0] == mention.start else "former"
    return Fix(f"{former} {mention.title}", title_span)
