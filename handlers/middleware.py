"""Global middleware: drop Slack's retries of events we already handled, and say who is asking.

`context["actor"]` (handlers.context.Actor) is made once per request: team, user and channel from the body,
roles and partnerships from the database on first use, so every listener asks the same way and at most once."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from slack_bolt import App, BoltContext, BoltResponse

from bot.ackgate import SignalledAck, expect_ack
from bot.claims import WRITER
from bot.logs import get_logger
from bot.services import Services
from bot.slack import PooledRespond
from handlers.common import channel_of, team_of, user_of
from handlers.context import Actor

log = get_logger(__name__)

# The claim is written with the HTTP gate's replay claims, in batches (bot/claims.py). This runs before the ack,
# so it waits for the row at most this long (SQLite's write lock may be held by the clock): past it the event is
# answered and the row is written when the lock frees, so a retry arriving after that is still dropped.
CLAIM_WAIT_SECONDS = 0.25


def claim_event(services: Services, team_id: str, event_id: str) -> bool:
    """True the first time an event id is seen for a workspace, False for every redelivery.

    A database fault, or no answer within CLAIM_WAIT_SECONDS, is True: better to answer twice than never."""
    try:
        return WRITER.claim(services.db, team_id, event_id).result(timeout=CLAIM_WAIT_SECONDS)
    except FutureTimeout:
        log.info("events.dedupe_deferred")
        return True


def register(app: App, services: Services) -> None:
    @app.middleware
    def wake_on_ack(context: BoltContext, next: Callable[[], Any]) -> Any:
        """The HTTP thread sleeps until the listener acks instead of polling every 10 ms (bot/ackgate.py)."""
        ack = SignalledAck()
        context["ack"] = ack
        expect_ack(ack)
        return next()

    @app.middleware
    def deduplicate_events(body: dict[str, Any], next: Callable[[], Any]) -> Any:
        if body.get("type") == "event_callback" and body.get("event_id"):
            team_id = str(body.get("team_id") or "")
            first = claim_event(services, team_id, str(body["event_id"]))
            if not first:
                log.info("events.duplicate_dropped", event_id=body["event_id"], team_id=team_id)
                return BoltResponse(status=200, body="")
        return next()

    @app.middleware
    def resolve_actor(body: dict[str, Any], context: BoltContext, next: Callable[[], Any]) -> Any:
        context["actor"] = Actor(services, team_of(body), user_of(body), channel_of(body))
        if context.response_url:  # replies go on a kept-alive connection, not a new one each (bot/httppool.py)
            context["respond"] = PooledRespond(response_url=context.response_url, proxy=context.client.proxy,
                                               ssl=context.client.ssl)
        return next()
