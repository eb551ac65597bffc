"""Installs by OAuth, faked on loopback for bot/localslack.py: Slack's authorize page and oauth.v2.access.

Like Slack: the authorize page (GET /oauth/v2/authorize) sends the browser back to the app's redirect URL with a
one-time code and the state it was given (or error=access_denied when the installer cancels); oauth.v2.access
refuses an unknown client id, a wrong secret, a redirect URI other than the authorize page's, and an unknown,
expired or used code, and answers a bot token for the workspace the installer is in (`install_as`). The fake
remembers which workspace each token it issued belongs to: auth.test answers with it, and once `revoke` is
called (the app uninstalled) every call with that workspace's tokens gets token_revoked. With `rotation` on (the
app's token rotation setting), tokens are Slack's rotating kind (`xoxe.xoxb-1-…`), expire after TOKEN_SECONDS
(a call with one after that gets token_expired) and come with a refresh token (`xoxe-1-…`), which oauth.v2.access
(grant_type=refresh_token) exchanges for a new pair once.

Enterprise Grid org-wide installs (`org_wide`): refused at the authorize page unless the app was registered
org-ready (Slack's "Org Level Apps" opt-in); the answer has no team, the org as `enterprise` and
`is_enterprise_install`, and the one token belongs to the org (auth.test answers with the enterprise id as team, as
Slack does for org tokens). The token reaches only the workspaces the org's admins added the app to (`grant`):
a call naming a channel placed (`place`) in any other workspace gets channel_not_found, as does a workspace
token naming another workspace's channel. Channels never placed are not checked.
"""

from __future__ import annotations

import base64
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

AUTHORIZE_PATH = "/oauth/v2/authorize"
METHODS = frozenset({"oauth.v2.access"})
CODE_SECONDS = 600
APP_ID = "ALOCAL01"
TOKEN_SECONDS = 12 * 3600  # Slack's rotating tokens last twelve hours
Answer = tuple[int, dict[str, Any], dict[str, str]]


@dataclass
class _Code:
    client_id: str
    redirect_uri: str | None
    team: tuple[str, str]  # (team id, name)
    user_id: str
    scope: str
    enterprise_id: str | None = None  # the Grid org the workspace is in (a workspace install inside an org)
    issued: float = field(default_factory=time.time)
    used: bool = False


