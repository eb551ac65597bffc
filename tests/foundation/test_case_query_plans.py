"""PostgreSQL plans for the escalations' and case reviews' hot queries stay flat (issue #16): raising one (its
number, its rows), finding one, the open lists and digests, the partnership report and the daily re-lay, each
captured as sent and EXPLAINed on filled tables (20,000 escalations, 6,000 case reviews, most of them closed,
across four workspaces). A sequential scan of these tables, or a scan of a whole workspace's rows through the
team_id index, fails the test (as tests/foundation/test_query_plans.py does for the reminder tables)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, insert, text

from bot.case_reviews import reminders as case_reminders
from bot.case_reviews import service as cases
from bot.escalations import reminders as esc_reminders
from bot.escalations import report
from bot.escalations import service as escalations
from bot.escalations.fields import Category
from bot.escalations.routes import snapshot_route
from storage.case_reviews import CaseReview
from storage.escalations import Escalation
from tests.conftest import TEAM_ID
from tests.foundation.test_query_plans import bad_plans

TABLES = {"escalations", "escalation_events", "case_reviews", "case_review_events", "reference_counters"}
TEAM_WIDE = {"ix_escalations_team_id", "ix_case_reviews_team_id", "ix_escalation_events_team_id",
             "ix_case_review_events_team_id"}
TODAY = date(2026, 3, 4)
PARTNERSHIPS = ("warrington", "halton", "wirral", "cheshire_west")


def _team(i: int) -> str:
    return TEAM_ID if i % 4 == 0 else f"T0OTHER{i % 4}"


@pytest.fixture
def filled(services):  # type: ignore[no-untyped-def]
    db = services.db
    if db.is_sqlite:
        pytest.skip("PostgreSQL plans")
    base = datetime(2024, 1, 1, tzinfo=UTC)
    route = snapshot_route(services.kb, "warrington").to_json()
    escs = [dict(team_id=_team(i), ref=f"ESC-{2024 + i // 10_000}-{i:05d}", partnership=PARTNERSHIPS[i // 4 % 4],
                 raised_by=f"U{i % 300:08d}", case_ref="-", agency="Police", category="threshold", tried="t",
                 outcome_wanted="o", state="open" if i % 50 == 0 else "resolved", step=1, highest_step=1,
                 route=route, day_one=date(2024, 1, 1) + timedelta(days=i // 20), step_started_on=date(2024, 1, 1),
                 step_due_on=date(2024, 1, 20), created_at=base, updated_at=base) for i in range(20_000)]
    crs = [dict(team_id=_team(i), ref=f"CR-{2024 + i // 3_000}-{i:05d}", partnership=PARTNERSHIPS[i // 4 % 4],
                state="notified" if i % 30 == 0 else "closed", notifier_id="U1", notifying_agency="police",
                criteria=["died"], age_band="1_4", agencies_involved=[], incident_on=date(2024, 1, 1),
                aware_on=date(2024, 1, 2), closed_on=None if i % 30 == 0 else date(2024, 6, 1), created_at=base,
                updated_at=base) for i in range(6_000)]
    with db.session() as s:
        s.execute(insert(Escalation), escs)
        s.execute(insert(CaseReview), crs)
    with db.engine.connect() as conn:
        for table in ("escalations", "case_reviews"):
            conn.execute(text(f"ANALYZE {table}"))
        conn.commit()
    return services


def _hot_statements(services) -> list[tuple[str, Any]]:  # type: ignore[no-untyped-def]
    db, seen = services.db, []

    def capture(_conn, _cursor, statement, parameters, _context, many):  # type: ignore[no-untyped-def]
        if not many and any(t in statement for t in TABLES) and not statement.lstrip().upper().startswith("INSERT"):
            seen.append((statement, parameters))

    route = snapshot_route(services.kb, "warrington")
    req = escalations.RaiseRequest(partnership="warrington", case_ref="LCS-1", agency="NSPCC",
                                   category=Category.THRESHOLD, tried="Talked.", outcome_wanted="Reviewed.")
    form = cases.Notification(partnership="halton", notifying_agency="police", notifier_role=None,
                              incident_on=TODAY - timedelta(9), aware_on=TODAY - timedelta(8), criteria=["died"],
                              age_band="1_4")
    scales = cases.timescales(services.kb)
    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        with db.session() as s:
            esc = escalations.raise_escalation(s, team_id=TEAM_ID, user_id="UMGR1", request=req, route=route,
                                               today=TODAY)
            escalations.find(s, TEAM_ID, esc.ref, lock=True)
            escalations.events(s, esc)
            escalations.list_open(s, TEAM_ID, "U00000004", "warrington")
            escalations.list_open(s, TEAM_ID, "U00000004")
            escalations.digest_items(s, TEAM_ID)
            report.build(s, partnership="warrington", since=date(2024, 12, 1), today=TODAY, team_id=TEAM_ID)
            esc_reminders.resync_all(s, datetime(2026, 3, 4, 9, tzinfo=UTC))
            case = cases.notify(s, team_id=TEAM_ID, actor_id="UBU1", form=form)
            cases.get_case(s, TEAM_ID, case.ref, for_update=True)
            cases.open_cases(s, TEAM_ID, scales, TODAY)
            cases.digest_items(s, TEAM_ID, scales=scales, today=TODAY)
            case_reminders.resync_all(s, scales, TODAY)
            s.rollback()
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    return seen


def test_hot_escalation_and_case_review_queries_use_selective_indexes(filled):
    statements = _hot_statements(filled)
    assert len(statements) >= 12
    with filled.db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        bad = bad_plans(raw, statements, TABLES, TEAM_WIDE)
        conn.rollback()
    assert bad == [], "\n".join(map(str, bad))
