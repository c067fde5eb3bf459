"""Provenance: which code and data produced each stored analysis.

``articles.analysis_version`` names the analysis version of each article
(``communique.store.provenance``: the package version and a digest of every
data file, user lexicon and actor file, and the spaCy model); null for the
articles stored before this revision, which count as older than any version.
``analysis_versions`` keeps the inputs behind each version (name → sha256),
written once per version. Plain ``add_column`` of a nullable column: no table
rebuild on SQLite (a batch rebuild of ``articles`` would copy every text).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "analysis_versions",
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("package", sa.String(length=32), nullable=False),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_analysis_versions")),
    )
    op.add_column("articles", sa.Column("analysis_version", sa.String(length=64), nullable=True))


def downgrade() -> None:
    # SQLite (3.35+) drops a plain column without a rebuild.
    op.drop_column("articles", "analysis_version")
    op.drop_table("analysis_versions")
