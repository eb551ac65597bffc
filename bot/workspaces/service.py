"""A workspace's install, uninstall and reinstall, each in the caller's one transaction with its audit row.

The partnership is chosen once, at the first install; the installer becomes the workspace's first admin (with
OAuth installs BOOTSTRAP_ADMIN_IDS is not read). Uninstalling keeps every record, roles included, and pauses the
workspace: the reminder engine claims nothing of a paused team (`paused_teams`) until a reinstall resumes it. A
reinstall by someone else does not make them admin while the workspace still has one (installing may be open to
any member; the admins they would outrank were chosen by the workspace); with no admin left, the reinstaller is
made one, so a workspace is never locked out of its own settings.

Enterprise Grid org-wide installs (one token for the whole org): the org has its own row, keyed by its enterprise
id, holding the partnership chosen at install (the default for its workspaces), its installer and its pause. Each
workspace the org's admins add the app to is `adopt`ed from it: its own row, the org's partnership until its own
admin chooses another (`/safeguarding admin partnership`), the org's installer as its first admin.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from bot.authz import Role, grant, members
from bot.partnerships import get_workspace
from bot.timeutil import now
from knowledge.partnerships import PARTNERSHIPS
from storage import audit
from storage.core import Workspace

INSTALLER = "installer"


@dataclass(frozen=True)
class Installed:
    partnership: str | None
    first: bool  # the first install of this workspace (else a reinstall, which keeps its partnership)
    resumed: bool  # it had been uninstalled and its reminders now go on


def install(session: Session, *, team_id: str, enterprise_id: str | None, installer: str,
            chosen: str | None) -> Installed:
    """Record an install: partnership and first admin on the first one; a reinstall resumes a paused workspace."""
    if chosen is not None and chosen not in PARTNERSHIPS:
        raise ValueError(f"unknown partnership {chosen!r}")
    ws = get_workspace(session, team_id)
    first = ws.installed_by is None
    resumed = ws.paused_at is not None
    if first:
        ws.installed_by, ws.enterprise_id = installer, enterprise_id
        ws.partnership = ws.partnership or chosen
    if first or not has_admin(session, team_id):
        grant(session, team_id, installer, Role.ADMIN, granted_by=INSTALLER)
    ws.paused_at = None
    session.flush()
    audit.record(session, team_id=team_id, actor_id=installer,
                 action="workspace.installed" if first else "workspace.reinstalled", entity_type="workspace",
                 entity_id=team_id, after={"partnership": ws.partnership, "enterprise_id": enterprise_id,
                                           "resumed": resumed})
    return Installed(ws.partnership, first, resumed)


def has_admin(session: Session, team_id: str) -> bool:
    return any(m.role == Role.ADMIN.value for m in members(session, team_id))


def install_org(session: Session, *, enterprise_id: str, installer: str, chosen: str | None) -> Installed:
    """An org-wide install: the org's row (its default partnership, installer, pause). Its workspaces are adopted
    as the org's admins add the app to them (team_access_granted; Slack sends it again after a reinstall)."""
    return install(session, team_id=enterprise_id, enterprise_id=enterprise_id, installer=installer, chosen=chosen)


def adopt(session: Session, team_id: str, enterprise_id: str, *, resume_paused: bool) -> bool:
    """A workspace of an org-wide install (access granted, or its first request): its row from the org's on first
    sight. `resume_paused` for a grant (access given again); a request never resumes. True if anything changed."""
    org = session.get(Workspace, enterprise_id)
    if org is None or org.installed_by is None or org.paused_at is not None or team_id == enterprise_id:
        return False  # no org-wide install in force: nothing to adopt from
    ws = get_workspace(session, team_id)
    if ws.installed_by is not None:
        if resume_paused and ws.paused_at is not None:
            resume(session, ws, actor="slack")
            return True
        return False
    ws.installed_by, ws.enterprise_id = org.installed_by, enterprise_id
    ws.partnership = ws.partnership or org.partnership
    ws.paused_at = None
    if not has_admin(session, team_id):
        grant(session, team_id, org.installed_by, Role.ADMIN, granted_by=INSTALLER)
    session.flush()
    audit.record(session, team_id=team_id, actor_id=org.installed_by, action="workspace.installed",
                 entity_type="workspace", entity_id=team_id,
                 after={"partnership": ws.partnership, "enterprise_id": enterprise_id, "org_wide": True})
    return True


def resume(session: Session, ws: Workspace, actor: str) -> None:
    ws.paused_at = None
    session.flush()
    audit.record(session, team_id=ws.team_id, actor_id=actor, action="workspace.resumed", entity_type="workspace",
                 entity_id=ws.team_id)


def org_teams(session: Session, enterprise_id: str) -> list[str]:
    """The workspaces adopted from an org-wide install (not the org's own row)."""
    return list(session.scalars(select(Workspace.team_id).where(Workspace.enterprise_id == enterprise_id,
                                                                 Workspace.team_id != enterprise_id)))


def pause(session: Session, team_id: str, why: str, at: datetime | None = None) -> bool:
    """The app was uninstalled or its bot token revoked: records stay, reminders wait. False if already paused."""
    ws = get_workspace(session, team_id)
    if ws.paused_at is not None:
        return False
    ws.paused_at = at or now()
    session.flush()
    audit.record(session, team_id=team_id, actor_id="slack", action="workspace.paused", entity_type="workspace",
                 entity_id=team_id, after={"why": why})
    return True


def paused_teams() -> Select[tuple[str]]:
    """The teams whose reminders wait (a subquery for the engine's claims)."""
    return select(Workspace.team_id).where(Workspace.paused_at.is_not(None))


def is_paused(session: Session, team_id: str) -> bool:
    ws = session.get(Workspace, team_id)
    return ws is not None and ws.paused_at is not None
