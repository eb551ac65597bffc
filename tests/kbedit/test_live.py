"""The live knowledge never stalls answers: a database that cannot be read keeps the snapshot in hand (the 999 line
and the front door answer from memory); a draft written against an older version is refused at approval; the
App Home shows the knowledge section to editors only."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from bot.kbedit.forms import editable
from bot.kbedit.ids import ActionId
from bot.liveknowledge import LiveKnowledge
from storage.db import Database
from storage.kbedit import KnowledgeVersion
from tests.kbedit.helpers import (
    BU,
    BU2,
    BU_CHANNEL,
    ENTRY,
    PRACT,
    QUESTION,
    buttons,
    configure,
    edit_values,
    open_view_after,
    text_of,
)

WORRY = "a child in my class told me her stepdad hits her, what do I do"


def test_an_unreadable_database_keeps_the_snapshot_and_the_999_line(db, services, tmp_path):
    entry = services.kb.get(ENTRY)
    assert entry is not None
    with db.session() as s:
        s.add(KnowledgeVersion(team_id="T1", entry_id=ENTRY, version=1, partnership="halton", change="edit",
                               content={**editable(entry), "answer": "Each partner pays a third, since 2025."},
                               draft_id=1, reason="r", author_id="U1", approved_by="U2",
                               drafted_at=datetime.now(UTC), approved_at=datetime.now(UTC)))
    live = LiveKnowledge(db)
    assert live.refresh() and "pays a third" in live.answerer.answer(QUESTION, "halton").text

    live.db = Database(f"sqlite:///{tmp_path}/empty.db")  # no tables: every check fails
    live.check_seconds = 0.0
    started = time.perf_counter()
    worry = live.answerer.answer(WORRY, "halton")
    assert time.perf_counter() - started < 2.0
    assert worry.safety and "999" in worry.text
    time.sleep(0.3)  # the failed background checks changed nothing
    assert "pays a third" in live.answerer.answer(QUESTION, "halton").text
    live.db.dispose()


def test_a_draft_written_against_an_older_version_is_refused_at_approval(slack, fake_slack, db):
    configure(db, fake_slack)
    cards = []
    for n, (user, answer) in enumerate(((BU, "Each partner pays a third of the budget."),
                                        (BU2, "The local authority pays for everything now.")), 1):
        view = open_view_after(slack, fake_slack, ActionId.EDIT, ENTRY, user)
        slack.submit(view, edit_values(view, kb_answer=answer, kb_reason="update"), user=user)
        cards.append(fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == BU_CHANNEL, count=n)[-1])
    slack.action(ActionId.APPROVE, buttons(cards[0])[ActionId.APPROVE]["value"], user=BU2, channel=BU_CHANNEL)
    fake_slack.wait_for("chat.update")
    slack.action(ActionId.APPROVE, buttons(cards[1])[ActionId.APPROVE]["value"], user=BU, channel=BU_CHANNEL)
    told = fake_slack.wait_for("response_url")[-1].params["text"]
    assert "changed since this draft" in told and "version 1" in told
    with db.read() as s:
        assert [v.content["answer"] for v in s.query(KnowledgeVersion)] == ["Each partner pays a third of the budget."]


def test_the_app_home_shows_knowledge_upkeep_to_editors_only(slack, fake_slack, db):
    configure(db, fake_slack)
    for n, user in enumerate((PRACT, BU), 1):
        slack.event({"type": "app_home_opened", "user": user, "tab": "home", "channel": "D" + user})
        fake_slack.wait_for("views.publish", count=n)
    practitioner, editor = (str(c.params["view"]) for c in fake_slack.calls_to("views.publish"))
    assert ActionId.HOME not in practitioner and ActionId.HOME in editor and "Knowledge upkeep" in editor

    slack.action(ActionId.HOME, "home", user=BU, channel=None)
    browse = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == BU)[-1]
    assert "Knowledge: Halton" in text_of(browse) and ActionId.NEW in buttons(browse)
    slack.action(ActionId.HOME, "home", user=PRACT, channel=None)
    refused = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == PRACT)[-1]
    assert "permission" in str(refused.get("text"))
