"""Retention for reminders: a series deleted or finished (last changed) before the cutoff loses its typed name and
link, and its posts' texts; its schedule, channel and dates stay for the figures and the audit trail."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.timeutil import LONDON
from storage.reminders import ReminderOccurrence, ReminderSeries

REMOVED = "(removed under the retention policy)"


def reduce_ended(session: Session, cutoff: date, dry_run: bool) -> list[tuple[str, str]]:
    """[(team_id, "#<id>")] of ended series reduced (or that would be, on a dry run)."""
    before = datetime.combine(cutoff, datetime.min.time(), tzinfo=LONDON)
    rows = session.scalars(select(ReminderSeries).where(ReminderSeries.state.in_(["deleted", "finished"]),
                                                        ReminderSeries.updated_at < before,
                                                        ReminderSeries.name != REMOVED)
                           .order_by(ReminderSeries.id)).all()
    if not dry_run:
        for row in rows:
            row.name, row.link = REMOVED, None
            for occ in session.scalars(select(ReminderOccurrence).where(ReminderOccurrence.series_id == row.id)):
                occ.text = REMOVED
        session.flush()
    return [(r.team_id, f"#{r.id}") for r in rows]
