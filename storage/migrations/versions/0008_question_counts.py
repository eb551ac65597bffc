"""answers: weekly counts of questions by area, topic and outcome (no text), for the insight measures

Revision ID: 0008_question_counts
Revises: 0006_feedback_question
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_question_counts"
down_revision = "0006_feedback_question"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "question_counts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("partnership", sa.String(length=64), nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("topic", sa.String(length=80), nullable=False),
        sa.Column("outcome", sa.String(length=24), nullable=False),
        sa.Column("safety", sa.Boolean(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question_counts")),
        sa.UniqueConstraint("team_id", "partnership", "week", "topic", "outcome", "safety",
                            name=op.f("uq_question_counts_team_id")),
    )
    with op.batch_alter_table("question_counts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_question_counts_team_id"), ["team_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_question_counts_week"), ["week"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("question_counts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_counts_week"))
        batch_op.drop_index(batch_op.f("ix_question_counts_team_id"))
    op.drop_table("question_counts")
