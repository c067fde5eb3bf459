"""Quote full-text search over the store: one function for the CLI and the REST API.

Comes after the store is filled (``communique.store``: quotes written by the
quote stage, ``communique.quotes``, through ``Store.save_documents``) and
serves its readers: ``communique quotes search`` (``communique.cli``) and
``/quotes?q=`` (``communique.rest.queries``, which combines
``quote_match`` with its other filters). What goes in is the user's text; what
comes out is quote records with their speaker actor, article and evidence
sentence, newest article first.

Each engine searches with its own full-text index (migration 0003): SQLite an
FTS5 table over ``quotes.text`` (porter stemming), PostgreSQL a GIN index over
``to_tsvector('english', text)``. Both read the text the same way: every word
must occur, stemmed, in any order. User text is never passed as FTS5 query
syntax: each word becomes a quoted FTS5 string, so ``<script>``, ``"unbalanced``
or ``NEAR(`` search for their words and cannot raise a syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
    true,
    tuple_,
)

from communique.store import schema
from communique.store.records import (
    BadCursor,
    actor_objects,
    contains,
    decode_cursor,
    encode_cursor,
    event_id,
    unknown_actor,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from communique.store import Store

__all__ = [
    "BadCursor",
    "QuotePage",
    "fts5_query",
    "quote_match",
    "search_quotes",
    "speaker_ids",
    "text_match",
]

Q, A, S = schema.quotes, schema.articles, schema.sentences
MAX_LIMIT = 500
# A run of letters/digits: what both engines' tokenizers index as a word.
WORD = re.compile(r"\w+")


def fts5_query(user_text: str) -> str | None:
    """An FTS5 MATCH expression requiring every word of ``user_text``; None if it has no word.

    Each word is an FTS5 string literal (double quotes, inner quotes doubled),
    so operators and punctuation the user typed are searched for, never parsed.
    """
    words = WORD.findall(user_text)
    if not words:
        return None
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


# Bounded candidate set of SQLite quote search: at most this many FTS5 hits are
# counted before choosing a plan (~1 ms). Fewer hits: take them all (an IN list
# of rowids) and sort them, ~1 us a hit. As many or more: the word is in >= 10%
# of the 200,000 quotes of the 1M-event bench, so walking quotes newest-first
# and probing FTS5 per quote meets a page within ~10 x limit rows, where
# materialising and sorting every hit took 100+ ms (90,000 hits for one word).
FTS_CANDIDATES = 20_000


def quote_match(
    dialect: str, user_text: str, connection: Connection | None = None
) -> ColumnElement[bool]:
    """Predicate on ``quotes`` rows: the quote's text contains every word of ``user_text``.

    On SQLite, given the ``connection``, the predicate's shape depends on how
    many quotes match (``FTS_CANDIDATES``); the rows it keeps are the same.
    """
    if dialect == "sqlite":
        query = fts5_query(user_text)
        if query is None:
            return false()
        if connection is not None and _frequent(connection, query):
            # Correlated: FTS5 answers ``rowid = ?`` with MATCH by a seek in the
            # word's doclist, so the listing keeps its publication-order walk.
            probe = text(
                "EXISTS (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH :fts"
                " AND quotes_fts.rowid = quotes.rowid)"
            ).bindparams(fts=query)
            return and_(true(), probe)
        hits = text("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :fts").bindparams(
            fts=query
        )
        return literal_column("quotes.rowid").in_(hits.columns(literal_column("rowid")))
    return text_match(dialect, Q.c.text, user_text)


def _frequent(connection: Connection, query: str) -> bool:
    probe = text(
        "SELECT count(*) FROM (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :fts LIMIT :cap)"
    ).bindparams(fts=query, cap=FTS_CANDIDATES)
    return int(connection.scalar(probe) or 0) >= FTS_CANDIDATES


def text_match(dialect: str, column: Any, user_text: str) -> ColumnElement[bool]:
    """Full-text match of a text column: PostgreSQL's engine; elsewhere the text as a substring.

    On PostgreSQL the configuration is written inline (not bound) so that the
    expression is the one the GIN indexes of migrations 0002/0003 were built on.
    """
    words = WORD.findall(user_text)
    if not words:
        return false()
    if dialect != "postgresql":
        # The text as one case-insensitive substring, as before migration 0003
        # (one LIKE per word measured 15x slower on the 200,000-event bench).
        return contains(column, user_text)
    # The words only, as FTS5 gets them: PostgreSQL's parser would otherwise
    # read query markup ("<b> talks") as tags and drop the words after them.
    english: Any = literal_column("'english'")
    query = func.plainto_tsquery(english, " ".join(words))
    return func.to_tsvector(english, column).op("@@")(query)


def speaker_ids(name: str) -> Select[Any]:
    """Ids of actors whose id is ``name`` or whose name or an alias contains it (any case)."""
    t, al = schema.actors, schema.actor_aliases
    by_name = select(t.c.id).where(or_(t.c.id == name, contains(t.c.name, name)))
    by_alias = select(al.c.actor_id).where(contains(al.c.alias, name))
    return by_name.union(by_alias)  # type: ignore[return-value]


@dataclass
class QuotePage:
    """One page of hits, newest article first; ``next`` is the cursor of the page after."""

    items: list[dict[str, Any]]
    next: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "next": self.next}


# The sort name in this search's cursors (``records.encode_cursor``): newest article first.
SORT = "-published"


def _decode(cursor: str) -> list[Any]:
    """The (published, article, quote) of a cursor this search handed out; else ``BadCursor``."""
    values = decode_cursor(cursor, SORT, 3)
    if not all(isinstance(v, str | None) and "\x00" not in (v or "") for v in values):
        raise BadCursor(f"malformed cursor {cursor!r}")
    return values


def _after(values: list[Any], nulls_low: bool) -> ColumnElement[bool]:
    """Rows after ``values`` in the order published DESC, article DESC, quote DESC."""
    published, article, quote = values
    ties = tuple_(A.c.id, Q.c.id) < tuple_(literal(article), literal(quote))
    if published is None:  # NULL publications come last when descending on SQLite
        rest = and_(A.c.published.is_(None), ties)
        return rest if nulls_low else or_(rest, A.c.published.is_not(None))
    found = or_(A.c.published < published, and_(A.c.published == published, ties))
    return or_(found, A.c.published.is_(None)) if nulls_low else found


def search_quotes(
    store: Store,
    user_text: str,
    *,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> QuotePage:
    """Quotes whose text holds every word of ``user_text``, newest article first.

    ``speaker`` is an actor id or part of a name or alias; ``since``/``until``
    bound the article's publication date (ISO prefixes, inclusive: ``until``
    ``2024-03`` keeps all of March). Raises ``BadCursor`` on a cursor it did
    not hand out and ``StoreError`` (C304) when the store cannot be read.
    """
    limit = max(1, min(limit, MAX_LIMIT))
    after = _decode(cursor) if cursor else None
    return store.read(
        lambda connection: _search(connection, user_text, speaker, since, until, limit, after)
    )


def _search(
    connection: Connection,
    user_text: str,
    speaker: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    after: list[Any] | None,
) -> QuotePage:
    dialect = connection.dialect.name
    nulls_low = dialect != "postgresql"
    where = [quote_match(dialect, user_text, connection)]
    if speaker:
        where.append(Q.c.speaker_id.in_(speaker_ids(speaker)))
    if since:
        where.append(A.c.published >= since)
    if until:
        where.append(A.c.published <= until + "\uffff")
    if after is not None:
        where.append(_after(after, nulls_low))
    # Driven from articles in publication order (index ix_articles_published_order)
    # so that a frequent word stops after one page instead of sorting every hit.
    query = (
        select(
            *Q.c,
            A.c.title,
            A.c.outlet,
            A.c.published,
            S.c.start.label("sentence_start"),
            S.c.end.label("sentence_end"),
            S.c.text.label("sentence_text"),
        )
        .select_from(
            A.join(Q, Q.c.article_id == A.c.id).outerjoin(
                S, and_(S.c.article_id == Q.c.article_id, S.c.idx == Q.c.sentence)
            )
        )
        .where(*where)
        .order_by(A.c.published.desc(), A.c.id.desc(), Q.c.id.desc())
        .limit(limit + 1)
    )
    rows = [dict(r) for r in connection.execute(query).mappings()]
    more = len(rows) > limit
    rows = rows[:limit]
    following = None
    if more and rows:
        last = rows[-1]
        following = encode_cursor(SORT, [last["published"], last["article_id"], last["id"]])
    return QuotePage(_records(connection, rows), following)


def _records(connection: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    speakers = actor_objects(connection, [r["speaker_id"] for r in rows])
    found = []
    for r in rows:
        sentence = None
        if r["sentence_text"] is not None:  # the evidence sentence's columns, joined in
            sentence = {"index": r["sentence"]}
            sentence |= {key: r[f"sentence_{key}"] for key in ("start", "end", "text")}
        speaker = r["speaker_id"]
        found.append(
            {
                "id": event_id(r["article_id"], r["id"]),
                "kind": r["kind"],
                "text": r["text"],
                "start": r["start"],
                "end": r["end"],
                "cue": r["cue"],
                "speaker": _speaker(speakers.get(speaker) or unknown_actor(speaker))
                if speaker
                else None,
                "article": {
                    "id": r["article_id"],
                    "title": r["title"],
                    "outlet": r["outlet"],
                    "published": r["published"],
                },
                "sentence": sentence,
            }
        )
    return found


def _speaker(actor: dict[str, Any]) -> dict[str, Any]:
    # The search's speaker object: the actor object without its aliases.
    return {k: v for k, v in actor.items() if k != "aliases"}
