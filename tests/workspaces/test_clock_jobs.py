"""The clock's own jobs in OAuth mode: the daily overdue re-lay (06:00) and the dispatch that posts the Monday
digest and each working day's overdue reminder, run as the scheduler registered them (bot/jobs.py), each post
with its own workspace's token; a paused (uninstalled) workspace gets none."""

from __future__ import annotations

import time_machine
from apscheduler.schedulers.base import BaseScheduler

from bot.authz import Role, grant
from bot.clock import build_scheduler
from bot.localslack import LocalSlack
from bot.partnerships import get_workspace
from bot.services import Services
from storage.db import Database
from tests.conftest import SIGNING_SECRET
from tests.escalations.conftest import london, raise_one
from tests.slackclient import SignedSlack
from tests.workspaces.conftest import Browser
from tests.workspaces.test_tokens import A, B, token_of
from tests.workspaces.test_uninstall import _paused

C = "TCCCC0003"
TEAMS = {A: "warrington", B: "wirral", C: "halton"}  # as chosen at install


def _manager(team: str) -> str:
    return "UMGR" + team[1:6]


def _set_up(db: Database, fake: LocalSlack, team: str) -> None:
    """The workspace's escalation and business-unit channels and a manager (an admin would set these)."""
    fake.add_channel("CESC" + team[1:6], "CBU" + team[1:6])
    fake.add_user(_manager(team))
    with db.session() as s:
        ws = get_workspace(s, team)
        ws.escalation_channel, ws.business_unit_channel = "CESC" + team[1:6], "CBU" + team[1:6]
        grant(s, team, _manager(team), Role.MANAGER)


def _run(scheduler: BaseScheduler, job_id: str) -> None:
    job = scheduler.get_job(job_id)
    job.func(*job.args)


def test_the_digest_and_the_overdue_runs_go_with_each_workspaces_token_and_none_to_a_paused_one(
        served: str, browser: Browser, oauth_services: Services, db: Database, fake_slack: LocalSlack) -> None:
    slacks = {team: SignedSlack(served, SIGNING_SECRET, fake_slack, team_id=team) for team in TEAMS}
    refs = {}
    for team, partnership in TEAMS.items():
        browser.install(team, "UINST" + team[1:5], partnership)
        _set_up(db, fake_slack, team)
        with time_machine.travel(london(2026, 2, 2, 10), tick=True):  # step 2 closes Thu 12 Feb
            refs[team] = raise_one(slacks[team], fake_slack, user=_manager(team), channel="CESC" + team[1:6],
                                   partnership="warrington", step="2")  # a route with a step 2
    fake_slack.oauth.revoke(C)  # C uninstalls: Slack stops its token, then tells the app
    assert slacks[C].event({"type": "app_uninstalled"}).status == 200
    assert _paused(db, C)

    scheduler = build_scheduler(oauth_services)  # the clock's jobs as registered, with the clock's clients
    before = len(fake_slack.calls)
    # Mon 2 Mar: the first ten working days of the run (laid at the raise) ended on Thu 26 Feb; only the daily
    # job's re-lay at 06:00 gives today's reminder. 09:01: it and the Monday digest are due.
    with time_machine.travel(london(2026, 3, 2, 6), tick=False):
        _run(scheduler, "deadlines.extend_overdue_reminders")
    with time_machine.travel(london(2026, 3, 2, 9, 1), tick=False):
        _run(scheduler, "reminders.dispatch")
    posted = [c for c in fake_slack.calls[before:] if c.method == "chat.postMessage"]
    overdue = {(c["channel"], c["token"]) for c in posted if str(c.get("text", "")).startswith("ESC-")}
    digests = {(c["channel"], c["token"]) for c in posted if str(c["channel"]).startswith("CBU")}
    assert overdue == {("D" + _manager(t), token_of(fake_slack, t)) for t in (A, B)}
    assert digests == {("CBU" + t[1:6], token_of(fake_slack, t)) for t in (A, B)}
    for team in (A, B):  # each overdue DM names its own workspace's escalation
        (dm,) = [c for c in posted if c["channel"] == "D" + _manager(team)]
        assert dm["text"].startswith(f"{refs[team]}: the window") and "closed on Thu 12 Feb 2026" in dm["text"]
    assert len(posted) == 4  # nothing for C, and nothing twice
    assert not [c for c in fake_slack.calls[before:] if c.get("token") in fake_slack.oauth.revoked]
