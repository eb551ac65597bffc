"""Retention for the delivery table: settled reminder rows (sent, missed, cancelled, skipped, failed) are
deleted RETENTION_MONTHS after they were due, so the clock's table holds months, not years.

Safe against re-posting: series only ever write points after their cursor, and case-review and escalation
reminders are only laid for today or later, so no pruned key is written again.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from storage.reminders import ReminderOccurrence

SETTLED = ("sent", "missed", "cancelled", "skipped", "failed")


def prune_settled(session: Session, cutoff: date, dry_run: bool) -> list[tuple[str, str]]:
    """[(team_id, "<n> deliveries")] deleted (or that would be), one per workspace."""
    before = datetime.combine(cutoff, time(0, 0), tzinfo=UTC)
    where = (ReminderOccurrence.state.in_(SETTLED), ReminderOccurrence.due_at < before)
    counts = Counter(dict(session.execute(
        select(ReminderOccurrence.team_id, func.count()).where(*where).group_by(ReminderOccurrence.team_id)).all()))
    if not dry_run and counts:
        session.execute(delete(ReminderOccurrence).where(*where).execution_options(synchronize_session=False))
    return [(team, f"{n} deliveries") for team, n in sorted(counts.items())]
