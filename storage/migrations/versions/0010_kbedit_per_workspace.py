"""kbedit: each workspace its own overlay (versions numbered per workspace and entry); where the weekly gaps go

Revision ID: 0010_kbedit_per_workspace
Revises: 0009_kbedit
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_kbedit_per_workspace"
down_revision = "0009_kbedit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("knowledge_versions", schema=None) as batch_op:
        batch_op.drop_constraint("uq_knowledge_versions_entry_id", type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_knowledge_versions_team_id"),
                                          ["team_id", "entry_id", "version"])
    with op.batch_alter_table("knowledge_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("gaps_to_channel", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    """Back to one overlay for the deployment (fails if two workspaces hold the same entry's version number)."""
    with op.batch_alter_table("knowledge_settings", schema=None) as batch_op:
        batch_op.drop_column("gaps_to_channel")
    with op.batch_alter_table("knowledge_versions", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_knowledge_versions_team_id"), type_="unique")
        batch_op.create_unique_constraint("uq_knowledge_versions_entry_id", ["entry_id", "version"])
