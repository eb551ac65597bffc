"""Retention for answers: an unanswered question (kept, redacted, so the knowledge base's gaps can be
filled) is deleted once older than the cutoff; feedback holds only an entry id and is kept."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.timeutil import LONDON
from storage.answers import UnansweredQuestion


def delete_old_questions(session: Session, cutoff: date, dry_run: bool) -> list[tuple[str, str]]:
    """[(team_id, "Q<id>")] of unanswered questions asked before the cutoff, deleted unless a dry run."""
    before = datetime.combine(cutoff, datetime.min.time(), tzinfo=LONDON)
    rows = session.scalars(select(UnansweredQuestion).where(UnansweredQuestion.created_at < before)
                           .order_by(UnansweredQuestion.id)).all()
    out = [(q.team_id, f"Q{q.id}") for q in rows]
    if not dry_run:
        for q in rows:
            session.delete(q)
        session.flush()
    return out
