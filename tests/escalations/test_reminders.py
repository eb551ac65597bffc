"""Step-window reminders go through the one reminder engine: sent once, as a DM offering the next step."""

from __future__ import annotations

import time_machine

from bot.escalations.ids import ActionId
from bot.reminders.engine import dispatch_once
from bot.slack import make_client
from tests.escalations.conftest import ESC_CHANNEL, MANAGER, eventually, london, raise_one


def test_closed_window_reminder_is_sent_once_and_its_button_opens_the_next_step(
    slack, fake_slack, workspace, db, settings
):
    with time_machine.travel(london(2026, 2, 2, 10), tick=True):
        ref = raise_one(slack, fake_slack, step="2")  # step 2 closes Day 9, Thu 12 Feb
        fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == ESC_CHANNEL)  # and the channel card
    client = make_client(settings)
    before = len(fake_slack.calls_to("chat.postMessage"))
    stats = dispatch_once(db, client, grace_hours=12, now=london(2026, 2, 11, 9, 1))
    assert stats.sent == 1
    dm = fake_slack.calls_to("chat.postMessage")[before:]
    assert [c["channel"] for c in dm] == ["D" + MANAGER]  # the raiser's DM, opened with conversations.open
    assert fake_slack.calls_to("conversations.open")[-1]["users"] == MANAGER
    assert dm[0]["text"] == (f"{ref}: the window for step 2 (Manager to opposite manager) closes on Thu 12 Feb 2026, "
                             "the next working day. You can escalate it to the next step.")
    assert dispatch_once(db, client, grace_hours=12, now=london(2026, 2, 11, 9, 5)).sent == 0  # exactly once
    assert dispatch_once(db, client, grace_hours=12, now=london(2026, 2, 13, 9, 1)).sent == 1  # "closed"
    closed = fake_slack.calls_to("chat.postMessage")[-1]
    assert "closed on Thu 12 Feb 2026" in closed["text"]
    buttons = [e for b in closed["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [b["action_id"] for b in buttons][:3] == [ActionId.ADVANCE, ActionId.RESOLVE, ActionId.NOTE]
    assert buttons[0]["action_id"] == ActionId.ADVANCE and buttons[0]["value"] == ref
    slack.action(ActionId.ADVANCE, ref, user=MANAGER, channel="D" + MANAGER)
    view = fake_slack.wait_for("views.open", count=2)[-1]["view"]
    assert "step 3, WSP representative and WSP manager" in str(view["blocks"])


def _raised(slack, fake_slack, db) -> str:  # type: ignore[no-untyped-def]
    """Raise at step 2 on Mon 2 Feb 2026 (closes Thu 12 Feb) and wait until both cards are stored."""
    from sqlalchemy import select

    from storage.escalations import Escalation

    with time_machine.travel(london(2026, 2, 2, 10), tick=True):
        ref = raise_one(slack, fake_slack, step="2")

        def stored() -> bool:
            with db.session() as s:
                esc = s.scalars(select(Escalation).where(Escalation.ref == ref)).one()
                return bool(esc.card_ts and esc.dm_ts)

        assert eventually(stored)
    return ref


def _tick(db, settings, moment) -> int:  # type: ignore[no-untyped-def]
    with time_machine.travel(moment, tick=False):
        return dispatch_once(db, make_client(settings), grace_hours=6).sent


def _overdue_dms(fake_slack, ref: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [c["text"] for c in fake_slack.calls_to("chat.postMessage")
            if c["channel"] == "D" + MANAGER and str(c.get("text", "")).startswith(f"{ref}: the window")]


def test_overdue_step_is_reminded_each_working_day_until_resolved(slack, fake_slack, workspace, db, settings):
    from sqlalchemy import select

    from bot.escalations import reminders as step_reminders
    from storage.reminders import ReminderOccurrence

    ref = _raised(slack, fake_slack, db)
    assert _tick(db, settings, london(2026, 2, 11, 9, 1)) == 1  # "closes tomorrow"
    assert _tick(db, settings, london(2026, 2, 12, 9, 1)) == 0  # the closing day itself: nothing
    for day in (13, 16, 17):  # Fri, then Mon and Tue: once each working day, never twice
        assert _tick(db, settings, london(2026, 2, day, 9, 1)) == 1
        assert _tick(db, settings, london(2026, 2, day, 9, 30)) == 0
    assert _tick(db, settings, london(2026, 2, 14, 9, 1)) == 0  # Saturday (nothing was laid for it)
    texts = _overdue_dms(fake_slack, ref)
    assert len(texts) == 4 and all("closed on Thu 12 Feb 2026" in t for t in texts[1:])
    assert "each working day" in texts[-1]

    def laid() -> list[str]:
        with db.session() as s:
            return sorted(s.scalars(select(ReminderOccurrence.key).where(
                ReminderOccurrence.source_ref == ref, ReminderOccurrence.state.in_(("pending", "sent")))))

    assert laid()[-1] == "step2:overdue:2026-02-26"  # the bounded run: 10 working days from Fri 13 Feb
    with time_machine.travel(london(2026, 2, 18, 6), tick=False), db.session() as s:  # the daily job, 06:00
        assert step_reminders.resync_all(s) == 10  # Wed 18 Feb .. Tue 3 Mar
    with time_machine.travel(london(2026, 2, 18, 6, 5), tick=False), db.session() as s:
        step_reminders.resync_all(s)  # twice is harmless
    keys = laid()
    assert keys[-1] == "step2:overdue:2026-03-03" and len(keys) == len(set(keys))
    assert {k for k in keys if k.endswith(("02-13", "02-16", "02-17"))} == {
        "step2:overdue:2026-02-13", "step2:overdue:2026-02-16", "step2:overdue:2026-02-17"}
    assert _tick(db, settings, london(2026, 2, 17, 9, 45)) == 0  # already-sent days are not re-opened
    assert _tick(db, settings, london(2026, 2, 18, 9, 1)) == 1

    with time_machine.travel(london(2026, 2, 18, 11), tick=True):
        slack.command("/escalate", f"resolve {ref} Strategy discussion held", user=MANAGER)
        assert fake_slack.wait_for("response_url")[-1]["text"].startswith(ref)
        fake_slack.wait_for("chat.update", count=2)  # both cards: the listener has finished
    with time_machine.travel(london(2026, 2, 19, 6), tick=False), db.session() as s:
        assert step_reminders.resync_all(s) == 0  # resolved: nothing re-laid
    for day in (19, 20, 23):
        assert _tick(db, settings, london(2026, 2, day, 9, 1)) == 0
    assert len(_overdue_dms(fake_slack, ref)) == 5
    with db.session() as s:
        assert s.scalars(select(ReminderOccurrence).where(ReminderOccurrence.source_ref == ref,
                                                          ReminderOccurrence.state == "pending")).all() == []


def test_advancing_an_overdue_step_stops_its_run(slack, fake_slack, workspace, db, settings):
    ref = _raised(slack, fake_slack, db)
    assert _tick(db, settings, london(2026, 2, 13, 9, 1)) == 1
    with time_machine.travel(london(2026, 2, 13, 10), tick=True):
        slack.command("/escalate", f"advance {ref} Opposite manager would not change it", user=MANAGER)
        assert fake_slack.wait_for("response_url")[-1]["text"].startswith(f"{ref} moved to step 3")
        fake_slack.wait_for("chat.update", count=2)
    # Step 3 starts on Day 10 (Fri 13 Feb) with 5 working days: closes Fri 20 Feb. No step-2 reminders from here.
    for day in (16, 17, 18):
        assert _tick(db, settings, london(2026, 2, day, 9, 1)) == 0
    assert _tick(db, settings, london(2026, 2, 19, 9, 1)) == 1  # step 3 "closes next working day"
    last = _overdue_dms(fake_slack, ref)[-1]
    assert "step 3" in last and "closes on Fri 20 Feb" in last
    assert len(_overdue_dms(fake_slack, ref)) == 2
