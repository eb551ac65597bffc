"""Domain functions on the real database: digest items, retention, reminders sent by the one engine."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from sqlalchemy import select

from bot.case_reviews import service
from bot.case_reviews.reminders import resync_all, sync
from bot.case_reviews.retention import reduce_closed
from bot.case_reviews.service import Notification
from bot.case_reviews.states import Action
from bot.reminders.due import pending_due
from storage.case_reviews import CaseReview, CaseReviewEvent
from tests.case_reviews.helpers import BU, BU_CHANNEL, london
from tests.conftest import TEAM_ID


def _form(aware: date, summary: str = "neglect suspected") -> Notification:
    return Notification(partnership="wirral", notifying_agency="police", notifier_role="DS", incident_on=aware,
                        aware_on=aware, criteria=["abuse_or_neglect", "died"], age_band="under_1", summary=summary)


def test_digest_items_give_the_next_deadline_and_overdue_flag(db):
    scales = service.timescales()
    with time_machine.travel(london(2026, 5, 1, 12), tick=False), db.session() as s:
        late = service.notify(s, team_id=TEAM_ID, actor_id=BU, form=_form(date(2026, 4, 20)))  # due 27 Apr
        soon = service.notify(s, team_id=TEAM_ID, actor_id=BU, form=_form(date(2026, 4, 30)))  # due 8 May
        closed = service.notify(s, team_id=TEAM_ID, actor_id=BU, form=_form(date(2026, 4, 30)))
        service.apply_transition(s, closed, Action.CONSULT_PARTNERS, actor_id=BU, happened_on=date(2026, 4, 30))
        service.apply_transition(s, closed, Action.DECIDE_NOT_TO_NOTIFY, actor_id=BU, happened_on=date(2026, 5, 1),
                                 rationale="criteria not met")
        s.flush()
        items = service.digest_items(s, TEAM_ID, scales=scales, today=date(2026, 5, 1))
        other_team = service.digest_items(s, "T0OTHER", scales=scales, today=date(2026, 5, 1))
    assert [(i.ref, i.next_deadline, i.overdue) for i in items] == [
        (late.ref, date(2026, 4, 27), True), (soon.ref, date(2026, 5, 8), False)]
    assert items[0].kind == "case_review" and items[0].deadline_label == "Notification to the Panel"
    assert other_team == []


def test_retention_clears_free_text_of_old_closed_cases_only(db):
    with time_machine.travel(london(2026, 1, 10, 12), tick=False), db.session() as s:
        old = service.notify(s, team_id=TEAM_ID, actor_id=BU, form=_form(date(2026, 1, 5)))
        service.apply_transition(s, old, Action.CONSULT_PARTNERS, actor_id=BU, happened_on=date(2026, 1, 6))
        service.apply_transition(s, old, Action.DECIDE_NOT_TO_NOTIFY, actor_id=BU, happened_on=date(2026, 1, 7),
                                 rationale="criteria not met")
        service.notify(s, team_id=TEAM_ID, actor_id=BU, form=_form(date(2026, 1, 5)))  # still open
    with db.session() as s:
        assert reduce_closed(s, date(2026, 1, 8), dry_run=True) == [(TEAM_ID, old.ref)]
        assert s.get(CaseReview, old.id).summary == "neglect suspected"  # dry run changed nothing
        assert reduce_closed(s, date(2026, 1, 7), dry_run=False) == []  # closed on the cutoff: kept
        assert reduce_closed(s, date(2026, 1, 8), dry_run=False) == [(TEAM_ID, old.ref)]
    with db.session() as s:
        case = s.get(CaseReview, old.id)
        assert case.summary is None and case.notifier_role is None and case.closed_on == date(2026, 1, 7)
        assert all(e.rationale is None for e in s.scalars(select(CaseReviewEvent)))
        assert reduce_closed(s, date(2026, 1, 8), dry_run=False) == []  # once only
        open_ = s.scalars(select(CaseReview).where(CaseReview.state != "closed")).one()
        assert open_.summary == "neglect suspected"


def test_overdue_reminders_each_working_day_and_stop_when_done(db):
    scales = service.timescales()
    with time_machine.travel(london(2025, 12, 19, 12), tick=False), db.session() as s:
        case = service.notify(s, team_id=TEAM_ID, actor_id=BU, form=_form(date(2025, 12, 19)))
        case.card_channel, case.card_ts = BU_CHANNEL, "1700000000.000100"
        sync(s, case, service.deadlines_of(case, scales), date(2025, 12, 19))
        keys = [d.key for d in pending_due(s, team_id=TEAM_ID, source="case_review", source_ref=case.ref)]
        overdue = [k.rsplit(":", 1)[1] for k in keys if k.startswith("panel_notification_due:overdue")]
        # due Tue 30 Dec; overdue from Wed 31 Dec on working days only (1 Jan is a bank holiday)
        assert overdue[:3] == ["2025-12-31", "2026-01-02", "2026-01-05"] and len(overdue) == 10
        assert "panel_notification_due:before2" in keys  # Wed 24 Dec (Mon 29, Wed 24 back)
        service.apply_transition(s, case, Action.CONSULT_PARTNERS, actor_id=BU, happened_on=date(2025, 12, 22))
        service.apply_transition(s, case, Action.SUBMIT_NOTIFICATION, actor_id=BU, happened_on=date(2025, 12, 23))
        sync(s, case, service.deadlines_of(case, scales), date(2025, 12, 23))
        keys = [d.key for d in pending_due(s, team_id=TEAM_ID, source="case_review", source_ref=case.ref)]
    assert keys and all(k.startswith("rapid_review_due") for k in keys)


def test_resync_all_lays_reminders_for_every_open_case(db):
    with time_machine.travel(london(2026, 2, 2, 12), tick=False), db.session() as s:
        for _ in range(3):
            case = service.notify(s, team_id=TEAM_ID, actor_id=BU, form=_form(date(2026, 2, 2)))
            case.card_channel, case.card_ts = BU_CHANNEL, "1.0"
        s.flush()
        assert resync_all(s, service.timescales(), date(2026, 2, 2)) == 3 * 2 * (1 + 1 + 10)


def test_the_engine_posts_a_due_reminder_once_threaded_on_the_card(db, settings, fake_slack):
    engine = pytest.importorskip("bot.reminders.engine")
    from bot.slack import make_client

    with time_machine.travel(london(2026, 2, 2, 12), tick=False), db.session() as s:
        case = service.notify(s, team_id=TEAM_ID, actor_id=BU, form=_form(date(2026, 2, 2)))  # due Mon 9 Feb
        case.card_channel, case.card_ts = BU_CHANNEL, "1700000000.000100"
        sync(s, case, service.deadlines_of(case, service.timescales()), date(2026, 2, 2))
        ref = case.ref
    with time_machine.travel(london(2026, 2, 5, 9, 0, 30), tick=False):  # Thu: 2 working days before
        engine.dispatch_once(db, make_client(settings), grace_hours=6.0)
        engine.dispatch_once(db, make_client(settings), grace_hours=6.0)
    posts = [c for c in fake_slack.calls_to("chat.postMessage") if c["channel"] == BU_CHANNEL]
    assert len(posts) == 2  # the notification and partners-informed deadlines fall on the same day
    assert all(p["thread_ts"] == "1700000000.000100" and ref in p["text"] for p in posts)
    assert any("Mon 9 Feb 2026" in p["text"] and "2 working days" in p["text"] for p in posts)
