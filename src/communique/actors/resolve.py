"""The actors stage: find every mention of an actor in a document and resolve it.

Runs after ``sentences`` and ``dates``, before ``quotes`` and ``events``, which attribute
speakers, sources and targets through the mentions made here. In: the spaCy ``Doc``, the
``Document`` (its ``published`` date anchors role descriptions) and ``context.kb``. Out:
``document.mentions`` (char offsets, actor id, kind, confidence) and ``document.actors``
(every actor the mentions refer to, KB and local).

Three passes over one ``DocState``:

1. names (this module): longest-match scan of KB names and aliases over the tokens, then
   spaCy PERSON/ORG entities and honorific-led names not in the KB (honorifics stripped,
   transliteration skeletons, surnames of people already named, else local actors), then
   abbreviations defined in the text ("Northern Water Authority (NWA)", ``abbreviations``), seats of
   government and capitals used as actors ("the Kremlin said", ``metonymy``) and juntas;
2. descriptions (``roles``): role descriptions resolved through office titles, context
   and date, appositives, demonyms ("Iranian officials");
3. anaphora (``coref``): definite descriptions, "the Movement", "the enemy", pronouns;
4. generic agents (``agents``): "Turkish police", "dozens of protesters in Nairobi" →
   agent actors of a country and CAMEO sector (``agent:TUR:COP``), in the spans left free;
5. national institutions named by kind (``institutions``): "the parliament", "the
   Velorian navy", "Veloria's legislature" → the state's institution in the KB.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from communique.actors import metonymy
from communique.actors.abbreviations import abbreviations
from communique.actors.agents import starts_an_agent_noun
from communique.actors.coref import ORG_HEADS
from communique.actors.kb import lookup_key, title_key
from communique.actors.mention import (
    actor_words,
    agrees,
    attach_titles,
    find_person_spans,
    place_not_person,
)
from communique.actors.names import HONORIFICS, key, strip_honorifics, transliterations
from communique.actors.organisations import (
    INNER,
    LANDFORMS,
    entity_around,
    inside_longer_name,
    local_organisation,
    names_a_body,
    organisation_names,
    organisation_variants,
    place_use,
    short_form,
)
from communique.actors.state import DocState
from communique.model import Actor, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from communique.context import Context
    from communique.model import Document
    from communique.places.gazetteer import Gazetteer

# spaCy labels that name actors; GPE/NORP go through the KB and demonyms only.
_LOCAL_TYPES = {"PERSON": "person", "ORG": "organisation"}
_STOP = {",", ";", ":", "(", ")", "“", "”", '"', "[", "]", "—", "–", "|"}
_UPPER = re.compile(r"[A-Z]")
# States whose people some English texts name family name first.
_FAMILY_FIRST_ANYWHERE = frozenset({"JPN", "CHN", "TWN", "KOR", "PRK", "HKG", "MAC", "VNM",
                                    "KHM", "HUN", "MNG", "SGP"})  # fmt: skip


def resolve_actors(doc: Doc, document: Document, context: Context) -> None:
    """Stage function: assign ``document.mentions`` and ``document.actors``."""
    from communique.actors import (
        agents,
        appositions,
        coref,
        description_echo,
        embassies,
        institutions,
        municipalities,
        perpetrators,
        regions,
        relations,
        role_referents,
        roles,
    )

    date = (document.published or "")[:10] or None
    gazetteer = context.gazetteer
    state = DocState(
        doc=doc,
        kb=context.kb,
        date=date,
        is_place=lambda name: gazetteer.resolve(name) is not None,
        place_country=lambda name, hint: _place_country(gazetteer, name, hint),
    )
    find_names(state)
    embassies.find_embassies(state)
    municipalities.find_municipalities(state)
    municipalities.find_place_bodies(state)
    regions.find_regions(state)
    roles.find_descriptions(state)
    attach_titles(state)
    coref.find_anaphora(state)
    relations.find_relations(state)
    role_referents.find_role_referents(state)
    agents.find_agents(state, agents.load_lexicon(), lambda n, h: _place_country(gazetteer, n, h))
    relations.named_armed_group(state)
    perpetrators.named_perpetrator(state)
    description_echo.echoed_descriptions(state)
    description_echo.predicate_descriptions(state)
    institutions.find_institutions(state)
    appositions.reference_order_aliases(state)
    mentions: list[Mention] = []
    seen: set[tuple[int, int, str]] = set()
    for found in sorted(state.found, key=lambda f: (f.start, -f.end)):
        if found.end <= found.start:
            continue
        span = doc[found.start : found.end]
        start, end = span.start_char, span.end_char
        text = document.text[start:end]
        # spaCy keeps paragraph breaks as whitespace tokens: a span that ends a
        # line must not carry the break into the mention's text and offsets
        stripped = text.rstrip(" .,;:’'[]()\n\r\t")
        end -= len(text) - len(stripped)
        if (start, end, found.actor_id) in seen or end <= start:
            continue
        seen.add((start, end, found.actor_id))
        mentions.append(
            Mention(
                start=start,
                end=end,
                text=document.text[start:end],
                actor_id=found.actor_id,
                kind=found.kind,
                confidence=round(found.confidence, 2),
            )
        )
    document.mentions = mentions
    actors: dict[str, Actor] = {}
    for mention in mentions:
        actor = state.actor(mention.actor_id)
        if actor is not None and actor.id not in actors:
            actors[actor.id] = actor
    document.actors = list(actors.values())


def _place_country(gazetteer: Gazetteer, name: str, hint: str | None = None) -> str | None:
    place = gazetteer.resolve(name, hint)  # a near spelling outside the hinted state: none
    if place is None or (hint and place.country != hint and key(place.name) != key(name)):
        return None
    return place.country


# ---------------------------------------------------------------------------
# pass 1: names


def find_names(state: DocState) -> None:
    state.person_spans = find_person_spans(state)
    state.person_at = {t: span for span in state.person_spans for t in range(span.start, span.end)}
    organisation_names(state)
    scan_kb(state)
    abbreviations(state)
    titles = {t for span in state.person_spans for t in range(span.title_start, span.start)}
    for ent in state.doc.ents:
        start, end = ent.start, ent.end
        if all(t in titles for t in range(start, end)):
            continue  # "Defence" of "Defence Secretary Priya Raman": a title word
        if ent.label_ in ("ORG", "FAC") and place_use(state, ent):
            continue
        span = state.person_at.get(start) or state.person_at.get(end - 1)
        label = ent.label_
        if span is not None and (label == "PERSON" or span.start <= start < span.end):
            start, end = span.start, span.end  # the name without its titles
            label = "PERSON"  # also a personal name NER tagged ORG/GPE ("Lucía Ferrán Ocasio")
        if not state.free(start, end) or ent.text in state.doc_aliases:
            continue
        iso = state.kb.seats.get(lookup_key(ent.text))
        if iso is not None and label in ("GPE", "LOC", "FAC", "ORG"):
            metonymy.seat_mention(state, start, end, iso)
        elif label in _LOCAL_TYPES:
            name_entity(state, start, end, label)
        elif label == "GPE" and _person_like(state, ent):
            name_entity(state, start, end, "PERSON")
    honorific_names(state)
    abbreviations(state)
    family_names(state)
    metonymy.juntas(state)


def family_names(state: DocState) -> None:
    """A capitalised word left unresolved that is a family name of a person the article
    names in full ("Ferrán" after "Lucía Ferrán Ocasio", which NER may tag ORG or miss)
    is that person: the article's own chain comes before the knowledge base."""
    if not state.surnames:
        return
    doc = state.doc
    for i, text in enumerate(state.texts):
        if not text[:1].isupper() or i in state.covered:
            continue
        word = key(text)
        if word not in state.surnames or doc[i].pos_ not in ("PROPN", "NOUN"):
            continue
        people = state.namesakes.get(word, [])
        if not people:
            continue
        earlier = [f.actor_id for f in state.found if f.start < i and f.actor_id in people]
        actor_id = earlier[-1] if earlier else people[-1]
        state.add(i, i + 1, actor_id, "alias", 0.5 if len(people) > 1 else 0.8)
        state.cover(i, i + 1)