class FakeOAuth:
    """The install side of the local Slack; LocalSlack routes its page and method here."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._apps: dict[str, tuple[str, tuple[str, ...], bool]] = {}  # secret, redirect URIs, org-ready
        self._codes: dict[str, _Code] = {}
        self.tokens: dict[str, str] = {}  # bot token -> team id (enterprise id for an org's), for every token issued
        self.orgs: set[str] = set()  # enterprise ids installed org-wide (their tokens belong to the org)
        self.granted: dict[str, set[str]] = {}  # enterprise id -> the workspaces its org-wide install reaches
        self.channel_teams: dict[str, str] = {}  # channel -> the workspace it is in (only those placed)
        self.revoked: set[str] = set()
        self.installer: tuple[str, str, str] | None = None  # (team id, team name, user id) at "the browser"
        self.installer_org: str | None = None  # the Grid org that workspace is in, if any
        self.cancel = False  # the installer presses Cancel on Slack's page
        self.rotation = False  # the app has token rotation on
        self.org_wide: tuple[str, str] | None = None  # (enterprise id, name): the next install is org-wide
        self._refresh: dict[str, str] = {}  # refresh token -> team id, each usable once
        self.expires: dict[str, float] = {}  # rotating token -> when it stops working (time.time())

    def register_app(self, client_id: str, client_secret: str, *redirect_uris: str, org_ready: bool = False) -> None:
        with self._lock:
            self._apps[client_id] = (client_secret, tuple(redirect_uris), org_ready)

    def grant(self, enterprise_id: str, *team_ids: str) -> None:
        """The org's admins add the org-wide app to these workspaces (Slack then sends team_access_granted)."""
        with self._lock:
            self.granted.setdefault(enterprise_id, set()).update(team_ids)

    def ungrant(self, enterprise_id: str, *team_ids: str) -> None:
        with self._lock:
            self.granted.setdefault(enterprise_id, set()).difference_update(team_ids)

    def place(self, team_id: str, *channels: str) -> None:
        """These channels are in `team_id`: a token that does not reach it cannot see them."""
        with self._lock:
            self.channel_teams.update(dict.fromkeys(channels, team_id))

    def install_as(self, user_id: str, team_id: str, team_name: str = "", enterprise_id: str | None = None) -> None:
        self.installer = (team_id, team_name or f"Workspace {team_id}", user_id)
        self.installer_org, self.cancel = enterprise_id, False

    def revoke(self, team_id: str) -> None:
        """The app is uninstalled from `team_id`: its tokens stop working at once."""
        with self._lock:
            self.revoked.update(t for t, team in self.tokens.items() if team == team_id)

    def reset(self) -> None:
        with self._lock:
            self._apps.clear()
            self._codes.clear()
            self.tokens.clear()
            self.revoked.clear()
            self._refresh.clear()
            self.expires.clear()
            self.granted.clear()
            self.orgs.clear()
            self.channel_teams.clear()
            self.rotation, self.org_wide = False, None
            self.installer, self.cancel = None, False

    # the browser's side ----------------------------------------------------------------------
    def page(self, request_path: str) -> tuple[int, dict[str, str], str] | None:
        """GET /oauth/v2/authorize (None for any other path)."""
        path, _, query = request_path.partition("?")
        if path != AUTHORIZE_PATH:
            return None
        q = {k: v[0] for k, v in parse_qs(query).items()}
        app = self._apps.get(q.get("client_id", ""))
        if app is None:
            return 400, {}, _page("Invalid client_id parameter")
        redirect = q.get("redirect_uri") or (app[1][0] if app[1] else "")
        if redirect not in app[1]:
            return 400, {}, _page("redirect_uri did not match any configured URIs")
        if self.org_wide and not app[2]:
            return 400, {}, _page("This app is not enabled for installation on an entire organization")
        if self.installer is None:
            return 200, {}, _page("Sign in to a Slack workspace to install this app")
        back = {"error": "access_denied"} if self.cancel else {"code": self._code(q, redirect)}
        sep = "&" if urlsplit(redirect).query else "?"
        return 302, {"Location": redirect + sep + urlencode({**back, "state": q.get("state", "")})}, ""

    def _code(self, q: dict[str, str], redirect: str) -> str:
        assert self.installer is not None
        code = secrets.token_hex(12)
        team_id, name, user = self.installer
        with self._lock:
            self._codes[code] = _Code(q["client_id"], q.get("redirect_uri"), (team_id, name), user, q.get("scope", ""),
                                      self.installer_org)
        return code

    # the app's side ---------------------------------------------------------------------------
    @staticmethod
    def loggable(params: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in params.items() if k not in ("client_secret", "code", "refresh_token")}

    def answer(self, method: str, params: dict[str, Any], authorization: str) -> Answer:
        del method  # one method
        client_id, secret = params.get("client_id"), params.get("client_secret")
        if authorization.startswith("Basic "):  # slack_sdk sends the app's credentials as HTTP Basic auth
            client_id, _, secret = base64.b64decode(authorization[6:]).decode().partition(":")
        with self._lock:
            app = self._apps.get(str(client_id))
            if app is None:
                return 200, {"ok": False, "error": "invalid_client_id"}, {}
            if not secrets.compare_digest(app[0], str(secret)):
                return 200, {"ok": False, "error": "bad_client_secret"}, {}
            if params.get("grant_type") == "refresh_token":
                team = self._refresh.pop(str(params.get("refresh_token")), None)
                if team is None:
                    return 200, {"ok": False, "error": "invalid_refresh_token"}, {}
                return 200, {"ok": True, "app_id": APP_ID, "token_type": "bot", "team": {"id": team},
                             **self._tokens_for(team)}, {}
            code = self._codes.get(str(params.get("code") or ""))
            if code is None or code.client_id != client_id or code.used or \
                    time.time() - code.issued > CODE_SECONDS:
                return 200, {"ok": False, "error": "invalid_code"}, {}
            code.used = True
            if code.redirect_uri and params.get("redirect_uri") != code.redirect_uri:
                return 200, {"ok": False, "error": "bad_redirect_uri"}, {}
            org = {"id": self.org_wide[0], "name": self.org_wide[1]} if self.org_wide else None
            if org:
                self.orgs.add(org["id"])
            issued = self._tokens_for(org["id"] if org else code.team[0])
        return 200, {"ok": True, "app_id": APP_ID, **issued, "token_type": "bot", "scope": code.scope,
                     "bot_user_id": "UBOT", "team": None if org else {"id": code.team[0], "name": code.team[1]},
                     "enterprise": org or ({"id": code.enterprise_id, "name": "Org"} if code.enterprise_id else None),
                     "is_enterprise_install": org is not None,
                     "authed_user": {"id": code.user_id}}, {}

    def _tokens_for(self, team_id: str) -> dict[str, Any]:
        """A new bot token (with a refresh token and its lifetime when rotation is on); the lock is held."""
        token = ("xoxe.xoxb-1-" if self.rotation else "xoxb-") + secrets.token_hex(16)
        self.tokens[token] = team_id
        if not self.rotation:
            return {"access_token": token}
        refresh = "xoxe-1-" + secrets.token_hex(16)
        self._refresh[refresh] = team_id
        self.expires[token] = time.time() + TOKEN_SECONDS
        return {"access_token": token, "refresh_token": refresh, "expires_in": TOKEN_SECONDS}

    # every other method ------------------------------------------------------------------------
    def team_of(self, token: object) -> str | None:
        return self.tokens.get(str(token))

    def identity(self, token: object) -> dict[str, Any]:
        """auth.test's team fields for a token this fake issued (an org's token answers for the org)."""
        owner = self.tokens.get(str(token))
        if owner is None:
            return {}
        if owner in self.orgs:
            return {"team_id": owner, "enterprise_id": owner, "is_enterprise_install": True}
        return {"team_id": owner, "is_enterprise_install": False}

    def refusal(self, token: object, params: dict[str, Any] | None = None) -> str | None:
        if token in self.revoked:
            return "token_revoked"
        if time.time() >= self.expires.get(str(token), float("inf")):
            return "token_expired"
        owner = self.tokens.get(str(token))
        placed = self.channel_teams.get(str((params or {}).get("channel") or ""))
        if owner is None or placed is None or placed == owner:
            return None
        return None if owner in self.orgs and placed in self.granted.get(owner, set()) else "channel_not_found"


def _page(sentence: str) -> str:
    return f"<!doctype html><html><body><h1>Slack</h1><p id='error'>{sentence}</p></body></html>"
