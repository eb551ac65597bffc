"""A change that would break the knowledge base is refused at approval with the reason, and nothing changes: a
second draft of a new entry whose id went live meanwhile (duplicate id), a see-also link to an entry retired
meanwhile (dangling link), and a route whose steps are out of order (a draft kept from before a rule). Through
`kb import` (drafts) and the Approve button over signed HTTP."""

from __future__ import annotations

import yaml
from sqlalchemy import select

from bot.cli import main
from bot.kbedit import service
from bot.kbedit.forms import editable
from bot.kbedit.ids import ActionId, BlockId
from bot.kbedit.states import Change
from storage.kbedit import KnowledgeDraft, KnowledgeVersion
from tests.conftest import TEAM_ID
from tests.kbedit.helpers import BU, BU2, BU_CHANNEL, ENTRY, buttons, configure, open_view_after
from tests.kbedit.test_import import _env

NEW_ID = "halton.bu.fostering"


def _import(out, capsys) -> None:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    assert main(["kb", "import", str(out), "--as", BU, "--partnership", "halton", "--reason", "From the file"]) == 0
    assert "1 drafted" in capsys.readouterr().out


def _press(slack, fake_slack, draft_id: int, n: int) -> str:  # type: ignore[no-untyped-def]
    """The second person presses Approve on a draft; what they are told (the n-th reply), or "" when approved."""
    updates = len(fake_slack.calls_to("chat.update"))
    slack.action(ActionId.APPROVE, str(draft_id), user=BU2, channel=BU_CHANNEL)
    replies = fake_slack.wait_for("response_url", count=n) if n else []
    if not n:
        fake_slack.wait_for("chat.update", count=updates + 1)
    return str(replies[-1].params.get("text")) if replies else ""


def _drafts(db) -> list[int]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return [d.id for d in s.scalars(select(KnowledgeDraft).where(KnowledgeDraft.state == "pending")
                                        .order_by(KnowledgeDraft.id))]


def test_a_duplicate_id_and_a_dangling_see_also_are_refused_at_approval(
        slack, fake_slack, db, services, settings, capsys, monkeypatch, tmp_path):
    configure(db, fake_slack)
    _env(monkeypatch, settings)
    halton = [e for e in services.kb.entries("halton")]
    linked = {ref for e in services.kb for ref in e.see_also}
    target = next(e.id for e in halton if e.id not in linked and e.kind not in ("front_door", "escalation")
                  and e.id != ENTRY)
    out = tmp_path / "export"
    assert main(["kb", "export", "--out", str(out)]) == 0
    path = out / "halton.yaml"
    doc = yaml.safe_load(path.read_text())
    original = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
    new = {**next(e for e in doc["entries"] if e["id"] == ENTRY), "id": NEW_ID, "title": "Fostering checks (Halton)"}
    doc["entries"].append(new)
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    _import(out, capsys)
    _import(out, capsys)  # the same new entry drafted twice (two imports)
    first, second = _drafts(db)
    assert _press(slack, fake_slack, first, 0) == ""
    told = _press(slack, fake_slack, second, 1)
    assert "Not approved, nothing changed" in told and "id already exists" in told

    path.write_text(original)  # now: the funding entry links to an entry that is retired before it is approved
    doc = yaml.safe_load(original)
    for e in doc["entries"]:
        if e["id"] == ENTRY:
            e["see_also"] = [*e.get("see_also", []), target]
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    _import(out, capsys)
    linking = _drafts(db)[-1]
    view = open_view_after(slack, fake_slack, ActionId.RETIRE, target, BU)
    slack.submit(view, {BlockId.REASON: {"value": {"type": "plain_text_input", "value": "Gone"}}}, user=BU)
    card = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == BU_CHANNEL and "Retire" in c["text"])[-1]
    assert _press(slack, fake_slack, int(buttons(card)[ActionId.APPROVE]["value"]), 0) == ""
    told = _press(slack, fake_slack, linking, 2)
    assert "would break the knowledge base" in told and f"see_also: unknown id '{target}'" in told
    services.knowledge.refresh()
    assert target not in services.kb.get(ENTRY).see_also
    with db.read() as s:
        assert [(v.entry_id, v.change) for v in s.scalars(select(KnowledgeVersion).order_by(KnowledgeVersion.id))] \
            == [(NEW_ID, "new"), (target, "retire")]


def test_a_route_with_steps_out_of_order_is_refused_at_approval(slack, fake_slack, db, services):
    configure(db, fake_slack)
    route = "halton.escalation.professional-differences"
    content = editable(services.kb.get(route))
    step = {"number": 3, "title": "Executive group", "who": "The executive", "action": "Decides."}
    content["route"] = {**content["route"], "steps": [*content["route"]["steps"], step]}
    with db.session() as s:  # a draft saved before the rule, or written by hand: the approval judges it again
        draft = service.save_draft(s, team_id=TEAM_ID, actor_id=BU, entry_id=route, partnership="halton",
                                   change=Change.EDIT, content=content, base_version=0, reason="Third step")
        draft_id = draft.id
    told = _press(slack, fake_slack, draft_id, 1)
    assert "would break the knowledge base" in told and "steps must be numbered 1..n in order, got [1, 3]" in told
    with db.read() as s:
        assert s.scalars(select(KnowledgeVersion)).all() == []
    assert len(services.kb.escalation_route("halton").steps) == 1