def _person_like(state: DocState, ent: Span) -> bool:
    """The small NER model tags some unfamiliar personal names GPE ("Marta Okonkwo"): two
    or three capitalised proper nouns that neither the KB nor the gazetteer knows."""
    tokens = list(ent)
    return (
        2 <= len(tokens) <= 3
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.isalpha() for t in tokens)
        and not state.kb.lookup(ent.text)
        and not state.is_place(ent.text)
    )


def _case_ok(state: DocState, text: str, k: str) -> bool:
    """Aliases written in capitals in the KB must be capitalised in the text too.

    Acronym-only keys ("us", "who", "pa") must be upper case, so that "us" and "who"
    stay pronouns; other names need a capital letter unless every KB form is lower case
    ("the occupiers").
    """
    forms = state.kb.forms.get(k)
    if forms is None:
        return True
    if forms == "upper":
        return text.replace(".", "").replace(" ", "").isupper()
    if forms == "lower":
        return True
    return bool(_UPPER.search(text))


def scan_kb(state: DocState) -> None:
    """Longest match of KB names/aliases over the tokens of each sentence.

    N-gram keys are joined from per-token keys (computed once), skipping "al"/"el" and
    punctuation-only tokens, so the scan costs a dictionary probe per candidate n-gram.
    """
    doc, kb = state.doc, state.kb
    # Token texts from the ORTH array: building a Token object per word costs more than
    # the dictionary probes (profiled on the dev articles).
    keys = state.keys
    # per-token words, and the same without "al"/"el", split once (the loop below joins
    # them for every candidate n-gram)
    split = [k.split() for k in keys]
    kept_words = [[w for w in ws if w not in ("al", "el")] for ws in split]
    # Sentence starts as one array, for the same reason (SENT_START is 1 at a start).
    sent_start = [value == 1 for value in doc.to_array("SENT_START").tolist()]
    ent_types, org = doc.to_array("ENT_TYPE").tolist(), doc.vocab.strings["ORG"]
    dates = {doc.vocab.strings["DATE"], doc.vocab.strings["TIME"]}
    n = len(doc)
    i = 0
    while i < n:
        first = split[i]
        if not first or (first[0] not in kb.first_words and first[0] not in ("the", "al", "el")):
            i += 1
            continue
        best: tuple[int, list[str], str] | None = None
        words: list[str] = []
        kept: list[str] = []
        for j in range(i, min(n, i + kb.max_words + 3)):
            text = state.texts[j]
            if j > i and (sent_start[j] or text in _STOP or text.isspace()):
                break
            if not keys[j] or (not words and keys[j] in ("the", "a", "an")):
                continue
            words.extend(split[j])
            kept.extend(kept_words[j])
            if len(words) > kb.max_words:
                break
            k = " ".join(kept) or " ".join(words)
            ids = kb.names.get(k)
            if (
                ids
                and not (j == i and state.lowers[i] in HONORIFICS)
                # the case of the name's own words: "The labour market" is no "Labour"
                and _case_ok(state, doc[i + (j > i and state.lowers[i] == "the") : j + 1].text, k)
            ):
                best = (j + 1, ids, k)
        if best is None:
            i += 1
            continue
        j, ids, k = best
        start = i + 1 if state.lowers[i] == "the" else i
        if all(ent_types[t] in dates for t in range(start, j)):
            i = j  # "On 17 November": a date, not the group named after one
            continue
        state_name = k not in kb.seats and any(kb.actors[a].type == "state" for a in ids)
        if not state_name and ent_types[start] == org and inside_longer_name(state, start, j):
            # "Sky News Arabia", "Abu Dhabi Media": NER's longer name decides (a state's
            # own name is left alone: NER runs "Ukraine" into "Volodymyr Zelenskyy")
            i = j
            continue
        if k in kb.seats:
            # "the Kremlin said" → Russia; "in Washington" → no actor (a place).
            metonymy.seat_mention(state, start, j, kb.seats[k])
            i = j
            continue
        actor_id = choose(state, ids)
        actor = kb.actors[actor_id]
        if not _name_fits(state, start, j, k, actor_id):
            i = j  # a word of someone else's name: pass 1's entity step decides
            continue
        # Several actors share this name: the choice is sure when the document names
        # one of them or their country, a guess when only KB prominence decided.
        shared = ambiguity(state, ids, actor_id)
        if lookup_key(actor.name) == k:
            state.add(start, j, actor_id, "name", 1.0 * shared)
        else:
            state.add(start, j, actor_id, "alias", 0.95 * shared)
        state.cover(start, j)
        i = j


