"""`kb import DIR`: an export, edited, loaded as drafts through the same service and schema; the card goes to the
business-unit channel and the answer changes only once a second person approves it in Slack."""

from __future__ import annotations

import yaml
from sqlalchemy import select

from bot.cli import main
from storage.core import AuditLog
from storage.kbedit import KnowledgeDraft, KnowledgeVersion
from tests.conftest import TEAM_ID
from tests.kbedit.helpers import BU, BU_CHANNEL, ENTRY, PRACT, QUESTION, configure
from tests.kbedit.test_lifecycle import _approve, _ask

NEW_ANSWER = "Each partner pays a quarter of the shared budget, reviewed every April."


def _env(monkeypatch, settings) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test-token")
    monkeypatch.setenv("SLACK_API_URL", settings.slack_api_url)


def _edit(path, entry_id: str, **fields) -> None:  # type: ignore[no-untyped-def]
    doc = yaml.safe_load(path.read_text())
    for e in doc["entries"]:
        if e["id"] == entry_id:
            e.update(fields)
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))


def test_an_edited_export_is_imported_as_a_draft_and_goes_live_when_approved(
        slack, fake_slack, db, services, settings, capsys, monkeypatch, tmp_path):
    configure(db, fake_slack)
    _env(monkeypatch, settings)
    out = tmp_path / "export"
    assert main(["kb", "export", "--out", str(out)]) == 0
    _edit(out / "halton.yaml", ENTRY, answer=NEW_ANSWER)
    capsys.readouterr()
    assert main(["kb", "import", str(out), "--as", BU, "--partnership", "halton",
                 "--reason", "Budget shares changed"]) == 0
    printed = capsys.readouterr().out
    assert f"drafted {ENTRY} (draft " in printed and "1 drafted, 36 skipped, 0 refused" in printed
    assert NEW_ANSWER not in _ask(services)  # a draft, not live

    _approve(slack, fake_slack, 1)  # the card the import posted, approved by the second person over signed HTTP
    assert NEW_ANSWER in _ask(services, QUESTION)
    with db.read() as s:
        [version] = [(v.entry_id, v.change, v.reason) for v in s.scalars(select(KnowledgeVersion))]
        audit = [(a.action, a.actor_id, str(a.before), str(a.after))
                 for a in s.scalars(select(AuditLog).where(AuditLog.entity_id == ENTRY))]
    assert version == (ENTRY, "edit", "Budget shares changed")
    assert [a[:2] for a in audit] == [("kb.drafted", BU), ("kb.approved", "UBUSUNIT2")]
    assert not any("quarter" in a[2] + a[3] or "Budget" in a[2] + a[3] for a in audit)  # no typed text
    card = fake_slack.calls_to("chat.postMessage")
    assert any(c["channel"] == BU_CHANNEL for c in card)


def test_an_import_refuses_bad_entries_with_their_field_and_someone_without_the_role(
        slack, fake_slack, db, services, settings, capsys, monkeypatch, tmp_path):
    configure(db, fake_slack)
    _env(monkeypatch, settings)
    out = tmp_path / "export"
    assert main(["kb", "export", "--out", str(out)]) == 0
    _edit(out / "halton.yaml", ENTRY, see_also=["halton.process.not-a-real-entry"])
    capsys.readouterr()
    assert main(["kb", "import", str(out), "--as", BU, "--partnership", "halton", "--reason", "Links"]) == 3
    printed = capsys.readouterr().out
    assert f"refused {ENTRY}: " in printed and "not-a-real-entry" in printed and "0 drafted" in printed

    assert main(["kb", "import", str(out), "--as", PRACT, "--team", TEAM_ID, "--reason", "Links"]) == 3  # halton
    printed = capsys.readouterr().out
    assert "you may not edit halton entries" in printed and "wirral" not in printed  # the workspace's only
    (tmp_path / "empty").mkdir()  # nothing to read is said, not a silent success
    assert main(["kb", "import", str(tmp_path / "empty"), "--as", BU, "--partnership", "halton", "--reason", "x"]) == 3
    assert "no knowledge base files found" in capsys.readouterr().out
    with db.read() as s:
        assert s.scalars(select(KnowledgeDraft)).all() == []
