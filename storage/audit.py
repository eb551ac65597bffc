"""Writing and reading the audit log. Callers pass ids, states and dates only, never user free text."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.core import AuditLog


def record(
    session: Session,
    *,
    team_id: str,
    actor_id: str,
    action: str,
    entity_type: str,
    entity_id: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditLog:
    row = AuditLog(
        team_id=team_id,
        actor_id=actor_id,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        before=_jsonable(before),
        after=_jsonable(after),
    )
    session.add(row)
    return row


def entries(
    session: Session, *, team_id: str | None = None, since: datetime | None = None, entity_id: str | None = None
) -> list[AuditLog]:
    stmt = select(AuditLog).order_by(AuditLog.id)
    if team_id is not None:
        stmt = stmt.where(AuditLog.team_id == team_id)
    if since is not None:
        stmt = stmt.where(AuditLog.at >= since)
    if entity_id is not None:
        stmt = stmt.where(AuditLog.entity_id == entity_id)
    return list(session.scalars(stmt))


def _jsonable(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in value.items()}
