"""Enterprise Grid org-wide installs, through the install pages, signed HTTP in the org's payload shapes and the
local fake Slack: one token for the org, found by enterprise id for every workspace of it; each workspace adopted
with the org's partnership and its own admin's choice after; access taken away and the org uninstalled."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import pytest
import time_machine
from slack_sdk import WebClient
from sqlalchemy import select

from bot.authz import Role, roles_of
from bot.localslack import LocalSlack
from bot.reminders.engine import dispatch_once
from bot.services import Services
from bot.workspaces.tokens import team_clients
from storage.audit import entries
from storage.core import Workspace
from storage.db import Database
from storage.installs import bots
from tests.conftest import SIGNING_SECRET
from tests.reminders.helpers import london, posts
from tests.slackclient import SignedSlack
from tests.workspaces.conftest import CLIENT_ID, CLIENT_SECRET, Browser
from tests.workspaces.grid import GridSlack, org_event
from tests.workspaces.test_tokens import add_series

ORG, T1, T2 = "E0ORG0001", "T0GRID001", "T0GRID002"
INSTALLER = "W0INSTAL1"  # Grid user ids are the org's, the same in every workspace


def _eventually(check: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Events are handled after the ack: wait for what they write."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


def _workspace(db: Database, team: str) -> Workspace | None:
    with db.session() as s:
        ws = s.get(Workspace, team)
        if ws is not None:
            s.expunge(ws)
        return ws


def _place(fake: LocalSlack, team: str, *channels: str) -> None:
    """Channels that exist in Slack, each in its workspace (which the fake then checks every token against)."""
    fake.add_channel(*channels)
    fake.oauth.place(team, *channels)


def _org_token(fake: LocalSlack) -> str:
    (token,) = [t for t, owner in fake.oauth.tokens.items() if owner == ORG and t not in fake.oauth.revoked]
    return token


@pytest.fixture
def org(browser: Browser, fake_slack: LocalSlack) -> Browser:
    """The app registered org-ready ("Org Level Apps" on), and the next install made for the whole org."""
    fake_slack.oauth.register_app(CLIENT_ID, CLIENT_SECRET, f"{browser.app_url}/slack/oauth_redirect", org_ready=True)
    fake_slack.oauth.org_wide = (ORG, "Cheshire and Merseyside")
    return browser


def _grant(served: str, fake: LocalSlack, db: Database, *teams: str) -> None:
    fake.oauth.grant(ORG, *teams)  # the org's admin adds the app to these workspaces; Slack then tells the app
    org_level = SignedSlack(served, SIGNING_SECRET, fake, team_id="")
    assert org_level.post(json.dumps(org_event("team_access_granted", ORG, list(teams))), "application/json").status \
        == 200
    assert _eventually(lambda: all((w := _workspace(db, t)) is not None and w.installed_by and w.paused_at is None
                                   for t in teams))


def test_an_org_wide_install_serves_each_workspace_with_the_org_token_and_its_own_partnership(
        org: Browser, served: str, fake_slack: LocalSlack, db: Database) -> None:
    page = org.install(T1, INSTALLER, "halton")
    assert page.status == 200 and "installed for the whole of <strong>Cheshire and Merseyside" in page.text, page.text
    assert f"/manage/{ORG}/integrations/profile/ALOCAL01/workspaces/add" in page.text  # nothing is in a workspace yet
    with db.session() as s:
        (bot,) = s.execute(select(bots)).mappings().all()  # slack_sdk's store: the org's, no team
        assert (bot["enterprise_id"], bot["team_id"], bot["is_enterprise_install"]) == (ORG, None, True)
        assert s.scalars(select(Workspace.team_id)).all() == [ORG]  # the org's row only, until workspaces are added

    _grant(served, fake_slack, db, T1, T2)
    with db.session() as s:
        for team in (T1, T2):
            ws = s.get(Workspace, team)
            assert ws is not None and (ws.partnership, ws.enterprise_id, ws.installed_by) == ("halton", ORG, INSTALLER)
            assert Role.ADMIN in roles_of(s, team, INSTALLER)
            assert [e.action for e in entries(s, team_id=team)] == ["workspace.installed"]

    one, two = (GridSlack(served, SIGNING_SECRET, fake_slack, team_id=t, enterprise_id=ORG) for t in (T1, T2))
    assert two.command("/safeguarding", "admin partnership wirral", user=INSTALLER, channel="C0GRID2GN").status == 200
    assert "Wirral" in str(fake_slack.wait_for("response_url")[0]["text"])
    assert _workspace(db, T1).partnership == "halton"  # type: ignore[union-attr]
    assert _workspace(db, T2).partnership == "wirral"  # type: ignore[union-attr]

    _place(fake_slack, T1, "DW0PRACT1")
    _place(fake_slack, T2, "DW0PRACT2")
    assert one.dm("who do I call about a child at risk?", user="W0PRACT1").status == 200
    assert two.dm("who do I call about a child at risk?", user="W0PRACT2").status == 200
    replies = {c["channel"]: c for c in fake_slack.wait_for("chat.postMessage", count=2)}
    assert "Halton" in replies["DW0PRACT1"]["text"] and "Wirral" in replies["DW0PRACT2"]["text"]
    assert {c["token"] for c in replies.values()} == {_org_token(fake_slack)}
    assert all(c["_ok"] for c in fake_slack.calls if c.method != "oauth.v2.access")
    # the install's auth.test and Bolt's authorize's (cached: once per token, not per workspace or request)
    assert [c["token"] for c in fake_slack.calls_to("auth.test")] == [_org_token(fake_slack)] * 2


def test_the_clock_posts_each_workspaces_reminders_with_the_org_token_until_access_is_taken_away(
        org: Browser, served: str, fake_slack: LocalSlack, db: Database, oauth_services: Services) -> None:
    org.install(T1, INSTALLER, "halton")
    _grant(served, fake_slack, db, T1, T2)
    _place(fake_slack, T1, "C0GRID1GR")
    _place(fake_slack, T2, "C0GRID2GR")
    add_series(db, T1, "C0GRID1GR")
    add_series(db, T2, "C0GRID2GR")

    fake_slack.oauth.ungrant(ORG, T2)  # an org admin takes the app out of T2
    org_level = SignedSlack(served, SIGNING_SECRET, fake_slack, team_id="")
    event = org_event("team_access_revoked", ORG, [T2])
    assert org_level.post(json.dumps(event), "application/json").status == 200
    assert _eventually(lambda: _workspace(db, T2).paused_at is not None)  # type: ignore[union-attr]

    with time_machine.travel(london(2026, 1, 6, 9, 0, 30), tick=False):
        assert dispatch_once(db, team_clients(oauth_services), grace_hours=6).sent == 1
    assert [c["token"] for c in posts(fake_slack, "C0GRID1GR")] == [_org_token(fake_slack)]
    assert posts(fake_slack, "C0GRID2GR") == []  # T2's reminder waits; its channel is not even tried

    _grant(served, fake_slack, db, T2)  # added back: it goes on
    with time_machine.travel(london(2026, 1, 6, 9, 5), tick=False):
        assert dispatch_once(db, team_clients(oauth_services), grace_hours=6).sent == 1
    assert [c["token"] for c in posts(fake_slack, "C0GRID2GR")] == [_org_token(fake_slack)]


def test_the_fake_refuses_what_slack_refuses_for_org_installs(browser: Browser, fake_slack: LocalSlack,
                                                              db: Database) -> None:
    fake_slack.oauth.org_wide = (ORG, "Cheshire and Merseyside")  # the app was not made org-ready
    start = browser.start("halton")
    refused = browser.at_slack(start)
    assert refused.status == 400 and "entire organization" in refused.text
    with db.session() as s:
        assert s.execute(select(bots)).first() is None and s.get(Workspace, ORG) is None

    fake_slack.oauth.register_app(CLIENT_ID, CLIENT_SECRET, f"{browser.app_url}/slack/oauth_redirect", org_ready=True)
    browser.install(T1, INSTALLER, "halton")
    fake_slack.oauth.grant(ORG, T1)
    _place(fake_slack, T1, "C0GRID1GN")
    _place(fake_slack, T2, "C0GRID2GN")
    org_client = WebClient(token=_org_token(fake_slack), base_url=fake_slack.api_url)
    assert org_client.auth_test().data["is_enterprise_install"] is True
    assert org_client.chat_postMessage(channel="C0GRID1GN", text="in a workspace the app was added to")["ok"]
    with pytest.raises(Exception, match="channel_not_found"):  # T2 was never added: Slack's token cannot see it
        org_client.chat_postMessage(channel="C0GRID2GN", text="in a workspace it was not added to")


def test_a_workspace_of_the_org_is_adopted_on_its_first_request_when_no_grant_event_came(
        org: Browser, served: str, fake_slack: LocalSlack, db: Database) -> None:
    org.install(T1, INSTALLER, "warrington")
    fake_slack.oauth.grant(ORG, T1)  # granted, but the event never reached this service
    one = GridSlack(served, SIGNING_SECRET, fake_slack, team_id=T1, enterprise_id=ORG)
    assert one.command("/safeguarding", "admin show", user=INSTALLER, channel="C0GRID1GN").status == 200
    (told,) = fake_slack.wait_for("response_url")
    assert "Warrington" in str(told["text"]) + str(told.get("blocks")), told.params  # admin there, org's partnership
    ws = _workspace(db, T1)
    assert ws is not None and (ws.enterprise_id, ws.partnership) == (ORG, "warrington")


def test_uninstalling_the_org_pauses_its_workspaces_but_not_one_installed_on_its_own(
        org: Browser, served: str, fake_slack: LocalSlack, db: Database, oauth_services: Services) -> None:
    org.install(T1, INSTALLER, "halton")
    _grant(served, fake_slack, db, T1)
    fake_slack.oauth.org_wide = None  # T2, in the same org, installs the app for itself
    org.install(T2, "W0OWNINS2", "wirral", enterprise_id=ORG)
    _place(fake_slack, T1, "C0GRID1GR")
    _place(fake_slack, T2, "C0GRID2GR")
    add_series(db, T1, "C0GRID1GR")
    add_series(db, T2, "C0GRID2GR")

    fake_slack.oauth.revoke(ORG)
    org_level = SignedSlack(served, SIGNING_SECRET, fake_slack, team_id="")
    assert org_level.post(json.dumps(org_event("app_uninstalled", ORG)), "application/json").status == 200
    assert _eventually(lambda: _workspace(db, T1).paused_at is not None)  # type: ignore[union-attr]
    with db.session() as s:  # Bolt's revocation listener deleted the org's token; T2's own is kept
        assert [(b["enterprise_id"], b["team_id"]) for b in s.execute(select(bots)).mappings()] == [(ORG, T2)]
        assert s.get(Workspace, ORG).paused_at is not None  # type: ignore[union-attr]
        assert s.get(Workspace, T2).paused_at is None  # type: ignore[union-attr]
        assert Role.ADMIN in roles_of(s, T1, INSTALLER)  # roles and records are kept

    with time_machine.travel(london(2026, 1, 6, 9, 0, 30), tick=False):
        assert dispatch_once(db, team_clients(oauth_services), grace_hours=6).sent == 1
    assert posts(fake_slack, "C0GRID1GR") == [] and len(posts(fake_slack, "C0GRID2GR")) == 1
    assert not [c for c in fake_slack.calls if c.get("_error") == "token_revoked"]

    fake_slack.oauth.org_wide = (ORG, "Cheshire and Merseyside")  # installed again, and added again
    assert "installed before" in org.install(T1, INSTALLER, "warrington").text
    _grant(served, fake_slack, db, T1)
    assert _workspace(db, T1).partnership == "halton"  # type: ignore[union-attr]
    with time_machine.travel(london(2026, 1, 6, 9, 5), tick=False):
        assert dispatch_once(db, team_clients(oauth_services), grace_hours=6).sent == 1
    assert [c["token"] for c in posts(fake_slack, "C0GRID1GR")] == [_org_token(fake_slack)]
