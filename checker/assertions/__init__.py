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
from dataclasses import replace
from typing import TYPE_CHECKING

from checker.assertions import identity, lifespans
from checker.assertions.participants import (
    PERSON_PRONOUNS,
    THING_PRONOUNS,
    Mentions,
    fronted_participle,
    life_name,
    participants,
    remember_mentions,
    subjects_of,
    surnames,
)
from checker.assertions.tree import near_children
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
_QUOTES = re.compile(r"[\"“”]")


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges between paired quotation marks, paragraph by paragraph."""
    ranges: list[tuple[int, int]] = []
    # a blank line is one of whitespace but line breaks: `\s*\n` would scan every later blank line (quadratic)
    for paragraph in re.finditer(r"[^\n]+(?:\n(?![^\S\n]*\n)[^\n]*)*", text):
        marks = [m.start() + paragraph.start() for m in _QUOTES.finditer(paragraph.group(0))]
        ranges += [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
    return ranges


def _inside(offset: int, ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether ``offset`` is strictly inside one of the ordered, disjoint ``ranges`` (of
    :func:`quoted_ranges`): a binary search, asked once per statement of a long text."""
    i = bisect.bisect_left(ranges, (offset,)) - 1  # the last range starting before offset
    return i >= 0 and offset < ranges[i][1]


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
    word = (
        _event_noun_before(span, word, pack)
        or _event_noun_of(span, pack)
        or _event_noun_after(span, pack)
        or fronted_participle(span, word)
        or word
    )
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
    owned = any(c.dep_ == "poss" for c in near_children(before))  # "his election", "the bridge's opening"
    if before.pos_ == "NOUN" and owned and before.dep_ != "dobj" and pack.event_for(before.lemma_) is not None:
        return before
    return None


def _event_noun_of(span: Span, pack: Pack) -> Token | None:
    """ "the general election of 1 May 1997": a date right after "of" after an event noun the pack
    knows dates that noun (the parse often hangs a day-month-year on the verb)."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "of":
        return None
    noun = doc[span.start - 2]
    return noun if noun.pos_ == "NOUN" and pack.event_for(noun.lemma_) is not None else None


CLASSIFIER_TAGS = frozenset(
    {"JJ", "NNP", "NN"}
)  # "the 1983 Canadian federal election": words between a year and its noun


def _event_noun_after(span: Span, pack: Pack) -> Token | None:
    """ "the 1983 Canadian federal election": a year right after "the", then up to three adjectives or
    names, then an event noun the pack knows, dates that noun, whatever the parse hung the year on
    (a garden path like "the 1983 election surprised pollsters" is often misparsed)."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ != "the" or len(span) != 1 or not span[0].like_num:
        return None
    for token in doc[span.end : span.end + 4]:
        if token.pos_ == "NOUN" and pack.event_for(token.lemma_) is not None:
            return token
        if token.tag_ not in CLASSIFIER_TAGS:
            return None
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
    # a complement the tagger read as an adjective is one too: "became queen" (queen/JJ, acomp)
    objects = [c for c in word.children if c.dep_ in ("dobj", "attr", "acomp")]
    lemma = word.lemma_.lower()
    for obj in objects:
        for prt in particles:
            yield f"{lemma} {prt.lower_} {obj.lemma_.lower()}", obj
        yield f"{lemma} {obj.lemma_.lower()}", obj
    for prt in particles:
        yield f"{lemma} {prt.lower_}", prt
    for subject in (c for c in subjects_of(word) if c.pos_ == "NOUN"):
        yield f"{subject.lemma_.lower()} {lemma}", subject  # "her term began", "the lease expired"
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ == "into"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            yield f"{lemma} into {obj.lemma_.lower()}", obj
    yield word.lower_, word
    yield lemma, word


# "became head coach in 2019" is the taking up of a post: the packs' type of this phrase.
TAKING_UP_A_POST = "take up post"


def event_type(word: Token, pack: Pack) -> tuple[str, Token]:
    """The pack event a word announces, and the last token of its trigger phrase; "become" with
    a post named without an article ("became head coach") is the taking up of that post."""
    for phrase, last in _phrases(word):
        found = pack.event_for(phrase)
        if found is not None:
            return found.id, last
    if word.lemma_.lower() == "become" and identity.bare_role(word) is not None:
        found = pack.event_for(TAKING_UP_A_POST)
        if found is not None:
            return found.id, word
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


