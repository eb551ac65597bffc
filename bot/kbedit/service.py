"""Database changes for knowledge upkeep, each in the caller's one transaction, with its audit row.

The audit rows hold ids, versions, states and the kind of change only: never the entry's text or the reason
(those are in knowledge_drafts / knowledge_versions, the entry's history).
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.authz import Permission, Role, allowed
from bot.kbedit import states, texts
from bot.kbedit.ids import safe_id
from bot.kbedit.states import Change, Decision, DraftState
from bot.mrkdwn import echo
from knowledge.base import KnowledgeBase, entry_problems
from knowledge.models import Entry
from knowledge.partnerships import NATIONAL
from storage import audit
from storage.kbedit import (
    KnowledgeDraft,
    KnowledgeVersion,
    current_version,
    set_single_approval,
    setting_row,
    single_approval,
    versions_of,
)

ENTITY = "kb_entry"
WHY_MAX = 200  # a refusal's reason, quoted back: long enough for the schema's message with the typed value


def new_entry_id(partnership: str) -> str:
    """A new entry's id: the partnership, "bu" and a random tag (never made from typed text: ids are audited)."""
    return f"{partnership}.bu.{secrets.token_hex(4)}"


def save_draft(s: Session, *, team_id: str, actor_id: str, entry_id: str, partnership: str, change: Change,
               content: dict[str, Any] | None, base_version: int, reason: str) -> KnowledgeDraft:
    draft = KnowledgeDraft(team_id=team_id, entry_id=entry_id, partnership=partnership, change=change.value,
                           state=DraftState.PENDING.value, content=content, base_version=base_version,
                           reason=reason, author_id=actor_id)
    s.add(draft)
    s.flush()
    audit.record(s, team_id=team_id, actor_id=actor_id, action=states.DRAFTED, entity_type=ENTITY,
                 entity_id=entry_id, after={"draft": draft.id, "change": change.value, "base_version": base_version})
    return draft


def get_draft(s: Session, team_id: str, draft_id: int, *, lock: bool = False) -> KnowledgeDraft | None:
    stmt = select(KnowledgeDraft).where(KnowledgeDraft.team_id == team_id, KnowledgeDraft.id == draft_id)
    return s.scalars(stmt.with_for_update() if lock else stmt).one_or_none()


def approve(s: Session, draft: KnowledgeDraft, *, approver_id: str, now: datetime) -> KnowledgeVersion:
    """The draft becomes the entry's next version (what answers use from the next rebuild)."""
    draft.state = states.decide(draft.state, Decision.APPROVE).value
    draft.decided_by, draft.decided_at = approver_id, now
    number = current_version(s, draft.team_id, draft.entry_id) + 1
    row = KnowledgeVersion(team_id=draft.team_id, entry_id=draft.entry_id, version=number,
                           partnership=draft.partnership, change=draft.change, content=draft.content,
                           draft_id=draft.id, reason=draft.reason, author_id=draft.author_id,
                           approved_by=approver_id, drafted_at=draft.created_at, approved_at=now)
    s.add(row)
    s.flush()
    audit.record(s, team_id=draft.team_id, actor_id=approver_id, action=states.APPROVED[Change(draft.change)],
                 entity_type=ENTITY, entity_id=draft.entry_id,
                 before={"version": number - 1},
                 after={"version": number, "draft": draft.id, "change": draft.change, "author": draft.author_id})
    return row


def reject(s: Session, draft: KnowledgeDraft, *, actor_id: str, now: datetime) -> None:
    draft.state = states.decide(draft.state, Decision.REJECT).value
    draft.decided_by, draft.decided_at = actor_id, now
    audit.record(s, team_id=draft.team_id, actor_id=actor_id, action=states.REJECTED, entity_type=ENTITY,
                 entity_id=draft.entry_id, after={"draft": draft.id, "change": draft.change})


