"""The route through the card's buttons: each step, refusals, stale cards, other workspaces, corrections."""

from __future__ import annotations

import json

import time_machine
from sqlalchemy import select

from bot.reminders.due import pending_due
from storage.case_reviews import CaseReview, CaseReviewEvent
from storage.core import AuditLog
from tests.case_reviews.helpers import (
    BU,
    BU_CHANNEL,
    PRACT,
    buttons,
    configure,
    dumps,
    form,
    london,
    view_of,
)
from tests.conftest import TEAM_ID
from tests.slackclient import date_value, select_value, state, text_value

REF = "CR-2026-001"


def _notify(slack, fake_slack, db, team_id: str = TEAM_ID, **over) -> str:
    view = slack.open_modal("/case-review", user=PRACT)
    resp = slack.submit(view, form(**over), user=PRACT, team_id=team_id)
    assert "errors" not in resp.text
    fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == PRACT)
    with db.session() as s:
        return s.scalars(select(CaseReview).where(CaseReview.team_id == team_id)).one().card_ts


def _click(slack, fake_slack, action: str, *, user: str = BU, ref: str = REF, card_ts: str = "1.0", **kw):
    before = len(fake_slack.calls_to("views.open"))
    resp = slack.action(action, ref, user=user, channel=BU_CHANNEL, message={"ts": card_ts, "text": ""}, **kw)
    assert resp.status == 200
    return before


def _step(slack, fake_slack, action: str, values: dict, card_ts: str, user: str = BU):
    """Press a card button, fill its modal, and return the card as chat.update sent it."""
    before = _click(slack, fake_slack, f"case_review_act:{action}", card_ts=card_ts, user=user)
    view = view_of(fake_slack.wait_for("views.open", count=before + 1)[-1])
    updates = len(fake_slack.calls_to("chat.update"))
    resp = slack.submit(view, values, user=user)
    assert "errors" not in resp.text, resp.text
    return fake_slack.wait_for("chat.update", count=updates + 1)[-1]


def _state(db, team_id: str = TEAM_ID) -> str:
    with db.session() as s:
        return s.scalars(select(CaseReview).where(CaseReview.team_id == team_id)).one().state


def _keys(db) -> list[str]:
    with db.session() as s:
        return [d.key for d in pending_due(s, team_id=TEAM_ID, source="case_review", source_ref=REF)]


