"""Slack listeners for answers: read the payload, call bot.answers.flows, acknowledge, reply.

* `/safeguarding <question>` (the command's free-text default) and `/safeguarding topics`: ephemeral;
* a DM to the bot: answered in the DM; an @mention: answered in a thread;
* App Home: the topic browser and the person's own area (a select);
* buttons: helpful / not helpful (a "not helpful" keeps the question, redacted, for review),
  "did you mean" suggestions, area choice.
"""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.answers.flows import Answers, Reply
from bot.answers.ids import ActionId
from bot.services import Services
from handlers import safeguarding
from handlers.common import channel_of, guarded, team_of, user_of
from handlers.context import CommandContext
from knowledge.safety import is_safety_worry

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")


def _value(body: dict[str, Any]) -> str:
    """The pressed button's value (or "")."""
    return str((body.get("actions") or [{}])[0].get("value") or "")


def _ephemeral(respond: Respond, text: str) -> None:
    respond(text=text, response_type="ephemeral", replace_original=False)


def _deliver(body: dict[str, Any], respond: Respond, client: WebClient, reply: Reply) -> None:
    """Reply to a button press: ephemerally where the press came from a message, else in a DM."""
    if body.get("response_url"):
        respond(text=reply.text, blocks=reply.blocks, response_type="ephemeral", replace_original=False)
    else:
        client.chat_postMessage(channel=user_of(body), text=reply.text, blocks=reply.blocks)


# a person's DM may carry a file ("file_share": a photo with the message); other subtypes are Slack's own notices
_PERSON_SUBTYPES = frozenset({"", "file_share"})


def _is_dm_from_person(event: dict[str, Any]) -> bool:
    return (
        event.get("channel_type") == "im"
        and str(event.get("subtype") or "") in _PERSON_SUBTYPES
        and not event.get("bot_id")
        and bool(event.get("user"))
        and bool(str(event.get("text") or "").strip())
    )


def _dm_edited_into_worry(event: dict[str, Any]) -> bool:
    """A DM a person edited so that it now reads as a worry about a child (it did not before): answered once, with the
    999 line; any other edit is left alone (no second answer to a typo fixed)."""
    if event.get("channel_type") != "im" or event.get("subtype") != "message_changed":
        return False
    new, old = event.get("message") or {}, event.get("previous_message") or {}
    text = str(new.get("text") or "").strip()
    return (bool(new.get("user")) and not new.get("bot_id") and bool(text) and is_safety_worry(text)
            and not is_safety_worry(str(old.get("text") or "")))


def register(app: App, services: Services) -> None:
    answers = Answers(services)
    answers.warm_up()

    # -- /safeguarding --------------------------------------------------------------------------
    def ask_command(cmd: CommandContext) -> None:
        reply = answers.ask(cmd.text, cmd.partnership, cmd.team_id)
        cmd.reply(reply.text, blocks=reply.blocks)

    def topics_command(cmd: CommandContext) -> None:
        reply = answers.topics(cmd.partnership, cmd.team_id)
        cmd.reply(reply.text, blocks=reply.blocks)

    def ask_offline(text: str, respond: Respond) -> bool:
        reply = answers.ask_offline(text)
        if reply is None:
            return False
        respond(text=reply.text, blocks=reply.blocks, response_type="ephemeral", replace_original=False)
        return True

    safeguarding.add_subcommand("topics", topics_command, does="browse what I know")
    safeguarding.set_default(ask_command, offline=ask_offline, worry=is_safety_worry)

    # -- events ---------------------------------------------------------------------------------
    def _answer_event(event: dict[str, Any], body: dict[str, Any], client: WebClient, *, thread: bool) -> None:
        answers.answer_event(client, question=_MENTION.sub(" ", str(event.get("text") or "")).strip(),
                             team_id=team_of(body) or str(event.get("team") or ""),
                             user_id=str(event.get("user") or ""), channel_id=str(event.get("channel") or ""),
                             thread_ts=(event.get("thread_ts") or event.get("ts")) if thread else None)

    @app.event("message", matchers=[lambda event: _is_dm_from_person(event)])
    @guarded
    def on_dm(event: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
        _answer_event(event, body, client, thread=False)

    @app.event("message", matchers=[lambda event: _dm_edited_into_worry(event)])
    @guarded
    def on_dm_edited(event: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
        edited = event.get("message") or {}
        _answer_event({**edited, "channel": event.get("channel")}, body, client, thread=False)

    @app.event("app_mention")
    @guarded
    def on_mention(event: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
        if event.get("bot_id"):
            return
        _answer_event(event, body, client, thread=True)

    @app.event("app_home_opened")
    @guarded
    def on_home(event: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        answers.publish_home(client, team_of(body), str(event.get("user") or ""))

    # -- buttons --------------------------------------------------------------------------------
    @app.action(ActionId.HELPFUL.value)
    @guarded
    def on_helpful(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        _ephemeral(respond, answers.feedback(team_of(body), _value(body), helpful=True))

    @app.action(ActionId.NOT_HELPFUL.value)
    @guarded
    def on_not_helpful(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        _ephemeral(respond, answers.feedback(team_of(body), _value(body), helpful=False))

    @app.action(ActionId.SUGGESTION.pattern())
    @guarded
    def on_suggestion(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        ack()
        reply = answers.suggestion(_value(body), team_of(body))
        if reply.blocks is None:  # the entry is gone: say so where it was pressed
            _ephemeral(respond, reply.text)
            return
        _deliver(body, respond, client, reply)

    @app.action(ActionId.CHOOSE_AREA.pattern())
    @guarded
    def on_area(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        ack()
        reply = answers.choose_area(_value(body), team_of(body))
        if reply.blocks is None:  # not an area
            _ephemeral(respond, reply.text)
            return
        _deliver(body, respond, client, reply)

    @app.action(ActionId.HOME_AREA.value)
    @guarded
    def on_home_area(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        slug = ((body.get("actions") or [{}])[0].get("selected_option") or {}).get("value")
        answers.set_home_area(client, team_of(body), user_of(body), slug)

    @app.action(ActionId.TOPIC.pattern())
    @guarded
    def on_topic(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        answers.send_topic(client, team_of(body), user_of(body), channel_of(body) or None, _value(body))
