"""Each workspace's bot token for calls with no request behind them (the clock's reminders, digests and overdue
runs): read from slack_sdk's installation store by the row's team, as Bolt's authorize reads it for requests.

Tokens are read afresh on every dispatch pass (`forget`), so one deleted by app_uninstalled or tokens_revoked is
never used again by the next pass; a paused workspace's rows are not even claimed (bot/workspaces/service.py).
When the app has token rotation on, a token near its expiry is refreshed here with slack_sdk's TokenRotator and
saved back, as Bolt does for requests. A workspace of an Enterprise Grid org-wide install has no bot of its own:
its token is the org's (`find_bot` by the enterprise id with `is_enterprise_install`), as Bolt's authorize finds it.
"""

from __future__ import annotations

import threading

from slack_sdk import WebClient
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.token_rotation import TokenRotator

from bot.logs import get_logger
from bot.services import Services
from bot.slack import OneWorkspace, TeamClients, make_client
from storage.core import Workspace

log = get_logger(__name__)
ROTATE_MINUTES_BEFORE = 120  # Bolt's default; requests' authorize is given the same (bot/workspaces/oauth.py)


class InstalledClients:
    """OAuth installs: the team's own bot token, one kept-alive client per team within a pass."""

    def __init__(self, services: Services, base: WebClient) -> None:
        settings = services.settings
        self.services, self.base = services, base
        self.store = SQLAlchemyInstallationStore(client_id=str(settings.slack_client_id), engine=services.db.engine)
        self.rotator = TokenRotator(client_id=str(settings.slack_client_id),
                                    client_secret=str(settings.secret("slack_client_secret")), client=base)
        self._lock = threading.Lock()
        self._clients: dict[str, WebClient | None] = {}

    def for_team(self, team_id: str) -> WebClient | None:
        with self._lock:
            if team_id not in self._clients:
                try:
                    self._clients[team_id] = self._load(team_id)
                except Exception as exc:  # store unreachable, rotation refused: its rows are tried later
                    log.warning("workspaces.token_unavailable", team_id=team_id, error=type(exc).__name__)
                    self._clients[team_id] = None
            return self._clients[team_id]

    def forget(self) -> None:
        with self._lock:
            self._clients.clear()

    def _load(self, team_id: str) -> WebClient | None:
        with self.services.db.read() as s:
            ws = s.get(Workspace, team_id)
            enterprise_id = ws.enterprise_id if ws is not None else None
        bot = self.store.find_bot(enterprise_id=enterprise_id, team_id=team_id)
        if bot is None and enterprise_id:  # the org-wide install's, which serves every workspace of the org
            bot = self.store.find_bot(enterprise_id=enterprise_id, team_id=None, is_enterprise_install=True)
        if bot is None or not bot.bot_token:
            log.warning("workspaces.no_token", team_id=team_id)
            return None
        if bot.bot_refresh_token:
            fresh = self.rotator.perform_bot_token_rotation(bot=bot, minutes_before_expiration=ROTATE_MINUTES_BEFORE)
            if fresh is not None:
                self.store.save_bot(fresh)
                bot = fresh
        return make_client(self.services.settings, token=bot.bot_token, base_url=self.base.base_url)


def team_clients(services: Services, base: WebClient | None = None) -> TeamClients:
    """The clock's clients: the environment token's in single-workspace mode, each install's with OAuth."""
    base = base or make_client(services.settings)
    return InstalledClients(services, base) if services.settings.oauth_enabled else OneWorkspace(base)
