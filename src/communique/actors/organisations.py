"""Organisation names the knowledge base lacks, and place names that are no actors.

Part of pass 1 of the actors stage (``communique.actors.resolve.find_names``), which runs
after ``dates`` and before ``quotes``/``events``. In: a ``DocState``. Out: local
organisation actors for long capitalised names NER splits ("the International Conference
on Supporting Palestine Intifada"), with the country a modifier gives them ("the Italian
Supreme Court of Cassation", "Taiwan's Constitutional Court", "UK Supreme Court" → a
court of that state, also called "Supreme Court (Italy)" and "Supreme Court of the
United Kingdom"), and the tests that keep places out of the actors ("from the Oval
Office", "the Jordan Valley").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.actors.coref import ORG_HEADS
from communique.actors.kb import title_key
from communique.actors.names import key

if TYPE_CHECKING:
    from spacy.tokens import Span

    from communique.actors.kb import KnowledgeBase
    from communique.actors.state import DocState
    from communique.model import Actor

_ORG_WORDS = {"conference", "council", "committee", "organization", "organisation", "movement",
              "party", "front", "union", "association", "agency", "institute", "foundation",
              "assembly", "authority", "commission", "ministry", "forum", "centre", "center",
              "society", "league", "corps", "brigades", "army", "court", "university", "bank",
              "federation", "alliance", "coalition", "group", "network", "parliament",
              "legislature", "police", "navy", "prefecture", "directorate", "embassy",
              "secretariat", "tribunal", "bureau", "office", "media", "television", "radio",
              "broadcasting", "charity", "church", "department"}  # fmt: skip
INNER = {"of", "on", "for", "and", "against", "to", "the"}


def organisation_names(state: DocState) -> None:
    """Multi-word organisation names the KB lacks, which NER often splits:
    "the International Conference on Supporting Palestine Intifada". A capitalised run
    (with inner "of/on/for/and") containing an organisation word; a title or a name
    without such a word before "of" is cut off ("Secretary General of the ...")."""
    doc, texts, lowers = state.doc, state.texts, state.lowers
    # Arrays instead of Token objects in the walk (a Token per word costs more than it).
    strings = doc.vocab.strings
    times = {strings["DATE"], strings["TIME"]}
    dated = [value in times for value in doc.to_array("ENT_TYPE").tolist()]
    starts = [value == 1 for value in doc.to_array("SENT_START").tolist()]
    punct = [bool(value) for value in doc.to_array("IS_PUNCT").tolist()]
    n = len(doc)
    i = 0
    while i < n:
        if (
            not texts[i][:1].isupper()
            or (starts[i] and lowers[i] == "the")
            or doc[i].pos_ in ("VERB", "ADP", "ADV", "SCONJ", "PRON")  # "According to ..."
        ):
            i += 1
            continue
        j = i
        while (
            j < n
            and (
                (
                    not dated[j]  # "... of Cassation on July 6"
                    and texts[j][:1].isupper()
                    and not punct[j]
                    and (j == i or not starts[j])
                )
                or (
                    lowers[j] in INNER
                    and j + 1 < n
                    and (texts[j + 1][:1].isupper() or lowers[j + 1] == "the")
                    # "the Coast Guard and the National Police": two names, not one
                    and not (lowers[j] == "and" and lowers[j + 1] == "the")
                )
            )
        ):
            j += 1
        # a personal name with its title ends the run: "Committee Chairman Rep. Jason
        # Chaffetz" is a person, not an organisation named after a committee
        for t in range(i, j):
            span = state.person_at.get(t)
            if span is not None and (span.full or span.title_start < span.start):
                j = min(t, span.title_start) if span.title_start >= i else i
                break
        while j > i and lowers[j - 1] in INNER:
            j -= 1
        tokens = lowers[i:j]
        if "of" in tokens and not state.kb.lookup(doc[i:j].text):
            cut = tokens.index("of")
            head, tail = set(tokens[:cut]), set(tokens[cut + 1 :])
            # "Permanent Secretariat of the International Conference on ...": the part
            # after "of" is itself an organisation; "Organisation of Islamic Cooperation"
            # and "Ministry of Foreign Affairs" stay whole.
            if (
                not head & _ORG_WORDS
                or tail & _ORG_WORDS
                or title_key(doc[i : i + cut].text) in state.kb.titles
            ):
                i = i + cut + 1
                continue
        if j - i >= 3 and set(tokens) & _ORG_WORDS and doc[i:j].text.count(" ") >= 2:
            text = doc[i:j].text
            if not state.kb.lookup(text):
                variants = organisation_variants(state.kb, key(text).split())
                if variants:  # "National Directorate for Security": one slip from a KB name
                    state.add(i, j, variants[0].id, "alias", 0.8)
                else:
                    actor = local_organisation(state, i, j)
                    state.add(i, j, actor.id, "name", 0.85)
                state.cover(i, j)
        i = max(j, i + 1)


def organisation_variants(kb: KnowledgeBase, words: list[str]) -> list[Actor]:
    """KB organisations a multi-word name misses by one slip: "for" written for "of"
    ("National Directorate for Security"), or two letters swapped in a long word
    ("Untied Nations"). A person's name gets no such tolerance (``lookup_variants``)."""
    if len(words) < 2:
        return []
    candidates = []
    if "for" in words or "of" in words:
        swap = {"for": "of", "of": "for"}
        candidates.append(" ".join(swap.get(w, w) for w in words))
    for n, word in enumerate(words):
        if len(word) < 5:
            continue
        for p in range(len(word) - 1):
            swapped = word[:p] + word[p + 1] + word[p] + word[p + 2 :]
            if swapped != word:
                candidates.append(" ".join([*words[:n], swapped, *words[n + 1 :]]))
    for text in candidates:
        # the words are normalised already: probe the name index without normalising again
        ids = kb.names.get(text.removeprefix("the "), ())
        found = [kb.actors[i] for i in ids if kb.actors[i].type != "person"]
        if found:
            return found
    return []


