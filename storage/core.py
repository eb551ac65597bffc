"""Tables every capability shares: workspace configuration, roles, event de-duplication, audit, references."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

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
