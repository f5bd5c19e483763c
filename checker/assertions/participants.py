"""Who and what an assertion is about: participants from the parse (subjects, objects,
owners, appositions), names and what tells two things apart, and the mentions met so far
that pronouns, surnames and definite descriptions point back to (``Mentions``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.assertions import identity
from checker.assertions.tree import near_children

if TYPE_CHECKING:  # spaCy loads only where text is parsed
    from spacy.tokens import Span, Token

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


@dataclass(frozen=True)
class Mentions:
    """Names met so far, for linking pronouns and surnames to full names."""

    people: dict[str, str]
    last_person: str | None = None
    last_thing: str | None = None
    things: dict[str, str] = field(default_factory=dict)  # head noun -> the named thing ("plant": "Dunmore")


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


def _breaks(token: Token) -> bool:
    """A bracket or a spaced dash: no name runs across one ("OTTAWA (Reuters) - Jean Chretien")."""
    return token.is_bracket or token.text in ("—", "–", "--") or (token.text == "-" and bool(token.whitespace_))


def _after_break(words: list[Token]) -> list[Token]:
    """The words of a name after the last bracket or dash before its head (a dateline the parse joined to it)."""
    if len(words) == 1:
        return words
    head = words[-1]
    cut = max((t.i for t in head.doc[words[0].i : head.i] if _breaks(t)), default=-1)
    return [w for w in words if w.i > cut]


def _name_of(token: Token) -> str:
    """A noun phrase reduced to a comparable key: its proper-noun tail, or its words without
    determiners, with what tells it from others of its kind ("Treaty of Brno", "version 2.0")."""
    children = near_children(token)
    rights = [c for c in children if c.i > token.i]
    title = next((c for c in children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if token.pos_ == "NOUN" and title is not None:
        return _name_of(title)  # 'the album "Northern Lights"': its title names it
    words = _after_break([*_modifiers(token), token])
    while len(words) > 1 and words[0].lower_.replace(".", "") in TITLE_WORDS:
        words = words[1:]
    names = [t.text for t in words if t.pos_ == "PROPN"]
    plain = " ".join(t.lower_ for t in words if t.lower_ not in DETERMINERS)
    extra = _distinguishers(rights)
    version = next((t.lower_ for t in [*words, *rights] if VERSION.fullmatch(t.text)), None)
    if version is not None:
        return version  # "Version 1.0.0", "since 1.0.0 was released": a dotted number names the release
    if any(map(str.isdigit, plain + "".join(extra))):
        return " ".join([plain, *extra]).lower()  # "Version 1.0.0" = "version 1.0.0": the number names it
    if names and token.pos_ == "NOUN":
        names.append(token.lower_)  # "the U.S. embassy", "the Castleford terminal": the kind of thing too
    key = " ".join(names) if names else plain
    return " ".join([key, *extra]) if key else key


def _distinguishers(rights: list[Token]) -> list[str]:
    """What after a noun (its children to the right) tells one such thing from another: a number
    ("version 2.0", "Windows 10") or a named "of"/"with" phrase ("the Treaty of Brno", "the
    armistice with Austria")."""
    found = []
    for child in rights:
        if child.dep_ in ("nummod", "appos", "npadvmod", "compound") and any(map(str.isdigit, child.text)):
            found.append(child.text)
        elif child.dep_ == "prep" and child.lower_ in ("of", "with"):
            names = [g for g in child.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            found += [
                f"{child.lower_} {' '.join(t.text for t in [*_modifiers(g), g] if t.pos_ == 'PROPN')}" for g in names
            ]
    return found


FRONTED_WORDS = 12  # how far into a sentence a fronted participial clause may run before its comma


def _opening(token: Token) -> tuple[Token, Token] | None:
    """The participle that opens the sentence of ``token`` ("Sworn", "Elected", "First elected"),
    and the comma that closes its clause, when ``token`` lies between them."""
    doc = token.doc
    start = token.i
    while start > 0 and not doc[start].is_sent_start and token.i - start < FRONTED_WORDS:
        start -= 1
    if not doc[start].is_sent_start:
        return None
    first = doc[start + 1] if doc[start].tag_ == "RB" and start + 1 < len(doc) else doc[start]
    if first.tag_ != "VBN" or first.i >= token.i:
        return None
    comma = next((t for t in doc[first.i : first.i + FRONTED_WORDS] if t.text == ","), None)
    if (
        comma is None
        or comma.i <= token.i
        or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[first.i : comma.i])
    ):
        return None
    return first, comma


def fronted_participle(span: Span, word: Token | None = None) -> Token | None:
    """ "Sworn in as prime minister in 1981, Margaret Thatcher inherited ...": a date inside a past
    participle's clause that opens the sentence dates the participle, when the parse hung it
    (as ``word``) outside that clause, or "in"/"on" it on a noun of the clause ("Elected president
    in 2016"); a verb of the clause keeps it ("Scheduled to finish in May 2025": "finish")."""
    found = _opening(span[0])
    if found is None or span[-1].i >= found[1].i:
        return None
    first, comma = found
    if word is None or not first.i <= word.i < comma.i:
        return first
    on_noun = word.pos_ not in ("VERB", "AUX") and span.root.dep_ == "pobj" and span.root.head.lower_ in ("in", "on")
    return first if on_noun else None


def _fronted_subjects(verb: Token) -> list[Token]:
    """The subject of the main clause after an opening participle's comma ("Elected in 2017, Macron ...")."""
    found = _opening(verb.doc[verb.i + 1]) if verb.i + 1 < len(verb.doc) else None
    if found is None or found[0].i != verb.i:
        return []
    root = verb
    while root.head.i != root.i:
        root = root.head
    return [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > found[1].i]


def subjects_of(verb: Token) -> list[Token]:
    """The verb's subjects; a conjunct shares its first conjunct's, a reduced relative its noun's,
    an opening participle its main clause's."""
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if own or verb.head.i == verb.i:
        return own
    fronted = _fronted_subjects(verb) if verb.tag_ == "VBN" else []
    if fronted:
        return fronted
    if verb.dep_ == "conj":
        return subjects_of(verb.head)
    if verb.dep_ == "advcl" and _participle(verb) and not any(c.dep_ in ("mark", "aux") for c in verb.children):
        return subjects_of(verb.head)  # "Born in 1950, Hart ...", "Appointed in 2018, Reeve resigned"
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subjects_of(verb.head.head)  # "sworn in after winning the election": the winner is the one sworn in
    noun_head = verb.head.pos_ in ("NOUN", "PROPN")
    return (
        [verb.head]
        if verb.pos_ in ("VERB", "AUX") and (verb.dep_ in ("acl", "relcl") or verb.dep_ == "parataxis" and noun_head)
        else []
    )  # "the stadium, opened in 1990", "Ana Pereira (born 1984)"


def _participle(verb: Token) -> bool:
    """A participle; a fronted verb without a subject the tagger read as a base or past form is
    one too ("Set up in 1966, the society ...": "set", "put", "shut" look the same)."""
    return verb.tag_ in ("VBN", "VBG") or verb.tag_ in ("VB", "VBD") and verb.i < verb.head.i


# Lowercase words that begin a surname ("de Vries", "van der Berg", "al-Amin" aside).
SURNAME_PARTICLES = frozenset("de van von der den da di du del della dos das le la ten ter bin ibn al".split())


def surnames(name: str) -> list[str]:
    """The keys a later bare surname may use for a full name: its last word, and the last words
    from a lowercase particle on ("Owen de Vries": "Vries" and "de Vries")."""
    words = name.split()
    keys = [words[-1]]
    start = next((i for i, w in enumerate(words[1:-1], 1) if w in SURNAME_PARTICLES), None)
    return keys + ([" ".join(words[start:])] if start is not None else [])


def _one_person(short: str, long: str) -> bool:
    """ "Matthew Goode" and "Matthew William Goode": one name with and without its middle names,
    written out (initials tell people apart: George Bush, George W. Bush)."""
    a, b = short.split(), long.split()
    if len(a) != 2 or len(b) <= 2 or (a[0], a[-1]) != (b[0], b[-1]):
        return False
    return all(len(w) > 2 and "." not in w for w in b[1:-1])


def known_as(name: str, people: dict[str, str]) -> str:
    """The name a person was first met under, if ``name`` is that name with middle names
    ("Matthew Goode", then "Matthew William Goode"). Not the other way: a shorter name after the
    full one may be a parent's ("Pierre Charles L'Enfant ..., the son of Pierre L'Enfant")."""
    met = people.get(name.split()[-1]) if " " in name else None
    return met if met is not None and _one_person(met, name) else name


def _resolve(token: Token, mentions: Mentions) -> tuple[str | None, bool]:
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
    if token.pos_ == "PROPN" and (" " not in name or name.split()[0] in SURNAME_PARTICLES) and name in mentions.people:
        return mentions.people[name], True
    if token.is_title and " " not in name and token.text in mentions.people:
        return mentions.people[token.text], True  # a surname the tagger took for a common noun
    if token.pos_ == "PROPN" and name:
        return known_as(name, mentions.people), False
    return name or None, False


def life_name(text: str, people: dict[str, str]) -> str | None:
    """A name as written before its life span ("Dame Zaha Hadid DBE"), without the titles before
    it and the letters after it, as the full name met before if it is one."""
    words = text.split("\n")[-1].split()  # a title line above is not part of the name
    while words and words[0].lower().strip(".") in TITLE_WORDS | {"dame", "sir"}:
        words = words[1:]
    while len(words) > 1 and words[-1].isupper() and len(words[-1]) > 1:
        words = words[:-1]  # "DBE", "FRS"
    if not words:
        return None
    met = set(people.values())
    # "Children Jérôme Richard Jeanne Moreau (": a full name met before at the end of the run
    known = next((" ".join(words[k:]) for k in range(len(words) - 1) if " ".join(words[k:]) in met), None)
    name = known or " ".join(words)
    return known_as(name, people) if len(words) > 1 else people.get(name, name)


def _owners(noun: Token) -> list[Token]:
    """Whose or what a noun is: its possessor or "of" phrase ("its opening", "the inauguration of Biden")."""
    found = [t for t in noun.children if t.dep_ == "poss"]
    return found + [
        t for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.children if t.dep_ == "pobj"
    ]


# Words of winning: whoever wins an event noun is what it happens to ("won the 2015 election",
# "her victory in the 1983 election"), unlike a mere taker-part ("interference in the election").
WIN_WORDS = frozenset({"win", "victory", "triumph", "landslide"})


def _winners(noun: Token) -> list[Token]:
    """Who wins the event a noun names: the subject of "win" it is the object of, or the owner of a
    victory "in" it ("Since winning the 1987 election, Mulroney"; "Thatcher's victory in the election")."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in WIN_WORDS and head.pos_ == "VERB":
        return subjects_of(head)
    for _ in range(3):  # up to the "in" phrase it lies in, through words the parse may have misattached
        if head.lower_ == "in" and head.dep_ == "prep" and head.head.lemma_.lower() in WIN_WORDS:
            return _victor(head.head)
        if head.pos_ not in ("NOUN", "ADJ", "ADP") or head.head.i == head.i:
            return []
        head = head.head
    return []


def _victor(won: Token) -> list[Token]:
    """Whose win it is: the subject of "won", the owner of "victory", or the subject of the verb
    that led someone "to victory" ("Blair led Labour to a landslide victory")."""
    if won.pos_ == "VERB":
        return subjects_of(won)
    owners = [t for t in won.children if t.dep_ == "poss"]
    if owners or won.dep_ != "pobj" or won.head.lower_ != "to" or won.head.head.pos_ != "VERB":
        return owners
    return subjects_of(won.head.head)


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
    word: Token, mentions: Mentions, when: Span, last: Token | None = None
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
        # what a passive participle's clause hangs on is its object: "the treaty, signed on ...", "Born in 1950, Hart"
        passive = identity.passive_participle(word)
        subjects = [
            ("object" if t.dep_ == "nsubjpass" or passive and t.head.i != word.i else "subject", t)
            for t in subjects_of(word)
        ]
        candidates = [
            c for role, t in subjects for c in ([("object", o) for o in _owners(t)] if t.i == own else [(role, t)])
        ]
        candidates += [
            ("object", t)
            for t in word.children
            if t.dep_ == "dobj" and t.i != own and not identity.passive_participle(word)
        ]
    else:
        candidates = [("object", t) for t in _owners(word) or _winners(word)]
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


def remember_mentions(sentence: Span, mentions: Mentions) -> Mentions:
    """Update the names met: full names, their surnames, the last person and the last thing."""
    people = mentions.people
    last_person, last_thing = mentions.last_person, mentions.last_thing
    names: dict[int, str] = {}  # the things remembered below are mostly the same nouns

    def name_of(token: Token) -> str:
        if token.i not in names:
            names[token.i] = _name_of(token)
        return names[token.i]

    for token in sentence:
        if token.dep_ not in NAMING_DEPS or token.pos_ not in ("PROPN", "NOUN"):
            continue
        name = name_of(token)
        if not name:
            continue
        if token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", "") and len(name.split()) >= 2:
            name = known_as(name, people)
            for key in surnames(name):
                people.setdefault(key, name)
            last_person = name if token.dep_ in ("nsubj", "nsubjpass") else last_person
        elif token.pos_ == "PROPN" and name in people:
            last_person = people[name] if token.dep_ in ("nsubj", "nsubjpass") else last_person
        elif token.dep_ in ("nsubj", "nsubjpass"):
            last_thing = identity.antecedent(token, mentions.things) or name
    identity.remember_things(sentence, mentions.things, name_of)
    return Mentions(people, last_person, last_thing, mentions.things)
