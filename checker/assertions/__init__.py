"""Dated assertions: which event each time expression dates, and how it is asserted.

For every DATE/TIME expression the dependency parse is climbed from the
expression to the word it modifies: a verb ("sworn ... on January 20, 2025") or
an event noun a pack knows ("the inauguration on January 20"). The event type
comes from the packs' trigger vocabularies (lemmas and particles: "swear in" ->
inauguration); tense, aspect, polarity and modality come from the verb's
auxiliaries, its clause and the quotation marks around it; participants from its
subject and object, with pronouns and surnames linked to the full name met before.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from checker.assertions import identity
from checker.knowledge.model import Pack
from checker.model import Assertion, Timex
from checker.nlp.tense import (
    SPEECH_VERBS,
    clause_chain,
    modality,
    reported,
    reporting_verb,
    schedule_date,
    tense_aspect,
)

if TYPE_CHECKING:  # spaCy loads only where text is parsed
    from spacy.tokens import Doc, Span, Token

PREPOSITION_RELATION = {
    "on": "at",
    "in": "at",
    "at": "at",
    "during": "at",
    "of": "at",
    "before": "before",
    "by": "before",
    "until": "until",
    "till": "until",
    "through": "until",
    "after": "after",
    "since": "since",
    "from": "from",
}
# Verbs about what is to come: a date after their object dates the object ("urged budget
# restraint in 2018", "floated as a candidate in 2020"), not the urging or floating.
PROSPECTIVE_VERBS = frozenset(
    "urge propose recommend predict forecast project expect plan promise pledge vow call ask seek "
    "approve set schedule raise lower cut target float nominate consider discuss debate weigh eye "
    "back endorse support oppose budget earmark allocate book reserve order prepare announce unveil".split()
)
# Adverbs the parser may give where a phrasal verb has its particle ("passed away", "set up").
PARTICLE_ADVERBS = frozenset({"away", "up", "down", "out", "in", "off", "on"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_QUOTES = re.compile(r"[\"“”]")


@dataclass(frozen=True)
class _Mentions:
    """Names met so far, for linking pronouns and surnames to full names."""

    people: dict[str, str]
    last_person: str | None = None
    last_thing: str | None = None
    things: dict[str, str] = field(default_factory=dict)  # head noun -> the named thing ("plant": "Dunmore")


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges between paired quotation marks, paragraph by paragraph."""
    ranges: list[tuple[int, int]] = []
    # a blank line is one of whitespace but line breaks: `\s*\n` would scan every later blank line (quadratic)
    for paragraph in re.finditer(r"[^\n]+(?:\n(?![^\S\n]*\n)[^\n]*)*", text):
        marks = [m.start() + paragraph.start() for m in _QUOTES.finditer(paragraph.group(0))]
        ranges += [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
    return ranges


def _inside(offset: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start < offset < end for start, end in ranges)


MAX_CONJUNCTS = 64  # a list longer than this ("the 1990s and the 1990s and ...") is not climbed to its top


def _attachment(token: Token) -> tuple[Token | None, str | None]:
    """What the phrase headed by ``token`` modifies, and the relation its preposition states.
    The climb through conjuncts and appositions is bounded: each date of an endless list would
    walk the whole list (quadratic), and past the bound it attaches to nothing."""
    steps = 0
    while token.dep_ in ("appos", "conj") and token.head.i != token.i:
        token, steps = token.head, steps + 1
        if steps > MAX_CONJUNCTS:
            return None, None
    relation = None
    if token.dep_ == "pobj" and token.head.i != token.i:
        relation = PREPOSITION_RELATION.get(token.head.lower_, "other")
        token = token.head
    return (None if token.head.i == token.i else token.head), relation


def governor(span: Span, pack: Pack) -> tuple[Token | None, str, bool]:
    """The word a time expression dates (a verb, or an event noun a pack knows), the
    relation, and whether the attachment climbed through a plain noun.

    A date inside a prepositional phrase of a plain noun climbs on ("the loan repayable
    in 1990" up to "was given"), which is a guess, except through the role after "as"
    ("sworn in as president on January 20"); "on" a date after a verb's object dates the
    verb ("reported earnings on Oct. 30"), unless the verb looks ahead ("announced a strike
    on May 1"), and a date of a predicative adjective its copula ("is due on May 3"). A date
    classifying a plain noun ("the 2024 budget") dates nothing. A date between a speech verb
    and its reported clause dates the saying ("said on Wednesday she will resign").
    """
    word, relation = _attachment(span.root)
    word = _event_noun_before(span, word, pack) or word
    climbed = False
    while word is not None and word.pos_ not in ("VERB", "AUX"):
        if word.pos_ in ("NOUN", "PROPN") and pack.event_for(word.lemma_) is not None:
            break
        if _object_on_day(word, span) or _predicate(word) or word.pos_ == "ADJ" and word.dep_ == "acomp":
            word = word.head  # "was open on Sunday", "is due on May 3": the copula's clause
            break
        if word.dep_ != "pobj":
            return None, relation or "at", climbed
        climbed = climbed or word.head.lower_ != "as"
        word, _ = _attachment(word)
    if word is not None and word.pos_ in ("VERB", "AUX"):
        word = reporting_verb(word, span.start)
    return word, relation or "at", climbed


def _event_noun_before(span: Span, word: Token | None, pack: Pack) -> Token | None:
    """ "Since his election on November 9, Becker has ...": a date right after an owned event
    noun the pack knows dates that noun, though the parse hung it on the verb. Not after a
    direct object ("announced its election on Monday" dates the announcement)."""
    root = span.root
    if word is None or word.pos_ not in ("VERB", "AUX") or root.dep_ != "pobj" or root.head.i == 0:
        return None
    before = span.doc[root.head.i - 1]
    owned = any(c.dep_ == "poss" for c in before.children)  # "his election", "the bridge's opening"
    if before.pos_ == "NOUN" and owned and before.dep_ != "dobj" and pack.event_for(before.lemma_) is not None:
        return before
    return None


def _baseline(span: Span, word: Token) -> bool:
    """ "will boost imports to 200 mln dlrs from 104 mln dlrs in 1986": the date right after a
    "from" amount is the baseline's, the year compared with, not the time of the change."""
    token = span.root.head if span.root.dep_ == "pobj" else span.root
    if token.i == 0:
        return False
    before = span.doc[token.i - 1]
    while before.i != word.i and before.head.i != before.i:
        if before.dep_ == "prep" and before.lower_ == "from":
            return any(t.like_num for t in before.subtree)
        before = before.head
    return False


def _preposition(span: Span) -> str:
    """The preposition whose object the time expression is ("for" in "scheduled for May 3"), or ""."""
    token = span.root
    while token.dep_ in ("appos", "conj") and token.head.i != token.i:
        token = token.head
    return token.head.lower_ if token.dep_ == "pobj" else ""


def _predicate(noun: Token) -> bool:
    """ "elected mayor in 2010", "appointed chief constable in 2018": a date on the post dates the verb."""
    head = noun.head
    return head.pos_ in ("VERB", "AUX") and (
        noun.dep_ == "oprd" or noun.dep_ == "dobj" and identity.passive_participle(head)
    )


def _object_on_day(noun: Token, span: Span) -> bool:
    """ "reported third-quarter earnings on Oct. 30": "on" a date, hung on a verb's object."""
    return (
        noun.dep_ == "dobj"
        and _preposition(span) == "on"
        and span.root.head.head.i == noun.i
        and noun.head.pos_ == "VERB"
        and noun.head.lemma_.lower() not in PROSPECTIVE_VERBS
    )


def _phrases(word: Token) -> Iterator[tuple[str, Token]]:
    """Candidate trigger phrases around a word, longest first: "take office", "swear in", "open"."""
    particles = [c for c in word.children if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ in PARTICLE_ADVERBS]
    objects = [c for c in word.children if c.dep_ in ("dobj", "attr")]
    lemma = word.lemma_.lower()
    for obj in objects:
        for prt in particles:
            yield f"{lemma} {prt.lower_} {obj.lemma_.lower()}", obj
        yield f"{lemma} {obj.lemma_.lower()}", obj
    for prt in particles:
        yield f"{lemma} {prt.lower_}", prt
    for subject in (c for c in _subjects(word) if c.pos_ == "NOUN"):
        yield f"{subject.lemma_.lower()} {lemma}", subject  # "her term began", "the lease expired"
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ == "into"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            yield f"{lemma} into {obj.lemma_.lower()}", obj
    yield word.lower_, word
    yield lemma, word


def event_type(word: Token, pack: Pack) -> tuple[str, Token]:
    """The pack event a word announces, and the last token of its trigger phrase."""
    for phrase, last in _phrases(word):
        found = pack.event_for(phrase)
        if found is not None:
            return found.id, last
    return "event", word


def sense(word: Token, pack: Pack) -> str:
    """The synonym group of an untyped trigger ("shipped" -> "release"), or ""."""
    return next((found for phrase, _ in _phrases(word) if (found := pack.sense_for(phrase))), "")


def dates_its_object(verb: Token, span: Span, timex: Timex) -> bool:
    """A prospective verb, its object or "as" phrase, then a year or month: the date is the object's.

    "urged budget restraint in 2018" dates the restraint; "announced the plan on March 3"
    dates the announcement: a day is rarely the time of a plan's object.
    """
    if verb.lemma_.lower() not in PROSPECTIVE_VERBS or timex.granularity == "day":
        return False
    return any(
        verb.i < child.i < span.start
        and (child.dep_ in ("dobj", "dative") or (child.dep_ == "prep" and child.lower_ == "as"))
        for child in verb.children
    )


NAME_PARTS = frozenset({"compound", "amod", "nmod", "nummod", "flat"})
# Words that stand before a name without being part of it ("U.S. President Donald Trump").
TITLE_WORDS = frozenset(
    "us uk president vice prime minister premier chancellor senator sen rep representative gov governor "
    "mayor judge justice district chief secretary general gen col lt capt admiral king queen prince princess "
    "pope sir dame lord lady dr mr mrs ms miss prof professor speaker leader chairman chairwoman ceo "
    "democrat republican democratic republican former late then acting deputy state foreign defense "
    "attorney ambassador commissioner minority majority house senate".split()
)


def _modifiers(token: Token, depth: int = 2) -> list[Token]:
    """The words before a noun that name it ("Acme" in "the Acme bridge"), a bounded walk."""
    found = []
    for child in token.lefts:
        if child.dep_ in NAME_PARTS:
            found += [*(_modifiers(child, depth - 1) if depth > 1 else []), child]
    return found


def _name_of(token: Token) -> str:
    """A noun phrase reduced to a comparable key: its proper-noun tail, or its words without
    determiners, with what tells it from others of its kind ("Treaty of Brno", "version 2.0")."""
    title = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if token.pos_ == "NOUN" and title is not None:
        return _name_of(title)  # 'the album "Northern Lights"': its title names it
    words = [*_modifiers(token), token]
    while len(words) > 1 and words[0].lower_.replace(".", "") in TITLE_WORDS:
        words = words[1:]
    names = [t.text for t in words if t.pos_ == "PROPN"]
    plain = " ".join(t.lower_ for t in words if t.lower_ not in DETERMINERS)
    extra = _distinguishers(token)
    version = next((t.lower_ for t in [*words, *token.rights] if VERSION.fullmatch(t.text)), None)
    if version is not None:
        return version  # "Version 1.0.0", "since 1.0.0 was released": a dotted number names the release
    if any(c.isdigit() for c in plain + "".join(extra)):
        return " ".join([plain, *extra]).lower()  # "Version 1.0.0" = "version 1.0.0": the number names it
    if names and token.pos_ == "NOUN":
        names.append(token.lower_)  # "the U.S. embassy", "the Castleford terminal": the kind of thing too
    key = " ".join(names) if names else plain
    return " ".join([key, *extra]) if key else key


def _distinguishers(token: Token) -> list[str]:
    """What after a noun tells one such thing from another: a number ("version 2.0",
    "Windows 10") or a named "of"/"with" phrase ("the Treaty of Brno", "the armistice with Austria")."""
    found = []
    for child in token.rights:
        if child.dep_ in ("nummod", "appos", "npadvmod", "compound") and any(c.isdigit() for c in child.text):
            found.append(child.text)
        elif child.dep_ == "prep" and child.lower_ in ("of", "with"):
            names = [g for g in child.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            found += [
                f"{child.lower_} {' '.join(t.text for t in [*_modifiers(g), g] if t.pos_ == 'PROPN')}" for g in names
            ]
    return found


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects; a conjunct shares its first conjunct's, a reduced relative its noun's."""
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if own or verb.head.i == verb.i:
        return own
    if verb.dep_ == "conj":
        return _subjects(verb.head)
    if verb.dep_ == "advcl" and verb.tag_ in ("VBN", "VBG") and not any(c.dep_ == "mark" for c in verb.children):
        return _subjects(verb.head)  # "Born in 1950, Hart ...", "Appointed in 2018, Reeve resigned"
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subjects(verb.head.head)  # "sworn in after winning the election": the winner is the one sworn in
    noun_head = verb.head.pos_ in ("NOUN", "PROPN")
    return (
        [verb.head]
        if verb.pos_ in ("VERB", "AUX") and (verb.dep_ in ("acl", "relcl") or verb.dep_ == "parataxis" and noun_head)
        else []
    )  # "the stadium, opened in 1990", "Ana Pereira (born 1984)"


def _resolve(token: Token, mentions: _Mentions) -> tuple[str | None, bool]:
    """A participant's key; relative and personal pronouns, and bare surnames, link to names met."""
    if token.tag_ in ("WDT", "WP") and token.head.dep_ == "relcl":
        token = token.head.head  # "the stadium, which opened": the stadium
    lower = token.lower_
    ahead = _cataphor(token) if lower in PERSON_PRONOUNS | THING_PRONOUNS else None
    if ahead is not None:
        return _resolve(ahead, mentions)[0], True
    if lower in PERSON_PRONOUNS:
        return mentions.last_person, True
    if lower in THING_PRONOUNS:
        return mentions.last_thing, True
    if token.pos_ == "PRON":
        return None, True
    named = identity.antecedent(token, mentions.things)
    if named is not None:
        return named, True  # "the plant": the Dunmore glass plant met before
    name = _name_of(token)
    if token.pos_ == "PROPN" and " " not in name and name in mentions.people:
        return mentions.people[name], True
    if token.is_title and " " not in name and token.text in mentions.people:
        return mentions.people[token.text], True  # a surname the tagger took for a common noun
    return name or None, False


def _owners(noun: Token) -> list[Token]:
    """Whose or what a noun is: its possessor or "of" phrase ("its opening", "the inauguration of Biden")."""
    found = [t for t in noun.children if t.dep_ == "poss"]
    return found + [
        t for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.children if t.dep_ == "pobj"
    ]


def _cataphor(pronoun: Token) -> Token | None:
    """ "Since its founding in 2001, Harbor Light has ...": a possessive in a phrase fronted
    before its clause's subject stands for that subject."""
    if pronoun.dep_ != "poss":
        return None
    verb = pronoun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("PROPN", "NOUN") or subject.left_edge.i <= pronoun.i:
        return None
    return subject


def participants(
    word: Token, mentions: _Mentions, when: Span, last: Token | None = None
) -> tuple[tuple[tuple[str, str], ...], bool, bool]:
    """Subject and object of an event word, whether one was inferred, and whether the
    event's theme is generic (indefinite or bare: a new thing, see ``identity.generic``).

    The object is what the event happens to: the direct or passive subject of a
    verb ("was born", "opened the bridge"), the possessor or "of" phrase of a
    noun ("its opening", "the inauguration of Biden"); a subject that is part of the
    trigger ("her term began") gives way to its possessor. The office of an appointment
    or resignation is a participant too ("appointed chief constable").
    """
    if word.pos_ in ("VERB", "AUX"):
        own = -1 if last is None else last.i  # the trigger's own noun ("term" began, took "office")
        subjects = [("object" if t.dep_ == "nsubjpass" else "subject", t) for t in _subjects(word)]
        candidates = [
            c for role, t in subjects for c in ([("object", o) for o in _owners(t)] if t.i == own else [(role, t)])
        ]
        candidates += [
            ("object", t)
            for t in word.children
            if t.dep_ == "dobj" and t.i != own and not identity.passive_participle(word)
        ]
    else:
        candidates = [("object", t) for t in _owners(word)]
    roles: dict[str, str] = {}
    tokens: dict[str, Token] = {}
    inferred = False
    for role, token in candidates:
        if when.start <= token.i < when.end:
            continue  # "Tuesday's election": the time, not a participant
        key, linked = _resolve(token, mentions)
        if key and role not in roles:
            roles[role], tokens[role] = key, token
            inferred |= linked
    post = identity.office(word)
    if post and "office" not in roles:
        roles["office"] = post
    theme = tokens.get("object", tokens.get("subject"))
    return tuple(roles.items()), inferred, theme is not None and identity.generic(theme)


# Where a name is met: as a participant, and standing alone (a heading, an apposition, a list).
NAMING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "ROOT", "attr", "conj"})
VERSION = re.compile(r"v?\d+(?:\.\d+)+[a-z]?", re.I)


