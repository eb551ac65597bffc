"""`safeguarding-bot kb import DIR --as USER --reason "..."`: YAML files in the form `kb export` writes loaded as
drafts, through the same validation and service as a draft saved in Slack, so nothing goes live until a second
person approves the card. An entry the same as what is live is skipped; one that fails the schema or the rules
across entries is refused with its field and reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.authz import roles_of
from bot.kbedit import forms, service
from bot.kbedit.states import Change
from knowledge.base import KnowledgeBase, parse_files
from storage.core import Workspace
from storage.kbedit import current_version


@dataclass
class ImportResult:
    drafted: list[tuple[str, int]] = field(default_factory=list)  # (entry id, draft id)
    skipped: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # "entry id: field: why"

    def lines(self) -> list[str]:
        out = [f"drafted {i} (draft {d})" for i, d in self.drafted]
        out += [f"skipped {i} (the same as what is live)" for i in self.skipped]
        out += [f"refused {r}" for r in self.refused]
        out.append(f"{len(self.drafted)} drafted, {len(self.skipped)} skipped, {len(self.refused)} refused")
        return out


def workspace_for(s: Any, partnership: str) -> str | None:
    """The one workspace whose partnership this is (None when there is none or more than one)."""
    teams = s.scalars(select(Workspace.team_id).where(Workspace.partnership == partnership)).all()
    return teams[0] if len(teams) == 1 else None


def may_edit(s: Any, team_id: str, user_id: str, partnership: str, admins: tuple[str, ...]) -> bool:
    """As in Slack: the business unit or an admin of the workspace's partnership; national entries admins only."""
    ws = s.get(Workspace, team_id)
    return service.may_edit_entry(roles_of(s, team_id, user_id, admins), ws.partnership if ws else None, partnership)


def import_dir(s: Any, live: KnowledgeBase, path: Path, *, team_id: str, actor_id: str, reason: str,
               partnership: str | None, admins: tuple[str, ...] = ()) -> ImportResult:
    """Each entry of the files (of `partnership` when given) drafted, skipped or refused, in the caller's
    transaction; each draft audited `kb.drafted` like one saved in Slack."""
    result = ImportResult()
    entries, _origin, problems = parse_files(path)
    # unreadable files and schema failures; the parsed entries' cross-entry rules are checked again below
    result.refused += [p for p in problems if not any(f"entry {e.id}:" in p for e in entries)]
    ids = {e.id for e in live} | {e.id for e in entries}
    notes = {e.id: e.note for e in live} | {e.id: e.note for e in entries}
    for entry in entries:
        if partnership is not None and entry.partnership != partnership:
            continue
        if not may_edit(s, team_id, actor_id, entry.partnership, admins):
            result.refused.append(f"{entry.id}: you may not edit {entry.partnership} entries")
            continue
        checked, errors = forms.validate(forms.editable(entry), ids, notes)
        if checked is None:
            result.refused += [f"{entry.id}: {block}: {why}" for block, why in errors.items()]
            continue
        content = forms.editable(checked)
        current = live.get(entry.id)
        if current is not None and content == forms.editable(current):
            result.skipped.append(entry.id)
            continue
        change = Change.EDIT if current is not None else Change.NEW
        draft = service.save_draft(s, team_id=team_id, actor_id=actor_id, entry_id=entry.id,
                                   partnership=entry.partnership, change=change, content=content,
                                   base_version=current_version(s, team_id, entry.id), reason=reason)
        result.drafted.append((entry.id, draft.id))
    return result
