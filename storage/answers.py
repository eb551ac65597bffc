"""Tables for answers: feedback on answers and the questions nobody could answer (for `kb gaps`).

Feedback keeps which entry was rated and how; for "not helpful" it also keeps the question, screened with
`bot.privacy.redact` (never the raw text), so the business unit can review the answer (`kb gaps`, the weekly
digest); that text is cleared after RETENTION_MONTHS. Unanswered questions keep the text (that is what
`kb gaps` is for), screened the same way before it is stored.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NamedTuple

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text, UniqueConstraint, func, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from storage.base import Base, TeamScoped, utcnow

QUESTION_MAX = 500
TOPIC_MAX = 80


class AnswerFeedback(Base, TeamScoped):
    __tablename__ = "answer_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(String(200), index=True)
    helpful: Mapped[bool] = mapped_column(Boolean)
    question: Mapped[str | None] = mapped_column(Text, nullable=True)  # redacted; "not helpful" only
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class UnansweredQuestion(Base, TeamScoped):
    __tablename__ = "unanswered_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    partnership: Mapped[str | None] = mapped_column(String(64))
    question: Mapped[str] = mapped_column(Text)
    # the knowledge topic the question came nearest to (a suggestion's; "" none, NULL before 0011): no typed text
    topic: Mapped[str | None] = mapped_column(String(80), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class QuestionCount(Base, TeamScoped):
    """Questions asked in a week, by area, topic and outcome: counts only (bot.answers.tally), for insight."""

    __tablename__ = "question_counts"
    __table_args__ = (UniqueConstraint("team_id", "partnership", "week", "topic", "outcome", "safety"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    partnership: Mapped[str] = mapped_column(String(64))  # "" when the area was not known
    week: Mapped[date] = mapped_column(Date, index=True)  # Monday, Europe/London
    topic: Mapped[str] = mapped_column(String(80))  # the answering entry's topic; "" when none
    outcome: Mapped[str] = mapped_column(String(24))  # knowledge.answering.Outcome
    safety: Mapped[bool] = mapped_column(Boolean)  # led with the 999 line and the front door
    count: Mapped[int] = mapped_column(Integer)


class CountKey(NamedTuple):
    team_id: str
    partnership: str
    week: date
    topic: str
    outcome: str
    safety: bool


def add_question_counts(session: Session, counts: Counter[CountKey]) -> None:
    """Add to each key's row, creating it when new (an update first, so two writers never lose a count)."""
    for key, n in counts.items():
        cols = (QuestionCount.team_id == key.team_id, QuestionCount.partnership == key.partnership,
                QuestionCount.week == key.week, QuestionCount.topic == key.topic,
                QuestionCount.outcome == key.outcome, QuestionCount.safety.is_(key.safety))
        done = session.execute(update(QuestionCount).where(*cols).values(count=QuestionCount.count + n))
        if not done.rowcount:  # type: ignore[attr-defined]
            with session.begin_nested():
                session.add(QuestionCount(**key._asdict(), count=n))


def question_counts(session: Session, *, since: date, until: date, team_id: str | None = None,
                    partnership: str | None = None) -> list[QuestionCount]:
    stmt = select(QuestionCount).where(QuestionCount.week >= since - timedelta(days=6), QuestionCount.week <= until)
    if team_id:
        stmt = stmt.where(QuestionCount.team_id == team_id)
    if partnership:
        stmt = stmt.where(QuestionCount.partnership == partnership)
    return list(session.scalars(stmt))


# Slack's own tokens in a question kept for review: a ping, a mention, a channel, a link (its label kept as text). A
# practitioner's words never take these shapes; a forged button value can, and the review list must not carry them.
_SLACK_TOKEN = re.compile(r"<(?:[!@#][^<>]*|(?:https?://|mailto:)[^<>|]*(?:\|([^<>]*))?)>")


def _screen(text: str) -> str:
    """A question fit to keep: Slack's tokens and NUL characters out (PostgreSQL refuses NUL), then redacted."""
    text = _SLACK_TOKEN.sub(lambda m: m.group(1) or " ", text.replace("\x00", " "))
    text = " ".join(text.split())
    try:
        from bot.privacy import redact
    except ImportError:  # pragma: no cover - the foundation ships it
        return text
    return redact(text)


