"""Deadline reminders for a case, through the one reminder engine (bot.reminders.due).

For each deadline still to be met: 2 working days before, on the day, and each working day while overdue
(a bounded run of working days, re-laid whenever the case changes), threaded on the case card in the
business-unit channel. Everything is cancelled and re-laid on each change, so a finished step stops at once.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.case_reviews.deadlines import Deadlines, Timescales, statuses
from bot.case_reviews.service import ENTITY, deadlines_of
from bot.case_reviews.states import State
from bot.reminders.due import cancel_due, first_overdue_day, plan_due, still_to_come, working_days_from
from bot.timeutil import LONDON, at_nine, format_date, to_london
from bot.workdays import add_working_days
from storage.case_reviews import CaseReview

OVERDUE_RUN = 10  # working days of overdue reminders laid ahead; re-laid on every change and by resync_all


def sync(session: Session, case: CaseReview, deadlines: Deadlines, when: date | datetime) -> int:
    """Cancel this case's unsent reminders and lay the ones its open deadlines need; returns how many.

    `when` is now (a datetime) or a day (its start). Only reminders still to come are laid: a row for 09:00 today
    laid at 16:00 would be marked missed at once.
    """
    now = when if isinstance(when, datetime) else datetime.combine(when, time(0), tzinfo=LONDON)
    today = to_london(now).date()
    cancel_due(session, team_id=case.team_id, source=ENTITY, source_ref=case.ref)
    if not case.card_channel or case.state == State.CLOSED.value:
        return 0
    items: list[tuple[str, datetime, str]] = []
    for st in statuses(deadlines, case.state, today):
        if not st.open:
            continue
        ref, label, due = case.ref, st.label, st.due
        before = add_working_days(due, -2)
        if still_to_come(at_nine(before), now):
            items.append((f"{st.name}:before2", at_nine(before),
                          f"{ref}: {label} due in 2 working days ({format_date(due)})."))
        if still_to_come(at_nine(due), now):
            items.append((f"{st.name}:on_day", at_nine(due), f"{ref}: {label} is due today ({format_date(due)})."))
        overdue = f"{ref}: {label} was due {format_date(due)} and is overdue."
        items += [(f"{st.name}:overdue:{day.isoformat()}", at_nine(day), overdue)
                  for day in working_days_from(first_overdue_day(due, now), OVERDUE_RUN)]
    return plan_due(session, team_id=case.team_id, source=ENTITY, source_ref=case.ref, items=items,
                    channel_id=case.card_channel, thread_ts=case.card_ts)


def resync_all(session: Session, timescales: Timescales, when: date | datetime) -> int:
    """Re-lay every open case's reminders (a daily job can call this so overdue runs never end early)."""
    cases = session.scalars(select(CaseReview).where(CaseReview.state != State.CLOSED.value)).all()
    return sum(sync(session, c, deadlines_of(c, timescales), when) for c in cases)
