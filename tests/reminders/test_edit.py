"""/reminders edit <id>: the add form filled in, saved over the series through signed requests; nothing late or
twice, audited without free text, refused without REMINDERS_MANAGE."""

from __future__ import annotations

import json

import time_machine
from sqlalchemy import select

from bot.authz import Role, grant
from bot.partnerships import set_channel_partnership
from bot.reminders.ids import Action, Block
from storage.core import AuditLog
from storage.reminders import ReminderOccurrence, ReminderSeries
from tests.conftest import ADMIN, TEAM_ID
from tests.reminders.helpers import add_series, london, posts, tick
from tests.slackclient import date_value, select_value, state, text_value

CHANNEL = "CGROUP01"
NEW_CHANNEL = "CGROUP02"
QA = "Quality Assurance and Scrutiny Group"


def _by_block(view: dict) -> dict:  # type: ignore[type-arg]
    return {b["block_id"]: b["element"] for b in view["blocks"]}


def _values(*, name: str = "", group: str | None = None, channel: str = CHANNEL, recurrence: str = "",
            first_date: str | None = "2026-01-05", at: str = "10:00", days: str = "7,1", papers: str = "",
            link: str = "") -> dict:  # type: ignore[type-arg]
    fields = {
        Block.NAME: text_value(name, Action.NAME),
        Block.CHANNEL: (Action.CHANNEL, {"type": "conversations_select", "selected_conversation": channel}),
        Block.RECURRENCE: text_value(recurrence, Action.RECURRENCE),
        Block.FIRST_DATE: date_value(first_date, Action.FIRST_DATE),
        Block.TIME: (Action.TIME, {"type": "timepicker", "selected_time": at}),
        Block.DAYS_BEFORE: text_value(days, Action.DAYS_BEFORE),
        Block.PAPERS: text_value(papers, Action.PAPERS),
        Block.LINK: text_value(link, Action.LINK),
    }
    if group:
        fields[Block.GROUP] = select_value(group, Action.GROUP)
    return state(**fields)


def _weekly(db) -> int:  # type: ignore[no-untyped-def]
    return add_series(db, london(2026, 1, 1), name="Practitioners forum", recurrence="every week on Monday",
                      first_date="2026-01-05", days_before="7,1", papers="3", link="https://example.org/forum")


def test_edit_opens_the_form_filled_in_and_saves_over_the_series(slack, fake_slack, db, settings):
    sid = _weekly(db)
    with time_machine.travel(london(2026, 1, 2, 11)):
        view = slack.open_modal("/reminders", f"edit {sid}", user=ADMIN, channel=CHANNEL)
        el = _by_block(view)
        assert json.loads(view["private_metadata"])["series_id"] == sid
        assert view["title"]["text"] == f"Edit reminder #{sid}" and view["callback_id"] == "reminders_add"
        assert el[Block.NAME]["initial_value"] == "Practitioners forum"
        assert el[Block.CHANNEL]["initial_conversation"] == CHANNEL
        assert el[Block.RECURRENCE]["initial_value"] == "every week on Monday"
        assert (el[Block.FIRST_DATE]["initial_date"], el[Block.TIME]["initial_time"]) == ("2026-01-05", "10:00")
        assert el[Block.DAYS_BEFORE]["initial_value"] == "7,1" and el[Block.PAPERS]["initial_value"] == "3"
        assert el[Block.LINK]["initial_value"] == "https://example.org/forum"
        resp = slack.submit(view, _values(name="Practitioners forum", channel=NEW_CHANNEL,
                                          recurrence="every week on Tuesday", at="14:30", days="1"), user=ADMIN)
        assert resp.status == 200 and resp.text in ("", "{}"), resp.text
        confirm = fake_slack.wait_for("chat.postEphemeral")[-1]
    assert f"Reminder #{sid} changed" in confirm["text"] and "Mon 5 Jan 2026 at 09:00" in confirm["text"]
    with db.session() as s:
        row = s.get(ReminderSeries, sid)
        assert (row.channel_id, row.at_time, row.days_before, row.papers_working_days, row.link) == (
            NEW_CHANNEL, "14:30", [1], None, None)
        assert row.rule["weekday"] == 1
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "reminder.edited")).one()
    assert set(audit.after["fields"]) == {"channel_id", "recurrence", "rule", "at_time", "days_before",
                                          "papers_working_days", "link"}
    assert audit.before["at_time"] == "10:00" and audit.after["at_time"] == "14:30"
    assert audit.before["has_link"] is True and audit.after["has_link"] is False
    assert "Practitioners" not in json.dumps([audit.before, audit.after], default=str)  # typed name: free text
    # The old plan (Mon 12 Jan's 7-days-before on Mon 5 Jan) is gone; the new one is sent once, in the new channel.
    with time_machine.travel(london(2026, 1, 5, 9, 0, 5), tick=False):
        assert tick(db, settings).sent == 1
        assert tick(db, settings).sent == 0
    (post,) = posts(fake_slack)
    assert post["channel"] == NEW_CHANNEL and "Tue 6 Jan 2026 at 14:30" in post["text"]


