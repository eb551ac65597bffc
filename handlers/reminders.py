"""`/reminders`: add (modal or one line), once, list, edit, pause, resume, delete, skip; snooze buttons on reminders.

Thin: parse, authorise (REMINDERS_MANAGE to change, REMINDERS_VIEW_ALL to list every channel; a series only by
its owner, a lead of its partnership or an admin, from its channel; a new or moved series only in a channel of the
person's assigned partnership, unless an admin), call bot.reminders.flows, reply. The channel's partnership (the
groups offered, the partnership saved) is the server's record of that channel, never the form's metadata nor the
person's area. Refusals change nothing and are audit-logged through handlers.authorize.refuse.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot import modals, timeutil
from bot.authz import Permission
from bot.logs import get_logger
from bot.reminders import blocks as rb
from bot.reminders import flows, service, texts
from bot.reminders.flows import MayChange
from bot.reminders.ids import SNOOZE_ACTIONS, Action, AddMetadata, Block, ViewId
from bot.reminders.service import SeriesInput
from bot.services import Services
from bot.slackids import is_channel_id
from handlers.authorize import refuse, refuse_command, reminder_refused, requires
from handlers.common import actor_of, channel_of, field_error, guarded, route_command, view_fault
from handlers.context import Actor, CommandContext
from handlers.router import Router, Verb

log = get_logger(__name__)
COMMAND = "/reminders"
QUICK_FIELDS = ("name", "recurrence", "first_date", "at_time", "days_before", "papers", "link")


def _typed_refusal(s: Any, cmd: CommandContext, what: str) -> None:
    """A refused series command, by the number typed when it is one (reminder_refused keeps nothing else)."""
    reminder_refused(s, cmd.team_id, cmd.user_id, what, cmd.text.strip()[:20] or "-")


def _may_change(actor: Actor, channel_id: str | None) -> MayChange:
    """Ownership over one series (bot.reminders.service.may_change), for this person from this channel."""
    return lambda row: service.may_change(row, actor.user_id, actor.roles, actor.assigned, channel_id)


def _not_yours(services: Services, actor: Actor, series_id: int, tell: Callable[[str], None]) -> None:
    """Someone else's series: audited by id (committed), then told, through handlers.authorize.refuse."""
    refuse(services, lambda s: reminder_refused(s, actor.team_id, actor.user_id, "change", str(series_id),
                                                reason="not_owner"), tell, texts.NOT_YOURS)


def _other_partnership(services: Services, actor: Actor, attempted: str, series: str,
                       tell: Callable[[str], None]) -> None:
    """A series placed in another partnership's channel: audited by series number (committed), then told."""
    refuse(services, lambda s: reminder_refused(s, actor.team_id, actor.user_id, attempted, series,
                                                reason="other_partnership"), tell, texts.OTHER_PARTNERSHIP)


def _groups(services: Services, team_id: str, partnership: str | None) -> list[tuple[str, str | None]]:
    return flows.groups(services.kb_for(team_id), partnership)


def _tell(cmd: CommandContext, outcome: flows.Outcome) -> None:
    if outcome.refused is not None:
        _not_yours(cmd.services, cmd.who(), outcome.refused, cmd.reply)
    else:
        cmd.reply(rb.errors_text(outcome.errors) if outcome.errors else outcome.message)


@requires(Permission.REMINDERS_MANAGE, lambda s, cmd: reminder_refused(s, cmd.team_id, cmd.user_id, "add"))
def cmd_add(cmd: CommandContext) -> None:
    if not cmd.text.strip():  # the groups of this channel's partnership, as the server records it
        groups = _groups(cmd.services, cmd.team_id, cmd.who().channel_partnership(cmd.channel_id))
        cmd.client.views_open(trigger_id=cmd.trigger_id, view=rb.add_modal(AddMetadata(channel_id=cmd.channel_id),
                                                                           groups))
        return
    parts = [p.strip() for p in cmd.text.split("|")]
    if len(parts) < 3 or len(parts) > len(QUICK_FIELDS):
        cmd.reply("Use `/reminders add <name> | <how often> | <first date> [| time | days before | papers | link]`,"
                  " or `/reminders add` on its own for the form.\n" + ROUTER.help_text())
        return
    answers = dict(zip(QUICK_FIELDS, parts, strict=False))
    inp = SeriesInput(channel_id=cmd.channel_id, group_frequency=None, **answers)
    if inp.days_before is None:
        inp.days_before = "7,1"
    _create(cmd, inp, "add")


