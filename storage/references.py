"""Anonymised, human-friendly references (CR-2026-007, ESC-2026-014): the only case identifiers shown."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from storage.core import ReferenceCounter


def next_reference(session: Session, team_id: str, prefix: str, year: int, width: int = 3) -> str:
    """Allocate the next number for (team, prefix, year).

    Safe under concurrency on both databases: the counter row is created with ON CONFLICT DO NOTHING (two
    first cases of a year cannot both insert it), then incremented by one atomic UPDATE ... RETURNING.
    """
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(ReferenceCounter).values(team_id=team_id, prefix=prefix, year=year, last=0).on_conflict_do_nothing()
    )
    number = session.execute(
        update(ReferenceCounter)
        .where(ReferenceCounter.team_id == team_id, ReferenceCounter.prefix == prefix, ReferenceCounter.year == year)
        .values(last=ReferenceCounter.last + 1)
        .returning(ReferenceCounter.last)
        .execution_options(synchronize_session=False)
    ).scalar_one()
    return f"{prefix}-{year}-{number:0{width}d}"
