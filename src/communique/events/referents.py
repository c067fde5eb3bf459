"""Who a noun phrase refers to, for the events stage: mentions, groups and institutions.

In: a token of the spaCy parse that heads a noun phrase in an event's participant slot,
and a ``MentionIndex`` over the actors stage's mentions (token -> actor id). Out: the
actor ids the phrase stands for, for ``communique.events.frames``: its own mention, an
appositive, the named examples of a group ("leaders including X and Y"), a modifier or
possessor that a carrier noun stands for ("the Iranian government", "members of X"), the
people on a vessel, or the unnamed agent of a bare state institution ("the government").
Also who made a thing an evaluation is about (``act_authors``: "the decision by X"), the
government whose law or reform is opposed (``law_makers``), the actors "both of them"
stands for (``plural_antecedents``) and whether a phrase names an actor's own forces.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from communique.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

RELATIVE = {"who", "which", "that", "whom"}
# Nouns that count or group what they head ("thousands of Kenyans", "dozens of rockets",
# "a barrage of missiles"): the phrase stands for what its of-object names.
QUANTITIES = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score",
              "scores", "barrage", "volley", "salvo", "hail", "series", "wave", "number",
              "couple", "pair", "round", "rounds", "burst", "string", "spate", "tens",
              "millions", "crowd", "crowds", "group", "groups", "handful"}  # fmt: skip
MODIFIERS = {"compound", "amod", "poss", "nmod", "npadvmod"}
# Nouns of a person's kin and of others known by their tie to someone: "the gunman's
# wife", "his neighbour", "her rival" are other people than the one who owns the phrase,
# so the possessor is not who the phrase stands for.
KIN = {"wife", "husband", "son", "sons", "daughter", "daughters", "brother", "brothers",
       "sister", "sisters", "mother", "father", "parents", "relative", "relatives", "cousin",
       "nephew", "niece", "uncle", "aunt", "fiancee", "fiancée", "widow", "girlfriend",
       "boyfriend", "neighbour", "neighbor", "friend", "colleague", "rival",
       "opponent"}  # fmt: skip

# Acts of law: what they do ("a bill which legalised X") is done by who passed them.
LAWS = {"bill", "law", "legislation", "measure", "amendment", "decree", "act", "ordinance",
        "resolution", "ruling", "order"}  # fmt: skip
# Government acts opposed as such: their opponents oppose the government.
REFORMS = {"reform", "reforms", "change", "changes", "policy", "policies", "plan", "budget",
           "tax", "taxes", "constitution", "referendum"}  # fmt: skip
# Nouns of things said, asked or decided: their of-object is their author ("the demands
# of Kosovo"), who an evaluation of them aims at.
AUTHORED = {"demand", "request", "proposal", "plan", "offer", "decision", "statement",
            "remark", "comment", "accusation", "claim", "call", "appeal", "policy",
            "position", "ultimatum", "move", "allegation", "initiative", "stance"}  # fmt: skip
# Texts by which their author acts ("issued a statement condemning X").
STATEMENTS = {"statement", "message", "letter", "post", "tweet", "video", "communique",
              "declaration", "note", "resolution", "speech", "address", "editorial",
              "op-ed", "column", "press", "release", "report"}  # fmt: skip
# Possessives by which a phrase names the actor's own forces ("put its army on alert").
OWN_POSSESSIVES = {"its", "their", "his", "her", "our"}

# Nouns that stand for their possessor or modifier ("the Iranian government",
# "Iran's support", "the regime of Israel"): the actor is found on the modifier.
CARRIERS = {
    "government", "regime", "force", "forces", "army", "troops", "military", "people", "authority",
    "authorities", "support", "backing", "help", "assistance", "state", "leadership", "embassy",
    "delegation", "strike", "attack", "raid", "airstrike", "operation", "drone", "role", "stance",
    "effort", "efforts", "position", "ministry", "administration", "officials", "soldiers",
    "secretariat", "headquarters", "premises", "member", "members", "representative",
    "representatives", "spokesperson", "spokesman", "spokeswoman", "leader", "leaders",
    "head", "heads", "minister", "ministers", "envoy", "envoys", "delegate", "delegates",
    "diplomat", "diplomats", "negotiators", "lawmakers", "legislators", "ambassador",
    "ambassadors", "consul", "attache",
}  # fmt: skip
# Vessels stand for the people they carry in acts done to them ("turned back the boats").
VESSELS = {"boat", "ship", "vessel", "dinghy", "raft", "bus", "truck", "convoy", "flotilla"}
# Carriers that speak for someone: "a spokesperson for President X" is X's statement.
SPOKES = {"spokesperson", "spokesman", "spokeswoman", "representative", "representatives"}

# Bare institutions of a state ("the government called for ...", "the army shelled ..."):
# with nothing in the phrase naming whose, news means the state the article is about,
# and the gold guide codes them agent:ISO3:SECTOR. Only with a definite article.
INSTITUTIONS = {
    "government": "GOV", "authorities": "GOV", "administration": "GOV", "regime": "GOV",
    "cabinet": "GOV", "ministry": "GOV", "military": "MIL", "army": "MIL", "troops": "MIL",
    "parliament": "LEG", "legislature": "LEG", "court": "JUD", "judiciary": "JUD",
    "prosecutors": "JUD", "prosecution": "JUD", "police": "COP",
}  # fmt: skip

#: Makes (or finds) the unnamed-group actor of a sector for an event, given its target
#: actor id (the group's country is the target's, else the article's); None when no
#: country can be told.
AgentMaker = Callable[[str, "str | None"], "str | None"]


class MentionIndex:
    """Token index → the narrowest mention covering it (actor id)."""

    def __init__(
        self,
        doc: Doc,
        mentions: list[Mention],
        speakers: Sequence[tuple[int, int, str]] = (),
        kinds: Mapping[str, tuple[str | None, str | None]] | None = None,
        make_agent: AgentMaker | None = None,
    ) -> None:
        self.speakers = list(speakers)  # quote (start, end, speaker id), character offsets
        self.kinds = kinds or {}  # actor id -> (type, sector)
        self.make_agent = make_agent
        # Lemmas of verbs that are triggers themselves; set by the extractor.
        self.trigger_verbs: frozenset[str] = frozenset()
        # Tokens that have yielded an event so far (the extractor goes left to right).
        self.event_tokens: set[int] = set()
        self.by_token: dict[int, Mention] = {}
        self.counts = Counter(m.actor_id for m in mentions)
        for mention in sorted(mentions, key=lambda m: m.end - m.start, reverse=True):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token[token.i] = mention  # narrower mentions, written later, win

    def actor(self, token: Token) -> str | None:
        mention = self.by_token.get(token.i)
        return mention.actor_id if mention else None

    def protagonist(self) -> str | None:
        """The person the report is about: the one it names most often (at least twice,
        and more often than anyone else)."""
        people = [
            (n, actor)
            for actor, n in self.counts.items()
            if self.kinds.get(actor, (None, None))[0] == "person"
        ]
        people.sort(reverse=True)
        if not people or people[0][0] < 2 or (len(people) > 1 and people[1][0] == people[0][0]):
            return None
        return people[0][1]

    def speaker(self, token: Token) -> str | None:
        """Speaker of the quote or reported statement holding ``token``, if known."""
        for start, end, speaker in self.speakers:
            if start <= token.idx < end and speaker:
                return speaker
        return None

    def quoted(self, token: Token) -> bool:
        """Is ``token`` inside a quote or reported statement (speaker known or not)?"""
        return any(start <= token.idx < end for start, end, _ in self.speakers)


def conjuncts(token: Token) -> list[Token]:
    """A phrase and the phrases coordinated with it. The parser may hang the later
    conjuncts on an appositive of the first ("from the OIC head Yousef X, Pope Francis,
    and a spokesperson for Y": Francis is coordinated with the name, not with "head"),
    and they are coordinated with the whole phrase all the same."""
    found = [token, *[c for c in token.conjuncts if c.i > token.i]]
    if len(found) == 1:
        for appos in token.children:
            if appos.dep_ == "appos":
                found.extend(c for c in appos.conjuncts if c.i > appos.i)
    if len(found) == 1:
        # "US President Donald Trump and Turkish President Recep Erdogan spoke": the
        # parser may make the first title a compound of the last name, with the first
        # name its appositive and the "and" on that
        for title in token.children:
            if title.dep_ != "compound" or title.i > token.i:
                continue
            found[:0] = [
                a
                for a in title.children
                if a.dep_ == "appos"
                and a.ent_type_ == "PERSON"
                and any(g.dep_ == "cc" and g.lower_ == "and" for g in a.children)
            ]
    return found


def resolve(token: Token, mentions: MentionIndex) -> str | None:
    """The actor a noun phrase headed by ``token`` refers to, if any."""
    relative = token.lower_ in RELATIVE and token.head.dep_ == "relcl"
    if relative:
        token = token.head.head
    if apart(token):
        return None
    actor = mentions.actor(token)
    if actor:
        return actor
    for child in token.children:
        if child.dep_ == "appos":
            actor = mentions.actor(child)
            if actor:
                return actor
    for child in token.children:  # "figures, including X" / "groups such as X"
        if child.dep_ == "prep" and child.lower_ in ("including", "like", "as"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (actor := mentions.actor(pobj)):
                    return actor
    # A group named by its modifier: "Ukrainian prisoners", "Hamas commanders",
    # "Israel's offer", "the American proposal" (CAMEO codes such agents by
    # their country or organisation). Possessive pronouns count once the actors
    # stage has resolved them.
    # A name of no actor entity whose first word is an actor ("a Toyota Corolla", "a
    # Boeing 737") is a product of that actor, not the actor or its people.
    product = token.pos_ == "PROPN" and token.ent_type_ in ("", "PRODUCT")
    kin = token.lower_ in KIN
    for child in token.children:
        if child.dep_ in MODIFIERS and not (product and child.dep_ == "compound") and not kin:
            actor = mentions.actor(child)
            if actor:
                return actor
    if (owner := _owner(token, mentions)) is not None:
        return owner
    if token.lower_ in QUANTITIES or token.lemma_.lower() in QUANTITIES:
        for pobj in pobjs(token, "of"):  # "thousands of Kenyans protested"
            if actor := resolve(pobj, mentions):
                return _people_of(pobj, actor, mentions)
    if token.lemma_.lower() in VESSELS and not relative:
        # "turned back boats carrying Rohingya refugees", "a boat of migrants": the
        # people on board
        for child in token.children:
            if child.dep_ == "acl" and child.lemma_.lower() in ("carry", "transport"):
                for obj in child.children:
                    if obj.dep_ == "dobj" and (actor := mentions.actor(obj)):
                        return actor
        for pobj in pobjs(token, "of"):
            if actor := mentions.actor(pobj):
                return actor
    if token.lemma_.lower() in CARRIERS or token.lower_ in CARRIERS:
        words = ("of", "for") if token.lower_ in SPOKES else ("of",)
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in words:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        # "leaders of African Union member states": the owner may be
                        # named by a modifier of the of-object
                        actor = mentions.actor(pobj) or _modifier_actor(pobj, mentions)
                        if actor:
                            return actor
    return None


# Participles by which a phrase names the owner of a thing ("facilities belonging to X",
# "a plant operated by X"): what is done to the thing is done to its owner.
OWNING = {"belong": "to", "own": "by", "operate": "by", "run": "by"}


def _owner(token: Token, mentions: MentionIndex) -> str | None:
    for acl in token.children:
        word = OWNING.get(acl.lemma_.lower()) if acl.dep_ == "acl" else None
        if word is not None:
            for pobj in pobjs(acl, word):
                if actor := resolve(pobj, mentions):
                    return actor
    return None


# Words by which a plural phrase sets its people apart from the actor it names: "two
# other presidents" (not the one the report is about), "former members of X" (no longer
# X's).
APART = {"other", "former", "ex", "ex-"}


def apart(token: Token) -> bool:
    """ "impeached two other presidents", "contacted former members of the church": an
    unnamed set of people apart from any actor the phrase's words name."""
    return token.tag_ in ("NNS", "NNPS") and any(
        c.dep_ in ("amod", "det", "advmod") and c.lower_ in APART for c in token.children
    )


def _modifier_actor(token: Token, mentions: MentionIndex) -> str | None:
    for child in token.children:
        if child.dep_ in MODIFIERS and (actor := mentions.actor(child)):
            return actor
    return None


def _people_of(token: Token, actor: str, mentions: MentionIndex) -> str:
    """ "thousands of Kenyans": a crowd of a state's people is its civilians (CAMEO CVL),
    not the state; other actors stay as they are."""
    kind = mentions.kinds.get(actor, (None, None))[0]
    if kind != "state" or token.ent_type_ != "NORP" or mentions.make_agent is None:
        return actor
    return mentions.make_agent("CVL", actor) or actor


def actors_of(heads: list[Token], mentions: MentionIndex) -> list[str]:
    out: list[str] = []
    for head in heads:
        # "to Iran and Lebanon's Hezbollah": the parser often hangs the first
        # conjunct as an nmod (with the "and") on the last one's head noun.
        nested = [
            c for c in head.children if c.dep_ == "nmod" and any(g.dep_ == "cc" for g in c.children)
        ]
        for token in nested + conjuncts(head):
            named = examples(token, mentions) or plural_antecedents(token, mentions)
            if named:
                out.extend(a for a in named if a not in out)
                continue
            actor = resolve(token, mentions) or institution(token, mentions)
            if actor and actor not in out:
                out.append(actor)
            if actor and token.lemma_.lower() in CARRIERS and mentions.actor(token) is None:
                # "the leaders of France and Germany": each owner takes part
                for pobj in pobjs(token, "of"):
                    for other in pobj.conjuncts:
                        found = mentions.actor(other) or _modifier_actor(other, mentions)
                        if found and found not in out:
                            out.append(found)
    return out


# Nouns by which "both ..." stands for two states told before.
STATE_NOUNS = {"country", "nation", "state", "government"}


def plural_antecedents(token: Token, mentions: MentionIndex) -> list[str]:
    """Who "both of them", "them both" or "them" stand for, when the actors stage left
    the pronoun unresolved: "both" takes the last two actors of one kind named in the
    sentence before ("X was impeached in 1998, and Y in 1868. The Senate acquitted both
    of them"); a bare "them" only a coordinated phrase there ("X and Y").
    """
    pronoun, wanted = token, 0
    kind: str | None = None
    if token.lemma_.lower() in STATE_NOUNS and any(
        c.dep_ in ("det", "predet") and c.lower_ == "both" for c in token.children
    ):
        # "Both countries have put their militaries on alert": the two states named last
        pronoun, wanted, kind = token, 2, "state"
    elif token.lower_ == "both":
        inner = [p for p in pobjs(token, "of") if p.lower_ in ("them", "they")]
        if not inner:
            return []
        pronoun, wanted = inner[0], 2
    elif token.lower_ in ("them", "they"):
        wanted = 2 if any(c.lower_ == "both" for c in token.children) else 0
    else:
        return []
    if mentions.actor(pronoun) is not None or token.sent.start == 0:
        return []
    previous = token.doc[token.sent.start - 1].sent
    if wanted == 0:
        for word in reversed(previous):
            others = [c for c in word.conjuncts if c.i > word.i]
            if word.dep_ != "conj" and others:
                group = [a for c in (word, *others) if (a := resolve(c, mentions))]
                if len(set(group)) == len(others) + 1:
                    return group
        return []
    found: list[str] = []
    if kind == "state":
        # two states may be told apart over the sentences of an exchange ("X fired at Y.
        # Y answered ... X warned ... Both countries ..."): the last three sentences
        start = previous.start
        for _ in range(2):
            if start > 0:
                start = token.doc[start - 1].sent.start
        previous = token.doc[start : token.sent.start]
    for word in reversed(previous):
        actor = mentions.actor(word)
        if actor is None or actor in found:
            continue
        this_kind = mentions.kinds.get(actor, (None, None))[0]
        if kind is None:
            kind = this_kind
        if this_kind == kind:
            found.append(actor)
        if len(found) == wanted:
            return found[::-1]
    return []


def examples(token: Token, mentions: MentionIndex) -> list[str]:
    """The named members of a group phrase ("world leaders including X and Y", "defectors
    such as X"): each takes part, and they are who the event data should name."""
    heads = _example_heads(token)
    if not heads:
        # "defectors from the organisation including X and Y": the parser may hang the
        # examples on the noun of the group's own prepositional phrase
        preps = [prep for prep in token.children if prep.dep_ == "prep"]
        if token.dep_ == "dobj":  # or on the verb, right after its object
            preps += [
                prep
                for prep in token.head.children
                if prep.dep_ == "prep" and prep.i > token.i and prep.lower_ in GROUP_PREPS
            ]
        for pobj in (p for prep in preps for p in prep.children):
            if pobj.dep_ == "pobj" and not heads:
                heads = _example_heads(pobj)
    return [a for h in heads for c in conjuncts(h) if (a := resolve(c, mentions))]


# Prepositions that say which group a phrase's members come from.
GROUP_PREPS = {"from", "of", "in", "among", "within", "inside"}


def _example_heads(token: Token) -> list[Token]:
    return [
        pobj
        for prep in token.children
        if prep.dep_ == "prep"
        and (prep.lower_ in ("including", "like") or (prep.lower_ == "as" and _such(prep)))
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _such(prep: Token) -> bool:
    """ "such as": the parser hangs "such" on the "as" or on the noun before it."""
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep
    return before.lower_ == "such"


def institution(token: Token, mentions: MentionIndex) -> str | None:
    """The unnamed agent for a bare state institution ("the government", "the court"):
    the article's state's, made only when nothing in the phrase names another owner."""
    sector = INSTITUTIONS.get(token.lower_)
    if sector is None or mentions.make_agent is None:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    if any(
        c.dep_ in ("poss", "compound", "nmod", "relcl", "acl")
        or (c.dep_ == "amod" and not _level(c))
        or (c.dep_ == "prep" and c.lower_ not in ("in", "at"))  # "the court in Mombasa"
        for c in token.children
    ):
        return None  # "the Kenyan government", "the government of X": another owner, not resolved
    return mentions.make_agent(sector, None)


# Adjectives that say which level or part of a state an institution is, not whose it is
# ("the central government", "the federal police", "the supreme court").
LEVELS = {"central", "federal", "national", "interim", "transitional", "new", "current",
          "supreme", "high", "constitutional", "military", "civilian", "local", "regional",
          "provincial", "state", "caretaker", "ruling", "outgoing"}  # fmt: skip


def _level(modifier: Token) -> bool:
    return modifier.lower_ in LEVELS and not modifier.ent_type_


def pobjs(token: Token, word: str) -> list[Token]:
    return [
        pobj
        for prep in token.children
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ == word
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def prep_objects(token: Token) -> list[Token]:
    """Objects of the prepositions on ``token``, through two-word prepositions ("pulled
    out of the treaty", "away from the border": the parser nests the second word)."""
    found: list[Token] = []
    for prep in token.children:
        if prep.dep_ != "prep":
            continue
        found.extend(p for p in prep.children if p.dep_ == "pobj")
        for inner in prep.children:
            if inner.dep_ == "prep":
                found.extend(p for p in inner.children if p.dep_ == "pobj")
    return found


def act_authors(heads: list[Token]) -> list[Token]:
    """Who made what an evaluation is about, named on the noun: "the decision by X", "the
    accusation made by X", "the demands of X" (of: only nouns of things said or decided,
    "the killing of X" names a victim)."""
    out: list[Token] = []
    for head in heads:
        out.extend(pobjs(head, "by"))
        for acl in head.children:
            if acl.dep_ == "acl" and acl.tag_ == "VBN":
                out.extend(pobjs(acl, "by"))  # "the accusation made by Turkey"
        if head.lemma_.lower() in AUTHORED:
            out.extend(pobjs(head, "of"))
    return out


def law_makers(heads: list[Token], mentions: MentionIndex) -> list[str]:
    """ "protests against the new law", "rallied against the reform of X's courts": what
    a law or a reform does, its state's government does (the modifier's or possessor's
    state, else the article's)."""
    if mentions.make_agent is None:
        return []
    for head in heads:
        if head.lemma_.lower() not in LAWS | REFORMS:
            continue
        owners = [
            a
            for c in head.children
            if c.dep_ in ("poss", "compound", "amod", "nmod") and (a := mentions.actor(c))
        ]
        owners += [
            a
            for inner in pobjs(head, "to") + pobjs(head, "of")
            for a in law_makers([inner], mentions)
        ]
        agent = mentions.make_agent("GOV", owners[0] if owners else None)
        return [agent] if agent else []
    return []


def own(head: Token) -> bool:
    """ "put its army on alert", "withdrew their troops": the actor's own forces."""
    return any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in head.children)


# Nouns of unnamed private people by their kin or their town ("the suspect's wife was
# taken into custody", "police detained five residents"): the gold guide codes them as
# civilians. Not "a man", "an individual": one held after an attack is most often its
# suspect, told by name later.
PRIVATE_PERSONS = {"people", "resident", "residents", "villagers", "civilians"}
ACCUSED_PERSONS = {"suspect", "suspects", "accused", "defendant", "defendants", "culprit",
                   "culprits", "perpetrator", "perpetrators"}  # fmt: skip


def unnamed_people(heads: list[Token], mentions: MentionIndex) -> list[str]:
    """ "arrested two men", "the suspect's wife was detained": the unnamed-group actor of
    people no mention names, of the article's country (CRM for suspects, else CVL). Only
    bare nouns: a name, a pronoun or a modifier naming an actor leaves it to ``resolve``."""
    if mentions.make_agent is None:
        return []
    for head in heads:
        word = head.lower_
        if head.pos_ != "NOUN" or mentions.actor(head) or resolve(head, mentions):
            continue
        if word in ACCUSED_PERSONS:
            sector = "CRM"
        elif word in PRIVATE_PERSONS or word in KIN:
            sector = "CVL"
        else:
            continue
        agent = mentions.make_agent(sector, None)
        return [agent] if agent else []
    return []
