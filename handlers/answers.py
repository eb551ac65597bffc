"""Slack listeners for answers.

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

from bot.answers.blocks import answer_blocks, home_view, parse_value, topic_detail_blocks, topics_blocks, topics_text
from bot.answers.ids import ActionId
from bot.answers.service import AnswerService, UnknownEntry
from bot.partnerships import choose_area
from bot.services import Services
from handlers import safeguarding
from handlers.common import channel_of, guarded, team_of, user_of
from handlers.context import CommandContext
from knowledge.answering import Answer
from knowledge.partnerships import PARTNERSHIPS, display_name, is_partnership
from storage.core import UserSetting

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")


def fallback_text(ans: Answer) -> str:
    """Notification text for chat.postMessage (blocks carry the full answer)."""
    first = ans.text.split("\n", 1)[0]
    return first if len(first) <= 300 else first[:299] + "…"


def register(app: App, services: Services) -> None:
    svc = AnswerService(kb=services.kb, db=services.db)
    # Build the search index and run one question through the answer checks now, at start, not inside the first
    # people's questions (bot.app.warm_up loads the identifier screen and the worry detector).
    svc.answerer.answer("what is a lado", None)

    def area_for(team_id: str, channel_id: str | None, user_id: str | None) -> str | None:
        with services.db.read() as s:
            return services.partnership_of(s, team_id, channel_id, user_id)

    def user_area(team_id: str, user_id: str) -> str | None:
        with services.db.read() as s:
            us = s.get(UserSetting, (team_id, user_id))
            return us.partnership if us is not None else None

    def publish_home(client: WebClient, team_id: str, user_id: str) -> None:
        area = area_for(team_id, None, user_id)
        client.views_publish(user_id=user_id, view=home_view(svc.topics(area), area, user_area(team_id, user_id)))

    def deliver(body: dict[str, Any], respond: Respond, client: WebClient, ans: Answer) -> None:
        """Reply to a button press: ephemerally where the press came from a message, else in a DM."""
        blocks = answer_blocks(ans)
        if body.get("response_url"):
            respond(text=fallback_text(ans), blocks=blocks, response_type="ephemeral", replace_original=False)
        else:
            client.chat_postMessage(channel=user_of(body), text=fallback_text(ans), blocks=blocks)

    # -- /safeguarding --------------------------------------------------------------------------
    def ask_command(cmd: CommandContext) -> None:
        ans = svc.ask(cmd.text, cmd.partnership, team_id=cmd.team_id)
        cmd.reply(fallback_text(ans), blocks=answer_blocks(ans))

    def topics_command(cmd: CommandContext) -> None:
        topics = svc.topics(cmd.partnership)
        cmd.reply(topics_text(topics), blocks=topics_blocks(topics, cmd.partnership))

    def ask_offline(text: str, respond: Respond) -> bool:
        ans = svc.answer_without_database(text, services.settings.default_partnership)
        if ans is None:
            return False
        respond(text=fallback_text(ans), blocks=answer_blocks(ans), response_type="ephemeral", replace_original=False)
        return True

    safeguarding.add_subcommand("topics", topics_command, does="browse what I know")
    safeguarding.set_default(ask_command, offline=ask_offline)

    # -- events ---------------------------------------------------------------------------------
    def _answer_event(event: dict[str, Any], body: dict[str, Any], client: WebClient, *, thread: bool) -> None:
        text = _MENTION.sub(" ", str(event.get("text") or "")).strip()
        team_id = team_of(body) or str(event.get("team") or "")
        user_id, channel_id = str(event.get("user") or ""), str(event.get("channel") or "")
        ans = svc.ask_resolving(text, lambda: area_for(team_id, channel_id, user_id), team_id=team_id,
                                fallback_area=services.settings.default_partnership)
        kwargs: dict[str, Any] = {"channel": channel_id, "text": fallback_text(ans), "blocks": answer_blocks(ans)}
        if thread:
            kwargs["thread_ts"] = event.get("thread_ts") or event.get("ts")
        client.chat_postMessage(**kwargs)

    def _is_dm_from_person(event: dict[str, Any]) -> bool:
        return (
            event.get("channel_type") == "im"
            and not event.get("subtype")
            and not event.get("bot_id")
            and bool(event.get("user"))
            and bool(str(event.get("text") or "").strip())
        )

    @app.event("message", matchers=[lambda event: _is_dm_from_person(event)])
    @guarded
    def on_dm(event: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
        _answer_event(event, body, client, thread=False)

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
        publish_home(client, team_of(body), str(event.get("user") or ""))

    # -- buttons --------------------------------------------------------------------------------
    def _feedback(ack: Ack, body: dict[str, Any], respond: Respond, helpful: bool) -> None:
        ack()
        raw = str((body.get("actions") or [{}])[0].get("value") or "")
        value = parse_value(raw)  # {"id", "q"} on "not helpful"; a bare entry id on "helpful" (and older buttons)
        entry_id, question = (str(value.get("id") or ""), str(value.get("q") or "")) if value else (raw, None)
        try:
            svc.feedback(team_id=team_of(body), entry_id=entry_id, helpful=helpful, question=question)
        except UnknownEntry:
            respond(text="That answer is no longer in the knowledge base.", response_type="ephemeral",
                    replace_original=False)
            return
        thanks = "Thanks, glad it helped." if helpful else (
            "Thanks for telling us. The partnership's business unit reviews answers marked not helpful: it sees "
            "the answer and your question with any names or identifiers removed."
        )
        respond(text=thanks, response_type="ephemeral", replace_original=False)

    @app.action(ActionId.HELPFUL.value)
    @guarded
    def on_helpful(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        _feedback(ack, body, respond, True)

    @app.action(ActionId.NOT_HELPFUL.value)
    @guarded
    def on_not_helpful(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        _feedback(ack, body, respond, False)

    @app.action(ActionId.SUGGESTION.pattern())
    @guarded
    def on_suggestion(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        ack()
        value = parse_value(str((body.get("actions") or [{}])[0].get("value") or ""))
        area = value.get("p") if is_partnership(value.get("p")) else None
        try:
            ans = svc.show(str(value.get("id") or ""), area)
        except UnknownEntry:
            respond(text="That topic is no longer in the knowledge base.", response_type="ephemeral",
                    replace_original=False)
            return
        deliver(body, respond, client, ans)

    @app.action(ActionId.CHOOSE_AREA.pattern())
    @guarded
    def on_area(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        ack()
        value = parse_value(str((body.get("actions") or [{}])[0].get("value") or ""))
        slug = value.get("p")
        if not is_partnership(slug):
            respond(text="Unknown area.", response_type="ephemeral", replace_original=False)
            return
        ans = svc.ask(str(value.get("q") or ""), slug, team_id=team_of(body))
        deliver(body, respond, client, ans)

    @app.action(ActionId.HOME_AREA.value)
    @guarded
    def on_home_area(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        action = (body.get("actions") or [{}])[0]
        slug = (action.get("selected_option") or {}).get("value")
        if slug not in PARTNERSHIPS:
            return
        team_id, user_id = team_of(body), user_of(body)
        with services.db.session() as s:
            choose_area(s, team_id, user_id, slug)
        publish_home(client, team_id, user_id)

    @app.action(ActionId.TOPIC.pattern())
    @guarded
    def on_topic(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        topic = str((body.get("actions") or [{}])[0].get("value") or "")
        team_id, user_id = team_of(body), user_of(body)
        area = area_for(team_id, channel_of(body) or None, user_id)
        entries = svc.topics(area).get(topic, [])
        where = f" ({display_name(area)})" if area else ""
        client.chat_postMessage(channel=user_id, text=f"{topic}{where}", blocks=topic_detail_blocks(topic, entries))
