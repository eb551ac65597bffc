"""Fan-out: reminders post in parallel across channels, in order and one at a time within a channel, and a
429 holds up only the channel it was answered for."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import timedelta

import pytest

from bot.reminders.due import schedule_due
from bot.reminders.fanout import Lanes
from bot.timeutil import now
from tests.conftest import TEAM_ID
from tests.reminders.helpers import tick

CHANNELS = [f"CFAN{i:05d}" for i in range(8)]


def _lay(db, per_channel: int, channels: list[str]) -> None:
    moment = now() - timedelta(minutes=1)
    with db.session() as s:
        for n in range(per_channel):
            for ch in channels:
                schedule_due(s, team_id=TEAM_ID, source="escalation", source_ref=f"ESC-{ch}", key=f"k{n}",
                             due_at=moment, channel_id=ch, thread_ts=None, text=f"{ch} reminder {n}")


def _ok_posts(fake_slack, channel: str) -> list:  # type: ignore[type-arg]
    return [c for c in fake_slack.calls_to("chat.postMessage") if c["channel"] == channel and c.get("_ok")]


def test_channels_post_in_parallel_each_in_order_one_at_a_time(db, settings, fake_slack):
    fake_slack.add_channel(*CHANNELS)
    fake_slack.set_latency(0.2)
    _lay(db, 3, CHANNELS)
    stats = tick(db, settings)
    assert stats.sent == 3 * len(CHANNELS)
    assert fake_slack.peak["chat.postMessage"] > 1  # several channels at once
    for ch in CHANNELS:
        assert fake_slack.peak[("chat.postMessage", ch)] == 1  # never two posts in flight to one channel
        assert [c["text"] for c in _ok_posts(fake_slack, ch)] == [f"{ch} reminder {n}" for n in range(3)]


def test_retry_after_holds_up_only_that_channel(db, settings, fake_slack):
    slow, fast = "CFANSLOW1", "CFANFAST1"
    fake_slack.add_channel(slow, fast)
    fake_slack.rate_limit_next("chat.postMessage", retry_after=2, channel=slow)
    _lay(db, 3, [slow, fast])
    stats = tick(db, settings)
    assert stats.sent == 6 and stats.retried == 0  # the 429 was waited out, not turned into a failure
    limited = [c for c in fake_slack.calls_to("chat.postMessage") if c.get("_status") == 429]
    assert [c["channel"] for c in limited] == [slow]
    slow_posts, fast_posts = _ok_posts(fake_slack, slow), _ok_posts(fake_slack, fast)
    assert len(slow_posts) == 3 and len(fast_posts) == 3
    assert max(c.at for c in fast_posts) < min(c.at for c in slow_posts)  # the other channel did not wait
    assert [c["text"] for c in slow_posts] == [f"{slow} reminder {n}" for n in range(3)]


def test_slack_pacing_is_honoured_per_channel(db, settings, fake_slack):
    ch = "CFANPACE1"
    fake_slack.add_channel(ch)
    fake_slack.rate_limits = True  # Slack's 1/s per channel with a short burst
    _lay(db, 5, [ch])
    stats = tick(db, settings)
    assert stats.sent == 5
    assert [c.get("_status") for c in fake_slack.calls_to("chat.postMessage")] == [200] * 5  # paced: no 429


def test_a_lane_that_cannot_start_is_forgotten_so_close_never_hangs():
    """At interpreter exit the pool refuses new lanes (a clock job still dispatching, as the console's did): put()
    raises, and close() must still return instead of waiting for items nothing will post."""

    @dataclass
    class Item:
        channel_id: str

    lanes: Lanes[Item] = Lanes(lambda item: None, rate=None)
    lanes.close()  # the pool is shut, as at exit
    with pytest.raises(RuntimeError):
        lanes.put(Item("C1"))
    assert lanes.pending == 0
    closer = threading.Thread(target=lanes.close, daemon=True)
    closer.start()
    closer.join(timeout=10)
    assert not closer.is_alive(), "close() waited for an item no lane will post"
