"""case reviews: the column `reference` is `ref`, the one name escalations, metadata and summaries use

Revision ID: 0007_case_review_ref
Revises: 0003_case_reviews

Batch mode: on SQLite the table is copied into a new one with the column renamed (values kept, the unique
constraint and indexes re-made, `case_review_events` still pointing at it); on PostgreSQL a plain RENAME COLUMN.
The constraint keeps its name, `uq_case_reviews_team_id` (named by its first column).
"""

from __future__ import annotations

from alembic import op

revision = "0007_case_review_ref"
down_revision = "0003_case_reviews"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_reviews", schema=None) as batch_op:
        batch_op.alter_column("reference", new_column_name="ref")


def downgrade() -> None:
    with op.batch_alter_table("case_reviews", schema=None) as batch_op:
        batch_op.alter_column("ref", new_column_name="reference")
