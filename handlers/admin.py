"""`/safeguarding admin ...`: workspace configuration by admins, every change audited."""

from __future__ import annotations

from slack_bolt import App

from bot.admin import ADMIN_HELP, AdminError, apply_admin_command
from bot.authz import Permission
from bot.services import Services
from handlers import safeguarding
from handlers.authorize import requires, workspace_refused
from handlers.context import CommandContext


@requires(Permission.ADMIN, workspace_refused("admin.refused"))
def admin_command(cmd: CommandContext) -> None:
    if not cmd.text or cmd.text.split()[0].lower() == "help":
        cmd.reply(ADMIN_HELP)
        return
    try:
        with cmd.services.db.session() as s:
            message = apply_admin_command(s, cmd.team_id, cmd.user_id, cmd.channel_id, cmd.text)
    except AdminError as exc:
        cmd.reply(f":warning: {exc}\n\n{ADMIN_HELP}")
        return
    cmd.reply(message)


def register(app: App, services: Services) -> None:
    safeguarding.add_subcommand("admin", admin_command, "help", "workspace configuration (admins)")
