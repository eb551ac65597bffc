"""Tracking through signed Slack requests: advance (window recomputed), note, resolve, withdraw, refusals, list."""

from __future__ import annotations

from datetime import date

import time_machine
from sqlalchemy import select

from bot.escalations.ids import ActionId, BlockId
from bot.reminders.due import pending_due
from storage.core import AuditLog
from storage.escalations import Escalation, EscalationEvent
from tests.conftest import TEAM_ID
from tests.escalations.conftest import (
    BU,
    ESC_CHANNEL,
    MANAGER,
    OTHER_MANAGER,
    PRACTITIONER,
    WIRRAL_CHANNEL,
    eventually,
    london,
    raise_one,
)
from tests.slackclient import state, text_value


def _esc(db, ref: str) -> Escalation:
    with db.session() as s:
        esc = s.scalars(select(Escalation).where(Escalation.ref == ref)).one()
        s.expunge(esc)
    return esc


def _audit(db) -> list[tuple[str, str]]:
    with db.session() as s:
        return [(a.action, a.actor_id) for a in s.scalars(select(AuditLog).order_by(AuditLog.id))]


def _pending(db, ref: str) -> list[tuple[str, str]]:
    with db.session() as s:
        return [(p.key, p.due_at.date().isoformat())
                for p in pending_due(s, team_id=TEAM_ID, source="escalation", source_ref=ref)]


def _press(slack, fake_slack, action: ActionId, ref: str, user: str, channel: str = ESC_CHANNEL) -> dict:
    before = len(fake_slack.calls_to("views.open"))
    slack.action(action, ref, user=user, channel=channel, message={"ts": "1.000001", "type": "message", "text": ""})
    return fake_slack.wait_for("views.open", count=before + 1)[-1]["view"]


def _submit_text(slack, view: dict, text: str, user: str):  # type: ignore[no-untyped-def]
    return slack.submit(view, state(**{BlockId.TEXT.value: text_value(text)}), user=user)


def test_advance_starts_the_next_window_and_updates_both_cards(slack, fake_slack, workspace, db):
    with time_machine.travel(london(2026, 2, 2, 10), tick=True):
        ref = raise_one(slack, fake_slack)
        eventually(lambda: _esc(db, ref).card_ts)
    with time_machine.travel(london(2026, 2, 3, 11), tick=True):  # Day 2: to step 2 (Days 3-9)
        view = _press(slack, fake_slack, ActionId.ADVANCE, ref, MANAGER)
        assert "Manager to opposite manager" in str(view["blocks"])
        assert _submit_text(slack, view, "Duty team manager did not change the decision.", MANAGER).text == ""
        updates = fake_slack.wait_for("chat.update", count=2)
    esc = _esc(db, ref)
    assert (esc.step, esc.highest_step, esc.step_started_on, esc.step_due_on) == (
        2, 2, date(2026, 2, 3), date(2026, 2, 12))  # Day 9
    assert {u["channel"] for u in updates} == {esc.dm_channel, ESC_CHANNEL}
    assert {u["ts"] for u in updates} == {esc.dm_ts, esc.card_ts}
    assert "Thu 12 Feb 2026" in str(updates[-1]["blocks"])
    pending = _pending(db, ref)
    assert pending[:3] == [("step2:before", "2026-02-11"), ("step2:overdue:2026-02-13", "2026-02-13"),
                           ("step2:overdue:2026-02-16", "2026-02-16")]
    assert len(pending) == 11

    with time_machine.travel(london(2026, 2, 17, 9, 30), tick=True):  # Day 12: late for step 3 (Days 9-14)
        slack.command("/escalate", f"advance {ref} Senior managers could not agree", user=MANAGER)
        assert fake_slack.wait_for("response_url")[-1]["text"].startswith(f"{ref} moved to step 3")
        fake_slack.wait_for("chat.update", count=4)
    esc = _esc(db, ref)
    assert (esc.step, esc.step_due_on) == (3, date(2026, 2, 24))  # 5 working days from Day 12, not Day 14
    pending = _pending(db, ref)  # step 2's run is cancelled, step 3's laid
    assert pending[:3] == [("step3:before", "2026-02-23"), ("step3:overdue:2026-02-25", "2026-02-25"),
                           ("step3:overdue:2026-02-26", "2026-02-26")]
    assert len(pending) == 11 and all(key.startswith("step3:") for key, _ in pending)
    advanced = [a for a in _audit(db) if a[0] == "escalation.advanced"]
    assert advanced == [("escalation.advanced", MANAGER)] * 2


def test_note_resolve_and_the_card_has_no_buttons_after(slack, fake_slack, workspace, db):
    ref = raise_one(slack, fake_slack)
    eventually(lambda: _esc(db, ref).card_ts)
    view = _press(slack, fake_slack, ActionId.NOTE, ref, MANAGER)
    _submit_text(slack, view, "Opposite manager on leave until Thursday.", MANAGER)
    fake_slack.wait_for("chat.update", count=2)
    view = _press(slack, fake_slack, ActionId.RESOLVE, ref, MANAGER)
    assert _submit_text(slack, view, "Referral accepted after the strategy discussion.", MANAGER).text == ""
    updates = fake_slack.wait_for("chat.update", count=4)
    esc = _esc(db, ref)
    assert esc.state == "resolved" and esc.outcome == "Referral accepted after the strategy discussion."
    assert "actions" not in str([b["type"] for b in updates[-1]["blocks"]])
    assert _pending(db, ref) == []
    actions = [a for a, _ in _audit(db)]
    assert actions[-2:] == ["escalation.noted", "escalation.resolved"]
    with db.session() as s:
        kinds = [e.kind for e in s.scalars(select(EscalationEvent).order_by(EscalationEvent.id))]
    assert kinds == ["raise", "note", "resolve"]
    # A closed escalation accepts nothing more.
    slack.command("/escalate", f"note {ref} one more thing", user=MANAGER)
    assert "can't note" in fake_slack.wait_for("response_url")[-1]["text"]


