"""Tables for keeping the knowledge current: drafts awaiting a second person, the approved versions (the
overlay on the shipped YAML), and each partnership's approval rule.

The shipped files stay the base (version 0 of every entry there). Each workspace has its own overlay: versions
are numbered per workspace and entry. An approved draft becomes the entry's next version, kept for ever with who
wrote it, who approved it, when and why; the newest version of each entry is what the workspace's answers use
(bot.liveknowledge rebuilds the index when the newest version id changes). A retired entry's newest version has
no content. The reason and the entry's text are kept here, never in the audit log.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Integer, String, UniqueConstraint, false, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from storage.base import Base, TeamScoped, utcnow

REASON_MAX = 200


class KnowledgeDraft(Base, TeamScoped):
    """A proposed change to one entry (edit, new, retire, revert), pending until approved or rejected."""

    __tablename__ = "knowledge_drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(String(200), index=True)
    partnership: Mapped[str] = mapped_column(String(64))
    change: Mapped[str] = mapped_column(String(16))  # bot.kbedit.states.Change
    state: Mapped[str] = mapped_column(String(16), index=True)  # bot.kbedit.states.DraftState
    content: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # the entry as validated; None to retire
    base_version: Mapped[int] = mapped_column(Integer)  # the entry's version the draft was written against
    reason: Mapped[str] = mapped_column(String(REASON_MAX))
    author_id: Mapped[str] = mapped_column(String(32))
    decided_by: Mapped[str | None] = mapped_column(String(32))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    card_channel: Mapped[str | None] = mapped_column(String(32))
    card_ts: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class KnowledgeVersion(Base, TeamScoped):
    """One approved version of an entry: never changed or deleted (history, revert)."""

    __tablename__ = "knowledge_versions"
    __table_args__ = (UniqueConstraint("team_id", "entry_id", "version"),)  # each workspace its own overlay

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(String(200), index=True)
    version: Mapped[int] = mapped_column(Integer)  # 1, 2, ... (0 is the shipped file)
    partnership: Mapped[str] = mapped_column(String(64))
    change: Mapped[str] = mapped_column(String(16))
    content: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # None: retired
    draft_id: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(REASON_MAX))
    author_id: Mapped[str] = mapped_column(String(32))
    approved_by: Mapped[str] = mapped_column(String(32))
    drafted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    approved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class KnowledgeSetting(Base, TeamScoped):
    """A partnership's rules in a workspace: two people (the default) or one approve; the weekly gaps by DM to each
    business-unit member (the default) or to the business-unit channel."""

    __tablename__ = "knowledge_settings"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    partnership: Mapped[str] = mapped_column(String(64), primary_key=True)
    single_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    gaps_to_channel: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # else by DM
    updated_by: Mapped[str | None] = mapped_column(String(32))


def overlay_version(session: Session) -> int:
    """The newest version row's id (0 when none): a process whose index was built at another number rebuilds."""
    return int(session.scalar(select(func.max(KnowledgeVersion.id))) or 0)


def team_versions(session: Session) -> dict[str, int]:
    """Each workspace with approved versions, with its newest version row's id (its own overlay's number)."""
    stmt = select(KnowledgeVersion.team_id, func.max(KnowledgeVersion.id)).group_by(KnowledgeVersion.team_id)
    return {str(team): int(v) for team, v in session.execute(stmt)}


def newest_versions(session: Session, team_id: str | None) -> list[KnowledgeVersion]:
    """Each entry's newest approved version in the workspace (None: in any workspace, the newest approval last):
    the overlay on the shipped files."""
    newest = select(KnowledgeVersion.team_id, KnowledgeVersion.entry_id, func.max(KnowledgeVersion.version).label("v"))
    if team_id is not None:
        newest = newest.where(KnowledgeVersion.team_id == team_id)
    sub = newest.group_by(KnowledgeVersion.team_id, KnowledgeVersion.entry_id).subquery()
    stmt = (select(KnowledgeVersion)
            .join(sub, (KnowledgeVersion.team_id == sub.c.team_id) & (KnowledgeVersion.entry_id == sub.c.entry_id)
                  & (KnowledgeVersion.version == sub.c.v))
            .order_by(KnowledgeVersion.id))
    return list(session.scalars(stmt))


def versions_of(session: Session, team_id: str, entry_id: str) -> list[KnowledgeVersion]:
    return list(session.scalars(select(KnowledgeVersion).where(KnowledgeVersion.team_id == team_id,
                                                               KnowledgeVersion.entry_id == entry_id)
                                .order_by(KnowledgeVersion.version)))


def current_version(session: Session, team_id: str, entry_id: str) -> int:
    return int(session.scalar(select(func.max(KnowledgeVersion.version))
                              .where(KnowledgeVersion.team_id == team_id, KnowledgeVersion.entry_id == entry_id)) or 0)


def drafts_of(session: Session, team_id: str, entry_id: str) -> list[KnowledgeDraft]:
    return list(session.scalars(select(KnowledgeDraft).where(KnowledgeDraft.team_id == team_id,
                                                             KnowledgeDraft.entry_id == entry_id)
                                .order_by(KnowledgeDraft.id)))


def single_approval(session: Session, team_id: str, partnership: str) -> bool:
    row = session.get(KnowledgeSetting, (team_id, partnership))
    return bool(row and row.single_approval)


def setting_row(session: Session, team_id: str, partnership: str, by: str) -> KnowledgeSetting:
    """The partnership's settings row in the workspace, made (with the defaults) when there is none."""
    row = session.get(KnowledgeSetting, (team_id, partnership))
    if row is None:
        row = KnowledgeSetting(team_id=team_id, partnership=partnership, single_approval=False, gaps_to_channel=False)
        session.add(row)
    row.updated_by = by
    return row


def set_single_approval(session: Session, team_id: str, partnership: str, single: bool, by: str) -> None:
    setting_row(session, team_id, partnership, by).single_approval = single


def gaps_to_channel(session: Session, team_id: str, partnership: str) -> bool:
    row = session.get(KnowledgeSetting, (team_id, partnership))
    return bool(row and row.gaps_to_channel)

