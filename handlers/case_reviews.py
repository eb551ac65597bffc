"""Slack listeners for case reviews: `/case-review`, the case card's buttons and the three modals.

Thin: parse, authorise, call bot.case_reviews, render. Refusals change nothing and are audited.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot import modals
from bot.authz import REFUSAL, Permission
from bot.case_reviews import blocks, flows, forms, ids, service, texts
from bot.case_reviews.deadlines import Timescales
from bot.case_reviews.flows import MayManage
from bot.case_reviews.states import STATE_LABELS, State, TransitionNotAllowed, transition_for
from bot.logs import get_logger
from bot.services import Services
from bot.timeutil import now, today
from handlers.authorize import refuse, refuse_command, requires
from handlers.common import actor_of, channel_of, field_error, guarded, route_command, team_of, user_of, view_fault
from handlers.context import Actor, CommandContext
from handlers.router import Router, Verb

log = get_logger(__name__)


def register(app: App, services: Services) -> None:
    db = services.db

    def current_scales() -> Timescales:
        return service.timescales(services.kb)

    def may_manage(actor: Actor) -> MayManage:
        """The business unit of the case's partnership (or an admin), for bot.case_reviews.flows."""
        return lambda case: actor.can_for(Permission.CASE_REVIEW_MANAGE, case.partnership)

    # -- /case-review ------------------------------------------------------------------------

    @requires(Permission.CASE_REVIEW_NOTIFY, lambda s, cmd: service.refuse(
        s, team_id=cmd.team_id, actor_id=cmd.user_id, ref="-", attempted="notify"))
    def open_notify(cmd: CommandContext) -> None:
        with db.read() as s:  # their own open notifications, named on the form (refs only)
            yours = service.notifier_open_refs(s, cmd.team_id, cmd.user_id)
        view = blocks.notify_modal(cmd.partnership, cmd.channel_id, yours)
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
                                                         ref=refused, attempted=word))
            return
        for text, out in replies:
            cmd.reply(text, out)

    router = Router(ids.COMMAND, texts.HELP_TITLE, [
        Verb(("list",), lambda cmd: manage_view(cmd, "list"), "[all]",
             "open cases, nearest deadline first; `list all` for every one (business unit)."),
        Verb(("show",), lambda cmd: manage_view(cmd, "show"), "CR-YYYY-NNN",
             "one case with its deadlines and history (business unit)."),
    ], bare=open_notify,
        bare_does="notify a possible serious incident (the Case Review Notification form). Anyone can.",
        footer=texts.HELP_FOOTER, summary=texts.SUMMARY)
    route_command(app, services, router)

    def view_case(s: Any, cmd: CommandContext, word: str, ref: str) -> tuple[list[tuple[str, Any]], str | None]:
        """The list or one case for the business unit of the case's partnership, or the reference refused."""
        scales, day = current_scales(), today()
        if word == "list":
            rows = [r for r in service.open_cases(s, cmd.team_id, scales, day)
                    if cmd.can_for(Permission.CASE_REVIEW_MANAGE, r[0].partnership)]
            pages = blocks.list_all_pages(rows) if ref == "ALL" else [blocks.list_blocks(rows)]
            return [(f"Open case reviews: {len(rows)}", page) for page in pages], None
        if not ref:
            return [(texts.USAGE_SHOW, None)], None
        case = service.get_case(s, cmd.team_id, ref)
        if case is None:
            return [(texts.NOT_FOUND.format(ref=service.shown_ref(ref)), None)], None
        if not cmd.can_for(Permission.CASE_REVIEW_MANAGE, case.partnership):
            return [], case.ref
        return [(blocks.card_text(case), blocks.show_blocks(case, service.deadlines_of(case, scales), day))], None

    # -- the notification form ---------------------------------------------------------------
    @app.view(ids.CallbackId.NOTIFY)
    def on_notify(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        team_id, user_id = team_of(body), user_of(body)
        try:
            meta = modals.metadata(view, ids.NotifyMeta)
            form, errors = forms.parse_notification(modals.values_of(view), today())
            if errors or form is None:
                ack(response_action="errors", errors=errors)
                return
            with db.session() as s:  # the case and its deadline reminders, one transaction
                ref = flows.notify(s, team_id=team_id, actor_id=user_id, form=form, scales=current_scales(),
                                   now=now()).ref
        except Exception as exc:
            view_fault(ack, view, exc)
            return
        ack()
        services.acks.after_acks()
        log.info("case_review.notified", ref=ref, channel=bool(meta.channel_id))
        flows.after_notify(db, current_scales(), client, team_id, user_id, ref, today(), now())

    # -- card buttons ------------------------------------------------------------------------
    def button_case(s: Any, actor: Actor, ref: str) -> tuple[Any, tuple[str, str] | None]:
        """The case when this person may manage it, else the refusal: (reference to audit, what to say)."""
        if not actor.can(Permission.CASE_REVIEW_MANAGE):
            return None, (ref, REFUSAL)
        case = service.get_case(s, actor.team_id, ref)
        if case is None:
            return None, (ref, texts.NOT_FOUND.format(ref=service.shown_ref(ref)))
        if not may_manage(actor)(case):  # the case's partnership: needs the record
            return None, (case.ref, REFUSAL)
        return case, None

    def refused(tell: Callable[[str], None], team_id: str, user_id: str, ref: str, attempted: str,
                text: str) -> None:
        """Audited (committed) through handlers.authorize.refuse, then told."""
        refuse(services, lambda s: service.refuse(s, team_id=team_id, actor_id=user_id, ref=ref or "-",
                                                  attempted=attempted), tell, text)

    def ephemeral(respond: Respond) -> Callable[[str], None]:
        return lambda text: respond(text=text, response_type="ephemeral", replace_original=False)

    def open_for_case(body: dict[str, Any], respond: Respond, client: WebClient, actor: Actor, ref: str,
                      attempted: str, build: Callable[[Any], tuple[dict[str, Any] | None, str]]) -> None:
        """A card button's modal for the case it names: refused (audited), or why not (`build` says), or opened."""
        with db.read() as s:
            case, refusal = button_case(s, actor, ref)
            view, why = build(case) if case is not None else (None, "")
        if refusal is not None:
            refused(ephemeral(respond), actor.team_id, actor.user_id, refusal[0], attempted, refusal[1])
        elif view is None:
            ephemeral(respond)(why)
        else:
            client.views_open(trigger_id=body["trigger_id"], view=view)

    @app.action(ids.TRANSITION_ACTION)
    @guarded
    def on_transition_button(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond,
                             client: WebClient, context: BoltContext) -> None:
        ack()
        ref, name = str(action.get("value") or "")[:20], str(action["action_id"]).split(":", 1)[1]

        def build(case: Any) -> tuple[dict[str, Any] | None, str]:
            try:
                return blocks.transition_modal(case, transition_for(case.state, name), today(), channel_of(body)), ""
            except TransitionNotAllowed:  # a stale card: the case moved on
                return None, texts.STALE.format(ref=ref, state=STATE_LABELS[State(case.state)])

        open_for_case(body, respond, client, actor_of(services, body, context), ref, name, build)

    @app.action(ids.ActionId.CORRECT)
    @guarded
    def on_correct_button(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond,
                          client: WebClient, context: BoltContext) -> None:
        ack()
        ref = str(action.get("value") or "")[:20]

        def build(case: Any) -> tuple[dict[str, Any] | None, str]:
            if case.state == State.CLOSED.value:
                return None, texts.CLOSED_ALREADY.format(ref=ref)
            return blocks.correct_modal(case, channel_of(body)), ""

        open_for_case(body, respond, client, actor_of(services, body, context), ref, "correct_dates", build)

    # -- step and correction modals ------------------------------------------------------------
    def settle(ack: Ack, view: dict[str, Any], client: WebClient, team_id: str, work: Callable[[], str | None]) -> None:
        """A step or correction modal: `work` records the change and gives the case's reference, or answers the
        modal itself (a refusal, a field problem) and gives None; a fault keeps the modal open. Once acknowledged,
        the card follows the change."""
        try:
            ref = work()
        except Exception as exc:
            view_fault(ack, view, exc)
            return
        if ref is None:
            return
        ack()
        services.acks.after_acks()
        flows.after_change(db, current_scales(), client, team_id, ref, today(), now())

    @app.view(ids.CallbackId.TRANSITION)
    def on_transition(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient,
                      context: BoltContext) -> None:
        actor = actor_of(services, body, context)
        team_id, user_id = actor.team_id, actor.user_id
        tell = field_error(ack, ids.BlockId.HAPPENED)

        def work() -> str | None:
            meta = modals.metadata(view, ids.TransitionMeta)
            t = transition_for(meta.state, meta.action)
            outcome = flows.refusal(db, team_id, meta.ref, may_manage(actor)) or flows.Outcome()
            if not outcome.refused:
                (happened, rationale, publication), errors = forms.parse_transition(modals.values_of(view), t)
                if errors or happened is None:
                    ack(response_action="errors", errors=errors)
                    return None
                outcome = flows.record_step(db, team_id=team_id, actor_id=user_id, may_manage=may_manage(actor),
                                            ref=meta.ref, shown_state=meta.state, t=t, happened_on=happened,
                                            rationale=rationale, planned_publication_on=publication,
                                            scales=current_scales(), now=now(), today=today())
            if outcome.refused:
                refused(tell, team_id, user_id, meta.ref, t.action, outcome.problem or REFUSAL)
                return None
            if outcome.problem:
                tell(outcome.problem)
                return None
            return meta.ref

        settle(ack, view, client, team_id, work)

    @app.view(ids.CallbackId.CORRECT)
    def on_correct(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient,
                   context: BoltContext) -> None:
        actor = actor_of(services, body, context)
        team_id, user_id = actor.team_id, actor.user_id
        tell = field_error(ack, ids.date_block("aware_on"))

        def work() -> str | None:
            meta = modals.metadata(view, ids.CorrectMeta)
            values = forms.parse_corrections(modals.values_of(view))
            outcome, problems = flows.record_corrections(db, team_id=team_id, actor_id=user_id,
                                                         may_manage=may_manage(actor), ref=meta.ref, values=values,
                                                         scales=current_scales(), now=now(), today=today())
            if outcome.refused:
                refused(tell, team_id, user_id, meta.ref, "correct_dates", outcome.problem or REFUSAL)
                return None
            if problems:
                ack(response_action="errors", errors={ids.date_block(n): m for n, m in problems.items()})
                return None
            return meta.ref

        settle(ack, view, client, team_id, work)
