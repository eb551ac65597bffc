"""Tables for case reviews: the case (dates, state, card) and its timeline of transitions.

A case carries only its anonymised reference; the few free-text fields (notifier's role, summary,
rationales) are screened by `bot.privacy` before they reach here and are cleared by retention.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.base import Base, TeamScoped, Timestamped, utcnow

OPEN = text("state <> 'closed'")


class CaseReview(Base, TeamScoped, Timestamped):
    """One notified serious incident, tracked through the statutory route."""

    __tablename__ = "case_reviews"
    __table_args__ = (
        UniqueConstraint("team_id", "ref"),
        # open cases (lists, digest, daily re-lay) out of years of closed ones: a partial index of the open ones
        Index("ix_case_reviews_open_team", "team_id", postgresql_where=OPEN, sqlite_where=OPEN),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ref: Mapped[str] = mapped_column(String(20))  # CR-2026-007: the only case identifier shown
    partnership: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(24), index=True)
    outcome: Mapped[str | None] = mapped_column(String(24))  # not_notified | no_further_review | ... on close
    review_type: Mapped[str | None] = mapped_column(String(16))  # local | national | none
    notifier_id: Mapped[str] = mapped_column(String(32))
    notifying_agency: Mapped[str] = mapped_column(String(32))
    notifier_role: Mapped[str | None] = mapped_column(String(200))
    criteria: Mapped[list[str]] = mapped_column(JSON, default=list)
    age_band: Mapped[str] = mapped_column(String(16))
    agencies_involved: Mapped[list[str]] = mapped_column(JSON, default=list)
    summary: Mapped[str | None] = mapped_column(Text)
    incident_on: Mapped[date] = mapped_column(Date)
    aware_on: Mapped[date] = mapped_column(Date)
    partners_consulted_on: Mapped[date | None] = mapped_column(Date)
    notified_on: Mapped[date | None] = mapped_column(Date)
    rapid_review_sent_on: Mapped[date | None] = mapped_column(Date)
    decision_on: Mapped[date | None] = mapped_column(Date)
    planned_publication_on: Mapped[date | None] = mapped_column(Date)
    report_sent_on: Mapped[date | None] = mapped_column(Date)
    published_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date, index=True)
    card_channel: Mapped[str | None] = mapped_column(String(32))
    card_ts: Mapped[str | None] = mapped_column(String(32))
    reduced_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    events: Mapped[list[CaseReviewEvent]] = relationship(
        back_populates="case", order_by="CaseReviewEvent.id", cascade="all, delete-orphan"
    )


class CaseReviewEvent(Base, TeamScoped, Timestamped):
    """One step on the route (or a date correction), with the screened rationale when one was asked for."""

    __tablename__ = "case_review_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_reviews.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str] = mapped_column(String(24))
    to_state: Mapped[str] = mapped_column(String(24))
    happened_on: Mapped[date | None] = mapped_column(Date)
    rationale: Mapped[str | None] = mapped_column(Text)
    actor_id: Mapped[str] = mapped_column(String(32))
    changes: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # field -> [before, after] dates

    case: Mapped[CaseReview] = relationship(back_populates="events")
