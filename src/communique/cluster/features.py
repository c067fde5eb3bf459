"""What clustering needs from each stored article, in compact form.

In: ``Document`` records from the store (after every analysis stage has run
and the documents are saved). Out: one ``ArticleFeatures`` per article (word
tokens, actor weights, episode date, places, and its events as ``EventItem``)
that ``duplicates``, ``stories`` and ``events`` compare. They hold no spaCy
objects and no full documents, and are stored as JSON (``to_json``,
``cluster_features``) so that incremental clustering compares a new article
with its candidates without loading their documents.

Dates are handled as closed intervals of days: "2023" is 2023-01-01..2023-12-31,
"2023-06" the whole month, "2023-06-21" one day. Two dates are *compatible*
when their intervals overlap, which is exactly "equal, or one more precise
inside the other's month or year".
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from communique.model import Actor, Document, Place

Interval = tuple[date, date]

# How much an actor counts towards "the same episode", by kind: states and
# places are named in almost every political report (Iran, Israel, the United
# States), so sharing them says little; people say most.
TYPE_WEIGHT = {"person": 1.0, "organisation": 0.6, "group": 0.6, "state": 0.25, "place": 0.15}
# An actor's weight in one article: taking part in a main event says what the
# article is about; being merely named says little, unless it is named often
# (the weight of a name grows with the log of its mention count).
MAIN_PARTICIPANT = 3.0
BACKGROUND_PARTICIPANT = 1.0
MENTIONED = 0.5
# Where a main event happened changes who defines the episode: a visit is the
# visitor's (a host receives many visitors, each a separate story), so a
# participant from another country than the venue's counts more, one from the
# venue's country less. Without a known venue nothing changes.
VISITOR = 2.0
HOST = 0.5
# Main events located in one country that make it a venue of the report without a
# participant of that country (``_venues``).
VENUE_EVENTS = 2

# Words that carry no topic; IDF alone cannot down-weight them in a small store.
_STOPWORDS = """a about above after again against all also am an and any are as at be because
been before being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my no nor not now of off on once only or other our ours out over own
said same says she should so some such than that the their theirs them then there these they this
those through to too under until up very was we were what when where which while who whom why
will with would you your mr ms dr one two three new told added"""
STOPWORDS = frozenset(_STOPWORDS.split())
_WORD = re.compile(r"[^\W\d_]{2,}")
# Numbers a report gives (a death toll, a score, an age, a magnitude, a year):
# two reports of one episode repeat them, a twin episode has its own.
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
# A capitalised word inside a sentence: a name (person, place, organisation,
# vessel, product), whether or not the actors stage resolved it.
_NAME = re.compile(r"\b[A-Z][\w'’.-]*\w")
# A sentence with at least this share of capitalised words is a title-case
# headline, whose common words are capitalised too: its words are not names.
TITLE_CASE = 0.6
# Day dates of one year a text must give before that year is taken as its news's.
YEAR_DATES = 2
# The people a report is about (its protagonists): named at least twice, and at
# least this share of the most named one's count (1: only the most named; lower
# shares were tried and let a twin's report name "a protagonist" too easily).
PROTAGONIST_MENTIONS = 2
PROTAGONIST_SHARE = 1.0
# The kinds of actor whose most named one is the organisation a report is about.
ORGANISATIONS = frozenset({"organisation", "group"})


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _drop_combining(match: re.Match[str]) -> str:
    return "" if unicodedata.combining(match.group()) else match.group()


def fold(text: str) -> str:
    """Lower case without accents, hyphens as spaces, the Arabic article "al" dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    # only the rare non-ASCII characters are looked at (a whole store's texts are folded)
    plain = _NON_ASCII.sub(_drop_combining, decomposed).casefold()
    words = re.sub(r"[\W_]+", " ", plain.replace("'", "").replace("’", "")).split()
    return " ".join(w for w in words if w != "al") or " ".join(words)


def words(text: str) -> list[str]:
    """Content words of a text, folded, stop words removed."""
    return [w for w in _WORD.findall(fold(text)) if w not in STOPWORDS]


