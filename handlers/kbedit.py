"""Slack listeners for knowledge upkeep: `/safeguarding kb`, its buttons, the two modals and the App Home part.

Thin: read the payload, check the permission (business unit or admin of the entry's partnership), call
bot.kbedit.flows, acknowledge, reply. Refusals change nothing and are audited (handlers.authorize).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from sqlalchemy.orm import Session

from bot import modals
from bot.answers.flows import add_home_section
from bot.authz import Permission, Role
from bot.kbedit import flows, service, texts
from bot.kbedit.flows import MayEdit, Outcome
from bot.kbedit.ids import ActionId, BlockId, CallbackId, ChangeMeta, EditMeta
from bot.kbedit.states import Change, Decision
from bot.services import Services
from bot.timeutil import now, today
from handlers import safeguarding
from handlers.authorize import refuse, requires
from handlers.common import actor_of, channel_of, clicked_message, field_error, guarded, view_fault
from handlers.context import Actor, CommandContext
from handlers.router import Router, Verb
from knowledge.partnerships import PARTNERSHIPS, resolve_partnership


def _value(body: dict[str, Any]) -> str:
    return str((body.get("actions") or [{}])[0].get("value") or "")[:2000]  # Slack: at most 2,000


def _may_edit(actor: Actor) -> MayEdit:
    """The business unit or an admin of the entry's own partnership (the workspace's); national entries admins
    only. Unlike a case, an entry is not the workspace's own record, so an admin elsewhere may not edit it."""

    return lambda partnership: service.may_edit_entry(actor.roles, actor.assigned, partnership)


def area_of(actor: Actor) -> str | None:
    """The partnership a person edits: the one their roles hold in (the workspace's)."""
    return actor.assigned


