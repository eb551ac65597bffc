"""Who may do what: roles from workspace configuration and one explicit permission table.

Unknown users are practitioners. Every command, button and modal submission checks `allowed()`
before touching the domain; a refusal changes nothing and is audit-logged by the caller.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.core import RoleMembership


class Role(StrEnum):
    PRACTITIONER = "practitioner"
    MANAGER = "manager"
    SAFEGUARDING_LEAD = "lead"
    BUSINESS_UNIT = "business_unit"
    ADMIN = "admin"


class Permission(StrEnum):
    ASK = "ask"
    CASE_REVIEW_NOTIFY = "case_review.notify"
    CASE_REVIEW_MANAGE = "case_review.manage"  # view, list, transition
    ESCALATION_RAISE = "escalation.raise"
    ESCALATION_VIEW_PARTNERSHIP = "escalation.view_partnership"
    ESCALATION_MANAGE_ANY = "escalation.manage_any"  # act on someone else's escalation
    REMINDERS_MANAGE = "reminders.manage"
    REMINDERS_VIEW_ALL = "reminders.view_all"
    INSIGHT = "insight"  # the QA charts: the web dashboard and the pack
    KNOWLEDGE_EDIT = "knowledge.edit"  # draft, approve, retire, revert the partnership's knowledge entries
    ADMIN = "admin"


_EVERYONE = frozenset(Role)
_MANAGERS = frozenset({Role.MANAGER, Role.SAFEGUARDING_LEAD, Role.BUSINESS_UNIT, Role.ADMIN})
_BUSINESS_UNIT = frozenset({Role.BUSINESS_UNIT, Role.ADMIN})

PERMISSIONS: dict[Permission, frozenset[Role]] = {
    Permission.ASK: _EVERYONE,
    Permission.CASE_REVIEW_NOTIFY: _EVERYONE,
    Permission.CASE_REVIEW_MANAGE: _BUSINESS_UNIT,
    Permission.ESCALATION_RAISE: _MANAGERS,
    Permission.ESCALATION_VIEW_PARTNERSHIP: _MANAGERS,
    Permission.ESCALATION_MANAGE_ANY: _BUSINESS_UNIT,
    Permission.REMINDERS_MANAGE: _MANAGERS,
    Permission.REMINDERS_VIEW_ALL: _BUSINESS_UNIT,
    Permission.INSIGHT: frozenset({Role.SAFEGUARDING_LEAD, Role.BUSINESS_UNIT, Role.ADMIN}),
    Permission.KNOWLEDGE_EDIT: _BUSINESS_UNIT,
    Permission.ADMIN: frozenset({Role.ADMIN}),
}


def roles_of(
    session: Session, team_id: str, user_id: str, bootstrap_admins: tuple[str, ...] | list[str] = ()
) -> frozenset[Role]:
    """Stored roles plus practitioner; ids in BOOTSTRAP_ADMIN_IDS are admins in every workspace."""
    stored = session.scalars(
        select(RoleMembership.role).where(RoleMembership.team_id == team_id, RoleMembership.user_id == user_id)
    ).all()
    roles = {Role(r) for r in stored if r in Role._value2member_map_}
    roles.add(Role.PRACTITIONER)
    if user_id in bootstrap_admins:
        roles.add(Role.ADMIN)
    return frozenset(roles)


def allowed(roles: frozenset[Role] | set[Role], permission: Permission) -> bool:
    return bool(set(roles) & PERMISSIONS[permission])


def allowed_for(roles: frozenset[Role] | set[Role], permission: Permission, assigned: str | None,
                target: str | None) -> bool:
    """A permission over a record of partnership `target`: admins everywhere, others in their assigned one."""
    if Role.ADMIN in roles and allowed(roles, permission):
        return True
    return allowed(roles, permission) and assigned is not None and assigned == target


def grant(session: Session, team_id: str, user_id: str, role: Role, granted_by: str | None = None) -> bool:
    """Give a role; False if the user already had it."""
    if role == Role.PRACTITIONER:
        return False
    exists = session.get(RoleMembership, (team_id, user_id, role.value))
    if exists:
        return False
    session.add(RoleMembership(team_id=team_id, user_id=user_id, role=role.value, granted_by=granted_by))
    session.flush()
    return True


def revoke(session: Session, team_id: str, user_id: str, role: Role) -> bool:
    result = session.execute(
        delete(RoleMembership).where(
            RoleMembership.team_id == team_id, RoleMembership.user_id == user_id, RoleMembership.role == role.value
        )
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def members(session: Session, team_id: str) -> list[RoleMembership]:
    return list(
        session.scalars(
            select(RoleMembership)
            .where(RoleMembership.team_id == team_id)
            .order_by(RoleMembership.role, RoleMembership.user_id)
        )
    )


REFUSAL = "Sorry, you don't have permission to do that. Ask your partnership's business unit if you think you should."
