"""A workspace's install, uninstall and reinstall, each in the caller's one transaction with its audit row.

The partnership is chosen once, at the first install; the installer becomes the workspace's first admin (with
OAuth installs BOOTSTRAP_ADMIN_IDS is not read). Uninstalling keeps every record and pauses the workspace: the
reminder engine claims nothing of a paused team (`paused_teams`) until a reinstall resumes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from bot.authz import Role, grant
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
        grant(session, team_id, installer, Role.ADMIN, granted_by=INSTALLER)
    ws.paused_at = None
    session.flush()
    audit.record(session, team_id=team_id, actor_id=installer,
                 action="workspace.installed" if first else "workspace.reinstalled", entity_type="workspace",
                 entity_id=team_id, after={"partnership": ws.partnership, "enterprise_id": enterprise_id,
                                           "resumed": resumed})
    return Installed(ws.partnership, first, resumed)


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
