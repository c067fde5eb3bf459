"""Event places: which place mention locates an event, and the report's episode place.

In: the spaCy ``Doc``, the place mentions of ``communique.places.find_places``
(resolved against the gazetteer, the article's country as the prior for
homonyms) and each candidate's trigger (``communique.events.extract``). Out:
for each candidate the place of its own clause (``EventPlaces.own``) and, for
a main physical act without one, the report's episode place
(``EventPlaces.episode``). ``communique.events.anchor`` calls these.

A place belongs to an event when a locative phrase ("in", "at", "near",
"outside" + place) hangs on the event's clause, directly or through a generic
place noun ("in the city of Aden", "in the port town of Mokha"); when a place
name modifies a nominal trigger ("a Kabul car bombing"); or when it hangs on
a clause above the event's own that the event's clause depends on as an
adverbial, infinitive, gerund or conjunct ("At the prefecture in Paris, a
worker went on a spree, killing four"). Two places on one clause: the more
specific wins ("a court in Multan, Pakistan" is Multan). Not so: a locative on a
named participant ("wrote to the US Embassy in London") places that participant,
and so only a physical act done to it; a locative on an occasion still to come
("wishes to speak with X at the upcoming summit in Chile") places the planned
occasion, not the statement; a physical act's place is not that of a word on it
hanging on its clause ("shot down a jet near X, blaming human error"). Also:
- a direction or a coast gives the place ("waters southwest of Okinawa", "off
  the coast of Oman", "in the outskirts of Kabul");
- a physical act takes the place it is done to ("troops stormed Mosul", "the
  invasion of Kuwait", "the capital, Sanaa, fell"); a state as the active
  subject is the actor, not the place;
- a "where" clause takes its antecedent's place ("Houston, where agents
  questioned him") or that of the occasion it names ("met in Niamey for a
  summit where ... signed");
- an act told as nationwide takes the episode's country;
- a site named by a demonym places the nearest act above it ("targeting US troops
  in Iraqi military bases" is in Iraq);
- a headline's act takes the place the lead gives the same act ("Governor quits
  after protests" over "... after days of protests in the city of X").

Episode place: a report tells its episode where its lead says it happened;
the physical acts of the episode (attacks, arrests, protests, releases) later
in the text without a place of their own happened there. The episode place is
the first locative place of the lead paragraph, a city or region rather than a
country when the lead names both ("in the city of Aden, in southern Yemen").
So do a court's acts (an acquittal happens where the trial is). Statements and
reactions are not placed this way: where they were made is rarely the
episode's place. An unplaced main domestic act of a state (ban, arrest, alert),
any act of a legislature or court and a government's material act toward its
own people (a resignation, a concession) take the acting state's country
(``EventPlaces.home``); not an act of "both countries". Background acts take it
only when the state itself acts ("Thailand has cracked down on ...") or an
official or body acts on another body of its state ("the Queen suspended
parliament"), in ``EventPlaces.own``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from communique.events.dating import INHERITS, attach_point, governing_verb
from communique.events.paragraphs import Paragraphs
from communique.model import Actor, Document, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from communique.events.extract import Candidate
    from communique.places.gazetteer import Gazetteer

PLACE_PREPS = {"in", "near", "at", "inside", "outside", "around", "off"}
# Acts that happen at a place of the episode (on eval-news, 22 of 24 main attacks, arrests,
# trials and protests have a place; statements and appeals mostly have none).
PHYSICAL_TYPES = {"ASSAULT", "COERCE", "PROTEST"}
# Acts a state does at home by default: a ban, an arrest, an alert by a government or its
# police, courts or armed forces happens in its country unless the text places it.
DOMESTIC_TYPES = {"COERCE", "SANCTION", "MOBILIZE"}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}
# Material acts a government does toward its own people at home: a resignation, a concession,
# a withdrawal, relief. Its statements to them (appeals, warnings, praise) are placed only
# where the text says (on eval-news, 5 of 5 such statements have no place).
INTERNAL_TYPES = {"CONCEDE", "RETREAT", "AID"}
# Bodies whose every act happens in their country: a vote, an impeachment, a ruling.
INSTITUTION_SECTORS = {"JUD", "LEG"}
# Generic place nouns a name hangs on with "of": "the city of Aden", "the province of Idlib".
PLACE_NOUNS = {"city", "town", "village", "capital", "province", "region", "district",
               "state", "port", "county", "area", "island", "municipality", "coast",
               "outskirts", "outskirt", "shore", "suburb", "centre", "center"}  # fmt: skip
# Directions a place is given from: "waters southwest of Okinawa", "20 km north of Kabul".
DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
              "southwest", "northeastern", "northwestern", "southeastern", "southwestern"}  # fmt: skip
# Acts whose object or patient can be the place itself: "seized Kherson", "the capital fell",
# "the invasion of Kuwait", "handed over control of Macau".
TERRITORIAL_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "CONCEDE"}
PATIENT_DEPS = {"dobj", "nsubjpass", "pobj"}
NATIONWIDE = {"nationwide", "countrywide", "nation-wide", "country-wide"}
MOTION = {"travel", "fly", "go", "come", "arrive", "head", "return", "journey", "drive"}
VISIT_VERBS = {"visit", "tour"}
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
# Marks of an occasion still to come: "at the upcoming summit in Chile", "at next week's talks".
FUTURE_MARKS = {"upcoming", "forthcoming", "next", "planned", "scheduled"}
# Entity labels of named bodies a locative right after them describes: "the US Embassy in
# London" (a person's "in X" is mostly the parser's misattachment of the clause's place).
PARTICIPANT_LABELS = {"ORG", "FAC"}
# Acts that happen where their participant is: a physical act done to it, a meeting with it.
AT_PARTICIPANT_TYPES = PHYSICAL_TYPES | TERRITORIAL_TYPES | {"CONSULT"}
# Nouns of a site a demonym can place: "in Iraqi military bases" is in Iraq, "off the
# Indonesian coast" off Indonesia ("in Iraqi custody", "Iraqi officials" place nothing).
SITE_NOUNS = {"base", "bases", "territory", "waters", "water", "soil", "airspace", "coast", "border",
              "city", "town", "village", "port", "province", "region", "island", "camp",
              "outpost", "shore", "coastline", "capital"}  # fmt: skip


class EventPlaces:
    """The document's place mentions indexed by the clause they locate."""

    def __init__(
        self,
        doc: Doc,
        document: Document,
        places: list[tuple[int, int, Place]],
        triggers: set[int],
        gazetteer: Gazetteer | None,
        demonym: Callable[[str], str | None] | None = None,
        kinds: dict[int, str] | None = None,
    ) -> None:
        self.doc = doc
        self.paragraphs = Paragraphs(document.text)
        self.kinds = kinds or {}  # the event type of each trigger token
        self.gazetteer = gazetteer
        self.actors = {actor.id: actor for actor in document.actors}
        self.points: dict[int, Place] = {}
        # locatives that hang on a named participant of the clause ("wrote to the US
        # Embassy in London"): they place only a physical act done to it
        self.participant_points: dict[int, Place] = {}
        self.by_token: dict[int, Place] = {}
        # (character offset, place) of locative and "city of X" mentions, in text order
        self.locatives: list[tuple[int, Place]] = []
        for start, end, place in places:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token[token.i] = place
            self._destination(span.root, place)
            preposition = _locative_preposition(span.root)
            if preposition is None:
                if _named_place(span.root):  # "the mayor of the Polish city of Gdansk"
                    self.locatives.append((start, place))
                continue
            self.locatives.append((start, place))
            point = attach_point(doc[preposition.i : preposition.i + 1], triggers)
            if point is None or not _describes_clause(preposition, point):
                continue
            if _on_participant(preposition, point):
                old = self.participant_points.get(point)
                self.participant_points[point] = self._specific(old, place)
            else:
                self.points[point] = self._specific(self.points.get(point), place)
        if demonym is not None:
            self._demonym_sites(triggers, demonym)
        self.title_end = -1
        self.lead = (0, 0)
        self.episode = self._episode(document)

    def _demonym_sites(self, triggers: set[int], demonym: Callable[[str], str | None]) -> None:
        """A locative on a site its demonym names places the clause in that country: "Iran
        launched missiles at US troops in Iraqi military bases" (Iraq)."""
        if self.gazetteer is None:
            return
        for token in self.doc:
            if token.dep_ != "amod" or token.ent_type_ != "NORP":
                continue
            site = token.head
            # "bases" has the lemma "basis"
            if site.lemma_ not in SITE_NOUNS and site.lower_ not in SITE_NOUNS:
                continue
            preposition = site.head
            if site.dep_ != "pobj" or preposition.lower_ not in PLACE_PREPS:
                continue
            code = demonym(token.text)
            country = self.gazetteer.country(code) if code else None
            if country is None:
                continue
            self.by_token[token.i] = country
            point = _act_above(preposition, triggers)
            if point is not None and _describes_clause(preposition, point):
                self.points[point] = self._specific(self.points.get(point), country)

    def _destination(self, root: Token, place: Place) -> None:
        """Where a trip goes places what it is for and a visit: "traveled to Florida to meet
        X", "flew to Kyiv for talks", "visited Kyiv"."""
        head = root.head
        if root.dep_ == "dobj" and head.lemma_.lower() in VISIT_VERBS:
            self.points.setdefault(int(head.i), place)
            return
        if root.dep_ != "pobj" or head.lower_ != "to" or head.head.lemma_.lower() not in MOTION:
            return
        motion = head.head
        for child in motion.children:
            purpose = child.dep_ == "advcl" and any(c.tag_ == "TO" for c in child.children)
            if child.dep_ == "xcomp" or purpose:  # "to meet X", not "after he met X"
                self.points.setdefault(int(child.i), place)
            elif child.dep_ == "prep" and child.lower_ == "for":  # "for talks"
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        self.points.setdefault(int(pobj.i), place)

    def _is_country(self, place: Place) -> bool:
        if place.country is None or self.gazetteer is None:
            return place.country is None
        country = self.gazetteer.country(place.country)
        return country is not None and country.name == place.name

    def _specific(self, old: Place | None, new: Place) -> Place:
        """Of two places on one clause, the one inside the other's country."""
        if old is None:
            return new
        if self._is_country(old) and not self._is_country(new) and new.country == old.country:
            return new
        return old

    def _episode(self, document: Document) -> Place | None:
        # the lead: the first paragraph holding a sentence of at least 12 words
        lead_start, lead_end = 0, len(document.text)
        for sentence in document.sentences:
            if len(sentence.text.split()) >= 12:
                lead_start, lead_end = self.paragraphs.span(sentence.start)
                break
        self.title_end, self.lead = self.paragraphs.headline_end, (lead_start, lead_end)
        lead = [
            place
            for offset, place in self.locatives
            if lead_start <= offset < lead_end and place.country is not None  # not "in Asia"
        ]
        if not lead:  # the headline's place: "Journalist shot dead in Aden"
            lead = [p for offset, p in self.locatives if offset < self.title_end and p.country]
        if not lead:
            return None
        specific = [p for p in lead if not self._is_country(p)]
        return specific[0] if specific else lead[0]

    def own(self, candidate: Candidate, points: set[int]) -> Place | None:
        """The place of the candidate's own clause (see the module docstring), else, for
        a domestic act of a state named as such, background ones too ("Thailand has
        cracked down on smuggling", "dissidents jailed by the Cuban government"), its
        country; unless a main physical act in the episode's country: that happened
        where the episode is (``narrative``). A body's or an official's background acts
        stay unplaced: the text rarely makes their place plain (on eval-news, 4 of 4
        such: a senate's old acquittals, an army's coup told as context)."""
        # an act the speaker's words make (a threat, an admission) took place where they
        # were said, not at the places of what they tell
        found = None if candidate.context == "speech" else self._clause(candidate, points)
        if found is not None or candidate.type == "CONSULT":
            return found
        acting = self.actors.get(candidate.source_id)
        if acting is None or acting.type != "state":
            # "the Queen suspended parliament": an act on a body of the state is not one
            # done at the episode's site
            return self._on_own_body(candidate)
        home = self.home(candidate, self.actors.get)
        if home is None:
            return None
        episodic = candidate.type in PHYSICAL_TYPES and not candidate.background_cue
        in_episode = self.episode is not None and self.episode.country == home.country
        return None if episodic and in_episode else home

    def _on_own_body(self, candidate: Candidate) -> Place | None:
        """The country of a domestic act of a state's official or body done to another
        body of the same state ("suspended parliament", "dissolved the assembly"); not to
        a person (a senate's acquittal of a president told as context has no plain
        place) nor to a crowd (an arrest of protesters happens at the episode's site)."""
        if candidate.type not in DOMESTIC_TYPES | INTERNAL_TYPES or self.gazetteer is None:
            return None
        target = self.actors.get(candidate.target_id or "")
        body = (
            target is not None and target.type == "organisation" and target.sector in STATE_SECTORS
        )
        country = _internal(candidate, self.actors.get)
        if not body or country is None or country in ("XXX", "IGO"):
            return None
        return self.gazetteer.country(country)

    def _clause(self, candidate: Candidate, points: set[int]) -> Place | None:
        """The place of the candidate's own clause or of a clause it depends on."""
        found = next((self.points[p] for p in sorted(points) if p in self.points), None)
        if found is not None:
            return found
        if candidate.type in AT_PARTICIPANT_TYPES:  # "bombed the embassy in X"
            located = self.participant_points
            found = next((located[p] for p in sorted(points) if p in located), None)
            if found is not None:
                return found
        token = candidate.token
        if candidate.trigger.pos != "VERB":  # "a Kabul car bombing"
            for child in token.children:
                if child.dep_ in MODIFIER_DEPS and child.i in self.by_token:
                    return self.by_token[child.i]
        if candidate.type in TERRITORIAL_TYPES and (patient := self._patient(token)) is not None:
            return patient
        if (restated := self._restated(token)) is not None:
            return restated
        if (country := self._nationwide(token)) is not None:
            return country
        node = token if candidate.trigger.pos == "VERB" else _clause_of(token)
        for _ in range(8):  # clause chains in one sentence are short; guards cycles
            if node.dep_ == "relcl" and any(
                t.lower_ == "where" for t in self.doc[node.head.i + 1 : node.i]
            ):
                return self._antecedent(node.head)
            if node.head == node or node.dep_ not in INHERITS:
                return None
            node = node.head
            if node.i in self.points and node.pos_ in ("VERB", "AUX"):
                # "shot down a jet near Tehran, blaming human error": the place of a
                # physical act is where it was done, not where a word on it was said
                physical = self.kinds.get(node.i) in AT_PARTICIPANT_TYPES - {"CONSULT"}
                word = candidate.type not in AT_PARTICIPANT_TYPES
                return None if physical and word else self.points[node.i]
        return None

    def _restated(self, token: Token) -> Place | None:
        """A headline's act told again in the lead with its place: "Governor resigns after
        protests" over "... followed two weeks of protests in the capital, X" (X)."""
        if not 0 <= token.idx < self.title_end:
            return None
        lead_start, lead_end = self.lead
        if lead_end <= self.title_end:  # the headline ran into the lead's sentence
            lead_end = self.paragraphs.span(self.title_end + 2)[1]
        lead_start = max(lead_start, self.title_end)
        for told in self.doc:
            if told.idx >= lead_end:
                break
            if told.idx < lead_start or told.lemma_ != token.lemma_ or told.pos_ != token.pos_:
                continue
            if told.i in self.points:
                return self.points[told.i]
            for child in told.children:
                if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                    for noun in child.children:
                        place = self._place_of(noun) if noun.dep_ == "pobj" else None
                        if place is not None:
                            return place
        return None

    def _nationwide(self, token: Token) -> Place | None:
        """The episode's country for an act told as country-wide: "vigils nationwide",
        "protests across the country" (the whole country, not the episode's city)."""
        if self.episode is None or self.episode.country is None or self.gazetteer is None:
            return None
        clause = token.doc[governing_verb(token) or token.i]
        for child in [*token.children, *clause.children]:
            across = child.dep_ == "prep" and child.lower_ in ("across", "throughout")
            if child.lower_ in NATIONWIDE or (
                across and any(p.lemma_.lower() in ("country", "nation") for p in child.children)
            ):
                return self.gazetteer.country(self.episode.country)
        return None

    def _patient(self, token: Token) -> Place | None:
        """A place the act is done to or takes: "troops seized Kherson", "the capital,
        Sanaa, fell", "the invasion of Kuwait", "struck the Kabul embassy". A place as
        the active subject is an actor ("Russia attacked"), except a city or region
        that undergoes the act ("Sanaa fell under rebel control")."""
        for child in token.children:
            nouns = [child]
            if child.dep_ == "prep" and child.lower_ == "of" and token.pos_ == "NOUN":
                nouns = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ == "nsubj" and not any(c.dep_ == "dobj" for c in token.children):
                place = self._place_of(child)
                if place is not None and not self._is_country(place):
                    return place
                continue
            elif child.dep_ not in PATIENT_DEPS:
                continue
            for noun in nouns:
                place = self._place_of(noun)
                if place is None:  # "the Kabul embassy": a place naming the object's site
                    place = next(
                        (self.by_token[c.i] for c in noun.children
                         if c.dep_ == "compound" and c.i in self.by_token),
                        None,
                    )  # fmt: skip
                if place is not None:
                    return place
        return None

    def _place_of(self, noun: Token) -> Place | None:
        """The place a noun names, through an apposition ("the capital, Sanaa") or a
        place noun ("the city of Hodeidah"), or as "it" for the place the governing
        clause is about."""
        if noun.i in self.by_token:
            return self.by_token[noun.i]
        if noun.lower_ == "it":  # "Mokha is calm, since it was recaptured in 2017"
            return self._subject_place(noun.head)
        for child in noun.children:
            if child.dep_ == "appos" and child.i in self.by_token:
                return self.by_token[child.i]
            if child.dep_ == "prep" and child.lower_ == "of" and noun.lemma_ in PLACE_NOUNS:
                # "the city of Hodeidah"
                named = [c for c in child.children if c.dep_ == "pobj" and c.i in self.by_token]
                if named:
                    return self.by_token[named[0].i]
        return None

    def _subject_place(self, verb: Token) -> Place | None:
        """The place named as the subject of the clause a pronoun's clause depends on:
        "it" in "Mokha is calm, since it was recaptured" is Mokha."""
        if verb.dep_ not in ("advcl", "conj", "relcl") or verb.head == verb:
            return None
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return next((self.by_token[s.i] for s in subjects if s.i in self.by_token), None)

    def _antecedent(self, noun: Token) -> Place | None:
        """Where a "where" clause happens: its antecedent place ("Aden, where ..."), or
        the place of the occasion it names ("met in Niamey for a summit where ...")."""
        if noun.i in self.points:  # "flew to Kigali for a summit where ..."
            return self.points[noun.i]
        if noun.i in self.by_token:
            while noun.dep_ == "appos" and noun.head.i in self.by_token:
                noun = noun.head  # "Los Angeles, California, where": the first-named
            return self.by_token[noun.i]
        clause = _clause_of(noun)
        for _ in range(8):  # clause chains in one sentence are short; guards cycles
            if clause.i in self.points:
                return self.points[clause.i]
            if clause.head == clause or clause.dep_ not in INHERITS:
                return None
            clause = clause.head
        return None

    def narrative(
        self, candidate: Candidate, actors: Callable[[str], Actor | None] | None = None
    ) -> Place | None:
        """The episode place for an unplaced main physical act, or an act of a court (its
        rulings and acquittals happen where the episode's trial is); see the module
        docstring. Not a state's attack on another state's forces from the episode's
        country ("Iran launched missiles targeting US troops" in a report on Tehran): it
        struck where those forces are, which the episode's place is not."""
        if candidate.type in PHYSICAL_TYPES:
            return None if self._strike_abroad(candidate, actors) else self.episode
        _, sector = _acting_state(candidate.source_id, actors)
        return self.episode if sector == "JUD" else None

    def _strike_abroad(
        self, candidate: Candidate, actors: Callable[[str], Actor | None] | None
    ) -> bool:
        target = candidate.target_id or ""
        if candidate.type != "ASSAULT" or not target.startswith("agent:"):
            return False
        parts = target.split(":")
        if len(parts) < 3 or parts[2] != "MIL":
            return False
        country, _ = _acting_state(candidate.source_id, actors)
        episode = self.episode.country if self.episode is not None else None
        return country is not None and country == episode and parts[1] != country

    def home(self, candidate: Candidate, actors: Callable[[str], Actor | None]) -> Place | None:
        """The acting state's country for an unplaced domestic act ("Germany banned X"),
        and for any act of a legislature or a court ("the House impeached the president",
        "the Supreme Court found the suspension unlawful"): they sit at home. So does an
        act (not a statement) of a state's government toward its own people or bodies
        ("the governor announced his resignation" to the island's protesters). Not an act of "both
        countries": it happens in each."""
        if self.gazetteer is None or _several_subjects(candidate.token):
            return None
        country, sector = _acting_state(candidate.source_id, actors)
        if candidate.type not in DOMESTIC_TYPES and sector not in INSTITUTION_SECTORS:
            internal = candidate.type in INTERNAL_TYPES
            country = _internal(candidate, actors) if internal else None
        if not country or country in ("XXX", "IGO"):
            return None
        return self.gazetteer.country(country)


