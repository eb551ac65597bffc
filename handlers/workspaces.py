"""app_uninstalled and tokens_revoked (OAuth installs only): Bolt's own revocation listeners delete the tokens
from the installation store at once, then the workspace is paused (bot/workspaces/service.py): its records stay,
its reminders wait until it is installed again.

Enterprise Grid org-wide installs: team_access_granted adopts each workspace the org's admins add the app to (and
resumes one added again), team_access_revoked pauses each one it is taken from, and the org's app_uninstalled
pauses the org and every workspace that had no install of its own. A request from a workspace of the org that no
grant event announced (an event lost, or sent before this version ran) adopts it on its first request."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext
from slack_bolt.listener.builtins import TokenRevocationListeners
from slack_sdk.oauth.installation_store import InstallationStore

from bot.logs import get_logger
from bot.services import Services
from bot.workspaces.service import adopt, org_teams, pause
from handlers.common import team_of

log = get_logger(__name__)


def register(app: App, services: Services) -> None:
    store = app.installation_store
    if not services.settings.oauth_enabled or store is None:
        return  # one workspace, one environment token: nothing to delete
    revocation = TokenRevocationListeners(store)
    adopted: set[tuple[str, str]] = set()  # (enterprise, team) already adopted by this process
    lock = threading.Lock()

    def paused(team_id: str | None, why: str) -> None:
        if not team_id:
            return
        with services.db.session() as s:
            changed = pause(s, team_id, why)
        log.info("workspace.paused", team_id=team_id, why=why, already=not changed)

    def stopped(context: BoltContext, why: str) -> None:
        """The installation the event is about is gone: one workspace, or a whole org-wide install."""
        if not (context.is_enterprise_install and context.enterprise_id):
            paused(context.team_id, why)
            return
        enterprise_id = context.enterprise_id
        with services.db.read() as s:
            teams = org_teams(s, enterprise_id)
        paused(enterprise_id, why)
        for team in teams:
            if not _own_install(store, enterprise_id, team):  # a workspace installed on its own keeps going
                paused(team, why)

    @app.middleware
    def adopt_org_workspace(context: BoltContext, body: dict[str, Any], next: Callable[[], Any]) -> Any:
        team, enterprise_id = team_of(body), context.enterprise_id
        if context.is_enterprise_install and enterprise_id and team and (enterprise_id, team) not in adopted:
            try:
                with services.db.session() as s:
                    if adopt(s, team, enterprise_id, resume_paused=False):
                        log.info("workspace.adopted", team_id=team, enterprise_id=enterprise_id, by="request")
                with lock:
                    adopted.add((enterprise_id, team))
            except Exception as exc:  # never stands between a person and the answer (the 999 line)
                log.warning("workspace.adopt_failed", team_id=team, error=type(exc).__name__)
        return next()

    @app.event("app_uninstalled")
    def uninstalled(context: BoltContext) -> None:
        revocation.handle_app_uninstalled_events(context)
        stopped(context, "app_uninstalled")

    @app.event("tokens_revoked")
    def revoked(event: dict[str, Any], context: BoltContext) -> None:
        revocation.handle_tokens_revoked_events(event, context)
        if event.get("tokens", {}).get("bot"):  # the bot token is what every call uses
            stopped(context, "tokens_revoked")

    @app.event("team_access_granted")
    def granted(event: dict[str, Any], context: BoltContext) -> None:
        enterprise_id = context.enterprise_id
        for team in _team_ids(event):
            if enterprise_id:
                with services.db.session() as s:
                    changed = adopt(s, team, enterprise_id, resume_paused=True)
                log.info("workspace.adopted", team_id=team, enterprise_id=enterprise_id, by="grant",
                         already=not changed)

    @app.event("team_access_revoked")
    def access_revoked(event: dict[str, Any], context: BoltContext) -> None:
        for team in _team_ids(event):
            if not (context.enterprise_id and _own_install(store, context.enterprise_id, team)):
                paused(team, "team_access_revoked")
            with lock:
                adopted.discard((str(context.enterprise_id), team))


def _team_ids(event: dict[str, Any]) -> list[str]:
    return [str(t) for t in event.get("team_ids") or [] if t]


def _own_install(store: InstallationStore, enterprise_id: str, team_id: str) -> bool:
    """A workspace-level install of the app inside the org (its own bot, not the org's)."""
    return store.find_bot(enterprise_id=enterprise_id, team_id=team_id) is not None
