"""`/safeguarding report ...`: parse, authorise by the asker's assigned partnership, call the flow, reply."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk.errors import SlackApiError

from bot import timeutil
from bot.authz import Permission
from bot.insight import flows, schedule
from bot.insight.blocks import REPORT_HELP
from bot.insight.periods import ALL, USAGE, PeriodError, parse
from bot.services import Services
from bot.timeutil import today
from handlers import safeguarding
from handlers.authorize import refuse_command, requires, workspace_refused
from handlers.context import CommandContext


@requires(Permission.INSIGHT, workspace_refused("insight.refused"))
def report_command(cmd: CommandContext) -> None:
    if cmd.text.strip().lower() == "help":
        cmd.reply(REPORT_HELP)
        return
    word, _, rest = cmd.text.strip().partition(" ")
    if word.lower() == "schedule":
        _schedule(cmd, rest)
        return
    try:
        req = parse(cmd.text, today())
    except PeriodError as exc:
        cmd.reply(f":warning: {exc}")
        return
    actor = cmd.who()
    wanted = req.partnership or actor.assigned
    if wanted is None:
        cmd.reply("Your role has no partnership yet: ask an admin to set one, or name it: "
                  f"`/safeguarding report {USAGE}`.")
        return
    if not (cmd.can(Permission.ADMIN) if wanted == ALL else actor.can_for(Permission.INSIGHT, wanted)):
        refuse_command(cmd, lambda s: workspace_refused("insight.refused")(s, cmd))  # the asker's own area only
        return
    cmd.reply(f"Building the QA pack for {flows.scope_name(wanted)}, {req.label}: it will arrive in a direct "
              "message in a few seconds.")
    try:
        sent = flows.send_pack(cmd.services.db, cmd.services.kb, cmd.client, team_id=cmd.team_id,
                               user_id=cmd.user_id, req=req, partnership=wanted)
    except SlackApiError:
        cmd.reply(":warning: Slack did not take the pack, so it may have arrived only in part. Nothing was "
                  "changed; try again in a minute.")
        return
    cmd.reply(f"Sent: the summary, {sent.charts} charts and the CSV, in our direct message.")


def _schedule(cmd: CommandContext, words: str) -> None:
    """The business unit's own partnership only: the pack goes to its business-unit channel."""
    actor = cmd.who()
    if actor.assigned is None:
        cmd.reply("Your role has no partnership yet: ask an admin to set one.")
        return
    try:
        cmd.reply(schedule.apply(cmd.services.db, team_id=cmd.team_id, actor=cmd.user_id,
                                 partnership=actor.assigned, words=words, now=timeutil.now()))
    except schedule.ScheduleError as exc:
        cmd.reply(f":warning: {exc} Nothing was changed.")


def register(app: App, services: Services) -> None:
    safeguarding.add_subcommand("report", report_command, "[quarter|year] [partnership]",
                                "the quality-assurance pack as charts (business unit, leads, admins)")