def numbers(text: str) -> list[str]:
    """The numbers of a text as written, thousands separators removed ("1,200" → "1200")."""
    return [n.replace(",", "") for n in _NUMBER.findall(text)]


def names(document: Document) -> Counter[str]:
    """The folded capitalised words inside the sentences of a text (not a sentence's first
    word, nor the words of a title-case headline): the names of who and where, which tell
    two episodes of the same kind apart better than the words of the kind itself."""
    found: Counter[str] = Counter()
    text = document.text
    spans = [(s.start, s.end) for s in document.sentences] or [(0, len(text))]
    for start, end in spans:
        matches = list(_NAME.finditer(text, start, end))
        alphabetic = len(_WORD.findall(text, start, end))
        if not matches or len(matches) >= TITLE_CASE * max(alphabetic, 1):
            continue
        for match in matches:
            if match.start() == start or not text[start : match.start()].strip():
                continue  # a sentence's first word is capitalised whatever it is
            name = fold(match.group())
            if len(name) > 1 and name not in STOPWORDS:
                found[name] += 1
    return found


def interval(value: str | None) -> Interval | None:
    """The days a ``YYYY[-MM[-DD]]`` value covers (a time of day is ignored); None if unreadable."""
    if not value:
        return None
    match = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        return None
    try:
        year = int(match.group(1))
        if match.group(3):
            day = date(year, int(match.group(2)), int(match.group(3)))
            return day, day
        if match.group(2):
            month = int(match.group(2))
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def gap_days(a: Interval, b: Interval) -> int:
    """Days between two intervals; 0 when they overlap (compatible dates)."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def width(a: Interval) -> int:
    return (a[1] - a[0]).days + 1


@dataclass
class EventItem:
    """One stored event, as the event clusterer sees it."""

    id: str  # global id "<article>#<event id>", as the exports write it
    article: str
    type: str
    source: str | None  # actor key (see ``ActorKeys``)
    target: str | None
    when: Interval | None
    inferred: bool
    place: str | None  # folded place name
    country: str | None
    main: bool
    date: str | None = None  # the stored value, for disagreements between sources


@dataclass
class ArticleFeatures:
    id: str
    order: int  # position in the store (first stored = 0)
    published: Interval | None
    words: Counter[str]
    actors: dict[str, float]  # actor key → weight in this article (before rarity)
    kinds: dict[str, str]  # actor key → actor type
    episode: Interval | None  # when the article's main events happened
    places: set[str] = field(default_factory=set)
    events: list[EventItem] = field(default_factory=list)
    venues: set[str] = field(default_factory=set)  # countries where its main events happened
    numbers: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)  # ``names``: capitalised words
    # the people the report is about (most named, at least twice): actor key → folded
    # last name, by which another report may name them without being resolved to them
    protagonists: dict[str, str] = field(default_factory=dict)
    # the organisations it is about, likewise (the club, the company, the agency): the
    # counterpart that tells two episodes of one person apart (``contradictions``)
    organisations: dict[str, str] = field(default_factory=dict)
    year: str | None = None  # the year the text dates its news to (``_year``)
    # whether ``published`` is the publisher's (metadata, HTML) rather than a date the
    # dates stage read in the text (a dateline, an "updated" line, which may be stale)
    published_stated: bool = True

    @property
    def sort_key(self) -> tuple[date, int]:
        return (self.published[0] if self.published else date.max, self.order)


@dataclass(frozen=True)
class ActorInfo:
    key: str
    type: str
    country: str | None
    surname: str = ""  # the folded last word of the name (persons are named by it)


class ActorKeys:
    """Actor id → a key that is equal across articles for the same actor.

    Knowledge-base actors are one record everywhere, so their id is the key.
    Local actors (people the KB does not know) may get a separate record per
    article; they are keyed by their folded name so that "Khaled Qudumi" in two
    reports is one participant.
    """

    def __init__(self, lookup: Callable[[str], Actor | None]) -> None:
        self.lookup = lookup
        self.cache: dict[str, ActorInfo] = {}

    def add(self, actors: Iterable[Actor]) -> None:
        for actor in actors:
            self.cache.setdefault(actor.id, self._key(actor))

    @staticmethod
    def _key(actor: Actor) -> ActorInfo:
        key = actor.id if actor.origin != "local" else "name:" + fold(actor.name)
        folded = fold(actor.name).split()
        return ActorInfo(key, actor.type, actor.country, folded[-1] if folded else "")

    def __call__(self, actor_id: str | None) -> str | None:
        return None if actor_id is None else self.info(actor_id).key

    def info(self, actor_id: str) -> ActorInfo:
        if actor_id not in self.cache:
            actor = self.lookup(actor_id)
            self.cache[actor_id] = (
                self._key(actor) if actor else ActorInfo(actor_id, "organisation", None)
            )
        return self.cache[actor_id]


def global_event_id(article: str, local: str) -> str:
    """``<article>#<event id>``: the form the exports and cluster members use (kept if global)."""
    return local if local.startswith(f"{article}#") else f"{article}#{local}"


