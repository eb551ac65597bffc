"""The engine through real parts: time travelled with time-machine, the real database, the local Slack API."""

from __future__ import annotations

import json
from datetime import UTC

import time_machine
from sqlalchemy import select

from bot.timeutil import to_london
from storage.core import AuditLog
from storage.reminders import ReminderOccurrence, ReminderSeries
from tests.reminders.helpers import OWNER, add_series, london, posts, tick

QA = dict(name="QA and Scrutiny Group", recurrence="every 2 months on the second Tuesday at 10:00",
          first_date="2026-01-01", days_before="7,1", papers="5", link="https://example.org/qa-papers")


def _blocks(call) -> list:  # type: ignore[no-untyped-def]
    b = call.get("blocks")
    return json.loads(b) if isinstance(b, str) else b


def test_meeting_reminders_are_sent_once_at_london_times_with_papers_line(db, settings, fake_slack):
    add_series(db, london(2026, 1, 1, 12), **QA)
    with time_machine.travel(london(2026, 1, 6, 8, 59), tick=False):
        assert tick(db, settings).sent == 0
    with time_machine.travel(london(2026, 1, 6, 9, 0, 30), tick=False):
        stats = tick(db, settings)
        again = tick(db, settings)
    assert stats.sent == 1 and again.sent == 0  # 7 days before and papers (5 working days) coincide: one post
    (call,) = posts(fake_slack, "CGROUP01")
    text = json.dumps(_blocks(call))
    assert "meets in 7 days" in text and "Tue 13 Jan 2026 at 10:00" in text
    assert "Papers due" in text and "Tue 6 Jan 2026" in text
    assert "https://example.org/qa-papers" in text
    assert any(b["type"] == "actions" for b in _blocks(call))  # snooze buttons
    with time_machine.travel(london(2026, 1, 12, 9, 1), tick=False):
        assert tick(db, settings).sent == 1
    assert "meets in 1 day" in posts(fake_slack)[-1]["text"]


def test_wall_clock_kept_across_march_and_october_clock_changes(db, settings, fake_slack):
    # Weekly on Sunday at 10:00 spans the change on Sun 29 Mar 2026 and Sun 25 Oct 2026.
    add_series(db, london(2026, 3, 20), name="Duty huddle", recurrence="every week on Sunday at 10:00",
               first_date="2026-03-22", days_before="0")
    for day in (22, 29):
        with time_machine.travel(london(2026, 3, day, 9, 0, 5), tick=False):
            assert tick(db, settings).sent == 1
            assert tick(db, settings).sent == 0
    with db.session() as s:
        due = [to_london(r.due_at) for r in s.scalars(
            select(ReminderOccurrence).where(ReminderOccurrence.state == "sent").order_by(ReminderOccurrence.due_at))]
    # On-the-day reminders go at 09:00 London both sides of the change: 09:00 UTC (GMT), then 08:00 UTC (BST)
    assert [(d.day, d.hour) for d in due] == [(22, 9), (29, 9)]
    assert [d.astimezone(UTC).hour for d in due] == [9, 8]
    assert "Sun 29 Mar 2026 at 10:00" in posts(fake_slack)[-1]["text"]
    with time_machine.travel(london(2026, 10, 18, 10, 0, 5), tick=False):
        tick(db, settings)  # catches up: the summer's Sundays are long past the grace period
    with time_machine.travel(london(2026, 10, 25, 9, 0, 5), tick=False):
        assert tick(db, settings).sent == 1
    assert "Sun 25 Oct 2026 at 10:00" in posts(fake_slack)[-1]["text"]


def test_papers_deadline_moves_before_a_bank_holiday(db, settings, fake_slack):
    # Meeting Tue 7 Apr 2026; 1 working day before skips Easter Monday 6 Apr and Good Friday 3 Apr -> Thu 2 Apr.
    add_series(db, london(2026, 3, 1), name="Practice Improvement Group", recurrence="monthly on the first Tuesday",
               first_date="2026-04-01", days_before="", papers="1")
    with time_machine.travel(london(2026, 4, 2, 9, 0, 1), tick=False):
        assert tick(db, settings).sent == 1
    assert "Papers due today" in posts(fake_slack)[-1]["text"]
    assert "Thu 2 Apr 2026" in json.dumps(_blocks(posts(fake_slack)[-1]))


