"""The store's tables, as SQLAlchemy Core metadata.

This is the one description of the database: the alembic migrations in
``migrations/versions`` create exactly these tables (``tests/store`` checks that
autogenerate finds no difference), and ``communique.store`` reads and writes
through them. Columns mirror the fields of ``communique.model`` so that a user
can query the tables directly (datasette, duckdb, psql): readable columns, and
JSON only where a record holds a free list (``offset_map``, ``descriptions``,
cluster ``scores``).

Only portable types are used (String, Text, Integer, Float, Boolean, JSON,
DateTime) so that the same metadata serves SQLite and PostgreSQL. Child rows
carry a ``seq`` column: the position in the model's list, so that a saved
Document loads back in the same order.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Named constraints so that migrations (and PostgreSQL) get stable names.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

# Article ids are 16 characters; actor ids are KB titles or local slugs. Lengths are
# generous because PostgreSQL enforces them (SQLite does not, so tests would not notice).
ID = String(255)


def _article_fk() -> ForeignKey:
    return ForeignKey("articles.id", ondelete="CASCADE")


articles = Table(
    "articles",
    metadata,
    Column("id", ID, primary_key=True),
    Column("file", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", String(32)),
    Column("published_source", String(16), nullable=False),
    Column("title", Text),
    Column("language", String(16)),
    Column("status", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("original", Text, nullable=False),
    Column("offset_map", JSON, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
)

article_sources = Table(
    "article_sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", ID, _article_fk(), nullable=False, index=True),
    Column("file", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("added_at", DateTime(timezone=True), nullable=False),
)

# Which actors a document references, in the order of ``Document.actors``.
article_actors = Table(
    "article_actors",
    metadata,
    Column("article_id", ID, _article_fk(), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("actor_id", ID, nullable=False, index=True),
)

sentences = Table(
    "sentences",
    metadata,
    Column("article_id", ID, _article_fk(), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

actors = Table(
    "actors",
    metadata,
    Column("id", ID, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("country", String(32)),
    Column("sector", String(32)),
    Column("origin", String(8), nullable=False),
    Column("notes", Text),
    Column("descriptions", JSON, nullable=False),
)

actor_aliases = Table(
    "actor_aliases",
    metadata,
    Column("actor_id", ID, ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("alias", Text, nullable=False),
    Index("ix_actor_aliases_alias", "alias"),
)

actor_roles = Table(
    "actor_roles",
    metadata,
    Column("actor_id", ID, ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("organisation", Text),
    Column("country", String(32)),
    Column("sector", String(32)),
    Column("start", String(32)),
    Column("end", String(32)),
)

# Actor references in mentions/events/quotes are plain indexed columns, not
# foreign keys: a stage that references an actor it forgot to list in
# ``Document.actors`` must not make the whole batch fail to save.
mentions = Table(
    "mentions",
    metadata,
    Column("article_id", ID, _article_fk(), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("actor_id", ID, nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
)

timexes = Table(
    "timexes",
    metadata,
    Column("article_id", ID, _article_fk(), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String(32)),
    Column("precision", String(8)),
    Column("anchor", String(16), nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("article_id", ID, _article_fk(), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("speaker_id", ID, index=True),
    Column("cue", Text),
    Column("sentence", Integer),
)

events = Table(
    "events",
    metadata,
    Column("article_id", ID, _article_fk(), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("type", String(64), nullable=False, index=True),
    Column("mode", Text),
    Column("context", Text),
    Column("cameo", String(16)),
    Column("source_id", ID, index=True),
    Column("target_id", ID, index=True),
    Column("trigger", Text),
    Column("date", String(32), index=True),
    Column("date_precision", String(8)),
    Column("date_inferred", Boolean, nullable=False),
    Column("location_name", Text),
    Column("location_country", String(32)),
    Column("location_lat", Float),
    Column("location_lon", Float),
    Column("location_geonameid", Integer),
    Column("salience", String(16), nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("modality", Text),
    Column("quote_id", ID),
    # Evidence.article is the article itself (article_id), so it is not repeated.
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("confidence", Float, nullable=False),
)
# Keyset order of the REST API's event listings (migration 0002).
Index("ix_events_date_order", events.c.date, events.c.article_id, events.c.id)
Index("ix_events_type_date", events.c.type, events.c.date, events.c.article_id, events.c.id)

clusters = Table(
    "clusters",
    metadata,
    Column("level", String(16), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("scores", JSON, nullable=False),
)

cluster_members = Table(
    "cluster_members",
    metadata,
    Column("level", String(16), primary_key=True),
    Column("cluster_id", ID, primary_key=True),
    Column("seq", Integer, primary_key=True),
    # Story/duplicate members are article ids; event members are "article#event".
    Column("member", Text, nullable=False, index=True),
    ForeignKeyConstraint(
        ["level", "cluster_id"],
        ["clusters.level", "clusters.id"],
        ondelete="CASCADE",
        name="fk_cluster_members_clusters",
    ),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("code", String(16), nullable=False, index=True),
    Column("message", Text, nullable=False),
    Column("document_id", ID),
    Column("at", DateTime(timezone=True), nullable=False),
)

# Child tables in the order their rows are written for one article.
ARTICLE_CHILDREN = (article_actors, sentences, mentions, timexes, quotes, events)
