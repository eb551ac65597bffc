"""`/reminders`: add (modal or one line), once, list, pause, resume, delete, skip; snooze buttons on reminders.

Thin: parse, authorise (REMINDERS_MANAGE to change, REMINDERS_VIEW_ALL to list every channel), call
bot.reminders.service, render. Refusals change nothing and are audit-logged.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot import modals, timeutil
from bot.authz import Permission
from bot.blockkit import cut
from bot.logs import get_logger
from bot.mrkdwn import escape
from bot.reminders import blocks as rb
from bot.reminders import service, texts
from bot.reminders.blocks import when
from bot.reminders.ids import SNOOZE_ACTIONS, Action, AddMetadata, Block, ViewId
from bot.reminders.service import NotFound, SeriesInput
from bot.reminders.states import Series, TransitionError
from bot.services import Services
from handlers.authorize import refuse, refuse_command, reminder_refused, requires
from handlers.common import actor_of, build_command_context, field_error, guarded, view_fault
from handlers.context import Actor, CommandContext
from handlers.router import Router, Verb

log = get_logger(__name__)
COMMAND = "/reminders"
QUICK_FIELDS = ("name", "recurrence", "first_date", "at_time", "days_before", "papers", "link")
FIELD_LABELS = {Block.NAME: "Name", Block.RECURRENCE: "How often", Block.FIRST_DATE: "First date",
                Block.TIME: "Time", Block.DAYS_BEFORE: "Days before", Block.PAPERS: "Papers due",
                Block.LINK: "Link", Block.CHANNEL: "Channel"}


def _typed_refusal(s: Any, cmd: CommandContext, what: str) -> None:
    """A refused series command, by the number typed when it is one (reminder_refused keeps nothing else)."""
    reminder_refused(s, cmd.team_id, cmd.user_id, what, cmd.text.strip()[:20] or "-")


def _may_change(cmd: CommandContext, row: Any, channel_id: str | None) -> bool:
    """Ownership over one series (bot.reminders.service.may_change)."""
    return service.may_change(row, cmd.user_id, cmd.roles, cmd.who().assigned, channel_id)


def _not_yours(services: Services, actor: Actor, series_id: int, tell: Callable[[str], None]) -> None:
    """Someone else's series: audited by id (committed), then told, through handlers.authorize.refuse."""
    refuse(services, lambda s: reminder_refused(s, actor.team_id, actor.user_id, "change", str(series_id),
                                                reason="not_owner"), tell, texts.NOT_YOURS)


def _next_label(row: Any) -> str:
    if row.state == Series.PAUSED:
        return texts.NO_NEXT_PAUSED.format(id=row.id)
    return when(row.next_due_at) if row.next_due_at else texts.NO_NEXT


def _groups(services: Services, partnership: str | None) -> list[tuple[str, str | None]]:
    if not partnership:
        return []
    try:
        return [(g.name, g.frequency) for g in services.kb.groups(partnership)]
    except Exception as exc:  # the form still works with a typed name
        log.warning("reminders.kb_groups_failed", error=type(exc).__name__)
        return []


@requires(Permission.REMINDERS_MANAGE, lambda s, cmd: reminder_refused(s, cmd.team_id, cmd.user_id, "add"))
def cmd_add(cmd: CommandContext) -> None:
    if not cmd.text.strip():
        meta = AddMetadata(channel_id=cmd.channel_id, partnership=cmd.partnership)
        cmd.client.views_open(trigger_id=cmd.trigger_id, view=rb.add_modal(meta, _groups(cmd.services,
                                                                                        cmd.partnership)))
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
    _create(cmd, inp)


@requires(Permission.REMINDERS_MANAGE, lambda s, cmd: _typed_refusal(s, cmd, "edit"))
def cmd_edit(cmd: CommandContext) -> None:
    ref = cmd.text.strip()
    if not ref:
        cmd.reply("Use `/reminders edit <number>`; `/reminders list` shows the numbers.")
        return
    groups = _groups(cmd.services, cmd.partnership)
    with cmd.services.db.session() as s:
        try:
            row = service.get_series(s, cmd.team_id, ref)
        except NotFound:
            cmd.reply(texts.NOT_FOUND.format(id=escape(cut(ref.lstrip("#"), 20))))
            return
        refused = not _may_change(cmd, row, cmd.channel_id)
        if not refused:
            meta = AddMetadata(channel_id=row.channel_id, partnership=row.partnership or cmd.partnership,
                               series_id=row.id)
            values = service.form_values(row, {name for name, _ in groups})
        series_id = row.id
    if refused:
        _not_yours(cmd.services, cmd.who(), series_id, cmd.reply)
        return
    cmd.client.views_open(trigger_id=cmd.trigger_id, view=rb.add_modal(meta, groups, values))


