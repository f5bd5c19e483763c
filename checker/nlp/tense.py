"""Tense, aspect and modality, read from spaCy tokens: one reader for the tagger and the assertions.

The tagger asks which way a clause points from the publication date (:func:`orientation`),
to place a yearless "March 5" or a bare "Wednesday"; the assertions ask how a dated claim
is told (:func:`tense_aspect`, :func:`modality`). Both read the same auxiliaries with the
same word lists, so "would", "plans to" and "is set to" mean one thing throughout.

Where a clause has no finite verb, its time comes from the clause it hangs on: a
participle ("Founded in 2027, the firm now employs ...", "the plant completed in 2022
carries ...") tells of a time before that of its main clause, a plan ("Due to open in
2013, the refinery will ...") is present when its main clause is.

Only token attributes are read (``tag_``, ``dep_``, ``lemma_``, ``lower_``, the tree):
this module imports nothing of spaCy.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FUTURE_MODALS = frozenset({"will", "shall", "'ll", "’ll", "wo"})
CONDITIONAL_MODALS = frozenset({"would", "'d", "’d"})
POSSIBILITY_MODALS = frozenset({"may", "might"})
# "could not be located Wednesday": these say nothing about the time.
UNTIMED_MODALS = frozenset({"could", "can", "ca", "should", "must", "ought"})
FORWARD_MODALS = FUTURE_MODALS | CONDITIONAL_MODALS | POSSIBILITY_MODALS
HYPOTHETICAL_MODALS = CONDITIONAL_MODALS | POSSIBILITY_MODALS | UNTIMED_MODALS

# Verbs (and "due") whose infinitive lies ahead of them: in the present tense a schedule
# ("is set to open", "plans to publish", "is expected to begin"); their own date is a plan's too.
SCHEDULE_VERBS = frozenset("schedule expect plan set due intend aim hope slate prepare poise".split())
# Verbs whose infinitive complement is intended or attempted, not done ("vowed to resign").
INTENT_VERBS = frozenset(
    "propose vow pledge promise agree decide seek threaten aspire want wish need try attempt tend".split()
)
PLAN_VERBS = SCHEDULE_VERBS | INTENT_VERBS
# Schedule verbs whose active present dates what they schedule ("plans a rally on Saturday");
# the others only in the passive ("is set for May 3"; "sets a target for 2030" is no schedule).
ACTIVE_SCHEDULE_VERBS = frozenset("schedule expect plan intend slate".split())
# The prepositions a schedule's date takes; "set" takes only "for" ("is set in 1943" is a setting).
SCHEDULE_PREPOSITIONS = frozenset({"on", "in", "for", "at", "by", "during"})
SPEECH_VERBS = frozenset("say tell announce report state claim add note predict warn insist write declare".split())
HYPOTHETICAL_MARKERS = frozenset({"if", "unless", "whether", "should", "suppose", "lest"})
# Prepositions whose gerund tells of a time before the main clause's ("since taking over in 1991").
ANTERIOR_PREPOSITIONS = frozenset({"since", "after"})

# Cue words for the tense of a text with no parse (the blank tokenizer).
FUTURE_CUES = frozenset("will 'll ’ll shall wo gonna scheduled upcoming slated would might".split())
PAST_CUES = frozenset(
    "was were had did said ago last earlier told announced reported came went took made left met won lost began fell "
    "rose".split()
)
CLAUSE_END = frozenset({".", "!", "?", ";", "\n"})
CUE_REACH = 10  # tokens either side of a time expression that the cue words are looked for in

PRESENT_TAGS = ("VBZ", "VBP")
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
# Nouns an infinitive completes without a headline's future ("Plans to build a bridge", "Bid to end the strike").
INTENT_NOUNS = frozenset(
    "plan bid effort attempt move decision chance time way right call push offer proposal vote deal "
    "order motion pledge promise threat need reason".split()
)


class Reading(NamedTuple):
    """How a verb tells its event: tense (past, present, future, none), aspect (simple,
    perfect, progressive), and whether the tense was guessed rather than read."""

    tense: str
    aspect: str
    inferred: bool


NO_READING = Reading("none", "simple", True)


def auxiliaries(verb: Token) -> list[Token]:
    """The verb's auxiliaries, inherited from the first conjunct ("was reelected ... and sworn")."""
    own = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if own or verb.dep_ != "conj" or verb.tag_ not in ("VBN", "VBG", "VB"):
        return own
    return auxiliaries(verb.head)


