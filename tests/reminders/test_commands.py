"""/reminders through Bolt with signed requests against the app on loopback and the local Slack API."""

from __future__ import annotations

import time_machine
from sqlalchemy import select

from bot.authz import Role, grant
from bot.partnerships import set_channel_partnership
from bot.reminders.ids import Action, Block
from storage.core import AuditLog
from storage.reminders import ReminderOccurrence, ReminderSeries
from tests.conftest import ADMIN, TEAM_ID
from tests.reminders.helpers import london, posts, tick
from tests.slackclient import date_value, select_value, state, text_value

MANAGER = "UMANAGER1"
CHANNEL = "CQA000001"


def _reply(fake_slack, n):  # type: ignore[no-untyped-def]
    return fake_slack.wait_for("response_url", count=n)[-1]


def _values(**kw: str | None) -> dict:  # type: ignore[type-arg]
    fields = {
        Block.NAME: text_value(kw.get("name") or "", Action.NAME),
        Block.CHANNEL: (Action.CHANNEL, {"type": "conversations_select", "selected_conversation": CHANNEL}),
        Block.RECURRENCE: text_value(kw.get("recurrence") or "", Action.RECURRENCE),
        Block.FIRST_DATE: date_value(kw.get("first_date"), Action.FIRST_DATE),
        Block.TIME: (Action.TIME, {"type": "timepicker", "selected_time": kw.get("time") or "10:00"}),
        Block.DAYS_BEFORE: text_value(kw.get("days_before") or "7,1", Action.DAYS_BEFORE),
        Block.PAPERS: text_value(kw.get("papers") or "", Action.PAPERS),
        Block.LINK: text_value(kw.get("link") or "", Action.LINK),
    }
    if kw.get("group"):
        fields[Block.GROUP] = select_value(kw["group"], Action.GROUP)
    return state(**fields)


def test_add_modal_offers_kb_groups_and_submit_creates_series(slack, fake_slack, db, settings):
    with db.session() as s:
        set_channel_partnership(s, TEAM_ID, CHANNEL, "cheshire-west-and-chester")
    with time_machine.travel(london(2026, 1, 2, 11)):
        view = slack.open_modal("/reminders", "add", user=ADMIN, channel=CHANNEL)
        group_block = next(b for b in view["blocks"] if b["block_id"] == Block.GROUP)
        names = [o["value"] for o in group_block["element"]["options"]]
        assert "Quality Assurance and Scrutiny Group" in names
        resp = slack.submit(view, _values(group="Quality Assurance and Scrutiny Group", first_date="2026-01-01",
                                          recurrence="", papers="5", link="https://example.org/qa"), user=ADMIN)
        assert resp.status == 200 and resp.text in ("", "{}"), resp.text
        confirm = fake_slack.wait_for("chat.postEphemeral")[-1]
    assert "Quality Assurance and Scrutiny Group" in confirm["text"] and "every 2 months" in confirm["text"]
    with db.session() as s:
        row = s.scalars(select(ReminderSeries)).one()
        assert (row.channel_id, row.kind, row.rule["interval"], row.papers_working_days) == (CHANNEL, "meeting", 2, 5)
        assert row.days_before == [7, 1]
    # The bi-monthly frequency from the KB anchors on 1 Jan: meeting Sun 1 Mar -> 7 days before is Sun 22 Feb,
    # moved to Fri 20 Feb.
    with time_machine.travel(london(2026, 2, 20, 9, 0, 10), tick=False):
        assert tick(db, settings).sent >= 1
    assert "Quality Assurance and Scrutiny Group" in posts(fake_slack, CHANNEL)[-1]["text"]


def test_modal_field_errors_and_nothing_saved(slack, fake_slack, db):
    with time_machine.travel(london(2026, 1, 2, 11)):
        view = slack.open_modal("/reminders", "add", user=ADMIN, channel=CHANNEL)
        resp = slack.submit(view, _values(name="Mr Smith review", recurrence="every blue moon", first_date=None,
                                          days_before="seven", papers="99", link="ftp://x"), user=ADMIN)
    errors = resp.json["errors"]
    assert set(errors) == {Block.NAME, Block.RECURRENCE, Block.FIRST_DATE, Block.DAYS_BEFORE, Block.PAPERS,
                           Block.LINK}
    assert "name" in errors[Block.NAME] and "how often" in errors[Block.RECURRENCE]
    with db.session() as s:
        assert s.scalars(select(ReminderSeries)).all() == []
        assert "Smith" not in str([a.after for a in s.scalars(select(AuditLog))])


