"""Claims in `processed_events`: the first to insert a key wins, many keys in one statement."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from storage.base import utcnow
from storage.core import ProcessedEvent


def claim_new(session: Session, keys: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
    """Insert (team_id, event_id) pairs; return those this call inserted (the rest were claimed before).

    ON CONFLICT DO NOTHING ... RETURNING: no IntegrityError to roll back, so one transaction can claim for
    every request that arrived together (one commit, one disk flush on SQLite)."""
    if not keys:
        return set()
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    now = utcnow()
    stmt = (insert(ProcessedEvent)
            .values([{"team_id": team, "event_id": key, "received_at": now} for team, key in keys])
            .on_conflict_do_nothing()
            .returning(ProcessedEvent.team_id, ProcessedEvent.event_id))
    return {(row.team_id, row.event_id) for row in session.execute(stmt)}
