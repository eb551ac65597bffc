"""Taking the notification through signed Slack requests: the modal, validation, screening, the card."""

from __future__ import annotations

import json

import time_machine
from sqlalchemy import func, select

from bot.partnerships import set_channel_partnership
from bot.reminders.due import pending_due
from storage.case_reviews import CaseReview
from storage.core import AuditLog
from tests.case_reviews.helpers import BU, BU_CHANNEL, PRACT, buttons, configure, dumps, form, london
from tests.conftest import TEAM_ID
from tests.slackclient import checkboxes_value, date_value, text_value


def _cases(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(CaseReview))


def test_modal_opens_with_the_partnership_of_the_channel(slack, fake_slack, db):
    configure(db)
    with db.session() as s:
        set_channel_partnership(s, TEAM_ID, "CWIRRAL01", "wirral")
    view = slack.open_modal("/case-review", channel="CWIRRAL01")
    assert view["type"] == "modal" and view["callback_id"] == "case_review_notify"
    part = next(b for b in view["blocks"] if b.get("block_id") == "cr_partnership")
    assert part["element"]["initial_option"]["value"] == "wirral"
    ids = {b.get("block_id") for b in view["blocks"]}
    assert {"cr_agency", "cr_role", "cr_incident", "cr_aware", "cr_criteria", "cr_age", "cr_agencies",
            "cr_summary"} <= ids


def test_identifying_text_is_refused_and_nothing_is_stored_or_logged(slack, fake_slack, db, capfd):
    configure(db)
    view = slack.open_modal("/case-review", user=PRACT)
    secret = "Child Jayden Okafor, DOB 03/02/2019, lives at CH41 5AB"
    resp = slack.submit(view, form(cr_summary=text_value(secret), cr_role=text_value("mother Sandra Okafor's GP")),
                        user=PRACT)
    assert resp.status == 200
    body = resp.json
    assert body["response_action"] == "errors"
    assert "anonymised case reference" in body["errors"]["cr_summary"]
    assert "name" in body["errors"]["cr_role"]
    assert "Jayden" not in resp.text
    assert _cases(db) == 0
    with db.session() as s:
        audit = json.dumps([[a.action, a.before, a.after] for a in s.scalars(select(AuditLog))])
    assert "Jayden" not in audit and "CH41" not in audit and "Sandra" not in audit
    assert not fake_slack.calls_to("chat.postMessage")
    out, err = capfd.readouterr()
    assert "Jayden" not in out + err and "CH41" not in out + err


def test_dates_and_criteria_get_field_level_messages(slack, fake_slack, db):
    configure(db)
    view = slack.open_modal("/case-review")
    with time_machine.travel(london(2026, 4, 1, 10), tick=True):
        errors = slack.submit(view, form(cr_incident=date_value("2026-04-09"), cr_aware=date_value("2026-04-02"),
                                         cr_criteria=checkboxes_value(["seriously_harmed"]))).json["errors"]
        assert "future" in errors["cr_incident"] and "future" in errors["cr_aware"]
        assert "abuse or neglect known or suspected AND" in errors["cr_criteria"]
        errors = slack.submit(view, form(cr_incident=date_value("2026-03-30"), cr_aware=date_value("2026-03-20"),
                                         cr_criteria=checkboxes_value([]))).json["errors"]
        assert "before the incident" in errors["cr_aware"]
        assert "Tick what applies" in errors["cr_criteria"]
        errors = slack.submit(view, form(cr_criteria=checkboxes_value(["abuse_or_neglect"]))).json["errors"]
        assert set(errors) == {"cr_criteria"} and "died or been seriously harmed" in errors["cr_criteria"]
    assert _cases(db) == 0


def test_clean_notification_is_stored_carded_confirmed_and_reminded(slack, fake_slack, db):
    configure(db)
    with time_machine.travel(london(2026, 4, 1, 10), tick=True):  # Wed 1 Apr 2026, Easter ahead
        view = slack.open_modal("/case-review", user=PRACT)
        resp = slack.submit(view, form(), user=PRACT)
        assert resp.status == 200 and "errors" not in resp.text
        card = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == BU_CHANNEL)[0]
        dm = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == PRACT)[0]
    text = dumps(card)
    assert "CR-2026-001" in text and "Notified to the business unit" in text
    assert "Fri 10 Apr 2026" in text  # 5 working days over Good Friday and Easter Monday
    assert "Detective" not in text and "school raised" not in text  # the card carries no free text
    assert set(buttons(card)) == {"case_review_act:consult_partners", "case_review_correct"}
    assert "CR-2026-001" in dumps(dm) and "Fri 10 Apr 2026" in dumps(dm)
    with db.session() as s:
        case = s.scalars(select(CaseReview)).one()
        assert (case.ref, case.state, case.partnership) == ("CR-2026-001", "notified", "halton")
        assert case.card_channel == BU_CHANNEL and case.card_ts
        due = pending_due(s, team_id=TEAM_ID, source="case_review", source_ref="CR-2026-001")
        keys = [d.key for d in due]
        assert {d.thread_ts for d in due} == {case.card_ts} and {d.channel_id for d in due} == {BU_CHANNEL}
        actions = [a.action for a in s.scalars(select(AuditLog))]
    assert "panel_notification_due:before2" in keys and "panel_notification_due:on_day" in keys
    assert "partners_informed_due:overdue:2026-04-13" in keys  # first working day after Fri 10 Apr
    before2 = next(d for d in due if d.key == "panel_notification_due:before2")
    assert before2.due_at.isoformat().startswith("2026-04-08") and "CR-2026-001" in before2.text
    assert actions == ["case_review.notify"]


def test_without_a_business_unit_channel_the_notifier_is_told_and_the_case_is_listed(slack, fake_slack, db):
    configure(db, channel=None)
    view = slack.open_modal("/case-review", user=PRACT)
    slack.submit(view, form(), user=PRACT)
    dm = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == PRACT)[0]
    assert "has not configured its channel" in dumps(dm) and "IS stored" in dumps(dm)
    assert _cases(db) == 1
    slack.command("/case-review", "list", user=BU)
    reply = fake_slack.wait_for("response_url")[-1]
    assert "CR-2026-" in dumps(reply)


def test_card_post_failure_still_stores_and_says_so(slack, fake_slack, db):
    configure(db)
    fake_slack.not_in_channel.add(BU_CHANNEL)
    view = slack.open_modal("/case-review", user=PRACT)
    slack.submit(view, form(), user=PRACT)
    dm = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == PRACT)[0]
    assert "IS stored" in dumps(dm) and "could not be posted" in dumps(dm)
    assert _cases(db) == 1
    with db.session() as s:
        assert s.scalars(select(CaseReview)).one().card_ts is None  # posted later, when the bot is invited