def clause_chain(verb: Token) -> Iterator[Token]:
    """The verb and the words whose clauses contain it, innermost first."""
    token = verb
    while True:
        yield token
        if token.head.i == token.i:
            return
        token = token.head


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _going_to(verb: Token) -> bool:
    """ "is going to release": the infinitive of a progressive "go" (a future, not a plan)."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_ == "go"
        and head.tag_ == "VBG"
        and any(a.dep_ == "aux" and a.lemma_ == "be" for a in head.children)
    )


def _headline_infinitive(verb: Token) -> bool:
    """ "Council to vote on budget May 3": a subject and a bare "to" infinitive in a clause with no
    finite verb, headlines' future (the parser may hang it on the subject as a relative clause).
    "Plans to build ...", "A chance to vote ..." are nouns with an infinitive, not headlines."""
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ == "ROOT":
        return _has_subject(verb)
    head = verb.head
    return (
        verb.dep_ in ("relcl", "acl")
        and head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
        and head.i < verb.i
        and head.lemma_.lower() not in INTENT_NOUNS
        and not any(c.lower_ in ("a", "an") for c in head.children)
        and not any(t.tag_ in FINITE_TAGS for t in head.subtree)
    )


def _plan_head(verb: Token) -> Token | None:
    """The schedule word an infinitive complements ("set" in "is set to open", "Due" in "Due to open")."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    if head.i == verb.i or head.lemma_.lower() not in SCHEDULE_VERBS:
        return None
    return head if verb.dep_ in ("xcomp", "ccomp", "advcl", "pcomp", "pobj") else None


def _host(word: Token) -> Token | None:
    """The verb of the clause a non-finite clause hangs on: a fronted participle's main verb
    ("Built in 1993, the terminal is"), a reduced relative's noun's verb ("the plant completed
    in 2022 carries"), the verb a "since"/"after" gerund modifies."""
    if word.dep_ not in ("advcl", "acl", "pcomp", "prep"):
        return None
    token = word.head
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _own_reading(verb: Token) -> Reading:
    """Tense and aspect from the verb's own tag and auxiliaries."""
    auxes = auxiliaries(verb)
    lowered = [a.lower_ for a in auxes]
    if any(a in FUTURE_MODALS for a in lowered) or _going_to(verb) or _headline_infinitive(verb):
        return Reading("future", "perfect" if "have" in lowered else "simple", False)
    if any(a.lemma_ == "have" for a in auxes):
        return Reading("past" if any(a.tag_ == "VBD" for a in auxes) else "present", "perfect", False)
    if any(a.tag_ == "VBD" for a in auxes):
        return Reading("past", "progressive" if verb.tag_ == "VBG" else "simple", False)
    if any(a.tag_ in PRESENT_TAGS for a in auxes):
        return Reading("present", "progressive" if verb.tag_ == "VBG" else "simple", False)
    if verb.tag_ == "VBD":
        return Reading("past", "simple", False)
    if verb.tag_ in PRESENT_TAGS:
        return Reading("present", "simple", False)
    if verb.tag_ == "VBN" and _has_subject(verb):
        return Reading("past", "simple", False)  # a finite past the tagger took for a participle
    return NO_READING


def _finite_reading(verb: Token | None) -> Reading:
    """The verb's own reading when it was read from a finite verb with no modal of doubt."""
    if verb is None or any(a.lower_ in HYPOTHETICAL_MODALS for a in auxiliaries(verb)):
        return NO_READING
    return _own_reading(verb)


def _nonfinite_reading(verb: Token) -> Reading:
    """A participle or gerund with no auxiliary and no subject, read from its main clause.

    A past participle tells of a time before its main clause's: past under a past or
    present main clause ("Founded in 2027, Ledgerly now employs"); for a reduced relative
    under a present main clause, only of a singular noun (plural nouns make generic rules:
    "cars sold in 2035 must be electric"). A gerund clause is as its past main clause
    ("Speaking on Tuesday, she said"), and before it after "since" or "after" ("since taking
    over in 1991"); a gerund of a noun looks ahead as often ("a bond maturing in 1992"). A
    future main clause decides nothing, nor does a participle with a subordinator ("when
    asked", "once completed", "if elected"), whose attachments are loose.
    """
    host = _host(verb)
    main = _finite_reading(host)
    if main.inferred and verb.tag_ == "VBN" and verb.dep_ == "acl":
        main = _narrative_past(host)
    if main.inferred or main.tense == "future" or any(c.dep_ == "mark" or c.tag_ == "WRB" for c in verb.children):
        return NO_READING
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl"):
        generic = verb.dep_ == "acl" and main.tense == "present" and _plural(verb.head)
        return NO_READING if generic else Reading("past", "simple", False)
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in ANTERIOR_PREPOSITIONS:
        return Reading("past", "simple", False)
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and main.tense == "past":
        return Reading("past", "simple", False)
    return NO_READING