def test_one_day_before_a_monday_meeting_goes_out_on_friday(db, settings, fake_slack):
    add_series(db, london(2026, 1, 1), group="Child Exploitation Working Group",
               recurrence="quarterly on the first Monday", first_date="2026-01-01", days_before="1")
    with time_machine.travel(london(2026, 1, 2, 9, 0, 1), tick=False):  # Fri 2 Jan; meeting Mon 5 Jan
        assert tick(db, settings).sent == 1
    assert "Mon 5 Jan 2026 at 10:00" in posts(fake_slack)[-1]["text"]


def test_restart_sends_missed_within_grace_and_marks_older_missed(db, settings, fake_slack):
    add_series(db, london(2026, 1, 1), name="Executive", recurrence="every week on Monday at 14:00",
               first_date="2026-01-05", days_before="0")
    # Down from before Mon 5 Jan 09:00 until Mon 12 Jan 13:00: 5 Jan is beyond 6 h, 12 Jan is within.
    with time_machine.travel(london(2026, 1, 12, 13, 0), tick=False):
        stats = tick(db, settings)
    assert stats.sent == 1 and stats.missed + stats.materialised >= 2
    assert "Mon 12 Jan 2026" in posts(fake_slack)[-1]["text"]
    with db.session() as s:
        states = {r.key: r.state for r in s.scalars(select(ReminderOccurrence))}
    assert states == {"2026-01-05T14:00:before0": "missed", "2026-01-12T14:00:before0": "sent"}


def test_pause_resume_and_skip(db, settings, fake_slack):
    from bot.reminders import service

    sid = add_series(db, london(2026, 1, 1), name="Practitioners forum", recurrence="every week on Wednesday",
                     first_date="2026-01-07", days_before="0")
    with db.session() as s:
        service.pause(s, s.get(ReminderSeries, sid), OWNER)
    with time_machine.travel(london(2026, 1, 7, 9, 1), tick=False):
        assert tick(db, settings).sent == 0
    with time_machine.travel(london(2026, 1, 8, 12), tick=False), db.session() as s:
        service.resume(s, s.get(ReminderSeries, sid), OWNER, london(2026, 1, 8, 12))
        skipped = service.skip_next(s, s.get(ReminderSeries, sid), OWNER, london(2026, 1, 8, 12))
    assert skipped == london(2026, 1, 14, 10)
    with time_machine.travel(london(2026, 1, 14, 9, 1), tick=False):
        assert tick(db, settings).sent == 0
    with time_machine.travel(london(2026, 1, 21, 9, 1), tick=False):
        assert tick(db, settings).sent == 1
    assert "Wed 21 Jan 2026" in posts(fake_slack)[-1]["text"]
    with db.session() as s:
        actions = [a.action for a in s.scalars(select(AuditLog).order_by(AuditLog.id))]
    assert actions == ["reminder.created", "reminder.paused", "reminder.resumed", "reminder.skipped"]


def test_rate_limited_then_success_posts_once(db, settings, fake_slack):
    add_series(db, london(2026, 1, 1), name="Exec", recurrence="every week on Monday", first_date="2026-01-05",
               days_before="0")
    fake_slack.rate_limit_next("chat.postMessage", retry_after=1)
    with time_machine.travel(london(2026, 1, 5, 9, 0, 1), tick=False):
        assert tick(db, settings).sent == 1
    assert len(posts(fake_slack, "CGROUP01")) == 2  # the 429, then the retried post after Retry-After
    with db.session() as s:
        (row,) = s.scalars(select(ReminderOccurrence)).all()
        assert row.state == "sent" and row.message_ts


