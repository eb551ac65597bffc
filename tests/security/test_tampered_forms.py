"""Red team, fifth session: forged values in the places a real Slack client only ever sends a choice (a user
picker, a channel picker, a static select, private_metadata). Slack's own forms cannot send these; a signed
request built by hand can. Each goes over signed HTTP to the real server; what reached Slack, the database and
the audit log is then searched for the forged text."""

from __future__ import annotations

import json
import time

import pytest
from sqlalchemy import select

from bot.escalations.ids import BlockId as EscBlock
from bot.reminders.ids import Action as RemAction
from bot.reminders.ids import Block as RemBlock
from storage.core import AuditLog
from storage.escalations import Escalation
from storage.reminders import ReminderSeries
from tests.conftest import ADMIN, TEAM_ID
from tests.escalations.conftest import MANAGER, PRACTITIONER, raise_values, workspace  # noqa: F401
from tests.slackclient import date_value, state, text_value

CHILD = "Kayla Nowak of 22 Elm Grove"  # what a mischievous insider types where only a choice is expected
PING = "<!channel>"


def _everything(fake_slack, db) -> str:  # type: ignore[no-untyped-def]
    """All that reached Slack, the audit log and the escalation and reminder tables, as one text."""
    time.sleep(0.4)  # listeners run after the ack
    with db.session() as s:
        rows = [(r.entity_id, r.before, r.after) for r in s.scalars(select(AuditLog))]
        rows += [(e.agency, e.tried, e.outcome_wanted) for e in s.scalars(select(Escalation))]
        rows += [(r.name, r.channel_id, r.partnership) for r in s.scalars(select(ReminderSeries))]
    return json.dumps([[c.method, c.params] for c in fake_slack.calls], default=str) + json.dumps(rows, default=str)


@pytest.mark.parametrize("forged", ["CGENERAL1", f"U1> {PING} {CHILD}", CHILD])
def test_notify_my_manager_takes_only_a_person(slack, fake_slack, db, forged):
    """A users_select sends a user id; anything else must not be posted to (a channel) nor kept."""
    slack.action("escalation_notify_manager", "warrington", user=PRACTITIONER)
    view = fake_slack.wait_for("views.open")[-1]["view"]
    values = state(**{EscBlock.MANAGER.value: ("value", {"type": "users_select", "selected_user": forged})})
    resp = slack.submit(view, values, user=PRACTITIONER)
    assert resp.status == 200 and "errors" in resp.json, resp.text
    out = _everything(fake_slack, db)
    assert not fake_slack.calls_to("chat.postMessage")
    assert "Kayla" not in out and "CGENERAL1" not in json.dumps(
        [c.params for c in fake_slack.calls_to("chat.postMessage")])


@pytest.mark.usefixtures("workspace")
@pytest.mark.parametrize("forged", [CHILD, "x" * 5000])
def test_escalation_agency_select_is_checked_like_typed_text(slack, fake_slack, db, forged):
    """The agency list's value reaches the escalation channel's card: a forged one is screened and bounded."""
    view = slack.open_modal("/escalate", user=MANAGER, channel="CESCALATE1")
    resp = slack.submit(view, raise_values(agency=forged, other=None), user=MANAGER)
    assert resp.status == 200 and "errors" in resp.json, resp.text
    out = _everything(fake_slack, db)
    assert "Kayla" not in out and "x" * 200 not in out
    with db.session() as s:
        assert s.scalars(select(Escalation)).all() == []


@pytest.mark.usefixtures("workspace")
def test_escalation_agency_select_with_a_mention_is_text(slack, fake_slack, db):
    """Accepted as a typed agency would be, and never a ping: escaped wherever it is shown."""
    view = slack.open_modal("/escalate", user=MANAGER, channel="CESCALATE1")
    assert not slack.submit(view, raise_values(agency=f"Police {PING}", other=None), user=MANAGER).text
    fake_slack.wait_for("chat.postMessage", count=2)
    assert PING not in json.dumps([c.params for c in fake_slack.calls])


def _reminder_values(channel: str) -> dict:  # type: ignore[type-arg]
    return state(**{
        RemBlock.NAME: text_value("Forum meeting", RemAction.NAME),
        RemBlock.CHANNEL: (RemAction.CHANNEL, {"type": "conversations_select", "selected_conversation": channel}),
        RemBlock.RECURRENCE: text_value("every month on the first Monday", RemAction.RECURRENCE),
        RemBlock.FIRST_DATE: date_value("2030-01-07", RemAction.FIRST_DATE),
        RemBlock.TIME: (RemAction.TIME, {"type": "timepicker", "selected_time": "10:00"}),
        RemBlock.DAYS_BEFORE: text_value("7,1", RemAction.DAYS_BEFORE),
    })


