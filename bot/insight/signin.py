"""Sign in with Slack (OpenID Connect) for the dashboard, and the signed session cookie that follows it.

slack_sdk does the protocol: `OpenIDConnectAuthorizeUrlGenerator` builds the authorize address,
`WebClient.openid_connect_token` trades the one-time code (client id and secret as HTTP Basic auth) and
`openid_connect_userInfo` says who signed in (workspace and user id: nothing else is kept). The state is
CSRF-safe twice over, as Bolt's own OAuth flow does it: it is issued and consumed once by an `OAuthStateStore`
(signed, expiring, refused when reused) and must also match the browser's state cookie (`OAuthStateUtils`).

A session is a signed cookie (HMAC-SHA256 with a key derived from the client secret): workspace, user, a random
session id and its expiry. It holds no role: every page load reads roles and partnership from the database, so a
revoked role takes effect within seconds. Signing out forgets the session id in this process until it would
have expired.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.oauth import OAuthStateStore, OAuthStateUtils, OpenIDConnectAuthorizeUrlGenerator

from bot.logs import get_logger
from bot.settings import Settings

SESSION_COOKIE = "sgb-dashboard"
STATE_COOKIE = "sgb-dashboard-state"
SESSION_SECONDS = 8 * 60 * 60  # a working day; then sign in again
STATE_SECONDS = 10 * 60
SCOPES = ("openid",)  # who you are; no email, no profile: the page shows no names
SLACK_AUTHORIZE_URL = "https://slack.com/openid/connect/authorize"
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
_log = logging.getLogger(__name__)  # what slack_sdk's state-store interface asks for
log = get_logger(__name__)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Signer:
    """`payload.signature` tokens; a wrong signature or a malformed token reads as None, never raises."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def sign(self, payload: dict[str, Any]) -> str:
        body = _b64(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode())
        return f"{body}.{_b64(hmac.new(self._key, body.encode(), hashlib.sha256).digest())}"

    def read(self, token: str) -> dict[str, Any] | None:
        body, _, sig = token.partition(".")
        if not body or not sig:
            return None
        expected = _b64(hmac.new(self._key, body.encode(), hashlib.sha256).digest())
        if not hmac.compare_digest(expected, sig):
            return None
        try:
            payload = json.loads(_unb64(body))
        except (ValueError, UnicodeDecodeError):
            return None
        return payload if isinstance(payload, dict) else None


class Forgotten:
    """Ids that must not be accepted again until they expire anyway (used states, signed-out sessions)."""

    def __init__(self) -> None:
        self._until: dict[str, float] = {}
        self._lock = threading.Lock()

    def add(self, key: str, until: float) -> bool:
        """False if `key` was already there (a replay)."""
        with self._lock:
            now = time.time()
            for k in [k for k, t in self._until.items() if t < now]:
                del self._until[k]
            if key in self._until:
                return False
            self._until[key] = until
            return True

    def __contains__(self, key: str) -> bool:
        with self._lock:
            return self._until.get(key, 0) >= time.time()


class SignedStateStore(OAuthStateStore):
    """slack_sdk's state-store interface with no table: a signed, expiring state, consumed once per process."""

    def __init__(self, signer: Signer, expiration_seconds: int = STATE_SECONDS) -> None:
        self._signer, self._seconds, self._used = signer, expiration_seconds, Forgotten()

    @property
    def logger(self) -> logging.Logger:
        return _log

    def issue(self, *args: Any, **kwargs: Any) -> str:
        return self._signer.sign({"s": secrets.token_urlsafe(16), "exp": int(time.time()) + self._seconds})

    def consume(self, state: str) -> bool:
        payload = self._signer.read(state)
        if payload is None or not isinstance(payload.get("exp"), int) or payload["exp"] < time.time():
            return False
        return self._used.add(state, payload["exp"])


class BrowserState(OAuthStateUtils):
    """The state cookie, scoped to /dashboard; Secure unless the dashboard is served on loopback (tests, console)."""

    def __init__(self, secure: bool) -> None:
        super().__init__(cookie_name=STATE_COOKIE, expiration_seconds=STATE_SECONDS)
        self.secure = secure

    def build_set_cookie_for_new_state(self, state: str) -> str:
        return cookie(self.cookie_name, state, self.expiration_seconds, self.secure)

    def build_set_cookie_for_deletion(self) -> str:
        return cookie(self.cookie_name, "deleted", 0, self.secure)


def cookie(name: str, value: str, max_age: int, secure: bool) -> str:
    flags = "; Secure" if secure else ""
    return f"{name}={value}; Path=/dashboard; Max-Age={max_age}; HttpOnly; SameSite=Lax{flags}"


def read_cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value.strip().strip('"')
    return None


@dataclass(frozen=True)
class Visitor:
    """Who holds a valid session: ids only (the page shows no names)."""

    team_id: str
    user_id: str
    sid: str
    expires: int