def _narrative_past(host: Token | None) -> Reading:
    """The past of a narrative a reduced relative's non-finite clause sits in ("he collaborated ...
    to render into Chinese X (published in 1940)"): the first finite verb above, when it is past
    and no plan or intent lies between (a house "he planned to buy" may be built later)."""
    for _ in range(3):
        if host is None or host.dep_ == "xcomp" and host.head.lemma_.lower() in PLAN_VERBS:
            return NO_READING
        reading = _finite_reading(host)
        if not reading.inferred:
            return reading if reading.tense == "past" else NO_READING
        host = clause_verb(host.head) if host.head.i != host.i else None
    return NO_READING


def _plural(noun: Token) -> bool:
    """A plural noun, unless a singular verb agrees with it ("the steelworks ... carries")."""
    return noun.tag_ in ("NNS", "NNPS") and not (noun.dep_ == "nsubj" and noun.head.tag_ == "VBZ")


def _scheduled(verb: Token) -> bool:
    """An infinitive of a schedule told in the present ("is set to open", "plans to publish",
    "Due to open in 2013, the refinery will ..."): a future told as arranged."""
    head = _plan_head(verb)
    if head is None or any(c.dep_ == "neg" for c in head.children):
        return False
    if any(a.lemma_ == "have" for a in auxiliaries(verb)):
        return False  # "is expected to have slowed"
    reading = _finite_reading(head)
    if head.pos_ == "ADJ" and head.dep_ == "acomp":  # "is due to open"
        reading = _finite_reading(head.head)
    if reading.inferred:
        host = _finite_reading(_host(head))
        return not host.inferred and host.tense in ("present", "future")
    return reading.tense == "present" and reading.aspect != "perfect"


def schedule_date(verb: Token, preposition: str) -> bool:
    """Whether a date after ``preposition`` on ``verb`` is a time a present schedule sets:
    "is expected in March 2015", "is scheduled for May 3", "is due on Friday", "plans a rally
    on Saturday". Past schedules ("was set for"), participles ("originally scheduled for
    2023") and settings ("the film is set in 1943") are not."""
    if preposition not in SCHEDULE_PREPOSITIONS or any(c.dep_ == "neg" for c in verb.children):
        return False
    due = next((c for c in verb.children if c.dep_ == "acomp" and c.lower_ == "due"), None)
    if due is not None and any(c.dep_ == "prep" and c.lower_ == "to" for c in due.children):
        return False  # "is due largely to tax allocations": a cause, not a schedule
    lemma = "due" if due is not None and verb.lemma_ == "be" else verb.lemma_.lower()
    if lemma not in SCHEDULE_VERBS or lemma == "set" and preposition != "for":
        return False
    reading = _finite_reading(verb)
    if reading.inferred or reading.tense != "present" or reading.aspect != "simple":
        return False
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return lemma == "due" or passive or lemma in ACTIVE_SCHEDULE_VERBS


def tense_aspect(verb: Token) -> Reading:
    """How the verb tells its event; a clause with no finite verb takes its time from the one it hangs on."""
    own = _own_reading(verb)
    if not own.inferred:
        return own
    if _scheduled(verb):
        return Reading("future", "simple", False)
    if not auxiliaries(verb) and not _has_subject(verb):
        found = _nonfinite_reading(verb)
        if not found.inferred:
            return found
    if verb.tag_ == "VBN" and verb.dep_ != "xcomp":
        return Reading("past", "simple", True)  # a reduced relative or participle the main clause leaves open
    return NO_READING


def _reported(token: Token) -> bool:
    """A clause that is the complement of a speech verb ("said it plans to ...")."""
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in SPEECH_VERBS


def reported(verb: Token) -> bool:
    """Whether the verb's clause, or one it is part of, is reported speech ("said the vote is set for May 3")."""
    return any(_reported(t) for t in clause_chain(verb))