def record_feedback(
    session: Session, *, team_id: str, entry_id: str, helpful: bool, question: str | None = None
) -> AnswerFeedback:
    """Store a rating; a "not helpful" keeps its question redacted (a helpful one keeps none)."""
    text = _screen(question)[:QUESTION_MAX] if question and not helpful else None
    row = AnswerFeedback(team_id=team_id, entry_id=entry_id, helpful=helpful, question=text or None)
    session.add(row)
    session.flush()
    return row


def record_unanswered(session: Session, *, team_id: str, partnership: str | None, question: str,
                      topic: str = "") -> UnansweredQuestion:
    text = _screen(question)[:QUESTION_MAX]
    row = UnansweredQuestion(team_id=team_id, partnership=partnership, question=text, topic=topic[:TOPIC_MAX])
    session.add(row)
    session.flush()
    return row


class Unanswered(NamedTuple):
    question: str  # redacted when stored
    partnership: str | None
    count: int
    topic: str  # the nearest knowledge topic ("" none); when the same text came near several, one of them


def unanswered_summary(
    session: Session, *, team_id: str | None = None, limit: int = 30, since: datetime | None = None,
    partnership: str | None = None,
) -> list[Unanswered]:
    """Questions most frequent first; same text (case-folded) counts together."""
    key = func.lower(UnansweredQuestion.question)
    stmt = (
        select(func.min(UnansweredQuestion.question), UnansweredQuestion.partnership, func.count(),
               func.max(func.coalesce(UnansweredQuestion.topic, "")))
        .group_by(key, UnansweredQuestion.partnership)
        .order_by(func.count().desc(), func.min(UnansweredQuestion.question))
        .limit(limit)
    )
    if team_id:
        stmt = stmt.where(UnansweredQuestion.team_id == team_id)
    if since is not None:
        stmt = stmt.where(UnansweredQuestion.created_at >= since)
    if partnership is not None:
        stmt = stmt.where(UnansweredQuestion.partnership == partnership)
    return [Unanswered(q, p, int(n), t or "") for q, p, n, t in session.execute(stmt).all()]


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


@dataclass
class NotHelpful:
    entry_id: str
    count: int
    questions: list[str] = field(default_factory=list)  # redacted, newest first, distinct


def not_helpful_summary(
    session: Session, *, team_id: str | None = None, since: datetime | None = None, limit: int = 30, per_entry: int = 3
) -> list[NotHelpful]:
    """Entries marked not helpful, most often first, with up to `per_entry` of their redacted questions."""
    stmt = select(AnswerFeedback).where(AnswerFeedback.helpful.is_(False))
    if team_id:
        stmt = stmt.where(AnswerFeedback.team_id == team_id)
    if since is not None:
        stmt = stmt.where(AnswerFeedback.created_at >= since)
    out: dict[str, NotHelpful] = {}
    for row in session.scalars(stmt.order_by(AnswerFeedback.created_at.desc(), AnswerFeedback.id.desc())):
        item = out.setdefault(row.entry_id, NotHelpful(row.entry_id, 0))
        item.count += 1
        if row.question and row.question not in item.questions and len(item.questions) < per_entry:
            item.questions.append(row.question)
    return sorted(out.values(), key=lambda n: (-n.count, n.entry_id))[:limit]


def clear_feedback_text(session: Session, before: datetime, *, dry_run: bool = False) -> list[tuple[str, int]]:
    """Retention: drop the stored question of feedback older than `before`; (team_id, row id) of those touched."""
    rows = [(team, row_id) for team, row_id in session.execute(
        select(AnswerFeedback.team_id, AnswerFeedback.id).where(
            AnswerFeedback.created_at < before, AnswerFeedback.question.is_not(None)))]
    if rows and not dry_run:
        session.execute(update(AnswerFeedback).where(AnswerFeedback.id.in_([r for _t, r in rows]))
                        .values(question=None))
    return rows
