"""Who may keep the knowledge: practitioners and managers cannot; another partnership's business unit cannot edit
yours; admins set single approval. Every refusal is audited (by entry id only) before the person is told."""

from __future__ import annotations

from sqlalchemy import select

from bot.kbedit.ids import ActionId, BlockId
from storage.core import AuditLog
from storage.kbedit import KnowledgeDraft, KnowledgeVersion
from tests.conftest import ADMIN
from tests.kbedit.helpers import (
    BU,
    BU_CHANNEL,
    ENTRY,
    MANAGER,
    PRACT,
    WIRRAL_BU,
    WIRRAL_TEAM,
    buttons,
    configure,
    edit_values,
    open_view_after,
)


def _refusals(db) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return [(a.actor_id, a.entity_id) for a in s.scalars(select(AuditLog).where(AuditLog.action == "kb.refused"))]


def test_practitioners_and_managers_cannot_open_the_knowledge(slack, fake_slack, db):
    configure(db, fake_slack)
    for n, user in enumerate((PRACT, MANAGER), 1):
        slack.command("/safeguarding", "kb funding", user=user)
        assert "don't have permission" in fake_slack.wait_for("response_url", count=n)[-1].params["text"]
    slack.action(ActionId.EDIT, ENTRY, user=PRACT)
    assert "don't have permission" in fake_slack.wait_for("response_url", count=3)[-1].params["text"]
    assert fake_slack.calls_to("views.open") == []
    assert _refusals(db) == [(PRACT, "-"), (MANAGER, "-"), (PRACT, ENTRY)]


def test_another_partnerships_business_unit_cannot_edit_or_approve_yours(slack, fake_slack, db):
    configure(db, fake_slack)
    slack.action(ActionId.EDIT, ENTRY, user=WIRRAL_BU, team_id=WIRRAL_TEAM)
    assert "don't have permission" in fake_slack.wait_for("response_url")[-1].params["text"]
    assert fake_slack.calls_to("views.open") == []

    view = open_view_after(slack, fake_slack, ActionId.EDIT, ENTRY, BU)  # a Halton modal submitted by Wirral's
    resp = slack.submit(view, edit_values(view, kb_title="Funding the Halton partnership", kb_reason="x"),
                        user=WIRRAL_BU, team_id=WIRRAL_TEAM)
    assert "permission" in resp.json["errors"][BlockId.REASON]
    slack.action(ActionId.HISTORY, ENTRY, user=WIRRAL_BU, team_id=WIRRAL_TEAM)
    assert "don't have permission" in fake_slack.wait_for("response_url", count=2)[-1].params["text"]
    slack.command("/safeguarding", "kb funding", user=WIRRAL_BU, team_id=WIRRAL_TEAM)  # finds Wirral's only
    assert ENTRY not in str(fake_slack.wait_for("response_url", count=3)[-1].params)

    resp = slack.submit(view, edit_values(view, kb_title="Funding the Halton partnership", kb_reason="title"),
                        user=BU)
    assert resp.status == 200 and not resp.text
    card = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == BU_CHANNEL)[-1]
    slack.action(ActionId.APPROVE, buttons(card)[ActionId.APPROVE]["value"], user=WIRRAL_BU, channel=BU_CHANNEL,
                 team_id=WIRRAL_TEAM)  # another workspace's draft is not found at all
    assert "no longer exists" in fake_slack.wait_for("response_url", count=4)[-1].params["text"]
    with db.read() as s:
        assert [d.state for d in s.scalars(select(KnowledgeDraft))] == ["pending"]
    assert _refusals(db) == [(WIRRAL_BU, ENTRY)] * 3

    slack.action(ActionId.EDIT, "halton.process.<!channel>", user=PRACT)  # a forged value is audited as "invalid"
    fake_slack.wait_for("response_url", count=5)
    assert _refusals(db)[-1] == (PRACT, "invalid")


def test_an_admin_may_set_single_approval_and_then_the_author_may_approve(slack, fake_slack, db):
    configure(db, fake_slack)
    slack.command("/safeguarding", "kb approvals single halton", user=BU)  # not an admin
    assert "don't have permission" in fake_slack.wait_for("response_url")[-1].params["text"]
    slack.command("/safeguarding", "kb approvals single halton", user=ADMIN)
    assert "one person" in fake_slack.wait_for("response_url", count=2)[-1].params["text"]

    view = open_view_after(slack, fake_slack, ActionId.EDIT, ENTRY, BU)
    slack.submit(view, edit_values(view, kb_title="Funding the Halton partnership", kb_reason="clearer"), user=BU)
    card = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == BU_CHANNEL)[-1]
    slack.action(ActionId.APPROVE, buttons(card)[ActionId.APPROVE]["value"], user=BU, channel=BU_CHANNEL)
    fake_slack.wait_for("chat.update")
    with db.read() as s:
        assert [(v.author_id, v.approved_by) for v in s.scalars(select(KnowledgeVersion))] == [(BU, BU)]
        actions = [a.action for a in s.scalars(select(AuditLog).order_by(AuditLog.id))]
    assert actions[-3:] == ["kb.approvals_set", "kb.drafted", "kb.approved"]
