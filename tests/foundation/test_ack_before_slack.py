"""Acks never wait behind Slack (issue #16): with every reply to Slack slow, a burst of questions larger than
Bolt's default listener pool (5 threads) is acknowledged before the first reply reaches Slack."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

BURST = 16  # more than Bolt's default 5 listener threads


def test_a_burst_is_acknowledged_before_any_slow_reply_lands(slack, fake_slack) -> None:
    fake_slack.set_latency(0.0, response_url=3.0)  # each reply holds its listener thread for 3 s

    def ask(n: int) -> tuple[int, float]:
        status = slack.command("/safeguarding", "how often does the executive meet", user="UPRACT01").status
        return status, time.time()

    with ThreadPoolExecutor(max_workers=BURST) as pool:
        acks = list(pool.map(ask, range(BURST)))
    replies = fake_slack.wait_for("response_url", count=BURST, timeout=30)
    assert [status for status, _ in acks] == [200] * BURST
    assert max(at for _, at in acks) < min(call.at for call in replies)  # no ack queued behind a reply
