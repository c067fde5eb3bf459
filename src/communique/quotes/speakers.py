"""Who speaks: from a reporting verb to its subject, and from the subject to an actor id.

In: spaCy tokens of a cue found by ``communique.quotes`` and the document's
``mentions`` written by the ``actors`` stage (names, role descriptions and
pronouns already resolved to actor ids). Out: the speaker's actor id or None.
The quotes stage uses this before the ``events`` stage links events to quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from communique.model import Mention
from communique.nlp import tokens_with
from communique.quotes.described import INSTITUTIONS, Phrase, earlier_phrase, speaker_phrase
from communique.quotes.spans import Spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "you"})
# Clause links through which a participle or coordinated verb shares its
# subject with the verb above it: ", adding that ...", "Emphasising that ..., X
# stated", "stressed X and said ...", "went on to say that ...".
# How far back a bare surname or title looks for the full name it repeats:
# a long article's worth, and a bound on the work for one speaker.
LOOK_BACK_TOKENS = 2000
LOOK_BACK_MENTIONS = 400
# Prepositions by which a group belongs to a named body ("officials from X").
_MEMBERSHIP = frozenset({"from", "of", "in", "at"})
_SHARED_SUBJECT = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp", "prep"})
# Dependencies inside one title phrase ("Ambassador to Ruritania Jane Doe").
_TITLE_LINKS = frozenset({"prep", "pobj", "compound", "flat", "appos"})


def subject_of(verb: Token) -> Token | None:
    """The token naming who speaks.

    The nsubj, the agent of a passive, or the subject up the clause chain.
    """
    noun = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (
        verb.tag_ == "VBG"
        and noun is not None
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "with"
    ):
        return noun  # "with officials saying that ...": the absolute phrase's noun
    current = verb
    for _ in range(6):
        if current is not verb and current.dep_ == "ccomp" and current.head.i < current.i:
            # "stated the trial would be partial, saying ...": the participle hangs
            # on the reported clause, whose subject is not the one speaking.
            current = current.head
            continue
        for child in current.children:
            # The agent of the cue's own passive speaks ("was told by X that");
            # a clause the cue hangs on has its own ("was cheered by the staff
            # upon announcing ...": the one cheered announces).
            if child.dep_ == "agent" and current is verb:
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    return objects[0]
        subjects = [
            child
            for child in current.children
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and child.lower_ != "it")
        ]
        if subjects:
            # "Longtime critic MP Rosa Delgado said": the parser may split one
            # subject phrase into two subjects; the one next to the verb names.
            before = [c for c in subjects if c.i < current.i]
            return before[-1] if len(before) > 1 else subjects[0]
        if (
            current.dep_ == "acl"
            and current.tag_ == "VBG"
            and current.head.pos_ in ("NOUN", "PROPN")
        ):
            # "officials saying that ...": the noun the participle describes
            # speaks; "calls by officials asking X to ...": the one who makes them.
            noun = current.head
            for prep in noun.children:
                # "an order by X directing ...", "the request of X asking ..."
                if prep.dep_ == "prep" and prep.lower_ in ("by", "of") and prep.i < current.i:
                    agents = [g for g in prep.children if g.dep_ == "pobj"]
                    if agents:
                        return agents[0]
            return noun
        if (
            current.dep_ == "acl"
            and current.tag_ in ("VBD", "VBN")
            and current.i > 0
            and verb.doc[current.i - 1].text == ","
            and any(c.dep_ == "appos" for c in current.head.children)
        ):
            # "The port's harbour master, Jane Doe, announced ...": a main verb the
            # parser hung on the subject as a modifier.
            return current.head
        if current.dep_ in _SHARED_SUBJECT and current.head != current:
            current = current.head
            continue
        break
    return None


class SpeakerIndex:
    """Mentions by position, to map a subject phrase to the actor it refers to."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.mentions]
        self.subjects: list[tuple[int, int, bool]] = []  # (offset, token index, plural)
        # Subjects of reported clauses, the referents of last resort (see ``antecedent``).
        self.reported: list[tuple[int, int]] = []  # (offset, token index)
        self.breaks: list[int] = [0]  # where each paragraph starts

    def index_subjects(self, doc: Doc, quoted: Spans) -> None:
        """Remember the noun subjects of clauses outside quotations, for pronouns.

        The subject of a reported clause ("said Chile must leave") or of a
        relative clause ("a deal in which X became premier") is what was said
        or talked about, not who goes on talking, and is left out.
        """
        text = doc.text  # once: spaCy rebuilds the string on every access
        self.breaks = [0] + [m.end() for m in re.finditer(r"\n", text)]
        for token in tokens_with(doc, "DEP", ("nsubj", "nsubjpass")):
            if token.pos_ not in ("NOUN", "PROPN"):
                continue
            # Subjects of reported and relative clauses are talked about, not talking.
            if quoted.containing(token.idx) is not None or token.head.dep_ == "relcl":
                continue
            if token.head.dep_ == "ccomp":
                self.reported.append((token.idx, token.i))
                continue
            self.subjects.append((token.idx, token.i, token.tag_ in ("NNS", "NNPS")))

    def antecedent(
        self,
        pronoun: Token,
        agrees: Callable[[Token, Token], bool],
        window: int = 600,
        ahead: bool = True,
    ) -> Token | None:
        """The subject a reporting pronoun continues: the last agreeing one before it.

        Without one in the preceding ``window`` characters (the article opens
        with "He said ..."), the first agreeing subject after it in that
        distance, unless ``ahead`` is False.
        """
        doc = pronoun.doc
        at = pronoun.idx
        paragraph = self.breaks[bisect_right(self.breaks, at) - 1]
        i = bisect_left(self.subjects, (at, -1, False))
        for offset, index, _ in reversed(self.subjects[:i]):
            if at - offset > window:
                break
            if offset < paragraph:
                break  # an earlier paragraph: after the reported subjects of this one
            if agrees(pronoun, doc[index]):
                return doc[index]
        # "The radio revealed that the mayor accepted the blame. ... he said": with no
        # agreeing speaker of its own paragraph, the person a report there was
        # about goes on speaking, before anyone of an earlier paragraph.
        j = bisect_left(self.reported, (at, -1))
        for offset, index in reversed(self.reported[:j]):
            if offset < paragraph or at - offset > window:
                break
            if agrees(pronoun, doc[index]):
                return doc[index]
        for offset, index, _ in reversed(self.subjects[:i]):
            if at - offset > window:
                break
            if offset >= paragraph:
                continue
            if agrees(pronoun, doc[index]):
                return doc[index]
        if not ahead:
            return None
        for offset, index, _ in self.subjects[i:]:
            if offset - at > window:
                break
            if agrees(pronoun, doc[index]) and offset != at:
                return doc[index]
        return None

    def covering(self, start: int, end: int) -> Mention | None:
        """The longest mention overlapping [start, end)."""
        best: Mention | None = None
        i = bisect_left(self.starts, end)
        for mention in reversed(self.mentions[max(0, i - 50) : i]):
            if mention.end > start and (
                best is None or mention.end - mention.start > best.end - best.start
            ):
                best = mention
        return best

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self.starts, start)
        out = []
        for mention in self.mentions[i:]:
            if mention.start >= end:
                break
            if mention.end <= end:
                out.append(mention)
        return out

    def choose(self, subject: Token) -> str | Phrase | None:
        """Who a (non-pronoun) subject phrase names: an actor id, or the words describing it.

        An appositive name wins over a title ("the secretary general, Tomas
        Brandt,"; "the driver's mother, Ruth Ellery"), then the head's own
        mention, then a named organisation that a group or institution noun
        belongs to ("Frelimo officials", "the Green Alliance party"). A possessor is never the
        speaker ("the minister's spokesman"), and a generic agent or a demonym
        ("German officials") is a description rather than a name. A bare
        surname or a bare title ("Ferreira", "the commissioner") takes the person
        the article named in full before.
        """
        doc = subject.doc
        for child in subject.children:
            # "(Nordic Fisheries Council)" explains a word; ", Tomas Brandt,"
            # names the person. After a proper name, only a name run into it
            # without punctuation is the same phrase ("Bank president Ada Nwosu").
            if child.dep_ != "appos" or doc[child.left_edge.i - 1].text == "(":
                continue
            joined = all(t.text in "-–" for t in doc[subject.i + 1 : child.left_edge.i])
            if subject.pos_ == "PROPN" and not (joined and child.pos_ == "PROPN"):
                continue
            named = self.covering(child.idx, child.idx + len(child.text))
            if named is not None and _specific(named):
                return named.actor_id
            if child.pos_ == "PROPN" and subject.pos_ != "PROPN":
                return speaker_phrase(child)
        head = self.covering(subject.idx, subject.idx + len(subject.text))
        if head is not None and head.kind in ("description", "role"):
            # "US Envoy to Ruritania Jane Doe alleged": the parser hangs the
            # name on the title's phrase; the name decides who speaks, the title
            # only describes her.
            named = self.name_in_title(subject)
            if named is not None:
                return named.actor_id
        if head is not None and _specific(head):
            return self.full_name(head, subject) or head.actor_id
        if subject.pos_ == "PROPN" and head is None:
            # "Minister of Fisheries Ola Brekke": a title whose name
            # follows in its "of"-phrase.
            for prep in subject.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        named = self.covering(obj.idx, obj.idx + len(obj.text))
                        if (
                            obj.dep_ == "pobj"
                            and named is not None
                            and named.kind == "name"
                            and _specific(named)
                        ):
                            return named.actor_id
        if subject.pos_ == "PROPN":
            # Mentions that cover only part of a name ("Superintendent Lucas"
            # in "Chief Superintendent Lucas Ferreira") are not this person.
            earlier = self.earlier_name(subject)
            if earlier is not None and _specific(earlier):
                return earlier.actor_id
            phrase = speaker_phrase(subject)
            return earlier_phrase(phrase, doc) or phrase
        if subject.is_title and subject.pos_ == "VERB" and not subject.is_sent_start:
            # "According to Lindqvist the ship ...": a surname the tagger took for
            # a verb; the person named in full before speaks.
            earlier = self.earlier_name(subject)
            return earlier.actor_id if earlier is not None and _specific(earlier) else None
        if subject.pos_ != "NOUN" or subject.lower_ in FIRST_PERSON:
            return None
        if subject.tag_ in ("NNS", "NNPS") or subject.lower_ in INSTITUTIONS:
            possessed = {t.i for c in subject.children if c.dep_ == "poss" for t in c.subtree}
            for mention in self.within(subject.left_edge.idx, subject.idx):
                first = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if _specific(mention) and first is not None and first.start not in possessed:
                    return mention.actor_id
        if subject.tag_ in ("NNS", "NNPS"):
            # "representatives from Chile", "officials in the Water Board": the
            # group speaks for the named body it belongs to.
            for prep in subject.children:
                if prep.dep_ != "prep" or prep.lower_ not in _MEMBERSHIP:
                    continue
                for obj in prep.children:
                    named = self.covering(obj.idx, obj.idx + len(obj.text))
                    if obj.dep_ == "pobj" and named is not None and _specific(named):
                        return named.actor_id
        phrase = speaker_phrase(subject)
        if phrase.start < phrase.end and doc[phrase.start].lower_ == "the" and subject.tag_ == "NN":
            holder = self.title_holder(subject)
            if holder is not None:
                return holder
        return phrase

    def name_in_title(self, subject: Token) -> Mention | None:
        """A person's name inside a title phrase: "Ambassador to X Jane Doe", "Minister of Y Ann Lee".

        Only names reached from the title through its own words (prepositional
        objects, compounds, flat names and appositions), never through a
        relative clause or a verb, and only a person's name: "Ambassador to
        Germany" names a country, not the speaker.
        """
        best: Mention | None = None
        for token in subject.subtree:
            if token.i <= subject.i or token.pos_ != "PROPN" or token.ent_type_ != "PERSON":
                continue
            link, ok = token, True
            while link.i != subject.i and ok:
                ok = link.dep_ in _TITLE_LINKS and link.head.i != link.i
                link = link.head
            if not ok:
                continue
            named = self.covering(token.idx, token.idx + len(token.text))
            if named is not None and named.kind in ("name", "alias") and _specific(named):
                best = named
        return best

    def full_name(self, mention: Mention, subject: Token) -> str | None:
        """A one-word name mention ("Ellery") that repeats an earlier full name's last word.

        The actors stage may keep "Ruth Ellery" and a later "Ellery" apart;
        the speaker is the person named in full.
        """
        if " " in mention.text.strip() or subject.pos_ != "PROPN":
            return None
        word = mention.text.strip().lower()
        i = bisect_left(self.starts, mention.start)
        for earlier in reversed(self.mentions[max(0, i - LOOK_BACK_MENTIONS) : i]):
            words = earlier.text.lower().split()
            if (
                earlier.actor_id != mention.actor_id
                and earlier.kind in ("name", "alias")
                and len(words) >= 2
                and word in words[1:]
            ):
                return earlier.actor_id
        return None

    def title_holder(self, subject: Token) -> str | None:
        """ "The commissioner said" after "trade commissioner Ada Nwosu": that person.

        The last earlier use of the same noun that stands as a title before a
        name, or beside one in apposition, gives the holder.
        """
        doc = subject.doc
        for token in reversed(doc[max(0, subject.i - LOOK_BACK_TOKENS) : subject.i]):
            if token.lower != subject.lower and token.lemma != subject.lemma:
                continue
            named: Token | None = None
            if token.dep_ == "compound" and token.head.pos_ == "PROPN":
                named = token.head
            else:
                named = next(
                    (c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"),
                    None,
                )
            if named is None:
                continue
            mention = self.covering(named.idx, named.idx + len(named.text))
            return mention.actor_id if mention is not None and _specific(mention) else None
        return None

    def agent_of(self, subject: Token) -> tuple[str | None, str | None]:
        """The generic agent and the demonym actor ids in a subject's words, for a description."""
        agent = demonym = None
        right = subject.right_edge
        for mention in self.within(subject.left_edge.idx, right.idx + len(right.text)):
            if mention.actor_id.startswith("agent:") and agent is None:
                agent = mention.actor_id
            elif mention.kind == "demonym" and demonym is None:
                demonym = mention.actor_id
        return agent, demonym

    def for_subject(self, subject: Token) -> Mention | None:
        """The mention of a subject phrase: at its head word, else the first inside the phrase.

        Relative clauses and appositions follow the head ("Marta Ilves, an
        expert on ...", "the official who met X"), so the head's own mention wins.
        """
        head = self.covering(subject.idx, subject.idx + len(subject.text))
        if head is not None:
            return head
        # Only the words up to the head: "efforts to be in favour of the
        # Chilean people" is not spoken by Chile.
        left = subject.left_edge.idx
        right = subject.idx + len(subject.text)
        inside = [m for m in self.within(left, right) if m.kind not in ("pronoun", "demonym")]
        if inside:
            return inside[0]
        return self.earlier_name(subject) if subject.pos_ == "PROPN" else None

    def earlier_name(self, subject: Token) -> Mention | None:
        """A short name the actors stage missed: an earlier mention ending with it.

        "Al-Rashid added" after "Samir al-Rashid said": the surname repeats the
        full name, so the full name's actor speaks.
        """
        doc = subject.doc
        words = doc[subject.left_edge.i : subject.i + 1].text.lower()
        if len(words) < 3:
            return None
        i = bisect_left(self.starts, subject.idx)
        for mention in reversed(self.mentions[max(0, i - LOOK_BACK_MENTIONS) : i]):
            if mention.kind != "pronoun" and mention.text.lower().endswith(words):
                return mention
        return None

    def nearest_before(self, position: int, floor: int) -> Mention | None:
        """The last non-pronoun mention between ``floor`` and ``position``."""
        candidates = [m for m in self.within(floor, position) if m.kind != "pronoun"]
        return candidates[-1] if candidates else None


def _specific(mention: Mention) -> bool:
    """A mention that names one actor, not a generic group or a nationality."""
    return mention.kind not in ("pronoun", "demonym") and not mention.actor_id.startswith("agent:")
