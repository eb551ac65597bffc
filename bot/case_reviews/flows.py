"""Case review changes together with their reminders, in the caller's one transaction; then the card.

The change (bot.case_reviews.service) and the deadline reminders it implies (bot.case_reviews.reminders) are
written on the same Session, so a crash can never leave a step recorded without its reminders re-laid (or the
reverse). Posting or updating the card in Slack happens after the commit; the reminders are the record.
A refusal found inside a write transaction changes nothing and is returned (`Outcome.refused`), never
written there: the listener audits it and replies through handlers.authorize.refuse, the one refusal path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from slack_sdk import WebClient
from sqlalchemy.orm import Session

from bot.authz import REFUSAL
from bot.cardplace import card_metadata, find_lost, save_place
from bot.case_reviews import blocks, service, texts
from bot.case_reviews.deadlines import Timescales
from bot.case_reviews.reminders import sync
from bot.case_reviews.states import STATE_LABELS, Action, State, Transition
from bot.logs import get_logger
from bot.partnerships import business_unit_channel
from storage.case_reviews import CaseReview
from storage.db import Database

log = get_logger(__name__)

MayManage = Callable[[CaseReview], bool]
"""Whether the person may manage this case (the business unit of its partnership, or an admin)."""


@dataclass(frozen=True)
class Outcome:
    """Nothing to say when done; else what to tell the person, and whether it is a refusal to audit."""

    problem: str | None = None
    refused: bool = False


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


def _refusal(case: CaseReview | None, ref: str) -> Outcome:
    return Outcome(REFUSAL if case is not None else texts.NOT_FOUND.format(ref=service.shown_ref(ref)), refused=True)


def refusal(db: Database, team_id: str, ref: str, may_manage: MayManage) -> Outcome | None:
    """The refusal when this person may not manage this case, else None: read-only, checked before any typed
    text is screened, so a refused person's rationale is never looked at."""
    with db.read() as s:
        case = service.get_case(s, team_id, ref)
        return None if case is not None and may_manage(case) else _refusal(case, ref)


def record_step(db: Database, *, team_id: str, actor_id: str, may_manage: MayManage, ref: str, shown_state: str,
                t: Transition, happened_on: date, rationale: str | None, planned_publication_on: date | None,
                scales: Timescales, now: datetime, today: date) -> Outcome:
    """One step from the step modal, in one transaction with the case row locked: refused, stale (the case
    moved since the modal opened), a date that cannot be right, or recorded with its reminders."""
    with db.session() as s:
        case = service.get_case(s, team_id, ref, for_update=True)
        if case is None or not may_manage(case):
            return _refusal(case, ref)
        if case.state != shown_state:
            return Outcome(texts.STALE.format(ref=ref, state=STATE_LABELS[State(case.state)]))
        if problem := service.check_transition_date(case, t, happened_on, today):
            return Outcome(problem)
        transition(s, case, t.action, actor_id=actor_id, happened_on=happened_on, rationale=rationale,
                   planned_publication_on=planned_publication_on, scales=scales, now=now)
    return Outcome()


def record_corrections(db: Database, *, team_id: str, actor_id: str, may_manage: MayManage, ref: str,
                       values: dict[str, date | None], scales: Timescales, now: datetime,
                       today: date) -> tuple[Outcome, dict[str, str]]:
    """Corrected dates in one transaction: refused, field messages by date name, or saved with the reminders."""
    with db.session() as s:
        case = service.get_case(s, team_id, ref, for_update=True)
        if case is None or not may_manage(case):
            return _refusal(case, ref), {}
        errors = service.check_corrections(case, values, today)
        if not errors:
            correct(s, case, actor_id=actor_id, values=values, scales=scales, now=now)
    return Outcome(), errors


def publish_card(db: Database, scales: Timescales, client: WebClient, team_id: str, ref: str,
                 today: date, now: datetime, *, fresh: bool = False) -> str | None:
    """Update the card in place (or post it if there is none yet); a note if it failed. The reminders were
    laid with the change; a new card only threads them. With no place saved, a card posted before (its place
    lost to a database outage) is looked for by its metadata and updated (bot.cardplace.find_lost), unless
    `fresh` (just notified: nothing posted yet)."""
    with db.read() as s:  # reads only: no write lock while the card is rendered
        case = service.get_case(s, team_id, ref)
        if case is None:
            return None
        channel = case.card_channel or business_unit_channel(s, team_id)
        payload = {"text": blocks.card_text(case),
                   "blocks": blocks.card(case, service.deadlines_of(case, scales), today)}
        existing, case_id = case.card_ts, case.id
    if channel is None:
        return texts.NO_CHANNEL.format(ref=ref)
    found = None if existing or fresh else find_lost(client, channel, "case_review", case_id, ref=ref)
    try:
        if existing:
            client.chat_update(channel=channel, ts=existing, **payload)
            return None
        if found:
            client.chat_update(channel=channel, ts=found[1], **payload)
            new_ts = found[1]
        else:
            new_ts = client.chat_postMessage(channel=channel, metadata=card_metadata("case_review", case_id),
                                             **payload)["ts"]
    except Exception as exc:  # the case is stored; say so rather than fail
        log.warning("case_review.card_failed", ref=ref, error=type(exc).__name__)
        return texts.CARD_FAILED.format(ref=ref)

    def save(s: Session) -> None:  # the place, and the reminders threaded under the new card
        case = service.get_case(s, team_id, ref, for_update=True)
        if case is not None:
            case.card_channel, case.card_ts = channel, new_ts
            sync(s, case, service.deadlines_of(case, scales), now)

    save_place(db, save, event="case_review.card_place_failed", ref=ref)
    return None


def after_change(db: Database, scales: Timescales, client: WebClient, team_id: str, ref: str, today: date,
                 now: datetime) -> None:
    """The change is committed; a failure here only delays the card (logged, never shown as a traceback)."""
    try:
        publish_card(db, scales, client, team_id, ref, today, now)
    except Exception as exc:
        log.error("case_review.card_update_failed", ref=ref, error=type(exc).__name__)


def after_notify(db: Database, scales: Timescales, client: WebClient, team_id: str, user_id: str, ref: str,
                 today: date, now: datetime) -> None:
    """The card in the business-unit channel, then the notifier's confirmation with the deadlines (a DM)."""
    try:
        note = publish_card(db, scales, client, team_id, ref, today, now, fresh=True)
        with db.read() as s:  # reads only, so rendering here holds no write lock (other requests wait on it)
            case = service.get_case(s, team_id, ref)
            assert case is not None
            text, out = blocks.confirmation(case, service.deadlines_of(case, scales), today, note)
        client.chat_postMessage(channel=user_id, text=text, blocks=out)
    except Exception as exc:  # stored already: the card and reminders catch up on the next change
        log.error("case_review.after_notify_failed", ref=ref, error=type(exc).__name__)
        try:  # but the notifier must hear it was stored, or they submit a second case
            client.chat_postMessage(channel=user_id, text=texts.STORED_NOT_CONFIRMED.format(ref=ref))
        except Exception as again:
            log.error("case_review.stored_notice_failed", ref=ref, error=type(again).__name__)
