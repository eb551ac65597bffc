"""The due-reminder API other capabilities call (case reviews, escalations): plain functions on a Session.

Every call writes `ReminderOccurrence` rows, the same delivery table the clock sends meeting reminders from,
so there is one engine: each row is claimed atomically and posted once, threaded on `thread_ts` when given.

Rows are written by the one writer, bot.reminders.deliveries. "Each working day while overdue": schedule a
bounded run ahead with `schedule_due_daily` (default the next 10 working days, keys "<prefix>:<ISO date>") and
`cancel_due(..., key_prefix=prefix)` as soon as the step is done. Re-scheduling the run when it nears its end
is the caller's job (it already re-schedules on every change).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from bot import workdays
from bot.reminders import deliveries
from bot.reminders.deliveries import Planned, Source
from bot.timeutil import at_nine, to_london
from storage.reminders import ReminderOccurrence

DUE_SOURCES = frozenset({Source.CASE_REVIEW.value, Source.ESCALATION.value})


def first_overdue_day(due_on: date, now: datetime) -> date:
    """The one "first overdue day" rule: the first working day after `due_on` whose 09:00 London is still to come.

    A run laid at 16:00 for a deadline already past starts tomorrow, never with a 09:00-today row that the clock
    would at once mark missed (a false "missed" line in `/reminders list`).
    """
    today = to_london(now).date()
    soonest = today if still_to_come(at_nine(today), now) else today + timedelta(days=1)
    return max(workdays.add_working_days(due_on, 1), workdays.next_working_day(soonest))


def still_to_come(due_at: datetime, now: datetime) -> bool:
    """Whether a reminder at `due_at` can still go out on time (rows in the past would only be marked missed)."""
    return due_at > now


def _source(source: str) -> Source:
    if source not in DUE_SOURCES:
        raise ValueError(f"source must be one of {sorted(DUE_SOURCES)}")
    return Source(source)


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
    deliveries.lay(session, team_id=team_id, source=_source(source), source_ref=source_ref,
                   planned=[Planned(key, due_at, text, blocks)], channel_id=channel_id, thread_ts=thread_ts,
                   owner_id=owner_id)


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
    return deliveries.lay(session, team_id=team_id, source=_source(source), source_ref=source_ref,
                          planned=[Planned(key, due_at, text) for key, due_at, text in items],
                          channel_id=channel_id, thread_ts=thread_ts, owner_id=owner_id)


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
    planned = [Planned(f"{key_prefix}:{day.isoformat()}", at_nine(day), text, blocks)
               for day in working_days_from(first_day, working_days)]
    deliveries.lay(session, team_id=team_id, source=_source(source), source_ref=source_ref, planned=planned,
                   channel_id=channel_id, thread_ts=thread_ts, owner_id=owner_id)
    return [p.key for p in planned]


def _of(team_id: str, source: str, source_ref: str) -> tuple[ColumnElement[bool], ...]:
    return (ReminderOccurrence.team_id == team_id, ReminderOccurrence.source == source,
            ReminderOccurrence.source_ref == source_ref)


def cancel_due(session: Session, *, team_id: str, source: str, source_ref: str, key_prefix: str | None = None) -> int:
    """Cancel unsent occurrences for that source_ref (all, or those whose key starts with key_prefix)."""
    where = _of(team_id, source, source_ref)
    if key_prefix:
        where += (ReminderOccurrence.key.startswith(key_prefix, autoescape=True),)
    return deliveries.cancel(session, *where)


def pending_due(session: Session, *, team_id: str, source: str, source_ref: str) -> list[ReminderOccurrence]:
    """Unsent, uncancelled occurrences, soonest first (rows have key, due_at, channel_id, thread_ts, text)."""
    return deliveries.unsent(session, *_of(team_id, source, source_ref))
