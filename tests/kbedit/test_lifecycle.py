"""New entries, retire, revert and history: every version kept with who, when and why; `kb history` prints it;
the audit log records each step by id only."""

from __future__ import annotations

import json
import time

import time_machine
from sqlalchemy import select

from bot.cli import main
from bot.kbedit.ids import ActionId, BlockId
from knowledge.base import load_knowledge_base
from storage.core import AuditLog
from storage.kbedit import KnowledgeVersion
from tests.case_reviews.helpers import london
from tests.kbedit.helpers import (
    BU,
    BU2,
    BU_CHANNEL,
    ENTRY,
    QUESTION,
    buttons,
    configure,
    edit_values,
    open_view_after,
    text_of,
    values_of,
)

LADO_PHONE = "What is the phone number for the Halton children's front door out of hours team"


def _approve(slack, fake_slack, n: int) -> None:  # type: ignore[no-untyped-def]
    """The newest card in the business-unit channel approved by the second person (the n-th decision)."""
    card = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == BU_CHANNEL, count=n)[-1]
    ts = [m["ts"] for m in fake_slack.messages if m["channel"] == BU_CHANNEL and m["text"] == card["text"]][-1]
    slack.action(ActionId.APPROVE, buttons(card)[ActionId.APPROVE]["value"], user=BU2, channel=BU_CHANNEL,
                 message={"ts": ts, "type": "message", "text": card["text"]})  # the card, as Slack sends it
    fake_slack.wait_for("chat.update", count=n)


def _ask(services, question: str = QUESTION) -> str:  # type: ignore[no-untyped-def]
    services.knowledge.refresh()
    return services.knowledge.answerer.answer(question, "halton").text


def test_a_new_entry_answers_once_approved_and_says_who_confirmed_it(slack, fake_slack, db, services):
    configure(db, fake_slack)
    with time_machine.travel(london(2026, 11, 30, 10), tick=True):
        slack.command("/safeguarding", "kb", user=BU)
        browse = fake_slack.wait_for("response_url")[-1]
        view = open_view_after(slack, fake_slack, ActionId.NEW, buttons(browse)[ActionId.NEW]["value"], BU)
        assert "partnership business unit, 30 November 2026" in json.dumps(view)
        slack.submit(view, edit_values(
            view, kb_kind="faq", kb_title="Out-of-hours front door (Halton)",
            kb_answer="Out of hours, call the emergency duty team on 0151 000 0000 (children's social care).",
            kb_phrasings=LADO_PHONE.lower() + "\nhalton out of hours social care number",
            kb_reason="Practitioners keep asking for it"), user=BU)
        _approve(slack, fake_slack, 1)
        answer = _ask(services, LADO_PHONE)
    assert "0151 000 0000" in answer
    assert "partnership business unit, 30 November 2026" in answer
    assert f"Confirmed by the partnership business unit (<@{BU2}>) on 30 November 2026" in answer
    with db.read() as s:
        [row] = [(v.entry_id, v.change) for v in s.scalars(select(KnowledgeVersion))]
    assert row[0].startswith("halton.bu.") and row[1] == "new"


