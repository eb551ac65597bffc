"""answers: the redacted question behind a "not helpful" (reviewed by the business unit, cleared by retention)

Revision ID: 0006_feedback_question
Revises: 0002_answers
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_feedback_question"
down_revision = "0002_answers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answer_feedback", schema=None) as batch_op:
        batch_op.add_column(sa.Column("question", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("answer_feedback", schema=None) as batch_op:
        batch_op.drop_column("question")
