"""A case review change and the reminders it implies are written in one transaction (bot.case_reviews.flows),
as escalations already do: nothing waits for Slack, so a failed card or a crash after the commit never leaves a
step recorded with stale reminders, or a notification with none."""

from __future__ import annotations

import time_machine
from sqlalchemy import select

from bot.reminders.due import pending_due
from storage.case_reviews import CaseReview
from tests.case_reviews.helpers import BU, BU_CHANNEL, PRACT, configure, form, london, view_of
from tests.conftest import TEAM_ID
from tests.slackclient import date_value, state

REF = "CR-2026-001"


def _due(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return pending_due(s, team_id=TEAM_ID, source="case_review", source_ref=REF)


def test_a_notification_whose_card_cannot_be_posted_still_has_its_reminders(slack, fake_slack, db):
    configure(db)
    fake_slack.not_in_channel.add(BU_CHANNEL)  # the bot was never invited: the card post is refused
    with time_machine.travel(london(2026, 4, 1, 10), tick=True):
        view = slack.open_modal("/case-review", user=PRACT)
        assert not slack.submit(view, form(), user=PRACT).text
        fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == PRACT)
    due = _due(db)
    with db.session() as s:
        assert s.scalars(select(CaseReview)).one().card_ts is None
    assert {d.channel_id for d in due} == {BU_CHANNEL} and {d.thread_ts for d in due} == {None}
    assert "panel_notification_due:on_day" in {d.key for d in due}


def test_a_step_re_lays_its_reminders_before_the_modal_closes(slack, fake_slack, db):
    configure(db)
    with time_machine.travel(london(2026, 4, 2, 10), tick=True):
        view = slack.open_modal("/case-review", user=PRACT)
        slack.submit(view, form(), user=PRACT)
        fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == PRACT)
        with db.session() as s:
            card_ts = s.scalars(select(CaseReview)).one().card_ts
        fake_slack.delay = 0.5  # Slack is slow: only what was committed with the step can be seen at once
        before = len(fake_slack.calls_to("views.open"))
        slack.action("case_review_act:consult_partners", REF, user=BU, channel=BU_CHANNEL,
                     message={"ts": card_ts, "text": ""})
        step = view_of(fake_slack.wait_for("views.open", count=before + 1)[-1])
        resp = slack.submit(step, state(cr_happened=date_value("2026-04-02")), user=BU)
        assert resp.status == 200 and not resp.text
        keys = {d.key.split(":")[0] for d in _due(db)}  # read as soon as the modal is acknowledged
    assert "partners_informed_due" not in keys and "panel_notification_due" in keys
