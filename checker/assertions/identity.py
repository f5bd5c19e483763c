"""Which one thing an event mention is about, and whether it can be the same occurrence as another.

Two mentions are one event when they name the same event (a trigger of one type or
one synonym group), the same participant and, where it makes the event unique, the same
object or office. This module reads the parse for the pieces that decide it:

- a definite description ("the plant", "the library") stands for the named thing with that
  head noun met before ("the Dunmore glass plant", "Riverside Library");
- an indefinite or bare participant ("a bridge", "jobs", "200 jobs") is a new thing each
  time, and a mention that says it recurs ("closed again", "closed temporarily", "for
  repairs") is one occurrence among several: neither is identifiable;
- the office of an appointment, election or resignation ("appointed chief constable",
  "resigned as treasurer", "named president of Ardent Labs") keeps two posts of one person
  apart, and makes two mentions that name the same post one taking of it, unless one says
  it is a repeat ("re-elected", "again", "first elected", "for a second term").
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import TYPE_CHECKING

from checker.assertions.tree import children

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
INDEFINITE = frozenset({"a", "an", "another", "some", "one", "each", "every", "any", "many", "several", "no"})
# Adverbs and purposes that make a mention one occurrence of several ("closed again").
RECURRING_ADVERBS = frozenset(
    "again temporarily briefly twice repeatedly periodically annually seasonally once-again first".split()
)
# Verbs that say their event happened before ("re-elected", "reappointed"), hyphen removed.
REPEATING_VERBS = frozenset("reelect reappoint renominate reinstate reopen relaunch rename reestablish".split())
# "for a second term", "for the third time": an ordinal on one of these nouns says the event recurs.
REPEAT_ORDINALS = frozenset("second third fourth fifth sixth another".split())
REPEAT_NOUNS = frozenset("term time stint spell tenure".split())
# Verbs whose predicate noun is a post even where the tagger calls it an adjective ("elected principal").
APPOINTING_VERBS = frozenset("elect reelect appoint name install nominate make become".split())
RECURRING_PURPOSES = frozenset(
    "repair repairs renovation renovations maintenance season winter summer holiday holidays day night "
    "weekend refurbishment upgrade upgrades works".split()
)
OFFICE_DEPS = frozenset({"oprd", "attr"})
NameOf = Callable[["Token"], str]


def remember_things(sentence: Span, things: MutableMapping[str, str], name_of: NameOf) -> None:
    """Record the named things of a sentence by their head noun, for definite descriptions.

    "the Dunmore glass plant" (a common head with a proper modifier) is remembered under
    "plant"; "Riverside Library" (a proper name of several words, not a person's) under
    "library". A later mention replaces an earlier one: "the plant" is the last plant named.
    """
    for token in sentence:
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "flat", "amod", "nmod"):
            continue
        name = name_of(token)
        if not name or not any(w[:1].isupper() for w in name.split()):
            continue
        if token.pos_ == "NOUN" and name.lower() != token.lower_:
            things[token.lemma_.lower()] = name
        elif token.pos_ == "PROPN" and len(name.split()) >= 2 and token.ent_type_ != "PERSON":
            things[token.lower_] = name


def antecedent(token: Token, things: MutableMapping[str, str]) -> str | None:
    """The named thing a definite description ("the plant", "the treaty") stands for, if one was met."""
    if token.pos_ != "NOUN":
        return None
    determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
    if not determiners & DEFINITE or any(c.pos_ == "PROPN" for c in token.children):
        return None
    return things.get(token.lemma_.lower())


def generic(token: Token) -> bool:
    """An indefinite common noun or a bare plural ("a bridge", "jobs", "200 jobs"): new things, not one met before."""
    if token.pos_ != "NOUN":
        return False
    children = list(token.children)
    if any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in children):
        return True
    if any(c.dep_ == "nummod" and c.i < token.i for c in children):
        return True  # "200 jobs", but "version 2" is one version
    named = any(c.dep_ in ("det", "poss") or c.pos_ == "PROPN" for c in children)
    return not named and token.tag_ == "NNS"  # a bare plural: "jobs", "stores"


def recurs(word: Token) -> bool:
    """The mention says it is one occurrence of several: "closed again", "closed for repairs",
    "re-elected", "first elected", "elected for a second term"."""
    if word.lower_.replace("-", "") in REPEATING_VERBS or word.lemma_.lower().replace("-", "") in REPEATING_VERBS:
        return True
    if any(_ordinal_repeat(t) for t in _clause(word)):
        return True
    for child in word.children:
        if child.dep_ == "advmod" and child.lower_ in RECURRING_ADVERBS:
            return True
        if child.dep_ == "prep" and child.lower_ == "for":
            if any(g.dep_ == "pobj" and g.lemma_.lower() in RECURRING_PURPOSES for g in child.children):
                return True
    return False


def _clause(word: Token) -> list[Token]:
    """The words of a verb's own clause: its subtree without the clauses under it (a bounded walk)."""
    found, stack = [], children(word)
    while stack and len(found) < 60:
        token = stack.pop()
        if token.dep_ in ("ccomp", "advcl", "relcl", "conj", "parataxis", "acl", "xcomp"):
            continue
        found.append(token)
        stack += children(token)
    return found


def _ordinal_repeat(token: Token) -> bool:
    """ "for a second term", "for the third time": an ordinal that numbers repeats of the event."""
    return token.lower_ in REPEAT_ORDINALS and token.head.lemma_.lower() in REPEAT_NOUNS


def passive_participle(word: Token) -> bool:
    """A past participle without "have" ("appointed", "was named"): a noun after it is a
    predicate ("appointed chief constable"), not a direct object."""
    return word.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in word.children)


def office(word: Token) -> str | None:
    """The post of an appointment, election or resignation: "appointed chief constable",
    "took office as county treasurer", "resigned as chief executive"."""
    if word.pos_ not in ("VERB", "AUX"):
        return None
    deps = OFFICE_DEPS | ({"dobj"} if passive_participle(word) else set())
    appointing = word.lemma_.lower() in APPOINTING_VERBS
    for child in word.children:
        if child.dep_ in deps and (child.pos_ in ("NOUN", "PROPN") or appointing and _bare_adjective(child)):
            return _post(child)
        if child.dep_ == "prep" and child.lower_ == "as":
            noun = next((g for g in child.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
            if noun is not None:
                return _post(noun)
    return None


def _bare_adjective(token: Token) -> bool:
    """ "elected principal": a predicate the tagger called an adjective, alone (not "declared fit to serve")."""
    return token.pos_ == "ADJ" and token.dep_ == "oprd" and not any(True for _ in token.children)


def bare_role(word: Token) -> str | None:
    """ "became head coach", "becoming chair": the post a change-of-state verb names without an
    article, as English names a post one holds ("became a father" or "became famous" is none)."""
    for child in word.children:
        if child.dep_ in ("attr", "oprd") and child.pos_ == "NOUN" and child.tag_ == "NN":
            if not any(c.dep_ in ("det", "poss", "nummod") for c in child.children):
                return _post(child)
    return None


def _post(noun: Token) -> str:
    """A post's words without determiners, titles kept ("chief constable", "county treasurer"),
    with the body it is held in ("president of Ardent Labs", "head coach at Ravens FC",
    "president of the board": not the pack office "president")."""
    words = [c for c in noun.lefts if c.dep_ in ("compound", "amod")] + [noun]
    body = [
        f"{prep.lower_} {' '.join(t.lower_ for t in g.subtree if t.pos_ in ('PROPN', 'NOUN'))}"
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "for")
        for g in prep.children
        if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")
    ]
    return " ".join([*(t.lower_ for t in words), *body])
