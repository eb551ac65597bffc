"""Meetings at a wall-clock time the March night skips (01:30 on the last Sunday of March) or the October night
repeats (01:30 happens twice): exactly one reminder, at the first valid instant (March: 02:30 BST, i.e. shifted
by the gap; October: the first 01:30, BST). Time is travelled through the whole night with time-machine."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta

import time_machine
from sqlalchemy import select

from bot.reminders.recurrence import meetings, parse
from bot.timeutil import LONDON, to_london
from storage.reminders import ReminderOccurrence
from tests.reminders.helpers import add_series, london, posts, tick


def _tick_through_night(db, settings, start_utc: datetime, hours: int, step_minutes: int = 5) -> list[datetime]:  # type: ignore[no-untyped-def]
    """Tick the engine every `step_minutes` of real (UTC) time; return the UTC instants at which posts were made."""
    sent_at = []
    moment = start_utc
    while moment <= start_utc + timedelta(hours=hours):
        with time_machine.travel(moment, tick=False):
            if tick(db, settings).sent:
                sent_at.append(moment)
        moment += timedelta(minutes=step_minutes)
    return sent_at


def test_non_existent_time_is_shifted_by_the_gap():
    rule = parse("every week on Sunday at 01:30")
    got = list(itertools.islice(meetings(rule, date(2026, 3, 22), time(1, 30)), 3))
    assert [m.astimezone(UTC).strftime("%d %H:%M") for m in got] == ["22 01:30", "29 01:30", "05 00:30"]
    assert [to_london(m).strftime("%d %H:%M %Z") for m in got] == ["22 01:30 GMT", "29 02:30 BST", "05 01:30 BST"]


def test_ambiguous_time_is_the_first_occurrence():
    rule = parse("every week on Sunday at 01:30")
    got = list(itertools.islice(meetings(rule, date(2026, 10, 18), time(1, 30)), 3))
    assert [m.astimezone(UTC).strftime("%d %H:%M") for m in got] == ["18 00:30", "25 00:30", "01 01:30"]
    assert got[1].fold == 0 and to_london(got[1]).strftime("%Z") == "BST"


def test_march_night_sends_exactly_one_reminder_at_0230_bst(db, settings, fake_slack):
    add_series(db, london(2026, 3, 20), name="Out of hours huddle", recurrence="every week on Sunday at 01:30",
               first_date="2026-03-29", days_before="0")
    add_series(db, london(2026, 3, 20), channel="CONCE0001", name="Night rota check", first_date="2026-03-29",
               at_time="01:30")
    # Sat 28 Mar 23:00 UTC to Sun 29 Mar 05:00 UTC, every 5 minutes: 01:00 UTC is 02:00 BST.
    sent = _tick_through_night(db, settings, datetime(2026, 3, 28, 23, 0, tzinfo=UTC), hours=6)
    assert sent == [datetime(2026, 3, 29, 1, 30, tzinfo=UTC)]  # both posted in the same tick, 02:30 BST
    assert len(posts(fake_slack, "CGROUP01")) == 1 and len(posts(fake_slack, "CONCE0001")) == 1
    assert "Sun 29 Mar 2026 at 02:30" in posts(fake_slack, "CGROUP01")[0]["text"]
    with db.session() as s:
        rows = s.scalars(select(ReminderOccurrence)).all()
    assert sorted(r.state for r in rows) == ["sent", "sent"]
    assert {to_london(r.due_at).strftime("%H:%M %Z") for r in rows} == {"02:30 BST"}


def test_october_night_sends_exactly_one_reminder_at_the_first_0130(db, settings, fake_slack):
    add_series(db, london(2026, 10, 20), name="Out of hours huddle", recurrence="every week on Sunday at 01:30",
               first_date="2026-10-25", days_before="0")
    add_series(db, london(2026, 10, 20), channel="CONCE0001", name="Night rota check", first_date="2026-10-25",
               at_time="01:30")
    # Sat 24 Oct 22:00 UTC to Sun 25 Oct 04:00 UTC: 01:30 London is 00:30 UTC (BST) and again 01:30 UTC (GMT).
    sent = _tick_through_night(db, settings, datetime(2026, 10, 24, 22, 0, tzinfo=UTC), hours=6)
    assert sent == [datetime(2026, 10, 25, 0, 30, tzinfo=UTC)]
    assert len(posts(fake_slack, "CGROUP01")) == 1 and len(posts(fake_slack, "CONCE0001")) == 1
    with db.session() as s:
        rows = s.scalars(select(ReminderOccurrence)).all()
    assert sorted(r.state for r in rows) == ["sent", "sent"]
    # and the next week is back to an ordinary 01:30 GMT
    with time_machine.travel(datetime(2026, 11, 1, 1, 30, 5, tzinfo=UTC), tick=False):
        assert tick(db, settings).sent == 1  # the weekly series; the one-off is done


def test_series_created_between_the_two_0130s_is_not_sent_late(db, settings, fake_slack):
    # Created at 01:10 GMT (the second pass of the hour): the first 01:30 has gone, so this meeting is not
    # reminded at all rather than an hour late; the next week's is.
    created = datetime(2026, 10, 25, 1, 10, tzinfo=UTC).astimezone(LONDON)
    with time_machine.travel(created, tick=False):
        add_series(db, created, name="Out of hours huddle", recurrence="every week on Sunday at 01:30",
                   first_date="2026-10-25", days_before="0")
    assert _tick_through_night(db, settings, datetime(2026, 10, 25, 1, 10, tzinfo=UTC), hours=3) == []
    with time_machine.travel(datetime(2026, 11, 1, 1, 30, 5, tzinfo=UTC), tick=False):
        assert tick(db, settings).sent == 1