def _remember(sentence: Span, mentions: _Mentions) -> _Mentions:
    """Update the names met: full names, their surnames, the last person and the last thing."""
    people = mentions.people
    last_person, last_thing = mentions.last_person, mentions.last_thing
    for token in sentence:
        if token.dep_ not in NAMING_DEPS or token.pos_ not in ("PROPN", "NOUN"):
            continue
        name = _name_of(token)
        if not name:
            continue
        if token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", "") and len(name.split()) >= 2:
            people.setdefault(name.split()[-1], name)
            last_person = name if token.dep_ in ("nsubj", "nsubjpass") else last_person
        elif token.pos_ == "PROPN" and name in people:
            last_person = people[name] if token.dep_ in ("nsubj", "nsubjpass") else last_person
        elif token.dep_ in ("nsubj", "nsubjpass"):
            last_thing = identity.antecedent(token, mentions.things) or name
    identity.remember_things(sentence, mentions.things, _name_of)
    return _Mentions(people, last_person, last_thing, mentions.things)


def sentences_to_parse(sentences: Sequence[Span], offsets: Sequence[int]) -> list[bool]:
    """Which sentences :func:`extract` needs parsed: those holding a time expression (at
    ``offsets``), and the one before such a sentence when it may name who that sentence
    means: a pronoun there, or a surname the sentence before gives in full.

    The parse of other sentences changes no assertion, and parsing is most of the cost.
    """
    starts = [s.start_char for s in sentences]
    dated = [False] * len(sentences)
    for offset in offsets:
        dated[bisect.bisect_right(starts, offset) - 1] = True
    chosen = list(dated)
    for i in range(1, len(sentences)):
        if dated[i] and not chosen[i - 1] and _may_refer_back(sentences[i], sentences[i - 1]):
            chosen[i - 1] = True
    return chosen


