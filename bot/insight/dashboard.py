"""`/dashboard` on the web process: Sign in with Slack, then the QA charts for the partnership a person works in.

A small router inside the existing WSGI function (bot/http.py), not a framework: five GET/POST routes need no
more (docs/insight.md). Who may see what comes from the database on every load, never from the address:
business unit, lead and admin roles (`Permission.INSIGHT`) see their assigned partnership; admins may pick
any partnership or all; everyone else gets a plain 403 page.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl

from sqlalchemy import select

from bot.authz import Permission, Role, allowed
from bot.insight import page
from bot.insight.signin import SignIn, SignInError, Visitor
from bot.logs import get_logger
from bot.partnerships import assigned_partnership
from bot.services import Services
from knowledge.partnerships import PARTNERSHIPS
from storage import audit
from storage.core import AuditLog

log = get_logger(__name__)

PREFIX = "/dashboard"
MAX_FORM_BYTES = 4096
StartResponse = Callable[..., Any]
_DRAWING = threading.Lock()
_STATUS = {200: "200 OK", 302: "302 Found", 400: "400 Bad Request", 403: "403 Forbidden", 404: "404 Not Found",
           405: "405 Method Not Allowed", 503: "503 Service Unavailable"}
NOT_SET_UP = ("The dashboard is not set up on this server: set DASHBOARD_CLIENT_ID, DASHBOARD_CLIENT_SECRET and "
              "DASHBOARD_REDIRECT_URI (see docs/insight.md).")
REFUSED = ("This dashboard is for the business unit, safeguarding leads and admins of the partnership it shows. "
           "Ask your partnership's business unit if you think you should have access.")


SESSION_ENTITY, SIGNED_OUT = "dashboard_session", "dashboard.signed_out"


class Dashboard:
    """The WSGI app for every path under /dashboard."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.signin = SignIn(services.settings) if services.settings.dashboard_configured else None

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "GET")
        if self.signin is None:
            return _reply(start_response, 503, page.plain("Dashboard not set up", NOT_SET_UP))
        routes = {(PREFIX, "GET"): self.show, (f"{PREFIX}/login", "GET"): self.login,
                  (f"{PREFIX}/callback", "GET"): self.callback, (f"{PREFIX}/logout", "POST"): self.logout}
        handler = routes.get((path.rstrip("/") or PREFIX, method))
        if handler is None:
            known = {p for p, _ in routes}
            status = 405 if path.rstrip("/") in known else 404
            return _reply(start_response, status, page.plain("Not found", "There is no such page."))
        return handler(environ, start_response)

    # sign in and out -----------------------------------------------------------------------
    def login(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        assert self.signin is not None
        location, state_cookie = self.signin.start()
        return _reply(start_response, 302, "", [("Location", location), ("Set-Cookie", state_cookie)])

    def callback(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        assert self.signin is not None
        query = _query(environ)
        cookies = environ.get("HTTP_COOKIE", "")
        clear_state = ("Set-Cookie", self.signin.browser.build_set_cookie_for_deletion())
        if query.get("error"):  # the person pressed Cancel on Slack's page
            return _reply(start_response, 400, page.plain("Not signed in", "Sign-in was cancelled.",
                                                          link=(f"{PREFIX}/login", "Sign in with Slack")),
                          [clear_state])
        try:
            team, user = self.signin.finish(query.get("code"), query.get("state"), cookies)
        except SignInError as exc:
            log.info("dashboard.signin_failed")
            return _reply(start_response, 400, page.plain("Not signed in", str(exc),
                                                          link=(f"{PREFIX}/login", "Sign in with Slack")),
                          [clear_state])
        sid, session_cookie = self.signin.new_session(team, user)
        self._audit(team, user, "dashboard.signed_in", sid)
        log.info("dashboard.signed_in", team_id=team, user_id=user)
        return _reply(start_response, 302, "", [("Location", PREFIX), clear_state, ("Set-Cookie", session_cookie)])

    def logout(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        assert self.signin is not None
        visitor = self.visitor(environ)
        form = _form(environ)
        if visitor is not None and hmac.compare_digest(form.get("csrf", ""), self.csrf(visitor)):
            self.signin.sign_out(visitor)
            self._audit(visitor.team_id, visitor.user_id, SIGNED_OUT, visitor.sid)
            log.info("dashboard.signed_out", team_id=visitor.team_id, user_id=visitor.user_id)
        elif visitor is not None:
            return _reply(start_response, 400, page.plain("Not signed out", "Please use the Sign out button."))
        return _reply(start_response, 200, page.plain("Signed out", "You have signed out of the dashboard.",
                                                      link=(f"{PREFIX}/login", "Sign in with Slack")),
                      [("Set-Cookie", self.signin.clear_cookie())])

    def visitor(self, environ: dict[str, Any]) -> Visitor | None:
        """The signed-in person; a session signed out in any process is over (the audit log says so)."""
        assert self.signin is not None
        visitor = self.signin.visitor(environ.get("HTTP_COOKIE", ""))
        if visitor is None:
            return None
        with self.services.db.read() as s:
            out = s.scalar(select(AuditLog.id).where(AuditLog.entity_type == SESSION_ENTITY,
                                                     AuditLog.entity_id == visitor.sid,
                                                     AuditLog.action == SIGNED_OUT).limit(1))
        if out is not None:
            self.signin.sign_out(visitor)  # remembered here too: no second query for this cookie
            return None
        return visitor

    def _audit(self, team_id: str, user_id: str, action: str, sid: str) -> None:
        """Sign-in and sign-out are state changes: audited by session id (the cookie's value is never stored)."""
        with self.services.db.session() as s:
            audit.record(s, team_id=team_id, actor_id=user_id, action=action, entity_type=SESSION_ENTITY,
                         entity_id=sid)

    def csrf(self, visitor: Visitor) -> str:
        """The sign-out form's token: bound to the session, so another site cannot sign a person out."""
        assert self.signin is not None
        return hmac.new(self.signin.csrf_key, visitor.sid.encode(), hashlib.sha256).hexdigest()

    # the page ------------------------------------------------------------------------------
    def show(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        assert self.signin is not None
        visitor = self.visitor(environ)
        if visitor is None:
            return _reply(start_response, 200, page.plain(
                "Quality assurance dashboard", "Sign in with your Slack account to see your partnership's figures.",
                link=(f"{PREFIX}/login", "Sign in with Slack")), [("Set-Cookie", self.signin.clear_cookie())])
        query = _query(environ)
        services = self.services
        with services.db.read() as s:
            roles = services.roles_of(s, visitor.team_id, visitor.user_id)
            assigned = assigned_partnership(s, visitor.team_id, visitor.user_id,
                                            services.settings.default_partnership)
        wanted = query.get("partnership") or None
        if wanted is not None and wanted != page.ALL and wanted not in PARTNERSHIPS:
            return _reply(start_response, 400, page.plain("Not found", "There is no such partnership."))
        scopes = self._scopes(roles, assigned)
        scope: str | None = assigned if wanted is None else (None if wanted == page.ALL else wanted)
        if not scopes or scope not in scopes:
            log.info("dashboard.refused", team_id=visitor.team_id, user_id=visitor.user_id)
            with services.db.session() as s:  # audited like every refusal (as `/safeguarding report`'s)
                audit.record(s, team_id=visitor.team_id, actor_id=visitor.user_id, action="insight.refused",
                             entity_type="workspace", entity_id=visitor.team_id)
            return _reply(start_response, 403, page.plain("No access", REFUSED, sign_out=self.csrf(visitor)))
        return self._page(start_response, visitor, query, scope, scopes)

    @staticmethod
    def _scopes(roles: frozenset[Role], assigned: str | None) -> list[str | None]:
        """The partnerships this person may look at (None: all of them together)."""
        if not allowed(roles, Permission.INSIGHT):
            return []
        if Role.ADMIN in roles:
            return page.all_scopes()
        return [assigned] if assigned else []

    def _page(self, start_response: StartResponse, visitor: Visitor, query: dict[str, str], scope: str | None,
              scopes: list[str | None]) -> Iterable[bytes]:
        from bot.case_reviews.deadlines import from_kb
        from bot.insight import charts, measures
        from bot.timeutil import today

        day = today()
        choice = page.choose_period(query, day)
        if isinstance(choice, str):
            return _reply(start_response, 400, page.plain("Period not valid", choice,
                                                          link=(PREFIX, "Back to the dashboard")))
        scales = from_kb(self.services.kb)
        with self.services.db.read() as s:
            m = measures.build(s, measures.Period(scope, choice.since, choice.until), scales, day)
        with _DRAWING:  # pyplot keeps global state: one page's charts at a time
            drawn = charts.all_charts(m, scales, formats=("svg",))
        body = page.dashboard(m, drawn, choice, scopes, self.csrf(visitor))
        return _reply(start_response, 200, body)


def _query(environ: dict[str, Any]) -> dict[str, str]:
    return dict(parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=False)[:20])


def _form(environ: dict[str, Any]) -> dict[str, str]:
    try:
        size = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return {}
    if size <= 0 or size > MAX_FORM_BYTES:
        return {}
    raw = environ["wsgi.input"].read(size).decode("utf-8", "replace")
    return dict(parse_qsl(raw)[:5])


def _reply(start_response: StartResponse, status: int, body: str,
           headers: list[tuple[str, str]] | None = None) -> Iterable[bytes]:
    data = body.encode("utf-8")
    start_response(_STATUS[status], [
        ("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(data))),
        ("Content-Security-Policy", page.CSP), ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"), ("Cache-Control", "no-store"), ("X-Frame-Options", "DENY"),
        *(headers or [])])
    return [data]
