"""answers: each unanswered question keeps the knowledge topic it came nearest to, so the weekly gaps list can
group the questions by topic (a topic from the knowledge files, never typed text)

Revision ID: 0011_unanswered_topic
Revises: 0010_kbedit_per_workspace
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_unanswered_topic"
down_revision = "0010_kbedit_per_workspace"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("unanswered_questions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("topic", sa.String(length=80), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("unanswered_questions", schema=None) as batch_op:
        batch_op.drop_column("topic")
