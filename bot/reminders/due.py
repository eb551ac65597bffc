"""The due-reminder API other capabilities call (case reviews, escalations): plain functions on a Session.

Every call writes `ReminderOccurrence` rows, the same delivery table the clock sends meeting reminders from,
so there is one engine: each row is claimed atomically and posted once, threaded on `thread_ts` when given.

"Each working day while overdue": schedule a bounded run ahead with `schedule_due_daily` (default the next
10 working days, keys "<prefix>:<ISO date>") and `cancel_due(..., key_prefix=prefix)` as soon as the step is
done. Re-scheduling the run when it nears its end is the caller's job (it already re-schedules on every change).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from bot import workdays
from bot.timeutil import MORNING, at_nine, to_london
from storage.reminders import ReminderOccurrence

DUE_SOURCES = frozenset({"case_review", "escalation"})
OPEN = "pending"


def first_overdue_day(due_on: date, now: datetime) -> date:
    """The one "first overdue day" rule: the first working day after `due_on` whose 09:00 London is still to come.

    A run laid at 16:00 for a deadline already past starts tomorrow, never with a 09:00-today row that the clock
    would at once mark missed (a false "missed" line in `/reminders list`).
    """
    local = to_london(now)
    soonest = local.date() if local.time() < MORNING else local.date() + timedelta(days=1)
    return max(workdays.add_working_days(due_on, 1), workdays.next_working_day(soonest))


def still_to_come(due_at: datetime, now: datetime) -> bool:
    """Whether a reminder at `due_at` can still go out on time (rows in the past would only be marked missed)."""
    return due_at > now


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


def plan_due(
    session: Session,
    *,
    team_id: str,
    source: str,
    source_ref: str,
    items: list[tuple[str, datetime, str]],
    channel_id: str,
    thread_ts: str | None,
    owner_id: str | None = None,
) -> int:
    """`schedule_due` for many (key, due_at, text) at once: one read of the existing rows and one flush, so a
    change that lays a case's reminders in its own transaction holds the write lock for milliseconds."""
    if source not in DUE_SOURCES:
        raise ValueError(f"source must be one of {sorted(DUE_SOURCES)}")
    if not items:
        return 0
    existing = {row.key: row for row in session.scalars(
        select(ReminderOccurrence).where(
            ReminderOccurrence.team_id == team_id, ReminderOccurrence.source == source,
            ReminderOccurrence.source_ref == source_ref, ReminderOccurrence.key.in_([k for k, _, _ in items]))
        .with_for_update())}
    new: list[dict[str, Any]] = []
    for key, due_at, text in items:
        _aware(due_at)
        row = existing.get(key)
        if row is None:
            new.append(dict(team_id=team_id, source=source, source_ref=source_ref, key=key, due_at=due_at,
                            attempt_at=due_at, channel_id=channel_id, thread_ts=thread_ts, owner_id=owner_id,
                            text=text, blocks=None, state=OPEN, attempts=0))
        elif row.state in (OPEN, "cancelled"):  # sent or missed rows are never re-opened
            row.due_at = row.attempt_at = due_at
            row.channel_id, row.thread_ts, row.text, row.blocks = channel_id, thread_ts, text, None
            row.owner_id = owner_id or row.owner_id
            row.state, row.attempts, row.last_error = OPEN, 0, None
    session.flush()
    if new:  # one executemany, no ORM objects: the rows are read back by the engine, never by this session
        session.execute(insert(ReminderOccurrence), new)
    return len(items)


def working_days_from(first_day: date, count: int) -> list[date]:
    """`count` working days from `first_day` (moved to a working day): the days of an overdue run."""
    day = workdays.next_working_day(first_day)
    out = []
    for _ in range(count):
        out.append(day)
        day = workdays.add_working_days(day, 1)
    return out


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
