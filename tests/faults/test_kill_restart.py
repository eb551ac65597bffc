"""Kill the clock (SIGKILL) at random points during a burst of due reminders; after restarts every reminder
is posted exactly once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta

from sqlalchemy import func, select

from bot.reminders.due import schedule_due
from bot.timeutil import now
from storage.reminders import ReminderOccurrence
from tests.conftest import TEAM_ID

N = 300
# Enough channels that the clock's per-channel pacing (about one post a second, as Slack allows) still lets
# the whole burst through in seconds: 5 reminders a channel.
CHANNELS = [f"CKILL{i:04d}" for i in range(60)]


def _clock(database_url: str, api_url: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": database_url, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": api_url,
           "LOG_LEVEL": "WARNING"}
    return subprocess.Popen([sys.executable, "-m", "bot.cli", "clock"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def _states(db) -> Counter[str]:
    with db.session() as s:
        return Counter(dict(s.execute(select(ReminderOccurrence.state, func.count())
                                      .group_by(ReminderOccurrence.state)).all()))


def test_sigkill_during_a_burst_then_restart_posts_each_reminder_once(db, database_url, fake_slack):
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    moment = now()
    with db.session() as s:
        for i in range(N):
            schedule_due(s, team_id=TEAM_ID, source="escalation", source_ref=f"ESC-2026-{i:03d}", key="window_closes",
                         due_at=moment - timedelta(minutes=1), channel_id=CHANNELS[i % len(CHANNELS)], thread_ts=None,
                         text=f"ESC-2026-{i:03d}: window closes", owner_id="UOWNER01")
    fake_slack.add_channel(*CHANNELS)
    fake_slack.delay = 0.01  # each post takes a little while, so kills land mid-burst

    progress = [0]
    for _ in range(3):
        proc = _clock(database_url, fake_slack.api_url)
        # Kill once this process has sent something (a condition, not a fixed sleep: under CPU load start-up
        # alone can take seconds), then a little later so the kill lands at a different point of the burst.
        deadline = time.monotonic() + 60
        while _states(db).get("sent", 0) <= progress[-1] and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        progress.append(_states(db).get("sent", 0))
    proc = _clock(database_url, fake_slack.api_url)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _states(db).get("sent", 0) < N:
            time.sleep(0.3)
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    states = _states(db)
    posted = Counter(c["metadata"]["event_payload"]["id"] for c in fake_slack.calls_to("chat.postMessage")
                     if c.get("channel") in CHANNELS)
    progress = progress[1:]
    print("sent after each kill:", progress)
    assert any(0 < sent < N for sent in progress), f"no kill landed mid-burst: {progress}"
    assert states == Counter({"sent": N}), f"seed {seed}: {states}"
    assert len(posted) == N and set(posted.values()) == {1}, f"seed {seed}: duplicates {posted.most_common(3)}"
