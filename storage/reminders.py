"""Tables for reminders: meeting series and the one delivery table every reminder goes through.

The database is the source of truth (APScheduler only ticks the dispatcher). A series computes its own
occurrences in London wall time; each occurrence becomes one `ReminderOccurrence` row, unique on
(team, source, source_ref, key), and is claimed atomically before it is sent, so it is posted exactly once.
Case-review and escalation deadline reminders are rows of the same table (source "case_review"/"escalation").
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from storage.base import Base, TeamScoped, Timestamped, utcnow


class UTCDateTime(TypeDecorator[datetime]):
    """Aware in, aware out, UTC on disk: SQLite would otherwise keep a London wall time with its offset dropped
    (09:00 BST read back as 09:00 UTC) and compare times as strings across offsets."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("reminder times must be timezone-aware")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class ReminderSeries(Base, TeamScoped, Timestamped):
    """A meeting series (or a one-off reminder) a business unit set up with `/reminders add`."""

    __tablename__ = "reminder_series"
    __table_args__ = (
        Index("ix_reminder_series_state_next_due", "state", "next_due_at"),  # the clock's due series
        Index("ix_reminder_series_team_state", "team_id", "state"),  # lists, the weekly digest
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))  # "meeting" | "one_off"
    name: Mapped[str] = mapped_column(String(200))  # group or meeting name, screened by bot.privacy
    partnership: Mapped[str | None] = mapped_column(String(64))
    channel_id: Mapped[str] = mapped_column(String(32), index=True)
    owner_id: Mapped[str] = mapped_column(String(32))
    recurrence: Mapped[str | None] = mapped_column(String(200))  # as typed, for display
    rule: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # parsed recurrence (bot.reminders.recurrence)
    first_date: Mapped[date] = mapped_column(Date)
    at_time: Mapped[str] = mapped_column(String(5))  # "HH:MM", London wall clock
    days_before: Mapped[list[int]] = mapped_column(JSON, default=list)
    papers_working_days: Mapped[int | None] = mapped_column(Integer)
    link: Mapped[str | None] = mapped_column(String(500))
    state: Mapped[str] = mapped_column(String(16), index=True)  # active | paused | deleted | finished
    skipped: Mapped[list[str]] = mapped_column(JSON, default=list)  # ISO dates of skipped meetings
    cursor_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # points up to here are done
    next_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class ReminderOccurrence(Base, TeamScoped, Timestamped):
    """One message to post once: the delivery row claimed before sending."""

    __tablename__ = "reminder_occurrences"
    __table_args__ = (
        UniqueConstraint("team_id", "source", "source_ref", "key"),
        Index("ix_reminder_occurrences_state_attempt", "state", "attempt_at"),  # claim, reconcile, expire
        Index("ix_reminder_occurrences_source_key", "source", "key"),  # this week's digest written yet?
        Index("ix_reminder_occurrences_state_due", "state", "due_at"),  # retention
        Index("ix_reminder_occurrences_team_state_due", "team_id", "state", "due_at"),  # missed/failed lists
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    series_id: Mapped[int | None] = mapped_column(ForeignKey("reminder_series.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(16))  # series | case_review | escalation | digest | snooze
    source_ref: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(120))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())  # due_at, or later after a failure
    meeting_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    channel_id: Mapped[str] = mapped_column(String(32))
    thread_ts: Mapped[str | None] = mapped_column(String(32))
    owner_id: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)  # references, names of steps and groups, dates: no case detail
    blocks: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(12))  # pending|sending|sent|missed|cancelled|failed|skipped
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(64))
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    message_ts: Mapped[str | None] = mapped_column(String(32))
