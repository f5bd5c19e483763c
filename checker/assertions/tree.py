"""A parsed token's children, read from one index of the Doc's heads.

spaCy's ``Token.children``, ``lefts`` and ``rights`` scan the token's whole subtree at each
call, and the assertions ask for the children of most nouns and verbs of every parsed
sentence: the index is built once per Doc (its tree is final once parsed) and kept on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Tokens to either side of a noun in which what names it or tells it apart is looked for.
NEAR = 48
CHILDREN_KEY = "chronolint.children"


def children(token: Token) -> list[Token]:
    """``list(token.children)``: the token's children, left to right."""
    doc = token.doc
    return [doc[j] for j in _children_index(doc).get(token.i, ())]


def near_children(token: Token) -> list[Token]:
    """The token's children at most NEAR tokens away, left to right: a list of thousands of
    conjuncts ("the 1990s and the 1990s and ...") is one subtree, and walking it for each
    conjunct would be quadratic."""
    doc, i = token.doc, token.i
    return [doc[j] for j in _children_index(doc).get(i, ()) if i - NEAR <= j <= i + NEAR]


def _children_index(doc: Doc) -> dict[int, list[int]]:
    """Each token's children, in order, from one pass over the heads."""
    index = doc.user_data.get(CHILDREN_KEY)
    if index is None:
        index = {}
        for child, head in enumerate(doc.to_array("HEAD").astype("int64").tolist()):
            if head:
                index.setdefault(child + head, []).append(child)
        doc.user_data[CHILDREN_KEY] = index
    return index
