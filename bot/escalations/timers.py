"""Step-window reminders, handed to the one reminder engine (`bot.reminders.due`); no scheduler here.

For the current step: 09:00 London on the working day before its window closes ("about to close"),
and 09:00 on the working day after it closed ("closed"), each a DM to the raiser offering the next
step. Occurrences already in the past when scheduled are skipped. Any change cancels and re-plans.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from bot import timeutil
from bot.escalations import blocks, texts
from bot.escalations.routes import RouteSnapshot
from bot.workdays import add_working_days

if TYPE_CHECKING:
    from storage.escalations import Escalation

SOURCE = "escalation"
AT = time(9, 0)


def _due():  # type: ignore[no-untyped-def]
    from bot.reminders import due

    return due


def planned(esc: Escalation) -> list[tuple[str, datetime]]:
    """(key, when) of the reminders the current step needs, whether or not they are already past."""
    if esc.state != "open" or esc.step_due_on is None:
        return []
    before = add_working_days(esc.step_due_on, -1)
    after = add_working_days(esc.step_due_on, 1)
    return [
        (f"step{esc.step}:before", datetime.combine(before, AT, tzinfo=timeutil.LONDON)),
        (f"step{esc.step}:closed", datetime.combine(after, AT, tzinfo=timeutil.LONDON)),
    ]


def schedule_step_reminders(session: Session, esc: Escalation, route: RouteSnapshot) -> int:
    due = _due()
    due.cancel_due(session, team_id=esc.team_id, source=SOURCE, source_ref=esc.ref)
    now = timeutil.now()
    step = route.step(esc.step)
    has_next = esc.step < route.last_step
    count = 0
    for key, when in planned(esc):
        if when <= now:
            continue
        closing = key.endswith(":before")
        text = texts.reminder_text(esc.ref, esc.step, step.title, esc.step_due_on, closing=closing,
                                   has_next=has_next)
        due.schedule_due(
            session, team_id=esc.team_id, source=SOURCE, source_ref=esc.ref, key=key, due_at=when,
            channel_id=esc.raised_by, thread_ts=None, text=text,
            blocks=blocks.reminder(esc.ref, text, has_next=has_next), owner_id=esc.raised_by,
        )
        count += 1
    return count


def cancel_reminders(session: Session, esc: Escalation) -> int:
    return int(_due().cancel_due(session, team_id=esc.team_id, source=SOURCE, source_ref=esc.ref))
