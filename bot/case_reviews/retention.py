"""Retention for case reviews: a case closed before the cutoff keeps its reference, states and dates
(and the audit log), but loses every free-text field: notifier's role, summary and rationales."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.case_reviews.states import State
from bot.timeutil import utcnow
from storage.case_reviews import CaseReview, CaseReviewEvent


def reduce_closed(session: Session, cutoff: date, dry_run: bool) -> list[tuple[str, str]]:
    """[(team_id, reference)] of closed cases reduced (or that would be, on a dry run)."""
    cases = session.scalars(
        select(CaseReview).where(CaseReview.state == State.CLOSED.value, CaseReview.closed_on < cutoff,
                                 CaseReview.reduced_at.is_(None)).order_by(CaseReview.id)
    ).all()
    if not dry_run:
        for case in cases:
            case.summary = None
            case.notifier_role = None
            case.reduced_at = utcnow()
            for event in session.scalars(select(CaseReviewEvent).where(CaseReviewEvent.case_id == case.id)):
                event.rationale = None
        session.flush()
    return [(c.team_id, c.ref) for c in cases]
