"""Per-document working state of the actors stage.

In: the spaCy ``Doc`` and the ``KnowledgeBase``. Out: the ``Found`` mentions and local
actors that ``communique.actors.resolve`` turns into ``Document.mentions`` and
``Document.actors``. The passes (``resolve`` names → ``roles`` descriptions →
``coref`` anaphora) all read and extend one ``DocState``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from communique.actors.kb import KnowledgeBase
from communique.actors.mention import PersonSpan
from communique.actors.names import ascii_fold, key, slug
from communique.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc

# States whose people are named family name first in English news ("Xi Jinping" → "Xi",
# "Kim Jong Un" → "Kim"); a later one-word mention may be the first word.
_FAMILY_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "KHM", "HKG", "MAC"})
_FEMALE_CUES = frozenset({"mrs", "ms", "madam", "madame", "queen", "princess", "congresswoman",
                          "chairwoman", "spokeswoman", "baroness", "dame", "lady", "sheikha",
                          "businesswoman", "mother", "sister", "wife", "daughter"})  # fmt: skip
_MALE_CUES = frozenset({"mr", "king", "prince", "sir", "lord", "sheikh", "emir", "congressman",
                        "spokesman", "businessman", "father", "brother", "husband", "son",
                        "sultan", "ayatollah"})  # fmt: skip

Kind = Literal["name", "alias", "role", "description", "pronoun", "demonym", "abbreviation"]


# Abbreviations inside organisation names that reference lists spell out: "Office of
# the UN High Commissioner" is also "Office of the United Nations High Commissioner".
_SPELLED_OUT = {"UN": "United Nations", "U.N.": "United Nations", "EU": "European Union",
                "US": "United States", "U.S.": "United States", "UK": "United Kingdom"}  # fmt: skip


def _spell_out(name: str) -> str:
    return " ".join(_SPELLED_OUT.get(word, word) for word in name.split(" "))


@dataclass
class Found:
    """A mention found in the text: token range, actor and how it was found."""

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    actor_id: str
    kind: Kind
    confidence: float


@dataclass
class DocState:
    doc: Doc
    kb: KnowledgeBase
    date: str | None  # the article date (YYYY-MM-DD) that role descriptions resolve on
    is_place: Callable[[str], bool] = lambda name: False  # the gazetteer knows this name
    # The country of the place of that name, preferring one in the hinted state (ISO).
    place_country: Callable[[str, str | None], str | None] = lambda name, hint: None
    found: list[Found] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)  # tokens inside name mentions
    local: dict[str, Actor] = field(default_factory=dict)  # id → local actor
    local_keys: dict[str, str] = field(default_factory=dict)  # name/surname key → actor id
    surnames: dict[str, str] = field(default_factory=dict)  # surname key → KB person id
    # surname key → every person named with it, in order ("Imran Khan", "Sadiq Khan").
    namesakes: dict[str, list[str]] = field(default_factory=dict)
    doc_aliases: dict[str, str] = field(default_factory=dict)  # "PNA" → actor id
    countries: Counter[str] = field(default_factory=Counter)  # ISO → how often mentioned
    genders: dict[str, str] = field(default_factory=dict)  # person id → "f"/"m" (from text)
    # Personal names as written, with their titles (``actors.mention``), and the token →
    # name index the KB scan checks its matches against.
    person_spans: list[PersonSpan] = field(default_factory=list)
    person_at: dict[int, PersonSpan] = field(default_factory=dict)
    # given name key → every person of the document named with it ("Denise" → the one
    # Denise the article names in full), in order.
    given: dict[str, list[str]] = field(default_factory=dict)

    texts: list[str] = field(default_factory=list)  # token texts, from the ORTH array
    lowers: list[str] = field(default_factory=list)  # lower-case token texts
    keys: list[str] = field(default_factory=list)  # lookup keys of the token texts

    def __post_init__(self) -> None:
        # Walking ``doc`` builds a Token object per word, which costs more than the
        # passes' own work; the passes test these strings first and touch Tokens only
        # at candidates (profiled on the dev articles).
        strings = self.doc.vocab.strings
        self.texts = [strings[o] for o in self.doc.to_array("ORTH").tolist()]
        self.lowers = [strings[o] for o in self.doc.to_array("LOWER").tolist()]
        # once per document: the KB scan and the role scan both probe by these
        self.keys = [key(text) for text in self.texts]

    def actor(self, actor_id: str) -> Actor | None:
        return self.local.get(actor_id) or self.kb.get(actor_id)

    def add(self, start: int, end: int, actor_id: str, kind: Kind, confidence: float) -> Found:
        found = Found(start, end, actor_id, kind, confidence)
        self.found.append(found)
        actor = self.actor(actor_id)
        if actor is not None and kind not in ("pronoun",):
            if actor.country and actor.country != "IGO":
                self.countries[actor.country] += 1
            if actor.type == "person":
                words = key(actor.name).split()
                if len(words) >= 2:
                    # Family names: the last word, and inner words of compound names
                    # ("Wanda Vázquez Garced" → "Vázquez"); the first word too for states
                    # that write the family name first.
                    short = [words[-1]] + [w for w in words[1:-1] if len(w) > 2]
                    if actor.country in _FAMILY_FIRST:
                        short.append(words[0])
                    for word in short:
                        self.surnames.setdefault(word, actor_id)
                        ids = self.namesakes.setdefault(word, [])
                        if actor_id in ids:
                            ids.remove(actor_id)
                        ids.append(actor_id)  # the last one named comes last
                    given = self.given.setdefault(words[0], [])
                    if actor_id not in given:
                        given.append(actor_id)
                    if kind in ("name", "alias"):
                        self._given_as_written(start, end, words, actor_id)
                if start > 0 and actor_id not in self.genders:
                    cue = self.doc[start - 1].lower_.rstrip(".")
                    if cue in _FEMALE_CUES:
                        self.genders[actor_id] = "f"
                    elif cue in _MALE_CUES:
                        self.genders[actor_id] = "m"
        return found

    def _given_as_written(self, start: int, end: int, words: list[str], actor_id: str) -> None:
        """Index the given name in the spelling of the text too: "Mohammad bin Salman"
        written for the KB's "Mohammed bin Salman" lets a later bare "Mohammad" find
        him. Only when the rest of the name is the same, word for word."""
        written = self.keys[start:end]
        if (
            len(written) == len(words)
            and written[0] != words[0]
            and written[1:] == words[1:]
            and written[0].isalpha()
        ):
            given = self.given.setdefault(written[0], [])
            if actor_id not in given:
                given.append(actor_id)

    def gender(self, actor_id: str) -> str | None:
        """ "f"/"m" from a title in the text ("Mrs", "King") or the given name, else None."""
        if actor_id in self.genders:
            return self.genders[actor_id]
        actor = self.actor(actor_id)
        if actor is None or actor.type != "person":
            return None
        for word in key(actor.name).split()[:2]:
            if word in self.kb.genders:
                return self.kb.genders[word]
        return None

    def cover(self, start: int, end: int) -> None:
        self.covered.update(range(start, end))

    def free(self, start: int, end: int) -> bool:
        return not any(i in self.covered for i in range(start, end))

    def named(self) -> set[str]:
        """Actors mentioned by name or alias so far (for co-mention preference)."""
        return {f.actor_id for f in self.found if f.kind in ("name", "alias", "abbreviation")}

    def local_actor(
        self,
        name: str,
        type_: Any,
        description: str | None = None,
        country: str | None = None,
        country_name: str | None = None,
        written: str | None = None,
    ) -> Actor:
        """The local actor for a name, merging "Hossein Rooyvaran" and later "Rooyvaran".

        The id is ``local:`` + the slug of the name as first written in the article, so the
        same unknown person named the same way in two articles gets the same id, and the
        store merges the descriptions of both (``store.rows.merge_actor``). Two different
        people who share a full name are merged too; that is the price of a rule a reader
        can predict, and their descriptions stay side by side on the one actor.
        """
        k = key(name)
        words = k.split()
        if country_name and type_ == "organisation":
            return self._state_organisation(name, country or "", country_name, written)
        actor_id = self.local_keys.get(k)
        if actor_id is None and type_ == "person" and len(words) == 1:
            actor_id = self.local_keys.get("~" + words[0])
        if actor_id is None:
            actor_id = "local:" + (slug(name) or "actor")
            if actor_id not in self.local:
                # The name in plain letters as a second spelling: a reader (or a reference
                # list) writes "Pawel Adamowicz" for "Paweł Adamowicz".
                folded = ascii_fold(name)
                spelled = _spell_out(name) if type_ == "organisation" else name
                self.local[actor_id] = Actor(
                    id=actor_id,
                    name=name,
                    type=type_,
                    origin="local",
                    country=country,
                    aliases=[a for a in dict.fromkeys((folded, spelled)) if a != name],
                )
            self.local_keys[k] = actor_id
            if type_ == "person" and len(words) >= 2:
                for word in [words[-1], *(w for w in words[1:-1] if len(w) > 2)]:
                    self.local_keys.setdefault("~" + word, actor_id)
        actor = self.local[actor_id]
        if description:
            self.describe(actor_id, description)
        return actor

    def _state_organisation(
        self, name: str, country: str, country_name: str, written: str | None = None
    ) -> Actor:
        """An organisation of a state ("Supreme Court" of the United Kingdom): one actor
        per state in the store (the id holds the state), answering to the forms readers
        and reference lists use for it, and to the bare name and the part before "of"
        later in the article ("the Supreme Court" after "Supreme Court of Cassation")."""
        qualified = f"{name} ({country_name})"
        actor_id = self.local_keys.get(key(qualified)) or "local:" + (slug(qualified) or "actor")
        if actor_id not in self.local:
            forms = [qualified, f"{country_name} {name}", f"{name} of {country_name}",
                     f"{name} of the {country_name}"]  # fmt: skip
            shown = written or name  # as the article writes it: "Saudi Press Agency"
            forms = [*forms, name, ascii_fold(shown)]
            self.local[actor_id] = Actor(
                id=actor_id,
                name=shown,
                type="organisation",
                origin="local",
                country=country,
                aliases=[f for f in dict.fromkeys(forms) if f != shown],
            )
            head = key(name).split(" of ")[0]
            for k in (key(qualified), key(name), key(shown), head):
                self.local_keys.setdefault(k, actor_id)
        return self.local[actor_id]

    def describe(self, actor_id: str, description: str) -> None:
        actor = self.local.get(actor_id)
        if actor is not None and description not in actor.descriptions:
            actor.descriptions.append(description)
