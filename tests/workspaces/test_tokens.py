"""Every outgoing call uses the installing workspace's own token: requests through Bolt's authorize, the clock's
reminders through the installation store by the row's team (the fake Slack records the token of every call)."""

from __future__ import annotations

import time_machine

from bot.localslack import LocalSlack
from bot.reminders.engine import dispatch_once
from bot.reminders.service import SeriesInput, create_series, validate
from bot.services import Services
from bot.workspaces.tokens import team_clients
from storage.db import Database
from tests.reminders.helpers import london, posts
from tests.slackclient import SignedSlack
from tests.workspaces.conftest import Browser

A, B = "TAAAA0001", "TBBBB0002"
MEETING = dict(name="QA and Scrutiny Group", recurrence="every 2 months on the second Tuesday at 10:00",
               first_date="2026-01-01", days_before="7,1")


def token_of(fake: LocalSlack, team: str) -> str:
    (token,) = [t for t, owner in fake.oauth.tokens.items() if owner == team and t not in fake.oauth.revoked]
    return token


def add_series(db: Database, team: str, channel: str) -> int:
    spec, errors = validate(SeriesInput(channel_id=channel, **MEETING), london(2026, 1, 1, 12))
    assert errors == {}
    with db.session() as s:
        return create_series(s, team_id=team, owner_id="UOWNER01", partnership=None, spec=spec,
                             now=london(2026, 1, 1, 12)).id


def test_each_workspace_is_answered_with_its_own_token(browser: Browser, team_a: SignedSlack, team_b: SignedSlack,
                                                        fake_slack: LocalSlack) -> None:
    browser.install(A, "UINSTALLA", "halton")
    browser.install(B, "UINSTALLB", "wirral")
    assert team_a.dm("who do I call about a child at risk?", user="UPRACT01").status == 200
    assert team_b.dm("who do I call about a child at risk?", user="UPRACT02").status == 200
    replies = fake_slack.wait_for("chat.postMessage", count=2)
    by_channel = {c["channel"]: c["token"] for c in replies}
    assert by_channel == {"DUPRACT01": token_of(fake_slack, A), "DUPRACT02": token_of(fake_slack, B)}
    # Bolt's authorize asked auth.test once per token, each answered for its own workspace
    assert {c["token"] for c in fake_slack.calls_to("auth.test")} == {token_of(fake_slack, A), token_of(fake_slack, B)}


def test_a_workspace_never_installed_is_not_answered(served: str, fake_slack: LocalSlack) -> None:
    from tests.conftest import SIGNING_SECRET

    stranger = SignedSlack(served, SIGNING_SECRET, fake_slack, team_id="TNOTINST1")
    resp = stranger.command("/safeguarding", "help")
    assert resp.status == 200
    (told,) = fake_slack.wait_for("response_url")  # through Bolt's authorize: no token, only this reply
    assert "not installed in this workspace" in told["text"] and "/slack/install" in told["text"]
    assert fake_slack.calls_to("chat.postMessage") == [] and fake_slack.calls_to("auth.test") == []


def test_the_clock_posts_each_workspaces_reminders_with_its_token(browser: Browser, oauth_services: Services,
                                                                   db: Database, fake_slack: LocalSlack) -> None:
    browser.install(A, "UINSTALLA", "halton")
    browser.install(B, "UINSTALLB", "wirral")
    add_series(db, A, "CGROUPA1")
    add_series(db, B, "CGROUPB1")
    with time_machine.travel(london(2026, 1, 6, 9, 0, 30), tick=False):
        stats = dispatch_once(db, team_clients(oauth_services), grace_hours=6)
    assert stats.sent == 2
    assert [c["token"] for c in posts(fake_slack, "CGROUPA1")] == [token_of(fake_slack, A)]
    assert [c["token"] for c in posts(fake_slack, "CGROUPB1")] == [token_of(fake_slack, B)]


def test_each_workspaces_app_home_is_published_with_its_own_token(browser: Browser, team_a: SignedSlack,
                                                                   team_b: SignedSlack, fake_slack: LocalSlack) -> None:
    browser.install(A, "UINSTALLA", "halton")
    browser.install(B, "UINSTALLB", "wirral")
    for team, user in ((team_a, "UPRACT01"), (team_b, "UPRACT02")):
        opened = {"type": "app_home_opened", "user": user, "channel": f"D{user}", "tab": "home"}
        assert team.event(opened).status == 200
    published = fake_slack.wait_for("views.publish", count=2)
    assert {c["user_id"]: c["token"] for c in published} == {"UPRACT01": token_of(fake_slack, A),
                                                               "UPRACT02": token_of(fake_slack, B)}
