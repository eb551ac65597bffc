"""A reminder series follows the data: it goes only to a channel of the person's assigned partnership (admins
anywhere), and the groups offered and the partnership saved are the server's record of the channel, never the
person's area setting nor the form's private_metadata (which comes back from the client).

A Warrington workspace; CHALTON01 is configured as a Halton channel; CGROUP01 has no setting, so it is Warrington's.
Everything goes through signed HTTP to the real server and the fake Slack.
"""

from __future__ import annotations

import json
import time

import pytest
from sqlalchemy import select

from bot.authz import Role, grant
from bot.partnerships import get_workspace, set_channel_partnership
from bot.reminders.ids import Action, Block
from storage.core import AuditLog
from storage.reminders import ReminderSeries
from tests.conftest import ADMIN, TEAM_ID
from tests.slackclient import date_value, select_value, state, text_value

MANAGER, LEAD = "UMANAGER1", "ULEAD0001"
OURS, THEIRS = "CGROUP01", "CHALTON01"
MARKER = "Zebrafinch forum"  # typed text that must never reach the audit log
HALTON_GROUP, OUR_GROUP = "Safeguarding Practice Group", "Practitioners forum"


@pytest.fixture
def warrington(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        get_workspace(s, TEAM_ID).partnership = "warrington"
        set_channel_partnership(s, TEAM_ID, THEIRS, "halton")
        grant(s, TEAM_ID, MANAGER, Role.MANAGER)
        grant(s, TEAM_ID, LEAD, Role.SAFEGUARDING_LEAD)


def _values(channel: str, name: str = MARKER, group: str | None = None) -> dict:  # type: ignore[type-arg]
    fields = {
        Block.NAME: text_value(name, Action.NAME),
        Block.CHANNEL: (Action.CHANNEL, {"type": "conversations_select", "selected_conversation": channel}),
        Block.RECURRENCE: text_value("every month on the first Monday", Action.RECURRENCE),
        Block.FIRST_DATE: date_value("2030-01-07", Action.FIRST_DATE),
        Block.TIME: (Action.TIME, {"type": "timepicker", "selected_time": "10:00"}),
        Block.DAYS_BEFORE: text_value("7,1", Action.DAYS_BEFORE),
        Block.PAPERS: text_value("", Action.PAPERS),
        Block.LINK: text_value("", Action.LINK),
    }
    if group:
        fields[Block.GROUP] = select_value(group, Action.GROUP)
    return state(**fields)


def _forge(view: dict, **meta: object) -> dict:  # type: ignore[type-arg]
    return {**view, "private_metadata": json.dumps({**json.loads(view["private_metadata"]), **meta})}


def _offered(view: dict) -> list[str]:  # type: ignore[type-arg]
    block = next((b for b in view["blocks"] if b["block_id"] == Block.GROUP), None)
    return [o["value"] for o in block["element"]["options"]] if block else []


def _refusals(db, count: int) -> list[AuditLog]:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        with db.session() as s:
            rows = s.scalars(select(AuditLog).where(AuditLog.action == "reminder.refused")).all()
        if len(rows) >= count:
            return list(rows)
        time.sleep(0.05)
    raise AssertionError(f"expected {count} refusals, got {len(rows)}")


def _series(db) -> list[ReminderSeries]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return list(s.scalars(select(ReminderSeries)))


@pytest.mark.parametrize("forged_meta", [{}, {"channel_id": OURS, "partnership": "warrington"}])
def test_a_manager_cannot_place_a_series_in_another_partnerships_channel(slack, fake_slack, db, warrington,
                                                                        forged_meta):
    view = _forge(slack.open_modal("/reminders", "add", user=MANAGER, channel=OURS), **forged_meta)
    resp = slack.submit(view, _values(THEIRS), user=MANAGER)
    assert resp.status == 200 and set(resp.json["errors"]) == {Block.CHANNEL}, resp.text
    assert "partnership" in resp.json["errors"][Block.CHANNEL]
    assert _series(db) == []
    refused = _refusals(db, 1)
    assert refused[0].after["reason"] == "other_partnership" and refused[0].actor_id == MANAGER
    assert "Zebrafinch" not in json.dumps([(r.entity_id, r.before, r.after) for r in refused])


def test_the_saved_partnership_and_groups_are_the_channels_not_the_metadata(slack, fake_slack, db, warrington):
    """Metadata forged to name the Halton channel and partnership: the series is Warrington's, Halton's group is
    not taken as a group of this channel."""
    view = _forge(slack.open_modal("/reminders", "add", user=MANAGER, channel=OURS),
                  channel_id=THEIRS, partnership="halton")
    resp = slack.submit(view, _values(OURS, group=HALTON_GROUP), user=MANAGER)
    assert resp.status == 200 and set(resp.json["errors"]) == {Block.GROUP}, resp.text
    assert _series(db) == []
    resp = slack.submit(view, _values(OURS, name="", group=OUR_GROUP), user=MANAGER)
    assert resp.status == 200 and resp.text in ("", "{}"), resp.text
    fake_slack.wait_for("chat.postEphemeral")
    [row] = _series(db)
    assert (row.channel_id, row.partnership, row.name) == (OURS, "warrington", OUR_GROUP)


def test_the_groups_offered_are_the_channels_not_the_persons_area(slack, fake_slack, db, warrington):
    slack.command("/safeguarding", "area halton", user=MANAGER, channel="D" + MANAGER)
    fake_slack.wait_for("response_url")
    ours = _offered(slack.open_modal("/reminders", "add", user=MANAGER, channel=OURS))
    assert OUR_GROUP in ours and HALTON_GROUP not in ours
    theirs = _offered(slack.open_modal("/reminders", "add", user=ADMIN, channel=THEIRS))
    assert HALTON_GROUP in theirs and OUR_GROUP not in theirs


def test_an_admin_may_place_a_series_anywhere_and_it_takes_that_channels_partnership(slack, fake_slack, db,
                                                                                     warrington):
    view = slack.open_modal("/reminders", "add", user=ADMIN, channel=OURS)
    resp = slack.submit(view, _values(THEIRS, name="", group=HALTON_GROUP), user=ADMIN)
    assert resp.status == 200 and resp.text in ("", "{}"), resp.text
    fake_slack.wait_for("chat.postEphemeral")
    [row] = _series(db)
    assert (row.channel_id, row.partnership, row.name) == (THEIRS, "halton", HALTON_GROUP)


@pytest.mark.parametrize("text", [f"add {MARKER} | every month on the first Monday | 2030-01-07",
                                  f"once 2030-01-07 10:00 {MARKER}"])
def test_the_one_line_forms_follow_the_same_rule(slack, fake_slack, db, warrington, text):
    slack.command("/reminders", text, user=MANAGER, channel=THEIRS)
    reply = fake_slack.wait_for("response_url")[-1]["text"]
    assert "partnership" in reply and "Zebrafinch" not in reply
    assert _series(db) == []
    refused = _refusals(db, 1)
    assert refused[0].after["reason"] == "other_partnership"
    assert "Zebrafinch" not in json.dumps([(r.entity_id, r.before, r.after) for r in refused])
    slack.command("/reminders", text, user=MANAGER, channel=OURS)  # the manager's own partnership's channel: fine
    fake_slack.wait_for("response_url", count=2)
    [row] = _series(db)
    assert (row.channel_id, row.partnership) == (OURS, "warrington")


def test_the_area_setting_does_not_make_a_halton_series(slack, fake_slack, db, warrington):
    """A Warrington manager whose own area is Halton still makes a Warrington series in a Warrington channel."""
    slack.command("/safeguarding", "area halton", user=MANAGER, channel="D" + MANAGER)
    fake_slack.wait_for("response_url")
    slack.command("/reminders", "add Forum | every month on the first Monday | 2030-01-07", user=MANAGER,
                  channel=OURS)
    fake_slack.wait_for("response_url", count=2)
    [row] = _series(db)
    assert row.partnership == "warrington"


def test_an_edit_cannot_move_a_series_into_another_partnerships_channel(slack, fake_slack, db, warrington):
    slack.command("/reminders", "add Forum | every month on the first Monday | 2030-01-07", user=MANAGER,
                  channel=OURS)
    fake_slack.wait_for("response_url")
    [row] = _series(db)
    view = slack.open_modal("/reminders", f"edit {row.id}", user=MANAGER, channel=OURS)
    resp = slack.submit(view, _values(THEIRS, name="Forum"), user=MANAGER)
    assert resp.status == 200 and set(resp.json["errors"]) == {Block.CHANNEL}, resp.text
    assert _refusals(db, 1)[0].entity_id == str(row.id)
    [after] = _series(db)
    assert (after.channel_id, after.partnership) == (OURS, "warrington")