def modality(verb: Token, quoted: bool) -> str:
    """asserted, hypothetical, planned, scheduled, reported-future or quoted.

    ``scheduled`` is a plan told in the present ("is set to open in 2024"): a future the
    text itself asserts, unlike a past plan ("had planned to open") or a reported one.
    """
    if quoted:
        return "quoted"
    lowered = [a.lower_ for a in auxiliaries(verb)]
    if _going_to(verb) or _headline_infinitive(verb):
        return "asserted"
    if _scheduled(verb):
        head = _plan_head(verb)
        return "reported-future" if head is not None and reported(head) else "scheduled"
    for token in clause_chain(verb):
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKERS for c in token.children):
            return "hypothetical"
        if token.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return "planned"
        if token.dep_ in ("ccomp", "advcl", "relcl", "acl"):
            break
    if any(a in CONDITIONAL_MODALS for a in lowered):
        return "reported-future" if _reported(verb) else "hypothetical"
    if any(a in HYPOTHETICAL_MODALS for a in lowered):
        return "hypothetical"
    if verb.tag_ in ("VBN", "VBD") and verb.head.lemma_.lower() in PLAN_VERBS and verb.dep_ in ("xcomp", "oprd"):
        return "planned"
    if verb.tag_ == "VBN" and not auxiliaries(verb) and verb.lemma_.lower() in SCHEDULE_VERBS and not _phrasal(verb):
        return "planned"  # "Expected in 2026, the report ...", "Set in 2030, the novel ..."; not "Set up in 2006"
    return "asserted"


def _phrasal(verb: Token) -> bool:
    """A verb with a particle is another verb ("set up" founds, "set" schedules)."""
    return any(c.dep_ == "prt" for c in verb.children)


# ----------------------------------------------------------------- orientation, for the tagger


def orientation(verb: Token) -> str | None:
    """Which way the verb group points from now, with news conventions: past, present, future, or None.

    Forward modals ("would leave", "might come") and plans ("planned to leave", "set to
    resume", "is going to") point forward; a bare past participle counts as past (small
    models often tag "opened" VBN); "have" + participle is past.
    """
    words = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {w.lower_ for w in words}
    if lowers & {"have", "has", "had", "'ve"} and verb.tag_ == "VBN":
        return "past"
    modals = {w.lower_ for w in words if w.tag_ == "MD"}
    if modals & FORWARD_MODALS or lowers & {"going", "gonna"} or _going_to(verb) or _headline_infinitive(verb):
        return "future"
    if modals:
        return None
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i and head.lemma_ in SCHEDULE_VERBS:
        return "future"
    if verb.lemma_ in SCHEDULE_VERBS:  # "planned a rally on Saturday"
        return "future"
    if any(w.tag_ == "VBD" for w in words) or verb.tag_ == "VBN" and not lowers & {"be", "is", "are", "am", "being"}:
        return "past"
    if any(w.tag_ in PRESENT_TAGS for w in words):
        return "present"
    return None


def reporting_verb(verb: Token, start: int) -> Token:
    """The speech verb a time expression at token ``start`` belongs to, when the parse hung it on
    the reported clause: "said on Wednesday she will resign" dates the saying (the date stands
    between the speech verb and the reported clause's subject); otherwise ``verb``."""
    head = verb.head
    if not _reported(verb) or head.tag_ != "VBD" or not head.i < start < verb.i:
        return verb
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return head if subjects and start < min(subjects) else verb


def clause_verb(token: Token) -> Token | None:
    """The first verb above ``token`` in the parse (the verb of its clause), or None."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def span_orientation(span: Span, *, parsed: bool, tagged: bool) -> str | None:
    """Which way the clause holding a time expression points: from the parse (the verb that
    governs it), else from cue words or past tags in its clause, up to ``CUE_REACH`` tokens away."""
    if parsed and (verb := clause_verb(span.root)) is not None:
        return orientation(reporting_verb(verb, span.start))
    doc = span.doc
    lo, hi = span.start, span.end
    while lo > 0 and span.start - lo < CUE_REACH and doc[lo - 1].text not in CLAUSE_END:
        lo -= 1
    while hi < len(doc) and hi - span.end < CUE_REACH and doc[hi].text not in CLAUSE_END:
        hi += 1
    return cue_orientation(doc[lo:hi], tagged)


def cue_orientation(tokens: Sequence[Token], has_tags: bool) -> str | None:
    """Future or past from cue words (or past tags) among ``tokens``, for text with no parse."""
    past = False
    for t in tokens:
        w = t.lower_
        if w in FUTURE_CUES:
            return "future"
        if has_tags:
            past = past or t.tag_ == "VBD"
        else:
            past = past or w in PAST_CUES or (w.endswith("ed") and len(w) > 4)
    return "past" if past else None
