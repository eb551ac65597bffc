"""Retention for processed_events: the rows that deduplicate Slack's event retries (Slack's event ids) and replayed
signed requests (`sig:` + a hash of the signature, bot/http_guard.py).

A signed request older than the five-minute window is refused by its timestamp, and Slack retries an event within
minutes, so a row has done its work a day after it was written. Left alone, one row a command or click piles up
for ever. Rows are counted per workspace (never listed one by one: the audit trail gets one line per workspace).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bot.http_guard import REPLAY_PREFIX
from bot.timeutil import utcnow
from storage.core import ProcessedEvent

# Far past the replay window (300 s) and Slack's retries (minutes): no claim this old can be needed again.
KEEP = timedelta(days=1)


def prune_claims(session: Session, cutoff: date, dry_run: bool) -> list[tuple[str, str]]:
    """[(team_id, "<n> replay claims" / "<n> event claims")] deleted (or that would be). `cutoff` (months ago)
    does not apply: these rows hold no case data and are pruned a day after they were written."""
    before = utcnow() - KEEP
    old = ProcessedEvent.received_at < before
    is_sig = ProcessedEvent.event_id.startswith(REPLAY_PREFIX)
    counts: Counter[tuple[str, bool]] = Counter()
    for sig, kind in ((True, is_sig), (False, ~is_sig)):  # (grouping by the LIKE itself fails on PostgreSQL)
        for team_id, n in session.execute(select(ProcessedEvent.team_id, func.count()).where(old, kind)
                                          .group_by(ProcessedEvent.team_id)):
            counts[(team_id, sig)] += n
    if not dry_run:
        session.execute(delete(ProcessedEvent).where(old))
    return [(team, f"{n} {'replay' if sig else 'event'} claims") for (team, sig), n in sorted(counts.items())]
