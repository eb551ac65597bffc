"""Case review changes together with their reminders, in the caller's one transaction.

The change (bot.case_reviews.service) and the deadline reminders it implies (bot.case_reviews.reminders) are
written on the same Session, so a crash can never leave a step recorded without its reminders re-laid (or the
reverse). Posting or updating the card in Slack happens after the commit; the reminders are the record.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.case_reviews import service
from bot.case_reviews.deadlines import Timescales
from bot.case_reviews.reminders import sync
from bot.case_reviews.states import Action
from bot.partnerships import business_unit_channel
from storage.case_reviews import CaseReview


def notify(session: Session, *, team_id: str, actor_id: str, form: service.Notification, scales: Timescales,
           now: datetime) -> CaseReview:
    """Record the notification and lay its reminders in the business-unit channel (threaded once the card exists)."""
    case = service.notify(session, team_id=team_id, actor_id=actor_id, form=form)
    case.card_channel = business_unit_channel(session, team_id)
    sync(session, case, service.deadlines_of(case, scales), now)
    return case


def transition(session: Session, case: CaseReview, action: Action | str, *, actor_id: str, happened_on: date,
               rationale: str | None, planned_publication_on: date | None, scales: Timescales, now: datetime) -> None:
    service.apply_transition(session, case, action, actor_id=actor_id, happened_on=happened_on, rationale=rationale,
                             planned_publication_on=planned_publication_on)
    sync(session, case, service.deadlines_of(case, scales), now)


def correct(session: Session, case: CaseReview, *, actor_id: str, values: dict[str, date | None], scales: Timescales,
            now: datetime) -> None:
    if service.correct_dates(session, case, actor_id=actor_id, values=values):
        sync(session, case, service.deadlines_of(case, scales), now)