# NER labels that contradict a personal name.
_NOT_PERSON = frozenset({"NORP", "LANGUAGE", "LOC", "FAC", "DATE", "TIME", "EVENT", "LAW",
                         "WORK_OF_ART", "PRODUCT", "MONEY", "QUANTITY", "ORDINAL",
                         "CARDINAL", "PERCENT"})  # fmt: skip


def _name_fits(state: DocState, start: int, end: int, k: str, actor_id: str) -> bool:
    """Does the KB actor matched on tokens [start, end) fit the name the text writes there?

    Inside a longer personal name the rest of the name must agree (``mention.agrees``). A
    one-word person alias ("Halloran", "English", "Brown") needs the text to treat it as
    a name, by NER or a title before it, and must not be the family name of another
    person the article names in full ("Tomas Halloran ... Halloran"). A one-word alias of
    a state that NER reads as a person or a place is not the state ("said Chad Perrin",
    "the Nile").
    """
    kb = state.kb
    actor = kb.actors[actor_id]
    span = state.person_at.get(start) or state.person_at.get(end - 1)
    if span is not None and (span.start, span.end) != (start, end) and span.full:
        if not span.covers(start, end):
            return True  # a longer KB name than NER's span ("Ilse von der | Marwitz")
        if agrees(actor, span, start, k.split()):
            return True
        # "Cde Moyo" after "Tendai Moyo": a word before the family name of a person
        # the article has named in full, which is no given name, is a form of address.
        before = span.words[: start - span.start]
        return (
            end == span.end
            and actor_id in state.named()
            and not any(word in kb.genders or word in state.given for word in before)
        )
    if actor.type == "state" and end < len(state.doc) and state.lowers[end] in LANDFORMS:
        return False  # "the Jordan Valley", "the Congo Basin": a place
    ent_label, ent_start, ent_end = entity_around(state, start)
    if (
        (actor.type == "state" or (actor.type == "organisation" and len(k.split()) == 1))
        and ent_label == "ORG"
        and (ent_start, ent_end) != (start, end)
        and ent_start <= start
        and end <= ent_end
        and lookup_key(actor.name) != k
        and not state.texts[start].isupper()
    ):
        # "Northern Coast Command", "the House of Lords": an alias inside a longer name
        return False
    if end - start != 1 or len(k.split()) != 1:
        return True
    token = state.doc[start]
    ner = token.ent_type_
    if actor.type == "person":
        previous = state.lowers[start - 1].rstrip(".") if start > 0 else ""
        head = token.head
        if token.dep_ in ("compound", "amod") and head.pos_ == "NOUN" and head.is_lower:
            return False  # "Brown rice", "Chad basin": a modifier of a common noun
        if span is None and previous not in HONORIFICS and actor_id not in state.named():
            # a word that is also a common word, a language or a place ("English", "Brown",
            # "Chief", "Jordan") is a name only when the text writes it as one
            if token.pos_ != "PROPN" or ner in _NOT_PERSON:
                return False

            if ner in ("GPE", "LOC") and state.is_place(token.text):
                return False
        # a word of full names the article writes, none of which is this actor's
        # ("Halloran" after "Tomas Halloran", "Albert" after "Albert Okonjo")
        own = set(actor_words(actor))
        holders = [o for o in state.person_spans if o.full and k in o.words]
        return not holders or any(set(o.words) <= own for o in holders)
    if actor.type == "state" and lookup_key(actor.name) != k:
        return ner not in ("PERSON", "LOC", "FAC")
    return True


