"""Incremental clustering state and pairwise cluster decisions.

Tables for ``communique.cluster`` to add articles to clusters without
recomputing the store (see ``communique.store.schema``, "incremental
clustering"): compact features per article, blocking keys by date bucket,
MinHash LSH bands, term document frequencies, and the pairwise decisions
(automatic links with their scores, and users' merges and splits). Event
clusters gain ``details``: supporting evidence and disagreements between
sources. Plain ``add_column`` of a nullable column, so no table rebuild (and
no need to touch the FTS objects of 0003).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(length=255)


def upgrade() -> None:
    op.add_column("clusters", sa.Column("details", sa.JSON(), nullable=True))
    op.create_table(
        "cluster_features",
        sa.Column("article_id", ID, nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_cluster_features_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_cluster_features")),
    )
    op.create_table(
        "cluster_blocks",
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("bucket", sa.Integer(), nullable=False),
        sa.Column("article_id", ID, nullable=False),
        sa.PrimaryKeyConstraint("key", "bucket", "article_id", name=op.f("pk_cluster_blocks")),
    )
    op.create_index(
        op.f("ix_cluster_blocks_article_id"), "cluster_blocks", ["article_id"], unique=False
    )
    op.create_table(
        "minhash_bands",
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("hash", sa.BigInteger(), nullable=False),
        sa.Column("article_id", ID, nullable=False),
        sa.PrimaryKeyConstraint("band", "hash", "article_id", name=op.f("pk_minhash_bands")),
    )
    op.create_index(
        op.f("ix_minhash_bands_article_id"), "minhash_bands", ["article_id"], unique=False
    )
    op.create_table(
        "cluster_terms",
        sa.Column("term", sa.String(length=255), nullable=False),
        sa.Column("df", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", name=op.f("pk_cluster_terms")),
    )
    op.create_table(
        "cluster_decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("a", sa.Text(), nullable=False),
        sa.Column("b", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("features", sa.JSON(), nullable=False),
        sa.Column("decided_by", sa.String(length=8), nullable=False),
        sa.Column("verdict", sa.String(length=8), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cluster_decisions")),
    )
    op.create_index("ix_cluster_decisions_a", "cluster_decisions", ["level", "a"], unique=False)
    op.create_index("ix_cluster_decisions_b", "cluster_decisions", ["level", "b"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_cluster_decisions_b", table_name="cluster_decisions")
    op.drop_index("ix_cluster_decisions_a", table_name="cluster_decisions")
    op.drop_table("cluster_decisions")
    op.drop_table("cluster_terms")
    op.drop_index(op.f("ix_minhash_bands_article_id"), table_name="minhash_bands")
    op.drop_table("minhash_bands")
    op.drop_index(op.f("ix_cluster_blocks_article_id"), table_name="cluster_blocks")
    op.drop_table("cluster_blocks")
    op.drop_table("cluster_features")
    with op.batch_alter_table("clusters") as batch:
        batch.drop_column("details")