def _place(place: Place | None) -> tuple[str | None, str | None]:
    if place is None:
        return None, None
    return fold(place.name) or None, place.country


def _episode(events: list[EventItem], published: Interval | None) -> Interval | None:
    """When the article's news happened.

    The most common, most precise day or month among its main events' dates;
    else its publication date (a report is about something shortly before it);
    else a year its main events are dated to. Year-only dates come last because
    a wrongly dated main event ("by 2027") would otherwise veto a whole story.
    """
    main = [e.when for e in events if e.main and e.when is not None]
    precise = [d for d in main if width(d) <= 31]
    if not precise and published is not None:
        return published
    counts = Counter(precise or main)
    if not counts:
        return None
    return min(counts, key=lambda d: (width(d), -counts[d], d[0]))


def _venues(document: Document, keys: ActorKeys) -> set[str]:
    """The countries where the report's main events happened, as far as the report itself
    bears them out: a participant of the event is of that country (the host of a visit,
    the country's police), or ``VENUE_EVENTS`` main events are located there. A place
    alone may be misread (a town's name that other countries have too, a month taken
    for a place), and a wrong venue would keep the report from its story."""
    located: Counter[str] = Counter()
    borne_out: set[str] = set()
    for event in document.events:
        if event.salience != "main" or event.location is None or not event.location.country:
            continue
        country = event.location.country
        located[country] += 1
        participants = (event.source_id, event.target_id)
        if any(keys.info(p).country == country for p in participants if p is not None):
            borne_out.add(country)
    return borne_out | {c for c, count in located.items() if count >= VENUE_EVENTS}


def _year(document: Document, published: Interval | None) -> str | None:
    """The year a report dates its news to: its publication year, else the most common year
    of the day dates it writes out, if it gives at least ``YEAR_DATES`` of them."""
    if published is not None:
        return str(published[0].year)
    years = Counter(
        t.value[:4]
        for t in document.timexes
        if t.value and t.anchor == "absolute" and len(t.value) >= 10 and t.value[:4].isdigit()
    )
    if not years:
        return None
    year = min(years, key=lambda y: (-years[y], y))
    # one date alone may be background ("since the strike of 3 January 2020")
    return year if years[year] >= YEAR_DATES else None


def _protagonists(
    document: Document, keys: ActorKeys, kinds: frozenset[str] = frozenset({"person"})
) -> dict[str, str]:
    """The most named people, or actors of other ``kinds`` (``PROTAGONIST_MENTIONS``,
    ``PROTAGONIST_SHARE``): key → folded last name."""
    counts: Counter[str] = Counter()
    surnames: dict[str, str] = {}
    for mention in document.mentions:
        info = keys.info(mention.actor_id)
        if info.type in kinds and info.surname:
            counts[info.key] += 1
            surnames[info.key] = info.surname
    if not counts:
        return {}
    least = max(PROTAGONIST_MENTIONS, PROTAGONIST_SHARE * max(counts.values()))
    return {k: surnames[k] for k in sorted(counts) if counts[k] >= least}


