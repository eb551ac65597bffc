"""kbedit: drafts, approved versions (the overlay on the shipped knowledge) and each partnership's approval rule

Revision ID: 0009_kbedit
Revises: 0008_question_counts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_kbedit"
down_revision = "0008_question_counts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "knowledge_drafts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entry_id", sa.String(length=200), nullable=False),
        sa.Column("partnership", sa.String(length=64), nullable=False),
        sa.Column("change", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("content", sa.JSON(), nullable=True),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("author_id", sa.String(length=32), nullable=False),
        sa.Column("decided_by", sa.String(length=32), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("card_channel", sa.String(length=32), nullable=True),
        sa.Column("card_ts", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_drafts")),
    )
    with op.batch_alter_table("knowledge_drafts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_knowledge_drafts_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_knowledge_drafts_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_knowledge_drafts_team_id"), ["team_id"], unique=False)
    op.create_table(
        "knowledge_versions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entry_id", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("partnership", sa.String(length=64), nullable=False),
        sa.Column("change", sa.String(length=16), nullable=False),
        sa.Column("content", sa.JSON(), nullable=True),
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("author_id", sa.String(length=32), nullable=False),
        sa.Column("approved_by", sa.String(length=32), nullable=False),
        sa.Column("drafted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_versions")),
        sa.UniqueConstraint("entry_id", "version", name=op.f("uq_knowledge_versions_entry_id")),
    )
    with op.batch_alter_table("knowledge_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_knowledge_versions_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_knowledge_versions_team_id"), ["team_id"], unique=False)
    op.create_table(
        "knowledge_settings",
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("partnership", sa.String(length=64), nullable=False),
        sa.Column("single_approval", sa.Boolean(), nullable=False),
        sa.Column("updated_by", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("team_id", "partnership", name=op.f("pk_knowledge_settings")),
    )


def downgrade() -> None:
    op.drop_table("knowledge_settings")
    with op.batch_alter_table("knowledge_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_knowledge_versions_team_id"))
        batch_op.drop_index(batch_op.f("ix_knowledge_versions_entry_id"))
    op.drop_table("knowledge_versions")
    with op.batch_alter_table("knowledge_drafts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_knowledge_drafts_team_id"))
        batch_op.drop_index(batch_op.f("ix_knowledge_drafts_state"))
        batch_op.drop_index(batch_op.f("ix_knowledge_drafts_entry_id"))
    op.drop_table("knowledge_drafts")
