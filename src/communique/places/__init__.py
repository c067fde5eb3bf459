"""Places: where things happen, resolved against the gazetteer.

In: the spaCy ``Doc`` and the ``Document`` (after ``sentences``) and the
``Gazetteer`` loaded once in ``Context``. Out: place mentions with character
offsets, for the ``events`` stage to place its events (places are not a stage
of their own and fill no ``Document`` field).

``find_places(doc, document, context) -> list[(start, end, Place)]``
    GPE, LOC and FAC entities, plus capitalised names after "in", "at",
    "near", "outside", "around" and "from" that spaCy did not tag; in text
    order, not overlapping. Homonyms resolve with a prior: the dateline's
    country, else the country the report's place names point to most often
    (``article_country``). Names used as noun modifiers ("a US drone strike",
    "Iran's support") are skipped: they name an actor, not where something
    happened; a city as a compound ("the Kabul bombing") and the possessor of
    a locative's object ("around Hong Kong's police complex") are places.
    "City, ST." ("Carthage, Ill.", "Portsmouth, N.H.") is the US city, or the
    state when the town is too small for the gazetteer; "in the country" is
    the report's country. A city written in a one-letter transliteration
    variant of the gazetteer's name ("Jenin" for GeoNames' "Janin") keeps the
    report's spelling: an English report writes the usual English name. A city
    the text has named as a place keeps that sense where it comes again as a
    noun the parser tagged as no place ("Mokha is calmer ..."), and "in the city"
    is the last city or region it named.

``dateline_place(document) -> Place | None``
    The city of a dateline at the top of the text: "TEHRAN (Agency) -",
    "Tehran, June 22 -", "BEIRUT, Lebanon —".

``Gazetteer`` (``communique.places.gazetteer``): ``Gazetteer.load()`` and
``resolve(name, country_hint=None)``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from communique.model import Document, Place
from communique.nlp import tokens_with
from communique.places.gazetteer import Gazetteer, key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from communique.context import Context

__all__ = ["Gazetteer", "dateline_place", "find_places"]

_LABELS = {"GPE", "LOC", "FAC"}
_MODIFIER_DEPS = {"compound", "poss", "amod", "nmod"}
_PREPOSITIONS = {"in", "at", "near", "outside", "from", "across", "inside", "around"}
# "Carthage, Ill.", "Portsmouth, N.H.", "Austin, TX", "Springfield, Illinois"
_CITY_STATE = re.compile(
    r"\b(?P<city>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,3}),\s+"
    r"(?P<state>W\.\s?Va\.|[A-Z]\.[A-Z]\.|[A-Z][a-z]{1,4}\.|[A-Z]{2}\b"
    r"|(?:New |North |South |West |Rhode )?[A-Z][a-z]{3,})"
)
# "TEHRAN (IRNA) -", "Tehran, June 22 -", "BEIRUT, Lebanon —", "GAZA CITY, May 3 (Reuters) -"
_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Za-z'’.\- ]{1,40}?)"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z .]{1,30}?))?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\((?P<agency>[^)]{1,40})\))?\s*[-–—:]\s"
)


def find_places(doc: Doc, document: Document, context: Context) -> list[tuple[int, int, Place]]:
    """Place mentions in ``document.text`` with their places (see the module docstring)."""
    gazetteer = context.gazetteer
    # the parsed text itself: spaCy rebuilds ``doc.text`` token by token on every access
    # (read once per name, that was 40% of the events stage on eval-news)
    text = document.text
    home = dateline_place(document, gazetteer)
    hint = home.country if home else None
    names = _place_names(doc)
    if hint is None:
        hint = article_country(text, names, gazetteer)
    found = _us_places(text, gazetteer) + _country_references(doc, hint, gazetteer)
    taken = [(start, end) for start, end, _ in found]
    for start, end, modifier in names:
        if any(start < e and s < end for s, e in taken):
            continue
        place = gazetteer.resolve(text[start:end], hint)
        if modifier and (place is None or _is_country(place, gazetteer)):
            continue  # "a US drone strike": the actor; "the Kabul bombing": the place
        if place is not None:
            start, end = _trim_article(text[start:end], start, end)
            found.append((start, end, _as_written(place, text[start:end], gazetteer)))
            taken.append((start, end))
    found += _repeated_cities(doc, found, taken, gazetteer)
    found += _city_references(doc, sorted(found, key=lambda item: item[0]), gazetteer)
    return sorted(found, key=lambda item: item[0])


def _city_references(
    doc: Doc, found: list[tuple[int, int, Place]], gazetteer: Gazetteer
) -> list[tuple[int, int, Place]]:
    """ "in the city", "outside the town": the last city or region the text named before
    it, as "in the country" is the report's country."""
    out: list[tuple[int, int, Place]] = []
    for token in tokens_with(doc, "LOWER", ("city", "town")):
        if token.i == 0:
            continue
        if doc[token.i - 1].lower_ != "the" or not _locative_object(token):
            continue
        if any(c.dep_ in ("prep", "compound", "amod") for c in token.children):
            continue  # "the city of Aden", "the capital city": named in place
        before = [p for s, _, p in found if s < token.idx and not _is_country(p, gazetteer)]
        if before:
            out.append((token.idx, token.idx + len(token), before[-1]))
    return out


