"""The dashboard served for real: waitress on loopback with Sign in with Slack pointed at the local fake Slack."""

from __future__ import annotations

import http.client
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import pytest
from pydantic import SecretStr

from bot.app import create_app
from bot.authz import Role, grant
from bot.http import make_server, stop_server
from bot.localslack import LocalSlack
from bot.partnerships import get_workspace
from bot.services import Services
from bot.settings import Settings
from storage.db import Database
from tests.conftest import TEAM_ID

CLIENT_ID, CLIENT_SECRET = "1234.5678", "dashboard-client-secret-0000"
OTHER_TEAM = "T0002"


@dataclass
class Reply:
    status: int
    headers: list[tuple[str, str]]
    body: str

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)

    def cookies_set(self) -> list[str]:
        return [v for k, v in self.headers if k.lower() == "set-cookie"]


@dataclass
class Browser:
    """A browser without script: keeps cookies per host, follows nothing unless asked."""

    cookies: dict[str, dict[str, str]] = field(default_factory=dict)

    def request(self, method: str, url: str, body: str | None = None) -> Reply:
        parts = urlsplit(url)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        jar = self.cookies.setdefault(parts.hostname or "", {})
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())} if jar else {}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, parts.path + (f"?{parts.query}" if parts.query else ""), body=body, headers=headers)
        raw = conn.getresponse()
        reply = Reply(raw.status, raw.getheaders(), raw.read().decode("utf-8"))
        conn.close()
        for cookie in reply.cookies_set():
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in cookie:
                jar.pop(name, None)
            else:
                jar[name] = value
        return reply

    def get(self, url: str, follow: bool = False) -> Reply:
        reply = self.request("GET", url)
        while follow and reply.status in (301, 302, 303):
            location = reply.header("Location") or ""
            if location.startswith("/"):
                location = f"{urlsplit(url).scheme}://{urlsplit(url).netloc}{location}"
            url, reply = location, self.request("GET", location)
        return reply


@dataclass
class Web:
    base: str
    fake: LocalSlack
    settings: Settings  # the dashboard's (a test may build a second process's app from them)

    def sign_in(self, user_id: str, team_id: str = TEAM_ID, browser: Browser | None = None) -> Browser:
        """The whole round trip: dashboard -> login -> Slack's authorize page -> callback -> dashboard."""
        browser = browser or Browser()
        self.fake.openid.sign_in_as(user_id, team_id)
        done = browser.get(f"{self.base}/dashboard/login", follow=True)
        assert done.status in (200, 403), done.body
        return browser


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Marks a test whose body failed, so the browser fixture can keep what Chromium showed."""
    report = yield
    if report.when == "call" and report.failed:
        item.failed_call = True  # type: ignore[attr-defined]
    return report


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def web(settings: Settings, db: Database, fake_slack: LocalSlack) -> Iterator[Web]:
    """The app on loopback with the dashboard configured; Halton is T0001's partnership, Wirral T0002's."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    configured = settings.model_copy(update={"dashboard_client_id": CLIENT_ID,
                                             "dashboard_client_secret": SecretStr(CLIENT_SECRET),
                                             "dashboard_redirect_uri": f"{base}/dashboard/callback"})
    services = Services(settings=configured, db=db)
    fake_slack.openid.register_client(CLIENT_ID, CLIENT_SECRET, f"{base}/dashboard/callback")
    with db.session() as s:
        get_workspace(s, TEAM_ID).partnership = "halton"
        get_workspace(s, OTHER_TEAM).partnership = "wirral"
        grant(s, TEAM_ID, "UBUSUNIT1", Role.BUSINESS_UNIT)
        grant(s, TEAM_ID, "ULEAD0001", Role.SAFEGUARDING_LEAD)
        grant(s, TEAM_ID, "UMANAGER1", Role.MANAGER)
        grant(s, OTHER_TEAM, "UBUWIRRAL", Role.BUSINESS_UNIT)
    app = create_app(services)
    server = make_server(app, services, port=port)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield Web(base, fake_slack, configured)
    stop_server(server, thread)
    app.listener_runner.listener_executor.shutdown(wait=True)  # type: ignore[attr-defined]


class Tables(HTMLParser):
    """Each <section id=...>'s table rows as lists of cell text, and the text of elements with an id."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.texts: dict[str, str] = {}
        self._section: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._open: list[tuple[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ident = dict(attrs).get("id")
        if tag == "section":
            self._section = ident
        if tag == "tr" and self._section:
            self._row = []
        if tag == "td" and self._row is not None:
            self._cell = []
        if ident and tag not in ("section", "input", "img"):
            self._open.append((tag, ident))
            self.texts[ident] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        if tag == "tr" and self._row:
            self.tables.setdefault(self._section or "", []).append(self._row)
            self._row = None
        if self._open and self._open[-1][0] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        for _, ident in self._open:
            if ident:
                self.texts[ident] += data