def _may_refer_back(sentence: Span, before: Span) -> bool:
    words = {t.lower_ for t in sentence}
    if not words.isdisjoint(PERSON_PRONOUNS | THING_PRONOUNS):
        return True
    surnames = {b.lower_ for a, b in zip(before, before[1:]) if a.is_title and b.is_title}
    return not surnames.isdisjoint(words)


def extract(doc: Doc, timexes: Sequence[Timex], pack: Pack) -> list[Assertion]:
    """One assertion per DATE/TIME expression that dates an event word."""
    quotes = quoted_ranges(doc.text)
    sentences = list(doc.sents)  # walked once: ``Span.sent`` walks the whole Doc on every call
    starts = [s.start_char for s in sentences]
    by_sentence: dict[int, list[tuple[int, Timex]]] = {}
    for index, timex in enumerate(timexes):
        if timex.type in ("DATE", "TIME"):
            by_sentence.setdefault(bisect.bisect_right(starts, timex.start) - 1, []).append((index, timex))
    found: list[Assertion] = []
    mentions = _Mentions({})
    for number, sentence in enumerate(sentences):
        for index, timex in by_sentence.get(number, []):
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is None:
                continue
            assertion = _assertion(len(found), index, timex, span, sentence, pack, mentions, quotes)
            if assertion is not None:
                found.append(assertion)
        mentions = _remember(sentence, mentions)
    return [_with_full_names(a, mentions.people) for a in found]


