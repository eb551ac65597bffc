"""Step-window reminders, handed to the one reminder engine (`bot.reminders.due`); no scheduler here (so no
longer called `timers.py`).

For the current step: 09:00 London on the working day before its window closes ("about to close", key
`stepN:before`), then **each working day while overdue**: 09:00 from the working day after it closed, as a
bounded run of the next `RUN_DAYS` working days (`bot.reminders.due.schedule_due_daily`, keys
`stepN:overdue:<ISO date>`), each a DM to the raiser offering the next step (or Resolve at the last step).
Occurrences already in the past are never scheduled. Any change (advance) cancels and re-plans; resolve and
withdraw cancel. `resync_all` re-lays every open escalation's run so it never ends early: a daily job calls it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import timeutil
from bot.escalations import blocks, texts
from bot.escalations.routes import RouteSnapshot
from bot.escalations.states import State
from bot.reminders import due
from bot.timeutil import at_nine
from bot.workdays import add_working_days
from storage.escalations import Escalation

SOURCE = "escalation"
RUN_DAYS = 10  # working days laid ahead; the daily resync keeps the run going


def planned(esc: Escalation) -> list[tuple[str, datetime]]:
    """(key, when) of the "about to close" reminder and the first "overdue" one, past or not."""
    if esc.state != State.OPEN or esc.step_due_on is None:
        return []
    first_overdue = add_working_days(esc.step_due_on, 1)
    return [(f"step{esc.step}:before", at_nine(add_working_days(esc.step_due_on, -1))),
            (f"step{esc.step}:overdue:{first_overdue.isoformat()}", at_nine(first_overdue))]


def overdue_run_start(esc: Escalation, now: datetime) -> date | None:
    """The first working day of the overdue run still to come (the one rule in bot.reminders.due)."""
    if esc.state != State.OPEN or esc.step_due_on is None:
        return None
    return due.first_overdue_day(esc.step_due_on, now)


def schedule_step_reminders(session: Session, esc: Escalation, route: RouteSnapshot,
                            now: datetime | None = None) -> int:
    due.cancel_due(session, team_id=esc.team_id, source=SOURCE, source_ref=esc.ref)
    if esc.state != State.OPEN or esc.step_due_on is None:
        return 0
    now = now or timeutil.now()
    step = route.step(esc.step)
    has_next = esc.step < route.last_step
    common = dict(team_id=esc.team_id, source=SOURCE, source_ref=esc.ref, channel_id=esc.raised_by,
                  thread_ts=None, owner_id=esc.raised_by)
    count = 0
    before_key, before_at = planned(esc)[0]
    if due.still_to_come(before_at, now):
        text = texts.reminder_text(esc.ref, esc.step, step.title, esc.step_due_on, closing=True, has_next=has_next)
        due.schedule_due(session, key=before_key, due_at=before_at, text=text,
                         blocks=blocks.reminder(esc.ref, text, has_next=has_next), **common)
        count += 1
    start = overdue_run_start(esc, now)
    if start is not None:
        text = texts.reminder_text(esc.ref, esc.step, step.title, esc.step_due_on, closing=False, has_next=has_next)
        count += len(due.schedule_due_daily(
            session, key_prefix=f"step{esc.step}:overdue", first_day=start, text=text,
            blocks=blocks.reminder(esc.ref, text, has_next=has_next), working_days=RUN_DAYS, **common))
    return count


def cancel_reminders(session: Session, esc: Escalation) -> int:
    return int(due.cancel_due(session, team_id=esc.team_id, source=SOURCE, source_ref=esc.ref))


def resync_all(session: Session, now: datetime | None = None) -> int:
    """Re-lay every open escalation's step reminders from `now` (a daily job calls this, so the "each working
    day while overdue" run never runs out). Idempotent: a sent reminder is never re-opened. Returns rows laid."""
    now = now or timeutil.now()
    rows = session.scalars(select(Escalation).where(Escalation.state == State.OPEN.value,
                                                    Escalation.step_due_on.is_not(None)))
    return sum(schedule_step_reminders(session, esc, RouteSnapshot.from_json(esc.route), now) for esc in rows)