def _acting_state(
    source: str, actors: Callable[[str], Actor | None] | None
) -> tuple[str | None, str | None]:
    """(country, sector) of a source that is a state or one of its bodies, else (None, None)."""
    if source.startswith("agent:"):
        parts = source.split(":")
        if len(parts) > 2 and parts[2] in STATE_SECTORS:
            return parts[1], parts[2]
        return None, None
    actor = actors(source) if actors is not None else None
    if actor is None:
        return None, None
    if actor.type == "state":
        return actor.country, "GOV"
    if actor.type == "organisation" and actor.sector in STATE_SECTORS:
        return actor.country, actor.sector
    return None, None


def _internal(candidate: Candidate, actors: Callable[[str], Actor | None]) -> str | None:
    """The country of an act of a state, its body or its official toward its own people
    or bodies (the target of the same country), else None."""
    country, _ = _acting_state(candidate.source_id, actors)
    if country is None and not candidate.source_id.startswith("agent:"):
        actor = actors(candidate.source_id)
        if actor is not None and actor.type == "person" and actor.sector in STATE_SECTORS:
            country = actor.country  # "the governor", "the prime minister"
    same = country is not None and country == _country_of(candidate.target_id, actors)
    return country if same else None


def _country_of(actor_id: str | None, actors: Callable[[str], Actor | None]) -> str | None:
    """The country of a target: of an ``agent:ISO3:SECTOR`` group or of a known actor."""
    if not actor_id:
        return None
    if actor_id.startswith("agent:"):
        parts = actor_id.split(":")
        return parts[1] if len(parts) > 2 else None
    actor = actors(actor_id)
    return actor.country if actor is not None else None


