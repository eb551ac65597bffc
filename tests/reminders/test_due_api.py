"""The due-reminder API case reviews and escalations call: idempotent, cancellable, soonest first."""

from __future__ import annotations

from datetime import date

import pytest

from bot.reminders.due import at_nine, cancel_due, pending_due, schedule_due, schedule_due_daily

T = "T0001"


def _schedule(s, key: str, day: date, text: str = "CR-2026-001: rapid review due") -> None:
    schedule_due(
        s, team_id=T, source="case_review", source_ref="CR-2026-001", key=key, due_at=at_nine(day),
        channel_id="CBU", thread_ts="1700000000.000100", text=text, owner_id="UOWNER",
    )


def test_schedule_is_idempotent_and_updates_unsent(db):
    with db.session() as s:
        _schedule(s, "rapid_review_due:before2", date(2026, 3, 2))
        _schedule(s, "rapid_review_due:on_day", date(2026, 3, 4))
        _schedule(s, "rapid_review_due:before2", date(2026, 3, 3), text="CR-2026-001: moved")
    with db.session() as s:
        rows = pending_due(s, team_id=T, source="case_review", source_ref="CR-2026-001")
        assert [r.key for r in rows] == ["rapid_review_due:before2", "rapid_review_due:on_day"]
        assert rows[0].text == "CR-2026-001: moved"
        assert rows[0].thread_ts == "1700000000.000100"
        # 09:00 London on 3 March is 09:00 UTC (GMT); stored as UTC
        assert rows[0].due_at.replace(tzinfo=None).hour == 9


def test_cancel_by_prefix_and_all(db):
    with db.session() as s:
        _schedule(s, "rapid_review_due:before2", date(2026, 3, 2))
        _schedule(s, "rapid_review_due:overdue:2026-03-05", date(2026, 3, 5))
        _schedule(s, "csp_notified:on_day", date(2026, 3, 6))
        schedule_due(
            s, team_id=T, source="escalation", source_ref="CR-2026-001", key="rapid_review_due:on_day",
            due_at=at_nine(date(2026, 3, 4)), channel_id="C1", thread_ts=None, text="other source",
        )
    with db.session() as s:
        assert cancel_due(s, team_id=T, source="case_review", source_ref="CR-2026-001", key_prefix="rapid_") == 2
        assert [r.key for r in pending_due(s, team_id=T, source="case_review", source_ref="CR-2026-001")] == [
            "csp_notified:on_day"
        ]
    with db.session() as s:
        assert cancel_due(s, team_id=T, source="case_review", source_ref="CR-2026-001") == 1
        assert pending_due(s, team_id=T, source="case_review", source_ref="CR-2026-001") == []
        assert len(pending_due(s, team_id=T, source="escalation", source_ref="CR-2026-001")) == 1


def test_cancelled_can_be_rescheduled(db):
    with db.session() as s:
        _schedule(s, "k", date(2026, 3, 2))
        cancel_due(s, team_id=T, source="case_review", source_ref="CR-2026-001")
        _schedule(s, "k", date(2026, 3, 9))
    with db.session() as s:
        (row,) = pending_due(s, team_id=T, source="case_review", source_ref="CR-2026-001")
        assert row.due_at.day == 9


def test_daily_overdue_run_skips_weekends_and_bank_holidays(db):
    with db.session() as s:
        keys = schedule_due_daily(
            s, team_id=T, source="escalation", source_ref="ESC-2026-003", key_prefix="step_overdue",
            first_day=date(2026, 4, 2), channel_id="C1", thread_ts=None, text="ESC-2026-003 step 2 overdue",
            working_days=4,
        )
    # Good Friday 3 Apr and Easter Monday 6 Apr 2026 are bank holidays
    assert keys == [
        "step_overdue:2026-04-02", "step_overdue:2026-04-07", "step_overdue:2026-04-08", "step_overdue:2026-04-09"
    ]
    with db.session() as s:
        assert cancel_due(s, team_id=T, source="escalation", source_ref="ESC-2026-003", key_prefix="step_overdue") == 4


def test_naive_datetime_and_unknown_source_refused(db):
    from datetime import datetime

    with db.session() as s, pytest.raises(ValueError):
        schedule_due(s, team_id=T, source="case_review", source_ref="R", key="k", due_at=datetime(2026, 3, 2, 9),
                     channel_id="C", thread_ts=None, text="x")
    with db.session() as s, pytest.raises(ValueError):
        schedule_due(s, team_id=T, source="meeting", source_ref="R", key="k", due_at=at_nine(date(2026, 3, 2)),
                     channel_id="C", thread_ts=None, text="x")
