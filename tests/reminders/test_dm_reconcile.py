"""Reminders addressed to a person (escalation reminders go to the raiser) are posted in the person's DM
with the bot, and a row a crashed clock left in "sending" is reconciled against that DM's history: Slack
refuses conversations.history for a user id, which used to mark every such row failed."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.reminders.due import schedule_due
from bot.reminders.engine import METADATA_EVENT
from bot.slack import make_client
from bot.timeutil import now
from storage.reminders import ReminderOccurrence
from tests.conftest import TEAM_ID
from tests.reminders.helpers import tick

PERSON = "UMANAGER1"


def _interrupted_row(db, *, posted: bool, settings) -> int:  # type: ignore[no-untyped-def]
    moment = now()
    with db.session() as s:
        schedule_due(s, team_id=TEAM_ID, source="escalation", source_ref="ESC-2026-001", key="step1:overdue",
                     due_at=moment - timedelta(minutes=30), channel_id=PERSON, thread_ts=None,
                     text="ESC-2026-001: the window for step 1 has closed.", owner_id=PERSON)
        row = s.scalars(select(ReminderOccurrence)).one()
        row.state, row.claimed_by, row.claimed_at = "sending", "elsewhere:1", moment - timedelta(minutes=15)
        row_id = row.id
    if posted:  # the dead clock's post reached Slack before it died
        make_client(settings).chat_postMessage(channel=PERSON, text="ESC-2026-001: the window for step 1 has closed.",
                                               metadata={"event_type": METADATA_EVENT,
                                                         "event_payload": {"id": row_id}})
    return row_id


def _row(db, row_id: int) -> ReminderOccurrence:  # type: ignore[no-untyped-def]
    with db.session() as s:
        row = s.get(ReminderOccurrence, row_id)
        assert row is not None
        return row


def test_an_interrupted_dm_reminder_found_in_the_dm_is_marked_sent_not_failed(db, settings, fake_slack):
    row_id = _interrupted_row(db, posted=True, settings=settings)
    stats = tick(db, settings)
    assert stats.failed == 0
    assert _row(db, row_id).state == "sent"
    assert len(fake_slack.calls_to("chat.postMessage")) == 1  # the dead clock's post only: not posted twice
    history = fake_slack.calls_to("conversations.history")
    assert history and all(c.get("_ok") for c in history) and history[-1]["channel"] == "D" + PERSON


def test_an_interrupted_dm_reminder_not_in_the_dm_is_posted_once(db, settings, fake_slack):
    row_id = _interrupted_row(db, posted=False, settings=settings)
    stats = tick(db, settings)
    assert stats.failed == 0 and stats.sent == 1
    posts = fake_slack.calls_to("chat.postMessage")
    assert [c["channel"] for c in posts] == ["D" + PERSON] and _row(db, row_id).state == "sent"