def test_other_errors_back_off_then_succeed(db, settings, fake_slack):
    add_series(db, london(2026, 1, 1), name="Exec", recurrence="every week on Monday", first_date="2026-01-05",
               days_before="0")
    fake_slack.fail_next("chat.postMessage", "internal_error")
    with time_machine.travel(london(2026, 1, 5, 9, 0, 1), tick=False):
        stats = tick(db, settings)
    assert stats.retried == 1 and stats.sent == 0
    with db.session() as s:
        (row,) = s.scalars(select(ReminderOccurrence)).all()
        assert (row.state, row.attempts, row.last_error) == ("pending", 1, "internal_error")
    with time_machine.travel(london(2026, 1, 5, 9, 1, 30), tick=False):
        assert tick(db, settings).sent == 1


def test_channel_the_bot_is_not_in_tells_the_owner(db, settings, fake_slack):
    add_series(db, london(2026, 1, 1), name="Exec", recurrence="every week on Monday", first_date="2026-01-05",
               days_before="0", channel="CNOTIN01")
    fake_slack.not_in_channel.add("CNOTIN01")
    with time_machine.travel(london(2026, 1, 5, 9, 0, 1), tick=False):
        stats = tick(db, settings)
    assert stats.failed == 1 and stats.notices == [OWNER]
    notice = posts(fake_slack, OWNER)[-1]["text"]
    assert "not a member" in notice and "CNOTIN01" in notice
    with db.session() as s:
        (row,) = s.scalars(select(ReminderOccurrence)).all()
        assert (row.state, row.last_error) == ("failed", "not_in_channel")
        assert s.scalars(select(AuditLog.action).where(AuditLog.action == "reminder.failed")).all()


def test_due_reminders_thread_on_their_card_and_snooze_moves_one_occurrence(db, settings, fake_slack):
    from datetime import date

    from bot.reminders import service
    from bot.reminders.due import at_nine, schedule_due

    with db.session() as s:
        schedule_due(s, team_id="T0001", source="case_review", source_ref="CR-2026-004",
                     key="rapid_review_due:on_day", due_at=at_nine(date(2026, 3, 4)), channel_id="CBU00001",
                     thread_ts="1700000000.000200", text="CR-2026-004: rapid review due today (Wed 4 Mar 2026)",
                     owner_id=OWNER)
    with time_machine.travel(london(2026, 3, 4, 9, 0, 1), tick=False):
        assert tick(db, settings).sent == 1
    call = posts(fake_slack, "CBU00001")[-1]
    assert call["thread_ts"] == "1700000000.000200"
    with db.session() as s:
        (row,) = s.scalars(select(ReminderOccurrence)).all()
        due = service.snooze(s, team_id="T0001", occurrence_id=row.id, option="next_working_day", actor=OWNER,
                             now=london(2026, 3, 4, 9, 5))
    assert due == london(2026, 3, 5, 9)
    with time_machine.travel(london(2026, 3, 5, 9, 0, 1), tick=False):
        assert tick(db, settings).sent == 1
        assert tick(db, settings).sent == 0
    assert "CR-2026-004" in posts(fake_slack)[-1]["text"]


def test_monthly_on_the_31st_reminds_on_the_last_day_of_february(db, settings, fake_slack):
    add_series(db, london(2026, 1, 1), name="Audit deadline", recurrence="monthly on the 31st",
               first_date="2026-01-01", days_before="0")
    with time_machine.travel(london(2026, 1, 31, 9, 0, 5), tick=False):
        assert tick(db, settings).sent == 1
    with time_machine.travel(london(2026, 2, 28, 9, 0, 5), tick=False):
        assert tick(db, settings).sent == 1
        assert tick(db, settings).sent == 0
    assert "Sat 28 Feb 2026 at 10:00" in posts(fake_slack)[-1]["text"]
    with time_machine.travel(london(2026, 3, 31, 9, 0, 5), tick=False):
        assert tick(db, settings).sent == 1
    with db.session() as s:
        keys = sorted(r.key for r in s.scalars(select(ReminderOccurrence)))
    assert keys == ["2026-01-31T10:00:before0", "2026-02-28T10:00:before0", "2026-03-31T10:00:before0"]