def choose(state: DocState, ids: list[str]) -> str:
    """Pick one of several actors sharing a name: one already in the document, then one
    of a country the document is about, then a curated office holder or state, then the
    entry with the most aliases (better-known actors have more spellings)."""
    if len(ids) == 1:
        return ids[0]
    named = state.named()
    kb = state.kb

    def rank(actor_id: str) -> tuple[int, int, int, int, int]:
        actor = kb.actors[actor_id]
        return (
            actor_id in named,
            state.countries.get(actor.country or "", 0),
            actor_id in kb.curated or actor.type == "state",
            actor.origin == "user",
            len(actor.aliases),
        )

    return max(ids, key=rank)


def ambiguity(state: DocState, ids: list[str], chosen: str) -> float:
    """A factor for the confidence of a name several actors share: 1.0 when one actor has
    the name, 0.9 when the document names the chosen one or its country more than the
    others', 0.6 when only the KB decided (curated office, number of aliases)."""
    people = [i for i in ids if state.kb.actors[i].type == "person"]
    if len(ids) == 1 or (len(people) <= 1 and len(ids) - len(people) <= 1):
        return 1.0

    def evidence(actor_id: str) -> tuple[bool, int]:
        actor = state.kb.actors[actor_id]
        return actor_id in state.named(), state.countries.get(actor.country or "", 0)

    mine = evidence(chosen)
    if all(mine > evidence(other) for other in ids if other != chosen):
        return 0.9
    return 0.6