# Words after a KB name inside an NER organisation that leave the KB name standing:
# "NATO Secretary General", "Hamas Political Bureau" are the KB actor plus a role or organ.
_ORGAN_WORDS = ORG_HEADS | {"secretary", "general", "minister", "spokesman", "spokeswoman",
                            "spokesperson", "chairman", "chief", "director", "president",
                            "bureau", "office", "branch", "wing", "headquarters", "official",
                            "officials", "leader", "leadership"}  # fmt: skip


# Words that only say what kind of body a name is ("Mahan Air", "Velora Group",
# "Kharu Holdings"): a report names the body by the rest of the name later ("Mahan").
_KIND_WORDS = {"air", "airlines", "airline", "airways", "aviation", "group", "holdings",
               "corporation", "corp", "company", "co", "inc", "ltd", "plc", "limited",
               "bank", "energy", "oil", "petroleum", "motors", "telecom", "shipping",
               "party", "movement", "foundation", "institute", "network", "agency"}  # fmt: skip


def names_a_body(words: list[str]) -> bool:
    """A name of two or more words whose last word says what kind of body it is."""
    return len(words) >= 2 and words[-1] in _KIND_WORDS


def short_form(state: DocState, word: str) -> str | None:
    """The organisation named before whose name is ``word`` followed only by kind words
    ("Mahan" after "Mahan Air"), when exactly one fits; else None. A town of the same
    name ("Mahan", Iran) does not stop it: the report named the body, not the town."""
    if len(word) < 3:
        return None
    fits: set[str] = set()
    for found in state.found:
        if found.kind not in ("name", "alias"):
            continue
        actor = state.actor(found.actor_id)
        if actor is None or actor.type != "organisation":
            continue
        words = key(actor.name).split()
        if len(words) >= 2 and words[0] == word and all(w in _KIND_WORDS for w in words[1:]):
            fits.add(actor.id)
    return fits.pop() if len(fits) == 1 else None


def inside_longer_name(state: DocState, start: int, end: int) -> bool:
    """Is the KB match [start, end) the first words of a longer organisation name that NER
    reads ("Sky News Arabia", "Abu Dhabi Media")? Then it is not the KB actor (or seat)."""
    label, ent_start, ent_end = entity_around(state, start)
    if label != "ORG" or ent_end <= end:
        return False
    if ent_start != start and not (ent_start == start - 1 and state.lowers[ent_start] == "the"):
        return False  # "President of Ukraine Volodymyr ...": the KB name is inside, not first
    rest = state.doc[end:ent_end]
    if any(t in state.person_at for t in range(end, ent_end)) or state.kb.lookup(rest.text):
        return False  # the rest is a name of its own: a person, or another KB actor
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest) and not any(
        t.lower_ in _ORGAN_WORDS for t in rest
    )


# Last words of place names that NER may tag ORG ("the Oval Office", "Capitol Hill").
_PLACE_HEADS = frozenset({"hill", "square", "avenue", "street", "road", "boulevard", "office",
                          "palace", "hall", "building", "house", "park", "bridge", "airport",
                          "station", "camp", "base", "room", "plaza", "gate", "strip",
                          "valley", "river", "basin", "mountains", "desert", "coast"})  # fmt: skip