def refuse(s: Session, *, team_id: str, actor_id: str, entry_id: str, attempted: str) -> None:
    """A refused knowledge action, by entry id only (anything not shaped like an id is "invalid")."""
    audit.record(s, team_id=team_id, actor_id=actor_id, action=states.REFUSED, entity_type=ENTITY,
                 entity_id=safe_id(entry_id) if entry_id != "-" else "-", after={"attempted": attempted})


def set_approvals(s: Session, *, team_id: str, actor_id: str, partnership: str, single: bool) -> None:
    before = single_approval(s, team_id, partnership)
    set_single_approval(s, team_id, partnership, single, actor_id)
    audit.record(s, team_id=team_id, actor_id=actor_id, action=states.APPROVALS_SET, entity_type="partnership",
                 entity_id=partnership, before={"single": before}, after={"single": single})


def set_gaps(s: Session, *, team_id: str, actor_id: str, partnership: str, to_channel: bool) -> None:
    """Where the weekly gaps go: the business-unit channel, or (the default) a DM to each member."""
    row = setting_row(s, team_id, partnership, actor_id)
    before, row.gaps_to_channel = bool(row.gaps_to_channel), to_channel
    audit.record(s, team_id=team_id, actor_id=actor_id, action=states.GAPS_SET, entity_type="partnership",
                 entity_id=partnership, before={"channel": before}, after={"channel": to_channel})


def may_approve_own(s: Session, team_id: str, partnership: str) -> bool:
    return single_approval(s, team_id, partnership)


def version_content(s: Session, base: KnowledgeBase, team_id: str, entry_id: str,
                    version: int) -> dict[str, Any] | None:
    """An earlier version of the workspace's entry as data (version 0: the shipped file's); None when retired or
    unknown."""
    from bot.kbedit.forms import editable

    if version == 0:
        shipped = base.get(entry_id)
        return editable(shipped) if shipped is not None else None
    row = next((v for v in versions_of(s, team_id, entry_id) if v.version == version), None)
    return dict(row.content) if row is not None and row.content is not None else None


def approval_problem(kb: KnowledgeBase, draft: KnowledgeDraft, live_version: int) -> str | None:
    """Why approving this draft would break the knowledge base (or act on a stale entry); None when it is fine."""
    change = Change(draft.change)
    live = kb.get(draft.entry_id)
    if change == Change.NEW and live is not None:  # before staleness: the id, not the version, is the reason
        return texts.REFUSE_DUPLICATE
    if draft.base_version != live_version:
        return texts.STALE.format(now=live_version, then=draft.base_version)
    if change == Change.RETIRE:
        if live is None:
            return texts.GONE
        if live.kind == "front_door":
            return texts.REFUSE_RETIRE_SAFETY
        linked = sorted(e.id for e in kb if draft.entry_id in e.see_also)
        return texts.REFUSE_RETIRE_LINKED.format(others=", ".join(linked)) if linked else None
    if draft.content is None:
        return texts.GONE
    try:
        entry = Entry.model_validate(draft.content)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "entry"
        return texts.REFUSE_BREAKS.format(why=echo(f"{where}: {str(err['msg']).removeprefix('Value error, ')}",
                                                   WHY_MAX))
    others = {e.id for e in kb if e.id != entry.id}
    notes = {e.id: e.note for e in kb}
    problems = entry_problems(entry, others | {entry.id}, notes)
    # the message may quote what the author typed (a see-also id): quoted back with `echo`
    return texts.REFUSE_BREAKS.format(why=echo(f"{problems[0][0]}: {problems[0][1]}", WHY_MAX)) if problems else None


def may_edit_entry(roles: frozenset[Role], assigned: str | None, partnership: str) -> bool:
    """Who may draft a change to an entry, in Slack and from `kb import`: the business unit or an admin of the
    entry's own partnership (the workspace's); national entries admins only. Unlike a case, an entry is not the
    workspace's own record, so an admin elsewhere may not edit it."""
    if not allowed(roles, Permission.KNOWLEDGE_EDIT):
        return False
    if partnership == NATIONAL:
        return Role.ADMIN in roles
    return assigned is not None and assigned == partnership
