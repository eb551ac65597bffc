"""The fake Slack behaves like Slack where load matters (issue #16): latency per method, chat.postMessage paced
per channel and other methods by their tier, each answered with 429 and Retry-After when called too fast."""

from __future__ import annotations

import time

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import slacklimits

CHANNEL, OTHER = "CLIMIT001", "CLIMIT002"


@pytest.fixture
def client(fake_slack) -> WebClient:  # type: ignore[no-untyped-def]
    fake_slack.add_channel(CHANNEL, OTHER)
    return WebClient(token="xoxb-test", base_url=fake_slack.api_url, retry_handlers=[])  # 429s surface here


def _post(client: WebClient, channel: str) -> int:
    try:
        return client.chat_postMessage(channel=channel, text="t").status_code
    except SlackApiError as exc:
        assert exc.response.status_code == 429 and exc.response["error"] == "ratelimited"
        assert int(exc.response.headers["Retry-After"]) >= 1  # how long this channel has to wait
        return 429


def test_posts_are_paced_per_channel_with_retry_after(fake_slack, client) -> None:
    fake_slack.rate_limits = True
    assert [_post(client, CHANNEL) for _ in range(4)] == [200, 200, 200, 429]  # a burst of 3, then 1/s
    assert _post(client, OTHER) == 200  # the limit is that channel's only


def test_other_methods_are_limited_by_their_tier(fake_slack, client) -> None:
    fake_slack.rate_limits = True
    per_minute = slacklimits.TIERS["conversations.history"]
    for _ in range(per_minute):  # a minute's allowance at once
        client.conversations_history(channel=CHANNEL)
    with pytest.raises(SlackApiError) as refused:
        client.conversations_history(channel=CHANNEL)
    assert refused.value.response.status_code == 429 and "Retry-After" in refused.value.response.headers
    client.users_info(user="UPRACT01")  # another tier, its own allowance


def test_latency_is_set_per_method(fake_slack, client) -> None:
    fake_slack.set_latency(0.0, chat_postMessage=0.3)
    started = time.monotonic()
    client.chat_postMessage(channel=CHANNEL, text="t")
    assert time.monotonic() - started >= 0.3  # a lower bound only: the fake sleeps before it answers
    assert fake_slack.latency == {"chat.postMessage": 0.3} and fake_slack.delay == 0.0
