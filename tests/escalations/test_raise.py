"""Raising through signed Slack requests: the manager's modal, the cards, the reminders; refusals; privacy."""

from __future__ import annotations

from datetime import date

import time_machine
from sqlalchemy import func, select

from bot.escalations.agencies import choices as agency_choices
from bot.escalations.ids import ActionId, BlockId, CallbackId
from bot.reminders.due import pending_due
from bot.timeutil import LONDON
from storage.core import AuditLog
from storage.escalations import Escalation
from tests.conftest import TEAM_ID
from tests.escalations.conftest import (
    ESC_CHANNEL,
    MANAGER,
    PRACTITIONER,
    eventually,
    london,
    raise_one,
    raise_values,
)
from tests.slackclient import state


def _escalations(db) -> list[Escalation]:
    with db.session() as s:
        rows = list(s.scalars(select(Escalation).order_by(Escalation.id)))
        s.expunge_all()
    return rows


def _audit(db) -> list[str]:
    with db.session() as s:
        return [a.action for a in s.scalars(select(AuditLog).order_by(AuditLog.id))]


def test_modal_is_prefilled_with_the_channels_partnership_and_its_agencies(slack, fake_slack, workspace, services):
    view = slack.open_modal("/escalate", user=MANAGER, channel=ESC_CHANNEL)
    assert view["callback_id"] == CallbackId.RAISE
    blocks = {b.get("block_id"): b for b in view["blocks"]}
    assert blocks[BlockId.PARTNERSHIP]["element"]["initial_option"]["value"] == "warrington"
    agencies = [o["value"] for o in blocks[BlockId.AGENCY]["element"]["options"]]
    assert agencies == agency_choices(services.kb, "warrington")[:100]
    steps = [o["text"]["text"] for o in blocks[BlockId.START_STEP]["element"]["options"]]
    assert steps[0] == "Step 1: Resolve between workers" and len(steps) == 4


def test_manager_raises_and_gets_the_card_the_channel_too_with_the_agency_contact(slack, fake_slack, workspace, db):
    slack.command("/escalate", 'contacts add "Cheshire Constabulary" <@UPOLICE01|dci>', user="UADMIN01")
    assert "will mention <@UPOLICE01>" in fake_slack.wait_for("response_url")[-1]["text"]
    with time_machine.travel(london(2026, 2, 2, 10), tick=True):  # Monday: Day 1
        ref = raise_one(slack, fake_slack)
        posts = fake_slack.wait_for("chat.postMessage", count=2)
    assert ref == "ESC-2026-001"
    by_channel = {p["channel"]: p for p in posts}
    assert set(by_channel) == {MANAGER, ESC_CHANNEL}
    card = str(by_channel[ESC_CHANNEL]["blocks"])
    assert "Step 1: Resolve between workers" in card and "Mon 2 Feb 2026" in card
    assert "(Day one, counted as working days from the day it was raised)" in card  # the policy's words, our count
    assert "as of June 2019" in card and "Sat 1 Jun 2019" not in card
    assert "<@UPOLICE01>" in card and "LCS-204518" in card
    assert by_channel[MANAGER]["text"].startswith("Escalation ESC-2026-001: step 1")
    [esc] = eventually(lambda: [e for e in _escalations(db) if e.card_ts and e.dm_ts])
    assert (esc.state, esc.step, esc.day_one, esc.step_due_on) == ("open", 1, date(2026, 2, 2), date(2026, 2, 2))
    assert esc.dm_ts and esc.card_channel == ESC_CHANNEL and esc.card_ts
    assert esc.route["entry_id"] == "warrington.escalation.professional-differences"
    assert "escalation.raised" in _audit(db)
    with db.session() as s:
        pending = pending_due(s, team_id=TEAM_ID, source="escalation", source_ref=ref)
        # "about to close" fell on Fri 30 Jan, before the escalation existed: only the overdue run is planned,
        # each working day from Tue 3 Feb (10 working days laid ahead; the daily resync extends it).
        assert [(p.key, p.due_at.astimezone(LONDON).isoformat()) for p in pending][:2] == [
            ("step1:overdue:2026-02-03", "2026-02-03T09:00:00+00:00"),
            ("step1:overdue:2026-02-04", "2026-02-04T09:00:00+00:00")]
        assert len(pending) == 10 and pending[-1].key == "step1:overdue:2026-02-16"
        assert pending[0].channel_id == MANAGER and "LCS" not in pending[0].text


