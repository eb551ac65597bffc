"""Small helpers every listener uses: context building, fault replies, Slack id parsing."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from sqlalchemy.exc import SQLAlchemyError

from bot import texts
from bot.logs import get_logger
from bot.services import Services
from bot.slackids import parse_channel, parse_user  # noqa: F401  (re-exported for listeners)
from handlers.context import Actor, CommandContext
from handlers.router import Router

log = get_logger(__name__)

def team_of(body: dict[str, Any]) -> str:
    team = body.get("team_id") or (body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id")
    return str(team or body.get("authorizations", [{}])[0].get("team_id") or "")


def user_of(body: dict[str, Any]) -> str:
    user = body.get("user_id") or body.get("user")
    if isinstance(user, dict):
        user = user.get("id")
    if user is None and isinstance(body.get("event"), dict):
        user = body["event"].get("user")
    return str(user or "")


def channel_of(body: dict[str, Any]) -> str:
    channel = body.get("channel_id") or body.get("channel")
    if isinstance(channel, dict):
        channel = channel.get("id")
    if channel is None and isinstance(body.get("container"), dict):
        channel = body["container"].get("channel_id")
    if channel is None and isinstance(body.get("event"), dict):
        channel = body["event"].get("channel")
    return str(channel or "")


def clicked_message(body: dict[str, Any]) -> tuple[str, str] | None:
    """(channel, ts) of the message whose button was pressed; None for a button in a modal or App Home."""
    container = body.get("container") or {}
    channel, ts = container.get("channel_id"), container.get("message_ts")
    return (str(channel), str(ts)) if container.get("type") == "message" and channel and ts else None


def actor_of(services: Services, body: dict[str, Any], context: dict[str, Any] | None = None) -> Actor:
    """The request's Actor, put on Bolt's context by handlers.middleware (built here when there is none)."""
    found = (context or {}).get("actor")
    return found if isinstance(found, Actor) else Actor(services, team_of(body), user_of(body), channel_of(body))


def build_command_context(
    services: Services, body: dict[str, Any], respond: Respond, client: WebClient, text: str,
    context: dict[str, Any] | None = None,
) -> CommandContext:
    actor = actor_of(services, body, context)
    return CommandContext(
        services=services,
        team_id=actor.team_id,
        user_id=actor.user_id,
        channel_id=actor.channel_id,
        command=str(body.get("command", "")),
        text=text.replace("\x00", ""),  # typed text is stored here and there; PostgreSQL refuses NUL
        respond=respond,
        client=client,
        partnership=actor.partnership,
        roles=actor.roles,
        trigger_id=body.get("trigger_id"),
        body=body,
        actor=actor,
    )


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Never a traceback in Slack: a fault becomes a short reply saying nothing was saved.

    The log line names the listener and the error type only, never the payload.
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except SQLAlchemyError as exc:
            log.error("listener.db_error", listener=fn.__name__, error=type(exc).__name__)
            _tell(kwargs, texts.DB_UNAVAILABLE)
        except Exception as exc:
            log.error("listener.error", listener=fn.__name__, error=type(exc).__name__)
            _tell(kwargs, texts.SOMETHING_WENT_WRONG)
        return None

    return wrapper


def _tell(kwargs: dict[str, Any], message: str) -> None:
    respond: Respond | None = kwargs.get("respond")
    body: dict[str, Any] = kwargs.get("body") or {}
    try:
        if respond is not None and (body.get("response_url") or body.get("response_urls")):
            respond(text=message, response_type="ephemeral", replace_original=False)
            return
        client: WebClient | None = kwargs.get("client")
        user, channel = user_of(body), channel_of(body)
        if client is not None and user:
            if channel:
                client.chat_postEphemeral(channel=channel, user=user, text=message)
            else:
                client.chat_postMessage(channel=user, text=message)
    except Exception as exc:  # the fault reply itself failed: log and give up quietly
        log.warning("listener.fault_reply_failed", error=type(exc).__name__)


def first_input_block(view: dict[str, Any]) -> str | None:
    for block in view.get("blocks", []):
        if block.get("type") == "input" and block.get("block_id"):
            return str(block["block_id"])
    return None


def field_error(ack: Callable[..., Any], block_id: str) -> Callable[[str], None]:
    """Tell the person on a modal, under one field, and keep the modal open (a `tell` for `refuse`)."""
    return lambda text: ack(response_action="errors", errors={str(block_id): text})


def view_fault(ack: Callable[..., Any], view: dict[str, Any], exc: Exception) -> None:
    """Keep the modal open with a message that nothing was saved (the person can retry at once)."""
    message = texts.DB_UNAVAILABLE if isinstance(exc, SQLAlchemyError) else texts.SOMETHING_WENT_WRONG
    log.error("view.error", callback_id=view.get("callback_id"), error=type(exc).__name__)
    block = first_input_block(view)
    if block:
        ack(response_action="errors", errors={block: message})
    else:
        ack()


def route_command(app: App, services: Services, router: Router) -> None:
    """The one listener of a slash command that is all verbs and a form (`/case-review`, `/escalate`,
    `/reminders`): acknowledge at once, then the router picks the verb."""

    @app.command(router.command)
    @guarded
    def on_command(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient,
                   context: BoltContext) -> None:
        ack()
        router.route(build_command_context(services, body, respond, client, str(body.get("text") or ""), context))
