"""Installs by OAuth on Bolt's own flow: GET /slack/install and GET /slack/oauth_redirect (OAuthFlow), tokens in
slack_sdk's SQLAlchemy installation store, the state in its SQLAlchemy state store, both in the project's database.

What the project adds to Bolt's flow: the install page first asks which partnership the workspace belongs to;
the choice travels inside the OAuth state (issued and consumed by the state store, so it cannot be changed in
the browser), and at the redirect the workspace is recorded with it and its installer as first admin
(bot/workspaces/service.py). An Enterprise Grid org-wide install (`is_enterprise_install`, no team) is saved the
same way (slack_sdk's store keeps it under the enterprise id with no team, and Bolt's authorize finds it for every
workspace of the org); the choice becomes the org's default partnership. Pages are bot/workspaces/pages.py.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

from slack_bolt.authorization.authorize import InstallationStoreAuthorize
from slack_bolt.error import BoltError
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_flow import OAuthFlow
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.sqlalchemy_utils import normalize_datetime_for_db
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

from bot.logs import get_logger
from bot.services import Services
from bot.settings import Settings
from bot.slack import DEFAULT_API_URL
from bot.workspaces import pages
from bot.workspaces.service import install, install_org
from bot.workspaces.tokens import ROTATE_MINUTES_BEFORE
from knowledge.partnerships import PARTNERSHIPS

log = get_logger(__name__)

# The bot scopes in manifest.yml (tests/workspaces/test_install.py keeps the two the same). No user scopes: the
# installer's identity comes with the install (authed_user), and no user token is kept.
SCOPES = ("app_mentions:read", "channels:history", "channels:read", "chat:write", "commands", "groups:history",
          "groups:read", "im:history", "im:read", "im:write", "users:read")
STATE_SECONDS = 600  # Slack's own authorize page is good for ten minutes
SEP = "~"  # partnership~uuid: partnership slugs and uuids use only letters, digits and "-"
INSTALLED = "workspace_installed"  # where store_installation leaves its result for the success page


class PartnershipStateStore(SQLAlchemyOAuthStateStore):
    """slack_sdk's state store, the chosen partnership written into the state it issues (and so consumed with
    it: a state edited in the browser is not in the table and is refused)."""

    def issue(self, *args: Any, partnership: str | None = None, **kwargs: Any) -> str:
        state = f"{partnership}{SEP}{uuid4()}" if partnership else str(uuid4())
        expire_at = normalize_datetime_for_db(datetime.fromtimestamp(time.time() + self.expiration_seconds, tz=UTC))
        with self.engine.begin() as conn:
            conn.execute(self.oauth_states.insert(), {"state": state, "expire_at": expire_at})
        return state


def chosen_partnership(state: str | None) -> str | None:
    slug, sep, _ = (state or "").partition(SEP)
    return slug if sep and slug in PARTNERSHIPS else None


class InstallFlow(OAuthFlow):
    """Bolt's OAuthFlow with the partnership asked for first and the workspace recorded with the tokens."""

    def __init__(self, services: Services, client: WebClient, settings: OAuthSettings) -> None:
        super().__init__(client=client, logger=logging.getLogger("slack_bolt"), settings=settings)
        self.services = services

    def handle_installation(self, request: BoltRequest) -> BoltResponse:
        if _query(request, "partnership") not in PARTNERSHIPS:
            return _html(200, pages.choose(self.install_path))
        return super().handle_installation(request)

    def issue_new_state(self, request: BoltRequest) -> str:
        return self.settings.state_store.issue(partnership=_query(request, "partnership"))  # type: ignore[call-arg]

    def build_install_page_html(self, url: str, request: BoltRequest) -> str:
        return pages.add_to_slack(url, str(_query(request, "partnership")))

    def store_installation(self, request: BoltRequest, installation: Installation) -> None:
        """The tokens (slack_sdk's store), then the workspace (or the Grid org): partnership, first admin,
        resumed if paused."""
        org_wide = bool(installation.is_enterprise_install)
        if not (installation.enterprise_id if org_wide else installation.team_id):
            raise BoltError("install names no workspace")  # Slack always names one; nothing is stored
        chosen = chosen_partnership(_query(request, "state"))
        try:  # a database fault is the "could not be saved" page (Bolt turns only BoltError into one)
            self.settings.installation_store.save(installation)
            with self.services.db.session() as s:
                if org_wide:
                    result = install_org(s, enterprise_id=str(installation.enterprise_id),
                                         installer=installation.user_id, chosen=chosen)
                else:
                    result = install(s, team_id=str(installation.team_id), enterprise_id=installation.enterprise_id,
                                     installer=installation.user_id, chosen=chosen)
        except Exception as exc:
            raise BoltError(f"install not saved: {type(exc).__name__}") from exc
        request.context[INSTALLED] = result
        log.info("workspace.installed", team_id=installation.team_id, enterprise_id=installation.enterprise_id,
                 org_wide=org_wide, first=result.first, resumed=result.resumed)


