"""Claims in `processed_events`: the first to insert a key wins, many keys in one transaction."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from storage.base import utcnow
from storage.core import ProcessedEvent

_TABLE = ProcessedEvent.__table__
_STATEMENTS = {name: insert(_TABLE).on_conflict_do_nothing().returning(_TABLE.c.event_id)
               for name, insert in (("postgresql", pg_insert), ("sqlite", sqlite_insert))}


def claim_new(session: Session, keys: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
    """Insert (team_id, event_id) pairs; return those this call inserted (the rest were claimed before).

    ON CONFLICT DO NOTHING RETURNING (a row only when inserted): no IntegrityError to roll back, so one
    transaction can claim for every request that arrived together (one commit, one disk flush on SQLite).
    One statement, compiled once, run per key: a many-row VALUES list is compiled afresh for every batch
    size and cost more CPU than the inserts themselves."""
    conn = session.connection()
    stmt, now, won = _STATEMENTS[conn.dialect.name], utcnow(), set()
    for team, key in keys:
        if conn.execute(stmt, {"team_id": team, "event_id": key, "received_at": now}).first() is not None:
            won.add((team, key))
    return won