def features(document: Document, order: int, keys: ActorKeys) -> ArticleFeatures:
    """Compact features of one stored document (see the module docstring)."""
    keys.add(document.actors)
    published = interval(document.published)
    weights: dict[str, float] = {}
    kinds: dict[str, str] = {}

    def note(actor_id: str | None, weight: float, venue: str | None = None) -> None:
        if actor_id is None:
            return
        info = keys.info(actor_id)
        if venue and info.country:
            weight *= VISITOR if info.country != venue else HOST
        weights[info.key] = max(weights.get(info.key, 0.0), weight)
        kinds[info.key] = info.type

    # an actor named again and again is what the report is about, even when the
    # events stage found no event for it
    for actor_id, count in Counter(m.actor_id for m in document.mentions).items():
        note(actor_id, MENTIONED * (1.0 + math.log(count)))
    items: list[EventItem] = []
    places: set[str] = set()
    venues = Counter(
        e.location.country
        for e in document.events
        if e.salience == "main" and e.location and e.location.country
    )
    article_venue = venues.most_common(1)[0][0] if venues else None
    for event in document.events:
        main = event.salience == "main"
        name, country = _place(event.location)
        venue = (country or article_venue) if main else None
        for participant in (event.source_id, event.target_id):
            note(participant, MAIN_PARTICIPANT if main else BACKGROUND_PARTICIPANT, venue)
        if name and main:
            places.add(name)
        items.append(
            EventItem(
                id=global_event_id(document.id, event.id),
                article=document.id,
                type=event.type.upper(),
                source=keys(event.source_id),
                target=keys(event.target_id),
                when=interval(event.date),
                inferred=event.date_inferred,
                place=name,
                country=country,
                main=main,
                date=event.date,
            )
        )
    return ArticleFeatures(
        id=document.id,
        order=order,
        published=published,
        words=Counter(words(document.text)),
        actors=weights,
        kinds=kinds,
        episode=_episode(items, published),
        places=places,
        events=items,
        venues=_venues(document, keys),
        numbers=Counter(numbers(document.text)),
        names=names(document),
        protagonists=_protagonists(document, keys),
        organisations=_protagonists(document, keys, ORGANISATIONS),
        year=_year(document, published),
        published_stated=document.published_source != "text",
    )


def _days(value: Interval | None) -> list[str] | None:
    return None if value is None else [value[0].isoformat(), value[1].isoformat()]


def _interval(value: list[str] | None) -> Interval | None:
    return None if value is None else (date.fromisoformat(value[0]), date.fromisoformat(value[1]))


def to_json(article: ArticleFeatures) -> dict[str, Any]:
    """``ArticleFeatures`` as JSON for the store (``cluster_features.data``)."""
    return {
        "order": article.order,
        "published": _days(article.published),
        "words": dict(article.words),
        "actors": article.actors,
        "kinds": article.kinds,
        "episode": _days(article.episode),
        "places": sorted(article.places),
        "venues": sorted(article.venues),
        "numbers": dict(article.numbers),
        "names": dict(article.names),
        "protagonists": article.protagonists,
        "organisations": article.organisations,
        "year": article.year,
        "published_stated": article.published_stated,
        # the fields as they are (``asdict`` deep-copies each value: a tenth of a first
        # clustering's time)
        "events": [{**vars(e), "when": _days(e.when), "article": None} for e in article.events],
    }


def from_json(article_id: str, data: dict[str, Any]) -> ArticleFeatures:
    """The inverse of ``to_json``."""
    return ArticleFeatures(
        id=article_id,
        order=int(data["order"]),
        published=_interval(data["published"]),
        words=Counter(data["words"]),
        actors=dict(data["actors"]),
        kinds=dict(data["kinds"]),
        episode=_interval(data["episode"]),
        places=set(data["places"]),
        venues=set(data.get("venues", [])),
        numbers=Counter(data.get("numbers", {})),
        names=Counter(data.get("names", {})),
        protagonists=dict(data.get("protagonists", {})),
        organisations=dict(data.get("organisations", {})),
        year=data.get("year"),
        published_stated=bool(data.get("published_stated", True)),
        events=[
            EventItem(**{**e, "when": _interval(e["when"]), "article": article_id})
            for e in data["events"]
        ],
    )


def idf(df: int, n: int) -> float:
    """Smoothed inverse document frequency (as scikit-learn's ``smooth_idf``)."""
    return math.log((1 + n) / (1 + df)) + 1.0


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    if not dot:
        return 0.0
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0
