"""Mention structure: a personal name with the title and qualifiers written before it.

Part of pass 1 of the actors stage (``communique.actors.resolve.find_names``), which runs
after ``dates`` and before ``quotes``/``events``. In: a ``DocState`` (the spaCy ``Doc``
and the knowledge base). Out: ``DocState.person_spans``, one ``PersonSpan`` per personal
name the text writes ("Former Attorney General Dana Whitcombe" → title words "Attorney
General", qualifier "former", name "Dana Whitcombe"), and the checks the resolver makes
with them:

- the name decides who is meant; a KB name or alias found inside a longer personal name
  counts only when the rest of the name agrees with that actor (``agrees``): "Tomas
  Halloran" is not a KB's Maeve Halloran, "Albert Okonjo" is not a KB prince Albert,
  "Chad Perrin" is not the state of Chad;
- a one-word name that is a word of a full name the article writes belongs to that
  article's person before any KB namesake ("Lucía Ferrán Ocasio ... Ferrán");
- the title is evidence about the person, never the identity: the resolver makes the
  title words a mention of the named person (``title_of``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique.actors.names import HONORIFICS, key

if TYPE_CHECKING:
    from spacy.tokens import Span

    from communique.actors.kb import KnowledgeBase
    from communique.actors.state import DocState, Found
    from communique.model import Actor

# Words before a title that change when, not who: "former", "then-", "acting".
QUALIFIERS = frozenset({"former", "then", "acting", "late", "ex", "outgoing", "incoming",
                        "interim", "deputy", "current", "elect", "newly", "new"})  # fmt: skip
# Person titles the office table has no office for (ranks and posts of any country), so
# that "Chief Superintendent Arlo Benedicto" keeps only the name. Office titles from the
# knowledge base are added to these at load (``title_words``).
_RANKS = frozenset({"superintendent", "inspector", "detective", "officer", "constable",
                    "undersecretary", "mayor", "governor", "councillor", "councilor",
                    "spokesperson", "spokesman", "spokeswoman", "chairwoman", "chairperson",
                    "commissioner", "director", "attorney", "prosecutor", "magistrate",
                    "ombudsman", "envoy", "minister", "secretary", "leader", "head",
                    "president", "premier", "senator", "sen", "rep", "gov", "lt", "mr",
                    "mrs", "ms", "dr", "general", "chief", "vice", "assistant", "associate",
                    "health", "foreign", "defence", "defense", "interior", "finance",
                    "justice", "education", "trade", "economy", "environment", "labour",
                    "labor", "energy", "transport", "culture", "agriculture", "state",
                    "home", "national", "security", "adviser", "advisor", "executive",
                    "manager", "founder", "ceo", "chairman", "chair",
                    "treasurer", "whip", "majority", "minority", "first", "lady",
                    "speaker", "house", "senate", "prime", "sergeant", "private",
                    "pope", "coach", "judge", "mp", "mep", "mk", "mufti", "pastor",
                    "priest", "cleric", "maulvi", "bishop", "archbishop"})  # fmt: skip
# Words that are only ever person titles (no place or organisation name is made of them).
PERSON_TITLES = frozenset(HONORIFICS | _RANKS) - {"national", "state", "house", "senate",
                                                  "first", "home", "security", "trade",
                                                  "health", "foreign", "interior", "finance",
                                                  "justice", "education", "economy",
                                                  "environment", "labour", "labor", "energy",
                                                  "transport", "culture", "agriculture",
                                                  "defence", "defense", "right", "grand",
                                                  "crown", "field", "private", "his", "her",
                                                  "your", "their", "late", "vice", "general",
                                                  "lady", "major", "chief", "head"}  # fmt: skip
_POSSESSIVE = {"’s", "'s", "’", "'"}
# Lower-case words inside family names.
_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "la", "le", "da",
                        "dos", "das", "du", "bin", "ibn", "al", "el", "ter"})  # fmt: skip
_TITLE_WORDS: dict[int, frozenset[str]] = {}


def title_words(kb: KnowledgeBase) -> frozenset[str]:
    """Words that make up person titles: the honorifics, the ranks above and every word of
    the office titles of the knowledge base that is not itself a given name, a demonym or
    the name of an actor ("foreign", "minister", "attorney", but not "iran", "chad")."""
    cached = _TITLE_WORDS.get(id(kb))
    if cached is not None:
        return cached
    words = set(HONORIFICS) | _RANKS | QUALIFIERS
    for title in kb.titles:
        for word in title.split():
            if word not in kb.genders and word not in kb.demonyms and word not in kb.names:
                words.add(word)
    words -= {"of", "the", "and", "for", "in", "de", "al", "el", "abu", "bin", "ibn"}
    result = frozenset(words)
    _TITLE_WORDS[id(kb)] = result
    return result


@dataclass(frozen=True)
class PersonSpan:
    """A personal name in the text with the title written before it.

    ``title_start`` ≤ ``start`` < ``end``: tokens [title_start, start) are title and
    qualifier words ("Former Attorney General"), [start, end) the name.
    """

    title_start: int
    start: int
    end: int
    words: tuple[str, ...]  # the name's lookup keys, one per word
    qualifiers: tuple[str, ...]  # "former", "then", "acting", "elect" among the title words

    def covers(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end

    @property
    def full(self) -> bool:
        """Given name and family name: two words or more."""
        return len(self.words) >= 2


def find_person_spans(state: DocState) -> list[PersonSpan]:
    """Every PERSON entity, with titles moved out of the name and the family names the
    small NER model leaves outside the entity put back ("Lucía Ferrán | Ocasio")."""
    doc, texts, lowers = state.doc, state.texts, state.lowers
    titles = title_words(state.kb)
    n = len(doc)
    spans: list[PersonSpan] = []
    taken: set[int] = set()
    other_entity = {
        t for ent in doc.ents if ent.label_ != "PERSON" for t in range(ent.start, ent.end)
    }
    for ent in doc.ents:
        if ent.start in taken or not (ent.label_ == "PERSON" or _person_like(state, ent)):
            continue
        start, end = ent.start, ent.end
        while end < n and end not in other_entity and not doc[end].is_sent_start:
            if _name_word(texts[end]) and doc[end].pos_ == "PROPN":
                end += 1
            elif (
                lowers[end] in _PARTICLES
                and end + 1 < n
                and (_name_word(texts[end + 1]) or lowers[end + 1] in _PARTICLES)
            ):
                end += 1  # "Ilse von der Marwitz", "Tomás de la Peña"
            else:
                break
        while end > start and (texts[end - 1] in _POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        # given names NER left outside ("Arnel | dela Vega")
        while (
            start > 0
            and not doc[start].is_sent_start
            and start - 1 not in other_entity
            and doc[start - 1].pos_ == "PROPN"
            and _name_word(texts[start - 1])
            and not _title_token(lowers[start - 1], titles, state.kb)
        ):
            start -= 1
        # titles inside the entity ("Superintendent Arlo") and just before it
        title_start = start
        while title_start > 0 and _title_token(lowers[title_start - 1], titles, state.kb):
            if doc[title_start].is_sent_start:
                break
            title_start -= 1
        # "Committee Chairman Rep. Owen Tasker": the name starts after the last title
        # word, so an unknown word between titles ("Committee") goes with the title
        last_title = max(
            (t for t in range(start, end - 1) if _title_token(lowers[t], titles, state.kb)),
            default=None,
        )
        if last_title is not None:
            start = last_title + 1
            while start < end - 1 and texts[start] == ".":
                start += 1
        while start < end - 1 and _title_token(lowers[start], titles, state.kb):
            start += 1
        if end - start < 1 or (_title_token(lowers[start], titles, state.kb) and end - start == 1):
            continue
        words = tuple(w for t in range(start, end) for w in key(texts[t]).split())
        if not words:
            continue
        qualifiers = tuple(
            q
            for t in range(title_start, start)
            for q in lowers[t].replace("-", " ").split()
            if q in QUALIFIERS
        )
        if end < n and lowers[end] in ("-elect", "elect"):
            qualifiers += ("elect",)
        spans.append(PersonSpan(title_start, start, end, words, qualifiers))
        taken.update(range(start, end))
    return spans


# Words that make a capitalised run an organisation or a place, not a person.
_NOT_NAME_WORDS = frozenset({"party", "movement", "front", "union", "council", "committee",
                             "ministry", "court", "agency", "bank", "group", "news", "media",
                             "forces", "force", "army", "police", "office", "department",
                             "university", "school", "college", "hospital", "company",
                             "corporation", "airlines", "air", "tv", "radio", "times", "post",
                             "press", "association", "organisation", "organization", "forum",
                             "institute", "foundation", "commission", "assembly", "league",
                             "network", "international", "national", "republic", "state",
                             "states", "kingdom", "city", "province", "region", "county"})  # fmt: skip


def _person_like(state: DocState, ent: Span) -> bool:
    """The small NER model tags many unfamiliar personal names ORG or GPE ("Lucía Ferrán
    Ocasio", "Tomás Idiáquez Lorca"): two to four capitalised proper nouns, none of
    them an organisation word, a title, a place or the name of a state or organisation,
    and the whole not a KB name."""
    if ent.label_ not in ("ORG", "GPE") or not 2 <= len(ent) <= 8:
        return False
    kb = state.kb
    titles = title_words(kb)
    tokens = list(ent)
    # "Committee Chairman Rep. Owen Tasker" (ORG): the words after the last title
    titled = [i for i, t in enumerate(tokens) if t.lower_.rstrip(".") in PERSON_TITLES]
    if titled and titled[-1] < len(tokens) - 1:
        tokens = tokens[titled[-1] + 1 :]
    elif len(tokens) > 5:
        return False
    words = [t for t in tokens if t.text not in ("-", ".") and t.lower_ not in _PARTICLES]
    if titled and 1 <= len(words) <= 4:
        return all(tok.pos_ == "PROPN" and _name_word(tok.text) for tok in words)
    if not 2 <= len(words) <= 4 or kb.lookup(ent.text) or state.is_place(ent.text):
        return False
    for tok in words:
        low = key(tok.text)
        if (
            tok.pos_ != "PROPN"
            or not _name_word(tok.text)
            or low in _NOT_NAME_WORDS
            or low in titles
            or low in kb.demonyms
            or state.is_place(tok.text)
            or any(a.type != "person" for a in kb.lookup(tok.text))
        ):
            return False
    return True


def _name_word(text: str) -> bool:
    """A capitalised word of a name: "Ferrán", "O'Neill", "Al-Qudra", "bin"-less."""
    return text[:1].isupper() and text.replace("-", "").replace("'", "").replace("’", "").isalpha()


def _title_token(low: str, titles: frozenset[str], kb: KnowledgeBase) -> bool:
    word = low.rstrip(".").replace("-", " ").split()
    return bool(word) and all(w in titles for w in word) and word[0] not in kb.genders


def attach_titles(state: DocState) -> None:
    """The title is evidence about the named person, not a second identity.

    "Former Attorney General Dana Whitcombe", "Mayor Kowalczyk": the title words before
    a name become a mention of the person the name resolved to, and a role the title
    alone resolved to (the current attorney general, another city's mayor) follows the
    name. "The head of the UN refugee agency, John Smith, said": a role description
    set off by a comma right before a name is that person too.
    """
    by_start: dict[int, Found] = {}
    for found in state.found:
        if found.kind in ("name", "alias") and found.start not in by_start:
            by_start[found.start] = found
    people = {
        f.start: f
        for f in by_start.values()
        if (actor := state.actor(f.actor_id)) is not None and actor.type == "person"
    }
    # a KB alias may take in the title ("Secretary of State Colin Powell"): the person
    # mention is the one that covers the name's first word
    covering = {t: f for f in people.values() for t in range(f.start, f.end)}
    for span in state.person_spans:
        person = covering.get(span.start)
        if person is None or span.title_start >= span.start:
            continue
        inside = [
            f
            for f in state.found
            if f.kind == "role"
            and (f.end == span.start or (span.title_start <= f.start and f.end <= span.start))
        ]
        for role in inside:
            role.actor_id, role.kind = person.actor_id, "description"
        if not inside:
            state.add(span.title_start, span.start, person.actor_id, "description", 0.85)
    doc = state.doc
    _relational_appositives(state, people)
    for role in [f for f in state.found if f.kind == "role"]:
        j = role.end
        while j < len(doc) and j - role.end < 12 and doc[j].text != ",":
            tok = doc[j]
            if tok.is_sent_start or (tok.pos_ in ("VERB", "AUX") and tok.tag_ != "VBN"):
                break
            j += 1
        if j < len(doc) and doc[j].text == "," and (j + 1) in people:
            after = people[j + 1].end
            if after >= len(doc) or doc[after].text in (",", "(") or doc[after].pos_ == "VERB":
                role.actor_id, role.kind = people[j + 1].actor_id, "description"


# Words before a name that read it as a place: "in Jolo", "residents of Jolo", "took Sanaa".
_BEFORE_A_PLACE = frozenset({"in", "of", "on", "at", "near", "from", "to", "into", "across",
                             "outside", "inside", "around", "toward", "towards", "through",
                             "via", "throughout", "within",
                             "took", "take", "taken", "taking", "captured", "capture",
                             "seized", "seize", "entered", "enter", "reached", "reach",
                             "stormed", "besieged", "shelled", "bombed", "visited", "visit",
                             "left", "leave", "fled", "flee"})  # fmt: skip


def place_not_person(state: DocState, start: int, name: str) -> bool:
    """A one-word "person" that is a place and nothing tells a person: no honorific or
    title before it, no person of the article with that name, no known given name; and
    something reads it as a place, a place word before it ("in Jolo", "took Sanaa") or a
    place of that name in a state the article names. Small towns share many surnames
    (Mandela in Ghana, Obama in Japan): the gazetteer's word alone is not enough."""
    k = key(name)
    if len(k.split()) != 1 or not state.is_place(name) or k in state.kb.genders:
        return False
    if k in state.surnames or k in state.given or "~" + k in state.local_keys:
        return False
    before = state.lowers[start - 1].rstrip(".") if start > 0 else ""
    if before in HONORIFICS:
        return False
    if before in _BEFORE_A_PLACE or _after_a_place(state, start):
        return True
    return any(state.place_country(name, iso) == iso for iso in state.countries)


def _after_a_place(state: DocState, start: int) -> bool:
    """The name follows a place and a comma, as a region follows its town ("Livorno, X")."""
    if start < 2 or state.lowers[start - 1] != ",":
        return False
    town = state.doc[start - 2]
    return town.ent_type_ in ("GPE", "LOC") or state.is_place(town.text)


# Nouns that name a person by a relation to another ("his successor", "the emir's cousin").
RELATIONS = frozenset({"successor", "predecessor", "wife", "husband", "widow", "widower",
                       "son", "daughter", "father", "mother", "brother", "sister", "cousin",
                       "nephew", "niece", "uncle", "aunt", "fiancee", "fiancée", "fiance",
                       "spokesperson", "spokesman", "spokeswoman", "lawyer", "aide",
                       "adviser", "advisor", "deputy", "partner", "grandson", "granddaughter",
                       "stepson", "stepdaughter", "heir", "ally", "rival"})  # fmt: skip


def _relational_appositives(state: DocState, people: dict[int, Found]) -> None:
    """ "his successor, Faisal bin Hamdan, attended": the relation is the named person,
    never the possessor the pronoun or name before it points to."""
    doc, lowers = state.doc, state.lowers
    for i, low in enumerate(lowers):
        if low not in RELATIONS or i + 2 >= len(doc) or doc[i + 1].text != ",":
            continue
        person = people.get(i + 2)
        if person is None:
            continue
        k = i - 1
        while k >= 0 and doc[k].pos_ == "ADJ":
            k -= 1
        if k < 0:
            continue
        if lowers[k] in ("his", "her", "their", "the", "its"):
            start = k
        elif doc[k].text in _POSSESSIVE and any(f.end == k for f in state.found):
            start = min(f.start for f in state.found if f.end == k)
        else:
            continue
        state.add(start, i + 1, person.actor_id, "description", 0.8)


def agrees(actor: Actor, span: PersonSpan, start: int, matched: list[str]) -> bool:
    """Can the KB actor matched from token ``start`` on (its key words ``matched``) be the
    person the whole name means?

    A match that takes in the given name and one more word is the person ("Tomás
    Idiáquez Lorca" for Tomás Idiáquez; "Karim al-" is one word, not two). Otherwise every word of the name the match
    leaves out must be one of the actor's own name words: "Halloran" inside "Tomas
    Halloran" is not a KB's Maeve Halloran, "Albert" inside "Albert Okonjo" is not a
    KB prince Albert; a state or an organisation is never part of a personal name ("Chad
    Perrin").
    """
    if actor.type != "person":
        return False
    if start <= span.start and len(matched) >= 2:
        return True
    own = set(actor_words(actor))
    doc_words = span.words
    return all(word in own for word in doc_words)


def actor_words(actor: Actor) -> list[str]:
    """Every word of an actor's name and aliases (lookup keys)."""
    out: list[str] = []
    for text in (actor.name, *actor.aliases):
        out.extend(key(text).split())
    return out


def given_name_conflict(actor: Actor, words: tuple[str, ...]) -> bool:
    """A full name whose given name is not one the actor goes by ("Pablo Arriaga" for a KB
    Luis Arriaga); initials agree with any given name of that letter."""
    if len(words) < 2:
        return False
    given = words[0]
    firsts = {key(text).split()[0] for text in (actor.name, *actor.aliases) if key(text)}
    if given in firsts or given in actor_words(actor):
        return False
    return not (len(given) == 1 and any(f.startswith(given) for f in firsts))


__all__ = [
    "QUALIFIERS",
    "PersonSpan",
    "actor_words",
    "agrees",
    "find_person_spans",
    "given_name_conflict",
    "title_words",
]
