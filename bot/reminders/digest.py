"""The Monday 09:00 digest to each business-unit channel: open case reviews and escalations (overdue first)
and the week's meetings. It is a delivery row like any reminder (source "digest"), so it is posted once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.answers.feedback import digest_section as feedback_section
from bot.logs import get_logger
from bot.reminders import blocks as rb
from bot.reminders import deliveries
from bot.reminders.deliveries import Planned, Source
from bot.reminders.schedule import upcoming_meetings
from bot.reminders.states import Series
from bot.summary import OpenItem
from bot.timeutil import at_nine, format_date, to_london
from storage.core import Workspace
from storage.reminders import ReminderOccurrence, ReminderSeries

log = get_logger(__name__)
DIGEST_TIME = (0, 9, 0)  # Monday, 09:00 London

ItemSource = Callable[[Session, str], list[OpenItem]]


_SOURCES: list[ItemSource] = []


def register_source(source: ItemSource) -> None:
    """A capability's open items for the digest (bot.capabilities registers them; idempotent)."""
    if source not in _SOURCES:
        _SOURCES.append(source)


def _sources() -> list[ItemSource]:
    if not _SOURCES:  # loud, never a silently empty digest: every runner builds Services, which registers them
        raise RuntimeError("no digest sources registered: call bot.capabilities.register_all() (Services does)")
    return list(_SOURCES)


def open_items(session: Session, team_id: str) -> list[OpenItem]:
    items: list[OpenItem] = []
    for source in _sources():
        items.extend(source(session, team_id))
    return sorted(items, key=lambda i: (not i.overdue, i.next_deadline is None, i.next_deadline, i.ref))


def week_meetings(session: Session, team_id: str, monday: datetime) -> list[tuple[datetime, str]]:
    end = monday + timedelta(days=7)
    out = []
    for series in session.scalars(select(ReminderSeries).where(
            ReminderSeries.team_id == team_id, ReminderSeries.state == Series.ACTIVE.value)):
        for meeting in upcoming_meetings(series, monday.date()):
            if meeting >= end:
                break
            out.append((meeting, series.name))
    return sorted(out)


def this_monday(now: datetime) -> datetime:
    local = to_london(now)
    day = local.date() - timedelta(days=local.weekday())
    return at_nine(day)


def ensure_weekly_digests(session: Session, now: datetime) -> int:
    """From Monday 09:00, write this week's digest row for each workspace with a business-unit channel."""
    monday = this_monday(now)
    if to_london(now) < monday:
        return 0
    key = f"weekly:{monday.date().isoformat()}"
    done = set(session.scalars(select(ReminderOccurrence.team_id).where(
        ReminderOccurrence.source == Source.DIGEST.value, ReminderOccurrence.key == key)))
    written = 0
    for ws in session.scalars(select(Workspace).where(Workspace.business_unit_channel.is_not(None))):
        if ws.team_id in done:
            continue
        text, blocks = rb.digest(format_date(monday.date()), open_items(session, ws.team_id),
                                 week_meetings(session, ws.team_id, monday))
        feedback = feedback_section(session, ws.team_id, since=monday - timedelta(days=7))
        blocks += [feedback] if feedback else []  # "not helpful" answers: titles and counts (rb.digest leaves room)
        due_at = max(monday, now)  # written late (down on Monday, or channel set later): due now, not missed
        written += deliveries.lay(session, team_id=ws.team_id, source=Source.DIGEST, source_ref=ws.team_id,
                                  planned=[Planned(key, due_at, text, blocks)], channel_id=ws.business_unit_channel,
                                  thread_ts=None, owner_id=None)
    return written