def _query(request: BoltRequest, name: str) -> str | None:
    values = request.query.get(name) or [None]
    return values[0]


def _html(status: int, body: str) -> BoltResponse:
    return BoltResponse(status=status, body=body, headers={"Content-Type": "text/html; charset=utf-8"})


def _success(args: SuccessArgs) -> BoltResponse:
    result = args.request.context.get(INSTALLED)
    done = args.installation
    partnership, first = (result.partnership if result else None), bool(result and result.first)
    if done.is_enterprise_install:
        return _html(200, pages.installed_org(done.enterprise_name or str(done.enterprise_id), partnership, first,
                                              add_url=pages.add_to_workspaces_url(str(done.enterprise_id),
                                                                                  done.app_id or "")))
    return _html(200, pages.installed(done.team_name or done.team_id or "", partnership, first))


def _failure(args: FailureArgs) -> BoltResponse:
    log.warning("workspace.install_failed", reason=args.reason, error=type(args.error).__name__ if args.error else None)
    return _html(args.suggested_status_code, pages.failed(args.reason, "/slack/install"))


def authorize_url(settings: Settings) -> str:
    """Slack's authorize page, or the local fake's beside SLACK_API_URL (tests, the console)."""
    base = settings.slack_api_url or DEFAULT_API_URL
    return base.removesuffix("api/") + "oauth/v2/authorize"


def install_flow(services: Services, client: WebClient) -> tuple[InstallFlow, InstallationStoreAuthorize]:
    """The flow for /slack/install and /slack/oauth_redirect, and the authorize every request then goes through
    (the workspace's bot token from the store; auth.test answers cached per token; rotation when enabled)."""
    settings = services.settings
    client_id, secret = str(settings.slack_client_id), str(settings.secret("slack_client_secret"))
    store = SQLAlchemyInstallationStore(client_id=client_id, engine=services.db.engine)
    oauth = OAuthSettings(
        client_id=client_id, client_secret=secret, scopes=list(SCOPES), user_scopes=[],
        redirect_uri=settings.slack_redirect_uri, authorization_url=authorize_url(settings),
        installation_store=store, installation_store_bot_only=True,
        state_store=PartnershipStateStore(expiration_seconds=STATE_SECONDS, engine=services.db.engine),
        state_expiration_seconds=STATE_SECONDS, callback_options=CallbackOptions(success=_success, failure=_failure),
        token_rotation_expiration_minutes=ROTATE_MINUTES_BEFORE,
    )
    # Bolt uses this authorize as given (OAuthSettings' window reaches only one Bolt builds), so the window is
    # passed here too. With the client id and secret it has a TokenRotator: a rotating token within
    # ROTATE_MINUTES_BEFORE of expiry (or past it) is refreshed with oauth.v2.access (grant_type=refresh_token)
    # and saved back to the store before the listener runs.
    authorize = InstallationStoreAuthorize(logger=logging.getLogger("slack_bolt"), installation_store=store,
                                           client_id=client_id, client_secret=secret, bot_only=True,
                                           token_rotation_expiration_minutes=ROTATE_MINUTES_BEFORE,
                                           cache_enabled=True, client=client)
    return InstallFlow(services, client, oauth), authorize