def test_the_whole_route_updates_the_card_in_place_and_audits_each_step(slack, fake_slack, db):
    configure(db)
    with time_machine.travel(london(2026, 4, 1, 10), tick=True) as traveller:
        ts = _notify(slack, fake_slack, db)
        traveller.move_to(london(2026, 4, 2, 10))
        card = _step(slack, fake_slack, "consult_partners", state(cr_happened=date_value("2026-04-02")), ts)
        assert card["ts"] == ts and card["channel"] == BU_CHANNEL
        assert "Safeguarding partners consulted" in dumps(card)
        assert "done Thu 2 Apr 2026" in dumps(card)
        assert set(buttons(card)) == {"case_review_act:submit_notification", "case_review_act:decide_not_to_notify",
                                      "case_review_correct"}
        assert not [k for k in _keys(db) if k.startswith("partners_informed_due")]  # that step is done
        assert [k for k in _keys(db) if k.startswith("panel_notification_due")]

        card = _step(slack, fake_slack, "submit_notification", state(cr_happened=date_value("2026-04-02")), ts)
        assert "Rapid review to the Panel: Mon 27 Apr 2026" in dumps(card)  # 15 working days over Easter
        assert {k.split(":")[0] for k in _keys(db)} == {"rapid_review_due"}

        traveller.move_to(london(2026, 4, 20, 10))
        card = _step(slack, fake_slack, "complete_rapid_review", state(cr_happened=date_value("2026-04-20")), ts)
        assert _keys(db) == []
        assert {"case_review_act:decide_local_review", "case_review_act:decide_national_review",
                "case_review_act:decide_no_further_review"} <= set(buttons(card))

        card = _step(slack, fake_slack, "decide_local_review", state(
            cr_happened=date_value("2026-04-20"), cr_publication=date_value("2026-06-02"),
            cr_rationale=text_value("Learning about multi-agency information sharing at transfer.")), ts)
        text = dumps(card)
        assert "Publication (at the latest): Tue 20 Oct 2026" in text
        assert "Report to Panel, SoS and Ofsted: Thu 21 May 2026" in text  # 7 working days before 2 Jun
        assert "report_to_panel_due:before2" in _keys(db)

        traveller.move_to(london(2026, 5, 20, 10))
        card = _step(slack, fake_slack, "send_report", state(cr_happened=date_value("2026-05-20")), ts)
        assert {k.split(":")[0] for k in _keys(db)} == {"publication_due"}
        traveller.move_to(london(2026, 6, 2, 10))
        card = _step(slack, fake_slack, "publish", state(cr_happened=date_value("2026-06-02")), ts)
        card = _step(slack, fake_slack, "close", state(cr_happened=date_value("2026-06-02")), ts)
    assert "Closed (review published)" in dumps(card)
    assert buttons(card) == {}
    assert _keys(db) == []
    with db.session() as s:
        audits = list(s.scalars(select(AuditLog).where(AuditLog.entity_id == REF).order_by(AuditLog.id)))
        events = [e.action for e in s.scalars(select(CaseReviewEvent).order_by(CaseReviewEvent.id))]
    assert [a.action for a in audits] == [
        "case_review.notify", "case_review.consult_partners", "case_review.submit_notification",
        "case_review.complete_rapid_review", "case_review.decide_local_review", "case_review.send_report",
        "case_review.publish", "case_review.close"]
    assert all(a.actor_id == BU for a in audits[1:])
    assert (audits[1].before["state"], audits[1].after["state"]) == ("notified", "partners_consulted")
    assert audits[1].after["partners_consulted_on"] == "2026-04-02"
    assert "Learning about" not in json.dumps([a.after for a in audits])  # rationale is not audit data
    assert events[-1] == "close" and len(events) == 8


def test_decision_not_to_notify_needs_a_screened_rationale_and_closes(slack, fake_slack, db):
    configure(db, partnership="cheshire-west-and-chester")
    with time_machine.travel(london(2026, 4, 1, 10), tick=True):
        ts = _notify(slack, fake_slack, db, cr_partnership=select_value("cheshire-west-and-chester"))
        _step(slack, fake_slack, "consult_partners", state(cr_happened=date_value("2026-04-01")), ts)
        before = _click(slack, fake_slack, "case_review_act:decide_not_to_notify", card_ts=ts)
        view = view_of(fake_slack.wait_for("views.open", count=before + 1)[-1])
        assert "DCS will nevertheless submit" in json.dumps(view)  # CWAC s.8 shown where it matters
        missing = slack.submit(view, state(cr_happened=date_value("2026-04-01")), user=BU).json
        assert "rationale" in missing["errors"]["cr_rationale"]
        pii = slack.submit(view, state(cr_happened=date_value("2026-04-01"),
                                       cr_rationale=text_value("Spoke to mum Kerry Walsh on 07700 900123")),
                           user=BU).json
        assert "phone number" in pii["errors"]["cr_rationale"]
        with db.session() as s:
            assert "Kerry" not in json.dumps([[a.before, a.after] for a in s.scalars(select(AuditLog))])
            assert not s.scalars(select(CaseReviewEvent).where(CaseReviewEvent.rationale.is_not(None))).all()
        assert _state(db) == "partners_consulted"
        updates = len(fake_slack.calls_to("chat.update"))
        ok = slack.submit(view, state(cr_happened=date_value("2026-04-01"),
                                      cr_rationale=text_value("Partners agreed the criteria are not met.")), user=BU)
        assert "errors" not in ok.text
        card = fake_slack.wait_for("chat.update", count=updates + 1)[-1]
    assert "decided not to notify" in dumps(card) and _state(db) == "closed"
    assert _keys(db) == []


