"""Retention prunes settled reminder deliveries after RETENTION_MONTHS; unsent and recent ones stay."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from bot.governance.retention import run_retention
from bot.reminders.due import at_nine, schedule_due
from storage.reminders import ReminderOccurrence
from tests.conftest import TEAM_ID


def test_old_settled_deliveries_are_pruned_and_pending_ones_kept(db, services):
    old, recent = date(2024, 1, 8), date.today() - timedelta(days=30)
    states = {"old-sent": (old, "sent"), "old-missed": (old, "missed"), "old-cancelled": (old, "cancelled"),
              "old-pending": (old, "pending"), "recent-sent": (recent, "sent")}
    with db.session() as s:
        for key, (day, _) in states.items():
            schedule_due(s, team_id=TEAM_ID, source="escalation", source_ref="ESC-2024-001", key=key,
                         due_at=at_nine(day), channel_id="CGROUP01", thread_ts=None, text="ESC-2024-001: due")
        for row in s.scalars(select(ReminderOccurrence)):
            row.state = states[row.key][1]
    assert run_retention(services, dry_run=True).reduced["reminder deliveries"] == [(TEAM_ID, "3 deliveries")]
    with db.session() as s:
        assert len(s.scalars(select(ReminderOccurrence.id)).all()) == 5  # a dry run deletes nothing
    assert run_retention(services, dry_run=False).reduced["reminder deliveries"] == [(TEAM_ID, "3 deliveries")]
    with db.session() as s:
        assert sorted(s.scalars(select(ReminderOccurrence.key))) == ["old-pending", "recent-sent"]
