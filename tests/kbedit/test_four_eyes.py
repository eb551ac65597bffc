"""Edit → draft → card → self-approval refused → a second person approves → the live answer changes, in this app
and in another instance sharing the database; reject; field errors. Through signed HTTP and the fake Slack."""

from __future__ import annotations

import json
import time

from sqlalchemy import select

from bot.kbedit.ids import ActionId, BlockId
from bot.services import Services
from storage.core import AuditLog
from storage.kbedit import KnowledgeDraft, KnowledgeVersion
from tests.kbedit.helpers import (
    BU,
    BU2,
    BU_CHANNEL,
    ENTRY,
    QUESTION,
    buttons,
    configure,
    edit_values,
    initial,
    open_view_after,
    text_of,
    values_of,
)

NEW_ANSWER = ("Since April 2024 the three partners fund the partnership equally; relevant agencies contribute in "
              "kind. Ask the business unit <!channel> for the current budget & split.")
REASON = "Funding agreement renewed in 2024"


def _draft(slack, fake_slack, user: str = BU) -> tuple[dict, object]:  # type: ignore[no-untyped-def]
    view = open_view_after(slack, fake_slack, ActionId.EDIT, ENTRY, user)
    posts = len(fake_slack.calls_to("chat.postMessage"))
    resp = slack.submit(view, edit_values(view, kb_answer=NEW_ANSWER, kb_reason=REASON), user=user)
    assert resp.status == 200 and "errors" not in resp.text, resp.text
    card = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == BU_CHANNEL, count=1)[-1]
    fake_slack.wait_for("chat.postMessage", count=posts + 2)  # the card and the word to the author
    return view, card


def _ask(slack, fake_slack, n: int) -> str:  # type: ignore[no-untyped-def]
    slack.command("/safeguarding", QUESTION, user="UPRACT01")
    return str(fake_slack.wait_for("response_url", count=n)[-1].params.get("blocks"))


def test_a_draft_goes_live_only_when_a_second_person_approves_it(slack, fake_slack, db, settings, services):
    configure(db, fake_slack)
    other = Services(settings=settings, db=db)  # another process sharing the database
    other.knowledge.check_seconds = 0.0
    assert "equitable and proportionate" in other.knowledge.answerer.answer(QUESTION, "halton").text

    slack.command("/safeguarding", "kb funding", user=BU)
    found = fake_slack.wait_for("response_url")[-1]
    assert ENTRY in values_of(found, ActionId.EDIT) and ENTRY in values_of(found, ActionId.RETIRE)

    view, card = _draft(slack, fake_slack)
    assert initial(view, BlockId.TITLE) == "Funding (Halton)"
    shown = text_of(card)
    assert "&lt;!channel&gt;" in shown and "<!channel>" not in shown  # escaped, never a ping
    assert "+ Since April 2024" in shown and "– • The three safeguarding partners agree" in shown
    assert {ActionId.APPROVE, ActionId.REJECT} <= set(buttons(card))
    assert "equitable and proportionate" in _ask(slack, fake_slack, 2)  # a draft is not live

    draft_id = buttons(card)[ActionId.APPROVE]["value"]
    slack.action(ActionId.APPROVE, draft_id, user=BU, channel=BU_CHANNEL)
    told = fake_slack.wait_for("response_url", count=3)[-1].params["text"]
    assert "second person" in told
    with db.read() as s:
        assert s.scalars(select(KnowledgeVersion)).all() == []

    slack.action(ActionId.APPROVE, draft_id, user=BU2, channel=BU_CHANNEL)
    update = fake_slack.wait_for("chat.update")[-1]
    assert "Approved" in text_of(update) and ActionId.APPROVE not in buttons(update)
    fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == BU and "approved by" in str(c.get("text")))
    live = _ask(slack, fake_slack, 4)
    assert "Since April 2024" in live and f"Confirmed by the partnership business unit (<@{BU2}>)" in live

    deadline = time.monotonic() + 10  # the other instance rebuilds in the background, without a restart
    while "Since April 2024" not in other.knowledge.answerer.answer(QUESTION, "halton").text:
        assert time.monotonic() < deadline, "the other instance never saw the approved version"
        time.sleep(0.05)

    slack.action(ActionId.APPROVE, draft_id, user=BU2, channel=BU_CHANNEL)  # pressed twice: nothing more
    assert "already approved" in fake_slack.wait_for("response_url", count=5)[-1].params["text"]
    with db.read() as s:
        rows = [(r.action, r.before, r.after) for r in
                s.scalars(select(AuditLog).where(AuditLog.entity_id == ENTRY).order_by(AuditLog.id))]
        versions = [(v.version, v.author_id, v.approved_by, v.reason) for v in s.scalars(select(KnowledgeVersion))]
    assert [r[0] for r in rows] == ["kb.drafted", "kb.refused", "kb.approved"]
    assert versions == [(1, BU, BU2, REASON)]
    kept = json.dumps([r[1:] for r in rows])
    assert "April" not in kept and "renewed" not in kept  # no typed text in the audit log


def test_a_rejected_draft_changes_nothing(slack, fake_slack, db):
    configure(db, fake_slack)
    _view, card = _draft(slack, fake_slack)
    slack.action(ActionId.REJECT, buttons(card)[ActionId.REJECT]["value"], user=BU2, channel=BU_CHANNEL)
    assert "Rejected" in text_of(fake_slack.wait_for("chat.update")[-1])
    fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == BU and "rejected" in str(c.get("text")))
    assert "equitable and proportionate" in _ask(slack, fake_slack, 1)
    with db.read() as s:
        assert [d.state for d in s.scalars(select(KnowledgeDraft))] == ["rejected"]
        assert s.scalars(select(KnowledgeVersion)).all() == []
        assert "kb.rejected" in [a.action for a in s.scalars(select(AuditLog))]


def test_a_mistake_is_a_field_error_and_nothing_is_saved(slack, fake_slack, db):
    configure(db, fake_slack)
    view = open_view_after(slack, fake_slack, ActionId.EDIT, ENTRY, BU)
    resp = slack.submit(view, edit_values(view, kb_answer="Too short", kb_review_by="2019-01-01", kb_reason="",
                                          kb_document="a leaflet"), user=BU)
    errors = resp.json["errors"]
    assert set(errors) == {BlockId.ANSWER, BlockId.REASON}  # the schema first; its field errors all at once
    assert "10 characters" in errors[BlockId.ANSWER]
    resp = slack.submit(view, edit_values(view, kb_review_by="2019-01-01", kb_reason="date", kb_document="a leaflet"),
                        user=BU)
    errors = resp.json["errors"]
    assert "review_by" in errors[BlockId.REVIEW_BY]
    resp = slack.submit(view, edit_values(view, kb_reason="moved", kb_document="a leaflet"), user=BU)
    assert "not a seed document" in resp.json["errors"][BlockId.DOCUMENT]
    with db.read() as s:
        assert s.scalars(select(KnowledgeDraft)).all() == []