def test_future_and_out_of_order_step_dates_are_refused(slack, fake_slack, db):
    configure(db)
    with time_machine.travel(london(2026, 4, 1, 10), tick=True):
        ts = _notify(slack, fake_slack, db)
        before = _click(slack, fake_slack, "case_review_act:consult_partners", card_ts=ts)
        view = view_of(fake_slack.wait_for("views.open", count=before + 1)[-1])
        assert "future" in slack.submit(view, state(cr_happened=date_value("2026-04-02")), user=BU).json[
            "errors"]["cr_happened"]
        assert "before the case's last recorded date" in slack.submit(
            view, state(cr_happened=date_value("2026-03-31")), user=BU).json["errors"]["cr_happened"]
    assert _state(db) == "notified"


def test_practitioners_are_refused_politely_audited_and_nothing_changes(slack, fake_slack, db):
    configure(db)
    ts = _notify(slack, fake_slack, db)
    opened = len(fake_slack.calls_to("views.open"))
    _click(slack, fake_slack, "case_review_act:consult_partners", user=PRACT, card_ts=ts)
    reply = fake_slack.wait_for("response_url")[-1]
    assert "don't have permission" in reply["text"]
    _click(slack, fake_slack, "case_review_correct", user=PRACT, card_ts=ts)
    fake_slack.wait_for("response_url", count=2)
    slack.command("/case-review", "list", user=PRACT)
    slack.command("/case-review", f"show {REF}", user=PRACT)
    replies = fake_slack.wait_for("response_url", count=4)
    assert all("don't have permission" in r["text"] for r in replies)
    assert len(fake_slack.calls_to("views.open")) == opened and not fake_slack.calls_to("chat.update")
    # a crafted submission of the step modal by a practitioner is refused too
    from bot.case_reviews.blocks import transition_modal
    from bot.case_reviews.states import Action, State, transition_for

    with db.session() as s:
        case = s.scalars(select(CaseReview)).one()
        view = transition_modal(case, transition_for(State.NOTIFIED, Action.CONSULT_PARTNERS),
                                case.aware_on, BU_CHANNEL)
    resp = slack.submit(view, state(cr_happened=date_value(case.aware_on.isoformat())), user=PRACT)
    assert "don't have permission" in resp.json["errors"]["cr_happened"]
    assert _state(db) == "notified"
    with db.session() as s:
        refusals = [a for a in s.scalars(select(AuditLog)) if a.action == "case_review.refused"]
    assert len(refusals) == 5 and {a.actor_id for a in refusals} == {PRACT}


def test_a_crafted_payload_naming_another_workspaces_case_is_refused(slack, fake_slack, db):
    configure(db, team_id="T0002")
    configure(db)
    _notify(slack, fake_slack, db, team_id="T0002")  # CR-2026-001 exists only in T0002
    _click(slack, fake_slack, "case_review_act:consult_partners", user=BU)  # BU of T0001
    assert "no case `CR-2026-001` in this workspace" in fake_slack.wait_for("response_url")[-1]["text"]
    from bot.case_reviews.ids import TransitionMeta

    meta = TransitionMeta(ref=REF, action="consult_partners", state="notified")
    forged = {"type": "modal", "callback_id": "case_review_transition", "blocks": [],
              "private_metadata": meta.model_dump_json()}
    with time_machine.travel(london(2026, 4, 2, 10), tick=True):
        resp = slack.submit(forged, state(cr_happened=date_value("2026-04-02")), user=BU)
    assert "no case" in resp.json["errors"]["cr_happened"]
    assert _state(db, "T0002") == "notified"
    assert not fake_slack.calls_to("chat.update") and len(fake_slack.calls_to("views.open")) == 1
    with db.session() as s:
        refused = [a for a in s.scalars(select(AuditLog)) if a.action == "case_review.refused"]
    assert len(refused) == 2 and {a.team_id for a in refused} == {TEAM_ID}


def test_a_stale_card_button_changes_nothing(slack, fake_slack, db):
    configure(db)
    with time_machine.travel(london(2026, 4, 1, 10), tick=True):
        ts = _notify(slack, fake_slack, db)
        _step(slack, fake_slack, "consult_partners", state(cr_happened=date_value("2026-04-01")), ts)
        _click(slack, fake_slack, "case_review_act:consult_partners", card_ts=ts)
    assert "has moved on" in fake_slack.wait_for("response_url")[-1]["text"]
    assert _state(db) == "partners_consulted"


