"""PostgreSQL plans for the hot queries stay flat: each statement the clock and the reminder API send is
captured as sent and EXPLAINed on a filled table; a sequential scan, or a scan of a whole workspace's rows
through the team_id index, fails the test. Server-side prepared statements (generic plans) are off."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, insert, text

from bot.reminders import deliveries, engine
from bot.reminders.digest import ensure_weekly_digests
from bot.reminders.due import at_nine, cancel_due, pending_due, schedule_due, schedule_due_daily
from bot.reminders.retention import prune_settled
from bot.reminders.service import problems
from storage.reminders import ReminderOccurrence, ReminderSeries
from tests.conftest import TEAM_ID

TABLES = {"reminder_occurrences", "reminder_series"}
TEAM_WIDE = {"ix_reminder_occurrences_team_id", "ix_reminder_series_team_id"}
NOW = datetime(2026, 3, 4, 9, 0, 5, tzinfo=UTC)


@pytest.fixture
def filled(db):
    if db.is_sqlite:
        pytest.skip("PostgreSQL plans")
    base = datetime(2025, 1, 1, 9, tzinfo=UTC)
    occurrences = [dict(team_id=TEAM_ID if i % 3 else "T0OTHER", source="escalation", source_ref=f"ESC-{i // 10:05d}",
                        key=f"k{i % 10}", due_at=base + timedelta(hours=i), attempt_at=base + timedelta(hours=i),
                        channel_id=f"C{i % 200:05d}", text="ESC: due", state="sent" if i < 18_000 else "pending",
                        attempts=1, created_at=base) for i in range(20_000)]
    series = [dict(team_id=TEAM_ID, kind="meeting", name=f"Group {i}", channel_id=f"C{i % 200:05d}", owner_id="U1",
                   first_date=date(2025, 1, 1), at_time="10:00", days_before=[], state="active" if i % 5 else "paused",
                   skipped=[], next_due_at=base + timedelta(days=400 + i), created_at=base, updated_at=base)
              for i in range(3_000)]
    with db.session() as s:
        s.execute(insert(ReminderOccurrence), occurrences)
        s.execute(insert(ReminderSeries), series)
    with db.engine.connect() as conn:
        conn.execute(text("ANALYZE reminder_occurrences"))
        conn.execute(text("ANALYZE reminder_series"))
        conn.commit()
    return db


def _scans(plan: dict[str, Any]) -> list[tuple[str, str | None, str | None]]:
    found = [(plan["Node Type"], plan.get("Relation Name"), plan.get("Index Name"))]
    for child in plan.get("Plans", []):
        found += _scans(child)
    return found


def bad_plans(raw: Any, statements: list[tuple[str, Any]], tables: set[str],
              team_wide: set[str]) -> list[tuple[str, str, str | None, str | None]]:
    """Each statement EXPLAINed on `raw` (a psycopg connection): a sequential scan of one of `tables`, or a
    read through one of the `team_wide` indexes, is a plan that grows with the table (one line each)."""
    bad = []
    for statement, params in statements:
        with raw.cursor() as cur:
            cur.execute("EXPLAIN (FORMAT JSON) " + statement, params)
            plan = cur.fetchone()[0][0]["Plan"]
        for node, relation, index in _scans(plan):
            if (relation in tables and node == "Seq Scan") or index in team_wide:
                bad.append((statement.split("WHERE")[-1][:160], node, relation, index))
    return bad


def _hot_statements(db) -> list[tuple[str, Any]]:  # type: ignore[no-untyped-def]
    seen: list[tuple[str, Any]] = []

    def capture(_conn, _cursor, statement, parameters, _context, many):  # type: ignore[no-untyped-def]
        if not many and any(t in statement for t in TABLES) and not statement.lstrip().upper().startswith("INSERT"):
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        with db.session() as s:
            engine.claim(s, NOW, "worker", 50)
            s.rollback()
        with db.session() as s:
            engine.materialise(s, NOW)
            deliveries.expire(s, NOW, timedelta(hours=6))
            ensure_weekly_digests(s, NOW)
            schedule_due(s, team_id=TEAM_ID, source="escalation", source_ref="ESC-00042", key="k1",
                         due_at=at_nine(date(2026, 3, 5)), channel_id="C1", thread_ts=None, text="t")
            schedule_due_daily(s, team_id=TEAM_ID, source="escalation", source_ref="ESC-00042", key_prefix="od",
                               first_day=date(2026, 3, 5), channel_id="C1", thread_ts=None, text="t")
            pending_due(s, team_id=TEAM_ID, source="escalation", source_ref="ESC-00042")
            cancel_due(s, team_id=TEAM_ID, source="escalation", source_ref="ESC-00042", key_prefix="od")
            problems(s, TEAM_ID, None, NOW - timedelta(days=28))
            prune_settled(s, date(2025, 1, 20), dry_run=True)
            s.rollback()
        with db.session() as s:
            s.execute(engine._lock(engine.select(ReminderOccurrence).where(ReminderOccurrence.state == "sending")
                                   .limit(500), s)).all()
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    return seen


def test_hot_reminder_queries_use_selective_indexes(filled):
    statements = _hot_statements(filled)
    assert len(statements) >= 10
    with filled.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw.prepare_threshold is None  # psycopg never switches a hot query to a generic plan
        bad = bad_plans(raw, statements, TABLES, TEAM_WIDE)
        conn.rollback()
    assert bad == []
