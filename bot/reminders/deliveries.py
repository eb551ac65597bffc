"""The one writer of delivery rows (`reminder_occurrences`): every reminder the clock posts is laid, cancelled,
claimed, settled or expired here, and every state change goes through the table in bot.reminders.states.

Writers: the engine (a series' due points), bot.reminders.due (case-review and escalation deadlines), snooze
(bot.reminders.service) and the weekly digest (bot.reminders.digest) all call `lay`; the engine claims a locked
row with `take`, settles it with `mark_sent`, `retry_at` or `mark_failed` and expires old ones with `expire`;
changes of plan call `cancel`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, insert, select, update
from sqlalchemy.orm import Session

from bot.reminders.states import Occurrence, check_occurrence, move_occurrence, moves_from
from storage.reminders import ReminderOccurrence

REOPEN = (Occurrence.PENDING.value, Occurrence.CANCELLED.value)  # laid again: unsent rows only, never a sent one


class Source(StrEnum):
    """Who laid a row (part of its unique key with team, source_ref and key)."""

    SERIES = "series"
    CASE_REVIEW = "case_review"
    ESCALATION = "escalation"
    DIGEST = "digest"
    SNOOZE = "snooze"
    QA_PACK = "qa_pack"  # a scheduled QA pack (series of kind qa_pack), composed when sent


@dataclass(frozen=True)
class Planned:
    """One reminder to lay: unique within its (team, source, source_ref) by `key`."""

    key: str
    due_at: datetime  # timezone-aware
    text: str
    blocks: list[dict[str, Any]] | None = None
    meeting_at: datetime | None = None


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("due_at must be timezone-aware (London wall time, e.g. bot.timeutil.at_nine(day))")
    return moment


def lay(
    session: Session, *, team_id: str, source: Source | str, source_ref: str, planned: Sequence[Planned],
    channel_id: str, thread_ts: str | None, owner_id: str | None, series_id: int | None = None,
    lock: bool = True,
) -> int:
    """Insert or re-lay one row per planned reminder, idempotent on (team, source, source_ref, key).

    A row not yet sent (pending, or cancelled by a change of plan) takes the new time, text and place and is
    pending again; a row sent, missed, failed, skipped or being posted is left alone, so nothing is posted twice.
    One read of the existing rows (locked unless `lock=False`, when the caller holds the lock) and one
    executemany for the new ones. Returns how many were planned.
    """
    source = Source(source)
    if not planned:
        return 0
    for p in planned:
        _aware(p.due_at)
    stmt = select(ReminderOccurrence).where(
        ReminderOccurrence.team_id == team_id, ReminderOccurrence.source == source.value,
        ReminderOccurrence.source_ref == source_ref, ReminderOccurrence.key.in_([p.key for p in planned]))
    existing = {row.key: row for row in session.scalars(stmt.with_for_update() if lock else stmt)}
    new: list[dict[str, Any]] = []
    for p in planned:
        row = existing.get(p.key)
        if row is None:
            new.append(dict(
                team_id=team_id, series_id=series_id, source=source.value, source_ref=source_ref, key=p.key,
                due_at=p.due_at, attempt_at=p.due_at, meeting_at=p.meeting_at, channel_id=channel_id,
                thread_ts=thread_ts, owner_id=owner_id, text=p.text, blocks=p.blocks,
                state=check_occurrence(None, Occurrence.PENDING).value, attempts=0))
        elif row.state in REOPEN:
            move_occurrence(row, Occurrence.PENDING)
            row.due_at = row.attempt_at = p.due_at
            row.meeting_at = p.meeting_at if p.meeting_at is not None else row.meeting_at
            row.channel_id, row.thread_ts, row.text, row.blocks = channel_id, thread_ts, p.text, p.blocks
            row.owner_id = owner_id or row.owner_id
            row.attempts, row.last_error = 0, None
    session.flush()
    if new:  # no ORM objects: the engine reads the rows back in its own transactions
        session.execute(insert(ReminderOccurrence), new)
    return len(planned)


def cancel(session: Session, *where: ColumnElement[bool], to: Occurrence = Occurrence.CANCELLED) -> int:
    """Unsent (pending) rows matching `where` become cancelled (or skipped, for a skipped meeting)."""
    stmt = (update(ReminderOccurrence)
            .where(*where, ReminderOccurrence.state.in_(moves_from(to, Occurrence.PENDING)))
            .values(state=Occurrence(to).value)
            .execution_options(synchronize_session="fetch"))
    return int(session.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]


def expire(session: Session, now: datetime, grace: timedelta) -> int:
    """Rows never tried and older than the grace period are missed: a reminder is never posted hours late."""
    stmt = (update(ReminderOccurrence)
            .where(ReminderOccurrence.state.in_(moves_from(Occurrence.MISSED, Occurrence.PENDING)),
                   ReminderOccurrence.attempts == 0, ReminderOccurrence.due_at < now - grace)
            .values(state=Occurrence.MISSED.value)
            .execution_options(synchronize_session=False))
    return int(session.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]


def take(row: ReminderOccurrence, worker: str, now: datetime) -> None:
    """Claim a locked pending row for one clock (the caller's SELECT holds the row lock)."""
    move_occurrence(row, Occurrence.SENDING)
    row.claimed_by, row.claimed_at = worker, now


def mark_sent(row: ReminderOccurrence, ts: str | None, now: datetime) -> None:
    move_occurrence(row, Occurrence.SENT)
    row.sent_at, row.message_ts, row.last_error = now, ts, None


def retry_at(row: ReminderOccurrence, when: datetime, error: str | None) -> None:
    """Back to pending, to be claimed again at `when` (an error to retry, or a crash with nothing posted)."""
    move_occurrence(row, Occurrence.PENDING)
    row.attempt_at, row.last_error, row.claimed_by, row.claimed_at = when, error, None, None


def mark_failed(row: ReminderOccurrence, error: str | None) -> None:
    move_occurrence(row, Occurrence.FAILED)
    row.last_error = error


def unsent(session: Session, *where: ColumnElement[bool]) -> list[ReminderOccurrence]:
    """Pending rows matching `where`, soonest first."""
    return list(session.scalars(
        select(ReminderOccurrence).where(*where, ReminderOccurrence.state == Occurrence.PENDING.value)
        .order_by(ReminderOccurrence.due_at, ReminderOccurrence.id)))