def _with_full_names(assertion: Assertion, people: dict[str, str]) -> Assertion:
    """A bare surname left unlinked (its full name comes later in the text) becomes that full name.

    Linking to an earlier full name is coreference and marks the participant inferred
    (``_resolve``); a surname followed by the full name is the writer's own introduction.
    """
    roles = tuple((role, people.get(name, name)) for role, name in assertion.participants)
    return assertion if roles == assertion.participants else replace(assertion, participants=roles)


def _shouted(sentence: Span) -> bool:
    """An all-capitals line (wire headlines): the tagger's tenses are guesses there."""
    letters = [c for c in sentence.text if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _modality(verb: Token | None, span: Span, timex: Timex, quoted: bool) -> str:
    if verb is None:
        return "quoted" if quoted else "asserted"
    if quoted:
        return "quoted"
    if dates_its_object(verb, span, timex) or _effective(span):
        return "planned"
    if _fronted_report(verb, span):
        return "reported-future"
    return modality(verb, quoted)


def _effective(span: Span) -> bool:
    """ "effective Nov 13, 1987": when a decision takes effect, not when it was made."""
    before = span.doc[max(0, span.start - 3) : span.start]
    return any(t.lower_ == "effective" for t in before)


def _fronted_report(verb: Token, span: Span) -> bool:
    """ "In 1988, Douglas said Dean should grow": a fronted date of a reported forecast."""
    if span.start > verb.i or verb.lemma_.lower() not in SPEECH_VERBS:
        return False
    return any(c.dep_ == "ccomp" and any(a.tag_ == "MD" for a in c.children) for c in verb.children)


def _assertion(
    number: int,
    index: int,
    timex: Timex,
    span: Span,
    sentence: Span,
    pack: Pack,
    mentions: _Mentions,
    quotes: Sequence[tuple[int, int]],
) -> Assertion | None:
    word, relation, climbed = governor(span, pack)
    if word is None or word in span or _baseline(span, word):
        return None
    event, last = event_type(word, pack)
    if word.lemma_ == "be" and event == "event":
        last = next((c for c in word.children if c.dep_ == "acomp" and c.i < span.start), last)  # "is due"
    if word.pos_ == "NOUN" and event == "event":
        return None  # a date modifying an ordinary noun ("the 2024 budget") dates no event
    verb = (
        word
        if word.pos_ in ("VERB", "AUX")
        else next((t for t in clause_chain(word) if t.pos_ in ("VERB", "AUX")), None)
    )
    tense, aspect, tense_inferred = tense_aspect(verb) if verb is not None else ("none", "simple", True)
    tense_inferred = tense_inferred or _shouted(sentence)
    quoted = _inside(word.idx, quotes)
    told = _modality(verb, span, timex, quoted)
    if verb is word and told == "asserted" and schedule_date(word, _preposition(span)):
        # "the vote is scheduled for May 3"
        tense, aspect, told = "future", "simple", "reported-future" if reported(word) else "scheduled"
        relation = "at" if relation == "other" else relation
    roles, linked, generic = participants(word, mentions, span, last)
    negated = verb is not None and any(c.dep_ == "neg" for c in verb.children)
    if last.dep_ in ("nsubj", "nsubjpass") and last.head.i != word.i:
        last = word  # "her term began ... and ended": the conjunct's trigger is its verb
    first, end = min(word.idx, last.idx), max(word.idx + len(word), last.idx + len(last))
    flags = (("tense", tense_inferred), ("participant", linked), ("attachment", climbed))
    inferred = tuple(k for k, flag in flags if flag)
    return Assertion(
        id=number,
        event=event,
        trigger=sentence.text[first - sentence.start_char : end - sentence.start_char],
        trigger_start=first,
        trigger_end=end,
        timex=index,
        relation=relation,
        participants=roles,
        tense=tense,
        aspect=aspect,
        polarity="negative" if negated else "positive",
        modality=told,
        inferred=inferred,
        trigger_pos="VERB" if word.pos_ in ("VERB", "AUX") else "NOUN",
        sense=sense(word, pack) if event == "event" else "",
        identifiable=not (generic or identity.recurs(word)),
    )