class SignInError(Exception):
    """Sign-in did not complete; the message is a fixed sentence for the page (never Slack's text)."""


def authorize_url(settings: Settings) -> str:
    """Slack's authorize page, or the local fake's when SLACK_API_URL points at one (console and tests)."""
    api = settings.slack_api_url
    if api and urlsplit(api).hostname in LOOPBACK:
        return api.removesuffix("/").removesuffix("/api") + "/openid/connect/authorize"
    return SLACK_AUTHORIZE_URL


class SignIn:
    """The whole sign-in: start (state, cookie, where to go), finish (code -> who), sessions."""

    def __init__(self, settings: Settings) -> None:
        if not settings.dashboard_configured:
            raise ValueError("dashboard sign-in is not configured")
        secret = settings.secret("dashboard_client_secret") or ""
        self.client_id, self._secret = settings.dashboard_client_id or "", secret
        self.redirect_uri = settings.dashboard_redirect_uri or ""
        self.secure = urlsplit(self.redirect_uri).hostname not in LOOPBACK
        key = hmac.new(secret.encode(), b"safeguarding-bot dashboard session", hashlib.sha256).digest()
        self._signer = Signer(key)
        self.csrf_key = hmac.new(key, b"csrf", hashlib.sha256).digest()
        self.states = SignedStateStore(Signer(hmac.new(key, b"state", hashlib.sha256).digest()))
        self.browser = BrowserState(self.secure)
        self.urls = OpenIDConnectAuthorizeUrlGenerator(client_id=self.client_id, redirect_uri=self.redirect_uri,
                                                       scopes=list(SCOPES), authorization_url=authorize_url(settings))
        self._client = WebClient(base_url=settings.slack_api_url or WebClient.BASE_URL, timeout=10)
        self._signed_out = Forgotten()

    # the round trip ------------------------------------------------------------------------
    def start(self) -> tuple[str, str]:
        """Where to send the browser, and the state cookie to set on the way."""
        state = self.states.issue()
        return self.urls.generate(state=state), self.browser.build_set_cookie_for_new_state(state)

    def finish(self, code: str | None, state: str | None, cookie_header: str) -> tuple[str, str]:
        """(team id, user id) of the person Slack signed in; SignInError if anything does not hold."""
        if not state or not self.browser.is_valid_browser(state, {"cookie": cookie_header}):
            raise SignInError("This sign-in was started in another browser or has expired. Please sign in again.")
        if not self.states.consume(state):
            raise SignInError("This sign-in link has expired or was already used. Please sign in again.")
        if not code:
            raise SignInError("Slack did not sign you in. Please try again.")
        try:
            token = self._client.openid_connect_token(client_id=self.client_id, client_secret=self._secret,
                                                      code=code, redirect_uri=self.redirect_uri)
            info = WebClient(base_url=self._client.base_url, token=str(token.get("access_token") or ""),
                             timeout=10).openid_connect_userInfo()
        except SlackApiError as exc:  # Slack's error code only (bad_client_secret, invalid_code, ...)
            log.warning("dashboard.signin_refused", error=exc.response.get("error"))
            raise SignInError("Slack did not confirm who you are. Please sign in again.") from None
        except (SlackClientError, OSError) as exc:
            log.warning("dashboard.signin_unreachable", error=type(exc).__name__)
            raise SignInError("Slack could not be reached. Please try again in a minute.") from None
        team, user = info.get("https://slack.com/team_id"), info.get("https://slack.com/user_id")
        if not isinstance(team, str) or not isinstance(user, str) or not team or not user:
            raise SignInError("Slack did not confirm who you are. Please sign in again.")
        return team, user

    # sessions ------------------------------------------------------------------------------
    def new_session(self, team_id: str, user_id: str) -> tuple[str, str]:
        """(session id, the cookie to set): the id is what the audit log records for sign-in and sign-out."""
        sid = secrets.token_urlsafe(12)
        payload = {"t": team_id, "u": user_id, "sid": sid, "exp": int(time.time()) + SESSION_SECONDS}
        return sid, cookie(SESSION_COOKIE, self._signer.sign(payload), SESSION_SECONDS, self.secure)

    def clear_cookie(self) -> str:
        return cookie(SESSION_COOKIE, "deleted", 0, self.secure)

    def visitor(self, cookie_header: str) -> Visitor | None:
        """The signed-in person, or None: no cookie, a tampered or expired one, or one signed out."""
        token = read_cookie(cookie_header, SESSION_COOKIE)
        payload = self._signer.read(token) if token else None
        if payload is None:
            return None
        team, user, sid, exp = (payload.get(k) for k in ("t", "u", "sid", "exp"))
        if not (isinstance(team, str) and isinstance(user, str) and isinstance(sid, str) and isinstance(exp, int)):
            return None
        if exp < time.time() or sid in self._signed_out:
            return None
        return Visitor(team, user, sid, exp)

    def sign_out(self, visitor: Visitor) -> None:
        self._signed_out.add(visitor.sid, visitor.expires)
