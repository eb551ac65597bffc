"""Closed records are reduced to their audit trail and figures after RETENTION_MONTHS; open ones never."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta

from sqlalchemy import select

from bot.escalations.retention import REMOVED
from bot.governance.retention import run_retention
from storage.case_reviews import CaseReview
from storage.core import AuditLog
from storage.escalations import Escalation, EscalationEvent
from tests.conftest import TEAM_ID

LONG_AGO = date.today() - timedelta(days=400)
RECENT = date.today() - timedelta(days=30)


def _case(ref: str, state: str, closed_on: date | None) -> CaseReview:
    return CaseReview(team_id=TEAM_ID, ref=ref, partnership="halton", state=state, notifier_id="U1",
                      notifying_agency="police", notifier_role="Sergeant", criteria=["abuse_or_neglect"],
                      age_band="5_10", agencies_involved=["police"], summary="Injury, neglect suspected",
                      incident_on=date(2025, 1, 2), aware_on=date(2025, 1, 3), closed_on=closed_on)


def _esc(ref: str, state: str, closed_on: date | None) -> Escalation:
    return Escalation(team_id=TEAM_ID, ref=ref, partnership="warrington", raised_by="U2", case_ref="LCS-1",
                      agency="Police", category="threshold", tried="Spoke twice", outcome_wanted="Strategy meeting",
                      state=state, step=1, highest_step=1, route={"steps": []}, day_one=date(2025, 1, 2),
                      step_started_on=date(2025, 1, 2), closed_on=closed_on, outcome="Agreed")


def test_retention_dry_run_then_apply(db, database_url, services):
    with db.session() as s:
        s.add_all([_case("CR-2025-001", "closed", LONG_AGO), _case("CR-2025-002", "closed", RECENT),
                   _case("CR-2025-003", "notified", None),
                   _esc("ESC-2025-001", "resolved", LONG_AGO), _esc("ESC-2025-002", "open", None)])
        s.flush()
        old = s.scalars(select(Escalation).where(Escalation.ref == "ESC-2025-001")).one()
        s.add(EscalationEvent(team_id=TEAM_ID, escalation_id=old.id, actor_id="U2", kind="note", step=1,
                              text="A note"))

    env = {**os.environ, "DATABASE_URL": database_url}
    dry = subprocess.run([sys.executable, "-m", "bot.cli", "retention", "run", "--dry-run"], env=env,
                         capture_output=True, text=True, timeout=60)
    assert dry.returncode == 0, dry.stderr
    assert "would reduce" in dry.stdout
    assert "case reviews: 1 (CR-2025-001)" in dry.stdout and "escalations: 1 (ESC-2025-001)" in dry.stdout
    with db.session() as s:
        assert s.scalars(select(CaseReview.summary).where(CaseReview.ref == "CR-2025-001")).one()

    report = run_retention(services, dry_run=False)
    assert report.reduced == {"case reviews": [(TEAM_ID, "CR-2025-001")], "escalations": [(TEAM_ID, "ESC-2025-001")],
                              "answer feedback": [], "unanswered questions": [], "reminders": [],
                              "reminder deliveries": [], "replay and event claims": []}
    with db.session() as s:
        cases = {c.ref: c for c in s.scalars(select(CaseReview))}
        assert cases["CR-2025-001"].summary is None and cases["CR-2025-001"].notifier_role is None
        assert cases["CR-2025-001"].state == "closed"  # the record and its dates stay for the figures
        assert cases["CR-2025-002"].summary and cases["CR-2025-003"].summary
        escs = {e.ref: e for e in s.scalars(select(Escalation))}
        assert escs["ESC-2025-001"].tried == REMOVED and escs["ESC-2025-001"].outcome is None
        assert escs["ESC-2025-001"].agency == "Police" and escs["ESC-2025-001"].highest_step == 1
        assert escs["ESC-2025-002"].tried == "Spoke twice"
        assert s.scalars(select(EscalationEvent.text)).all() == [None]
        audited = s.scalars(select(AuditLog).where(AuditLog.action == "retention.reduced")).all()
        assert sorted(a.entity_id for a in audited) == ["CR-2025-001", "ESC-2025-001"]
        assert {a.team_id for a in audited} == {TEAM_ID}

    assert run_retention(services, dry_run=False).reduced == {"case reviews": [], "escalations": [],
                                                              "answer feedback": [], "unanswered questions": [],
                                                              "reminders": [], "reminder deliveries": [],
                                                              "replay and event claims": []}


def test_unanswered_questions_and_ended_reminder_names_fall_under_retention(db, services):
    from datetime import UTC, datetime

    from bot.reminders.retention import REMOVED as GONE
    from storage.answers import UnansweredQuestion
    from storage.reminders import ReminderSeries

    old = datetime.combine(LONG_AGO, datetime.min.time(), tzinfo=UTC)
    with db.session() as s:
        s.add_all([UnansweredQuestion(team_id=TEAM_ID, question="Old Kiwiquestion", created_at=old),
                   UnansweredQuestion(team_id=TEAM_ID, question="New question")])
        for n, (state, when) in enumerate([("deleted", old), ("active", old), ("deleted", None)]):
            s.add(ReminderSeries(team_id=TEAM_ID, kind="meeting", name=f"Series{n} Kakaponame", channel_id="C1",
                                 owner_id="U1", first_date=LONG_AGO, at_time="10:00", state=state,
                                 link="https://example.org/x", **({"updated_at": when} if when else {})))
    report = run_retention(services, dry_run=False)
    assert len(report.reduced["unanswered questions"]) == 1 and len(report.reduced["reminders"]) == 1
    with db.session() as s:
        assert [q.question for q in s.scalars(select(UnansweredQuestion))] == ["New question"]
        names = sorted(r.name for r in s.scalars(select(ReminderSeries)))
        assert names == [GONE, "Series1 Kakaponame", "Series2 Kakaponame"]


def test_replay_and_event_claims_are_pruned_after_a_day(db, services):
    """processed_events rows (`sig:` replay claims and Slack event ids) go a day after they were written, counted
    per workspace; a claim still inside its window stays, so a replay within five minutes is still refused."""
    from datetime import UTC, datetime

    from bot.http_guard import REPLAY_PREFIX
    from storage.core import ProcessedEvent

    now = datetime.now(UTC)
    with db.session() as s:
        for key, age in ((REPLAY_PREFIX + "old", timedelta(days=2)), ("Ev0ld", timedelta(hours=30)),
                         (REPLAY_PREFIX + "new", timedelta(minutes=4))):
            s.add(ProcessedEvent(team_id=TEAM_ID, event_id=key, received_at=now - age))
    dry = run_retention(services, dry_run=True)
    assert dry.reduced["replay and event claims"] == [(TEAM_ID, "1 event claims"), (TEAM_ID, "1 replay claims")]
    with db.session() as s:
        assert len(s.scalars(select(ProcessedEvent)).all()) == 3
    run_retention(services, dry_run=False)
    with db.session() as s:
        assert [r.event_id for r in s.scalars(select(ProcessedEvent))] == [REPLAY_PREFIX + "new"]
        audits = s.scalars(select(AuditLog).where(AuditLog.entity_type == "replay_and_event_claims")).all()
        assert sorted(a.entity_id for a in audits) == ["1 event claims", "1 replay claims"]
