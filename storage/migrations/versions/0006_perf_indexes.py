"""perf indexes: composite indexes for the reminder clock's hot queries, the digest check and retention

Revision ID: 0006_perf_indexes
Revises: 0005_reminders
Create Date: 2026-11-29 19:20:00

Hangs off the reminders revision like every capability's own revision hangs off the baseline; the app
upgrades to "heads", so other capabilities' revisions are unaffected.
"""

from __future__ import annotations

from alembic import op

revision = "0006_perf_indexes"
down_revision = "0005_reminders"
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_reminder_series_state_next_due", "reminder_series", ["state", "next_due_at"]),
    ("ix_reminder_series_team_state", "reminder_series", ["team_id", "state"]),
    ("ix_reminder_occurrences_source_key", "reminder_occurrences", ["source", "key"]),
    ("ix_reminder_occurrences_state_due", "reminder_occurrences", ["state", "due_at"]),
    ("ix_reminder_occurrences_team_state_due", "reminder_occurrences", ["team_id", "state", "due_at"]),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
