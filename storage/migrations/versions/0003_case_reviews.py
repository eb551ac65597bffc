"""case reviews: cases and their timeline

Revision ID: 0003_case_reviews
Revises: 0001_baseline
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_case_reviews"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_reviews",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("reference", sa.String(length=20), nullable=False),
        sa.Column("partnership", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("outcome", sa.String(length=24), nullable=True),
        sa.Column("review_type", sa.String(length=16), nullable=True),
        sa.Column("notifier_id", sa.String(length=32), nullable=False),
        sa.Column("notifying_agency", sa.String(length=32), nullable=False),
        sa.Column("notifier_role", sa.String(length=200), nullable=True),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("age_band", sa.String(length=16), nullable=False),
        sa.Column("agencies_involved", sa.JSON(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("incident_on", sa.Date(), nullable=False),
        sa.Column("aware_on", sa.Date(), nullable=False),
        sa.Column("partners_consulted_on", sa.Date(), nullable=True),
        sa.Column("notified_on", sa.Date(), nullable=True),
        sa.Column("rapid_review_sent_on", sa.Date(), nullable=True),
        sa.Column("decision_on", sa.Date(), nullable=True),
        sa.Column("planned_publication_on", sa.Date(), nullable=True),
        sa.Column("report_sent_on", sa.Date(), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("card_channel", sa.String(length=32), nullable=True),
        sa.Column("card_ts", sa.String(length=32), nullable=True),
        sa.Column("reduced_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_reviews")),
        sa.UniqueConstraint("team_id", "reference", name=op.f("uq_case_reviews_team_id")),
    )
    with op.batch_alter_table("case_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_reviews_closed_on"), ["closed_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_reviews_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_reviews_team_id"), ["team_id"], unique=False)

    op.create_table(
        "case_review_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("from_state", sa.String(length=24), nullable=False),
        sa.Column("to_state", sa.String(length=24), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=True),
        sa.Column("rationale", sa.Text(), nullable=True),
        sa.Column("actor_id", sa.String(length=32), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=True),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case_reviews.id"],
                                name=op.f("fk_case_review_events_case_id_case_reviews"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_review_events")),
    )
    with op.batch_alter_table("case_review_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_review_events_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_review_events_team_id"), ["team_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case_review_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_review_events_team_id"))
        batch_op.drop_index(batch_op.f("ix_case_review_events_case_id"))
    op.drop_table("case_review_events")
    with op.batch_alter_table("case_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_reviews_team_id"))
        batch_op.drop_index(batch_op.f("ix_case_reviews_state"))
        batch_op.drop_index(batch_op.f("ix_case_reviews_closed_on"))
    op.drop_table("case_reviews")