def name_entity(state: DocState, start: int, end: int, label: str) -> None:
    """A name the KB scan missed: strip honorifics, try variants, else make a local actor."""
    doc = state.doc
    while start < end and (
        doc[start].lower_.rstrip(".") in HONORIFICS or doc[start].lower_ == "the"
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in ("’s", "'s")):
        end -= 1
    if start >= end:
        return
    for t in range(start, end):
        # "Alliance’s Caucus": the owner is the name; "Free Trade Zone (NFTZ": the
        # abbreviation in brackets is not
        if doc[t].text in ("’s", "'s", "’", "(", "["):
            end = t
            break
    # words NER takes in at the edges: "According to the Velorian Press Agency", "Talon of"
    while start < end and (
        doc[start].pos_ in ("VERB", "ADP", "DET") or state.lowers[start] == "to"
    ):
        start += 1
    while end > start and state.lowers[end - 1] in INNER:
        end -= 1
    if start >= end:
        return
    if starts_an_agent_noun(state.doc, start, end):
        return  # "Riot police fired": NER's PERSON for a sentence's first word
    text = doc[start:end].text
    one = key(text)
    if (
        label == "ORG"
        and len(one.split()) == 1
        and (one in state.surnames or len(state.given.get(one, ())) == 1)
    ):
        label = "PERSON"  # "Ferrán said", "Amina said": NER's ORG for a name the article gave
    name = strip_honorifics(text)
    if not name or not key(name) or not name[:1].isupper():  # "Łukasz" too
        return
    if label == "ORG" and end - start >= 2 and state.texts[end - 1] in _GENERIC_TYPE_WORDS:
        # "the opposition Veloran party", "the Kharu group": the lower-case type word is
        # the text's description, the name is what comes before it
        name = strip_honorifics(doc[start : end - 1].text) or name
    words = key(name).split()
    if title_key(name) in state.kb.titles or (
        len(words) == 1 and (words[0] in ORG_HEADS or words[0] == "state")
    ):
        return  # "the Supreme Leader", "Council": descriptions, left to passes 2 and 3
    type_ = "organisation" if names_a_body(words) else _LOCAL_TYPES[label]  # "X Holdings"
    actor_id = lookup_variants(state, name, type_)
    if actor_id is not None:
        # Two people of the document share this surname: the last named is a guess.
        namesakes = len(state.namesakes.get(words[0], ())) if len(words) == 1 else 0
        state.add(start, end, actor_id, "alias", 0.5 if namesakes > 1 else 0.85)
    elif type_ == "organisation":
        actor = local_organisation(state, start, end, name)
        state.add(start, end, actor.id, "name", 0.9)
    elif place_not_person(state, start, name):
        return  # "in Jolo", "Sanaa": NER's PERSON for a town the gazetteer knows
    else:
        actor = state.local_actor(name, type_)
        state.add(start, end, actor.id, "name", 0.9)
    state.cover(start, end)


