"""The outbound Slack client: one WebClient with retries for rate limits, 5xx and dropped connections."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.error import HTTPError, URLError
from urllib.request import Request

from slack_bolt.context.respond import Respond
from slack_bolt.context.respond.internals import _build_message
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.web.internal_utils import get_user_agent
from slack_sdk.webhook import WebhookResponse

from bot.httppool import POOL
from bot.settings import Settings

DEFAULT_API_URL = "https://slack.com/api/"
RESPOND_TIMEOUT = 30  # WebhookClient's default
_USER_AGENT = get_user_agent()


def retry_handlers() -> list:  # type: ignore[type-arg]
    # Rate limits honour Retry-After; 5xx and connection errors back off exponentially.
    return [
        RateLimitErrorRetryHandler(max_retry_count=3),
        ServerErrorRetryHandler(max_retry_count=2),
        ConnectionErrorRetryHandler(max_retry_count=2),
    ]


class PooledWebClient(WebClient):
    """slack-sdk's WebClient (retries, rate limits, errors unchanged) sending on keep-alive connections
    (bot/httppool.py) instead of a new urllib connection per call. With a proxy configured it sends as before."""

    def _perform_urllib_http_request_internal(self, url: str, req: Request) -> dict[str, Any]:
        if self.proxy is not None:
            return super()._perform_urllib_http_request_internal(url, req)  # type: ignore[no-any-return]
        data = req.data if isinstance(req.data, bytes) else None
        reply = POOL.request("POST", url, data, dict(req.header_items()), timeout=self.timeout, context=self.ssl)
        if not 200 <= reply.status < 300:  # urllib raises these; slack-sdk's retry handlers expect it
            raise HTTPError(url, reply.status, reply.reason, reply.headers, io.BytesIO(reply.body))
        if reply.headers.get_content_type() == "application/gzip":
            return {"status": reply.status, "headers": reply.headers, "body": reply.body}
        charset = reply.headers.get_content_charset() or "utf-8"
        return {"status": reply.status, "headers": reply.headers, "body": reply.body.decode(charset)}


class PooledRespond(Respond):
    """Bolt's `respond` posting to the request's `response_url` on a keep-alive connection (bot/httppool.py).
    Answers as Bolt's does: a WebhookResponse whatever the status; one retry when the connection fails."""

    def __call__(self, text: str | dict[str, Any] = "", blocks: Any = None, attachments: Any = None,
                 response_type: str | None = None, replace_original: bool | None = None,
                 delete_original: bool | None = None, unfurl_links: bool | None = None,
                 unfurl_media: bool | None = None, thread_ts: str | None = None,
                 metadata: dict[str, Any] | None = None) -> WebhookResponse:
        if self.response_url is None:
            raise ValueError("respond is unsupported here as there is no response_url")
        if self.proxy is not None:
            return super().__call__(text, blocks, attachments, response_type, replace_original, delete_original,
                                    unfurl_links, unfurl_media, thread_ts, metadata)
        message = _build_message(**text) if isinstance(text, dict) else _build_message(
            text=text, blocks=blocks, attachments=attachments, response_type=response_type,
            replace_original=replace_original, delete_original=delete_original, unfurl_links=unfurl_links,
            unfurl_media=unfurl_media, thread_ts=thread_ts, metadata=metadata)
        body = json.dumps(message).encode()
        headers = {"Content-Type": "application/json;charset=utf-8", "User-Agent": _USER_AGENT}
        try:
            reply = POOL.request("POST", self.response_url, body, headers, timeout=RESPOND_TIMEOUT, context=self.ssl)
        except URLError:
            reply = POOL.request("POST", self.response_url, body, headers, timeout=RESPOND_TIMEOUT, context=self.ssl)
        charset = reply.headers.get_content_charset() or "utf-8"
        return WebhookResponse(url=self.response_url, status_code=reply.status, body=reply.body.decode(charset),
                               headers=reply.headers)


def make_client(settings: Settings, token: str | None = None, base_url: str | None = None) -> WebClient:
    client = PooledWebClient(
        token=token or settings.secret("slack_bot_token"),
        base_url=base_url or settings.slack_api_url or DEFAULT_API_URL,
        timeout=10,
    )
    for handler in retry_handlers():
        client.retry_handlers.append(handler)
    return client


class TeamClients(Protocol):
    """The Web API client for one workspace's calls where there is no request (the clock): in single-workspace
    mode the environment token's for every team, with OAuth installs the team's own (bot/workspaces/tokens.py)."""

    def for_team(self, team_id: str) -> WebClient | None: ...

    def forget(self) -> None:
        """Read tokens afresh from here on (each dispatch pass), so an uninstall or rotation is seen."""


@dataclass(frozen=True)
class OneWorkspace:
    """Single-workspace mode: one client, one token, whichever team a row names."""

    client: WebClient

    def for_team(self, team_id: str) -> WebClient | None:
        return self.client

    def forget(self) -> None:
        return None


def team_clients(client: WebClient | TeamClients) -> TeamClients:
    return OneWorkspace(client) if isinstance(client, WebClient) else client
