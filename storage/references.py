"""Anonymised, human-friendly references (CR-2026-007, ESC-2026-014): the only case identifiers shown."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from storage.core import ReferenceCounter


def next_reference(session: Session, team_id: str, prefix: str, year: int, width: int = 3) -> str:
    """Allocate the next number for (team, prefix, year).

    Safe under concurrency on both databases: the counter row is created with ON CONFLICT DO NOTHING (two
    first cases of a year cannot both insert it), then incremented by one atomic UPDATE ... RETURNING.

    On PostgreSQL the number is taken in its own short transaction, committed at once: taken inside the
    caller's transaction, the counter row stayed locked until that whole unit of work (the case, its audit row,
    its reminders) committed, so 50 forms submitted together queued behind each other's every round trip (the
    last acknowledged after 1.2 s). The price: a number is skipped if the caller's transaction then fails.
    SQLite serialises every write transaction anyway (and its write lock is not re-entrant), so there the number
    is taken in the caller's transaction and never skipped."""
    bind = session.get_bind()
    if isinstance(bind, Engine) and bind.dialect.name == "postgresql":
        with bind.begin() as conn:
            return _format(prefix, year, width, _bump(conn, pg_insert, team_id, prefix, year))
    insert = pg_insert if bind.dialect.name == "postgresql" else sqlite_insert
    return _format(prefix, year, width, _bump(session, insert, team_id, prefix, year))


def _bump(run: Session | Connection, insert: Any, team_id: str, prefix: str, year: int) -> int:
    run.execute(
        insert(ReferenceCounter).values(team_id=team_id, prefix=prefix, year=year, last=0).on_conflict_do_nothing()
    )
    number: int = run.execute(
        update(ReferenceCounter)
        .where(ReferenceCounter.team_id == team_id, ReferenceCounter.prefix == prefix, ReferenceCounter.year == year)
        .values(last=ReferenceCounter.last + 1)
        .returning(ReferenceCounter.last)
        .execution_options(synchronize_session=False)
    ).scalar_one()
    return number


def _format(prefix: str, year: int, width: int, number: int) -> str:
    return f"{prefix}-{year}-{number:0{width}d}"
