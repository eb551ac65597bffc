"""Step-window reminders go through the one reminder engine: sent once, as a DM offering the next step."""

from __future__ import annotations

import time_machine

from bot.escalations.ids import ActionId
from bot.reminders.engine import dispatch_once
from bot.slack import make_client
from tests.escalations.conftest import MANAGER, london, raise_one


def test_closed_window_reminder_is_sent_once_and_its_button_opens_the_next_step(
    slack, fake_slack, workspace, db, settings
):
    with time_machine.travel(london(2026, 2, 2, 10), tick=True):
        ref = raise_one(slack, fake_slack, step="2")  # step 2 closes Day 9, Thu 12 Feb
        fake_slack.wait_for("chat.postMessage", count=2)  # the DM card and the channel card
    client = make_client(settings)
    before = len(fake_slack.calls_to("chat.postMessage"))
    stats = dispatch_once(db, client, grace_hours=12, now=london(2026, 2, 11, 9, 1))
    assert stats.sent == 1
    dm = fake_slack.calls_to("chat.postMessage")[before:]
    assert [c["channel"] for c in dm] == [MANAGER]
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