def _several_subjects(token: Token) -> bool:
    """ "Both countries put their militaries on alert", "Seoul and Pyongyang ...": the act's
    subject is several states, so no one country is its place."""
    clause = token.doc[governing_verb(token) or token.i]
    for child in clause.children:
        if child.dep_ in ("nsubj", "nsubjpass") and (
            any(c.dep_ == "conj" for c in child.children)
            or any(c.lower_ == "both" for c in child.children)
        ):
            return True
    return False


def _clause_of(token: Token) -> Token:
    verb = governing_verb(token)
    return token.doc[verb] if verb is not None else token


def _describes_clause(preposition: Token, point: int) -> bool:
    """Whether a locative up a noun chain still places the clause: "sentenced by a court in
    Multan" does, "a report on developments in the West Bank" does not (the place is the
    topic's: the walk crosses "on", "about", "over"), nor does "at the upcoming summit in
    Chile" (an occasion still to come)."""
    node = preposition.head
    for _ in range(12):
        if node.i == point or node.head == node:
            return True
        if node.pos_ == "ADP" and node.lower_ in TOPIC_PREPS:
            return False
        if any(c.dep_ == "amod" and c.lower_ in FUTURE_MARKS for c in node.children):
            return False
        node = node.head
    return True


def _act_above(preposition: Token, triggers: set[int]) -> int | None:
    """The nearest act above a locative: "launched missiles targeting US troops in Iraqi
    bases" places the launch (the participle only says what the missiles were for)."""
    node = preposition
    for _ in range(12):  # dependency paths within a sentence are short; guards cycles
        if node.head == node:
            return None
        node = node.head
        if node.i in triggers:
            return int(node.i)
    return None


