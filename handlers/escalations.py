"""`/escalate`, its modals and the card buttons: parse, authorise, call bot.escalations, render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot import modals
from bot.authz import Permission
from bot.escalations import blocks, contacts, flows, forms, service, texts
from bot.escalations.agencies import choices as agency_choices
from bot.escalations.ids import BUTTON_ACTIONS, VALUE, ActionId, ActMeta, BlockId, CallbackId, NotifyMeta, RaiseMeta
from bot.escalations.routes import snapshot_route
from bot.escalations.states import Action
from bot.logs import get_logger
from bot.services import Services
from bot.slackids import is_user_id
from bot.timeutil import today
from handlers.authorize import refuse, refuse_command, requires, workspace_refused
from handlers.common import (
    actor_of,
    field_error,
    guarded,
    route_command,
    team_of,
    user_of,
    view_fault,
)
from handlers.context import Actor, CommandContext, SubcommandHandler
from handlers.router import Router, Verb
from knowledge.partnerships import PARTNERSHIPS, display_name, is_partnership

COMMAND = "/escalate"
log = get_logger(__name__)


# -- /escalate --------------------------------------------------------------------------------
@requires(Permission.ESCALATION_RAISE,
          lambda s, cmd: service.refuse(s, team_id=cmd.team_id, actor_id=cmd.user_id, action="raise", ref=None),
          otherwise=lambda cmd: show_route(cmd, practitioner=True))
def open_raise(cmd: CommandContext) -> None:
    kb = cmd.services.kb_for(cmd.team_id)  # the workspace's route, as its business unit keeps it
    area = cmd.partnership
    agencies = agency_choices(kb, area) if area else []
    route = snapshot_route(kb, area) if area else None
    view = blocks.raise_modal(area, agencies, route, RaiseMeta(channel_id=cmd.channel_id))
    cmd.client.views_open(trigger_id=cmd.trigger_id, view=view)


def refresh_raise(services: Services, client: WebClient, body: dict[str, Any], actor: Actor) -> None:
    """The partnership select changed: rebuild the form with that partnership's agencies and route steps,
    keeping what was typed. Read-only (knowledge base), but still only for people who may raise."""
    view = body.get("view") or {}
    area = str(((body.get("actions") or [{}])[0].get("selected_option") or {}).get("value") or "")
    if not actor.can(Permission.ESCALATION_RAISE) or area not in PARTNERSHIPS or not view.get("id"):
        return
    meta = modals.metadata(view, RaiseMeta)
    kb = services.kb_for(actor.team_id)
    agencies = agency_choices(kb, area)
    new = blocks.raise_modal(area, agencies, snapshot_route(kb, area), meta,
                             keep=modals.values_of(view))
    client.views_update(view_id=view["id"], hash=view.get("hash"), view=new)


def show_route(cmd: CommandContext, practitioner: bool = False) -> None:
    if not cmd.partnership:
        cmd.reply(texts.NO_PARTNERSHIP)
        return
    route = snapshot_route(cmd.services.kb_for(cmd.team_id), cmd.partnership)
    if route is None:
        cmd.reply(texts.NO_ROUTE.format(area=display_name(cmd.partnership)))
        return
    advice = texts.PRACTITIONER_ADVICE if practitioner else None
    cmd.reply(f"{route.title}", blocks.route_blocks(route, advice=advice, notify_button=practitioner))


def list_open(cmd: CommandContext) -> None:
    area = cmd.who().assigned if cmd.can(Permission.ESCALATION_VIEW_PARTNERSHIP) else None
    with cmd.services.db.read() as s:
        rows = service.list_open(s, cmd.team_id, cmd.user_id, area)
        pages = blocks.list_blocks(rows, today(), every=cmd.text.strip().lower() == "all", viewer=cmd.user_id)
    for page in pages:
        cmd.reply(f"{len(rows)} open escalation(s)", page)


def show(cmd: CommandContext) -> None:
    ref = cmd.text.split()[0] if cmd.text.split() else ""
    mine = cmd.who().assigned
    with cmd.services.db.read() as s:
        try:
            esc = service.find(s, cmd.team_id, ref)
        except service.EscalationNotFound:
            cmd.reply(texts.NOT_FOUND.format(ref=service.safe_ref(ref)))
            return
        viewer = cmd.can_for(Permission.ESCALATION_VIEW_PARTNERSHIP, esc.partnership)
        refused = None if viewer or service.may_act(esc, cmd.user_id, cmd.roles, mine) else esc.ref
        if refused is None:
            route = service.route_of(esc)
            card = blocks.card(esc, route, service.events(s, esc),
                               contacts.mention_for(s, cmd.team_id, esc.partnership, esc.agency))
    if refused is not None:  # the partnership check needs the record; the refusal goes the one way
        refuse_command(cmd, lambda s: service.refuse(s, team_id=cmd.team_id, actor_id=cmd.user_id, action="show",
                                                     ref=refused))
        return
    cmd.reply(blocks.card_text(esc, route), card)


def act(cmd: CommandContext, action: Action) -> None:
    ref, _, text = cmd.text.partition(" ")
    text = text.strip()
    if action != Action.WITHDRAW and not text:
        what = texts.TEXT_LABEL[action.value].rstrip("?").lower()
        cmd.reply(texts.NEEDS_TEXT.format(what="a reason" if action == Action.ADVANCE else what, word=action.value))
        return
    actor = cmd.who()
    outcome = flows.act(cmd.services.db, cmd.team_id, cmd.user_id, actor.roles, actor.assigned, ref, action,
                        text or None)
    if outcome.refused is not None:
        _refuse(cmd.services, actor, action, outcome, cmd.reply)
        return
    cmd.reply(outcome.message)
    if outcome.done:
        flows.publish(cmd.services.db, cmd.client, cmd.team_id, service.safe_ref(ref))


def _refuse(services: Services, actor: Actor, action: Action, outcome: flows.Outcome,
            tell: Callable[[str], None]) -> None:
    """An action refused by bot.escalations.flows: audited (committed), then told, the one refusal path."""
    refuse(services, lambda s: service.refuse(s, team_id=actor.team_id, actor_id=actor.user_id,
                                              action=action.value, ref=outcome.refused), tell, outcome.message)


@requires(Permission.ADMIN, workspace_refused("escalation.contacts_refused"))
def manage_contacts(cmd: CommandContext) -> None:
    word, _, rest = cmd.text.partition(" ")
    if not cmd.partnership:
        cmd.reply(texts.NO_PARTNERSHIP)
        return
    try:
        with cmd.services.db.session() as s:
            message = contacts.command(s, team_id=cmd.team_id, partnership=cmd.partnership, actor=cmd.user_id,
                                       word=word, rest=rest)
    except contacts.ContactError as exc:
        message = f":warning: {exc}"
    cmd.reply(message)


def _acting(action: Action) -> SubcommandHandler:
    return lambda cmd: act(cmd, action)


ROUTER = Router(COMMAND, texts.HELP_TITLE, [
    Verb(("list",), list_open, "[all]",
         "your open escalations (managers and the business unit: their partnership's); `list all` for every one"),
    Verb(("show",), show, "ESC-YYYY-NNN", "one escalation with its history"),
    Verb(("advance", "escalate"), _acting(Action.ADVANCE), "ESC-YYYY-NNN <reason>", "to the next step on the route"),
    Verb(("note",), _acting(Action.NOTE), "ESC-YYYY-NNN <text>", "add a note"),
    Verb(("resolve",), _acting(Action.RESOLVE), "ESC-YYYY-NNN <outcome>", "close it as resolved"),
    Verb(("withdraw",), _acting(Action.WITHDRAW), "ESC-YYYY-NNN [reason]", "close it as withdrawn"),
    Verb(("route",), show_route, "", "your partnership's escalation route"),
    Verb(("contacts",), manage_contacts, 'add "<agency>" @user | remove "<agency>" | list',
         "who is told about an agency's escalations (admins)"),
], bare=open_raise, bare_does="raise one (managers, safeguarding leads, business unit)", footer=texts.HELP_FOOTER,
    summary=texts.SUMMARY)


# -- registration -----------------------------------------------------------------------------
def register(app: App, services: Services) -> None:
    route_command(app, services, ROUTER)

    @app.action({"block_id": BlockId.PARTNERSHIP.value, "action_id": VALUE})
    def on_partnership_changed(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        ack()
        try:
            refresh_raise(services, client, body, actor_of(services, body, context))
        except Exception as exc:  # the form still works: a typed agency is always accepted
            log.warning("escalation.refresh_failed", error=type(exc).__name__)

    @app.view(CallbackId.RAISE.value)
    def on_raise(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient,
                 context: BoltContext) -> None:
        actor = actor_of(services, body, context)
        team_id, user_id = actor.team_id, actor.user_id
        try:
            if not actor.can(Permission.ESCALATION_RAISE):
                refuse(services, lambda s: service.refuse(s, team_id=team_id, actor_id=user_id, action="raise",
                                                          ref=None),
                       field_error(ack, BlockId.PARTNERSHIP))
                return
            shown = any(b.get("block_id") == BlockId.AGENCY.value for b in view.get("blocks", []))
            errors, request = forms.parse_raise(modals.values_of(view), list_shown=shown)
            if request is None:
                ack(response_action="errors", errors=errors)
                return
            route = snapshot_route(services.kb_for(team_id), request.partnership)
            if route is None:
                ack(response_action="errors", errors={BlockId.PARTNERSHIP.value: texts.NO_ROUTE.format(
                    area=display_name(request.partnership))})
                return
            if request.start_step > route.last_step:
                ack(response_action="errors", errors={BlockId.START_STEP.value: "That route has fewer steps."})
                return
            with services.db.session() as s:  # the escalation and its step reminders, one transaction
                ref = service.raise_escalation(s, team_id=team_id, user_id=user_id, request=request, route=route).ref
        except Exception as exc:
            view_fault(ack, view, exc)
            return
        ack()
        log.info("escalation.raised", ref=ref, partnership=request.partnership, step=request.start_step)
        services.acks.after_acks()
        flows.publish(services.db, client, team_id, ref, fresh=True)

    def on_button(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext) -> None:
        ack()
        act_ = body["actions"][0]
        action, ref = BUTTON_ACTIONS[ActionId(act_["action_id"])], str(act_.get("value") or "")
        actor = actor_of(services, body, context)
        refused = flows.refusal(services.db, actor.team_id, actor.user_id, actor.roles, actor.assigned, ref)
        if refused is not None:  # needs the record's partnership
            _refuse(services, actor, action, refused, lambda text: _ephemeral(client, body, respond, text))
            return
        with services.db.read() as s:
            esc = service.find(s, actor.team_id, ref)
            view = blocks.act_modal(action, esc, service.route_of(esc), actor.channel_id or None)
        client.views_open(trigger_id=body["trigger_id"], view=view)

    for action_id in BUTTON_ACTIONS:
        app.action(action_id.value)(guarded(on_button))

    @app.view(CallbackId.ACT.value)
    def on_act(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        actor = actor_of(services, body, context)
        roles, mine = actor.roles, actor.assigned
        tell = field_error(ack, BlockId.TEXT)
        try:
            meta = modals.metadata(view, ActMeta)
            outcome = flows.refusal(services.db, actor.team_id, actor.user_id, roles, mine, meta.ref)
            if outcome is None:  # permitted: only now is the typed text read and screened
                errors, text = forms.parse_action_text(modals.values_of(view), meta.action)
                if errors:
                    ack(response_action="errors", errors=errors)
                    return
                outcome = flows.act(services.db, actor.team_id, actor.user_id, roles, mine, meta.ref, meta.action,
                                    text)
            if outcome.refused is not None:
                _refuse(services, actor, meta.action, outcome, tell)
                return
        except Exception as exc:
            view_fault(ack, view, exc)
            return
        if not outcome.done:
            tell(outcome.message)
            return
        ack()
        services.acks.after_acks()
        flows.publish(services.db, client, actor.team_id, meta.ref)

    @app.action(ActionId.NOTIFY_MANAGER.value)
    @guarded
    def on_notify_button(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        pressed = str(body["actions"][0].get("value") or "")
        partnership = pressed if is_partnership(pressed) else None  # a forged value travels no further
        client.views_open(trigger_id=body["trigger_id"], view=blocks.notify_modal(partnership))

    @app.view(CallbackId.NOTIFY_MANAGER.value)
    def on_notify(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        team_id, user_id = team_of(body), user_of(body)
        manager = forms.value(modals.values_of(view), BlockId.MANAGER)
        if not is_user_id(manager) or manager == user_id:  # a users_select sends one user id, nothing else
            ack(response_action="errors", errors={BlockId.MANAGER.value: "Choose your manager or safeguarding lead."})
            return
        try:
            modals.metadata(view, NotifyMeta)
            flows.record_manager_notified(services.db, team_id, user_id, manager)
        except Exception as exc:
            view_fault(ack, view, exc)
            return
        ack()
        flows.notify_manager(client, user_id, manager)


def _ephemeral(client: WebClient, body: dict[str, Any], respond: Respond, text: str) -> None:
    if body.get("response_url"):
        respond(text=text, response_type="ephemeral", replace_original=False)
    else:
        client.chat_postMessage(channel=user_of(body), text=text)
