"""Global middleware: drop Slack's retries of events we already handled, and say who is asking.

`context["actor"]` (handlers.context.Actor) is made once per request: team, user and channel from the body,
roles and partnerships from the database on first use, so every listener asks the same way and at most once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext, BoltResponse
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from bot.context import Services
from bot.logs import get_logger
from handlers.common import channel_of, team_of, user_of
from handlers.context import Actor
from storage.core import ProcessedEvent

log = get_logger(__name__)


def claim_event(services: Services, team_id: str, event_id: str) -> bool:
    """True the first time an event id is seen for a workspace, False for every redelivery."""
    try:
        with services.db.session() as s:
            s.add(ProcessedEvent(team_id=team_id, event_id=event_id))
        return True
    except IntegrityError:
        return False


def register(app: App, services: Services) -> None:
    @app.middleware
    def deduplicate_events(body: dict[str, Any], next: Callable[[], Any]) -> Any:
        if body.get("type") == "event_callback" and body.get("event_id"):
            team_id = str(body.get("team_id") or "")
            try:
                first = claim_event(services, team_id, str(body["event_id"]))
            except SQLAlchemyError as exc:  # the database is down: better to answer twice than never
                log.warning("events.dedupe_unavailable", error=type(exc).__name__)
                first = True
            if not first:
                log.info("events.duplicate_dropped", event_id=body["event_id"], team_id=team_id)
                return BoltResponse(status=200, body="")
        return next()

    @app.middleware
    def resolve_actor(body: dict[str, Any], context: BoltContext, next: Callable[[], Any]) -> Any:
        context["actor"] = Actor(services, team_of(body), user_of(body), channel_of(body))
        return next()
