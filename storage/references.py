"""Anonymised, human-friendly references (CR-2026-007, ESC-2026-014): the only case identifiers shown."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.core import ReferenceCounter


def next_reference(session: Session, team_id: str, prefix: str, year: int, width: int = 3) -> str:
    """Allocate the next number for (team, prefix, year); the row lock makes it safe under concurrency."""
    stmt = (
        select(ReferenceCounter)
        .where(
            ReferenceCounter.team_id == team_id,
            ReferenceCounter.prefix == prefix,
            ReferenceCounter.year == year,
        )
        .with_for_update()
    )
    counter = session.scalars(stmt).one_or_none()
    if counter is None:
        counter = ReferenceCounter(team_id=team_id, prefix=prefix, year=year, last=0)
        session.add(counter)
    counter.last += 1
    session.flush()
    return f"{prefix}-{year}-{counter.last:0{width}d}"
