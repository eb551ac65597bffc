"""escalation indexes: the open lists (one's own, a partnership's) and the partnership report

Revision ID: 0009_escalation_indexes
Revises: 0004_escalations

Found by tests/foundation/test_case_query_plans.py: without them PostgreSQL read a whole workspace's
escalations through the team_id index for every list and report.
"""

from __future__ import annotations

from alembic import op

revision = "0009_escalation_indexes"
down_revision = "0004_escalations"
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_escalations_team_state_raised_by", ["team_id", "state", "raised_by"]),
    ("ix_escalations_team_state_partnership", ["team_id", "state", "partnership"]),
    ("ix_escalations_partnership_day_one", ["partnership", "day_one"]),
]


def upgrade() -> None:
    for name, columns in INDEXES:
        op.create_index(name, "escalations", columns, unique=False)


def downgrade() -> None:
    for name, _columns in reversed(INDEXES):
        op.drop_index(name, table_name="escalations")
