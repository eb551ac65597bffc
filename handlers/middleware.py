"""Global middleware: drop Slack's retries of events we already handled."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltResponse
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from bot.context import Services
from bot.logs import get_logger
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
