"""Time as people see it: Europe/London, whatever the host's TZ. Stored timestamps are UTC-aware."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def now() -> datetime:
    """Current time in London (time-machine travels this, tests need no patching)."""
    return datetime.now(LONDON)


def utcnow() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return now().date()


def to_london(moment: datetime) -> datetime:
    if moment.tzinfo is None:  # SQLite returns naive datetimes for UTC columns
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LONDON)


def format_date(day: date) -> str:
    """'Tue 3 Feb 2026': weekday included because deadlines are read on phones in a hurry."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def format_datetime(moment: datetime) -> str:
    local = to_london(moment)
    return f"{format_date(local.date())} {local:%H:%M}"
