"""A clock that died mid-post: its claimed rows are reconciled with the channel's history, never double-posted."""

from __future__ import annotations

import socket
from datetime import timedelta

from sqlalchemy import select

from bot.reminders.due import schedule_due
from bot.reminders.engine import METADATA_EVENT, STALE_CLAIM
from bot.timeutil import now
from storage.core import AuditLog
from storage.reminders import ReminderOccurrence
from tests.conftest import TEAM_ID
from tests.reminders.helpers import OWNER, client_for, posts, tick

CHANNEL = "CGROUP01"
DEAD = f"{socket.gethostname()[:40]}:4194999"  # a pid above the kernel's maximum: never alive


def _claimed_row(db, key: str, claimed_by: str = DEAD, age: timedelta = timedelta(seconds=5)) -> int:
    moment = now()
    with db.session() as s:
        schedule_due(s, team_id=TEAM_ID, source="case_review", source_ref="CR-2026-001", key=key,
                     due_at=moment - timedelta(minutes=1), channel_id=CHANNEL, thread_ts=None,
                     text=f"CR-2026-001: {key}", owner_id=OWNER)
        s.flush()
        row = s.scalars(select(ReminderOccurrence).where(ReminderOccurrence.key == key)).one()
        row.state, row.claimed_by, row.claimed_at = "sending", claimed_by, moment - age
        return row.id


def _row(db, row_id: int) -> ReminderOccurrence:
    with db.session() as s:
        row = s.get(ReminderOccurrence, row_id)
        s.expunge(row)
        return row


def test_posted_before_the_crash_is_marked_sent_not_posted_again(db, settings, fake_slack):
    row_id = _claimed_row(db, "rapid_review_due:on_day")
    client_for(settings).chat_postMessage(channel=CHANNEL, text="CR-2026-001: rapid_review_due:on_day",
                                          metadata={"event_type": METADATA_EVENT, "event_payload": {"id": row_id}})
    tick(db, settings)
    row = _row(db, row_id)
    assert row.state == "sent" and row.message_ts
    assert len(posts(fake_slack, CHANNEL)) == 1  # only the post made before the crash


def test_not_posted_before_the_crash_is_sent_once(db, settings, fake_slack):
    row_id = _claimed_row(db, "rapid_review_due:before2")
    tick(db, settings)
    tick(db, settings)
    assert _row(db, row_id).state == "sent"
    sent = posts(fake_slack, CHANNEL)
    assert len(sent) == 1
    assert sent[0]["metadata"]["event_payload"]["id"] == row_id


def test_history_unreadable_marks_failed_and_tells_the_owner(db, settings, fake_slack):
    row_id = _claimed_row(db, "publication_due:on_day")
    fake_slack.fail_next("conversations.history", "missing_scope")
    tick(db, settings)
    row = _row(db, row_id)
    assert (row.state, row.last_error) == ("failed", "interrupted")
    assert posts(fake_slack, CHANNEL) == []
    assert posts(fake_slack, OWNER)  # the owner hears of the possible gap
    with db.session() as s:
        assert s.scalars(select(AuditLog).where(AuditLog.action == "reminder.failed")).all()


def test_a_live_claim_is_left_alone_until_it_is_stale(db, settings, fake_slack):
    other_host = "another-host:12345"
    fresh = _claimed_row(db, "fresh", claimed_by=other_host)
    stale = _claimed_row(db, "stale", claimed_by=other_host, age=STALE_CLAIM + timedelta(minutes=1))
    tick(db, settings)
    assert _row(db, fresh).state == "sending"
    assert _row(db, stale).state == "sent"
    assert len(posts(fake_slack, CHANNEL)) == 1
