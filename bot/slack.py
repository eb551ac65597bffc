"""The outbound Slack client: one WebClient with retries for rate limits, 5xx and dropped connections."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.settings import Settings

DEFAULT_API_URL = "https://slack.com/api/"


def retry_handlers() -> list:  # type: ignore[type-arg]
    # Rate limits honour Retry-After; 5xx and connection errors back off exponentially.
    return [
        RateLimitErrorRetryHandler(max_retry_count=3),
        ServerErrorRetryHandler(max_retry_count=2),
        ConnectionErrorRetryHandler(max_retry_count=2),
    ]


def make_client(settings: Settings, token: str | None = None, base_url: str | None = None) -> WebClient:
    client = WebClient(
        token=token or settings.secret("slack_bot_token"),
        base_url=base_url or settings.slack_api_url or DEFAULT_API_URL,
        timeout=10,
    )
    for handler in retry_handlers():
        client.retry_handlers.append(handler)
    return client
