"""Retention for escalations: one closed before the cutoff keeps its reference, agency, category, steps and
dates (what the QA report counts) and its audit trail, but loses the free text: the agency's case reference,
what was tried, the outcome wanted, the outcome and every note."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.escalations.states import State
from storage.escalations import Escalation, EscalationEvent

REMOVED = "(removed under the retention policy)"


def reduce_closed(session: Session, cutoff: date, dry_run: bool) -> list[tuple[str, str]]:
    """[(team_id, reference)] of closed escalations reduced (or that would be, on a dry run)."""
    rows = session.scalars(
        select(Escalation).where(Escalation.state.in_([State.RESOLVED.value, State.WITHDRAWN.value]),
                                 Escalation.closed_on < cutoff, Escalation.tried != REMOVED).order_by(Escalation.id)
    ).all()
    if not dry_run:
        for esc in rows:
            esc.case_ref, esc.tried, esc.outcome_wanted = "-", REMOVED, REMOVED
            esc.outcome = None
            for event in session.scalars(select(EscalationEvent).where(EscalationEvent.escalation_id == esc.id)):
                event.text = None
        session.flush()
    return [(e.team_id, e.ref) for e in rows]