@requires(Permission.REMINDERS_MANAGE, lambda s, cmd: _typed_refusal(s, cmd, "edit"))
def cmd_edit(cmd: CommandContext) -> None:
    ref = cmd.text.strip()
    if not ref:
        cmd.reply("Use `/reminders edit <number>`; `/reminders list` shows the numbers.")
        return
    groups = _groups(cmd.services, cmd.team_id, cmd.who().channel_partnership(cmd.channel_id))  # the series' own
    outcome, form = flows.edit_form(cmd.services.db, team_id=cmd.team_id, ref=ref,
                                    may_change=_may_change(cmd.who(), cmd.channel_id),
                                    group_names={name for name, _ in groups})
    if form is None:
        _tell(cmd, outcome)
        return
    cmd.client.views_open(trigger_id=cmd.trigger_id, view=rb.add_modal(form.meta, groups, form.values))


@requires(Permission.REMINDERS_MANAGE, lambda s, cmd: reminder_refused(s, cmd.team_id, cmd.user_id, "once"))
def cmd_once(cmd: CommandContext) -> None:
    bits = cmd.text.split(None, 2)
    if len(bits) < 3:
        cmd.reply("Use `/reminders once <YYYY-MM-DD> <HH:MM> <what>`.")
        return
    _create(cmd, SeriesInput(channel_id=cmd.channel_id, first_date=bits[0], at_time=bits[1], name=bits[2]), "once")


def _create(cmd: CommandContext, inp: SeriesInput, verb: str) -> None:
    """A one-line series in this channel: only a channel of the person's partnership, and saved as that channel's."""
    if not cmd.channel_id.startswith(("C", "G")):  # a DM: reminders go to a channel, chosen in the form
        cmd.reply(texts.NEEDS_CHANNEL)
        return
    actor = cmd.who()
    partnership = actor.channel_partnership(cmd.channel_id)
    if not service.may_place(actor.roles, actor.assigned, partnership):
        _other_partnership(cmd.services, actor, verb, "-", cmd.reply)
        return
    _tell(cmd, flows.create(cmd.services.db, team_id=cmd.team_id, owner_id=cmd.user_id, partnership=partnership,
                            inp=inp, now=timeutil.now()))


def cmd_list(cmd: CommandContext) -> None:
    every = cmd.text.strip().lower() == "all"
    if every and not cmd.can(Permission.REMINDERS_VIEW_ALL):
        refuse_command(cmd, lambda s: reminder_refused(s, cmd.team_id, cmd.user_id, "list_all"))
        return
    pages = flows.list_pages(cmd.services.db, team_id=cmd.team_id, channel=None if every else cmd.channel_id,
                             now=timeutil.now())
    if not pages:
        cmd.reply(texts.NOTHING_HERE)
    for text, page in pages:
        cmd.reply(text, blocks=page)


def _series_command(verb: str) -> Any:
    @requires(Permission.REMINDERS_MANAGE, lambda s, cmd: _typed_refusal(s, cmd, verb))
    def handler(cmd: CommandContext) -> None:
        ref = cmd.text.strip().removeprefix("next").strip()
        if not ref:
            cmd.reply(f"Use `/reminders {verb} <number>`; `/reminders list` shows the numbers.")
            return
        _tell(cmd, flows.change(cmd.services.db, team_id=cmd.team_id, ref=ref, verb=verb, actor_id=cmd.user_id,
                                may_change=_may_change(cmd.who(), cmd.channel_id), now=timeutil.now()))

    return handler


ROUTER = Router(COMMAND, texts.HELP_TITLE, [
    Verb(("add",), cmd_add, "", "open the form (a group's meeting series, or a one-off); or in one line: "
         + texts.QUICK_ADD),
    Verb(("once",), cmd_once, "<YYYY-MM-DD> <HH:MM> <what>", "a one-off reminder in this channel"),
    Verb(("list",), cmd_list, "[all]", "this channel's; `list all` for every channel (admins and business units)"),
    Verb(("edit",), cmd_edit, "<id>", "the form, filled in, to change a series"),
    Verb(("pause",), _series_command("pause"), "<id>", "stop a series for now"),
    Verb(("resume",), _series_command("resume"), "<id>", "start a paused series again"),
    Verb(("delete",), _series_command("delete"), "<id>", "remove a series"),
    Verb(("skip",), _series_command("skip"), "<id>", "skip the next meeting"),
], footer=texts.HELP_FOOTER, summary=texts.SUMMARY)


