"""reminders: meeting series and the delivery table every reminder goes through

Revision ID: 0005_reminders
Revises: 0001_baseline
Create Date: 2026-11-22 04:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_reminders"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminder_series",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("partnership", sa.String(length=64), nullable=True),
        sa.Column("channel_id", sa.String(length=32), nullable=False),
        sa.Column("owner_id", sa.String(length=32), nullable=False),
        sa.Column("recurrence", sa.String(length=200), nullable=True),
        sa.Column("rule", sa.JSON(), nullable=True),
        sa.Column("first_date", sa.Date(), nullable=False),
        sa.Column("at_time", sa.String(length=5), nullable=False),
        sa.Column("days_before", sa.JSON(), nullable=False),
        sa.Column("papers_working_days", sa.Integer(), nullable=True),
        sa.Column("link", sa.String(length=500), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("skipped", sa.JSON(), nullable=False),
        sa.Column("cursor_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("next_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_series")),
    )
    with op.batch_alter_table("reminder_series", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reminder_series_channel_id"), ["channel_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reminder_series_next_due_at"), ["next_due_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_reminder_series_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_reminder_series_team_id"), ["team_id"], unique=False)

    op.create_table(
        "reminder_occurrences",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("source_ref", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("meeting_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("channel_id", sa.String(length=32), nullable=False),
        sa.Column("thread_ts", sa.String(length=32), nullable=True),
        sa.Column("owner_id", sa.String(length=32), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("blocks", sa.JSON(), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(length=64), nullable=True),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("message_ts", sa.String(length=32), nullable=True),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["series_id"], ["reminder_series.id"],
            name=op.f("fk_reminder_occurrences_series_id_reminder_series"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_occurrences")),
        sa.UniqueConstraint("team_id", "source", "source_ref", "key", name=op.f("uq_reminder_occurrences_team_id")),
    )
    with op.batch_alter_table("reminder_occurrences", schema=None) as batch_op:
        batch_op.create_index("ix_reminder_occurrences_state_attempt", ["state", "attempt_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_reminder_occurrences_series_id"), ["series_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reminder_occurrences_team_id"), ["team_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reminder_occurrences", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reminder_occurrences_team_id"))
        batch_op.drop_index(batch_op.f("ix_reminder_occurrences_series_id"))
        batch_op.drop_index("ix_reminder_occurrences_state_attempt")
    op.drop_table("reminder_occurrences")
    with op.batch_alter_table("reminder_series", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reminder_series_team_id"))
        batch_op.drop_index(batch_op.f("ix_reminder_series_state"))
        batch_op.drop_index(batch_op.f("ix_reminder_series_next_due_at"))
        batch_op.drop_index(batch_op.f("ix_reminder_series_channel_id"))
    op.drop_table("reminder_series")
