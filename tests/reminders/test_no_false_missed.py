"""No reminder is written already late: rows laid after their 09:00 would be marked missed at once and show as
false "missed" lines in `/reminders list`. One "09:00 London" helper, one "first overdue day" rule."""

from __future__ import annotations

import json

import time_machine
from sqlalchemy import select

from bot.authz import Role, grant
from storage.reminders import ReminderOccurrence
from tests.case_reviews.helpers import BU_CHANNEL, PRACT, configure, form, london
from tests.conftest import ADMIN, TEAM_ID
from tests.reminders.helpers import tick
from tests.slackclient import date_value


def _rows(db, source: str) -> list[ReminderOccurrence]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return list(s.scalars(select(ReminderOccurrence).where(ReminderOccurrence.source == source)
                              .order_by(ReminderOccurrence.due_at)))


def _list_all(slack, fake_slack) -> str:  # type: ignore[no-untyped-def]
    before = len(fake_slack.calls_to("response_url"))
    slack.command("/reminders", "list all", user=ADMIN, channel=BU_CHANNEL)
    reply = fake_slack.wait_for("response_url", count=before + 1)[-1]
    return str(reply.get("text")) + json.dumps(reply.get("blocks"))


def test_a_case_notified_at_16_00_with_overdue_deadlines_has_no_missed_reminders(slack, fake_slack, db, settings):
    configure(db)
    with time_machine.travel(london(2026, 3, 4, 16), tick=True):  # Wed 4 Mar 2026, 16:00
        view = slack.open_modal("/case-review", user=PRACT)
        # aware four weeks ago: the panel notification (5 working days) and more are already overdue
        resp = slack.submit(view, form(cr_incident=date_value("2026-02-02"), cr_aware=date_value("2026-02-04")),
                            user=PRACT)
        assert resp.status == 200 and not resp.text
        fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == BU_CHANNEL)
        stats = tick(db, settings)
        listing = _list_all(slack, fake_slack)
    rows = _rows(db, "case_review")
    assert stats.missed == 0 and [r.state for r in rows if r.state != "pending"] == []
    overdue = [r for r in rows if ":overdue:" in r.key]
    assert overdue and min(r.key.rsplit(":", 1)[1] for r in overdue) == "2026-03-05"  # tomorrow, not 09:00 today
    assert "missed" not in listing


def test_a_case_notified_before_09_00_is_reminded_at_09_00_today(slack, fake_slack, db, settings):
    configure(db)
    with time_machine.travel(london(2026, 3, 4, 8, 30), tick=True):
        view = slack.open_modal("/case-review", user=PRACT)
        slack.submit(view, form(cr_incident=date_value("2026-02-02"), cr_aware=date_value("2026-02-04")), user=PRACT)
        fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == BU_CHANNEL)
    overdue = [r for r in _rows(db, "case_review") if ":overdue:" in r.key]
    assert min(r.key.rsplit(":", 1)[1] for r in overdue) == "2026-03-04"


def test_a_digest_written_on_tuesday_is_sent_not_missed(slack, fake_slack, db, settings):
    configure(db)  # the clock was down all Monday; it comes back on Tuesday 11:00
    with time_machine.travel(london(2026, 3, 10, 11), tick=True):
        stats = tick(db, settings)
        listing = _list_all(slack, fake_slack)
    (row,) = _rows(db, "digest")
    assert row.key == "weekly:2026-03-09" and row.state == "sent" and stats.missed == 0
    assert [c for c in fake_slack.calls_to("chat.postMessage") if c["channel"] == BU_CHANNEL]
    assert "missed" not in listing


def test_a_paused_series_is_listed_as_paused_not_finished(slack, fake_slack, db):
    with db.session() as s:
        grant(s, TEAM_ID, ADMIN, Role.ADMIN)
    with time_machine.travel(london(2026, 1, 2, 11), tick=True):
        slack.command("/reminders", "add Practitioners forum | monthly on the first Monday | 2026-01-01 | 14:00",
                      user=ADMIN, channel=BU_CHANNEL)
        fake_slack.wait_for("response_url", count=1)
        with db.session() as s:
            from storage.reminders import ReminderSeries

            sid = s.scalars(select(ReminderSeries.id)).one()
        slack.command("/reminders", f"pause {sid}", user=ADMIN, channel=BU_CHANNEL)
        fake_slack.wait_for("response_url", count=2)
        listing = _list_all(slack, fake_slack)
    assert "(paused)" in listing and "finished" not in listing
    assert f"none while paused (`/reminders resume {sid}`)" in listing
