"""`/safeguarding admin ...`: workspace configuration by admins, every change audited."""

from __future__ import annotations

from slack_bolt import App

from bot.admin import ADMIN_HELP, AdminError, apply_admin_command
from bot.authz import REFUSAL, Permission
from bot.context import Services
from handlers import safeguarding
from handlers.context import CommandContext
from storage import audit


def admin_command(cmd: CommandContext) -> None:
    if not cmd.can(Permission.ADMIN):
        with cmd.services.db.session() as s:
            audit.record(s, team_id=cmd.team_id, actor_id=cmd.user_id, action="admin.refused",
                         entity_type="workspace", entity_id=cmd.team_id)
        cmd.reply(REFUSAL)
        return
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
    safeguarding.add_subcommand("admin", admin_command)
