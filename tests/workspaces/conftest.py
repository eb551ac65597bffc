"""Many workspaces: the app in OAuth mode (SLACK_CLIENT_ID/SECRET, no SLACK_BOT_TOKEN) served on loopback, and a
browser that installs it through Bolt's pages and the local fake Slack's authorize page."""

from __future__ import annotations

import re
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape

import pytest

from bot.app import create_app
from bot.http import make_server, stop_server
from bot.localslack import LocalSlack
from bot.services import Services
from bot.settings import Settings, load_settings
from storage.db import Database
from tests.conftest import SIGNING_SECRET
from tests.slackclient import SignedSlack

CLIENT_ID = "1111.2222"
CLIENT_SECRET = "local-client-secret-" + "0" * 12


@dataclass
class Page:
    status: int
    text: str
    headers: dict[str, str]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, cookie: str | None = None) -> Page:
    req = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with _OPENER.open(req, timeout=10) as resp:
            return Page(resp.status, resp.read().decode(), dict(resp.headers))
    except urllib.error.HTTPError as err:
        return Page(err.code, err.read().decode(), dict(err.headers))


class Browser:
    """One installer's browser: keeps the state cookie Bolt sets, follows Slack's redirect back by hand."""

    def __init__(self, app_url: str, fake: LocalSlack) -> None:
        self.app_url, self.fake, self.cookie = app_url, fake, None

    def start(self, partnership: str) -> Page:
        page = fetch(f"{self.app_url}/slack/install?partnership={partnership}")
        if "Set-Cookie" in page.headers:
            self.cookie = page.headers["Set-Cookie"].split(";")[0]
        return page

    def at_slack(self, page: Page) -> Page:
        """Slack's authorize page, reached by the Add to Slack link (a redirect back, or Slack's refusal)."""
        return fetch(unescape(re.search(r"id='add' href='([^']+)'", page.text).group(1)))  # type: ignore[union-attr]

    def add_to_slack(self, page: Page) -> Page:
        at_slack = self.at_slack(page)
        assert at_slack.status == 302, at_slack.text
        return fetch(at_slack.headers["Location"], self.cookie)

    def install(self, team_id: str, user_id: str, partnership: str = "halton", name: str = "",
                enterprise_id: str | None = None) -> Page:
        self.fake.oauth.install_as(user_id, team_id, name, enterprise_id=enterprise_id)
        return self.add_to_slack(self.start(partnership))


@pytest.fixture
def oauth_settings(database_url: str, fake_slack: LocalSlack) -> Settings:
    return load_settings(database_url=database_url, slack_client_id=CLIENT_ID, slack_client_secret=CLIENT_SECRET,
                         slack_signing_secret=SIGNING_SECRET, slack_api_url=fake_slack.api_url,
                         bootstrap_admin_ids="UADMIN01", log_format="json")


@pytest.fixture
def oauth_services(oauth_settings: Settings, db: Database) -> Services:
    return Services(settings=oauth_settings, db=db)


@pytest.fixture
def served(oauth_services: Services, fake_slack: LocalSlack) -> Iterator[str]:
    app = create_app(oauth_services)
    server = make_server(app, oauth_services)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    host, port = server.socket.getsockname()[:2]
    url = f"http://{host}:{port}"
    fake_slack.oauth.register_app(CLIENT_ID, CLIENT_SECRET, f"{url}/slack/oauth_redirect")
    yield url
    stop_server(server, thread)
    app.listener_runner.listener_executor.shutdown(wait=True)  # type: ignore[attr-defined]


@pytest.fixture
def browser(served: str, fake_slack: LocalSlack) -> Browser:
    return Browser(served, fake_slack)


@pytest.fixture
def team_a(served: str, fake_slack: LocalSlack) -> SignedSlack:
    return SignedSlack(served, SIGNING_SECRET, fake_slack, team_id="TAAAA0001")


@pytest.fixture
def team_b(served: str, fake_slack: LocalSlack) -> SignedSlack:
    return SignedSlack(served, SIGNING_SECRET, fake_slack, team_id="TBBBB0002")