def test_practitioner_is_refused_everywhere_and_it_is_audited(slack, fake_slack, db):
    slack.command("/reminders", "add", user="UPRACT01", channel=CHANNEL)
    assert "don't have permission" in _reply(fake_slack, 1)["text"]
    assert fake_slack.calls_to("views.open") == []
    slack.command("/reminders", "pause 1", user="UPRACT01", channel=CHANNEL)
    assert "don't have permission" in _reply(fake_slack, 2)["text"]
    with db.session() as s:
        grant(s, TEAM_ID, MANAGER, Role.MANAGER)
    slack.command("/reminders", "list all", user=MANAGER, channel=CHANNEL)  # managers see their channel only
    assert "don't have permission" in _reply(fake_slack, 3)["text"]
    with db.session() as s:
        refused = s.scalars(select(AuditLog).where(AuditLog.action == "reminder.refused")).all()
    assert [r.after["attempted"] for r in refused] == ["add", "pause", "list_all"]


def test_one_line_add_list_pause_resume_skip_delete(slack, fake_slack, db, settings):
    with db.session() as s:
        grant(s, TEAM_ID, MANAGER, Role.MANAGER)
    n = 0

    def run(text: str, user: str = MANAGER, channel: str = CHANNEL) -> str:
        nonlocal n
        slack.command("/reminders", text, user=user, channel=channel)
        n += 1
        reply = _reply(fake_slack, n)
        return reply["text"] + str(reply.get("blocks") or "")

    with time_machine.travel(london(2026, 1, 2, 11)):
        out = run("add Practitioners forum | quarterly on the first Monday | 2026-01-01 | 14:00 | 7,1 | 3")
        assert "Reminder #" in out and "quarterly on the first Monday" in out
        sid = int(out.split("#")[1].split(" ")[0])
        assert "Practitioners forum" in run("list")
        assert "No reminders" in run("list", channel="COTHER001")
        assert "Practitioners forum" in run("list all", user=ADMIN, channel="COTHER001")
        assert "paused" in run(f"pause {sid}")
        assert "(paused)" in run("list")
        assert "resumed" in run(f"resume {sid}")
        skipped = run(f"skip {sid}")
        assert "Mon 5 Jan 2026" in skipped  # the next meeting is skipped
    with time_machine.travel(london(2026, 1, 2, 12)):
        assert "deleted" in run(f"delete {sid}")
        assert "No reminders" in run("list")
        assert "There is no reminder #999" in run("pause 999")
    with db.session() as s:
        actions = [a.action for a in s.scalars(select(AuditLog).order_by(AuditLog.id))]
        assert actions == ["reminder.created", "reminder.paused", "reminder.resumed", "reminder.skipped",
                           "reminder.deleted"]
        assert s.scalars(select(ReminderOccurrence).where(ReminderOccurrence.state == "pending")).all() == []


def test_quick_form_errors_are_per_field(slack, fake_slack, db):
    slack.command("/reminders", "add Exec | every blue moon | 2026-13-01 | 25:00", user=ADMIN, channel=CHANNEL)
    text = _reply(fake_slack, 1)["text"]
    assert "Nothing was saved" in text and "*How often*" in text and "*First date*" in text
    with db.session() as s:
        assert s.scalars(select(ReminderSeries)).all() == []


def test_snooze_button_through_bolt(slack, fake_slack, db, settings):
    with time_machine.travel(london(2026, 1, 2, 11)):
        slack.command("/reminders", "once 2026-01-05 10:30 Send section 11 audit returns", user=ADMIN,
                      channel=CHANNEL)
        assert "Reminder #" in _reply(fake_slack, 1)["text"]
    with time_machine.travel(london(2026, 1, 5, 10, 30, 5), tick=False):
        assert tick(db, settings).sent == 1
    post = posts(fake_slack, CHANNEL)[-1]
    assert "section 11 audit" in post["text"]
    with db.session() as s:
        occ = s.scalars(select(ReminderOccurrence)).one()
    with time_machine.travel(london(2026, 1, 5, 10, 31)):
        slack.action(Action.SNOOZE_TOMORROW, str(occ.id), user="UPRACT01", channel=CHANNEL)
        assert "don't have permission" in _reply(fake_slack, 2)["text"]
        slack.action(Action.SNOOZE_TOMORROW, str(occ.id), user=ADMIN, channel=CHANNEL)
        assert "Tue 6 Jan 2026 at 09:00" in _reply(fake_slack, 3)["text"]
    with time_machine.travel(london(2026, 1, 6, 9, 0, 5), tick=False):
        assert tick(db, settings).sent == 1
    again = posts(fake_slack, CHANNEL)[-1]
    assert "section 11 audit" in again["text"] and again["thread_ts"] == occ.message_ts