def test_practitioner_is_shown_the_route_and_can_notify_a_manager(slack, fake_slack, workspace, db):
    slack.command("/escalate", user=PRACTITIONER, channel=ESC_CHANNEL)
    reply = fake_slack.wait_for("response_url")[-1]
    text = str(reply["blocks"])
    assert "Start with your line manager or safeguarding lead" in text
    assert "Manager to opposite manager" in text and "Days three to nine" in text  # the policy's own words
    assert "counted as working days from the day it was raised" in text and "as of June 2019" in text
    assert _escalations(db) == [] and _audit(db) == ["escalation.raise_refused"]
    assert fake_slack.calls_to("views.open") == []

    slack.action(ActionId.NOTIFY_MANAGER, "warrington", user=PRACTITIONER, channel=ESC_CHANNEL)
    view = fake_slack.wait_for("views.open")[-1]["view"]
    resp = slack.submit(view, state(**{BlockId.MANAGER.value: ("value", {"type": "users_select",
                                                                        "selected_user": MANAGER})}),
                        user=PRACTITIONER)
    assert resp.status == 200
    dms = fake_slack.wait_for("chat.postMessage", count=2)
    to_manager = next(c for c in dms if c["channel"] == MANAGER)
    assert f"<@{PRACTITIONER}> would like to talk" in to_manager["text"]
    assert "No case details" in to_manager["text"]
    assert _audit(db)[-1] == "escalation.manager_notified"


def test_practitioner_crafting_the_modal_submission_is_refused(slack, fake_slack, workspace, db):
    view = slack.open_modal("/escalate", user=MANAGER, channel=ESC_CHANNEL)
    resp = slack.submit(view, raise_values(), user=PRACTITIONER)
    assert resp.json["response_action"] == "errors"
    assert _escalations(db) == [] and _audit(db)[-1] == "escalation.raise_refused"


def test_identifiers_block_submission_and_nothing_is_stored(slack, fake_slack, workspace, db):
    view = slack.open_modal("/escalate", user=MANAGER, channel=ESC_CHANNEL)
    resp = slack.submit(view, raise_values(case_ref="Jayden Smith", tried="The boy called Jayden Smith, DOB 3/4/2015",
                                           wanted="Call mum on 07700 900123"), user=MANAGER)
    errors = resp.json["errors"]
    assert set(errors) == {BlockId.CASE_REF, BlockId.TRIED, BlockId.OUTCOME_WANTED}
    assert "a person's name" in errors[BlockId.TRIED] and "phone number" in errors[BlockId.OUTCOME_WANTED]
    assert "Jayden" not in str(errors)
    resp = slack.submit(view, raise_values(case_ref="LCS", other="Mr Jones at the school"), user=MANAGER)
    assert set(resp.json["errors"]) == {BlockId.CASE_REF, BlockId.AGENCY_OTHER}
    resp = slack.submit(view, raise_values(other="Torus", agency="NSPCC"), user=MANAGER)
    assert resp.json["errors"] == {BlockId.AGENCY_OTHER: "Choose an agency from the list or type one, not both."}
    assert _escalations(db) == [] and _audit(db) == []
    assert fake_slack.calls_to("chat.postMessage") == []
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog)) == 0


def test_missing_agency_gets_a_field_message(slack, fake_slack, workspace):
    view = slack.open_modal("/escalate", user=MANAGER, channel=ESC_CHANNEL)
    resp = slack.submit(view, raise_values(other=None), user=MANAGER)
    assert resp.json["errors"] == {BlockId.AGENCY: "Which agency is the disagreement with? Choose one or type it."}


def test_a_slack_outage_after_saving_keeps_the_escalation(slack, fake_slack, workspace, db):
    fake_slack.not_in_channel.add(ESC_CHANNEL)
    ref = raise_one(slack, fake_slack)
    [esc] = eventually(lambda: [e for e in _escalations(db) if e.dm_ts])
    assert esc.ref == ref and esc.card_ts is None