def extract(
    doc: Doc,
    text: str,
    sentences: Sequence[Span],
    timexes: Sequence[Timex],
    pack: Pack,
    quotes: Sequence[tuple[int, int]],
) -> list[Assertion]:
    """One assertion per DATE/TIME expression that dates an event word; ``text``, ``sentences``
    and ``quotes`` are the Doc's text, sentences and :func:`quoted_ranges`, each computed once
    (``Doc.text`` joins every token anew at each call; ``Doc.sents`` and ``Span.sent`` walk the
    whole Doc)."""
    starts = [s.start_char for s in sentences]
    by_sentence: dict[int, list[tuple[int, Timex]]] = {}
    for index, timex in enumerate(timexes):
        if timex.type in ("DATE", "TIME"):
            by_sentence.setdefault(bisect.bisect_right(starts, timex.start) - 1, []).append((index, timex))
    found: list[Assertion] = []
    mentions = Mentions({})
    lives = {end.timex: end for end in lifespans.ends(text, timexes) if pack.event_type(end.event) is not None}
    for number, sentence in enumerate(sentences):
        for index, timex in by_sentence.get(number, []):
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is None:
                continue
            if index in lives:
                assertion = _life_span_end(len(found), lives[index], text, mentions)
            else:
                assertion = _assertion(len(found), index, timex, span, sentence, text, pack, mentions, quotes)
            if assertion is not None:
                found.append(assertion)
        if sentence[0].tag:  # a sentence left unparsed has no nouns to remember
            mentions = remember_mentions(sentence, mentions)
    return [_with_full_names(a, mentions.people) for a in found]


def _life_span_end(number: int, end: lifespans.End, text: str, mentions: Mentions) -> Assertion | None:
    """The birth or death a life span's date states, of the name before the parenthesis."""
    who = life_name(text[end.name_start : end.name_end], mentions.people)
    if who is None:
        return None
    for key in surnames(who):
        mentions.people.setdefault(key, who)  # "Jespersen" later in the biography
    return Assertion(
        id=number, event=end.event, trigger=text[end.mark], trigger_start=end.mark, trigger_end=end.mark + 1,
        timex=end.timex, participants=(("subject", who),), tense="past", trigger_pos="NOUN",
    )  # fmt: skip


def _with_full_names(assertion: Assertion, people: dict[str, str]) -> Assertion:
    """A bare surname left unlinked (its full name comes later in the text) becomes that full name.

    Linking to an earlier full name is coreference and marks the participant inferred
    (``participants._resolve``); a surname followed by the full name is the writer's own introduction.
    """
    roles = tuple((role, people.get(name, name)) for role, name in assertion.participants)
    return assertion if roles == assertion.participants else replace(assertion, participants=roles)


def _opens(span: Span, verb: Token) -> bool:
    """Is ``verb`` the past participle opening the sentence whose clause holds the date?"""
    opening = fronted_participle(span)
    return opening is not None and opening.i == verb.i


def _before_main_clause(main: Token, own: tuple[str, str, bool]) -> tuple[str, str, bool]:
    """An opening past participle tells what came before its main clause: past when that clause is
    past or present ("Elected in 2028, Nair promised"); unknown before a future ("Founded in 1919,
    the school will celebrate")."""
    tense, _, inferred = tense_aspect(main)
    return ("past", "simple", False) if tense in ("past", "present") and not inferred else own


def _shouted(sentence: str) -> bool:
    """An all-capitals line (wire headlines): the tagger's tenses are guesses there."""
    letters = [c for c in sentence if c.isalpha()]
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
    text: str,
    pack: Pack,
    mentions: Mentions,
    quotes: Sequence[tuple[int, int]],
) -> Assertion | None:
    """``text`` is the Doc's (``Span.text`` joins its tokens anew at each call)."""
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
    if tense_inferred and verb is not None and _opens(span, verb):
        tense, aspect, tense_inferred = _before_main_clause(sentence.root, (tense, aspect, tense_inferred))
    tense_inferred = tense_inferred or _shouted(text[sentence.start_char : sentence.end_char])
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
        trigger=text[first:end],
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
