"""Speaker phrases: which words of a subject name the speaker, and speakers the KB cannot name.

In: the subject token of a reporting cue (from ``speakers.subject_of``) and the
actors stage's mentions. Out: the token range that names the speaker ("the
paper's Lena Borg" → "Lena Borg"; "A source inside the Harbour Authority, who
asked not to be named" → "A source inside the Harbour Authority"), and for
a speaker that no specific actor covers, a local ``Actor`` whose name is that
description as the text writes it ("officials", "a witness", "the parents").
The quotes stage adds these actors to ``document.actors`` so that the export
writes the speaker as the text describes it; an unnamed group keeps the country
and sector the actors stage gave its words ("Chilean police officers" →
CHL/COP), so events that take the speaker as their source still code it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique.actors.names import key, slug
from communique.model import Actor, ActorType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from communique.actors.kb import KnowledgeBase

# Prepositional phrases that belong to a description ("a source within the
# ministry", "the head of the inspectors"); "a reporter in Lima" and "an
# official at the scene" say where, not who.
_DESCRIBING_PREPOSITIONS = frozenset({"of", "within", "from", "inside", "close"})
# Head nouns of an institution: with a named modifier, the named actor speaks
# ("the Green Alliance party", "the Chilean government"); a person noun keeps its
# description ("a Daily Ledger reporter").
INSTITUTIONS = frozenset(
    {
        "government",
        "administration",
        "ministry",
        "embassy",
        "agency",
        "military",
        "army",
        "navy",
        "police",
        "court",
        "parliament",
        "council",
        "committee",
        "office",
        "department",
        "party",
        "movement",
        "group",
        "company",
        "commission",
        "authority",
        "authorities",
        "regime",
        "cabinet",
        "presidency",
        "service",
        # documents speak for their issuer: "a council report", "the agency's statement"
        "report",
        "statement",
        "communique",
        "announcement",
        "letter",
    }
)
# Nouns for one person, so that "he"/"she" may continue a description ("the
# head of the inspectors ... She then said"); a thing ("the second blast") may not.
PERSON_NOUNS = frozenset(
    {
        "witness",
        "source",
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "head",
        "chief",
        "director",
        "lawyer",
        "attorney",
        "prosecutor",
        "judge",
        "doctor",
        "reporter",
        "resident",
        "mother",
        "father",
        "son",
        "daughter",
        "wife",
        "husband",
        "woman",
        "man",
        "minister",
        "officer",
        "leader",
        "member",
        "analyst",
        "expert",
        "activist",
        "victim",
        "survivor",
        "worker",
        "president",
        "chairman",
        "chairwoman",
        "governor",
        "mayor",
        "commander",
        "soldier",
        "diplomat",
        "ambassador",
        "envoy",
        "aide",
        "adviser",
        "advisor",
        "negotiator",
        "secretary",
        "commissioner",
        "professor",
        "researcher",
        "founder",
        "owner",
        "manager",
        "candidate",
        "lawmaker",
        "senator",
        "representative",
        "deputy",
        "journalist",
        "editor",
        "correspondent",
        "investigator",
        "detective",
        "sheriff",
        "priest",
        "bishop",
        "imam",
        "rabbi",
        "general",
        "colonel",
        "captain",
        "student",
        "teacher",
        "farmer",
        "neighbour",
        "neighbor",
        "friend",
        "relative",
        "brother",
        "sister",
    }
)
# How far back a one-word name looks for its fuller form (tokens).
LOOK_BACK_TOKENS = 2000
# Nouns for groups and sources that speak in news ("observers said", "reports
# say"); with the person nouns and institutions, the nouns a described speaker
# may have as its head.
GROUP_NOUNS = frozenset(
    {
        "protester",
        "demonstrator",
        "observer",
        "resident",
        "citizen",
        "voter",
        "people",
        "group",
        "media",
        "press",
        "report",
        "source",
        "estimate",
        "survey",
        "poll",
        "study",
        "association",
        "organisation",
        "organization",
        "union",
        "campaigner",
        "critic",
        "supporter",
        "opponent",
        "defendant",
        "plaintiff",
        "parent",
        "family",
        "relative",
        "municipality",
        "city",
        "town",
        "village",
        "state",
        "country",
        "nation",
        "side",
        "representative",
        "staff",
        "crew",
        "team",
        "agency",
        "firm",
        "network",
        "channel",
        "newspaper",
        "paper",
        "broadcaster",
        "outlet",
        "website",
        "statement",
        "spokespeople",
    }
)
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
# Capitalised words that stand before a name as its title, not as part of it.
# The actors stage owns the full office titles; these are the forms of address
# and ranks that newswire puts before a name ("Chief Superintendent X").
_NAME_TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "chief",
        "superintendent",
        "inspector",
        "sergeant",
        "constable",
        "officer",
        "general",
        "gen",
        "colonel",
        "col",
        "major",
        "maj",
        "captain",
        "capt",
        "lieutenant",
        "lt",
        "admiral",
        "adm",
        "commander",
        "commandant",
        "brigadier",
        "marshal",
        "judge",
        "justice",
        "minister",
        "secretary",
        "president",
        "vice",
        "premier",
        "governor",
        "gov",
        "senator",
        "sen",
        "rep",
        "representative",
        "mp",
        "mayor",
        "deputy",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "imam",
        "ayatollah",
        "father",
        "bishop",
        "archbishop",
        "cardinal",
        "pope",
        "rabbi",
        "reverend",
        "rev",
        "undersecretary",
        "commissioner",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "head",
        "former",
        "acting",
        "interim",
        "then",
        "leader",
        "police",
        "army",
        "foreign",
        "defence",
        "defense",
        "health",
        "interior",
        "prime",
        "attorney",
        "state",
        "national",
        "federal",
        "party",
        "opposition",
        "senior",
    }
)


@dataclass(frozen=True)
class Phrase:
    """The words that name a speaker: tokens ``start``..``end`` (inclusive) of the doc."""

    start: int
    end: int
    head: int
    proper: bool  # a proper name rather than a description

    def text(self, subject: Token) -> str:
        doc = subject.doc
        return doc[self.start : self.end + 1].text


def antecedent_of_relative(subject: Token) -> Token:
    """ "Paula Grant, who said ..." — the subject "who" stands for the noun it modifies."""
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject


def speaker_phrase(subject: Token) -> Phrase:
    """The words of the subject phrase that say who speaks.

    A proper name keeps its name words only (no possessor, title or
    "of"-phrase: "the navy's Juan dela Cruz of the Southern Fleet" → "Juan
    dela Cruz"); a description keeps its determiner, modifiers and describing
    prepositional phrases, and drops relative clauses and appositions.
    """
    doc = subject.doc
    head = subject
    if head.pos_ == "PROPN":
        start = head.i
        while (
            start > 0
            and doc[start - 1].dep_ in ("compound", "flat")
            and (doc[start - 1].head.i in range(start, head.i + 1))
        ):
            start -= 1
        end = head.i
        # "Juan dela Cruz": a name the parser split into a head and an appositive.
        while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].head.i == head.i:
            end += 1
        while start < head.i and doc[start].pos_ != "PROPN":
            start += 1
        # Titles go, but a name keeps two words ("Farmers Union" stays).
        while end - start >= 2 and doc[start].lower_.rstrip(".") in _NAME_TITLES:
            start += 1
        return Phrase(start, end, head.i, True)
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("punct", "cc") and child.i == head.left_edge.i:
            continue
        start = min(start, child.left_edge.i)
    while start < head.i and (doc[start].is_punct or doc[start].lower_ == "and"):
        start += 1
    end = head.i
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in _DESCRIBING_PREPOSITIONS:
            end = max(end, child.right_edge.i)
        elif child.dep_ in ("case", "compound", "nummod"):
            end = max(end, child.i)
        else:
            break
    while end > head.i and (doc[end].is_punct or doc[end].tag_ == "POS"):
        end -= 1
    return Phrase(start, end, head.i, False)


def earlier_phrase(phrase: Phrase, doc: Doc) -> Phrase | None:
    """ "Ferreira said" after "Lucas Ferreira": the fuller earlier form of a one-word name."""
    if phrase.start != phrase.end:
        return None
    word = doc[phrase.head].text
    for token in reversed(doc[max(0, phrase.start - LOOK_BACK_TOKENS) : phrase.start]):
        if token.text == word and token.pos_ == "PROPN":
            earlier = speaker_phrase(token)
            if earlier.end > earlier.start:
                return earlier
    return None


def described_actor(text: str, *, plural: bool, country: str | None, sector: str | None) -> Actor:
    """A local actor for a speaker known only by the text's description of it.

    The id carries the country and sector so that "officials" of two articles
    about two countries stay two actors when the store merges local actors.
    """
    suffix = "-".join(part.lower() for part in (country, sector) if part)
    actor_id = "local:" + (slug(text) or "speaker") + (f"--{suffix}" if suffix else "")
    kind: ActorType = "group" if plural else "person"
    return Actor(
        id=actor_id,
        name=text,
        type=kind,
        country=country,
        sector=sector,
        origin="local",
        descriptions=[text],
    )


@dataclass(frozen=True)
class ActorFacts:
    """What the quotes stage asks the knowledge base about an actor (nothing without one)."""

    kb: KnowledgeBase | None = None

    def _actor(self, actor_id: str) -> Actor | None:
        return self.kb.get(actor_id) if self.kb is not None else None

    def country(self, actor_id: str) -> str | None:
        actor = self._actor(actor_id)
        return actor.country if actor is not None else None

    def state(self, country: str) -> str | None:
        """The state actor of an ISO alpha-3 code ("BDI" → Burundi), when the KB has it."""
        actor = self.kb.country_actor(country) if self.kb is not None else None
        return actor.id if actor is not None else None

    def kind(self, actor_id: str) -> str | None:
        actor = self._actor(actor_id)
        return actor.type if actor is not None else None

    def gender(self, actor_id: str) -> str | None:
        actor = self._actor(actor_id)
        return self.gender_of_name(actor.name) if actor is not None else None

    def gender_of_name(self, name: str) -> str | None:
        """The gender news usage gives a name's given name ("Minister Maria Lopez": f).

        The first word the KB's given-name list knows decides; titles are not in it.
        """
        if self.kb is None:
            return None
        for word in name.split()[:-1] or name.split():
            gender = self.kb.genders.get(key(word))
            if gender is not None:
                return gender
        return None


SPEAKING_NOUNS = PERSON_NOUNS | INSTITUTIONS | GROUP_NOUNS
# Texts that speak for whoever issued them: "the government statement" is the
# state's ("a state acting through its government is the state").
DOCUMENT_NOUNS = frozenset({"statement", "communique", "announcement", "letter", "decree"})