@pytest.mark.parametrize("forged", [CHILD, PING, "C" + "1" * 5000])
def test_reminder_channel_picker_takes_only_a_channel(slack, fake_slack, db, forged):
    view = slack.open_modal("/reminders", "add", user=ADMIN, channel="CGROUP01")
    resp = slack.submit(view, _reminder_values(forged), user=ADMIN)
    assert resp.status == 200 and "errors" in resp.json, resp.text
    out = _everything(fake_slack, db)
    assert "Kayla" not in out and PING not in out and "1" * 200 not in out
    with db.session() as s:
        assert s.scalars(select(ReminderSeries)).all() == []


@pytest.mark.parametrize("forged", ["nowhere", CHILD])
def test_reminder_form_metadata_partnership_must_be_a_partnership(slack, fake_slack, db, forged):
    view = slack.open_modal("/reminders", "add", user=ADMIN, channel="CGROUP01")
    view = {**view, "private_metadata": json.dumps({**json.loads(view["private_metadata"]), "partnership": forged})}
    slack.submit(view, _reminder_values("CGROUP01"), user=ADMIN)
    out = _everything(fake_slack, db)
    assert "Kayla" not in out and "nowhere" not in out


def test_reminder_edit_form_cannot_be_pointed_at_another_persons_series(slack, fake_slack, db):
    """The edit form's series id is in private_metadata: pointing it at someone else's series is refused."""
    from bot.authz import Role, grant

    with db.session() as s:
        grant(s, TEAM_ID, MANAGER, Role.MANAGER)
        grant(s, TEAM_ID, "UMANAGER2", Role.MANAGER)
    slack.command("/reminders", "add Theirs | every month on the first Monday | 2030-01-07", user="UMANAGER2",
                  channel="CGROUP02")
    slack.command("/reminders", "add Mine | every month on the first Monday | 2030-01-07", user=MANAGER,
                  channel="CGROUP01")
    fake_slack.wait_for("response_url", count=2)
    with db.session() as s:
        theirs = s.scalars(select(ReminderSeries).where(ReminderSeries.name == "Theirs")).one().id
        mine = s.scalars(select(ReminderSeries).where(ReminderSeries.name == "Mine")).one().id
    view = slack.open_modal("/reminders", f"edit {mine}", user=MANAGER, channel="CGROUP01")
    view = {**view, "private_metadata": json.dumps({**json.loads(view["private_metadata"]), "series_id": theirs})}
    values = _reminder_values("CGROUP01")
    values[RemBlock.NAME] = {RemAction.NAME: {"type": "plain_text_input", "value": "Hijacked"}}
    resp = slack.submit(view, values, user=MANAGER)
    assert resp.status == 200 and "errors" in resp.json, resp.text
    with db.session() as s:
        assert s.get(ReminderSeries, theirs).name == "Theirs"


def test_snooze_only_from_the_reminders_own_channel(slack, fake_slack, db, settings):
    """A crafted click naming another channel's reminder must not re-post it (the button lives in that channel)."""
    import time_machine

    from bot.authz import Role, grant
    from bot.reminders.ids import Action
    from storage.reminders import ReminderOccurrence
    from tests.reminders.helpers import london, tick

    with db.session() as s:
        grant(s, TEAM_ID, MANAGER, Role.MANAGER)
    with time_machine.travel(london(2026, 1, 2, 11)):
        slack.command("/reminders", "once 2026-01-05 10:30 Halton forum papers", user=ADMIN, channel="CHALTON01")
        fake_slack.wait_for("response_url")
    with time_machine.travel(london(2026, 1, 5, 10, 30, 5), tick=False):
        assert tick(db, settings).sent == 1
    with db.session() as s:
        occ = s.scalars(select(ReminderOccurrence)).one().id
    with time_machine.travel(london(2026, 1, 5, 10, 31)):
        slack.action(Action.SNOOZE_TOMORROW, str(occ), user=MANAGER, channel="CGENERAL1")
        told = fake_slack.wait_for("response_url", count=2)[-1]["text"]
        assert "channel it was posted in" in told
        with db.session() as s:
            assert s.scalars(select(ReminderOccurrence)).all()[-1].id == occ  # nothing laid
            refused = s.scalars(select(AuditLog).where(AuditLog.action == "reminder.refused")).one()
            assert refused.after["reason"] == "other_channel"
        slack.action(Action.SNOOZE_TOMORROW, str(occ), user=MANAGER, channel="CHALTON01")  # its own channel: fine
        assert "Tue 6 Jan 2026" in fake_slack.wait_for("response_url", count=3)[-1]["text"]
