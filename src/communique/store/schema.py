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
    BigInteger,
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
    # Which code and data produced the stored analysis (``store.provenance``; migration
    # 0006); null for articles stored before provenance was recorded.
    Column("analysis_version", String(64)),
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
    # No index of its own: ix_events_date_order serves it (migration 0005 drops one).
    Column("date", String(32)),
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
# Events of one CAMEO root in date order (``cameo`` range predicate; migration 0003).
Index("ix_events_cameo_order", events.c.cameo, events.c.date, events.c.article_id, events.c.id)
# Listings in publication order drive from articles, then events/quotes by primary key;
# the outlet filter starts from one outlet's articles (migration 0003).
Index("ix_articles_published_order", articles.c.published, articles.c.id)
Index("ix_articles_outlet", articles.c.outlet, articles.c.published)
# The actor-country filter resolves a country to its actors first (migration 0003).
Index("ix_actors_country", actors.c.country)

clusters = Table(
    "clusters",
    metadata,
    Column("level", String(16), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("scores", JSON, nullable=False),
    # Event clusters: {"evidence": [Evidence...], "disagreements": {field: [values]}}
    # (migration 0004); null for the other levels and for clusters stored before it.
    Column("details", JSON),
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

# Objects of one dialect, created by the migrations only (full-text indexes): the
# SQLite FTS5 table of quotes (and the shadow tables FTS5 keeps beside it) and the
# PostgreSQL GIN expression indexes. Autogenerate must neither drop nor report them.
DIALECT_OBJECTS = ("quotes_fts", "ix_quotes_text_fts", "ix_events_evidence_fts")


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """Alembic ``include_name`` hook: leave the dialect objects above out of comparisons."""
    return not (name and name.startswith(DIALECT_OBJECTS))


# ---------------------------------------------------------------- incremental clustering
# (migration 0004; written and read by ``communique.store.clustering`` for
# ``communique.cluster``). Index tables are plain columns without foreign keys:
# they are rebuilt from the articles, and a foreign key check per row would
# slow the bulk writes of a first clustering of a large store.

# The compact features of each clustered article (``cluster.features.ArticleFeatures``
# as JSON), so that comparing a new article with its candidates never reloads documents.
cluster_features = Table(
    "cluster_features",
    metadata,
    Column("article_id", ID, _article_fk(), primary_key=True),
    Column("data", JSON, nullable=False),
)

# Blocking keys: (key, date bucket) → article. Keys are participants and distinctive
# words of an article (bucket = its episode week) and type+participant of each event
# (bucket = the event's weeks); -1 is the bucket of undated ones.
cluster_blocks = Table(
    "cluster_blocks",
    metadata,
    Column("key", String(255), primary_key=True),
    Column("bucket", Integer, primary_key=True),
    Column("article_id", ID, primary_key=True, index=True),
)

# MinHash LSH bands of each article's shingles: articles sharing a band are
# near-duplicate candidates.
minhash_bands = Table(
    "minhash_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("hash", BigInteger, primary_key=True),
    Column("article_id", ID, primary_key=True, index=True),
)

# Document frequency of each story term ("a:" actor key, "w:" word) over the
# clustered articles, for IDF weights that do not need the whole store in memory.
cluster_terms = Table(
    "cluster_terms",
    metadata,
    Column("term", String(255), primary_key=True),
    Column("df", Integer, nullable=False),
)

# Pairwise decisions: why two members are (or must not be) in one cluster.
# ``auto`` rows are the links the clusterer made (replaced when it revisits the
# pair); ``user`` rows are merges and splits made by hand, which the clusterer obeys.
cluster_decisions = Table(
    "cluster_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("level", String(16), nullable=False),
    Column("a", Text, nullable=False),
    Column("b", Text, nullable=False),
    Column("score", Float),
    Column("features", JSON, nullable=False),
    Column("decided_by", String(8), nullable=False),
    Column("verdict", String(8), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_cluster_decisions_a", "level", "a"),
    Index("ix_cluster_decisions_b", "level", "b"),
)

# Every analysis version seen by the store, with the inputs it fingerprints
# (``store.provenance.Provenance``: data file → sha256, spaCy model → version), so
# that a user can see what changed between two versions (migration 0006).
analysis_versions = Table(
    "analysis_versions",
    metadata,
    Column("version", String(64), primary_key=True),
    Column("package", String(32), nullable=False),
    Column("inputs", JSON, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)

# Child tables in the order their rows are written for one article.
ARTICLE_CHILDREN = (article_actors, sentences, mentions, timexes, quotes, events)