def register(app: App, services: Services) -> None:
    route_command(app, services, ROUTER)

    @app.view(ViewId.ADD)
    def on_add(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        actor = actor_of(services, body, context)
        team_id, user_id = actor.team_id, actor.user_id
        tell = field_error(ack, Block.NAME)
        try:
            meta = modals.metadata(view, AddMetadata)
            values = modals.answers(view)
            attempted, series = "edit" if meta.series_id else "add", str(meta.series_id or "-")
            if not actor.can(Permission.REMINDERS_MANAGE):
                refuse(services, lambda s: reminder_refused(s, team_id, user_id, attempted, series), tell)
                return
            # where the series goes is the channel picked; whose it is, the server's record of that channel
            # (private_metadata comes back from the client, so it decides neither)
            channel = values.get(Block.CHANNEL) or ""
            partnership = actor.channel_partnership(channel) if is_channel_id(channel) else None
            if is_channel_id(channel) and not service.may_place(actor.roles, actor.assigned, partnership):
                _other_partnership(services, actor, attempted, series, field_error(ack, Block.CHANNEL))
                return
            known = dict(_groups(services, team_id, partnership))
            group = values.get(Block.GROUP) or None
            if group and group not in known:  # offered for another channel, or forged
                _form_errors(ack, view, {Block.GROUP: texts.NOT_THIS_CHANNELS_GROUP})
                return
            inp = SeriesInput(
                channel_id=channel, name=values.get(Block.NAME), group=group,
                group_frequency=known.get(group) if group else None,
                recurrence=values.get(Block.RECURRENCE), first_date=values.get(Block.FIRST_DATE),
                at_time=values.get(Block.TIME), days_before=values.get(Block.DAYS_BEFORE),
                papers=values.get(Block.PAPERS), link=values.get(Block.LINK),
            )
            outcome = flows.save_form(services.db, team_id=team_id, user_id=user_id, partnership=partnership,
                                      series_id=meta.series_id, inp=inp, may_change=_may_change(actor, None),
                                      group_names=set(known), now=timeutil.now())
            if outcome.errors:
                _form_errors(ack, view, outcome.errors)
                return
            if outcome.refused is not None:
                _not_yours(services, actor, outcome.refused, tell)
                return
        except Exception as exc:
            view_fault(ack, view, exc)
            return
        ack()
        try:
            client.chat_postEphemeral(channel=outcome.channel, user=user_id, text=outcome.message)
        except Exception as exc:  # saved already: say so in a DM (the modal has closed), with why it may not post
            log.warning("reminders.confirm_failed", error=type(exc).__name__)
            try:
                client.chat_postMessage(channel=user_id, text=outcome.message + "\n" + texts.CONFIRM_ELSEWHERE.format(
                    channel=outcome.channel))
            except Exception as again:
                log.warning("reminders.confirm_dm_failed", error=type(again).__name__)

    for action_id in SNOOZE_ACTIONS:
        app.action(action_id)(_snooze_listener(services, action_id))


def _form_errors(ack: Ack, view: dict[str, Any], errors: dict[str, str]) -> None:
    """Field errors kept on the form; one for a block the form does not have goes under the name."""
    present = {b.get("block_id") for b in view.get("blocks", [])}
    ack(response_action="errors", errors={(k if k in present else Block.NAME): v for k, v in errors.items()})


def _snooze_listener(services: Services, action_id: str) -> Any:
    option = {Action.SNOOZE_HOUR: "hour", Action.SNOOZE_TOMORROW: "tomorrow"}.get(action_id, "next_working_day")

    @guarded
    def on_snooze(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext) -> None:
        ack()
        actor = actor_of(services, body, context)
        team_id, user_id = actor.team_id, actor.user_id
        value = str((body.get("actions") or [{}])[0].get("value") or "")
        tell = lambda text: respond(text=text, response_type="ephemeral", replace_original=False)  # noqa: E731
        if not actor.can(Permission.REMINDERS_MANAGE):
            refuse(services, lambda s: reminder_refused(s, team_id, user_id, "snooze", value[:20] or "-"), tell)
            return
        told = flows.snooze(services.db, team_id=team_id, value=value, option=option, actor_id=user_id,
                            now=timeutil.now(), channel_id=channel_of(body))
        if told is None:  # another channel's reminder
            refuse(services, lambda s: reminder_refused(s, team_id, user_id, "snooze", value[:20] or "-",
                                                        reason="other_channel"), tell, texts.SNOOZE_ELSEWHERE)
            return
        tell(told)

    on_snooze.__name__ = f"on_{action_id}"
    return on_snooze
