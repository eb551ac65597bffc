"""Series commands that do not fit the series' state are refused (nothing changes, nothing audited), and a
skipped meeting's unsent reminders, snoozed copies too, are skipped: through Bolt with signed requests."""

from __future__ import annotations

import time_machine
from sqlalchemy import select

from bot.authz import Role, grant
from bot.reminders.ids import Action
from storage.core import AuditLog
from storage.reminders import ReminderOccurrence, ReminderSeries
from tests.conftest import TEAM_ID
from tests.reminders.helpers import london, posts, tick

MANAGER = "UMANAGER1"
CHANNEL = "CQA000001"


class Commands:
    def __init__(self, slack, fake_slack) -> None:  # type: ignore[no-untyped-def]
        self.slack, self.fake_slack, self.n = slack, fake_slack, 0

    def run(self, text: str) -> str:
        self.slack.command("/reminders", text, user=MANAGER, channel=CHANNEL)
        self.n += 1
        reply = self.fake_slack.wait_for("response_url", count=self.n)[-1]
        return str(reply["text"]) + str(reply.get("blocks") or "")


def _actions(db) -> list[str]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return [a.action for a in s.scalars(select(AuditLog).where(AuditLog.action.like("reminder.%"))
                                            .order_by(AuditLog.id))]


def test_pause_twice_and_resume_while_active_are_refused_with_a_reason(slack, fake_slack, db):
    with db.session() as s:
        grant(s, TEAM_ID, MANAGER, Role.MANAGER)
    cmd = Commands(slack, fake_slack)
    with time_machine.travel(london(2026, 1, 2, 11)):
        out = cmd.run("add Practitioners forum | monthly on the first Monday | 2026-01-01 | 14:00 | 7,1")
        sid = int(out.split("#")[1].split(" ")[0])
        assert f"#{sid} is not paused" in cmd.run(f"resume {sid}")
        assert "paused" in cmd.run(f"pause {sid}")
        assert f"#{sid} is already paused" in cmd.run(f"pause {sid}")
        assert "resumed" in cmd.run(f"resume {sid}")
    assert _actions(db) == ["reminder.created", "reminder.paused", "reminder.resumed"]
    with db.session() as s:
        assert s.get(ReminderSeries, sid).state == "active"  # type: ignore[union-attr]


def test_skipping_a_meeting_skips_its_snoozed_reminder(slack, fake_slack, db, settings):
    with db.session() as s:
        grant(s, TEAM_ID, MANAGER, Role.MANAGER)
    cmd = Commands(slack, fake_slack)
    with time_machine.travel(london(2026, 1, 2, 11)):  # meetings Mon 2 Feb, Mon 2 Mar; 7 days before at 09:00
        out = cmd.run("add Practitioners forum | monthly on the first Monday | 2026-01-01 | 14:00 | 7")
        sid = int(out.split("#")[1].split(" ")[0])
    with time_machine.travel(london(2026, 1, 26, 9, 0, 5), tick=False):
        assert tick(db, settings).sent == 1
    with db.session() as s:
        sent = s.scalars(select(ReminderOccurrence).where(ReminderOccurrence.state == "sent")).one()
    with time_machine.travel(london(2026, 1, 26, 9, 30)):
        slack.action(Action.SNOOZE_TOMORROW, str(sent.id), user=MANAGER, channel=CHANNEL)
        cmd.n += 1
        assert "Tue 27 Jan 2026 at 09:00" in fake_slack.wait_for("response_url", count=cmd.n)[-1]["text"]
        assert "Mon 2 Feb 2026" in cmd.run(f"skip {sid}")
    with db.session() as s:
        snoozed = s.scalars(select(ReminderOccurrence).where(ReminderOccurrence.source == "snooze")).one()
        assert snoozed.state == "skipped"
    before = len(posts(fake_slack, CHANNEL))
    with time_machine.travel(london(2026, 1, 27, 9, 0, 5), tick=False):
        assert tick(db, settings).sent == 0
    assert len(posts(fake_slack, CHANNEL)) == before
