"""app_uninstalled and tokens_revoked: the tokens go at once, the workspace's reminders wait with its records
kept, and a reinstall resumes them with the new token."""

from __future__ import annotations

import time

import time_machine
from sqlalchemy import func, select

from bot.authz import Role, members, revoke, roles_of
from bot.localslack import LocalSlack
from bot.reminders.engine import dispatch_once, materialise
from bot.services import Services
from bot.timeutil import now
from bot.workspaces.tokens import team_clients
from storage.audit import entries
from storage.core import Workspace
from storage.db import Database
from storage.installs import bots
from storage.reminders import ReminderOccurrence, ReminderSeries
from tests.reminders.helpers import london, posts
from tests.slackclient import SignedSlack
from tests.workspaces.conftest import Browser
from tests.workspaces.test_tokens import A, B, add_series, token_of


def _bots(db: Database, team: str) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(bots).where(bots.c.team_id == team)) or 0)


def _paused(db: Database, team: str, timeout: float = 5.0) -> bool:
    """Listeners run after the ack: wait for the pause to be written."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with db.session() as s:
            ws = s.get(Workspace, team)
            if ws is not None and ws.paused_at is not None:
                return True
        time.sleep(0.05)
    return False


def _tick(db: Database, services: Services, *when: int) -> int:
    with time_machine.travel(london(*when), tick=False):
        return dispatch_once(db, team_clients(services), grace_hours=6).sent


def test_uninstall_deletes_the_tokens_and_pauses_reminders_until_reinstalled(
        browser: Browser, team_a: SignedSlack, oauth_services: Services, db: Database, fake_slack: LocalSlack) -> None:
    browser.install(A, "UINSTALLA", "halton")
    browser.install(B, "UINSTALLB", "wirral")
    series_a = add_series(db, A, "CGROUPA1")
    add_series(db, B, "CGROUPB1")

    with time_machine.travel(london(2026, 1, 6, 9, 0, 30), tick=False), db.session() as s:
        assert materialise(s, now()) == 2  # both workspaces' reminders are due, pending, when A uninstalls
    fake_slack.oauth.revoke(A)  # Slack stops the tokens, then tells the app
    assert team_a.event({"type": "app_uninstalled"}).status == 200
    assert _paused(db, A) and _bots(db, A) == 0 and _bots(db, B) == 1

    assert _tick(db, oauth_services, 2026, 1, 6, 9, 0, 30) == 1  # B's reminder only
    assert posts(fake_slack, "CGROUPA1") == [] and len(posts(fake_slack, "CGROUPB1")) == 1
    assert not [c for c in fake_slack.calls if c.get("_error") == "token_revoked"]  # A's dead token never tried
    with db.session() as s:  # A's records are kept, its series still active (only waiting)
        series = s.get(ReminderSeries, series_a)
        assert series is not None and series.state == "active"
        waiting = s.scalars(select(ReminderOccurrence.state).where(ReminderOccurrence.team_id == A)).all()
        assert waiting == ["pending"]

    page = browser.install(A, "UINSTALLA", "wirral")
    assert "installed before" in page.text
    with db.session() as s:
        ws = s.get(Workspace, A)
        assert ws is not None and ws.paused_at is None and ws.partnership == "halton"
        actions = [e.action for e in entries(s, team_id=A)]
    assert actions[-2:] == ["workspace.paused", "workspace.reinstalled"]
    assert _tick(db, oauth_services, 2026, 1, 12, 9, 0, 30) == 2  # both resume: the day-before reminders
    (a_post,) = posts(fake_slack, "CGROUPA1")
    assert a_post["token"] == token_of(fake_slack, A)  # the new install's token


def test_bot_tokens_revoked_pauses_too(browser: Browser, team_a: SignedSlack, db: Database,
                                       fake_slack: LocalSlack) -> None:
    browser.install(A, "UINSTALLA", "halton")
    event = {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UBOT"]}}
    assert team_a.event(event).status == 200
    assert _paused(db, A) and _bots(db, A) == 0


def test_a_reinstall_by_someone_else_keeps_the_admins_and_makes_them_one_only_when_none_is_left(
        browser: Browser, team_a: SignedSlack, db: Database, fake_slack: LocalSlack) -> None:
    """Installing may be open to any member, so a reinstall is not a way to become admin over the admins the
    workspace chose; but a workspace with no admin left would be locked out of its settings, so then it is."""
    browser.install(A, "UINSTALLA", "halton")
    fake_slack.oauth.revoke(A)
    assert team_a.event({"type": "app_uninstalled"}).status == 200
    assert _paused(db, A)
    browser.install(A, "UOTHER001", "wirral")
    with db.session() as s:
        assert Role.ADMIN in roles_of(s, A, "UINSTALLA") and Role.ADMIN not in roles_of(s, A, "UOTHER001")
        assert s.get(Workspace, A).installed_by == "UINSTALLA"  # type: ignore[union-attr]

    with db.session() as s:  # the only admin leaves (revoked by another admin, or their account removed)
        assert revoke(s, A, "UINSTALLA", Role.ADMIN)
    fake_slack.oauth.revoke(A)
    assert team_a.event({"type": "app_uninstalled"}).status == 200
    assert _paused(db, A)
    browser.install(A, "UOTHER001", "wirral")
    with db.session() as s:
        assert Role.ADMIN in roles_of(s, A, "UOTHER001")
        assert [(m.user_id, m.granted_by) for m in members(s, A)] == [("UOTHER001", "installer")]
        assert s.get(Workspace, A).partnership == "halton"  # type: ignore[union-attr]
