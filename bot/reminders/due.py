"""The due-reminder API other capabilities call (case reviews, escalations): plain functions on a Session.

Every call writes `ReminderOccurrence` rows, the same delivery table the clock sends meeting reminders from,
so there is one engine: each row is claimed atomically and posted once, threaded on `thread_ts` when given.

"Each working day while overdue": schedule a bounded run ahead with `schedule_due_daily` (default the next
10 working days, keys "<prefix>:<ISO date>") and `cancel_due(..., key_prefix=prefix)` as soon as the step is
done. Re-scheduling the run when it nears its end is the caller's job (it already re-schedules on every change).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot import workdays
from bot.timeutil import LONDON
from storage.reminders import ReminderOccurrence

DUE_SOURCES = frozenset({"case_review", "escalation"})
OPEN = "pending"


def at_nine(day: date) -> datetime:
    """09:00 London wall time on `day`: when deadline reminders go out."""
    return datetime.combine(day, time(9, 0), tzinfo=LONDON)


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("due_at must be timezone-aware (London wall time, e.g. bot.reminders.due.at_nine(day))")
    return moment


def schedule_due(
    session: Session,
    *,
    team_id: str,
    source: str,
    source_ref: str,
    key: str,
    due_at: datetime,
    channel_id: str,
    thread_ts: str | None,
    text: str,
    blocks: list[dict[str, Any]] | None = None,
    owner_id: str | None = None,
) -> None:
    """Idempotent on (team_id, source, source_ref, key): a second call updates a not-yet-sent occurrence.

    An occurrence already sent (or missed) is left alone: a reminder is never posted twice. A cancelled one
    is re-opened, so cancel-then-reschedule after a change of plan works.
    """
    _lay(session, team_id=team_id, source=source, source_ref=source_ref,
         points=[(key, due_at)], channel_id=channel_id, thread_ts=thread_ts, text=text, blocks=blocks,
         owner_id=owner_id)


def _lay(
    session: Session, *, team_id: str, source: str, source_ref: str, points: list[tuple[str, datetime]],
    channel_id: str, thread_ts: str | None, text: str, blocks: list[dict[str, Any]] | None, owner_id: str | None,
) -> None:
    """Insert or re-open one row per (key, due_at): one locking SELECT and one flush for the lot."""
    if source not in DUE_SOURCES:
        raise ValueError(f"source must be one of {sorted(DUE_SOURCES)}")
    for _, due_at in points:
        _aware(due_at)
    existing = {
        row.key: row for row in session.scalars(
            select(ReminderOccurrence)
            .where(
                ReminderOccurrence.team_id == team_id,
                ReminderOccurrence.source == source,
                ReminderOccurrence.source_ref == source_ref,
                ReminderOccurrence.key.in_([k for k, _ in points]),
            )
            .with_for_update()
        )
    }
    for key, due_at in points:
        row = existing.get(key)
        if row is None:
            session.add(
                ReminderOccurrence(
                    team_id=team_id, source=source, source_ref=source_ref, key=key, due_at=due_at,
                    attempt_at=due_at, channel_id=channel_id, thread_ts=thread_ts, owner_id=owner_id, text=text,
                    blocks=blocks, state=OPEN, attempts=0,
                )
            )
        elif row.state in (OPEN, "cancelled"):
            row.due_at = row.attempt_at = due_at
            row.channel_id, row.thread_ts, row.text, row.blocks = channel_id, thread_ts, text, blocks
            row.owner_id = owner_id or row.owner_id
            row.state, row.attempts, row.last_error = OPEN, 0, None
    session.flush()


def schedule_due_daily(
    session: Session,
    *,
    team_id: str,
    source: str,
    source_ref: str,
    key_prefix: str,
    first_day: date,
    channel_id: str,
    thread_ts: str | None,
    text: str,
    blocks: list[dict[str, Any]] | None = None,
    owner_id: str | None = None,
    working_days: int = 10,
) -> list[str]:
    """Schedule 09:00 reminders on `first_day` (moved to a working day) and the following working days.

    Returns the keys ("<key_prefix>:<ISO date>"). Cancel them all with `cancel_due(key_prefix=key_prefix)`.
    """
    day = workdays.next_working_day(first_day)
    points = []
    for _ in range(working_days):
        points.append((f"{key_prefix}:{day.isoformat()}", at_nine(day)))
        day = workdays.add_working_days(day, 1)
    _lay(session, team_id=team_id, source=source, source_ref=source_ref, points=points, channel_id=channel_id,
         thread_ts=thread_ts, text=text, blocks=blocks, owner_id=owner_id)
    return [key for key, _ in points]


def cancel_due(session: Session, *, team_id: str, source: str, source_ref: str, key_prefix: str | None = None) -> int:
    """Cancel unsent occurrences for that source_ref (all, or those whose key starts with key_prefix)."""
    stmt = update(ReminderOccurrence).where(
        ReminderOccurrence.team_id == team_id,
        ReminderOccurrence.source == source,
        ReminderOccurrence.source_ref == source_ref,
        ReminderOccurrence.state == OPEN,
    )
    if key_prefix:
        stmt = stmt.where(ReminderOccurrence.key.startswith(key_prefix, autoescape=True))
    result = session.execute(stmt.values(state="cancelled").execution_options(synchronize_session="fetch"))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def pending_due(session: Session, *, team_id: str, source: str, source_ref: str) -> list[ReminderOccurrence]:
    """Unsent, uncancelled occurrences, soonest first (rows have key, due_at, channel_id, thread_ts, text)."""
    return list(
        session.scalars(
            select(ReminderOccurrence)
            .where(
                ReminderOccurrence.team_id == team_id,
                ReminderOccurrence.source == source,
                ReminderOccurrence.source_ref == source_ref,
                ReminderOccurrence.state == OPEN,
            )
            .order_by(ReminderOccurrence.due_at, ReminderOccurrence.id)
        )
    )