@requires(Permission.REMINDERS_MANAGE, lambda s, cmd: reminder_refused(s, cmd.team_id, cmd.user_id, "once"))
def cmd_once(cmd: CommandContext) -> None:
    bits = cmd.text.split(None, 2)
    if len(bits) < 3:
        cmd.reply("Use `/reminders once <YYYY-MM-DD> <HH:MM> <what>`.")
        return
    _create(cmd, SeriesInput(channel_id=cmd.channel_id, first_date=bits[0], at_time=bits[1], name=bits[2]))


def _create(cmd: CommandContext, inp: SeriesInput) -> None:
    if not cmd.channel_id.startswith(("C", "G")):  # a DM: reminders go to a channel, chosen in the form
        cmd.reply(texts.NEEDS_CHANNEL)
        return
    now = timeutil.now()
    spec, errors = service.validate(inp, now)
    if spec is None:
        cmd.reply("Nothing was saved:\n" + "\n".join(f"• *{FIELD_LABELS.get(k, k)}*: {v}" for k, v in errors.items()))
        return
    with cmd.services.db.session() as s:
        row = service.create_series(s, team_id=cmd.team_id, owner_id=cmd.user_id, partnership=cmd.partnership,
                                    spec=spec, now=now)
        message = texts.ADDED.format(id=row.id, name=escape(row.name), rule=_rule_words(row), next=_next_label(row))
    cmd.reply(message)


def _rule_words(row: Any) -> str:
    from bot.reminders.recurrence import describe

    return f"({describe(row.rule)} at {row.at_time})" if row.kind == "meeting" else f"(once, {row.first_date})"


def cmd_list(cmd: CommandContext) -> None:
    every = cmd.text.strip().lower() == "all"
    if every and not cmd.can(Permission.REMINDERS_VIEW_ALL):
        refuse_command(cmd, lambda s: reminder_refused(s, cmd.team_id, cmd.user_id, "list_all"))
        return
    channel = None if every else cmd.channel_id
    with cmd.services.db.session() as s:
        views = service.list_series(s, cmd.team_id, channel)
        issues = service.problems(s, cmd.team_id, channel, timeutil.now() - timedelta(days=30))
        lines = [rb.series_line(v.row, _next_label(v.row), v.missed, v.failed) for v in views]
        problem_lines = [f"• {'⚠️ missed' if o.state == 'missed' else '❗ failed'} {when(o.due_at)}: "
                         f"{escape(cut(o.text.split(':')[0], 80))}{f' ({o.last_error})' if o.last_error else ''}"
                         for o in issues]
    if not lines and not problem_lines:
        cmd.reply(texts.NOTHING_HERE)
        return
    title = "All reminders in this workspace" if every else "Reminders for this channel"
    pages = rb.list_pages(lines, title, max_pages=4) if lines else []  # a response_url takes five replies
    if problem_lines:
        pages += rb.list_pages(problem_lines, "Missed or not delivered (last 30 days)", max_pages=1)
    for page in pages:
        cmd.reply(f"{title}: {len(lines)}", blocks=page)


def _series_command(action: str) -> Any:
    @requires(Permission.REMINDERS_MANAGE, lambda s, cmd: _typed_refusal(s, cmd, action))
    def handler(cmd: CommandContext) -> None:
        ref = cmd.text.strip().removeprefix("next").strip()
        if not ref:
            cmd.reply(f"Use `/reminders {action} <number>`; `/reminders list` shows the numbers.")
            return
        now = timeutil.now()
        with cmd.services.db.session() as s:
            try:
                row = service.get_series(s, cmd.team_id, ref)
            except NotFound:
                cmd.reply(texts.NOT_FOUND.format(id=escape(cut(ref.lstrip("#"), 20))))
                return
            if not _may_change(cmd, row, cmd.channel_id):
                refused: int | None = row.id
                message = ""
            else:
                refused = None
                try:
                    message = _apply(s, cmd, row, action, now)
                except TransitionError as exc:  # e.g. pausing a paused series: the table says why; nothing is kept
                    s.rollback()
                    message = str(exc)
        if refused is not None:
            _not_yours(cmd.services, cmd.who(), refused, cmd.reply)
            return
        cmd.reply(message)

    return handler


