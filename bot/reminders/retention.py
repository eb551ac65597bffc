"""Retention for reminders.

* `reduce_ended`: a series deleted or finished (last changed) before the cutoff loses its typed name and link,
  and its posts' texts; its schedule, channel and dates stay for the figures and the audit trail.
* `prune_settled`: settled delivery rows (sent, missed, cancelled, skipped, failed) are deleted RETENTION_MONTHS
  after they were due, so the clock's table holds months, not years. Safe against re-posting: series only ever
  write points after their cursor, and case-review and escalation reminders are only laid for today or later,
  so no pruned key is written again.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bot.reminders import states
from bot.reminders.states import Series
from bot.timeutil import LONDON
from storage.reminders import ReminderOccurrence, ReminderSeries

REMOVED = "(removed under the retention policy)"
# sent, missed, skipped, failed lead nowhere; a cancelled row is only re-laid for today or later
SETTLED = tuple(sorted(s.value for s in states.SETTLED | {states.Occurrence.CANCELLED}))


def reduce_ended(session: Session, cutoff: date, dry_run: bool) -> list[tuple[str, str]]:
    """[(team_id, "#<id>")] of ended series reduced (or that would be, on a dry run)."""
    before = datetime.combine(cutoff, datetime.min.time(), tzinfo=LONDON)
    rows = session.scalars(select(ReminderSeries).where(ReminderSeries.state.in_([Series.DELETED, Series.FINISHED]),
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


def prune_settled(session: Session, cutoff: date, dry_run: bool) -> list[tuple[str, str]]:
    """[(team_id, "<n> deliveries")] deleted (or that would be), one per workspace."""
    before = datetime.combine(cutoff, time(0, 0), tzinfo=UTC)
    where = (ReminderOccurrence.state.in_(SETTLED), ReminderOccurrence.due_at < before)
    counts = Counter(dict(session.execute(
        select(ReminderOccurrence.team_id, func.count()).where(*where).group_by(ReminderOccurrence.team_id)).all()))
    if not dry_run and counts:
        session.execute(delete(ReminderOccurrence).where(*where).execution_options(synchronize_session=False))
    return [(team, f"{n} deliveries") for team, n in sorted(counts.items())]
