"""The monthly review list goes to the business-unit channel through the one reminder engine, exactly once, and
"Still right" sets the next review date a year on (audited), so answers stop saying the entry is overdue."""

from __future__ import annotations

import time_machine
from sqlalchemy import select

from bot.jobs import lay_knowledge_reviews
from bot.kbedit.ids import ActionId
from bot.reminders.engine import dispatch_once
from bot.slack import make_client
from storage.core import AuditLog
from storage.kbedit import KnowledgeVersion
from tests.case_reviews.helpers import london
from tests.kbedit.helpers import BU, BU_CHANNEL, ENTRY, PRACT, QUESTION, configure, values_of


def _lists(fake_slack):  # type: ignore[no-untyped-def]
    return [c for c in fake_slack.calls_to("chat.postMessage")
            if c["channel"] == BU_CHANNEL and str(c.get("text")).startswith("Knowledge due")]


def test_the_review_list_is_posted_once_and_still_right_sets_the_next_date(slack, fake_slack, db, services,
                                                                          settings):
    configure(db, fake_slack)
    client = make_client(settings)
    with time_machine.travel(london(2026, 11, 30, 10), tick=True):  # November: its list is laid, not December's
        lay_knowledge_reviews(services)
        dispatch_once(db, client, grace_hours=6)
    with time_machine.travel(london(2026, 12, 1, 8, 30), tick=True):  # before 09:00 on the first working day
        lay_knowledge_reviews(services)
        dispatch_once(db, client, grace_hours=6)
        assert len(_lists(fake_slack)) == 1
    with time_machine.travel(london(2026, 12, 1, 9, 5), tick=True):
        for _ in range(2):  # the hourly job and the engine run again: still one post
            lay_knowledge_reviews(services)
            dispatch_once(db, client, grace_hours=6)
        posts = _lists(fake_slack)
        assert [str(c.get("text")).split(":")[0] for c in posts] == ["Knowledge due for review in November 2026",
                                                                     "Knowledge due for review in December 2026"]
        december = posts[-1]
        assert ENTRY in values_of(december, ActionId.STILL_RIGHT) and ENTRY in values_of(december, ActionId.EDIT)
        assert "due for review on 31 March 2020" in services.knowledge.answerer.answer(QUESTION, "halton").text

        slack.action(ActionId.STILL_RIGHT, ENTRY, user=PRACT, channel=BU_CHANNEL)
        assert "permission" in fake_slack.wait_for("response_url")[-1].params["text"]
        slack.action(ActionId.STILL_RIGHT, ENTRY, user=BU, channel=BU_CHANNEL)
        assert "next review Wed 1 Dec 2027" in fake_slack.wait_for("response_url", count=2)[-1].params["text"]
        answer = services.knowledge.answerer.answer(QUESTION, "halton").text
    assert "due for review" not in answer and f"(<@{BU}>) on 1 December 2026" in answer
    with db.read() as s:
        [version] = [(v.change, v.content["review_by"], v.approved_by) for v in s.scalars(select(KnowledgeVersion))]
        actions = [a.action for a in s.scalars(select(AuditLog).where(AuditLog.entity_id == ENTRY))]
    assert version == ("review", "2027-12-01", BU)
    assert actions == ["kb.refused", "kb.drafted", "kb.reviewed"]
