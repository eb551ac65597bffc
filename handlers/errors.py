"""The last line of defence: an unhandled error is logged by type and the person told nothing was saved."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient

from bot import texts
from bot.logs import get_logger
from bot.services import Services
from handlers.common import channel_of, user_of

log = get_logger(__name__)


def register(app: App, services: Services) -> None:
    @app.error
    def on_error(error: Exception, body: dict[str, Any], client: WebClient) -> BoltResponse:
        log.error("app.unhandled_error", error=type(error).__name__, payload_type=body.get("type"))
        user, channel = user_of(body), channel_of(body)
        try:
            if user and channel and not channel.startswith("D"):
                client.chat_postEphemeral(channel=channel, user=user, text=texts.SOMETHING_WENT_WRONG)
            elif user:
                client.chat_postMessage(channel=user, text=texts.SOMETHING_WENT_WRONG)
        except Exception as exc:
            log.warning("app.error_reply_failed", error=type(exc).__name__)
        return BoltResponse(status=200, body="")