def test_withdraw_by_subcommand_cancels_reminders(slack, fake_slack, workspace, db):
    with time_machine.travel(london(2026, 2, 2, 10), tick=True):
        ref = raise_one(slack, fake_slack)
        assert _pending(db, ref)
        slack.command("/escalate", f"withdraw {ref}", user=MANAGER)
        assert fake_slack.wait_for("response_url")[-1]["text"] == f"{ref} is withdrawn."
    esc = _esc(db, ref)
    assert esc.state == "withdrawn" and esc.closed_on == date(2026, 2, 2)
    assert _pending(db, ref) == []


def test_free_text_in_tracking_is_screened_and_nothing_changes(slack, fake_slack, workspace, db):
    ref = raise_one(slack, fake_slack)
    view = _press(slack, fake_slack, ActionId.RESOLVE, ref, MANAGER)
    resp = _submit_text(slack, view, "Agreed with mum, Mrs Kowalski, at home", MANAGER)
    assert "a person's name" in resp.json["errors"][BlockId.TEXT]
    slack.command("/escalate", f"note {ref} call 07700 900123", user=MANAGER)
    assert "Nothing was saved" in fake_slack.wait_for("response_url")[-1]["text"]
    assert _esc(db, ref).state == "open"
    with db.session() as s:
        assert [e.kind for e in s.scalars(select(EscalationEvent))] == ["raise"]


def test_others_are_refused_and_audited_business_unit_may_act(slack, fake_slack, workspace, db):
    ref = raise_one(slack, fake_slack)
    slack.action(ActionId.RESOLVE, ref, user=OTHER_MANAGER, channel=ESC_CHANNEL)
    assert "Only the person who raised" in fake_slack.wait_for("response_url")[-1]["text"]
    slack.command("/escalate", f"withdraw {ref}", user=PRACTITIONER)
    assert "Only the person who raised" in fake_slack.wait_for("response_url", count=2)[-1]["text"]
    assert fake_slack.calls_to("views.open")[-1]["view"]["callback_id"] == "escalation_raise"  # no action modal
    assert _esc(db, ref).state == "open"
    refusals = [a for a in _audit(db) if a[0].endswith("_refused")]
    assert refusals == [("escalation.resolve_refused", OTHER_MANAGER), ("escalation.withdraw_refused", PRACTITIONER)]
    # The business unit of the same partnership may act on anyone's escalation.
    view = _press(slack, fake_slack, ActionId.NOTE, ref, BU)
    _submit_text(slack, view, "Business unit has contacted both agencies.", BU)
    eventually(lambda: ("escalation.noted", BU) in _audit(db))


def test_crafted_actions_for_another_workspace_or_partnership_are_refused(slack, fake_slack, workspace, db):
    ref = raise_one(slack, fake_slack)
    # Another workspace naming our reference: not found there, refused, nothing opened.
    slack.action(ActionId.RESOLVE, ref, user=MANAGER, channel=ESC_CHANNEL, team_id="T0THER")
    assert "can't find" in fake_slack.wait_for("response_url")[-1]["text"]
    # A manager who did not raise it, pressing from a Wirral channel: not theirs. (The business unit's right
    # follows its assigned partnership, not the channel: see tests/security/test_authorization_matrix.py.)
    slack.action(ActionId.WITHDRAW, ref, user=OTHER_MANAGER, channel=WIRRAL_CHANNEL)
    assert "Only the person who raised" in fake_slack.wait_for("response_url", count=2)[-1]["text"]
    # A crafted modal submission naming the escalation with a Wirral channel in its metadata.
    view = _press(slack, fake_slack, ActionId.WITHDRAW, ref, MANAGER)
    crafted = {**view, "private_metadata": view["private_metadata"].replace(ESC_CHANNEL, WIRRAL_CHANNEL)}
    resp = _submit_text(slack, crafted, "", OTHER_MANAGER)
    assert "Only the person who raised" in resp.json["errors"][BlockId.TEXT]
    assert _esc(db, ref).state == "open"
    with db.session() as s:
        rows = list(s.scalars(select(AuditLog).where(AuditLog.action.like("%_refused")).order_by(AuditLog.id)))
    assert [(r.team_id, r.action) for r in rows] == [
        ("T0THER", "escalation.resolve_refused"), (TEAM_ID, "escalation.withdraw_refused"),
        (TEAM_ID, "escalation.withdraw_refused")]


def test_list_shows_own_and_partnership_nearest_window_first(slack, fake_slack, workspace, db):
    with time_machine.travel(london(2026, 2, 2, 10), tick=True):
        first = raise_one(slack, fake_slack, step="2")  # closes Day 9
        second = raise_one(slack, fake_slack, user=OTHER_MANAGER)  # closes Day 1
        slack.command("/escalate", "list", user=MANAGER)
        mine = str(fake_slack.wait_for("response_url")[-1]["blocks"])
        slack.command("/escalate", "list", user=PRACTITIONER)
        none = str(fake_slack.wait_for("response_url", count=2)[-1]["blocks"])
        slack.command("/escalate", "list", user=BU, channel=ESC_CHANNEL)
        everything = str(fake_slack.wait_for("response_url", count=3)[-1]["blocks"])
    assert first in mine and second in mine  # a manager sees the partnership's
    assert "No open escalations" in none
    assert everything.index(second) < everything.index(first)
    assert "window closes Thu 12 Feb 2026" in everything