def test_retire_then_revert_keeps_every_version_and_prints_the_history(slack, fake_slack, db, services, capsys,
                                                                        monkeypatch, database_url, tmp_path):
    configure(db, fake_slack)
    view = open_view_after(slack, fake_slack, ActionId.EDIT, ENTRY, BU)
    slack.submit(view, edit_values(view, kb_answer="Each partner pays a third of the agreed budget each year.",
                                   kb_reason="Thirds agreed"), user=BU)
    _approve(slack, fake_slack, 1)
    assert "pays a third" in _ask(services)

    retire = open_view_after(slack, fake_slack, ActionId.RETIRE, ENTRY, BU)
    assert slack.submit(retire, {BlockId.REASON: {"value": {"type": "plain_text_input", "value": ""}}},
                        user=BU).json["errors"][BlockId.REASON]  # the reason is required
    slack.submit(retire, {BlockId.REASON: {"value": {"type": "plain_text_input", "value": "Merged"}}}, user=BU)
    _approve(slack, fake_slack, 2)
    assert "pays a third" not in _ask(services) and services.kb.get(ENTRY) is None

    slack.action(ActionId.HISTORY, ENTRY, user=BU)
    history = fake_slack.wait_for("response_url")[-1]
    assert "v0" in text_of(history) and "Merged" in text_of(history)
    revert = [v for v in values_of(history, ActionId.REVERT.numbered(1))]
    assert revert == [json.dumps({"id": ENTRY, "v": 1}, separators=(",", ":"))]
    view = open_view_after(slack, fake_slack, ActionId.REVERT.numbered(1), revert[0], BU)
    slack.submit(view, {BlockId.REASON: {"value": {"type": "plain_text_input", "value": "Merge undone"}}}, user=BU)
    _approve(slack, fake_slack, 3)
    assert "pays a third" in _ask(services)

    with db.read() as s:
        versions = [(v.version, v.change, v.reason) for v in s.scalars(select(KnowledgeVersion))]
        actions = [a.action for a in s.scalars(select(AuditLog).where(AuditLog.entity_id == ENTRY)
                                               .order_by(AuditLog.id))]
    assert versions == [(1, "edit", "Thirds agreed"), (2, "retire", "Merged"), (3, "revert", "Merge undone")]
    assert actions == ["kb.drafted", "kb.approved", "kb.drafted", "kb.retired", "kb.drafted", "kb.reverted"]

    monkeypatch.setenv("DATABASE_URL", database_url)
    capsys.readouterr()
    assert main(["kb", "history", ENTRY]) == 0
    printed = capsys.readouterr().out
    assert "v0  shipped file  Funding (Halton)" in printed
    assert "v2  retire" in printed and f"approved by {BU2}" in printed and "why: Merge undone" in printed
    assert main(["kb", "history", "halton.process.nothing-here"]) == 2

    out = tmp_path / "export"  # the live knowledge round-trips through kb validate
    shipped = len(load_knowledge_base())  # after the revert the live entries are the shipped ones again
    assert main(["kb", "export", "--out", str(out)]) == 0
    assert main(["kb", "validate", "--path", str(out)]) == 0
    assert f"ok: {shipped} entries" in capsys.readouterr().out
    exported = (out / "halton.yaml").read_text()
    assert "pays a third" in exported and f"by: {BU2}" in exported and "equitable and proportionate" not in exported


def test_a_front_door_is_never_retired_and_a_linked_entry_says_what_links_to_it(slack, fake_slack, db, services):
    configure(db, fake_slack)
    linked = next(e for e in services.kb.entries("halton") if any(
        other.partnership == "halton" and e.id in other.see_also for other in services.kb))
    for n, entry_id in enumerate(("halton.front-door.childrens-social-care", linked.id), 1):
        view = open_view_after(slack, fake_slack, ActionId.RETIRE, entry_id, BU)
        slack.submit(view, {BlockId.REASON: {"value": {"type": "plain_text_input", "value": "tidy"}}}, user=BU)
        card = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == BU_CHANNEL, count=n)[-1]
        slack.action(ActionId.APPROVE, buttons(card)[ActionId.APPROVE]["value"], user=BU2, channel=BU_CHANNEL)
        told = fake_slack.wait_for("response_url", count=n)[-1].params["text"]
        assert ("front door cannot be retired" in told) if n == 1 else ("link to it" in told)
        assert services.kb.get(entry_id) is not None
    with db.read() as s:
        assert s.scalars(select(KnowledgeVersion)).all() == []


def test_a_decision_taken_before_the_cards_ts_is_saved_still_updates_the_card(slack, fake_slack, db, services):
    """Approve pressed in the moment between the card being posted and its ts being stored: the clicked card."""
    from storage.kbedit import KnowledgeDraft

    configure(db, fake_slack)
    view = open_view_after(slack, fake_slack, ActionId.EDIT, ENTRY, BU)
    slack.submit(view, edit_values(view, kb_answer="Each partner pays a third of the agreed budget each year.",
                                   kb_reason="Thirds agreed"), user=BU)
    card = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == BU_CHANNEL)[-1]
    ts = [m["ts"] for m in fake_slack.messages if m["channel"] == BU_CHANNEL][-1]
    for _ in range(200):  # the card's ts is stored just after it is posted: wait for it, then take it away
        with db.session() as s:
            drafts = list(s.scalars(select(KnowledgeDraft)))
            if drafts and all(d.card_ts for d in drafts):
                for draft in drafts:
                    draft.card_ts = None
                break
        time.sleep(0.05)
    else:
        raise AssertionError("the card's ts was never stored")
    slack.action(ActionId.APPROVE, buttons(card)[ActionId.APPROVE]["value"], user=BU2, channel=BU_CHANNEL,
                 message={"ts": ts, "type": "message", "text": card["text"]})
    [update] = fake_slack.wait_for("chat.update")
    assert (update["channel"], update["ts"]) == (BU_CHANNEL, ts)
