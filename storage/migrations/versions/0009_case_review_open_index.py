"""case review index: the open cases of a workspace, a partial index (closed ones are most rows in time)

Revision ID: 0009_case_review_open_index
Revises: 0007_case_review_ref

Found by tests/foundation/test_case_query_plans.py: the open list and digest read a whole workspace's cases
through the team_id index, and the daily re-lay read the whole table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_case_review_open_index"
down_revision = "0007_case_review_ref"
branch_labels = None
depends_on = None

OPEN = sa.text("state <> 'closed'")


def upgrade() -> None:
    op.create_index("ix_case_reviews_open_team", "case_reviews", ["team_id"], unique=False,
                    postgresql_where=OPEN, sqlite_where=OPEN)


def downgrade() -> None:
    op.drop_index("ix_case_reviews_open_team", table_name="case_reviews")
