"""Tables every capability shares: workspace configuration, roles, event de-duplication, audit, references."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Connection, DateTime, Integer, String, event, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column

from storage.base import Base, TeamScoped, Timestamped, utcnow


class Workspace(Base, Timestamped):
    """One Slack workspace: its default partnership and the channels the business unit works in."""

    __tablename__ = "workspaces"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    partnership: Mapped[str | None] = mapped_column(String(64))
    business_unit_channel: Mapped[str | None] = mapped_column(String(32))
    escalation_channel: Mapped[str | None] = mapped_column(String(32))
    # OAuth installs (bot/workspaces): who installed, the Grid org, and since when it is uninstalled (its
    # reminders wait; its records are kept). All empty in single-workspace mode.
    enterprise_id: Mapped[str | None] = mapped_column(String(32))
    installed_by: Mapped[str | None] = mapped_column(String(32))
    paused_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class ChannelSetting(Base, TeamScoped):
    """Which partnership a channel belongs to (wins over the workspace default)."""

    __tablename__ = "channel_settings"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    partnership: Mapped[str] = mapped_column(String(64))


class UserSetting(Base, TeamScoped):
    """A person's own area, used where the channel says nothing (DMs, App Home)."""

    __tablename__ = "user_settings"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    partnership: Mapped[str | None] = mapped_column(String(64))


class RoleMembership(Base, TeamScoped, Timestamped):
    __tablename__ = "role_memberships"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    role: Mapped[str] = mapped_column(String(32), primary_key=True)
    granted_by: Mapped[str | None] = mapped_column(String(32))


class ProcessedEvent(Base, TeamScoped):
    """Slack retries events it thinks were not acknowledged; a second delivery must have no effect."""

    __tablename__ = "processed_events"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class AuditLog(Base, TeamScoped):
    """Append-only record of every state change. Holds ids, states and dates, never free text."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor_id: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64), index=True)
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64), index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class ReferenceCounter(Base, TeamScoped):
    """Per-workspace yearly counters behind anonymised references such as CR-2026-007."""

    __tablename__ = "reference_counters"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(8), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)



class ConfigStamp(Base):
    """One row whose number moves, in the same transaction, with every change to workspace configuration.

    Each process caches roles and partnerships (bot/lookups.py); comparing this number is how it learns that
    another process (a web worker, the clock, a CLI command) granted, revoked or remapped something."""

    __tablename__ = "config_stamps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    generation: Mapped[int] = mapped_column(BigInteger, default=0)


STAMP_ID = 1  # the one row
CONFIG_TABLES: tuple[type, ...] = (RoleMembership, ChannelSetting, UserSetting, Workspace)
_CHANGED = "sg_config_changed"
_listeners: list[Callable[[], None]] = []


def on_config_change(listener: Callable[[], None]) -> None:
    """Call `listener` in this process whenever a session flushes or commits a configuration change."""
    _listeners.append(listener)


def bump_config_stamp(conn: Connection) -> None:
    """Move the stamp inside the caller's transaction: rolled back with it, visible to others at its commit.
    An upsert, so a database emptied by hand (or a test) gets its row back instead of a silent no-op."""
    table = ConfigStamp.__table__
    dialect_insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stmt = dialect_insert(table).values(id=STAMP_ID, generation=1)
    conn.execute(stmt.on_conflict_do_update(index_elements=[table.c.id],
                                            set_={"generation": table.c.generation + 1}))


def read_config_stamp(session: Session) -> int | None:
    """The stamp as committed now (None while no configuration was ever changed)."""
    return session.execute(select(ConfigStamp.generation).where(ConfigStamp.id == STAMP_ID)).scalar_one_or_none()


def _changed(session: Session) -> None:
    if not session.info.get(_CHANGED):
        bump_config_stamp(session.connection())  # once per transaction
        session.info[_CHANGED] = True
    for listener in _listeners:
        listener()


# Registered here, beside the tables, so every process that can change configuration moves the stamp.
@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _ctx: Any) -> None:
    if any(isinstance(obj, CONFIG_TABLES) for obj in (*session.new, *session.dirty, *session.deleted)):
        _changed(session)


@event.listens_for(Session, "do_orm_execute")
def _bulk_change(state: ORMExecuteState) -> None:
    mapper = state.bind_mapper
    if (state.is_update or state.is_delete) and mapper is not None and issubclass(mapper.class_, CONFIG_TABLES):
        _changed(state.session)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if session.info.pop(_CHANGED, False):
        for listener in _listeners:
            listener()  # again at commit: a reader that began before it must not keep the old answer


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_CHANGED, None)  # the stamp's move was rolled back too
