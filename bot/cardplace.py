"""Where a card was posted, after Slack took it: the one helper escalations and case reviews share.

The card is already in Slack when its place (channel, ts) is written, in a transaction of its own. One brief
database fault is retried once; a second failure is logged by ids only (never the card's text). Every card
carries its record's id in Slack message metadata (`card_metadata`), so a change that finds no place saved
looks for the card in its conversation's history first (`find_lost`, through bot.posted, the lookup the
reminders' restart reconciliation uses) and updates it, instead of posting it a second time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot.logs import get_logger
from bot.posted import conversation_for, find_posted, metadata
from storage.db import Database

log = get_logger(__name__)

LOOKUP_PAGES = 5  # up to 1,000 of the conversation's newest messages: a card is found after a busy week


def card_metadata(kind: str, record_id: int) -> dict[str, Any]:
    """What a card carries so it can be found again (`kind`: "escalation", "case_review")."""
    return metadata(f"safeguarding_{kind}_card", record_id)


def find_lost(client: WebClient, channel: str, kind: str, record_id: int, *, ref: str,
              oldest: float | None = None) -> tuple[str, str] | None:
    """A card posted before whose place was never saved: (its conversation, its ts) from the history, or None.

    If Slack cannot say (no history scope, an error), None is logged by ids and the card is posted afresh:
    a second card is better than none."""
    try:
        where = conversation_for(client, channel)
        ts = find_posted(client, where, f"safeguarding_{kind}_card", record_id, oldest=oldest, pages=LOOKUP_PAGES)
    except Exception as exc:
        log.warning(f"{kind}.card_lookup_failed", ref=ref, error=type(exc).__name__)
        return None
    if ts is not None:
        log.info(f"{kind}.card_found", ref=ref)
    return (where, ts) if ts is not None else None


def save_place(db: Database, save: Callable[[Session], None], *, event: str, ref: str) -> bool:
    """Run `save` in a transaction, once more if the database fails; False (logged) if both attempts fail."""
    for attempt in (1, 2):
        try:
            with db.session() as s:
                save(s)
            return True
        except SQLAlchemyError as exc:
            log.warning(event, ref=ref, attempt=attempt, error=type(exc).__name__)
    return False
