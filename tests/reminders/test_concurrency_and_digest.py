"""Two clocks on one PostgreSQL never double-post; the Monday digest goes once to the business-unit channel."""

from __future__ import annotations

import json
import threading
from collections import Counter
from datetime import date

import pytest
import time_machine
from sqlalchemy import select

from bot.partnerships import get_workspace
from bot.reminders.due import at_nine, schedule_due
from bot.reminders.engine import dispatch_once
from bot.slack import make_client
from storage.db import Database
from storage.reminders import ReminderOccurrence
from tests.conftest import TEAM_ID
from tests.reminders.helpers import add_series, london, posts, tick


def test_two_dispatchers_on_postgresql_post_each_reminder_once(db, database_url, settings, fake_slack):
    if db.is_sqlite:
        pytest.skip("row locks with SKIP LOCKED are PostgreSQL's; SQLite serialises claimers with BEGIN IMMEDIATE")
    with db.session() as s:
        for i in range(300):
            schedule_due(s, team_id=TEAM_ID, source="escalation", source_ref=f"ESC-2026-{i:03d}", key="step_due",
                         due_at=at_nine(date(2026, 2, 2)), channel_id="CBU00001", thread_ts=None,
                         text=f"ESC-2026-{i:03d}: step 2 due today")
    for i in range(20):
        add_series(db, london(2026, 1, 30), name=f"Group {i}", recurrence="every week on Monday",
                   first_date="2026-02-02", days_before="0")
    stats = []
    barrier = threading.Barrier(2)
    # Slack takes a moment per post and each clock claims at most 40 ahead, so neither clock can drain the queue
    # before the other has started, however loaded the machine (under load one clock once took all 320).
    fake_slack.set_latency(0.0, chat_postMessage=0.02)

    def clock(worker: str) -> None:
        own_db = Database(database_url)  # a separate engine and pool: as a second process would have
        client = make_client(settings)
        barrier.wait()
        stats.append(dispatch_once(own_db, client, grace_hours=6, now=london(2026, 2, 2, 9, 0, 5),
                                   worker=worker, batch=20, in_flight=40,
                                   channel_rate=None))  # 300 in one channel: no 1/s
        own_db.dispose()

    threads = [threading.Thread(target=clock, args=(f"clock-{n}",)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    texts = Counter(c["text"] for c in posts(fake_slack))
    assert len(texts) == 320 and max(texts.values()) == 1
    assert sum(s.sent for s in stats) == 320
    assert all(s.sent > 0 for s in stats)  # both clocks really worked the queue
    with db.session() as s:
        claimed_by = Counter(s.scalars(select(ReminderOccurrence.claimed_by)))
        assert set(claimed_by) == {"clock-1", "clock-2"}
        assert s.scalars(select(ReminderOccurrence).where(ReminderOccurrence.state != "sent")).all() == []


def test_monday_digest_once_with_overdue_first_and_the_weeks_meetings(db, settings, fake_slack):
    with db.session() as s:
        get_workspace(s, TEAM_ID).business_unit_channel = "CBU00001"
    add_series(db, london(2026, 1, 1), name="SCP Executive", recurrence="every 2 months on the second Tuesday",
               first_date="2026-01-01", days_before="1")
    with time_machine.travel(london(2026, 1, 12, 8, 59), tick=False):
        tick(db, settings)
    assert posts(fake_slack, "CBU00001") == []
    with time_machine.travel(london(2026, 1, 12, 9, 0, 20), tick=False):
        assert tick(db, settings).sent == 2  # the digest, and the group's own 1-day-before reminder
        assert tick(db, settings).sent == 0
    with time_machine.travel(london(2026, 1, 13, 9, 0, 20), tick=False):
        tick(db, settings)
    (digest,) = posts(fake_slack, "CBU00001")
    blocks = digest["blocks"] if isinstance(digest["blocks"], str) else json.dumps(digest["blocks"])
    blocks = json.dumps(json.loads(blocks), ensure_ascii=False)
    assert "week of Mon 12 Jan 2026" in digest["text"]
    assert "Tue 13 Jan 2026 at 10:00 — SCP Executive" in blocks
    assert "rem_snooze" not in blocks  # a digest is not snoozed
