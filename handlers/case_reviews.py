"""Slack listeners for case reviews: `/case-review`, the case card's buttons and the three modals.

Thin: parse, authorise, call bot.case_reviews, render. Refusals change nothing and are audited.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.authz import REFUSAL, Permission, allowed, allowed_for
from bot.case_reviews import blocks, flows, forms, service, texts
from bot.case_reviews.ids import (
    COMMAND,
    TRANSITION_ACTION,
    ActionId,
    BlockId,
    CallbackId,
    CorrectMeta,
    NotifyMeta,
    TransitionMeta,
    date_block,
)
from bot.case_reviews.reminders import sync as sync_reminders
from bot.case_reviews.states import STATE_LABELS, State, TransitionNotAllowed, transition_for
from bot.context import Services
from bot.logs import get_logger
from bot.mrkdwn import escape
from bot.partnerships import assigned_partnership, business_unit_channel
from bot.timeutil import now, today
from handlers.authorize import refuse, refuse_command, requires
from handlers.common import build_command_context, channel_of, guarded, team_of, user_of, view_fault
from handlers.context import CommandContext

log = get_logger(__name__)


def register(app: App, services: Services) -> None:
    db = services.db

    def can_manage(s: Any, team_id: str, user_id: str, case: Any = None) -> bool:
        """The business unit; over one case, the business unit of that case's partnership (or an admin)."""
        roles = services.roles_of(s, team_id, user_id)
        if case is None:
            return allowed(roles, Permission.CASE_REVIEW_MANAGE)
        mine = assigned_partnership(s, team_id, user_id, services.settings.default_partnership)
        return allowed_for(roles, Permission.CASE_REVIEW_MANAGE, mine, case.partnership)

    def publish_card(client: WebClient, team_id: str, ref: str) -> str | None:
        """Update the card in place (or post it if there is none yet); a note if it failed. The reminders were
        laid with the change (bot.case_reviews.flows); a new card only threads them."""
        day, scales = today(), service.timescales(services.kb)
        with db.session() as s:
            case = service.get_case(s, team_id, ref)
            if case is None:
                return None
            channel = case.card_channel or business_unit_channel(s, team_id)
            deadlines = service.deadlines_of(case, scales)
            payload = {"text": blocks.card_text(case), "blocks": blocks.card(case, deadlines, day)}
            existing = case.card_ts
        if channel is None:
            return texts.NO_CHANNEL.format(ref=ref)
        try:
            if existing:
                client.chat_update(channel=channel, ts=existing, **payload)
                return None
            new_ts = client.chat_postMessage(channel=channel, **payload)["ts"]
        except Exception as exc:  # the case is stored; say so rather than fail
            log.warning("case_review.card_failed", ref=ref, error=type(exc).__name__)
            return texts.CARD_FAILED.format(ref=ref)
        with db.session() as s:
            case = service.get_case(s, team_id, ref, for_update=True)
            if case is not None:
                case.card_channel, case.card_ts = channel, new_ts
                sync_reminders(s, case, service.deadlines_of(case, scales), now())
        return None

    def after_change(client: WebClient, team_id: str, ref: str) -> None:
        """The change is committed; a failure here only delays the card (logged, never shown as a traceback)."""
        try:
            publish_card(client, team_id, ref)
        except Exception as exc:
            log.error("case_review.card_update_failed", ref=ref, error=type(exc).__name__)

    # -- /case-review ------------------------------------------------------------------------
    @app.command(COMMAND)
    @guarded
    def on_command(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        ack()
        word, _, rest = str(body.get("text") or "").strip().partition(" ")
        cmd = build_command_context(services, body, respond, client, rest.strip())
        word = word.lower()
        if word == "":
            open_notify(cmd)
        elif word in ("list", "show"):
            manage_view(cmd, word)
        else:
            cmd.reply(texts.HELP)

    @requires(Permission.CASE_REVIEW_NOTIFY, lambda s, cmd: service.refuse(
        s, team_id=cmd.team_id, actor_id=cmd.user_id, reference="-", attempted="notify"))
    def open_notify(cmd: CommandContext) -> None:
        view = blocks.notify_modal(cmd.partnership, cmd.channel_id)
        cmd.client.views_open(trigger_id=cmd.trigger_id, view=view)

    def manage_view(cmd: CommandContext, word: str) -> None:
        ref = cmd.text.split()[0].upper() if cmd.text.split() else ""
        replies: list[tuple[str, Any]] = []
        refused = None if cmd.can(Permission.CASE_REVIEW_MANAGE) else (ref or "-")
        if refused is None:
            with db.read() as s:
                replies, refused = view_case(s, cmd, word, ref)
        if refused is not None:  # audited (committed) before the reply, so the record never lags it
            refuse_command(cmd, lambda s: service.refuse(s, team_id=cmd.team_id, actor_id=cmd.user_id,
                                                         reference=refused, attempted=word))
            return
        for text, out in replies:
            cmd.reply(text, out)

    def view_case(s: Any, cmd: CommandContext, word: str, ref: str) -> tuple[list[tuple[str, Any]], str | None]:
        """The list or one case for the business unit of the case's partnership, or the reference refused."""
        scales, day = service.timescales(services.kb), today()
        mine = assigned_partnership(s, cmd.team_id, cmd.user_id, services.settings.default_partnership)
        if word == "list":
            rows = [r for r in service.open_cases(s, cmd.team_id, scales, day)
                    if allowed_for(cmd.roles, Permission.CASE_REVIEW_MANAGE, mine, r[0].partnership)]
            pages = blocks.list_all_pages(rows) if ref == "ALL" else [blocks.list_blocks(rows)]
            return [(f"Open case reviews: {len(rows)}", page) for page in pages], None
        if not ref:
            return [(texts.USAGE_SHOW, None)], None
        case = service.get_case(s, cmd.team_id, ref)
        if case is None:
            return [(texts.NOT_FOUND.format(ref=escape(ref[:20])), None)], None
        if not allowed_for(cmd.roles, Permission.CASE_REVIEW_MANAGE, mine, case.partnership):
            return [], case.reference
        return [(blocks.card_text(case), blocks.show_blocks(case, service.deadlines_of(case, scales), day))], None

    # -- the notification form ---------------------------------------------------------------
    @app.view(CallbackId.NOTIFY)
    def on_notify(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        team_id, user_id = team_of(body), user_of(body)
        try:
            meta = NotifyMeta.model_validate_json(view.get("private_metadata") or "{}")
            form, errors = forms.parse_notification(view["state"]["values"], today())
            if errors or form is None:
                ack(response_action="errors", errors=errors)
                return
            with db.session() as s:
                case = flows.notify(s, team_id=team_id, actor_id=user_id, form=form,
                                    scales=service.timescales(services.kb), now=now())
                ref = case.reference
        except Exception as exc:
            view_fault(ack, view, exc)
            return
        ack()
        try:
            note = publish_card(client, team_id, ref)
            with db.session() as s:
                case = service.get_case(s, team_id, ref)
                assert case is not None
            # rendered after the session: working-day sums must not hold SQLite's write lock (requests wait on it)
            text, out = blocks.confirmation(case, service.deadlines_of(case, service.timescales(services.kb)),
                                            today(), note)
            log.info("case_review.notified", ref=ref, channel=bool(meta.channel_id))
            client.chat_postMessage(channel=user_id, text=text, blocks=out)
        except Exception as exc:  # stored already: the card and reminders catch up on the next change
            log.error("case_review.after_notify_failed", ref=ref, error=type(exc).__name__)

    # -- card buttons ------------------------------------------------------------------------
    def button_case(s: Any, team_id: str, user_id: str, ref: str) -> tuple[Any, tuple[str, str] | None]:
        """The case when this person may manage it, else the refusal: (reference to audit, what to say)."""
        if not can_manage(s, team_id, user_id):
            return None, (ref, REFUSAL)
        case = service.get_case(s, team_id, ref)
        if case is None:
            return None, (ref, texts.NOT_FOUND.format(ref=ref))
        if not can_manage(s, team_id, user_id, case):  # the case's partnership: needs the record
            return None, (case.reference, REFUSAL)
        return case, None

    def refused(respond: Respond, team_id: str, user_id: str, refusal: tuple[str, str], attempted: str) -> None:
        ref, msg = refusal
        refuse(services, lambda s: service.refuse(s, team_id=team_id, actor_id=user_id, reference=ref or "-",
                                                  attempted=attempted),
               lambda text: respond(text=text, response_type="ephemeral", replace_original=False), msg)

    @app.action(TRANSITION_ACTION)
    @guarded
    def on_transition_button(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond,
                             client: WebClient) -> None:
        ack()
        team_id, user_id = team_of(body), user_of(body)
        ref, name = str(action.get("value") or "")[:20], str(action["action_id"]).split(":", 1)[1]
        view, stale = None, None
        with db.read() as s:
            case, refusal = button_case(s, team_id, user_id, ref)
            if case is not None:
                try:
                    t = transition_for(case.state, name)
                    view = blocks.transition_modal(case, t, today(), channel_of(body))
                except TransitionNotAllowed:
                    stale = texts.STALE.format(ref=ref, state=STATE_LABELS[State(case.state)])
        if refusal is not None:
            return refused(respond, team_id, user_id, refusal, name)
        if view is None:
            respond(text=stale, response_type="ephemeral", replace_original=False)
            return None
        client.views_open(trigger_id=body["trigger_id"], view=view)
        return None

    @app.action(ActionId.CORRECT)
    @guarded
    def on_correct_button(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond,
                          client: WebClient) -> None:
        ack()
        team_id, user_id = team_of(body), user_of(body)
        ref = str(action.get("value") or "")[:20]
        view = None
        with db.read() as s:
            case, refusal = button_case(s, team_id, user_id, ref)
            if case is not None and case.state != State.CLOSED.value:
                view = blocks.correct_modal(case, channel_of(body))
        if refusal is not None:
            return refused(respond, team_id, user_id, refusal, "correct_dates")
        if view is None:
            respond(text=texts.CLOSED_ALREADY.format(ref=ref), response_type="ephemeral", replace_original=False)
            return None
        client.views_open(trigger_id=body["trigger_id"], view=view)
        return None

    # -- step and correction modals ------------------------------------------------------------
    @app.view(CallbackId.TRANSITION)
    def on_transition(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        team_id, user_id = team_of(body), user_of(body)
        try:
            meta = TransitionMeta.model_validate_json(view.get("private_metadata") or "{}")
            t = transition_for(meta.state, meta.action)
            with db.read() as s:  # the permission first: a refused person's rationale is never screened
                case = service.get_case(s, team_id, meta.ref)
                permitted = case is not None and can_manage(s, team_id, user_id, case)
            if not permitted:
                refuse(services, lambda s: service.refuse(s, team_id=team_id, actor_id=user_id, reference=meta.ref,
                                                          attempted=t.action),
                       lambda text: ack(response_action="errors", errors={BlockId.HAPPENED: text}),
                       REFUSAL if case is not None else texts.NOT_FOUND.format(ref=meta.ref))
                return
            (happened, rationale, publication), errors = forms.parse_transition(view["state"]["values"], t)
            if errors or happened is None:
                ack(response_action="errors", errors=errors)
                return
            with db.session() as s:
                problem = None
                case = service.get_case(s, team_id, meta.ref, for_update=True)
                if case is None or not can_manage(s, team_id, user_id, case):
                    problem = REFUSAL if case is not None else texts.NOT_FOUND.format(ref=meta.ref)
                    service.refuse(s, team_id=team_id, actor_id=user_id, reference=meta.ref, attempted=t.action)
                elif case.state != meta.state:
                    problem = texts.STALE.format(ref=meta.ref, state=STATE_LABELS[State(case.state)])
                else:
                    problem = service.check_transition_date(case, t, happened, today())
                    if problem is None:
                        flows.transition(s, case, t.action, actor_id=user_id, happened_on=happened,
                                         rationale=rationale, planned_publication_on=publication,
                                         scales=service.timescales(services.kb), now=now())
            if problem:
                ack(response_action="errors", errors={BlockId.HAPPENED: problem})
                return
        except Exception as exc:
            view_fault(ack, view, exc)
            return
        ack()
        after_change(client, team_id, meta.ref)

    @app.view(CallbackId.CORRECT)
    def on_correct(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        team_id, user_id = team_of(body), user_of(body)
        try:
            meta = CorrectMeta.model_validate_json(view.get("private_metadata") or "{}")
            values = forms.parse_corrections(view["state"]["values"])
            with db.session() as s:
                case = service.get_case(s, team_id, meta.ref, for_update=True)
                if case is None or not can_manage(s, team_id, user_id, case):
                    service.refuse(s, team_id=team_id, actor_id=user_id, reference=meta.ref,
                                   attempted="correct_dates")
                    errors = {"_": REFUSAL if case is not None else texts.NOT_FOUND.format(ref=meta.ref)}
                else:
                    errors = {date_block(n): m for n, m in service.check_corrections(case, values, today()).items()}
                    if not errors:
                        flows.correct(s, case, actor_id=user_id, values=values,
                                      scales=service.timescales(services.kb), now=now())
            if errors:
                if "_" in errors:
                    errors = {date_block("aware_on"): errors["_"]}
                ack(response_action="errors", errors=errors)
                return
        except Exception as exc:
            view_fault(ack, view, exc)
            return
        ack()
        after_change(client, team_id, meta.ref)