def register(app: App, services: Services) -> None:
    upkeep = flows.Upkeep(services)

    def record(attempted: str, entry_id: str = "-") -> Callable[[Any, CommandContext], None]:
        return lambda s, cmd: service.refuse(s, team_id=cmd.team_id, actor_id=cmd.user_id, entry_id=entry_id,
                                             attempted=attempted)

    def refused(actor: Actor, outcome: Outcome, attempted: str, tell: Callable[[str], None]) -> None:
        refuse(services, lambda s: service.refuse(s, team_id=actor.team_id, actor_id=actor.user_id,
                                                  entry_id=outcome.entry_id, attempted=attempted),
               tell, outcome.problem or "")

    def outsider(actor: Actor, value: str, attempted: str, respond: Respond) -> bool:
        """No knowledge role at all: refused (audited by the id pressed, or "invalid") before anything is read."""
        if actor.can(Permission.KNOWLEDGE_EDIT):
            return False
        refused(actor, flows.refused(value), attempted, ephemeral(respond))
        return True

    def tell(actor: Actor, outcome: Outcome, attempted: str, respond: Respond) -> None:
        """A refusal (audited) or the outcome's problem, to the person only."""
        if outcome.refused:
            refused(actor, outcome, attempted, ephemeral(respond))
        else:
            ephemeral(respond)(outcome.problem or texts.GONE)

    def ephemeral(respond: Respond) -> Callable[[str], None]:
        return lambda text: respond(text=text, response_type="ephemeral", replace_original=False)

    # -- /safeguarding kb ----------------------------------------------------------------------------------
    def browse(cmd: CommandContext) -> None:
        area = area_of(cmd.who())
        if area is None:
            cmd.reply(texts.NO_AREA)
            return
        text, blocks = upkeep.browse(cmd.team_id, area, _may_edit(cmd.who()))
        cmd.reply(text, blocks)

    def search(cmd: CommandContext) -> None:
        area = area_of(cmd.who())
        if area is None:
            cmd.reply(texts.NO_AREA)
            return
        text, blocks = upkeep.search(cmd.team_id, area, cmd.text, national=Role.ADMIN in cmd.who().roles)  # admins only
        cmd.reply(text, blocks or None)

    def switch(cmd: CommandContext, yes: str, no: str, usage: str, save: Callable[[Session, str, bool], None],
               said: Callable[[str, bool], str]) -> None:
        """An admin's `<yes|no> [partnership]` (the workspace's partnership by default): saved, then said (with
        the partnership's name); the usage when the words are not those."""
        word, _, where = cmd.text.strip().partition(" ")
        area = resolve_partnership(where).slug if where.strip() else area_of(cmd.who())
        if word.lower() not in (yes, no) or area not in PARTNERSHIPS:
            cmd.reply(usage)
            return
        with services.db.session() as s:
            save(s, area, word.lower() == yes)
        cmd.reply(said(PARTNERSHIPS[area], word.lower() == yes))

    @requires(Permission.ADMIN, record("approvals"))
    def approvals(cmd: CommandContext) -> None:
        switch(cmd, "single", "two", texts.APPROVALS_USAGE,
               lambda s, area, single: service.set_approvals(s, team_id=cmd.team_id, actor_id=cmd.user_id,
                                                             partnership=area, single=single),
               lambda name, single: texts.APPROVALS_SET.format(area=name, rule=texts.ONE_PERSON if single
                                                               else texts.TWO_PEOPLE))

    @requires(Permission.ADMIN, record("gaps"))
    def gaps(cmd: CommandContext) -> None:
        switch(cmd, "channel", "dm", texts.GAPS_USAGE,
               lambda s, area, to_channel: service.set_gaps(s, team_id=cmd.team_id, actor_id=cmd.user_id,
                                                            partnership=area, to_channel=to_channel),
               lambda name, to_channel: texts.GAPS_SET.format(area=name, where=texts.GAPS_CHANNEL if to_channel
                                                              else texts.GAPS_DM))

    kb_router = Router(f"{safeguarding.COMMAND} kb", texts.HELP_TITLE, [
        Verb(("approvals",), approvals, "single|two [partnership]",
             "one or two people before a change goes live (admins; two by default)"),
        Verb(("gaps",), gaps, "channel|dm [partnership]",
             "the weekly questions without an answer to the business-unit channel or by DM (admins; DM by default)"),
    ], bare=browse, bare_does="browse your partnership's entries by topic, or write a new one",
        otherwise=search, otherwise_usage="<words>", otherwise_does="find entries to edit, retire or revert")

    @requires(Permission.KNOWLEDGE_EDIT, record("kb"))
    def kb_command(cmd: CommandContext) -> None:
        kb_router.route(cmd)

    safeguarding.add_subcommand("kb", kb_command, "[words]", "keep the answers current (business unit)")

    # -- buttons -------------------------------------------------------------------------------------------
    def open_view(client: WebClient, body: dict[str, Any], respond: Respond, actor: Actor, outcome: Outcome,
                  attempted: str) -> None:
        if outcome.refused or outcome.view is None:
            tell(actor, outcome, attempted, respond)
        else:
            client.views_open(trigger_id=body["trigger_id"], view=outcome.view)

    @app.action(ActionId.EDIT.value)
    @guarded
    def on_edit(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext) -> None:
        ack()
        actor = actor_of(services, body, context)
        if outsider(actor, _value(body), "edit", respond):
            return
        open_view(client, body, respond, actor, upkeep.open_edit(actor.team_id, _value(body), _may_edit(actor),
                                                                  channel_of(body)),
                  "edit")

    @app.action(ActionId.NEW.value)
    @guarded
    def on_new(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext) -> None:
        ack()
        actor = actor_of(services, body, context)
        if outsider(actor, "-", "new", respond):
            return
        open_view(client, body, respond, actor,
                  upkeep.open_new(_value(body), _may_edit(actor), channel_of(body), today()), "new")

    @app.action(ActionId.WRITE.pattern())
    @guarded
    def on_write(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext) -> None:
        ack()
        actor = actor_of(services, body, context)
        if outsider(actor, "-", "new", respond):
            return
        try:
            value = json.loads(_value(body))
            area, question = str(value["p"]), str(value.get("q") or "")
        except (ValueError, KeyError, TypeError):
            area, question = area_of(actor) or "", ""
        open_view(client, body, respond, actor,
                  upkeep.open_new(area, _may_edit(actor), channel_of(body), today(), question or None), "new")

    @app.action(ActionId.RETIRE.value)
    @guarded
    def on_retire(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient,
                  context: BoltContext) -> None:
        ack()
        actor = actor_of(services, body, context)
        if outsider(actor, _value(body), "retire", respond):
            return
        outcome = upkeep.open_change(actor.team_id, _value(body), Change.RETIRE, _may_edit(actor), channel_of(body))
        open_view(client, body, respond, actor, outcome, "retire")

    @app.action(ActionId.REVERT.pattern())
    @guarded
    def on_revert(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient,
                  context: BoltContext) -> None:
        ack()
        actor = actor_of(services, body, context)
        try:
            value = json.loads(_value(body))
            entry_id, version = str(value["id"]), int(value["v"])
        except (ValueError, KeyError, TypeError):
            ephemeral(respond)(texts.GONE)
            return
        outcome = upkeep.open_change(actor.team_id, entry_id, Change.REVERT, _may_edit(actor), channel_of(body),
                                     version)
        open_view(client, body, respond, actor, outcome, "revert")

    @app.action(ActionId.HISTORY.value)
    @guarded
    def on_history(ack: Ack, body: dict[str, Any], respond: Respond, context: BoltContext) -> None:
        ack()
        actor = actor_of(services, body, context)
        if outsider(actor, _value(body), "history", respond):
            return
        found = upkeep.history(actor.team_id, _value(body), _may_edit(actor))
        if isinstance(found, Outcome):
            tell(actor, found, "history", respond)
            return
        respond(text=found[0], blocks=found[1], response_type="ephemeral", replace_original=False)

    @app.action(ActionId.TOPIC.pattern())
    @guarded
    def on_topic(ack: Ack, body: dict[str, Any], respond: Respond, context: BoltContext) -> None:
        ack()
        actor = actor_of(services, body, context)
        area = area_of(actor)
        if not actor.can(Permission.KNOWLEDGE_EDIT) or area is None:
            refused(actor, flows.refused("-"), "topic", ephemeral(respond))
            return
        found = upkeep.topic(actor.team_id, area, _value(body), _may_edit(actor))
        if isinstance(found, Outcome):
            tell(actor, found, "topic", respond)
            return
        respond(text=found[0], blocks=found[1], response_type="ephemeral", replace_original=False)

    @app.action(ActionId.HOME.value)
    @guarded
    def on_home(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        ack()
        actor = actor_of(services, body, context)
        area = area_of(actor)
        if not actor.can(Permission.KNOWLEDGE_EDIT) or area is None:
            tell = lambda text: client.chat_postMessage(channel=actor.user_id, text=text)  # noqa: E731
            refused(actor, flows.refused("-"), "home", tell) if area else tell(texts.NO_AREA)
            return
        text, blocks = upkeep.browse(actor.team_id, area, _may_edit(actor))
        client.chat_postMessage(channel=actor.user_id, text=text, blocks=blocks)

    @app.action(ActionId.STILL_RIGHT.value)
    @guarded
    def on_still_right(ack: Ack, body: dict[str, Any], respond: Respond, context: BoltContext) -> None:
        ack()
        actor = actor_of(services, body, context)
        if outsider(actor, _value(body), "still_right", respond):
            return
        outcome = upkeep.still_right(actor.team_id, actor.user_id, _value(body), _may_edit(actor), today(), now())
        tell(actor, outcome, "still_right", respond)

    def decide(decision: Decision) -> Callable[..., None]:
        def on_decision(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient,
                        context: BoltContext) -> None:
            ack()
            actor = actor_of(services, body, context)
            raw = _value(body)
            if not raw.isdigit():
                ephemeral(respond)(texts.DRAFT_GONE)
                return
            outcome = upkeep.decide(actor.team_id, actor.user_id, int(raw), decision, _may_edit(actor), now())
            if outcome.refused:
                refused(actor, outcome, decision.value, ephemeral(respond))
            elif outcome.problem:
                ephemeral(respond)(outcome.problem)
            else:
                services.acks.after_acks()
                upkeep.after_decision(client, actor.team_id, int(raw), clicked_message(body))

        on_decision.__name__ = f"on_{decision.value}"
        return guarded(on_decision)

    app.action(ActionId.APPROVE.value)(decide(Decision.APPROVE))
    app.action(ActionId.REJECT.value)(decide(Decision.REJECT))

    # -- modals --------------------------------------------------------------------------------------------
    def submitted(ack: Ack, actor: Actor, outcome: Outcome, attempted: str, client: WebClient) -> None:
        if outcome.refused:
            refused(actor, outcome, attempted, field_error(ack, BlockId.REASON))
        elif outcome.errors:
            ack(response_action="errors", errors=outcome.errors)
        elif outcome.problem or outcome.draft_id is None:
            field_error(ack, BlockId.REASON)(outcome.problem or texts.GONE)
        else:
            ack()
            services.acks.after_acks()
            upkeep.after_draft(client, actor.team_id, outcome.draft_id)

    @app.view(CallbackId.EDIT.value)
    def on_edit_submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient,
                       context: BoltContext) -> None:
        actor = actor_of(services, body, context)
        try:
            meta = modals.metadata(view, EditMeta)
            outcome = upkeep.submit_edit(actor.team_id, actor.user_id, meta, modals.values_of(view),
                                         _may_edit(actor), today())
        except Exception as exc:
            view_fault(ack, view, exc)
            return
        submitted(ack, actor, outcome, meta.change.value, client)

    @app.view(CallbackId.CHANGE.value)
    def on_change_submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient,
                         context: BoltContext) -> None:
        actor = actor_of(services, body, context)
        try:
            meta = modals.metadata(view, ChangeMeta)
            reason = modals.text(modals.values_of(view), BlockId.REASON)
            outcome = upkeep.submit_change(actor.team_id, actor.user_id, meta, reason, _may_edit(actor))
        except Exception as exc:
            view_fault(ack, view, exc)
            return
        submitted(ack, actor, outcome, meta.change.value, client)

    # -- App Home ------------------------------------------------------------------------------------------
    def home_section(team_id: str, user_id: str) -> list[dict[str, Any]]:
        from bot.kbedit.blocks import home_blocks

        return home_blocks() if Actor(services, team_id, user_id, "").can(Permission.KNOWLEDGE_EDIT) else []

    add_home_section("kbedit", home_section)
