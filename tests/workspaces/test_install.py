"""Installs by OAuth through Bolt's pages, the local fake Slack's authorize page and oauth.v2.access."""

from __future__ import annotations

from pathlib import Path

import yaml
from sqlalchemy import func, select

from bot.authz import Role, roles_of
from bot.localslack import LocalSlack
from bot.workspaces.oauth import SCOPES
from storage.audit import entries
from storage.core import Workspace
from storage.db import Database
from storage.installs import bots, oauth_states
from tests.workspaces.conftest import Browser, fetch

ROOT = Path(__file__).resolve().parents[2]


def test_install_page_asks_the_partnership_then_sets_the_state_cookie(served: str, db: Database) -> None:
    choose = fetch(f"{served}/slack/install")
    assert choose.status == 200 and "Set-Cookie" not in choose.headers
    assert "/slack/install?partnership=halton" in choose.text and "Wirral" in choose.text

    page = fetch(f"{served}/slack/install?partnership=wirral")
    assert page.status == 200
    cookie = page.headers["Set-Cookie"]
    state = cookie.split(";")[0].split("=", 1)[1]
    assert state.startswith("wirral~") and "HttpOnly" in cookie
    assert "oauth/v2/authorize" in page.text and f"state={state}" in page.text
    with db.session() as s:  # issued by slack_sdk's state store, in the project's database
        assert s.scalar(select(func.count()).select_from(oauth_states)) == 1


def test_full_install_records_tokens_partnership_and_first_admin(browser: Browser, fake_slack: LocalSlack,
                                                                  db: Database) -> None:
    page = browser.install("TAAAA0001", "UINSTALL1", "warrington", name="Warrington SP")
    assert page.status == 200 and "installed in <strong>Warrington SP</strong>" in page.text, page.text
    assert "Warrington" in page.text and "first admin" in page.text

    access = fake_slack.calls_to("oauth.v2.access")
    assert len(access) == 1 and access[0]["_ok"] and "client_secret" not in access[0].params
    with db.session() as s:
        bot = s.execute(select(bots)).mappings().one()
        assert bot["team_id"] == "TAAAA0001" and bot["bot_token"] in fake_slack.oauth.tokens
        ws = s.get(Workspace, "TAAAA0001")
        assert ws is not None and ws.partnership == "warrington" and ws.installed_by == "UINSTALL1"
        assert Role.ADMIN in roles_of(s, "TAAAA0001", "UINSTALL1")
        assert [e.action for e in entries(s, team_id="TAAAA0001")] == ["workspace.installed"]
        assert s.scalar(select(func.count()).select_from(oauth_states)) == 0  # the state was used up


def test_a_reinstall_keeps_the_partnership_chosen_first(browser: Browser, db: Database) -> None:
    browser.install("TAAAA0001", "UINSTALL1", "wirral")
    page = browser.install("TAAAA0001", "UOTHER001", "halton")
    assert page.status == 200 and "It was installed before" in page.text
    with db.session() as s:
        ws = s.get(Workspace, "TAAAA0001")
        assert ws is not None and ws.partnership == "wirral" and ws.installed_by == "UINSTALL1"
        assert Role.ADMIN not in roles_of(s, "TAAAA0001", "UOTHER001")


def test_failures_show_a_page_saying_what_to_do(browser: Browser, fake_slack: LocalSlack, served: str,
                                                 db: Database) -> None:
    fake_slack.oauth.install_as("UINSTALL1", "TAAAA0001")
    fake_slack.oauth.cancel = True
    cancelled = browser.add_to_slack(browser.start("halton"))
    assert cancelled.status == 200 and "cancelled in Slack" in cancelled.text

    fake_slack.oauth.install_as("UINSTALL1", "TAAAA0001")
    page = browser.start("halton")
    browser.cookie = "slack-app-oauth-state=halton~someone-elses"
    other_browser = browser.add_to_slack(page)
    assert other_browser.status == 400 and "another browser" in other_browser.text

    forged = fetch(f"{served}/slack/oauth_redirect?code=x&state=wirral~forged", "slack-app-oauth-state=wirral~forged")
    assert forged.status == 401 and "expired or was already used" in forged.text
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(bots)) == 0
        assert s.get(Workspace, "TAAAA0001") is None


def test_a_refused_code_is_a_clear_failure(browser: Browser, fake_slack: LocalSlack, db: Database) -> None:
    fake_slack.oauth.register_app("1111.2222", "a-different-secret", f"{browser.app_url}/slack/oauth_redirect")
    page = browser.install("TAAAA0001", "UINSTALL1")
    assert page.status == 401 and "refused or had expired" in page.text
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(bots)) == 0


def test_the_install_scopes_are_the_manifests() -> None:
    manifest = yaml.safe_load((ROOT / "manifest.yml").read_text())
    assert sorted(SCOPES) == sorted(manifest["oauth_config"]["scopes"]["bot"])
