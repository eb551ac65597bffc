"""Tables for answers: feedback on answers and the questions nobody could answer (for `kb gaps`).

Feedback keeps no question text at all: only which entry was rated and how. Unanswered questions keep
the text (that is what `kb gaps` is for), screened with `bot.privacy.redact` before it is stored.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from storage.base import Base, TeamScoped, utcnow

QUESTION_MAX = 500


class AnswerFeedback(Base, TeamScoped):
    __tablename__ = "answer_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(String(200), index=True)
    helpful: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class UnansweredQuestion(Base, TeamScoped):
    __tablename__ = "unanswered_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    partnership: Mapped[str | None] = mapped_column(String(64))
    question: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def _screen(text: str) -> str:
    try:
        from bot.privacy import redact
    except ImportError:  # pragma: no cover - the foundation ships it
        return text
    return redact(text)


def record_feedback(session: Session, *, team_id: str, entry_id: str, helpful: bool) -> AnswerFeedback:
    row = AnswerFeedback(team_id=team_id, entry_id=entry_id, helpful=helpful)
    session.add(row)
    session.flush()
    return row


def record_unanswered(session: Session, *, team_id: str, partnership: str | None, question: str) -> UnansweredQuestion:
    text = _screen(" ".join(question.replace("\x00", " ").split()))[:QUESTION_MAX]  # PostgreSQL refuses NUL
    row = UnansweredQuestion(team_id=team_id, partnership=partnership, question=text)
    session.add(row)
    session.flush()
    return row


def unanswered_summary(
    session: Session, *, team_id: str | None = None, limit: int = 30
) -> list[tuple[str, str | None, int]]:
    """(question, partnership, times asked), most frequent first; same text (case-folded) counts together."""
    key = func.lower(UnansweredQuestion.question)
    stmt = (
        select(func.min(UnansweredQuestion.question), UnansweredQuestion.partnership, func.count())
        .group_by(key, UnansweredQuestion.partnership)
        .order_by(func.count().desc(), func.min(UnansweredQuestion.question))
        .limit(limit)
    )
    if team_id:
        stmt = stmt.where(UnansweredQuestion.team_id == team_id)
    return [(q, p, int(n)) for q, p, n in session.execute(stmt).all()]


def feedback_summary(session: Session, *, team_id: str | None = None) -> dict[str, tuple[int, int]]:
    """entry id -> (helpful, not helpful)."""
    stmt = select(AnswerFeedback.entry_id, AnswerFeedback.helpful, func.count()).group_by(
        AnswerFeedback.entry_id, AnswerFeedback.helpful
    )
    if team_id:
        stmt = stmt.where(AnswerFeedback.team_id == team_id)
    out: dict[str, tuple[int, int]] = {}
    for entry_id, helpful, n in session.execute(stmt).all():
        yes, no = out.get(entry_id, (0, 0))
        out[entry_id] = (yes + int(n), no) if helpful else (yes, no + int(n))
    return out
