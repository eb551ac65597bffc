"""`/escalate`, its modals and the card buttons: parse, authorise, call bot.escalations, render."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import modals
from bot.authz import REFUSAL, Permission, allowed, allowed_for
from bot.context import Services
from bot.escalations import blocks, contacts, forms, service, texts
from bot.escalations.agencies import choices as agency_choices
from bot.escalations.fields import check_text
from bot.escalations.ids import BUTTON_ACTIONS, VALUE, ActionId, ActMeta, BlockId, CallbackId, NotifyMeta, RaiseMeta
from bot.escalations.routes import snapshot_route
from bot.escalations.states import Action, TransitionError
from bot.logs import get_logger
from bot.partnerships import assigned_partnership, escalation_channel
from bot.timeutil import today
from handlers.authorize import refuse, refuse_command, requires, workspace_refused
from handlers.common import build_command_context, channel_of, guarded, team_of, user_of, view_fault
from handlers.context import CommandContext
from knowledge.partnerships import PARTNERSHIPS, display_name
from storage import audit

COMMAND = "/escalate"
log = get_logger(__name__)


# -- cards ------------------------------------------------------------------------------------
def publish(services: Services, client: WebClient, team_id: str, ref: str) -> None:
    """Post the card to the raiser (DM) and the escalation channel, or update both in place."""
    with services.db.session() as s:
        esc = service.find(s, team_id, ref)
        route = service.route_of(esc)
        mention = contacts.mention_for(s, team_id, esc.partnership, esc.agency)
        history = service.events(s, esc)
        cards = {"dm": blocks.card(esc, route, history, mention),  # the raiser: the full card
                 "card": blocks.card(esc, route, history, mention, full=False)}  # the channel: no free text
        text = blocks.card_text(esc, route)
        channel = escalation_channel(s, team_id)
        targets = [("dm", esc.dm_channel or esc.raised_by, esc.dm_ts), ("card", esc.card_channel or channel,
                                                                        esc.card_ts)]
    posted: dict[str, tuple[str, str]] = {}
    for name, where, ts in targets:
        if not where:
            continue
        try:
            if ts:
                client.chat_update(channel=where, ts=ts, text=text, blocks=cards[name])
            else:
                resp = client.chat_postMessage(channel=where, text=text, blocks=cards[name])
                posted[name] = (str(resp["channel"]), str(resp["ts"]))
        except SlackApiError as exc:
            log.warning("escalation.card_failed", ref=ref, target=name, error=exc.response.get("error"))
    if posted:
        with services.db.session() as s:
            service.set_messages(s, service.find(s, team_id, ref), dm=posted.get("dm"), card=posted.get("card"))


# -- /escalate --------------------------------------------------------------------------------
@requires(Permission.ESCALATION_RAISE,
          lambda s, cmd: service.refuse(s, team_id=cmd.team_id, actor_id=cmd.user_id, action="raise", ref=None),
          otherwise=lambda cmd: show_route(cmd, practitioner=True))
def open_raise(cmd: CommandContext) -> None:
    kb = cmd.services.kb
    area = cmd.partnership
    agencies = agency_choices(kb, area) if area else []
    route = snapshot_route(kb, area) if area else None
    view = blocks.raise_modal(area, agencies, route, RaiseMeta(channel_id=cmd.channel_id))
    cmd.client.views_open(trigger_id=cmd.trigger_id, view=view)


def refresh_raise(services: Services, client: WebClient, body: dict[str, Any]) -> None:
    """The partnership select changed: rebuild the form with that partnership's agencies and route steps,
    keeping what was typed. Read-only (knowledge base), but still only for people who may raise."""
    view = body.get("view") or {}
    area = str(((body.get("actions") or [{}])[0].get("selected_option") or {}).get("value") or "")
    with services.db.session() as s:
        permitted = allowed(services.roles_of(s, team_of(body), user_of(body)),
                            Permission.ESCALATION_RAISE)
    if not permitted or area not in PARTNERSHIPS or not view.get("id"):
        return
    meta = modals.metadata(view, RaiseMeta)
    agencies = agency_choices(services.kb, area)
    new = blocks.raise_modal(area, agencies, snapshot_route(services.kb, area), meta,
                             keep=modals.values_of(view))
    client.views_update(view_id=view["id"], hash=view.get("hash"), view=new)


def show_route(cmd: CommandContext, practitioner: bool = False) -> None:
    if not cmd.partnership:
        cmd.reply(texts.NO_PARTNERSHIP)
        return
    route = snapshot_route(cmd.services.kb, cmd.partnership)
    if route is None:
        cmd.reply(texts.NO_ROUTE.format(area=display_name(cmd.partnership)))
        return
    advice = texts.PRACTITIONER_ADVICE if practitioner else None
    cmd.reply(f"{route.title}", blocks.route_blocks(route, advice=advice, notify_button=practitioner))


def _assigned(services: Services, s: Any, team_id: str, user_id: str) -> str | None:
    return assigned_partnership(s, team_id, user_id, services.settings.default_partnership)


def list_open(cmd: CommandContext) -> None:
    with cmd.services.db.session() as s:
        mine = _assigned(cmd.services, s, cmd.team_id, cmd.user_id)
        area = mine if cmd.can(Permission.ESCALATION_VIEW_PARTNERSHIP) else None
        rows = service.list_open(s, cmd.team_id, cmd.user_id, area)
        pages = blocks.list_blocks(rows, today(), every=cmd.text.strip().lower() == "all")
    for page in pages:
        cmd.reply(f"{len(rows)} open escalation(s)", page)


def show(cmd: CommandContext) -> None:
    ref = cmd.text.split()[0] if cmd.text.split() else ""
    with cmd.services.db.session() as s:
        try:
            esc = service.find(s, cmd.team_id, ref)
        except service.EscalationNotFound:
            cmd.reply(texts.NOT_FOUND.format(ref=service.safe_ref(ref)))
            return
        mine = _assigned(cmd.services, s, cmd.team_id, cmd.user_id)
        viewer = allowed_for(cmd.roles, Permission.ESCALATION_VIEW_PARTNERSHIP, mine, esc.partnership)
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
    ok, message = apply_action(cmd.services, cmd.team_id, cmd.user_id, cmd.channel_id, ref, action, text or None)
    cmd.reply(message)
    if ok:
        publish(cmd.services, cmd.client, cmd.team_id, service.safe_ref(ref))


def permission_refusal(services: Services, team_id: str, user_id: str, ref: str, action: Action) -> str | None:
    """The refusal (audited) when this person may not act on this escalation, else None: checked before
    any typed text is screened."""
    with services.db.session() as s:
        try:
            esc = service.find(s, team_id, ref)
        except service.EscalationNotFound:
            service.refuse(s, team_id=team_id, actor_id=user_id, action=action.value, ref=ref)
            return texts.NOT_FOUND.format(ref=service.safe_ref(ref))
        if service.may_act(esc, user_id, services.roles_of(s, team_id, user_id), _assigned(services, s, team_id,
                                                                                              user_id)):
            return None
        service.refuse(s, team_id=team_id, actor_id=user_id, action=action.value, ref=esc.ref)
        return texts.NOT_YOURS.format(ref=esc.ref)


def apply_action(services: Services, team_id: str, user_id: str, channel_id: str | None, ref: str,
                 action: Action, text: str | None) -> tuple[bool, str]:
    """Authorise and apply one tracking action: (done, what to tell the person)."""
    with services.db.session() as s:
        roles = services.roles_of(s, team_id, user_id)
        area = _assigned(services, s, team_id, user_id)
        try:
            esc = service.find(s, team_id, ref, lock=True)
        except service.EscalationNotFound:
            service.refuse(s, team_id=team_id, actor_id=user_id, action=action.value, ref=ref)
            log.info("escalation.refused", ref=service.safe_ref(ref), action=action.value, reason="not_found")
            return False, texts.NOT_FOUND.format(ref=service.safe_ref(ref))
        if not service.may_act(esc, user_id, roles, area):
            service.refuse(s, team_id=team_id, actor_id=user_id, action=action.value, ref=esc.ref)
            log.info("escalation.refused", ref=esc.ref, action=action.value, reason="not_permitted")
            return False, texts.NOT_YOURS.format(ref=esc.ref)
        if text and (msg := check_text(text, required=False)):  # screened only once permitted, within the limit
            return False, f":warning: {msg} Nothing was saved."
        try:
            service.apply(s, esc, action, actor=user_id, text=text)
        except TransitionError as exc:
            return False, f"{esc.ref}: {exc}"
        step = service.route_of(esc).step(esc.step)
        log.info("escalation.changed", ref=esc.ref, action=action.value, state=esc.state, step=esc.step)
        return True, texts.DONE[action.value].format(ref=esc.ref, step=esc.step, title=step.title,
                                               window=texts.window_line(esc.step_due_on))


@requires(Permission.ADMIN, workspace_refused("escalation.contacts_refused"))
def manage_contacts(cmd: CommandContext) -> None:
    word, _, rest = cmd.text.partition(" ")
    if not cmd.partnership:
        cmd.reply(texts.NO_PARTNERSHIP)
        return
    area = cmd.partnership
    try:
        with cmd.services.db.session() as s:
            if word == "add":
                agency, target = contacts.parse_add(rest)
                contacts.add(s, team_id=cmd.team_id, partnership=area, agency=agency, slack_id=target,
                             actor=cmd.user_id)
                cmd.reply(f"Escalations with *{agency}* in {display_name(area)} will mention "
                          f"{contacts.mention(target)}.")
            elif word == "remove":
                agency = rest.strip().strip('"')
                gone = contacts.remove(s, team_id=cmd.team_id, partnership=area, agency=agency, actor=cmd.user_id)
                cmd.reply(f"Removed the contact for *{agency}*." if gone else f"No contact for *{agency}*.")
            else:
                rows = contacts.listing(s, cmd.team_id, area)
                lines = [f"• {r.agency} → {contacts.mention(r.slack_id)}" for r in rows] or ["_none yet_"]
                cmd.reply(f"*Agency contacts in {display_name(area)}*\n" + "\n".join(lines))
    except contacts.ContactError as exc:
        cmd.reply(f":warning: {exc}")


WORDS = {"advance": Action.ADVANCE, "escalate": Action.ADVANCE, "note": Action.NOTE, "resolve": Action.RESOLVE,
         "withdraw": Action.WITHDRAW}


def dispatch(cmd: CommandContext, full_text: str) -> None:
    word, _, rest = full_text.strip().partition(" ")
    cmd.text = rest.strip()
    word = word.lower()
    if not word:
        open_raise(cmd)
    elif word == "help":
        cmd.reply(texts.HELP)
    elif word == "list":
        list_open(cmd)
    elif word == "show":
        show(cmd)
    elif word == "route":
        show_route(cmd)
    elif word == "contacts":
        manage_contacts(cmd)
    elif word in WORDS:
        act(cmd, WORDS[word])
    else:
        cmd.reply(texts.HELP)


# -- registration -----------------------------------------------------------------------------
def register(app: App, services: Services) -> None:
    @app.command(COMMAND)
    @guarded
    def on_command(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        ack()
        text = str(body.get("text") or "")
        dispatch(build_command_context(services, body, respond, client, text), text)

    @app.action({"block_id": BlockId.PARTNERSHIP.value, "action_id": VALUE})
    def on_partnership_changed(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        try:
            refresh_raise(services, client, body)
        except Exception as exc:  # the form still works: a typed agency is always accepted
            log.warning("escalation.refresh_failed", error=type(exc).__name__)

    @app.view(CallbackId.RAISE.value)
    def on_raise(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        team_id, user_id = team_of(body), user_of(body)
        try:
            with services.db.read() as s:
                may_raise = allowed(services.roles_of(s, team_id, user_id), Permission.ESCALATION_RAISE)
            if not may_raise:
                refuse(services, lambda s: service.refuse(s, team_id=team_id, actor_id=user_id, action="raise",
                                                          ref=None),
                       lambda text: ack(response_action="errors", errors={BlockId.PARTNERSHIP.value: text}))
                return
            shown = any(b.get("block_id") == BlockId.AGENCY.value for b in view.get("blocks", []))
            errors, request = forms.parse_raise(modals.values_of(view), list_shown=shown)
            if request is None:
                ack(response_action="errors", errors=errors)
                return
            route = snapshot_route(services.kb, request.partnership)
            if route is None:
                ack(response_action="errors", errors={BlockId.PARTNERSHIP.value: texts.NO_ROUTE.format(
                    area=display_name(request.partnership))})
                return
            if request.start_step > route.last_step:
                ack(response_action="errors", errors={BlockId.START_STEP.value: "That route has fewer steps."})
                return
            with services.db.session() as s:
                permitted = allowed(services.roles_of(s, team_id, user_id),
                                    Permission.ESCALATION_RAISE)
                if permitted:
                    esc = service.raise_escalation(s, team_id=team_id, user_id=user_id, request=request, route=route)
                    ref = esc.ref
                else:
                    service.refuse(s, team_id=team_id, actor_id=user_id, action="raise", ref=None)
        except Exception as exc:
            view_fault(ack, view, exc)
            return
        if not permitted:
            ack(response_action="errors", errors={BlockId.PARTNERSHIP.value: REFUSAL})
            return
        ack()
        log.info("escalation.raised", ref=ref, partnership=request.partnership, step=request.start_step)
        publish(services, client, team_id, ref)

    def on_button(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        act_ = body["actions"][0]
        action, ref = BUTTON_ACTIONS[ActionId(act_["action_id"])], str(act_.get("value") or "")
        team_id, user_id, channel_id = team_of(body), user_of(body), channel_of(body)
        with services.db.read() as s:
            roles = services.roles_of(s, team_id, user_id)
            area = _assigned(services, s, team_id, user_id)
            try:
                esc = service.find(s, team_id, ref)
            except service.EscalationNotFound:
                esc = None
            if esc is None or not service.may_act(esc, user_id, roles, area):  # needs the record's partnership
                refused = texts.NOT_FOUND.format(ref=service.safe_ref(ref)) if esc is None else \
                    texts.NOT_YOURS.format(ref=esc.ref)
            else:
                refused = None
                view = blocks.act_modal(action, esc, service.route_of(esc), channel_id or None)
        if refused:
            refuse(services, lambda s: service.refuse(s, team_id=team_id, actor_id=user_id, action=action.value,
                                                      ref=ref),
                   lambda text: _ephemeral(client, body, respond, text), refused)
            return
        client.views_open(trigger_id=body["trigger_id"], view=view)

    for action_id in BUTTON_ACTIONS:
        app.action(action_id.value)(guarded(on_button))

    @app.view(CallbackId.ACT.value)
    def on_act(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        team_id, user_id = team_of(body), user_of(body)
        try:
            meta = modals.metadata(view, ActMeta)
            refused = permission_refusal(services, team_id, user_id, meta.ref, meta.action)
            errors, text = ({BlockId.TEXT.value: refused}, None) if refused else \
                forms.parse_action_text(modals.values_of(view), meta.action)
            if errors:
                ack(response_action="errors", errors=errors)
                return
            ok, message = apply_action(services, team_id, user_id, meta.channel_id, meta.ref, meta.action, text)
        except Exception as exc:
            view_fault(ack, view, exc)
            return
        if not ok:
            ack(response_action="errors", errors={BlockId.TEXT.value: message})
            return
        ack()
        publish(services, client, team_id, meta.ref)

    @app.action(ActionId.NOTIFY_MANAGER.value)
    @guarded
    def on_notify_button(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        partnership = str(body["actions"][0].get("value") or "") or None
        client.views_open(trigger_id=body["trigger_id"], view=blocks.notify_modal(partnership))

    @app.view(CallbackId.NOTIFY_MANAGER.value)
    def on_notify(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        team_id, user_id = team_of(body), user_of(body)
        manager = forms.value(modals.values_of(view), BlockId.MANAGER)
        if not manager or manager == user_id:
            ack(response_action="errors", errors={BlockId.MANAGER.value: "Choose your manager or safeguarding lead."})
            return
        try:
            modals.metadata(view, NotifyMeta)
            with services.db.session() as s:
                audit.record(s, team_id=team_id, actor_id=user_id, action="escalation.manager_notified",
                             entity_type="user", entity_id=manager)
        except Exception as exc:
            view_fault(ack, view, exc)
            return
        ack()
        try:
            client.chat_postMessage(channel=manager, text=texts.NOTIFY_DM.format(user=user_id))
            client.chat_postMessage(channel=user_id, text=texts.NOTIFY_SENT.format(manager=manager))
        except SlackApiError as exc:
            log.warning("escalation.notify_failed", error=exc.response.get("error"))


def _ephemeral(client: WebClient, body: dict[str, Any], respond: Respond, text: str) -> None:
    if body.get("response_url"):
        respond(text=text, response_type="ephemeral", replace_original=False)
    else:
        client.chat_postMessage(channel=user_of(body), text=text)
