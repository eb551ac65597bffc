"""Saving where a card was posted, after Slack took it: the one helper escalations and case reviews share.

The card is already in Slack when its place (channel, ts) is written, in a transaction of its own. If that
write is lost, the next change posts a second card instead of updating the first; so one brief database
fault is retried once, and a second failure is logged by ids only (never the card's text).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot.logs import get_logger
from storage.db import Database

log = get_logger(__name__)


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