def test_edit_after_a_reminder_went_out_sends_nothing_twice_or_late(slack, fake_slack, db, settings):
    sid = _weekly(db)
    with time_machine.travel(london(2026, 1, 2, 9, 0, 5), tick=False):
        assert tick(db, settings).sent == 1  # Fri 2 Jan: 1 day before (moved back from Sun 4 Jan) and papers
    with time_machine.travel(london(2026, 1, 2, 11)):
        view = slack.open_modal("/reminders", f"edit {sid}", user=ADMIN, channel=CHANNEL)
        # Only the link changes: the same points are due, the one already sent must not go again.
        resp = slack.submit(view, _values(name="Practitioners forum", recurrence="every week on Monday",
                                          papers="3", link="https://example.org/forum-v2"), user=ADMIN)
        assert resp.status == 200 and resp.text in ("", "{}"), resp.text
    with time_machine.travel(london(2026, 1, 2, 12), tick=False):
        assert tick(db, settings).sent == 0
    with time_machine.travel(london(2026, 1, 5, 9, 0, 5), tick=False):  # 7 days before Mon 12 Jan
        assert tick(db, settings).sent == 1
    assert len(posts(fake_slack)) == 2 and "forum-v2" in json.dumps(posts(fake_slack)[-1]["blocks"])
    with db.session() as s:
        sent = s.scalars(select(ReminderOccurrence.key).where(ReminderOccurrence.state == "sent")).all()
    assert sorted(sent) == ["2026-01-05T10:00:before1", "2026-01-12T10:00:before7"]


def test_edit_keeps_a_kb_group_selected_and_audits_its_name(slack, fake_slack, db):
    with db.session() as s:
        set_channel_partnership(s, TEAM_ID, CHANNEL, "cheshire-west-and-chester")
    with time_machine.travel(london(2026, 1, 2, 11)):
        view = slack.open_modal("/reminders", "add", user=ADMIN, channel=CHANNEL)
        slack.submit(view, _values(group=QA, first_date="2026-01-01", papers="5"), user=ADMIN)
        fake_slack.wait_for("chat.postEphemeral")
        with db.session() as s:
            sid = s.scalars(select(ReminderSeries.id)).one()
        view = slack.open_modal("/reminders", f"edit #{sid}", user=ADMIN, channel=CHANNEL)
        assert _by_block(view)[Block.GROUP]["initial_option"]["value"] == QA
        assert "initial_value" not in _by_block(view)[Block.NAME]
        slack.submit(view, _values(group=QA, recurrence="every 2 months on the second Tuesday",
                                   first_date="2026-01-01", papers="5"), user=ADMIN)
        fake_slack.wait_for("chat.postEphemeral", count=2)
    with db.session() as s:
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "reminder.edited")).one()
    assert audit.after["group"] == QA and audit.after["rule"]["nth"] == 2


def test_edit_field_errors_and_refusals(slack, fake_slack, db):
    sid = _weekly(db)
    with time_machine.travel(london(2026, 1, 2, 11)):
        view = slack.open_modal("/reminders", f"edit {sid}", user=ADMIN, channel=CHANNEL)
        resp = slack.submit(view, _values(name="Practitioners forum", recurrence="every blue moon", days="x"),
                            user=ADMIN)
        assert set(resp.json["errors"]) == {Block.RECURRENCE, Block.DAYS_BEFORE}
        # a practitioner replaying the same form is refused, and so is the command
        resp = slack.submit(view, _values(name="Practitioners forum", at="16:00"), user="UPRACT01")
        assert "permission" in resp.json["errors"][Block.NAME]
        slack.command("/reminders", f"edit {sid}", user="UPRACT01", channel=CHANNEL)
        assert "don't have permission" in fake_slack.wait_for("response_url")[-1]["text"]
        slack.command("/reminders", "edit 999", user=ADMIN, channel=CHANNEL)
        assert "There is no reminder #999" in fake_slack.wait_for("response_url", count=2)[-1]["text"]
    with db.session() as s:
        row = s.get(ReminderSeries, sid)
        assert (row.at_time, row.rule["weekday"]) == ("10:00", 0)
        refused = s.scalars(select(AuditLog).where(AuditLog.action == "reminder.refused")).all()
        assert [(r.entity_id, r.after["attempted"]) for r in refused] == [(str(sid), "edit"), (str(sid), "edit")]
        assert s.scalars(select(AuditLog).where(AuditLog.action == "reminder.edited")).all() == []


def test_someone_elses_series_is_refused_and_audited_from_the_form_and_the_command(slack, fake_slack, db):
    """A manager may manage reminders but not another person's series: the edit form's refusal is audited like
    the command's (handlers.authorize.refuse), by series number, and nothing changes."""
    sid = _weekly(db)
    with db.session() as s:
        grant(s, TEAM_ID, "UMANAGER1", Role.MANAGER)
    with time_machine.travel(london(2026, 1, 2, 11)):
        view = slack.open_modal("/reminders", f"edit {sid}", user=ADMIN, channel=CHANNEL)
        resp = slack.submit(view, _values(name="Practitioners forum", at="16:00"), user="UMANAGER1")
        assert resp.json["errors"][Block.NAME].startswith("Only the person who set up this reminder")
        slack.command("/reminders", f"pause {sid}", user="UMANAGER1", channel=CHANNEL)
        assert "Only the person who set up" in fake_slack.wait_for("response_url")[-1]["text"]
    with db.session() as s:
        row = s.get(ReminderSeries, sid)
        assert (row.at_time, row.state) == ("10:00", "active")
        refused = s.scalars(select(AuditLog).where(AuditLog.action == "reminder.refused")).all()
        expected = (str(sid), {"attempted": "change", "reason": "not_owner"})
        assert [(r.entity_id, r.after) for r in refused] == [expected, expected]
