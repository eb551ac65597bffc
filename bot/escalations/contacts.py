"""Agency contacts: which Slack user or group an escalation card mentions for an agency (set by admins)."""

from __future__ import annotations

import re
import shlex

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.escalations.fields import MAX_AGENCY, check_text
from bot.mrkdwn import echo, escape
from knowledge.partnerships import display_name
from storage import audit
from storage.escalations import EscalationContact

_TARGET = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>|<!subteam\^(S[A-Z0-9]+)(?:\|[^>]*)?>|\b([UWS][A-Z0-9]{6,})\b")


class ContactError(ValueError):
    """A contacts command the admin can correct; the message says how."""


def key(agency: str) -> str:
    return " ".join(agency.lower().split())[:200]


def parse_add(text: str) -> tuple[str, str]:
    """`"<agency>" @user` -> (agency, slack id). Quotes keep agency names with spaces together."""
    try:
        words = shlex.split(text)
    except ValueError:
        words = []
    m = _TARGET.search(text)
    if len(words) < 2 or m is None:
        raise ContactError('Use `/escalate contacts add "<agency>" @user` (or a @group).')
    agency = words[0].strip()
    if _TARGET.search(agency) or not agency:
        raise ContactError('Put the agency name first, in quotes: `/escalate contacts add "Cheshire Police" @sam`.')
    if problem := check_text(agency, limit=MAX_AGENCY):  # an agency's name, shown on every card: never a person's
        raise ContactError(problem)
    return agency, next(g for g in m.groups() if g)


def mention(slack_id: str) -> str:
    return f"<!subteam^{slack_id}>" if slack_id.startswith("S") else f"<@{slack_id}>"


def add(session: Session, *, team_id: str, partnership: str, agency: str, slack_id: str, actor: str) -> bool:
    """Map (or re-map) an agency; True if it was new."""
    row = session.scalars(select(EscalationContact).where(
        EscalationContact.team_id == team_id, EscalationContact.partnership == partnership,
        EscalationContact.agency_key == key(agency))).one_or_none()
    before = {"slack_id": row.slack_id} if row else None
    if row is None:
        row = EscalationContact(team_id=team_id, partnership=partnership, agency=agency[:200], agency_key=key(agency),
                                slack_id=slack_id, added_by=actor)
        session.add(row)
    else:
        row.slack_id, row.added_by = slack_id, actor
    session.flush()
    audit.record(session, team_id=team_id, actor_id=actor, action="escalation.contact_set",
                 entity_type="escalation_contact", entity_id=str(row.id), before=before,
                 after={"slack_id": slack_id, "partnership": partnership})
    return before is None


def remove(session: Session, *, team_id: str, partnership: str, agency: str, actor: str) -> bool:
    row = session.scalars(select(EscalationContact).where(
        EscalationContact.team_id == team_id, EscalationContact.partnership == partnership,
        EscalationContact.agency_key == key(agency))).one_or_none()
    if row is None:
        return False
    audit.record(session, team_id=team_id, actor_id=actor, action="escalation.contact_removed",
                 entity_type="escalation_contact", entity_id=str(row.id), before={"slack_id": row.slack_id})
    session.delete(row)
    return True


def listing(session: Session, team_id: str, partnership: str) -> list[EscalationContact]:
    return list(session.scalars(select(EscalationContact).where(
        EscalationContact.team_id == team_id, EscalationContact.partnership == partnership,
    ).order_by(EscalationContact.agency_key)))


def mention_for(session: Session, team_id: str, partnership: str, agency: str) -> str | None:
    row = session.scalars(select(EscalationContact).where(
        EscalationContact.team_id == team_id, EscalationContact.partnership == partnership,
        EscalationContact.agency_key == key(agency))).one_or_none()
    return mention(row.slack_id) if row else None


def command(session: Session, *, team_id: str, partnership: str, actor: str, word: str, rest: str) -> str:
    """`/escalate contacts [add "<agency>" <@user|#channel> | remove "<agency>"]`: the change, and what to say.
    Raises ContactError for a form it cannot read."""
    area = display_name(partnership)
    if word == "add":
        agency, target = parse_add(rest)
        add(session, team_id=team_id, partnership=partnership, agency=agency, slack_id=target, actor=actor)
        return f"Escalations with *{escape(agency)}* in {area} will mention {mention(target)}."
    if word == "remove":
        agency = rest.strip().strip('"')
        gone = remove(session, team_id=team_id, partnership=partnership, agency=agency, actor=actor)
        return f"Removed the contact for *{escape(agency)}*." if gone else f"No contact for *{echo(agency)}*."
    rows = listing(session, team_id, partnership)
    lines = [f"• {escape(r.agency)} → {mention(r.slack_id)}" for r in rows] or ["_none yet_"]
    return f"*Agency contacts in {area}*\n" + "\n".join(lines)
