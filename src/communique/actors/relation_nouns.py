"""Nouns that name a person by a relation to another person: kin ("his widow", "brother
of X"), a partner ("fiancée of X") and personal staff ("X's lawyer", "her spokesman").

Read by ``communique.actors.relations`` (which person such a description is) and by
``communique.actors.appositions`` (the words before "brother of" do not describe the
person named after it). Each noun names a relation and, where the word tells it, the
gender of the person it names; ``CONVERSE`` gives the relation seen from the other side
("X, brother of Y": Y is X's sibling; "X, son of Y": Y is X's parent).
"""

from __future__ import annotations

# noun → (relation, gender of the person the noun names: "f", "m" or None)
KIN: dict[str, tuple[str, str | None]] = {
    "wife": ("spouse", "f"), "widow": ("spouse", "f"), "husband": ("spouse", "m"),
    "widower": ("spouse", "m"), "spouse": ("spouse", None),
    "fiancée": ("fiance", "f"), "fiancee": ("fiance", "f"), "fiancé": ("fiance", "m"),
    "fiance": ("fiance", "m"),
    "sister": ("sibling", "f"), "brother": ("sibling", "m"),
    "daughter": ("child", "f"), "stepdaughter": ("child", "f"), "son": ("child", "m"),
    "stepson": ("child", "m"),
    "mother": ("parent", "f"), "father": ("parent", "m"),
    "granddaughter": ("grandchild", "f"), "grandson": ("grandchild", "m"),
    "niece": ("sibling_child", "f"), "nephew": ("sibling_child", "m"),
    "aunt": ("parent_sibling", "f"), "uncle": ("parent_sibling", "m"),
}  # fmt: skip

# Personal staff: named by a relation to one person, but never by a shared family name.
STAFF: dict[str, tuple[str, str | None]] = {
    "lawyer": ("lawyer", None), "attorney": ("lawyer", None),
    "spokesman": ("spokesperson", "m"), "spokeswoman": ("spokesperson", "f"),
    "spokesperson": ("spokesperson", None), "aide": ("aide", None),
    "bodyguard": ("bodyguard", None),
}  # fmt: skip

RELATIONS: dict[str, tuple[str, str | None]] = {**KIN, **STAFF}
RELATION_NOUNS = frozenset(RELATIONS)

CONVERSE = {
    "spouse": "spouse", "fiance": "fiance", "sibling": "sibling", "child": "parent",
    "parent": "child", "grandchild": "grandparent", "sibling_child": "parent_sibling",
    "parent_sibling": "sibling_child", "lawyer": "client",
}  # fmt: skip

__all__ = ["CONVERSE", "KIN", "RELATIONS", "RELATION_NOUNS", "STAFF"]