def _repeated_cities(
    doc: Doc,
    found: list[tuple[int, int, Place]],
    taken: list[tuple[int, int]],
    gazetteer: Gazetteer,
) -> list[tuple[int, int, Place]]:
    """Later mentions of a city or region the text has already named as a place, where the
    parser tagged no entity ("Mokha is calmer than ..." after "in the port town of
    Mokha"): a name keeps its sense within one report. Only as a noun of its own
    (subject, object, apposition), never as a modifier, and never a country (a country
    as a subject is an actor)."""
    text = doc.text
    named = {text[s:e]: place for s, e, place in found if not _is_country(place, gazetteer)}
    out: list[tuple[int, int, Place]] = []
    for token in tokens_with(doc, "POS", ("PROPN",)):
        if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"):
            continue
        names = [t for t in token.subtree if t.pos_ == "PROPN" and t.i <= token.i]
        start = names[0].idx if names and names[-1].i == token.i else token.idx
        end = token.idx + len(token)
        place = named.get(text[start:end])
        if place is None or any(start < e and s < end for s, e in taken):
            continue
        out.append((start, end, place))
        taken.append((start, end))
    return out


def _place_names(doc: Doc) -> list[tuple[int, int, bool]]:
    """Spans that may name places: GPE/LOC/FAC entities (not possessors or demonym-like
    modifiers) and capitalised names after a locative preposition; with whether the name
    is a compound modifier of a noun."""
    out: list[tuple[int, int, bool]] = []
    for ent in doc.ents:
        if ent.label_ not in _LABELS:
            continue
        root = ent.root
        modifier = root.dep_ in _MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN")
        # "around Hong Kong's police complex", "at Tehran's airport": the possessor of a
        # locative's object is where that is
        located = root.dep_ == "poss" and _locative_object(root.head)
        if modifier and root.dep_ != "compound" and not located:
            continue  # "Iran's support", "Iranian officials": an actor's name, not a location
        end = ent.end_char
        if ent.text.endswith(("'s", "’s")):
            end -= 2  # "Hong Kong's police complex"
        out.append((ent.start_char, end, modifier and not located))
    for token in tokens_with(doc, "LOWER", _PREPOSITIONS):
        if token.i + 1 >= len(doc):
            continue
        names = []
        for follower in doc[token.i + 1 : token.i + 5]:
            if follower.pos_ != "PROPN" or not follower.text[:1].isupper():
                break
            names.append(follower)
        if names:
            out.append((names[0].idx, names[-1].idx + len(names[-1].text), False))
    return out


