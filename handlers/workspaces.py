"""app_uninstalled and tokens_revoked (OAuth installs only): Bolt's own revocation listeners delete the tokens
from the installation store at once, then the workspace is paused (bot/workspaces/service.py): its records stay,
its reminders wait until it is installed again."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_bolt.listener.builtins import TokenRevocationListeners

from bot.logs import get_logger
from bot.services import Services
from bot.workspaces.service import pause

log = get_logger(__name__)


def register(app: App, services: Services) -> None:
    if not services.settings.oauth_enabled or app.installation_store is None:
        return  # one workspace, one environment token: nothing to delete
    revocation = TokenRevocationListeners(app.installation_store)

    def paused(team_id: str | None, why: str) -> None:
        if not team_id:
            return
        with services.db.session() as s:
            changed = pause(s, team_id, why)
        log.info("workspace.paused", team_id=team_id, why=why, already=not changed)

    @app.event("app_uninstalled")
    def uninstalled(context: BoltContext) -> None:
        revocation.handle_app_uninstalled_events(context)
        paused(context.team_id, "app_uninstalled")

    @app.event("tokens_revoked")
    def revoked(event: dict[str, Any], context: BoltContext) -> None:
        revocation.handle_tokens_revoked_events(event, context)
        if event.get("tokens", {}).get("bot"):  # the bot token is what every call uses
            paused(context.team_id, "tokens_revoked")
