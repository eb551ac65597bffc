"""Tables for escalations: the escalation (with its route snapshot), its history, and agency contacts.

Free text kept here (what was tried, the outcome wanted, notes) has passed `bot.privacy` screening first.
The route is a JSON copy of the knowledge-base route as it stood the day the escalation was raised.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, TeamScoped, Timestamped, utcnow


class Escalation(Base, TeamScoped, Timestamped):
    __tablename__ = "escalations"
    __table_args__ = (
        UniqueConstraint("team_id", "ref"),
        # the open lists (one's own; a partnership's) and the report: never a whole workspace's history
        Index("ix_escalations_team_state_raised_by", "team_id", "state", "raised_by"),
        Index("ix_escalations_team_state_partnership", "team_id", "state", "partnership"),
        Index("ix_escalations_partnership_day_one", "partnership", "day_one"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ref: Mapped[str] = mapped_column(String(20))
    partnership: Mapped[str] = mapped_column(String(64), index=True)
    raised_by: Mapped[str] = mapped_column(String(32), index=True)
    case_ref: Mapped[str] = mapped_column(String(40))
    agency: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32))
    tried: Mapped[str] = mapped_column(Text)
    outcome_wanted: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), index=True)
    step: Mapped[int] = mapped_column(Integer)
    highest_step: Mapped[int] = mapped_column(Integer)
    route: Mapped[dict[str, Any]] = mapped_column(JSON)
    day_one: Mapped[date] = mapped_column(Date)
    step_started_on: Mapped[date] = mapped_column(Date)
    step_due_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(Text)
    dm_channel: Mapped[str | None] = mapped_column(String(32))
    dm_ts: Mapped[str | None] = mapped_column(String(32))
    card_channel: Mapped[str | None] = mapped_column(String(32))
    card_ts: Mapped[str | None] = mapped_column(String(32))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class EscalationEvent(Base, TeamScoped):
    """One thing that happened to an escalation (raised, advanced, note, resolved, withdrawn)."""

    __tablename__ = "escalation_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    escalation_id: Mapped[int] = mapped_column(ForeignKey("escalations.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    step: Mapped[int] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)


class EscalationContact(Base, TeamScoped, Timestamped):
    """An admin's mapping of an agency (per partnership) to the Slack user or group mentioned on its cards."""

    __tablename__ = "escalation_contacts"
    __table_args__ = (UniqueConstraint("team_id", "partnership", "agency_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    partnership: Mapped[str] = mapped_column(String(64))
    agency: Mapped[str] = mapped_column(String(200))
    agency_key: Mapped[str] = mapped_column(String(200))
    slack_id: Mapped[str] = mapped_column(String(32))
    added_by: Mapped[str] = mapped_column(String(32))