def _on_participant(preposition: Token, point: int) -> bool:
    """Whether a locative hangs on a named participant rather than on the clause: "wrote
    to the US Embassy in London" (the embassy's place), not "met in London"."""
    noun = preposition.head
    restrictive = preposition.i == noun.i + 1  # "the Embassy in London", not "X, ..., in Qatar"
    named = noun.pos_ == "PROPN" and noun.ent_type_ in PARTICIPANT_LABELS
    return noun.i != point and restrictive and named


def _named_place(root: Token) -> bool:
    """A name given as a place by a place noun: "the city of Aden", "the port town of Mokha"."""
    while root.dep_ in ("appos", "conj") and root.head != root:
        root = root.head
    head = root.head
    return root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS


def _locative_preposition(root: Token) -> Token | None:
    """The locative preposition a place name hangs on, through appositions and place nouns."""
    for _ in range(3):
        while root.dep_ in ("appos", "conj") and root.head != root:
            root = root.head  # "in the Iranian capital Tehran", "in Mindanao, Philippines"
        if root.dep_ in ("compound", "poss") and root.head != root:
            root = root.head  # "in the Paris suburbs", "around Hong Kong's police complex"
        if root.dep_ != "pobj":
            return None
        preposition = root.head
        if preposition.lower_ in PLACE_PREPS:
            return preposition
        noun = preposition.head
        if preposition.lower_ == "of" and noun.lower_ in DIRECTIONS:
            return preposition  # "southwest of Okinawa" places the clause it hangs on
        if preposition.lower_ != "of" or noun.lemma_.lower() not in PLACE_NOUNS:
            return None
        root = noun  # "in the city of Aden": go on from "city"
    return None