def test_correcting_the_awareness_date_recomputes_deadlines_and_reminders(slack, fake_slack, db):
    configure(db)
    with time_machine.travel(london(2026, 4, 1, 10), tick=True):
        ts = _notify(slack, fake_slack, db)
        assert "panel_notification_due:on_day" in _keys(db)
        before = _click(slack, fake_slack, "case_review_correct", card_ts=ts)
        view = view_of(fake_slack.wait_for("views.open", count=before + 1)[-1])
        bad = slack.submit(view, state(cr_date_incident_on=date_value("2026-03-30"),
                                       cr_date_aware_on=date_value("2026-03-20")), user=BU).json
        assert "can't be before" in bad["errors"]["cr_date_aware_on"]
        updates = len(fake_slack.calls_to("chat.update"))
        resp = slack.submit(view, state(cr_date_incident_on=date_value("2026-03-30"),
                                        cr_date_aware_on=date_value("2026-03-31")), user=BU)
        assert "errors" not in resp.text
        card = fake_slack.wait_for("chat.update", count=updates + 1)[-1]
        with db.session() as s:
            due = {d.key: d for d in pending_due(s, team_id=TEAM_ID, source="case_review", source_ref=REF)}
            audit = [a for a in s.scalars(select(AuditLog)) if a.action == "case_review.correct_dates"]
    assert "Notification to the Panel: Thu 9 Apr 2026" in dumps(card)
    assert due["panel_notification_due:on_day"].due_at.date().isoformat() == "2026-04-09"
    assert audit[0].before["aware_on"] == "2026-04-01" and audit[0].after["aware_on"] == "2026-03-31"


def test_list_and_show_for_the_business_unit(slack, fake_slack, db):
    configure(db)
    with time_machine.travel(london(2026, 4, 1, 10), tick=True):
        _notify(slack, fake_slack, db)
        view = slack.open_modal("/case-review", user=PRACT)
        slack.submit(view, form(cr_aware=date_value("2026-03-30"), cr_incident=date_value("2026-03-29")), user=PRACT)
        fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == PRACT, count=2)
        slack.command("/case-review", "list", user=BU)
        listing = dumps(fake_slack.wait_for("response_url")[-1])
        slack.command("/case-review", "show cr-2026-001", user=BU)
        shown = dumps(fake_slack.wait_for("response_url", count=2)[-1])
        slack.command("/case-review", "show CR-2026-999", user=BU)
        missing = fake_slack.wait_for("response_url", count=3)[-1]["text"]
        slack.command("/case-review", "help", user=PRACT)
        helptext = fake_slack.wait_for("response_url", count=4)[-1]["text"]
    assert listing.index("CR-2026-002") < listing.index("CR-2026-001")  # nearest deadline first
    assert "school raised concerns" in shown and "Fri 10 Apr 2026" in shown
    assert "no case `CR-2026-999`" in missing
    assert "/case-review list" in helptext


def test_a_slack_fault_updating_the_card_keeps_the_step_and_the_next_change_shows_it(slack, fake_slack, db):
    configure(db)
    with time_machine.travel(london(2026, 4, 1, 10), tick=True):
        ts = _notify(slack, fake_slack, db)
        fake_slack.fail_next("chat.update", "channel_not_found")
        before = _click(slack, fake_slack, "case_review_act:consult_partners", card_ts=ts)
        view = view_of(fake_slack.wait_for("views.open", count=before + 1)[-1])
        resp = slack.submit(view, state(cr_happened=date_value("2026-04-01")), user=BU)
        assert resp.status == 200 and "errors" not in resp.text
        fake_slack.wait_for("chat.update")
        assert _state(db) == "partners_consulted"
        card = _step(slack, fake_slack, "submit_notification", state(cr_happened=date_value("2026-04-01")), ts)
    assert "Serious Incident Notification submitted" in dumps(card)
    assert not [c for c in fake_slack.calls_to("chat.postMessage") if "Traceback" in str(c.params)]
