"""Defects found by using it: one name limit at every entry point, dates in a sensible range, and `/reminders add`
from a DM never silently posting to the DM."""

from __future__ import annotations

import json

import time_machine
from sqlalchemy import func, select

from bot.reminders.ids import NAME_MAX, Action, Block
from storage.reminders import ReminderSeries
from tests.conftest import ADMIN
from tests.reminders.helpers import london
from tests.reminders.test_commands import CHANNEL, _values


def _series(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(ReminderSeries))


def _run(slack, fake_slack, text: str, channel: str = CHANNEL) -> str:  # type: ignore[no-untyped-def]
    before = len(fake_slack.calls_to("response_url"))
    slack.command("/reminders", text, user=ADMIN, channel=channel)
    return str(fake_slack.wait_for("response_url", count=before + 1)[-1]["text"])


def test_one_name_limit_at_every_entry_point(slack, fake_slack, db):
    long_name = "Quarterly multi-agency audit " * 6  # 174 characters
    with time_machine.travel(london(2026, 3, 2, 10), tick=True):
        added = _run(slack, fake_slack, f"add {long_name} | monthly on the first Monday | 2026-04-06")
        once = _run(slack, fake_slack, f"once 2026-04-06 10:30 {long_name}")
        view = slack.open_modal("/reminders", "add", user=ADMIN, channel=CHANNEL)
        modal = slack.submit(view, _values(name=long_name.strip() + "x", first_date="2026-04-06"), user=ADMIN).json
        assert "Reminder #" in _run(slack, fake_slack, f"add {'a' * NAME_MAX} | monthly on the first Monday | "
                                                         "2026-04-06")
    message = f"Keep the name to {NAME_MAX} characters"
    assert "Nothing was saved" in added and message in added
    assert "Nothing was saved" in once and message in once
    assert message in modal["errors"][Block.NAME]
    name_input = next(b for b in view["blocks"] if b["block_id"] == Block.NAME)
    assert name_input["element"]["max_length"] == NAME_MAX
    assert _series(db) == 1  # only the one at the limit


def test_first_dates_far_away_are_a_field_error(slack, fake_slack, db):
    with time_machine.travel(london(2026, 3, 2, 10), tick=True):
        view = slack.open_modal("/reminders", "add", user=ADMIN, channel=CHANNEL)
        resp = slack.submit(view, _values(name="Exec", recurrence="monthly on the first Monday",
                                          first_date="0134-02-03"), user=ADMIN).json
        far = _run(slack, fake_slack, "add Exec | monthly on the first Monday | 9999-12-31")
    assert resp["errors"][Block.FIRST_DATE] == "Use a date from Sat 1 Jan 2000 onwards."
    assert "Use a date no later than Sun 2 Mar 2031." in far
    assert _series(db) == 0


def test_add_from_a_dm_never_falls_back_to_the_dm(slack, fake_slack, db):
    dm = "D" + ADMIN
    with time_machine.travel(london(2026, 3, 2, 10), tick=True):
        one_line = _run(slack, fake_slack, "add Exec | monthly on the first Monday | 2026-04-06", channel=dm)
        view = slack.open_modal("/reminders", "add", user=ADMIN, channel=dm)
        values = _values(name="Exec", recurrence="monthly on the first Monday", first_date="2026-04-06")
        values[Block.CHANNEL] = {Action.CHANNEL: {"type": "conversations_select", "selected_conversation": None}}
        resp = slack.submit(view, values, user=ADMIN).json
    assert "run this in that channel" in one_line and "Nothing was saved" in one_line
    picker = next(b for b in view["blocks"] if b["block_id"] == Block.CHANNEL)
    assert "initial_conversation" not in json.dumps(picker) and picker["optional"] is False
    assert resp["errors"][Block.CHANNEL] == "Choose the channel to post in."
    assert _series(db) == 0


def test_add_from_a_channel_preselects_it(slack, fake_slack, db):
    view = slack.open_modal("/reminders", "add", user=ADMIN, channel=CHANNEL)
    picker = next(b for b in view["blocks"] if b["block_id"] == Block.CHANNEL)
    assert picker["element"]["initial_conversation"] == CHANNEL