# Landforms after a state's name that make the whole a place ("the Jordan Valley").
LANDFORMS = frozenset({"valley", "river", "basin", "sea", "gulf", "strait", "mountains",
                        "desert", "plateau", "lake", "delta", "highlands", "coast",
                        "peninsula", "canal", "rift"})  # fmt: skip
_LOCATIVE = frozenset({"in", "on", "at", "from", "inside", "outside", "near", "into", "to",
                       "across", "around", "along", "through"})  # fmt: skip


def entity_around(state: DocState, i: int) -> tuple[str, int, int]:
    """Label, start and end of the NER entity holding token i ("" when none)."""
    token = state.doc[i]
    if not token.ent_type_:
        return "", i, i + 1
    start = i
    while start > 0 and state.doc[start].ent_iob_ == "I":
        start -= 1
    end = i + 1
    while end < len(state.doc) and state.doc[end].ent_iob_ == "I":
        end += 1
    return token.ent_type_, start, end


def place_use(state: DocState, ent: Span) -> bool:
    """An entity NER tags ORG/FAC that the sentence uses as a place: the object of a
    locative preposition ("from the Oval Office", "on Capitol Hill") whose last word is a
    place word, and which the knowledge base does not know as an actor."""
    last = state.lowers[ent.end - 1]
    if last not in _PLACE_HEADS or state.kb.lookup(ent.text):
        return False
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE


_POSSESSIVE = {"’s", "'s", "’", "'"}


def country_modifier(state: DocState, start: int, end: int) -> tuple[int, str | None]:
    """The state an organisation name is qualified by, and where the name proper starts.

    "Italian Supreme Court of Cassation", "UK Supreme Court" (a demonym or a state name
    as the first word of a longer name), "Taiwan's Constitutional Court", "the Greek
    Foreign Ministry" (a state named or a demonym just before the name).
    """
    kb, texts = state.kb, state.texts
    first = texts[start]
    if end - start >= 2 and first[:1].isupper():
        iso = kb.demonym(first) if not first.endswith("s") else None
        if iso is None:
            # the state's own name or an abbreviation ("UK"), not a capital ("Beijing")
            states = [
                a
                for a in kb.lookup(first)
                if a.type == "state" and (key(a.name) == key(first) or first.isupper())
            ]
            iso = states[0].country if states else None
        if iso is not None:
            return start + 1, iso
    k = start - 1
    if k >= 0 and texts[k] in _POSSESSIVE:
        for found in state.found:
            actor = state.actor(found.actor_id) if found.end == k else None
            if actor is not None and actor.type == "state":
                return start, actor.country
        return start, None
    if k >= 0 and texts[k][:1].isupper() and not texts[k].endswith("s"):
        return start, kb.demonym(texts[k])
    return start, None


# Heads of names that only a state has one of ("the Ministry of Foreign Affairs", "the
# Interior Ministry", "the Constitutional Court"): without a country in the name, the
# state is the one the sentence names before it.
_STATE_BODIES = {"ministry", "court", "parliament", "senate", "legislature", "cabinet"}


def _state_body(name_key: str) -> bool:
    words = name_key.split()
    return len(words) >= 2 and any(w in _STATE_BODIES for w in words)


def _state_of_sentence(state: DocState, start: int) -> str | None:
    """ISO3 of the last state named in the sentence before token ``start``, or None.
    Names run before the KB scan, so the sentence's place entities are looked up here."""
    for ent in reversed(state.doc[start].sent.ents):
        if ent.end > start or ent.label_ != "GPE":
            continue
        states = [a for a in state.kb.lookup(ent.text) if a.type == "state" and a.country]
        if states and (key(states[0].name) == key(ent.text) or ent.text.isupper()):
            return states[0].country
    return None


def local_organisation(state: DocState, start: int, end: int, name: str | None = None) -> Actor:
    """The local actor of an organisation named on tokens [start, end), with the state a
    modifier gives it: "UK Supreme Court" → "Supreme Court" of GBR, also answering to
    "Supreme Court (United Kingdom)" and "Supreme Court of the United Kingdom"."""
    begin, iso = country_modifier(state, start, end)
    if iso is None and _state_body(key(name or state.doc[start:end].text)):
        iso = _state_of_sentence(state, start)
    country = state.kb.country_actor(iso)
    if country is None:
        return state.local_actor(name or state.doc[start:end].text, "organisation")
    written = name or state.doc[start:end].text
    proper = state.doc[begin:end].text if begin > start else written
    return state.local_actor(
        proper, "organisation", country=iso, country_name=country.name, written=written
    )