def _apply(s: Any, cmd: CommandContext, row: Any, action: str, now: datetime) -> str:
    if action == "pause":
        service.pause(s, row, cmd.user_id)
        return texts.PAUSED.format(id=row.id, name=escape(row.name))
    if action == "resume":
        service.resume(s, row, cmd.user_id, now)
        return texts.RESUMED.format(id=row.id, name=escape(row.name), next=_next_label(row))
    if action == "delete":
        service.delete(s, row, cmd.user_id)
        return texts.DELETED.format(id=row.id, name=escape(row.name))
    meeting = service.skip_next(s, row, cmd.user_id, now)
    return (texts.SKIPPED.format(name=escape(row.name), meeting=when(meeting), next=_next_label(row))
            if meeting else texts.NOTHING_TO_SKIP.format(id=row.id))


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
    @app.command(COMMAND)
    @guarded
    def on_command(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient,
                   context: BoltContext) -> None:
        ack()
        text = str(body.get("text") or "")
        ROUTER.route(build_command_context(services, body, respond, client, text, context))

    @app.view(ViewId.ADD)
    def on_add(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        actor = actor_of(services, body, context)
        team_id, user_id = actor.team_id, actor.user_id
        tell = field_error(ack, Block.NAME)
        try:
            meta = modals.metadata(view, AddMetadata)
            values = modals.answers(view)
            # the form's channel (a view submission carries none of its own)
            partnership = meta.partnership or Actor(services, team_id, user_id, meta.channel_id).partnership
            if not actor.can(Permission.REMINDERS_MANAGE):
                attempted, series = "edit" if meta.series_id else "add", str(meta.series_id or "-")
                refuse(services, lambda s: reminder_refused(s, team_id, user_id, attempted, series), tell)
                return
            known = dict(_groups(services, partnership))
            group = values.get(Block.GROUP) if values.get(Block.GROUP) in known else None
            inp = SeriesInput(
                channel_id=values.get(Block.CHANNEL) or "", name=values.get(Block.NAME), group=group,
                group_frequency=known.get(group) if group else None,
                recurrence=values.get(Block.RECURRENCE), first_date=values.get(Block.FIRST_DATE),
                at_time=values.get(Block.TIME), days_before=values.get(Block.DAYS_BEFORE),
                papers=values.get(Block.PAPERS), link=values.get(Block.LINK),
            )
            now = timeutil.now()
            spec, errors = service.validate(inp, now)
            if spec is None:
                present = {b.get("block_id") for b in view.get("blocks", [])}
                ack(response_action="errors",
                    errors={(k if k in present else Block.NAME): v for k, v in errors.items()})
                return
            not_yours = None
            with services.db.session() as s:
                if meta.series_id is None:
                    row = service.create_series(s, team_id=team_id, owner_id=user_id, partnership=partnership,
                                                spec=spec, now=now)
                    template = texts.ADDED
                else:
                    try:
                        row = service.get_series(s, team_id, meta.series_id)
                    except NotFound:
                        ack(response_action="errors", errors={Block.NAME: texts.GONE})
                        return
                    if not service.may_change(row, user_id, actor.roles, actor.assigned, None):
                        not_yours = row.id
                    else:
                        service.update_series(s, row, spec, user_id, now, set(known))
                    template = texts.EDITED
                message = template.format(id=row.id, name=escape(row.name), rule=_rule_words(row),
                                          next=_next_label(row))
                channel = row.channel_id
            if not_yours is not None:
                _not_yours(services, actor, not_yours, tell)
                return
        except Exception as exc:
            view_fault(ack, view, exc)
            return
        ack()
        try:
            client.chat_postEphemeral(channel=channel, user=user_id, text=message)
        except Exception as exc:  # saved already; the list shows it
            log.warning("reminders.confirm_failed", error=type(exc).__name__)

    for action_id in SNOOZE_ACTIONS:
        app.action(action_id)(_snooze_listener(services, action_id))


def _snooze_listener(services: Services, action_id: str) -> Any:
    option = {Action.SNOOZE_HOUR: "hour", Action.SNOOZE_TOMORROW: "tomorrow"}.get(action_id, "next_working_day")

    @guarded
    def on_snooze(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext) -> None:
        ack()
        actor = actor_of(services, body, context)
        team_id, user_id = actor.team_id, actor.user_id
        value = str((body.get("actions") or [{}])[0].get("value") or "")
        if not actor.can(Permission.REMINDERS_MANAGE):
            refuse(services, lambda s: reminder_refused(s, team_id, user_id, "snooze", value[:20] or "-"),
                   lambda text: respond(text=text, response_type="ephemeral", replace_original=False))
            return
        try:
            with services.db.session() as s:
                due: datetime = service.snooze(s, team_id=team_id, occurrence_id=int(value), option=option,
                                               actor=user_id, now=timeutil.now())
        except (NotFound, ValueError):
            respond(text="That reminder no longer exists.", response_type="ephemeral", replace_original=False)
            return
        respond(text=texts.SNOOZED.format(when=when(due)), response_type="ephemeral", replace_original=False)

    on_snooze.__name__ = f"on_{action_id}"
    return on_snooze
