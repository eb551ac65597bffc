"""Sign in with Slack, faked on loopback for bot/localslack.py: the authorize page and the two OpenID methods.

Like Slack: the authorize page sends the browser back to the registered redirect URI with a one-time code and
the state it was given; openid.connect.token refuses an unknown client id, a wrong client secret, a redirect URI
other than the one the code was issued for, and an unknown, expired or already used code;
openid.connect.userInfo answers only for a token it issued. Who is "at the browser" is set with `sign_in_as`.
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

AUTHORIZE_PATH = "/openid/connect/authorize"
METHODS = frozenset({"openid.connect.token", "openid.connect.userInfo"})
CODE_SECONDS = 600  # Slack's codes last ten minutes
Answer = tuple[int, dict[str, Any], dict[str, str]]


@dataclass
class _Client:
    secret: str
    redirect_uris: tuple[str, ...]


@dataclass
class _Code:
    client_id: str
    redirect_uri: str
    team_id: str
    user_id: str
    nonce: str | None
    issued: float = field(default_factory=time.time)
    used: bool = False


class FakeOpenID:
    """The OpenID side of the local Slack; LocalSlack routes its paths and methods here."""

    def __init__(self, team_id: str) -> None:
        self.team_id = team_id
        self._lock = threading.Lock()
        self._clients: dict[str, _Client] = {}
        self._codes: dict[str, _Code] = {}
        self._tokens: dict[str, tuple[str, str]] = {}
        self.person: tuple[str, str] | None = None  # (team id, user id) signed in to Slack in "the browser"

    def register_client(self, client_id: str, client_secret: str, *redirect_uris: str) -> None:
        """An app with Sign in with Slack: its credentials and the redirect URLs set on its OAuth page."""
        with self._lock:
            self._clients[client_id] = _Client(client_secret, tuple(redirect_uris))

    def sign_in_as(self, user_id: str, team_id: str | None = None) -> None:
        self.person = (team_id or self.team_id, user_id)

    def reset(self) -> None:
        with self._lock:
            self._clients.clear()
            self._codes.clear()
            self._tokens.clear()
            self.person = None

    # the browser's side ----------------------------------------------------------------------
    def authorize(self, query: str) -> tuple[int, dict[str, str], str]:
        """GET /openid/connect/authorize: (status, headers, html)."""
        q = {k: v[0] for k, v in parse_qs(query).items()}
        client = self._clients.get(q.get("client_id", ""))
        redirect = q.get("redirect_uri", "")
        if client is None:
            return 400, {}, _page("Invalid client_id parameter")
        if redirect not in client.redirect_uris:
            return 400, {}, _page("redirect_uri did not match any configured URIs")
        if q.get("response_type") != "code" or "openid" not in q.get("scope", "").split(","):
            return 400, {}, _page("Invalid scope or response_type")
        if self.person is None:
            return 200, {}, _page("Not signed in to Slack in this browser")
        code = secrets.token_hex(12)
        with self._lock:
            self._codes[code] = _Code(q["client_id"], redirect, *self.person, nonce=q.get("nonce"))
        back = redirect + ("&" if urlsplit(redirect).query else "?") + urlencode({"code": code,
                                                                                   "state": q.get("state", "")})
        return 302, {"Location": back}, ""

    def page(self, request_path: str) -> tuple[int, dict[str, str], str]:
        """A browser's GET: the authorize page, or 404 for any other path (the server writes it)."""
        path, _, query = request_path.partition("?")
        return self.authorize(query) if path == AUTHORIZE_PATH else (404, {}, _page("Not found"))

    # the app's side ---------------------------------------------------------------------------
    @staticmethod
    def loggable(params: dict[str, Any]) -> dict[str, Any]:
        """A call's parameters as the fake records them: never the secret or the code."""
        return {k: v for k, v in params.items() if k not in ("client_secret", "code")}

    def answer(self, method: str, params: dict[str, Any], authorization: str) -> Answer:
        if method == "openid.connect.token":
            return 200, self._token(params, authorization), {}
        return 200, self._user_info(params, authorization), {}

    def _token(self, params: dict[str, Any], authorization: str) -> dict[str, Any]:
        client_id, secret = params.get("client_id"), params.get("client_secret")
        if authorization.startswith("Basic "):
            client_id, _, secret = base64.b64decode(authorization[6:]).decode().partition(":")
        with self._lock:
            client = self._clients.get(str(client_id))
            if client is None:
                return {"ok": False, "error": "invalid_client_id"}
            if not secrets.compare_digest(client.secret, str(secret)):
                return {"ok": False, "error": "bad_client_secret"}
            code = self._codes.get(str(params.get("code") or ""))
            if code is None or code.client_id != client_id or code.used or time.time() - code.issued > CODE_SECONDS:
                return {"ok": False, "error": "invalid_code"}
            code.used = True  # a code works once, even if the rest is wrong
            if params.get("redirect_uri") != code.redirect_uri:
                return {"ok": False, "error": "bad_redirect_uri"}
            token = "xoxp-" + secrets.token_hex(16)
            self._tokens[token] = (code.team_id, code.user_id)
        claims = {"iss": "https://slack.com", "sub": code.user_id, "aud": client_id, "nonce": code.nonce,
                  "https://slack.com/user_id": code.user_id, "https://slack.com/team_id": code.team_id,
                  "iat": int(time.time()), "exp": int(time.time()) + 3600}
        return {"ok": True, "access_token": token, "token_type": "Bearer", "id_token": _unsigned_jwt(claims)}

    def _user_info(self, params: dict[str, Any], authorization: str) -> dict[str, Any]:
        token = authorization.removeprefix("Bearer ") if authorization else str(params.get("token") or "")
        with self._lock:
            who = self._tokens.get(token)
        if who is None:
            return {"ok": False, "error": "invalid_auth"}
        team, user = who
        return {"ok": True, "sub": user, "https://slack.com/user_id": user, "https://slack.com/team_id": team}


def _unsigned_jwt(claims: dict[str, Any]) -> str:
    def part(obj: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")

    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(claims)}."


def _page(sentence: str) -> str:
    return f"<!doctype html><html><body><h1>Slack</h1><p id='error'>{sentence}</p></body></html>"
