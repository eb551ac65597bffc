"""Token rotation (when the app enables it): the clock refreshes a workspace's token near its expiry with
slack_sdk's TokenRotator and saves it back, so a reminder twelve hours after the install goes with the new one;
a signed request after the expiry is answered with a token Bolt's authorize refreshed and saved back."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import select

from bot.localslack import LocalSlack
from bot.reminders import deliveries
from bot.reminders.deliveries import Planned, Source
from bot.reminders.engine import dispatch_once
from bot.services import Services
from bot.timeutil import now
from bot.workspaces.tokens import team_clients
from storage.db import Database
from storage.installs import bots
from tests.reminders.helpers import posts
from tests.slackclient import SignedSlack
from tests.workspaces.conftest import Browser
from tests.workspaces.test_tokens import A


def test_the_clock_rotates_an_expiring_token_and_posts_with_the_new_one(
        browser: Browser, oauth_services: Services, db: Database, fake_slack: LocalSlack) -> None:
    fake_slack.oauth.rotation = True
    browser.install(A, "UINSTALLA", "halton")
    (first,) = fake_slack.oauth.tokens
    later = now() + timedelta(hours=11)  # inside the two hours before the twelve-hour expiry
    with db.session() as s:
        deliveries.lay(s, team_id=A, source=Source.SERIES, source_ref="rotation", channel_id="CGROUPA1",
                       thread_ts=None, owner_id="UINSTALLA", planned=[Planned("k1", later, "Panel meets tomorrow")])
    with time_machine.travel(later + timedelta(seconds=30), tick=False):
        assert dispatch_once(db, team_clients(oauth_services), grace_hours=6).sent == 1
    refresh = [c for c in fake_slack.calls_to("oauth.v2.access") if c.get("grant_type") == "refresh_token"]
    assert len(refresh) == 1 and refresh[0]["_ok"]
    (post,) = posts(fake_slack, "CGROUPA1")
    assert post["token"] != first and fake_slack.oauth.team_of(post["token"]) == A
    with db.session() as s:  # saved back: the next pass and Bolt's authorize read the new token
        assert post["token"] in s.scalars(select(bots.c.bot_token).where(bots.c.team_id == A)).all()


def test_a_refused_rotation_leaves_the_reminder_to_be_tried_again(
        browser: Browser, oauth_services: Services, db: Database, fake_slack: LocalSlack) -> None:
    fake_slack.oauth.rotation = True
    browser.install(A, "UINSTALLA", "halton")
    fake_slack.oauth._refresh.clear()  # Slack no longer knows the refresh token
    later = now() + timedelta(hours=11)
    with db.session() as s:
        deliveries.lay(s, team_id=A, source=Source.SERIES, source_ref="rotation", channel_id="CGROUPA1",
                       thread_ts=None, owner_id="UINSTALLA", planned=[Planned("k1", later, "Panel meets tomorrow")])
    with time_machine.travel(later + timedelta(seconds=30), tick=False):
        stats = dispatch_once(db, team_clients(oauth_services), grace_hours=6)
    assert (stats.sent, stats.retried) == (0, 1) and posts(fake_slack, "CGROUPA1") == []


def test_a_signed_request_after_expiry_is_answered_with_a_refreshed_token_saved_back(
        browser: Browser, team_a: SignedSlack, db: Database, fake_slack: LocalSlack) -> None:
    """The request path: Bolt's authorize (client id and secret set) refreshes the expired rotating token before
    the listener runs, saves the new pair to the installation store, and the answer goes with it."""
    fake_slack.oauth.rotation = True
    browser.install(A, "UINSTALLA", "halton")
    (first,) = fake_slack.oauth.tokens
    assert first.startswith("xoxe.xoxb-1-")  # Slack's rotating bot token
    with time_machine.travel(now() + timedelta(hours=1), tick=True):  # far from expiry: the token as it is
        assert team_a.dm("who do I call about a child at risk?", user="UPRACT01").status == 200
        assert fake_slack.wait_for("chat.postMessage")[-1]["token"] == first
    assert _refreshes(fake_slack) == []

    with time_machine.travel(now() + timedelta(hours=13), tick=True):  # past the twelve-hour expiry
        assert team_a.dm("who do I call about a child at risk?", user="UPRACT02").status == 200
        (reply,) = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == "DUPRACT02")
        assert team_a.dm("and out of hours?", user="UPRACT03").status == 200
        (again,) = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == "DUPRACT03")
    assert len(_refreshes(fake_slack)) == 1 and _refreshes(fake_slack)[0]["_ok"]
    fresh = reply["token"]
    assert fresh != first and fresh.startswith("xoxe.xoxb-1-") and fake_slack.oauth.team_of(fresh) == A
    assert again["token"] == fresh  # the saved pair is used, not refreshed twice
    assert not [c for c in fake_slack.calls if c.get("_error") == "token_expired"]  # the old one never tried
    with db.session() as s:
        saved = s.execute(select(bots.c.bot_token, bots.c.bot_token_expires_at).where(bots.c.team_id == A)
                          .order_by(bots.c.id.desc())).first()
    assert saved is not None and saved.bot_token == fresh and saved.bot_token_expires_at is not None


def test_the_fake_refuses_an_expired_rotating_token(browser: Browser, fake_slack: LocalSlack) -> None:
    """What the test above relies on: past its expiry, Slack (and the fake) refuse the old token."""
    fake_slack.oauth.rotation = True
    browser.install(A, "UINSTALLA", "halton")
    (first,) = fake_slack.oauth.tokens
    client = WebClient(token=first, base_url=fake_slack.api_url)
    assert client.auth_test()["team_id"] == A
    with time_machine.travel(now() + timedelta(hours=13), tick=True), pytest.raises(SlackApiError) as refused:
        client.auth_test()
    assert refused.value.response["error"] == "token_expired"


def _refreshes(fake: LocalSlack) -> list[Any]:
    return [c for c in fake.calls_to("oauth.v2.access") if c.get("grant_type") == "refresh_token"]