def _as_written(place: Place, written: str, gazetteer: Gazetteer) -> Place:
    """The place under the report's spelling when that is a one-letter transliteration
    variant of the gazetteer's name ("Jenin" / "Janin"); countries keep their names."""
    if len(written) != len(place.name) or written == place.name or len(written) < 4:
        return place
    if not written[:1].isupper() or written.isupper() or _is_country(place, gazetteer):
        return place
    different = sum(1 for a, b in zip(written.lower(), place.name.lower(), strict=True) if a != b)
    return place.model_copy(update={"name": written}) if different == 1 else place


def _locative_object(token: Token) -> bool:
    head = token.head
    return token.dep_ == "pobj" and head.lower_ in _PREPOSITIONS and head.lower_ != "from"


def _country_references(
    doc: Doc, hint: str | None, gazetteer: Gazetteer
) -> list[tuple[int, int, Place]]:
    """ "in the country", "across the nation": the report's country, when it has one."""
    country = gazetteer.country(hint) if hint else None
    if country is None:
        return []
    return [
        (token.idx, token.idx + len(token), country)
        for token in tokens_with(doc, "LOWER", ("country", "nation"))
        if token.i > 0 and doc[token.i - 1].lower_ == "the" and _locative_object(token)
    ]


def article_country(
    text: str, names: list[tuple[int, int, bool]], gazetteer: Gazetteer
) -> str | None:
    """The country a report is about: the one its place names point to most often (twice at
    least), the prior for homonyms ("Carthage" in a report about the United States)."""
    counts: dict[str, int] = {}
    for start, end, _ in names:
        place = gazetteer.resolve(text[start:end])
        if place is not None and place.country:
            counts[place.country] = counts.get(place.country, 0) + 1
    best = max(counts, key=lambda c: counts[c], default=None)
    return best if best is not None and counts[best] >= 2 else None


def _us_places(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, Place]]:
    """ "Carthage, Ill.", "Portsmouth, N.H.", "Austin, TX", "Springfield, Illinois": a US
    place by its state. An abbreviation names a state for sure, so a city too small for
    the gazetteer gives the state; a full name ("Tbilisi, Georgia") counts only when the
    gazetteer knows the city in that state."""
    out: list[tuple[int, int, Place]] = []
    for match in _CITY_STATE.finditer(text):
        city, state = match.group("city"), match.group("state")
        postal = gazetteer.us_state(state)
        if postal is None:
            continue
        place = gazetteer.resolve_in_state(city, postal)
        if place is None:
            continue
        abbreviated = "." in state or state.isupper()
        if not abbreviated and place.name != city and key(place.name) != key(city):
            continue
        out.append((match.start("city"), match.end("state"), place))
    return out


def _is_country(place: Place, gazetteer: Gazetteer) -> bool:
    country = gazetteer.country(place.country) if place.country else None
    return place.country is None or (country is not None and country.name == place.name)


def _trim_article(text: str, start: int, end: int) -> tuple[int, int]:
    return (start + 4, end) if text[:4].lower() == "the " else (start, end)


def dateline_place(document: Document, gazetteer: Gazetteer | None = None) -> Place | None:
    """The dateline city at the top of the text, or None (see the module docstring)."""
    gazetteer = gazetteer or Gazetteer.load()
    head = document.text[:200]
    match = _DATELINE.match(head)
    if match is None:
        return None
    city = match.group("city").strip()
    # A dateline city is written in capitals or is followed by a date/agency;
    # "Officials said -" is not a dateline: require one of these marks.
    marked = city.isupper() or match.group("agency") or re.search(r"\d", match.group(0))
    if not marked:
        return None
    hint = None
    region = match.group("region")
    if region:
        country = gazetteer.resolve(region)
        hint = country.country if country else None
    return gazetteer.resolve(city, hint)
