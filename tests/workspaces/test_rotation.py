"""Token rotation (when the app enables it): the clock refreshes a workspace's token near its expiry with
slack_sdk's TokenRotator and saves it back, so a reminder twelve hours after the install goes with the new one."""

from __future__ import annotations

from datetime import timedelta

import time_machine
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
