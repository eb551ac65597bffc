"""config stamp: one row whose number moves with every change to roles, channels, areas and workspaces

Revision ID: 0010_config_stamp
Revises: 0001_baseline

Web processes cache role and partnership lookups (bot/lookups.py); they compare this number at most once a
second to learn of another process's grant, revoke or channel mapping.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_config_stamp"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None


def upgrade() -> None:
    stamps = op.create_table(
        "config_stamps",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("generation", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_config_stamps")),
    )
    op.bulk_insert(stamps, [{"id": 1, "generation": 0}])


def downgrade() -> None:
    op.drop_table("config_stamps")