def lookup_variants(state: DocState, name: str, type_: str) -> str | None:
    """KB or document actor for a name not matched literally."""
    kb = state.kb
    words = key(name).split()
    if not words:
        return None
    if type_ == "person":
        if len(words) == 1:
            # The article's own people first, by family name, then by a given name only
            # one of them has ("Odile" for Odile Maniraguha Bizimana). No spelling
            # tolerance: a near-miss surname is another person as often as a typo.
            surname = words[0]
            if len(state.namesakes.get(surname, ())) > 1:
                return state.namesakes[surname][-1]  # the namesake named last
            if surname in state.surnames:
                return state.surnames[surname]
            if "~" + surname in state.local_keys:
                return None  # a local person named earlier: local_actor merges it
            given = state.given.get(surname, [])
            if len(given) == 1:
                return given[0]
            return short_form(state, surname)  # "Mahan" after "Mahan Air": NER's PERSON
        else:
            found = kb.lookup(name) or transliterations(kb, name)
            if found:
                return choose(state, [a.id for a in found])
            # "Tanabe Kenichiro": family name first, as older reports and East Asian
            # outlets write it; only for people of states that name that way.
            if len(words) == 2:
                found = [
                    a
                    for a in kb.lookup(f"{words[1]} {words[0]}")
                    if a.type == "person" and a.country in _FAMILY_FIRST_ANYWHERE
                ]
                if found:
                    return choose(state, [a.id for a in found])
            # "Seyyed Reza Tavakoli" with an unknown middle part: first + last name.
            found = kb.lookup(f"{words[0]} {words[-1]}")
            if found and all(a.type == "person" for a in found):
                return choose(state, [a.id for a in found])
    else:
        found = kb.lookup(name) or organisation_variants(kb, words)
        if found:
            return choose(state, [a.id for a in found])
        if len(words) == 1:
            return short_form(state, words[0])
        return _of_named_state(state, name)
    return None


def _of_named_state(state: DocState, name: str) -> str | None:
    """ "the Defence Agency" in a report about Japan: a national body the KB knows with
    its state's name before it ("Japan Defense Agency"), for the states the article names
    most (at most three), and only an organisation of that very state."""
    for iso, _ in state.countries.most_common(3):
        country = state.kb.country_actor(iso)
        if country is None:
            continue
        found = [
            a
            for a in state.kb.lookup(f"{country.name} {name}")
            if a.type == "organisation" and a.country == iso
        ]
        if found:
            return choose(state, [a.id for a in found])
    return None


def honorific_names(state: DocState) -> None:
    """Names after a title that NER missed or mislabelled: "Mr. Rahnavard", "Professor Al-Qudra"."""
    doc = state.doc
    for i, low in enumerate(state.lowers):
        if low.rstrip(".") not in _PERSON_TITLES or not state.texts[i][:1].isupper():
            continue
        j = i + 1
        while j < len(doc) and doc[j].text in (".",):
            j += 1
        end = j
        while (
            end < len(doc) and end - j < 4 and doc[end].text[:1].isupper() and not doc[end].is_punct
        ):
            if doc[end].lower_.rstrip(".") in HONORIFICS and end == j:
                j += 1
            end += 1
        if end > j and state.free(j, end):
            name_entity(state, j, end, "PERSON")


_PERSON_TITLES = {"mr", "mrs", "ms", "dr", "professor", "prof", "sheikh", "imam", "ayatollah"}
# Lower-case type words NER takes into an organisation's name ("the Veloran party").
_GENERIC_TYPE_WORDS = frozenset({"party", "group", "movement", "faction", "militia"})
