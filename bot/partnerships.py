"""Which partnership a request belongs to: channel setting, then the person's own, then the workspace."""

from __future__ import annotations

from sqlalchemy.orm import Session

from knowledge.partnerships import PARTNERSHIPS
from storage import audit
from storage.core import ChannelSetting, UserSetting, Workspace


def resolve_partnership(
    session: Session, team_id: str, channel_id: str | None, user_id: str | None, default: str | None = None
) -> str | None:
    if channel_id:
        ch = session.get(ChannelSetting, (team_id, channel_id))
        if ch is not None:
            return ch.partnership
    if user_id:
        us = session.get(UserSetting, (team_id, user_id))
        if us is not None and us.partnership:
            return us.partnership
    ws = session.get(Workspace, team_id)
    if ws is not None and ws.partnership:
        return ws.partnership
    return default


def assigned_partnership(session: Session, team_id: str, user_id: str, default: str | None = None) -> str | None:
    """The partnership a person's roles hold in: the one an admin configured, never an area they can set.

    Roles are granted per workspace, so they hold in the workspace's partnership (or DEFAULT_PARTNERSHIP).
    `/safeguarding area` and channel settings choose which answers a person sees, not what they may act on.
    """
    del user_id  # grants are workspace-wide today; the parameter keeps callers right when they become per person
    ws = session.get(Workspace, team_id)
    return ws.partnership if ws is not None and ws.partnership else default


def get_workspace(session: Session, team_id: str) -> Workspace:
    ws = session.get(Workspace, team_id)
    if ws is None:
        ws = Workspace(team_id=team_id)
        session.add(ws)
        session.flush()
    return ws


def _keep(session: Session, model: type[UserSetting] | type[ChannelSetting], slug: str | None, **key: str) -> None:
    """A person's or a channel's partnership (a known slug, or None where allowed), on its row, made if missing."""
    if slug is not None and slug not in PARTNERSHIPS:
        raise ValueError(f"unknown partnership {slug!r}")
    row = session.get(model, tuple(key.values()))
    if row is None:
        session.add(model(**key, partnership=slug))
    else:
        row.partnership = slug
    session.flush()


def set_user_partnership(session: Session, team_id: str, user_id: str, slug: str | None) -> None:
    _keep(session, UserSetting, slug, team_id=team_id, user_id=user_id)


def choose_area(session: Session, team_id: str, user_id: str, slug: str) -> None:
    """A person picks the area their answers come from (`/safeguarding area`, the App Home select): audited."""
    set_user_partnership(session, team_id, user_id, slug)
    audit.record(session, team_id=team_id, actor_id=user_id, action="user.set_area", entity_type="user",
                 entity_id=user_id, after={"partnership": slug})


def set_channel_partnership(session: Session, team_id: str, channel_id: str, slug: str) -> None:
    _keep(session, ChannelSetting, slug, team_id=team_id, channel_id=channel_id)


def business_unit_channel(session: Session, team_id: str) -> str | None:
    ws = session.get(Workspace, team_id)
    return ws.business_unit_channel if ws else None


def escalation_channel(session: Session, team_id: str) -> str | None:
    ws = session.get(Workspace, team_id)
    if ws is None:
        return None
    return ws.escalation_channel or ws.business_unit_channel
